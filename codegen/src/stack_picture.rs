//! How many values an instruction takes off the stack, read from the stack picture that
//! begins every opcode's `doc` (CPython's `(inputs -- outputs)` notation).
//!
//! The spec's `stack` formula is the net effect only; the picture says which part of it is
//! consumed. Tracers use this to show the operands an instruction consumed (`STORE_NAME
//! (2) x`, `BINARY_OP (2, 3)`). The notation is read as follows:
//! - `name` is one value; `name[FORMULA]` is as many as the formula over `oparg` says
//!   (CPython's `args[oparg]`); `name?` (present or not) and `name...` (a run) vary in a
//!   way the picture does not count, as does a range `x_1, ..., x_n`;
//! - a lone `...` marks values left in place below: when both sides begin with the same
//!   items before it (`dict, ..., key, value -- dict, ...`), those items are not consumed.
//!
//! When the inputs are counted their count is the answer; when only the outputs are, the
//! inputs are the outputs minus the net effect (evaluated at run time); otherwise the
//! count is not known and nothing is shown.

/// What the picture says about the values consumed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pops {
    /// Exactly this many.
    Fixed(u8),
    /// This many plus the formula (text) over `oparg`.
    Counted(u8, String),
    /// This many outputs minus the net stack effect.
    OutputsMinusEffect(u8),
    /// The picture does not say.
    Unknown,
}

/// One side of a picture, counted: single values plus `name[FORMULA]` runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Count {
    pub fixed: u8,
    /// The formulas of the `name[FORMULA]` items.
    pub runs: Vec<String>,
}

/// The counts a stack picture gives for each side, when it counts it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counts {
    pub inputs: Option<Count>,
    pub outputs: Option<Count>,
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
    let Some(c) = counts_of(doc) else {
        return Pops::Unknown;
    };
    match (c.inputs, c.outputs) {
        (Some(i), _) if i.runs.is_empty() => Pops::Fixed(i.fixed),
        (Some(i), _) => Pops::Counted(i.fixed, sum(&i.runs)),
        (None, Some(o)) if o.runs.is_empty() => Pops::OutputsMinusEffect(o.fixed),
        _ => Pops::Unknown,
    }
}

/// The formulas added up (each in parentheses when there are several).
pub fn sum(runs: &[String]) -> String {
    match runs {
        [one] => one.clone(),
        many => many
            .iter()
            .map(|r| format!("({r})"))
            .collect::<Vec<_>>()
            .join(" + "),
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

/// The items of one side, split at the commas outside brackets.
fn items(side: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut start = 0;
    for (i, c) in side.char_indices() {
        match c {
            '[' | '(' => depth += 1,
            ']' | ')' => depth -= 1,
            ',' if depth == 0 => {
                out.push(side[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(side[start..].trim());
    out.retain(|s| !s.is_empty());
    out
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

/// The count of a side whose every item is one value or a `name[FORMULA]` run.
fn count(items: &[&str]) -> Option<Count> {
    let mut fixed = 0u8;
    let mut runs = Vec::new();
    for item in items {
        if let Some((_, formula)) = item.strip_suffix(']').and_then(|s| s.split_once('[')) {
            runs.push(formula.trim().to_string());
            continue;
        }
        let variable = *item == "..." || item.ends_with('?') || item.ends_with("...");
        if variable || item.contains(' ') {
            return None;
        }
        fixed = fixed.checked_add(1)?;
    }
    Some(Count { fixed, runs })
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
        assert_eq!(
            pops_of("(callable, self_or_null, args[oparg] -- result) Call."),
            Pops::Counted(2, "oparg".into())
        );
        assert_eq!(
            pops_of("(items[oparg & 0xff], rest[oparg >> 8] -- list) Build."),
            Pops::Counted(0, "(oparg & 0xff) + (oparg >> 8)".into())
        );
    }
}
