//! Golden conformance corpus: xpython must behave like the real CPython of each version.
//!
//! Two kinds of cases:
//! - `tests/golden/<program>/<X.Y>.pyc`, compiled by CPython X.Y from
//!   `tests/programs/<program>.py` by `tools/gen_golden.py`, which also recorded what that
//!   CPython did when running it: `<X.Y>.out` (stdout, compared byte for byte),
//!   `<X.Y>.status` (exit status) and, when the status is non-zero, `<X.Y>.err` (the last
//!   non-blank line of stderr, e.g. `KeyError: 'k'`), and for programs with a
//!   `# full-stderr: yes` header `<X.Y>.stderr` (the whole stderr, compared byte for byte).
//! - the same for Python 2: `tests/golden2/<program>/2.7.*` from
//!   `tests/programs2/<program>.py` by `tools/gen_golden2.py`, named `py2/<program>`.
//! - `tests/programs/shared/<X.Y>/*.pyc`, self-checking programs (they assert their own
//!   results) from real compilers; only the exit status in `tests/programs/shared/MANIFEST.tsv`
//!   is checked. Named `shared/<file stem>` in reports and in the known-failures list.
//!
//! Every case runs `xpython <pyc>` with cwd = the repository root, `PYTHONHASHSEED=0`
//! (other `PYTHON*` variables removed, as for the goldens) and a 10 s timeout.
//!
//! A program that needs a compiler at run time (`exec`/`eval`/`compile` of source text,
//! which xpython hands to a real CPython of the running version) says so: a
//! `# needs: compiler` line among the `# key: value` header lines at the top of
//! `tests/programs/<program>.py`, or `compiler` in the `needs` column of `MANIFEST.tsv`.
//! Such a pair is skipped, with a note, when xpython's bridge finds no CPython of its
//! version; its entry in the known-failures list is then neither checked nor dropped.
//! In the same way, a program that imports the pure-Python standard library says
//! `# needs: stdlib` (or `stdlib` in the `needs` column; several needs are separated by
//! commas): it is skipped, with a note, where xpython finds no stdlib of its version
//! (`xpython::bridge::stdlib::locate`).
//!
//! `tests/known_failures.txt` lists the pairs expected to fail, one per line:
//! `program version  # reason`. The test fails when an unlisted pair fails, and also when a
//! listed pair passes (remove it from the list: the list only ever shrinks honestly) or names
//! a pair that does not exist. `tools/update_known_failures.py` regenerates the list.
//!
//! Environment knobs:
//! - `XPYTHON_CONFORMANCE_JOBS=N`: parallel runs (default 2).
//! - `XPYTHON_CONFORMANCE_FILTER=text`: only cases whose `program version` contains `text`
//!   (the stale-entry check then only looks at the selected cases).
//! - `XPYTHON_CONFORMANCE_VERBOSE=1`: also print the diff summary of known failures.
//! - `XPYTHON_CONFORMANCE_WRITE=path`: instead of checking against the list, write the
//!   list of every failing pair with its reason to `path` and pass (used by the script).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::thread;
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(10);

