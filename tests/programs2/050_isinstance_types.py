# isinstance and type checks across Python 2's types.
import types
print isinstance(1, int), isinstance(1L, long), isinstance(1, long)
print isinstance("", basestring), isinstance(u"", basestring)
print isinstance([], list), isinstance((), tuple), isinstance({}, dict)
print type(None) is types.NoneType, types.StringType is str
print types.IntType, types.ListType, types.UnicodeType
print callable(len), callable(1), callable(lambda: 0)
