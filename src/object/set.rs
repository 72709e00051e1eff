//! The hash table behind `set` and `frozenset`, laid out exactly like CPython 3.x's
//! `setobject.c` (linear probes of 9, then perturbed open addressing; dummies; resize
//! when 3/5 full), so that iterating a set yields its elements in CPython's order.
//! With Python 2's layout (`set_python2_layout`), as 2.7's: no linear probes, the
//! perturbation added before it is shifted, a resize once 2/3 of the slots were used,
//! `pop` starting from the finger kept in slot 0's hash field.
//!
//! Key equality may need Python code (`__eq__`), which must run with no borrow of the
//! table held. So probing is resumable: when a candidate's equality cannot be decided
//! natively, `find` returns `Probe::Ask` with the candidate and where to resume; the
//! caller drops its borrow, compares, and calls `find` again with the verdict (or starts
//! over if the table changed meanwhile, as CPython does).

use super::Value;

thread_local! {
    /// Whether an insertion reuses the first deleted slot of its probe (every 3.x but
    /// 3.9, whose `set_add_entry` only fills unused slots). Set per interpreter.
    static REUSE_DUMMIES: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
    /// The maximum fill before a resize, as (numerator, denominator): 3/5 from 3.7 on,
    /// 2/3 in 3.6. Set per interpreter.
    static MAX_FILL: std::cell::Cell<(usize, usize)> = const { std::cell::Cell::new((3, 5)) };
}

/// Whether sets have Python 2's layout (set per interpreter, before any set).
static PYTHON2_LAYOUT: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Chooses Python 2's layout for the sets made from now on
/// (`flavour::python2_hash_tables`).
pub fn set_python2_layout(on: bool) {
    PYTHON2_LAYOUT.store(on, std::sync::atomic::Ordering::Relaxed);
}

fn python2_layout() -> bool {
    PYTHON2_LAYOUT.load(std::sync::atomic::Ordering::Relaxed)
}

/// Chooses the dummy-reuse policy of insertions (see `REUSE_DUMMIES`).
pub fn set_reuse_dummies(reuse: bool) {
    REUSE_DUMMIES.with(|r| r.set(reuse));
}

/// Chooses the table's maximum fill ratio (see `MAX_FILL`).
pub fn set_max_fill(num: usize, den: usize) {
    MAX_FILL.with(|r| r.set((num, den)));
}

/// Whether `fill` used slots of a table with this mask call for a resize (2.x compares
/// with the slot count, 3.x with the mask).
pub fn too_full(fill: usize, mask: usize) -> bool {
    if python2_layout() {
        return fill * 3 >= (mask + 1) * 2;
    }
    let (num, den) = MAX_FILL.with(|r| r.get());
    fill * den >= mask * num
}

const LINEAR_PROBES: usize = 9;
/// No slot (a probe's `freeslot` before it passes a dummy).
const NO_SLOT: usize = usize::MAX;
const PERTURB_SHIFT: u32 = 5;
pub const MIN_SIZE: usize = 8;

#[derive(Clone)]
pub struct SetEntry {
    /// -1 with `Value::Null` key: a dummy (deleted); 0 with Null: unused.
    pub hash: i64,
    pub key: Value,
}

impl SetEntry {
    const UNUSED: SetEntry = SetEntry {
        hash: 0,
        key: Value::Null,
    };
    pub fn is_active(&self) -> bool {
        !self.key.is_null()
    }
}

#[derive(Clone)]
pub struct SetData {
    table: Vec<SetEntry>,
    /// Active + dummy slots.
    fill: usize,
    /// Active slots.
    used: usize,
    /// Where `pop` resumes.
    finger: usize,
    /// Bumped by every change of layout; a resumed probe checks it.
    pub version: u64,
    /// Python 2's layout: the hash field of slot 0 (the last hash stored there, or the
    /// finger `pop` leaves); None for 3.x's.
    py2_slot0_hash: Option<i64>,
}

/// Where a probe stands, to resume it after an equality test in Python.
#[derive(Clone, Copy, Debug)]
pub struct ProbeState {
    i: usize,
    perturb: u64,
    /// Probes left in the current linear run.
    probes: usize,
    /// The slot being examined.
    slot: usize,
    /// The first dummy slot passed, or `NO_SLOT`.
    freeslot: usize,
    version: u64,
}

/// The verdict of a native equality test.
pub enum Eq {
    Equal,
    Different,
    /// Only Python code can tell.
    Unknown,
}

pub enum Probe {
    /// The key is at this slot.
    Found(usize),
    /// Not present; an insertion goes to this slot (`dummy` tells if it reuses a dummy).
    Absent { slot: usize, dummy: bool },
    /// The entry at `state`'s slot has the same hash; compare `candidate` in Python,
    /// then call `resume`.
    Ask { candidate: Value, state: ProbeState },
}

