# dict.keys()/values()/items() are lists; iter* and has_key.
d = {1: "one", 2: "two", 3: "three"}
k = d.keys()
print type(k), sorted(k)
print sorted(d.values()), sorted(d.items())
print d.has_key(2), d.has_key(9)
print sorted(d.iterkeys()), sorted(d.itervalues())
print sorted(d.iteritems())
it = d.iteritems()
print type(it).__name__
k.append(4)
print len(d)
print sorted(dict(a=1, b=2).items())
print dict(zip("abc", range(3))) == {"a": 0, "b": 1, "c": 2}
