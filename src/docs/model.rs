//! The documentation model: rows built from the generated spec tables, shared by every
//! output format (and serialised as-is for `--format json`).

use crate::spec::{ArgKind, OpInfo, VersionSpec, VERSIONS};
use serde::Serialize;

/// One opcode of one version, as documented.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OpRow {
    pub name: &'static str,
    pub num: u8,
    pub arg: &'static str,
    pub cache: u8,
    pub stack: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stack_jump: Option<&'static str>,
    pub handler: &'static str,
    pub doc: &'static str,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub not_in_pyc: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub macro_steps: Vec<String>,
}

/// The spec's name of an argument kind (`ArgKind::SuperAttr` → `super_attr`).
pub fn arg_kind_name(kind: ArgKind) -> &'static str {
    match kind {
        ArgKind::None => "none",
        ArgKind::Const => "const",
        ArgKind::Name => "name",
        ArgKind::Global => "global",
        ArgKind::Attr => "attr",
        ArgKind::SuperAttr => "super_attr",
        ArgKind::Local => "local",
        ArgKind::LocalPair => "local_pair",
        ArgKind::Free => "free",
        ArgKind::Jrel => "jrel",
        ArgKind::Jback => "jback",
        ArgKind::Jabs => "jabs",
        ArgKind::Compare => "compare",
        ArgKind::BinaryOp => "binary_op",
        ArgKind::Count => "count",
        ArgKind::Flags => "flags",
        ArgKind::FormatValue => "format_value",
        ArgKind::ConvertValue => "convert_value",
        ArgKind::FuncAttr => "func_attr",
        ArgKind::Intrinsic1 => "intrinsic_1",
        ArgKind::Intrinsic2 => "intrinsic_2",
        ArgKind::ExtendedArg => "extended_arg",
    }
}

impl OpRow {
    fn from_info(op: &'static OpInfo) -> OpRow {
        OpRow {
            name: op.name,
            num: op.num,
            arg: arg_kind_name(op.arg),
            cache: op.cache,
            stack: op.stack_text,
            stack_jump: op.stack_jump_text,
            handler: if op.macro_steps.is_empty() {
                op.handler.name()
            } else {
                "(macro)"
            },
            doc: op.doc,
            not_in_pyc: op.not_in_pyc,
            macro_steps: op
                .macro_steps
                .iter()
                .map(|s| format!("{}({})", s.handler.name(), s.oparg_text))
                .collect(),
        }
    }

    /// The stack effect as one cell: `-1`, or `-1 / jump: 0`.
    pub fn stack_cell(&self) -> String {
        match self.stack_jump {
            Some(j) => format!("{} / jump: {}", self.stack, j),
            None => self.stack.to_string(),
        }
    }
}

/// Every opcode of `v`, by number.
pub fn version_table(v: &'static VersionSpec) -> Vec<OpRow> {
    v.ops.iter().flatten().map(OpRow::from_info).collect()
}

/// What changed for one opcode present in both versions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub name: &'static str,
    /// (field, old, new) for every field that differs.
    pub fields: Vec<(&'static str, String, String)>,
}

/// The difference between two versions' opcode sets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    pub from: &'static str,
    pub to: &'static str,
    pub added: Vec<OpRow>,
    pub removed: Vec<OpRow>,
    /// (name, old number, new number)
    pub renumbered: Vec<(&'static str, u8, u8)>,
    pub changed: Vec<Change>,
}

pub fn diff(a: &'static VersionSpec, b: &'static VersionSpec) -> Diff {
    let old = version_table(a);
    let new = version_table(b);
    let find = |rows: &[OpRow], name: &str| rows.iter().position(|r| r.name == name);
    let mut d = Diff {
        from: a.id(),
        to: b.id(),
        added: new
            .iter()
            .filter(|r| find(&old, r.name).is_none())
            .cloned()
            .collect(),
        removed: old
            .iter()
            .filter(|r| find(&new, r.name).is_none())
            .cloned()
            .collect(),
        renumbered: Vec::new(),
        changed: Vec::new(),
    };
    for o in &old {
        let Some(i) = find(&new, o.name) else {
            continue;
        };
        let n = &new[i];
        if o.num != n.num {
            d.renumbered.push((o.name, o.num, n.num));
        }
        let mut fields = Vec::new();
        let mut cmp = |field: &'static str, x: String, y: String| {
            if x != y {
                fields.push((field, x, y));
            }
        };
        cmp("arg", o.arg.into(), n.arg.into());
        cmp("cache", o.cache.to_string(), n.cache.to_string());
        cmp("stack", o.stack_cell(), n.stack_cell());
        cmp("handler", o.handler.into(), n.handler.into());
        cmp("doc", o.doc.into(), n.doc.into());
        if !fields.is_empty() {
            d.changed.push(Change {
                name: o.name,
                fields,
            });
        }
    }
    d
}

/// Opcode × version: for each opcode name ever defined, its number in each version.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Matrix {
    pub versions: Vec<&'static str>,
    /// (name, numbers aligned with `versions`), ordered by first appearance then number.
    pub rows: Vec<(&'static str, Vec<Option<u8>>)>,
}

pub fn matrix() -> Matrix {
    let versions: Vec<&'static str> = VERSIONS.iter().map(|v| v.id()).collect();
    let mut rows: Vec<(&'static str, Vec<Option<u8>>)> = Vec::new();
    for (i, v) in VERSIONS.iter().enumerate() {
        for op in v.ops.iter().flatten() {
            let row = match rows.iter().position(|(n, _)| *n == op.name) {
                Some(r) => r,
                None => {
                    rows.push((op.name, vec![None; versions.len()]));
                    rows.len() - 1
                }
            };
            rows[row].1[i] = Some(op.num);
        }
    }
    Matrix { versions, rows }
}
