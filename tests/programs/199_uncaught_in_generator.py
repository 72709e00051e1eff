# expect-exit: 1
# An exception raised inside a generator propagates out of the consuming for loop uncaught.
def numbers():
    yield 1
    yield 2
    raise ArithmeticError('generator broke after two items')
for n in numbers():
    print('got', n)
print('never printed')
