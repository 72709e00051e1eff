print('circ_x: start')
from circ_y import Y
X = 'x'
