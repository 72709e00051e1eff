//! `format(value, spec)`: the format-specification mini-language for str, int and float
//! (fill, align, sign, `#`, `0`, width, `,`/`_` grouping, precision, type), and
//! `__format__` for everything else.

use super::ops::as_int;
use super::{PyResult, Vm};
use crate::object::{Args, Payload, Value};
use num_bigint::BigInt;
use num_traits::Signed;

/// A parsed format spec.
#[derive(Debug, Default, Clone)]
pub struct Spec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub alternate: bool,
    pub zero: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub kind: Option<char>,
}

pub fn parse_spec(s: &str) -> Result<Spec, String> {
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    let mut spec = Spec::default();
    let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
    if chars.len() >= 2 && is_align(chars[1]) {
        spec.fill = Some(chars[0]);
        spec.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        spec.align = Some(chars[0]);
        i = 1;
    }
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        spec.sign = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == 'z' {
        i += 1;
    }
    if i < chars.len() && chars[i] == '#' {
        spec.alternate = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '0' {
        spec.zero = true;
        i += 1;
    }
    let start = i;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        spec.width = chars[start..i].iter().collect::<String>().parse().ok();
    }
    if i < chars.len() && matches!(chars[i], ',' | '_') {
        spec.grouping = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return Err("Format specifier missing precision".into());
        }
        spec.precision = chars[start..i].iter().collect::<String>().parse().ok();
    }
    if i < chars.len() {
        spec.kind = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() {
        return Err("Invalid format specifier".into());
    }
    Ok(spec)
}

/// Pads `body` (already signed) to the spec's width.
fn pad(body: &str, spec: &Spec, default_align: char, sign_len: usize) -> String {
    let width = spec.width.unwrap_or(0);
    let len = body.chars().count();
    if len >= width {
        return body.to_string();
    }
    let fill_n = width - len;
    let (fill, align) = if spec.zero && spec.align.is_none() {
        ('0', '=')
    } else {
        (
            spec.fill.unwrap_or(' '),
            spec.align.unwrap_or(default_align),
        )
    };
    let fill_str = |n: usize| std::iter::repeat_n(fill, n).collect::<String>();
    match align {
        '<' => format!("{body}{}", fill_str(fill_n)),
        '^' => format!(
            "{}{body}{}",
            fill_str(fill_n / 2),
            fill_str(fill_n - fill_n / 2)
        ),
        '=' => {
            let (sign, rest) = body.split_at(sign_len.min(body.len()));
            format!("{sign}{}{rest}", fill_str(fill_n))
        }
        _ => format!("{}{body}", fill_str(fill_n)),
    }
}

fn group(digits: &str, sep: char, every: usize) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / every);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

impl Vm {
    /// `format(v, spec)`.
    pub fn format(&mut self, v: &Value, spec: Option<&Value>) -> PyResult<Value> {
        let spec_text = spec
            .and_then(|s| s.as_str())
            .map(|s| s.as_str().to_string())
            .unwrap_or_default();
        if let Value::Obj(o) = v {
            let class_ = o.class().clone();
            if self.type_data(&class_).is_heap {
                let name = self.names.__format__.clone();
                if let Some(f) = self.lookup_in_mro(&class_, &name) {
                    if !matches!(f.payload(), Some(Payload::Builtin(_))) {
                        let bound = self.descr_get(f, Some(v), &class_)?;
                        let spec_v = self.new_str(&spec_text);
                        return self.call(&bound, Args::positional(&[spec_v]));
                    }
                }
            }
        }
        if spec_text.is_empty() {
            if v.as_str().is_some()
                && !matches!(v, Value::Obj(o) if self.type_data(o.class()).is_heap)
            {
                return Ok(v.clone());
            }
            let s = self.str(v)?;
            return Ok(self.new_str(&s));
        }
        let spec = parse_spec(&spec_text).map_err(|m| self.value_error(&m))?;
        let text = match v {
            Value::Float(f) => self.format_float(*f, &spec)?,
            Value::Obj(o) if matches!(o.payload, Payload::Float(_)) => {
                let Payload::Float(f) = o.payload else {
                    unreachable!()
                };
                self.format_float(f, &spec)?
            }
            _ if as_int(v).is_some() && !matches!(v, Value::Bool(_) if spec.kind.is_none()) => {
                let n = as_int(v).map(|i| i.to_big()).unwrap_or_default();
                if matches!(spec.kind, Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) {
                    use num_traits::ToPrimitive;
                    self.format_float(n.to_f64().unwrap_or(f64::INFINITY), &spec)?
                } else {
                    self.format_int(&n, &spec)?
                }
            }
            _ => match v.as_str() {
                Some(s) => self.format_str(s.as_str(), &spec)?,
                None => {
                    if spec_text.is_empty() {
                        self.str(v)?
                    } else {
                        return Err(self.type_error(&format!(
                            "unsupported format string passed to {}.__format__",
                            self.type_name(v)
                        )));
                    }
                }
            },
        };
        Ok(self.new_str(&text))
    }

