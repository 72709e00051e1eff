//! `_io.TextIOWrapper`: str over a buffered byte stream — encoding and decoding with the
//! codecs of `builtins::codecs`, newline translation on both sides, line reading, and
//! `tell`/`seek` with plain byte positions (the codecs here are stateless between
//! characters, so CPython's opaque cookie is the byte position too).
//!
//! Reading decodes one chunk at a time into `decoded`, remembering where in the chunk's
//! bytes each character ends (`ends`), so `tell` knows the byte position of any
//! character. A chunk never ends inside a character or just after a `\r` (it could be
//! the start of `\r\n`): those bytes wait in `pending` for the next chunk.

use super::buffered;
use super::{call_method, new_object, self_value, this, unsupported};
use crate::builtins::codecs;
use crate::object::{Args, ObjRef, PyCell, Value};
use crate::vm::{PyResult, Vm};

const CHUNK_SIZE: usize = 8192;
const CR: u32 = '\r' as u32;
const LF: u32 = '\n' as u32;

/// Newline kinds seen while reading (the `newlines` attribute).
pub(super) const SEEN_CR: u8 = 1;
pub(super) const SEEN_LF: u8 = 2;
pub(super) const SEEN_CRLF: u8 = 4;

pub(super) struct Text {
    buffer: Value,
    /// The encoding as given (or the locale's), for `encoding` and the repr.
    encoding: String,
    /// The codec name used to decode (BOM-resolved once the stream start is seen).
    decode_codec: String,
    /// The canonical codec name for encoding (with its BOM at the stream start).
    write_codec: String,
    errors: String,
    /// `newline` as given: None (universal, translated), "" (universal), or a fixed one.
    newline: Option<String>,
    line_buffering: bool,
    write_through: bool,
    readable: bool,
    writable: bool,
    seekable: bool,
    /// False while iterating (`tell` is disabled then, as in CPython).
    telling: bool,
    decoded: Vec<u32>,
    /// Byte offset, in the chunk's input, after each decoded character.
    ends: Vec<usize>,
    dpos: usize,
    /// Bytes of the chunk's input the decoded characters used.
    chunk_used: usize,
    /// Undecoded bytes after the decoded characters.
    pending: Vec<u8>,
    /// Encoded text not yet handed to the buffer (written out past `chunk_size`, on
    /// flush and before reading or moving).
    pending_write: Vec<u8>,
    /// The decoder is at the start of the stream (a BOM may come).
    decoder_at_start: bool,
    /// The encoder is at the start of the stream (write a BOM).
    encoder_at_start: bool,
    seennl: u8,
    chunk_size: usize,
    detached: bool,
    ready: bool,
}

pub(super) fn empty() -> Text {
    Text {
        buffer: Value::None,
        encoding: String::new(),
        decode_codec: String::new(),
        write_codec: String::new(),
        errors: "strict".into(),
        newline: None,
        line_buffering: false,
        write_through: false,
        readable: false,
        writable: false,
        seekable: false,
        telling: false,
        decoded: Vec::new(),
        ends: Vec::new(),
        dpos: 0,
        chunk_used: 0,
        pending: Vec::new(),
        pending_write: Vec::new(),
        decoder_at_start: true,
        encoder_at_start: true,
        seennl: 0,
        chunk_size: CHUNK_SIZE,
        detached: false,
        ready: false,
    }
}

impl Drop for Text {
    fn drop(&mut self) {
        if !self.pending_write.is_empty() {
            buffered::append_pending(&self.buffer, &self.pending_write);
        }
    }
}

impl Text {
    fn universal(&self) -> bool {
        matches!(self.newline.as_deref(), None | Some(""))
    }

    fn translate(&self) -> bool {
        self.newline.is_none()
    }

    fn reset_read(&mut self) {
        self.decoded.clear();
        self.ends.clear();
        self.dpos = 0;
        self.chunk_used = 0;
        self.pending.clear();
    }
}

