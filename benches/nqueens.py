# N-queens: counts solutions by backtracking over sets (recursion, set operations).
# The optional argument is the number of times the 9x9 board is solved (default 200).
from __future__ import print_function
import sys

REPEAT = int(sys.argv[1]) if len(sys.argv) > 1 else 200
N = 9


def solve(n, row, cols, diag1, diag2, placed, solutions):
    if row == n:
        solutions.append(tuple(placed))
        return
    for col in range(n):
        if col in cols or (row + col) in diag1 or (row - col) in diag2:
            continue
        cols.add(col)
        diag1.add(row + col)
        diag2.add(row - col)
        placed.append(col)
        solve(n, row + 1, cols, diag1, diag2, placed, solutions)
        placed.pop()
        cols.remove(col)
        diag1.remove(row + col)
        diag2.remove(row - col)


def main():
    total = 0
    checksum = 0
    for _ in range(REPEAT):
        solutions = []
        solve(N, 0, set(), set(), set(), [], solutions)
        total += len(solutions)
        for s in solutions:
            for col in s:
                checksum = (checksum * 31 + col) % 1000000007
    sys.stdout.write("nqueens %d solutions %d checksum %d\n" % (N, total, checksum))


main()
