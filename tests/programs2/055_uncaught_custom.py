# expect-exit: 1
# An uncaught custom exception's last traceback line.
class Failure(Exception):
    pass
def go():
    raise Failure("custom failure", 3)
go()
