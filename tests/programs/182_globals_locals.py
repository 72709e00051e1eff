# globals() and locals(): our own names at module level and in functions, writing through
# globals(), locals() snapshots in functions, class body namespace.
alpha = 1
beta = 'two'
def gamma():
    pass
print(sorted(k for k in globals() if not k.startswith('__')))
print(globals()['alpha'], globals()['beta'], globals()['gamma'] is gamma, __name__, globals() is globals())
globals()['delta'] = 'created through globals()'
print(delta)
print(locals() is globals(), 'alpha' in locals())
def func(p, q=2):
    r = p + q
    snapshot = locals()
    return sorted(snapshot)
print(func(1))
def sees_globals():
    return sorted(k for k in globals() if not k.startswith('__') and k != 'sees_globals')
print(sees_globals())
def locals_copy():
    x = 1
    loc = locals()
    loc['x'] = 99
    return x
print(locals_copy())
def closure_locals():
    outer_var = 'outer'
    def inner():
        return sorted(locals())
    def inner_uses():
        outer_var
        return sorted(locals())
    return inner(), inner_uses()
print(closure_locals())
class K:
    a = 1
    b = a + 1
    ns = sorted(k for k in locals() if not k.startswith('__'))
print(K.ns)
def modify_global():
    globals()['alpha'] = 'modified'
modify_global()
print(alpha)
del globals()['delta']
print('delta' in globals())
print(type(globals()).__name__, '__builtins__' in globals(), globals()['__name__'])
