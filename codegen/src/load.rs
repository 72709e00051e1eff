//! Reads the spec folder and resolves inheritance into a `Spec`.
//!
//! A child version starts from its parent's resolved opcode table; each `[op.NAME]` of the
//! child is merged onto the inherited entry field by field (or deletes it with
//! `removed = true`). Problems are collected into the `Report` rather than stopping at the
//! first, and every one carries the file and line it comes from.

use crate::formula::Formula;
use crate::model::*;
use crate::report::{closest, line_of, Origin, Report};
use crate::schema::*;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// An opcode while inheritance is being resolved: a merged raw entry and where it was set.
#[derive(Debug, Clone)]
struct PartialOp {
    raw: RawOp,
    origin: Origin,
}

/// A version while inheritance is resolved: its merged `[version]` table and opcodes;
/// `None` when it could not be resolved (the error is already reported).
type Resolving = Option<(RawVersion, BTreeMap<String, PartialOp>)>;

struct Source {
    path: PathBuf,
    text: String,
}

impl Source {
    fn origin(&self, offset: usize) -> Origin {
        Origin {
            file: self.path.clone(),
            line: line_of(&self.text, offset),
        }
    }
}

fn read(path: &Path, report: &mut Report) -> Option<Source> {
    match fs::read_to_string(path) {
        Ok(text) => Some(Source {
            path: path.to_path_buf(),
            text,
        }),
        Err(e) => {
            report.push(
                Origin {
                    file: path.to_path_buf(),
                    line: 0,
                }
                .error(format!("cannot read: {e}")),
            );
            None
        }
    }
}

fn parse<T: serde::de::DeserializeOwned>(src: &Source, report: &mut Report) -> Option<T> {
    match toml::from_str::<T>(&src.text) {
        Ok(v) => Some(v),
        Err(e) => {
            let line = e.span().map(|s| line_of(&src.text, s.start)).unwrap_or(0);
            let msg = e.message().to_string();
            let hint = if msg.contains("unknown field") {
                Some(
                    "see spec/README.md for the fields a version, an opcode and a handler may have",
                )
            } else {
                None
            };
            let mut err = Origin {
                file: src.path.clone(),
                line,
            }
            .error(msg);
            if let Some(h) = hint {
                err = err.hint(h);
            }
            report.push(err);
            None
        }
    }
}

/// "3.11" → (3, 11).
pub fn parse_version_id(id: &str) -> Option<(u8, u8)> {
    let (a, b) = id.split_once('.')?;
    Some((a.parse().ok()?, b.parse().ok()?))
}

/// Loads and resolves the spec in `dir`. Errors found while loading are added to `report`;
/// the returned spec holds whatever could be resolved.
pub fn load(dir: &Path, report: &mut Report) -> Spec {
    let mut version_files: Vec<(Source, VersionFile)> = Vec::new();
    let mut entries: Vec<PathBuf> = match fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            report.push(
                Origin {
                    file: dir.to_path_buf(),
                    line: 0,
                }
                .error(format!("cannot read the spec folder: {e}")),
            );
            Vec::new()
        }
    };
    entries.sort();
    let special = ["handlers.toml", "unsupported.toml"];
    for path in &entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if !name.ends_with(".toml") || special.contains(&name) {
            continue;
        }
        let Some(src) = read(path, report) else {
            continue;
        };
        if let Some(vf) = parse::<VersionFile>(&src, report) {
            version_files.push((src, vf));
        }
    }

    let handlers = load_handlers(&dir.join("handlers.toml"), report);
    let unsupported = load_unsupported(&dir.join("unsupported.toml"), report);

    // Resolve versions in inheritance order.
    let mut by_id: BTreeMap<String, usize> = BTreeMap::new();
    for (i, (src, vf)) in version_files.iter().enumerate() {
        let id = vf.version.get_ref().id.clone();
        let origin = src.origin(vf.version.span().start);
        if parse_version_id(&id).is_none() {
            report.push(
                origin
                    .error(format!("version id `{id}` is not of the form X.Y"))
                    .hint("write id = \"3.11\""),
            );
            continue;
        }
        let expected = format!("{id}.toml");
        if src.path.file_name().and_then(|n| n.to_str()) != Some(expected.as_str()) {
            report.push(
                origin
                    .error(format!(
                        "version {id} is declared in a file not named {expected}"
                    ))
                    .version(&id),
            );
        }
        if by_id.insert(id.clone(), i).is_some() {
            report.push(
                origin
                    .error(format!("version {id} is declared twice"))
                    .version(&id),
            );
        }
    }
    let mut resolved: BTreeMap<String, Resolving> = BTreeMap::new();
    let ids: Vec<String> = by_id.keys().cloned().collect();
    for id in &ids {
        resolve(
            id,
            &version_files,
            &by_id,
            &mut resolved,
            &mut Vec::new(),
            report,
        );
    }

    let mut versions = Vec::new();
    for id in &ids {
        let Some(Some((raw, ops))) = resolved.get(id) else {
            continue;
        };
        let (src, vf) = &version_files[by_id[id]];
        let origin = src.origin(vf.version.span().start);
        if let Some(v) = finish_version(raw, ops, origin, report) {
            versions.push(v);
        }
    }
    versions.sort_by_key(|v| v.major_minor);

    let mut spec = Spec {
        versions,
        handlers,
        unsupported,
        experiments: Vec::new(),
    };
    load_experiments(&dir.join("experimental"), &mut spec, report);
    spec
}

