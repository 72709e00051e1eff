import sys
first = input()
second = sys.stdin.readline()
rest = [line.rstrip('\n') for line in sys.stdin]
print(repr(first), repr(second), rest)
sys.stdout.write('text then ')
sys.stdout.flush()
sys.stdout.buffer.write(b'bytes\n')
sys.stdout.buffer.flush()
print(repr(sys.stdin.readline()), sys.stdin.readlines())
sys.stdout.writelines(['a\n', 'b\n'])
try:
    sys.stdout.buffer.write('text')
except TypeError as e:
    print('TypeError:', e)
try:
    input('prompt> ')
except EOFError as e:
    print('EOFError:', e)
