//! Small helpers on 128-bit addresses shared by the modules. Private.

use core::net::Ipv6Addr;

/// The address as a big-endian integer.
#[inline]
pub(crate) const fn to_u128(a: Ipv6Addr) -> u128 {
    u128::from_be_bytes(a.octets())
}

/// The address from a big-endian integer.
#[inline]
pub(crate) const fn from_u128(v: u128) -> Ipv6Addr {
    Ipv6Addr::from_bits(v)
}

/// A mask with the top `len` bits set (`len` ≤ 128).
#[inline]
pub(crate) const fn prefix_mask(len: u8) -> u128 {
    if len == 0 {
        0
    } else if len >= 128 {
        u128::MAX
    } else {
        u128::MAX << (128 - len as u32)
    }
}
