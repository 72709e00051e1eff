//! Robustness: bad input never panics, never hangs, and says what is wrong and where.
//!
//! `mutations_never_panic` runs over 10,000 deterministic mutations (a seeded xorshift
//! PRNG: bit flips, byte sets, truncations at every offset, splices of two files, inserted
//! and deleted bytes, length fields set to absurd values, headers of other versions) of
//! real `.pyc` files of many versions through `load_pyc`, and `repr` of every constant of
//! whatever loads. The targeted tests below pin the exact message and offset of each kind
//! of error, and the nesting limit is tested on a thread with a 2 MiB stack.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::time::{Duration, Instant};
use xpython::pyc::{
    load_pyc, read_object, Constant, LoadError, LoadErrorKind, MarshalOptions, MAX_DEPTH,
};
use xpython::spec::CodeLayout;

/// xorshift64*: small, deterministic, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

const SEEDS: &[&str] = &[
    "corpus/2.4/02_closure.pyc",
    "corpus/2.5/02_def.pyc",
    "corpus/2.6/01_class.pyc",
    "corpus/3.0/05_unicode_literals.pyc",
    "corpus/3.3/06_frozenset.pyc",
    "corpus/3.5/02_def.pyc",
    "corpus/3.8/10_for-interim-magic-3401.pyc",
    "fixtures/2.7/consts_py2.pyc",
    "fixtures/3.6/exotic.pyc",
    "fixtures/3.7/consts_checked_hash.pyc",
    "fixtures/3.9/features_py38.pyc",
    "fixtures/3.10/features_py310.pyc",
    "fixtures/3.11/consts_py3.pyc",
    "fixtures/3.12/features_py312.pyc",
    "fixtures/3.13/consts_py3.pyc",
];

/// Magic numbers (with `\r\n`) of other versions, to read one version's body as another's.
const MAGICS: &[u16] = &[
    62061, 62131, 62211, 3131, 3180, 3230, 3310, 3379, 3394, 3413, 3439, 3495, 3531, 3571, 3627,
];

