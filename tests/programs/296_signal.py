# min-version: 3.8
# expect-exit: -2
# _signal: handlers run on the interpreter thread at the next safe point after the
# signal, may raise; start-up dispositions; errors; an uncaught KeyboardInterrupt ends
# the process by SIGINT (3.8+).
import _signal as s

print(s.getsignal(s.SIGINT) is s.default_int_handler, s.getsignal(s.SIGPIPE),
      s.getsignal(s.SIGTERM), s.getsignal(s.SIGXFSZ), s.SIG_DFL, s.SIG_IGN, s.NSIG)
received = []


def handler(sig, frame):
    received.append(sig)
    print("handler", sig)


print(s.signal(s.SIGUSR1, handler))
print(s.getsignal(s.SIGUSR1) is handler)
s.raise_signal(s.SIGUSR1)
print("after raise", received)


def failing(sig, frame):
    raise ValueError("from handler %d" % sig)


s.signal(s.SIGUSR2, failing)
try:
    s.raise_signal(s.SIGUSR2)
    print("not reached")
except ValueError as e:
    print("ValueError", e)

s.signal(s.SIGUSR1, s.SIG_IGN)
s.raise_signal(s.SIGUSR1)
print("ignored", received)
print(s.signal(s.SIGUSR1, s.SIG_DFL) == s.SIG_IGN)

for args in ((0, s.SIG_IGN), (65, s.SIG_IGN), (s.SIGKILL, s.SIG_IGN), (2, "x"), (2,)):
    try:
        s.signal(*args)
    except (ValueError, OSError, TypeError) as e:
        print(type(e).__name__, e)
for n in (0, 65, -1):
    try:
        s.getsignal(n)
    except ValueError as e:
        print("ValueError", e)
try:
    s.default_int_handler(2, None)
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", repr(e))
print(s.strsignal(s.SIGTERM), s.strsignal(s.SIGINT), len(s.valid_signals()) > 30)
print(s.set_wakeup_fd(-1))
try:
    s.set_wakeup_fd(0)
except ValueError as e:
    print("ValueError", e)
print(sorted(n for n in dir(s) if n.startswith("SIG") and not n.startswith("SIG_"))[:5])
print("interrupting")
s.raise_signal(s.SIGINT)
print("not reached")
