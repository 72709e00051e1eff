# Miscellaneous builtins: divmod, abs, hex/oct, id-free identity, vars, dir of a class.
print divmod(17, 5), divmod(-17, 5), divmod(17.5, 5)
print hex(255), oct(64), hex(-1)
class P(object):
    a = 1
    def m(self):
        pass
print [n for n in dir(P) if not n.startswith("_")]
o = P()
o.z = 3
print vars(o)
print getattr(o, "a"), hasattr(o, "m"), setattr(o, "q", 4), o.q
delattr(o, "q")
print hasattr(o, "q")
