//! The IANA IPv6 Special-Purpose Address Registry, as a table, and the predicates that follow
//! from it.
//!
//! [`ENTRIES`] reproduces every row of the registry edition dated [`EDITION`] (IANA's own
//! "Last Updated" date; the rows were transcribed from `iana-ipv6-special-registry-1.csv` of
//! that edition, 25 records). RFC 6890 §2.2 and RFC 8190 define the columns:
//!
//! - **Source / Destination**: an address from the block is valid as the source / destination of
//!   a datagram that transits two devices;
//! - **Forwardable**: a router may forward a datagram with such a destination between external
//!   interfaces;
//! - **Globally Reachable**: such a datagram may be forwarded beyond an administrative domain;
//! - **Reserved-by-Protocol**: every IP implementation must treat the block specially.
//!
//! A column the registry writes as "N/A" (Teredo's and 6to4's Globally Reachable) is `None`. The
//! terminated entry `2001:10::/28` (the first ORCHID) has every column empty in the registry; it
//! is kept with `terminated` set and all flags `None`.
//!
//! The table is sorted by network address and then by prefix length, so an entry always comes
//! before the entries nested in it (`2001::/23` before `2001::/32`).
//!
//! ```
//! use core::net::Ipv6Addr;
//! use ipv6kit::registry;
//!
//! let a: Ipv6Addr = "2001:2::1".parse().unwrap();
//! let names: Vec<_> = registry::entries(a).map(|e| e.name).collect();
//! assert_eq!(names, ["IETF Protocol Assignments", "Benchmarking"]); // least specific first
//! assert!(registry::is_benchmarking(a) && !registry::is_global(a));
//! assert!(!registry::is_global("3fff::1".parse().unwrap())); // RFC 9637 documentation
//! assert!(registry::is_global("2001:4:112::1".parse().unwrap())); // AS112-v6
//! ```
//!
//! What this table does not hold: prefixes that were in earlier editions but have been removed
//! (for example RFC 7954's LISP EID block `2001:5::/32`, terminated in 2019), the deprecated
//! site-local prefix `fec0::/10` (in the IPv6 Address Space registry, not this one) and
//! multicast (its own registry; see [`crate::multicast`]). The IPv4 registry needed for
//! embedded IPv4 addresses is in [`ipv4`].

use crate::bits::{prefix_mask, to_u128};
use core::net::Ipv6Addr;
use ipnet::Ipv6Net;

/// One entry of the IANA IPv6 Special-Purpose Address Registry.
///
/// The four boolean columns are `None` where the registry says "N/A" (for example for
/// 2001::/23 as a whole).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Entry {
    /// The address block.
    pub prefix: Ipv6Net,
    /// The registry's name for it.
    pub name: &'static str,
    /// The defining RFC(s), as the registry writes them ("RFC 4291").
    pub rfc: &'static str,
    /// Allocation date as the registry writes it ("2006-02").
    pub allocated: &'static str,
    /// Termination date, if the allocation has one.
    pub terminated: Option<&'static str>,
    /// May appear as a source address.
    pub source: Option<bool>,
    /// May appear as a destination address.
    pub destination: Option<bool>,
    /// May be forwarded by routers.
    pub forwardable: Option<bool>,
    /// Globally reachable.
    pub globally_reachable: Option<bool>,
    /// Reserved by protocol.
    pub reserved_by_protocol: Option<bool>,
}

impl Entry {
    /// True when `addr` lies in this entry's block.
    pub const fn contains(&self, addr: Ipv6Addr) -> bool {
        net_contains(self.prefix, addr)
    }

    /// True when the whole of `net` lies in this entry's block.
    pub fn covers(&self, net: Ipv6Net) -> bool {
        self.prefix.contains(&net)
    }

    /// True when this entry's block and `net` share at least one address. Two IPv6 prefixes
    /// overlap exactly when one contains the other.
    pub fn overlaps(&self, net: Ipv6Net) -> bool {
        self.prefix.contains(&net) || net.contains(&self.prefix)
    }

    /// True for an allocation the registry lists as terminated (its flags are empty).
    pub const fn is_terminated(&self) -> bool {
        self.terminated.is_some()
    }
}

const fn net_contains(net: Ipv6Net, addr: Ipv6Addr) -> bool {
    let m = prefix_mask(net.prefix_len());
    to_u128(addr) & m == to_u128(net.addr()) & m
}

#[allow(clippy::too_many_arguments)]
const fn net(a: u16, b: u16, c: u16, d: u16, e: u16, f: u16, g: u16, h: u16, len: u8) -> Ipv6Net {
    Ipv6Net::new_assert(Ipv6Addr::new(a, b, c, d, e, f, g, h), len)
}

/// The date of the registry edition [`ENTRIES`] reproduces (IANA's "Last Updated").
pub const EDITION: &str = "2025-10-09";

