# needs: stdlib
# collections.deque and defaultdict (native _collections): API, reprs, errors, copies.
import copy
from collections import deque, defaultdict, Counter
d = deque([1, 2, 3], maxlen=5)
print(repr(d), d.maxlen)
d.append(4); d.appendleft(0); d.append(5)
print(d, d.pop(), d.popleft(), len(d), d[0], d[-1], 3 in d)
d.extend('ab'); d.extendleft('xy'); print(d)
d.rotate(2); print(d); d.rotate(-3); print(d)
d2 = deque(range(6)); d2.remove(3); d2.insert(1, 'i'); d2.reverse(); print(d2, d2.count(1), d2.index(1))
d2[0] = 'first'; del d2[1]; print(d2, d2 == deque(d2), d2 != deque(), deque([1,2]) < deque([1,3]))
print(deque('ab') + deque('c'), deque('ab') * 2, copy.copy(d2), copy.deepcopy(deque([[1]], maxlen=3)))
for f in [lambda: deque().pop(), lambda: deque().popleft(), lambda: d[10], lambda: d.index(9),
          lambda: deque([1], maxlen=1).insert(0, 2), lambda: deque(maxlen=-1)]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
class D(deque): pass
print(D([1]), isinstance(D(), deque))
r = deque([1]); r.append(r); print(r)
dd = defaultdict(list, a=[1]); dd['b'].append(2); print(dd, dd.default_factory)
ic = defaultdict(int)
for ch in 'hello': ic[ch] += 1
print(sorted(ic.items()), isinstance(ic, dict), defaultdict(None))
print(copy.copy(ic) == ic, copy.deepcopy(dd), dd.copy())
for f in [lambda: defaultdict(1), lambda: defaultdict()['k']]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
print(Counter('mississippi').most_common())
