//! The native `_socket` module under the standard library's `socket.py`: the socket
//! type (`sock`), addresses (`addr`), its exceptions (`errors`), and the module functions
//! (`socketpair`, name resolution, byte-order helpers, the default timeout) and
//! constants. Enough for `socket.py`, `selectors` and asyncio's selector event loop;
//! there is no `CAPI` (so no `ssl`).

mod addr;
mod errors;
mod sock;

use crate::modules::native_class::{self, bind, int_arg};
use crate::object::Truth;
use crate::object::{Args, NativeFn, ObjRef, Value};
use crate::vm::{PyResult, Vm};
use std::cell::{Cell, RefCell};

/// (name, value) of the module's integer constants.
const CONSTANTS: &[(&str, i64)] = &[
    ("AF_UNSPEC", libc::AF_UNSPEC as i64),
    ("AF_INET", libc::AF_INET as i64),
    ("AF_INET6", libc::AF_INET6 as i64),
    ("AF_UNIX", libc::AF_UNIX as i64),
    ("AF_PACKET", libc::AF_PACKET as i64),
    ("AF_NETLINK", libc::AF_NETLINK as i64),
    ("SOCK_STREAM", libc::SOCK_STREAM as i64),
    ("SOCK_DGRAM", libc::SOCK_DGRAM as i64),
    ("SOCK_RAW", libc::SOCK_RAW as i64),
    ("SOCK_RDM", libc::SOCK_RDM as i64),
    ("SOCK_SEQPACKET", libc::SOCK_SEQPACKET as i64),
    ("SOCK_NONBLOCK", libc::SOCK_NONBLOCK as i64),
    ("SOCK_CLOEXEC", libc::SOCK_CLOEXEC as i64),
    ("SOL_SOCKET", libc::SOL_SOCKET as i64),
    ("SOL_IP", libc::SOL_IP as i64),
    ("SOL_TCP", libc::SOL_TCP as i64),
    ("SOL_UDP", libc::SOL_UDP as i64),
    ("SO_REUSEADDR", libc::SO_REUSEADDR as i64),
    ("SO_REUSEPORT", libc::SO_REUSEPORT as i64),
    ("SO_KEEPALIVE", libc::SO_KEEPALIVE as i64),
    ("SO_BROADCAST", libc::SO_BROADCAST as i64),
    ("SO_ERROR", libc::SO_ERROR as i64),
    ("SO_TYPE", libc::SO_TYPE as i64),
    ("SO_RCVBUF", libc::SO_RCVBUF as i64),
    ("SO_SNDBUF", libc::SO_SNDBUF as i64),
    ("SO_LINGER", libc::SO_LINGER as i64),
    ("SO_RCVLOWAT", libc::SO_RCVLOWAT as i64),
    ("SO_SNDLOWAT", libc::SO_SNDLOWAT as i64),
    ("SO_RCVTIMEO", libc::SO_RCVTIMEO as i64),
    ("SO_SNDTIMEO", libc::SO_SNDTIMEO as i64),
    ("SO_ACCEPTCONN", libc::SO_ACCEPTCONN as i64),
    ("SO_DOMAIN", libc::SO_DOMAIN as i64),
    ("SO_PROTOCOL", libc::SO_PROTOCOL as i64),
    ("SO_OOBINLINE", libc::SO_OOBINLINE as i64),
    ("SO_PASSCRED", libc::SO_PASSCRED as i64),
    ("SO_PEERCRED", libc::SO_PEERCRED as i64),
    ("SOMAXCONN", libc::SOMAXCONN as i64),
    ("IPPROTO_IP", libc::IPPROTO_IP as i64),
    ("IPPROTO_TCP", libc::IPPROTO_TCP as i64),
    ("IPPROTO_UDP", libc::IPPROTO_UDP as i64),
    ("IPPROTO_IPV6", libc::IPPROTO_IPV6 as i64),
    ("IPPROTO_ICMP", libc::IPPROTO_ICMP as i64),
    ("IPPROTO_RAW", libc::IPPROTO_RAW as i64),
    ("IPV6_V6ONLY", libc::IPV6_V6ONLY as i64),
    ("IP_TOS", libc::IP_TOS as i64),
    ("IP_TTL", libc::IP_TTL as i64),
    ("IP_MULTICAST_TTL", libc::IP_MULTICAST_TTL as i64),
    ("IP_MULTICAST_LOOP", libc::IP_MULTICAST_LOOP as i64),
    ("IP_ADD_MEMBERSHIP", libc::IP_ADD_MEMBERSHIP as i64),
    ("TCP_NODELAY", libc::TCP_NODELAY as i64),
    ("TCP_KEEPIDLE", libc::TCP_KEEPIDLE as i64),
    ("TCP_KEEPINTVL", libc::TCP_KEEPINTVL as i64),
    ("TCP_KEEPCNT", libc::TCP_KEEPCNT as i64),
    ("MSG_OOB", libc::MSG_OOB as i64),
    ("MSG_PEEK", libc::MSG_PEEK as i64),
    ("MSG_DONTROUTE", libc::MSG_DONTROUTE as i64),
    ("MSG_DONTWAIT", libc::MSG_DONTWAIT as i64),
    ("MSG_WAITALL", libc::MSG_WAITALL as i64),
    ("MSG_NOSIGNAL", libc::MSG_NOSIGNAL as i64),
    ("MSG_TRUNC", libc::MSG_TRUNC as i64),
    ("MSG_CTRUNC", libc::MSG_CTRUNC as i64),
    ("MSG_EOR", libc::MSG_EOR as i64),
    ("SHUT_RD", libc::SHUT_RD as i64),
    ("SHUT_WR", libc::SHUT_WR as i64),
    ("SHUT_RDWR", libc::SHUT_RDWR as i64),
    ("INADDR_ANY", libc::INADDR_ANY as i64),
    ("INADDR_BROADCAST", libc::INADDR_BROADCAST as i64),
    ("INADDR_LOOPBACK", libc::INADDR_LOOPBACK as i64),
    ("INADDR_NONE", libc::INADDR_NONE as i64),
    ("AI_PASSIVE", libc::AI_PASSIVE as i64),
    ("AI_CANONNAME", libc::AI_CANONNAME as i64),
    ("AI_NUMERICHOST", libc::AI_NUMERICHOST as i64),
    ("AI_NUMERICSERV", libc::AI_NUMERICSERV as i64),
    ("AI_ADDRCONFIG", libc::AI_ADDRCONFIG as i64),
    ("AI_V4MAPPED", libc::AI_V4MAPPED as i64),
    ("AI_ALL", libc::AI_ALL as i64),
    ("NI_NUMERICHOST", libc::NI_NUMERICHOST as i64),
    ("NI_NUMERICSERV", libc::NI_NUMERICSERV as i64),
    ("NI_NAMEREQD", libc::NI_NAMEREQD as i64),
    ("NI_DGRAM", libc::NI_DGRAM as i64),
    ("NI_NOFQDN", libc::NI_NOFQDN as i64),
    ("NI_MAXHOST", libc::NI_MAXHOST as i64),
    ("NI_MAXSERV", 32),
    ("EAI_AGAIN", libc::EAI_AGAIN as i64),
    ("EAI_BADFLAGS", libc::EAI_BADFLAGS as i64),
    ("EAI_FAIL", libc::EAI_FAIL as i64),
    ("EAI_FAMILY", libc::EAI_FAMILY as i64),
    ("EAI_MEMORY", libc::EAI_MEMORY as i64),
    ("EAI_NONAME", libc::EAI_NONAME as i64),
    ("EAI_SERVICE", libc::EAI_SERVICE as i64),
    ("EAI_SOCKTYPE", libc::EAI_SOCKTYPE as i64),
    ("EAI_SYSTEM", libc::EAI_SYSTEM as i64),
    ("EAI_OVERFLOW", libc::EAI_OVERFLOW as i64),
];

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("socketpair", socket_socketpair),
    ("gethostname", socket_gethostname),
    ("getdefaulttimeout", socket_getdefaulttimeout),
    ("setdefaulttimeout", socket_setdefaulttimeout),
    ("getaddrinfo", socket_getaddrinfo),
    ("gethostbyname", socket_gethostbyname),
    ("inet_aton", socket_inet_aton),
    ("inet_ntoa", socket_inet_ntoa),
    ("htons", |vm, a| byte_order(vm, a, "htons", 16)),
    ("ntohs", |vm, a| byte_order(vm, a, "ntohs", 16)),
    ("htonl", |vm, a| byte_order(vm, a, "htonl", 32)),
    ("ntohl", |vm, a| byte_order(vm, a, "ntohl", 32)),
    ("close", socket_close),
    ("dup", socket_dup),
];

