//! `_io.FileIO`: unbuffered bytes over an operating-system file descriptor (opening by
//! name or taking a descriptor, `opener`, `closefd`), as CPython's `fileio.c`. The
//! descriptor is used through a `std::fs::File` that is never allowed to close it except
//! in `close` (and when the object is freed), so Python keeps control of its lifetime.

use super::{new_object, self_value, this, unsupported};
use crate::object::{Args, ObjRef, Value};
use crate::vm::{PyResult, Vm};
use std::fs::File;
use std::io::{Read, Seek, SeekFrom, Write};
use std::mem::ManuallyDrop;
use std::os::fd::{FromRawFd, IntoRawFd};

/// The state of a FileIO.
pub(super) struct FileIo {
    /// The descriptor, -1 once closed (or before `__init__`).
    pub fd: i32,
    pub readable: bool,
    pub writable: bool,
    pub appending: bool,
    pub created: bool,
    pub closefd: bool,
    /// The file system's preferred block size (the default buffer size of `open`).
    pub blksize: usize,
}

impl Drop for FileIo {
    fn drop(&mut self) {
        if self.fd >= 0 && self.closefd {
            // SAFETY: the descriptor is open and owned by this object (closefd), and
            // nothing uses it after the object is freed.
            drop(unsafe { File::from_raw_fd(self.fd) });
        }
    }
}

/// Runs `f` on the descriptor as a `File` that does not close it.
pub(super) fn with_fd<R>(fd: i32, f: impl FnOnce(&mut File) -> R) -> R {
    // SAFETY: `fd` is a descriptor this FileIO holds open (checked by fstat when it was
    // taken); ManuallyDrop keeps the temporary File from closing it.
    let mut file = ManuallyDrop::new(unsafe { File::from_raw_fd(fd) });
    f(&mut file)
}

/// Retries a system call interrupted by a signal, as CPython does.
fn retry<T>(mut f: impl FnMut() -> std::io::Result<T>) -> std::io::Result<T> {
    loop {
        match f() {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            r => return r,
        }
    }
}

pub(super) fn init(vm: &mut Vm, t: &ObjRef) {
    vm.add_method(
        t,
        "__new__",
        fileio_new,
        crate::object::BuiltinKind::StaticMethod,
    );
    super::add_methods(
        vm,
        t,
        &[
            ("__init__", fileio_init),
            ("read", read),
            ("readall", readall),
            ("readinto", readinto),
            ("write", write),
            ("seek", seek),
            ("tell", tell),
            ("truncate", truncate),
            ("close", close),
            ("seekable", seekable),
            ("readable", |vm, a| {
                let s = checked(vm, &a)?;
                Ok(Value::bool(s.readable))
            }),
            ("writable", |vm, a| {
                let s = checked(vm, &a)?;
                Ok(Value::bool(s.writable))
            }),
            ("fileno", |vm, a| Ok(Value::Int(checked(vm, &a)?.fd as i64))),
            ("isatty", isatty),
            ("__repr__", repr),
            ("__getstate__", |vm, a| {
                let t = vm.type_name(&self_value(&a));
                Err(vm.type_error(&format!("cannot pickle '{t}' object")))
            }),
        ],
    );
    super::add_getters(
        vm,
        t,
        &[
            ("closed", |vm, a| {
                let s = this::<FileIo>(vm, &a, "FileIO")?;
                Ok(Value::bool(s.with(|s| s.fd < 0)))
            }),
            ("closefd", |vm, a| {
                let s = this::<FileIo>(vm, &a, "FileIO")?;
                Ok(Value::bool(s.with(|s| s.closefd)))
            }),
            ("mode", |vm, a| {
                let s = this::<FileIo>(vm, &a, "FileIO")?;
                let m = s.with(mode_string);
                Ok(vm.new_str(m))
            }),
        ],
    );
}

fn mode_string(s: &FileIo) -> &'static str {
    match (s.created, s.appending, s.readable, s.writable) {
        (true, _, true, _) => "xb+",
        (true, _, false, _) => "xb",
        (_, true, true, _) => "ab+",
        (_, true, false, _) => "ab",
        (_, _, true, true) => "rb+",
        (_, _, true, false) => "rb",
        _ => "wb",
    }
}

