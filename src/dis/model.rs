//! One code object as `dis` sees it: decoded instructions with their resolved arguments,
//! line starts, jump-target marks or labels, positions, and the exception table; plus the
//! column widths the version's `dis` derives from them. The text and JSON printers both
//! read this.

use super::argrepr::{int_repr, ArgContext, Resolved};
use super::style::{LinenoWidth, Style};
use crate::bytecode::{
    co_lines, co_positions, decode, dis_line_starts, parse_exception_table, ExceptionTableEntry,
    LineRange, Position,
};
use crate::pyc::CodeObject;
use crate::spec::{ArgKind, LineTable, VersionSpec};
use std::collections::{BTreeSet, HashMap, HashSet};

/// One instruction line of the disassembly.
#[derive(Debug, Clone)]
pub struct DisInstr {
    pub offset: u32,
    pub opname: &'static str,
    /// The argument as `dis` holds it (signed from 3.12); `None` without one.
    pub arg: Option<i64>,
    /// 2.x: the argument is a `long` (it follows EXTENDED_ARG) and prints with `L`.
    pub arg_long: bool,
    pub resolved: Resolved,
    /// The instruction starts a line (a `dis` line start is at its offset).
    pub starts: bool,
    /// ≤3.12: the line it starts, if any. 3.13: its current line (`line_number`).
    pub line: Option<i32>,
    /// `>>` (≤3.12).
    pub jump_target: bool,
    /// `L<n>:` (3.13).
    pub label: Option<usize>,
    /// 3.11+: `co_positions()` of its first code unit.
    pub position: Option<Position>,
}

impl DisInstr {
    /// The argument column text: `repr(arg)`.
    pub fn arg_text(&self) -> Option<String> {
        self.arg.map(|a| int_repr(a, self.arg_long))
    }
}

/// One exception table entry with (3.13) the labels of its start, end and target.
#[derive(Debug, Clone, Copy)]
pub struct DisException {
    pub entry: ExceptionTableEntry,
    pub labels: Option<(usize, usize, usize)>,
}

/// A code object ready to print.
#[derive(Debug, Clone)]
pub struct DisCode {
    pub name: String,
    pub firstlineno: i32,
    pub instrs: Vec<DisInstr>,
    /// 0 omits the line-number column.
    pub lineno_width: usize,
    /// 0 omits the offset column (3.13).
    pub offset_width: usize,
    /// 3.13: width of the label column.
    pub label_width: usize,
    /// A blank line precedes each new source line (after the first instruction).
    pub blank_before_lines: bool,
    pub exceptions: Vec<DisException>,
    /// 3.10+: `co_lines()`.
    pub lines: Option<Vec<LineRange>>,
}

/// Which of `dis`'s two views of the instructions to build. They differ from 3.11 on:
/// `dis.disassemble` counts exception-table offsets as jump targets (3.11–3.12: handlers
/// get `>>`; 3.13: starts, ends and handlers get labels, which renumbers them), while
/// `dis.get_instructions` knows only the jumps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    /// What `dis.disassemble` prints.
    Text,
    /// What `dis.get_instructions` yields.
    Instructions,
}