/// Report lines go straight to stderr, past libtest's output capture, so the per-version counts
/// show even when the test passes.
macro_rules! say {
    ($($arg:tt)*) => {{
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// What a case must do.
enum Expect {
    /// Recorded from CPython: stdout, exit status, last stderr line when the status is non-zero.
    Golden {
        out: Vec<u8>,
        status: i32,
        err: Option<String>,
        /// The whole stderr, for programs with a `# full-stderr: yes` header.
        full_err: Option<Vec<u8>>,
    },
    /// Self-checking program: only the exit status matters.
    Status(i32),
}

struct Case {
    program: String,
    version: String,
    /// Relative to the repository root (it is what xpython sees as argv).
    pyc: String,
    /// A file fed to the program's stdin (`tests/programs/NAME.stdin`), else empty stdin.
    stdin: Option<PathBuf>,
    expect: Expect,
    /// The program compiles source at run time: it needs a CPython of its version.
    needs_compiler: bool,
    /// The program imports the pure-Python stdlib of its version.
    needs_stdlib: bool,
}

impl Case {
    fn key(&self) -> (String, String) {
        (self.program.clone(), self.version.clone())
    }
}

/// What xpython did.
struct Outcome {
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    /// Exit code, or None when killed by a signal or by the timeout.
    code: Option<i32>,
    signal: Option<i32>,
    timed_out: bool,
}

fn version_key(v: &str) -> (u32, u32) {
    let mut it = v.split('.').map(|p| p.parse::<u32>().unwrap_or(0));
    (it.next().unwrap_or(0), it.next().unwrap_or(0))
}

fn read_text(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

/// The `# key: value` comment lines at the top of a program (as tools/gen_golden.py reads
/// them: the header ends at the first other line).
fn headers(path: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let text = fs::read_to_string(path).unwrap_or_default();
    for line in text.lines() {
        let Some(rest) = line.strip_prefix('#') else {
            break;
        };
        let Some((key, value)) = rest.trim_start().split_once(':') else {
            break;
        };
        let value = value.trim();
        if key.is_empty()
            || !key.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
            || value.is_empty()
            || value.contains(char::is_whitespace)
        {
            break;
        }
        out.insert(key.to_string(), value.to_string());
    }
    out
}

/// The golden corpora: directory of the goldens, directory of the programs, and the prefix
/// of their pairs' names (Python 2 programs are `py2/NNN_topic`).
const CORPORA: &[(&str, &str, &str)] = &[
    ("tests/golden", "tests/programs", ""),
    ("tests/golden2", "tests/programs2", "py2/"),
];

fn collect_golden(root: &Path, cases: &mut Vec<Case>) {
    for (golden, programs, prefix) in CORPORA {
        collect_golden_in(root, golden, programs, prefix, cases);
    }
}

fn collect_golden_in(
    root: &Path,
    golden_dir: &str,
    programs_dir: &str,
    prefix: &str,
    cases: &mut Vec<Case>,
) {
    let golden = root.join(golden_dir);
    if !golden.exists() {
        return;
    }
    let mut dirs: Vec<_> = fs::read_dir(&golden)
        .unwrap_or_else(|e| panic!("reading {}: {e}", golden.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    for dir in dirs {
        let program = dir.file_name().unwrap().to_string_lossy().into_owned();
        let source = root.join(programs_dir).join(format!("{program}.py"));
        let needs = headers(&source).get("needs").cloned().unwrap_or_default();
        let needs_compiler = has_need(&needs, "compiler");
        let needs_stdlib = has_need(&needs, "stdlib");
        let mut pycs: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "pyc"))
            .collect();
        pycs.sort_by_key(|p| version_key(&p.file_stem().unwrap().to_string_lossy()));
        for pyc in pycs {
            let version = pyc.file_stem().unwrap().to_string_lossy().into_owned();
            let out = fs::read(pyc.with_extension("out"))
                .unwrap_or_else(|e| panic!("{program} {version}: missing .out ({e})"));
            let status: i32 = read_text(&pyc.with_extension("status"))
                .trim()
                .parse()
                .unwrap_or_else(|e| panic!("{program} {version}: bad .status ({e})"));
            let err_path = pyc.with_extension("err");
            let err = if status != 0 {
                Some(
                    read_text(&err_path)
                        .trim_end_matches(['\n', '\r'])
                        .to_string(),
                )
            } else {
                None
            };
            let full_err = fs::read(pyc.with_extension("stderr")).ok();
            cases.push(Case {
                program: format!("{prefix}{program}"),
                version,
                pyc: format!(
                    "{golden_dir}/{program}/{}",
                    pyc.file_name().unwrap().to_string_lossy()
                ),
                stdin: Some(root.join(format!("{programs_dir}/{program}.stdin")))
                    .filter(|p| p.exists()),
                expect: Expect::Golden {
                    out,
                    status,
                    err,
                    full_err,
                },
                needs_compiler,
                needs_stdlib,
            });
        }
    }
}

/// Whether the comma-separated `needs` value names `need`.
fn has_need(needs: &str, need: &str) -> bool {
    needs.split(',').any(|n| n.trim() == need)
}

fn collect_shared(root: &Path, cases: &mut Vec<Case>) {
    let manifest = root.join("tests/programs/shared/MANIFEST.tsv");
    if !manifest.exists() {
        return;
    }
    for (n, line) in read_text(&manifest).lines().enumerate() {
        if n == 0 || line.trim().is_empty() {
            continue; // header
        }
        let mut fields = line.split('\t');
        let file = fields.next().unwrap();
        let status: i32 = fields
            .next()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or_else(|| panic!("MANIFEST.tsv line {}: no exit status", n + 1));
        let needs = fields.nth(1).unwrap_or("");
        let needs_compiler = has_need(needs, "compiler");
        let needs_stdlib = has_need(needs, "stdlib");
        let (version, name) = file
            .split_once('/')
            .expect("MANIFEST path is <version>/<file>");
        let stem = name.strip_suffix(".pyc").unwrap_or(name);
        let rel = format!("tests/programs/shared/{file}");
        assert!(
            root.join(&rel).exists(),
            "MANIFEST.tsv names a missing file {rel}"
        );
        cases.push(Case {
            program: format!("shared/{stem}"),
            version: version.to_string(),
            pyc: rel,
            stdin: None,
            expect: Expect::Status(status),
            needs_compiler,
            needs_stdlib,
        });
    }
}

fn run(bin: &Path, root: &Path, pyc: &str, stdin: Option<&Path>) -> Outcome {
    let input = match stdin {
        Some(path) => Stdio::from(
            fs::File::open(path).unwrap_or_else(|e| panic!("opening {}: {e}", path.display())),
        ),
        None => Stdio::null(),
    };
    let mut cmd = Command::new(bin);
    cmd.arg(pyc)
        .current_dir(root)
        .stdin(input)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, _) in std::env::vars_os() {
        if k.to_string_lossy().starts_with("PYTHON") {
            cmd.env_remove(&k);
        }
    }
    cmd.env("PYTHONHASHSEED", "0")
        .env("PYTHONIOENCODING", "utf-8")
        .env("LC_ALL", "C.UTF-8");
    let mut child = cmd
        .spawn()
        .unwrap_or_else(|e| panic!("spawning {}: {e}", bin.display()));
    let mut out_pipe = child.stdout.take().unwrap();
    let mut err_pipe = child.stderr.take().unwrap();
    let out_reader = thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out_pipe.read_to_end(&mut v);
        v
    });
    let err_reader = thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err_pipe.read_to_end(&mut v);
        v
    });
    let deadline = Instant::now() + TIMEOUT;
    let mut timed_out = false;
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if Instant::now() >= deadline => {
                timed_out = true;
                let _ = child.kill();
                break child.wait().expect("waiting for a killed child");
            }
            Ok(None) => thread::sleep(Duration::from_millis(2)),
            Err(e) => panic!("waiting for xpython: {e}"),
        }
    };
    let stdout = out_reader.join().unwrap();
    let stderr = err_reader.join().unwrap();
    #[cfg(unix)]
    let signal = std::os::unix::process::ExitStatusExt::signal(&status);
    #[cfg(not(unix))]
    let signal = None;
    Outcome {
        stdout,
        stderr,
        // Death by a signal reads as Python reports it: minus the signal number.
        code: if timed_out {
            None
        } else {
            status.code().or(signal.map(|s| -s))
        },
        signal,
        timed_out,
    }
}

