# A class's __qualname__ can be set (a str only), not deleted; a builtin type's not at all.
class A: pass
A.__qualname__ = 'X.Y'; print(A.__qualname__, A, A.__name__)
for v in (1, None):
    try: A.__qualname__ = v
    except TypeError as e: print(e)
try: int.__qualname__ = 'x'
except TypeError as e: print(e)
try: del A.__qualname__
except TypeError as e: print(e)