fn read_seed(rel: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/pyc")
        .join(rel);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Loads and, if that works, prints every constant: neither may panic.
fn exercise(bytes: &[u8]) -> bool {
    match load_pyc(bytes) {
        Ok(pyc) => {
            let v = pyc.version.format.major_minor;
            pyc.code.walk(&mut |code| {
                for c in code.consts.iter() {
                    let _ = c.repr(v);
                }
            });
            true
        }
        Err(e) => {
            // Every error is one line.
            assert!(!e.to_string().contains('\n'), "{e}");
            false
        }
    }
}

fn mutate(rng: &mut Rng, seeds: &[Vec<u8>], kind: usize) -> Vec<u8> {
    let a = &seeds[rng.below(seeds.len())];
    let mut b = a.clone();
    let len = b.len();
    match kind {
        0 => {
            for _ in 0..1 + rng.below(4) {
                let i = rng.below(len);
                b[i] ^= 1 << rng.below(8);
            }
        }
        1 => {
            const INTERESTING: &[u8] = b"\x00\x01\x7f\x80\xff()[]{}<>crRtsuaAzZlifgxy0NTFS.?";
            for _ in 0..1 + rng.below(3) {
                let i = rng.below(len);
                b[i] = if rng.below(2) == 0 {
                    INTERESTING[rng.below(INTERESTING.len())] | (rng.below(2) as u8) << 7
                } else {
                    rng.next() as u8
                };
            }
        }
        2 => b.truncate(rng.below(len)),
        3 => {
            let other = &seeds[rng.below(seeds.len())];
            let cut_a = rng.below(len);
            let cut_b = rng.below(other.len());
            b.truncate(cut_a);
            b.extend_from_slice(&other[cut_b..]);
        }
        4 => {
            // A length or count after a type code becomes absurd.
            let candidates: Vec<usize> = (16.min(len)..len.saturating_sub(5))
                .filter(|&i| b"su([<>aAtrRlic".contains(&(b[i] & 0x7f)))
                .collect();
            if !candidates.is_empty() {
                let i = candidates[rng.below(candidates.len())];
                let value: u32 = [0x7fff_ffff, 0x8000_0000, 0xffff_ffff, 0x0100_0000][rng.below(4)];
                b[i + 1..i + 5].copy_from_slice(&value.to_le_bytes());
            }
        }
        5 => {
            let i = rng.below(len);
            if rng.below(2) == 0 {
                let n = 1 + rng.below(8).min(len - i - 1);
                b.drain(i..i + n);
            } else {
                for _ in 0..1 + rng.below(8) {
                    b.insert(i, rng.next() as u8);
                }
            }
        }
        _ => {
            let magic = MAGICS[rng.below(MAGICS.len())];
            b[..2].copy_from_slice(&magic.to_le_bytes());
        }
    }
    b
}

#[test]
fn mutations_never_panic() {
    let seeds: Vec<Vec<u8>> = SEEDS.iter().map(|s| read_seed(s)).collect();
    for (s, bytes) in SEEDS.iter().zip(&seeds) {
        assert!(load_pyc(bytes).is_ok(), "seed {s} must load");
    }
    let start = Instant::now();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let (mut cases, mut ok) = (0usize, 0usize);
    let mut run = |bytes: &[u8], what: &dyn Fn() -> String| {
        match catch_unwind(AssertUnwindSafe(|| exercise(bytes))) {
            Ok(loaded) => ok += loaded as usize,
            Err(_) => panic!("load_pyc panicked on {}", what()),
        }
        cases += 1;
    };
    for round in 0..40_000 {
        let kind = round % 7;
        let bytes = mutate(&mut rng, &seeds, kind);
        run(&bytes, &|| format!("mutation round {round} (kind {kind})"));
    }
    // Truncation at every offset of a few small files of different eras.
    for s in [
        "corpus/2.4/02_closure.pyc",
        "corpus/3.3/06_frozenset.pyc",
        "fixtures/3.12/features_py312.pyc",
    ] {
        let bytes = read_seed(s);
        for cut in 0..bytes.len() {
            run(&bytes[..cut], &|| format!("{s} truncated at {cut}"));
        }
    }
    let elapsed = start.elapsed();
    eprintln!("{cases} mutated inputs, {ok} still loaded, in {elapsed:?}");
    assert!(cases >= 10_000);
    assert!(elapsed < Duration::from_secs(60), "took {elapsed:?}");
}

// ---------------------------------------------------------------------------- targeted

/// A 3.8 header (magic 3413, flags 0, mtime, size) followed by `body`.
fn py38(body: &[u8]) -> Vec<u8> {
    let mut b = vec![0x55, 0x0d, b'\r', b'\n'];
    b.extend_from_slice(&[0; 12]);
    b.extend_from_slice(body);
    b
}

/// A 2.7 header (magic 62211, mtime) followed by `body`.
fn py27(body: &[u8]) -> Vec<u8> {
    let mut b = vec![0x03, 0xf3, b'\r', b'\n', 0, 0, 0, 0];
    b.extend_from_slice(body);
    b
}

fn err(bytes: &[u8]) -> LoadError {
    match load_pyc(bytes) {
        Ok(_) => panic!("expected an error"),
        Err(e) => e,
    }
}

fn assert_err(bytes: &[u8], kind: LoadErrorKind, display: &str) {
    let e = err(bytes);
    assert_eq!(e.to_string(), display);
    assert_eq!(e.kind, kind, "{display}");
}

const BAD: LoadErrorKind = LoadErrorKind::BadMarshal;

#[test]
fn unknown_magic() {
    assert_err(
        b"\x34\x12\r\n\0\0\0\0c",
        LoadErrorKind::UnknownMagic,
        "unknown magic number 4660 (not a CPython .pyc?)",
    );
    assert_err(
        b"\x55\x0d\n\r\0\0\0\0",
        LoadErrorKind::UnknownMagic,
        "unknown magic number 3413: bytes 2-3 are 0x0a 0x0d, not \\r\\n (not a CPython .pyc?)",
    );
}

#[test]
fn unsupported_version_is_named() {
    let mut b = vec![0x2b, 0x0e, b'\r', b'\n'];
    b.extend_from_slice(&[0; 12]);
    assert_err(
        &b,
        LoadErrorKind::UnsupportedVersion,
        "Python 3.14 bytecode (magic 3627) is not supported; xpython runs 2.4–3.13",
    );
}

#[test]
fn truncated_header() {
    assert_err(
        b"\x55\x0d\r",
        LoadErrorKind::BadHeader,
        "truncated header: 3 bytes, but a .pyc starts with a 4-byte magic number (at byte 3)",
    );
    assert_err(
        b"\x55\x0d\r\n\0\0\0\0\0\0",
        LoadErrorKind::BadHeader,
        "truncated header: Python 3.8 .pyc headers are 16 bytes, the file has 10 (at byte 10)",
    );
    assert_err(
        b"\x55\x0d\r\n\x04\0\0\0\0\0\0\0\0\0\0\0N",
        LoadErrorKind::BadHeader,
        "invalid flags 0x4 in .pyc header (only bits 0 and 1 are defined) (at byte 4)",
    );
}

#[test]
fn truncated_marshal_data() {
    assert_err(
        &py38(b""),
        BAD,
        "marshal data too short: a type code needs 1 bytes, 0 left (at byte 16)",
    );
    assert_err(
        &py38(b"c\x01\0"),
        BAD,
        "marshal data too short: co_argcount needs 4 bytes, 2 left (at byte 17)",
    );
    assert_err(
        &py38(b"s\x05\0\0\0abc"),
        BAD,
        "marshal data too short: bytes of length 5 but only 3 bytes left (at byte 17)",
    );
    // Every prefix of a real file fails cleanly; the error is at or before the cut.
    let full = read_seed("fixtures/3.8/consts_py3.pyc");
    for cut in [17, 100, full.len() / 2, full.len() - 1] {
        let e = err(&full[..cut]);
        assert_eq!(e.kind, BAD);
        assert!(e.offset.unwrap() <= cut, "{e} for cut {cut}");
    }
}

#[test]
fn unknown_type_code() {
    assert_err(
        &py38(b"Q"),
        BAD,
        "bad marshal data (unknown type code 'Q' (0x51) for marshal version 4) (at byte 16)",
    );
    // `R` is 2.x only; `r` and flagged codes are 3.4+ only.
    assert_err(
        &py38(b"R\0\0\0\0"),
        BAD,
        "bad marshal data (unknown type code 'R' (0x52) for marshal version 4) (at byte 16)",
    );
    assert_err(
        &py27(b"r\0\0\0\0"),
        BAD,
        "bad marshal data (unknown type code 'r' (0x72) for marshal version 2) (at byte 8)",
    );
    assert_err(
        &py27(b"\xe3"),
        BAD,
        "bad marshal data (unknown type code 0xe3 for marshal version 2) (at byte 8)",
    );
}

#[test]
fn bad_refs() {
    assert_err(
        &py38(b"r\x05\0\0\0"),
        BAD,
        "bad marshal data (invalid reference 5, 0 refs so far) (at byte 17)",
    );
    assert_err(
        &py38(b"r\xff\xff\xff\xff"),
        BAD,
        "bad marshal data (invalid reference -1, 0 refs so far) (at byte 17)",
    );
    // A flagged tuple holding a ref to itself: cyclic.
    assert_err(
        &py38(b"\xa9\x01r\0\0\0\0"),
        BAD,
        "bad marshal data (ref 0 names an object still being read: cyclic data is not supported) (at byte 19)",
    );
    assert_err(
        &py27(b"R\x02\0\0\0"),
        BAD,
        "bad marshal data (string ref 2 out of range, 0 interned so far) (at byte 9)",
    );
}

#[test]
fn absurd_lengths() {
    assert_err(
        &py38(b"s\xff\xff\xff\x7f"),
        BAD,
        "marshal data too short: bytes of length 2147483647 but only 0 bytes left (at byte 17)",
    );
    assert_err(
        &py38(b"(\xff\xff\xff\x7fNNN"),
        BAD,
        "marshal data too short: tuple of length 2147483647 but only 3 bytes left (at byte 17)",
    );
    assert_err(
        &py38(b"[\xff\xff\xff\xff"),
        BAD,
        "bad marshal data (list size -1 out of range) (at byte 17)",
    );
    assert_err(
        &py38(b"l\xff\xff\xff\x7f\x01\x00"),
        BAD,
        "marshal data too short: long of 2147483647 digits but only 2 bytes left (at byte 17)",
    );
    assert_err(
        &py38(b"l\x00\x00\x00\x80"),
        BAD,
        "marshal data too short: long of 2147483648 digits but only 0 bytes left (at byte 17)",
    );
}

#[test]
fn invalid_utf8() {
    assert_err(
        &py38(b"u\x03\0\0\0a\xffb"),
        BAD,
        "bad marshal data (invalid UTF-8 in unicode string) (at byte 22)",
    );
    // A lone surrogate as CPython's surrogatepass writes it is not an error.
    let opts = MarshalOptions {
        version: 4,
        layout: CodeLayout::Py38,
    };
    let c = read_object(b"u\x03\0\0\0\xed\xb2\x80", opts).unwrap();
    assert_eq!(c.repr((3, 8)), "'\\udc80'");
}

#[test]
fn other_malformed_data() {
    assert_err(
        &py38(b"N"),
        BAD,
        "expected a code object, found None (at byte 16)",
    );
    assert_err(
        &py38(b"(\x02\0\0\0N0"),
        BAD,
        "bad marshal data (NULL object in tuple) (at byte 22)",
    );
    assert_err(
        &py38(b"l\x01\0\0\0\xff\xff"),
        BAD,
        "bad marshal data (digit out of range in long) (at byte 21)",
    );
    assert_err(
        &py27(b"f\x03abc"),
        BAD,
        "bad marshal data (invalid float literal \"abc\") (at byte 10)",
    );
    assert_err(
        &py38(b"c\xff\xff\xff\xff"),
        BAD,
        "bad marshal data (co_argcount is negative: -1) (at byte 17)",
    );
    let mut code = b"c".to_vec();
    code.extend_from_slice(&[0; 24]);
    code.extend_from_slice(b"N");
    assert_err(
        &py38(&code),
        BAD,
        "bad marshal data (co_code must be bytes, found None) (at byte 41)",
    );
}

/// `depth` tuples nested in one another around None: `)\x01` × depth, then `N`.
fn nested_tuples(depth: usize) -> Vec<u8> {
    let mut b = b")\x01".repeat(depth);
    b.push(b'N');
    b
}

/// Runs `f` on a thread with a 2 MiB stack, the default for spawned threads.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .unwrap()
        .join()
        .expect("thread panicked (stack overflow?)")
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let e = on_small_stack(|| err(&py38(&nested_tuples(100_000))));
    assert_eq!(
        e.to_string(),
        format!(
            "marshal data nested deeper than {MAX_DEPTH} levels (at byte {})",
            16 + 2 * MAX_DEPTH
        )
    );
    // Also when every level is a list with an absurd-but-fitting length.
    let mut b = b"[\x01\0\0\0".repeat(100_000);
    b.push(b'N');
    let e = on_small_stack(move || err(&py38(&b)));
    assert!(e.message.contains("nested deeper"), "{e}");
}

