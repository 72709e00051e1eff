"""Disassembler golden-test exercises for 3.12+: type parameters and type aliases,
super() attribute loads, comprehension inlining."""

type Alias[T] = list[T]


def generic[T: int, *Ts, **P](x: T) -> T:
    return x


class Box[T]:
    def get(self) -> T:
        return super().get()

    def inlined(self, xs):
        return [x for x in xs], {x: x for x in xs}
