# What an exception gets as __context__ when thrown into a generator (3.9+: the exception
# the generator is handling), when raised by an operation inside a handler, and when a
# generator that handles nothing itself runs while its caller handles one (bare `raise`).
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
def g():
    yield 1
    raise ValueError('in gen')
def reraiser():
    yield 1
    raise
it = g(); next(it)
try:
    raise KeyError('caller')
except KeyError:
    try:
        next(it)
    except ValueError as e:
        print('gen error context:', repr(e.__context__))
r = reraiser(); next(r)
try:
    raise KeyError('caller2')
except KeyError:
    try:
        next(r)
    except Exception as e:
        print('bare raise in gen:', repr(e))