pub(super) fn init(vm: &mut Vm, t: &ObjRef) {
    vm.add_method(
        t,
        "__new__",
        |vm, a| match a.values.first() {
            Some(Value::Obj(cls)) if super::is_type(cls) => Ok(new_object(cls, empty())),
            _ => Err(vm.type_error("TextIOWrapper.__new__(X): X is not a type object")),
        },
        crate::object::BuiltinKind::StaticMethod,
    );
    let mut methods: Vec<(&'static str, crate::object::NativeFn)> = vec![
        ("__init__", text_init),
        ("read", read),
        ("readline", readline),
        ("__next__", next),
        ("write", write),
        ("flush", flush),
        ("close", close),
        ("detach", detach),
        ("seek", seek),
        ("tell", tell),
        ("truncate", truncate),
        ("fileno", |vm, a| delegate(vm, a, "fileno")),
        ("isatty", |vm, a| delegate(vm, a, "isatty")),
        ("readable", |vm, a| delegate(vm, a, "readable")),
        ("writable", |vm, a| delegate(vm, a, "writable")),
        ("seekable", |vm, a| delegate(vm, a, "seekable")),
        ("__repr__", repr),
        ("__getstate__", |vm, a| {
            let t = vm.type_name(&self_value(&a));
            Err(vm.type_error(&format!("cannot pickle '{t}' object")))
        }),
    ];
    if vm.version.format.major_minor >= (3, 7) {
        methods.push(("reconfigure", reconfigure));
    }
    super::add_methods(vm, t, &methods);
    super::add_getters(
        vm,
        t,
        &[
            ("encoding", |vm, a| {
                let s = this::<Text>(vm, &a, "TextIOWrapper")?;
                let e = s.with(|s| s.encoding.clone());
                Ok(vm.new_str(&e))
            }),
            ("errors", |vm, a| {
                let s = this::<Text>(vm, &a, "TextIOWrapper")?;
                let e = s.with(|s| s.errors.clone());
                Ok(vm.new_str(&e))
            }),
            ("line_buffering", |vm, a| {
                let s = this::<Text>(vm, &a, "TextIOWrapper")?;
                Ok(Value::bool(s.with(|s| s.line_buffering)))
            }),
            ("write_through", |vm, a| {
                let s = this::<Text>(vm, &a, "TextIOWrapper")?;
                Ok(Value::bool(s.with(|s| s.write_through)))
            }),
            ("buffer", |vm, a| {
                let (_, buffer) = ready(vm, &a)?;
                Ok(buffer)
            }),
            ("newlines", |vm, a| {
                let s = this::<Text>(vm, &a, "TextIOWrapper")?;
                let (seen, universal) = s.with(|s| (s.seennl, s.universal()));
                Ok(if universal {
                    newlines_value(vm, seen)
                } else {
                    Value::None
                })
            }),
            ("closed", |vm, a| {
                let (_, buffer) = ready(vm, &a)?;
                super::get_attr(vm, &buffer, "closed")
            }),
            ("name", |vm, a| {
                let (_, buffer) = ready(vm, &a)?;
                super::get_attr(vm, &buffer, "name")
            }),
        ],
    );
    vm.add_getset(
        t,
        "_CHUNK_SIZE",
        |vm, a| {
            let s = this::<Text>(vm, &a, "TextIOWrapper")?;
            Ok(Value::Int(s.with(|s| s.chunk_size) as i64))
        },
        Some(|vm, a| {
            let s = this::<Text>(vm, &a, "TextIOWrapper")?;
            let n = match a.pos().get(1) {
                Some(v) => super::int_arg(vm, v, false)?,
                None => 0,
            };
            if n <= 0 {
                return Err(vm.value_error("a strictly positive integer is required"));
            }
            s.with_mut(|s| s.chunk_size = n as usize);
            Ok(Value::None)
        }),
    );
}

/// The `newlines` value for the kinds seen.
pub(super) fn newlines_value(vm: &mut Vm, seen: u8) -> Value {
    let mut kinds = Vec::new();
    if seen & SEEN_CR != 0 {
        kinds.push("\r");
    }
    if seen & SEEN_LF != 0 {
        kinds.push("\n");
    }
    if seen & SEEN_CRLF != 0 {
        kinds.push("\r\n");
    }
    match kinds.len() {
        0 => Value::None,
        1 => vm.new_str(kinds[0]),
        _ => {
            let items = kinds.iter().map(|k| vm.new_str(k)).collect();
            vm.new_tuple(items)
        }
    }
}