thread_local! {
    /// `setdefaulttimeout`'s value; negative means None.
    static DEFAULT_TIMEOUT: Cell<f64> = const { Cell::new(-1.0) };
    /// The socket type, made with the module.
    static SOCKET_TYPE: RefCell<Option<ObjRef>> = const { RefCell::new(None) };
}

/// The timeout new sockets start with (negative: None).
pub fn default_timeout() -> f64 {
    DEFAULT_TIMEOUT.with(|t| t.get())
}

/// `_socket`.
pub fn module(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = native_class::module_with(vm, "_socket", FUNCTIONS);
    for (name, value) in CONSTANTS {
        vm.module_set(&m, name, Value::Int(*value));
    }
    vm.module_set(&m, "has_ipv6", Value::Bool(Truth::True));
    let [timeout, gaierror, herror] = errors::classes(vm);
    let os_error = vm.types.exc.os_error.clone();
    vm.module_set(&m, "error", Value::Obj(os_error));
    vm.module_set(&m, "timeout", Value::Obj(timeout));
    vm.module_set(&m, "gaierror", Value::Obj(gaierror));
    vm.module_set(&m, "herror", Value::Obj(herror));
    let t = native_class::new_class(vm, "_socket", "socket", Vec::new(), sock::METHODS)?;
    sock::add_attributes(vm, &t);
    vm.module_set(&m, "socket", Value::Obj(t.clone()));
    vm.module_set(&m, "SocketType", Value::Obj(t.clone()));
    SOCKET_TYPE.with(|s| *s.borrow_mut() = Some(t));
    Ok(m)
}

