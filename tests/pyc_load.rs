//! Every sample `.pyc` of every version loads: the corpus copied from real CPython 2.4–3.8
//! and 3.14 output (`tests/data/pyc/corpus/<ver>/`), and the header facts come out right.

use std::path::{Path, PathBuf};
use xpython::pyc::{load_pyc, load_pyc_file, Constant, LoadErrorKind, SourceStamp};

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/pyc")
}

fn pyc_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "pyc"))
        .collect();
    files.sort();
    files
}

/// Counts every constant, recursively, so the whole tree is touched.
fn count_constants(c: &Constant) -> usize {
    1 + match c {
        Constant::Tuple(t) | Constant::List(t) | Constant::Set(t) | Constant::FrozenSet(t) => {
            t.iter().map(count_constants).sum()
        }
        Constant::Dict(d) => d
            .iter()
            .map(|(k, v)| count_constants(k) + count_constants(v))
            .sum(),
        Constant::Code(code) => code.consts.iter().map(count_constants).sum(),
        _ => 0,
    }
}

#[test]
fn corpus_loads() {
    let corpus = data_dir().join("corpus");
    let mut versions: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    versions.sort();
    let mut loaded = 0;
    let mut failures = Vec::new();
    for dir in &versions {
        let ver = dir.file_name().unwrap().to_str().unwrap().to_string();
        for file in pyc_files(dir) {
            let result = load_pyc_file(&file);
            if ver == "3.14" {
                match result {
                    Err(e) => {
                        assert_eq!(e.kind, LoadErrorKind::UnsupportedVersion);
                        assert_eq!(
                            e.to_string(),
                            "Python 3.14 bytecode (magic 3627) is not supported; xpython runs 2.4–3.13"
                        );
                    }
                    Ok(_) => failures.push(format!("{}: 3.14 file loaded", file.display())),
                }
                continue;
            }
            match result {
                Ok(pyc) => {
                    assert_eq!(pyc.version.format.id, ver, "{}", file.display());
                    let consts: usize = pyc.code.consts.iter().map(count_constants).sum();
                    assert!(consts > 0 || !pyc.code.code.is_empty());
                    if let SourceStamp::Timestamp { size, .. } = pyc.source {
                        assert_eq!(size.is_some(), pyc.version.format.header_size > 8);
                    }
                    loaded += 1;
                }
                Err(e) => failures.push(format!("{}: {e}", file.display())),
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(loaded >= 600, "only {loaded} files loaded");
}

#[test]
fn missing_file_is_an_io_error() {
    let e = load_pyc_file(data_dir().join("no-such-file.pyc")).unwrap_err();
    assert_eq!(e.kind, LoadErrorKind::Io);
    assert!(e.to_string().starts_with("cannot read file: "), "{e}");
}

#[test]
fn header_facts() {
    let file = |rel: &str| std::fs::read(data_dir().join(rel)).unwrap();
    let pyc = load_pyc(&file("corpus/2.7/00_assign.pyc")).unwrap();
    assert_eq!((pyc.magic, pyc.flags), (62211, 0));
    assert!(matches!(
        pyc.source,
        SourceStamp::Timestamp { size: None, .. }
    ));
    let pyc = load_pyc(&file("corpus/3.6/00_assign.pyc")).unwrap();
    assert!(matches!(
        pyc.source,
        SourceStamp::Timestamp { size: Some(_), .. }
    ));
}

/// load_pyc refuses 3.14, but its marshal data (version 5, with `:` slice constants) reads
/// with the 3.11 code layout: that is how the slice type code is tested on real data.
#[test]
fn marshal_version_5_slices_read_from_3_14_files() {
    use xpython::pyc::{read_code_object, MarshalOptions};
    use xpython::spec::CodeLayout;
    let opts = MarshalOptions {
        version: 5,
        layout: CodeLayout::Py311,
    };
    let mut slices = Vec::new();
    let files = pyc_files(&data_dir().join("corpus/3.14"));
    for f in &files {
        let b = std::fs::read(f).unwrap();
        let code =
            read_code_object(&b[16..], opts).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        code.walk(&mut |c| {
            for k in c.consts.iter() {
                if let Constant::Slice(_) = k {
                    slices.push(k.repr((3, 14)));
                }
            }
        });
    }
    assert_eq!(files.len(), 104);
    assert!(
        slices.contains(&"slice(None, 6, None)".to_string()),
        "{slices:?}"
    );
}
