# needs: compiler
# exec/eval of strings and of code objects from compile(): namespaces, modes, return values,
# 'single' mode echo, and errors raised from executed code.
print(eval('1 + 2 * 3'), eval('[x * x for x in range(4)]'), eval('len(s)', {'s': 'abcd'}))
g = {'factor': 10}
l = {'v': 4}
print(eval('factor * v', g, l), eval('v', None, {'v': 'local only'}))
ns = {}
exec('a = 5\nb = a * 2\ndef f(x):\n    return x + b\n', ns)
print(ns['a'], ns['b'], ns['f'](1), sorted(k for k in ns if k != '__builtins__'), '__builtins__' in ns)
print(exec('1 + 1'), eval('None'))
code_expr = compile('x ** 2 + y', '<expr>', 'eval')
print(type(code_expr).__name__, code_expr.co_filename, code_expr.co_name)
print(eval(code_expr, {'x': 3, 'y': 1}), eval(code_expr, {'x': 10, 'y': 0}))
code_exec = compile('result = []\nfor i in range(n):\n    result.append(i * i)\n', 'gen.py', 'exec')
space = {'n': 5}
exec(code_exec, space)
print(space['result'], code_exec.co_filename)
single = compile('40 + 2', '<single>', 'single')
exec(single)
exec(compile('"a string"', '<s>', 'single'))
exec(compile('None', '<s>', 'single'))
exec(compile('x = 1', '<s>', 'single'), {})
glob_before = sorted(k for k in globals() if not k.startswith('__'))
exec('made_by_exec = "global"')
print(made_by_exec)
def in_function():
    loc = {}
    exec('inner = 7', globals(), loc)
    return loc['inner']
print(in_function())
for src, mode in [('1 +', 'eval'), ('x = = 1', 'exec'), ('return 5', 'exec'), ('a = 1', 'eval')]:
    try:
        compile(src, '<bad>', mode)
    except SyntaxError as e:
        print('SyntaxError from', repr(src), e.filename, e.lineno)
try:
    eval('undefined_name_xyz')
except NameError as e:
    print('NameError:', e)
try:
    exec('raise ValueError("from exec")')
except ValueError as e:
    print('ValueError:', e)
try:
    eval('1/0')
except ZeroDivisionError as e:
    print('ZeroDivisionError:', e)
print(eval(' 3 + 4 '), eval('\n5\n' .strip()), eval(b'6 * 7'), eval(compile('lambda q: q * 3', '', 'eval'))(5))
fn_code = compile('def twice(v):\n    return v * 2\n', 'defs', 'exec')
d = {}
exec(fn_code, d)
print(d['twice'](21), d['twice'].__code__.co_filename, d['twice'].__name__)
print(eval('__name__'), eval('__name__', {'__name__': 'custom'}), eval('abs(-1)', {}))
try:
    eval('abs(-1)', {'__builtins__': {}})
except NameError as e:
    print('NameError:', e)
try:
    eval(5)
except TypeError as e:
    print('TypeError:', e)
