# expect-exit: 1
# Uncaught exception with several args: the message is the repr of the args tuple.
print('start')
raise ValueError('first', 2, [3])
