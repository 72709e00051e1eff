# Recursion well within the default limit: classic recursive algorithms and mutual recursion.
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
def fib(n, memo={}):
    if n < 2:
        return n
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]
def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
def hanoi(n, src, dst, via, moves):
    if n:
        hanoi(n - 1, src, via, dst, moves)
        moves.append(src + dst)
        hanoi(n - 1, via, dst, src, moves)
    return moves
def permutations(items):
    if len(items) <= 1:
        return [items]
    out = []
    for i, x in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:]):
            out.append([x] + rest)
    return out
def flatten(x):
    if isinstance(x, list):
        return [y for item in x for y in flatten(item)]
    return [x]
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(fact(20), fact(100) % 10 ** 9, fib(90), ackermann(2, 3), ackermann(3, 3))
print(is_even(100), is_odd(77), hanoi(3, 'A', 'C', 'B', []), len(hanoi(10, 'A', 'C', 'B', [])))
print(permutations([1, 2, 3]), len(permutations(list(range(6)))))
print(flatten([1, [2, [3, [4, [5]]]], [[6]], []]))
print(depth(900))
def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)
print(gcd(1071, 462), gcd(2 ** 100, 6 ** 40))
def power_set(s):
    if not s:
        return [[]]
    rest = power_set(s[1:])
    return rest + [[s[0]] + r for r in rest]
print(power_set(['a', 'b', 'c']))
def tree_sum(node):
    return node[0] + sum(tree_sum(c) for c in node[1])
print(tree_sum((1, [(2, []), (3, [(4, []), (5, [])])])))
