# % formatting with unicode arguments: a %s of a unicode makes the result unicode, as
# str + unicode does; %r gives the repr (a str); the str format must then be ASCII.
print repr('%s' % u'x'), repr('%r' % u'x'), repr('[%s]' % (u'\xe9',))
print repr('%s and %s' % ('a', u'b')), repr('%d%s' % (1, u'2')), repr('%s' % 'plain')
print repr('%(k)s!' % {'k': u'v'}), repr('%(k)r!' % {'k': u'v'})
print repr(u'%s' % 'x'), repr(u'%s%s' % ('a', 'b')), repr('%5s|' % u'ab'), repr('%-4s|' % u'c')
print repr('%s' % 42), repr('%s %s' % (u'x', 3.5)), repr('abc' + u'd')
for bad in ['\xff%s', 'ok %s \x80']:
    try:
        bad % u'x'
    except UnicodeDecodeError, e:
        print 'UnicodeDecodeError:', e
try:
    '%s' % (u'x', 'y')
except TypeError, e:
    print 'TypeError:', e
s = '%s=%s' % (u'key', 'value')
print type(s).__name__, len(s), s
print type('%s' % u'').__name__, type('%c' % 65).__name__, type('%s' % (1,)).__name__
