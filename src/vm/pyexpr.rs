//! A small Python parser for traceback carets: enough of the grammar to tell what kind of
//! statement and expression a source segment is (binary operation, subscript, call) and
//! where its parts start and end, as CPython's `ast.parse` positions them (line index,
//! UTF-8 byte column). The contents of brackets are matched, not parsed; what cannot be
//! parsed is `None`, as a SyntaxError is for CPython's traceback code.

/// A position: (line index from 0, byte column).
pub type Pos = (usize, usize);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Tk {
    Name,
    Number,
    Str,
    Op,
    Newline,
    End,
}

#[derive(Clone, Copy, Debug)]
struct Tok<'a> {
    kind: Tk,
    text: &'a str,
    start: Pos,
    end: Pos,
}

/// The kinds of expression the caret rules look at; everything else is `Other`.
#[derive(Debug)]
pub enum Kind {
    Name,
    BinOp { left: Box<Node>, right: Box<Node> },
    Subscript { value: Box<Node> },
    Call { func: Box<Node> },
    Other,
}

#[derive(Debug)]
pub struct Node {
    pub kind: Kind,
    /// Where the expression starts and ends, as its AST node says.
    pub start: Pos,
    pub end: Pos,
    /// The same, with the parentheses around it (what an enclosing node spans).
    pub outer: (Pos, Pos),
}

/// The statements the caret rules look at.
#[derive(Debug)]
pub enum Stmt {
    Expr(Node),
    Return(Option<Node>),
    Assign { targets: Vec<Node>, value: Node },
    Other,
}

const OPS3: [&str; 5] = ["**=", "//=", ">>=", "<<=", "..."];
const OPS2: [&str; 21] = [
    "**", "//", ">>", "<<", "<=", ">=", "==", "!=", "->", ":=", "+=", "-=", "*=", "/=", "%=", "&=",
    "|=", "^=", "@=", "<>", "!",
];
const OPS1: &str = "+-*/%@&|^~<>()[]{},:.;=";

fn tokenize(src: &str) -> Option<Vec<Tok<'_>>> {
    let lines: Vec<&str> = src.split('\n').collect();
    let mut out = Vec::new();
    let mut depth = 0usize;
    let (mut li, mut col) = (0usize, 0usize);
    while let Some(line) = lines.get(li) {
        let bytes = line.as_bytes();
        if col >= bytes.len() {
            if depth == 0 && out.last().is_some_and(|t: &Tok| t.kind != Tk::Newline) {
                out.push(Tok {
                    kind: Tk::Newline,
                    text: "",
                    start: (li, col),
                    end: (li, col),
                });
            }
            li += 1;
            col = 0;
            continue;
        }
        let c = bytes[col];
        let rest = &line[col..];
        if c == b' ' || c == b'\t' || c == 0x0c || c == b'\r' {
            col += 1;
            continue;
        }
        if c == b'#' {
            col = bytes.len();
            continue;
        }
        if c == b'\\' && col + 1 == bytes.len() {
            li += 1;
            col = 0;
            continue;
        }
        let start = (li, col);
        if let Some(n) = string_prefix_len(rest) {
            let end = scan_string(&lines, li, col + n)?;
            let text = if end.0 == li {
                &line[col..end.1]
            } else {
                &line[col..]
            };
            out.push(Tok {
                kind: Tk::Str,
                text,
                start,
                end,
            });
            li = end.0;
            col = end.1;
            continue;
        }
        if c.is_ascii_digit() || (c == b'.' && bytes.get(col + 1).is_some_and(u8::is_ascii_digit)) {
            let mut j = col;
            while j < bytes.len() {
                let b = bytes[j];
                let exponent_sign = (b == b'+' || b == b'-')
                    && matches!(bytes[j - 1], b'e' | b'E')
                    && !line[col..j].starts_with("0x")
                    && !line[col..j].starts_with("0X");
                if b.is_ascii_alphanumeric() || b == b'_' || b == b'.' || exponent_sign {
                    j += 1;
                } else {
                    break;
                }
            }
            out.push(Tok {
                kind: Tk::Number,
                text: &line[col..j],
                start,
                end: (li, j),
            });
            col = j;
            continue;
        }
        if c == b'_' || c.is_ascii_alphabetic() || c >= 0x80 {
            let mut j = col;
            while j < bytes.len()
                && (bytes[j] == b'_' || bytes[j].is_ascii_alphanumeric() || bytes[j] >= 0x80)
            {
                j += 1;
            }
            out.push(Tok {
                kind: Tk::Name,
                text: &line[col..j],
                start,
                end: (li, j),
            });
            col = j;
            continue;
        }
        let len = if OPS3.iter().any(|o| rest.starts_with(o)) {
            3
        } else if OPS2.iter().any(|o| rest.starts_with(o) && o.len() == 2) {
            2
        } else if OPS1.as_bytes().contains(&c) {
            1
        } else {
            return None;
        };
        let text = &line[col..col + len];
        match text {
            "(" | "[" | "{" => depth += 1,
            ")" | "]" | "}" => depth = depth.checked_sub(1)?,
            "!" => return None,
            _ => {}
        }
        out.push(Tok {
            kind: Tk::Op,
            text,
            start,
            end: (li, col + len),
        });
        col += len;
    }
    if depth != 0 {
        return None;
    }
    let end = (
        lines.len().saturating_sub(1),
        lines.last().map_or(0, |l| l.len()),
    );
    if out.last().is_some_and(|t| t.kind != Tk::Newline) {
        out.push(Tok {
            kind: Tk::Newline,
            text: "",
            start: end,
            end,
        });
    }
    out.push(Tok {
        kind: Tk::End,
        text: "",
        start: end,
        end,
    });
    Some(out)
}

