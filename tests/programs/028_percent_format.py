# printf-style %-formatting for str (and its error messages).
print('%s %r %a' % ('x', 'x', 'é'), '%d %i %u' % (42, -7, 3), '%5d|%-5d|%05d' % (1, 2, 3))
print('%x %X %o %#x %#X %#o %+d % d' % (255, 255, 8, 255, 255, 8, 5, 5))
print('%e %E %f %F %g %G' % (12345.678, 0.000123, 3.14159, 2.5, 0.00001234, 1e20))
print('%.2f %.0f %10.3f %-10.1f| %+.1e %.3g %#.3g %g' % (3.14159, 2.5, 1.5, -1.25, 1234.5, 1.0, 1.0, 100000.0))
print('%c%c%c' % (72, 'i', 33), '%%', '100%%' % (), '%s' % ((1, 2),), '%s' % [1, 2])
print('%(name)s is %(age)d years; %(name)r' % {'name': 'Ann', 'age': 30})
print('%*d|%-*d|%.*f' % (5, 42, 4, 7, 2, 3.14159))
print('%s' % None, '%d' % True, '%.3s' % 'abcdef', '%5.1s|' % 'xyz', '%r' % 1.0, '%s' % 1e16)
print('%d' % 3.99, '%x' % -255, '%o' % -8, '%i' % 2 ** 70, '%e' % 0, '%g' % float('inf'), '%f' % float('nan'))
print('%-6s|%6s|' % ('ab', 'cd'), '%03d:%02d' % (7, 5), '%+05d' % 12, '% 05.1f' % 3.14159)
bad = [lambda: '%d' % 'x', lambda: '%s %s' % ('a',), lambda: '%s' % ('a', 'b'),
       lambda: '%(k)s' % {'x': 1}, lambda: '%z' % 1, lambda: '%c' % 'ab', lambda: '%d' % None,
       lambda: '%(a)s %s' % {'a': 1}, lambda: '%x' % 1.5]
for f in bad:
    try:
        print(f())
    except (TypeError, ValueError, KeyError) as e:
        print(type(e).__name__ + ':', e)
print(b'%s=%d %x %r' % (b'key', 5, 255, b'q'), b'%5s|' % b'ab', b'%c' % 65)
