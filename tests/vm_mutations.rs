//! Running damaged bytecode never crashes the interpreter: real programs of several
//! versions, with bytes of their code flipped, spliced or truncated, must end with a
//! Python exception or a clear error (or keep running: a mutated jump may loop forever,
//! so runs are time-limited) — never a Rust panic, an abort or a signal.

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// A small deterministic generator (xorshift), so failures reproduce.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn run(path: &Path) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_xpython"))
        .arg(path)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn xpython");
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait") {
            let mut err = String::new();
            if let Some(mut e) = child.stderr.take() {
                let _ = e.read_to_string(&mut err);
            }
            return (status.code(), err);
        }
        if start.elapsed() > Duration::from_secs(3) {
            let _ = child.kill();
            let _ = child.wait();
            return (Some(-1), String::from("timeout"));
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

#[test]
fn damaged_bytecode_never_crashes_the_vm() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sources: Vec<_> = ["3.6", "3.8", "3.10", "3.11", "3.12", "3.13"]
        .iter()
        .flat_map(|v| {
            [
                "130_while_else",
                "140_exception_hierarchy",
                "150_generator_basic",
                "090_class_basic",
            ]
            .iter()
            .map(move |p| root.join(format!("tests/golden/{p}/{v}.pyc")))
        })
        .filter(|p| p.exists())
        .collect();
    assert!(sources.len() >= 12, "fixture programs missing: {sources:?}");
    let dir = std::env::temp_dir().join(format!("xpython-vm-mutations-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut runs = 0;
    for (i, src) in sources.iter().enumerate() {
        let original = std::fs::read(src).unwrap();
        for k in 0..25 {
            let mut bytes = original.clone();
            // Leave the 16-byte header alone so the damage reaches the code.
            let body = 16..bytes.len();
            match k % 5 {
                0 | 1 => {
                    for _ in 0..1 + rng.below(4) {
                        let at = body.start + rng.below(body.len());
                        bytes[at] ^= 1 << rng.below(8);
                    }
                }
                2 => {
                    let at = body.start + rng.below(body.len());
                    bytes[at] = rng.below(256) as u8;
                }
                3 => {
                    let cut = body.start + rng.below(body.len());
                    bytes.truncate(cut);
                }
                _ => {
                    let other = std::fs::read(&sources[rng.below(sources.len())]).unwrap();
                    let at = body.start + rng.below(body.len());
                    let from = 16 + rng.below(other.len() - 16);
                    let n = rng.below(64).min(other.len() - from).min(bytes.len() - at);
                    bytes[at..at + n].copy_from_slice(&other[from..from + n]);
                }
            }
            let path = dir.join(format!("m{i}_{k}.pyc"));
            std::fs::write(&path, &bytes).unwrap();
            let (code, err) = run(&path);
            runs += 1;
            assert!(
                !err.contains("panicked") && code.is_some() && code != Some(101),
                "{} (mutation {k} of {}) crashed: status {code:?}\n{err}",
                path.display(),
                src.display()
            );
        }
    }
    std::fs::remove_dir_all(&dir).ok();
    assert!(runs >= 300);
}
