# expect-exit: 1
# An uncaught ValueError ends the program with status 1 after earlier output is flushed.
def parse(s):
    return int(s)
total = 0
for token in ['1', '2', '3']:
    total += parse(token)
print('total so far', total)
parse('not a number')
print('never printed')
