from __future__ import absolute_import
import math


def math_name():
    return math.__name__, math.floor(1.5)
