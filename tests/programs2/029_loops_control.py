# Loops: for/else, while/else, break, continue, nested try/finally in loops.
for i in range(5):
    if i == 3:
        break
else:
    print "no break"
print "broke at", i
for i in range(3):
    pass
else:
    print "for else ran"
n = 0
while n < 5:
    n += 1
    if n % 2:
        continue
    print "even", n
else:
    print "while else"
for i in range(3):
    try:
        if i == 1:
            continue
        print "body", i
    finally:
        print "finally", i
def find(seq, target):
    for i, x in enumerate(seq):
        if x == target:
            return i
    return -1
print find("hello", "l"), find("hello", "z")
