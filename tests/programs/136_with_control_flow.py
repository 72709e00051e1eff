# with combined with control flow: break/continue/return/exceptions leaving the block always
# call __exit__ exactly once; generators used as context managers by hand.
class Tracker:
    events = []
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        Tracker.events.append('enter ' + self.name)
        return self
    def __exit__(self, et, ev, tb):
        Tracker.events.append('exit %s %s' % (self.name, et.__name__ if et else 'ok'))
        return et is StopIteration
def f():
    for i in range(4):
        with Tracker('loop%d' % i):
            if i == 0:
                continue
            if i == 2:
                break
    with Tracker('ret'):
        with Tracker('inner-ret'):
            return 'value'
print(f(), Tracker.events)
Tracker.events.clear()
try:
    with Tracker('a'), Tracker('b'):
        raise ValueError
except ValueError:
    print('propagated', Tracker.events)
Tracker.events.clear()
with Tracker('suppress'):
    raise StopIteration
print('suppressed', Tracker.events)
class Managed:
    def __init__(self, gen):
        self.gen = gen
    def __enter__(self):
        return next(self.gen)
    def __exit__(self, et, ev, tb):
        if et is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
        try:
            self.gen.throw(ev)
        except StopIteration:
            return True
        except BaseException as e:
            if e is ev:
                return False
            raise
def opened(name):
    print('open', name)
    try:
        yield name.upper()
    except KeyError as e:
        print('generator handled', repr(e))
    finally:
        print('close', name)
with Managed(opened('file')) as h:
    print('using', h)
with Managed(opened('other')) as h:
    raise KeyError('inside')
print('after handled error')
try:
    with Managed(opened('third')):
        raise IndexError('not handled')
except IndexError as e:
    print('escaped', repr(e))
def gen_with():
    with Tracker('gen'):
        yield 1
        yield 2
Tracker.events.clear()
g = gen_with()
print(next(g), Tracker.events)
g.close()
print(Tracker.events)
