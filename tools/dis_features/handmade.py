"""Writes handmade.pyc: a module whose function has hand-assembled bytecode exercising
EXTENDED_ARG corner cases no compiler emits, for the disassembler golden tests.

Run by tools/dis_golden.py under each interpreter (single source, 2.7 and 3.6+):
    python handmade.py OUT.pyc

The function `crafted` gets 300 constants and this code (never executed), with P = 1
(2.x: P = 0, as 65536 constants would be needed otherwise):
    EXTENDED_ARG P; LOAD_CONST 2       -> argument 258 (2.x: 2L, a long after EXTENDED_ARG)
    EXTENDED_ARG P; NOP; LOAD_CONST 3  -> up to 3.9 dis carries the prefix over the
                                          argument-less NOP (259, 2.x 3L); from 3.10 not
    EXTENDED_ARG 0; JUMP_FORWARD 0     -> a jump whose argument follows EXTENDED_ARG
    RETURN_VALUE (so the jump lands on an instruction)
"""
import dis
import marshal
import struct
import sys
import time

VER = sys.version_info[:2]
op = dis.opmap


def instr(name, arg=None):
    n = op[name]
    if VER >= (3, 6):
        return bytes(bytearray([n, arg or 0]))
    if n >= dis.HAVE_ARGUMENT:
        return chr(n) + chr(arg & 0xff) + chr(arg >> 8)
    return chr(n)


def crafted():
    return None


def build():
    p = 1 if VER >= (3, 0) else 0
    code = b"".join([
        instr("EXTENDED_ARG", p), instr("LOAD_CONST", 2),
        instr("EXTENDED_ARG", p), instr("NOP"), instr("LOAD_CONST", 3),
        instr("EXTENDED_ARG", 0), instr("JUMP_FORWARD", 0),
        instr("RETURN_VALUE"),
    ])
    if VER >= (3, 11):
        # RESUME first, as every 3.11+ function starts.
        code = instr("RESUME", 0) + code
    co = crafted.__code__ if VER >= (3, 0) else crafted.func_code
    consts = tuple(range(300))
    if hasattr(co, "replace"):
        kw = {"co_code": code, "co_consts": consts, "co_stacksize": 4}
        if VER >= (3, 11):
            # One location entry per code unit: "no location" entries keep it valid.
            kw["co_linetable"] = b"\xf8" * (len(code) // 2)
            kw["co_exceptiontable"] = b""
        fn = co.replace(**kw)
    else:
        import types
        args = [co.co_argcount]
        if VER >= (3, 0):
            args.append(co.co_kwonlyargcount)
        args += [co.co_nlocals, 4, co.co_flags, code, consts, co.co_names,
                 co.co_varnames, co.co_filename, co.co_name, co.co_firstlineno,
                 co.co_lnotab, co.co_freevars, co.co_cellvars]
        fn = types.CodeType(*args)
    module = compile("x = 1\n", "handmade.py", "exec")
    if hasattr(module, "replace"):
        return module.replace(co_consts=module.co_consts + (fn,))
    import types
    m = module
    args = [m.co_argcount]
    if VER >= (3, 0):
        args.append(m.co_kwonlyargcount)
    args += [m.co_nlocals, m.co_stacksize, m.co_flags, m.co_code, m.co_consts + (fn,),
             m.co_names, m.co_varnames, m.co_filename, m.co_name, m.co_firstlineno,
             m.co_lnotab, m.co_freevars, m.co_cellvars]
    return types.CodeType(*args)


def main(out):
    if VER >= (3, 4):
        import importlib.util
        magic = importlib.util.MAGIC_NUMBER
    else:
        import imp
        magic = imp.get_magic()
    header = magic
    if VER >= (3, 7):
        header += struct.pack("<I", 0)
    header += struct.pack("<I", int(time.time()) & 0xffffffff)
    if VER >= (3, 3):
        header += struct.pack("<I", 0)
    f = open(out, "wb")
    try:
        f.write(header + marshal.dumps(build()))
    finally:
        f.close()


if __name__ == "__main__":
    main(sys.argv[1])
