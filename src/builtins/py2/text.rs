//! Python 2's two string types over one payload: `str` (a byte string, kept as text whose
//! characters are its bytes) and `unicode` (its own type); `basestring` above both;
//! their reprs, how print writes them, `unicode()`, `unichr()`, and the ASCII decoding
//! that mixing them implies.

use super::Py2Types;
use crate::modules::sys::{stream_of, Stream};
use crate::object::typeobj::Layout;
use crate::object::{Args, BuiltinKind, Object, Payload, PyStr, Value};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

/// A 2.x `str` from its bytes: one character per byte.
pub fn latin1_text(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| b as char).collect()
}

/// The bytes of a 2.x `str` (a character above U+00FF, which only `unicode` should hold,
/// is written as its UTF-8).
pub fn str_bytes(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for c in s.chars() {
        if (c as u32) < 0x100 {
            out.push(c as u32 as u8);
        } else {
            let mut buf = [0u8; 4];
            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        }
    }
    out
}

/// Whether `v` is a `unicode` object.
pub fn is_unicode(vm: &Vm, v: &Value) -> bool {
    match (&vm.py2.types, v) {
        (Some(t), Value::Obj(o)) => {
            Rc::ptr_eq(o.class(), &t.unicode) || vm.is_subclass_of(o.class(), &t.unicode)
        }
        _ => false,
    }
}

/// The bytes of a 2.x `str` used where a buffer is wanted (`bytearray.find('x')`, what
/// 2.x's old buffer interface gives); None for anything else, and always in 3.x.
pub fn str_buffer(vm: &Vm, v: &Value) -> Option<Vec<u8>> {
    vm.py2.types.as_ref()?;
    let s = v.as_str()?;
    if is_unicode(vm, v) {
        return None;
    }
    Some(str_bytes(s.as_str()))
}

/// A `unicode` object with the text `s`.
pub fn new_unicode(vm: &mut Vm, s: &str) -> Value {
    match &vm.py2.types {
        Some(t) => Value::Obj(Object::new(t.unicode.clone(), Payload::Str(PyStr::new(s)))),
        None => vm.new_str(s),
    }
}

/// 2.x `repr` of a string object: `'...'` with `\xNN` escapes for a `str`, `u'...'` for
/// a `unicode`.
pub fn repr_str(vm: &Vm, v: &Value, s: &PyStr, out: &mut String) {
    if is_unicode(vm, v) {
        crate::pyc::repr::text_repr(s.code_points().into_iter(), (2, 7), out);
    } else {
        crate::pyc::repr::bytes_repr(&str_bytes(s.as_str()), "", out);
    }
}

/// `repr(v)` as a 2.x `str` object.
pub fn repr_value(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let r = vm.repr(v)?;
    Ok(vm.new_str(&r))
}

/// What the print statement writes for `item`: a string itself, else `str(item)`.
pub fn print_form(vm: &mut Vm, item: &Value) -> PyResult<Value> {
    if item.as_str().is_some() {
        return Ok(item.clone());
    }
    let s = vm.str(item)?;
    Ok(vm.new_str(&s))
}

/// The bytes a standard stream receives for a string: a `str`'s bytes; a `unicode`
/// encoded as ASCII (the encoding of a stream that is not a terminal), else
/// UnicodeEncodeError.
fn stream_bytes(vm: &mut Vm, text: &Value) -> PyResult<Vec<u8>> {
    let Some(s) = text.as_str() else {
        return Ok(Vec::new());
    };
    if is_unicode(vm, text) {
        if let Some(pos) = s.as_str().chars().position(|c| !c.is_ascii()) {
            let c = s.as_str().chars().nth(pos).map(|c| c as u32).unwrap_or(0);
            let msg = format!(
                "'ascii' codec can't encode character u'\\x{c:02x}' in position {pos}: ordinal not in range(128)"
            );
            let msg = if c > 0xff {
                format!(
                    "'ascii' codec can't encode character u'\\u{c:04x}' in position {pos}: ordinal not in range(128)"
                )
            } else {
                msg
            };
            let class = vm.types.exc.unicode_encode_error.clone();
            return Err(vm.new_exception(&class, &msg));
        }
        return Ok(s.as_str().as_bytes().to_vec());
    }
    Ok(str_bytes(s.as_str()))
}

