//! Semantic rules (not opcodes) that differ between CPython versions, in one place, so
//! handlers ask a named question instead of comparing version numbers.

use crate::spec::VersionSpec;

/// CO_HAS_DOCSTRING (3.14+).
const CO_HAS_DOCSTRING: u32 = 0x0400_0000;

/// Whether a function's `__doc__` is its code's first constant (when that is a str).
/// Up to 3.13 a leading str constant is the docstring (the compiler puts None first
/// otherwise); 3.14 says so with a flag.
pub fn first_const_is_docstring(v: &VersionSpec, code_flags: u32) -> bool {
    if v.format.major_minor >= (3, 14) {
        code_flags & CO_HAS_DOCSTRING != 0
    } else {
        true
    }
}

/// Whether the builtins are Python 2's (`src/builtins/py2/`): list-returning `range`,
/// `map`..., `xrange`, `long`, `unicode`, classic classes, the print statement's state.
pub fn python2_builtins(v: &VersionSpec) -> bool {
    v.format.major_minor.0 == 2
}

/// Whether a marshalled byte string (`s`, `t`) is the text type `str` (Python 2, where
/// `str` is a byte string: kept as text whose characters are the bytes, U+0000–U+00FF)
/// rather than `bytes`.
pub fn marshal_bytes_are_str(v: &VersionSpec) -> bool {
    v.format.major_minor.0 == 2
}

/// Whether catching an exception pushes an EXCEPT_HANDLER block and the previously
/// handled exception (Python 3), rather than only the exception (Python 2).
pub fn except_handler_blocks(v: &VersionSpec) -> bool {
    v.format.major_minor.0 >= 3
}

/// Whether an uncaught exception's type is printed by its qualified name (3.9+:
/// `__main__.Outer.Error`) rather than its name (`__main__.Error`).
pub fn traceback_uses_qualname(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 9)
}

/// Whether an uncaught exception's type omits its module when that is `__main__`
/// (3.11+: `Error: ...`), not only `builtins` (`__main__.Error: ...` before).
pub fn traceback_omits_main_module(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 11)
}

/// Whether `generator.close()` returns the value the generator returned on GeneratorExit
/// (3.13+) rather than None.
pub fn close_returns_value(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 13)
}

/// Whether a failed import raises ModuleNotFoundError (3.6+) rather than ImportError.
pub fn has_module_not_found_error(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 6)
}

/// Whether a relative import past the top-level package raises ValueError (up to 3.8)
/// rather than ImportError.
pub fn beyond_top_level_is_value_error(v: &VersionSpec) -> bool {
    v.format.major_minor < (3, 9)
}

/// 3.6: a namespace without `__package__`/`__spec__` whose `__name__` has no dot is its
/// own package for relative imports (later versions: no known parent package).
pub fn undotted_name_is_its_own_package(v: &VersionSpec) -> bool {
    v.format.major_minor < (3, 7)
}

/// Whether an import of level -1 (2.x's IMPORT_NAME without `from __future__ import
/// absolute_import`, and `__import__`'s default there) first tries the module of that
/// name in the importing module's package, then the absolute name.
pub fn implicit_relative_imports(v: &VersionSpec) -> bool {
    v.format.major_minor.0 == 2
}

/// Whether the main module's `__file__` is the absolute path of the script (3.9+) rather
/// than the path as given on the command line.
pub fn main_file_is_absolute(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 9)
}

/// Whether the main module starts with an empty `__annotations__` dict (3.6+).
pub fn main_has_annotations(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 6) && v.format.major_minor < (3, 14)
}

/// Whether a module's `__getattr__` is called for a missing attribute (PEP 562, 3.7+).
pub fn module_getattr_hook(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 7)
}

/// Whether a namespace package's `__file__` is None (3.7+) rather than absent.
pub fn namespace_file_is_none(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 7)
}

/// Whether call-site argument errors name the callable by module and qualified name
/// (3.9+: `__main__.f() argument after * ...`) rather than by name (`f() ...`).
pub fn call_errors_name_module(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 9)
}

/// Whether an unexpected keyword argument's error suggests the closest parameter name
/// (3.13+: `... argument 'sepx'. Did you mean 'sep'?`).
pub fn unexpected_keyword_suggests(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 13)
}

/// CO_FUTURE_GENERATOR_STOP (`from __future__ import generator_stop`, 3.5/3.6).
const CO_FUTURE_GENERATOR_STOP: u32 = 0x8_0000;

/// Whether a StopIteration escaping a generator body becomes RuntimeError (PEP 479):
/// always from 3.7; in 3.5/3.6 for coroutines and async generators, and for plain
/// generators (`plain`) only under `from __future__ import generator_stop`.
pub fn generator_stop_applies(v: &VersionSpec, plain: bool, code_flags: u32) -> bool {
    v.format.major_minor >= (3, 7) || !plain || code_flags & CO_FUTURE_GENERATOR_STOP != 0
}

