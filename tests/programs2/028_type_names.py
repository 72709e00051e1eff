# The types of builtin values, as Python 2 names them.
for v in [1, 1L, 1.5, 1j, "s", u"u", None, True, [], (), {}, set(), frozenset(), xrange(1), len, object()]:
    print type(v)
print int, str, unicode, long, object, type
print type(type), type(len)
def f(): pass
print type(f)
