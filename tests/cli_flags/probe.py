# What the interpreter options and PYTHON* variables change, as a program sees it
# (tests/cli_flags.rs runs this compiled by each version with the recorded command lines).
import sys

sys.stdout.write("out 1\n")
sys.stderr.write("err\n")
print(sys.flags)
print(sys.dont_write_bytecode, sys.warnoptions, sorted(sys._xoptions.items()))
print("script dir first:", bool(sys.path) and sys.path[0].rsplit("/", 1)[-1] == "%d.%d" % sys.version_info[:2])
print("hash:", hash("abc") if sys.flags.hash_randomization == 0 or "fixed" in sys.argv else "random")
print("out 2")
