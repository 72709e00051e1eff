print('circ_a: start')
A_EARLY = 'a-early'
import circ_b
A_LATE = 'a-late'
def use_b():
    return circ_b.B + '+' + circ_b.read_a()
print('circ_a: done')
