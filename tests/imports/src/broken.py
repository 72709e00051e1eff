print('broken: executing')
BEFORE = 1
raise ValueError('broken on purpose')
