//! A small native `os` (POSIX): names and separators, the environment, the working
//! directory, directory listing and simple file-system changes, with `os.path` as a
//! submodule implementing `posixpath`'s pure path functions and file tests. Failures are
//! `OSError(errno, strerror, filename)`, which picks the subclass (FileNotFoundError...).

use crate::object::{Args, BuiltinKind, NativeFn, ObjRef, Value};
use crate::vm::{PyResult, Vm};

const OS_FUNCTIONS: &[(&str, NativeFn)] = &[
    ("getcwd", os_getcwd),
    ("getenv", os_getenv),
    ("listdir", os_listdir),
    ("getpid", os_getpid),
    ("cpu_count", os_cpu_count),
    ("mkdir", |vm, a| {
        fs_op(vm, a, "mkdir", |p| std::fs::create_dir(p))
    }),
    ("makedirs", os_makedirs),
    ("rmdir", |vm, a| {
        fs_op(vm, a, "rmdir", |p| std::fs::remove_dir(p))
    }),
    ("remove", |vm, a| {
        fs_op(vm, a, "remove", |p| std::fs::remove_file(p))
    }),
    ("unlink", |vm, a| {
        fs_op(vm, a, "unlink", |p| std::fs::remove_file(p))
    }),
    ("rename", os_rename),
    ("fspath", os_fspath),
];

const PATH_FUNCTIONS: &[(&str, NativeFn)] = &[
    ("join", path_join),
    ("split", |vm, a| {
        let p = one_path(vm, &a, "split")?;
        let (h, t) = split(&p);
        let (h, t) = (vm.new_str(&h), vm.new_str(&t));
        Ok(vm.new_tuple(vec![h, t]))
    }),
    ("basename", |vm, a| {
        let p = one_path(vm, &a, "basename")?;
        Ok(vm.new_str(&p[p.rfind('/').map_or(0, |i| i + 1)..]))
    }),
    ("dirname", |vm, a| {
        let p = one_path(vm, &a, "dirname")?;
        Ok(vm.new_str(&split(&p).0))
    }),
    ("splitext", |vm, a| {
        let p = one_path(vm, &a, "splitext")?;
        let (root, ext) = splitext(&p);
        let (r, e) = (vm.new_str(root), vm.new_str(ext));
        Ok(vm.new_tuple(vec![r, e]))
    }),
    ("normpath", |vm, a| {
        let p = one_path(vm, &a, "normpath")?;
        Ok(vm.new_str(&normpath(&p)))
    }),
    ("abspath", |vm, a| {
        let p = one_path(vm, &a, "abspath")?;
        Ok(vm.new_str(&abspath(&p)))
    }),
    ("realpath", |vm, a| {
        let p = one_path(vm, &a, "realpath")?;
        let r = std::fs::canonicalize(&p)
            .map(|r| r.to_string_lossy().into_owned())
            .unwrap_or_else(|_| abspath(&p));
        Ok(vm.new_str(&r))
    }),
    ("isabs", |vm, a| {
        let p = one_path(vm, &a, "isabs")?;
        Ok(Value::Bool(p.starts_with('/')))
    }),
    ("exists", |vm, a| test(vm, a, "exists", |m| m.is_ok())),
    ("isfile", |vm, a| {
        test(vm, a, "isfile", |m| m.as_ref().is_ok_and(|m| m.is_file()))
    }),
    ("isdir", |vm, a| {
        test(vm, a, "isdir", |m| m.as_ref().is_ok_and(|m| m.is_dir()))
    }),
    ("getsize", path_getsize),
    ("expanduser", |vm, a| {
        let p = one_path(vm, &a, "expanduser")?;
        let home = std::env::var("HOME").unwrap_or_default();
        let r = if p == "~" {
            home
        } else if let Some(rest) = p.strip_prefix("~/") {
            format!("{}/{rest}", home.trim_end_matches('/'))
        } else {
            p
        };
        Ok(vm.new_str(&r))
    }),
];

/// `os` (with `os.path` registered as its submodule).
pub fn module(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("os");
    for (name, f) in OS_FUNCTIONS {
        let f = vm.new_builtin(name, *f, BuiltinKind::Function, None);
        vm.module_set(&m, name, f);
    }
    let strings = [
        ("name", "posix"),
        ("sep", "/"),
        ("curdir", "."),
        ("pardir", ".."),
        ("extsep", "."),
        ("pathsep", ":"),
        ("linesep", "\n"),
        ("devnull", "/dev/null"),
    ];
    for (k, v) in strings {
        let v = vm.new_str(v);
        vm.module_set(&m, k, v);
    }
    vm.module_set(&m, "altsep", Value::None);
    let environ = vm.new_dict();
    for (k, v) in std::env::vars_os() {
        let k = vm.new_str(&k.to_string_lossy());
        let v = vm.new_str(&v.to_string_lossy());
        vm.dict_set(&environ, k, v)?;
    }
    vm.module_set(&m, "environ", Value::Obj(environ));
    let path = path_module(vm)?;
    vm.module_set(&m, "path", Value::Obj(path.clone()));
    let modules = vm.imports.modules.clone();
    let key = Value::Obj(vm.intern("os.path"));
    vm.dict_set(&modules, key, Value::Obj(path))?;
    Ok(m)
}

