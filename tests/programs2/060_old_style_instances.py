# Old-style instances: type 'instance', __class__, special methods.
class Num:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return Num(self.v + o.v)
    def __repr__(self):
        return "Num(%d)" % self.v
    def __len__(self):
        return self.v
n = Num(2) + Num(3)
print n, len(n), n.__class__.__name__
print type(n).__name__, type(Num).__name__
import types
print type(n) is types.InstanceType, type(Num) is types.ClassType
