# needs: compiler
# raise: classes vs instances, bare re-raise, re-raising a caught exception object,
# raising non-exceptions, exception args, and raise inside nested functions.
def check(n):
    if n < 0:
        raise ValueError('negative', n)
    if n == 0:
        raise ZeroDivisionError
    return 10 // n
for n in [5, 0, -2]:
    try:
        print(check(n))
    except (ValueError, ZeroDivisionError) as e:
        print(type(e).__name__, e.args, str(e))
def reraise():
    try:
        {}['k']
    except KeyError:
        print('  logging then re-raising')
        raise
try:
    reraise()
except KeyError as e:
    print('re-raised', repr(e))
saved = None
try:
    raise IndexError('saved')
except IndexError as e:
    saved = e
try:
    raise saved
except IndexError as e:
    print('raised saved object again:', e is saved)
for bad in [lambda: exec('raise 5'), lambda: exec('raise "string"'), lambda: exec('raise int')]:
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)
try:
    raise
except RuntimeError as e:
    print('RuntimeError:', e)
class Custom(Exception):
    def __init__(self, *args):
        print('  Custom.__init__', args)
        super().__init__(*args)
try:
    raise Custom
except Custom as e:
    print('args', e.args)
try:
    raise Custom('a', 'b')
except Custom as e:
    print('args', e.args)
def deep(n):
    if n == 0:
        raise LookupError('bottom')
    deep(n - 1)
try:
    deep(20)
except LookupError as e:
    print('from depth:', e)
def handler_reraise_other():
    try:
        raise ValueError('original')
    except ValueError as e:
        raise e.__class__('transformed ' + str(e))
try:
    handler_reraise_other()
except ValueError as e:
    print(e, '| context:', e.__context__)
try:
    raise Exception('multi', 'args', 3)
except Exception as e:
    print(e, e.args[2])
try:
    raise StopIteration('stop value')
except StopIteration as e:
    print('StopIteration value:', e.value, e.args)
try:
    raise SystemExit(4)
except SystemExit as e:
    print('SystemExit code:', e.code, e.args)
try:
    raise KeyboardInterrupt
except BaseException as e:
    print('BaseException caught', type(e).__name__, isinstance(e, Exception))
