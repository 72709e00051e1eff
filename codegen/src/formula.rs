//! Stack-effect and operand formulas: integer expressions over `oparg`.
//!
//! Grammar, loosest binding first (Python's precedence, C's ternary):
//! `c ? a : b`; `== != < <= > >=`; `|`; `^`; `&`; `<< >>`; `+ -`; `* / %`;
//! unary `- ~`; literals (decimal or 0x hex), `oparg`, `popcount(x)`, parentheses.
//! `/` and `%` floor like Python's. The same tree is evaluated here (for validation and
//! the spec tests) and turned into Rust by the emitter, so both agree by construction.

use proc_macro2::TokenStream;
use quote::quote;
use std::fmt;

/// A parsed formula, keeping the text it came from.
#[derive(Debug, Clone)]
pub struct Formula {
    pub text: String,
    pub expr: Expr,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Lit(i64),
    Oparg,
    Neg(Box<Expr>),
    Not(Box<Expr>),
    Popcount(Box<Expr>),
    Bin(BinOp, Box<Expr>, Box<Expr>),
    Cond(Box<Expr>, Box<Expr>, Box<Expr>),
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    Mod,
    And,
    Or,
    Xor,
    Shl,
    Shr,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// Why a formula did not parse: a message and the character position.
#[derive(Debug, Clone, PartialEq)]
pub struct FormulaError {
    pub message: String,
    pub at: usize,
}

impl fmt::Display for FormulaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at character {})", self.message, self.at + 1)
    }
}

impl Formula {
    pub fn parse(text: &str) -> Result<Formula, FormulaError> {
        let tokens = tokenize(text)?;
        let mut p = Parser {
            tokens,
            pos: 0,
            len: text.len(),
        };
        let expr = p.ternary()?;
        if let Some((tok, at)) = p.tokens.get(p.pos) {
            return Err(FormulaError {
                message: format!("unexpected `{tok}`"),
                at: *at,
            });
        }
        Ok(Formula {
            text: text.to_string(),
            expr,
        })
    }

    /// Evaluates the formula; `None` on division by zero or an out-of-range shift.
    pub fn try_eval(&self, oparg: i64) -> Option<i64> {
        eval(&self.expr, oparg)
    }

    /// Evaluates the formula, treating an arithmetic fault as 0 (validation rejects
    /// formulas that fault on the sampled arguments, see `validate`).
    pub fn eval(&self, oparg: i64) -> i64 {
        self.try_eval(oparg).unwrap_or(0)
    }

    /// The formula as a Rust expression over an `i64` named `oparg`.
    pub fn to_rust(&self) -> TokenStream {
        rust(&self.expr)
    }
}

fn eval(e: &Expr, x: i64) -> Option<i64> {
    Some(match e {
        Expr::Lit(v) => *v,
        Expr::Oparg => x,
        Expr::Neg(a) => eval(a, x)?.wrapping_neg(),
        Expr::Not(a) => !eval(a, x)?,
        Expr::Popcount(a) => eval(a, x)?.count_ones() as i64,
        Expr::Cond(c, a, b) => {
            if eval(c, x)? != 0 {
                eval(a, x)?
            } else {
                eval(b, x)?
            }
        }
        Expr::Bin(op, a, b) => {
            let (a, b) = (eval(a, x)?, eval(b, x)?);
            match op {
                BinOp::Add => a.wrapping_add(b),
                BinOp::Sub => a.wrapping_sub(b),
                BinOp::Mul => a.wrapping_mul(b),
                BinOp::Div => floor_div(a, b)?,
                BinOp::Mod => a.checked_sub(floor_div(a, b)?.checked_mul(b)?)?,
                BinOp::And => a & b,
                BinOp::Or => a | b,
                BinOp::Xor => a ^ b,
                BinOp::Shl => a.checked_shl(u32::try_from(b).ok()?)?,
                BinOp::Shr => a.checked_shr(u32::try_from(b).ok()?)?,
                BinOp::Eq => (a == b) as i64,
                BinOp::Ne => (a != b) as i64,
                BinOp::Lt => (a < b) as i64,
                BinOp::Le => (a <= b) as i64,
                BinOp::Gt => (a > b) as i64,
                BinOp::Ge => (a >= b) as i64,
            }
        }
    })
}