    fn format_str(&mut self, s: &str, spec: &Spec) -> PyResult<String> {
        if let Some(k) = spec.kind {
            if k != 's' {
                return Err(self.value_error(&format!(
                    "Unknown format code '{k}' for object of type 'str'"
                )));
            }
        }
        if spec.sign.is_some() {
            return Err(self.value_error("Sign not allowed in string format specifier"));
        }
        if spec.align == Some('=') {
            return Err(self.value_error("'=' alignment not allowed in string format specifier"));
        }
        let body: String = match spec.precision {
            Some(p) => s.chars().take(p).collect(),
            None => s.to_string(),
        };
        Ok(pad(&body, spec, '<', 0))
    }

    fn format_int(&mut self, n: &BigInt, spec: &Spec) -> PyResult<String> {
        if spec.precision.is_some() {
            return Err(self.value_error("Precision not allowed in integer format specifier"));
        }
        let kind = spec.kind.unwrap_or('d');
        let abs = n.abs();
        let (digits, prefix) = match kind {
            'd' | 'n' => (abs.to_str_radix(10), ""),
            'b' => (abs.to_str_radix(2), "0b"),
            'o' => (abs.to_str_radix(8), "0o"),
            'x' => (abs.to_str_radix(16), "0x"),
            'X' => (abs.to_str_radix(16).to_uppercase(), "0X"),
            'c' => {
                use num_traits::ToPrimitive;
                let c = n.to_u32().and_then(char::from_u32).ok_or_else(|| {
                    self.new_exception(
                        &self.types.exc.overflow_error,
                        "%c arg not in range(0x110000)",
                    )
                })?;
                return Ok(pad(&c.to_string(), spec, '<', 0));
            }
            k => {
                return Err(self.value_error(&format!(
                    "Unknown format code '{k}' for object of type 'int'"
                )));
            }
        };
        let digits = match spec.grouping {
            Some(sep) => group(&digits, sep, if matches!(kind, 'd' | 'n') { 3 } else { 4 }),
            None => digits,
        };
        let sign = if n.is_negative() {
            "-"
        } else {
            match spec.sign {
                Some('+') => "+",
                Some(' ') => " ",
                _ => "",
            }
        };
        let prefix = if spec.alternate { prefix } else { "" };
        let body = format!("{sign}{prefix}{digits}");
        Ok(pad(&body, spec, '>', sign.len() + prefix.len()))
    }

