//! Fuzz target: any bytes through `load_pyc`, then `repr` of every constant of whatever
//! loads. Neither may panic, hang or overflow the stack.
//!
//! Run (nightly): `cargo +nightly fuzz run load_pyc -- -max_len=65536`, seeded with the
//! test files: `cp -r ../tests/data/pyc/corpus/*/ ../tests/data/pyc/fixtures/*/*.pyc corpus/load_pyc/`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(pyc) = xpython::pyc::load_pyc(data) {
        let version = pyc.version.format.major_minor;
        pyc.code.walk(&mut |code| {
            for c in code.consts.iter() {
                let _ = c.repr(version);
            }
        });
    }
});
