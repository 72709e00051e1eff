# Assorted str methods and behaviours: iteration, join building, in-place concatenation, comparisons.
s = ''
for i in range(5):
    s += str(i) * i
print(s, len(s))
parts = []
for word in ['alpha', 'beta', 'gamma']:
    parts.append(word[0].upper() + word[1:])
print(' '.join(parts))
print(sorted('hello world'), ''.join(sorted('hello world', reverse=True)).strip())
print(sorted(['b', 'A', 'a', 'B'], key=str.lower), sorted(['b', 'A', 'a', 'B'], key=str.casefold, reverse=True))
print(list(reversed('abc')), list(enumerate('xy', 1)), list(zip('abc', 'de')))
print('abc'.__len__(), 'abc'.__contains__('b'), 'abc'.__getitem__(-1), 'a'.__add__('b'), 'ab'.__mul__(2))
print(str.upper('x'), str.join('-', 'abc'), str.__name__, type('').__name__)
print('%s' % 'x' * 3, ('%s' % 'x') * 3, 'ab' * 2 + 'c', 'ab' in 'xaby', 'ba' in 'xaby')
vowels = sum(1 for ch in 'programming language' if ch in 'aeiou')
print(vowels, {ch: 'mississippi'.count(ch) for ch in sorted(set('mississippi'))})
print('Hello'[::-1].lower() == 'olleh', 'racecar' == 'racecar'[::-1])
print(min('apple', 'banana', 'cherry', key=len), max(['a', 'bbb', 'cc'], key=len))
print('abc' < 'abcd' < 'abd', ('a', 'b') < ('a', 'c'), 'Z' < 'a', chr(ord('a') + 25))
print('x'.join(str(n) for n in range(3)), '-'.join('%02d' % n for n in (1, 2, 30)))
words = 'one two three two one two'.split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(counts, max(counts, key=counts.get))
print(str(3) + str(4.0) + str(True) + str(None), repr(str(repr('q'))))
print('abc'.index('c'), 'a-b-c'.split('-', 1)[1], 'x y'.title().swapcase())
