//! `PyCell`: interior mutability for Python-visible mutable state (list items, dict tables,
//! instance dicts).
//!
//! It is a `RefCell` with one rule that makes its borrows impossible to fail from Python
//! code: **a borrow never spans a call that can run Python code** (a `__eq__`, a `__hash__`,
//! a key function, a destructor). Code that needs Python callbacks copies what it needs
//! out, drops the borrow, calls, and re-borrows (re-validating, as CPython does when a dict
//! is mutated during a lookup). The accessors take closures so a borrow cannot escape the
//! closure by accident.

use std::cell::RefCell;
use std::fmt;

#[derive(Default)]
pub struct PyCell<T>(RefCell<T>);

impl<T> PyCell<T> {
    pub fn new(value: T) -> Self {
        PyCell(RefCell::new(value))
    }

    /// Reads the contents. `f` must not run Python code.
    #[inline]
    pub fn with<R>(&self, f: impl FnOnce(&T) -> R) -> R {
        f(&self.0.borrow())
    }

    /// Changes the contents. `f` must not run Python code.
    #[inline]
    pub fn with_mut<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        f(&mut self.0.borrow_mut())
    }

    /// Replaces the contents, returning the old value (dropped by the caller after the
    /// borrow ends, so a destructor that runs Python code sees a consistent object).
    pub fn replace(&self, value: T) -> T {
        self.0.replace(value)
    }

    pub fn into_inner(self) -> T {
        self.0.into_inner()
    }
}

impl<T: Clone> PyCell<T> {
    /// A copy of the contents.
    #[inline]
    pub fn get(&self) -> T {
        self.0.borrow().clone()
    }
}

impl<T: fmt::Debug> fmt::Debug for PyCell<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.try_borrow() {
            Ok(v) => v.fmt(f),
            Err(_) => f.write_str("<borrowed>"),
        }
    }
}
