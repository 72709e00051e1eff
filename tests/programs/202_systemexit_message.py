# expect-exit: 1
# raise SystemExit('message'): the message goes to stderr and the exit status is 1.
print('checking arguments')
raise SystemExit('fatal: configuration missing')
