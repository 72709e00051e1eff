print('compiled by another version')