pub(super) fn empty() -> FileIo {
    FileIo {
        fd: -1,
        readable: false,
        writable: false,
        appending: false,
        created: false,
        closefd: true,
        blksize: super::DEFAULT_BUFFER_SIZE,
    }
}

fn fileio_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match args.values.first() {
        Some(Value::Obj(cls)) if super::is_type(cls) => Ok(new_object(cls, empty())),
        _ => Err(vm.type_error("FileIO.__new__(X): X is not a type object")),
    }
}

/// What a FileIO mode string asks for.
pub(super) struct Mode {
    pub readable: bool,
    pub writable: bool,
    pub appending: bool,
    pub created: bool,
    pub truncate: bool,
}

/// Parses FileIO's mode (`r`, `w`, `x`, `a`, optionally `+` and `b`).
fn parse_mode(vm: &Vm, mode: &str) -> PyResult<Mode> {
    let mut m = Mode {
        readable: false,
        writable: false,
        appending: false,
        created: false,
        truncate: false,
    };
    let (mut rwa, mut plus) = (false, false);
    let bad = || {
        vm.value_error(
            "Must have exactly one of create/read/write/append mode and at most one plus",
        )
    };
    for c in mode.chars() {
        match c {
            'x' | 'r' | 'w' | 'a' => {
                if rwa {
                    return Err(bad());
                }
                rwa = true;
                match c {
                    'x' => {
                        m.created = true;
                        m.writable = true;
                    }
                    'r' => m.readable = true,
                    'w' => {
                        m.writable = true;
                        m.truncate = true;
                    }
                    _ => {
                        m.writable = true;
                        m.appending = true;
                    }
                }
            }
            '+' => {
                if plus {
                    return Err(bad());
                }
                m.readable = true;
                m.writable = true;
                plus = true;
            }
            'b' => {}
            _ => return Err(vm.value_error(&format!("invalid mode: {mode}"))),
        }
    }
    if !rwa {
        return Err(bad());
    }
    Ok(m)
}

/// The open(2) flags of a mode (Linux values), as passed to an `opener`.
fn os_flags(m: &Mode) -> i64 {
    const O_WRONLY: i64 = 1;
    const O_RDWR: i64 = 2;
    const O_CREAT: i64 = 0o100;
    const O_EXCL: i64 = 0o200;
    const O_TRUNC: i64 = 0o1000;
    const O_APPEND: i64 = 0o2000;
    const O_CLOEXEC: i64 = 0o2000000;
    let mut f = if m.readable && m.writable {
        O_RDWR
    } else if m.writable {
        O_WRONLY
    } else {
        0
    };
    if m.created {
        f |= O_EXCL | O_CREAT;
    }
    if m.truncate {
        f |= O_TRUNC | O_CREAT;
    }
    if m.appending {
        f |= O_APPEND | O_CREAT;
    }
    f | O_CLOEXEC
}

/// The path of a file argument: str, bytes or an `os.PathLike`.
fn path_of(vm: &mut Vm, file: &Value) -> PyResult<Option<std::path::PathBuf>> {
    use std::os::unix::ffi::OsStrExt;
    if let Some(s) = file.as_str() {
        if s.as_str().contains('\0') {
            return Err(vm.value_error("embedded null character"));
        }
        return Ok(Some(std::path::PathBuf::from(s.as_str())));
    }
    if let Some(crate::object::Payload::Bytes(b)) = file.payload() {
        if b.contains(&0) {
            return Err(vm.value_error("embedded null byte"));
        }
        return Ok(Some(std::path::PathBuf::from(std::ffi::OsStr::from_bytes(
            b,
        ))));
    }
    let fspath = vm.intern("__fspath__");
    if let Some(p) = vm.call_special(file, &fspath, &[])? {
        return path_of(vm, &p);
    }
    Ok(None)
}

