# select: select() over fds and objects with fileno(), poll and epoll objects, errors.
# stdin is at end of file (readable) and stdout a pipe (writable) when the tests run.
import select

print(select.error is OSError, select.POLLIN, select.POLLOUT, select.EPOLLET, select.PIPE_BUF)
print(select.select([0], [1], [], 0))
print(select.select([], [], [], 0.01))


class Out:
    def fileno(self):
        return 1


r, w, x = select.select([], [Out()], [Out()], 1.5)
print(r, [type(o).__name__ for o in w], x)
for args in (([-1], [], []), (["x"], [], []), ([], [], [], -1), (1, [], []), ([], []),
             ([], [], [], "1")):
    try:
        select.select(*args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

p = select.poll()
print(type(p).__name__, p.register(1, select.POLLOUT))
print(p.poll(0), p.poll(), p.poll(None))
p.modify(1, select.POLLIN)
print(p.poll(0))
p.register(Out())
print(p.poll(10))
p.unregister(1)
print(p.poll(0))
try:
    p.unregister(1)
except KeyError as e:
    print("KeyError", e)
try:
    p.modify(1, select.POLLIN)
except OSError as e:
    print(type(e).__name__, e)

e = select.epoll()
print(type(e).__name__, e.closed, e.fileno() > 2)
e.register(1, select.EPOLLOUT)
print(e.poll(0), e.poll(timeout=0.5, maxevents=4))
try:
    e.register(Out())
except OSError as err:
    print(type(err).__name__, err)
e.modify(1, select.EPOLLIN)
print(e.poll(0.01))
e.unregister(1)
try:
    e.unregister(1)
except OSError as err:
    print(type(err).__name__, err)
with e as same:
    print(same is e, e.closed)
print(e.closed)
try:
    e.fileno()
except ValueError as err:
    print("ValueError", err)
with select.epoll() as e2:
    e2.register(1, select.EPOLLOUT | select.EPOLLET)
    print(e2.poll(-1), e2.poll(0))
