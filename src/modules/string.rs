//! `_string`: the parsers `string.Formatter` uses — `formatter_parser(s)` (the literal
//! text and replacement fields of a format string, as `str.format` reads them) and
//! `formatter_field_name_split(name)` (`"a.b[0]"` -> `('a', [(True, 'b'), (False, 0)])`).
//! Both return iterators over lists built up front (a malformed string raises at the
//! call rather than at the item, the one difference from CPython's lazy iterators).

use crate::object::{Args, ObjRef, Value};
use crate::vm::{PyResult, Vm};

/// `_string`.
pub fn module(vm: &mut Vm) -> PyResult<ObjRef> {
    Ok(super::native_class::module_with(
        vm,
        "_string",
        &[
            ("formatter_parser", formatter_parser),
            ("formatter_field_name_split", field_name_split),
        ],
    ))
}

fn str_arg(vm: &Vm, args: &Args<'_>) -> PyResult<String> {
    match args.pos().first().and_then(|v| v.as_str()) {
        Some(s) => Ok(s.as_str().to_string()),
        None => Err(vm.type_error("expected str")),
    }
}

/// One item: the literal text before a field, and the field (name, spec, conversion).
type Item = (String, Option<(String, String, Option<char>)>);

fn parse(s: &str) -> Result<Vec<Item>, &'static str> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut lit = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                lit.push('}');
                out.push((std::mem::take(&mut lit), None));
                i += 2;
                continue;
            }
            return Err("Single '}' encountered in format string");
        }
        if c != '{' {
            lit.push(c);
            i += 1;
            continue;
        }
        if chars.get(i + 1) == Some(&'{') {
            lit.push('{');
            out.push((std::mem::take(&mut lit), None));
            i += 2;
            continue;
        }
        // A field: up to the matching '}'.
        let start = i + 1;
        let mut depth = 1;
        let mut j = start;
        while j < chars.len() {
            match chars[j] {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
            j += 1;
        }
        if j >= chars.len() {
            return Err(if depth > 0 && start >= chars.len() {
                "Single '{' encountered in format string"
            } else {
                "expected '}' before end of string"
            });
        }
        let body: Vec<char> = chars[start..j].to_vec();
        // The name ends at '!' or ':' outside brackets.
        let mut k = 0;
        let mut in_bracket = false;
        while k < body.len() {
            match body[k] {
                '[' => in_bracket = true,
                ']' => in_bracket = false,
                '!' | ':' if !in_bracket => break,
                _ => {}
            }
            k += 1;
        }
        let name: String = body[..k].iter().collect();
        let mut conversion = None;
        let mut spec = String::new();
        if k < body.len() && body[k] == '!' {
            let Some(c) = body.get(k + 1) else {
                return Err("end of string while looking for conversion specifier");
            };
            conversion = Some(*c);
            k += 2;
            if k < body.len() && body[k] != ':' {
                return Err("expected ':' after conversion specifier");
            }
        }
        if k < body.len() && body[k] == ':' {
            spec = body[k + 1..].iter().collect();
        }
        out.push((std::mem::take(&mut lit), Some((name, spec, conversion))));
        i = j + 1;
    }
    if !lit.is_empty() {
        out.push((lit, None));
    }
    Ok(out)
}

fn formatter_parser(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = str_arg(vm, &args)?;
    let items = parse(&s).map_err(|m| vm.value_error(m))?;
    let mut tuples = Vec::new();
    for (lit, field) in items {
        let lit = vm.new_str(&lit);
        let t = match field {
            None => vm.new_tuple(vec![lit, Value::None, Value::None, Value::None]),
            Some((name, spec, conv)) => {
                let name = vm.new_str(&name);
                let spec = vm.new_str(&spec);
                let conv = conv.map_or(Value::None, |c| vm.new_str(&c.to_string()));
                vm.new_tuple(vec![lit, name, spec, conv])
            }
        };
        tuples.push(t);
    }
    let list = vm.new_list(tuples);
    vm.get_iter(&list)
}

/// An index or key: an int when it is all digits.
fn key_value(vm: &Vm, s: &str) -> Value {
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(i) = s.parse::<i64>() {
            return Value::Int(i);
        }
    }
    vm.new_str(s)
}

fn field_name_split(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = str_arg(vm, &args)?;
    let end = s.find(['.', '[']).unwrap_or(s.len());
    let first = key_value(vm, &s[..end]);
    let mut rest = Vec::new();
    let chars: Vec<char> = s[end..].chars().collect();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '.' => {
                let start = i + 1;
                let mut j = start;
                while j < chars.len() && chars[j] != '.' && chars[j] != '[' {
                    j += 1;
                }
                let name: String = chars[start..j].iter().collect();
                if name.is_empty() {
                    return Err(vm.value_error("Empty attribute in format string"));
                }
                let n = vm.new_str(&name);
                rest.push(vm.new_tuple(vec![Value::Bool(true), n]));
                i = j;
            }
            '[' => {
                let start = i + 1;
                let Some(off) = chars[start..].iter().position(|c| *c == ']') else {
                    return Err(vm.value_error("Missing ']' in format string"));
                };
                let key: String = chars[start..start + off].iter().collect();
                if key.is_empty() {
                    return Err(vm.value_error("Empty attribute in format string"));
                }
                let k = key_value(vm, &key);
                rest.push(vm.new_tuple(vec![Value::Bool(false), k]));
                i = start + off + 1;
                if i < chars.len() && chars[i] != '.' && chars[i] != '[' {
                    return Err(
                        vm.value_error("Only '.' or '[' may follow ']' in format field specifier")
                    );
                }
            }
            _ => i += 1,
        }
    }
    let list = vm.new_list(rest);
    let it = vm.get_iter(&list)?;
    Ok(vm.new_tuple(vec![first, it]))
}
