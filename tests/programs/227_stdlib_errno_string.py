# errno and _string (native modules; string.py itself needs re): error numbers, format-string parsing.
import errno, _string
print(errno.ENOENT, errno.errorcode[2], errno.EAGAIN == errno.EWOULDBLOCK, errno.errorcode[errno.EAGAIN])
print(list(_string.formatter_parser('a{0}b{x!r:>5}c{{d}}e{}')))
print(_string.formatter_field_name_split('a.b[0][k]')[0], list(_string.formatter_field_name_split('a.b[0][k]')[1]))
for bad in ['{', '}', 'a{0!x y}']:
    try:
        list(_string.formatter_parser(bad))
    except ValueError as e:
        print('ValueError', e)
