# raw_input reads lines from stdin without their newline; EOFError at the end.
name = raw_input("name? ")
print "hello", name
n = int(raw_input())
print n * 2
try:
    raw_input()
except EOFError, e:
    print "EOFError:", e
