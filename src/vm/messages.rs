//! Error messages whose wording changed between CPython versions, in one place. Each
//! function takes the running version and returns the text that version prints.

/// (major, minor)
pub type Ver = (u8, u8);

pub fn unbound_local(v: Ver, name: &str) -> String {
    if v >= (3, 11) {
        format!("cannot access local variable '{name}' where it is not associated with a value")
    } else {
        format!("local variable '{name}' referenced before assignment")
    }
}

/// Unpacking assignment from a non-iterable: 3.7+ has its own message; 3.6 keeps the
/// iteration error (`'int' object is not iterable`), signalled by `None`.
pub fn unpack_non_iterable(v: Ver, type_name: &str) -> Option<String> {
    (v >= (3, 7)).then(|| format!("cannot unpack non-iterable {type_name} object"))
}

pub fn unbound_free(v: Ver, name: &str) -> String {
    if v >= (3, 11) {
        format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope")
    } else {
        format!("free variable '{name}' referenced before assignment in enclosing scope")
    }
}

pub fn name_not_defined(_v: Ver, name: &str) -> String {
    format!("name '{name}' is not defined")
}

pub fn global_not_defined(v: Ver, name: &str) -> String {
    if v.0 == 2 || v <= (3, 3) {
        format!("global name '{name}' is not defined")
    } else {
        format!("name '{name}' is not defined")
    }
}

/// The error for a `with` target lacking `__enter__`/`__exit__` (`missing_enter` says
/// which one is absent, for the ≤3.10 AttributeError).
pub fn no_context_manager(v: Ver, type_name: &str, async_: bool, missing_enter: bool) -> String {
    if v >= (3, 11) {
        let proto = if async_ {
            "asynchronous context manager"
        } else {
            "context manager"
        };
        format!("'{type_name}' object does not support the {proto} protocol")
    } else {
        let name = match (async_, missing_enter) {
            (false, true) => "__enter__",
            (false, false) => "__exit__",
            (true, true) => "__aenter__",
            (true, false) => "__aexit__",
        };
        name.to_string()
    }
}

/// `from module import name` of a missing name (IMPORT_FROM's ImportError).
pub fn cannot_import_name(
    v: Ver,
    name: &str,
    module: Option<&str>,
    path: Option<&str>,
    initializing: bool,
) -> String {
    if v < (3, 7) {
        return format!("cannot import name '{name}'");
    }
    let module = module.unwrap_or("<unknown module name>");
    match path {
        None => format!("cannot import name '{name}' from '{module}' (unknown location)"),
        Some(p) if initializing && v >= (3, 8) => format!(
            "cannot import name '{name}' from partially initialized module '{module}' (most likely due to a circular import) ({p})"
        ),
        Some(p) => format!("cannot import name '{name}' from '{module}' ({p})"),
    }
}

/// `__import__` called with a non-str name.
pub fn import_name_not_str(v: Ver, type_name: &str) -> String {
    if v >= (3, 11) {
        "module name must be a string".to_string()
    } else {
        format!("__import__() argument 1 must be str, not {type_name}")
    }
}

/// Importing a module compiled by another CPython version (xpython's own wording).
pub fn other_version_module(name: &str, path: &str, found: Ver, running: Ver) -> String {
    format!(
        "module '{name}' at {path} is Python {}.{} bytecode; this program runs Python {}.{}",
        found.0, found.1, running.0, running.1
    )
}

/// A missing attribute of a module (`partially` when the module is still initialising).
pub fn module_no_attribute(v: Ver, module: &str, attr: &str, partially: bool) -> String {
    if partially && v >= (3, 8) {
        format!("partially initialized module '{module}' has no attribute '{attr}' (most likely due to a circular import)")
    } else if v < (3, 5) {
        format!("'module' object has no attribute '{attr}'")
    } else {
        format!("module '{module}' has no attribute '{attr}'")
    }
}

/// A builtin's int parameter given a non-integer (`sys.setrecursionlimit('x')`).
pub fn int_arg_required(v: Ver, type_name: &str, is_float: bool) -> String {
    if v >= (3, 10) {
        format!("'{type_name}' object cannot be interpreted as an integer")
    } else if is_float {
        "integer argument expected, got float".to_string()
    } else {
        format!("an integer is required (got type {type_name})")
    }
}

