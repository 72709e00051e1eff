# Case conversion and character-class predicates, including non-ASCII.
words = ['hello world', "they're bill's friends", 'HELLO', 'mIxEd CaSe', '3rd place',
         'ßtraße', 'élan vital', 'o\'neil mc-donald', '', 'ǆemal']
for w in words:
    print(repr(w), w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.casefold())
print('Hello'.isupper(), 'HELLO'.isupper(), 'hello'.islower(), 'Hello World'.istitle(),
      'Hello world'.istitle(), '123'.isupper(), 'A1'.isupper())
tests = ['abc', 'ABC', 'abc123', '123', '١٢٣', '½', '²', ' ', '\t\n', '', 'a b', '_x1',
         '1x', 'class', 'é', '-5', '3.4', 'Ⅻ']
for t in tests:
    print(repr(t), t.isalpha(), t.isdigit(), t.isdecimal(), t.isnumeric(), t.isalnum(),
          t.isspace(), t.isidentifier(), t.isprintable(), t.isascii() if hasattr(t, 'isascii') else None)
print('\x07'.isprintable(), '\u00a0'.isspace(), 'İ'.lower(), len('İ'.lower()), 'ﬁ'.upper())
table = str.maketrans('abc', 'xyz', 'd')
print('abcd-abcd'.translate(table), 'hello'.translate({ord('l'): 'L', ord('o'): None}))
print(str.maketrans({'a': '1', 'b': None}) == {97: '1', 98: None})
