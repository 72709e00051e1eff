//! The methods of `str`: case conversion with full Unicode mappings (final sigma,
//! titlecase), the `is...` predicates, searching (`find`, `count`, `startswith`...),
//! splitting and joining, stripping, `replace`, `translate`/`maketrans`,
//! `expandtabs`, `partition`, `removeprefix`/`removesuffix`, and `encode`.
//!
//! Methods work on code points (`Vec<u32>`), so strings holding lone surrogates behave
//! exactly like any other.

use super::numeric::{index_or_error, ver};
use super::str::{adjust_indices, descriptor_error, method_args, self_str, slice_index, text_arg};
use super::str_ascii;
use super::str_pad::{str_center, str_ljust, str_rjust, str_zfill};
use super::unicode::{self, Case};
use crate::object::Truth;
use crate::object::{Args, BuiltinKind, Payload, PyStr, Value};
use crate::vm::{PyResult, Vm};
use num_traits::ToPrimitive;

pub fn init(vm: &mut Vm) {
    let t = vm.types.str_.clone();
    let m = BuiltinKind::Method;
    macro_rules! reg {
        ($($name:literal => $f:ident),* $(,)?) => { $( vm.add_method(&t, $name, $f, m); )* };
    }
    reg!(
        "lower" => str_lower, "upper" => str_upper, "casefold" => str_casefold, "swapcase" => str_swapcase,
        "title" => str_title, "capitalize" => str_capitalize,
        "isalpha" => str_isalpha, "isdecimal" => str_isdecimal, "isdigit" => str_isdigit,
        "isnumeric" => str_isnumeric, "isalnum" => str_isalnum, "isspace" => str_isspace,
        "islower" => str_islower, "isupper" => str_isupper, "istitle" => str_istitle,
        "isidentifier" => str_isidentifier, "isprintable" => str_isprintable,
        "find" => str_find, "rfind" => str_rfind, "index" => str_index, "rindex" => str_rindex,
        "count" => str_count, "startswith" => str_startswith, "endswith" => str_endswith,
        "split" => str_split, "rsplit" => str_rsplit, "splitlines" => str_splitlines, "join" => str_join,
        "strip" => str_strip, "lstrip" => str_lstrip, "rstrip" => str_rstrip,
        "center" => str_center, "ljust" => str_ljust, "rjust" => str_rjust, "zfill" => str_zfill,
        "replace" => str_replace, "expandtabs" => str_expandtabs, "partition" => str_partition,
        "rpartition" => str_rpartition, "translate" => str_translate, "encode" => str_encode,
    );
    if ver(vm) >= (3, 7) {
        vm.add_method(&t, "isascii", str_isascii, m);
    }
    if ver(vm) >= (3, 9) {
        vm.add_method(&t, "removeprefix", str_removeprefix, m);
        vm.add_method(&t, "removesuffix", str_removesuffix, m);
    }
    vm.add_method(&t, "maketrans", str_maketrans, BuiltinKind::StaticMethod);
}

fn minor(vm: &Vm) -> u8 {
    ver(vm).1
}

/// `self` as code points, with the no-argument check.
fn noargs(vm: &Vm, args: &Args<'_>, name: &str) -> PyResult<Vec<u32>> {
    let s = self_str(vm, args, name)?;
    method_args(vm, args, "str", name, 0, 0)?;
    Ok(s.code_points())
}

/// A str argument as code points, or CPython's TypeError.
fn str_points_arg(vm: &Vm, v: &Value, func: &str, position: usize) -> PyResult<Vec<u32>> {
    str_ref_arg(vm, v, func, position).map(PyStr::code_points)
}

/// A str argument, or CPython's TypeError.
fn str_ref_arg<'v>(vm: &Vm, v: &'v Value, func: &str, position: usize) -> PyResult<&'v PyStr> {
    // The find family and replace moved to Argument Clinic in 3.13.
    let clinic = matches!(
        func,
        "find" | "rfind" | "index" | "rindex" | "count" | "replace"
    );
    match v.as_str() {
        Some(s) => Ok(s),
        None => Err(if clinic && ver(vm) >= (3, 13) {
            vm.type_error(&format!(
                "{func}() argument {position} must be str, not {}",
                super::str::arg_type_name(vm, v)
            ))
        } else {
            vm.type_error(&format!("must be str, not {}", vm.type_name(v)))
        }),
    }
}

pub(super) fn out(vm: &Vm, points: &[u32]) -> Value {
    vm.new_str_points(points)
}

// ----- case -----

/// CPython's final-sigma rule for a capital sigma at `i`.
fn final_sigma(p: &[u32], i: usize, minor: u8) -> bool {
    let mut j = i;
    let mut found = None;
    while j > 0 {
        j -= 1;
        if !unicode::has(p[j], minor, unicode::CASE_IGNORABLE) {
            found = Some(p[j]);
            break;
        }
    }
    let mut fs = found.is_some_and(|c| unicode::is_cased(c, minor));
    if fs && i + 1 < p.len() {
        let mut k = i + 1;
        while k < p.len() && unicode::has(p[k], minor, unicode::CASE_IGNORABLE) {
            k += 1;
        }
        fs = k == p.len() || !unicode::is_cased(p[k], minor);
    }
    fs
}

fn lower_at(p: &[u32], i: usize, minor: u8, out: &mut Vec<u32>) {
    if p[i] == 0x3A3 {
        out.push(if final_sigma(p, i, minor) {
            0x3C2
        } else {
            0x3C3
        });
    } else {
        unicode::map_case(p[i], minor, Case::Lower, out);
    }
}

