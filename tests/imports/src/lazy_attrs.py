def __getattr__(name):
    if name.startswith('dyn_'):
        return 'computed ' + name
    raise AttributeError('lazy_attrs has no ' + name)