fn floor_div(a: i64, b: i64) -> Option<i64> {
    let q = a.checked_div(b)?;
    Some(if (a % b != 0) && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    })
}

fn rust(e: &Expr) -> TokenStream {
    match e {
        Expr::Lit(v) => {
            let v = proc_macro2::Literal::i64_unsuffixed(*v);
            quote!(#v)
        }
        Expr::Oparg => quote!(oparg),
        Expr::Neg(a) => {
            let a = rust(a);
            quote!((-(#a)))
        }
        Expr::Not(a) => {
            let a = rust(a);
            quote!((!(#a)))
        }
        Expr::Popcount(a) => {
            let a = rust(a);
            quote!(((#a).count_ones() as i64))
        }
        Expr::Cond(c, a, b) => {
            let (c, a, b) = (rust(c), rust(a), rust(b));
            quote!((if (#c) != 0 { #a } else { #b }))
        }
        Expr::Bin(op, a, b) => {
            let (a, b) = (rust(a), rust(b));
            match op {
                BinOp::Add => quote!((#a + #b)),
                BinOp::Sub => quote!((#a - #b)),
                BinOp::Mul => quote!((#a * #b)),
                BinOp::Div => quote!(formula_floor_div(#a, #b)),
                BinOp::Mod => quote!(formula_floor_mod(#a, #b)),
                BinOp::And => quote!((#a & #b)),
                BinOp::Or => quote!((#a | #b)),
                BinOp::Xor => quote!((#a ^ #b)),
                BinOp::Shl => quote!((#a << #b)),
                BinOp::Shr => quote!((#a >> #b)),
                BinOp::Eq => quote!(((#a == #b) as i64)),
                BinOp::Ne => quote!(((#a != #b) as i64)),
                BinOp::Lt => quote!(((#a < #b) as i64)),
                BinOp::Le => quote!(((#a <= #b) as i64)),
                BinOp::Gt => quote!(((#a > #b) as i64)),
                BinOp::Ge => quote!(((#a >= #b) as i64)),
            }
        }
    }
}

/// True when the formula uses `/` or `%`, so the emitter adds the floor helpers.
pub fn uses_division(e: &Expr) -> bool {
    match e {
        Expr::Lit(_) | Expr::Oparg => false,
        Expr::Neg(a) | Expr::Not(a) | Expr::Popcount(a) => uses_division(a),
        Expr::Cond(c, a, b) => uses_division(c) || uses_division(a) || uses_division(b),
        Expr::Bin(op, a, b) => {
            matches!(op, BinOp::Div | BinOp::Mod) || uses_division(a) || uses_division(b)
        }
    }
}

type Token = (String, usize);

fn tokenize(text: &str) -> Result<Vec<Token>, FormulaError> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i] as char;
        if c.is_ascii_whitespace() {
            i += 1;
        } else if c.is_ascii_alphanumeric() || c == '_' {
            let start = i;
            while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                i += 1;
            }
            out.push((text[start..i].to_string(), start));
        } else {
            let two = text.get(i..i + 2).unwrap_or("");
            if ["==", "!=", "<=", ">=", "<<", ">>"].contains(&two) {
                out.push((two.to_string(), i));
                i += 2;
            } else if "+-*/%&|^~<>?:()".contains(c) {
                out.push((c.to_string(), i));
                i += 1;
            } else {
                return Err(FormulaError {
                    message: format!("unexpected character `{c}`"),
                    at: i,
                });
            }
        }
    }
    Ok(out)
}

struct Parser {
    tokens: Vec<Token>,
    pos: usize,
    len: usize,
}

const LEVELS: &[&[(&str, BinOp)]] = &[
    &[
        ("==", BinOp::Eq),
        ("!=", BinOp::Ne),
        ("<", BinOp::Lt),
        ("<=", BinOp::Le),
        (">", BinOp::Gt),
        (">=", BinOp::Ge),
    ],
    &[("|", BinOp::Or)],
    &[("^", BinOp::Xor)],
    &[("&", BinOp::And)],
    &[("<<", BinOp::Shl), (">>", BinOp::Shr)],
    &[("+", BinOp::Add), ("-", BinOp::Sub)],
    &[("*", BinOp::Mul), ("/", BinOp::Div), ("%", BinOp::Mod)],
];

impl Parser {
    fn peek(&self) -> Option<&str> {
        self.tokens.get(self.pos).map(|(t, _)| t.as_str())
    }

    fn at(&self) -> usize {
        self.tokens
            .get(self.pos)
            .map(|(_, a)| *a)
            .unwrap_or(self.len)
    }

    fn expect(&mut self, tok: &str) -> Result<(), FormulaError> {
        if self.peek() == Some(tok) {
            self.pos += 1;
            Ok(())
        } else {
            let found = self
                .peek()
                .map(|t| format!("`{t}`"))
                .unwrap_or("the end".into());
            Err(FormulaError {
                message: format!("expected `{tok}`, found {found}"),
                at: self.at(),
            })
        }
    }

    fn ternary(&mut self) -> Result<Expr, FormulaError> {
        let cond = self.binary(0)?;
        if self.peek() == Some("?") {
            self.pos += 1;
            let a = self.ternary()?;
            self.expect(":")?;
            let b = self.ternary()?;
            return Ok(Expr::Cond(Box::new(cond), Box::new(a), Box::new(b)));
        }
        Ok(cond)
    }

    fn binary(&mut self, level: usize) -> Result<Expr, FormulaError> {
        if level == LEVELS.len() {
            return self.unary();
        }
        let mut left = self.binary(level + 1)?;
        while let Some(op) = self.peek().and_then(|t| {
            LEVELS[level]
                .iter()
                .find(|(s, _)| *s == t)
                .map(|(_, op)| *op)
        }) {
            self.pos += 1;
            let right = self.binary(level + 1)?;
            left = Expr::Bin(op, Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Expr, FormulaError> {
        match self.peek() {
            Some("-") => {
                self.pos += 1;
                Ok(Expr::Neg(Box::new(self.unary()?)))
            }
            Some("~") => {
                self.pos += 1;
                Ok(Expr::Not(Box::new(self.unary()?)))
            }
            Some("(") => {
                self.pos += 1;
                let e = self.ternary()?;
                self.expect(")")?;
                Ok(e)
            }
            Some("oparg") => {
                self.pos += 1;
                Ok(Expr::Oparg)
            }
            Some("popcount") => {
                self.pos += 1;
                self.expect("(")?;
                let e = self.ternary()?;
                self.expect(")")?;
                Ok(Expr::Popcount(Box::new(e)))
            }
            Some(t) if t.as_bytes()[0].is_ascii_digit() => {
                let at = self.at();
                let value = match t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
                    Some(hex) => i64::from_str_radix(hex, 16),
                    None => t.parse::<i64>(),
                };
                let value = value.map_err(|_| FormulaError {
                    message: format!("`{t}` is not a number"),
                    at,
                })?;
                self.pos += 1;
                Ok(Expr::Lit(value))
            }
            Some(t) => Err(FormulaError {
                message: format!(
                    "unexpected `{t}` (formulas know only `oparg` and `popcount(..)`)"
                ),
                at: self.at(),
            }),
            None => Err(FormulaError {
                message: "formula ends too early".into(),
                at: self.len,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(text: &str, oparg: i64) -> i64 {
        Formula::parse(text).unwrap().eval(oparg)
    }

    #[test]
    fn precedence_follows_python_with_c_ternary() {
        assert_eq!(ev("1 - oparg", 3), -2);
        assert_eq!(ev("(oparg & 0xff) + (oparg >> 8)", 0x203), 5);
        assert_eq!(ev("oparg & 0xff + 1", 0x203), 0x200 & 0x100);
        assert_eq!(ev("oparg == 3 ? -2 : -1", 3), -2);
        assert_eq!(ev("oparg == 3 ? -2 : -1", 2), -1);
        assert_eq!(ev("-1 - popcount(oparg & 0xf)", 0b1011), -4);
        assert_eq!(ev("oparg & 1 == 1", 3), 1);
        assert_eq!(ev("-7 / 2", 0), -4);
        assert_eq!(ev("-7 % 2", 0), 1);
    }

    #[test]
    fn errors_name_the_position() {
        let e = Formula::parse("1 + opar").unwrap_err();
        assert_eq!(e.at, 4);
        assert!(Formula::parse("(1")
            .unwrap_err()
            .message
            .contains("expected `)`"));
        assert!(Formula::parse("1 $ 2").unwrap_err().message.contains("`$`"));
        assert_eq!(Formula::parse("oparg / 0").unwrap().try_eval(1), None);
    }
}
