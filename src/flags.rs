//! The interpreter options of `python`'s command line and environment (`-B`, `-u`, `-O`,
//! `-E`, `-I`, `-s`, `-S`, `-P`, `-q`, `-b`, `-W`, `-X`; `PYTHONDONTWRITEBYTECODE`,
//! `PYTHONUNBUFFERED`, `PYTHONOPTIMIZE`, `PYTHONWARNINGS`, `PYTHONNOUSERSITE`,
//! `PYTHONSAFEPATH`, `PYTHONDEVMODE`, `PYTHONPATH`, `PYTHONHASHSEED`), resolved once per
//! process.
//!
//! The command line decides them ([`set`], after [`InterpreterFlags::with_environment`])
//! before anything runs; the bridge (whether to
//! write `__pycache__` files, the optimization level to compile with), `sys` (`sys.flags`,
//! `sys.warnoptions`, `sys._xoptions`, `sys.path`) and standard output (unbuffered or not)
//! read them with [`current`]. A program that never sets them (a test, an embedding) gets
//! what the environment says, as `python` without options would.

use crate::object::hash::HashSeed;
use std::sync::OnceLock;

/// What `python`'s options and environment variables ask of the interpreter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InterpreterFlags {
    /// `-O` (1), `-OO` (2), or `PYTHONOPTIMIZE`: the level source is compiled with.
    pub optimize: u8,
    /// `-B` or `PYTHONDONTWRITEBYTECODE`: no `__pycache__` files are written.
    pub dont_write_bytecode: bool,
    /// `-u` or `PYTHONUNBUFFERED`: standard output is written through at once.
    pub unbuffered: bool,
    /// `-E` (and `-I`): the `PYTHON*` variables are ignored.
    pub ignore_environment: bool,
    /// `-I`: isolated mode (implies `-E`, `-s` and `-P`).
    pub isolated: bool,
    /// `-s` or `PYTHONNOUSERSITE`.
    pub no_user_site: bool,
    /// `-S`: no `site` import.
    pub no_site: bool,
    /// `-P` or `PYTHONSAFEPATH`: the script's directory (or the current one) is not put
    /// first on `sys.path`.
    pub safe_path: bool,
    /// `-q`.
    pub quiet: bool,
    /// `-b` (1), `-bb` (2).
    pub bytes_warning: u8,
    /// `-X dev` or `PYTHONDEVMODE`.
    pub dev_mode: bool,
    /// `PYTHONWARNINGS` (split at commas), then each `-W` value, in order.
    pub warn_options: Vec<String>,
    /// Each `-X` value, as given (`name` or `name=value`).
    pub x_options: Vec<String>,
    /// `PYTHONPATH`'s directories, unless the environment is ignored.
    pub python_path: Vec<String>,
    /// `PYTHONHASHSEED` (the version's default when unset or ignored).
    pub hash_seed: HashSeed,
    /// `PYTHONHASHSEED`'s value when it is neither `random` nor an integer in range.
    pub bad_hash_seed: Option<String>,
}

