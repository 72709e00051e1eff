# expect-exit: 1
# SystemExit(True) exits with status 1 (bool is an int); SystemExit(False) would be 0.
print('status from a bool')
raise SystemExit(True)