/// `s.lower()` on code points.
pub fn lower_points(p: &[u32], minor: u8) -> Vec<u32> {
    let mut r = Vec::with_capacity(p.len());
    for i in 0..p.len() {
        lower_at(p, i, minor, &mut r);
    }
    r
}

/// `s.upper()` on code points.
pub fn upper_points(p: &[u32], minor: u8) -> Vec<u32> {
    let mut r = Vec::with_capacity(p.len());
    for &c in p {
        unicode::map_case(c, minor, Case::Upper, &mut r);
    }
    r
}

/// `self`, when it is all ASCII, with the no-argument check.
fn ascii_noargs<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<Option<&'a PyStr>> {
    let s = self_str(vm, args, name)?;
    method_args(vm, args, "str", name, 0, 0)?;
    Ok(s.is_ascii().then_some(s))
}

fn str_lower(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if let Some(s) = ascii_noargs(vm, &args, "lower")? {
        return Ok(ascii_value(vm, str_ascii::lower(s.bytes())));
    }
    let p = noargs(vm, &args, "lower")?;
    Ok(out(vm, &lower_points(&p, minor(vm))))
}

fn str_upper(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if let Some(s) = ascii_noargs(vm, &args, "upper")? {
        return Ok(ascii_value(vm, str_ascii::upper(s.bytes())));
    }
    let p = noargs(vm, &args, "upper")?;
    Ok(out(vm, &upper_points(&p, minor(vm))))
}

fn str_casefold(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = noargs(vm, &args, "casefold")?;
    let mut r = Vec::with_capacity(p.len());
    for &c in &p {
        unicode::map_case(c, minor(vm), Case::Fold, &mut r);
    }
    Ok(out(vm, &r))
}

fn str_swapcase(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if let Some(s) = ascii_noargs(vm, &args, "swapcase")? {
        return Ok(ascii_value(vm, str_ascii::swapcase(s.bytes())));
    }
    let p = noargs(vm, &args, "swapcase")?;
    let mn = minor(vm);
    let mut r = Vec::with_capacity(p.len());
    for (i, &c) in p.iter().enumerate() {
        if unicode::has(c, mn, unicode::UPPER) {
            lower_at(&p, i, mn, &mut r);
        } else if unicode::has(c, mn, unicode::LOWER) {
            unicode::map_case(c, mn, Case::Upper, &mut r);
        } else {
            r.push(c);
        }
    }
    Ok(out(vm, &r))
}

fn str_title(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = noargs(vm, &args, "title")?;
    let mn = minor(vm);
    let mut r = Vec::with_capacity(p.len());
    let mut prev_cased = false;
    for (i, &c) in p.iter().enumerate() {
        if prev_cased {
            lower_at(&p, i, mn, &mut r);
        } else {
            unicode::map_case(c, mn, Case::Title, &mut r);
        }
        prev_cased = unicode::is_cased(c, mn);
    }
    Ok(out(vm, &r))
}

fn str_capitalize(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if let Some(s) = ascii_noargs(vm, &args, "capitalize")? {
        return Ok(ascii_value(vm, str_ascii::capitalize(s.bytes())));
    }
    let p = noargs(vm, &args, "capitalize")?;
    let mn = minor(vm);
    let mut r = Vec::with_capacity(p.len());
    if let Some(&first) = p.first() {
        let case = if ver(vm) >= (3, 8) {
            Case::Title
        } else {
            Case::Upper
        };
        unicode::map_case(first, mn, case, &mut r);
        for i in 1..p.len() {
            lower_at(&p, i, mn, &mut r);
        }
    }
    Ok(out(vm, &r))
}

// ----- predicates -----

fn all_flags(vm: &mut Vm, args: Args<'_>, name: &str, flags: u16) -> PyResult<Value> {
    let p = noargs(vm, &args, name)?;
    let mn = minor(vm);
    Ok(Value::bool(
        !p.is_empty() && p.iter().all(|&c| unicode::has(c, mn, flags)),
    ))
}

fn str_isalpha(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    all_flags(vm, args, "isalpha", unicode::ALPHA)
}

fn str_isdecimal(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    all_flags(vm, args, "isdecimal", unicode::DECIMAL)
}

fn str_isdigit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    all_flags(vm, args, "isdigit", unicode::DIGIT)
}

fn str_isnumeric(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    all_flags(vm, args, "isnumeric", unicode::NUMERIC)
}

fn str_isalnum(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    all_flags(
        vm,
        args,
        "isalnum",
        unicode::ALPHA | unicode::DECIMAL | unicode::DIGIT | unicode::NUMERIC,
    )
}

fn str_isspace(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    all_flags(vm, args, "isspace", unicode::SPACE)
}

fn str_islower(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = noargs(vm, &args, "islower")?;
    let mn = minor(vm);
    let mut cased = false;
    for &c in &p {
        if unicode::has(c, mn, unicode::UPPER | unicode::TITLE) {
            return Ok(Value::Bool(Truth::False));
        }
        if unicode::has(c, mn, unicode::LOWER) {
            cased = true;
        }
    }
    Ok(Value::bool(cased))
}

fn str_isupper(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = noargs(vm, &args, "isupper")?;
    let mn = minor(vm);
    let mut cased = false;
    for &c in &p {
        if unicode::has(c, mn, unicode::LOWER | unicode::TITLE) {
            return Ok(Value::Bool(Truth::False));
        }
        if unicode::has(c, mn, unicode::UPPER) {
            cased = true;
        }
    }
    Ok(Value::bool(cased))
}

