# Implicit chaining: __context__ is set when raising inside except/finally, not outside;
# the handler's exception variable is deleted afterwards; nested handlers restore context.
try:
    try:
        1 / 0
    except ZeroDivisionError:
        {}['missing']
except KeyError as e:
    print(repr(e), '| context:', repr(e.__context__), '| cause:', e.__cause__)
try:
    try:
        raise ValueError('in try')
    finally:
        raise TypeError('in finally')
except TypeError as e:
    print('finally context:', repr(e.__context__))
try:
    raise ValueError('standalone')
except ValueError as e:
    print('no context:', e.__context__)
def handler_calls_function():
    def helper():
        raise KeyError('helper')
    try:
        raise OSError('outer')
    except OSError:
        helper()
try:
    handler_calls_function()
except KeyError as e:
    print('context through call:', repr(e.__context__))
try:
    try:
        raise ValueError('A')
    except ValueError as a:
        try:
            raise TypeError('B')
        except TypeError:
            pass
        raise KeyError('C')
except KeyError as c:
    print('C context is A:', repr(c.__context__))
err = None
try:
    raise RuntimeError('caught and kept')
except RuntimeError as caught:
    err = caught
print('kept', repr(err), 'name deleted:', 'caught' not in dir())
def self_context():
    e = ValueError('same')
    try:
        raise e
    except ValueError:
        try:
            raise e
        except ValueError as again:
            return again.__context__
print('self context avoided:', self_context())
try:
    try:
        raise KeyError(1)
    except KeyError as k:
        raise k
except KeyError as k2:
    print('re-raise same object context:', k2.__context__)
def nested_context():
    try:
        raise ValueError(1)
    except ValueError:
        try:
            raise TypeError(2)
        except TypeError as t:
            return repr(t.__context__)
print(nested_context())
try:
    try:
        raise ValueError('x')
    except ValueError:
        raise
except ValueError as v:
    print('bare raise keeps no context:', v.__context__)
