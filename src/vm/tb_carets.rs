//! The source lines a traceback shows under `File "...", line N, in f`, with the 3.11+
//! indicator lines (`~~~^^^^`) built from the instruction's position (line, end line,
//! columns): 3.11/3.12 underline a segment of one line, anchoring binary operators and
//! subscripts; 3.13 shows every line of a multi-line span, anchors calls too, and leaves
//! the carets out when they would underline a whole simple statement. The rules are
//! CPython's `traceback.StackSummary.format_frame_summary` of each version.

use super::pyexpr::{parse_module, Kind, Node, Stmt};
use crate::bytecode::lines::Position;

/// How a version draws the indicator lines.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CaretStyle {
    /// ≤3.10: the stripped source line only.
    None,
    /// 3.11/3.12: one line, one indicator line.
    Segment,
    /// 3.13: all the lines of the span, dedented, indicator line under each shown.
    Lines,
}

/// Where the indicators switch between the primary and the secondary character.
struct Anchors {
    left_line: usize,
    left: usize,
    right_line: usize,
    right: usize,
}

/// Character index of byte offset `byte` in `s` (clamped to its length).
fn char_at(s: &str, byte: usize) -> usize {
    let b = byte.min(s.len());
    let mut b2 = b;
    while !s.is_char_boundary(b2) {
        b2 -= 1;
    }
    s[..b2].chars().count()
}

/// The line as CPython's own printer shows it (≤3.12): without its indentation, trailing
/// whitespace kept.
fn strip_indent(s: &str) -> &str {
    s.trim_start_matches([' ', '\t', '\x0c'])
}

fn strip_ws(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace())
}

/// The lines (each ending in a newline) to print under the frame's `File` line.
/// `lines(n)` reads source line `n` (1-based, without its newline).
pub fn source_block(
    style: CaretStyle,
    pos: Position,
    line: i32,
    lines: &mut dyn FnMut(i32) -> Option<String>,
) -> String {
    match style {
        CaretStyle::None => match lines(line) {
            Some(l) if !strip_ws(&l).is_empty() => format!("    {}\n", strip_indent(&l)),
            _ => String::new(),
        },
        CaretStyle::Segment => segment_block(pos, line, lines),
        CaretStyle::Lines => lines_block(pos, line, lines),
    }
}

fn segment_block(pos: Position, line: i32, lines: &mut dyn FnMut(i32) -> Option<String>) -> String {
    let Some(text) = lines(line) else {
        return String::new();
    };
    if strip_ws(&text).is_empty() {
        return String::new();
    }
    let stripped = strip_indent(&text);
    let mut out = format!("    {stripped}\n");
    let (Some(col), Some(end_col), Some(l0)) = (pos.col, pos.end_col, pos.line) else {
        return out;
    };
    if l0 != line || col < 0 || end_col < 0 {
        return out;
    }
    let indent = text.chars().count() - stripped.chars().count();
    let start = char_at(&text, col as usize);
    let mut end = char_at(&text, end_col as usize);
    let mut anchors = None;
    if pos.end_line == Some(line) {
        let seg: String = text
            .chars()
            .skip(start)
            .take(end.saturating_sub(start))
            .collect();
        anchors = segment_anchors(&seg);
    } else {
        end = text.trim_end().chars().count();
    }
    let width = end.saturating_sub(start);
    let anchored = anchors.as_ref().is_some_and(|a: &(usize, usize)| a.1 > a.0);
    if width == stripped.chars().count() && !anchored {
        return out;
    }
    out.push_str("    ");
    out.push_str(&" ".repeat(start.saturating_sub(indent)));
    match anchors {
        Some((l, r)) => {
            out.push_str(&"~".repeat(l));
            out.push_str(&"^".repeat(r.saturating_sub(l)));
            out.push_str(&"~".repeat(width.saturating_sub(r)));
        }
        None => out.push_str(&"^".repeat(width)),
    }
    out.push('\n');
    out
}

