# Backquotes are repr.
x = [1, "two", 3.5]
print `x`
print `"s"`, `42`, `None`, `2 ** 80`
print `u"uni"`
class R:
    def __repr__(self):
        return "<R>"
print `R()`