/// The length of a string literal's prefix and opening quote position, if `s` starts one.
fn string_prefix_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < 2 && i < b.len() && matches!(b[i].to_ascii_lowercase(), b'r' | b'b' | b'u' | b'f') {
        i += 1;
    }
    match b.get(i) {
        Some(b'\'' | b'"') => Some(i),
        _ => None,
    }
}

/// Scans a string literal whose quote starts at `(li, q)`; returns its end.
fn scan_string(lines: &[&str], li: usize, q: usize) -> Option<Pos> {
    let line = lines[li].as_bytes();
    let quote = line[q];
    let triple = line.get(q + 1) == Some(&quote) && line.get(q + 2) == Some(&quote);
    let (mut l, mut c) = (li, q + if triple { 3 } else { 1 });
    loop {
        let cur = lines.get(l)?.as_bytes();
        if c >= cur.len() {
            let continued = c > 0 && cur.get(c - 1) == Some(&b'\\');
            if !triple && !continued {
                return None;
            }
            l += 1;
            c = 0;
            continue;
        }
        match cur[c] {
            b'\\' => c += 2,
            x if x == quote => {
                if !triple {
                    return Some((l, c + 1));
                }
                if cur.get(c + 1) == Some(&quote) && cur.get(c + 2) == Some(&quote) {
                    return Some((l, c + 3));
                }
                c += 1;
            }
            _ => c += 1,
        }
    }
}

const KEYWORDS: [&str; 35] = [
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

struct Parser<'a> {
    toks: Vec<Tok<'a>>,
    i: usize,
    /// Nesting of `expr` calls, bounded like CPython's parser so that no source text can
    /// exhaust the Rust stack.
    depth: usize,
}

/// CPython's tokenizer refuses more nested parentheses than this.
const MAX_DEPTH: usize = 200;

type P<T> = Option<T>;

