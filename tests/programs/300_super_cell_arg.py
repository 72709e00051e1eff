# Zero-argument super() in a method whose first argument is also a closure cell (a
# generator expression uses it): up to 3.10 the argument lives in its cell.
class Base:
    def __init_subclass__(cls, *args, **kwargs):
        print("base init_subclass", cls.__name__, args, kwargs)

class G(Base):
    def __init_subclass__(cls, *args, **kwargs):
        tvars = []
        if any(b is cls for b in cls.__mro__):
            tvars.append(1)
        super().__init_subclass__(*args, **kwargs)

class H(G):
    pass
print("ok")


class A:
    def method(self):
        return "A.method"


class B(A):
    def method(self):
        get = lambda: self
        return "B>" + super().method() + str(get() is self)


print(B().method())