/// Whether `async with` looks up `__aexit__` before `__aenter__` (≤3.8), which decides
/// the AttributeError when both are missing.
pub fn async_with_looks_up_exit_first(v: &VersionSpec) -> bool {
    v.format.major_minor <= (3, 8)
}

/// How tracebacks show the source of each frame: the stripped line (≤3.10), with an
/// indicator line under one line (3.11/3.12), or every line of the span (3.13).
pub fn traceback_caret_style(v: &VersionSpec) -> super::tb_carets::CaretStyle {
    use super::tb_carets::CaretStyle;
    match v.format.major_minor {
        mm if mm >= (3, 13) => CaretStyle::Lines,
        mm if mm >= (3, 11) => CaretStyle::Segment,
        _ => CaretStyle::None,
    }
}

/// Whether "Exception ignored in:" names the `__del__` function (3.8+) rather than the
/// bound method.
pub fn unraisable_shows_function(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 8)
}

/// Whether an unraisable error with no traceback of its own is shown with the location
/// of the code that was running (3.8+).
pub fn unraisable_adds_site(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 8)
}

/// Whether an exception thrown into a generator gets the exception the generator is
/// handling as its `__context__` (3.9+).
pub fn throw_chains_generator_context(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 9)
}

/// Whether an uncaught exception's causes and contexts are printed before it (Python 3).
pub fn traceback_shows_chains(v: &VersionSpec) -> bool {
    v.format.major_minor.0 >= 3
}

/// Whether tracebacks draw exception groups as trees and print `__notes__` (3.11+).
pub fn traceback_shows_groups_and_notes(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 11)
}

/// How "Exception ignored in:" tracebacks show source lines: by CPython's own printer,
/// which draws no indicator lines from 3.13 (uncaught exceptions go through the
/// traceback module there instead).
pub fn unraisable_caret_style(v: &VersionSpec) -> super::tb_carets::CaretStyle {
    match traceback_caret_style(v) {
        super::tb_carets::CaretStyle::Lines => super::tb_carets::CaretStyle::None,
        other => other,
    }
}

/// The names of the weak reference types (`weakref.ref`, `proxy`, callable proxy) and
/// their `__module__`: 3.12 named them after their `weakref` aliases.
pub fn weakref_type_names(v: &VersionSpec) -> (&'static str, [&'static str; 3]) {
    if v.format.major_minor >= (3, 12) {
        (
            "weakref",
            ["ReferenceType", "ProxyType", "CallableProxyType"],
        )
    } else {
        ("builtins", ["weakref", "weakproxy", "weakcallableproxy"])
    }
}

/// A deque subclass's repr names `deque` (3.6) or its own class (3.7+).
pub fn deque_repr_uses_subclass_name(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 7)
}

/// `open()` accepts the `U` (universal newlines) mode character (removed in 3.11).
pub fn open_accepts_u_mode(v: &VersionSpec) -> bool {
    v.format.major_minor < (3, 11)
}

/// A buffered reader's `truncate` refuses itself ("truncate") rather than asking the raw
/// stream (3.10+).
pub fn buffered_truncate_checks_writable(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 10)
}

/// `BufferedReader.read1()` may omit its size (3.7+).
pub fn read1_size_optional(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 7)
}

/// The codec registry normalizes spaces in encoding names to underscores (3.9+).
pub fn codec_names_map_spaces(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 9)
}

/// Whether `-m` puts the current directory's full path first on `sys.path` (3.7+)
/// rather than '' (3.6).
pub fn run_module_path0_is_full(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 7)
}

/// Whether an explicit `atexit._run_exitfuncs()` re-raises the last exception a callback
/// raised (up to 3.9; later versions only report it).
pub fn atexit_run_reraises(v: &VersionSpec) -> bool {
    v.format.major_minor < (3, 10)
}

/// Whether `_contextvars`' types carry their module in their name (3.10+:
/// `<class '_contextvars.ContextVar'>`; before, `<class 'ContextVar'>`).
pub fn contextvars_types_have_module(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 10)
}

/// Whether a builtin type's `__class_getitem__` makes a `types.GenericAlias` (3.9+);
/// before, the ones that exist (`ContextVar[int]`) return the class itself.
pub fn class_getitem_makes_generic_alias(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 9)
}

/// Whether `binascii.hexlify` takes `sep` and `bytes_per_sep` (3.8+).
pub fn hexlify_takes_separator(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 8)
}

/// Whether `binascii.a2b_base64` takes `strict_mode` (3.11+).
pub fn a2b_base64_has_strict_mode(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 11)
}

/// Whether `_signal` has `pidfd_send_signal` (3.9+, Linux).
pub fn signal_has_pidfd_send_signal(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 9)
}

