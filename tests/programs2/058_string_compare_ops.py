# String comparisons, in, multiplication and concatenation.
print "abc" < "abd", "a" < "B", "Z" < "a", "" < "a"
print "ell" in "hello", "x" not in "hello"
print "ab" * 2 + "c", "-" * 10
print "apple" == "apple", "apple" is not None
print cmp("b", "a"), sorted(["b", "A", "a", "B"])
print "%s" % "done"
