# Python 2 does not randomize hashes unless asked (tests/cli_flags.rs).
import sys
print hash("abc"), sys.flags.hash_randomization
