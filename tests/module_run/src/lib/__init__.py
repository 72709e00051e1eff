print("lib init", __name__)
