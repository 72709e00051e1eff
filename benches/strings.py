# String building and formatting: %-formatting, str.format, join, slicing, replace, find.
# The optional argument is the number of records (default 800000).
from __future__ import print_function
import sys

COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 800000


def record(i):
    name = "item%05d" % i
    line = "{0}:{1:>8}|{2:.3f}|{3}".format(name, i * 7, i / 3.0, "x" * (i % 5))
    return line


def main():
    pieces = []
    checksum = 0
    for i in range(COUNT):
        line = record(i)
        upper = line.upper().replace("ITEM", "it")
        pos = upper.find("|")
        head = upper[:pos]
        pieces.append(head)
        checksum = (checksum * 33 + len(line) + pos + ord(line[-1])) % 1000000007
    joined = ",".join(pieces)
    parts = joined.split(",")
    text = "-".join(p[2:] for p in parts[::7])
    checksum = (checksum + len(joined) + len(text) + text.count("0")) % 1000000007
    sys.stdout.write("strings %d %s checksum %d\n" % (len(parts), text[-20:], checksum))


main()