/// `sys.intern` of a non-str.
pub fn intern_not_str(v: Ver, type_name: &str) -> String {
    if v >= (3, 8) {
        format!("intern() argument must be str, not {type_name}")
    } else {
        format!("intern() argument 1 must be str, not {type_name}")
    }
}

/// How a one-argument module function is named in its argument-count TypeError: 3.9+
/// qualify it with its module (`math.sqrt()`).
pub fn module_function_name(v: Ver, module: &str, name: &str) -> String {
    if v >= (3, 9) {
        format!("{module}.{name}")
    } else {
        name.to_string()
    }
}

/// A builtin that parses its keywords with `PyArg_ParseTupleAndKeywords` given an unknown
/// one (`ImportError(bogus=1)`).
pub fn invalid_keyword(v: Ver, func: &str, keyword: &str) -> String {
    if v >= (3, 13) {
        format!("{func}() got an unexpected keyword argument '{keyword}'")
    } else if v >= (3, 7) {
        format!("'{keyword}' is an invalid keyword argument for {func}()")
    } else {
        format!("'{keyword}' is an invalid keyword argument for this function")
    }
}

/// A call passing a keyword whose name is not a str to a Python function (the code's
/// name prefixed up to 3.8).
pub fn keywords_must_be_strings(v: Ver, code_name: &str) -> String {
    if v >= (3, 9) {
        "keywords must be strings".to_string()
    } else {
        format!("{code_name}() keywords must be strings")
    }
}

/// `super(t, obj)` with `obj` neither an instance nor a subclass of `t` (3.13 names both;
/// `kind` is "type" or "instance of", `obj_name` the type's name).
pub fn super_bad_obj(v: Ver, kind: &str, obj_name: &str, type_name: &str) -> String {
    if v >= (3, 13) {
        format!(
            "super(type, obj): obj ({kind} {obj_name}) is not an instance or subtype of type ({type_name})."
        )
    } else {
        "super(type, obj): obj must be an instance or subtype of type".to_string()
    }
}

/// `object.__new__` of a class with abstract methods (`names` sorted).
pub fn abstract_instantiation(v: Ver, class: &str, names: &[String]) -> String {
    let plural = if names.len() == 1 && v >= (3, 9) {
        ""
    } else {
        "s"
    };
    if v >= (3, 12) {
        let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
        format!(
            "Can't instantiate abstract class {class} without an implementation for abstract method{plural} {}",
            quoted.join(", ")
        )
    } else {
        format!(
            "Can't instantiate abstract class {class} with abstract method{plural} {}",
            names.join(", ")
        )
    }
}

/// `deque.remove(x)` of a missing value (3.10 reports the value).
pub fn deque_remove_missing(v: Ver, value_repr: &str) -> String {
    if v >= (3, 10) {
        format!("{value_repr} is not in deque")
    } else {
        "deque.remove(x): x not in deque".to_string()
    }
}

/// A size argument of the io classes that is not an integer.
pub fn io_size_arg(v: Ver, type_name: &str, _none_ok: bool) -> String {
    if v >= (3, 8) {
        format!("argument should be integer or None, not '{type_name}'")
    } else {
        format!("integer argument expected, got '{type_name}'")
    }
}

/// `open(1.5)` / `FileIO(1.5)`.
pub fn open_float_file(v: Ver) -> String {
    if v >= (3, 10) {
        "expected str, bytes or os.PathLike object, not float".to_string()
    } else {
        "integer argument expected, got float".to_string()
    }
}

/// `open(x)` of something that is neither a path nor a descriptor.
pub fn open_bad_file(_v: Ver, type_name: &str) -> String {
    format!("expected str, bytes or os.PathLike object, not {type_name}")
}

/// `open()` given a non-str `mode` (`name`, argument `position`) or a non-str-or-None
/// encoding, errors or newline.
pub fn open_arg_type(v: Ver, name: &str, position: usize, type_name: &str) -> String {
    let expected = if name == "mode" { "str" } else { "str or None" };
    if v >= (3, 8) {
        format!("open() argument '{name}' must be {expected}, not {type_name}")
    } else {
        format!("open() argument {position} must be {expected}, not {type_name}")
    }
}

/// `open(f, 'Uw')` (3.6 printed a stray quote).
pub fn open_u_mode_combined(v: Ver) -> &'static str {
    if v >= (3, 7) {
        "mode U cannot be combined with 'x', 'w', 'a', or '+'"
    } else {
        "mode U cannot be combined with x', 'w', 'a', or '+'"
    }
}