fn path_module(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("posixpath");
    for (name, f) in PATH_FUNCTIONS {
        let f = vm.new_builtin(name, *f, BuiltinKind::Function, None);
        vm.module_set(&m, name, f);
    }
    for (k, v) in [
        ("sep", "/"),
        ("curdir", "."),
        ("pardir", ".."),
        ("extsep", "."),
        ("pathsep", ":"),
        ("devnull", "/dev/null"),
    ] {
        let v = vm.new_str(v);
        vm.module_set(&m, k, v);
    }
    vm.module_set(&m, "altsep", Value::None);
    Ok(m)
}

/// A path argument: a str (bytes and PathLike are not supported).
fn path_arg(vm: &mut Vm, v: &Value, func: &str) -> PyResult<String> {
    match v.as_str() {
        Some(s) => Ok(s.as_str().to_string()),
        None => {
            let t = vm.type_name(v);
            Err(vm.type_error(&format!(
                "{func}: path should be string, bytes or os.PathLike, not {t}"
            )))
        }
    }
}

fn one_path(vm: &mut Vm, args: &Args<'_>, func: &str) -> PyResult<String> {
    match args.pos() {
        [p] => match p.as_str() {
            Some(s) => Ok(s.as_str().to_string()),
            None => {
                let t = vm.type_name(p);
                Err(vm.type_error(&format!(
                    "expected str, bytes or os.PathLike object, not {t}"
                )))
            }
        },
        ps => Err(vm.type_error(&format!(
            "{func}() takes 1 positional argument but {} were given",
            ps.len()
        ))),
    }
}

/// `OSError(errno, strerror, filename)` for a failed system call.
fn os_error(vm: &mut Vm, e: &std::io::Error, filename: Option<&str>) -> crate::vm::PyErr {
    let filename = filename.map(|f| vm.new_str(f));
    vm.os_error(e, filename)
}

fn os_getcwd(vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    match std::env::current_dir() {
        Ok(d) => Ok(vm.new_str(&d.to_string_lossy())),
        Err(e) => Err(os_error(vm, &e, None)),
    }
}

fn os_getenv(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let sig = crate::builtins::args::Signature {
        name: "getenv",
        params: &["key", "default"],
        required: 1,
        positional_only: 0,
    };
    let a = sig.bind(vm, args)?;
    let key = a[0].clone().unwrap_or(Value::None);
    let Some(k) = key.as_str().map(|s| s.as_str().to_string()) else {
        let t = vm.type_name(&key);
        return Err(vm.type_error(&format!("str expected, not {t}")));
    };
    match std::env::var_os(&k) {
        Some(v) => Ok(vm.new_str(&v.to_string_lossy())),
        None => Ok(a[1].clone().unwrap_or(Value::None)),
    }
}

fn os_listdir(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let path = match args.pos().first() {
        None | Some(Value::None) => ".".to_string(),
        Some(p) => path_arg(vm, p, "listdir")?,
    };
    match std::fs::read_dir(&path) {
        Ok(entries) => {
            let mut names = Vec::new();
            for e in entries.flatten() {
                names.push(vm.new_str(&e.file_name().to_string_lossy()));
            }
            Ok(vm.new_list(names))
        }
        Err(e) => Err(os_error(vm, &e, Some(&path))),
    }
}

fn os_getpid(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(Value::Int(std::process::id() as i64))
}

fn os_cpu_count(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Ok(std::thread::available_parallelism()
        .map(|n| Value::Int(n.get() as i64))
        .unwrap_or(Value::None))
}

fn fs_op(
    vm: &mut Vm,
    args: Args<'_>,
    func: &str,
    op: fn(&str) -> std::io::Result<()>,
) -> PyResult<Value> {
    let Some(p) = args.pos().first() else {
        return Err(vm.type_error(&format!(
            "{func}() missing required argument 'path' (pos 1)"
        )));
    };
    let path = path_arg(vm, p, func)?;
    match op(&path) {
        Ok(()) => Ok(Value::None),
        Err(e) => Err(os_error(vm, &e, Some(&path))),
    }
}

