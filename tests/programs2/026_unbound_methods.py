# Unbound methods: reprs, calling with an instance, and the type check.
class K(object):
    def m(self, x):
        return x + 1
print K.m
print K.m(K(), 1)
print type(K.m).__name__, K.m.im_class, K.m.im_self
k = K()
print k.m(5), k.m.im_self is k
try:
    K.m(5, 1)
except TypeError, e:
    print "TypeError:", e
