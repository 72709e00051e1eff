# expect-exit: 1
# Uncaught exception of a class defined in __main__ (shown without module prefix) with a
# custom __str__.
class ValidationError(Exception):
    def __init__(self, field, problem):
        super().__init__(field, problem)
        self.field, self.problem = field, problem
    def __str__(self):
        return '%s: %s' % (self.field, self.problem)
def validate(rec):
    if rec.get('age', 0) < 0:
        raise ValidationError('age', 'must not be negative')
    return rec
print(validate({'age': 3}))
validate({'age': -1})
