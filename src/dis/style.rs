//! How each version's `dis` module formats a disassembly.
//!
//! The instruction set comes from the spec; what differs here is the `dis` module of
//! each CPython release, so these rules are keyed on the version number. Checked against
//! the real 2.7 and 3.6–3.13; the rules for 2.4–2.6 and 3.0–3.5 follow those versions'
//! `dis.py` as published and cannot be checked against an interpreter here.

/// How an instruction line is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// 2.x: `print item,` statements: fields joined by single spaces, trailing padding
    /// kept (an argument-less line ends in the padded opcode name).
    Py2Print,
    /// 3.0–3.3: `print(item, end=' ')`: every field followed by a space, trailing
    /// space kept.
    Py3Print,
    /// 3.4–3.12: `Instruction._disassemble`: fields joined by spaces, right-stripped;
    /// `>>` marks jump targets, offsets are shown.
    Fields,
    /// 3.13: `Formatter`: `L<n>:` labels instead of offsets and `>>`.
    Labels,
}

/// Width of the line-number column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinenoWidth {
    /// Always 3 (≤3.6); wider numbers overflow it.
    Fixed3,
    /// 3 or the digits of the largest line if that is ≥ 1000 (3.7–3.9).
    Grow,
    /// As `Grow`, and no column at all when the code has no line starts (3.10–3.12).
    GrowOrOmit,
    /// 3.13: at least 3, 4 when a `--` (no line) start is shown, omitted without lines.
    Py313,
}

/// Everything version-dependent about the output of `dis`.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub major_minor: (u8, u8),
    pub layout: Layout,
    pub lineno_width: LinenoWidth,
    /// Offsets wider than 4 digits widen the column (3.7+); fixed 4 before.
    pub offset_width_grows: bool,
    /// Jump targets are found from the 16-bit argument alone, EXTENDED_ARG ignored
    /// (the variable-encoding `findlabels`, ≤3.5).
    pub labels_from_raw_arg: bool,
    /// Absolute jumps print `(to N)` too (3.10+); before only relative ones do.
    pub jabs_to: bool,
    /// `MAKE_FUNCTION` prints its flag names (3.8–3.12).
    pub make_function_flags: bool,
    /// Only `LOAD_CONST` resolves its constant; other const-kind opcodes show none (3.11).
    pub const_only_load_const: bool,
    /// `LOAD_GLOBAL`/`LOAD_ATTR` print "name + NULL" (3.13) instead of "NULL + name".
    pub null_after_name: bool,
    /// `COMPARE_OP` bit 4 prints `bool(op)` (3.13).
    pub compare_bool_bit: bool,
    /// 2.x: an argument after EXTENDED_ARG is a `long` and prints with an `L`.
    pub long_after_extended_arg: bool,
    /// 3.12+: arguments are C ints and wrap to negative past 2**31 - 1.
    pub signed_arg: bool,
    /// ≤3.5 `CALL_FUNCTION*` print "N positional, M keyword pair" (3.4, 3.5).
    pub call_nargs: bool,
    /// Exception-table targets are jump targets too (3.11, 3.12: `>>`).
    pub exception_targets_marked: bool,
}

impl Style {
    pub fn for_version(major_minor: (u8, u8)) -> Style {
        let mm = major_minor;
        let layout = if mm.0 == 2 {
            Layout::Py2Print
        } else if mm < (3, 4) {
            Layout::Py3Print
        } else if mm < (3, 13) {
            Layout::Fields
        } else {
            Layout::Labels
        };
        let lineno_width = if mm < (3, 7) {
            LinenoWidth::Fixed3
        } else if mm < (3, 10) {
            LinenoWidth::Grow
        } else if mm < (3, 13) {
            LinenoWidth::GrowOrOmit
        } else {
            LinenoWidth::Py313
        };
        Style {
            major_minor: mm,
            layout,
            lineno_width,
            offset_width_grows: mm >= (3, 7),
            labels_from_raw_arg: mm < (3, 6),
            jabs_to: mm >= (3, 10),
            make_function_flags: ((3, 8)..(3, 13)).contains(&mm),
            const_only_load_const: mm == (3, 11),
            null_after_name: mm >= (3, 13),
            compare_bool_bit: mm >= (3, 13),
            long_after_extended_arg: mm.0 == 2,
            signed_arg: mm >= (3, 12),
            call_nargs: ((3, 4)..(3, 6)).contains(&mm),
            exception_targets_marked: ((3, 11)..(3, 13)).contains(&mm),
        }
    }

    /// Python 2 reprs (no `b''` prefix on byte strings, `L` longs...).
    pub fn is_py2(&self) -> bool {
        self.major_minor.0 == 2
    }
}
