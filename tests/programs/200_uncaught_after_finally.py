# expect-exit: 1
# finally blocks and __exit__ run (and print) before an uncaught exception ends the program.
class Guard:
    def __enter__(self):
        print('enter guard')
    def __exit__(self, *exc):
        print('exit guard, exception type:', exc[0].__name__)
def work():
    try:
        with Guard():
            print('in with block')
            raise TypeError('escapes everything')
    finally:
        print('finally in work')
try:
    work()
finally:
    print('outer finally')
