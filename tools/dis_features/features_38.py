"""Disassembler golden-test exercises for 3.8+: assignment expressions, positional-only
parameters, f-string self-documenting expressions."""


def walrus(data, /, b, *, c):
    if (n := len(data)) > 10:
        return n
    return [y for x in data if (y := x + 1)], f"{n=}", f"{b=!r:>4}"
