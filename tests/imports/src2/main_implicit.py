# Python 2's implicit relative imports: inside a package, `import name` first tries
# the package's own module `name`, then the absolute one (unless the module says
# `from __future__ import absolute_import`). A miss is remembered in sys.modules as None.
import sys
import rel2
from rel2 import user, absolute_user
print user.math_name(), user.helper_value(), user.leaf_name(), user.sys_name()
print absolute_user.math_name()
print rel2.math.NAME, rel2.helper.VALUE
print sorted((k, v is None) for k, v in sys.modules.items() if k.startswith('rel2'))
import math
print math.__name__, hasattr(math, 'NAME'), math.floor(2.5)
print __import__('rel2.helper').__name__, __import__('rel2.helper', {}, {}, ['VALUE']).VALUE