/// Builds the `dis` view of one code object.
pub fn analyse(
    spec: &'static VersionSpec,
    style: &Style,
    code: &CodeObject,
    names: &CodeAddresses,
    view: View,
) -> Result<DisCode, String> {
    // Errors name the code object; "at byte N" is an offset in its co_code.
    let where_ = || format!("code object {} (line {})", code.name, code.firstlineno);
    let instrs = decode(spec, &code.code)
        .map_err(|e| format!("{}: {} (at byte {})", where_(), e.message(), e.offset))?;
    let exceptions = if spec.exceptions == crate::spec::ExceptionModel::Table {
        parse_exception_table(&code.exceptiontable).map_err(|e| format!("{}: {e}", where_()))?
    } else {
        Vec::new()
    };
    let code_len = code.code.len();
    let starts: Vec<(u32, Option<i32>)> =
        dis_line_starts(spec, &code.linetable, code.firstlineno, code_len);
    let start_map: HashMap<u32, Option<i32>> = starts.iter().copied().collect();

    // Jump targets: `>>` marks (≤3.12) or the label map (3.13).
    let mut targets: BTreeSet<u32> = BTreeSet::new();
    for ins in &instrs {
        if !ins.op.arg.is_jump() {
            continue;
        }
        if style.labels_from_raw_arg {
            // ≤3.5 `findlabels` reads the 16-bit argument without EXTENDED_ARG.
            let raw = ins.oparg() & 0xffff;
            let end = ins.offset + u32::from(ins.size);
            let unit = u32::from(spec.jump_unit);
            targets.insert(match ins.op.arg {
                ArgKind::Jabs => raw * unit,
                _ => end + raw * unit,
            });
        } else if let Some(t) = ins.target {
            targets.insert(t);
        }
    }
    let labelled = style.layout == super::style::Layout::Labels;
    if style.exception_targets_marked && view == View::Text {
        targets.extend(
            exceptions
                .iter()
                .filter(|e| e.start < e.end)
                .map(|e| e.target),
        );
    }
    if labelled && view == View::Text {
        for e in &exceptions {
            targets.extend([e.start, e.end, e.target]);
        }
    }
    let label_map: HashMap<u32, usize> = if labelled {
        targets
            .iter()
            .enumerate()
            .map(|(i, &o)| (o, i + 1))
            .collect()
    } else {
        HashMap::new()
    };
    let label_of = |o: u32| label_map.get(&o).copied();
    let ctx = ArgContext {
        spec,
        style,
        code,
        names,
        label_of: &label_of,
    };

    let positions = (spec.linetable == LineTable::Locations)
        .then(|| co_positions(spec, &code.linetable, code.firstlineno, code_len));

    let mut out = Vec::with_capacity(instrs.len());
    let mut current_line: Option<i32> = None;
    let mut after_extended = false;
    for ins in &instrs {
        let long = style.long_after_extended_arg && after_extended && ins.arg.is_some();
        if ins.arg.is_some() {
            after_extended = ins.is_extended_arg();
        }
        let (arg, resolved) = match ins.arg {
            Some(a) => {
                let shown = if style.signed_arg {
                    i64::from(a as i32)
                } else {
                    i64::from(a)
                };
                (
                    Some(shown),
                    ctx.resolve(ins, a, long)
                        .map_err(|m| format!("{}: {m} (at byte {})", where_(), ins.offset))?,
                )
            }
            None => (
                None,
                Resolved {
                    argval: "None".into(),
                    ..Resolved::default()
                },
            ),
        };
        let start = start_map.get(&ins.offset).copied();
        let line = if labelled {
            if let Some(l) = start {
                current_line = l;
            }
            current_line
        } else {
            start.flatten()
        };
        out.push(DisInstr {
            offset: ins.offset,
            opname: ins.op.name,
            arg,
            arg_long: long,
            resolved,
            starts: start.is_some(),
            line,
            jump_target: !labelled && targets.contains(&ins.offset),
            label: label_of(ins.offset),
            position: positions
                .as_ref()
                .map(|p| p.get(ins.offset as usize / 2).copied().unwrap_or_default()),
        });
    }

    let lineno_width = lineno_width(style, &starts);
    let offset_width = if labelled {
        0
    } else if style.offset_width_grows {
        let max = code_len.saturating_sub(2);
        if max >= 10000 {
            max.to_string().len()
        } else {
            4
        }
    } else {
        4
    };
    let exceptions = exceptions
        .into_iter()
        .map(|entry| DisException {
            entry,
            labels: labelled.then(|| {
                (
                    label_of(entry.start).unwrap_or(0),
                    label_of(entry.end).unwrap_or(0),
                    label_of(entry.target).unwrap_or(0),
                )
            }),
        })
        .collect();
    let lines = matches!(spec.linetable, LineTable::Linetable | LineTable::Locations)
        .then(|| co_lines(spec, &code.linetable, code.firstlineno, code_len));
    Ok(DisCode {
        name: code.name.to_string(),
        firstlineno: code.firstlineno,
        instrs: out,
        lineno_width,
        offset_width,
        label_width: 4 + label_map.len().to_string().len(),
        blank_before_lines: lineno_width > 0,
        exceptions,
        lines,
    })
}

/// The line-number column width the version's `dis` computes from the line starts.
fn lineno_width(style: &Style, starts: &[(u32, Option<i32>)]) -> usize {
    let digits = |n: i64| n.to_string().len();
    // dict(findlinestarts(co)).values(): later duplicates win, but offsets are unique.
    let values: Vec<Option<i32>> = starts.iter().map(|s| s.1).collect();
    match style.lineno_width {
        LinenoWidth::Fixed3 => 3,
        LinenoWidth::Grow | LinenoWidth::GrowOrOmit => match values.iter().flatten().max() {
            None if style.lineno_width == LinenoWidth::GrowOrOmit => 0,
            None => 3,
            Some(&m) if m >= 1000 => digits(i64::from(m)),
            Some(_) => 3,
        },
        LinenoWidth::Py313 => {
            // max(filter(None, values)): None and 0 are both left out.
            match values.iter().flatten().filter(|&&l| l != 0).max() {
                None => 0,
                Some(&m) => {
                    let w = digits(i64::from(m)).max(3);
                    if w < 4 && values.contains(&None) {
                        4
                    } else {
                        w
                    }
                }
            }
        }
    }
}

/// Stable stand-ins for the addresses in code object reprs: each code object of a file
/// gets `0x` + its depth-first index (from 1) times 0x1000, twelve hex digits.
pub struct CodeAddresses {
    by_ptr: HashMap<*const CodeObject, usize>,
}

impl CodeAddresses {
    pub fn new(root: &std::rc::Rc<CodeObject>) -> Self {
        let mut by_ptr = HashMap::new();
        let mut seen = HashSet::new();
        root.walk(&mut |c| {
            let p = std::rc::Rc::as_ptr(c);
            if seen.insert(p) {
                let n = by_ptr.len() + 1;
                by_ptr.insert(p, n);
            }
        });
        CodeAddresses { by_ptr }
    }

    pub fn address(&self, code: &CodeObject) -> String {
        let n = self.by_ptr.get(&(code as *const _)).copied().unwrap_or(0);
        format!("0x{:012x}", n * 0x1000)
    }

    /// `repr(code)`: `<code object NAME at 0x..., file "FILE", line N>` (2.x truncates
    /// the name to 100 and the file name to 300 bytes, as its `%.100s` does).
    pub fn code_repr(&self, code: &CodeObject, style: &Style) -> String {
        let (name, file) = if style.is_py2() {
            (truncate(&code.name, 100), truncate(&code.filename, 300))
        } else {
            (&*code.name, &*code.filename)
        };
        format!(
            "<code object {name} at {}, file \"{file}\", line {}>",
            self.address(code),
            code.firstlineno
        )
    }
}

fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}
