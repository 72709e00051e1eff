//! Every `.pyc` of the decode corpus (`tests/data/dis/corpus/<X.Y>/`, copied from the
//! project's shared corpus: files of 2.4–3.8 from many compilers, and 3.14) decodes and
//! disassembles without an unknown opcode or any other error; 3.14 files are refused
//! by the loader as an unsupported version.

use std::path::Path;
use xpython::cli::DisFormat;
use xpython::dis::render_pyc;
use xpython::pyc::{load_pyc_file, LoadErrorKind};

#[test]
fn corpus_decodes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/dis/corpus");
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dirs.sort();
    let mut failures = Vec::new();
    let mut counts = Vec::new();
    for dir in dirs {
        let version = dir.file_name().unwrap().to_string_lossy().to_string();
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "pyc"))
            .collect();
        files.sort();
        counts.push((version.clone(), files.len()));
        for f in files {
            let shown = f.strip_prefix(&root).unwrap().display().to_string();
            match load_pyc_file(&f) {
                Ok(pyc) if version != "3.14" => {
                    assert_eq!(pyc.version.format.id, version, "{shown}: version");
                    for format in [DisFormat::Text, DisFormat::Jsonl] {
                        if let Err(e) = render_pyc(&pyc, &shown, format) {
                            failures.push(format!("{shown}: {e}"));
                        }
                    }
                }
                Ok(_) => failures.push(format!("{shown}: 3.14 file was accepted")),
                Err(e) if version == "3.14" && e.kind == LoadErrorKind::UnsupportedVersion => {}
                Err(e) => failures.push(format!("{shown}: {e}")),
            }
        }
    }
    assert!(counts.len() >= 14, "corpus versions: {counts:?}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