fn fileio_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let sig = crate::builtins::args::Signature {
        name: "FileIO",
        params: &["", "file", "mode", "closefd", "opener"],
        required: 2,
        positional_only: 1,
    };
    let a = sig.bind(vm, args)?;
    let this_v = a[0].clone().unwrap_or(Value::None);
    let file = a[1].clone().unwrap_or(Value::None);
    let mode = match &a[2] {
        None => "r".to_string(),
        Some(m) => match m.as_str() {
            Some(s) => s.as_str().to_string(),
            None => {
                let t = vm.type_name(m);
                return Err(
                    vm.type_error(&format!("FileIO() argument 'mode' must be str, not {t}"))
                );
            }
        },
    };
    let closefd = match &a[3] {
        None => true,
        Some(v) => vm.truthy(v)?,
    };
    let opener = a[4].clone().filter(|o| !o.is_none());
    open_into(vm, &this_v, &file, &mode, closefd, opener)?;
    Ok(Value::None)
}

/// Opens `file` into the FileIO `this_v` (its `__init__`).
pub(super) fn open_into(
    vm: &mut Vm,
    this_v: &Value,
    file: &Value,
    mode: &str,
    closefd: bool,
    opener: Option<Value>,
) -> PyResult<()> {
    let Some(state) = super::state_of::<FileIo>(this_v) else {
        return Err(vm.type_error("FileIO.__init__ needs a FileIO"));
    };
    // Re-initialising closes the previous descriptor.
    let old = state.replace(empty());
    drop(old);
    let m = parse_mode(vm, mode)?;
    let fd_arg = match file {
        Value::Float(_) => {
            let ver = vm.version.format.major_minor;
            return Err(vm.type_error(&crate::vm::messages::open_float_file(ver)));
        }
        Value::Int(_) | Value::Bool(_) => Some(vm.index_value(file)?.unwrap_or(-1) as i64),
        _ if crate::vm::ops::as_int(file).is_some() => Some(-1),
        _ => None,
    };
    let fd: i32 = match fd_arg {
        Some(fd) => {
            if fd < 0 {
                return Err(vm.value_error("negative file descriptor"));
            }
            i32::try_from(fd).map_err(|_| vm.value_error("negative file descriptor"))?
        }
        None => {
            let path = match path_of(vm, file)? {
                Some(p) => p,
                None => {
                    let t = vm.type_name(file);
                    let ver = vm.version.format.major_minor;
                    return Err(vm.type_error(&crate::vm::messages::open_bad_file(ver, &t)));
                }
            };
            if !closefd {
                return Err(vm.value_error("Cannot use closefd=False with file name"));
            }
            match &opener {
                Some(op) => {
                    let flags = Value::Int(os_flags(&m));
                    let r = vm.call(op, Args::positional(&[file.clone(), flags]))?;
                    let fd = match crate::vm::ops::as_int(&r) {
                        Some(crate::vm::ops::IntRef::Small(i)) => i,
                        _ => {
                            return Err(vm.type_error("expected integer from opener"));
                        }
                    };
                    if fd < 0 {
                        return Err(vm.value_error(&format!("opener returned {fd}")));
                    }
                    fd as i32
                }
                None => {
                    let mut oo = std::fs::OpenOptions::new();
                    oo.read(m.readable);
                    if m.appending {
                        oo.append(true).create(true);
                    } else if m.writable {
                        oo.write(true);
                    }
                    if m.truncate {
                        oo.truncate(true).create(true);
                    }
                    if m.created {
                        oo.create_new(true);
                    }
                    match retry(|| oo.open(&path)) {
                        Ok(f) => f.into_raw_fd(),
                        Err(e) => return Err(vm.os_error(&e, Some(file.clone()))),
                    }
                }
            }
        }
    };
    // fstat: the descriptor must be valid, and not a directory.
    let meta = with_fd(fd, |f| f.metadata());
    let owned = closefd;
    let close_now = |fd: i32| {
        if owned {
            // SAFETY: the descriptor was just opened for (or handed to) this object with
            // closefd, and is not stored anywhere.
            drop(unsafe { File::from_raw_fd(fd) });
        }
    };
    let blksize = match &meta {
        Ok(md) => {
            if md.is_dir() {
                close_now(fd);
                let e = std::io::Error::from_raw_os_error(21);
                return Err(vm.os_error(&e, Some(file.clone())));
            }
            std::os::unix::fs::MetadataExt::blksize(md).max(1) as usize
        }
        Err(e) => {
            if fd_arg.is_none() {
                close_now(fd);
            }
            return Err(vm.os_error(e, None));
        }
    };
    state.with_mut(|s| {
        *s = FileIo {
            fd,
            readable: m.readable,
            writable: m.writable,
            appending: m.appending,
            created: m.created,
            closefd,
            blksize: if blksize > 1 {
                blksize
            } else {
                super::DEFAULT_BUFFER_SIZE
            },
        }
    });
    let name = vm.intern("name");
    let name_v = match fd_arg {
        Some(_) => Value::Int(fd as i64),
        None => file.clone(),
    };
    vm.set_attr(this_v, &name, name_v)?;
    if m.appending {
        let _ = with_fd(fd, |f| f.seek(SeekFrom::End(0)));
    }
    Ok(())
}

