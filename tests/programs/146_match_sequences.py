# min-version: 3.10
# match: sequence patterns (fixed length, star, nested), strings not treated as sequences.
def seq(x):
    match x:
        case []:
            return 'empty'
        case [a]:
            return 'one: %r' % (a,)
        case [a, b]:
            return 'two: %r %r' % (a, b)
        case [0, *rest]:
            return 'starts with 0, rest %r' % (rest,)
        case [first, *_, last] if first == last:
            return 'same ends %r' % (first,)
        case [(a, b), *more]:
            return 'pair first %r %r then %d more' % (a, b, len(more))
        case [*init, 'end']:
            return 'ends with end after %r' % (init,)
        case _:
            return 'other'
tests = [[], [1], (1, 2), [0, 1, 2, 3], [5, 6, 5], [(1, 2), 3, 4], ['a', 'b', 'end'], [1, 2, 3],
         'ab', range(2), (9,), [[1, 2]], b'xy']
for t in tests:
    print(repr(t), '->', seq(t))
def nested(x):
    match x:
        case [1, [2, [3, *deep]]]:
            return 'deep %r' % (deep,)
        case (a, (b, c)) | [a, b, c]:
            return 'or-pattern %r %r %r' % (a, b, c)
    return 'none'
print(nested([1, [2, [3, 4, 5]]]), nested((1, (2, 3))), nested([7, 8, 9]), nested([1]))
def types(x):
    match x:
        case [int(), int()]:
            return 'two ints'
        case [str() as s, *_]:
            return 'starts with str ' + s
        case list() | tuple():
            return 'some sequence'
    return 'not a sequence'
print(types([1, 2]), types(('a', 1)), types([1.5]), types({1, 2}), types('str'))
command = 'go north fast'
match command.split():
    case ['go', direction]:
        print('go', direction)
    case ['go', direction, speed]:
        print('go', direction, 'at', speed)
from_iter = iter([1, 2])
match from_iter:
    case [a, b]:
        print('iterator matched?!')
    case _:
        print('iterators are not sequences')
