# Generator throw() and close(): handled and unhandled exceptions, GeneratorExit, finally
# blocks, yielding during close (RuntimeError), throwing into unstarted/finished generators.
def worker():
    while True:
        try:
            x = yield
            print('  processing', x)
        except ValueError as e:
            print('  handled', repr(e))
            yield 'recovered'
        finally:
            print('  finally in loop')
w = worker()
next(w)
w.send(1)
print(w.throw(ValueError('bad input')))
next(w)
try:
    w.throw(KeyError('fatal'))
except KeyError as e:
    print('propagated', repr(e))
print(next(w, 'finished'))
def closable():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print('  GeneratorExit seen')
        raise
    finally:
        print('  closing cleanup')
c = closable()
print(next(c))
print(c.close())
c.close()
print(next(c, 'closed gen is exhausted'))
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 'refuse'
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print('RuntimeError:', e)
def fresh():
    print('  never starts')
    yield
f = fresh()
try:
    f.throw(IndexError('into unstarted'))
except IndexError as e:
    print('unstarted throw propagates', repr(e))
print(next(f, 'now exhausted'))
f2 = fresh()
f2.close()
print(next(f2, 'closed before start'))
def returns_on_exit():
    try:
        yield
    except GeneratorExit:
        return 'ignored value'
r = returns_on_exit()
next(r)
print(r.close())
def catches_and_continues():
    for i in range(3):
        try:
            yield i
        except TypeError:
            print('  caught TypeError at', i)
cc = catches_and_continues()
print(next(cc), cc.throw(TypeError), next(cc), next(cc, 'end'))
try:
    catches_and_continues().throw(TypeError, TypeError('typed'), None)
except TypeError as e:
    print('three-arg throw:', e)
