//! The native `_codecs` module, what the stdlib's `codecs.py` and `encodings` package
//! build on: the codec search registry (`register`, `unregister`, `lookup`, with the
//! `encodings` package imported on first use as CPython does at start-up), `encode` and
//! `decode`, the error handler registry (`register_error`, `lookup_error`, the builtin
//! handlers as functions), and the per-codec functions (`utf_8_encode`, ...,
//! `charmap_decode`, the escape codecs) over `builtins::codecs`, which also does
//! `str.encode`/`bytes.decode`.

use crate::builtins::bytes::{buffer_arg, new_bytes};
use crate::builtins::codecs as native;
use crate::object::{Args, BuiltinKind, NativeFn, ObjRef, Payload, PyCell, Value};
use crate::vm::{PyResult, Vm};
use std::rc::Rc;

/// The codec and error-handler registries of an interpreter.
pub struct Registry {
    search: PyCell<Vec<Value>>,
    /// Normalized encoding name -> CodecInfo.
    cache: ObjRef,
    /// Error handler name -> handler.
    errors: ObjRef,
    /// Whether `encodings` was imported (or tried).
    initialised: std::cell::Cell<bool>,
}

fn registry(vm: &mut Vm) -> PyResult<Rc<Registry>> {
    if let Some(r) = &vm.codecs {
        return Ok(r.clone());
    }
    vm.import_absolute("_codecs")?;
    match &vm.codecs {
        Some(r) => Ok(r.clone()),
        None => Err(vm.system_error("_codecs is not initialised")),
    }
}

/// The builtin error handlers, by name and function name.
const HANDLERS: &[(&str, &str, NativeFn)] = &[
    ("strict", "strict_errors", strict_errors),
    ("ignore", "ignore_errors", |vm, a| {
        simple_handler(vm, a, "ignore")
    }),
    ("replace", "replace_errors", |vm, a| {
        simple_handler(vm, a, "replace")
    }),
    ("xmlcharrefreplace", "xmlcharrefreplace_errors", |vm, a| {
        simple_handler(vm, a, "xmlcharrefreplace")
    }),
    ("backslashreplace", "backslashreplace_errors", |vm, a| {
        simple_handler(vm, a, "backslashreplace")
    }),
    ("namereplace", "namereplace_errors", |vm, a| {
        simple_handler(vm, a, "backslashreplace")
    }),
    ("surrogateescape", "surrogateescape", |vm, a| {
        simple_handler(vm, a, "surrogateescape")
    }),
    ("surrogatepass", "surrogatepass", |vm, a| {
        simple_handler(vm, a, "surrogatepass")
    }),
];

