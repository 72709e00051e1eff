# needs: compiler
# exec and eval with explicit namespaces, and compile().
def run(src):
    ns = {"base": 10}
    exec src in ns
    return ns["result"]
print run("result = base * 4")
print eval("1 + 2 * 3"), eval("x + 1", {"x": 41})
code = compile("a + b", "<expr>", "eval")
print eval(code, {"a": 1, "b": 2})