/// The last non-blank line, split on `\n` with a trailing `\r` dropped (as gen_golden.py does).
fn last_line(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes)
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .rfind(|l| !l.trim().is_empty())
        .unwrap_or("")
        .to_string()
}

fn clip(s: &str) -> String {
    const MAX: usize = 100;
    let s = s.replace('\t', "\\t");
    if s.chars().count() > MAX {
        format!("{}…", s.chars().take(MAX).collect::<String>())
    } else {
        s
    }
}

/// First difference between expected and actual stdout, one line.
fn stdout_diff(expected: &[u8], actual: &[u8]) -> String {
    stream_diff("stdout", expected, actual)
}

/// First difference between the expected and actual bytes of a stream, one line.
fn stream_diff(stream: &str, expected: &[u8], actual: &[u8]) -> String {
    let e = String::from_utf8_lossy(expected);
    let a = String::from_utf8_lossy(actual);
    let el: Vec<&str> = e.split_inclusive('\n').collect();
    let al: Vec<&str> = a.split_inclusive('\n').collect();
    for i in 0..el.len().max(al.len()) {
        match (el.get(i), al.get(i)) {
            (Some(x), Some(y)) if x == y => continue,
            (Some(x), Some(y)) => {
                return format!(
                    "{stream} line {}: expected {:?}, got {:?}",
                    i + 1,
                    clip(x),
                    clip(y)
                )
            }
            (Some(x), None) => {
                return format!(
                    "{stream} line {}: expected {:?}, got end of output",
                    i + 1,
                    clip(x)
                )
            }
            (None, Some(y)) => {
                return format!(
                    "{stream} line {}: expected end of output, got {:?}",
                    i + 1,
                    clip(y)
                )
            }
            (None, None) => unreachable!(),
        }
    }
    format!("{stream} differs (invalid UTF-8)")
}