/// A copy of the state, after the closed check.
fn checked(vm: &mut Vm, args: &Args<'_>) -> PyResult<FileIo> {
    let s = this::<FileIo>(vm, args, "FileIO")?;
    let st = s.with(|s| s.snapshot());
    if st.fd < 0 {
        return Err(vm.value_error("I/O operation on closed file"));
    }
    Ok(st)
}

impl FileIo {
    /// A field-for-field copy (the copy never owns the descriptor).
    fn snapshot(&self) -> FileIo {
        FileIo {
            closefd: false,
            ..*self
        }
    }
}

/// The state of an open FileIO value, for the layers above (None when closed or not a
/// FileIO).
pub(super) fn open_state(v: &Value) -> Option<FileIo> {
    let s = super::state_of::<FileIo>(v)?;
    let st = s.with(|s| s.snapshot());
    (st.fd >= 0).then_some(st)
}

fn require(vm: &mut Vm, ok: bool, what: &str) -> PyResult<()> {
    if ok {
        Ok(())
    } else {
        Err(unsupported(vm, &format!("File not open for {what}")))
    }
}

/// Reads up to `n` bytes (all that remain when `n` is None).
pub(super) fn read_fd(vm: &mut Vm, fd: i32, n: Option<usize>) -> PyResult<Vec<u8>> {
    let r = with_fd(fd, |f| match n {
        Some(n) => {
            // One read(2) of at most this much (a raw read may return less).
            let mut buf = vec![0u8; n.min(1 << 26)];
            retry(|| f.read(&mut buf)).map(|k| {
                buf.truncate(k);
                buf
            })
        }
        None => {
            let mut buf = Vec::new();
            retry(|| f.read_to_end(&mut buf)).map(|_| buf)
        }
    });
    r.map_err(|e| vm.os_error(&e, None))
}

/// One write(2) of `data`; the number of bytes written.
pub(super) fn write_fd(vm: &mut Vm, fd: i32, data: &[u8]) -> PyResult<usize> {
    with_fd(fd, |f| retry(|| f.write(data))).map_err(|e| vm.os_error(&e, None))
}

/// lseek(2).
pub(super) fn seek_fd(vm: &mut Vm, fd: i32, pos: i64, whence: i64) -> PyResult<i64> {
    let to = match whence {
        0 => {
            if pos < 0 {
                return Err(vm.os_error(&std::io::Error::from_raw_os_error(22), None));
            }
            SeekFrom::Start(pos as u64)
        }
        1 => SeekFrom::Current(pos),
        2 => SeekFrom::End(pos),
        _ => return Err(vm.os_error(&std::io::Error::from_raw_os_error(22), None)),
    };
    with_fd(fd, |f| f.seek(to))
        .map(|p| p as i64)
        .map_err(|e| vm.os_error(&e, None))
}

