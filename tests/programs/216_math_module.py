# The native math module: values, special cases and CPython's error messages.
import math

def show(label, f, *args):
    try:
        r = f(*args)
    except Exception as e:
        print(label, type(e).__name__ + ':', e)
        return
    if isinstance(r, float):
        print(label, '%.12g' % r)
    else:
        print(label, r)

print(math.pi, math.e, math.tau, math.inf, math.nan)
for name in ['sqrt', 'exp', 'log', 'log2', 'log10', 'log1p', 'sin', 'cos', 'tan', 'asin',
             'acos', 'atan', 'sinh', 'cosh', 'tanh', 'asinh', 'acosh', 'atanh', 'expm1',
             'fabs', 'erf', 'erfc', 'gamma', 'lgamma', 'ceil', 'floor', 'trunc',
             'degrees', 'radians', 'isnan', 'isinf', 'isfinite', 'frexp', 'modf']:
    f = getattr(math, name)
    for x in [0.5, 2, -1, 0, 1e308, float('inf'), float('nan')]:
        show(name + '(' + repr(x) + ')', f, x)
show('sqrt(str)', math.sqrt, 'x')
show('sqrt()', math.sqrt)
show('sqrt(1, 2)', math.sqrt, 1, 2)
show('atan2', math.atan2, 1, -1)
show('atan2 one arg', math.atan2, 1)
show('copysign', math.copysign, 3, -0.0)
show('fmod', math.fmod, 7, -3)
show('fmod inf', math.fmod, float('inf'), 2)
show('fmod 0', math.fmod, 1, 0)
show('pow', math.pow, 2, 0.5)
show('pow 0 -1', math.pow, 0, -1)
show('pow -8 1/3', math.pow, -8, 1 / 3)
show('pow overflow', math.pow, 10, 400)
show('pow nan 0', math.pow, float('nan'), 0)
show('ldexp', math.ldexp, 0.75, 4)
show('ldexp overflow', math.ldexp, 1.0, 5000)
show('ldexp float exp', math.ldexp, 1.0, 2.0)
show('log base', math.log, 8, 2)
show('log big int', math.log, 10 ** 400)
show('log10 big int', math.log10, 10 ** 400)
show('log 0', math.log, 0)
show('log -1 base', math.log, -1, 10)
show('log base 1', math.log, 10, 1)
show('hypot', math.hypot, 3, 4)
show('fsum', math.fsum, [0.1] * 10)
show('fsum big', math.fsum, [1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50])
show('fsum inf', math.fsum, [float('inf'), float('-inf')])
show('factorial', math.factorial, 20)
show('factorial 30', math.factorial, 30)
show('factorial -1', math.factorial, -1)
show('factorial 2.5', math.factorial, 2.5)
show('gcd', math.gcd, 12, 18)
show('gcd neg', math.gcd, -12, 18)
show('gcd float', math.gcd, 1.5, 2)
show('isclose', math.isclose, 1.0, 1.0 + 1e-10)
show('isclose abs', math.isclose, 0.0, 1e-12)
show('ceil big', math.ceil, 1e20)
show('floor -0.5', math.floor, -0.5)
show('ceil bool', math.ceil, True)
show('trunc str', math.trunc, 'x')
show('floor nan', math.floor, float('nan'))
show('ceil inf', math.ceil, float('inf'))

class Floaty:
    def __float__(self):
        return 2.25
    def __floor__(self):
        return 'floored'
show('sqrt Floaty', math.sqrt, Floaty())
show('floor Floaty', math.floor, Floaty())

if hasattr(math, 'isqrt'):
    show('isqrt', math.isqrt, 10 ** 20 + 1)
    show('isqrt -1', math.isqrt, -1)
    show('comb', math.comb, 10, 3)
    show('comb k>n', math.comb, 3, 10)
    show('comb -1', math.comb, -1, 2)
    show('perm', math.perm, 5)
    show('perm 2', math.perm, 5, 2)
    show('prod', math.prod, [1, 2, 3, 4])
    show('prod start', lambda: math.prod([2, 3], start=10))
    show('dist', math.dist, (0, 0), (3, 4))
    show('dist mismatch', math.dist, (0, 0), (3,))
    show('hypot 3d', math.hypot, 1, 2, 2)
else:
    print('no 3.8 functions')
if hasattr(math, 'lcm'):
    show('lcm', math.lcm, 4, 6, 10)
    show('gcd 3 args', math.gcd, 12, 18, 27)
    show('nextafter', math.nextafter, 1.0, 2.0)
    show('ulp', math.ulp, 1.0)
else:
    print('no 3.9 functions')
if hasattr(math, 'cbrt'):
    show('cbrt', math.cbrt, 27)
    show('exp2', math.exp2, 10)
if hasattr(math, 'sumprod'):
    show('sumprod', math.sumprod, [1, 2, 3], [4, 5, 6])
if hasattr(math, 'fma'):
    show('fma', math.fma, 2.0, 3.0, 4.0)
if hasattr(math, 'remainder'):
    show('remainder', math.remainder, 10, 3)
    show('remainder 0', math.remainder, 1, 0)
print(math.__name__, type(math).__name__, type(math.sqrt).__name__)
