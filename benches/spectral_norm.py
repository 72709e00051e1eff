# Spectral norm of an infinite matrix (float arithmetic, nested loops, calls).
# The optional argument is the matrix size (default 500).
from __future__ import print_function
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 500


def eval_a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def mul_av(v, n):
    out = []
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_a(i, j) * v[j]
        out.append(s)
    return out


def mul_atv(v, n):
    out = []
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_a(j, i) * v[j]
        out.append(s)
    return out


def mul_atav(v, n):
    return mul_atv(mul_av(v, n), n)


def main():
    u = [1.0] * N
    v = u
    for _ in range(10):
        v = mul_atav(u, N)
        u = mul_atav(v, N)
    vbv = 0.0
    vv = 0.0
    for ue, ve in zip(u, v):
        vbv += ue * ve
        vv += ve * ve
    sys.stdout.write("spectral norm %.9f\n" % ((vbv / vv) ** 0.5))


main()
