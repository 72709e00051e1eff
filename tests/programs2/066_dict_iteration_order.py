# Dicts with small int keys iterate in key order in 2.7; sorted() everywhere else.
d = {}
for k in [5, 3, 9, 1, 7]:
    d[k] = k * k
print d
print d.keys(), d.values()
print {1: "a", 2: "b"}
s = set([4, 2, 8, 6])
print s
print sorted({"b": 1, "a": 2}.items())
