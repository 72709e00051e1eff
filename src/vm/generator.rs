//! Generators, coroutines and async generators: a suspended frame and its status.

/// What a generator object holds.
pub enum GenState {
    /// Not started, or suspended at a yield.
    Suspended,
    /// Currently executing (re-entering it is a ValueError).
    Running,
    /// Returned or raised: further `next()` raises StopIteration.
    Finished,
}
