# needs: stdlib
# _ast's node classes built by hand: fields, attributes, constructors, ast.dump,
# walking and transforming trees (ast.parse needs a compiler to AST: not used here).
import ast

print(ast.AST._fields, ast.Name._fields, ast.Name._attributes)
print(ast.BinOp.__mro__, issubclass(ast.Add, ast.operator))
print(ast.PyCF_ONLY_AST)
n = ast.Name('x', ast.Load())
print(n.id, type(n.ctx).__name__, isinstance(n, ast.expr))
try:
    ast.Name('a', ast.Load(), 3)
except TypeError as e:
    print('TypeError', e)
b = ast.BinOp(left=ast.Name(id='a', ctx=ast.Load()), op=ast.Mult(), right=ast.Name('b', ast.Load()))
b.lineno = 1
print(b.lineno, sorted(vars(b)))
print(ast.dump(b))
print([f for f, _ in ast.iter_fields(b)])
print([type(x).__name__ for x in ast.walk(b)])

class Renamer(ast.NodeTransformer):
    def visit_Name(self, node):
        return ast.Name(id=node.id.upper(), ctx=node.ctx)

print(ast.dump(Renamer().visit(b)))

class Counter(ast.NodeVisitor):
    def __init__(self):
        self.names = []
    def visit_Name(self, node):
        self.names.append(node.id)

c = Counter()
c.visit(ast.Tuple(elts=[ast.Name('p', ast.Load()), ast.Name('q', ast.Load())], ctx=ast.Load()))
print(c.names)
mod = ast.Module(body=[ast.Expr(value=ast.Name('z', ast.Load()))], type_ignores=[])
print(len(mod.body), type(mod.body[0]).__name__)
class MyNode(ast.expr):
    _fields = ('a', 'b')
m = MyNode(a=1, b=2)
print(m.a, m.b, MyNode._attributes)
print(ast.increment_lineno(b, 2).lineno)
