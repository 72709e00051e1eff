# expect-exit: 1
# Uncaught exception raised as a bare class: the last line is just the class name.
print('about to fail')
raise NotImplementedError
