"""Disassembler golden-test exercises for 3.11+: exception groups and except*."""


def groups(f):
    try:
        f()
    except* ValueError as e:
        err = e
    except* (TypeError, KeyError):
        raise
    try:
        f()
    finally:
        f = None
