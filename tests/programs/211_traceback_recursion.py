# expect-exit: 1
# full-stderr: yes
# Unbounded recursion: the repeated traceback lines are collapsed into
# "[Previous line repeated N more times]".
import_free = True
def down(n):
    if n > 50:
        return down_again(n)
    return down(n + 1)
def down_again(n):
    return {}[n] if n > 60 else down_again(n + 1)
down(0)
