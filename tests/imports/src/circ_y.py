print('circ_y: start')
from circ_x import X
Y = 'y'
