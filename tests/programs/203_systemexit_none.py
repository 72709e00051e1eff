# SystemExit() and SystemExit(None) exit with status 0; SystemExit caught is an ordinary
# exception until re-raised.
try:
    raise SystemExit(5)
except SystemExit as e:
    print('caught SystemExit with code', e.code)
try:
    raise SystemExit
except BaseException as e:
    print('bare SystemExit code:', e.code, type(e).__name__)
print('exiting cleanly')
raise SystemExit(None)
