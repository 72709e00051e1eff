VALUE = 'in a namespace package'
