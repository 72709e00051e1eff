# String methods and the string module of Python 2.
import string
print string.ascii_lowercase, string.digits
print string.upper("abc"), string.join(["a", "b"], "-")
print "a b c".split(" ", 1), "a\tb\nc".split()
print "%(name)s is %(age)d" % {"name": "Ann", "age": 5}
print "{0} and {1}".format("x", "y"), "{:>5}".format("r")
print "abc".center(9, "*"), "42".zfill(5), "Title case".title()
print "hello".count("l"), "hello".index("e"), "hello".rfind("l")
print "a-b-c".rsplit("-", 1), "x".join("abc")
print "CamelCase".swapcase(), "abc".isalpha(), "123".isdigit()
print "line1\nline2".splitlines(), "  x ".lstrip(), " x  ".rstrip() + "|"
print "abc".encode("hex"), "616263".decode("hex")
print "%c%c" % (104, "i"), "%%", "%5.1f%%" % 99.44
