# yield from: delegation to sub-generators and iterables, return values, send/throw/close
# forwarded to the sub-generator.
def sub(n):
    for i in range(n):
        got = yield i
        if got:
            print('  sub received', got)
    return 'sub-result-%d' % n
def delegator():
    r1 = yield from sub(2)
    print('  r1 =', r1)
    r2 = yield from sub(1)
    print('  r2 =', r2)
    yield from 'ab'
    yield from [10, 20]
    return (r1, r2)
print(list(delegator()))
d = delegator()
print(next(d), d.send('hello'), next(d))
def catcher():
    try:
        yield 'ready'
    except KeyError as e:
        print('  sub caught', repr(e))
        yield 'after catch'
    finally:
        print('  sub finally')
def outer():
    result = yield from catcher()
    print('  outer resumes with', result)
    yield 'outer end'
o = outer()
print(next(o), o.throw(KeyError('k')), next(o), next(o, 'exhausted'))
o2 = outer()
next(o2)
o2.close()
print('closed through delegation')
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain([1, 2], (3,), range(4, 6), {7: 'x'}, 'yz')))
def tree(node):
    value, children = node
    yield value
    for c in children:
        yield from tree(c)
print(list(tree((1, [(2, [(4, [])]), (3, [])]))))
def returns_early():
    return 'immediate'
    yield
def get_result():
    x = yield from returns_early()
    yield x
print(list(get_result()))
def stopper():
    yield 1
    return
def uses_stopper():
    v = yield from stopper()
    yield 'value was %r' % v
print(list(uses_stopper()))
def inner_raises():
    yield 1
    raise ValueError('from inner')
def outer_handles():
    try:
        yield from inner_raises()
    except ValueError as e:
        yield 'outer handled ' + str(e)
print(list(outer_handles()))
