def div(a, b):
    try:
        return a // b
    except ZeroDivisionError:
        return None


def gen(n):
    for i in range(n):
        yield i * i


total = 0
for v in gen(3):
    total += v
print(div(7, 2), div(1, 0), total)
