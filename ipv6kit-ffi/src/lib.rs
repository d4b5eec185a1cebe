//! The C API of ipv6kit. Conversion and error mapping only: every IPv6 decision is made in
//! the `ipv6kit` core. The header `include/ipv6kit.h` is generated from this crate by cbindgen.
#![deny(missing_docs)]

/// The version of the library, as a NUL-terminated string with static lifetime.
#[no_mangle]
pub extern "C" fn ipv6kit_version() -> *const core::ffi::c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}
