//! The C API of ipv6kit: `libipv6kit.a`, `libipv6kit.so` and `include/ipv6kit.h`.
//!
//! Conversion and error mapping only: every IPv6 decision is made in the `ipv6kit` core. The
//! header is generated from this crate by cbindgen (`cbindgen.toml`) and committed; the test
//! command fails when it is stale.
//!
//! Conventions (after rustls-ffi), stated once here and in the header:
//! - every fallible function returns an [`ipv6kit_result`]; `IPV6KIT_RESULT_OK` is 0 and the
//!   values never change;
//! - addresses are `uint8_t[16]` in network order, MACs `uint8_t[6]`, EUI-64s and interface
//!   identifiers `uint8_t[8]`, IPv4 addresses `uint8_t[4]`; prefixes are [`text::ipv6kit_prefix`];
//! - text inputs are `const char *text, size_t len` (UTF-8, no NUL needed);
//! - text outputs are `char *buf, size_t len, size_t *written`: on success the text and a
//!   terminating NUL are in `buf` and `*written` is the length WITHOUT the NUL (as `strlen`);
//!   when `len` is too small the result is `IPV6KIT_RESULT_BUFFER_TOO_SHORT` and nothing is
//!   written;
//! - NULL pointers give `IPV6KIT_RESULT_NULL_POINTER` (even with a zero length); outputs are
//!   written only on success; no panic crosses the boundary (`IPV6KIT_RESULT_PANIC` instead);
//! - `ipv6kit_last_error_message()` gives the detailed message of the last failure on the
//!   calling thread.
//!
//! Every function is thread-safe and keeps no state between calls, apart from the per-thread
//! detailed message.
#![deny(missing_docs)]
// The C names (ipv6kit_result, ipv6kit_prefix, ...) are the API.
#![allow(non_camel_case_types)]
#![deny(unsafe_op_in_unsafe_fn)]
#![deny(clippy::undocumented_unsafe_blocks)]

mod boundary;
pub mod classify;
pub mod dns;
pub mod embedded;
pub mod iid;
pub mod multicast;
pub mod ndp;
pub mod ndp_writer;
pub mod oui;
pub mod plan;
pub mod playful;
pub mod registry;
pub mod result;
pub mod sixrd;
pub mod stable;
pub mod text;

pub use result::ipv6kit_result;

use boundary::TextOut;
use core::ffi::c_char;

/// The version of the library ("0.1.0"), as a NUL-terminated string with static lifetime (never
/// NULL, never to be freed).
#[no_mangle]
pub extern "C" fn ipv6kit_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

/// Writes the detailed message of the last failed call on the calling thread (for example
/// "unexpected character 'z' at position 0 of the MAC address") into `buf`. Before any failure
/// the message is empty. Calls that succeed leave it unchanged; a failure of this function
/// itself (NULL, short buffer) does not replace it.
///
/// # Safety
/// `buf` must be valid for writing `len` bytes and `written` for writing a `size_t`.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_last_error_message(
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    let message = result::last_message();
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let out = TextOut::new(buf, len, written)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write_str(&message) }
    }));
    match outcome {
        Ok(Ok(())) => ipv6kit_result::Ok,
        Ok(Err(fail)) => fail.code,
        Err(_) => ipv6kit_result::Panic,
    }
}

/// Forces a panic inside the boundary, to prove that it is caught. Test builds only.
#[cfg(test)]
fn panic_inside_the_boundary() -> ipv6kit_result {
    boundary::guard(|| panic!("deliberate"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_a_result_code() {
        assert_eq!(panic_inside_the_boundary(), ipv6kit_result::Panic);
        assert!(result::last_message().contains("internal error"));
    }

    #[test]
    fn version_is_the_package_version() {
        // SAFETY: ipv6kit_version returns a static NUL-terminated string.
        let v = unsafe { core::ffi::CStr::from_ptr(ipv6kit_version()) };
        assert_eq!(v.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
    }
}
