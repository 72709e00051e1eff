# Sorting: sort()/sorted() with key and reverse, stability, tuples, mixed-type errors.
a = [5, 2, 9, 1, 5, 6, -3, 0]
a.sort()
print(a)
a.sort(reverse=True)
print(a)
words = ['banana', 'Apple', 'cherry', 'date', 'Elder', 'fig', 'apple']
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: (len(w), w)), sorted(words, key=lambda w: w[-1]))
people = [('ann', 31), ('bob', 25), ('cid', 31), ('dee', 25), ('eve', 40)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: -p[1]))
by_age = sorted(sorted(people, key=lambda p: p[0], reverse=True), key=lambda p: p[1])
print(by_age)
print(sorted([3, 1, 2], reverse=False), sorted('hello'), sorted((3, 1)), sorted({3: 'a', 1: 'b'}))
print(sorted([[2, 1], [1, 2], [1, 1, 1], []]), sorted([0.5, -1, 2, True, 1.5]))
print(sorted(range(10), key=lambda n: (n % 3, -n)), sorted([-4, 3, -2, 1], key=abs))
b = [3, 1, 2]
r = b.sort()
print(r, b, sorted([]), sorted([1]))
for f in [lambda: sorted([1, 'a']), lambda: [3, None].sort(), lambda: sorted([1j, 2j]),
          lambda: sorted([1], key=1), lambda: sorted([1], cmp=None)]:
    try:
        f()
    except TypeError as e:
        print('TypeError:', e)
class Rec:
    def __init__(self, k):
        self.k = k
    def __lt__(self, other):
        return self.k < other.k
    def __repr__(self):
        return 'Rec(%d)' % self.k
print(sorted([Rec(3), Rec(1), Rec(2)]), max([Rec(3), Rec(7)]), min([Rec(3), Rec(7)]))
calls = []
def key(v):
    calls.append(v)
    return -v
print(sorted([1, 2, 3], key=key), calls)
