//! The native `posix` module, over which the standard library's own `os.py` and
//! `posixpath.py` run (as in CPython, `os` is a Python module and `posix` the C part).
//!
//! The functions are split by concern: path and descriptor argument conversion
//! (`args`), `stat` and `os.stat_result` (`stat`), descriptor calls (`fd`), path calls
//! (`dirs`), `scandir` (`scandir`) and process calls (`process`). Failures raise
//! `OSError` with CPython's messages through `Vm::os_error`. Calls taking `dir_fd` accept
//! only None: `_have_functions` advertises none of the `*at` calls, so the standard library
//! never passes one.

mod args;
mod dirs;
mod fd;
mod process;
mod scandir;
mod stat;

pub use args::fspath_opt;

use crate::modules::structseq;
use crate::object::{BuiltinKind, NativeFn, ObjRef, Value};
use crate::vm::{PyResult, Vm};
use std::cell::RefCell;

/// (name, function, first version that has it).
const FUNCTIONS: &[(&str, NativeFn, (u8, u8))] = &[
    ("stat", stat::posix_stat, (2, 0)),
    ("lstat", stat::posix_lstat, (2, 0)),
    ("fstat", stat::posix_fstat, (2, 0)),
    ("access", stat::posix_access, (2, 0)),
    ("open", fd::posix_open, (2, 0)),
    ("close", fd::posix_close, (2, 0)),
    ("closerange", fd::posix_closerange, (2, 6)),
    ("dup", fd::posix_dup, (2, 0)),
    ("dup2", fd::posix_dup2, (2, 0)),
    ("read", fd::posix_read, (2, 0)),
    ("write", fd::posix_write, (2, 0)),
    ("lseek", fd::posix_lseek, (2, 0)),
    ("pipe", fd::posix_pipe, (2, 0)),
    ("pipe2", fd::posix_pipe2, (3, 3)),
    ("isatty", fd::posix_isatty, (2, 0)),
    ("fsync", fd::posix_fsync, (2, 0)),
    ("ftruncate", fd::posix_ftruncate, (2, 0)),
    ("fchdir", fd::posix_fchdir, (2, 0)),
    ("get_inheritable", fd::posix_get_inheritable, (3, 4)),
    ("set_inheritable", fd::posix_set_inheritable, (3, 4)),
    ("get_blocking", fd::posix_get_blocking, (3, 5)),
    ("set_blocking", fd::posix_set_blocking, (3, 5)),
    ("device_encoding", fd::posix_device_encoding, (3, 0)),
    ("getcwd", dirs::posix_getcwd, (2, 0)),
    ("getcwdb", dirs::posix_getcwdb, (3, 0)),
    ("chdir", dirs::posix_chdir, (2, 0)),
    ("listdir", dirs::posix_listdir, (2, 0)),
    ("mkdir", dirs::posix_mkdir, (2, 0)),
    ("rmdir", dirs::posix_rmdir, (2, 0)),
    ("unlink", dirs::posix_unlink, (2, 0)),
    ("remove", dirs::posix_remove, (2, 0)),
    ("rename", dirs::posix_rename, (2, 0)),
    ("replace", dirs::posix_replace, (3, 3)),
    ("link", dirs::posix_link, (2, 0)),
    ("symlink", dirs::posix_symlink, (2, 0)),
    ("readlink", dirs::posix_readlink, (2, 0)),
    ("chmod", dirs::posix_chmod, (2, 0)),
    ("truncate", dirs::posix_truncate, (3, 3)),
    ("utime", dirs::posix_utime, (2, 0)),
    ("scandir", scandir::posix_scandir, (3, 5)),
    ("fspath", process::posix_fspath, (3, 6)),
    ("strerror", process::posix_strerror, (2, 0)),
    ("kill", process::posix_kill, (2, 0)),
    ("killpg", process::posix_killpg, (2, 0)),
    ("waitpid", process::posix_waitpid, (2, 0)),
    (
        "waitstatus_to_exitcode",
        process::posix_waitstatus_to_exitcode,
        (3, 9),
    ),
    ("_exit", process::posix_exit, (2, 0)),
    ("fork", process::posix_fork, (2, 0)),
    ("execv", process::posix_execv, (2, 0)),
    ("execve", process::posix_execve, (2, 0)),
    ("register_at_fork", process::posix_register_at_fork, (3, 7)),
    ("putenv", process::posix_putenv, (2, 0)),
    ("unsetenv", process::posix_unsetenv, (2, 0)),
    ("urandom", process::posix_urandom, (2, 4)),
    ("uname", process::posix_uname, (2, 0)),
    (
        "get_terminal_size",
        process::posix_get_terminal_size,
        (3, 3),
    ),
    ("cpu_count", process::posix_cpu_count, (3, 4)),
    ("umask", process::posix_umask, (2, 0)),
];

