# find/rfind/index/rindex/count/startswith/endswith with ranges and tuples.
s = 'abracadabra'
print(s.find('a'), s.find('bra'), s.find('z'), s.find('a', 1), s.find('a', 1, 3), s.find(''))
print(s.rfind('a'), s.rfind('bra'), s.rfind('z'), s.rfind('a', 0, 5), s.rfind('', 3))
print(s.index('c'), s.rindex('a'), s.index('a', -4), s.find('a', -100, 100), s.find('', 20))
print(s.count('a'), s.count('bra'), s.count('z'), s.count(''), s.count('a', 3), s.count('a', 3, 8))
print('aaaa'.count('aa'), ''.count(''), 'ab'.count('', 1))
print(s.startswith('abr'), s.startswith('bra'), s.startswith('bra', 1), s.startswith(('x', 'ab')))
print(s.endswith('bra'), s.endswith('ab'), s.endswith('cad', 0, 7), s.endswith(('z', 'ra')))
print(s.startswith(''), ''.startswith(''), 'a'.endswith('', 5), s.startswith('a', 20))
for f in [lambda: s.index('z'), lambda: s.rindex('q'), lambda: s.startswith(['a']),
          lambda: s.count(1)]:
    try:
        f()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ':', e)
def positions(text, sub):
    out, i = [], text.find(sub)
    while i != -1:
        out.append(i)
        i = text.find(sub, i + 1)
    return out
print(positions(s, 'a'), positions(s, 'abra'), positions('aaaa', 'aa'))
print('é日本'.find('本'), 'x😀y'.find('y'), '😀😀'.count('😀'))
print('Hello World'.lower().count('o'), 'banana'.find('na', 3), 'banana'.rfind('na', 0, 4))
