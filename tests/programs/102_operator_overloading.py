# Binary and unary operator overloading on a vector class, including @ and NotImplemented.
class V:
    def __init__(self, *c):
        self.c = tuple(c)
    def __repr__(self):
        return 'V%r' % (self.c,)
    def _zip(self, o, fn):
        if isinstance(o, V):
            return V(*[fn(a, b) for a, b in zip(self.c, o.c)])
        if isinstance(o, (int, float)):
            return V(*[fn(a, o) for a in self.c])
        return NotImplemented
    def __add__(self, o): return self._zip(o, lambda a, b: a + b)
    def __sub__(self, o): return self._zip(o, lambda a, b: a - b)
    def __mul__(self, o): return self._zip(o, lambda a, b: a * b)
    def __truediv__(self, o): return self._zip(o, lambda a, b: a / b)
    def __floordiv__(self, o): return self._zip(o, lambda a, b: a // b)
    def __mod__(self, o): return self._zip(o, lambda a, b: a % b)
    def __pow__(self, o, mod=None): return self._zip(o, lambda a, b: pow(a, b, mod) if mod else a ** b)
    def __lshift__(self, o): return self._zip(o, lambda a, b: a << b)
    def __rshift__(self, o): return self._zip(o, lambda a, b: a >> b)
    def __and__(self, o): return self._zip(o, lambda a, b: a & b)
    def __or__(self, o): return self._zip(o, lambda a, b: a | b)
    def __xor__(self, o): return self._zip(o, lambda a, b: a ^ b)
    def __matmul__(self, o):
        if not isinstance(o, V):
            return NotImplemented
        return sum(a * b for a, b in zip(self.c, o.c))
    def __divmod__(self, o): return (self // o, self % o)
    def __neg__(self): return V(*[-a for a in self.c])
    def __pos__(self): return V(*[+a for a in self.c])
    def __abs__(self): return sum(a * a for a in self.c) ** 0.5
    def __invert__(self): return V(*[~a for a in self.c])
    def __round__(self, n=0): return V(*[round(a, n) for a in self.c])
a, b = V(1, 2, 3), V(4, 5, 6)
print(a + b, a - b, a * b, b / a, b // a, b % a, a ** 2, pow(a, 3, 5))
print(a << 2, b >> 1, a & b, a | b, a ^ b, a @ b, divmod(b, V(2, 2, 4)))
print(-a, +a, abs(V(3, 4)), ~a, round(V(1.26, 2.5), 1), a * 2, a + 0.5)
for expr in [lambda: a + 'x', lambda: 'x' + a, lambda: a @ 3, lambda: 2 * a, lambda: a < b,
             lambda: -V('s')]:
    try:
        print(expr())
    except TypeError as e:
        print('TypeError:', e)
print(a == V(1, 2, 3), a != a, a is a)
class Str:
    def __init__(self, s): self.s = s
    def __mul__(self, n): return Str(self.s * n)
    def __getitem__(self, i): return self.s[i]
    def __len__(self): return len(self.s)
    def __repr__(self): return 'Str(%r)' % self.s
print(Str('ab') * 3, Str('hello')[1:4], len(Str('xyz')))