/// Writes raw bytes to a native standard stream.
fn write_native(vm: &mut Vm, stream: Stream, bytes: &[u8]) {
    use std::io::Write;
    match stream {
        Stream::Stdout => {
            vm.stdout.extend_from_slice(bytes);
            if vm.stdout.len() > 1 << 16 || (vm.stdout_line_buffered && bytes.contains(&b'\n')) {
                vm.flush_stdout();
            }
        }
        Stream::Stderr => {
            let mut err = std::io::stderr().lock();
            let _ = err.write_all(bytes);
            let _ = err.flush();
        }
        Stream::Stdin => {}
    }
}

/// Writes a string to a stream: the native standard streams directly, anything else
/// through its `write` method.
pub fn write_to(vm: &mut Vm, stream: &Value, text: &Value) -> PyResult<()> {
    if let Some(s) = stream_of(stream) {
        if s != Stream::Stdin {
            let bytes = stream_bytes(vm, text)?;
            write_native(vm, s, &bytes);
            return Ok(());
        }
    }
    let name = vm.intern("write");
    vm.call_method(stream, &name, std::slice::from_ref(text))?;
    Ok(())
}

/// `sys.stdout.write(s)` of a 2.x program: the string's bytes, softspace cleared.
pub fn write_stream_text(vm: &mut Vm, stream: Stream, text: &Value) -> PyResult<()> {
    let bytes = stream_bytes(vm, text)?;
    write_native(vm, stream, &bytes);
    super::softspace::clear_native(vm, stream);
    Ok(())
}

/// `unicode(object='', encoding=..., errors='strict')`.
fn unicode_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    let obj = pos.get(1).cloned();
    let text = match obj {
        None => String::new(),
        Some(o) => {
            let encoding = pos
                .get(2)
                .and_then(|e| e.as_str().map(|s| s.as_str().to_string()));
            let errors = pos
                .get(3)
                .and_then(|e| e.as_str().map(|s| s.as_str().to_string()))
                .unwrap_or_else(|| "strict".into());
            if is_unicode(vm, &o) && encoding.is_none() {
                o.as_str()
                    .map(|s| s.as_str().to_string())
                    .unwrap_or_default()
            } else if let (Some(s), false) = (o.as_str(), is_unicode(vm, &o)) {
                let bytes = str_bytes(s.as_str());
                let enc = encoding.unwrap_or_else(|| "ascii".into());
                let v = crate::builtins::codecs::decode(vm, &bytes, &enc, &errors)?;
                v.as_str()
                    .map(|s| s.as_str().to_string())
                    .unwrap_or_default()
            } else {
                let s = vm.str(&o)?;
                let v = vm.new_str(&s);
                ascii_decode(vm, &v)?
            }
        }
    };
    Ok(new_unicode(vm, &text))
}

/// A `str`'s text as `unicode` text: ASCII only, else UnicodeDecodeError.
pub fn ascii_decode(vm: &mut Vm, v: &Value) -> PyResult<String> {
    let s = v
        .as_str()
        .map(|s| s.as_str().to_string())
        .unwrap_or_default();
    if is_unicode(vm, v) {
        return Ok(s);
    }
    let bytes = str_bytes(&s);
    let v = crate::builtins::codecs::decode(vm, &bytes, "ascii", "strict")?;
    Ok(v.as_str()
        .map(|s| s.as_str().to_string())
        .unwrap_or_default())
}

