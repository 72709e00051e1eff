# Exception classes: hierarchy, custom exceptions with attributes, finally ordering.
class AppError(Exception):
    def __init__(self, code, msg):
        Exception.__init__(self, code, msg)
        self.code = code
class SubError(AppError):
    pass
try:
    raise SubError(42, "bad")
except AppError, e:
    print type(e).__name__, e.code, e.args, str(e)
print issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError)
print issubclass(StandardError, Exception), Exception.__bases__
def order():
    log = []
    try:
        try:
            log.append("try")
            raise ValueError
        except ValueError:
            log.append("except")
            raise TypeError
        finally:
            log.append("finally")
    except TypeError:
        log.append("outer")
    return log
print order()
try:
    raise Exception("a", 1)
except Exception, e:
    print e, e.args, e.message if hasattr(e, "message") else ""