fn describe_exit(o: &Outcome) -> String {
    if o.timed_out {
        format!("timed out after {} s", TIMEOUT.as_secs())
    } else if let Some(c) = o.code {
        format!("exit status {c}")
    } else if let Some(s) = o.signal {
        format!("killed by signal {s}")
    } else {
        "no exit status".to_string()
    }
}

/// None when the outcome is right, otherwise a one-line summary of the first difference.
fn check(case: &Case, o: &Outcome) -> Option<String> {
    let got_err = last_line(&o.stderr);
    let status_line = |expected: i32| {
        let mut s = format!("{}, expected {expected}", describe_exit(o));
        if !got_err.is_empty() {
            s.push_str(&format!(" (stderr: {})", clip(&got_err)));
        }
        s
    };
    match &case.expect {
        Expect::Status(status) => (o.code != Some(*status)).then(|| status_line(*status)),
        Expect::Golden {
            out,
            status,
            err,
            full_err,
        } => {
            if o.code != Some(*status) {
                if o.timed_out || o.stdout == *out || o.code.is_none() {
                    return Some(status_line(*status));
                }
                return Some(format!(
                    "{}; {}",
                    status_line(*status),
                    stdout_diff(out, &o.stdout)
                ));
            }
            if o.stdout != *out {
                return Some(stdout_diff(out, &o.stdout));
            }
            match err {
                Some(e) if *e != got_err => {
                    return Some(format!(
                        "last stderr line: expected {:?}, got {:?}",
                        clip(e),
                        clip(&got_err)
                    ))
                }
                _ => {}
            }
            match full_err {
                Some(e) if *e != o.stderr => Some(stream_diff("stderr", e, &o.stderr)),
                _ => None,
            }
        }
    }
}

