# The print statement: items, trailing commas, softspace after newlines and tabs.
print "hello"
print "a", "b", 1, 2.5, None, True
print "no newline",
print "continued"
print
print "x\n", "y"
print "tab\t", "z"
print "space ", "w"
print 1,
print 2,
print
print (1, 2), [3, 4]
print "", "empty first"
for i in range(3):
    print i,
print
print "%s-%d" % ("fmt", 7)
