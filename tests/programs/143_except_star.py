# min-version: 3.11
# except* with ExceptionGroup: splitting by type, several handlers matching, unmatched
# remainder re-raised, naked exceptions wrapped, nesting.
def describe(eg):
    return '%s(%r, [%s])' % (type(eg).__name__, eg.message, ', '.join(
        describe(e) if isinstance(e, BaseExceptionGroup) else repr(e) for e in eg.exceptions))
try:
    raise ExceptionGroup('many', [ValueError(1), TypeError(2), ValueError(3), KeyError(4)])
except* ValueError as eg:
    print('ValueErrors:', describe(eg))
except* (TypeError, KeyError) as eg:
    print('Type/Key:', describe(eg))
try:
    try:
        raise ExceptionGroup('partial', [ValueError('handled'), OSError('not handled')])
    except* ValueError as eg:
        print('handled', describe(eg))
except ExceptionGroup as rest:
    print('remainder:', describe(rest))
try:
    raise KeyError('naked')
except* KeyError as eg:
    print('naked wrapped:', describe(eg), type(eg).__name__)
try:
    raise ExceptionGroup('outer', [ValueError('a'), ExceptionGroup('inner', [ValueError('b'), TypeError('c')])])
except* ValueError as eg:
    print('nested values:', describe(eg))
except* TypeError as eg:
    print('nested types:', describe(eg))
def no_match():
    try:
        raise ExceptionGroup('none', [IndexError(0)])
    except* KeyError:
        print('not here')
try:
    no_match()
except ExceptionGroup as eg:
    print('propagated unchanged:', describe(eg))
try:
    try:
        raise ExceptionGroup('g', [ValueError(1)])
    except* ValueError:
        raise RuntimeError('raised in except*')
except ExceptionGroup as eg:
    print('raise inside handler:', describe(eg), type(eg.exceptions[0].__context__).__name__)
except RuntimeError as e:
    print('plain RuntimeError', e)
handled = []
for exc in [ValueError('v'), ExceptionGroup('e', [TypeError('t')])]:
    try:
        raise exc
    except* ValueError:
        handled.append('value')
    except* TypeError:
        handled.append('type')
print(handled)
try:
    raise BaseExceptionGroup('base', [KeyboardInterrupt(), ValueError(1)])
except* KeyboardInterrupt as eg:
    print('base group:', describe(eg))
except* ValueError as eg:
    print('value part:', describe(eg))