impl InterpreterFlags {
    /// These flags (the command line's options) combined with the environment `env` (a
    /// lookup of `PYTHON*` variables), as CPython combines them: an option wins, an
    /// empty variable counts as unset, `-E`/`-I` ignore the environment.
    pub fn with_environment(self, env: impl Fn(&str) -> Option<String>) -> Self {
        let ignore_environment = self.ignore_environment || self.isolated;
        let var = |name: &str| {
            if ignore_environment {
                None
            } else {
                env(name).filter(|v| !v.is_empty())
            }
        };
        let env_level = |name: &str| var(name).map(|v| v.trim().parse::<u8>().unwrap_or(1).max(1));
        let mut warn_options: Vec<String> = var("PYTHONWARNINGS")
            .map(|w| {
                w.split(',')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        warn_options.extend(self.warn_options.iter().cloned());
        let python_path = var("PYTHONPATH")
            .map(|p| {
                std::env::split_paths(&p)
                    .map(|d| d.to_string_lossy().into_owned())
                    .filter(|d| !d.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        let seed_text = var("PYTHONHASHSEED");
        let hash_seed = seed_text.as_deref().map(HashSeed::parse);
        InterpreterFlags {
            hash_seed: hash_seed.flatten().unwrap_or(HashSeed::VersionDefault),
            bad_hash_seed: seed_text.filter(|_| matches!(hash_seed, Some(None))),
            optimize: self.optimize.max(env_level("PYTHONOPTIMIZE").unwrap_or(0)),
            dont_write_bytecode: self.dont_write_bytecode
                || var("PYTHONDONTWRITEBYTECODE").is_some(),
            unbuffered: self.unbuffered || var("PYTHONUNBUFFERED").is_some(),
            ignore_environment,
            no_user_site: self.no_user_site || self.isolated || var("PYTHONNOUSERSITE").is_some(),
            safe_path: self.safe_path || self.isolated || var("PYTHONSAFEPATH").is_some(),
            bytes_warning: self.bytes_warning.min(2),
            dev_mode: self.dev_mode
                || self.x_options.iter().any(|x| x == "dev")
                || var("PYTHONDEVMODE").is_some(),
            warn_options,
            python_path,
            ..self
        }
    }

    /// What `python` with no options would do in this process's environment.
    pub fn from_environment() -> Self {
        InterpreterFlags::default().with_environment(|name| {
            std::env::var_os(name).map(|v| v.to_string_lossy().into_owned())
        })
    }
}

static FLAGS: OnceLock<InterpreterFlags> = OnceLock::new();

/// Fixes the flags for this process (the command line does it once, before running).
/// A second call keeps the first value.
pub fn set(flags: InterpreterFlags) {
    let _ = FLAGS.set(flags);
}

/// The flags of this process: those [`set`], else the environment's.
pub fn current() -> &'static InterpreterFlags {
    FLAGS.get_or_init(InterpreterFlags::from_environment)
}

#[cfg(test)]
mod tests {
    use super::{HashSeed, InterpreterFlags};

    fn env_of(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |name| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn environment_counts_unless_ignored() {
        let env = env_of(&[
            ("PYTHONDONTWRITEBYTECODE", "1"),
            ("PYTHONUNBUFFERED", ""),
            ("PYTHONOPTIMIZE", "2"),
            ("PYTHONWARNINGS", "ignore, always"),
        ]);
        let cli = InterpreterFlags {
            warn_options: vec!["error".into()],
            ..Default::default()
        };
        let f = cli.clone().with_environment(&env);
        assert!(f.dont_write_bytecode);
        assert!(!f.unbuffered, "an empty variable counts as unset");
        assert_eq!(f.optimize, 2);
        assert_eq!(f.warn_options, ["ignore", "always", "error"]);
        let ignored = InterpreterFlags {
            ignore_environment: true,
            ..cli
        };
        let f = ignored.with_environment(&env);
        assert!(!f.dont_write_bytecode);
        assert_eq!((f.optimize, f.warn_options.len()), (0, 1));
        let isolated = InterpreterFlags {
            isolated: true,
            ..Default::default()
        };
        let f = isolated.with_environment(&env);
        assert!(f.ignore_environment && f.safe_path && f.no_user_site);
    }

    #[test]
    fn hash_seeds() {
        let seeded = |value: &'static str| {
            let pairs: &'static [(&'static str, &'static str)] =
                Box::leak(vec![("PYTHONHASHSEED", value)].into_boxed_slice());
            InterpreterFlags::default().with_environment(env_of(pairs))
        };
        assert_eq!(seeded("7").hash_seed, HashSeed::Fixed(7));
        assert_eq!(seeded("random").hash_seed, HashSeed::Random);
        let bad = seeded("-1");
        assert_eq!(
            (bad.hash_seed, bad.bad_hash_seed.as_deref()),
            (HashSeed::VersionDefault, Some("-1"))
        );
        let none = InterpreterFlags::default().with_environment(|_| None);
        assert_eq!(
            (none.hash_seed, none.bad_hash_seed),
            (HashSeed::VersionDefault, None)
        );
    }

    #[test]
    fn options_set_their_flags() {
        let cli = InterpreterFlags {
            optimize: 1,
            bytes_warning: 3,
            x_options: vec!["dev".into(), "a=b".into()],
            ..Default::default()
        };
        let f = cli.with_environment(|_| None);
        assert_eq!((f.optimize, f.bytes_warning, f.dev_mode), (1, 2, true));
    }
}
