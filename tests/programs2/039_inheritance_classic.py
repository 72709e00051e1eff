# Classic classes: calling base methods explicitly, class attributes, __init__ chains.
class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "%s says %s" % (self.name, self.sound)
class Dog(Animal):
    sound = "woof"
    def __init__(self, name, breed):
        Animal.__init__(self, name)
        self.breed = breed
    def speak(self):
        return Animal.speak(self) + "!"
d = Dog("Rex", "lab")
print d.speak(), d.breed, d.__class__.__name__
print hasattr(d, "name"), getattr(d, "missing", "default")
print sorted(d.__dict__.items())