fn resolve(
    id: &str,
    files: &[(Source, VersionFile)],
    by_id: &BTreeMap<String, usize>,
    done: &mut BTreeMap<String, Resolving>,
    stack: &mut Vec<String>,
    report: &mut Report,
) {
    if done.contains_key(id) {
        return;
    }
    let Some(&idx) = by_id.get(id) else { return };
    let (src, vf) = &files[idx];
    let own = vf.version.get_ref();
    let vorigin = src.origin(vf.version.span().start);
    if stack.iter().any(|s| s == id) {
        report.push(
            vorigin
                .error(format!("inheritance cycle: {} -> {id}", stack.join(" -> ")))
                .version(id)
                .hint("every chain of `inherits` must end at a version without one"),
        );
        done.insert(id.to_string(), None);
        return;
    }
    let (mut raw, mut ops) = match &own.inherits {
        None => (RawVersion::default(), BTreeMap::new()),
        Some(parent) => {
            if !by_id.contains_key(parent) {
                let hint = match closest(parent, by_id.keys().map(|s| s.as_str())) {
                    Some(c) => format!("did you mean \"{c}\"?"),
                    None => format!("add spec/{parent}.toml or remove `inherits`"),
                };
                report.push(
                    vorigin
                        .error(format!("inherits unknown version {parent}"))
                        .version(id)
                        .hint(hint),
                );
                done.insert(id.to_string(), None);
                return;
            }
            stack.push(id.to_string());
            resolve(parent, files, by_id, done, stack, report);
            stack.pop();
            match done.get(parent.as_str()) {
                Some(Some((r, o))) => (r.clone(), o.clone()),
                _ => {
                    done.insert(id.to_string(), None);
                    return;
                }
            }
        }
    };
    merge_version(&mut raw, own);
    for (name, op) in &vf.op {
        let origin = src.origin(op.span().start);
        let patch = op.get_ref();
        if patch.removed {
            if ops.remove(name).is_none() {
                report.push(
                    origin
                        .error("`removed = true` on an opcode the parent version does not have")
                        .version(id)
                        .opcode(name)
                        .hint("delete this entry"),
                );
            }
            continue;
        }
        match ops.get_mut(name) {
            Some(existing) => {
                merge_op(&mut existing.raw, patch);
                existing.origin = origin;
            }
            None => {
                ops.insert(
                    name.clone(),
                    PartialOp {
                        raw: patch.clone(),
                        origin,
                    },
                );
            }
        }
    }
    done.insert(id.to_string(), Some((raw, ops)));
}

fn merge_version(into: &mut RawVersion, from: &RawVersion) {
    macro_rules! take {
        ($($f:ident),*) => { $( if from.$f.is_some() { into.$f = from.$f.clone(); } )* };
    }
    into.id = from.id.clone();
    into.inherits = from.inherits.clone();
    take!(
        magic,
        magic_range,
        header_size,
        marshal_version,
        code_layout,
        encoding,
        have_argument,
        extended_arg_shift,
        jump_unit,
        jump_base,
        linetable,
        exceptions,
        compare_shift,
        cmp_ops,
        binary_ops,
        intrinsics_1,
        intrinsics_2,
        stack_effect_rejects,
        superinstructions
    );
}

fn merge_op(into: &mut RawOp, from: &RawOp) {
    macro_rules! take {
        ($($f:ident),*) => { $( if from.$f.is_some() { into.$f = from.$f.clone(); } )* };
    }
    // The method forms belong to the handler: a child that changes the handler without
    // naming forms has none.
    if from.handler.is_some() {
        into.method_load = None;
        into.method_call = None;
    }
    take!(
        num,
        arg,
        cache,
        stack,
        stack_jump,
        handler,
        doc,
        not_in_pyc,
        method_load,
        method_call,
        r#macro
    );
}

