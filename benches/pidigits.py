# Digits of pi with an unbounded spigot (big integer arithmetic).
# The optional argument is the number of digits (default 6500).
from __future__ import print_function
import sys

DIGITS = int(sys.argv[1]) if len(sys.argv) > 1 else 6500


def pi_digits(count):
    q, r, t, k, n, l = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < count:
        if 4 * q + r - t < n * t:
            out.append(n)
            q, r, t, k, n, l = (10 * q, 10 * (r - n * t), t, k,
                                (10 * (3 * q + r)) // t - 10 * n, l)
        else:
            q, r, t, k, n, l = (q * k, (2 * q + r) * l, t * l, k + 1,
                                (q * (7 * k + 2) + r * l) // (t * l), l + 2)
    return out


def main():
    digits = pi_digits(DIGITS)
    checksum = 0
    for d in digits:
        checksum = (checksum * 10 + d) % 1000000007
    sys.stdout.write("pidigits %s... checksum %d\n"
                     % ("".join(str(d) for d in digits[:20]), checksum))


main()
