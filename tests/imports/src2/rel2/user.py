import math
import helper
from helper import VALUE
import sub.leaf
import sys


def math_name():
    return math.__name__


def helper_value():
    return helper.VALUE + VALUE


def leaf_name():
    return sub.__name__, sub.leaf.__name__, sub.leaf.where()


def sys_name():
    return sys.__name__
