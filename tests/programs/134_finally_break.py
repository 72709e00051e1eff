# break inside finally (allowed in every version): it discards a pending exception or return.
def break_discards_exception():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return 'loop ended at %d without exception' % i
print(break_discards_exception())
def break_discards_return():
    while True:
        try:
            return 'discarded'
        finally:
            break
    return 'after loop'
print(break_discards_return())
def break_in_try_runs_finally():
    log = []
    for i in range(5):
        try:
            if i == 2:
                break
            log.append(i)
        finally:
            log.append('fin%d' % i)
    return log
print(break_in_try_runs_finally())
def continue_in_try():
    log = []
    for i in range(3):
        try:
            if i == 1:
                continue
            log.append(i)
        finally:
            log.append('f')
    return log
print(continue_in_try())
def nested_loops():
    out = []
    for i in range(3):
        for j in range(3):
            try:
                if j == 1:
                    break
                out.append((i, j))
            finally:
                out.append('f%d%d' % (i, j))
    return out
print(nested_loops())
def with_else():
    for i in range(2):
        try:
            pass
        finally:
            break
    else:
        return 'else ran'
    return 'else skipped'
print(with_else())