/// `program version  # reason` lines.
fn read_known_failures(path: &Path) -> (BTreeMap<(String, String), String>, Vec<String>) {
    let mut map = BTreeMap::new();
    let mut problems = Vec::new();
    let text = fs::read_to_string(path).unwrap_or_default();
    for (n, raw) in text.lines().enumerate() {
        let (entry, reason) = match raw.split_once('#') {
            Some((e, r)) => (e, r.trim()),
            None => (raw, ""),
        };
        let fields: Vec<&str> = entry.split_whitespace().collect();
        match fields.as_slice() {
            [] => {}
            [program, version] => {
                let key = (program.to_string(), version.to_string());
                if map.insert(key, reason.to_string()).is_some() {
                    problems.push(format!(
                        "known_failures.txt line {}: duplicate entry {program} {version}",
                        n + 1
                    ));
                }
            }
            _ => problems.push(format!(
                "known_failures.txt line {}: expected `program version  # reason`",
                n + 1
            )),
        }
    }
    (map, problems)
}

#[test]
fn conformance() {
    let root = root();
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_xpython"));
    let mut cases = Vec::new();
    collect_golden(&root, &mut cases);
    collect_shared(&root, &mut cases);
    assert!(!cases.is_empty(), "no conformance cases found");
    let filter = std::env::var("XPYTHON_CONFORMANCE_FILTER").ok();
    if let Some(f) = &filter {
        cases.retain(|c| format!("{} {}", c.program, c.version).contains(f.as_str()));
    }
    let jobs: usize = std::env::var("XPYTHON_CONFORMANCE_JOBS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(2)
        .max(1);
    let verbose = std::env::var_os("XPYTHON_CONFORMANCE_VERBOSE").is_some();
    let write_to = std::env::var_os("XPYTHON_CONFORMANCE_WRITE").map(PathBuf::from);

    // Pairs that need a compiler (a stdlib) run only where xpython's bridge finds a CPython
    // (a stdlib) of their version.
    let mut compilers: BTreeMap<String, bool> = BTreeMap::new();
    let mut stdlibs: BTreeMap<String, bool> = BTreeMap::new();
    let mut skipped: Vec<Case> = Vec::new();
    let mut kept = Vec::new();
    for case in cases {
        if case.needs_compiler {
            let found = *compilers.entry(case.version.clone()).or_insert_with(|| {
                let (major, minor) = version_key(&case.version);
                xpython::bridge::find::interpreter(Some((major as u8, minor as u8))).is_ok()
            });
            if !found {
                say!(
                    "skipped {} {}: needs a compiler, and no CPython {} was found",
                    case.program,
                    case.version,
                    case.version
                );
                skipped.push(case);
                continue;
            }
        }
        if case.needs_stdlib {
            let found = *stdlibs.entry(case.version.clone()).or_insert_with(|| {
                let (major, minor) = version_key(&case.version);
                xpython::bridge::stdlib::locate((major as u8, minor as u8)).is_some()
            });
            if !found {
                say!(
                    "skipped {} {}: needs the standard library, and none of Python {} was found",
                    case.program,
                    case.version,
                    case.version
                );
                skipped.push(case);
                continue;
            }
        }
        kept.push(case);
    }
    let cases = kept;

    // Run every case; results[i] is the failure summary of cases[i].
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Option<String>>>> =
        Mutex::new((0..cases.len()).map(|_| None).collect());
    let started = Instant::now();
    thread::scope(|s| {
        for _ in 0..jobs {
            s.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::SeqCst);
                let Some(case) = cases.get(i) else { break };
                let outcome = run(&bin, &root, &case.pyc, case.stdin.as_deref());
                let verdict = check(case, &outcome);
                results.lock().unwrap()[i] = Some(verdict);
            });
        }
    });
    let results: Vec<Option<String>> = results
        .into_inner()
        .unwrap()
        .into_iter()
        .map(|r| r.unwrap())
        .collect();

    let (known, mut problems) = read_known_failures(&root.join("tests/known_failures.txt"));
    if let Some(path) = write_to {
        let mut text = String::from(
            "# Conformance pairs the VM is known to fail: `program version  # first difference`.\n\
             # Generated by tools/update_known_failures.py; shrink it as the VM improves.\n",
        );
        let mut failing: Vec<(&Case, &String)> = cases
            .iter()
            .zip(&results)
            .filter_map(|(c, r)| r.as_ref().map(|r| (c, r)))
            .collect();
        // A skipped pair keeps the entry it has: its outcome is unknown here.
        failing.extend(
            skipped
                .iter()
                .filter_map(|c| known.get(&c.key()).map(|r| (c, r))),
        );
        failing.sort_by(|a, b| {
            (&a.0.program, version_key(&a.0.version))
                .cmp(&(&b.0.program, version_key(&b.0.version)))
        });
        for (c, r) in &failing {
            text.push_str(&format!(
                "{} {}  # {}\n",
                c.program,
                c.version,
                r.replace('\n', " ")
            ));
        }
        fs::write(&path, text).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
        say!(
            "wrote {} failing pairs of {} to {}",
            failing.len(),
            cases.len(),
            path.display()
        );
        return;
    }

    let present: BTreeSet<(String, String)> = cases.iter().chain(&skipped).map(Case::key).collect();
    // version -> [passed, known failing, unexpected failures, newly passing, total]
    let mut counts: BTreeMap<(u32, u32), [usize; 5]> = BTreeMap::new();
    let mut unexpected = Vec::new();
    let mut now_passing = Vec::new();
    for (case, verdict) in cases.iter().zip(&results) {
        let row = counts.entry(version_key(&case.version)).or_default();
        row[4] += 1;
        let listed = known.contains_key(&case.key());
        match (verdict, listed) {
            (None, false) => row[0] += 1,
            (None, true) => {
                row[3] += 1;
                now_passing.push(format!("{} {}", case.program, case.version));
            }
            (Some(why), true) => {
                row[1] += 1;
                if verbose {
                    say!("known failure {} {}: {why}", case.program, case.version);
                }
            }
            (Some(why), false) => {
                row[2] += 1;
                unexpected.push(format!("{} {}: {why}", case.program, case.version));
            }
        }
    }
    if filter.is_none() {
        for (program, version) in known.keys() {
            if !present.contains(&(program.clone(), version.clone())) {
                problems.push(format!(
                    "known_failures.txt lists {program} {version}, which is not a case"
                ));
            }
        }
    }

    say!(
        "\nconformance: {} cases in {:.1} s ({jobs} jobs){}",
        cases.len(),
        started.elapsed().as_secs_f64(),
        match skipped.len() {
            0 => String::new(),
            n => format!("; {n} skipped for want of a compiler or stdlib"),
        }
    );
    say!(
        "{:>7} {:>7} {:>14} {:>11} {:>13} {:>6}",
        "version",
        "passed",
        "known-failing",
        "unexpected",
        "now-passing",
        "total"
    );
    let mut total = [0usize; 5];
    for ((maj, min), row) in &counts {
        say!(
            "{:>7} {:>7} {:>14} {:>11} {:>13} {:>6}",
            format!("{maj}.{min}"),
            row[0],
            row[1],
            row[2],
            row[3],
            row[4]
        );
        for k in 0..5 {
            total[k] += row[k];
        }
    }
    say!(
        "{:>7} {:>7} {:>14} {:>11} {:>13} {:>6}",
        "all",
        total[0],
        total[1],
        total[2],
        total[3],
        total[4]
    );

    if !unexpected.is_empty() {
        say!(
            "\n{} unexpected failures (not in tests/known_failures.txt):",
            unexpected.len()
        );
        for u in &unexpected {
            say!("  {u}");
        }
    }
    if !now_passing.is_empty() {
        say!(
            "\n{} pairs now pass; remove them from tests/known_failures.txt:",
            now_passing.len()
        );
        for p in &now_passing {
            say!("  {p}");
        }
    }
    for p in &problems {
        say!("{p}");
    }
    assert!(
        unexpected.is_empty() && now_passing.is_empty() && problems.is_empty(),
        "{} unexpected failures, {} known failures now passing, {} list problems (details above)",
        unexpected.len(),
        now_passing.len(),
        problems.len()
    );
}