fn str_istitle(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = noargs(vm, &args, "istitle")?;
    let mn = minor(vm);
    let (mut cased, mut prev) = (false, false);
    for &c in &p {
        if unicode::has(c, mn, unicode::UPPER | unicode::TITLE) {
            if prev {
                return Ok(Value::Bool(Truth::False));
            }
            prev = true;
            cased = true;
        } else if unicode::has(c, mn, unicode::LOWER) {
            if !prev {
                return Ok(Value::Bool(Truth::False));
            }
            prev = true;
            cased = true;
        } else {
            prev = false;
        }
    }
    Ok(Value::bool(cased))
}

/// `s.isidentifier()` on code points.
pub fn is_identifier(p: &[u32], minor: u8) -> bool {
    match p.split_first() {
        None => false,
        Some((&first, rest)) => {
            (first == '_' as u32 || unicode::has(first, minor, unicode::XID_START))
                && rest
                    .iter()
                    .all(|&c| unicode::has(c, minor, unicode::XID_CONTINUE))
        }
    }
}

fn str_isidentifier(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = noargs(vm, &args, "isidentifier")?;
    Ok(Value::bool(is_identifier(&p, minor(vm))))
}

fn str_isprintable(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = noargs(vm, &args, "isprintable")?;
    let mn = minor(vm);
    Ok(Value::bool(
        p.iter()
            .all(|&c| crate::pyc::printable::is_printable(c, mn)),
    ))
}

fn str_isascii(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = self_str(vm, &args, "isascii")?;
    method_args(vm, &args, "str", "isascii", 0, 0)?;
    Ok(Value::bool(s.is_ascii()))
}

// ----- searching -----

/// The first index of `needle` in `hay[start..end]`.
pub fn find_points(hay: &[u32], needle: &[u32], start: usize, end: usize) -> Option<usize> {
    if end < start || end - start < needle.len() {
        return None;
    }
    if needle.is_empty() {
        return Some(start);
    }
    (start..=end - needle.len()).find(|&i| hay[i..i + needle.len()] == *needle)
}

/// The last index of `needle` in `hay[start..end]`.
pub fn rfind_points(hay: &[u32], needle: &[u32], start: usize, end: usize) -> Option<usize> {
    if end < start || end - start < needle.len() {
        return None;
    }
    if needle.is_empty() {
        return Some(end);
    }
    (start..=end - needle.len())
        .rev()
        .find(|&i| hay[i..i + needle.len()] == *needle)
}

/// Non-overlapping occurrences of `needle` in `hay[start..end]`, up to `max`.
pub fn count_points(hay: &[u32], needle: &[u32], start: usize, end: usize, max: usize) -> usize {
    if end < start || end - start < needle.len() {
        return 0;
    }
    if needle.is_empty() {
        return (end - start + 1).min(max);
    }
    let (mut i, mut n) = (start, 0);
    while n < max && i + needle.len() <= end {
        if hay[i..i + needle.len()] == *needle {
            n += 1;
            i += needle.len();
        } else {
            i += 1;
        }
    }
    n
}

/// What a search computes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Search {
    Find,
    RFind,
    Count,
}

/// Byte offset of char index `idx` in `text`.
fn char_to_byte(text: &str, ascii: bool, idx: usize) -> usize {
    if ascii {
        return idx.min(text.len());
    }
    text.char_indices().nth(idx).map_or(text.len(), |(b, _)| b)
}

/// Searches `sub` in `s[st..en]` (char indices): the index found, or the count.
fn search(s: &PyStr, sub: &PyStr, st: usize, en: usize, mode: Search) -> Option<usize> {
    if en < st || en - st < sub.char_len() {
        return if mode == Search::Count { Some(0) } else { None };
    }
    if s.has_surrogates() || sub.has_surrogates() {
        let (h, n) = (s.code_points(), sub.code_points());
        return match mode {
            Search::Find => find_points(&h, &n, st, en),
            Search::RFind => rfind_points(&h, &n, st, en),
            Search::Count => Some(count_points(&h, &n, st, en, usize::MAX)),
        };
    }
    // Text without lone surrogates: search the UTF-8 directly.
    let (text, needle, ascii) = (s.as_str(), sub.as_str(), s.is_ascii());
    let bs = char_to_byte(text, ascii, st);
    let be = bs + char_to_byte(&text[bs..], ascii, en - st);
    let hay = &text[bs..be];
    let to_char = |off: usize| {
        if ascii {
            bs + off
        } else {
            st + hay[..off].chars().count()
        }
    };
    // A one-byte needle (an ASCII character) is a byte scan, without the substring
    // searcher's set-up.
    let byte = match needle.as_bytes() {
        [b] => Some(*b),
        _ => None,
    };
    match (mode, byte) {
        (Search::Find, Some(b)) => hay.bytes().position(|c| c == b).map(to_char),
        (Search::RFind, Some(b)) => hay.bytes().rposition(|c| c == b).map(to_char),
        (Search::Find, None) => hay.find(needle).map(to_char),
        (Search::RFind, None) => hay.rfind(needle).map(to_char),
        (Search::Count, _) => Some(if needle.is_empty() {
            en - st + 1
        } else {
            hay.matches(needle).count()
        }),
    }
}

/// Parses `(sub[, start[, end]])` and runs the search.
fn search_method(
    vm: &mut Vm,
    args: &Args<'_>,
    name: &str,
    mode: Search,
) -> PyResult<Option<usize>> {
    let s = self_str(vm, args, name)?;
    let pos = super::str::method_args_since(vm, args, "str", name, 1, 3, (3, 13))?;
    let sub = str_ref_arg(vm, &pos[0], name, 1)?;
    let start = slice_index(vm, pos.get(1))?;
    let end = slice_index(vm, pos.get(2))?;
    let (st, en, beyond) = adjust_indices(start, end, s.char_len());
    if beyond {
        return Ok(if mode == Search::Count { Some(0) } else { None });
    }
    Ok(search(s, sub, st, en, mode))
}

