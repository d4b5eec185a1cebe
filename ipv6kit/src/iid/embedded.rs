//! IPv4-embedded IPv6 addresses (RFC 6052 §2): NAT64/DNS64 prefixes of length 32, 40, 48,
//! 56, 64 or 96, with the "u" octet (bits 64–71) left zero.
//!
//! ```
//! use ipv6kit::iid::embedded::{embed, extract, WELL_KNOWN_PREFIX};
//! let v4 = "192.0.2.33".parse().unwrap();
//! // RFC 6052 §2.4's table.
//! assert_eq!(embed(WELL_KNOWN_PREFIX, v4).unwrap().to_string(), "64:ff9b::c000:221");
//! let p48 = "2001:db8:122::/48".parse().unwrap();
//! assert_eq!(embed(p48, v4).unwrap().to_string(), "2001:db8:122:c000:2:2100::");
//! assert_eq!(extract("2001:db8:122:c000:2:2100::".parse().unwrap(), 48).unwrap(), v4);
//! ```

use crate::bits::{from_u128, prefix_mask, to_u128};
use core::net::{Ipv4Addr, Ipv6Addr};
use ipnet::Ipv6Net;

/// The NAT64 Well-Known Prefix `64:ff9b::/96` (RFC 6052 §2.1).
pub const WELL_KNOWN_PREFIX: Ipv6Net = match Ipv6Net::new(Ipv6Addr::new(0x64, 0xff9b, 0, 0, 0, 0, 0, 0), 96) {
    Ok(n) => n,
    Err(_) => panic!("constant"),
};

/// The local-use IPv4/IPv6 translation prefix `64:ff9b:1::/48` (RFC 8215).
pub const LOCAL_USE_PREFIX: Ipv6Net = match Ipv6Net::new(Ipv6Addr::new(0x64, 0xff9b, 1, 0, 0, 0, 0, 0), 48) {
    Ok(n) => n,
    Err(_) => panic!("constant"),
};

/// Why an IPv4-embedded address could not be formed or read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum EmbedError {
    /// RFC 6052 allows only /32, /40, /48, /56, /64 and /96.
    #[error("prefix length /{0} is not one of RFC 6052's 32, 40, 48, 56, 64, 96")]
    PrefixLength(u8),
    /// The prefix has bits set beyond its length.
    #[error("prefix {0} has host bits set beyond its length")]
    HostBits(Ipv6Net),
    /// The "u" octet (bits 64–71) must be zero (RFC 6052 §2.2).
    #[error("the u octet (bits 64-71) of {0} is not zero")]
    UOctet(Ipv6Addr),
}

fn check_len(len: u8) -> Result<(), EmbedError> {
    match len {
        32 | 40 | 48 | 56 | 64 | 96 => Ok(()),
        other => Err(EmbedError::PrefixLength(other)),
    }
}

/// Spreads 32 bits of IPv4 after a prefix of `len` bits, skipping the u octet.
fn spread(v4: u32, len: u8) -> u128 {
    let v = u128::from(v4);
    match len {
        96 => v,
        64 => v << 24,
        // Before the u octet: (64 - len) bits; after it: the rest, starting at bit 72.
        _ => {
            let before = 64 - u32::from(len);
            let after = 32 - before;
            let hi = v >> after; // top `before` bits
            let lo = v & ((1u128 << after) - 1);
            (hi << 64) | (lo << (56 - after))
        }
    }
}

fn gather(a: u128, len: u8) -> u32 {
    let v = match len {
        96 => a & 0xffff_ffff,
        64 => (a >> 24) & 0xffff_ffff,
        _ => {
            let before = 64 - u32::from(len);
            let after = 32 - before;
            let hi = (a >> 64) & ((1u128 << before) - 1);
            let lo = (a >> (56 - after)) & ((1u128 << after) - 1);
            (hi << after) | lo
        }
    };
    v as u32
}