/// Checks a `newline` argument.
pub(super) fn check_newline(
    vm: &mut Vm,
    v: &Option<Value>,
    quoted: bool,
) -> PyResult<Option<String>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => match v.as_str() {
            Some(s) => {
                let s = s.as_str();
                if !matches!(s, "" | "\n" | "\r" | "\r\n") {
                    let shown = if quoted { vm.repr(v)? } else { s.to_string() };
                    return Err(vm.value_error(&format!("illegal newline value: {shown}")));
                }
                Ok(Some(s.to_string()))
            }
            None => {
                let t = vm.type_name(v);
                Err(vm.type_error(&format!(
                    "TextIOWrapper() argument 'newline' must be str or None, not {t}"
                )))
            }
        },
    }
}

fn str_or_none(vm: &mut Vm, v: &Option<Value>, what: &str) -> PyResult<Option<String>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => match v.as_str() {
            Some(s) => Ok(Some(s.as_str().to_string())),
            None => {
                let t = vm.type_name(v);
                Err(vm.type_error(&format!(
                    "TextIOWrapper() argument '{what}' must be str or None, not {t}"
                )))
            }
        },
    }
}

/// The encoding a text stream uses when none is given: the locale's (`UTF-8`).
pub(super) fn locale_encoding() -> &'static str {
    "UTF-8"
}

fn text_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let sig = crate::builtins::args::Signature {
        name: "TextIOWrapper",
        params: &[
            "",
            "buffer",
            "encoding",
            "errors",
            "newline",
            "line_buffering",
            "write_through",
        ],
        required: 2,
        positional_only: 1,
    };
    let a = sig.bind(vm, args)?;
    let this_v = a[0].clone().unwrap_or(Value::None);
    let buffer = a[1].clone().unwrap_or(Value::None);
    let encoding = str_or_none(vm, &a[2], "encoding")?;
    let errors = str_or_none(vm, &a[3], "errors")?;
    let newline = check_newline(vm, &a[4], false)?;
    let line_buffering = match &a[5] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    let write_through = match &a[6] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    setup(
        vm,
        &this_v,
        buffer,
        encoding,
        errors,
        newline,
        line_buffering,
        write_through,
    )?;
    Ok(Value::None)
}

/// Sets up a TextIOWrapper (its `__init__`).
#[allow(clippy::too_many_arguments)]
pub(super) fn setup(
    vm: &mut Vm,
    this_v: &Value,
    buffer: Value,
    encoding: Option<String>,
    errors: Option<String>,
    newline: Option<String>,
    line_buffering: bool,
    write_through: bool,
) -> PyResult<()> {
    let Some(state) = super::state_of::<Text>(this_v) else {
        return Err(vm.type_error("TextIOWrapper.__init__ needs a TextIOWrapper"));
    };
    let encoding = match encoding {
        Some(e) if e != "locale" || vm.version.format.major_minor < (3, 10) => e,
        _ => locale_encoding().to_string(),
    };
    if !codecs::is_known(&encoding) {
        let class = vm.types.exc.lookup_error.clone();
        return Err(vm.new_exception(&class, &format!("unknown encoding: {encoding}")));
    }
    let errors = errors.unwrap_or_else(|| "strict".into());
    let r = call_method(vm, &buffer, "readable", &[])?;
    let readable = vm.truthy(&r)?;
    let r = call_method(vm, &buffer, "writable", &[])?;
    let writable = vm.truthy(&r)?;
    let r = call_method(vm, &buffer, "seekable", &[])?;
    let seekable = vm.truthy(&r)?;
    let canonical = codecs::canonical_name(&encoding).unwrap_or_default();
    let mut encoder_at_start = true;
    if seekable && writable && has_bom(&canonical) {
        let pos = call_method(vm, &buffer, "tell", &[])?;
        encoder_at_start = matches!(pos, Value::Int(0));
    }
    let mut t = empty();
    t.buffer = buffer;
    t.write_codec = canonical.clone();
    t.decode_codec = canonical;
    t.encoding = encoding;
    t.errors = errors;
    t.newline = newline;
    t.line_buffering = line_buffering;
    t.write_through = write_through;
    t.readable = readable;
    t.writable = writable;
    t.seekable = seekable;
    t.telling = seekable;
    t.encoder_at_start = encoder_at_start;
    t.ready = true;
    let old = state.replace(t);
    drop(old);
    Ok(())
}

