# expect-exit: 1
# full-stderr: yes
# Chained exceptions (context, then cause) with a note, raised from expressions that
# span several lines: tracebacks show each frame's source as CPython does.
settings = {'depth': '3', 'width': 'wide'}
def lookup(key):
    return settings[
        key
    ]
def to_int(key):
    try:
        return int(lookup(key))
    except ValueError as e:
        raise TypeError(
            'setting %r is not a number' % key
        ) from e
def total():
    try:
        return to_int('depth') + to_int('width')
    except TypeError as e:
        if hasattr(e, 'add_note'):
            e.add_note('while computing the total')
        return (to_int('depth') +
                lookup('height'))
print(total())
