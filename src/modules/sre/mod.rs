//! The native `_sre` module: CPython's regular expression engine under the pure-Python
//! `re` package of each version. `re`'s compiler turns a pattern into SRE code words and
//! calls `_sre.compile`; this module checks and translates those words
//! (`compile`, with the version's numbering from `constants`), runs them (`engine`,
//! `ops`) and provides the Pattern, Match, Scanner and (3.12+) template objects.

pub mod chars;
pub mod compile;
pub mod constants;
pub mod engine;
pub mod ops;