/// `::/128`, the unspecified address (RFC 4291).
pub const UNSPECIFIED: Ipv6Net = net(0, 0, 0, 0, 0, 0, 0, 0, 128);
/// `::1/128`, the loopback address (RFC 4291).
pub const LOOPBACK: Ipv6Net = net(0, 0, 0, 0, 0, 0, 0, 1, 128);
/// `::ffff:0:0/96`, IPv4-mapped addresses (RFC 4291).
pub const IPV4_MAPPED: Ipv6Net = net(0, 0, 0, 0, 0, 0xffff, 0, 0, 96);
/// `64:ff9b::/96`, the well-known IPv4/IPv6 translation (NAT64) prefix (RFC 6052).
pub const NAT64_WELL_KNOWN: Ipv6Net = net(0x64, 0xff9b, 0, 0, 0, 0, 0, 0, 96);
/// `64:ff9b:1::/48`, the local-use IPv4/IPv6 translation prefix (RFC 8215).
pub const NAT64_LOCAL_USE: Ipv6Net = net(0x64, 0xff9b, 1, 0, 0, 0, 0, 0, 48);
/// `100::/64`, the discard-only block (RFC 6666).
pub const DISCARD_ONLY: Ipv6Net = net(0x100, 0, 0, 0, 0, 0, 0, 0, 64);
/// `100:0:0:1::/64`, the dummy prefix (RFC 9780). A sibling of `100::/64`, not inside it.
pub const DUMMY: Ipv6Net = net(0x100, 0, 0, 1, 0, 0, 0, 0, 64);
/// `2001::/23`, IETF protocol assignments (RFC 2928).
pub const IETF_PROTOCOL_ASSIGNMENTS: Ipv6Net = net(0x2001, 0, 0, 0, 0, 0, 0, 0, 23);
/// `2001::/32`, Teredo (RFC 4380).
pub const TEREDO: Ipv6Net = net(0x2001, 0, 0, 0, 0, 0, 0, 0, 32);
/// `2001:1::1/128`, Port Control Protocol anycast (RFC 7723).
pub const PCP_ANYCAST: Ipv6Net = net(0x2001, 1, 0, 0, 0, 0, 0, 1, 128);
/// `2001:1::2/128`, TURN anycast (RFC 8155).
pub const TURN_ANYCAST: Ipv6Net = net(0x2001, 1, 0, 0, 0, 0, 0, 2, 128);
/// `2001:1::3/128`, DNS-SD Service Registration Protocol anycast (RFC 9665).
pub const DNS_SD_SRP_ANYCAST: Ipv6Net = net(0x2001, 1, 0, 0, 0, 0, 0, 3, 128);
/// `2001:2::/48`, benchmarking (RFC 5180 as corrected by erratum 1752).
pub const BENCHMARKING: Ipv6Net = net(0x2001, 2, 0, 0, 0, 0, 0, 0, 48);
/// `2001:3::/32`, Automatic Multicast Tunneling (RFC 7450).
pub const AMT: Ipv6Net = net(0x2001, 3, 0, 0, 0, 0, 0, 0, 32);
/// `2001:4:112::/48`, AS112-v6 (RFC 7535).
pub const AS112_V6: Ipv6Net = net(0x2001, 4, 0x112, 0, 0, 0, 0, 0, 48);
/// `2001:10::/28`, the first ORCHID prefix (RFC 4843), terminated 2014-03.
pub const ORCHID_DEPRECATED: Ipv6Net = net(0x2001, 0x10, 0, 0, 0, 0, 0, 0, 28);
/// `2001:20::/28`, ORCHIDv2 (RFC 7343).
pub const ORCHID_V2: Ipv6Net = net(0x2001, 0x20, 0, 0, 0, 0, 0, 0, 28);
/// `2001:30::/28`, Drone Remote ID Protocol Entity Tags (RFC 9374).
pub const DRIP_DET: Ipv6Net = net(0x2001, 0x30, 0, 0, 0, 0, 0, 0, 28);
/// `2001:db8::/32`, documentation (RFC 3849).
pub const DOCUMENTATION: Ipv6Net = net(0x2001, 0xdb8, 0, 0, 0, 0, 0, 0, 32);
/// `2002::/16`, 6to4 (RFC 3056).
pub const SIX_TO_FOUR: Ipv6Net = net(0x2002, 0, 0, 0, 0, 0, 0, 0, 16);
/// `2620:4f:8000::/48`, direct delegation AS112 service (RFC 7534).
pub const AS112_DIRECT_DELEGATION: Ipv6Net = net(0x2620, 0x4f, 0x8000, 0, 0, 0, 0, 0, 48);
/// `3fff::/20`, documentation (RFC 9637).
pub const DOCUMENTATION_2: Ipv6Net = net(0x3fff, 0, 0, 0, 0, 0, 0, 0, 20);
/// `5f00::/16`, Segment Routing (SRv6) SIDs (RFC 9602).
pub const SRV6_SIDS: Ipv6Net = net(0x5f00, 0, 0, 0, 0, 0, 0, 0, 16);
/// `fc00::/7`, unique local addresses (RFC 4193).
pub const UNIQUE_LOCAL: Ipv6Net = net(0xfc00, 0, 0, 0, 0, 0, 0, 0, 7);
/// `fe80::/10`, link-local unicast (RFC 4291).
pub const LINK_LOCAL: Ipv6Net = net(0xfe80, 0, 0, 0, 0, 0, 0, 0, 10);
/// `2000::/3`, global unicast (IPv6 Address Space registry, RFC 4291): where an address with no
/// special-purpose entry is globally reachable.
pub const GLOBAL_UNICAST: Ipv6Net = net(0x2000, 0, 0, 0, 0, 0, 0, 0, 3);

#[allow(clippy::too_many_arguments)]
const fn e(
    prefix: Ipv6Net,
    name: &'static str,
    rfc: &'static str,
    allocated: &'static str,
    source: bool,
    destination: bool,
    forwardable: bool,
    globally_reachable: Option<bool>,
    reserved_by_protocol: bool,
) -> Entry {
    Entry {
        prefix,
        name,
        rfc,
        allocated,
        terminated: None,
        source: Some(source),
        destination: Some(destination),
        forwardable: Some(forwardable),
        globally_reachable,
        reserved_by_protocol: Some(reserved_by_protocol),
    }
}

const T: bool = true;
const F: bool = false;

