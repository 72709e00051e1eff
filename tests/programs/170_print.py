# print(): sep, end, multiple and zero arguments, str() of each argument, flush, None values.
print()
print('a', 'b', 'c')
print('a', 'b', 'c', sep='')
print('a', 'b', 'c', sep=', ')
print('no newline', end='')
print(' <- continued', end='!\n')
print('x', 'y', sep='\n')
print(1, 2.5, None, True, [1, 'two'], (3,), {'k': 'v'}, {4}, b'bytes', 1j)
print('tab', 'sep', sep='\t', end='|\n')
print(sep='ignored with no args')
print(end='only end\n')
print('flush', flush=True)
print('sep None', 'uses space', sep=None)
print('end None', end=None)
print(*range(5))
print(*'abc', sep='-')
print(*[], sep='x')
class S:
    def __str__(self):
        return 'S-str'
    def __repr__(self):
        return 'S-repr'
print(S(), [S()], (S(), S()))
print('multi\nline', 'arg')
print('', '', sep='|')
print('unicode: é ü 日本 😀')
print(*['a', 'b'], *['c'], sep='', end='\n\n')
try:
    print('x', sep=5)
except TypeError as e:
    print('TypeError:', e)
try:
    print('x', end=[])
except TypeError as e:
    print('TypeError:', e)
result = print('returns')
print(result)
