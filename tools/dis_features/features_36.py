"""Disassembler golden-test exercises for 3.6+: f-strings, async, annotations,
keyword-only arguments, star unpacking, matrix multiplication, nonlocal, yield from."""
import asyncio

x: int = 1


def fstrings(a, b):
    return f"{a}", f"{a!r}", f"{a!s:>10}", f"{a!a}", f"{a:{b}}", f"x{a}y{b}z"


async def coro(a, *, kw=1, **rest) -> int:
    await asyncio.sleep(0)
    async with a as b:
        pass
    async for i in a:
        print(i)
    return [i async for i in a]


async def agen():
    yield 1


def star(a, *b, c, d=2, **e):
    x, *y, z = a
    return [*a, *b], {**e}, (*a,), f(*a, *b, **e, **e), a @ b


def outer():
    v = 1

    def inner():
        nonlocal v
        v += 1
        return v
    return inner


def delegate(it):
    yield from it


class Annotated:
    field: int
    other: "str" = "x"

    def method(self, a: int, b: "K" = None) -> "R":
        return super().method()