/// A closed buffered stream's `truncate` (3.9 checks closed itself).
pub fn buffered_truncate_closed(v: Ver) -> &'static str {
    if v >= (3, 9) {
        "truncate of closed file"
    } else {
        "I/O operation on closed file"
    }
}

/// `struct.pack` of an integer outside its code's range. Up to 3.11 the text depends on
/// which C converter the code used (and a value beyond the converter's C type is
/// "argument out of range"); 3.12 says `'c' format requires min <= number <= max` for all.
pub fn struct_int_range(
    v: Ver,
    code: u8,
    native: bool,
    size: usize,
    min: &str,
    max: &str,
    n: &num_bigint::BigInt,
) -> String {
    use num_traits::ToPrimitive;
    let generic = format!(
        "'{}' format requires {min} <= number <= {max}",
        code as char
    );
    if v >= (3, 12) {
        return generic;
    }
    let out_of_range = "argument out of range".to_string();
    let signed_getter = code.is_ascii_lowercase() || code == b'B' || (native && code == b'H');
    let fits = if signed_getter {
        n.to_i64().is_some()
    } else {
        n.to_u64().is_some()
    };
    if !fits {
        return out_of_range;
    }
    match code {
        b'b' => "byte format requires -128 <= number <= 127".into(),
        b'B' => "ubyte format requires 0 <= number <= 255".into(),
        b'h' if native && v >= (3, 11) => "short format requires -32768 <= number <= 32767".into(),
        b'h' if native => "short format requires (-0x7fff - 1) <= number <= 0x7fff".into(),
        b'H' if native && v >= (3, 11) => "ushort format requires 0 <= number <= 65535".into(),
        b'H' if native => "ushort format requires 0 <= number <= (0x7fff * 2 + 1)".into(),
        _ if size >= 8 => out_of_range,
        _ => generic,
    }
}

/// The operation named in pack_into/unpack_from buffer errors, and whether that version
/// gives the detailed texts (pack_into from 3.7, unpack_from from 3.8).
fn struct_buffer_op(v: Ver, packing: bool) -> (&'static str, bool) {
    if packing {
        ("pack_into", v >= (3, 7))
    } else {
        ("unpack_from", v >= (3, 8))
    }
}

/// The buffer is too small for the struct at the offset.
pub fn struct_buffer_too_small(
    v: Ver,
    offset: usize,
    len: usize,
    size: usize,
    packing: bool,
) -> String {
    let (op, detailed) = struct_buffer_op(v, packing);
    if !detailed {
        return format!("{op} requires a buffer of at least {size} bytes");
    }
    let verb = if packing { "packing" } else { "unpacking" };
    format!(
        "{op} requires a buffer of at least {} bytes for {verb} {size} bytes at offset {offset} (actual buffer size is {len})",
        offset + size
    )
}

/// A negative offset beyond the start of the buffer.
pub fn struct_offset_out_of_range(
    v: Ver,
    offset: i64,
    len: usize,
    size: usize,
    packing: bool,
) -> String {
    let (op, detailed) = struct_buffer_op(v, packing);
    if !detailed {
        return format!("{op} requires a buffer of at least {size} bytes");
    }
    format!("offset {offset} out of range for {len}-byte buffer")
}

/// A negative offset too close to the end for the struct.
pub fn struct_no_room(v: Ver, offset: i64, _len: usize, size: usize, packing: bool) -> String {
    let (op, detailed) = struct_buffer_op(v, packing);
    if !detailed {
        return format!("{op} requires a buffer of at least {size} bytes");
    }
    if packing {
        format!("no space to pack {size} bytes at offset {offset}")
    } else {
        format!("not enough data to unpack {size} bytes at offset {offset}")
    }
}

/// `struct.unpack` with other than two arguments.
pub fn struct_unpack_arity(v: Ver, given: usize) -> String {
    if v == (3, 7) {
        format!("unpack() takes exactly 2 arguments ({given} given)")
    } else {
        format!("unpack expected 2 arguments, got {given}")
    }
}

