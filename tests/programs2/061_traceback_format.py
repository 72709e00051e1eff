# expect-exit: 1
# full-stderr: yes
# An uncaught exception's whole traceback in 2.7's format.
def inner(x):
    return 10 / x
def outer():
    return inner(0)
print "start"
outer()
