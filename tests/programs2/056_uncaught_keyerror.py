# expect-exit: 1
# An uncaught KeyError.
d = {"a": 1}
print d["a"]
print d["b"]
