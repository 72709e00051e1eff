# Object allocation with method calls: small classes, __init__, attribute reads and writes,
# bound method calls, properties, inheritance and super().
# The optional argument is the number of iterations (default 1000000).
from __future__ import print_function
import sys

COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 1000000


class Vector(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vector(self.x + other.x, self.y + other.y)

    def scale(self, k):
        return Vector(self.x * k, self.y * k)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Particle(object):
    def __init__(self, position, velocity):
        self.position = position
        self.velocity = velocity
        self.steps = 0

    def step(self):
        self.position = self.position.add(self.velocity)
        self.steps += 1

    @property
    def energy(self):
        return self.velocity.dot(self.velocity)


class HeavyParticle(Particle):
    def __init__(self, position, velocity, mass):
        super(HeavyParticle, self).__init__(position, velocity)
        self.mass = mass

    def step(self):
        Particle.step(self)
        self.velocity = self.velocity.scale(1)

    @property
    def energy(self):
        return self.mass * self.velocity.dot(self.velocity)


def main():
    total = 0
    for i in range(COUNT):
        if i % 3 == 0:
            p = HeavyParticle(Vector(i, 1), Vector(1, i % 5), 3)
        else:
            p = Particle(Vector(i, 2), Vector(2, i % 7))
        p.step()
        p.step()
        total = (total + p.energy + p.position.x + p.position.y + p.steps) % 1000000007
    sys.stdout.write("objects checksum %d\n" % total)


main()
