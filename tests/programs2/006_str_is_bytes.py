# str is a byte string: UTF-8 source text is several bytes per character.
s = "caf\xc3\xa9"
print len(s)
print repr(s)
print s
print [ord(c) for c in s]
print repr(chr(200)), len(chr(200))
print repr("tab\there"), repr('quote\'s'), repr("both ' and \"")
print "abc"[1], "abc"[-1], "abcdef"[1:4]
print "hello world".split(), "a,b,,c".split(",")
print "-".join(["x", "y", "z"])
print "Hello".upper(), "Hello".lower(), "  pad  ".strip()
print "abc".replace("b", "BB"), "abcabc".find("c"), "abc".startswith("ab")
print type("x"), isinstance("x", str), isinstance("x", basestring)
print str(42), str(4.5), str(None), str([1, "a"])
print "%5s|%-5s|%05d|%.3f|%x|%r" % ("a", "b", 42, 3.14159, 255, "q")
