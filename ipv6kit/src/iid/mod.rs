//! Interface identifiers: the low 64 bits of an address, and the addresses made from them.
//!
//! - [`Iid`]: a 64-bit interface identifier, with the modified EUI-64 conversions
//!   (RFC 4291 Appendix A) to and from MACs and EUI-64s.
//! - [`link_local`] and [`slaac`]: addresses formed from a prefix and an identifier; the
//!   prefix's host bits are masked off, never added arithmetically.
//! - [`reserved`]: the IANA registry of reserved IIDs (RFC 5453).
//! - [`playful`]: 8 bytes of text (ipv6board) and 24-bit colours (the IPv6 Christmas tree).
//! - [`embedded`]: IPv4-embedded addresses (RFC 6052).
//! - [`classify`](mod@classify): what kind of identifier an address has.
//! - [`stable`]: stable-privacy identifiers (RFC 7217) exactly as Linux, NetworkManager and
//!   systemd-networkd compute them, and a generic RFC 7217 generator.
//! - [`temporary`]: temporary addresses (RFC 8981): random identifiers and their lifetimes.
//!
//! ```
//! use ipv6kit::iid::{link_local, Iid};
//! use ipv6kit::MacAddr6;
//!
//! let mac = MacAddr6::new(0x00, 0x11, 0x22, 0x33, 0x44, 0x55);
//! assert_eq!(Iid::from_mac(mac).to_string(), "211:22ff:fe33:4455");
//! assert_eq!(link_local(mac).to_string(), "fe80::211:22ff:fe33:4455");
//! ```

pub mod classify;
pub mod embedded;
mod eui64;
pub mod playful;
pub mod reserved;
pub mod stable;
pub mod temporary;

pub use classify::{classify, IidClass};
pub use eui64::{link_local, slaac, IidError};
pub use playful::{Colour, PlayfulError};

use core::fmt;
use core::net::Ipv6Addr;
use macaddr::{MacAddr6, MacAddr8};

/// A 64-bit interface identifier: the low half of an IPv6 address.
///
/// Displayed like the low four groups of an address (`211:22ff:fe33:4455`).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Iid([u8; 8]);

impl Iid {
    /// The identifier with these eight bytes, in network order.
    pub const fn new(bytes: [u8; 8]) -> Iid {
        Iid(bytes)
    }

    /// The eight bytes, in network order.
    pub const fn octets(&self) -> [u8; 8] {
        self.0
    }

    /// The identifier as a big-endian integer.
    pub const fn to_u64(&self) -> u64 {
        u64::from_be_bytes(self.0)
    }

    /// The identifier from a big-endian integer.
    pub const fn from_u64(v: u64) -> Iid {
        Iid(v.to_be_bytes())
    }

    /// The identifier of an address: its low 64 bits.
    pub const fn of(addr: Ipv6Addr) -> Iid {
        let o = addr.octets();
        Iid([o[8], o[9], o[10], o[11], o[12], o[13], o[14], o[15]])
    }

    /// Modified EUI-64 from a 48-bit MAC: `ff:fe` inserted in the middle and the
    /// universal/local bit (0x02 of the first byte) inverted (RFC 4291 Appendix A).
    pub const fn from_mac(mac: MacAddr6) -> Iid {
        let m = mac.into_array();
        Iid([m[0] ^ 0x02, m[1], m[2], 0xff, 0xfe, m[3], m[4], m[5]])
    }

    /// Modified EUI-64 from a native EUI-64: only the universal/local bit is inverted.
    pub const fn from_eui64(eui: MacAddr8) -> Iid {
        let mut b = eui.into_array();
        b[0] ^= 0x02;
        Iid(b)
    }

    /// The EUI-64 this identifier encodes (the universal/local bit inverted back). Always
    /// defined: every modified EUI-64 identifier has an EUI-64, whether or not it came from one.
    pub const fn to_eui64(&self) -> MacAddr8 {
        let mut b = self.0;
        b[0] ^= 0x02;
        MacAddr8::new(b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7])
    }

    /// The 48-bit MAC inside, when the identifier carries the `ff:fe` marker of a MAC-derived
    /// modified EUI-64 (bytes 3 and 4); `None` otherwise.
    pub const fn to_mac(&self) -> Option<MacAddr6> {
        let b = self.0;
        if b[3] == 0xff && b[4] == 0xfe {
            Some(MacAddr6::new(b[0] ^ 0x02, b[1], b[2], b[5], b[6], b[7]))
        } else {
            None
        }
    }

    /// The address made of `prefix`'s upper 64 bits and this identifier. The prefix's low 64
    /// bits are replaced, never added to.
    pub const fn with_prefix(&self, prefix: Ipv6Addr) -> Ipv6Addr {
        let p = prefix.octets();
        let i = self.0;
        Ipv6Addr::from_bits(u128::from_be_bytes([
            p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], i[0], i[1], i[2], i[3], i[4], i[5], i[6], i[7],
        ]))
    }

    /// The reserved-IID registry entry this identifier falls in, if any (RFC 5453).
    pub fn reserved(&self) -> Option<&'static reserved::ReservedIid> {
        reserved::lookup(*self)
    }
}