fn finish_version(
    raw: &RawVersion,
    ops: &BTreeMap<String, PartialOp>,
    origin: Origin,
    report: &mut Report,
) -> Option<ResolvedVersion> {
    let id = raw.id.clone();
    let before = report.errors.len();
    let mut missing = |field: &str| {
        report.push(
            origin
                .error(format!("`{field}` is not set here nor inherited"))
                .version(&id)
                .hint(format!(
                    "add `{field} = ...` to the [version] table (see spec/README.md)"
                )),
        );
    };
    macro_rules! need {
        ($f:ident) => {
            match &raw.$f {
                Some(v) => v.clone(),
                None => {
                    missing(stringify!($f));
                    Default::default()
                }
            }
        };
    }
    let magic = need!(magic);
    let magic_range = need!(magic_range);
    let header_size = need!(header_size);
    let marshal_version = need!(marshal_version);
    let code_layout = need!(code_layout);
    let encoding = need!(encoding);
    let have_argument = need!(have_argument);
    let extended_arg_shift = need!(extended_arg_shift);
    let jump_unit = need!(jump_unit);
    let jump_base = need!(jump_base);
    let linetable = need!(linetable);
    let exceptions = need!(exceptions);

    if report.errors.len() > before {
        return None;
    }
    // An opcode with an error is left out (its error is reported); the rest of the
    // version is still resolved so that validation can report everything else too.
    let mut resolved_ops = BTreeMap::new();
    for (name, p) in ops {
        if let Some(op) = finish_op(name, &p.raw, &p.origin, &id, None, report) {
            resolved_ops.insert(name.clone(), op);
        }
    }
    Some(ResolvedVersion {
        major_minor: parse_version_id(&id).unwrap_or_default(),
        id,
        inherits: raw.inherits.clone(),
        magic,
        magic_range,
        header_size,
        marshal_version,
        code_layout,
        encoding,
        have_argument,
        extended_arg_shift,
        jump_unit,
        jump_base,
        linetable,
        exceptions,
        compare_shift: raw.compare_shift.unwrap_or(0),
        cmp_ops: raw.cmp_ops.clone().unwrap_or_default(),
        binary_ops: raw.binary_ops.clone().unwrap_or_default(),
        intrinsics_1: raw.intrinsics_1.clone().unwrap_or_default(),
        intrinsics_2: raw.intrinsics_2.clone().unwrap_or_default(),
        stack_effect_rejects: raw.stack_effect_rejects.clone().unwrap_or_default(),
        superinstructions: raw.superinstructions.clone().unwrap_or_default(),
        ops: resolved_ops,
        origin,
    })
}

fn formula(
    text: &str,
    what: &str,
    origin: &Origin,
    version: &str,
    op: &str,
    report: &mut Report,
) -> Option<Formula> {
    match Formula::parse(text) {
        Ok(f) => Some(f),
        Err(e) => {
            report.push(
                origin
                    .error(format!("{what} `{text}` does not parse: {e}"))
                    .version(version)
                    .opcode(op)
                    .hint("formulas are integer expressions over `oparg`, e.g. \"1 - oparg\" or \"oparg == 3 ? -2 : -1\""),
            );
            None
        }
    }
}

fn finish_op(
    name: &str,
    raw: &RawOp,
    origin: &Origin,
    version: &str,
    experiment: Option<&str>,
    report: &mut Report,
) -> Option<ResolvedOp> {
    let before = report.errors.len();
    let mut missing = |field: &str| {
        report.push(
            origin
                .error(format!("`{field}` is missing (a new opcode must give num, arg, stack, handler and doc)"))
                .version(version)
                .opcode(name),
        );
    };
    if raw.num.is_none() {
        missing("num");
    }
    if raw.arg.is_none() {
        missing("arg");
    }
    if raw.stack.is_none() {
        missing("stack");
    }
    if raw.doc.is_none() {
        missing("doc");
    }
    if experiment.is_none() && raw.handler.is_none() {
        missing("handler");
    }
    let num = raw.num.unwrap_or(0);
    if num > 255 {
        report.push(
            origin
                .error(format!("opcode number {num} does not fit in a byte"))
                .version(version)
                .opcode(name)
                .hint("pseudo opcodes (>= 256) never appear in a .pyc; leave them out of the spec"),
        );
    }
    let stack = raw
        .stack
        .as_deref()
        .and_then(|t| formula(t, "stack effect", origin, version, name, report));
    let stack_jump = match &raw.stack_jump {
        Some(t) => formula(t, "jump stack effect", origin, version, name, report),
        None => None,
    };
    let mut macro_steps = Vec::new();
    for step in raw.r#macro.iter().flatten() {
        if let Some(f) = formula(&step.oparg, "macro operand", origin, version, name, report) {
            macro_steps.push(MacroStep {
                handler: step.handler.clone(),
                oparg: f,
            });
        }
    }
    if report.errors.len() > before {
        return None;
    }
    Some(ResolvedOp {
        name: name.to_string(),
        num: num as u8,
        arg: raw.arg.clone().unwrap_or_default(),
        cache: raw.cache.unwrap_or(0),
        stack: stack?,
        stack_jump,
        handler: raw.handler.clone().unwrap_or_default(),
        doc: raw.doc.clone().unwrap_or_default(),
        not_in_pyc: raw.not_in_pyc.unwrap_or(false),
        method_load: raw.method_load.clone(),
        method_call: raw.method_call.clone(),
        macro_steps,
        experiment: experiment.map(str::to_string),
        origin: origin.clone(),
    })
}

