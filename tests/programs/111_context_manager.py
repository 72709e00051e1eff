# with statement: __enter__/__exit__ order, as-target, exception info passed to __exit__,
# suppression by returning True, nested and multi-item with, exceptions inside __exit__.
class CM:
    def __init__(self, name, suppress=False):
        self.name, self.suppress = name, suppress
    def __enter__(self):
        print('enter', self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print('exit', self.name, et.__name__ if et else None, ev, tb is not None)
        return self.suppress
with CM('a') as v:
    print('body', v)
with CM('b', suppress=True):
    raise ValueError('swallowed')
print('after b')
try:
    with CM('c'):
        raise KeyError('propagates')
except KeyError as e:
    print('caught', repr(e))
with CM('outer') as o, CM('inner') as i:
    print('both', o, i)
with CM('x'):
    with CM('y', suppress=True):
        1 / 0
    print('x continues')
def early_return():
    with CM('ret'):
        return 'returned value'
print(early_return())
for n in range(3):
    with CM('loop%d' % n):
        if n == 1:
            continue
        if n == 2:
            break
        print('loop body', n)
class Failing:
    def __enter__(self):
        raise RuntimeError('enter failed')
    def __exit__(self, *a):
        print('never called')
try:
    with CM('first'), Failing():
        print('not reached')
except RuntimeError as e:
    print('RuntimeError:', e)
class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        raise TypeError('from exit')
try:
    with ExitRaises():
        raise ValueError('original')
except TypeError as e:
    print('TypeError:', e, '| context:', repr(e.__context__))
class Truthy:
    def __enter__(self):
        return None
    def __exit__(self, *a):
        return 'non-empty string'
with Truthy() as nothing:
    raise OSError('suppressed by truthy value')
print('nothing is', nothing)
try:
    with object():
        pass
except (AttributeError, TypeError) as e:
    print(type(e).__name__ + ':', e)
