# unicode methods and mixing with str.
u = u"Hello World"
print repr(u.upper()), repr(u.split()), repr(u[1:4])
print repr(u + "!"), repr("!" + u), repr(u"%s-%d" % (u"x", 3))
print repr(u.replace(u"World", "There")), repr(u"".join([u"a", "b"]))
print u"abc".startswith("a"), "abc" in u"xabcx", len(u"\u263a")
print repr(u"caf\xe9".encode("latin-1")), repr("caf\xe9".decode("latin-1"))
print repr(str(u"ascii")), type(str(u"ascii")).__name__
try:
    str(u"caf\xe9")
except UnicodeEncodeError, e:
    print "UnicodeEncodeError:", e