/// The registry's entries in ascending prefix order (network address, then prefix length), as of
/// [`EDITION`].
#[rustfmt::skip]
pub static ENTRIES: &[Entry] = &[
    e(UNSPECIFIED, "Unspecified Address", "RFC 4291", "2006-02", T, F, F, Some(F), T),
    e(LOOPBACK, "Loopback Address", "RFC 4291", "2006-02", F, F, F, Some(F), T),
    e(IPV4_MAPPED, "IPv4-mapped Address", "RFC 4291", "2006-02", F, F, F, Some(F), T),
    e(NAT64_WELL_KNOWN, "IPv4-IPv6 Translat.", "RFC 6052", "2010-10", T, T, T, Some(T), F),
    e(NAT64_LOCAL_USE, "IPv4-IPv6 Translat.", "RFC 8215", "2017-06", T, T, T, Some(F), F),
    e(DISCARD_ONLY, "Discard-Only Address Block", "RFC 6666", "2012-06", T, T, T, Some(F), F),
    e(DUMMY, "Dummy IPv6 Prefix", "RFC 9780", "2025-04", T, F, F, Some(F), F),
    // Footnote [1] on all four: "Unless allowed by a more specific allocation."
    e(IETF_PROTOCOL_ASSIGNMENTS, "IETF Protocol Assignments", "RFC 2928", "2000-09", F, F, F, Some(F), F),
    // Footnote [2]: Globally Reachable "N/A", see RFC 4380 §5.
    e(TEREDO, "TEREDO", "RFC 4380, RFC 8190", "2006-01", T, T, T, None, F),
    e(PCP_ANYCAST, "Port Control Protocol Anycast", "RFC 7723", "2015-10", T, T, T, Some(T), F),
    e(TURN_ANYCAST, "Traversal Using Relays around NAT Anycast", "RFC 8155", "2017-02", T, T, T, Some(T), F),
    e(DNS_SD_SRP_ANYCAST, "DNS-SD Service Registration Protocol Anycast", "RFC 9665", "2024-04", T, T, T, Some(T), F),
    e(BENCHMARKING, "Benchmarking", "RFC 5180, RFC Errata 1752", "2008-04", T, T, T, Some(F), F),
    e(AMT, "AMT", "RFC 7450", "2014-12", T, T, T, Some(T), F),
    e(AS112_V6, "AS112-v6", "RFC 7535", "2014-12", T, T, T, Some(T), F),
    Entry {
        prefix: ORCHID_DEPRECATED,
        name: "Deprecated (previously ORCHID)",
        rfc: "RFC 4843",
        allocated: "2007-03",
        terminated: Some("2014-03"),
        source: None,
        destination: None,
        forwardable: None,
        globally_reachable: None,
        reserved_by_protocol: None,
    },
    e(ORCHID_V2, "ORCHIDv2", "RFC 7343", "2014-07", T, T, T, Some(T), F),
    e(DRIP_DET, "Drone Remote ID Protocol Entity Tags (DETs) Prefix", "RFC 9374", "2022-12", T, T, T, Some(T), F),
    e(DOCUMENTATION, "Documentation", "RFC 3849", "2004-07", F, F, F, Some(F), F),
    // Footnote [3]: Globally Reachable "N/A", see RFC 3056.
    e(SIX_TO_FOUR, "6to4", "RFC 3056", "2001-02", T, T, T, None, F),
    e(AS112_DIRECT_DELEGATION, "Direct Delegation AS112 Service", "RFC 7534", "2011-05", T, T, T, Some(T), F),
    e(DOCUMENTATION_2, "Documentation", "RFC 9637", "2024-07", F, F, F, Some(F), F),
    e(SRV6_SIDS, "Segment Routing (SRv6) SIDs", "RFC 9602", "2024-04", T, T, T, Some(F), F),
    // Footnote [4]: drawn from global unicast space but not globally routed (RFC 4193).
    e(UNIQUE_LOCAL, "Unique-Local", "RFC 4193, RFC 8190", "2005-10", T, T, T, Some(F), F),
    e(LINK_LOCAL, "Link-Local Unicast", "RFC 4291", "2006-02", T, T, F, Some(F), T),
];

/// Every entry whose block contains `addr`, **least specific first, most specific last**
/// (`2001::/23` before `2001:2::/48`). Empty for an address no entry covers.
pub fn entries(addr: Ipv6Addr) -> impl Iterator<Item = &'static Entry> + Clone {
    ENTRIES.iter().filter(move |e| e.contains(addr))
}

/// The most specific entry containing `addr`, if any.
pub fn lookup(addr: Ipv6Addr) -> Option<&'static Entry> {
    entries(addr).last()
}

/// Every entry whose block shares at least one address with `net`, in table order (least
/// specific first).
///
/// Two IPv6 prefixes overlap exactly when one contains the other, so each entry returned either
/// **covers** `net` (`e.covers(net)`: the whole prefix is special space, for example
/// `2001:db8:1::/48`) or lies **inside** it (`net.contains(&e.prefix)`: the prefix includes
/// special space, for example `2001::/16` includes Teredo, benchmarking, documentation...).
/// An empty iterator means the prefix touches no special-purpose space.
///
/// ```
/// use ipv6kit::registry::entries_for_prefix;
/// let net = "2001::/16".parse().unwrap();
/// assert!(entries_for_prefix(net).any(|e| e.name == "Documentation"));
/// let inside = "2001:db8:ebbd::/48".parse().unwrap();
/// assert!(entries_for_prefix(inside).all(|e| e.covers(inside)));
/// assert_eq!(entries_for_prefix("2a00::/12".parse().unwrap()).count(), 0);
/// ```
pub fn entries_for_prefix(net: Ipv6Net) -> impl Iterator<Item = &'static Entry> + Clone {
    let net = net.trunc();
    ENTRIES.iter().filter(move |e| e.overlaps(net))
}

