# del: names (then NameError), list items and slices, dict keys, attributes, multiple targets,
# del in functions (UnboundLocalError), del of loop variables.
x = 1
del x
try:
    x
except NameError as e:
    print('NameError:', e)
lst = list(range(10))
del lst[0]
del lst[-1]
del lst[2:4]
del lst[::2]
print(lst)
d = {'a': 1, 'b': 2, 'c': 3}
del d['b']
print(d)
try:
    del d['zz']
except KeyError as e:
    print('KeyError:', e)
class O:
    cls_attr = 'c'
o = O()
o.inst = 'i'
del o.inst
print(hasattr(o, 'inst'))
try:
    del o.cls_attr
except AttributeError as e:
    print('AttributeError:', e)
del O.cls_attr
print(hasattr(o, 'cls_attr'))
a, b, c = 1, 2, 3
del a, b
print('c' in dir(), 'a' in dir(), c)
nested = [[1, 2], {'k': [3, 4]}]
del nested[0][0], nested[1]['k'][1]
print(nested)
def local_del():
    v = 'value'
    del v
    try:
        return v
    except UnboundLocalError as e:
        return 'UnboundLocalError: ' + str(e)
print(local_del())
for i in range(3):
    pass
del i
print('i' in globals())
try:
    del undefined_thing
except NameError as e:
    print('NameError:', e)
t = (1, 2)
try:
    del t[0]
except TypeError as e:
    print('TypeError:', e)
s = 'str'
try:
    del s[0]
except TypeError as e:
    print('TypeError:', e)
def del_global():
    global g
    del g
g = 'global'
del_global()
print('g' in globals())
(p, q) = (1, 2)
del (p, q)
print('p' in globals(), 'q' in globals())
