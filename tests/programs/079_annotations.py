# Function, variable and class annotations are recorded (in order) but not enforced.
def f(a: int, b: 'str' = 'x', *args: float, c: bool = True, **kw: dict) -> list:
    return [a, b, args, c, kw]
print(f.__annotations__)
print(f('not an int', 5))
def g(x, y):
    pass
print(g.__annotations__, (lambda q: q).__annotations__)
count: int = 3
name: str
ratio: float = 0.5
print(__annotations__['count'], 'name' in __annotations__, list(__annotations__))
try:
    name
except NameError as e:
    print('NameError:', e)
class Point:
    x: int
    y: int = 0
    label: 'str' = 'origin'
    def method(self, other: 'Point') -> 'Point':
        return other
print(Point.__annotations__, Point.y, hasattr(Point, 'x'), Point.method.__annotations__)
def local_annotations():
    v: int = 1
    w: str
    return v
print(local_annotations())
f.__annotations__['extra'] = 'added'
print(sorted(f.__annotations__))
def complex_ann(a: [int, str], b: {'k': 1} = None) -> (1 + 2):
    return a
print(complex_ann.__annotations__)
