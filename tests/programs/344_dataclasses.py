# min-version: 3.7
# needs: stdlib
# dataclasses: repr, eq, order, frozen, defaults, default_factory, asdict, astuple,
# replace, fields, __post_init__, InitVar, inheritance.
import dataclasses
from dataclasses import dataclass, field, asdict, astuple, replace, fields, InitVar
from typing import List

@dataclass
class Point:
    x: int
    y: int = 0

p = Point(1)
print(p, p == Point(1, 0), p != Point(2), Point.__init__.__name__)
print(fields(Point)[0].name, [f.name for f in fields(p)], Point.__dataclass_fields__['y'].default)

@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    tags: List[str] = field(default_factory=list, compare=False)

vs = sorted([Version(2, 1), Version(1, 5), Version(2, 0)])
print(vs, Version(1) < Version(1, 1), Version(3) >= Version(2, 9))
v = Version(1)
v.tags.append('x')
print(Version(1).tags, v.tags, v == Version(1))

@dataclass(frozen=True)
class Frozen:
    name: str
    size: int = 1

f = Frozen('a')
try:
    f.name = 'b'
except dataclasses.FrozenInstanceError as e:
    print('FrozenInstanceError', e)
print(hash(f) == hash(Frozen('a')), replace(f, size=5))

@dataclass
class Inventory:
    owner: str
    items: List[Point] = field(default_factory=list)
    secret: int = field(default=0, repr=False)

inv = Inventory('me', [Point(1, 2), Point(3)])
print(inv)
print(asdict(inv))
print(astuple(inv))

@dataclass
class Rect:
    w: float
    h: float
    scale: InitVar[float] = 1.0
    area: float = field(init=False)
    def __post_init__(self, scale):
        self.w *= scale
        self.h *= scale
        self.area = self.w * self.h

print(Rect(2, 3, scale=2.0))

@dataclass
class Point3(Point):
    z: int = 0

print(Point3(1, 2, 3), [f.name for f in fields(Point3)])
try:
    @dataclass
    class Bad:
        a: int = 0
        b: int
except TypeError as e:
    print('TypeError', e)
try:
    Point()
except TypeError as e:
    print('TypeError', e)
print(dataclasses.is_dataclass(p), dataclasses.is_dataclass(Point), dataclasses.is_dataclass(3))
Dyn = dataclasses.make_dataclass('Dyn', [('a', int), ('b', str, field(default='z'))])
print(Dyn(1), Dyn.__name__)
