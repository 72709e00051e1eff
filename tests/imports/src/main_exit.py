import sys
print('printing before exit')
try:
    sys.exit('caught')
except SystemExit as e:
    print('SystemExit caught:', e.code)
print(repr(exit), repr(quit))
try:
    quit()
except SystemExit as e:
    print('quit:', e.code, e.args)
try:
    exit(5)
except SystemExit as e:
    print('exit:', e.code, e.args)
sys.exit('exiting with a message')
