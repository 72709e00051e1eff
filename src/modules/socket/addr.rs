//! Socket addresses between Python and C: `(host, port)` for AF_INET, `(host, port,
//! flowinfo, scope_id)` for AF_INET6 and a path (str or bytes) for AF_UNIX, with host
//! names resolved by getaddrinfo(3) and failures as `socket.gaierror`.

use crate::object::{Payload, Value};
use crate::vm::{PyResult, Vm};
use std::ffi::CString;
use std::mem::size_of;

/// A C socket address and its length.
pub struct SockAddr {
    pub storage: libc::sockaddr_storage,
    pub len: libc::socklen_t,
}

impl SockAddr {
    pub fn empty() -> SockAddr {
        SockAddr {
            // SAFETY: an all-zero sockaddr_storage is a valid value.
            storage: unsafe { std::mem::zeroed() },
            len: size_of::<libc::sockaddr_storage>() as libc::socklen_t,
        }
    }

    pub fn as_ptr(&self) -> *const libc::sockaddr {
        (&self.storage as *const libc::sockaddr_storage).cast()
    }

    pub fn as_mut_ptr(&mut self) -> *mut libc::sockaddr {
        (&mut self.storage as *mut libc::sockaddr_storage).cast()
    }
}

/// Resolves `host` for `family` to its first address (port 0), as CPython's
/// `setipaddr`: `''` is INADDR_ANY, `'<broadcast>'` INADDR_BROADCAST.
fn resolve(vm: &mut Vm, host: &str, family: i32) -> PyResult<SockAddr> {
    let mut out = SockAddr::empty();
    if family == libc::AF_INET && (host.is_empty() || host == "<broadcast>") {
        let ip = if host.is_empty() {
            libc::INADDR_ANY
        } else {
            libc::INADDR_BROADCAST
        };
        set_v4(&mut out, ip.to_be_bytes(), 0);
        return Ok(out);
    }
    if family == libc::AF_INET {
        if let Ok(ip) = host.parse::<std::net::Ipv4Addr>() {
            set_v4(&mut out, ip.octets(), 0);
            return Ok(out);
        }
    }
    let Ok(c) = CString::new(host) else {
        return Err(vm.type_error("host name must not contain null character"));
    };
    // SAFETY: zeroed addrinfo hints are valid; getaddrinfo fills `res`, freed below.
    unsafe {
        let mut hints: libc::addrinfo = std::mem::zeroed();
        hints.ai_family = family;
        let mut res: *mut libc::addrinfo = std::ptr::null_mut();
        let r = libc::getaddrinfo(c.as_ptr(), std::ptr::null(), &hints, &mut res);
        if r != 0 {
            return Err(super::errors::gai_error(vm, r));
        }
        let ai = &*res;
        let n = (ai.ai_addrlen as usize).min(size_of::<libc::sockaddr_storage>());
        std::ptr::copy_nonoverlapping(ai.ai_addr.cast::<u8>(), out.as_mut_ptr().cast::<u8>(), n);
        out.len = n as libc::socklen_t;
        libc::freeaddrinfo(res);
    }
    Ok(out)
}

fn set_v4(out: &mut SockAddr, ip: [u8; 4], port: u16) {
    // SAFETY: sockaddr_storage is large and aligned enough for a sockaddr_in.
    let sin = unsafe { &mut *(out.as_mut_ptr() as *mut libc::sockaddr_in) };
    sin.sin_family = libc::AF_INET as libc::sa_family_t;
    sin.sin_port = port.to_be();
    sin.sin_addr.s_addr = u32::from_ne_bytes(ip);
    out.len = size_of::<libc::sockaddr_in>() as libc::socklen_t;
}

fn port_of(vm: &mut Vm, v: &Value, func: &str) -> PyResult<u16> {
    let p = super::super::native_class::int_arg(vm, v)?;
    u16::try_from(p).map_err(|_| {
        let c = vm.types.exc.overflow_error.clone();
        vm.new_exception(&c, &format!("{func}(): port must be 0-65535."))
    })
}

