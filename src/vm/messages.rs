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
