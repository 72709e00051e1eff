# try statement combinations: except/else/finally ordering, multiple handlers, handler
# selection by order, bare except, nested try, exceptions inside handlers.
def run(raise_what):
    log = []
    try:
        log.append('try')
        if raise_what:
            raise raise_what('boom')
        log.append('try-end')
    except ValueError as e:
        log.append('except ValueError ' + str(e))
    except (TypeError, KeyError) as e:
        log.append('except tuple ' + type(e).__name__)
    except Exception:
        log.append('except Exception')
    else:
        log.append('else')
    finally:
        log.append('finally')
    return log
for exc in [None, ValueError, TypeError, KeyError, ZeroDivisionError]:
    print(exc.__name__ if exc else None, run(exc))
def only_finally(fail):
    try:
        if fail:
            raise RuntimeError('escaping')
        return 'normal'
    finally:
        print('  finally runs (fail=%s)' % fail)
print(only_finally(False))
try:
    only_finally(True)
except RuntimeError as e:
    print('outer caught', e)
try:
    try:
        raise KeyError('inner')
    except ValueError:
        print('wrong handler')
    finally:
        print('inner finally')
except KeyError as e:
    print('outer got', repr(e))
try:
    [][0]
except LookupError as e:
    print('LookupError caught IndexError:', type(e).__name__)
try:
    1 / 0
except:
    print('bare except')
try:
    try:
        raise ValueError('first')
    except ValueError:
        raise TypeError('second in handler')
except TypeError as e:
    print('handler raised', e, '| context', repr(e.__context__))
def else_raises():
    try:
        pass
    except ValueError:
        return 'not here'
    else:
        raise ValueError('from else')
try:
    else_raises()
except ValueError as e:
    print('else raised:', e)
e = 'before'
try:
    raise ValueError('x')
except ValueError as e:
    pass
try:
    print(e)
except NameError as ne:
    print('NameError:', ne)
try:
    raise ValueError
except ValueError as err:
    print('class raised, args', err.args, repr(err))
