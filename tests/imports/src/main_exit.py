import sys
print('printing before exit')
try:
    sys.exit('caught')
except SystemExit as e:
    print('SystemExit caught:', e.code)
sys.exit('exiting with a message')
