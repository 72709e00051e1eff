//! The hash table behind `dict`: insertion-ordered and compact, like CPython 3.6+
//! (a sparse index table pointing into a dense entry vector).
//!
//! A dict can instead have Python 2's layout (`Py2Layout`, chosen per interpreter by
//! `set_python2_layout`): then the index table is laid out exactly as 2.7's
//! `dictobject.c` lays out its table (its probe sequence, deleted slots reused by
//! insertions, a resize once 2/3 of the slots were ever used, to 4x the live entries or
//! 2x above 50,000), and iteration, `repr` and `popitem` walk the table's slots, so a
//! dict iterates in 2.7's hash order. The compact path does not look at it except where
//! a probe collides.
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
/// Whether new dicts take Python 2's layout (set per interpreter, before any dict).
static PYTHON2_LAYOUT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Chooses the layout of the dicts made from now on (`flavour::python2_hash_tables`).
pub fn set_python2_layout(on: bool) {
    PYTHON2_LAYOUT.store(on, std::sync::atomic::Ordering::Relaxed);
}

/// What a dict with Python 2's layout keeps beside the index table.
#[derive(Clone, Debug, Default)]
struct Py2Layout {
    /// Slots ever used since the last resize (live and deleted), as 2.7's `ma_fill`.
    fill: usize,
    /// The hash field of 2.7's slot 0: the hash of the last key stored there, or the
    /// search finger `popitem` leaves in it.
    slot0_hash: i64,
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
    /// Python 2's layout, when this dict has it.
    py2: Option<Box<Py2Layout>>,
    /// A one-word Bloom filter of the hashes of every key ever added (`hash_bit`): a
    /// clear bit proves no key with that hash is present, without a probe (a method
    /// call checks that the instance dict does not shadow the method this way).
    /// Deletions leave their bit set, which only costs a probe.
    key_hashes: u64,
}

/// The filter bit of `hash` in `DictData::key_hashes` (hash bits mixed, so that the
/// consecutive hashes of small ints spread).
#[inline(always)]
fn hash_bit(hash: i64) -> u64 {
    1 << ((hash as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 58)
}

#[derive(Clone, Copy, Debug)]
pub struct ProbeState {
    i: usize,
    perturb: u64,
    version: u64,
}

pub use super::set::Eq;

/// The live entries of a dict in iteration order.
pub struct Entries<'a> {
    dict: &'a DictData,
    pos: usize,
}

impl<'a> Iterator for Entries<'a> {
    type Item = &'a DictEntry;