/// `unichr(i)`.
fn unichr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let i = match args.pos() {
        [Value::Int(i)] => *i,
        [Value::Bool(b)] => *b as i64,
        _ => return Err(vm.type_error("an integer is required")),
    };
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) if i <= 0x10ffff => Ok(new_unicode(vm, &c.to_string())),
        _ => {
            let class = vm.types.exc.value_error.clone();
            Err(vm.new_exception(
                &class,
                "unichr() arg not in range(0x110000) (wide Python build)",
            ))
        }
    }
}

/// `chr(i)`: the one-byte `str`.
fn chr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let i = match args.pos() {
        [Value::Int(i)] => *i,
        [Value::Bool(b)] => *b as i64,
        [Value::Float(_)] => return Err(vm.type_error("integer argument expected, got float")),
        _ => return Err(vm.type_error("an integer is required")),
    };
    if !(0..256).contains(&i) {
        let class = vm.types.exc.value_error.clone();
        return Err(vm.new_exception(&class, "chr() arg not in range(256)"));
    }
    Ok(vm.new_str(&latin1_text(&[i as u8])))
}

fn basestring_new(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Err(vm.type_error("The basestring type cannot be instantiated"))
}

/// Creates `basestring` and `unicode`, puts `str` under `basestring`, and adds the
/// builtins that make and convert them.
pub fn install(vm: &mut Vm) {
    let object = vm.types.object.clone();
    let basestring = vm.new_static_type("basestring", vec![object], Layout::Plain, true);
    vm.add_method(
        &basestring,
        "__new__",
        basestring_new,
        BuiltinKind::StaticMethod,
    );
    let unicode = vm.new_static_type("unicode", vec![basestring.clone()], Layout::Str, true);
    // `unicode` has `str`'s methods (they work on the shared payload).
    let str_dict = vm.type_data(&vm.types.str_.clone()).dict.clone();
    let uni_dict = vm.type_data(&unicode).dict.clone();
    for e in vm.dict_items(&str_dict) {
        if !e.key.is_null() {
            let _ = vm.dict_set(&uni_dict, e.key, e.value);
        }
    }
    vm.add_method(&unicode, "__new__", unicode_new, BuiltinKind::StaticMethod);
    // `str` derives from `basestring`.
    let str_t = vm.types.str_.clone();
    vm.type_data(&str_t).bases.replace(vec![basestring.clone()]);
    let mro = vec![str_t.clone(), basestring.clone(), vm.types.object.clone()];
    vm.type_data(&str_t).mro.replace(mro);
    super::set_builtin(vm, "basestring", Value::Obj(basestring.clone()));
    // `bytes` is another name of `str` (from 2.6; kept for every 2.x).
    super::set_builtin(vm, "bytes", Value::Obj(str_t.clone()));
    super::set_builtin(vm, "unicode", Value::Obj(unicode.clone()));
    vm.add_builtin("unichr", unichr);
    vm.add_builtin("chr", chr);
    vm.py2.types = Some(Py2Types {
        unicode,
        basestring,
        classobj: vm.types.type_.clone(),
        instance: vm.types.object.clone(),
    });
}

/// The encoding and errors arguments of `encode`/`decode` (defaults: ASCII, strict).
fn codec_args(vm: &mut Vm, args: &Args<'_>) -> (String, String) {
    let text = |v: Option<&Value>| v.and_then(|v| v.as_str().map(|s| s.as_str().to_string()));
    let pos = args.pos();
    let mut encoding = text(pos.get(1));
    let mut errors = text(pos.get(2));
    for (k, v) in args.kw() {
        match k.as_str().map(|s| s.as_str().to_string()).as_deref() {
            Some("encoding") => encoding = text(Some(v)),
            Some("errors") => errors = text(Some(v)),
            _ => {}
        }
    }
    let _ = vm;
    (
        encoding.unwrap_or_else(|| "ascii".into()),
        errors.unwrap_or_else(|| "strict".into()),
    )
}