/// Whether the codec writes a byte order mark at the start of a stream.
fn has_bom(canonical: &str) -> bool {
    matches!(canonical, "utf-16" | "utf-32" | "utf-8-sig")
}

/// The codec for writing past the start of a stream (no BOM).
fn without_bom(canonical: &str) -> &str {
    match canonical {
        "utf-16" => "utf-16-le",
        "utf-32" => "utf-32-le",
        "utf-8-sig" => "utf-8",
        c => c,
    }
}

fn ready<'a>(vm: &mut Vm, args: &Args<'a>) -> PyResult<(&'a PyCell<Text>, Value)> {
    let s = this::<Text>(vm, args, "TextIOWrapper")?;
    let (buffer, detached, ok) = s.with(|s| (s.buffer.clone(), s.detached, s.ready));
    if detached {
        return Err(vm.value_error("underlying buffer has been detached"));
    }
    if !ok {
        return Err(vm.value_error("I/O operation on uninitialized object"));
    }
    Ok((s, buffer))
}

fn check_closed(vm: &mut Vm, buffer: &Value) -> PyResult<()> {
    if super::fileio::open_state(buffer).is_none() && super::base::is_closed(vm, buffer)? {
        return Err(vm.value_error("I/O operation on closed file."));
    }
    Ok(())
}

fn check_readable(vm: &mut Vm, s: &PyCell<Text>, buffer: &Value) -> PyResult<()> {
    check_closed(vm, buffer)?;
    if !s.with(|s| s.readable) {
        return Err(unsupported(vm, "not readable"));
    }
    Ok(())
}

/// Decodes the next chunk into `decoded`; false at the end of the stream.
fn fill(vm: &mut Vm, s: &PyCell<Text>, buffer: &Value) -> PyResult<bool> {
    let size = s.with(|s| s.chunk_size);
    let data = buffered::read_chunk(vm, buffer, size)?.unwrap_or_default();
    let eof = data.is_empty();
    let mut input = s.with_mut(|s| std::mem::take(&mut s.pending));
    input.extend_from_slice(&data);
    decode_input(vm, s, input, eof)?;
    Ok(!(eof && s.with(|s| s.decoded.is_empty())))
}

