# Custom exceptions: hierarchies, args/str/repr, extra attributes, __str__ overrides,
# catching by base class and by tuple.
class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, key):
        super().__init__('not found: %s' % key)
        self.key = key
class Invalid(AppError, ValueError):
    pass
class Detailed(Exception):
    def __init__(self, code, msg):
        self.code, self.msg = code, msg
    def __str__(self):
        return '[%d] %s' % (self.code, self.msg)
for exc in [AppError(), AppError('one'), AppError('a', 2), NotFound('k'), Invalid('bad'), Detailed(404, 'nope')]:
    print(type(exc).__name__, '|', str(exc), '|', repr(exc), '|', exc.args)
try:
    raise NotFound('user')
except AppError as e:
    print('caught as AppError:', e, e.key, isinstance(e, Exception))
try:
    raise Invalid('x')
except ValueError as e:
    print('caught as ValueError:', type(e).__name__, [c.__name__ for c in type(e).__mro__])
try:
    raise Detailed(500, 'server')
except (KeyError, Detailed) as e:
    print('tuple catch:', e, e.code)
class WithDefault(Exception):
    def __init__(self, msg='default message'):
        super().__init__(msg)
try:
    raise WithDefault
except WithDefault as e:
    print('class raised:', e, e.args)
class NoSuper(Exception):
    def __init__(self, x):
        self.x = x
e = NoSuper(5)
print(repr(str(e)), e.args, e.x)
class MyKeyError(KeyError):
    pass
print(str(MyKeyError('k')), str(KeyError('k')), str(KeyError('a', 'b')), str(KeyError()))
def risky(n):
    if n == 0:
        raise NotFound(n)
    if n == 1:
        raise Invalid(n)
    return n
for n in range(3):
    try:
        print('ok', risky(n))
    except NotFound:
        print('NotFound', n)
    except AppError as e:
        print('AppError', type(e).__name__, n)
err = AppError('msg')
err.args = ('changed', 1)
print(err, err.with_traceback(None) is err)
print(issubclass(NotFound, Exception), issubclass(Invalid, AppError), issubclass(AppError, BaseException))