fn find_common(
    vm: &mut Vm,
    args: Args<'_>,
    name: &str,
    reverse: bool,
    raise: bool,
) -> PyResult<Value> {
    let mode = if reverse { Search::RFind } else { Search::Find };
    match search_method(vm, &args, name, mode)? {
        Some(i) => Ok(Value::Int(i as i64)),
        None if raise => Err(vm.value_error("substring not found")),
        None => Ok(Value::Int(-1)),
    }
}

fn str_find(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    find_common(vm, args, "find", false, false)
}

fn str_rfind(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    find_common(vm, args, "rfind", true, false)
}

fn str_index(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    find_common(vm, args, "index", false, true)
}

fn str_rindex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    find_common(vm, args, "rindex", true, true)
}

fn str_count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let n = search_method(vm, &args, "count", Search::Count)?.unwrap_or(0);
    Ok(Value::Int(n as i64))
}

fn tail_match(
    s: &[u32],
    sub: &[u32],
    start: Option<isize>,
    end: Option<isize>,
    suffix: bool,
) -> bool {
    let (st, en, beyond) = adjust_indices(start, end, s.len());
    if beyond {
        return false;
    }
    if en < st + sub.len() {
        return false;
    }
    if suffix {
        s[en - sub.len()..en] == *sub
    } else {
        s[st..st + sub.len()] == *sub
    }
}

fn starts_ends(vm: &mut Vm, args: Args<'_>, name: &str, suffix: bool) -> PyResult<Value> {
    let s = self_str(vm, &args, name)?.code_points();
    let pos = super::str::method_args_since(vm, &args, "str", name, 1, 3, (3, 13))?;
    let start = slice_index(vm, pos.get(1))?;
    let end = slice_index(vm, pos.get(2))?;
    let what = if suffix { "endswith" } else { "startswith" };
    let bad = |vm: &Vm, v: &Value| {
        vm.type_error(&format!(
            "{what} first arg must be str or a tuple of str, not {}",
            vm.type_name(v)
        ))
    };
    match pos[0].payload() {
        Some(Payload::Tuple(items)) => {
            for item in items.iter() {
                let Some(sub) = item.as_str() else {
                    return Err(vm.type_error(&format!(
                        "tuple for {what} must only contain str, not {}",
                        vm.type_name(item)
                    )));
                };
                if tail_match(&s, &sub.code_points(), start, end, suffix) {
                    return Ok(Value::Bool(Truth::True));
                }
            }
            Ok(Value::Bool(Truth::False))
        }
        Some(Payload::Str(sub)) => Ok(Value::bool(tail_match(
            &s,
            &sub.code_points(),
            start,
            end,
            suffix,
        ))),
        _ => Err(bad(vm, &pos[0])),
    }
}

fn str_startswith(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    starts_ends(vm, args, "startswith", false)
}

fn str_endswith(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    starts_ends(vm, args, "endswith", true)
}

// ----- splitting and joining -----

/// Binds `(sep=None, maxsplit=-1)`.
fn split_args(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<(Option<Vec<u32>>, usize)> {
    self_str(vm, args, name)?;
    let rest = Args {
        values: &args.values[1..],
        kwnames: args.kwnames,
    };
    let b = super::str::Clinic {
        name,
        params: &["sep", "maxsplit"],
        required: 0,
        positional_only: 0,
    }
    .bind(vm, rest)?;
    let sep = match &b[0] {
        None | Some(Value::None) => None,
        Some(v) => match v.as_str() {
            Some(s) => {
                if s.char_len() == 0 {
                    return Err(vm.value_error("empty separator"));
                }
                Some(s.code_points())
            }
            None => {
                return Err(vm.type_error(&format!("must be str or None, not {}", vm.type_name(v))))
            }
        },
    };
    let maxsplit = match &b[1] {
        None => usize::MAX,
        Some(v) => {
            let n = super::numeric::ssize_arg(vm, v)?;
            match n.to_i64() {
                Some(n) if n < 0 => usize::MAX,
                Some(n) => n as usize,
                None => usize::MAX,
            }
        }
    };
    Ok((sep, maxsplit))
}

/// `split` on code points: whitespace runs when `sep` is None.
pub fn split_points(
    s: &[u32],
    sep: Option<&[u32]>,
    maxsplit: usize,
    is_space: &dyn Fn(u32) -> bool,
) -> Vec<Vec<u32>> {
    let mut parts = Vec::new();
    match sep {
        None => {
            let mut i = 0;
            let n = s.len();
            let mut splits = 0;
            loop {
                while i < n && is_space(s[i]) {
                    i += 1;
                }
                if i == n {
                    break;
                }
                if splits == maxsplit {
                    parts.push(s[i..n].to_vec());
                    break;
                }
                let start = i;
                while i < n && !is_space(s[i]) {
                    i += 1;
                }
                parts.push(s[start..i].to_vec());
                splits += 1;
            }
        }
        Some(sep) => {
            let mut start = 0;
            let mut splits = 0;
            while splits < maxsplit {
                match find_points(s, sep, start, s.len()) {
                    Some(i) => {
                        parts.push(s[start..i].to_vec());
                        start = i + sep.len();
                        splits += 1;
                    }
                    None => break,
                }
            }
            parts.push(s[start..].to_vec());
        }
    }
    parts
}

/// `rsplit` on code points.
pub fn rsplit_points(
    s: &[u32],
    sep: Option<&[u32]>,
    maxsplit: usize,
    is_space: &dyn Fn(u32) -> bool,
) -> Vec<Vec<u32>> {
    let mut parts = Vec::new();
    match sep {
        None => {
            let mut i = s.len();
            let mut splits = 0;
            loop {
                while i > 0 && is_space(s[i - 1]) {
                    i -= 1;
                }
                if i == 0 {
                    break;
                }
                if splits == maxsplit {
                    parts.push(s[..i].to_vec());
                    break;
                }
                let end = i;
                while i > 0 && !is_space(s[i - 1]) {
                    i -= 1;
                }
                parts.push(s[i..end].to_vec());
                splits += 1;
            }
        }
        Some(sep) => {
            let mut end = s.len();
            let mut splits = 0;
            while splits < maxsplit {
                match rfind_points(s, sep, 0, end) {
                    Some(i) => {
                        parts.push(s[i + sep.len()..end].to_vec());
                        end = i;
                        splits += 1;
                    }
                    None => break,
                }
            }
            parts.push(s[..end].to_vec());
        }
    }
    parts.reverse();
    parts
}

fn split_common(vm: &mut Vm, args: Args<'_>, name: &str, reverse: bool) -> PyResult<Value> {
    let (sep, maxsplit) = split_args(vm, &args, name)?;
    let this = self_str(vm, &args, name)?;
    let sep_text: Option<String> = sep
        .as_ref()
        .and_then(|p| p.iter().map(|&c| char::from_u32(c)).collect());
    if !this.has_surrogates() && (sep.is_none() || sep_text.is_some()) {
        if let Some(parts) = str_ascii::split_text(
            this.as_str(),
            this.is_ascii(),
            sep_text.as_deref(),
            maxsplit,
            reverse,
        ) {
            // The pieces of ASCII text are ASCII: no scan of each.
            let items = if this.is_ascii() {
                let t = &vm.types.str_;
                parts
                    .into_iter()
                    .map(|p| {
                        Value::Obj(crate::object::Object::new(
                            t.clone(),
                            Payload::Str(PyStr::from_ascii(p)),
                        ))
                    })
                    .collect()
            } else {
                parts.into_iter().map(|p| vm.new_str(p)).collect()
            };
            return Ok(vm.new_list(items));
        }
    }
    let s = this.code_points();
    let mn = minor(vm);
    let is_space = |c| unicode::is_space(c, mn);
    let parts = if reverse {
        rsplit_points(&s, sep.as_deref(), maxsplit, &is_space)
    } else {
        split_points(&s, sep.as_deref(), maxsplit, &is_space)
    };
    let items = parts.iter().map(|p| out(vm, p)).collect();
    Ok(vm.new_list(items))
}

fn str_split(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    split_common(vm, args, "split", false)
}

fn str_rsplit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    split_common(vm, args, "rsplit", true)
}

