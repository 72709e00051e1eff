//! The hash table behind `dict`: insertion-ordered and compact, like CPython 3.6+
//! (a sparse index table pointing into a dense entry vector).
//!
//! As with sets, key equality that needs Python code is asked of the caller through a
//! resumable probe (`Probe::Ask`), so no borrow of the table is held while `__eq__` runs;
//! the `version` counter tells a resumed probe (and an iterator) that the dict changed.
//! Versions come from one counter shared by every dict, so a (dict address, version)
//! pair names one state of one dict's key set: LOAD_GLOBAL's hints (`vm::globals_cache`)
//! rely on it.

use super::Value;

const EMPTY: u32 = u32::MAX;

thread_local! {
    static LAST_VERSION: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// A dict version no dict has had before.
#[inline]
fn next_version() -> u64 {
    LAST_VERSION.with(|v| {
        let n = v.get() + 1;
        v.set(n);
        n
    })
}
const DUMMY: u32 = u32::MAX - 1;
const PERTURB_SHIFT: u32 = 5;
const MIN_SIZE: usize = 8;

#[derive(Clone)]
pub struct DictEntry {
    pub hash: i64,
    /// `Value::Null` for a deleted entry.
    pub key: Value,
    pub value: Value,
}

#[derive(Clone)]
pub struct DictData {
    indices: Vec<u32>,
    entries: Vec<DictEntry>,
    used: usize,
    /// Index slots marked deleted whose entries `pop_last` removed from `entries` (they
    /// still occupy the index table until the next resize).
    holes: usize,
    /// Bumped by every insertion of a new key, deletion and resize.
    pub version: u64,
    /// A type's dict: every change invalidates the type attribute cache.
    watched: bool,
}

#[derive(Clone, Copy, Debug)]
pub struct ProbeState {
    i: usize,
    perturb: u64,
    version: u64,
}

pub use super::set::Eq;

pub enum Probe {
    /// The key is at entry `entry`, index slot `slot`.
    Found {
        slot: usize,
        entry: usize,
    },
    Absent,
    /// Compare `candidate` with the key in Python, then `resume`.
    Ask {
        candidate: Value,
        state: ProbeState,
    },
}

impl Default for DictData {
    fn default() -> Self {
        DictData::new()
    }
}

impl DictData {
    pub fn new() -> DictData {
        DictData {
            indices: vec![EMPTY; MIN_SIZE],
            entries: Vec::new(),
            used: 0,
            holes: 0,
            version: next_version(),
            watched: false,
        }
    }

    pub fn with_capacity(n: usize) -> DictData {
        let mut size = MIN_SIZE;
        while size * 2 < n * 3 {
            size <<= 1;
        }
        DictData {
            indices: vec![EMPTY; size],
            entries: Vec::with_capacity(n),
            used: 0,
            holes: 0,
            version: next_version(),
            watched: false,
        }
    }

    pub fn len(&self) -> usize {
        self.used
    }

    /// Marks this as a type's dict (see `method_cache`).
    pub fn watch(&mut self) {
        self.watched = true;
    }

    /// Called by every change of the table.
    #[inline]
    fn changing(&self) {
        if self.watched {
            super::method_cache::types_changed();
        }
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    fn mask(&self) -> usize {
        self.indices.len() - 1
    }

    pub fn find(
        &self,
        key: &Value,
        hash: i64,
        native_eq: &mut dyn FnMut(&Value, &Value) -> Eq,
    ) -> Probe {
        let state = ProbeState {
            i: (hash as u64 as usize) & self.mask(),
            perturb: hash as u64,
            version: self.version,
        };
        self.run(key, hash, state, native_eq)
    }

    /// Continues after Python compared the asked candidate; `None` if the dict changed.
    pub fn resume(
        &self,
        key: &Value,
        hash: i64,
        state: ProbeState,
        equal: bool,
        native_eq: &mut dyn FnMut(&Value, &Value) -> Eq,
    ) -> Option<Probe> {
        if state.version != self.version {
            return None;
        }
        if equal {
            let entry = self.indices[state.i] as usize;
            return Some(Probe::Found {
                slot: state.i,
                entry,
            });
        }
        Some(self.run(key, hash, self.next(state), native_eq))
    }

    fn next(&self, mut s: ProbeState) -> ProbeState {
        s.perturb >>= PERTURB_SHIFT;
        s.i =
            (s.i.wrapping_mul(5)
                .wrapping_add(s.perturb as usize)
                .wrapping_add(1))
                & self.mask();
        s
    }

    fn run(
        &self,
        key: &Value,
        hash: i64,
        mut s: ProbeState,
        native_eq: &mut dyn FnMut(&Value, &Value) -> Eq,
    ) -> Probe {
        loop {
            let ix = self.indices[s.i];
            if ix == EMPTY {
                return Probe::Absent;
            }
            if ix != DUMMY {
                let e = &self.entries[ix as usize];
                if e.key.is(key) {
                    return Probe::Found {
                        slot: s.i,
                        entry: ix as usize,
                    };
                }
                if e.hash == hash {
                    match native_eq(&e.key, key) {
                        Eq::Equal => {
                            return Probe::Found {
                                slot: s.i,
                                entry: ix as usize,
                            }
                        }
                        Eq::Different => {}
                        Eq::Unknown => {
                            return Probe::Ask {
                                candidate: e.key.clone(),
                                state: s,
                            }
                        }
                    }
                }
            }
            s = self.next(s);
        }
    }

    /// Appends a key known to be absent.
    pub fn insert_new(&mut self, key: Value, hash: i64, value: Value) {
        self.changing();
        if (self.entries.len() + self.holes + 1) * 3 > self.indices.len() * 2 {
            self.resize(self.used * 3);
        }
        let slot = self.empty_slot(hash);
        self.indices[slot] = self.entries.len() as u32;
        self.entries.push(DictEntry { hash, key, value });
        self.used += 1;
        self.version = next_version();
    }

    fn empty_slot(&self, hash: i64) -> usize {
        let mask = self.mask();
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        while self.indices[i] != EMPTY {
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(perturb as usize)
                .wrapping_add(1))
                & mask;
        }
        i
    }

    fn resize(&mut self, minused: usize) {
        let mut size = MIN_SIZE;
        while size <= minused {
            size <<= 1;
        }
        let old = std::mem::take(&mut self.entries);
        self.holes = 0;
        self.entries = Vec::with_capacity(size * 2 / 3);
        self.indices = vec![EMPTY; size];
        for e in old.into_iter().filter(|e| !e.key.is_null()) {
            let slot = self.empty_slot(e.hash);
            self.indices[slot] = self.entries.len() as u32;
            self.entries.push(e);
        }
        self.version = next_version();
    }

    /// Replaces the value of a found entry, returning the old one.
    pub fn set_value(&mut self, entry: usize, value: Value) -> Value {
        self.changing();
        std::mem::replace(&mut self.entries[entry].value, value)
    }

    /// Removes a found entry, returning its key and value.
    pub fn remove(&mut self, slot: usize, entry: usize) -> (Value, Value) {
        self.changing();
        self.indices[slot] = DUMMY;
        let e = &mut self.entries[entry];
        let key = std::mem::take(&mut e.key);
        let value = std::mem::take(&mut e.value);
        self.used -= 1;
        self.version = next_version();
        (key, value)
    }

    pub fn entry(&self, entry: usize) -> &DictEntry {
        &self.entries[entry]
    }

    /// The entry at position `entry`, if there is one (live or deleted).
    #[inline]
    pub fn entry_at(&self, entry: usize) -> Option<&DictEntry> {
        self.entries.get(entry)
    }

    /// The live entry at position `pos` of the entry vector, for iteration (`None` past
    /// the end; deleted entries are skipped by the caller through `next_entry`).
    pub fn next_entry(&self, mut pos: usize) -> Option<(usize, &DictEntry)> {
        while pos < self.entries.len() {
            let e = &self.entries[pos];
            if !e.key.is_null() {
                return Some((pos, e));
            }
            pos += 1;
        }
        None
    }

    /// The live entry at the greatest position below `end`, for reverse iteration.
    pub fn prev_entry(&self, end: usize) -> Option<(usize, &DictEntry)> {
        let mut pos = end.min(self.entries.len());
        while pos > 0 {
            pos -= 1;
            let e = &self.entries[pos];
            if !e.key.is_null() {
                return Some((pos, e));
            }
        }
        None
    }

    /// The number of entry positions (live or deleted): where a reverse iteration starts.
    pub fn positions(&self) -> usize {
        self.entries.len()
    }

    /// Live entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &DictEntry> {
        self.entries.iter().filter(|e| !e.key.is_null())
    }

    /// Removes and returns the last inserted entry (`popitem`).
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        self.changing();
        while let Some(e) = self.entries.last() {
            if e.key.is_null() {
                self.entries.pop();
                self.holes += 1;
                continue;
            }
            let hash = e.hash;
            let pos = self.entries.len() - 1;
            let mask = self.mask();
            let mut perturb = hash as u64;
            let mut i = (hash as u64 as usize) & mask;
            while self.indices[i] != pos as u32 {
                perturb >>= PERTURB_SHIFT;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(perturb as usize)
                    .wrapping_add(1))
                    & mask;
            }
            self.indices[i] = DUMMY;
            let e = self.entries.pop().unwrap_or(DictEntry {
                hash: 0,
                key: Value::Null,
                value: Value::Null,
            });
            self.used -= 1;
            self.holes += 1;
            self.version = next_version();
            return Some((e.key, e.value));
        }
        None
    }

    pub fn clear(&mut self) {
        self.changing();
        let watched = self.watched;
        *self = DictData::new();
        self.watched = watched;
    }
}