/// Whether an uncaught KeyboardInterrupt ends the process by SIGINT (3.8+, so a shell
/// sees the interruption) rather than with status 1.
pub fn exit_by_sigint_after_interrupt(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 8)
}

/// Whether `_opcode.stack_effect` takes `jump=` (3.8+).
pub fn stack_effect_takes_jump(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 8)
}

/// Whether `_opcode.stack_effect` insists on an oparg exactly for the opcodes from
/// HAVE_ARGUMENT on (up to 3.12; 3.13 takes 0 when it is missing).
pub fn stack_effect_checks_oparg(v: &VersionSpec) -> bool {
    v.format.major_minor < (3, 13)
}

/// Whether `_opcode` has `get_specialization_stats` (3.11+).
pub fn opcode_module_has_specialization_stats(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 11)
}

/// Whether `_opcode` classifies opcodes (`is_valid`, `has_arg`...) and lists the
/// intrinsics and binary operators (3.13+, where `opcode.py` builds on them).
pub fn opcode_module_describes_opcodes(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 13)
}

/// Whether the reprs of `FileIO` and `TextIOWrapper` name a subclass by its own name
/// (3.13+) rather than as the base class.
pub fn io_repr_names_subclass(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 13)
}

/// Whether numbers hash as in Python 2 (an int is its own hash, longs fold 30-bit
/// digits, floats combine `frexp`'s parts) rather than modulo 2**61 - 1.
pub fn python2_hashes(v: &VersionSpec) -> bool {
    v.format.major_minor.0 == 2
}

/// Whether dicts and sets lay out their hash tables as 2.7's `dictobject.c` and
/// `setobject.c` do (and so iterate in 2.x's hash order) rather than as 3.x's.
pub fn python2_hash_tables(v: &VersionSpec) -> bool {
    v.format.major_minor.0 == 2
}

/// How str and bytes hash: Python 2's multiplicative hash, SipHash-2-4 up to 3.10,
/// SipHash-1-3 from 3.11.
pub fn str_hash(v: &VersionSpec) -> crate::object::hash::StrHash {
    if v.format.major_minor.0 == 2 {
        crate::object::hash::StrHash::Multiplicative
    } else if v.format.major_minor >= (3, 11) {
        crate::object::hash::StrHash::Sip13
    } else {
        crate::object::hash::StrHash::Sip24
    }
}

/// The fields of `sys.flags`, in order, as this version's CPython has them (its last
/// patch release: 3.7–3.10 gained `int_max_str_digits` in their security releases).
pub fn sys_flags_fields(v: &VersionSpec) -> Vec<&'static str> {
    const PY2: &[&str] = &[
        "debug",
        "py3k_warning",
        "division_warning",
        "division_new",
        "inspect",
        "interactive",
        "optimize",
        "dont_write_bytecode",
        "no_user_site",
        "no_site",
        "ignore_environment",
        "tabcheck",
        "verbose",
        "unicode",
        "bytes_warning",
        "hash_randomization",
    ];
    // Each 3.x field with the first version that has it; the order is CPython's.
    const PY3: &[(&str, (u8, u8))] = &[
        ("debug", (3, 0)),
        ("inspect", (3, 0)),
        ("interactive", (3, 0)),
        ("optimize", (3, 0)),
        ("dont_write_bytecode", (3, 0)),
        ("no_user_site", (3, 0)),
        ("no_site", (3, 0)),
        ("ignore_environment", (3, 0)),
        ("verbose", (3, 0)),
        ("bytes_warning", (3, 0)),
        ("quiet", (3, 0)),
        ("hash_randomization", (3, 0)),
        ("isolated", (3, 4)),
        ("dev_mode", (3, 7)),
        ("utf8_mode", (3, 7)),
        ("warn_default_encoding", (3, 10)),
        ("safe_path", (3, 11)),
        ("int_max_str_digits", (3, 7)),
    ];
    if v.format.major_minor.0 == 2 {
        return PY2.to_vec();
    }
    PY3.iter()
        .filter(|(_, since)| v.format.major_minor >= *since)
        .map(|(name, _)| *name)
        .collect()
}

/// The value `sys.flags.int_max_str_digits` shows: -1 (the default, 4300, applies) in
/// the 3.7–3.11 security releases, the limit itself from 3.12.
pub fn int_max_str_digits_flag(v: &VersionSpec) -> i64 {
    if v.format.major_minor >= (3, 12) {
        4300
    } else {
        -1
    }
}

/// Whether `sys.warnoptions` also holds what `-X dev` and `-b` imply (`default` first,
/// `default::BytesWarning`/`error::BytesWarning` last): 3.7+.
pub fn warnoptions_include_implied(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 7)
}

