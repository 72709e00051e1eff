//! Interned names the runtime looks up itself (dunder methods and a few attributes),
//! created once so that lookups compare pointers and reuse cached hashes.

use crate::object::ObjRef;

macro_rules! names {
    ($($field:ident),* $(,)?) => {
        /// The interned str object of each name the runtime uses.
        pub struct Names { $(pub $field: ObjRef,)* }

        impl Names {
            pub fn new(intern: &mut dyn FnMut(&str) -> ObjRef) -> Names {
                Names { $($field: intern(stringify!($field)),)* }
            }
        }
    };
}

names!(
    __abs__, __add__, __aenter__, __aexit__, __aiter__, __and__, __anext__, __annotations__, __await__,
    __bool__, __build_class__, __builtins__, __call__, __class__, __class_getitem__, __contains__,
    __del__, __delattr__, __delete__, __delitem__, __dict__, __dir__, __divmod__, __doc__, __enter__,
    __eq__, __exit__, __float__, __floordiv__, __format__, __ge__, __get__, __getattr__,
    __getattribute__, __getitem__, __gt__, __hash__, __iadd__, __iand__, __ifloordiv__, __ilshift__,
    __imatmul__, __imod__, __import__, __imul__, __index__, __init__, __init_subclass__, __int__,
    __invert__, __ior__, __ipow__, __irshift__, __isub__, __iter__, __itruediv__, __ixor__, __le__,
    __len__, __length_hint__, __lshift__, __lt__, __matmul__, __missing__, __mod__, __module__,
    __mro_entries__, __mul__, __name__, __ne__, __neg__, __new__, __next__, __or__, __pos__, __pow__,
    __prepare__, __qualname__, __radd__, __rand__, __rdivmod__, __repr__, __reversed__, __rfloordiv__,
    __rlshift__, __rmatmul__, __rmod__, __rmul__, __ror__, __round__, __rpow__, __rrshift__,
    __rshift__, __rsub__, __rtruediv__, __rxor__, __set__, __set_name__, __setattr__, __setitem__,
    __slots__, __str__, __sub__, __truediv__, __xor__, __cmp__, __div__, __rdiv__, __idiv__,
    __nonzero__, __unicode__, __coerce__, __long__, __oct__, __hex__, __getslice__, __setslice__,
    __delslice__, __metaclass__, __file__, __spec__, __loader__, __package__, __path__, __all__,
    __mro__, __bases__, __base__, __self__, __func__, __wrapped__, __orig_bases__, __classcell__,
    __static_attributes__, __firstlineno__, __type_params__, __notes__, __cause__, __context__,
    __suppress_context__, __traceback__, __match_args__, __complex__, __trunc__, __floor__, __ceil__,
    __sizeof__, __reduce__, __reduce_ex__, __copy__, __deepcopy__, __instancecheck__,
    __subclasscheck__, __subclasshook__, __weakref__, __fspath__, __bytes__,
    args, append, close, decode, encode, end, file, flush, keys, items, values, write, readline,
    send, throw, sep, value, name, real, imag, start, stop, step, mro, __stdout__,
);