/// Decodes `input` (the pending bytes and what was read) as the new chunk.
fn decode_input(vm: &mut Vm, s: &PyCell<Text>, input: Vec<u8>, eof: bool) -> PyResult<()> {
    let (mut codec, errors, at_start) =
        s.with(|s| (s.decode_codec.clone(), s.errors.clone(), s.decoder_at_start));
    let mut skip = 0;
    if at_start {
        let bom_len = match codec.as_str() {
            "utf-16" => 2,
            "utf-32" => 4,
            "utf-8-sig" => 3,
            _ => 0,
        };
        if bom_len > 0 {
            if input.len() < bom_len && !eof {
                s.with_mut(|s| s.pending = input);
                return Ok(());
            }
            let (resolved, n) = match codec.as_str() {
                "utf-16" if input.starts_with(&[0xFE, 0xFF]) => ("utf-16-be", 2),
                "utf-16" if input.starts_with(&[0xFF, 0xFE]) => ("utf-16-le", 2),
                "utf-16" => ("utf-16-le", 0),
                "utf-32" if input.starts_with(&[0, 0, 0xFE, 0xFF]) => ("utf-32-be", 4),
                "utf-32" if input.starts_with(&[0xFF, 0xFE, 0, 0]) => ("utf-32-le", 4),
                "utf-32" => ("utf-32-le", 0),
                _ if input.starts_with(&[0xEF, 0xBB, 0xBF]) => ("utf-8", 3),
                _ => ("utf-8", 0),
            };
            codec = resolved.to_string();
            skip = n;
            s.with_mut(|s| s.decode_codec = codec.clone());
        }
        s.with_mut(|s| s.decoder_at_start = false);
    }
    let mut ends = Vec::new();
    let (mut chars, used) =
        codecs::decode_partial(vm, &input[skip..], &codec, &errors, eof, Some(&mut ends))?;
    let mut used = used + skip;
    for e in ends.iter_mut() {
        *e += skip;
    }
    if !eof && chars.last() == Some(&CR) {
        chars.pop();
        ends.pop();
        used = ends.last().copied().unwrap_or(skip);
    }
    let (universal, translate) = s.with(|s| (s.universal(), s.translate()));
    let mut seen = 0u8;
    let (chars, ends) = if universal {
        let mut out = Vec::with_capacity(chars.len());
        let mut out_ends = Vec::with_capacity(chars.len());
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if c == CR && chars.get(i + 1) == Some(&LF) {
                seen |= SEEN_CRLF;
                if translate {
                    out.push(LF);
                    out_ends.push(ends[i + 1]);
                } else {
                    out.extend_from_slice(&[CR, LF]);
                    out_ends.extend_from_slice(&[ends[i], ends[i + 1]]);
                }
                i += 2;
                continue;
            }
            if c == CR {
                seen |= SEEN_CR;
                out.push(if translate { LF } else { CR });
            } else {
                if c == LF {
                    seen |= SEEN_LF;
                }
                out.push(c);
            }
            out_ends.push(ends[i]);
            i += 1;
        }
        (out, out_ends)
    } else {
        (chars, ends)
    };
    s.with_mut(|s| {
        s.seennl |= seen;
        s.decoded = chars;
        s.ends = ends;
        s.dpos = 0;
        s.chunk_used = used;
        s.pending = input[used..].to_vec();
    });
    Ok(())
}

/// Takes up to `n` decoded characters (all when None).
fn take_decoded(s: &PyCell<Text>, n: Option<usize>) -> Vec<u32> {
    s.with_mut(|s| {
        let avail = s.decoded.len() - s.dpos;
        let k = n.map_or(avail, |n| n.min(avail));
        let v = s.decoded[s.dpos..s.dpos + k].to_vec();
        s.dpos += k;
        v
    })
}

/// Flushes pending writes before reading or seeking.
fn flush_buffer(vm: &mut Vm, s: &PyCell<Text>, buffer: &Value) -> PyResult<()> {
    write_out(vm, s, buffer)?;
    call_method(vm, buffer, "flush", &[])?;
    Ok(())
}

/// Hands the encoded but not yet written bytes to the buffer.
fn write_out(vm: &mut Vm, s: &PyCell<Text>, buffer: &Value) -> PyResult<()> {
    let data = s.with_mut(|s| std::mem::take(&mut s.pending_write));
    if !data.is_empty() {
        buffered::write_through(vm, buffer, data)?;
    }
    Ok(())
}

fn read(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, buffer) = ready(vm, &args)?;
    let n = super::size_arg(vm, args.pos().get(1))?;
    check_readable(vm, s, &buffer)?;
    if s.with(|s| s.writable) {
        flush_buffer(vm, s, &buffer)?;
    }
    let mut out = take_decoded(s, (n >= 0).then_some(n as usize));
    if n < 0 {
        let rest = buffered::read_all(vm, &buffer)?;
        let mut input = s.with_mut(|s| std::mem::take(&mut s.pending));
        input.extend_from_slice(&rest);
        decode_input(vm, s, input, true)?;
        out.extend(take_decoded(s, None));
    } else {
        while out.len() < n as usize {
            if !fill(vm, s, &buffer)? {
                break;
            }
            out.extend(take_decoded(s, Some(n as usize - out.len())));
        }
    }
    Ok(vm.new_str_points(&out))
}

/// Where the line in `chars` ends (the index after its terminator), if it does.
fn line_end(chars: &[u32], newline: Option<&str>) -> Option<usize> {
    match newline {
        None | Some("\n") => chars.iter().position(|&c| c == LF).map(|i| i + 1),
        Some("") => {
            let i = chars.iter().position(|&c| c == LF || c == CR)?;
            if chars[i] == CR && chars.get(i + 1) == Some(&LF) {
                Some(i + 2)
            } else {
                Some(i + 1)
            }
        }
        Some("\r") => chars.iter().position(|&c| c == CR).map(|i| i + 1),
        _ => chars.windows(2).position(|w| w == [CR, LF]).map(|i| i + 2),
    }
}

