# Unpacking assignment errors: non-iterables, wrong counts, starred targets.
def attempt(label, f):
    try:
        f()
        print(label, "-> ok")
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


def plain_non_iterable():
    a, b = 1


def starred_non_iterable():
    a, *b = 1.5


def starred_none():
    *a, b = None


def too_many():
    a, b = [1, 2, 3]


def too_few():
    a, b, c = (1,)


def starred_too_few():
    a, b, *c, d = "xy"


def generator_error():
    def gen():
        yield 1
        raise KeyError("inside")
    a, b = gen()


class Iterable:
    def __iter__(self):
        return iter(range(4))


def custom_iterable():
    a, *b, c = Iterable()
    print(a, b, c)


for name, f in [("plain_non_iterable", plain_non_iterable),
                ("starred_non_iterable", starred_non_iterable),
                ("starred_none", starred_none),
                ("too_many", too_many),
                ("too_few", too_few),
                ("starred_too_few", starred_too_few),
                ("generator_error", generator_error),
                ("custom_iterable", custom_iterable)]:
    attempt(name, f)
