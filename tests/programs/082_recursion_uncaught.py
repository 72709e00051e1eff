# expect-exit: 1
# Unbounded recursion that is never caught: the program dies with RecursionError.
def countdown(n):
    return countdown(n - 1) + 1
print('before')
print(countdown(10))
print('never printed')
