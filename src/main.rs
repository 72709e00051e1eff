//! The `xpython` command line.

fn main() {
    let _ = xpython::spec::VERSIONS.len();
}
