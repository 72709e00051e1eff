# return/break/raise interacting with finally: finally can override a return value, swallow
# an exception by returning, and see the pending return value's side effects.
def override():
    try:
        return 'try'
    finally:
        return 'finally'
print(override())
def swallow():
    try:
        raise ValueError('lost')
    finally:
        return 'swallowed'
print(swallow())
def side_effect():
    x = [1]
    try:
        return x
    finally:
        x.append(2)
print(side_effect())
def rebinding():
    x = 1
    try:
        return x
    finally:
        x = 2
print(rebinding())
def nested():
    try:
        try:
            return 'inner try'
        finally:
            print('  inner finally')
    finally:
        print('  outer finally')
print(nested())
def except_return():
    try:
        raise KeyError
    except KeyError:
        return 'from except'
    finally:
        print('  finally after except-return')
print(except_return())
def raise_in_finally():
    try:
        return 'never returned'
    finally:
        raise RuntimeError('finally raised')
try:
    raise_in_finally()
except RuntimeError as e:
    print('caught', e)
def counting():
    log = []
    for i in range(3):
        try:
            if i == 1:
                return log
            log.append(i)
        finally:
            log.append('f%d' % i)
print(counting())
def generator_finally():
    try:
        yield 1
        yield 2
    finally:
        print('  generator finally')
gen = generator_finally()
for v in gen:
    print('got', v)
    break
print('after break')
gen.close()
print('after close')
def finally_order():
    out = []
    try:
        try:
            out.append('a')
            raise ValueError
        finally:
            out.append('b')
    except ValueError:
        out.append('c')
    finally:
        out.append('d')
    return out
print(finally_order())
