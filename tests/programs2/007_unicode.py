# unicode beside str: u'' literals, reprs, implicit ASCII coercion, errors.
u = u"caf\xe9"
print repr(u), len(u), type(u)
print repr(u"plain"), type(u"plain")
print isinstance(u, unicode), isinstance(u, basestring), isinstance(u, str)
print u"abc" == "abc", hash(u"abc") == hash("abc")
print repr(unichr(233)), repr(unichr(0x263a))
print repr(unicode("ascii")), repr(unicode(5))
print repr(u.encode("utf-8"))
print repr("caf\xc3\xa9".decode("utf-8"))
try:
    unicode("caf\xc3\xa9")
except UnicodeDecodeError, e:
    print "UnicodeDecodeError:", e
print repr(u"x" + "y")
print u"ascii only"