/// Reads one line of at most `limit` characters (no limit when negative).
fn read_line(vm: &mut Vm, s: &PyCell<Text>, buffer: &Value, limit: i64) -> PyResult<Vec<u32>> {
    if s.with(|s| s.writable) {
        flush_buffer(vm, s, buffer)?;
    }
    let mut line: Vec<u32> = Vec::new();
    loop {
        let done = s.with_mut(|s| {
            let avail = &s.decoded[s.dpos..];
            let newline = s.newline.clone();
            // Search the carried-over tail together with the new characters, for a
            // `\r\n` split between them.
            let start = line.len().saturating_sub(1);
            let mut joined: Vec<u32> = line[start..].to_vec();
            joined.extend_from_slice(avail);
            let end = line_end(&joined, newline.as_deref()).map(|e| e + start - line.len());
            let mut take = end.unwrap_or(avail.len());
            let mut finished = end.is_some();
            if limit >= 0 {
                let room = (limit as usize).saturating_sub(line.len());
                if take >= room {
                    take = room;
                    finished = true;
                }
            }
            line.extend_from_slice(&avail[..take]);
            s.dpos += take;
            finished
        });
        if done || !fill(vm, s, buffer)? {
            return Ok(line);
        }
    }
}

fn readline(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, buffer) = ready(vm, &args)?;
    let limit = match args.pos().get(1) {
        Some(v) => match vm.index_value(v)? {
            Some(n) => n as i64,
            None => {
                let t = vm.type_name(v);
                return Err(
                    vm.type_error(&format!("'{t}' object cannot be interpreted as an integer"))
                );
            }
        },
        None => -1,
    };
    check_readable(vm, s, &buffer)?;
    let line = read_line(vm, s, &buffer, limit)?;
    Ok(vm.new_str_points(&line))
}

fn next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, buffer) = ready(vm, &args)?;
    check_readable(vm, s, &buffer)?;
    s.with_mut(|s| s.telling = false);
    let line = read_line(vm, s, &buffer, -1)?;
    if line.is_empty() {
        s.with_mut(|s| s.telling = s.seekable);
        let class = vm.types.exc.stop_iteration.clone();
        return Err(vm.new_exception(&class, ""));
    }
    Ok(vm.new_str_points(&line))
}

fn write(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, buffer) = ready(vm, &args)?;
    let Some(text) = args.pos().get(1) else {
        return Err(vm.type_error("write() takes exactly one argument (0 given)"));
    };
    let Some(chars) = super::str_arg(text) else {
        let t = vm.type_name(text);
        return Err(vm.type_error(&format!("write() argument must be str, not {t}")));
    };
    check_closed(vm, &buffer)?;
    if !s.with(|s| s.writable) {
        return Err(unsupported(vm, "not writable"));
    }
    let (newline, line_buffering, write_through, codec, errors) = s.with(|s| {
        let codec = if s.encoder_at_start {
            s.write_codec.clone()
        } else {
            without_bom(&s.write_codec).to_string()
        };
        (
            s.newline.clone(),
            s.line_buffering,
            s.write_through,
            codec,
            s.errors.clone(),
        )
    });
    let haslf = chars.contains(&LF);
    let needflush = line_buffering && (haslf || chars.contains(&CR));
    let translated: Vec<u32> = match newline.as_deref() {
        Some("\r") | Some("\r\n") if haslf => {
            let nl: Vec<u32> = newline
                .as_deref()
                .unwrap_or("")
                .chars()
                .map(|c| c as u32)
                .collect();
            let mut out = Vec::with_capacity(chars.len() + 8);
            for &c in &chars {
                if c == LF {
                    out.extend_from_slice(&nl);
                } else {
                    out.push(c);
                }
            }
            out
        }
        _ => chars.clone(),
    };
    let data = codecs::encode(vm, &translated, &codec, &errors)?;
    s.with_mut(|s| {
        if !data.is_empty() {
            s.encoder_at_start = false;
        }
        s.reset_read();
    });
    let full = s.with_mut(|s| {
        s.pending_write.extend_from_slice(&data);
        s.pending_write.len() > s.chunk_size
    });
    if full || needflush || write_through {
        write_out(vm, s, &buffer)?;
    }
    if needflush || write_through {
        flush_buffer(vm, s, &buffer)?;
    }
    Ok(Value::Int(chars.len() as i64))
}