impl Default for SetData {
    fn default() -> Self {
        SetData::new()
    }
}

impl SetData {
    pub fn new() -> SetData {
        SetData {
            table: vec![SetEntry::UNUSED; MIN_SIZE],
            fill: 0,
            used: 0,
            finger: 0,
            version: 0,
            py2_slot0_hash: python2_layout().then_some(0),
        }
    }

    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    fn mask(&self) -> usize {
        self.table.len() - 1
    }

    /// Starts a probe for `hash`. `native_eq` decides equal hashes natively when it can
    /// (generic, so the usual `mapping::native_eq` is inlined into the probe loop).
    #[inline]
    pub fn find<F: FnMut(&Value, &Value) -> Eq>(
        &self,
        key: &Value,
        hash: i64,
        native_eq: &mut F,
    ) -> Probe {
        let mask = self.mask();
        let i = (hash as u64 as usize) & mask;
        let linear = self.py2_slot0_hash.is_none() && i + LINEAR_PROBES <= mask;
        let state = ProbeState {
            i,
            perturb: hash as u64,
            probes: if linear { LINEAR_PROBES } else { 0 },
            slot: i,
            freeslot: NO_SLOT,
            version: self.version,
        };
        self.run(key, hash, state, native_eq)
    }

    /// Continues a probe after Python decided the equality of the asked candidate. `None`
    /// when the table changed meanwhile: start over with `find`.
    pub fn resume<F: FnMut(&Value, &Value) -> Eq>(
        &self,
        key: &Value,
        hash: i64,
        state: ProbeState,
        equal: bool,
        native_eq: &mut F,
    ) -> Option<Probe> {
        // A table emptied and refilled meanwhile may have the same version: its size is
        // checked too, so the rest of the probe stays inside it.
        if state.version != self.version || state.slot + state.probes > self.mask() {
            return None;
        }
        if equal {
            return Some(Probe::Found(state.slot));
        }
        let next = self.advance(state);
        Some(self.run(key, hash, next, native_eq))
    }

    #[inline]
    fn advance(&self, mut s: ProbeState) -> ProbeState {
        let mask = self.mask();
        if s.probes > 0 {
            s.probes -= 1;
            s.slot += 1;
            return s;
        }
        if self.py2_slot0_hash.is_some() {
            s.i = Self::step_py2(s.i, s.perturb, mask);
            s.perturb >>= PERTURB_SHIFT;
            s.slot = s.i;
            return s;
        }
        s.perturb >>= PERTURB_SHIFT;
        s.i =
            (s.i.wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(s.perturb as usize))
                & mask;
        s.slot = s.i;
        s.probes = if s.i + LINEAR_PROBES <= mask {
            LINEAR_PROBES
        } else {
            0
        };
        s
    }

    /// The probe loop. The state lives in locals (a `ProbeState` is only built to hand
    /// back with an `Ask`), and two ints are compared before anything else.
    #[inline]
    fn run<F: FnMut(&Value, &Value) -> Eq>(
        &self,
        key: &Value,
        hash: i64,
        s: ProbeState,
        native_eq: &mut F,
    ) -> Probe {
        let table = self.table.as_slice();
        let mask = table.len() - 1;
        let py2 = self.py2_slot0_hash.is_some();
        let ProbeState {
            mut i,
            mut perturb,
            mut probes,
            mut slot,
            mut freeslot,
            version,
        } = s;
        loop {
            debug_assert!(slot <= mask);
            // SAFETY: `slot` is `i & mask`, or one of the LINEAR_PROBES slots after `i`,
            // taken only when `i + LINEAR_PROBES <= mask`: always below `table.len()`.
            let entry = unsafe { table.get_unchecked(slot) };
            if entry.key.is_null() {
                if entry.hash == 0 {
                    // Unused: the end of the probe.
                    if freeslot != NO_SLOT && REUSE_DUMMIES.with(|r| r.get()) {
                        return Probe::Absent {
                            slot: freeslot,
                            dummy: true,
                        };
                    }
                    return Probe::Absent { slot, dummy: false };
                }
                if freeslot == NO_SLOT {
                    freeslot = slot;
                }
            } else if entry.hash == hash {
                let verdict = match (&entry.key, key) {
                    (Value::Int(a), Value::Int(b)) => {
                        if a == b {
                            Eq::Equal
                        } else {
                            Eq::Different
                        }
                    }
                    (k, _) if k.is(key) => Eq::Equal,
                    (k, _) => native_eq(k, key),
                };
                match verdict {
                    Eq::Equal => return Probe::Found(slot),
                    Eq::Different => {}
                    Eq::Unknown => {
                        return Probe::Ask {
                            candidate: entry.key.clone(),
                            state: ProbeState {
                                i,
                                perturb,
                                probes,
                                slot,
                                freeslot,
                                version,
                            },
                        }
                    }
                }
            }
            if probes > 0 {
                probes -= 1;
                slot += 1;
                continue;
            }
            if py2 {
                i = Self::step_py2(i, perturb, mask);
                perturb >>= PERTURB_SHIFT;
            } else {
                perturb >>= PERTURB_SHIFT;
                i = (i
                    .wrapping_mul(5)
                    .wrapping_add(1)
                    .wrapping_add(perturb as usize))
                    & mask;
                probes = if i + LINEAR_PROBES <= mask {
                    LINEAR_PROBES
                } else {
                    0
                };
            }
            slot = i;
        }
    }