/// Whether the registry says `addr` is globally reachable.
///
/// The rule, in order:
/// 1. **Multicast** (`ff00::/8`, outside this registry): true exactly for global scope (`ffxe::`).
/// 2. The **most specific entry** containing `addr` that is not terminated decides: its Globally
///    Reachable column if it is true or false, and **false when it says "N/A"** (Teredo
///    `2001::/32` and 6to4 `2002::/16`: the registry does not affirm them, and Teredo's parent
///    `2001::/23` says false "unless allowed by a more specific allocation"). The terminated
///    `2001:10::/28` has no flags, so its parent `2001::/23` decides (false).
/// 3. **No entry**: true inside `2000::/3` (global unicast), false elsewhere (the rest of
///    `::/8`, the deprecated site-local `fec0::/10`, and the unassigned space IANA reserves).
///
/// Compared with Rust's unstable `Ipv6Addr::is_global` (read in rust-lang/rust
/// `library/core/src/net/ip_addr.rs`, 2025): the same answer on every registry entry except
/// `3fff::/20`, `5f00::/16` and `100:0:0:1::/64` (std says global, the registry says not) and
/// `2001:1::3` (std says not global, the registry says global); std also calls every multicast
/// address and all space outside `2000::/3` (`fec0::1`, `4000::1`) global.
///
/// Compared with Python's `ipaddress` `is_global` (read in CPython's main branch; Python 3.11
/// also calls `3fff::/20` global): Python misses `5f00::/16`, `100:0:0:1::/64` and the
/// `2001:1::3` exception, calls every multicast address global, and answers for an
/// IPv4-mapped address with the embedded IPv4 address's flag, where the registry says
/// `::ffff:0:0/96` is not globally reachable (ask [`ipv4::is_global`] about the embedded
/// address for that question, as [`crate::describe`] does).
///
/// ```
/// use ipv6kit::registry::is_global;
/// assert!(is_global("2a00:1450::1".parse().unwrap()));
/// assert!(!is_global("fd00::1".parse().unwrap()));
/// assert!(!is_global("2001::1".parse().unwrap())); // Teredo: N/A
/// assert!(is_global("2001:20::1".parse().unwrap())); // ORCHIDv2
/// assert!(is_global("ff0e::1".parse().unwrap()) && !is_global("ff02::1".parse().unwrap()));
/// ```
pub fn is_global(addr: Ipv6Addr) -> bool {
    if addr.is_multicast() {
        return addr.octets()[1] & 0x0f == 0x0e;
    }
    match entries(addr).filter(|e| !e.is_terminated()).last() {
        Some(e) => e.globally_reachable.unwrap_or(false),
        None => net_contains(GLOBAL_UNICAST, addr),
    }
}

/// Documentation addresses: `2001:db8::/32` (RFC 3849) or `3fff::/20` (RFC 9637).
pub const fn is_documentation(addr: Ipv6Addr) -> bool {
    net_contains(DOCUMENTATION, addr) || net_contains(DOCUMENTATION_2, addr)
}

/// Unique local addresses, `fc00::/7` (RFC 4193).
pub const fn is_ula(addr: Ipv6Addr) -> bool {
    net_contains(UNIQUE_LOCAL, addr)
}

/// Link-local unicast, `fe80::/10` (RFC 4291).
pub const fn is_link_local(addr: Ipv6Addr) -> bool {
    net_contains(LINK_LOCAL, addr)
}

/// Benchmarking, `2001:2::/48` (RFC 5180, erratum 1752).
pub const fn is_benchmarking(addr: Ipv6Addr) -> bool {
    net_contains(BENCHMARKING, addr)
}

/// Teredo, `2001::/32` (RFC 4380).
pub const fn is_teredo(addr: Ipv6Addr) -> bool {
    net_contains(TEREDO, addr)
}

/// 6to4, `2002::/16` (RFC 3056).
pub const fn is_6to4(addr: Ipv6Addr) -> bool {
    net_contains(SIX_TO_FOUR, addr)
}

/// IPv4/IPv6 translation: the well-known `64:ff9b::/96` (RFC 6052) or the local-use
/// `64:ff9b:1::/48` (RFC 8215).
pub const fn is_nat64(addr: Ipv6Addr) -> bool {
    net_contains(NAT64_WELL_KNOWN, addr) || net_contains(NAT64_LOCAL_USE, addr)
}

/// IPv4-mapped, `::ffff:0:0/96` (RFC 4291).
pub const fn is_ipv4_mapped(addr: Ipv6Addr) -> bool {
    net_contains(IPV4_MAPPED, addr)
}

/// Discard-only, `100::/64` (RFC 6666).
pub const fn is_discard(addr: Ipv6Addr) -> bool {
    net_contains(DISCARD_ONLY, addr)
}

/// The dummy prefix, `100:0:0:1::/64` (RFC 9780).
pub const fn is_dummy(addr: Ipv6Addr) -> bool {
    net_contains(DUMMY, addr)
}

/// ORCHIDv2, `2001:20::/28` (RFC 7343). The terminated first ORCHID prefix `2001:10::/28` is
/// not included: see [`is_orchid_deprecated`].
pub const fn is_orchid(addr: Ipv6Addr) -> bool {
    net_contains(ORCHID_V2, addr)
}

/// The terminated first ORCHID prefix, `2001:10::/28` (RFC 4843).
pub const fn is_orchid_deprecated(addr: Ipv6Addr) -> bool {
    net_contains(ORCHID_DEPRECATED, addr)
}

/// Drone Remote ID entity tags, `2001:30::/28` (RFC 9374).
pub const fn is_drip_det(addr: Ipv6Addr) -> bool {
    net_contains(DRIP_DET, addr)
}

/// AMT, `2001:3::/32` (RFC 7450).
pub const fn is_amt(addr: Ipv6Addr) -> bool {
    net_contains(AMT, addr)
}

/// AS112: `2001:4:112::/48` (RFC 7535) or the direct delegation `2620:4f:8000::/48` (RFC 7534).
pub const fn is_as112(addr: Ipv6Addr) -> bool {
    net_contains(AS112_V6, addr) || net_contains(AS112_DIRECT_DELEGATION, addr)
}

/// Segment Routing (SRv6) SIDs, `5f00::/16` (RFC 9602).
pub const fn is_srv6_sid(addr: Ipv6Addr) -> bool {
    net_contains(SRV6_SIDS, addr)
}

/// The IANA IPv4 Special-Purpose Address Registry: what an IPv6 address embedding an IPv4
/// address (mapped, NAT64, 6to4, Teredo, ISATAP) says about that IPv4 address.
///
/// ```
/// use ipv6kit::registry::ipv4;
/// assert!(!ipv4::is_global("192.168.1.1".parse().unwrap()));
/// assert!(ipv4::is_private_use("10.0.0.1".parse().unwrap()));
/// assert!(ipv4::is_global("192.0.0.9".parse().unwrap())); // PCP anycast inside 192.0.0.0/24
/// assert!(ipv4::is_global("8.8.8.8".parse().unwrap()));
/// ```
pub mod ipv4 {
    use core::net::Ipv4Addr;
    use ipnet::Ipv4Net;