/// Codecs from bytes to bytes (2.x `str.encode('hex')`...).
fn bytes_codec(encoding: &str) -> Option<(&'static str, bool)> {
    match encoding.to_ascii_lowercase().replace('-', "_").as_str() {
        "hex" | "hex_codec" => Some(("hex", true)),
        _ => None,
    }
}

/// `str.decode(encoding='ascii', errors='strict')` → unicode (`hex` → str);
/// `unicode.decode` encodes as ASCII first.
fn decode(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = args.values.first().cloned().unwrap_or(Value::None);
    let (encoding, errors) = codec_args(vm, &args);
    let text = this
        .as_str()
        .map(|s| s.as_str().to_string())
        .unwrap_or_default();
    let bytes = str_bytes(&text);
    if bytes_codec(&encoding).is_some() {
        let s = String::from_utf8_lossy(&bytes).to_string();
        let mut out = Vec::new();
        let digits: Vec<u32> = s.chars().filter_map(|c| c.to_digit(16)).collect();
        if digits.len() != s.len() || digits.len() % 2 == 1 {
            return Err(vm.type_error("Non-hexadecimal digit found"));
        }
        for pair in digits.chunks(2) {
            out.push((pair[0] * 16 + pair[1]) as u8);
        }
        return Ok(vm.new_str(&latin1_text(&out)));
    }
    let v = crate::builtins::codecs::decode(vm, &bytes, &encoding, &errors)?;
    let s = v
        .as_str()
        .map(|s| s.as_str().to_string())
        .unwrap_or_default();
    Ok(new_unicode(vm, &s))
}

/// `unicode.encode(encoding='ascii', errors='strict')` and `str.encode` (which decodes
/// as ASCII first, except for the bytes-to-bytes codecs) → str.
fn encode(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = args.values.first().cloned().unwrap_or(Value::None);
    let (encoding, errors) = codec_args(vm, &args);
    if bytes_codec(&encoding).is_some() {
        let text = this
            .as_str()
            .map(|s| s.as_str().to_string())
            .unwrap_or_default();
        let hex: String = str_bytes(&text)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        return Ok(vm.new_str(&hex));
    }
    let text = if is_unicode(vm, &this) {
        this.as_str()
            .map(|s| s.as_str().to_string())
            .unwrap_or_default()
    } else {
        ascii_decode(vm, &this)?
    };
    let points: Vec<u32> = text.chars().map(|c| c as u32).collect();
    let bytes = crate::builtins::codecs::encode(vm, &points, &encoding, &errors)?;
    Ok(vm.new_str(&latin1_text(&bytes)))
}

/// `decode` and `encode` on both string types.
pub fn install_codecs(vm: &mut Vm) {
    let mut types = vec![vm.types.str_.clone()];
    if let Some(t) = &vm.py2.types {
        types.push(t.unicode.clone());
    }
    for t in types {
        vm.add_method(&t, "decode", decode, BuiltinKind::Method);
        vm.add_method(&t, "encode", encode, BuiltinKind::Method);
    }
}

/// A result of a `str` method called on a `unicode`, as `unicode` (in lists and tuples
/// too).
fn as_unicode_result(vm: &mut Vm, v: Value) -> Value {
    match v.payload() {
        Some(Payload::Str(s)) if !is_unicode(vm, &v) => {
            let s = s.as_str().to_string();
            new_unicode(vm, &s)
        }
        Some(Payload::List(l)) => {
            let items: Vec<Value> = l
                .get()
                .into_iter()
                .map(|i| as_unicode_result(vm, i))
                .collect();
            vm.new_list(items)
        }
        Some(Payload::Tuple(t)) => {
            let items: Vec<Value> = t
                .iter()
                .cloned()
                .map(|i| as_unicode_result(vm, i))
                .collect();
            vm.new_tuple(items)
        }
        _ => v,
    }
}