#[test]
fn nesting_up_to_the_limit_loads_on_a_small_stack() {
    let opts = MarshalOptions {
        version: 4,
        layout: CodeLayout::Py38,
    };
    let depth = on_small_stack(move || {
        let mut c = read_object(&nested_tuples(MAX_DEPTH - 1), opts).unwrap();
        // repr recurses as deep as the tuples nest.
        assert_eq!(c.repr((3, 8)).len(), 3 * (MAX_DEPTH - 1) + "None".len());
        let mut depth = 0;
        while let Constant::Tuple(t) = c {
            c = t[0].clone();
            depth += 1;
        }
        depth
    });
    assert_eq!(depth, MAX_DEPTH - 1);
}

/// Refs cannot build a result deeper than the limit: a 1500-deep tuple, then a
/// 1000-deep chain ending in a ref to it.
#[test]
fn nesting_through_refs_is_bounded() {
    let mut b = b")\x02\xa9\x01".to_vec(); // root (A, chain); A is flagged: ref 0
    b.extend(nested_tuples(1499));
    b.extend(b")\x01".repeat(1000));
    let ref_at = b.len() + 1;
    b.extend(b"r\0\0\0\0");
    let opts = MarshalOptions {
        version: 4,
        layout: CodeLayout::Py38,
    };
    let e = on_small_stack(move || read_object(&b, opts).unwrap_err());
    assert_eq!(
        e.to_string(),
        format!("marshal data nested deeper than {MAX_DEPTH} levels (at byte {ref_at})")
    );
}

