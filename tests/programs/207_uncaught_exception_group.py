# min-version: 3.11
# expect-exit: 1
# full-stderr: yes
# An uncaught ExceptionGroup (printed as a tree on stderr).
def task(n):
    if n % 2:
        raise ValueError('task %d failed' % n)
    return n
results, errors = [], []
for n in range(4):
    try:
        results.append(task(n))
    except ValueError as e:
        errors.append(e)
print('results', results)
raise ExceptionGroup('some tasks failed', errors)
