import os
import sys


def where(p):
    return "''" if p == "" else ("cwd" if p == os.getcwd() else p)


print(__name__, repr(__package__), os.path.basename(sys.argv[0]), sys.argv[1:])
print("path0:", where(sys.path[0]))
sys.exit(len(sys.argv))
