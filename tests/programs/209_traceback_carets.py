# expect-exit: 1
# full-stderr: yes
# A traceback through several frames whose failing expressions are a call, a binary
# operation between calls and a subscript: 3.11+ print indicator lines under them.
def parse(text):
    fields = text.split(',')
    return fields[0], int(fields[1])
def scale(pair, factor):
    name, value = pair
    return value * factor + len(name) / (factor - factor)
def report(rows):
    table = {row: scale(parse(row), 2) for row in rows}
    return table['a,1']
print('start')
report(['a,1', 'b,2'])
