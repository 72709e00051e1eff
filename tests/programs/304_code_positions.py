# min-version: 3.10
# Line tables read from Python: code.co_lines() (3.10+) and code.co_positions() (3.11+).
def f(a, b):
    x = a + b
    return (x *
            2)
c = f.__code__
print(list(c.co_lines())[:6])
import sys
if sys.version_info >= (3, 11):
    print(list(c.co_positions())[:8], len(list(c.co_positions())) == len(c.co_code) // 2)