impl<'a> Parser<'a> {
    fn peek(&self) -> Tok<'a> {
        self.toks[self.i.min(self.toks.len() - 1)]
    }
    fn at(&self, text: &str) -> bool {
        let t = self.peek();
        matches!(t.kind, Tk::Op | Tk::Name) && t.text == text
    }
    fn bump(&mut self) -> Tok<'a> {
        let t = self.peek();
        if self.i < self.toks.len() - 1 {
            self.i += 1;
        }
        t
    }
    fn expect(&mut self, text: &str) -> P<Tok<'a>> {
        if self.at(text) {
            Some(self.bump())
        } else {
            None
        }
    }
    fn prev_end(&self) -> Pos {
        self.toks[self.i.saturating_sub(1)].end
    }

    /// Skips from an opening bracket to just past its match; returns the closing token.
    fn skip_brackets(&mut self) -> P<Tok<'a>> {
        let mut depth = 0usize;
        loop {
            let t = self.bump();
            match (t.kind, t.text) {
                (Tk::End, _) => return None,
                (Tk::Op, "(" | "[" | "{") => depth += 1,
                (Tk::Op, ")" | "]" | "}") => {
                    depth -= 1;
                    if depth == 0 {
                        return Some(t);
                    }
                }
                _ => {}
            }
        }
    }

    fn other(start: Pos, end: Pos) -> Node {
        Self::node(Kind::Other, start, end)
    }

    fn node(kind: Kind, start: Pos, end: Pos) -> Node {
        Node {
            kind,
            start,
            end,
            outer: (start, end),
        }
    }

    /// `test` (with `:=` and lambda).
    fn expr(&mut self) -> P<Node> {
        if self.depth >= MAX_DEPTH {
            return None;
        }
        self.depth += 1;
        let r = self.expr_inner();
        self.depth -= 1;
        r
    }

    fn expr_inner(&mut self) -> P<Node> {
        let t = self.peek();
        if t.kind == Tk::Name && t.text == "lambda" {
            while !self.at(":") {
                if matches!(self.peek().kind, Tk::End | Tk::Newline) {
                    return None;
                }
                self.bump();
            }
            self.bump();
            let body = self.expr()?;
            return Some(Self::other(t.start, body.outer.1));
        }
        if t.kind == Tk::Name && self.toks.get(self.i + 1).is_some_and(|n| n.text == ":=") {
            self.bump();
            self.bump();
            let v = self.expr()?;
            return Some(Self::other(t.start, v.outer.1));
        }
        let e = self.or_test()?;
        if self.at("if") {
            self.bump();
            self.or_test()?;
            self.expect("else")?;
            let orelse = self.expr()?;
            return Some(Self::other(e.outer.0, orelse.outer.1));
        }
        Some(e)
    }

    fn or_test(&mut self) -> P<Node> {
        let mut e = self.and_test()?;
        while self.at("or") {
            self.bump();
            let r = self.and_test()?;
            e = Self::other(e.outer.0, r.outer.1);
        }
        Some(e)
    }

    fn and_test(&mut self) -> P<Node> {
        let mut e = self.not_test()?;
        while self.at("and") {
            self.bump();
            let r = self.not_test()?;
            e = Self::other(e.outer.0, r.outer.1);
        }
        Some(e)
    }

    fn not_test(&mut self) -> P<Node> {
        if self.at("not") {
            let t = self.bump();
            if self.depth >= MAX_DEPTH {
                return None;
            }
            self.depth += 1;
            let e = self.not_test();
            self.depth -= 1;
            let e = e?;
            return Some(Self::other(t.start, e.outer.1));
        }
        self.comparison()
    }

    fn comparison(&mut self) -> P<Node> {
        let mut e = self.binary(0)?;
        loop {
            let t = self.peek();
            let is_cmp = match (t.kind, t.text) {
                (Tk::Op, "<" | ">" | "==" | ">=" | "<=" | "!=") => true,
                (Tk::Name, "in" | "is") => true,
                (Tk::Name, "not") => self.toks.get(self.i + 1).is_some_and(|n| n.text == "in"),
                _ => false,
            };
            if !is_cmp {
                return Some(e);
            }
            self.bump();
            if (t.text == "not" || t.text == "is")
                && self.at(if t.text == "not" { "in" } else { "not" })
            {
                self.bump();
            }
            let r = self.binary(0)?;
            e = Self::other(e.outer.0, r.outer.1);
        }
    }

    /// Binary operators by level: | ^ & (<< >>) (+ -) (* / // % @).
    fn binary(&mut self, level: usize) -> P<Node> {
        const LEVELS: [&[&str]; 6] = [
            &["|"],
            &["^"],
            &["&"],
            &["<<", ">>"],
            &["+", "-"],
            &["*", "/", "//", "%", "@"],
        ];
        if level == LEVELS.len() {
            return self.factor();
        }
        let mut e = self.binary(level + 1)?;
        loop {
            let t = self.peek();
            if t.kind != Tk::Op || !LEVELS[level].contains(&t.text) {
                return Some(e);
            }
            self.bump();
            let r = self.binary(level + 1)?;
            let (start, end) = (e.outer.0, r.outer.1);
            let kind = Kind::BinOp {
                left: Box::new(e),
                right: Box::new(r),
            };
            e = Self::node(kind, start, end);
        }
    }

    fn factor(&mut self) -> P<Node> {
        let t = self.peek();
        if t.kind == Tk::Op && matches!(t.text, "+" | "-" | "~") {
            self.bump();
            if self.depth >= MAX_DEPTH {
                return None;
            }
            self.depth += 1;
            let e = self.factor();
            self.depth -= 1;
            let e = e?;
            return Some(Self::other(t.start, e.outer.1));
        }
        let base = if t.kind == Tk::Name && t.text == "await" {
            self.bump();
            let e = self.primary()?;
            Self::other(t.start, e.outer.1)
        } else {
            self.primary()?
        };
        if self.at("**") {
            self.bump();
            if self.depth >= MAX_DEPTH {
                return None;
            }
            self.depth += 1;
            let r = self.factor();
            self.depth -= 1;
            let r = r?;
            let (start, end) = (base.outer.0, r.outer.1);
            let kind = Kind::BinOp {
                left: Box::new(base),
                right: Box::new(r),
            };
            return Some(Self::node(kind, start, end));
        }
        Some(base)
    }

    fn primary(&mut self) -> P<Node> {
        let mut e = self.atom()?;
        loop {
            let t = self.peek();
            if t.kind != Tk::Op {
                return Some(e);
            }
            match t.text {
                "." => {
                    self.bump();
                    let n = self.bump();
                    if n.kind != Tk::Name {
                        return None;
                    }
                    e = Self::other(e.outer.0, n.end);
                }
                "(" => {
                    let close = self.skip_brackets()?;
                    let start = e.outer.0;
                    e = Self::node(Kind::Call { func: Box::new(e) }, start, close.end);
                }
                "[" => {
                    let close = self.skip_brackets()?;
                    let start = e.outer.0;
                    let kind = Kind::Subscript { value: Box::new(e) };
                    e = Self::node(kind, start, close.end);
                }
                _ => return Some(e),
            }
        }
    }

    fn atom(&mut self) -> P<Node> {
        let t = self.peek();
        match t.kind {
            Tk::Name => {
                if KEYWORDS.contains(&t.text) && !matches!(t.text, "True" | "False" | "None") {
                    return None;
                }
                self.bump();
                Some(Self::node(Kind::Name, t.start, t.end))
            }
            Tk::Number => {
                self.bump();
                Some(Self::other(t.start, t.end))
            }
            Tk::Str => {
                self.bump();
                let mut end = t.end;
                while self.peek().kind == Tk::Str {
                    end = self.bump().end;
                }
                Some(Self::other(t.start, end))
            }
            Tk::Op if t.text == "..." => {
                self.bump();
                Some(Self::other(t.start, t.end))
            }
            Tk::Op if t.text == "(" => {
                // A parenthesized expression keeps the position of what is inside.
                let save = self.i;
                self.bump();
                if let Some(mut inner) = self.expr() {
                    if self.at(")") {
                        let close = self.bump();
                        inner.outer = (t.start, close.end);
                        return Some(inner);
                    }
                }
                self.i = save;
                let close = self.skip_brackets()?;
                Some(Self::other(t.start, close.end))
            }
            Tk::Op if t.text == "[" || t.text == "{" => {
                let close = self.skip_brackets()?;
                Some(Self::other(t.start, close.end))
            }
            _ => None,
        }
    }

    /// `expr (, expr)* [,]` with starred items; a tuple when there is a comma.
    fn expr_list(&mut self) -> P<Node> {
        let first = self.star_item()?;
        if !self.at(",") {
            return Some(first);
        }
        let start = first.outer.0;
        let mut end = first.outer.1;
        while self.at(",") {
            end = self.bump().end;
            if self.ends_item() {
                break;
            }
            end = self.star_item()?.end;
        }
        Some(Self::other(start, end))
    }

    fn star_item(&mut self) -> P<Node> {
        if self.at("*") {
            let t = self.bump();
            let e = self.binary(0)?;
            return Some(Self::other(t.start, e.outer.1));
        }
        self.expr()
    }

    fn ends_item(&self) -> bool {
        let t = self.peek();
        matches!(t.kind, Tk::Newline | Tk::End)
            || (t.kind == Tk::Op && matches!(t.text, "=" | ";" | ")"))
    }

    fn statement(&mut self) -> P<Stmt> {
        let t = self.peek();
        if t.start.1 != 0 {
            // An indented first token: IndentationError.
            return None;
        }
        if t.kind == Tk::Name
            && KEYWORDS.contains(&t.text)
            && !matches!(
                t.text,
                "True" | "False" | "None" | "not" | "lambda" | "await"
            )
        {
            if t.text == "return" {
                self.bump();
                if self.ends_item() {
                    return Some(Stmt::Return(None));
                }
                return Some(Stmt::Return(Some(self.expr_list()?)));
            }
            // Any other keyword statement: skip to the end of the logical line.
            while !matches!(self.peek().kind, Tk::Newline | Tk::End) {
                self.bump();
            }
            return Some(Stmt::Other);
        }
        let first = self.expr_list()?;
        if self.at("=") {
            let mut targets = vec![first];
            let mut value;
            loop {
                self.bump();
                value = self.expr_list()?;
                if !self.at("=") {
                    break;
                }
                targets.push(value);
            }
            return Some(Stmt::Assign { targets, value });
        }
        let t = self.peek();
        if t.kind == Tk::Op
            && (t.text.ends_with('=')
                && t.text.len() >= 2
                && !matches!(t.text, "==" | "<=" | ">=" | "!=")
                || t.text == ":")
        {
            while !matches!(self.peek().kind, Tk::Newline | Tk::End) {
                self.bump();
            }
            return Some(Stmt::Other);
        }
        Some(Stmt::Expr(first))
    }
}