fn is_linebreak(c: u32) -> bool {
    matches!(
        c,
        0x0a | 0x0b | 0x0c | 0x0d | 0x1c | 0x1d | 0x1e | 0x85 | 0x2028 | 0x2029
    )
}

/// `splitlines` over any unit type, with the given line-break test.
pub fn splitlines_units<T: Copy + PartialEq + From<u8>>(
    s: &[T],
    keepends: bool,
    is_break: &dyn Fn(T) -> bool,
) -> Vec<Vec<T>> {
    let mut lines = Vec::new();
    let (mut i, n) = (0, s.len());
    while i < n {
        let start = i;
        while i < n && !is_break(s[i]) {
            i += 1;
        }
        let mut eol = i;
        if i < n {
            if s[i] == T::from(b'\r') && i + 1 < n && s[i + 1] == T::from(b'\n') {
                i += 2;
            } else {
                i += 1;
            }
            if keepends {
                eol = i;
            }
        }
        lines.push(s[start..eol].to_vec());
    }
    lines
}

fn keepends_arg(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<bool> {
    let rest = Args {
        values: &args.values[1..],
        kwnames: args.kwnames,
    };
    let b = super::str::Clinic {
        name,
        params: &["keepends"],
        required: 0,
        positional_only: 0,
    }
    .bind(vm, rest)?;
    match &b[0] {
        None => Ok(false),
        Some(v) if ver(vm) >= (3, 12) => vm.truthy(v),
        Some(v) => match crate::vm::ops::as_int(v) {
            Some(i) => Ok(!matches!(i, crate::vm::ops::IntRef::Small(0))),
            None if numeric_float(v) => Err(vm.type_error("integer argument expected, got float")),
            None => {
                if ver(vm) >= (3, 10) {
                    Err(vm.type_error(&format!(
                        "'{}' object cannot be interpreted as an integer",
                        vm.type_name(v)
                    )))
                } else {
                    Err(vm.type_error(&format!(
                        "an integer is required (got type {})",
                        vm.type_name(v)
                    )))
                }
            }
        },
    }
}

pub(super) fn numeric_float(v: &Value) -> bool {
    super::numeric::float_of(v).is_some()
}

fn str_splitlines(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = self_str(vm, &args, "splitlines")?.code_points();
    let keep = keepends_arg(vm, &args, "splitlines")?;
    let lines = splitlines_units(&s, keep, &|c: u32| is_linebreak(c));
    let items = lines.iter().map(|p| out(vm, p)).collect();
    Ok(vm.new_list(items))
}

fn str_join(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = self_str(vm, &args, "join")?;
    let pos = method_args(vm, &args, "str", "join", 1, 1)?;
    let iterable = pos[0].clone();
    // An exact list or tuple is joined in place, as CPython's PySequence_Fast does: no
    // Python code runs while str items are copied, so the list cannot change meanwhile.
    let borrowed = match &iterable {
        Value::Obj(o) if !vm.type_data(o.class()).is_heap => match &o.payload {
            Payload::List(l) => Some(l.with(|items| join_text(this, items))),
            Payload::Tuple(t) => Some(join_text(this, t)),
            _ => None,
        },
        _ => None,
    };
    let items = match borrowed {
        Some(Joined::Text(text, chars)) => return Ok(text_value(vm, text, chars)),
        Some(Joined::NotStr(i, item)) => return Err(join_item_error(vm, i, &item)),
        Some(Joined::Surrogates) | None => {
            if !vm.is_iterable(&iterable) {
                return Err(vm.type_error("can only join an iterable"));
            }
            vm.collect(&iterable)?
        }
    };
    let this = self_str(vm, &args, "join")?;
    match join_text(this, &items) {
        Joined::Text(text, chars) => return Ok(text_value(vm, text, chars)),
        Joined::NotStr(i, item) => return Err(join_item_error(vm, i, &item)),
        Joined::Surrogates => {}
    }
    let sep = this.code_points();
    let mut r: Vec<u32> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            r.extend_from_slice(&sep);
        }
        r.extend(item.as_str().map(PyStr::code_points).unwrap_or_default());
    }
    Ok(out(vm, &r))
}