/// 3.11/3.12: the operator of a binary operation, or the brackets of a subscript, in a
/// one-line segment (character offsets in it).
fn segment_anchors(seg: &str) -> Option<(usize, usize)> {
    let stmts = parse_module(seg)?;
    let [Stmt::Expr(e)] = stmts.as_slice() else {
        return None;
    };
    let b = seg.as_bytes();
    match &e.kind {
        Kind::BinOp { left, right } => {
            let op_start = left.end.1;
            let op_end = right.start.1;
            let op = seg.get(op_start..op_end)?;
            let lead = op.len() - op.trim_start().len();
            let mut l = op_start + lead;
            let mut r = l + 1;
            if lead + 1 < op.len() && !op.as_bytes()[lead + 1].is_ascii_whitespace() {
                r += 1;
            }
            while l < b.len() && (b[l].is_ascii_whitespace() || b[l] == b')' || b[l] == b'#') {
                l += 1;
                r += 1;
            }
            Some((char_at(seg, l), char_at(seg, r)))
        }
        Kind::Subscript { value } => {
            let n = seg.chars().count();
            let chars: Vec<char> = seg.chars().collect();
            let mut l = char_at(seg, value.end.1);
            // The slice ends just before the closing bracket: start past it and look
            // for the `]` from there, as traceback.py does from the slice's end + 1.
            let mut r = char_at(seg, subscript_slice_end(e)) + 1;
            while l < n && chars[l] != '[' {
                l += 1;
            }
            while r < n && chars[r] != ']' {
                r += 1;
            }
            if r < n {
                r += 1;
            }
            Some((l, r))
        }
        _ => None,
    }
}

/// The byte column where a one-line subscript's slice ends (before `]` and spaces).
fn subscript_slice_end(e: &Node) -> usize {
    e.end.1.saturating_sub(1)
}

/// textwrap.dedent: removes the longest common leading whitespace of the non-blank lines;
/// blank lines become empty.
fn dedent(lines: &[String]) -> Vec<String> {
    let margins: Vec<&str> = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| &l[..l.len() - l.trim_start_matches([' ', '\t']).len()])
        .collect();
    let mut common: Option<&str> = None;
    for m in margins {
        common = Some(match common {
            None => m,
            Some(c) => {
                let n = c.bytes().zip(m.bytes()).take_while(|(a, b)| a == b).count();
                &c[..n]
            }
        });
    }
    let cut = common.map_or(0, str::len);
    lines
        .iter()
        .map(|l| {
            if l.trim().is_empty() {
                String::new()
            } else {
                l[cut..].to_string()
            }
        })
        .collect()
}

fn lines_block(pos: Position, line: i32, lines: &mut dyn FnMut(i32) -> Option<String>) -> String {
    let Some(end_line) = pos.end_line.filter(|&e| e >= line) else {
        return String::new();
    };
    let original: Vec<String> = (line..=end_line)
        .map(|n| lines(n).unwrap_or_default().trim_end().to_string())
        .collect();
    let dedented = dedent(&original);
    if dedented.iter().all(|l| l.trim().is_empty()) {
        return String::new();
    }
    let (Some(col), Some(end_col)) = (pos.col, pos.end_col) else {
        return format!("    {}\n", strip_ws(&original[0]));
    };
    let first = &original[0];
    let last = &original[original.len() - 1];
    let cut = first.chars().count() - dedented[0].chars().count();
    let start = char_at(first, col.max(0) as usize).saturating_sub(cut);
    let end = char_at(last, end_col.max(0) as usize).saturating_sub(cut);
    let all = &dedented;
    let joined = all.join("\n");
    let total = joined.chars().count();
    let last_len = all[all.len() - 1].chars().count();
    let seg: String = joined
        .chars()
        .skip(start)
        .take((total - last_len.saturating_sub(end)).saturating_sub(start))
        .collect();
    let anchors = lines_anchors(&seg, start);
    let show = should_show_carets(start, end, all, anchors.is_some());
    let mut significant: Vec<usize> = vec![0, all.len() - 1];
    let (mut left, mut right) = (0, 0);
    if let Some(a) = &anchors {
        left = a.left;
        right = a.right;
        for c in [a.left_line, a.right_line] {
            significant.extend([c.wrapping_sub(1), c, c + 1]);
        }
    }
    significant.retain(|&l| l < all.len());
    significant.sort_unstable();
    significant.dedup();
    let mut result: Vec<String> = Vec::new();
    let output_line = |n: usize, result: &mut Vec<String>| {
        let text = &all[n];
        result.push(text.clone());
        if !show {
            return;
        }
        let spaces = text.chars().count() - text.trim_start().chars().count();
        let count = if n == all.len() - 1 {
            end
        } else {
            text.chars().count()
        };
        let carets: String = (0..count)
            .map(|c| {
                if c < spaces || (n == 0 && c < start) {
                    ' '
                } else if let Some(a) = &anchors {
                    let after_left = n > a.left_line || (n == a.left_line && c >= left);
                    let before_right = n < a.right_line || (n == a.right_line && c < right);
                    if after_left && before_right {
                        '^'
                    } else {
                        '~'
                    }
                } else {
                    '^'
                }
            })
            .collect();
        result.push(carets);
    };
    for (i, &n) in significant.iter().enumerate() {
        if i > 0 {
            let diff = n - significant[i - 1];
            if diff == 2 {
                output_line(n - 1, &mut result);
            } else if diff > 2 {
                result.push(format!("...<{} lines>...", diff - 1));
            }
        }
        output_line(n, &mut result);
    }
    let mut out = String::new();
    for l in dedent(&result) {
        out.push_str("    ");
        out.push_str(&l);
        out.push('\n');
    }
    out
}