/// `-m A.B` where `A` is a plain module: what `runpy` reports inside "Error while
/// finding module specification for 'A.B' (...)" — 3.7+ asks the finder, which knows
/// `__path__` is missing; 3.6 reads the attribute.
pub fn run_module_parent_not_package(v: Ver, parent: &str, name: &str) -> String {
    if v >= (3, 7) {
        format!(
            "ModuleNotFoundError: __path__ attribute not found on '{parent}' while trying to find '{name}'"
        )
    } else {
        format!("AttributeError: module '{parent}' has no attribute '__path__'")
    }
}

/// The line before the traceback of an exception raised by an `atexit` callback
/// (`what` is the callback's repr), or `None` when it is not printed (a SystemExit up to
/// 3.9).
pub fn atexit_callback_failed(v: Ver, what: &str, is_system_exit: bool) -> Option<String> {
    if v >= (3, 13) {
        Some(format!("Exception ignored in atexit callback {what}:"))
    } else if v >= (3, 10) {
        Some(format!("Exception ignored in atexit callback: {what}"))
    } else if is_system_exit {
        None
    } else {
        Some("Error in atexit._run_exitfuncs:".to_string())
    }
}

/// base64 data with one character past a multiple of four (`chars` data characters).
pub fn base64_one_extra_char(v: Ver, chars: usize) -> String {
    if v >= (3, 7) {
        format!("Invalid base64-encoded string: number of data characters ({chars}) cannot be 1 more than a multiple of 4")
    } else {
        "Incorrect padding".to_string()
    }
}

/// `PyArg_ParseTupleAndKeywords`' count error for a function's positional arguments
/// (`qual` is "at most", "at least" or "exactly"): 3.8+ says "positional".
pub fn takes_positional(v: Ver, func: &str, qual: &str, n: usize, given: usize) -> String {
    let kind = if v >= (3, 8) { "positional " } else { "" };
    let s = if n == 1 { "" } else { "s" };
    format!("{func}() takes {qual} {n} {kind}argument{s} ({given} given)")
}

/// Deleting a type's `__qualname__` (and the like): 3.10 words it as for an immutable type.
pub fn type_attribute_undeletable(v: Ver, type_name: &str, attr: &str) -> String {
    if v >= (3, 10) {
        format!("cannot delete '{attr}' attribute of immutable type '{type_name}'")
    } else {
        format!("can't delete {type_name}.{attr}")
    }
}

/// Setting an attribute of a builtin (immutable) type.
pub fn immutable_type_set(v: Ver, attr: &str, type_name: &str) -> String {
    if v >= (3, 10) {
        format!("cannot set '{attr}' attribute of immutable type '{type_name}'")
    } else {
        format!("can't set attributes of built-in/extension type '{type_name}'")
    }
}

/// The error of an AST node constructor given `given` positional arguments for its `n`
/// fields, if that is an error: 3.6 takes none or all of them, later versions at most all.
pub fn ast_constructor_positional(v: Ver, node: &str, n: usize, given: usize) -> Option<String> {
    let s = if n == 1 { "" } else { "s" };
    if v < (3, 7) {
        (given != 0 && given != n)
            .then(|| format!("{node} constructor takes either 0 or {n} positional argument{s}"))
    } else {
        (given > n).then(|| format!("{node} constructor takes at most {n} positional argument{s}"))
    }
}

/// Python 2's TypeError for a bare `raise` with no exception being handled.
pub fn py2_reraise_nothing() -> &'static str {
    "exceptions must be old-style classes or derived from BaseException, not NoneType"
}

/// Python 2's TypeError for raising something that is not an exception.
pub fn py2_bad_exception(type_name: &str) -> String {
    format!("exceptions must be old-style classes or derived from BaseException, not {type_name}")
}

/// TypeError of `str + other` before 3.7 (2.x names both types).
pub fn str_concat_error(v: (u8, u8), left: &str, right: &str) -> String {
    if v.0 == 2 {
        format!("cannot concatenate '{left}' and '{right}' objects")
    } else {
        format!("must be str, not {right}")
    }
}

/// ImportError's text for a module that is not found (2.x: the last component, unquoted).
pub fn no_module_named(v: (u8, u8), name: &str) -> String {
    if v.0 == 2 {
        format!(
            "No module named {}",
            name.rsplit('.').next().unwrap_or(name)
        )
    } else {
        format!("No module named '{name}'")
    }
}