/// The C address for the Python address `v` of a socket of `family`.
pub fn to_c(vm: &mut Vm, family: i32, v: &Value, func: &str) -> PyResult<SockAddr> {
    match family {
        libc::AF_UNIX => {
            let path = match (v.as_str(), v.payload()) {
                (Some(s), _) => s.as_str().as_bytes().to_vec(),
                (None, Some(Payload::Bytes(b))) => b.to_vec(),
                _ => match super::super::posix::fspath_opt(vm, v)? {
                    Some(p) => return to_c(vm, family, &p, func),
                    None => {
                        let t = vm.type_name(v);
                        return Err(
                            vm.type_error(&format!("a bytes-like object is required, not '{t}'"))
                        );
                    }
                },
            };
            let mut out = SockAddr::empty();
            // SAFETY: sockaddr_storage is large and aligned enough for a sockaddr_un.
            let sun = unsafe { &mut *(out.as_mut_ptr() as *mut libc::sockaddr_un) };
            if path.len() >= sun.sun_path.len() {
                return Err(
                    vm.new_exception(&vm.types.exc.os_error.clone(), "AF_UNIX path too long")
                );
            }
            sun.sun_family = libc::AF_UNIX as libc::sa_family_t;
            for (d, s) in sun.sun_path.iter_mut().zip(&path) {
                *d = *s as libc::c_char;
            }
            out.len = (size_of::<libc::sa_family_t>() + path.len()) as libc::socklen_t;
            Ok(out)
        }
        libc::AF_INET | libc::AF_INET6 => {
            let Some(Payload::Tuple(items)) = v.payload() else {
                let t = vm.type_name(v);
                let which = if family == libc::AF_INET {
                    "AF_INET"
                } else {
                    "AF_INET6"
                };
                return Err(
                    vm.type_error(&format!("{func}(): {which} address must be tuple, not {t}"))
                );
            };
            let wanted = if family == libc::AF_INET {
                2..=2
            } else {
                2..=4
            };
            if !wanted.contains(&items.len()) {
                return Err(vm.type_error(&format!(
                    "{func}(): AF_INET address must be a pair (host, port)"
                )));
            }
            let host = match items[0].as_str() {
                Some(s) => s.as_str().to_string(),
                None => {
                    let t = vm.type_name(&items[0]);
                    return Err(
                        vm.type_error(&format!("str, bytes or bytearray expected, not {t}"))
                    );
                }
            };
            let port = port_of(vm, &items[1], func)?;
            let mut out = resolve(vm, &host, family)?;
            // SAFETY: `out` holds an address of `family`, whose port field is set here.
            unsafe {
                if family == libc::AF_INET {
                    (*(out.as_mut_ptr() as *mut libc::sockaddr_in)).sin_port = port.to_be();
                } else {
                    (*(out.as_mut_ptr() as *mut libc::sockaddr_in6)).sin6_port = port.to_be();
                }
            }
            Ok(out)
        }
        _ => Err(vm.new_exception(
            &vm.types.exc.os_error.clone(),
            &format!("{func}(): bad family"),
        )),
    }
}

/// The Python value of a C address.
pub fn from_c(vm: &mut Vm, a: &SockAddr) -> Value {
    if (a.len as usize) < size_of::<libc::sa_family_t>() {
        return Value::None;
    }
    match a.storage.ss_family as i32 {
        libc::AF_INET => {
            // SAFETY: the family says the storage holds a sockaddr_in.
            let sin = unsafe { &*(a.as_ptr() as *const libc::sockaddr_in) };
            let ip = std::net::Ipv4Addr::from(u32::from_be(sin.sin_addr.s_addr));
            let host = vm.new_str(&ip.to_string());
            vm.new_tuple(vec![host, Value::Int(u16::from_be(sin.sin_port) as i64)])
        }
        libc::AF_INET6 => {
            // SAFETY: the family says the storage holds a sockaddr_in6.
            let sin = unsafe { &*(a.as_ptr() as *const libc::sockaddr_in6) };
            let ip = std::net::Ipv6Addr::from(sin.sin6_addr.s6_addr);
            let host = vm.new_str(&ip.to_string());
            vm.new_tuple(vec![
                host,
                Value::Int(u16::from_be(sin.sin6_port) as i64),
                Value::Int(u32::from_be(sin.sin6_flowinfo) as i64),
                Value::Int(sin.sin6_scope_id as i64),
            ])
        }
        libc::AF_UNIX => {
            // SAFETY: the family says the storage holds a sockaddr_un.
            let sun = unsafe { &*(a.as_ptr() as *const libc::sockaddr_un) };
            let n = (a.len as usize).saturating_sub(size_of::<libc::sa_family_t>());
            let raw: Vec<u8> = sun.sun_path[..n.min(sun.sun_path.len())]
                .iter()
                .map(|c| *c as u8)
                .collect();
            if raw.first() == Some(&0) {
                // The Linux abstract namespace: bytes, as CPython gives them.
                return crate::builtins::bytes::new_bytes(vm, raw);
            }
            let end = raw.iter().position(|b| *b == 0).unwrap_or(raw.len());
            vm.new_str(&String::from_utf8_lossy(&raw[..end]))
        }
        _ => Value::None,
    }
}