fn flush(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, buffer) = ready(vm, &args)?;
    check_closed(vm, &buffer)?;
    s.with_mut(|s| s.telling = s.seekable);
    flush_buffer(vm, s, &buffer)?;
    Ok(Value::None)
}

fn close(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, buffer) = ready(vm, &args)?;
    if super::fileio::open_state(&buffer).is_none() && super::base::is_closed(vm, &buffer)? {
        return Ok(Value::None);
    }
    let flushed = flush_buffer(vm, s, &buffer);
    let closed = call_method(vm, &buffer, "close", &[]);
    flushed?;
    closed.map(|_| Value::None)
}

fn detach(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, buffer) = ready(vm, &args)?;
    flush_buffer(vm, s, &buffer)?;
    s.with_mut(|s| s.detached = true);
    Ok(buffer)
}

fn tell(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, buffer) = ready(vm, &args)?;
    check_closed(vm, &buffer)?;
    if !s.with(|s| s.seekable) {
        return Err(unsupported(vm, "underlying stream is not seekable"));
    }
    if !s.with(|s| s.telling) {
        let class = vm.types.exc.os_error.clone();
        return Err(vm.new_exception(&class, "telling position disabled by next() call"));
    }
    flush_buffer(vm, s, &buffer)?;
    let pos = call_method(vm, &buffer, "tell", &[])?;
    let pos = super::int_arg(vm, &pos, false)?;
    let back = s.with(|s| {
        let consumed = if s.dpos == 0 { 0 } else { s.ends[s.dpos - 1] };
        (s.chunk_used + s.pending.len()).saturating_sub(consumed) as i64
    });
    Ok(Value::Int(pos - back))
}

fn seek(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, buffer) = ready(vm, &args)?;
    let Some(cookie_v) = args.pos().get(1).cloned() else {
        return Err(vm.type_error("seek() takes at least 1 argument (0 given)"));
    };
    let whence = match args.pos().get(2) {
        Some(w) => super::int_arg(vm, w, false)?,
        None => 0,
    };
    check_closed(vm, &buffer)?;
    if !s.with(|s| s.seekable) {
        return Err(unsupported(vm, "underlying stream is not seekable"));
    }
    let cookie = super::int_arg(vm, &cookie_v, false)?;
    let cookie = match whence {
        0 => cookie,
        1 => {
            if cookie != 0 {
                return Err(unsupported(vm, "can't do nonzero cur-relative seeks"));
            }
            let t = tell(vm, Args::positional(&[self_value(&args)]))?;
            super::int_arg(vm, &t, false)?
        }
        2 => {
            if cookie != 0 {
                return Err(unsupported(vm, "can't do nonzero end-relative seeks"));
            }
            flush_buffer(vm, s, &buffer)?;
            s.with_mut(|s| s.reset_read());
            let r = call_method(vm, &buffer, "seek", &[Value::Int(0), Value::Int(2)])?;
            let at_start = matches!(r, Value::Int(0));
            s.with_mut(|s| {
                s.decoder_at_start = at_start;
                s.encoder_at_start = at_start;
            });
            return Ok(r);
        }
        _ => return Err(vm.value_error(&format!("invalid whence ({whence}, should be 0, 1 or 2)"))),
    };
    if cookie < 0 {
        let shown = vm.repr(&cookie_v)?;
        return Err(vm.value_error(&format!("negative seek position {shown}")));
    }
    flush_buffer(vm, s, &buffer)?;
    call_method(vm, &buffer, "seek", &[Value::Int(cookie)])?;
    s.with_mut(|s| {
        s.reset_read();
        s.decoder_at_start = cookie == 0;
        s.encoder_at_start = cookie == 0;
    });
    Ok(Value::Int(cookie))
}