/// `_codecs`.
pub fn module(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("_codecs");
    let reg = Registry {
        search: PyCell::new(Vec::new()),
        cache: vm.new_dict(),
        errors: vm.new_dict(),
        initialised: std::cell::Cell::new(false),
    };
    for (name, fname, f) in HANDLERS {
        let h = vm.new_builtin(fname, *f, BuiltinKind::Function, None);
        let key = vm.new_str(name);
        vm.dict_set(&reg.errors, key, h)?;
    }
    vm.codecs = Some(Rc::new(reg));
    let ver = vm.version.format.major_minor;
    let functions: &[(&'static str, NativeFn, (u8, u8))] = &[
        ("register", register, (3, 0)),
        ("unregister", unregister, (3, 10)),
        ("lookup", lookup, (3, 0)),
        ("encode", encode, (3, 0)),
        ("decode", decode, (3, 0)),
        ("_forget_codec", forget_codec, (3, 0)),
        ("register_error", register_error, (3, 0)),
        ("lookup_error", lookup_error, (3, 0)),
        ("utf_8_encode", |vm, a| encode_fn(vm, a, "utf-8"), (3, 0)),
        ("utf_8_decode", |vm, a| decode_fn(vm, a, "utf-8"), (3, 0)),
        ("utf_16_encode", utf_16_encode, (3, 0)),
        ("utf_16_decode", |vm, a| decode_fn(vm, a, "utf-16"), (3, 0)),
        (
            "utf_16_le_encode",
            |vm, a| encode_fn(vm, a, "utf-16-le"),
            (3, 0),
        ),
        (
            "utf_16_le_decode",
            |vm, a| decode_fn(vm, a, "utf-16-le"),
            (3, 0),
        ),
        (
            "utf_16_be_encode",
            |vm, a| encode_fn(vm, a, "utf-16-be"),
            (3, 0),
        ),
        (
            "utf_16_be_decode",
            |vm, a| decode_fn(vm, a, "utf-16-be"),
            (3, 0),
        ),
        ("utf_16_ex_decode", |vm, a| ex_decode(vm, a, 2), (3, 0)),
        ("utf_32_encode", utf_32_encode, (3, 0)),
        ("utf_32_decode", |vm, a| decode_fn(vm, a, "utf-32"), (3, 0)),
        (
            "utf_32_le_encode",
            |vm, a| encode_fn(vm, a, "utf-32-le"),
            (3, 0),
        ),
        (
            "utf_32_le_decode",
            |vm, a| decode_fn(vm, a, "utf-32-le"),
            (3, 0),
        ),
        (
            "utf_32_be_encode",
            |vm, a| encode_fn(vm, a, "utf-32-be"),
            (3, 0),
        ),
        (
            "utf_32_be_decode",
            |vm, a| decode_fn(vm, a, "utf-32-be"),
            (3, 0),
        ),
        ("utf_32_ex_decode", |vm, a| ex_decode(vm, a, 4), (3, 0)),
        (
            "latin_1_encode",
            |vm, a| encode_fn(vm, a, "latin-1"),
            (3, 0),
        ),
        (
            "latin_1_decode",
            |vm, a| decode_fn(vm, a, "latin-1"),
            (3, 0),
        ),
        ("ascii_encode", |vm, a| encode_fn(vm, a, "ascii"), (3, 0)),
        ("ascii_decode", |vm, a| decode_fn(vm, a, "ascii"), (3, 0)),
        ("charmap_encode", charmap_encode, (3, 0)),
        ("charmap_decode", charmap_decode, (3, 0)),
        ("charmap_build", charmap_build, (3, 0)),
        (
            "unicode_escape_encode",
            |vm, a| escape_encode_fn(vm, a, false),
            (3, 0),
        ),
        (
            "unicode_escape_decode",
            |vm, a| escape_decode_fn(vm, a, false),
            (3, 0),
        ),
        (
            "raw_unicode_escape_encode",
            |vm, a| escape_encode_fn(vm, a, true),
            (3, 0),
        ),
        (
            "raw_unicode_escape_decode",
            |vm, a| escape_decode_fn(vm, a, true),
            (3, 0),
        ),
        ("escape_encode", bytes_escape_encode, (3, 0)),
        ("escape_decode", bytes_escape_decode, (3, 0)),
        ("readbuffer_encode", readbuffer_encode, (3, 0)),
    ];
    for (name, f, since) in functions {
        if ver >= *since {
            let f = vm.new_builtin(name, *f, BuiltinKind::Function, None);
            vm.module_set(&m, name, f);
        }
    }
    Ok(m)
}

/// CPython's `normalizestring`: lower case, and (3.9+) spaces to underscores.
fn normalize(vm: &Vm, name: &str) -> String {
    let spaces = crate::vm::flavour::codec_names_map_spaces(vm.version);
    name.chars()
        .map(|c| {
            if c == ' ' && spaces {
                '_'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

fn str_param(
    vm: &mut Vm,
    v: &Option<Value>,
    func: &str,
    what: &str,
    default: &str,
) -> PyResult<String> {
    match v {
        None => Ok(default.to_string()),
        Some(Value::None) if what == "errors" => Ok(default.to_string()),
        Some(v) => match v.as_str() {
            Some(s) => Ok(s.as_str().to_string()),
            None => {
                let t = vm.type_name(v);
                Err(vm.type_error(&format!("{func}() argument '{what}' must be str, not {t}")))
            }
        },
    }
}

fn register(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [f] = args.pos() else {
        return Err(vm.type_error(&format!(
            "register() takes exactly one argument ({} given)",
            args.pos().len()
        )));
    };
    if !crate::builtins::objects::is_callable(vm, f) {
        return Err(vm.type_error("argument must be callable"));
    }
    let r = registry(vm)?;
    r.search.with_mut(|s| s.push(f.clone()));
    Ok(Value::None)
}

fn unregister(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(f) = args.pos().first().cloned() else {
        return Err(vm.type_error("unregister() takes exactly one argument (0 given)"));
    };
    let r = registry(vm)?;
    r.search.with_mut(|s| s.retain(|x| !x.is(&f)));
    if let Payload::Dict(d) = &r.cache.payload {
        let old = d.replace(crate::object::DictData::new());
        drop(old);
    }
    Ok(Value::None)
}

/// The CodecInfo for `encoding` from the search functions; None when none knows it.
pub fn lookup_codec(vm: &mut Vm, encoding: &str) -> PyResult<Option<Value>> {
    let r = registry(vm)?;
    if !r.initialised.get() {
        r.initialised.set(true);
        if let Err(e) = vm.import_absolute("encodings") {
            let not_found = vm.types.exc.import_error.clone();
            if !vm.is_instance_of_class(&e.0, &not_found) {
                return Err(e);
            }
        }
    }
    let key = vm.new_str(&normalize(vm, encoding));
    if let Some(hit) = vm.dict_get(&r.cache, &key)? {
        return Ok(Some(hit));
    }
    let funcs = r.search.with(|s| s.clone());
    for f in funcs {
        let info = vm.call(&f, Args::positional(std::slice::from_ref(&key)))?;
        if info.is_none() {
            continue;
        }
        let ok = matches!(info.payload(), Some(Payload::Tuple(t)) if t.len() == 4)
            || vm.collect(&info).map(|v| v.len() == 4).unwrap_or(false);
        if !ok {
            return Err(vm.type_error("codec search functions must return 4-tuples"));
        }
        vm.dict_set(&r.cache, key, info.clone())?;
        return Ok(Some(info));
    }
    Ok(None)
}

fn lookup(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [enc] = args.pos() else {
        return Err(vm.type_error(&format!(
            "lookup() takes exactly one argument ({} given)",
            args.pos().len()
        )));
    };
    let Some(name) = enc.as_str().map(|s| s.as_str().to_string()) else {
        let t = vm.type_name(enc);
        return Err(vm.type_error(&format!("lookup() argument must be str, not {t}")));
    };
    match lookup_codec(vm, &name)? {
        Some(info) => Ok(info),
        None => {
            let class = vm.types.exc.lookup_error.clone();
            Err(vm.new_exception(&class, &format!("unknown encoding: {name}")))
        }
    }
}

fn forget_codec(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let r = registry(vm)?;
    if let Some(e) = args.pos().first().and_then(|v| v.as_str()) {
        let key = vm.new_str(&normalize(vm, e.as_str()));
        let _ = vm.dict_remove(&r.cache, &key);
    }
    Ok(Value::None)
}

/// `codecs.encode`/`codecs.decode`: natively for the text codecs here, otherwise
/// through the registry.
fn transcode(vm: &mut Vm, args: Args<'_>, decoding: bool) -> PyResult<Value> {
    let name = if decoding { "decode" } else { "encode" };
    let sig = crate::builtins::args::Signature {
        name,
        params: &["obj", "encoding", "errors"],
        required: 1,
        positional_only: 0,
    };
    let a = sig.bind(vm, args)?;
    let obj = a[0].clone().unwrap_or(Value::None);
    let encoding = str_param(vm, &a[1], name, "encoding", "utf-8")?;
    let errors = str_param(vm, &a[2], name, "errors", "strict")?;
    if native::is_known(&encoding) {
        if decoding {
            if let Some(data) = buffer_arg(vm, &obj) {
                return native::decode(vm, &data, &encoding, &errors);
            }
        } else if let Some(s) = obj.as_str() {
            let pts = s.code_points();
            let b = native::encode(vm, &pts, &encoding, &errors)?;
            return Ok(new_bytes(vm, b));
        }
    }
    let Some(info) = lookup_codec(vm, &encoding)? else {
        let class = vm.types.exc.lookup_error.clone();
        return Err(vm.new_exception(&class, &format!("unknown encoding: {encoding}")));
    };
    let parts = vm.collect(&info)?;
    let f = parts[if decoding { 1 } else { 0 }].clone();
    let errors_v = vm.new_str(&errors);
    let r = vm.call(&f, Args::positional(&[obj, errors_v]))?;
    match r.payload() {
        Some(Payload::Tuple(t)) if t.len() == 2 => Ok(t[0].clone()),
        _ => Err(vm.type_error(&format!("{name}r must return a tuple (object, integer)"))),
    }
}

fn encode(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    transcode(vm, args, false)
}

fn decode(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    transcode(vm, args, true)
}

fn register_error(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [name, handler] = args.pos() else {
        return Err(vm.type_error(&format!(
            "register_error expected 2 arguments, got {}",
            args.pos().len()
        )));
    };
    if name.as_str().is_none() {
        let t = vm.type_name(name);
        return Err(vm.type_error(&format!("register_error() argument 1 must be str, not {t}")));
    }
    if !crate::builtins::objects::is_callable(vm, handler) {
        return Err(vm.type_error("handler must be callable"));
    }
    let r = registry(vm)?;
    vm.dict_set(&r.errors, name.clone(), handler.clone())?;
    Ok(Value::None)
}

/// The error handler registered as `name` (None for unknown names).
pub fn error_handler(vm: &mut Vm, name: &str) -> PyResult<Option<Value>> {
    let r = registry(vm)?;
    let key = vm.new_str(name);
    vm.dict_get(&r.errors, &key)
}

fn lookup_error(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [name] = args.pos() else {
        return Err(vm.type_error(&format!(
            "lookup_error() takes exactly one argument ({} given)",
            args.pos().len()
        )));
    };
    let Some(n) = name.as_str().map(|s| s.as_str().to_string()) else {
        let t = vm.type_name(name);
        return Err(vm.type_error(&format!("lookup_error() argument must be str, not {t}")));
    };
    match error_handler(vm, &n)? {
        Some(h) => Ok(h),
        None => {
            let class = vm.types.exc.lookup_error.clone();
            Err(vm.new_exception(&class, &format!("unknown error handler name '{n}'")))
        }
    }
}

// ----- the builtin error handlers -----

fn strict_errors(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match args.pos().first() {
        Some(Value::Obj(o)) if matches!(o.payload, Payload::Exception(_)) => {
            Err(crate::vm::PyErr(o.clone()))
        }
        _ => Err(vm.type_error("codec must pass exception instance")),
    }
}

/// A builtin handler applied to a Unicode error: (replacement, end).
fn simple_handler(vm: &mut Vm, args: Args<'_>, name: &str) -> PyResult<Value> {
    let Some(exc) = args.pos().first().cloned() else {
        return Err(vm.type_error("codec must pass exception instance"));
    };
    let cls = vm.class_of(&exc).clone();
    let is = |vm: &Vm, c: &ObjRef| vm.is_subclass_of(&cls, c);
    let encode_err = is(vm, &vm.types.exc.unicode_encode_error.clone());
    let decode_err = is(vm, &vm.types.exc.unicode_decode_error.clone());
    let translate_err =
        crate::modules::io::builtin_class(vm, "UnicodeTranslateError").is_some_and(|c| is(vm, &c));
    let get = |vm: &mut Vm, n: &str| -> PyResult<Value> {
        let k = vm.intern(n);
        vm.get_attr(&exc, &k)
    };
    let wrong = |vm: &mut Vm| {
        let t = vm.type_name(&exc);
        vm.type_error(&format!("don't know how to handle {t} in error callback"))
    };
    if !(encode_err || decode_err || translate_err) {
        return Err(wrong(vm));
    }
    let start = get(vm, "start")?;
    let end = get(vm, "end")?;
    let object = get(vm, "object")?;
    let start = vm.index_value(&start)?.unwrap_or(0).max(0) as usize;
    let end_v = end.clone();
    let end = vm.index_value(&end)?.unwrap_or(0).max(0) as usize;
    let text: Vec<u32> = if decode_err {
        buffer_arg(vm, &object)
            .unwrap_or_default()
            .iter()
            .map(|&b| b as u32)
            .collect()
    } else {
        object.as_str().map(|s| s.code_points()).unwrap_or_default()
    };
    let range = &text[start.min(text.len())..end.min(text.len()).max(start.min(text.len()))];
    let mut out: Vec<u32> = Vec::new();
    let esc = |c: u32, out: &mut Vec<u32>| {
        let s = if c <= 0xff {
            format!("\\x{c:02x}")
        } else if c <= 0xffff {
            format!("\\u{c:04x}")
        } else {
            format!("\\U{c:08x}")
        };
        out.extend(s.chars().map(|c| c as u32));
    };
    match name {
        "ignore" => {}
        "replace" => {
            let r = if decode_err || translate_err {
                0xFFFD
            } else {
                '?' as u32
            };
            if decode_err {
                out.push(r);
            } else {
                out.extend(std::iter::repeat_n(r, range.len()));
            }
        }
        "backslashreplace" => range.iter().for_each(|&c| esc(c, &mut out)),
        "xmlcharrefreplace" if encode_err => {
            for &c in range {
                out.extend(format!("&#{c};").chars().map(|c| c as u32));
            }
        }
        "surrogateescape" if decode_err => {
            for &b in range {
                if b < 0x80 {
                    return Err(crate::vm::PyErr(
                        exc.as_obj().cloned().ok_or_else(|| wrong(vm))?,
                    ));
                }
                out.push(0xDC00 + b);
            }
        }
        "surrogateescape" if encode_err => {
            let mut bytes = Vec::new();
            for &c in range {
                if !(0xDC80..0xDD00).contains(&c) {
                    return Err(crate::vm::PyErr(
                        exc.as_obj().cloned().ok_or_else(|| wrong(vm))?,
                    ));
                }
                bytes.push((c - 0xDC00) as u8);
            }
            let b = new_bytes(vm, bytes);
            return Ok(vm.new_tuple(vec![b, end_v]));
        }
        _ => return Err(wrong(vm)),
    }
    let s = vm.new_str_points(&out);
    Ok(vm.new_tuple(vec![s, end_v]))
}

// ----- per-codec functions -----

/// `(str, errors=None)` arguments of an encoding function.
fn text_and_errors(
    vm: &mut Vm,
    args: &Args<'_>,
    func: &str,
) -> PyResult<(Vec<u32>, String, usize)> {
    let pos = args.pos();
    let Some(s) = pos.first() else {
        return Err(vm.type_error(&format!("{func}() takes at least 1 argument (0 given)")));
    };
    let Some(text) = s.as_str().map(|t| t.code_points()) else {
        let t = vm.type_name(s);
        return Err(vm.type_error(&format!("{func}() argument 1 must be str, not {t}")));
    };
    let errors = str_param(vm, &pos.get(1).cloned(), func, "errors", "strict")?;
    let n = text.len();
    Ok((text, errors, n))
}

fn encode_fn(vm: &mut Vm, args: Args<'_>, codec: &str) -> PyResult<Value> {
    let (text, errors, n) = text_and_errors(vm, &args, "encode")?;
    let b = native::encode(vm, &text, codec, &errors)?;
    let b = new_bytes(vm, b);
    Ok(vm.new_tuple(vec![b, Value::Int(n as i64)]))
}

/// utf-16/utf-32 encoders: a BOM and native order for byteorder 0, else little or big.
fn bom_encode(vm: &mut Vm, args: Args<'_>, base: &str) -> PyResult<Value> {
    let (text, errors, n) = text_and_errors(vm, &args, "encode")?;
    let order = match args.pos().get(2) {
        Some(v) => vm.index_value(v)?.unwrap_or(0),
        None => 0,
    };
    let codec = match order {
        0 => base.to_string(),
        o if o < 0 => format!("{base}-le"),
        _ => format!("{base}-be"),
    };
    let b = native::encode(vm, &text, &codec, &errors)?;
    let b = new_bytes(vm, b);
    Ok(vm.new_tuple(vec![b, Value::Int(n as i64)]))
}

fn utf_16_encode(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    bom_encode(vm, args, "utf-16")
}

fn utf_32_encode(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    bom_encode(vm, args, "utf-32")
}

/// `(data, errors=None, final=False)` arguments of a decoding function.
fn data_errors_final(
    vm: &mut Vm,
    args: &Args<'_>,
    final_at: usize,
) -> PyResult<(Vec<u8>, String, bool)> {
    let pos = args.pos();
    let Some(d) = pos.first() else {
        return Err(vm.type_error("decode() takes at least 1 argument (0 given)"));
    };
    let Some(data) = buffer_arg(vm, d) else {
        let t = vm.type_name(d);
        return Err(vm.type_error(&format!("a bytes-like object is required, not '{t}'")));
    };
    let errors = str_param(vm, &pos.get(1).cloned(), "decode", "errors", "strict")?;
    let mut final_ = match pos.get(final_at) {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    for (k, v) in args.kw() {
        if k.as_str().is_some_and(|k| k.as_str() == "final") {
            final_ = vm.truthy(v)?;
        }
    }
    Ok((data, errors, final_))
}

fn decode_fn(vm: &mut Vm, args: Args<'_>, codec: &str) -> PyResult<Value> {
    let (data, errors, final_) = data_errors_final(vm, &args, 2)?;
    let (chars, used) = native::decode_partial(vm, &data, codec, &errors, final_, None)?;
    let s = vm.new_str_points(&chars);
    Ok(vm.new_tuple(vec![s, Value::Int(used as i64)]))
}

/// `utf_16_ex_decode(data, errors=None, byteorder=0, final=False)`: (str, consumed,
/// byteorder detected).
fn ex_decode(vm: &mut Vm, args: Args<'_>, unit: usize) -> PyResult<Value> {
    let (data, errors, final_) = data_errors_final(vm, &args, 3)?;
    let order = match args.pos().get(2) {
        Some(v) => vm.index_value(v)?.unwrap_or(0),
        None => 0,
    };
    let base = if unit == 2 { "utf-16" } else { "utf-32" };
    let (bom_le, bom_be): (&[u8], &[u8]) = if unit == 2 {
        (&[0xFF, 0xFE], &[0xFE, 0xFF])
    } else {
        (&[0xFF, 0xFE, 0, 0], &[0, 0, 0xFE, 0xFF])
    };
    let (codec, skip, detected) = match order {
        o if o < 0 => (format!("{base}-le"), 0, -1),
        o if o > 0 => (format!("{base}-be"), 0, 1),
        _ if data.starts_with(bom_le) => (format!("{base}-le"), unit, -1),
        _ if data.starts_with(bom_be) => (format!("{base}-be"), unit, 1),
        _ => (format!("{base}-le"), 0, 0),
    };
    let (chars, used) = native::decode_partial(vm, &data[skip..], &codec, &errors, final_, None)?;
    let s = vm.new_str_points(&chars);
    Ok(vm.new_tuple(vec![
        s,
        Value::Int((used + skip) as i64),
        Value::Int(detected),
    ]))
}

fn charmap_build(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(table) = args
        .pos()
        .first()
        .and_then(|v| v.as_str())
        .map(|s| s.code_points())
    else {
        return Err(vm.type_error("charmap_build() argument must be str"));
    };
    let d = vm.new_dict();
    for (i, &c) in table.iter().enumerate() {
        vm.dict_set(&d, Value::Int(c as i64), Value::Int(i as i64))?;
    }
    Ok(Value::Obj(d))
}

fn charmap_encode(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (text, errors, n) = text_and_errors(vm, &args, "charmap_encode")?;
    let mapping = args.pos().get(2).cloned().unwrap_or(Value::None);
    if mapping.is_none() {
        return encode_fn(vm, args, "latin-1");
    }
    let mut out = Vec::new();
    for (i, &c) in text.iter().enumerate() {
        let got = match get_item_opt(vm, &mapping, &Value::Int(c as i64))? {
            Some(v) => v,
            None => Value::None,
        };
        match &got {
            Value::Int(b) if (0..256).contains(b) => out.push(*b as u8),
            Value::Int(_) => return Err(vm.type_error("character mapping must be in range(256)")),
            v if buffer_arg(vm, v).is_some() => out.extend(buffer_arg(vm, v).unwrap_or_default()),
            Value::None => match errors.as_str() {
                "ignore" => {}
                "replace" => out.push(b'?'),
                _ => {
                    return Err(native::encode_error(
                        vm,
                        "charmap",
                        &text,
                        i,
                        i + 1,
                        "character maps to <undefined>",
                    ))
                }
            },
            _ => {
                return Err(
                    vm.type_error("character mapping must return integer, bytes or None, not str")
                )
            }
        }
    }
    let b = new_bytes(vm, out);
    Ok(vm.new_tuple(vec![b, Value::Int(n as i64)]))
}

fn charmap_decode(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (data, errors, _) = data_errors_final(vm, &args, 99)?;
    let mapping = args.pos().get(2).cloned().unwrap_or(Value::None);
    if mapping.is_none() {
        return decode_fn(vm, args, "latin-1");
    }
    let table: Option<Vec<u32>> = mapping.as_str().map(|s| s.code_points());
    let mut out = Vec::new();
    for (i, &b) in data.iter().enumerate() {
        let c: Option<u32> = match &table {
            Some(t) => t.get(b as usize).copied().filter(|&c| c != 0xFFFE),
            None => match get_item_opt(vm, &mapping, &Value::Int(b as i64))? {
                Some(Value::Int(c)) if (0..0x110000).contains(&c) => Some(c as u32),
                Some(v) if v.as_str().is_some() => {
                    let pts = v.as_str().map(|s| s.code_points()).unwrap_or_default();
                    if pts.len() == 1 && pts[0] == 0xFFFE {
                        None
                    } else {
                        out.extend(pts);
                        continue;
                    }
                }
                _ => None,
            },
        };
        match c {
            Some(c) => out.push(c),
            None => match errors.as_str() {
                "ignore" => {}
                "replace" => out.push(0xFFFD),
                _ => {
                    return Err(native::decode_error(
                        vm,
                        "charmap",
                        &data,
                        i,
                        i + 1,
                        "character maps to <undefined>",
                    ))
                }
            },
        }
    }
    let s = vm.new_str_points(&out);
    Ok(vm.new_tuple(vec![s, Value::Int(data.len() as i64)]))
}

fn escape_encode_fn(vm: &mut Vm, args: Args<'_>, raw: bool) -> PyResult<Value> {
    let (text, _, n) = text_and_errors(vm, &args, "encode")?;
    let mut out = Vec::with_capacity(text.len());
    for &c in &text {
        if raw {
            if c < 0x100 {
                out.push(c as u8);
            } else if c < 0x10000 {
                out.extend(format!("\\u{c:04x}").bytes());
            } else {
                out.extend(format!("\\U{c:08x}").bytes());
            }
            continue;
        }
        match c {
            0x5C => out.extend_from_slice(b"\\\\"),
            0x09 => out.extend_from_slice(b"\\t"),
            0x0A => out.extend_from_slice(b"\\n"),
            0x0D => out.extend_from_slice(b"\\r"),
            0x20..=0x7E => out.push(c as u8),
            0..=0xFF => out.extend(format!("\\x{c:02x}").bytes()),
            0x100..=0xFFFF => out.extend(format!("\\u{c:04x}").bytes()),
            _ => out.extend(format!("\\U{c:08x}").bytes()),
        }
    }
    let b = new_bytes(vm, out);
    Ok(vm.new_tuple(vec![b, Value::Int(n as i64)]))
}

fn hex_value(d: &[u8]) -> Option<u32> {
    let s = std::str::from_utf8(d).ok()?;
    if !s.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    u32::from_str_radix(s, 16).ok()
}

fn escape_decode_fn(vm: &mut Vm, args: Args<'_>, raw: bool) -> PyResult<Value> {
    let (data, errors, _) = data_errors_final(vm, &args, 2)?;
    let name = if raw {
        "rawunicodeescape"
    } else {
        "unicodeescape"
    };
    let mut out: Vec<u32> = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        if b != b'\\' {
            out.push(b as u32);
            i += 1;
            continue;
        }
        let start = i;
        let Some(&e) = data.get(i + 1) else {
            if raw {
                out.push(b'\\' as u32);
                i += 1;
                continue;
            }
            let err =
                native::decode_error(vm, name, &data, start, data.len(), "\\ at end of string");
            match errors.as_str() {
                "ignore" => break,
                "replace" => {
                    out.push(0xFFFD);
                    break;
                }
                _ => return Err(err),
            }
        };
        let digits = match e {
            b'x' if !raw => 2,
            b'u' => 4,
            b'U' => 8,
            _ => 0,
        };
        if raw && digits == 0 {
            out.push(b'\\' as u32);
            i += 1;
            continue;
        }
        if digits > 0 {
            let hex = data.get(i + 2..i + 2 + digits).and_then(hex_value);
            let reason = match e {
                b'x' => "truncated \\xXX escape",
                b'u' => "truncated \\uXXXX escape",
                _ => "truncated \\UXXXXXXXX escape",
            };
            match hex {
                Some(c) if c <= 0x10FFFF => {
                    out.push(c);
                    i += 2 + digits;
                }
                other => {
                    let mut end = i + 2;
                    while end < data.len() && end < i + 2 + digits && data[end].is_ascii_hexdigit()
                    {
                        end += 1;
                    }
                    if other.is_some() {
                        end = i + 2 + digits;
                    }
                    let reason = if other.is_some() {
                        if raw {
                            "\\Uxxxxxxxx out of range"
                        } else {
                            "illegal Unicode character"
                        }
                    } else {
                        reason
                    };
                    match errors.as_str() {
                        "ignore" => {}
                        "replace" => out.push(0xFFFD),
                        _ => return Err(native::decode_error(vm, name, &data, start, end, reason)),
                    }
                    i = end;
                }
            }
            continue;
        }
        i += 2;
        match e {
            b'\n' => {}
            b'\\' | b'\'' | b'"' => out.push(e as u32),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(10),
            b'r' => out.push(13),
            b't' => out.push(9),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                let mut k = 0;
                while k < 2 && i < data.len() && (b'0'..=b'7').contains(&data[i]) {
                    v = v * 8 + (data[i] - b'0') as u32;
                    i += 1;
                    k += 1;
                }
                out.push(v);
            }
            _ => {
                out.push(b'\\' as u32);
                out.push(e as u32);
            }
        }
    }
    let s = vm.new_str_points(&out);
    Ok(vm.new_tuple(vec![s, Value::Int(data.len() as i64)]))
}

fn bytes_escape_encode(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(Payload::Bytes(data)) = args.pos().first().and_then(|v| v.payload()) else {
        let t = args
            .pos()
            .first()
            .map(|v| vm.type_name(v).to_string())
            .unwrap_or_default();
        return Err(vm.type_error(&format!("argument 1 must be bytes, not {t}")));
    };
    let mut out = Vec::new();
    for &b in data.iter() {
        match b {
            b'\\' => out.extend_from_slice(b"\\\\"),
            b'\'' => out.extend_from_slice(b"\\'"),
            b'\t' => out.extend_from_slice(b"\\t"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            0x20..=0x7E => out.push(b),
            _ => out.extend(format!("\\x{b:02x}").bytes()),
        }
    }
    let n = data.len();
    let b = new_bytes(vm, out);
    Ok(vm.new_tuple(vec![b, Value::Int(n as i64)]))
}

fn bytes_escape_decode(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.pos();
    let data: Vec<u8> = match pos.first() {
        Some(v) => match v.as_str() {
            Some(s) => s.as_str().as_bytes().to_vec(),
            None => buffer_arg(vm, v).ok_or_else(|| {
                vm.type_error(&format!(
                    "a bytes-like object is required, not '{}'",
                    vm.type_name(v)
                ))
            })?,
        },
        None => return Err(vm.type_error("escape_decode() takes at least 1 argument (0 given)")),
    };
    let errors = str_param(
        vm,
        &pos.get(1).cloned(),
        "escape_decode",
        "errors",
        "strict",
    )?;
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        if b != b'\\' {
            out.push(b);
            i += 1;
            continue;
        }
        let Some(&e) = data.get(i + 1) else {
            return Err(vm.value_error("Trailing \\ in string"));
        };
        i += 2;
        match e {
            b'\n' => {}
            b'\\' | b'\'' | b'"' => out.push(e),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'n' => out.push(10),
            b'r' => out.push(13),
            b't' => out.push(9),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                let mut v = (e - b'0') as u32;
                let mut k = 0;
                while k < 2 && i < data.len() && (b'0'..=b'7').contains(&data[i]) {
                    v = v * 8 + (data[i] - b'0') as u32;
                    i += 1;
                    k += 1;
                }
                out.push(v as u8);
            }
            b'x' => match data.get(i..i + 2).and_then(hex_value) {
                Some(v) => {
                    out.push(v as u8);
                    i += 2;
                }
                None => match errors.as_str() {
                    "ignore" => {}
                    "replace" => out.push(b'?'),
                    "strict" => {
                        return Err(
                            vm.value_error(&format!("invalid \\x escape at position {}", i - 2))
                        )
                    }
                    other => {
                        return Err(vm.value_error(&format!(
                            "decoding error; unknown error handling code: {other}"
                        )))
                    }
                },
            },
            _ => {
                out.push(b'\\');
                out.push(e);
            }
        }
    }
    let n = data.len();
    let b = new_bytes(vm, out);
    Ok(vm.new_tuple(vec![b, Value::Int(n as i64)]))
}

fn readbuffer_encode(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let data = match args.pos().first() {
        Some(v) => match v.as_str() {
            Some(s) => s.as_str().as_bytes().to_vec(),
            None => buffer_arg(vm, v).unwrap_or_default(),
        },
        None => Vec::new(),
    };
    let n = data.len();
    let b = new_bytes(vm, data);
    Ok(vm.new_tuple(vec![b, Value::Int(n as i64)]))
}

/// `mapping[key]`, None on LookupError.
fn get_item_opt(vm: &mut Vm, mapping: &Value, key: &Value) -> PyResult<Option<Value>> {
    match vm.getitem(mapping, key) {
        Ok(v) => Ok(Some(v)),
        Err(e) if vm.is_instance_of_class(&e.0, &vm.types.exc.lookup_error.clone()) => Ok(None),
        Err(e) => Err(e),
    }
}