fn read(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = checked(vm, &args)?;
    require(vm, s.readable, "reading")?;
    let n = super::size_arg(vm, args.pos().get(1))?;
    let data = read_fd(vm, s.fd, (n >= 0).then_some(n as usize))?;
    Ok(super::new_bytes(vm, data))
}

fn readall(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = checked(vm, &args)?;
    let data = read_fd(vm, s.fd, None)?;
    Ok(super::new_bytes(vm, data))
}

fn readinto(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = checked(vm, &args)?;
    require(vm, s.readable, "reading")?;
    let Some(target) = args.pos().get(1).cloned() else {
        return Err(vm.type_error("readinto() takes exactly one argument (0 given)"));
    };
    let len = super::buffer_len(vm, &target)?;
    let data = read_fd(vm, s.fd, Some(len))?;
    let n = super::fill_buffer(vm, &target, &data)?;
    Ok(Value::Int(n as i64))
}

fn write(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = checked(vm, &args)?;
    require(vm, s.writable, "writing")?;
    let Some(b) = args.pos().get(1) else {
        return Err(vm.type_error("write() takes exactly one argument (0 given)"));
    };
    let data = super::bytes_arg(vm, b)?;
    let n = write_fd(vm, s.fd, &data)?;
    Ok(Value::Int(n as i64))
}

fn seek(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = checked(vm, &args)?;
    let Some(pos) = args.pos().get(1) else {
        return Err(vm.type_error("seek() takes at least 1 argument (0 given)"));
    };
    let pos = super::int_arg(vm, pos, false)?;
    let whence = match args.pos().get(2) {
        Some(w) => super::int_arg(vm, w, false)?,
        None => 0,
    };
    Ok(Value::Int(seek_fd(vm, s.fd, pos, whence)?))
}

fn tell(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = checked(vm, &args)?;
    Ok(Value::Int(seek_fd(vm, s.fd, 0, 1)?))
}

fn truncate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = checked(vm, &args)?;
    require(vm, s.writable, "writing")?;
    let size = match args.pos().get(1) {
        None | Some(Value::None) => seek_fd(vm, s.fd, 0, 1)?,
        Some(v) => super::int_arg(vm, v, true)?,
    };
    if size < 0 {
        return Err(vm.os_error(&std::io::Error::from_raw_os_error(22), None));
    }
    with_fd(s.fd, |f| f.set_len(size as u64)).map_err(|e| vm.os_error(&e, None))?;
    Ok(Value::Int(size))
}

fn seekable(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = checked(vm, &args)?;
    Ok(Value::bool(with_fd(s.fd, |f| f.stream_position()).is_ok()))
}

fn isatty(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    use std::io::IsTerminal;
    let s = checked(vm, &args)?;
    Ok(Value::bool(with_fd(s.fd, |f| f.is_terminal())))
}

fn close(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let st = this::<FileIo>(vm, &args, "FileIO")?;
    let (fd, closefd) = st.with(|s| (s.fd, s.closefd));
    st.with_mut(|s| s.fd = -1);
    if fd >= 0 && closefd {
        // SAFETY: the descriptor was owned by this object, which no longer refers to it.
        drop(unsafe { File::from_raw_fd(fd) });
    }
    Ok(Value::None)
}

fn repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this_v = self_value(&args);
    let s = this::<FileIo>(vm, &args, "FileIO")?;
    let (fd, closefd, mode) = s.with(|s| (s.fd, s.closefd, mode_string(s)));
    let tname = super::fixed_or_class_name(vm, &this_v, "_io.FileIO");
    if fd < 0 {
        return Ok(vm.new_str(&format!("<{tname} [closed]>")));
    }
    let closefd = if closefd { "True" } else { "False" };
    let key = vm.intern("name");
    let text = match vm.get_attr_opt(&this_v, &key)? {
        Some(n) => {
            let n = vm.repr(&n)?;
            format!("<{tname} name={n} mode='{mode}' closefd={closefd}>")
        }
        None => format!("<{tname} fd={fd} mode='{mode}' closefd={closefd}>"),
    };
    Ok(vm.new_str(&text))
}
