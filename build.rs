//! Generates the opcode tables from `spec/` into OUT_DIR (see `codegen/`).
//! Set XPYTHON_CODEGEN_DIR to also write a readable copy of the generated code there.

fn main() {
    println!("cargo:rerun-if-changed=spec");
    println!("cargo:rerun-if-env-changed=XPYTHON_CODEGEN_DIR");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    if let Err(report) = xpython_codegen::generate_into("spec".as_ref(), out_dir.as_ref()) {
        eprintln!("{report}");
        std::process::exit(1);
    }
}
