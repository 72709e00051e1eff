//! Damaged bytecode never panics the decoder or the disassembler: every code object of
//! the golden `.pyc` files, with bytes of its `co_code`, line table or exception table
//! flipped, dropped or appended (deterministic pseudo-random mutations), either
//! disassembles or gives an error message.

mod dis_common;

use dis_common::{pycs, version_dirs};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::rc::Rc;
use xpython::bytecode::{co_lines, co_positions, decode, parse_exception_table};
use xpython::dis::{analyse, CodeAddresses, Style, View};
use xpython::pyc::{load_pyc_file, CodeObject};
use xpython::spec::VERSIONS;

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(rng: &mut Rng, bytes: &[u8]) -> Rc<[u8]> {
    let mut v = bytes.to_vec();
    match rng.below(4) {
        0 if !v.is_empty() => {
            let i = rng.below(v.len());
            v[i] = rng.next() as u8;
        }
        1 if !v.is_empty() => {
            let n = rng.below(v.len());
            v.truncate(n);
        }
        2 => {
            for _ in 0..rng.below(6) + 1 {
                v.push(rng.next() as u8);
            }
        }
        _ => {
            for _ in 0..rng.below(4) + 1 {
                if !v.is_empty() {
                    let i = rng.below(v.len());
                    v[i] ^= 1 << rng.below(8);
                }
            }
        }
    }
    v.into()
}

#[test]
fn random_bytes_decode_without_panic() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    for spec in VERSIONS.iter() {
        for _ in 0..400 {
            let len = rng.below(64);
            let bytes: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
            let _ = decode(spec, &bytes);
            let _ = co_lines(spec, &bytes, rng.below(5000) as i32, len);
            let _ = co_positions(spec, &bytes, 1, len);
            let _ = parse_exception_table(&bytes);
        }
    }
}

#[test]
fn mutated_code_objects_never_panic() {
    let mut rng = Rng(0x1234_5678_9abc_def1);
    let mut runs = 0usize;
    let mut errors = 0usize;
    for dir in version_dirs() {
        for path in pycs(&dir).into_iter().take(30) {
            let pyc = load_pyc_file(&path).unwrap();
            let style = Style::for_version(pyc.version.format.major_minor);
            let mut codes = Vec::new();
            pyc.code.walk(&mut |c| codes.push(c.clone()));
            for code in codes {
                for _ in 0..20 {
                    let mut m: CodeObject = (*code).clone();
                    match rng.below(3) {
                        0 => m.code = mutate(&mut rng, &m.code),
                        1 => m.linetable = mutate(&mut rng, &m.linetable),
                        _ => m.exceptiontable = mutate(&mut rng, &m.exceptiontable),
                    }
                    let m = Rc::new(m);
                    let addrs = CodeAddresses::new(&m);
                    let result = catch_unwind(AssertUnwindSafe(|| {
                        analyse(pyc.version, &style, &m, &addrs, View::Text).is_ok()
                    }));
                    match result {
                        Ok(ok) => errors += usize::from(!ok),
                        Err(_) => {
                            panic!("{}: {} panicked on a mutation", path.display(), code.name)
                        }
                    }
                    runs += 1;
                }
            }
        }
    }
    assert!(runs > 1000, "{runs} runs");
    assert!(errors > 0, "no mutation was caught as an error");
}
