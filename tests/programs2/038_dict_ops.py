# dict operations: get, setdefault, update, pop, popitem, fromkeys, copy.
d = {}
d["a"] = 1
print d.get("a"), d.get("b"), d.get("b", 0)
print d.setdefault("c", 3), d.setdefault("a", 9)
d.update({"e": 5}, f=6)
print sorted(d.items())
print d.pop("e"), d.pop("zz", "default")
print sorted(dict.fromkeys("xy", 0).items())
c = d.copy()
c["new"] = 1
print len(d), len(c)
print "a" in d, "q" not in d
try:
    d["missing"]
except KeyError, e:
    print "KeyError:", e
print sorted(dict([("k", 1), ("j", 2)]).items())
del d["a"]
print sorted(d)
