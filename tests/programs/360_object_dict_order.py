# The order of object's own namespace, which moved __new__ to the front in 3.10 and
# gained __getstate__ in 3.11; dir() sorts, but vars() keeps it.
print(list(vars(object)))
print([name for name in vars(object) if name.startswith('__r')])
print(list(object.__dict__).index('__init__') < list(object.__dict__).index('__new__'))