/// Calls `str`'s method `name` and makes its string results `unicode`.
fn unicode_method(vm: &mut Vm, name: &str, args: Args<'_>) -> PyResult<Value> {
    let dict = vm.type_data(&vm.types.str_.clone()).dict.clone();
    let key = vm.intern(name);
    let Some(f) = vm.dict_get_name(&dict, &key) else {
        return Err(vm.system_error("str method missing"));
    };
    let r = vm.call(&f, args)?;
    Ok(as_unicode_result(vm, r))
}

macro_rules! unicode_methods {
    ($($name:literal),* $(,)?) => {
        /// Gives `unicode` the string-returning methods of `str`, returning `unicode`.
        pub fn install_unicode_methods(vm: &mut Vm) {
            let Some(t) = vm.py2.types.as_ref().map(|t| t.unicode.clone()) else {
                return;
            };
            $(
                vm.add_method(&t, $name, |vm, a| unicode_method(vm, $name, a), BuiltinKind::Method);
            )*
        }
    };
}

unicode_methods!(
    "upper",
    "lower",
    "strip",
    "lstrip",
    "rstrip",
    "replace",
    "split",
    "rsplit",
    "join",
    "title",
    "capitalize",
    "swapcase",
    "center",
    "ljust",
    "rjust",
    "zfill",
    "splitlines",
    "partition",
    "rpartition",
    "expandtabs",
    "format",
    "__getitem__",
    "__mod__",
    "__mul__",
    "__rmul__",
    "__add__",
);

/// The result `r` of an operation on the strings `operands`: `unicode` when one of them
/// is, after checking that the `str` ones decode as ASCII (as 2.x coerces them).
pub fn mixed_result(vm: &mut Vm, operands: &[&Value], r: Value) -> PyResult<Value> {
    if !operands.iter().any(|v| is_unicode(vm, v)) {
        return Ok(r);
    }
    for v in operands {
        if v.as_str().is_some() && !is_unicode(vm, v) {
            ascii_decode(vm, v)?;
        }
    }
    let s = r
        .as_str()
        .map(|s| s.as_str().to_string())
        .unwrap_or_default();
    Ok(new_unicode(vm, &s))
}

/// The result `r` of `fmt % args` in 2.x: `unicode` when `fmt` is, or when a `%s` met a
/// `unicode` argument (`switch`): then, as 2.x formats the rest as unicode, the rest of
/// the format from that `%` and the text formatted before it must decode as ASCII.
pub fn percent_result(
    vm: &mut Vm,
    fmt: &Value,
    r: Value,
    switch: Option<crate::builtins::str_format::UnicodeSwitch>,
) -> PyResult<Value> {
    let Some(switch) = switch.filter(|_| !is_unicode(vm, fmt)) else {
        return mixed_result(vm, &[fmt], r);
    };
    let rest: Vec<u32> = fmt
        .as_str()
        .map(|s| s.code_points())
        .unwrap_or_default()
        .split_off(switch.format_index);
    let rest = vm.new_str_points(&rest);
    ascii_decode(vm, &rest)?;
    let mut before = r.as_str().map(|s| s.code_points()).unwrap_or_default();
    before.truncate(switch.formatted_len);
    let before = vm.new_str_points(&before);
    ascii_decode(vm, &before)?;
    let text = r
        .as_str()
        .map(|s| s.as_str().to_string())
        .unwrap_or_default();
    Ok(new_unicode(vm, &text))
}

/// `str(object)`: a `unicode` is encoded as ASCII (UnicodeEncodeError otherwise).
fn str_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if let [_, o] = args.values {
        if args.kwnames.is_empty() && is_unicode(vm, o) {
            let bytes = stream_bytes(vm, o)?;
            return Ok(vm.new_str(&latin1_text(&bytes)));
        }
    }
    crate::builtins::str::str_new(vm, args)
}

/// `str()` of a `unicode` encodes it.
pub fn install_str_new(vm: &mut Vm) {
    let t = vm.types.str_.clone();
    vm.add_method(&t, "__new__", str_new, BuiltinKind::StaticMethod);
}
