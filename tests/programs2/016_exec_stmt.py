# needs: compiler
# The exec statement: a string in the current namespace, or in given dicts.
exec "a = 1 + 2"
print a
ns = {}
exec "b = 10\nc = b * 2" in ns
print ns["b"], ns["c"]
g = {"x": 5}
l = {}
exec "y = x + 1" in g, l
print l
code = compile("print 'compiled', 7", "<s>", "exec")
exec code
print eval("a * 2")