fn load_handlers(path: &Path, report: &mut Report) -> BTreeMap<String, HandlerDef> {
    let mut out = BTreeMap::new();
    let Some(src) = read(path, report) else {
        return out;
    };
    let Some(file) = parse::<HandlersFile>(&src, report) else {
        return out;
    };
    for (name, h) in file {
        let origin = src.origin(h.span().start);
        out.insert(
            name.clone(),
            HandlerDef {
                name,
                doc: h.get_ref().doc.clone(),
                origin,
            },
        );
    }
    out
}

fn load_unsupported(path: &Path, report: &mut Report) -> Vec<Unsupported> {
    if !path.exists() {
        return Vec::new();
    }
    let Some(src) = read(path, report) else {
        return Vec::new();
    };
    let Some(file) = parse::<UnsupportedFile>(&src, report) else {
        return Vec::new();
    };
    file.unsupported
        .iter()
        .map(|u| Unsupported {
            id: u.get_ref().id.clone(),
            magic_range: u.get_ref().magic_range,
            origin: src.origin(u.span().start),
        })
        .collect()
}

/// Adds each experiment's opcodes to the versions it names.
fn load_experiments(dir: &Path, spec: &mut Spec, report: &mut Report) {
    let Ok(rd) = fs::read_dir(dir) else { return };
    let mut paths: Vec<PathBuf> = rd.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
    {
        let Some(src) = read(path, report) else {
            continue;
        };
        let Some(file) = parse::<ExperimentFile>(&src, report) else {
            continue;
        };
        let exp = file.experiment.get_ref();
        let origin = src.origin(file.experiment.span().start);
        for vid in &exp.versions {
            let Some(version) = spec.versions.iter_mut().find(|v| &v.id == vid) else {
                report.push(origin.error(format!(
                    "experiment {} names unknown version {vid}",
                    exp.name
                )));
                continue;
            };
            for (name, op) in &file.op {
                let oorigin = src.origin(op.span().start);
                let raw = op.get_ref();
                if raw.handler.is_some() {
                    report.push(
                        oorigin
                            .error("an experimental opcode names no handler of its own")
                            .version(vid)
                            .opcode(name)
                            .hint("write `macro = [{ handler = \"...\", oparg = \"oparg\" }, ...]` instead"),
                    );
                    continue;
                }
                if raw.r#macro.as_ref().is_none_or(|m| m.is_empty()) {
                    report.push(
                        oorigin
                            .error("an experimental opcode needs a non-empty `macro`")
                            .version(vid)
                            .opcode(name)
                            .hint("list the existing handlers it runs, in order"),
                    );
                    continue;
                }
                if version.ops.contains_key(name) {
                    report.push(
                        oorigin
                            .error(format!("version {vid} already has an opcode named {name}"))
                            .version(vid)
                            .opcode(name)
                            .hint("give the experimental opcode a name of its own"),
                    );
                    continue;
                }
                if let Some(op) = finish_op(name, raw, &oorigin, vid, Some(&exp.name), report) {
                    version.ops.insert(name.clone(), op);
                }
            }
        }
        spec.experiments.push(Experiment {
            name: exp.name.clone(),
            versions: exp.versions.clone(),
            origin,
        });
    }
}

/// Used by the validator for "did you mean" hints on spec errors.
pub fn suggest(word: &str, candidates: &[&str]) -> Option<String> {
    closest(word, candidates.iter().copied()).map(|c| format!("did you mean `{c}`?"))
}
