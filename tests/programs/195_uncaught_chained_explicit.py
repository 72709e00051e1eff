# expect-exit: 1
# Uncaught exception with an explicit cause (raise ... from ...).
class ConfigError(Exception):
    pass
def load(text):
    try:
        return int(text)
    except ValueError as e:
        raise ConfigError('bad config value %r' % text) from e
print(load('12'))
load('twelve')
