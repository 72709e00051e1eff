# Sorting records with keys, lambdas and itemgetter.
import operator
people = [("ann", 31), ("bob", 25), ("cid", 31), ("dee", 22)]
print sorted(people, key=lambda p: p[1])
print sorted(people, key=operator.itemgetter(1), reverse=True)
print sorted(people, key=lambda p: (-p[1], p[0]))
print max(people, key=lambda p: p[1]), min(people, key=operator.itemgetter(1))
people.sort(key=lambda p: p[0], reverse=True)
print [p[0] for p in people]
