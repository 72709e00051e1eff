# expect-exit: 4
# atexit: callbacks run at exit (after SystemExit too), newest first, with their
# arguments; unregister, errors, and an explicit _run_exitfuncs.
import atexit
import sys


def show(*args, **kwargs):
    print("show", args, sorted(kwargs.items()))


def removed():
    print("never printed")


def failing():
    raise ValueError("callback failed")


print(atexit.register(show, 1, 2, k=3) is show)
atexit.register(show, "second")
atexit.register(removed)
atexit.register(removed)
before = atexit._ncallbacks()
atexit.unregister(removed)
atexit.unregister(lambda: None)  # not registered: nothing happens
print("slots kept after unregister:", atexit._ncallbacks() - before)

for call in (lambda: atexit.register(1), lambda: atexit.register(),
             lambda: atexit.unregister(), lambda: atexit._clear(1),
             lambda: atexit.unregister(show, 2)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)


class Key:
    """Unregistration compares with ==."""

    def __init__(self, name):
        self.name = name

    def __eq__(self, other):
        return isinstance(other, Key) and other.name == self.name

    def __hash__(self):
        return hash(self.name)

    def __call__(self):
        print("Key called", self.name)


atexit.register(Key("a"))
atexit.register(Key("b"))
atexit.unregister(Key("a"))

# An explicit run empties the list; up to 3.9 it re-raises the callback's exception.
saved = []
atexit.register(lambda: saved.append("ran"))
atexit.register(failing)
try:
    atexit._run_exitfuncs()
    print("_run_exitfuncs returned", saved)
except ValueError as e:
    print("_run_exitfuncs re-raised", repr(e), saved)
print("after explicit run:", atexit._ncallbacks())

atexit.register(show, "first registered, runs last")
atexit.register(failing)
atexit.register(Key("b"))
atexit.register(print, "newest, runs first", sep="|")
print("main done")
sys.exit(4)
