# Copied as chain0, chain1, ... by tests/imports.rs: each link imports the next.
__import__('chain%d' % (int(__name__[5:]) + 1))
