# deque iterators: mutation during iteration raises RuntimeError (CPython's deque state
# counter) and keeps raising; reversed(), __length_hint__, the iterator types of _collections.
from collections import deque
import _collections
d = deque([1, 2, 3])
for name, mutate in [('append', lambda: d.append(9)), ('pop', lambda: d.pop()), ('clear', lambda: d.clear()), ('setitem', lambda: d.__setitem__(0, 5)), ('rotate', lambda: d.rotate(1)), ('reverse', lambda: d.reverse()), ('remove', lambda: d.remove(d[0])), ('extend', lambda: d.extend([])), ('insert', lambda: d.insert(0, 1)), ('popleft', lambda: d.popleft()), ('del', lambda: d.__delitem__(0)), ('iadd', lambda: d.__iadd__([7]))]:
    d = deque([1, 2, 3, 4])
    it = iter(d)
    first = next(it)
    try:
        mutate()
        rest = list(it)
        print(name, first, rest)
    except RuntimeError as e:
        try:
            next(it)
        except RuntimeError as again:
            print(name, first, 'RuntimeError', e, '/ again:', again)
    except Exception as e:
        print(name, type(e).__name__, e)
d = deque('abcd')
print(list(reversed(d)), type(iter(d)).__name__, type(reversed(d)).__name__, iter(d).__length_hint__(), list(d))
it = iter(d); next(it); print(it.__length_hint__(), list(it))
print(_collections._deque_iterator.__module__ if hasattr(_collections, '_deque_iterator') else None)
