//! The IANA registry of reserved IPv6 interface identifiers (RFC 5453), as of its last
//! update (2013-03-07).
//!
//! Stable and temporary address generators must skip these (RFC 7217 §5, RFC 8981 §3.3.1).
//! Linux skips a wider set: see `iid::stable` for the kernel's own test.
//!
//! ```
//! use ipv6kit::iid::{reserved, Iid};
//! assert_eq!(reserved::lookup(Iid::from_u64(0)).unwrap().name, "Subnet-Router Anycast");
//! assert!(reserved::lookup(Iid::from_u64(0x0211_22ff_fe33_4455)).is_none());
//! ```

use super::Iid;

/// One range of the reserved-IID registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ReservedIid {
    /// First identifier of the range.
    pub first: u64,
    /// Last identifier of the range (inclusive).
    pub last: u64,
    /// The registry's description.
    pub name: &'static str,
    /// The defining document.
    pub reference: &'static str,
}

impl ReservedIid {
    /// True when `iid` is in this range.
    pub const fn contains(&self, iid: Iid) -> bool {
        let v = iid.to_u64();
        self.first <= v && v <= self.last
    }
}

/// The date of the registry edition this table reproduces.
pub const REGISTRY_DATE: &str = "2013-03-07";

/// The registry, in order.
pub const REGISTRY: &[ReservedIid] = &[
    ReservedIid {
        first: 0,
        last: 0,
        name: "Subnet-Router Anycast",
        reference: "RFC 4291",
    },
    ReservedIid {
        first: 0x0200_5eff_fe00_0000,
        last: 0x0200_5eff_fe00_5212,
        name: "Reserved IPv6 Interface Identifiers corresponding to the IANA Ethernet Block",
        reference: "RFC 4291",
    },
    ReservedIid {
        first: 0x0200_5eff_fe00_5213,
        last: 0x0200_5eff_fe00_5213,
        name: "Proxy Mobile IPv6",
        reference: "RFC 6543",
    },
    ReservedIid {
        first: 0x0200_5eff_fe00_5214,
        last: 0x0200_5eff_feff_ffff,
        name: "Reserved IPv6 Interface Identifiers corresponding to the IANA Ethernet Block",
        reference: "RFC 4291",
    },
    ReservedIid {
        first: 0xfdff_ffff_ffff_ff80,
        last: 0xfdff_ffff_ffff_ffff,
        name: "Reserved Subnet Anycast Addresses",
        reference: "RFC 2526",
    },
];

/// The registry entry `iid` falls in, if any.
pub fn lookup(iid: Iid) -> Option<&'static ReservedIid> {
    REGISTRY.iter().find(|r| r.contains(iid))
}

/// True when `iid` is reserved by the registry.
pub fn is_reserved(iid: Iid) -> bool {
    lookup(iid).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boundaries() {
        let r = |v: u64| lookup(Iid::from_u64(v)).map(|e| e.reference);
        assert_eq!(r(0), Some("RFC 4291"));
        assert_eq!(r(1), None);
        assert_eq!(r(0x0200_5eff_fdff_ffff), None);
        assert_eq!(r(0x0200_5eff_fe00_0000), Some("RFC 4291"));
        assert_eq!(r(0x0200_5eff_fe00_5213), Some("RFC 6543"));
        assert_eq!(r(0x0200_5eff_feff_ffff), Some("RFC 4291"));
        assert_eq!(r(0x0200_5eff_ff00_0000), None);
        assert_eq!(r(0xfdff_ffff_ffff_ff7f), None);
        assert_eq!(r(0xfdff_ffff_ffff_ff80), Some("RFC 2526"));
        assert_eq!(r(u64::MAX), None);
    }

    #[test]
    fn ranges_are_ordered_and_disjoint() {
        for w in REGISTRY.windows(2) {
            assert!(w[0].first <= w[0].last && w[0].last < w[1].first);
        }
    }
}
