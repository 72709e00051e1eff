x = 6 if __name__ != '__main__' else 10
