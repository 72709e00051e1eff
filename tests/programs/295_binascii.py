# binascii: hex and base64 conversions (CPython's lenient base64 reader), crc32, crc_hqx.
import binascii as b
print(b.Error.__mro__, b.Incomplete.__mro__)
print(b.hexlify(b"\x00\xffab"), b.b2a_hex(bytearray(b"xyz")), b.unhexlify("00ff"), b.a2b_hex(b"4142"))
for data in (b"", b"a", b"ab", b"abc", b"abcd", bytes(range(60))):
    print(b.b2a_base64(data), b.b2a_base64(data, newline=False) if hasattr(b, "b2a_base64") else 0)
for s in (b"YQ==", "YWI=", b"YWJj\n", b"YW Jj", b"YQ", b"YQ=", b"Y", b"YWJjZ", b"", b"!!!!", b"YQ==YQ==", b"Y=Q=", "é"):
    try:
        print(repr(s), b.a2b_base64(s))
    except Exception as e:
        print(repr(s), type(e).__name__, e)
for s in ("abc", "zz", b"0g", "é0"):
    try:
        print(b.unhexlify(s))
    except Exception as e:
        print(type(e).__name__, e)
for v in ("str", 1, None):
    try:
        print(b.hexlify(v))
    except Exception as e:
        print(type(e).__name__, e)
    try:
        print(b.b2a_base64(v))
    except Exception as e:
        print(type(e).__name__, e)
print(b.crc32(b"hello"), b.crc32(b"world", b.crc32(b"hello ")), b.crc32(b""), b.crc32(b"a", -1))
print(b.crc_hqx(b"hello", 0), b.crc_hqx(b"hello", 0xffff), b.crc_hqx(b"", 7))
try:
    print(b.hexlify(b"abcdef", "-"), b.hexlify(b"abcdef", b":", 2), b.hexlify(b"abcdef", "-", -4))
except TypeError as e:
    print("TypeError", e)
print(b.hexlify(b"abcdefg", "-", 3) if hasattr(b, "a2b_base64") and __import__("sys").version_info >= (3, 8) else "")
print([b.a2b_base64(s) for s in (b"YQ=x=", b"YWJ=j", b"YQ=YQ==", b"YW=Jj", b"YQ=!=", b"YW==Jj", b"YWJ==")])
print(b.unhexlify(bytearray(b"ABcd")), b.a2b_hex(memoryview(b"0a")))
