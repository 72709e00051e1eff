# min-version: 3.7
# _contextvars: ContextVar get/set/reset, Tokens, Context mappings, copy_context and
# Context.run; the stdlib's contextvars, decimal and asyncio build on these.
import _contextvars as cv


def short(r):
    """A repr without its address."""
    return r.split(" at 0x")[0] + (">" if " at 0x" in r else "")


print(cv.ContextVar.__name__, cv.Token.__name__, cv.Context.__name__)
v = cv.ContextVar("v", default=1)
w = cv.ContextVar("w")
print(short(repr(v)), short(repr(w)), v.name)
try:
    w.get()
except LookupError as e:
    print("LookupError", e.args[0] is w)
print(v.get(), v.get(7), w.get(8), w.get(None))

t = v.set(5)
print(short(repr(t)), t.var is v, t.old_value is cv.Token.MISSING, repr(cv.Token.MISSING))
t2 = v.set(6)
print(v.get(), t2.old_value)
v.reset(t2)
print(v.get())
try:
    v.reset(t2)
except RuntimeError as e:
    print("RuntimeError", short(str(e).replace(" has already", "> has already").split(">")[0]))
try:
    v.reset(cv.ContextVar("z").set(1))
except ValueError as e:
    print("ValueError", str(e).split("> ")[-1])
try:
    v.reset("not a token")
except TypeError as e:
    print("TypeError", e)
try:
    cv.ContextVar(1)
except TypeError as e:
    print("TypeError", e)
try:
    cv.Token()
except RuntimeError as e:
    print("RuntimeError", e)

c = cv.copy_context()
print(len(c), v in c, w in c, c[v], c.get(w), c.get(w, "dflt"), list(c.keys()) == [v])
print(cv.Context, cv.ContextVar, cv.Token, type(cv.Token.MISSING), type(cv.Token.MISSING).__name__)
# (A context's iteration order follows CPython's hash trie: sort by name.)
print(sorted(k.name for k in c), sorted(c.values()), sorted((k.name, x) for k, x in c.items()))
try:
    c[1]
except TypeError as e:
    print("TypeError", e)
try:
    c[w]
except KeyError as e:
    print("KeyError", e.args[0] is w)

# The copy keeps what it saw; Context.run enters it for one call.
v.set(50)
print(v.get(), c[v])


def inside(a, b=0):
    v.set(a + b)
    w.set("w inside")
    return v.get(), cv.copy_context()[v]


print(c.run(inside, 10, b=1), v.get(), c[v], c[w], w in cv.copy_context())
try:
    c.run(lambda: c.run(print))
except RuntimeError as e:
    print("RuntimeError", str(e).split(":")[0])


def failing():
    v.set(-1)
    raise KeyError("from run")


try:
    c.run(failing)
except KeyError as e:
    print("KeyError", e, c[v], v.get())

empty = cv.Context()
print(len(empty), empty == cv.Context(), c == c.copy(), c == empty, c != empty)
try:
    hash(empty)
except TypeError as e:
    print("TypeError", e)
# A token reset in another context is refused.
tok = v.set(99)
try:
    empty.run(v.reset, tok)
except ValueError as e:
    print("ValueError", str(e).split("> ")[-1])
print(type(cv.ContextVar[int]) is type, cv.ContextVar[int] is cv.ContextVar or str(cv.ContextVar[int]))