/// The `__module__` of the deque iterator types: `_collections` up to 3.11, `collections`
/// from 3.12.
pub fn deque_iterator_module(v: &VersionSpec) -> &'static str {
    if v.format.major_minor >= (3, 12) {
        "collections"
    } else {
        "_collections"
    }
}

/// Whether type parameters have defaults (3.13+, PEP 696): `TypeVar(default=...)`,
/// `__default__`, `has_default()`, `typing.NoDefault` and TypeVar's
/// `__typing_prepare_subst__`.
pub fn type_params_have_defaults(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 13)
}

/// Whether `types.GenericAlias` recognises type variables by their `__typing_subst__`
/// (3.11+) rather than as instances of `typing.TypeVar`/`typing.ParamSpec` (3.9, 3.10).
pub fn typevars_have_typing_subst(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 11)
}

/// Whether the AST node classes have `__match_args__` (3.10+, for pattern matching).
pub fn ast_nodes_have_match_args(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 10)
}

/// Whether `sys.audit` exists (3.8+, PEP 578).
pub fn sys_has_audit(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 8)
}

/// Whether MAKE_FUNCTION finds the keyword-only default pairs below the positional
/// defaults (3.0–3.3 evaluated keyword-only defaults first); from 3.4 they lie above.
pub fn keyword_only_defaults_pushed_first(v: &VersionSpec) -> bool {
    v.format.major_minor < (3, 4)
}

/// Whether a class body is a function called with the class namespace as its argument
/// (3.0–3.3: its first instructions are `LOAD_FAST __locals__; STORE_LOCALS`); from 3.4
/// it runs with the namespace as its locals and takes no argument.
pub fn class_body_takes_namespace(v: &VersionSpec) -> bool {
    (3, 0) <= v.format.major_minor && v.format.major_minor < (3, 4)
}

/// Whether `socket.timeout` is the builtin TimeoutError (3.10+) rather than its own
/// OSError subclass.
pub fn socket_timeout_is_timeout_error(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 10)
}

/// Whether `_posixsubprocess.fork_exec` takes `gid, gids, uid, umask` before
/// `preexec_fn` (3.9+).
pub fn fork_exec_takes_credentials(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 9)
}

/// Whether `_posixsubprocess.fork_exec` takes `process_group` (before the credentials)
/// and a final `allow_vfork` (3.11+).
pub fn fork_exec_takes_process_group(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 11)
}

/// Whether `_thread.lock` can be instantiated directly (3.13+, where `threading.Lock`
/// is that class).
pub fn thread_lock_is_constructible(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 13)
}

/// Whether `random.getrandbits(0)` returns 0 (3.9+) rather than raising ValueError.
pub fn getrandbits_accepts_zero(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 9)
}

/// Whether str/bytes hashes are randomized when `PYTHONHASHSEED` is unset: from 3.3 (2.6.8,
/// 2.7.3 and 3.2.3 added randomization only behind `-R`).
pub fn hash_randomized_by_default(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 3)
}

/// Whether a missing `__enter__`/`__exit__` in `with`/`async with` raises TypeError (3.11+)
/// rather than AttributeError.
pub fn missing_context_manager_is_type_error(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 11)
}

/// Whether deleting a missing instance attribute says "'T' object has no attribute 'x'"
/// (3.11+) rather than only the name.
pub fn delete_missing_attribute_names_object(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 11)
}

/// Whether the repr of an exception with one argument is `E(arg)` (3.7+) rather than
/// `E(arg,)`.
pub fn exception_repr_drops_single_comma(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 7)
}

/// Whether argument errors name a function by its qualified name (3.10+).
pub fn argument_errors_use_qualname(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 10)
}

/// Whether `type[int]` makes a generic alias (3.9+).
pub fn type_is_subscriptable(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 9)
}

/// Whether an iterator over an all-ASCII str is a `str_ascii_iterator` (3.11+).
pub fn has_str_ascii_iterator(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 11)
}

/// Whether iterating a dict notices keys replaced at the same size ("dictionary keys
/// changed during iteration", 3.8+).
pub fn dict_iteration_checks_keys_changed(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 8)
}

/// Whether tuples hash with the xxHash-based combination (3.8+) rather than the older
/// multiplicative one.
pub fn tuple_hash_is_xxhash(v: &VersionSpec) -> bool {
    v.format.major_minor >= (3, 8)
}

/// Whether a hash object's `name` is upper case (2.x: `'SHA256'`).
pub fn hash_names_upper_case(v: &VersionSpec) -> bool {
    v.format.major_minor.0 == 2
}

/// Whether binascii's hex functions are 2.x's: bad input to the decoder is a TypeError
/// (not `binascii.Error`), and `hexlify`/`unhexlify` are `b2a_hex`/`a2b_hex` by another
/// name.
pub fn binascii_hex_errors_are_type_errors(v: &VersionSpec) -> bool {
    v.format.major_minor.0 == 2
}
