print('before the failing import')
import missing_in_main
print('not reached')
