#!/usr/bin/env python3
"""Assemble tests/py24/generator.pyc: a Python 2.4 program with a generator.

No CPython 2.4 is installed to compile one, and the shared 2.4 corpus has generators that
are never iterated, so this writes the .pyc 2.4's compiler makes for the source below,
instruction by instruction, with the opcode numbers and magic of spec/2.4.toml. What
matters is 2.4's form of `yield`: a statement, so YIELD_VALUE is followed by no POP_TOP
(the generator resumes with nothing pushed), and 2.4's JUMP_IF_FALSE, which keeps its
operand (hence the POP_TOPs on both paths).

    def squares(n):
        i = 0
        while i < n:
            yield i * i
            i = i + 1

    for x in squares(4):
        print x,
    print
    g = squares(3)
    print g.next(), g.next()
    print list(squares(5))

Its output (the same as 2.7's for this source) is tests/py24/generator.out;
tests/py24_yield.rs runs the .pyc. Usage: tools/gen_py24_generator.py (rerunning gives
identical bytes).
"""

import os
import struct
import tomllib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
with open(os.path.join(ROOT, "spec", "2.4.toml"), "rb") as f:
    SPEC = tomllib.load(f)
OPS = {name: op["num"] for name, op in SPEC["op"].items() if "num" in op}
HAVE_ARGUMENT = 90


def assemble(items):
    """Bytes of [(name, arg) or (name,) or label string]; jump args given as labels are
    resolved (relative for JUMP_IF_FALSE, SETUP_LOOP, FOR_ITER; absolute otherwise)."""
    relative = {"JUMP_IF_FALSE", "SETUP_LOOP", "FOR_ITER"}
    labels, offset = {}, 0
    for it in items:
        if isinstance(it, str):
            labels[it] = offset
        else:
            offset += 3 if OPS[it[0]] >= HAVE_ARGUMENT else 1
    out = bytearray()
    for it in items:
        if isinstance(it, str):
            continue
        num = OPS[it[0]]
        if num < HAVE_ARGUMENT:
            out.append(num)
            continue
        arg = it[1]
        if isinstance(arg, str):
            arg = labels[arg] - (len(out) + 3) if it[0] in relative else labels[arg]
        out += bytes([num]) + struct.pack("<H", arg)
    return bytes(out)


def w_str(s, code="s"):
    data = s if isinstance(s, bytes) else s.encode()
    return code.encode() + struct.pack("<i", len(data)) + data


def w_obj(v):
    if v is None:
        return b"N"
    if isinstance(v, int):
        return b"i" + struct.pack("<i", v)
    if isinstance(v, (str, bytes)):
        return w_str(v)
    if isinstance(v, tuple):
        return b"(" + struct.pack("<i", len(v)) + b"".join(w_obj(x) for x in v)
    if isinstance(v, dict):  # a code object
        return (b"c" + struct.pack("<4i", v["argcount"], v["nlocals"], v["stacksize"],
                                    v["flags"])
                + w_str(v["code"]) + w_obj(v["consts"]) + w_obj(v["names"])
                + w_obj(v["varnames"]) + w_obj(()) + w_obj(()) + w_str("generator.py")
                + w_str(v["name"]) + struct.pack("<i", v["firstlineno"])
                + w_str(v["lnotab"]))
    raise TypeError(v)


SQUARES = {
    "argcount": 1, "nlocals": 2, "stacksize": 3, "flags": 0x63,  # optimized|newlocals|generator|nofree
    "code": assemble([
        ("LOAD_CONST", 1), ("STORE_FAST", 1),
        ("SETUP_LOOP", "end"),
        "top", ("LOAD_FAST", 1), ("LOAD_FAST", 0), ("COMPARE_OP", 0),
        ("JUMP_IF_FALSE", "exit"), ("POP_TOP",),
        ("LOAD_FAST", 1), ("LOAD_FAST", 1), ("BINARY_MULTIPLY",), ("YIELD_VALUE",),
        ("LOAD_FAST", 1), ("LOAD_CONST", 2), ("BINARY_ADD",), ("STORE_FAST", 1),
        ("JUMP_ABSOLUTE", "top"),
        "exit", ("POP_TOP",), ("POP_BLOCK",),
        "end", ("LOAD_CONST", 0), ("RETURN_VALUE",),
    ]),
    "consts": (None, 0, 1), "names": (), "varnames": ("n", "i"),
    "name": "squares", "firstlineno": 1,
    # lines 2, 3, 4, 5 at offsets 0, 6, 22, 30
    "lnotab": bytes([0, 1, 6, 1, 16, 1, 8, 1]),
}

MODULE = {
    "argcount": 0, "nlocals": 0, "stacksize": 3, "flags": 0x40,
    "code": assemble([
        ("LOAD_CONST", 0), ("MAKE_FUNCTION", 0), ("STORE_NAME", 0),
        ("SETUP_LOOP", "loop_end"),
        ("LOAD_NAME", 0), ("LOAD_CONST", 1), ("CALL_FUNCTION", 1), ("GET_ITER",),
        "loop", ("FOR_ITER", "loop_done"), ("STORE_NAME", 1),
        ("LOAD_NAME", 1), ("PRINT_ITEM",), ("JUMP_ABSOLUTE", "loop"),
        "loop_done", ("POP_BLOCK",),
        "loop_end", ("PRINT_NEWLINE",),
        ("LOAD_NAME", 0), ("LOAD_CONST", 2), ("CALL_FUNCTION", 1), ("STORE_NAME", 2),
        ("LOAD_NAME", 2), ("LOAD_ATTR", 3), ("CALL_FUNCTION", 0), ("PRINT_ITEM",),
        ("LOAD_NAME", 2), ("LOAD_ATTR", 3), ("CALL_FUNCTION", 0), ("PRINT_ITEM",),
        ("PRINT_NEWLINE",),
        ("LOAD_NAME", 4), ("LOAD_NAME", 0), ("LOAD_CONST", 3), ("CALL_FUNCTION", 1),
        ("CALL_FUNCTION", 1), ("PRINT_ITEM",), ("PRINT_NEWLINE",),
        ("LOAD_CONST", 4), ("RETURN_VALUE",),
    ]),
    "consts": (SQUARES, 4, 3, 5, None), "names": ("squares", "x", "g", "next", "list"),
    "varnames": (), "name": "<module>", "firstlineno": 1,
    # lines 1, 7, 8, 9, 10, 11, 12 at offsets 0, 9, 28, 36, 37, 49, 70
    "lnotab": bytes([9, 6, 19, 1, 8, 1, 1, 1, 12, 1, 21, 1]),
}


def main():
    magic = struct.pack("<H", SPEC["version"]["magic"]) + b"\r\n"
    pyc = magic + struct.pack("<I", 1_000_000_000) + w_obj(MODULE)
    out_dir = os.path.join(ROOT, "tests", "py24")
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "generator.pyc"), "wb") as f:
        f.write(pyc)
    with open(os.path.join(out_dir, "generator.out"), "w") as f:
        f.write("0 1 4 9\n0 1\n[0, 1, 4, 9, 16]\n")


if __name__ == "__main__":
    main()
