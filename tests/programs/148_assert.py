# assert: passing, failing with and without messages, message evaluated lazily, tuple pitfall.
assert True
assert 1 == 1, 'never shown'
try:
    assert 1 == 2
except AssertionError as e:
    print('AssertionError args:', e.args, repr(str(e)))
try:
    assert False, 'with message'
except AssertionError as e:
    print('AssertionError:', e, e.args)
try:
    assert [], ['non-string', 'message']
except AssertionError as e:
    print('AssertionError:', e.args[0])
evaluated = []
def msg():
    evaluated.append('called')
    return 'lazy'
assert True, msg()
print('message evaluated on success:', evaluated)
try:
    assert 0, msg()
except AssertionError as e:
    print(e, evaluated)
def check_positive(n):
    assert n > 0, 'n must be positive, got %d' % n
    return n
print(check_positive(3))
try:
    check_positive(-2)
except AssertionError as e:
    print('AssertionError:', e)
x = 5
try:
    assert x < 3, f'x too big: {x}'
except AssertionError as e:
    print(e)
print(issubclass(AssertionError, Exception), __debug__)
