# expect-exit: 1
# Uncaught exception raised "from None" (context suppressed) inside a handler.
def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise AttributeError('no attribute %s' % k) from None
print(lookup({'a': 1}, 'a'))
lookup({}, 'b')