/// What `join_text` made of a sequence of items.
enum Joined {
    /// The text and its code-point count.
    Text(String, usize),
    /// Item `.0` is not a str.
    NotStr(usize, Value),
    /// Some text has lone surrogates: join code points instead.
    Surrogates,
}

/// `sep.join(items)` as UTF-8 text, sized in one pass and copied in a second.
fn join_text(sep: &PyStr, items: &[Value]) -> Joined {
    let mut len = 0usize;
    let mut chars = 0usize;
    let mut surrogates = sep.has_surrogates();
    for (i, item) in items.iter().enumerate() {
        match item.as_str() {
            Some(s) => {
                surrogates |= s.has_surrogates();
                len += s.bytes().len();
                chars += s.char_len();
            }
            None => return Joined::NotStr(i, item.clone()),
        }
    }
    if surrogates {
        return Joined::Surrogates;
    }
    let seps = items.len().saturating_sub(1);
    let chars = chars + sep.char_len() * seps;
    let sep = sep.as_str();
    let mut text = String::with_capacity(len + sep.len() * seps);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            text.push_str(sep);
        }
        text.push_str(item.as_str().map(PyStr::as_str).unwrap_or(""));
    }
    Joined::Text(text, chars)
}

/// An exact str of ASCII text this module built.
fn ascii_value(vm: &Vm, text: String) -> Value {
    let chars = text.len();
    text_value(vm, text, chars)
}

/// An exact str of text this module built, whose code-point count it knows.
fn text_value(vm: &Vm, text: String, chars: usize) -> Value {
    Value::Obj(crate::object::Object::new(
        vm.types.str_.clone(),
        Payload::Str(PyStr::from_text(text, chars)),
    ))
}

fn join_item_error(vm: &Vm, i: usize, item: &Value) -> crate::vm::PyErr {
    vm.type_error(&format!(
        "sequence item {i}: expected str instance, {} found",
        vm.type_name(item)
    ))
}

// ----- stripping (padding is in `str_pad`) -----

fn strip_common(
    vm: &mut Vm,
    args: Args<'_>,
    name: &str,
    left: bool,
    right: bool,
) -> PyResult<Value> {
    let this = self_str(vm, &args, name)?;
    let pos = super::str::method_args_since(vm, &args, "str", name, 0, 1, (3, 7))?;
    let mn = minor(vm);
    let chars_arg: Option<&PyStr> = match pos.first() {
        None | Some(Value::None) => None,
        Some(v) => match v.as_str() {
            Some(c) => Some(c),
            None => return Err(vm.type_error(&format!("{name} arg must be None or str"))),
        },
    };
    if this.is_ascii() {
        let chars = chars_arg.map(PyStr::bytes);
        let (i, j) = str_ascii::strip_range(this.bytes(), chars, left, right);
        if i == 0 && j == this.bytes().len() && vm.is_exact(&args.values[0], &vm.types.str_) {
            // An exact str that loses nothing is returned itself, as in CPython.
            return Ok(args.values[0].clone());
        }
        let part = PyStr::from_ascii(&this.as_str()[i..j]);
        return Ok(Value::Obj(crate::object::Object::new(
            vm.types.str_.clone(),
            Payload::Str(part),
        )));
    }
    let chars: Option<Vec<u32>> = chars_arg.map(PyStr::code_points);
    let s = this.code_points();
    let strip = |c: u32| match &chars {
        None => unicode::is_space(c, mn),
        Some(set) => set.contains(&c),
    };
    let (mut i, mut j) = (0, s.len());
    if left {
        while i < j && strip(s[i]) {
            i += 1;
        }
    }
    if right {
        while j > i && strip(s[j - 1]) {
            j -= 1;
        }
    }
    if i == 0 && j == s.len() && vm.is_exact(&args.values[0], &vm.types.str_) {
        return Ok(args.values[0].clone());
    }
    Ok(out(vm, &s[i..j]))
}

fn str_strip(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    strip_common(vm, args, "strip", true, true)
}

fn str_lstrip(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    strip_common(vm, args, "lstrip", true, false)
}

fn str_rstrip(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    strip_common(vm, args, "rstrip", false, true)
}

// ----- replace, expandtabs, partition, translate -----

/// `replace` over any unit type.
pub fn replace_units<T: Copy + PartialEq>(s: &[T], old: &[T], new: &[T], count: usize) -> Vec<T> {
    let mut r = Vec::with_capacity(s.len());
    if old.is_empty() {
        let mut n = 0;
        for (i, &c) in s.iter().enumerate() {
            if n < count {
                r.extend_from_slice(new);
                n += 1;
            }
            r.push(c);
            if i + 1 == s.len() && n < count {
                r.extend_from_slice(new);
            }
        }
        if s.is_empty() && count > 0 {
            r.extend_from_slice(new);
        }
        return r;
    }
    let (mut i, mut n) = (0, 0);
    while i < s.len() {
        if n < count && i + old.len() <= s.len() && s[i..i + old.len()] == *old {
            r.extend_from_slice(new);
            i += old.len();
            n += 1;
        } else {
            r.push(s[i]);
            i += 1;
        }
    }
    r
}

