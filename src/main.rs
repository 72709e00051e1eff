//! The `xpython` command line: parses arguments and hands off to `xpython::cli`.

use std::process::ExitCode;

/// mimalloc rather than the system allocator: the interpreter makes and frees small
/// objects at a high rate, and mimalloc's per-size free lists serve them in far fewer
/// instructions than glibc's malloc. Built without transparent huge pages (`no_thp`):
/// with them every arena's first touch made 2 MiB resident, doubling a small program's
/// RSS.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

unsafe extern "C" {
    /// mimalloc's `mi_option_set` (linked in with the allocator).
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}

/// `mi_option_purge_delay`'s place in mimalloc v3's `mi_option_t` (include/mimalloc.h of
/// the libmimalloc-sys version in Cargo.lock).
const MI_OPTION_PURGE_DELAY: std::ffi::c_int = 15;

fn main() -> ExitCode {
    // Freed pages go back to the OS after 1 ms instead of 10 (100 for arenas): when a
    // large vector grows, the block it left would otherwise stay resident and add to the
    // peak (wordfreq's peak RSS: 256 MB -> 219 MB, glibc's 218 MB).
    // SAFETY: setting an option is allowed at any time; the value is a valid delay.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, 1) };
    xpython::cli::main()
}