fn socket_type(vm: &Vm) -> ObjRef {
    SOCKET_TYPE
        .with(|s| s.borrow().clone())
        .unwrap_or_else(|| vm.types.object.clone())
}

/// `socketpair(family=AF_UNIX, type=SOCK_STREAM, proto=0)`.
fn socket_socketpair(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = bind(vm, a, "socketpair", &["family", "type", "proto"], 0, false)?;
    let mut nums = [libc::AF_UNIX as i64, libc::SOCK_STREAM as i64, 0];
    for (n, v) in nums.iter_mut().zip(&a) {
        if let Some(v) = v.as_ref().filter(|v| !v.is_none()) {
            *n = int_arg(vm, v)?;
        }
    }
    let [family, kind, proto] = nums.map(|n| n as i32);
    let mut fds = [0 as libc::c_int; 2];
    // SAFETY: `fds` has room for the two descriptors.
    if unsafe { libc::socketpair(family, kind | libc::SOCK_CLOEXEC, proto, fds.as_mut_ptr()) } < 0 {
        return Err(errors::last(vm));
    }
    let t = socket_type(vm);
    let x = sock::wrap(vm, &t, fds[0], family, kind, proto);
    let y = sock::wrap(vm, &t, fds[1], family, kind, proto);
    Ok(vm.new_tuple(vec![x, y]))
}

fn socket_gethostname(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    bind(vm, a, "gethostname", &[], 0, false)?;
    let mut buf = [0u8; 256];
    // SAFETY: `buf` is writable for its length.
    if unsafe { libc::gethostname(buf.as_mut_ptr().cast(), buf.len()) } < 0 {
        return Err(errors::last(vm));
    }
    let end = buf.iter().position(|b| *b == 0).unwrap_or(buf.len());
    Ok(vm.new_str(&String::from_utf8_lossy(&buf[..end])))
}

