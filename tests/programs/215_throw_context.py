# What an exception gets as __context__ when thrown into a generator (3.9+: the exception
# the generator is handling), and when raised by an operation inside a handler.
def g():
    try:
        raise KeyError('inner')
    except KeyError:
        yield 1
gen = g(); next(gen)
try:
    gen.throw(ValueError('thrown'))
except ValueError as e:
    print('context:', repr(e.__context__))
def h():
    yield 1
try:
    raise TypeError('outer')
except TypeError:
    hh = h(); next(hh)
    try:
        hh.throw(ValueError('t2'))
    except ValueError as e:
        print('context2:', repr(e.__context__))
try:
    raise TypeError('outer2')
except TypeError:
    try:
        next(iter([]))
    except StopIteration as e:
        print('context3:', repr(e.__context__))
    try:
        [].pop()
    except IndexError as e:
        print('context4:', repr(e.__context__))
