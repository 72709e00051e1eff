# needs: compiler
# exec statement with tuple form and in a function's namespace dicts.
ns = {}
exec("z = 3", ns)
print ns["z"]
exec "w = z * 2" in ns
print ns["w"]
def f():
    g = {}
    exec "def h(a):\n    return a + 1\n" in g
    return g["h"](41)
print f()