    /// One entry of the IANA IPv4 Special-Purpose Address Registry. Same columns as the IPv6
    /// [`Entry`](super::Entry).
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    #[cfg_attr(feature = "serde", derive(serde::Serialize))]
    pub struct Ipv4Entry {
        /// The address block.
        pub prefix: Ipv4Net,
        /// The registry's name for it.
        pub name: &'static str,
        /// The defining RFC(s).
        pub rfc: &'static str,
        /// Allocation date ("1996-02").
        pub allocated: &'static str,
        /// Termination date, if any.
        pub terminated: Option<&'static str>,
        /// May appear as a source address.
        pub source: Option<bool>,
        /// May appear as a destination address.
        pub destination: Option<bool>,
        /// May be forwarded by routers.
        pub forwardable: Option<bool>,
        /// Globally reachable.
        pub globally_reachable: Option<bool>,
        /// Reserved by protocol.
        pub reserved_by_protocol: Option<bool>,
    }

    impl Ipv4Entry {
        /// True when `addr` lies in this entry's block.
        pub const fn contains(&self, addr: Ipv4Addr) -> bool {
            let len = self.prefix.prefix_len();
            let m = if len == 0 { 0 } else { u32::MAX << (32 - len as u32) };
            u32::from_be_bytes(addr.octets()) & m == u32::from_be_bytes(self.prefix.addr().octets()) & m
        }
    }

    /// The date of the IPv4 registry edition reproduced here.
    pub const EDITION: &str = "2025-10-09";

    #[allow(clippy::too_many_arguments)]
    const fn e(
        a: [u8; 4],
        len: u8,
        name: &'static str,
        rfc: &'static str,
        allocated: &'static str,
        s: bool,
        d: bool,
        f: bool,
        g: bool,
        r: bool,
    ) -> Ipv4Entry {
        Ipv4Entry {
            prefix: Ipv4Net::new_assert(Ipv4Addr::new(a[0], a[1], a[2], a[3]), len),
            name,
            rfc,
            allocated,
            terminated: None,
            source: Some(s),
            destination: Some(d),
            forwardable: Some(f),
            globally_reachable: Some(g),
            reserved_by_protocol: Some(r),
        }
    }

    const T: bool = true;
    const F: bool = false;

    /// The IPv4 registry's entries in ascending prefix order. The registry's one row holding two
    /// blocks (`192.0.0.170/32, 192.0.0.171/32`, NAT64/DNS64 discovery) is two entries here.
    #[rustfmt::skip]
    pub static ENTRIES: &[Ipv4Entry] = &[
        e([0, 0, 0, 0], 8, "\"This network\"", "RFC 791, Section 3.2", "1981-09", T, F, F, F, T),
        e([0, 0, 0, 0], 32, "\"This host on this network\"", "RFC 1122, Section 3.2.1.3", "1981-09", T, F, F, F, T),
        e([10, 0, 0, 0], 8, "Private-Use", "RFC 1918", "1996-02", T, T, T, F, F),
        e([100, 64, 0, 0], 10, "Shared Address Space", "RFC 6598", "2012-04", T, T, T, F, F),
        // Footnote [1] on all four: exceptions granted to some protocols (RFC 8029, RFC 5884).
        e([127, 0, 0, 0], 8, "Loopback", "RFC 1122, Section 3.2.1.3", "1981-09", F, F, F, F, T),
        e([169, 254, 0, 0], 16, "Link Local", "RFC 3927", "2005-05", T, T, F, F, T),
        e([172, 16, 0, 0], 12, "Private-Use", "RFC 1918", "1996-02", T, T, T, F, F),
        // Footnote [2]: "Not useable unless by virtue of a more specific reservation."
        e([192, 0, 0, 0], 24, "IETF Protocol Assignments", "RFC 6890, Section 2.1", "2010-01", F, F, F, F, F),
        e([192, 0, 0, 0], 29, "IPv4 Service Continuity Prefix", "RFC 7335", "2011-06", T, T, T, F, F),
        e([192, 0, 0, 8], 32, "IPv4 dummy address", "RFC 7600", "2015-03", T, F, F, F, F),
        e([192, 0, 0, 9], 32, "Port Control Protocol Anycast", "RFC 7723", "2015-10", T, T, T, T, F),
        e([192, 0, 0, 10], 32, "Traversal Using Relays around NAT Anycast", "RFC 8155", "2017-02", T, T, T, T, F),
        e([192, 0, 0, 170], 32, "NAT64/DNS64 Discovery", "RFC 8880, RFC 7050, Section 2.2", "2013-02", F, F, F, F, T),
        e([192, 0, 0, 171], 32, "NAT64/DNS64 Discovery", "RFC 8880, RFC 7050, Section 2.2", "2013-02", F, F, F, F, T),
        e([192, 0, 2, 0], 24, "Documentation (TEST-NET-1)", "RFC 5737", "2010-01", F, F, F, F, F),
        e([192, 31, 196, 0], 24, "AS112-v4", "RFC 7535", "2014-12", T, T, T, T, F),
        e([192, 52, 193, 0], 24, "AMT", "RFC 7450", "2014-12", T, T, T, T, F),
        Ipv4Entry {
            prefix: Ipv4Net::new_assert(Ipv4Addr::new(192, 88, 99, 0), 24),
            name: "Deprecated (6to4 Relay Anycast)",
            rfc: "RFC 7526",
            allocated: "2001-06",
            terminated: Some("2015-03"),
            source: None,
            destination: None,
            forwardable: None,
            globally_reachable: None,
            reserved_by_protocol: None,
        },
        e([192, 88, 99, 2], 32, "6a44-relay anycast address", "RFC 6751", "2012-10", T, T, T, F, F),
        e([192, 168, 0, 0], 16, "Private-Use", "RFC 1918", "1996-02", T, T, T, F, F),
        e([192, 175, 48, 0], 24, "Direct Delegation AS112 Service", "RFC 7534", "1996-01", T, T, T, T, F),
        e([198, 18, 0, 0], 15, "Benchmarking", "RFC 2544", "1999-03", T, T, T, F, F),
        e([198, 51, 100, 0], 24, "Documentation (TEST-NET-2)", "RFC 5737", "2010-01", F, F, F, F, F),
        e([203, 0, 113, 0], 24, "Documentation (TEST-NET-3)", "RFC 5737", "2010-01", F, F, F, F, F),
        e([240, 0, 0, 0], 4, "Reserved", "RFC 1112, Section 4", "1989-08", F, F, F, F, T),
        e([255, 255, 255, 255], 32, "Limited Broadcast", "RFC 8190, RFC 919, Section 7", "1984-10", F, T, F, F, T),
    ];