/// Parses `src` as a module: its statements, or `None` where CPython would raise
/// SyntaxError (as far as this parser can tell).
pub fn parse_module(src: &str) -> Option<Vec<Stmt>> {
    let toks = tokenize(src)?;
    let mut p = Parser {
        toks,
        i: 0,
        depth: 0,
    };
    let mut out = Vec::new();
    loop {
        while p.peek().kind == Tk::Newline {
            p.bump();
        }
        if p.peek().kind == Tk::End {
            return Some(out);
        }
        out.push(p.statement()?);
        loop {
            let t = p.peek();
            match (t.kind, t.text) {
                (Tk::Op, ";") => {
                    p.bump();
                    if matches!(p.peek().kind, Tk::Newline | Tk::End) {
                        break;
                    }
                    let t = p.peek();
                    if t.start.1 == 0 {
                        return None;
                    }
                    // A statement after `;` is not at column 0: parse it in place.
                    let s = statement_in_place(&mut p)?;
                    out.push(s);
                }
                (Tk::Newline | Tk::End, _) => break,
                _ => return None,
            }
        }
        let _ = p.prev_end();
    }
}

fn statement_in_place(p: &mut Parser<'_>) -> Option<Stmt> {
    // `statement` refuses tokens not at column 0 (indentation); after `;` they are fine.
    let i = p.i;
    let saved = p.toks[i].start;
    p.toks[i].start.1 = 0;
    let r = p.statement();
    p.toks[i].start = saved;
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expr_kind(src: &str) -> &'static str {
        match parse_module(src).as_deref() {
            Some([Stmt::Expr(n)]) => match n.kind {
                Kind::BinOp { .. } => "binop",
                Kind::Subscript { .. } => "subscript",
                Kind::Call { .. } => "call",
                Kind::Name => "name",
                Kind::Other => "other",
            },
            Some(_) => "stmt",
            None => "error",
        }
    }

    #[test]
    fn kinds() {
        assert_eq!(expr_kind("a + b"), "binop");
        assert_eq!(expr_kind("(a + b)"), "binop");
        assert_eq!(expr_kind("a[1] + f(x)[2]"), "binop");
        assert_eq!(expr_kind("d['k']"), "subscript");
        assert_eq!(expr_kind("f(1, 2)"), "call");
        assert_eq!(expr_kind("x.y.z(1)"), "call");
        assert_eq!(expr_kind("-x"), "other");
        assert_eq!(expr_kind("x = f(1)"), "stmt");
        assert_eq!(expr_kind("raise ValueError('x')"), "stmt");
        assert_eq!(expr_kind("a + "), "error");
        assert_eq!(expr_kind("  a"), "error");
        assert_eq!(expr_kind("a; b"), "stmt");
        assert_eq!(expr_kind("'a' 'b' % x"), "binop");
        // Deep nesting never exhausts the stack (past the limit brackets are skipped).
        let deep = format!("{}x{}", "(".repeat(5000), ")".repeat(5000));
        assert_eq!(expr_kind(&deep), "other");
        let pows = format!("x{}", "**x".repeat(5000));
        assert_eq!(expr_kind(&pows), "error");
        let negs = format!("{}x", "-".repeat(5000));
        assert_eq!(expr_kind(&negs), "error");
    }

    #[test]
    fn positions() {
        let stmts = parse_module("(a) + (b)").unwrap_or_default();
        let [Stmt::Expr(n)] = stmts.as_slice() else {
            panic!()
        };
        let Kind::BinOp { left, right } = &n.kind else {
            panic!()
        };
        assert_eq!(
            (left.start, left.end, right.start),
            ((0, 1), (0, 2), (0, 7))
        );
    }
}
