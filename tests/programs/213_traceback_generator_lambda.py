# expect-exit: 1
# full-stderr: yes
# A traceback through a generator's frame (its cleanup handler adds no entry), then,
# while handling it, a parenthesized lambda called in an assignment (3.13 leaves the
# carets out under a call spanning the whole statement).
def gen():
    yield 1
    raise KeyError('from generator')
def drain():
    for _ in gen():
        pass
try:
    drain()
except KeyError:
    result = (lambda: 1 / 0)()