    /// Every entry containing `addr`, least specific first.
    pub fn entries(addr: Ipv4Addr) -> impl Iterator<Item = &'static Ipv4Entry> + Clone {
        ENTRIES.iter().filter(move |e| e.contains(addr))
    }

    /// The most specific entry containing `addr`.
    pub fn lookup(addr: Ipv4Addr) -> Option<&'static Ipv4Entry> {
        entries(addr).last()
    }

    /// Whether `addr` is globally reachable: the most specific non-terminated entry's flag; with
    /// no entry, true for unicast, and for multicast (`224.0.0.0/4`, its own registry) true
    /// except the link-local control block `224.0.0.0/24` and the administratively scoped
    /// `239.0.0.0/8` (RFC 2365).
    pub fn is_global(addr: Ipv4Addr) -> bool {
        if addr.is_multicast() {
            let o = addr.octets();
            return !(o[0] == 239 || (o[0] == 224 && o[1] == 0 && o[2] == 0));
        }
        match entries(addr).filter(|e| e.terminated.is_none()).last() {
            Some(e) => e.globally_reachable.unwrap_or(false),
            None => true,
        }
    }

    /// Private-use space of RFC 1918 (`10/8`, `172.16/12`, `192.168/16`).
    pub fn is_private_use(addr: Ipv4Addr) -> bool {
        lookup(addr).is_some_and(|e| e.name == "Private-Use")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(s: &str) -> Ipv6Addr {
        s.parse().unwrap()
    }

    /// Every row of `iana-ipv6-special-registry-1.csv`, edition 2025-10-09, written out as the
    /// registry's text gives it (prefix, name, RFC, allocation, termination, Source, Destination,
    /// Forwardable, Globally Reachable, Reserved-by-Protocol; "N/A" and empty cells as "-").
    /// Transcribed independently of `ENTRIES` above, so a slip in either shows.
    const REGISTRY_TEXT: &str = "\
::1/128|Loopback Address|RFC 4291|2006-02|-|False|False|False|False|True
::/128|Unspecified Address|RFC 4291|2006-02|-|True|False|False|False|True
::ffff:0:0/96|IPv4-mapped Address|RFC 4291|2006-02|-|False|False|False|False|True
64:ff9b::/96|IPv4-IPv6 Translat.|RFC 6052|2010-10|-|True|True|True|True|False
64:ff9b:1::/48|IPv4-IPv6 Translat.|RFC 8215|2017-06|-|True|True|True|False|False
100::/64|Discard-Only Address Block|RFC 6666|2012-06|-|True|True|True|False|False
100:0:0:1::/64|Dummy IPv6 Prefix|RFC 9780|2025-04|-|True|False|False|False|False
2001::/23|IETF Protocol Assignments|RFC 2928|2000-09|-|False|False|False|False|False
2001::/32|TEREDO|RFC 4380, RFC 8190|2006-01|-|True|True|True|-|False
2001:1::1/128|Port Control Protocol Anycast|RFC 7723|2015-10|-|True|True|True|True|False
2001:1::2/128|Traversal Using Relays around NAT Anycast|RFC 8155|2017-02|-|True|True|True|True|False
2001:1::3/128|DNS-SD Service Registration Protocol Anycast|RFC 9665|2024-04|-|True|True|True|True|False
2001:2::/48|Benchmarking|RFC 5180, RFC Errata 1752|2008-04|-|True|True|True|False|False
2001:3::/32|AMT|RFC 7450|2014-12|-|True|True|True|True|False
2001:4:112::/48|AS112-v6|RFC 7535|2014-12|-|True|True|True|True|False
2001:10::/28|Deprecated (previously ORCHID)|RFC 4843|2007-03|2014-03|-|-|-|-|-
2001:20::/28|ORCHIDv2|RFC 7343|2014-07|-|True|True|True|True|False
2001:30::/28|Drone Remote ID Protocol Entity Tags (DETs) Prefix|RFC 9374|2022-12|-|True|True|True|True|False
2001:db8::/32|Documentation|RFC 3849|2004-07|-|False|False|False|False|False
2002::/16|6to4|RFC 3056|2001-02|-|True|True|True|-|False
2620:4f:8000::/48|Direct Delegation AS112 Service|RFC 7534|2011-05|-|True|True|True|True|False
3fff::/20|Documentation|RFC 9637|2024-07|-|False|False|False|False|False
5f00::/16|Segment Routing (SRv6) SIDs|RFC 9602|2024-04|-|True|True|True|False|False
fc00::/7|Unique-Local|RFC 4193, RFC 8190|2005-10|-|True|True|True|False|False
fe80::/10|Link-Local Unicast|RFC 4291|2006-02|-|True|True|False|False|True";

    fn flag(s: &str) -> Option<bool> {
        match s {
            "True" => Some(true),
            "False" => Some(false),
            "-" => None,
            other => panic!("bad flag {other}"),
        }
    }

    #[test]
    fn every_entry_is_pinned_to_the_registry_text() {
        let rows: Vec<&str> = REGISTRY_TEXT.lines().collect();
        assert_eq!(rows.len(), 25);
        assert_eq!(ENTRIES.len(), rows.len(), "one entry per registry row");
        for row in rows {
            let c: Vec<&str> = row.split('|').collect();
            let prefix: Ipv6Net = c[0].parse().unwrap();
            let e = ENTRIES
                .iter()
                .find(|e| e.prefix == prefix)
                .unwrap_or_else(|| panic!("{prefix} missing"));
            assert_eq!(e.name, c[1], "{prefix}");
            assert_eq!(e.rfc, c[2], "{prefix}");
            assert_eq!(e.allocated, c[3], "{prefix}");
            assert_eq!(e.terminated, if c[4] == "-" { None } else { Some(c[4]) }, "{prefix}");
            assert_eq!(
                [
                    e.source,
                    e.destination,
                    e.forwardable,
                    e.globally_reachable,
                    e.reserved_by_protocol
                ],
                [flag(c[5]), flag(c[6]), flag(c[7]), flag(c[8]), flag(c[9])],
                "{prefix}"
            );
        }
        assert_eq!(EDITION, "2025-10-09");
    }

    #[test]
    fn entries_are_sorted_and_canonical() {
        for w in ENTRIES.windows(2) {
            let (x, y) = (w[0].prefix, w[1].prefix);
            assert!(
                (x.addr(), x.prefix_len()) < (y.addr(), y.prefix_len()),
                "{x} before {y}"
            );
        }
        for e in ENTRIES {
            assert_eq!(e.prefix, e.prefix.trunc(), "{}: host bits", e.prefix);
        }
    }

    #[test]
    fn the_issue_lists_these_entries() {
        for p in [
            "::1/128",
            "::/128",
            "::ffff:0:0/96",
            "64:ff9b::/96",
            "64:ff9b:1::/48",
            "100::/64",
            "100:0:0:1::/64",
            "2001::/23",
            "2001::/32",
            "2001:2::/48",
            "2001:20::/28",
            "2001:3::/32",
            "2001:4:112::/48",
            "2001:db8::/32",
            "2002::/16",
            "2620:4f:8000::/48",
            "3fff::/20",
            "5f00::/16",
            "fc00::/7",
            "fe80::/10",
        ] {
            let p: Ipv6Net = p.parse().unwrap();
            assert!(ENTRIES.iter().any(|e| e.prefix == p), "{p}");
        }
    }

    #[test]
    fn most_specific_last() {
        let names: Vec<_> = entries(a("2001:1::1")).map(|e| e.name).collect();
        assert_eq!(names, ["IETF Protocol Assignments", "Port Control Protocol Anycast"]);
        assert_eq!(lookup(a("2001:1::4")).unwrap().name, "IETF Protocol Assignments");
        assert!(lookup(a("2a00::1")).is_none());
        // 100:0:0:1::/64 is a sibling of 100::/64, not nested in it.
        assert_eq!(entries(a("100:0:0:1::5")).count(), 1);
        assert_eq!(lookup(a("100:0:0:1::5")).unwrap().name, "Dummy IPv6 Prefix");
    }

    #[test]
    fn is_global_follows_the_registry() {
        for (s, g) in [
            ("::", false),
            ("::1", false),
            ("::ffff:8.8.8.8", false),
            ("64:ff9b::808:808", true),
            ("64:ff9b:1::1", false),
            ("100::1", false),
            ("100:0:0:1::1", false),
            ("2001::1", false),       // Teredo: N/A → false
            ("2001:1::1", true),      // PCP anycast
            ("2001:1::3", true),      // DNS-SD SRP anycast (Rust std and Python miss it)
            ("2001:1::4", false),     // 2001::/23 itself
            ("2001:2::1", false),     // benchmarking
            ("2001:3::1", true),      // AMT
            ("2001:4:112::1", true),  // AS112-v6
            ("2001:4:113::1", false), // 2001::/23 again
            ("2001:10::1", false),    // terminated ORCHID → 2001::/23
            ("2001:20::1", true),     // ORCHIDv2
            ("2001:30::1", true),     // DRIP
            ("2001:200::1", true),    // outside 2001::/23: APNIC space
            ("2001:db8::1", false),
            ("2002:808:808::1", false), // 6to4: N/A → false
            ("2620:4f:8000::1", true),
            ("3fff::1", false),
            ("3fff:1000::1", true), // just past 3fff::/20
            ("5f00::1", false),
            ("fc00::1", false),
            ("fd12:3456::1", false),
            ("fe80::1", false),
            ("fec0::1", false), // deprecated site-local: outside 2000::/3
            ("4000::1", false), // unassigned
            ("2a00:1450::1", true),
            ("ff0e::1", true),
            ("ff3e:30:2001:db8::1", true),
            ("ff02::1", false),
            ("ff05::2", false),
        ] {
            assert_eq!(is_global(a(s)), g, "{s}");
        }
    }

    #[test]
    fn predicates_agree_with_their_entries() {
        // Each predicate is true on exactly the blocks of the entries it names.
        type P = fn(Ipv6Addr) -> bool;
        let cases: &[(P, &[&str])] = &[
            (is_documentation, &["Documentation"]),
            (is_ula, &["Unique-Local"]),
            (is_link_local, &["Link-Local Unicast"]),
            (is_benchmarking, &["Benchmarking"]),
            (is_teredo, &["TEREDO"]),
            (is_6to4, &["6to4"]),
            (is_nat64, &["IPv4-IPv6 Translat."]),
            (is_ipv4_mapped, &["IPv4-mapped Address"]),
            (is_discard, &["Discard-Only Address Block"]),
            (is_dummy, &["Dummy IPv6 Prefix"]),
            (is_orchid, &["ORCHIDv2"]),
            (is_orchid_deprecated, &["Deprecated (previously ORCHID)"]),
            (is_drip_det, &["Drone Remote ID Protocol Entity Tags (DETs) Prefix"]),
            (is_amt, &["AMT"]),
            (is_as112, &["AS112-v6", "Direct Delegation AS112 Service"]),
            (is_srv6_sid, &["Segment Routing (SRv6) SIDs"]),
        ];
        for (p, names) in cases {
            for e in ENTRIES {
                let first = e.prefix.network();
                let last = e.prefix.broadcast();
                for x in [first, last] {
                    // Block ends can lie in nested entries (2001:: is Teredo as well as 2001::/23).
                    let want = entries(x).any(|e| names.contains(&e.name));
                    assert_eq!(p(x), want, "{} {}", e.name, x);
                }
                assert!(!names.contains(&e.name) || p(first), "{}", e.name);
            }
        }
    }

    #[test]
    fn prefix_overlap_semantics() {
        let n = |s: &str| s.parse::<Ipv6Net>().unwrap();
        let got: Vec<_> = entries_for_prefix(n("2001::/16")).map(|e| e.prefix).collect();
        assert!(got.contains(&n("2001::/23")) && got.contains(&n("2001:db8::/32")));
        assert!(!got.contains(&n("2002::/16")));
        let inside: Vec<_> = entries_for_prefix(n("2001:db8:ebbd::/48")).map(|e| e.name).collect();
        assert_eq!(inside, ["Documentation"]);
        // Host bits in the query are ignored.
        assert_eq!(entries_for_prefix(n("2001:db8::1/32")).count(), 1);
        assert_eq!(entries_for_prefix(n("::/0")).count(), ENTRIES.len());
        assert_eq!(entries_for_prefix(n("2a00::/12")).count(), 0);
        assert_eq!(entries_for_prefix(n("64:ff9b::/95")).count(), 1);
    }

    #[test]
    fn ipv4_registry_pinned() {
        // Transcribed from iana-ipv4-special-registry-1.csv (2025-10-09): block, name, GR.
        let rows: &[(&str, &str, bool)] = &[
            ("0.0.0.0/8", "\"This network\"", false),
            ("0.0.0.0/32", "\"This host on this network\"", false),
            ("10.0.0.0/8", "Private-Use", false),
            ("100.64.0.0/10", "Shared Address Space", false),
            ("127.0.0.0/8", "Loopback", false),
            ("169.254.0.0/16", "Link Local", false),
            ("172.16.0.0/12", "Private-Use", false),
            ("192.0.0.0/24", "IETF Protocol Assignments", false),
            ("192.0.0.0/29", "IPv4 Service Continuity Prefix", false),
            ("192.0.0.8/32", "IPv4 dummy address", false),
            ("192.0.0.9/32", "Port Control Protocol Anycast", true),
            ("192.0.0.10/32", "Traversal Using Relays around NAT Anycast", true),
            ("192.0.0.170/32", "NAT64/DNS64 Discovery", false),
            ("192.0.0.171/32", "NAT64/DNS64 Discovery", false),
            ("192.0.2.0/24", "Documentation (TEST-NET-1)", false),
            ("192.31.196.0/24", "AS112-v4", true),
            ("192.52.193.0/24", "AMT", true),
            ("192.88.99.2/32", "6a44-relay anycast address", false),
            ("192.168.0.0/16", "Private-Use", false),
            ("192.175.48.0/24", "Direct Delegation AS112 Service", true),
            ("198.18.0.0/15", "Benchmarking", false),
            ("198.51.100.0/24", "Documentation (TEST-NET-2)", false),
            ("203.0.113.0/24", "Documentation (TEST-NET-3)", false),
            ("240.0.0.0/4", "Reserved", false),
            ("255.255.255.255/32", "Limited Broadcast", false),
        ];
        for (p, name, g) in rows {
            let p: ipnet::Ipv4Net = p.parse().unwrap();
            let e = ipv4::ENTRIES
                .iter()
                .find(|e| e.prefix == p)
                .unwrap_or_else(|| panic!("{p}"));
            assert_eq!((e.name, e.globally_reachable), (*name, Some(*g)), "{p}");
        }
        let dep = ipv4::ENTRIES.iter().find(|e| e.terminated.is_some()).unwrap();
        assert_eq!(
            (dep.prefix.to_string().as_str(), dep.terminated),
            ("192.88.99.0/24", Some("2015-03"))
        );
        assert_eq!(ipv4::ENTRIES.len(), rows.len() + 1);
        for w in ipv4::ENTRIES.windows(2) {
            let (x, y) = (w[0].prefix, w[1].prefix);
            assert!(
                (x.addr(), x.prefix_len()) < (y.addr(), y.prefix_len()),
                "{x} before {y}"
            );
        }
    }

    #[test]
    fn ipv4_is_global() {
        let v4 = |s: &str| s.parse::<core::net::Ipv4Addr>().unwrap();
        for (s, g) in [
            ("8.8.8.8", true),
            ("10.1.2.3", false),
            ("100.64.0.1", false),
            ("127.0.0.1", false),
            ("192.0.0.9", true),
            ("192.0.0.11", false),
            ("192.88.99.1", true), // terminated 6to4 relay anycast: no live entry
            ("192.88.99.2", false),
            ("192.0.2.1", false),
            ("255.255.255.255", false),
            ("224.0.0.1", false),
            ("224.0.1.1", true),
            ("239.1.1.1", false),
        ] {
            assert_eq!(ipv4::is_global(v4(s)), g, "{s}");
        }
    }

    proptest::proptest! {
        #[test]
        fn entries_form_a_chain(v in proptest::num::u128::ANY) {
            let addr = Ipv6Addr::from_bits(v);
            let chain: Vec<_> = entries(addr).collect();
            for w in chain.windows(2) {
                proptest::prop_assert!(w[0].prefix.contains(&w[1].prefix));
            }
            proptest::prop_assert_eq!(lookup(addr), chain.last().copied());
            let single = Ipv6Net::new(addr, 128).unwrap();
            proptest::prop_assert_eq!(entries_for_prefix(single).count(), chain.len());
        }
    }
}
