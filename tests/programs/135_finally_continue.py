# min-version: 3.8
# continue inside finally (a SyntaxError before 3.8): it discards a pending exception/return.
def continue_discards():
    log = []
    for i in range(3):
        try:
            if i == 1:
                raise ValueError('dropped')
            if i == 2:
                return 'dropped return'
            log.append(i)
        finally:
            log.append('f%d' % i)
            continue
    return log
print(continue_discards())
def while_continue():
    n = 0
    while n < 3:
        n += 1
        try:
            raise KeyError(n)
        finally:
            continue
    return n
print(while_continue())
