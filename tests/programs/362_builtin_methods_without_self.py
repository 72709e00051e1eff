# Methods of builtin and native types called through the type with no positional
# argument (self given only as a keyword, or not at all) raise TypeError.
import collections, select, itertools, io
d = collections.deque()
calls = [
    (list.append, {}), (dict.get, {'self': {}}), (str.upper, {}),
    (collections.deque.append, {'x': d}), (collections.deque.popleft, {}),
    (io.StringIO.write, {'s': 'x'}),
]
if hasattr(select, 'epoll'):
    e = select.epoll()
    calls.append((select.epoll.register, {'fd': e}))
    e.close()
for f, kw in calls:
    try:
        f(**kw)
        print('no error')
    except TypeError as ex:
        print(type(ex).__name__)