/// (name, value) of the integer constants.
const CONSTANTS: &[(&str, i64)] = &[
    ("F_OK", libc::F_OK as i64),
    ("R_OK", libc::R_OK as i64),
    ("W_OK", libc::W_OK as i64),
    ("X_OK", libc::X_OK as i64),
    ("O_RDONLY", libc::O_RDONLY as i64),
    ("O_WRONLY", libc::O_WRONLY as i64),
    ("O_RDWR", libc::O_RDWR as i64),
    ("O_ACCMODE", libc::O_ACCMODE as i64),
    ("O_APPEND", libc::O_APPEND as i64),
    ("O_CREAT", libc::O_CREAT as i64),
    ("O_EXCL", libc::O_EXCL as i64),
    ("O_TRUNC", libc::O_TRUNC as i64),
    ("O_NONBLOCK", libc::O_NONBLOCK as i64),
    ("O_NDELAY", libc::O_NDELAY as i64),
    ("O_DSYNC", libc::O_DSYNC as i64),
    ("O_SYNC", libc::O_SYNC as i64),
    ("O_RSYNC", libc::O_RSYNC as i64),
    ("O_NOCTTY", libc::O_NOCTTY as i64),
    ("O_CLOEXEC", libc::O_CLOEXEC as i64),
    ("O_DIRECTORY", libc::O_DIRECTORY as i64),
    ("O_NOFOLLOW", libc::O_NOFOLLOW as i64),
    ("O_NOATIME", libc::O_NOATIME as i64),
    ("O_PATH", libc::O_PATH as i64),
    ("O_TMPFILE", libc::O_TMPFILE as i64),
    ("O_ASYNC", libc::O_ASYNC as i64),
    ("O_DIRECT", libc::O_DIRECT as i64),
    ("O_LARGEFILE", libc::O_LARGEFILE as i64),
    ("WNOHANG", libc::WNOHANG as i64),
    ("WUNTRACED", libc::WUNTRACED as i64),
    ("WCONTINUED", libc::WCONTINUED as i64),
    ("SEEK_DATA", libc::SEEK_DATA as i64),
    ("SEEK_HOLE", libc::SEEK_HOLE as i64),
    ("EX_OK", 0),
    ("EX_USAGE", 64),
    ("EX_DATAERR", 65),
    ("EX_NOINPUT", 66),
    ("EX_NOUSER", 67),
    ("EX_NOHOST", 68),
    ("EX_UNAVAILABLE", 69),
    ("EX_SOFTWARE", 70),
    ("EX_OSERR", 71),
    ("EX_OSFILE", 72),
    ("EX_CANTCREAT", 73),
    ("EX_IOERR", 74),
    ("EX_TEMPFAIL", 75),
    ("EX_PROTOCOL", 76),
    ("EX_NOPERM", 77),
    ("EX_CONFIG", 78),
    ("RTLD_LAZY", libc::RTLD_LAZY as i64),
    ("RTLD_NOW", libc::RTLD_NOW as i64),
    ("RTLD_GLOBAL", libc::RTLD_GLOBAL as i64),
    ("RTLD_LOCAL", libc::RTLD_LOCAL as i64),
    ("RTLD_NODELETE", libc::RTLD_NODELETE as i64),
    ("RTLD_NOLOAD", libc::RTLD_NOLOAD as i64),
    ("RTLD_DEEPBIND", libc::RTLD_DEEPBIND as i64),
];

