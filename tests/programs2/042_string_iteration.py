# Iterating and building strings.
s = "hello"
out = ""
for ch in s:
    out = ch + out
print out
print "".join(reversed(s)), s[::-1]
print [c.upper() for c in s]
print sorted(s), min(s), max(s)
print ord("a"), chr(98), "b" * 3
words = "the quick brown fox".split()
print " ".join(w.capitalize() for w in words)
print len(words), words.index("brown")
