# Fannkuch-redux: permutations and prefix reversals on small lists of ints.
# The problem of length 9 is solved 4 times; the optional argument sets the length.
from __future__ import print_function
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 9
REPEAT = 4


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    sign = 1
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        perm = perm1[:]
        flips = 0
        k = perm[0]
        while k:
            perm[:k + 1] = perm[k::-1]
            flips += 1
            k = perm[0]
        if flips > max_flips:
            max_flips = flips
        checksum += sign * flips
        sign = -sign
        while True:
            if r == n:
                return checksum, max_flips
            first = perm1[0]
            i = 0
            while i < r:
                perm1[i] = perm1[i + 1]
                i += 1
            perm1[r] = first
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


def main():
    checksum = flips = 0
    for i in range(REPEAT):
        c, f = fannkuch(N)
        checksum += c
        flips = max(flips, f + i)
    sys.stdout.write("fannkuch %d checksum %d max flips %d\n" % (N, checksum, flips))


main()