fn truncate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (s, buffer) = ready(vm, &args)?;
    check_closed(vm, &buffer)?;
    flush_buffer(vm, s, &buffer)?;
    let pos = args.pos().get(1).cloned().unwrap_or(Value::None);
    call_method(vm, &buffer, "truncate", &[pos])
}

fn delegate(vm: &mut Vm, args: Args<'_>, method: &str) -> PyResult<Value> {
    let (_, buffer) = ready(vm, &args)?;
    call_method(vm, &buffer, method, &[])
}

fn reconfigure(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let sig = crate::builtins::args::Signature {
        name: "reconfigure",
        params: &[
            "",
            "encoding",
            "errors",
            "newline",
            "line_buffering",
            "write_through",
        ],
        required: 1,
        positional_only: 1,
    };
    let named = args.kwnames.len();
    if args.pos().len() > 1 {
        return Err(vm.type_error(&format!(
            "reconfigure() takes 0 positional arguments but {} were given",
            args.pos().len() - 1
        )));
    }
    let _ = named;
    let (s, buffer) = ready(vm, &args)?;
    let a = sig.bind(vm, args)?;
    let encoding = str_or_none(vm, &a[1], "encoding")?;
    let errors = str_or_none(vm, &a[2], "errors")?;
    let newline = match &a[3] {
        None => s.with(|s| s.newline.clone()),
        Some(_) => check_newline(vm, &a[3], false)?,
    };
    if encoding.is_some() || a[3].is_some() {
        let has_data = s.with(|s| s.dpos < s.decoded.len() || !s.pending.is_empty());
        if has_data {
            return Err(unsupported(
                vm,
                "It is not possible to set the encoding or newline of stream after the first read",
            ));
        }
    }
    flush_buffer(vm, s, &buffer)?;
    let mut st = s.with(|s| (s.encoding.clone(), s.errors.clone()));
    if let Some(e) = encoding {
        if !codecs::is_known(&e) {
            let class = vm.types.exc.lookup_error.clone();
            return Err(vm.new_exception(&class, &format!("unknown encoding: {e}")));
        }
        st.0 = e;
        st.1 = errors.clone().unwrap_or_else(|| "strict".into());
    }
    if let Some(e) = errors {
        st.1 = e;
    }
    let lb = match &a[4] {
        Some(Value::None) | None => None,
        Some(v) => Some(vm.truthy(v)?),
    };
    let wt = match &a[5] {
        Some(Value::None) | None => None,
        Some(v) => Some(vm.truthy(v)?),
    };
    s.with_mut(|s| {
        s.decode_codec = codecs::canonical_name(&st.0).unwrap_or_default();
        s.write_codec = s.decode_codec.clone();
        s.encoding = st.0;
        s.errors = st.1;
        s.newline = newline;
        if let Some(lb) = lb {
            s.line_buffering = lb;
        }
        if let Some(wt) = wt {
            s.write_through = wt;
        }
    });
    Ok(Value::None)
}

fn repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this_v = self_value(&args);
    let tname = super::fixed_or_class_name(vm, &this_v, "_io.TextIOWrapper");
    let mut text = format!("<{tname}");
    let s = this::<Text>(vm, &args, "TextIOWrapper")?;
    if !s.with(|s| s.ready) {
        return Ok(vm.new_str(&format!("<{tname}>")));
    }
    for attr in ["name", "mode"] {
        let key = vm.intern(attr);
        let v = match vm.get_attr_opt(&this_v, &key) {
            Ok(v) => v,
            Err(e) if vm.is_instance_of_class(&e.0, &vm.types.exc.value_error.clone()) => None,
            Err(e) => return Err(e),
        };
        if let Some(v) = v {
            text.push_str(&format!(" {attr}={}", vm.repr(&v)?));
        }
    }
    let enc = s.with(|s| s.encoding.clone());
    let enc = vm.new_str(&enc);
    text.push_str(&format!(" encoding={}>", vm.repr(&enc)?));
    Ok(vm.new_str(&text))
}
