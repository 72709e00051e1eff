# expect-exit: 3
# raise SystemExit(3): exit status 3, no traceback; finally blocks still run.
def main():
    print('doing work')
    try:
        raise SystemExit(3)
    finally:
        print('finally before exit')
    print('never printed')
main()
print('never printed either')
