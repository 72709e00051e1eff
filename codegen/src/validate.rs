//! Cross-checks of the resolved spec. Nothing is emitted until every check passes.
//!
//! Each check names the file, line, version and opcode and suggests a fix. The checks are
//! the invariants the decoder and the VM rely on: unique opcode numbers, known argument
//! kinds and handlers, one EXTENDED_ARG per version, arguments consistent with the
//! encoding, magic ranges that do not overlap, formulas that evaluate on the whole
//! argument range the bytecode can carry.

use crate::load::suggest;
use crate::model::*;
use crate::report::Report;
use std::collections::{BTreeMap, BTreeSet};

/// Every argument kind the decoder understands (see spec/README.md).
pub const ARG_KINDS: &[&str] = &[
    "none",
    "const",
    "name",
    "global",
    "attr",
    "super_attr",
    "local",
    "local_pair",
    "free",
    "jrel",
    "jback",
    "jabs",
    "compare",
    "binary_op",
    "count",
    "flags",
    "format_value",
    "convert_value",
    "func_attr",
    "intrinsic_1",
    "intrinsic_2",
    "extended_arg",
];

pub const CODE_LAYOUTS: &[&str] = &["py2", "py30", "py38", "py310", "py311"];
pub const ENCODINGS: &[&str] = &["variable", "wordcode"];
pub const JUMP_BASES: &[&str] = &["next", "after_caches"];
pub const LINETABLES: &[&str] = &["lnotab", "lnotab_signed", "linetable", "locations"];
pub const EXCEPTION_MODELS: &[&str] = &["block_stack", "table"];

/// Opargs on which every formula must evaluate without an arithmetic fault.
const SAMPLE_OPARGS: &[i64] = &[
    0,
    1,
    2,
    3,
    4,
    7,
    8,
    15,
    16,
    255,
    256,
    257,
    258,
    512,
    513,
    65535,
    65536,
    0x7fff_ffff,
];

pub fn validate(spec: &Spec, report: &mut Report) {
    let mut used_handlers: BTreeSet<&str> = BTreeSet::new();
    for v in &spec.versions {
        validate_version(v, spec, report, &mut used_handlers);
    }
    check_magic_overlaps(spec, report);
    // An opcode dropped for another error would make its handler look unused.
    let unused_is_meaningful = report.is_empty();
    for (name, h) in &spec.handlers {
        if !is_snake(name) {
            report.push(
                h.origin
                    .error(format!("handler name `{name}` is not snake_case"))
                    .hint("handler names are lower-case words joined by `_`"),
            );
        }
        if h.doc.trim().is_empty() {
            report.push(h.origin.error(format!("handler `{name}` has no doc")));
        }
        if unused_is_meaningful && !used_handlers.contains(name.as_str()) {
            report.push(
                h.origin
                    .error(format!(
                        "handler `{name}` is declared but no opcode of any version uses it"
                    ))
                    .hint("remove it from handlers.toml, or point an opcode at it"),
            );
        }
    }
}

