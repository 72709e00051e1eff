# min-version: 3.9
# needs: stdlib
# ast.unparse, literal_eval and get_docstring over hand-built nodes; 3.13 fills omitted
# optional fields ([] / None / Load()) where earlier versions leave them unset.
import ast
f = ast.FunctionDef(name='f', args=ast.arguments(posonlyargs=[], args=[ast.arg('x')], kwonlyargs=[], kw_defaults=[], defaults=[]),
    body=[ast.Return(ast.BinOp(ast.Name('x', ast.Load()), ast.Add(), ast.Constant(1)))], decorator_list=[], returns=None, type_params=[])
m = ast.fix_missing_locations(ast.Module(body=[f], type_ignores=[]))
print(f.lineno, f.col_offset)
print(ast.unparse(m))
print(ast.literal_eval(ast.List([ast.Constant(1), ast.Constant('a')], ast.Load())))
print(ast.dump(ast.Constant(3)), ast.FunctionDef.returns, ast.arg._attributes)
c = ast.Call(func=ast.Name('g'))
print(ast.dump(c) if hasattr(ast.Name('g'), 'ctx') else 'noctx', getattr(c, 'args', 'unset'))
print(ast.get_docstring(ast.Module(body=[ast.Expr(ast.Constant('doc'))], type_ignores=[])))
