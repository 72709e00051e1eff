# expect-exit: 1
# Uncaught KeyError: the traceback's last line shows the repr of the key.
config = {'host': 'localhost', 'port': 8080}
print(config['host'], config['port'])
print(config['missing key'])
