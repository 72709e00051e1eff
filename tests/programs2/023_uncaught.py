# expect-exit: 1
# An uncaught exception ends the program with status 1.
def fail(n):
    if n == 0:
        raise ValueError("deep failure")
    return fail(n - 1)
print "before"
fail(3)
print "never"
