# Recursion and nested helper functions.
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print fact(10), fact(25)
def fib(n, memo={}):
    if n in memo:
        return memo[n]
    r = n if n < 2 else fib(n - 1) + fib(n - 2)
    memo[n] = r
    return r
print fib(80)
def hanoi(n, a, b, c, moves):
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append((a, c))
        hanoi(n - 1, b, a, c, moves)
    return moves
print len(hanoi(6, "A", "B", "C", [])), hanoi(2, "A", "B", "C", [])
