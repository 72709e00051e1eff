# The builtin exception hierarchy: MRO names of common exceptions, aliases, catching by base.
def mro(cls):
    return '>'.join(c.__name__ for c in cls.__mro__)
for cls in [ZeroDivisionError, OverflowError, FloatingPointError, KeyError, IndexError, UnicodeDecodeError,
            FileNotFoundError, PermissionError, TimeoutError, ConnectionResetError, BrokenPipeError,
            NotImplementedError, RecursionError, ModuleNotFoundError, UnboundLocalError, TabError,
            StopIteration, StopAsyncIteration, GeneratorExit, KeyboardInterrupt, SystemExit,
            AssertionError, AttributeError, EOFError, MemoryError, BufferError, ReferenceError,
            DeprecationWarning, UserWarning, ResourceWarning, BytesWarning]:
    print(mro(cls))
print(IOError is OSError, EnvironmentError is OSError, issubclass(BlockingIOError, OSError))
print(issubclass(KeyboardInterrupt, Exception), issubclass(GeneratorExit, Exception), issubclass(SystemExit, BaseException))
print(issubclass(StopIteration, Exception), issubclass(Warning, Exception), issubclass(UnicodeError, ValueError))
def catch(exc, *handlers):
    try:
        raise exc
    except handlers as e:
        return 'caught %s' % type(e).__name__
    except BaseException as e:
        return 'fell through: %s' % type(e).__name__
print(catch(KeyError('k'), LookupError), catch(ZeroDivisionError, ArithmeticError), catch(FileNotFoundError, OSError))
print(catch(UnicodeEncodeError('ascii', 'x', 0, 1, 'r'), ValueError), catch(SystemExit, Exception), catch(TabError, SyntaxError))
e = OSError(2, 'No such file or directory')
print(type(e).__name__, e.errno, e.strerror, str(e), e.args)
e2 = OSError(2, 'No such file', 'name.txt')
print(type(e2).__name__, e2.filename, str(e2))
print(type(OSError(13, 'denied')).__name__, type(OSError(17, 'exists')).__name__, type(OSError(99999, 'x')).__name__)
print(str(KeyError('k')), str(KeyError()), str(IndexError('i')), repr(StopIteration(3)), StopIteration(3).value)
se = SyntaxError('bad', ('file.py', 3, 5, 'x = = 1\n'))
print(se.msg, se.filename, se.lineno, se.offset, repr(se.text), str(se))
print(BaseException('a', 'b').args, str(BaseException()), repr(Exception()), repr(ValueError(1, 2)))
ue = UnicodeDecodeError('utf-8', b'\xff', 0, 1, 'invalid start byte')
print(ue.encoding, ue.object, ue.start, ue.end, ue.reason, str(ue))
print(str(SystemExit()), SystemExit().code, SystemExit(1, 2).code, SystemExit('m').code)
print(AttributeError('x').args, NameError('n').args, isinstance(RecursionError(), RuntimeError))