fn socket_getdefaulttimeout(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    bind(vm, a, "getdefaulttimeout", &[], 0, false)?;
    let t = default_timeout();
    Ok(if t < 0.0 {
        Value::None
    } else {
        Value::float(t)
    })
}

fn socket_setdefaulttimeout(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = bind(vm, a, "setdefaulttimeout", &["timeout"], 1, false)?;
    let t = sock::timeout_arg(vm, a[0].as_ref().unwrap_or(&Value::None))?;
    DEFAULT_TIMEOUT.with(|d| d.set(t));
    Ok(Value::None)
}

/// A host or port argument of getaddrinfo: None, str, bytes or (port) int.
fn gai_text(vm: &mut Vm, v: &Option<Value>, what: &str) -> PyResult<Option<std::ffi::CString>> {
    let text = match v {
        None | Some(Value::None) => return Ok(None),
        Some(Value::Int(i)) if what == "port" => i.to_string(),
        Some(v) => match (v.as_str(), crate::builtins::bytes::bytes_like(v)) {
            (Some(s), _) => s.as_str().to_string(),
            (None, Some((b, _))) => String::from_utf8_lossy(&b).into_owned(),
            _ => {
                let msg = if what == "port" {
                    "Int or String expected"
                } else {
                    "getaddrinfo() argument 1 must be string or None"
                };
                let c = if what == "port" {
                    vm.types.exc.os_error.clone()
                } else {
                    vm.types.exc.type_error.clone()
                };
                return Err(vm.new_exception(&c, msg));
            }
        },
    };
    std::ffi::CString::new(text)
        .map(Some)
        .map_err(|_| vm.value_error("embedded null character"))
}

/// `getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)`.
fn socket_getaddrinfo(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let params = &["host", "port", "family", "type", "proto", "flags"];
    let a = bind(vm, a, "getaddrinfo", params, 2, false)?;
    let host = gai_text(vm, &a[0], "host")?;
    let port = gai_text(vm, &a[1], "port")?;
    let mut nums = [0i64; 4];
    for (n, v) in nums.iter_mut().zip(&a[2..]) {
        if let Some(v) = v {
            *n = int_arg(vm, v)?;
        }
    }
    let mut out = Vec::new();
    // SAFETY: zeroed hints are valid; the result list is walked and then freed.
    unsafe {
        let mut hints: libc::addrinfo = std::mem::zeroed();
        hints.ai_family = nums[0] as i32;
        hints.ai_socktype = nums[1] as i32;
        hints.ai_protocol = nums[2] as i32;
        hints.ai_flags = nums[3] as i32;
        let mut res: *mut libc::addrinfo = std::ptr::null_mut();
        let r = libc::getaddrinfo(
            host.as_ref().map_or(std::ptr::null(), |h| h.as_ptr()),
            port.as_ref().map_or(std::ptr::null(), |p| p.as_ptr()),
            &hints,
            &mut res,
        );
        if r != 0 {
            return Err(errors::gai_error(vm, r));
        }
        let mut p = res;
        while !p.is_null() {
            let ai = &*p;
            let mut sa = addr::SockAddr::empty();
            let n = (ai.ai_addrlen as usize).min(std::mem::size_of::<libc::sockaddr_storage>());
            std::ptr::copy_nonoverlapping(ai.ai_addr.cast::<u8>(), sa.as_mut_ptr().cast::<u8>(), n);
            sa.len = n as libc::socklen_t;
            let canon = if ai.ai_canonname.is_null() {
                String::new()
            } else {
                std::ffi::CStr::from_ptr(ai.ai_canonname)
                    .to_string_lossy()
                    .into_owned()
            };
            let address = addr::from_c(vm, &sa);
            let canon = vm.new_str(&canon);
            out.push(vm.new_tuple(vec![
                Value::Int(ai.ai_family as i64),
                Value::Int(ai.ai_socktype as i64),
                Value::Int(ai.ai_protocol as i64),
                canon,
                address,
            ]));
            p = ai.ai_next;
        }
        libc::freeaddrinfo(res);
    }
    Ok(vm.new_list(out))
}