    fn format_float(&mut self, x: f64, spec: &Spec) -> PyResult<String> {
        let kind = spec.kind;
        let neg = x.is_sign_negative() && !x.is_nan();
        let a = x.abs();
        let mut body = if a.is_nan() || a.is_infinite() {
            let t = if a.is_nan() { "nan" } else { "inf" };
            if matches!(kind, Some('E' | 'F' | 'G')) {
                t.to_uppercase()
            } else {
                t.to_string()
            }
        } else {
            match kind {
                Some('f' | 'F') => format!("{:.*}", spec.precision.unwrap_or(6), a),
                Some('e' | 'E') => {
                    let s = exp_format(a, spec.precision.unwrap_or(6));
                    if kind == Some('E') {
                        s.to_uppercase()
                    } else {
                        s
                    }
                }
                Some('%') => format!("{:.*}%", spec.precision.unwrap_or(6), a * 100.0),
                Some('g' | 'G') => {
                    let s = general_format(a, spec.precision.unwrap_or(6), spec.alternate);
                    if kind == Some('G') {
                        s.to_uppercase()
                    } else {
                        s
                    }
                }
                None => match spec.precision {
                    Some(p) => {
                        let s = general_format(a, p.max(1), spec.alternate);
                        if s.contains(['.', 'e', 'n', 'i']) {
                            s
                        } else {
                            format!("{s}.0")
                        }
                    }
                    None => {
                        let mut s = String::new();
                        crate::pyc::repr::float_repr(a, self.version.format.major_minor, &mut s);
                        s
                    }
                },
                Some(k) => {
                    return Err(self.value_error(&format!(
                        "Unknown format code '{k}' for object of type 'float'"
                    )));
                }
            }
        };
        if let Some(sep) = spec.grouping {
            let (int_part, rest) = match body.find(|c: char| !c.is_ascii_digit()) {
                Some(i) => (body[..i].to_string(), body[i..].to_string()),
                None => (body.clone(), String::new()),
            };
            body = format!("{}{rest}", group(&int_part, sep, 3));
        }
        let sign = if neg {
            "-"
        } else {
            match spec.sign {
                Some('+') => "+",
                Some(' ') => " ",
                _ => "",
            }
        };
        let body = format!("{sign}{body}");
        Ok(pad(&body, spec, '>', sign.len()))
    }

    /// `ascii(v)`: the repr with non-ASCII characters escaped.
    pub fn ascii(&mut self, v: &Value) -> PyResult<String> {
        let r = self.repr(v)?;
        let mut out = String::with_capacity(r.len());
        for c in r.chars() {
            let cp = c as u32;
            if cp < 0x80 {
                out.push(c);
            } else if cp < 0x100 {
                out.push_str(&format!("\\x{cp:02x}"));
            } else if cp < 0x10000 {
                out.push_str(&format!("\\u{cp:04x}"));
            } else {
                out.push_str(&format!("\\U{cp:08x}"));
            }
        }
        Ok(out)
    }
}

/// `%.{p}e` as C prints it (at least two exponent digits).
pub fn exp_format(a: f64, p: usize) -> String {
    let s = format!("{:.*e}", p, a);
    let (mant, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let e: i32 = exp.parse().unwrap_or(0);
    format!("{mant}e{}{:02}", if e < 0 { '-' } else { '+' }, e.abs())
}

/// `%.{p}g` as C prints it (`alternate` keeps trailing zeros).
pub fn general_format(a: f64, p: usize, alternate: bool) -> String {
    let p = p.max(1);
    if a == 0.0 {
        return if alternate {
            format!("{:.*}", p - 1, 0.0)
        } else {
            "0".into()
        };
    }
    let exp = format!("{:.*e}", p - 1, a)
        .split_once('e')
        .and_then(|(_, e)| e.parse::<i32>().ok())
        .unwrap_or(0);
    if exp < -4 || exp >= p as i32 {
        let s = exp_format(a, p - 1);
        if alternate {
            return s;
        }
        let (mant, e) = s.split_once('e').unwrap_or((&s, ""));
        let mant = if mant.contains('.') {
            mant.trim_end_matches('0').trim_end_matches('.')
        } else {
            mant
        };
        format!("{mant}e{e}")
    } else {
        let s = format!("{:.*}", (p as i32 - 1 - exp).max(0) as usize, a);
        if alternate || !s.contains('.') {
            s
        } else {
            s.trim_end_matches('0').trim_end_matches('.').to_string()
        }
    }
}