fn os_makedirs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let sig = crate::builtins::args::Signature {
        name: "makedirs",
        params: &["name", "mode", "exist_ok"],
        required: 1,
        positional_only: 0,
    };
    let a = sig.bind(vm, args)?;
    let path = path_arg(vm, a[0].as_ref().unwrap_or(&Value::None), "makedirs")?;
    let exist_ok = match &a[2] {
        Some(v) => vm.truthy(v)?,
        None => false,
    };
    if std::path::Path::new(&path).is_dir() {
        if exist_ok {
            return Ok(Value::None);
        }
        let e = std::io::Error::from_raw_os_error(17);
        return Err(os_error(vm, &e, Some(&path)));
    }
    match std::fs::create_dir_all(&path) {
        Ok(()) => Ok(Value::None),
        Err(e) => Err(os_error(vm, &e, Some(&path))),
    }
}

fn os_rename(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let [src, dst] = args.pos() else {
        return Err(vm.type_error("rename() missing required argument 'dst' (pos 2)"));
    };
    let (src, dst) = (path_arg(vm, src, "rename")?, path_arg(vm, dst, "rename")?);
    match std::fs::rename(&src, &dst) {
        Ok(()) => Ok(Value::None),
        Err(e) => Err(os_error(vm, &e, Some(&src))),
    }
}

fn os_fspath(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match args.pos() {
        [p] if p.as_str().is_some() => Ok(p.clone()),
        [p] => {
            let t = vm.type_name(p);
            Err(vm.type_error(&format!(
                "expected str, bytes or os.PathLike object, not {t}"
            )))
        }
        ps => Err(vm.type_error(&format!(
            "fspath() takes exactly one argument ({} given)",
            ps.len()
        ))),
    }
}

// ----- posixpath -----

fn path_join(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let parts = args.pos();
    if parts.is_empty() {
        return Err(vm.type_error("join() missing 1 required positional argument: 'a'"));
    }
    let mut out = String::new();
    for (i, p) in parts.iter().enumerate() {
        let Some(s) = p.as_str().map(|s| s.as_str().to_string()) else {
            let t = vm.type_name(p);
            return Err(vm.type_error(&format!(
                "join() argument must be str, bytes, or os.PathLike object, not '{t}'"
            )));
        };
        if i == 0 || s.starts_with('/') {
            out = s;
        } else if out.is_empty() || out.ends_with('/') {
            out.push_str(&s);
        } else {
            out.push('/');
            out.push_str(&s);
        }
    }
    Ok(vm.new_str(&out))
}

/// `posixpath.split`: (head, tail), trailing slashes removed from a non-root head.
fn split(p: &str) -> (String, String) {
    let i = p.rfind('/').map_or(0, |i| i + 1);
    let (head, tail) = (&p[..i], &p[i..]);
    let head = if !head.is_empty() && head.chars().any(|c| c != '/') {
        head.trim_end_matches('/')
    } else {
        head
    };
    (head.to_string(), tail.to_string())
}

/// `posixpath.splitext`: a leading run of dots is part of the name, not an extension.
fn splitext(p: &str) -> (&str, &str) {
    let sep = p.rfind('/').map_or(0, |i| i + 1);
    if let Some(dot) = p.rfind('.') {
        if dot > sep && p[sep..dot].chars().any(|c| c != '.') {
            return (&p[..dot], &p[dot..]);
        }
    }
    (p, "")
}

/// `posixpath.normpath`.
fn normpath(p: &str) -> String {
    if p.is_empty() {
        return ".".into();
    }
    let initial = if p.starts_with("//") && !p.starts_with("///") {
        2
    } else if p.starts_with('/') {
        1
    } else {
        0
    };
    let mut comps: Vec<&str> = Vec::new();
    for c in p.split('/') {
        if c.is_empty() || c == "." {
            continue;
        }
        if c != ".." || (initial == 0 && comps.is_empty()) || comps.last() == Some(&"..") {
            comps.push(c);
        } else if !comps.is_empty() {
            comps.pop();
        }
    }
    let out = format!("{}{}", "/".repeat(initial), comps.join("/"));
    if out.is_empty() {
        ".".into()
    } else {
        out
    }
}

fn abspath(p: &str) -> String {
    if p.starts_with('/') {
        return normpath(p);
    }
    let cwd = std::env::current_dir()
        .map(|d| d.to_string_lossy().into_owned())
        .unwrap_or_else(|_| "/".into());
    normpath(&format!("{cwd}/{p}"))
}

fn test(
    vm: &mut Vm,
    args: Args<'_>,
    func: &str,
    f: fn(&std::io::Result<std::fs::Metadata>) -> bool,
) -> PyResult<Value> {
    let p = one_path(vm, &args, func)?;
    Ok(Value::Bool(f(&std::fs::metadata(&p))))
}

fn path_getsize(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let p = one_path(vm, &args, "getsize")?;
    match std::fs::metadata(&p) {
        Ok(m) => Ok(Value::Int(m.len() as i64)),
        Err(e) => Err(os_error(vm, &e, Some(&p))),
    }
}
