# Class attributes, instance shadowing, dynamically added methods.
class C(object):
    shared = []
    def add(self, x):
        self.shared.append(x)
a, b = C(), C()
a.add(1); b.add(2)
print C.shared, a.shared is b.shared
a.shared = ["own"]
print a.shared, b.shared
def greet(self):
    return "hi from %s" % type(self).__name__
C.greet = greet
print a.greet()
print C.__name__, C.__dict__.has_key("add") if hasattr(C.__dict__, "has_key") else "add" in C.__dict__