fn str_replace(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = self_str(vm, &args, "replace")?;
    let (old, new, count) = if ver(vm) >= (3, 13) {
        let rest = Args {
            values: &args.values[1..],
            kwnames: args.kwnames,
        };
        let n = rest.pos().len();
        if n < 2 {
            return Err(vm.type_error(&format!(
                "replace() takes at least 2 positional arguments ({n} given)"
            )));
        }
        let b = super::str::Clinic {
            name: "replace",
            params: &["old", "new", "count"],
            required: 2,
            positional_only: 2,
        }
        .bind(vm, rest)?;
        (
            b[0].clone().unwrap_or(Value::None),
            b[1].clone().unwrap_or(Value::None),
            b[2].clone(),
        )
    } else {
        let pos = method_args(vm, &args, "str", "replace", 2, 3)?;
        (pos[0].clone(), pos[1].clone(), pos.get(2).cloned())
    };
    let (old_v, new_v) = (old, new);
    let old = str_ref_arg(vm, &old_v, "replace", 1)?;
    let new = str_ref_arg(vm, &new_v, "replace", 2)?;
    let count = match count {
        None => usize::MAX,
        Some(v) => {
            let n = super::numeric::ssize_arg(vm, &v)?;
            match n.to_i64() {
                Some(n) if n < 0 => usize::MAX,
                Some(n) => n as usize,
                None => usize::MAX,
            }
        }
    };
    // Before 3.9, an empty string with an explicit count stayed empty.
    if this.char_len() == 0 && old.char_len() == 0 && count != usize::MAX && ver(vm) < (3, 9) {
        return Ok(vm.new_str(""));
    }
    if !this.has_surrogates() && !old.has_surrogates() && !new.has_surrogates() {
        let text = if count == usize::MAX {
            this.as_str().replace(old.as_str(), new.as_str())
        } else {
            this.as_str().replacen(old.as_str(), new.as_str(), count)
        };
        if this.is_ascii() && new.is_ascii() {
            return Ok(ascii_value(vm, text));
        }
        return Ok(vm.new_str(&text));
    }
    let units = replace_units(
        &this.code_points(),
        &old.code_points(),
        &new.code_points(),
        count,
    );
    Ok(out(vm, &units))
}

/// `expandtabs` over any unit type.
pub fn expandtabs_units<T: Copy + PartialEq + From<u8>>(s: &[T], tabsize: i64) -> Option<Vec<T>> {
    let mut r = Vec::with_capacity(s.len());
    let mut col: i64 = 0;
    for &c in s {
        if c == T::from(b'\t') {
            if tabsize > 0 {
                let n = tabsize - col % tabsize;
                if r.len() as i64 + n > super::numeric::MAX_UNITS as i64 {
                    return None;
                }
                col += n;
                r.extend(std::iter::repeat_n(T::from(b' '), n as usize));
            }
        } else {
            col += 1;
            r.push(c);
            if c == T::from(b'\n') || c == T::from(b'\r') {
                col = 0;
            }
        }
    }
    Some(r)
}

/// The `tabsize` argument of `expandtabs`.
pub fn tabsize_arg(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<i64> {
    let rest = Args {
        values: &args.values[1..],
        kwnames: args.kwnames,
    };
    let b = super::str::Clinic {
        name,
        params: &["tabsize"],
        required: 0,
        positional_only: 0,
    }
    .bind(vm, rest)?;
    match &b[0] {
        None => Ok(8),
        Some(v) => {
            if crate::vm::ops::as_int(v).is_none() {
                return Err(if ver(vm) >= (3, 10) {
                    vm.type_error(&format!(
                        "'{}' object cannot be interpreted as an integer",
                        vm.type_name(v)
                    ))
                } else if numeric_float(v) {
                    vm.type_error("integer argument expected, got float")
                } else {
                    vm.type_error(&format!(
                        "an integer is required (got type {})",
                        vm.type_name(v)
                    ))
                });
            }
            let n = index_or_error(vm, v)?;
            Ok(n.to_i64().unwrap_or(i64::MAX))
        }
    }
}

fn str_expandtabs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = self_str(vm, &args, "expandtabs")?.code_points();
    let tab = tabsize_arg(vm, &args, "expandtabs")?;
    match expandtabs_units(&s, tab) {
        Some(r) => Ok(out(vm, &r)),
        None => Err(vm.new_exception(&vm.types.exc.memory_error, "")),
    }
}

fn partition_common(vm: &mut Vm, args: Args<'_>, name: &str, reverse: bool) -> PyResult<Value> {
    let s = self_str(vm, &args, name)?.code_points();
    let pos = method_args(vm, &args, "str", name, 1, 1)?;
    let sep = str_points_arg(vm, &pos[0], name, 1)?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let found = if reverse {
        rfind_points(&s, &sep, 0, s.len())
    } else {
        find_points(&s, &sep, 0, s.len())
    };
    let parts = match found {
        Some(i) => [
            out(vm, &s[..i]),
            out(vm, &sep),
            out(vm, &s[i + sep.len()..]),
        ],
        None if reverse => [vm.new_str(""), vm.new_str(""), out(vm, &s)],
        None => [out(vm, &s), vm.new_str(""), vm.new_str("")],
    };
    Ok(vm.new_tuple(parts.to_vec()))
}

fn str_partition(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    partition_common(vm, args, "partition", false)
}