/// The IPv4-embedded IPv6 address of `v4` under `prefix` (RFC 6052 §2.2). The suffix bits
/// after the IPv4 address are zero. Prefixes with bits beyond their length are refused.
///
/// RFC 6052 §3.1 forbids the Well-Known Prefix for non-global IPv4 addresses (RFC 1918
/// space and the like); this function only does the arithmetic and leaves that policy to
/// the caller.
pub fn embed(prefix: Ipv6Net, v4: Ipv4Addr) -> Result<Ipv6Addr, EmbedError> {
    let len = prefix.prefix_len();
    check_len(len)?;
    if prefix.addr() != prefix.network() {
        return Err(EmbedError::HostBits(prefix));
    }
    Ok(from_u128(to_u128(prefix.network()) | spread(u32::from(v4), len)))
}

/// The IPv4 address embedded in `addr` under a prefix of length `prefix_len` (RFC 6052 §2.2).
/// A non-zero u octet is refused (the address is not an RFC 6052 address).
pub fn extract(addr: Ipv6Addr, prefix_len: u8) -> Result<Ipv4Addr, EmbedError> {
    check_len(prefix_len)?;
    let a = to_u128(addr);
    if prefix_len != 96 && (a >> 56) & 0xff != 0 {
        return Err(EmbedError::UOctet(addr));
    }
    Ok(Ipv4Addr::from(gather(a, prefix_len)))
}

/// The IPv4 address embedded in `addr` when it lies in `prefix` (a NAT64 prefix); `None` when
/// it lies elsewhere.
pub fn extract_in(addr: Ipv6Addr, prefix: Ipv6Net) -> Result<Option<Ipv4Addr>, EmbedError> {
    check_len(prefix.prefix_len())?;
    if to_u128(addr) & prefix_mask(prefix.prefix_len()) != to_u128(prefix.network()) {
        return Ok(None);
    }
    extract(addr, prefix.prefix_len()).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc6052_section_2_4_table() {
        // RFC 6052 §2.4: 192.0.2.33 under each prefix length.
        let v4: Ipv4Addr = "192.0.2.33".parse().unwrap();
        for (p, want) in [
            ("2001:db8::/32", "2001:db8:c000:221::"),
            ("2001:db8:100::/40", "2001:db8:1c0:2:21::"),
            ("2001:db8:122::/48", "2001:db8:122:c000:2:2100::"),
            ("2001:db8:122:300::/56", "2001:db8:122:3c0:0:221::"),
            ("2001:db8:122:344::/64", "2001:db8:122:344:c0:2:2100:0"),
            ("2001:db8:122:344::/96", "2001:db8:122:344::192.0.2.33"),
        ] {
            let prefix: Ipv6Net = p.parse().unwrap();
            let got = embed(prefix, v4).unwrap();
            assert_eq!(got, want.parse::<Ipv6Addr>().unwrap(), "{p}");
            assert_eq!(extract(got, prefix.prefix_len()), Ok(v4), "{p}");
            assert_eq!(extract_in(got, prefix), Ok(Some(v4)));
        }
    }

    #[test]
    fn refusals() {
        let v4 = Ipv4Addr::new(192, 0, 2, 1);
        assert_eq!(
            embed("2001:db8::/36".parse().unwrap(), v4),
            Err(EmbedError::PrefixLength(36))
        );
        let hb: Ipv6Net = "64:ff9b::1/96".parse().unwrap();
        assert_eq!(embed(hb, v4), Err(EmbedError::HostBits(hb)));
        let bad: Ipv6Addr = "2001:db8:122:344:1c0:2:2100:0".parse().unwrap();
        assert_eq!(extract(bad, 64), Err(EmbedError::UOctet(bad)));
        assert_eq!(extract_in("2001:db8::1".parse().unwrap(), WELL_KNOWN_PREFIX), Ok(None));
    }

    proptest::proptest! {
        #[test]
        fn round_trip(v4: u32, hi: u128, li in 0usize..6) {
            let len = [32u8, 40, 48, 56, 64, 96][li];
            let prefix = Ipv6Net::new(from_u128(hi), len).unwrap().trunc();
            let a = embed(prefix, Ipv4Addr::from(v4)).unwrap();
            proptest::prop_assert!(prefix.contains(&a));
            proptest::prop_assert_eq!(extract(a, len), Ok(Ipv4Addr::from(v4)));
            if len != 96 {
                proptest::prop_assert_eq!((to_u128(a) >> 56) & 0xff, 0);
            }
        }
    }
}
