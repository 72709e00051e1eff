# *args and **kwargs: collection, order preservation, forwarding, and combinations.
def collect(*args, **kwargs):
    return args, kwargs
print(collect(), collect(1, 2), collect(a=1, b=2), collect(1, z=26, a=1))
def total(*nums):
    return sum(nums), type(nums).__name__, len(nums)
print(total(), total(1), total(1, 2, 3))
def describe(first, *rest, **options):
    parts = [str(first)] + [str(r) for r in rest]
    parts += ['%s=%s' % kv for kv in options.items()]
    return ' '.join(parts)
print(describe(1), describe(1, 2, 3), describe('x', verbose=True, level=3))
def wrapper(*args, **kwargs):
    return describe(*args, **kwargs)
print(wrapper('w', 'v', key='val'))
def kwonly_after(*args, last):
    return args, last
print(kwonly_after(1, 2, last=3))
def order(**kw):
    return list(kw)
print(order(z=1, a=2, m=3), order(**{'b': 1, 'a': 2}), order(c=1, **{'a': 2}, b=3))
def mutate(*args, **kwargs):
    kwargs['new'] = 1
    return kwargs
opts = {'x': 0}
print(mutate(**opts), opts)
def count_args(*a, **k):
    return len(a), len(k)
print(count_args(*range(10), **dict.fromkeys('abc')))
try:
    collect(**{1: 2})
except TypeError as e:
    print('TypeError:', e)
try:
    describe()
except TypeError as e:
    print('TypeError:', e)
print(collect.__code__.co_flags & 0x0C, total.__code__.co_flags & 0x04, order.__code__.co_flags & 0x08)
