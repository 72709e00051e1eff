# Augmented assignment to subscripts and attributes (DUP_TOPX, ROT_THREE, ROT_FOUR).
l = [1, 2, 3]
l[1] += 10
print l
d = {"k": 1}
d["k"] *= 5
print d
class O(object):
    pass
o = O()
o.v = 3
o.v **= 2
print o.v
m = range(6)
m[1:3] += ["x"]
print m
s = "ab"
s *= 3
print s
a = b = 5
a += 1
print a, b
