# needs: stdlib
# functools.singledispatch (3.11+ register() imports typing, hence re).
import functools
@functools.singledispatch
def show(x): return 'object'
@show.register(int)
def _(x): return 'int'
@show.register(list)
def _(x): return 'list'
print(show(1), show([]), show('s'), show(True))
@show.register
def _(x: float): return 'float'
print(show(1.5))