    #[inline]
    fn next(&mut self) -> Option<&'a DictEntry> {
        let (at, e) = self.dict.next_entry(self.pos)?;
        self.pos = at + 1;
        Some(e)
    }
}

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
        let py2 = PYTHON2_LAYOUT
            .load(std::sync::atomic::Ordering::Relaxed)
            .then(Box::default);
        DictData {
            indices: vec![EMPTY; MIN_SIZE],
            entries: Vec::new(),
            used: 0,
            holes: 0,
            version: next_version(),
            watched: false,
            py2,
            key_hashes: 0,
        }
    }

    /// A new dict for `n` items as BUILD_MAP makes it: 2.x's `_PyDict_NewPresized` sizes
    /// the table for more than 5 (which changes its order), 3.x reserves room.
    pub fn presized(n: usize) -> DictData {
        let mut d = DictData::new();
        if d.py2.is_some() {
            if n > 5 {
                d.resize_py2(n);
            }
            return d;
        }
        DictData::with_capacity(n)
    }

    /// An empty instance dict with room for `n` entries (the size its class's instances
    /// usually reach). Python 2's layout starts as `new` makes it: its table size decides
    /// its iteration order.
    pub fn for_instance(n: usize) -> DictData {
        if n == 0 || PYTHON2_LAYOUT.load(std::sync::atomic::Ordering::Relaxed) {
            return DictData::new();
        }
        DictData::with_capacity(n)
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
            py2: None,
            key_hashes: 0,
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
    #[inline(always)]
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
        if self.py2.is_some() {
            return self.next_py2(s);
        }
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

    /// 2.7's probe step: the perturbation is added before it is shifted.
    fn next_py2(&self, mut s: ProbeState) -> ProbeState {
        s.i =
            (s.i.wrapping_mul(5)
                .wrapping_add(s.perturb as usize)
                .wrapping_add(1))
                & self.mask();
        s.perturb >>= PERTURB_SHIFT;
        s
    }

    /// Appends a key known to be absent.
    pub fn insert_new(&mut self, key: Value, hash: i64, value: Value) {
        if self.py2.is_some() {
            self.insert_py2(key, hash, value, true);
            return;
        }
        self.changing();
        if (self.entries.len() + self.holes + 1) * 3 > self.indices.len() * 2 {
            self.resize(self.used * 3);
        }
        let slot = self.empty_slot(hash);
        self.indices[slot] = self.entries.len() as u32;
        self.entries.push(DictEntry { hash, key, value });
        self.key_hashes |= hash_bit(hash);
        self.used += 1;
        self.version = next_version();
    }

    /// Appends `key` without a probe when the key filter proves that no key has `hash`
    /// (so none equals `key`); returns the new entry's position. Otherwise, and always
    /// with Python 2's layout, hands `value` back for the caller to probe.
    #[inline]
    pub fn append_if_absent(
        &mut self,
        key: impl FnOnce() -> Value,
        hash: i64,
        value: Value,
    ) -> Result<usize, Value> {
        if self.may_hold_hash(hash) || self.py2.is_some() {
            return Err(value);
        }
        let at = self.entries.len();
        let fits = at < self.entries.capacity()
            && (at + self.holes + 1) * 3 <= self.indices.len() * 2
            && !self.watched;
        if !fits {
            self.insert_new(key(), hash, value);
            return Ok(at);
        }
        // `insert_new` without its resize and growth checks, which `fits` passed.
        let slot = self.empty_slot(hash);
        self.indices[slot] = at as u32;
        self.entries.push(DictEntry {
            hash,
            key: key(),
            value,
        });
        self.key_hashes |= hash_bit(hash);
        self.used += 1;
        self.version = next_version();
        Ok(at)
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

    // Out of line: rare, and inlined it made every insertion save and restore all
    // registers.
    #[inline(never)]
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

    /// The first slot of `hash`'s 2.7 probe sequence that is free: deleted, if
    /// `reuse_deleted`, or never used.
    fn free_slot_py2(&self, hash: i64, reuse_deleted: bool) -> usize {
        let mut s = ProbeState {
            i: (hash as u64 as usize) & self.mask(),
            perturb: hash as u64,
            version: 0,
        };
        loop {
            let ix = self.indices[s.i];
            if ix == EMPTY || (ix == DUMMY && reuse_deleted) {
                return s.i;
            }
            s = self.next_py2(s);
        }
    }

    /// 2.7's `insertdict` of a key known to be absent: into the first deleted or unused
    /// slot of its probe; then, for `PyDict_SetItem` (`check_fill`), its resize.
    #[inline(never)]
    fn insert_py2(&mut self, key: Value, hash: i64, value: Value, check_fill: bool) {
        self.changing();
        let slot = self.free_slot_py2(hash, true);
        let Some(py2) = self.py2.as_deref_mut() else {
            return;
        };
        if self.indices[slot] == EMPTY {
            py2.fill += 1;
        }
        if slot == 0 {
            py2.slot0_hash = hash;
        }
        let fill = py2.fill;
        self.indices[slot] = self.entries.len() as u32;
        self.entries.push(DictEntry { hash, key, value });
        self.key_hashes |= hash_bit(hash);
        self.used += 1;
        self.version = next_version();
        if check_fill && fill * 3 >= self.indices.len() * 2 {
            let factor = if self.used > 50_000 { 2 } else { 4 };
            self.resize_py2(factor * self.used);
        } else if self.entries.len() > 2 * self.indices.len() {
            // Deleted slots reused without a resize leave dead entries behind.
            self.compact_entries();
        }
    }

    /// 2.7's `dictresize`: a table of the smallest power of two above `minused` (at least
    /// 8), the live entries reinserted in the order of the old table's slots.
    fn resize_py2(&mut self, minused: usize) {
        let mut size = MIN_SIZE;
        while size <= minused {
            size <<= 1;
        }
        let old_indices = std::mem::replace(&mut self.indices, vec![EMPTY; size]);
        let mut old_entries: Vec<Option<DictEntry>> = std::mem::take(&mut self.entries)
            .into_iter()
            .map(Some)
            .collect();
        self.holes = 0;
        let mut slot0_hash = 0;
        for ix in old_indices {
            if ix >= DUMMY {
                continue;
            }
            let Some(e) = old_entries.get_mut(ix as usize).and_then(Option::take) else {
                continue;
            };
            let slot = self.free_slot_py2(e.hash, false);
            if slot == 0 {
                slot0_hash = e.hash;
            }
            self.indices[slot] = self.entries.len() as u32;
            self.entries.push(e);
        }
        if let Some(py2) = self.py2.as_deref_mut() {
            py2.fill = self.used;
            py2.slot0_hash = slot0_hash;
        }
        self.version = next_version();
    }

    /// Drops the dead entries of a Python 2 layout without moving any slot.
    fn compact_entries(&mut self) {
        let mut old: Vec<Option<DictEntry>> = std::mem::take(&mut self.entries)
            .into_iter()
            .map(Some)
            .collect();
        for ix in self.indices.iter_mut() {
            if *ix >= DUMMY {
                continue;
            }
            if let Some(e) = old.get_mut(*ix as usize).and_then(Option::take) {
                *ix = self.entries.len() as u32;
                self.entries.push(e);
            }
        }
        self.version = next_version();
    }

    /// Makes room for `incoming` more entries before a merge, as 2.7's `PyDict_Merge`
    /// does (which decides its order); nothing for the compact layout.
    pub fn reserve_for_merge(&mut self, incoming: usize) {
        let Some(py2) = self.py2.as_deref() else {
            return;
        };
        if (py2.fill + incoming) * 3 >= self.indices.len() * 2 {
            self.resize_py2((self.used + incoming) * 2);
        }
    }

    /// Resizes a Python 2 layout for `minused` entries (2.7's `fromkeys` of a dict or a
    /// set does); nothing for the compact layout.
    pub fn presize_py2(&mut self, minused: usize) {
        if self.py2.is_some() {
            self.resize_py2(minused);
        }
    }

    /// Inserts a key known to be absent without the resize check, as 2.7's merges do
    /// after sizing the table (`insert_new` for the compact layout).
    pub fn insert_unchecked(&mut self, key: Value, hash: i64, value: Value) {
        if self.py2.is_some() {
            self.insert_py2(key, hash, value, false);
        } else {
            self.insert_new(key, hash, value);
        }
    }

    /// A copy as `dict.copy()` makes it: the same table for the compact layout; for
    /// Python 2's, 2.7's `PyDict_Copy` (a merge into a new dict, which may lay it out
    /// differently).
    pub fn copied(&self) -> DictData {
        if self.py2.is_none() {
            return self.clone();
        }
        let mut copy = DictData::new();
        copy.reserve_for_merge(self.used);
        for e in self.iter() {
            copy.insert_py2(e.key.clone(), e.hash, e.value.clone(), false);
        }
        copy
    }

    /// The slot count of the table and the slots ever used (2.7's `ma_fill`, which its
    /// `fromkeys` reads); the live count for the compact layout.
    pub fn fill(&self) -> usize {
        self.py2.as_deref().map_or(self.used, |p| p.fill)
    }

    /// Takes `other`'s entries with its exact layout (a 2.x classic class's dict is its
    /// namespace itself, not a copy).
    pub fn take_layout_of(&mut self, other: &DictData) {
        self.changing();
        let watched = self.watched;
        *self = other.clone();
        self.watched = watched;
        self.version = next_version();
    }

    /// Whether a key with `hash` may be present: `false` proves it is not (see
    /// `key_hashes`).
    #[inline]
    pub fn may_hold_hash(&self, hash: i64) -> bool {
        self.key_hashes & hash_bit(hash) != 0
    }

    /// Replaces the value of a found entry, returning the old one.
    #[inline]
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
        if self.py2.is_some() {
            return self.next_slot(pos);
        }
        while pos < self.entries.len() {
            let e = &self.entries[pos];
            if !e.key.is_null() {
                return Some((pos, e));
            }
            pos += 1;
        }
        None
    }

    /// Python 2's layout: the live entry of the first used slot from `pos` on.
    fn next_slot(&self, mut pos: usize) -> Option<(usize, &DictEntry)> {
        while let Some(&ix) = self.indices.get(pos) {
            if ix < DUMMY {
                if let Some(e) = self.entries.get(ix as usize) {
                    return Some((pos, e));
                }
            }
            pos += 1;
        }
        None
    }

    /// The live entry at the greatest position below `end`, for reverse iteration.
    pub fn prev_entry(&self, end: usize) -> Option<(usize, &DictEntry)> {
        if self.py2.is_some() {
            let mut pos = end.min(self.indices.len());
            while pos > 0 {
                pos -= 1;
                let ix = self.indices[pos];
                if ix < DUMMY {
                    return self.entries.get(ix as usize).map(|e| (pos, e));
                }
            }
            return None;
        }
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

    /// Whether the dict keeps Python 2's table layout (entries live in the index slots,
    /// so a new key does not simply append).
    pub fn python2_layout(&self) -> bool {
        self.py2.is_some()
    }

    /// The number of entry positions (live or deleted): where a reverse iteration starts.
    pub fn positions(&self) -> usize {
        if self.py2.is_some() {
            return self.indices.len();
        }
        self.entries.len()
    }

    /// Live entries in iteration order (insertion order, or Python 2's slot order).
    pub fn iter(&self) -> Entries<'_> {
        Entries { dict: self, pos: 0 }
    }

    /// Removes and returns the entry `popitem` takes: the last inserted one, or for
    /// Python 2's layout the one 2.7 takes (slot 0's, else the first used slot from the
    /// finger slot 0's hash field holds, which is then left past it).
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        if let Some(slot0_hash) = self.py2.as_deref().map(|p| p.slot0_hash) {
            return self.pop_py2(slot0_hash);
        }
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

    fn pop_py2(&mut self, slot0_hash: i64) -> Option<(Value, Value)> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = 0usize;
        if self.indices[0] >= DUMMY {
            i = if slot0_hash < 1 || slot0_hash as u64 > mask as u64 {
                1
            } else {
                slot0_hash as usize
            };
            while self.indices[i] >= DUMMY {
                i += 1;
                if i > mask {
                    i = 1;
                }
            }
        }
        let entry = self.indices[i] as usize;
        let popped = self.remove(i, entry);
        if let Some(py2) = self.py2.as_deref_mut() {
            py2.slot0_hash = i as i64 + 1;
        }
        Some(popped)
    }

    pub fn clear(&mut self) {
        self.changing();
        let watched = self.watched;
        *self = DictData::new();
        self.watched = watched;
    }
}
