# min-version: 3.10
# match: literal, capture, wildcard, or-patterns, guards, value (dotted) patterns, None/True.
class Color:
    RED = 'red'
    GREEN = 'green'
def classify(x):
    match x:
        case 0:
            return 'zero'
        case 1 | 2 | 3:
            return 'small'
        case -1:
            return 'minus one'
        case 1.5:
            return 'one and a half'
        case 'hello' | 'hi':
            return 'greeting'
        case b'bytes':
            return 'bytes literal'
        case None:
            return 'none'
        case True:
            return 'true'
        case Color.RED:
            return 'the red constant'
        case 2j:
            return 'complex'
        case n if isinstance(n, int) and n > 100:
            return 'big %d' % n
        case str() as s if len(s) > 5:
            return 'long string ' + s
        case _:
            return 'other %r' % (x,)
for v in [0, 2, -1, 1.5, 'hi', b'bytes', None, True, False, 'red', 2j, 1000, 'lengthy', 'short', 50, 1.0]:
    print(repr(v), '->', classify(v))
def capture(x):
    match x:
        case value:
            return 'captured %r' % (value,)
print(capture([1, 2]))
def guard_order(x):
    match x:
        case n if n < 0:
            return 'negative'
        case n if n % 2 == 0:
            return 'even'
        case n:
            return 'odd %d' % n
print([guard_order(v) for v in [-3, 4, 7]])
def side_effect_guard(x):
    log = []
    match x:
        case 1 if log.append('guard1') or False:
            pass
        case 1 if log.append('guard2') or True:
            log.append('body2')
    return log
print(side_effect_guard(1), side_effect_guard(2))
match 7:
    case (1 | 7) as grouped:
        print('group pattern with as:', grouped)
match 42:
    case 41 | 43:
        print('no')
    case 42 as answer:
        print('as-pattern on literal:', answer)
def nothing_matches(x):
    match x:
        case 1:
            return 'one'
    return 'fell off the end'
print(nothing_matches(5))
