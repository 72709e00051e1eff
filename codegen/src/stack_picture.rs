//! How many values an instruction takes off the stack, read from the stack picture that
//! begins every opcode's `doc` (CPython's `(inputs -- outputs)` notation).
//!
//! The spec's `stack` formula is the net effect only; the picture says which part of it is
//! consumed. Tracers use this to show the operands an instruction consumed (`STORE_NAME
//! (2) x`, `BINARY_OP (2, 3)`). The notation is read as follows:
//! - `name` is one value; `name?` (present or not) and `name...` (a run) vary with the
//!   argument, as does a range `x_1, ..., x_n`;
//! - a lone `...` marks values left in place below: when both sides begin with the same
//!   items before it (`dict, ..., key, value -- dict, ...`), those items are not consumed.
//!
//! When the inputs are all single values their count is the answer; when only the outputs
//! are, the inputs are the outputs minus the net effect (a formula over `oparg`, which the
//! runtime evaluates); otherwise the count is not known and nothing is shown.

/// What the picture says about the values consumed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pops {
    /// Exactly this many.
    Fixed(u8),
    /// This many outputs minus the net stack effect.
    OutputsMinusEffect(u8),
    /// The picture does not say.
    Unknown,
}

/// The counts a stack picture gives: each side's number of values, when fixed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub inputs: Option<u8>,
    pub outputs: Option<u8>,
}

/// Reads the picture at the start of `doc`: None without one, or when the values left
/// below a deep `...` differ between the sides.
pub fn counts_of(doc: &str) -> Option<Counts> {
    let (inputs, outputs) = picture(doc)?.split_once("--")?;
    let mut inputs = items(inputs);
    let mut outputs = items(outputs);
    // Values left below a deep `...` are no operands.
    if let (Some(i), Some(o)) = (deep_marker(&inputs), deep_marker(&outputs)) {
        if inputs[..i] != outputs[..o] {
            return None;
        }
        inputs.drain(..=i);
        outputs.drain(..=o);
    }
    Some(Counts {
        inputs: count(&inputs),
        outputs: count(&outputs),
    })
}

/// What the picture at the start of `doc` says about the values consumed.
pub fn pops_of(doc: &str) -> Pops {
    match counts_of(doc) {
        Some(Counts {
            inputs: Some(n), ..
        }) => Pops::Fixed(n),
        Some(Counts {
            outputs: Some(m), ..
        }) => Pops::OutputsMinusEffect(m),
        _ => Pops::Unknown,
    }
}

/// The text between the opening parenthesis and its match.
fn picture(doc: &str) -> Option<&str> {
    let rest = doc.strip_prefix('(')?;
    let mut depth = 1;
    for (i, c) in rest.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(&rest[..i]);
                }
            }
            _ => {}
        }
    }
    None
}

fn items(side: &str) -> Vec<&str> {
    side.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// The index of a lone `...` that marks values below (not the middle of a range
/// `x_1, ..., x_n`).
fn deep_marker(items: &[&str]) -> Option<usize> {
    let i = items.iter().position(|s| *s == "...")?;
    let ranged =
        i > 0 && is_range_end(items[i - 1]) && items.get(i + 1).is_some_and(|s| is_range_end(s));
    (!ranged).then_some(i)
}

/// `x_1`, `x_n`, `x_n-1`: one end of a numbered range.
fn is_range_end(item: &str) -> bool {
    item.rsplit_once('_').is_some_and(|(_, suffix)| {
        suffix
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric())
    })
}

/// The number of values, when every item is one value.
fn count(items: &[&str]) -> Option<u8> {
    let variable = items
        .iter()
        .any(|s| *s == "..." || s.ends_with('?') || s.ends_with("...") || s.contains(' '));
    if variable {
        None
    } else {
        u8::try_from(items.len()).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::{pops_of, Pops};

    #[test]
    fn pictures() {
        assert_eq!(pops_of("(value --) Store."), Pops::Fixed(1));
        assert_eq!(pops_of("(left, right -- result) Add."), Pops::Fixed(2));
        assert_eq!(pops_of("(-- value) Load."), Pops::Fixed(0));
        assert_eq!(pops_of("(--) Nothing."), Pops::Fixed(0));
        assert_eq!(
            pops_of("(callable, args... -- result) Call."),
            Pops::OutputsMinusEffect(1)
        );
        assert_eq!(
            pops_of("(item_1, ..., item_n -- tuple) Build."),
            Pops::OutputsMinusEffect(1)
        );
        assert_eq!(
            pops_of("(dict, ..., key, value -- dict, ...) Add."),
            Pops::Fixed(2)
        );
        assert_eq!(pops_of("(x, ... -- x, ..., x) Copy."), Pops::Fixed(0));
        assert_eq!(pops_of("(x, ..., y -- y, ..., x) Swap."), Pops::Unknown);
        assert_eq!(
            pops_of("(seq -- item_n, ..., item_1) Unpack."),
            Pops::Fixed(1)
        );
        assert_eq!(
            pops_of("(exit, status... -- status...) Exit."),
            Pops::Unknown
        );
        assert_eq!(pops_of("no picture"), Pops::Unknown);
    }
}
