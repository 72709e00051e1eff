//! Argument parsing for builtins: binds positional and keyword arguments to named
//! parameters with CPython's error messages.

use crate::object::{Args, Value};
use crate::vm::{PyResult, Vm};

/// A builtin's parameter list.
pub struct Signature<'a> {
    /// How the function is named in messages (`"split"`, `"int"`).
    pub name: &'a str,
    /// Parameter names, in order.
    pub params: &'a [&'a str],
    /// How many leading parameters are required.
    pub required: usize,
    /// How many leading parameters are positional-only (cannot be passed by keyword).
    pub positional_only: usize,
}

impl Signature<'_> {
    /// Binds `args` to the parameters; missing optional ones are `None`.
    pub fn bind(&self, vm: &mut Vm, args: Args<'_>) -> PyResult<Vec<Option<Value>>> {
        let pos = args.pos();
        let mut out: Vec<Option<Value>> = vec![None; self.params.len()];
        if pos.len() > self.params.len() {
            return Err(self.too_many(vm, pos.len()));
        }
        for (slot, v) in out.iter_mut().zip(pos) {
            *slot = Some(v.clone());
        }
        for (k, v) in args.kw() {
            let key = k.as_str().map(|s| s.as_str()).unwrap_or("");
            match self.params.iter().position(|p| *p == key) {
                Some(i) if i >= self.positional_only => {
                    if out[i].is_some() {
                        return Err(vm.type_error(&format!(
                            "argument for {}() given by name ('{key}') and position ({})",
                            self.name,
                            i + 1
                        )));
                    }
                    out[i] = Some(v.clone());
                }
                _ => {
                    return Err(vm.type_error(&format!(
                        "{}() got an unexpected keyword argument '{key}'",
                        self.name
                    )));
                }
            }
        }
        if let Some(missing) = out[..self.required].iter().position(|v| v.is_none()) {
            if missing < pos.len().max(self.positional_only) || self.params[missing].is_empty() {
                return Err(self.too_few(vm, pos.len()));
            }
            return Err(vm.type_error(&format!(
                "{}() missing required argument '{}' (pos {})",
                self.name,
                self.params[missing],
                missing + 1
            )));
        }
        Ok(out)
    }

    fn expected(&self) -> String {
        if self.required == self.params.len() {
            match self.required {
                0 => "no arguments".to_string(),
                1 => "exactly one argument".to_string(),
                n => format!("exactly {n} arguments"),
            }
        } else if self.required == 0 {
            match self.params.len() {
                1 => "at most 1 argument".to_string(),
                n => format!("at most {n} arguments"),
            }
        } else {
            format!("from {} to {} arguments", self.required, self.params.len())
        }
    }

    fn too_many(&self, vm: &Vm, given: usize) -> crate::vm::PyErr {
        vm.type_error(&format!(
            "{}() takes {} ({given} given)",
            self.name,
            self.expected()
        ))
    }

    fn too_few(&self, vm: &Vm, given: usize) -> crate::vm::PyErr {
        vm.type_error(&format!(
            "{}() takes {} ({given} given)",
            self.name,
            self.expected()
        ))
    }
}

/// Rejects keyword arguments for builtins that take none.
pub fn no_kwargs(vm: &Vm, name: &str, args: &Args<'_>) -> PyResult<()> {
    if args.kwnames.is_empty() {
        Ok(())
    } else {
        Err(vm.type_error(&format!("{name}() takes no keyword arguments")))
    }
}

/// The `self` argument of a method of a builtin type, checked.
pub fn self_arg<'a>(
    vm: &Vm,
    args: &'a Args<'_>,
    type_name: &str,
    method: &str,
) -> PyResult<&'a Value> {
    args.values.first().ok_or_else(|| {
        vm.type_error(&format!(
            "descriptor '{method}' of '{type_name}' object needs an argument"
        ))
    })
}
