# callable, repr, ascii, chr, ord, bin, oct, hex, format of integers in other bases.
print(callable(print), callable(1), callable(int), callable([].append), callable(lambda: 0), callable('s'))
print(repr(1), repr('q'), repr([1, 'a']), repr(None), repr(1.0), repr(b'x'), repr((1,)), repr({1: 'a'}))
print(ascii('é'), ascii('plain'), ascii(['ü', 'x']), ascii('\n'), ascii('日'), ascii('😀'), ascii(1))
print(chr(65), chr(97), chr(0x263A), chr(0x1F600), chr(0), repr(chr(127)), chr(0x10FFFF) == '\U0010ffff')
print(ord('A'), ord('é'), ord('日'), ord('😀'), ord('\x00'), ord(b'a'), ord(bytearray(b'z')))
for n in [0, 1, 5, -5, 255, -256, 2 ** 40, -(2 ** 70)]:
    print(n, bin(n), oct(n), hex(n))
print(format(255, 'b'), format(255, 'o'), format(255, 'x'), format(255, 'X'), format(255, '#010x'), format(-255, '#x'))
print(int(bin(1234), 2), int(oct(1234), 8), int(hex(1234), 16), int(hex(-99), 0))
class Idx:
    def __index__(self):
        return 42
print(bin(Idx()), oct(Idx()), hex(Idx()), len('x' * Idx()), list(range(50))[Idx()])
for bad in [lambda: chr(0x110000), lambda: chr(-1), lambda: chr('a'), lambda: ord('ab'), lambda: ord(5),
            lambda: bin(1.5), lambda: hex('a'), lambda: oct(None)]:
    try:
        bad()
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__ + ':', e)
print([chr(c) for c in range(ord('a'), ord('f'))], ''.join(chr(ord(c) + 1) for c in 'HAL'))
print(sum(ord(c) for c in 'checksum') % 256, hex(sum(b'abc')))
