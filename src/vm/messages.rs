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

pub fn name_not_defined(v: Ver, name: &str) -> String {
    if v.0 == 2 {
        format!("name '{name}' is not defined")
    } else {
        format!("name '{name}' is not defined")
    }
}

pub fn global_not_defined(v: Ver, name: &str) -> String {
    if v.0 == 2 || v <= (3, 3) {
        format!("global name '{name}' is not defined")
    } else {
        format!("name '{name}' is not defined")
    }
}