    /// 2.7's probe step: the perturbation is added before it is shifted.
    fn step_py2(i: usize, perturb: u64, mask: usize) -> usize {
        (i.wrapping_mul(5)
            .wrapping_add(perturb as usize)
            .wrapping_add(1))
            & mask
    }

    /// Stores a new key at the slot an `Absent` probe returned. Returns whether the
    /// table was resized.
    pub fn insert_at(&mut self, slot: usize, dummy: bool, key: Value, hash: i64) {
        if slot == 0 && self.py2_slot0_hash.is_some() {
            self.py2_slot0_hash = Some(hash);
        }
        self.table[slot] = SetEntry { hash, key };
        self.used += 1;
        self.version += 1;
        if dummy {
            return;
        }
        self.fill += 1;
        if !too_full(self.fill, self.mask()) {
            return;
        }
        let minused = if self.used > 50_000 {
            self.used * 2
        } else {
            self.used * 4
        };
        self.resize(minused);
    }

    /// Removes the entry at `slot` (from a `Found` probe), returning its key.
    pub fn remove_at(&mut self, slot: usize) -> Value {
        let old = std::mem::replace(
            &mut self.table[slot],
            SetEntry {
                hash: -1,
                key: Value::Null,
            },
        );
        self.used -= 1;
        self.version += 1;
        old.key
    }

    /// Rebuilds the table with room for `minused` entries, dropping dummies.
    pub fn resize(&mut self, minused: usize) {
        let mut newsize = MIN_SIZE;
        while newsize <= minused {
            newsize <<= 1;
        }
        let old = std::mem::replace(&mut self.table, vec![SetEntry::UNUSED; newsize]);
        self.fill = self.used;
        self.version += 1;
        let mask = newsize - 1;
        let py2 = self.py2_slot0_hash.is_some();
        if py2 {
            self.py2_slot0_hash = Some(0);
        }
        for e in old.into_iter().filter(|e| e.is_active()) {
            let slot = Self::clean_slot(&self.table, mask, e.hash, py2);
            if py2 && slot == 0 {
                self.py2_slot0_hash = Some(e.hash);
            }
            self.table[slot] = e;
        }
    }

