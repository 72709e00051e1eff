# Builtin type constructors with no arguments, typical arguments, and conversions between them.
print(int(), float(), complex(), str(), bool(), bytes(), bytearray(), list(), tuple(), dict(), set(), frozenset())
print(int('7'), int(7.9), int(True), float('2.5'), float(3), complex('1+2j'), complex(1, 2), complex(2.5))
print(str(12), str(1.0), str([1]), str(b'ab'), str(b'ab', 'ascii'), str(None), bool([]), bool([0]), bool('0'))
print(bytes(3), bytes([1, 2]), bytes('é', 'utf-8'), bytes(b'x'), bytes(bytearray(b'y')), bytes(range(3)))
print(bytearray(2), bytearray([65]), bytearray('é', 'latin-1'), bytearray(b'copy'))
print(list('ab'), list((1, 2)), list({'k': 1}), list(range(3)), list(x for x in 'xy'), list({1: 2}.items()))
print(tuple('ab'), tuple([1]), tuple({3: 0}), tuple(range(2)), tuple(reversed('ab')))
print(dict([('a', 1)]), dict(a=1), dict({'b': 2}, c=3), dict(zip('xy', (1, 2))), dict([[1, 2]]), dict(((0, 'z'),)))
print(set('aab') == {'a', 'b'}, set([3, 1, 3]), set(range(4)), frozenset([2, 2, 1]), set({5: 'v'}))
print(object().__class__.__name__, type(object()) is object)
print(int(' 0x10 ', 16), int('0b11', 0), float('inf'), float('-nan') != float('nan'), complex('-1j'), complex(' 2 '))
print(str(1e16), str(-0.0), str(2 ** 64), str((1, 'a')), str({'k': [None]}))
for bad in [lambda: int([]), lambda: float([]), lambda: complex('x'), lambda: list(5), lambda: tuple(1),
            lambda: dict(5), lambda: set(1), lambda: bytes('s'), lambda: bytearray(-1), lambda: frozenset(3),
            lambda: complex('1', 2), lambda: str(b'\xff', 'utf-8')]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ':', e)
print(type(int('5')) is int, type(bool(2)).__name__, bool.__name__, int.__mro__)
