# except E, e; raise E, V; raise E, (args); the exception's args and message.
try:
    raise ValueError, "bad value"
except ValueError, e:
    print "caught", e, repr(e), e.args

try:
    raise KeyError, ("k",)
except KeyError, e:
    print "KeyError", e

try:
    raise TypeError("direct")
except (TypeError, ValueError), e:
    print type(e).__name__, e

class MyError(Exception):
    pass

try:
    raise MyError, MyError("inst")
except MyError, e:
    print "MyError", e

try:
    try:
        {}["missing"]
    except KeyError:
        raise
except KeyError, e:
    print "re-raised", repr(e)

try:
    [].pop()
except IndexError, e:
    print "IndexError:", e

try:
    undefined_name
except NameError, e:
    print "NameError:", e

try:
    None.foo
except AttributeError, e:
    print "AttributeError:", e

try:
    "a" + 1
except TypeError, e:
    print "TypeError:", e

def f():
    try:
        return "from try"
    finally:
        print "finally runs"
print f()
