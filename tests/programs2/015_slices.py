# Old slicing opcodes: SLICE+n, STORE_SLICE+n, DELETE_SLICE+n.
l = range(10)
print l[:], l[3:], l[:4], l[2:5], l[-3:], l[::2]
l[2:4] = ["a", "b", "c"]
print l
l[:2] = []
print l
l[5:] = [0]
print l
del l[1:3]
print l
del l[:]
print l
s = "abcdefg"
print s[1:3], s[:-1], s[4:], s[:]
t = (1, 2, 3, 4)
print t[1:3]
m = range(5)
m[:] = "xyz"
print m
