//! The `xpython` command line: parses arguments and hands off to `xpython::cli`; and the
//! process's allocator, mimalloc.

use std::alloc::{GlobalAlloc, Layout};
use std::ffi::{c_int, c_long, c_void};
use std::process::ExitCode;

use libmimalloc_sys as mi;

/// mimalloc rather than the system allocator: the interpreter makes and frees small
/// objects at a high rate, and mimalloc's per-size free lists serve them in far fewer
/// instructions than glibc's malloc. Built without transparent huge pages (`no_thp`):
/// with them every arena's first touch made 2 MiB resident, doubling a small program's
/// RSS.
///
/// Requests aligned to at most a word go to plain `mi_malloc` (every mimalloc block is
/// word aligned): its `_aligned` entry points take a slow generic path, which
/// over-allocates, whenever the size's free list is empty.
struct MiMalloc;

/// The alignment every `mi_malloc` block has.
const WORD: usize = std::mem::size_of::<usize>();

unsafe impl GlobalAlloc for MiMalloc {
    #[inline]
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: mimalloc's allocation functions accept any size and a power-of-two
        // alignment, which `Layout` guarantees.
        unsafe {
            if layout.align() <= WORD {
                mi::mi_malloc(layout.size()) as *mut u8
            } else {
                mi::mi_malloc_aligned(layout.size(), layout.align()) as *mut u8
            }
        }
    }

    #[inline]
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as in `alloc`.
        unsafe {
            if layout.align() <= WORD {
                mi::mi_zalloc(layout.size()) as *mut u8
            } else {
                mi::mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8
            }
        }
    }

    #[inline]
    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: `ptr` came from this allocator (GlobalAlloc's contract).
        unsafe { mi::mi_free(ptr as *mut c_void) }
    }

    #[inline]
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: `ptr` came from this allocator with `layout` (GlobalAlloc's contract).
        unsafe {
            if layout.align() <= WORD {
                mi::mi_realloc(ptr as *mut c_void, new_size) as *mut u8
            } else {
                mi::mi_realloc_aligned(ptr as *mut c_void, new_size, layout.align()) as *mut u8
            }
        }
    }
}

#[global_allocator]
static ALLOCATOR: MiMalloc = MiMalloc;

unsafe extern "C" {
    /// mimalloc's `mi_option_set` (linked in with the allocator).
    fn mi_option_set(option: c_int, value: c_long);
}

/// `mi_option_purge_delay`'s place in mimalloc v3's `mi_option_t` (include/mimalloc.h of
/// the libmimalloc-sys version in Cargo.lock).
const MI_OPTION_PURGE_DELAY: c_int = 15;

fn main() -> ExitCode {
    // Freed pages go back to the OS after 1 ms instead of 10 (100 for arenas): when a
    // large vector grows, the block it left would otherwise stay resident and add to the
    // peak (wordfreq's peak RSS: 256 MB -> 219 MB, glibc's 218 MB).
    // SAFETY: setting an option is allowed at any time; the value is a valid delay.
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, 1) };
    xpython::cli::main()
}