fn str_rpartition(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    partition_common(vm, args, "rpartition", true)
}

fn prefix_common(vm: &mut Vm, args: Args<'_>, name: &str, suffix: bool) -> PyResult<Value> {
    let s = self_str(vm, &args, name)?.code_points();
    let pos = method_args(vm, &args, "str", name, 1, 1)?;
    let Some(affix) = pos[0].as_str() else {
        return Err(vm.type_error(&format!(
            "{name}() argument must be str, not {}",
            super::str::arg_type_name(vm, &pos[0])
        )));
    };
    let a = affix.code_points();
    let r = if suffix {
        if !a.is_empty() && s.ends_with(&a) {
            &s[..s.len() - a.len()]
        } else {
            &s[..]
        }
    } else if s.starts_with(&a) {
        &s[a.len()..]
    } else {
        &s[..]
    };
    Ok(out(vm, r))
}

fn str_removeprefix(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    prefix_common(vm, args, "removeprefix", false)
}

fn str_removesuffix(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    prefix_common(vm, args, "removesuffix", true)
}

fn str_translate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = self_str(vm, &args, "translate")?.code_points();
    let pos = method_args(vm, &args, "str", "translate", 1, 1)?;
    let table = pos[0].clone();
    let mut r = Vec::with_capacity(s.len());
    for &c in &s {
        let mapped = match vm.getitem(&table, &Value::Int(c as i64)) {
            Ok(v) => v,
            Err(e) if vm.is_instance_of_class(&e.0, &vm.types.exc.lookup_error.clone()) => {
                r.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        match &mapped {
            Value::None => {}
            _ => {
                if let Some(i) = crate::vm::ops::as_int(&mapped) {
                    match i.to_big().to_u32().filter(|&v| v < 0x110000) {
                        Some(v) => r.push(v),
                        None => {
                            return Err(
                                vm.value_error("character mapping must be in range(0x110000)")
                            )
                        }
                    }
                } else if let Some(t) = mapped.as_str() {
                    r.extend(t.code_points());
                } else {
                    return Err(vm.type_error("character mapping must return integer, None or str"));
                }
            }
        }
    }
    Ok(out(vm, &r))
}

fn str_maketrans(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    let pos = match pos.first() {
        // Called through the class or an instance: skip a bound str `self`.
        Some(Value::Obj(o)) if matches!(o.payload, Payload::Type(_)) => &pos[1..],
        _ => pos,
    };
    if pos.is_empty() || pos.len() > 3 {
        return Err(super::str::count_error(
            vm,
            "maketrans",
            1,
            3,
            pos.len(),
            (3, 8),
        ));
    }
    let d = vm.new_dict();
    if pos.len() == 1 {
        let Some(Payload::Dict(_)) = pos[0].payload() else {
            return Err(
                vm.type_error("if you give only one argument to maketrans it must be a dict")
            );
        };
        let Value::Obj(src) = &pos[0] else {
            unreachable!()
        };
        for e in vm.dict_items(src) {
            let key = if let Some(k) = e.key.as_str() {
                if k.char_len() != 1 {
                    return Err(
                        vm.value_error("string keys in translate table must be of length 1")
                    );
                }
                Value::Int(k.code_points()[0] as i64)
            } else if crate::vm::ops::as_int(&e.key).is_some() {
                e.key.clone()
            } else {
                return Err(vm.type_error("keys in translate table must be strings or integers"));
            };
            vm.dict_set(&d, key, e.value)?;
        }
        return Ok(Value::Obj(d));
    }
    let (Some(x), Some(y)) = (pos[0].as_str(), pos[1].as_str()) else {
        let bad = if pos[0].as_str().is_none() {
            &pos[0]
        } else {
            &pos[1]
        };
        let n = if pos[0].as_str().is_none() { 1 } else { 2 };
        return Err(vm.type_error(&format!(
            "maketrans() argument {n} must be str, not {}",
            super::str::arg_type_name(vm, bad)
        )));
    };
    let (x, y) = (x.code_points(), y.code_points());
    if x.len() != y.len() {
        return Err(vm.value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in x.iter().zip(&y) {
        vm.dict_set(&d, Value::Int(*a as i64), Value::Int(*b as i64))?;
    }
    if let Some(z) = pos.get(2) {
        let Some(z) = z.as_str() else {
            return Err(vm.type_error(&format!(
                "maketrans() argument 3 must be str, not {}",
                super::str::arg_type_name(vm, z)
            )));
        };
        for c in z.code_points() {
            vm.dict_set(&d, Value::Int(c as i64), Value::None)?;
        }
    }
    Ok(Value::Obj(d))
}

fn str_encode(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = match args.values.first() {
        Some(v) if v.as_str().is_some() => v.as_str().map(|s| s.code_points()).unwrap_or_default(),
        Some(v) => return Err(descriptor_error(vm, "str", "encode", v)),
        None => return Err(vm.type_error("descriptor 'encode' of 'str' object needs an argument")),
    };
    let rest = Args {
        values: &args.values[1..],
        kwnames: args.kwnames,
    };
    let b = super::str::Clinic {
        name: "encode",
        params: &["encoding", "errors"],
        required: 0,
        positional_only: 0,
    }
    .bind(vm, rest)?;
    let enc = match &b[0] {
        Some(v) => text_arg(vm, v, "encode", "encoding", 1)?,
        None => "utf-8".to_string(),
    };
    let errors = match &b[1] {
        Some(v) => text_arg(vm, v, "encode", "errors", 2)?,
        None => "strict".to_string(),
    };
    let bytes = super::codecs::encode(vm, &s, &enc, &errors)?;
    Ok(super::bytes::new_bytes(vm, bytes))
}