impl From<MacAddr6> for Iid {
    fn from(mac: MacAddr6) -> Iid {
        Iid::from_mac(mac)
    }
}

impl From<MacAddr8> for Iid {
    fn from(eui: MacAddr8) -> Iid {
        Iid::from_eui64(eui)
    }
}

impl From<[u8; 8]> for Iid {
    fn from(b: [u8; 8]) -> Iid {
        Iid(b)
    }
}

impl From<Iid> for [u8; 8] {
    fn from(i: Iid) -> [u8; 8] {
        i.0
    }
}

impl fmt::Display for Iid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let b = self.0;
        write!(
            f,
            "{:x}:{:x}:{:x}:{:x}",
            u16::from_be_bytes([b[0], b[1]]),
            u16::from_be_bytes([b[2], b[3]]),
            u16::from_be_bytes([b[4], b[5]]),
            u16::from_be_bytes([b[6], b[7]])
        )
    }
}

impl fmt::Debug for Iid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Iid({self})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mac(s: &str) -> MacAddr6 {
        crate::mac::parse_mac(s).unwrap()
    }
    fn a(s: &str) -> Ipv6Addr {
        s.parse().unwrap()
    }

    #[test]
    fn rfc4291_appendix_a() {
        // shared/vectors: MAC 00:11:22:33:44:55 → IID 0211:22ff:fe33:4455.
        assert_eq!(
            Iid::from_mac(mac("00:11:22:33:44:55")).octets(),
            [0x02, 0x11, 0x22, 0xff, 0xfe, 0x33, 0x44, 0x55]
        );
    }

    #[test]
    fn seed_pairs_from_v6disc() {
        // (address, MAC) pairs from the seed's host-discovery listing.
        for (addr, m) in [
            ("2001:470:db8:101:203:93ff:fe67:4362", "00:03:93:67:43:62"),
            ("2001:470:db8:101:211:24ff:fece:f1a", "00:11:24:ce:0f:1a"),
            ("fe80::ba27:ebff:fe89:bc51", "b8:27:eb:89:bc:51"),
            ("2001:db8:ebbd:2080:ba27:ebff:fe6c:288", "b8:27:eb:6c:02:88"),
            ("fe80::216:3eff:fea2:94e8", "00:16:3e:a2:94:e8"),
        ] {
            assert_eq!(Iid::of(a(addr)).to_mac(), Some(mac(m)), "{addr}");
            assert_eq!(Iid::from_mac(mac(m)).with_prefix(a(addr)), a(addr));
        }
        // The quirk: the IID says ...:39, the neighbour table said ...:38. We report the IID's.
        assert_eq!(
            Iid::of(a("2001:470:db8:101:6a1:51ff:fea0:9339")).to_mac(),
            Some(mac("04:a1:51:a0:93:39"))
        );
        // Not EUI-64: no MAC inside.
        assert_eq!(Iid::of(a("2001:470:db8:101::9c5")).to_mac(), None);
        assert_eq!(Iid::of(a("2001:470:db8:101:b41f:18a3:a97c:4a0c")).to_mac(), None);
    }

    #[test]
    fn native_eui64_flips_only_the_ul_bit() {
        let eui = MacAddr8::new(0x00, 0x12, 0x4b, 0x00, 0x01, 0x02, 0x03, 0x04);
        let iid = Iid::from_eui64(eui);
        assert_eq!(iid.octets(), [0x02, 0x12, 0x4b, 0x00, 0x01, 0x02, 0x03, 0x04]);
        assert_eq!(iid.to_eui64(), eui);
        assert_eq!(iid.to_mac(), None);
    }

    #[test]
    fn display() {
        assert_eq!(Iid::from_u64(0).to_string(), "0:0:0:0");
        assert_eq!(Iid::from_u64(0x0200_5eff_fe00_5213).to_string(), "200:5eff:fe00:5213");
    }

    proptest::proptest! {
        #[test]
        fn mac_round_trip(b in proptest::array::uniform6(0u8..)) {
            let m = MacAddr6::from(b);
            proptest::prop_assert_eq!(Iid::from_mac(m).to_mac(), Some(m));
        }

        #[test]
        fn eui64_round_trip(b in proptest::array::uniform8(0u8..)) {
            let e = MacAddr8::from(b);
            proptest::prop_assert_eq!(Iid::from_eui64(e).to_eui64(), e);
            proptest::prop_assert_eq!(Iid::from(Iid::from_eui64(e).octets()), Iid::from_eui64(e));
        }
    }
}
