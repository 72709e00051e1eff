# min-version: 3.11
# ExceptionGroup/BaseExceptionGroup API: construction rules, str/repr, split, subgroup, derive,
# and add_note/__notes__.
eg = ExceptionGroup('top', [ValueError(1), TypeError('t'), ExceptionGroup('sub', [ValueError(2), KeyError('k')])])
print(str(eg), '|', repr(eg))
print(eg.message, len(eg.exceptions), type(eg.exceptions).__name__, isinstance(eg, Exception))
match, rest = eg.split(ValueError)
print(repr(match), '|', repr(rest))
print(repr(eg.subgroup(lambda e: isinstance(e, KeyError))), eg.subgroup(OSError))
m2, r2 = eg.split((ValueError, TypeError, KeyError))
print(m2 is eg, r2)
print(type(BaseExceptionGroup('b', [ValueError()])).__name__, type(BaseExceptionGroup('b', [KeyboardInterrupt()])).__name__)
for bad in [lambda: ExceptionGroup('x', []), lambda: ExceptionGroup('x', [1]), lambda: ExceptionGroup(1, [ValueError()]),
            lambda: ExceptionGroup('x', [KeyboardInterrupt()]), lambda: ExceptionGroup('x', ValueError())]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)
class MyGroup(ExceptionGroup):
    def derive(self, excs):
        return MyGroup(self.message + '+derived', excs)
mg = MyGroup('mine', [ValueError(1), TypeError(2)])
a, b = mg.split(ValueError)
print(repr(a), repr(b), type(a).__name__)
e = ValueError('with notes')
e.add_note('first note')
e.add_note('second note')
print(e.__notes__, str(e))
try:
    e.add_note(5)
except TypeError as err:
    print('TypeError:', err)
print(issubclass(ExceptionGroup, BaseExceptionGroup), [c.__name__ for c in ExceptionGroup.__mro__])
