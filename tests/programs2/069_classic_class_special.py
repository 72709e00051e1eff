# Classic classes with special methods and class-level state.
class Counter:
    instances = 0
    def __init__(self):
        Counter.instances += 1
        self.items = []
    def __len__(self):
        return len(self.items)
    def __getitem__(self, i):
        return self.items[i]
    def __contains__(self, x):
        return x in self.items
    def __str__(self):
        return "Counter(%s)" % self.items
    def add(self, x):
        self.items.append(x)
        return self
c = Counter()
c.add(1).add(2)
Counter()
print len(c), c[1], 2 in c, str(c), Counter.instances
print [x for x in c]
print isinstance(c, Counter), c.__class__ is Counter
