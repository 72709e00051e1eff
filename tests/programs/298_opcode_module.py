# _opcode: stack_effect over every opcode and a range of opargs (jump and fall-through
# edges from 3.8), its errors, and 3.13's opcode classifications and name lists. The
# answers come from the spec, so this sweeps the spec's stack effects against CPython.
import _opcode
import sys

jumps = (None, True, False) if sys.version_info >= (3, 8) else (None,)
table = []
for op in range(256):
    row = []
    for oparg in (None, 0, 1, 2, 3, 7, 255, 256 + 3, 70000):
        for jump in jumps:
            try:
                if jump is None:
                    r = _opcode.stack_effect(op, oparg) if oparg is not None else _opcode.stack_effect(op)
                else:
                    r = _opcode.stack_effect(op, oparg, jump=jump) if oparg is not None else _opcode.stack_effect(op, jump=jump)
            except ValueError as e:
                r = "E" + str(e)[14:20]
            row.append(r)
    table.append((op, row))
# Print runs of identical rows compactly.
for op, row in table:
    if any(not isinstance(r, str) for r in row):
        print(op, row)
print("invalid:", [op for op, row in table if all(isinstance(r, str) for r in row)])
for args, kw in (((1, 2, 3), {}), (("x",), {}), ((1,), {"bogus": 1}), ((), {})):
    try:
        _opcode.stack_effect(*args, **kw)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(sorted(n for n in dir(_opcode) if not n.startswith("__")))
if sys.version_info >= (3, 13):
    # Over the real opcodes stack_effect knows: xpython's spec has neither the
    # specialized instructions nor the compiler's pseudo-instructions (256 on).
    known = [op for op, row in table if not all(isinstance(r, str) for r in row)]
    for name in ("is_valid", "has_arg", "has_const", "has_name", "has_jump", "has_free",
                 "has_local", "has_exc"):
        print(name, [op for op in known if getattr(_opcode, name)(op)])
    print(_opcode.get_nb_ops())
    print(_opcode.get_intrinsic1_descs())
    print(_opcode.get_intrinsic2_descs())
    print(_opcode.get_specialization_stats(), _opcode.ENABLE_SPECIALIZATION)
