# Word frequencies: builds a text deterministically, splits it, counts words in a dict,
# sorts by frequency (str methods, dict get/set, sorting with a key).
# The optional argument is the number of words generated (default 2000000).
from __future__ import print_function
import sys

WORDS = int(sys.argv[1]) if len(sys.argv) > 1 else 2000000

SYLLABLES = ["ka", "lo", "mi", "ne", "su", "ta", "ri", "po", "ve", "dan", "qu", "zi"]


def make_text(count):
    seed = 12345
    words = []
    for _ in range(count):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        length = 1 + (seed >> 16) % 3
        parts = []
        s = seed
        for _ in range(length):
            parts.append(SYLLABLES[s % len(SYLLABLES)])
            s //= 7
        word = "".join(parts)
        if seed % 11 == 0:
            word = word.capitalize() + ","
        words.append(word)
    return " ".join(words)


def count_words(text):
    counts = {}
    for raw in text.split():
        word = raw.strip(",.").lower()
        counts[word] = counts.get(word, 0) + 1
    return counts


def main():
    text = make_text(WORDS)
    counts = count_words(text)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    checksum = 0
    for rank, (word, n) in enumerate(ranked):
        checksum = (checksum * 131 + n * (rank + 1) + len(word)) % 1000000007
    top = " ".join("%s=%d" % pair for pair in ranked[:5])
    sys.stdout.write("words %d distinct %d top %s checksum %d\n"
                     % (len(text.split()), len(counts), top, checksum))


main()
