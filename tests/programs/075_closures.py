# Closures: captured variables, cell sharing between closures, late binding in loops.
def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    def get():
        return count
    return inc, get
inc, get = make_counter()
inc(); inc()
inc2, get2 = make_counter()
inc2()
print(get(), get2(), inc(), get())
def make_adders():
    return [lambda x: x + i for i in range(3)]
print([add(10) for add in make_adders()])
def make_adders_bound():
    return [lambda x, i=i: x + i for i in range(3)]
print([add(10) for add in make_adders_bound()])
def outer():
    x = 'outer-x'
    def middle():
        def inner():
            return x
        return inner
    return middle()()
print(outer())
def late():
    fs = []
    for n in range(3):
        def f():
            return n
        fs.append(f)
    n = 'changed'
    return [f() for f in fs]
print(late())
def cell_contents():
    a = 1
    b = [2]
    def f():
        return a, b
    return f
fn = cell_contents()
print([c.cell_contents for c in fn.__closure__], fn.__code__.co_freevars, cell_contents.__code__.co_cellvars)
print((lambda: 0).__closure__)
def multiplier(n):
    def mul(x):
        return x * n
    mul.factor = n
    return mul
double, triple = multiplier(2), multiplier(3)
print(double(5), triple(5), double.factor, [multiplier(k)(k) for k in range(5)])
def compose(*fs):
    def run(x):
        for f in reversed(fs):
            x = f(x)
        return x
    return run
print(compose(double, triple, lambda v: v + 1)(1))
def gen_closure():
    total = 0
    def acc(v):
        nonlocal total
        total += v
        return total
    return acc
acc = gen_closure()
print([acc(v) for v in [5, 10, -3]])
