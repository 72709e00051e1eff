"""Disassembler golden-test exercises for 3.10+: structural pattern matching."""


def matcher(command):
    match command:
        case [x, y, *rest]:
            return x, y, rest
        case {"key": value, **others}:
            return value, others
        case Point(x=0, y=yy) | Point(x=yy, y=0):
            return yy
        case str() as s if s:
            return s
        case 1 | 2 | None:
            return 0
        case _:
            return None


class Point:
    __match_args__ = ("x", "y")