fn socket_gethostbyname(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = bind(vm, a, "gethostbyname", &["hostname"], 1, false)?;
    let host = a[0].clone().unwrap_or(Value::None);
    let pair = vm.new_tuple(vec![host, Value::Int(0)]);
    let sa = addr::to_c(vm, libc::AF_INET, &pair, "gethostbyname")?;
    let v = addr::from_c(vm, &sa);
    match v.payload() {
        Some(crate::object::Payload::Tuple(t)) => Ok(t[0].clone()),
        _ => Ok(v),
    }
}

fn socket_inet_aton(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = bind(vm, a, "inet_aton", &["string"], 1, false)?;
    let text = a[0]
        .as_ref()
        .and_then(|v| v.as_str().map(|s| s.as_str().to_string()));
    match text.and_then(|t| t.parse::<std::net::Ipv4Addr>().ok()) {
        Some(ip) => Ok(crate::builtins::bytes::new_bytes(vm, ip.octets().to_vec())),
        None => Err(vm.new_exception(
            &vm.types.exc.os_error.clone(),
            "illegal IP address string passed to inet_aton",
        )),
    }
}

fn socket_inet_ntoa(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = bind(vm, a, "inet_ntoa", &["packed_ip"], 1, false)?;
    let b = a[0]
        .as_ref()
        .and_then(|v| crate::builtins::bytes::buffer_arg(vm, v))
        .unwrap_or_default();
    let Ok(octets) = <[u8; 4]>::try_from(b.as_slice()) else {
        return Err(vm.new_exception(
            &vm.types.exc.os_error.clone(),
            "packed IP wrong length for inet_ntoa",
        ));
    };
    Ok(vm.new_str(&std::net::Ipv4Addr::from(octets).to_string()))
}

fn byte_order(vm: &mut Vm, a: Args<'_>, name: &str, bits: u32) -> PyResult<Value> {
    let a = bind(vm, a, name, &["x"], 1, false)?;
    let x = int_arg(vm, a[0].as_ref().unwrap_or(&Value::None))?;
    if x < 0 {
        return Err(vm.new_exception(
            &vm.types.exc.overflow_error.clone(),
            &format!(
                "{name}: can't convert negative Python int to C {}-bit unsigned integer",
                bits
            ),
        ));
    }
    let r = if bits == 16 {
        if x > 0xffff {
            return Err(vm.new_exception(
                &vm.types.exc.overflow_error.clone(),
                &format!("{name}: Python int too large to convert to C 16-bit unsigned integer"),
            ));
        }
        (x as u16).swap_bytes() as i64
    } else {
        (x as u32).swap_bytes() as i64
    };
    Ok(Value::Int(r))
}

fn socket_close(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = bind(vm, a, "close", &["fd"], 1, false)?;
    let fd = int_arg(vm, a[0].as_ref().unwrap_or(&Value::None))? as libc::c_int;
    // SAFETY: closing a descriptor number the caller owns.
    if unsafe { libc::close(fd) } < 0 && errors::errno() != libc::ECONNRESET {
        return Err(errors::last(vm));
    }
    Ok(Value::None)
}

fn socket_dup(vm: &mut Vm, a: Args<'_>) -> PyResult<Value> {
    let a = bind(vm, a, "dup", &["fd"], 1, false)?;
    let fd = int_arg(vm, a[0].as_ref().unwrap_or(&Value::None))? as libc::c_int;
    // SAFETY: fcntl(F_DUPFD_CLOEXEC) on a descriptor number.
    let r = unsafe { libc::fcntl(fd, libc::F_DUPFD_CLOEXEC, 0) };
    if r < 0 {
        return Err(errors::last(vm));
    }
    Ok(Value::Int(r as i64))
}