/// 3.13: anchors of a binary operation, subscript or call in a (possibly multi-line)
/// segment, in the coordinates of the shown lines (`start` is where the segment begins
/// on the first line).
fn lines_anchors(seg: &str, start: usize) -> Option<Anchors> {
    let wrapped = format!("(\n{seg}\n)");
    let stmts = parse_module(&wrapped)?;
    let [Stmt::Expr(e)] = stmts.as_slice() else {
        return None;
    };
    let lines: Vec<&str> = seg.split('\n').collect();
    let valid = |mut l: usize, mut c: usize| -> Option<(usize, usize)> {
        while l < lines.len() && c >= lines[l].chars().count() {
            c = 0;
            l += 1;
        }
        (l < lines.len()).then_some((l, c))
    };
    let char_of = |l: usize, c: usize| lines.get(l).and_then(|s| s.chars().nth(c));
    // Node positions are in the wrapped text: its line 1 is the segment's line 0.
    let end_of = |n: &Node| -> (usize, usize) {
        let l = n.end.0 - 1;
        (l, char_at(lines.get(l).copied().unwrap_or(""), n.end.1))
    };
    let until =
        |mut l: usize, mut c: usize, stop: &dyn Fn(char) -> bool| -> Option<(usize, usize)> {
            loop {
                let ch = char_of(l, c)?;
                if ch == '\\' || ch == '#' {
                    (l, c) = valid(l + 1, 0)?;
                } else if !stop(ch) {
                    (l, c) = valid(l, c + 1)?;
                } else {
                    return Some((l, c));
                }
            }
        };
    let shift = |l: usize, c: usize| if l == 0 { c + start } else { c };
    let (ll, lc, rl, rc) = match &e.kind {
        Kind::BinOp { left, right } => {
            let (l, c) = end_of(left);
            let (l, c) = valid(l, c)?;
            let (l, c) = until(l, c, &|ch| !ch.is_whitespace() && ch != ')')?;
            let mut rc = c + 1;
            let right_line = right.start.0 - 1;
            let right_col = char_at(lines.get(right_line).copied().unwrap_or(""), right.start.1);
            if rc < lines[l].chars().count()
                && (right_line > l || rc < right_col)
                && char_of(l, rc).is_some_and(|ch| !ch.is_whitespace() && ch != '\\' && ch != '#')
            {
                rc += 1;
            }
            (l, c, l, rc)
        }
        Kind::Subscript { value: inner } | Kind::Call { func: inner } => {
            let open = if matches!(e.kind, Kind::Call { .. }) {
                '('
            } else {
                '['
            };
            let (l, c) = end_of(inner);
            let (l, c) = valid(l, c)?;
            let (l, c) = until(l, c, &|ch| ch == open)?;
            let (rl, rc) = end_of(e);
            (l, c, rl, rc)
        }
        _ => return None,
    };
    Some(Anchors {
        left_line: ll,
        left: shift(ll, lc),
        right_line: rl,
        right: shift(rl, rc),
    })
}

/// 3.13's `_should_show_carets`.
fn should_show_carets(start: usize, end: usize, all: &[String], anchored: bool) -> bool {
    if let Some(stmts) = parse_module(&all.join("\n")) {
        let value = match stmts.first() {
            Some(Stmt::Return(Some(v))) if matches!(&v.kind, Kind::Call { func } if matches!(func.kind, Kind::Name)) => {
                Some(v)
            }
            Some(Stmt::Assign { targets, value })
                if targets.len() == 1
                    && matches!(targets[0].kind, Kind::Name)
                    && matches!(value.kind, Kind::Call { .. }) =>
            {
                Some(value)
            }
            _ => None,
        };
        if let Some(v) = value {
            let last = all.len() - 1;
            let spans_all = v.start.0 == 0
                && v.end.0 == last
                && char_at(&all[0], v.start.1) == start
                && char_at(&all[last], v.end.1) == end;
            if spans_all {
                return false;
            }
        }
    }
    if anchored {
        return true;
    }
    let first: String = all[0].chars().take(start).collect();
    let tail: String = all[all.len() - 1].chars().skip(end).collect();
    !first.trim_start().is_empty() || !tail.trim_end().is_empty()
}
