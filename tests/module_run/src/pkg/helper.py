def double(x):
    return x * 2


print("helper", __name__, repr(__package__))
