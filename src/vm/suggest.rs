//! "Did you mean ...?" suggestions: the closest candidate name by an edit distance where
//! changing a letter's case costs half as much as any other edit, under a limit of about
//! a third of the characters involved (CPython's `_Py_CalculateSuggestions` rules).

/// The cost of inserting, deleting or replacing a byte.
const EDIT: usize = 2;
/// The cost of replacing a letter by itself in the other case.
const CASE: usize = 1;
/// Candidates beyond this count, or (after trimming common ends) longer than `MAX_LEN`
/// bytes, are not considered.
const MAX_CANDIDATES: usize = 750;
const MAX_LEN: usize = 40;

fn replace_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE
    } else {
        EDIT
    }
}

/// The edit distance between `a` and `b`, or `limit + 1` when it exceeds `limit`.
fn distance(a: &[u8], b: &[u8], limit: usize) -> usize {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (mut a, mut b) = (&a[prefix..], &b[prefix..]);
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    a = &a[..a.len() - suffix];
    b = &b[..b.len() - suffix];
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * EDIT;
    }
    if a.len() > MAX_LEN || b.len() > MAX_LEN {
        return limit + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * EDIT > limit {
        return limit + 1;
    }
    // row[i]: the cost from b's prefix seen so far to a[..=i].
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * EDIT).collect();
    let mut last = 0;
    for (bi, &bc) in b.iter().enumerate() {
        // CPython starts both the diagonal and the left neighbour at `bi * EDIT`; the
        // suggestions it makes depend on that, so it is kept.
        let mut diag = bi * EDIT;
        let mut left = bi * EDIT;
        let mut best = usize::MAX;
        for (ai, &ac) in a.iter().enumerate() {
            let up = row[ai];
            let cost = (diag + replace_cost(bc, ac)).min(up.min(left) + EDIT);
            row[ai] = cost;
            diag = up;
            left = cost;
            best = best.min(cost);
        }
        if best > limit {
            return limit + 1;
        }
        last = left;
    }
    last
}

/// The candidate closest to `name`, if one is close enough.
pub fn closest<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    if candidates.len() >= MAX_CANDIDATES {
        return None;
    }
    let mut best: Option<(&'a str, usize)> = None;
    for &c in candidates {
        if c == name {
            continue;
        }
        let mut limit = (name.len() + c.len() + 3) * EDIT / 6;
        if let Some((_, d)) = best {
            limit = limit.min(d.saturating_sub(1));
        }
        let d = distance(name.as_bytes(), c.as_bytes(), limit);
        if d > limit {
            continue;
        }
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((c, d));
        }
    }
    best.map(|(c, _)| c)
}

#[cfg(test)]
mod tests {
    use super::closest;

    #[test]
    fn suggestions() {
        assert_eq!(closest("sepx", &["sep", "end"]), Some("sep"));
        assert_eq!(closest("Sep", &["sep"]), Some("sep"));
        assert_eq!(closest("xyz", &["sep", "end"]), None);
        assert_eq!(closest("a", &["a"]), None);
    }
}