/// The module's types, made once per thread.
#[derive(Clone)]
struct Types {
    stat_result: ObjRef,
    dir_entry: ObjRef,
    scandir_iterator: ObjRef,
    terminal_size: ObjRef,
    uname_result: ObjRef,
}

thread_local! {
    static TYPES: RefCell<Option<Types>> = const { RefCell::new(None) };
}

/// The module's types, made on first use.
fn types(vm: &mut Vm) -> Types {
    if let Some(t) = TYPES.with(|t| t.borrow().clone()) {
        return t;
    }
    let t = make_types(vm);
    TYPES.with(|cell| *cell.borrow_mut() = Some(t.clone()));
    t
}

fn make_types(vm: &mut Vm) -> Types {
    let stat_result = stat::new_type(vm).unwrap_or_else(|_| vm.types.tuple.clone());
    let terminal_size = structseq::new_type(vm, "os", "terminal_size", &["columns", "lines"])
        .unwrap_or_else(|_| vm.types.tuple.clone());
    let uname_fields = ["sysname", "nodename", "release", "version", "machine"];
    let uname_result = structseq::new_type(vm, "posix", "uname_result", &uname_fields)
        .unwrap_or_else(|_| vm.types.tuple.clone());
    let dir_entry = vm.new_native_type("posix.DirEntry", false);
    let scandir_iterator = vm.new_native_type("posix.ScandirIterator", false);
    scandir::init_types(vm, &dir_entry, &scandir_iterator);
    Types {
        stat_result,
        dir_entry,
        scandir_iterator,
        terminal_size,
        uname_result,
    }
}

/// `posix`.
pub fn module(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("posix");
    let ver = vm.version.format.major_minor;
    for (name, f, since) in FUNCTIONS {
        if ver >= *since {
            let f = vm.new_builtin(name, *f, BuiltinKind::Function, None);
            vm.module_set(&m, name, f);
        }
    }
    for (name, f) in process::IDS.iter().chain(process::WAIT_MACROS) {
        let f = vm.new_builtin(name, *f, BuiltinKind::Function, None);
        vm.module_set(&m, name, f);
    }
    for (name, value) in CONSTANTS {
        vm.module_set(&m, name, Value::Int(*value));
    }
    let os_error = vm.types.exc.os_error.clone();
    vm.module_set(&m, "error", Value::Obj(os_error));
    let t = types(vm);
    vm.module_set(&m, "stat_result", Value::Obj(t.stat_result));
    vm.module_set(&m, "terminal_size", Value::Obj(t.terminal_size));
    vm.module_set(&m, "uname_result", Value::Obj(t.uname_result));
    if ver >= (3, 6) {
        vm.module_set(&m, "DirEntry", Value::Obj(t.dir_entry));
    }
    // No `*at` call is offered, so os.supports_dir_fd & co. stay empty.
    let have = vm.new_list(Vec::new());
    vm.module_set(&m, "_have_functions", have);
    let environ = environ(vm)?;
    vm.module_set(&m, "environ", Value::Obj(environ));
    Ok(m)
}

/// `posix.environ`: the process environment as a dict of bytes to bytes.
fn environ(vm: &mut Vm) -> PyResult<ObjRef> {
    use std::os::unix::ffi::OsStrExt;
    let d = vm.new_dict();
    for (k, v) in std::env::vars_os() {
        let k = crate::builtins::bytes::new_bytes(vm, k.as_bytes().to_vec());
        let v = crate::builtins::bytes::new_bytes(vm, v.as_bytes().to_vec());
        vm.dict_set(&d, k, v)?;
    }
    Ok(d)
}
