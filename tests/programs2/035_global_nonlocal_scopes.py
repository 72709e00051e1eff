# Scopes: global statement, class scope, locals(), lambda defaults.
counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
print counter
x = "module"
class C:
    x = "class"
    y = x + "!"
    def m(self):
        return x
print C.y, C().m()
def f():
    a = 1
    b = 2
    return sorted(locals().items())
print f()
print (lambda q=4: q * 2)()
