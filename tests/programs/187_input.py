# input(): prompts go to stdout, the line comes back without its newline, EOF raises EOFError.
# Stdin is tests/programs/187_input.stdin.
name = input('name? ')
print('hello', repr(name))
print(repr(input()))  # an empty line
line = input(42)      # a non-str prompt is printed with str()
print('number', int(line) * 2)
print(repr(input('spaces: ')))
words = []
while True:
    try:
        w = input()
    except EOFError as e:
        print('EOFError', repr(e.args))
        break
    words.append(w)
print(words)
try:
    input('a', 'b')
except TypeError as e:
    print('TypeError', e)
try:
    input(prompt='x')
except TypeError as e:
    print('TypeError', e)