    /// The slot where a key known to be absent goes in a table without dummies.
    fn clean_slot(table: &[SetEntry], mask: usize, hash: i64, py2: bool) -> usize {
        let mut perturb = hash as u64;
        let mut i = (hash as u64 as usize) & mask;
        loop {
            if table[i].key.is_null() {
                return i;
            }
            if py2 {
                i = Self::step_py2(i, perturb, mask);
                perturb >>= PERTURB_SHIFT;
                continue;
            }
            if i + LINEAR_PROBES <= mask {
                for j in 1..=LINEAR_PROBES {
                    if table[i + j].key.is_null() {
                        return i + j;
                    }
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// Adds a key known to be absent (e.g. copying from another set) without comparing.
    pub fn insert_new(&mut self, key: Value, hash: i64) {
        let mask = self.mask();
        let slot = Self::clean_slot(&self.table, mask, hash, self.py2_slot0_hash.is_some());
        self.insert_at(slot, false, key, hash);
    }

    /// Removes and returns an arbitrary element, the way CPython's `set.pop` picks it.
    pub fn pop(&mut self) -> Option<Value> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        if let Some(finger) = self.py2_slot0_hash {
            // 2.7: slot 0 if used, else from the finger in slot 0's hash field.
            let mut i = 0;
            if !self.table[0].is_active() {
                i = if finger < 1 || finger as u64 > mask as u64 {
                    1
                } else {
                    finger as usize
                };
                while !self.table[i].is_active() {
                    i += 1;
                    if i > mask {
                        i = 1;
                    }
                }
            }
            self.py2_slot0_hash = Some(i as i64 + 1);
            return Some(self.remove_at(i));
        }
        let mut i = self.finger & mask;
        while !self.table[i].is_active() {
            i = (i + 1) & mask;
        }
        self.finger = i + 1;
        Some(self.remove_at(i))
    }

    /// An empty table to replace this one with (the caller drops the old one after its
    /// borrow ends): its version follows this one's, so a probe suspended on the old
    /// table restarts.
    pub fn emptied(&self) -> SetData {
        SetData {
            version: self.version + 1,
            ..SetData::new()
        }
    }

    pub fn clear(&mut self) {
        *self = SetData {
            version: self.version + 1,
            ..SetData::new()
        };
    }

    /// The entry at `slot`, if active (iteration walks slots in order).
    pub fn entry(&self, slot: usize) -> Option<&SetEntry> {
        self.table.get(slot).filter(|e| e.is_active())
    }

    /// Number of slots (iteration bound).
    pub fn capacity(&self) -> usize {
        self.table.len()
    }

    /// Active plus dummy slots.
    pub fn fill(&self) -> usize {
        self.fill
    }

    /// The table's mask (number of slots minus one).
    pub fn table_mask(&self) -> usize {
        self.mask()
    }

    /// Copies `other`'s entries into this empty table as CPython's `set_merge` does: the
    /// slots as they are when the sizes match and `other` has no dummies, else a clean
    /// insertion of each entry in slot order (no resizing: the caller sized the table).
    pub fn merge_into_empty(&mut self, other: &SetData) {
        debug_assert!(self.fill == 0);
        let py2 = self.py2_slot0_hash.is_some();
        if self.table.len() == other.table.len() && other.fill == other.used && !py2 {
            for (dst, src) in self.table.iter_mut().zip(&other.table) {
                if src.is_active() {
                    *dst = src.clone();
                }
            }
        } else {
            let mask = self.mask();
            for e in other.table.iter().filter(|e| e.is_active()) {
                let slot = Self::clean_slot(&self.table, mask, e.hash, py2);
                if py2 && slot == 0 {
                    self.py2_slot0_hash = Some(e.hash);
                }
                self.table[slot] = e.clone();
            }
        }
        self.fill = other.used;
        self.used = other.used;
        self.version += 1;
    }

    /// CPython's `frozenset.__hash__`: an order-independent combination of the entries'
    /// hashes, corrected for the table's empty and dummy slots.
    pub fn frozen_hash(&self) -> i64 {
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
        }
        let mut hash: u64 = 0;
        for e in &self.table {
            hash ^= shuffle(e.hash as u64);
        }
        if (self.table.len() - self.fill) & 1 == 1 {
            hash ^= shuffle(0);
        }
        if (self.fill - self.used) & 1 == 1 {
            hash ^= shuffle(u64::MAX);
        }
        hash ^= (self.used as u64 + 1).wrapping_mul(1927868237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69069).wrapping_add(907133923);
        if hash == u64::MAX {
            hash = 590923713;
        }
        hash as i64
    }

    /// The active entries in iteration order.
    pub fn iter(&self) -> impl Iterator<Item = &SetEntry> {
        self.table.iter().filter(|e| e.is_active())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn add(s: &mut SetData, v: i64) {
        let key = Value::Int(v);
        let hash = super::super::hash::hash_i64(v);
        let mut eq = |a: &Value, b: &Value| match (a, b) {
            (Value::Int(x), Value::Int(y)) if x == y => Eq::Equal,
            _ => Eq::Different,
        };
        if let Probe::Absent { slot, dummy } = s.find(&key, hash, &mut eq) {
            s.insert_at(slot, dummy, key, hash);
        }
    }

    fn order(s: &SetData) -> Vec<i64> {
        s.iter()
            .map(|e| if let Value::Int(i) = e.key { i } else { 0 })
            .collect()
    }

    #[test]
    fn iteration_order_matches_cpython() {
        // python3 -c "print({3, 1, 2, 100, -5})" -> {1, 2, 3, 100, -5}
        let mut s = SetData::new();
        for v in [3, 1, 2, 100, -5] {
            add(&mut s, v);
        }
        assert_eq!(order(&s), vec![1, 2, 3, 100, -5]);
        // python3 -c "print(set(range(20, 0, -3)))" -> {2, 5, 8, 11, 14, 17, 20}
        let mut s = SetData::new();
        for v in (1..=20).rev().step_by(3) {
            add(&mut s, v);
        }
        assert_eq!(order(&s), vec![2, 5, 8, 11, 14, 17, 20]);
    }
}