fn is_snake(s: &str) -> bool {
    !s.is_empty()
        && s.as_bytes()[0].is_ascii_lowercase()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn one_of(value: &str, allowed: &[&str], field: &str, v: &ResolvedVersion, report: &mut Report) {
    if !allowed.contains(&value) {
        let mut e = v
            .origin
            .error(format!(
                "`{field} = \"{value}\"` is not one of {}",
                allowed.join(", ")
            ))
            .version(&v.id);
        if let Some(s) = suggest(value, allowed) {
            e = e.hint(s);
        }
        report.push(e);
    }
}

/// A superinstruction names two known handlers, and its first one never jumps in this
/// version (the pair's second instruction must be the one that follows).
fn check_superinstructions(v: &ResolvedVersion, spec: &Spec, report: &mut Report) {
    for (first, second) in &v.superinstructions {
        for h in [first, second] {
            if !spec.handlers.contains_key(h) {
                report.push(
                    v.origin
                        .error(format!("superinstruction names unknown handler `{h}`"))
                        .version(&v.id)
                        .hint("superinstructions pair handler names of handlers.toml"),
                );
            }
        }
        let jumping = v.ops.values().find(|op| {
            let runs_first = op.handler == *first
                || op.method_load.as_deref() == Some(first.as_str())
                || op.method_call.as_deref() == Some(first.as_str());
            runs_first && ["jrel", "jback", "jabs"].contains(&op.arg.as_str())
        });
        if let Some(op) = jumping {
            report.push(
                v.origin
                    .error(format!(
                        "superinstruction `{first}` + `{second}`: {} jumps, so `{first}` cannot come first",
                        op.name
                    ))
                    .version(&v.id)
                    .hint("a superinstruction's first handler must always fall through"),
            );
        }
    }
}

fn validate_version<'a>(
    v: &'a ResolvedVersion,
    spec: &'a Spec,
    report: &mut Report,
    used: &mut BTreeSet<&'a str>,
) {
    one_of(&v.code_layout, CODE_LAYOUTS, "code_layout", v, report);
    check_superinstructions(v, spec, report);
    one_of(&v.encoding, ENCODINGS, "encoding", v, report);
    one_of(&v.jump_base, JUMP_BASES, "jump_base", v, report);
    one_of(&v.linetable, LINETABLES, "linetable", v, report);
    one_of(&v.exceptions, EXCEPTION_MODELS, "exceptions", v, report);
    let (lo, hi) = v.magic_range;
    if lo > hi || !(lo..=hi).contains(&v.magic) {
        report.push(
            v.origin
                .error(format!("magic {} is not inside magic_range [{lo}, {hi}]", v.magic))
                .version(&v.id)
                .hint("magic_range lists every magic of the version, low first, the final one included"),
        );
    }
    if ![8, 12, 16].contains(&v.header_size) {
        report.push(
            v.origin
                .error(format!("header_size {} is not 8, 12 or 16", v.header_size))
                .version(&v.id),
        );
    }
    if !(1..=5).contains(&v.marshal_version) {
        report.push(
            v.origin
                .error(format!("marshal_version {} is not 1-5", v.marshal_version))
                .version(&v.id),
        );
    }
    let expected_shift = if v.encoding == "wordcode" { 8 } else { 16 };
    if v.extended_arg_shift != expected_shift {
        report.push(
            v.origin
                .error(format!(
                    "extended_arg_shift {} does not match the {} encoding",
                    v.extended_arg_shift, v.encoding
                ))
                .version(&v.id)
                .hint(format!("use extended_arg_shift = {expected_shift}")),
        );
    }
    if ![1, 2].contains(&v.jump_unit) {
        report.push(
            v.origin
                .error(format!("jump_unit {} is not 1 or 2", v.jump_unit))
                .version(&v.id),
        );
    }

    let mut by_num: BTreeMap<u8, &ResolvedOp> = BTreeMap::new();
    let mut extended = Vec::new();
    for op in v.ops.values() {
        let err = |msg: String| op.origin.error(msg).version(&v.id).opcode(&op.name);
        if let Some(other) = by_num.insert(op.num, op) {
            report.push(
                err(format!("number {} is also used by {}", op.num, other.name))
                    .hint("renumber one of them, or remove the one this version no longer has (`removed = true`)"),
            );
        }
        if !op
            .name
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_' || b == b'+')
        {
            report.push(err(
                "opcode names are upper case (A-Z, 0-9, `_`, `+`)".into()
            ));
        }
        if let crate::stack_picture::Pops::Counted(_, text) = crate::stack_picture::pops_of(&op.doc)
        {
            if let Err(e) = crate::formula::Formula::parse(&text) {
                report.push(
                    err(format!(
                        "the stack picture's count `{text}` is no formula: {e}"
                    ))
                    .hint("write `name[FORMULA]` with a formula over oparg, e.g. `args[oparg]`"),
                );
            }
        }
        if !ARG_KINDS.contains(&op.arg.as_str()) {
            let mut e = err(format!("unknown argument kind `{}`", op.arg));
            e = e.hint(
                suggest(&op.arg, ARG_KINDS)
                    .unwrap_or_else(|| format!("one of: {}", ARG_KINDS.join(", "))),
            );
            report.push(e);
        }
        if op.arg == "extended_arg" {
            extended.push(op);
        }
        if v.encoding == "variable"
            && op.experiment.is_none()
            && ARG_KINDS.contains(&op.arg.as_str())
        {
            let takes_arg = op.arg != "none";
            if takes_arg != (op.num >= v.have_argument) {
                report.push(
                    err(format!(
                        "in the variable encoding an opcode carries an argument exactly when its number is >= have_argument ({}), but this one is {} with arg = \"{}\"",
                        v.have_argument, op.num, op.arg
                    ))
                    .hint(if takes_arg { "use arg = \"none\" or renumber it" } else { "give it an argument kind" }),
                );
            }
        }
        if op.cache > 0 && v.jump_base != "after_caches" {
            report.push(
                err(format!(
                    "cache = {} in a version without inline caches",
                    op.cache
                ))
                .hint("inline caches exist from 3.11 on (jump_base = \"after_caches\")"),
            );
        }
        let is_jump = ["jrel", "jback", "jabs"].contains(&op.arg.as_str());
        if op.stack_jump.is_some() && !is_jump {
            report.push(
                err("stack_jump is given for an opcode that does not jump".into())
                    .hint("give the argument a jump kind (jrel, jback, jabs) or drop stack_jump"),
            );
        }
        let needs = |list_empty: bool, kind: &str, field: &str| {
            (op.arg == kind && list_empty).then(|| {
                err(format!("arg = \"{kind}\" but the version has no `{field}`"))
                    .hint(format!("add `{field} = [...]` to the [version] table"))
            })
        };
        for e in [
            needs(v.cmp_ops.is_empty(), "compare", "cmp_ops"),
            needs(v.binary_ops.is_empty(), "binary_op", "binary_ops"),
            needs(v.intrinsics_1.is_empty(), "intrinsic_1", "intrinsics_1"),
            needs(v.intrinsics_2.is_empty(), "intrinsic_2", "intrinsics_2"),
        ]
        .into_iter()
        .flatten()
        {
            report.push(e);
        }
        if !op.doc.trim_start().starts_with('(') || !op.doc.contains("--") {
            report.push(
                err("doc does not start with a stack picture".into())
                    .hint("write e.g. doc = \"(left, right -- result) result = left + right.\""),
            );
        }
        if op.doc.contains('\n') {
            report.push(err("doc is more than one line".into()));
        }
        for (what, f) in [
            ("stack", Some(&op.stack)),
            ("stack_jump", op.stack_jump.as_ref()),
        ] {
            let Some(f) = f else { continue };
            if let Some(bad) = SAMPLE_OPARGS.iter().find(|&&a| f.try_eval(a).is_none()) {
                report.push(
                    err(format!(
                        "{what} `{}` faults (division by zero or bad shift) for oparg {bad}",
                        f.text
                    ))
                    .hint("guard the division or shift with `cond ? a : b`"),
                );
            }
        }
        if op.experiment.is_none() {
            if spec.handlers.contains_key(&op.handler) {
                used.insert(op.handler.as_str());
            } else {
                let names: Vec<&str> = spec.handlers.keys().map(|s| s.as_str()).collect();
                report.push(
                    err(format!(
                        "handler `{}` is not declared in spec/handlers.toml",
                        op.handler
                    ))
                    .hint(suggest(&op.handler, &names).unwrap_or_else(|| {
                        format!("add [{}] with a doc to spec/handlers.toml", op.handler)
                    })),
                );
            }
        }
        for form in op.method_load.iter().chain(&op.method_call) {
            if spec.handlers.contains_key(form) {
                used.insert(form.as_str());
            } else {
                let names: Vec<&str> = spec.handlers.keys().map(|s| s.as_str()).collect();
                report.push(
                    err(format!(
                        "method_load/method_call names unknown handler `{form}`"
                    ))
                    .hint(
                        suggest(form, &names)
                            .unwrap_or_else(|| "use a handler from spec/handlers.toml".into()),
                    ),
                );
            }
        }
        for step in &op.macro_steps {
            if spec.handlers.contains_key(&step.handler) {
                used.insert(step.handler.as_str());
            } else {
                let names: Vec<&str> = spec.handlers.keys().map(|s| s.as_str()).collect();
                report.push(
                    err(format!(
                        "macro step names unknown handler `{}`",
                        step.handler
                    ))
                    .hint(
                        suggest(&step.handler, &names)
                            .unwrap_or_else(|| "use a handler from spec/handlers.toml".into()),
                    ),
                );
            }
        }
    }
    match extended.len() {
        1 => {}
        0 if v.ops.is_empty() => {}
        0 => report.push(
            v.origin
                .error("no opcode has arg = \"extended_arg\"")
                .version(&v.id)
                .hint("mark the version's EXTENDED_ARG opcode with arg = \"extended_arg\""),
        ),
        _ => report.push(
            v.origin
                .error(format!(
                    "{} opcodes have arg = \"extended_arg\": {}",
                    extended.len(),
                    extended
                        .iter()
                        .map(|o| o.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
                .version(&v.id),
        ),
    }
}

fn check_magic_overlaps(spec: &Spec, report: &mut Report) {
    let mut ranges: Vec<(&str, (u16, u16), &crate::report::Origin)> = spec
        .versions
        .iter()
        .map(|v| (v.id.as_str(), v.magic_range, &v.origin))
        .collect();
    ranges.extend(
        spec.unsupported
            .iter()
            .map(|u| (u.id.as_str(), u.magic_range, &u.origin)),
    );
    for (i, a) in ranges.iter().enumerate() {
        for b in &ranges[i + 1..] {
            if a.1 .0 <= b.1 .1 && b.1 .0 <= a.1 .1 {
                report.push(
                    b.2.error(format!(
                        "magic_range [{}, {}] of {} overlaps [{}, {}] of {}",
                        b.1 .0, b.1 .1, b.0, a.1 .0, a.1 .1, a.0
                    ))
                    .version(b.0)
                    .hint("a magic number must name one version"),
                );
            }
        }
    }
}
