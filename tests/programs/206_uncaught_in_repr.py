# expect-exit: 1
# An exception raised inside __repr__ while printing propagates uncaught.
class Broken:
    def __repr__(self):
        raise TypeError('repr is broken')
print('list before:', [1, 2])
print([Broken()])
