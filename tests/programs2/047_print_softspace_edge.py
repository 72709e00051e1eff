# softspace edge cases: sys.stdout.write between prints, newlines inside items.
import sys
print "a",
sys.stdout.write("b")
print "c"
print "x",
print "y\n",
print "z"
print "1\t",
print "2"
print "",
print "after empty"
