# Generator return values through StopIteration.value, and PEP 479: a StopIteration raised
# inside a generator body becomes RuntimeError (3.7+; only a warning in 3.6).
def gen_with_return():
    yield 1
    return 'the value'
g = gen_with_return()
next(g)
try:
    next(g)
except StopIteration as e:
    print('value:', e.value, 'args:', e.args)
def returns_none():
    yield 1
g = returns_none()
next(g)
try:
    next(g)
except StopIteration as e:
    print('value:', e.value, 'args:', e.args)
def returns_tuple():
    return (1, 2)
    yield
try:
    next(returns_tuple())
except StopIteration as e:
    print('tuple value:', e.value, e.args)
def returns_stopiteration_obj():
    return StopIteration('nested')
    yield
try:
    next(returns_stopiteration_obj())
except StopIteration as e:
    print('value is exception:', repr(e.value))
def leaks_stopiteration():
    yield 1
    raise StopIteration('leaked')
try:
    print(list(leaks_stopiteration()))
except RuntimeError as e:
    print('RuntimeError:', e, '| cause:', repr(e.__cause__))
def next_on_empty():
    yield next(iter([]))
try:
    print(list(next_on_empty()))
except RuntimeError as e:
    print('RuntimeError:', e)
def manual_drive(gen):
    results = []
    while True:
        try:
            results.append(next(gen))
        except StopIteration as stop:
            return results, stop.value
print(manual_drive(gen_with_return()))
def early_exit(flag):
    yield 'a'
    if flag:
        return 'early'
    yield 'b'
    return 'late'
print(manual_drive(early_exit(True)), manual_drive(early_exit(False)))
