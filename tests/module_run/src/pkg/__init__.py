print("pkg init", __name__)
VALUE = 42
