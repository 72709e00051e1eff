# _string: the format-string parser behind str.format, as string.Formatter uses it.
import _string
cases = ["", "abc", "a{{b}}c", "{}", "{0}", "x{0!r:>{1}}y", "{a.b[c]}", "{!x}", "{:}", "{0!r}", "}}", "{{",
         "a{", "a}", "{0!}", "{0!r", "{0:", "{[}", "{a[}", "{0!rx}", "{ab{", "{0:{{}}}", "t{0}{1}end"]
for c in cases:
    try:
        print(repr(c), list(_string.formatter_parser(c)))
    except Exception as e:
        print(repr(c), type(e).__name__, e)
for c in ["", "a", "0", "a.b", "a[0]", "0.x[y][1]", "a[", "a.", ".a", "[0]", "a]b", "a..b", "a[x]y", "12a"]:
    try:
        first, rest = _string.formatter_field_name_split(c)
        print(repr(c), repr(first), list(rest))
    except Exception as e:
        print(repr(c), type(e).__name__, e)
it = _string.formatter_parser("ab{}c}")
print(next(it))
try: next(it)
except ValueError as e: print("lazy", e)
print(type(_string.formatter_parser("")).__name__, type(_string.formatter_field_name_split("a")[1]).__name__)
for bad in (1, None):
    try: _string.formatter_parser(bad)
    except TypeError as e: print(e)
    try: _string.formatter_field_name_split(bad)
    except TypeError as e: print(e)
# str.format reads field names the same way: the item is looked up before a bad suffix
# is reported.
for fmt, arg in (("{0[x]y}", {}), ("{0[x]y}", {"x": 1}), ("{0[1]}", "ab"), ("{0.real.imag}", 5)):
    try:
        print(repr(fmt), repr(fmt.format(arg)))
    except Exception as e:
        print(repr(fmt), type(e).__name__, e)
