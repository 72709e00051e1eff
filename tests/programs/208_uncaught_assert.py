# expect-exit: 1
# An uncaught AssertionError with a formatted message.
def mean(xs):
    assert xs, 'mean of empty list (got %r)' % (xs,)
    return sum(xs) / len(xs)
print(mean([1, 2, 3, 4]))
print(mean([]))