/// ValueError of an unpacking assignment that got `got` values for `expected` targets.
pub fn unpack_count_error(v: (u8, u8), expected: usize, got: usize) -> String {
    match (v.0 == 2, got > expected) {
        (true, true) => "too many values to unpack".to_string(),
        (true, false) => {
            let s = if got == 1 { "" } else { "s" };
            format!("need more than {got} value{s} to unpack")
        }
        (false, true) => format!("too many values to unpack (expected {expected})"),
        (false, false) => {
            format!("not enough values to unpack (expected {expected}, got {got})")
        }
    }
}

/// Python 2's TypeError for a call with too few (`at_least_kind`: "at least" when the
/// function has defaults or `*args`) or too many (`at most` with defaults) arguments.
pub fn py2_argument_count(
    name: &str,
    flexible: bool,
    too_few: bool,
    count: usize,
    given: usize,
) -> String {
    let how = match (too_few, flexible) {
        (true, true) => "at least",
        (false, true) => "at most",
        _ => "exactly",
    };
    let s = if count == 1 { "" } else { "s" };
    format!("{name}() takes {how} {count} argument{s} ({given} given)")
}

/// TypeError of an argument given twice (2.x says "keyword argument").
pub fn multiple_values(v: (u8, u8), fname: &str, key: &str) -> String {
    if v.0 == 2 {
        format!("{fname}() got multiple values for keyword argument '{key}'")
    } else {
        format!("{fname}() got multiple values for argument '{key}'")
    }
}

/// `random.getrandbits(k)` with a count it refuses (k < 0; also 0 before 3.9).
pub fn getrandbits_bad_count(v: Ver) -> &'static str {
    if v >= (3, 9) {
        "number of bits must be non-negative"
    } else {
        "number of bits must be greater than zero"
    }
}

/// Hashing a str: "Unicode-objects" became "Strings" in 3.9.
pub fn hash_needs_bytes(v: Ver) -> &'static str {
    if v >= (3, 9) {
        "Strings must be encoded before hashing"
    } else {
        "Unicode-objects must be encoded before hashing"
    }
}

/// The tail of "'T' object has no attribute 'x'" when setting an attribute on an object
/// without a `__dict__` (3.13 explains why).
pub fn no_dict_for_new_attributes(v: Ver) -> &'static str {
    if v >= (3, 13) {
        " and no __dict__ for setting new attributes"
    } else {
        ""
    }
}

/// What separates "Cannot create a consistent method resolution order (MRO) for bases"
/// from the bases (3.13 keeps it on one line).
pub fn mro_conflict_separator(v: Ver) -> &'static str {
    if v >= (3, 13) {
        " "
    } else {
        "\n"
    }
}

/// "string indices must be integers", with the index's type from 3.11 on.
pub fn string_indices_must_be_integers(v: Ver, index_type: &str) -> String {
    if v >= (3, 11) {
        format!("string indices must be integers, not '{index_type}'")
    } else {
        "string indices must be integers".to_string()
    }
}

/// A character escape (`\xe9`) quoted as UnicodeEncodeError's message shows it: as a
/// `unicode` literal in 2.x (`u'\xe9'`).
pub fn quoted_character(v: Ver, escape: &str) -> String {
    if v.0 == 2 {
        format!("u'{escape}'")
    } else {
        format!("'{escape}'")
    }
}

/// A binascii function given something that is not bytes-like.
pub fn buffer_argument_required(v: Ver, function: &str, type_name: &str) -> String {
    if v.0 == 2 {
        format!("{function}() argument 1 must be string or buffer, not {type_name}")
    } else {
        format!("a bytes-like object is required, not '{type_name}'")
    }
}

/// `struct.unpack` of data whose size is not the format's.
pub fn struct_unpack_size(v: Ver, size: usize) -> String {
    if v.0 == 2 {
        format!("unpack requires a string argument of length {size}")
    } else {
        format!("unpack requires a buffer of {size} bytes")
    }
}

/// `struct.pack` of a non-integer for an integer code.
pub fn struct_not_an_integer(v: Ver) -> &'static str {
    if v.0 == 2 {
        "cannot convert argument to integer"
    } else {
        "required argument is not an integer"
    }
}

/// A method of a builtin type called through the type without its self.
pub fn descriptor_needs_argument(v: Ver, type_name: &str, method: &str) -> String {
    if v >= (3, 9) {
        format!("unbound method {type_name}.{method}() needs an argument")
    } else {
        format!("descriptor '{method}' of '{type_name}' object needs an argument")
    }
}
