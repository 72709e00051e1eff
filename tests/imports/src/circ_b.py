print('circ_b: start')
import circ_a
print('circ_b: sees', circ_a.A_EARLY, hasattr(circ_a, 'A_LATE'))
B = 'b'
def read_a():
    return circ_a.A_LATE
print('circ_b: done')
