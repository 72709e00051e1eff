//! CALL_INTRINSIC_1/2 (3.12+): operations the compiler delegates to the runtime, named
//! by the version's `intrinsics_1`/`intrinsics_2` tables. The PEP 695 ones (type
//! parameters, `Generic[...]` bases, `type` aliases) make `_typing`'s objects.

use crate::modules::typing::{self as typing_mod, ParamKind};
use crate::object::{Payload, Value};
use crate::vm::eval::{Exec, Flow};

impl Exec<'_> {
    /// 3.12+: the operations the compiler delegates to the runtime, by the version's
    /// `intrinsics_1` table.
    pub fn call_intrinsic_1(&mut self, which: u32) -> Flow {
        let name = self
            .vm
            .version
            .intrinsics_1
            .get(which as usize)
            .copied()
            .unwrap_or("");
        let v = self.frame.pop();
        let r = match name {
            "INTRINSIC_PRINT" => {
                let r = self.print_expr_value(v);
                return r;
            }
            "INTRINSIC_UNARY_POSITIVE" => self.vm.unary_op(&v, "+"),
            "INTRINSIC_LIST_TO_TUPLE" => match v.payload() {
                Some(Payload::List(l)) => Ok(self.vm.new_tuple(l.get())),
                _ => Err(self.vm.system_error("LIST_TO_TUPLE of a non-list")),
            },
            "INTRINSIC_STOPITERATION_ERROR" => Ok(self.stop_iteration_error(v)),
            "INTRINSIC_ASYNC_GEN_WRAP" => Ok(self.vm.async_gen_wrap_value(v)),
            "INTRINSIC_SUBSCRIPT_GENERIC" => typing_mod::subscript_generic(self.vm, &v),
            "INTRINSIC_TYPEVAR" => self.make_type_param(ParamKind::TypeVar, v),
            "INTRINSIC_PARAMSPEC" => self.make_type_param(ParamKind::ParamSpec, v),
            "INTRINSIC_TYPEVARTUPLE" => self.make_type_param(ParamKind::TypeVarTuple, v),
            "INTRINSIC_TYPEALIAS" => typing_mod::make_type_alias(self.vm, &v),
            "INTRINSIC_IMPORT_STAR" => {
                let locals = self.frame.locals.clone();
                self.vm.import_star(&locals, &v).map(|()| Value::None)
            }
            _ => Err(self
                .vm
                .system_error(&format!("intrinsic {name} is not supported"))),
        };
        self.push_result(r)
    }

    /// A type parameter of the PEP 695 syntax, with no bound or constraints.
    fn make_type_param(&mut self, kind: ParamKind, name: Value) -> crate::vm::PyResult<Value> {
        typing_mod::make_param(self.vm, kind, name, Value::Null, Value::Null)
    }

    fn print_expr_value(&mut self, v: Value) -> Flow {
        self.frame.push(v);
        match self.print_expr(0) {
            Flow::Next => {
                self.frame.push(Value::None);
                Flow::Next
            }
            f => f,
        }
    }

    /// The exception a generator body's cleanup handler re-raises: a StopIteration (or
    /// an async generator's StopAsyncIteration) becomes RuntimeError (PEP 479); any
    /// other exception is itself (RERAISE follows, adding no traceback entry).
    fn stop_iteration_error(&mut self, v: Value) -> Value {
        let Value::Obj(e) = &v else {
            return v;
        };
        let flags = self.frame.code.flags();
        let async_gen = flags & crate::vm::bind::CO_ASYNC_GENERATOR != 0;
        let si = self.vm.types.exc.stop_iteration.clone();
        let sai = self.vm.types.exc.stop_async_iteration.clone();
        let msg = if self.vm.is_instance_of_class(e, &si) {
            if flags & crate::vm::bind::CO_COROUTINE != 0 {
                "coroutine raised StopIteration"
            } else if async_gen {
                "async generator raised StopIteration"
            } else {
                "generator raised StopIteration"
            }
        } else if async_gen && self.vm.is_instance_of_class(e, &sai) {
            "async generator raised StopAsyncIteration"
        } else {
            return v;
        };
        let r = self
            .vm
            .new_exception(&self.vm.types.exc.runtime_error.clone(), msg);
        if let Payload::Exception(d) = &r.0.payload {
            d.cause.replace(v.clone());
            d.context.replace(v.clone());
            d.suppress_context.set(true);
        }
        Value::Obj(r.0)
    }

    pub fn call_intrinsic_2(&mut self, which: u32) -> Flow {
        let name = self
            .vm
            .version
            .intrinsics_2
            .get(which as usize)
            .copied()
            .unwrap_or("");
        let b = self.frame.pop();
        let a = self.frame.pop();
        let r = match name {
            "INTRINSIC_PREP_RERAISE_STAR" => self.vm.prep_reraise_star(&a, &b),
            "INTRINSIC_TYPEVAR_WITH_BOUND" => {
                typing_mod::make_param(self.vm, ParamKind::TypeVar, a, b, Value::Null)
            }
            "INTRINSIC_TYPEVAR_WITH_CONSTRAINTS" => {
                typing_mod::make_param(self.vm, ParamKind::TypeVar, a, Value::Null, b)
            }
            "INTRINSIC_SET_FUNCTION_TYPE_PARAMS" => match a.payload() {
                Some(Payload::Function(f)) => {
                    drop(f.type_params.replace(b));
                    Ok(a)
                }
                _ => Err(self
                    .vm
                    .system_error("SET_FUNCTION_TYPE_PARAMS of a non-function")),
            },
            "INTRINSIC_SET_TYPEPARAM_DEFAULT" => typing_mod::set_default(self.vm, a, b),
            _ => Err(self
                .vm
                .system_error(&format!("intrinsic {name} is not supported"))),
        };
        self.push_result(r)
    }
}