/// `t1 = (t0, t0)`, `t2 = (t1, t1)`, ...: a few hundred bytes that would expand to 2^64
/// objects for whoever walks them.
#[test]
fn ref_bombs_are_refused() {
    let mut b = b")\x40\xa9\x02NN".to_vec();
    for k in 0u32..63 {
        b.extend(b"\xa9\x02r");
        b.extend(k.to_le_bytes());
        b.push(b'r');
        b.extend(k.to_le_bytes());
    }
    let opts = MarshalOptions {
        version: 4,
        layout: CodeLayout::Py38,
    };
    let e = read_object(&b, opts).unwrap_err();
    assert_eq!(
        e.to_string(),
        "marshal data expands to more than 1048576 objects through its refs (at byte 213)"
    );
    // Sharing as real files do it is fine: one tuple of 1000 names, referenced 1000 times.
    let mut b = b"(\xe8\x03\0\0\xa8\xe8\x03\0\0".to_vec();
    for i in 0..1000u32 {
        b.extend(format!("z\x04n{i:03}").as_bytes());
    }
    for _ in 0..999 {
        b.extend(b"r\0\0\0\0");
    }
    assert!(read_object(&b, opts).is_ok());
}

/// Code objects nested through their consts as deep as the limit allows, in every layout:
/// the code-object path of the reader has the largest frames.
#[test]
fn nested_code_objects_up_to_the_limit_load_on_a_small_stack() {
    for (layout, counts, version) in [
        (CodeLayout::Py2, 4, 2),
        (CodeLayout::Py30, 5, 4),
        (CodeLayout::Py38, 6, 4),
        (CodeLayout::Py311, 5, 4),
    ] {
        // Each level is a code object whose consts tuple holds the next: 2 depth levels.
        let levels = (MAX_DEPTH - 2) / 2;
        let text = if version == 2 {
            &b"s\x01\0\0\0f"[..]
        } else {
            &b"z\x01f"[..]
        };
        let empty_tuple = if version == 2 {
            &b"(\0\0\0\0"[..]
        } else {
            &b")\0"[..]
        };
        let mut b = Vec::new();
        for _ in 0..levels {
            b.push(b'c');
            b.extend(std::iter::repeat_n(0u8, 4 * counts));
            b.extend_from_slice(b"s\0\0\0\0"); // co_code
            b.extend_from_slice(if version == 2 {
                b"(\x01\0\0\0"
            } else {
                b")\x01"
            });
        }
        b.push(b'N'); // the innermost consts element
        let mut tail = Vec::new();
        tail.extend_from_slice(empty_tuple); // names
        let name_tuples = if layout == CodeLayout::Py311 { 1 } else { 3 };
        for _ in 0..name_tuples {
            tail.extend_from_slice(empty_tuple);
        }
        if layout == CodeLayout::Py311 {
            tail.extend_from_slice(b"s\0\0\0\0"); // localspluskinds
        }
        tail.extend_from_slice(text); // filename
        tail.extend_from_slice(text); // name
        if layout == CodeLayout::Py311 {
            tail.extend_from_slice(text); // qualname
        }
        tail.extend_from_slice(&[1, 0, 0, 0]); // firstlineno
        tail.extend_from_slice(b"s\0\0\0\0"); // line table
        if layout == CodeLayout::Py311 {
            tail.extend_from_slice(b"s\0\0\0\0"); // exception table
        }
        for _ in 0..levels {
            b.extend_from_slice(&tail);
        }
        let opts = MarshalOptions { version, layout };
        let result = on_small_stack(move || read_object(&b, opts).map(|c| c.repr((3, 8)).len()));
        assert!(result.is_ok(), "{layout:?}: {:?}", result.err());
    }
}
