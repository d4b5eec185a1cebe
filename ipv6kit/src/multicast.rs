//! Multicast: solicited-node groups, the Ethernet mapping, well-known groups, scope and flags.
//!
//! ```
//! use core::net::Ipv6Addr;
//! use ipv6kit::multicast::{solicited_node, is_solicited_node, multicast_mac};
//!
//! // RFC 4291 §2.7.1's example.
//! let a: Ipv6Addr = "4037::01:800:200e:8c6c".parse().unwrap();
//! assert_eq!(solicited_node(a).to_string(), "ff02::1:ff0e:8c6c");
//! assert!(is_solicited_node("ff02::1:ff0e:8c6c".parse().unwrap()));
//! assert!(!is_solicited_node("3ffe::1:ff00:1234".parse().unwrap()));
//! assert_eq!(multicast_mac("ff02::1".parse().unwrap()).unwrap().to_string(), "33:33:00:00:00:01");
//! ```

use crate::bits::{from_u128, to_u128};
use core::fmt;
use core::net::Ipv6Addr;
use macaddr::MacAddr6;

/// Why a multicast computation was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MulticastError {
    /// The address is not multicast (ff00::/8).
    #[error("{0} is not a multicast address (ff00::/8)")]
    NotMulticast(Ipv6Addr),
    /// The address is multicast, where a unicast or anycast address was needed.
    #[error("{0} is a multicast address; a unicast or anycast address was expected")]
    IsMulticast(Ipv6Addr),
}

/// The solicited-node prefix `ff02::1:ff00:0/104` (RFC 4291 §2.7.1).
pub const SOLICITED_NODE_PREFIX: Ipv6Addr = Ipv6Addr::new(0xff02, 0, 0, 0, 0, 1, 0xff00, 0);

const SN_MASK: u128 = u128::MAX << 24;

/// The solicited-node multicast group of a unicast or anycast address: `ff02::1:ff00:0/104`
/// followed by the low 24 bits of the address (RFC 4291 §2.7.1). Linux joins exactly this
/// group for every address it configures.
///
/// Any 128-bit value has a group; for a multicast input see [`solicited_node_checked`].
pub const fn solicited_node(addr: Ipv6Addr) -> Ipv6Addr {
    from_u128(to_u128(SOLICITED_NODE_PREFIX) | (to_u128(addr) & 0x00ff_ffff))
}

/// [`solicited_node`], refusing multicast inputs (multicast addresses have no
/// solicited-node group).
pub fn solicited_node_checked(addr: Ipv6Addr) -> Result<Ipv6Addr, MulticastError> {
    if addr.is_multicast() {
        return Err(MulticastError::IsMulticast(addr));
    }
    Ok(solicited_node(addr))
}

/// True when `addr` lies in `ff02::1:ff00:0/104`. The whole /104 is checked, not only the
/// suffix: ipv6calc calls `3ffe::1:ff00:1234` solicited-node, which it is not.
pub const fn is_solicited_node(addr: Ipv6Addr) -> bool {
    to_u128(addr) & SN_MASK == to_u128(SOLICITED_NODE_PREFIX)
}

/// The Ethernet destination MAC of an IPv6 multicast address: `33:33` followed by the low 32
/// bits of the address (RFC 2464 §7). The same mapping serves every IEEE 802 link that uses it
/// (Wi-Fi, bridges).
pub fn multicast_mac(group: Ipv6Addr) -> Result<MacAddr6, MulticastError> {
    if !group.is_multicast() {
        return Err(MulticastError::NotMulticast(group));
    }
    Ok(multicast_mac_unchecked(group))
}

/// [`multicast_mac`] without the multicast check, for hot paths whose input is known to be
/// multicast. For a non-multicast input the result is the mapping of its low 32 bits.
pub const fn multicast_mac_unchecked(group: Ipv6Addr) -> MacAddr6 {
    let o = group.octets();
    MacAddr6::new(0x33, 0x33, o[12], o[13], o[14], o[15])
}

/// Named well-known multicast groups (IANA IPv6 Multicast Address Space registry).
pub mod groups {
    use core::net::Ipv6Addr;

    /// All nodes on the link, `ff02::1`.
    pub const ALL_NODES: Ipv6Addr = Ipv6Addr::new(0xff02, 0, 0, 0, 0, 0, 0, 1);
    /// All nodes on the interface (loopback), `ff01::1`.
    pub const ALL_NODES_INTERFACE: Ipv6Addr = Ipv6Addr::new(0xff01, 0, 0, 0, 0, 0, 0, 1);
    /// All routers on the link, `ff02::2`.
    pub const ALL_ROUTERS: Ipv6Addr = Ipv6Addr::new(0xff02, 0, 0, 0, 0, 0, 0, 2);
    /// All routers on the interface, `ff01::2`.
    pub const ALL_ROUTERS_INTERFACE: Ipv6Addr = Ipv6Addr::new(0xff01, 0, 0, 0, 0, 0, 0, 2);
    /// All routers in the site, `ff05::2`.
    pub const ALL_ROUTERS_SITE: Ipv6Addr = Ipv6Addr::new(0xff05, 0, 0, 0, 0, 0, 0, 2);
    /// OSPFv3 all SPF routers, `ff02::5` (RFC 5340).
    pub const OSPF_ALL_SPF_ROUTERS: Ipv6Addr = Ipv6Addr::new(0xff02, 0, 0, 0, 0, 0, 0, 5);
    /// OSPFv3 all designated routers, `ff02::6` (RFC 5340).
    pub const OSPF_ALL_DR_ROUTERS: Ipv6Addr = Ipv6Addr::new(0xff02, 0, 0, 0, 0, 0, 0, 6);
    /// RIPng routers, `ff02::9` (RFC 2080).
    pub const RIP_ROUTERS: Ipv6Addr = Ipv6Addr::new(0xff02, 0, 0, 0, 0, 0, 0, 9);
    /// EIGRP routers, `ff02::a` (RFC 7868).
    pub const EIGRP_ROUTERS: Ipv6Addr = Ipv6Addr::new(0xff02, 0, 0, 0, 0, 0, 0, 0xa);
    /// PIM routers, `ff02::d` (RFC 7761).
    pub const PIM_ROUTERS: Ipv6Addr = Ipv6Addr::new(0xff02, 0, 0, 0, 0, 0, 0, 0xd);
    /// All MLDv2-capable routers, where MLDv2 reports go, `ff02::16` (RFC 3810).
    pub const MLDV2_ROUTERS: Ipv6Addr = Ipv6Addr::new(0xff02, 0, 0, 0, 0, 0, 0, 0x16);
    /// Link name (mDNS), `ff02::fb` (RFC 6762).
    pub const MDNS: Ipv6Addr = Ipv6Addr::new(0xff02, 0, 0, 0, 0, 0, 0, 0xfb);
    /// All DHCP relay agents and servers, `ff02::1:2` (RFC 8415).
    pub const ALL_DHCP_AGENTS: Ipv6Addr = Ipv6Addr::new(0xff02, 0, 0, 0, 0, 0, 1, 2);
    /// All DHCP servers in the site, `ff05::1:3` (RFC 8415).
    pub const ALL_DHCP_SERVERS: Ipv6Addr = Ipv6Addr::new(0xff05, 0, 0, 0, 0, 0, 1, 3);
    /// LLMNR, `ff02::1:3` (RFC 4795).
    pub const LLMNR: Ipv6Addr = Ipv6Addr::new(0xff02, 0, 0, 0, 0, 0, 1, 3);
    /// All NTP servers in the site, `ff05::101` (the variable-scope NTP group at site scope).
    pub const NTP_SITE: Ipv6Addr = Ipv6Addr::new(0xff05, 0, 0, 0, 0, 0, 0, 0x101);
    /// SSDP (UPnP), `ff02::c`.
    pub const SSDP: Ipv6Addr = Ipv6Addr::new(0xff02, 0, 0, 0, 0, 0, 0, 0xc);

    /// Every named group with its name, for lookups and printing.
    pub const ALL: &[(Ipv6Addr, &str)] = &[
        (ALL_NODES_INTERFACE, "all-nodes (interface-local)"),
        (ALL_ROUTERS_INTERFACE, "all-routers (interface-local)"),
        (ALL_NODES, "all-nodes"),
        (ALL_ROUTERS, "all-routers"),
        (OSPF_ALL_SPF_ROUTERS, "OSPFv3 all-SPF-routers"),
        (OSPF_ALL_DR_ROUTERS, "OSPFv3 all-DR-routers"),
        (RIP_ROUTERS, "RIPng routers"),
        (EIGRP_ROUTERS, "EIGRP routers"),
        (SSDP, "SSDP"),
        (PIM_ROUTERS, "PIM routers"),
        (MLDV2_ROUTERS, "all MLDv2-capable routers"),
        (MDNS, "mDNS"),
        (ALL_DHCP_AGENTS, "all DHCP relay agents and servers"),
        (LLMNR, "LLMNR"),
        (ALL_ROUTERS_SITE, "all-routers (site-local)"),
        (NTP_SITE, "NTP (site-local)"),
        (ALL_DHCP_SERVERS, "all DHCP servers (site-local)"),
    ];

    /// The name of a well-known group, or "solicited-node" for that range.
    pub fn name(group: Ipv6Addr) -> Option<&'static str> {
        if super::is_solicited_node(group) {
            return Some("solicited-node");
        }
        ALL.iter().find(|(a, _)| *a == group).map(|(_, n)| *n)
    }
}

/// The scope of a multicast address (RFC 4291 §2.7, RFC 7346).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Scope {
    /// 0: reserved.
    Reserved0,
    /// 1: interface-local (loopback).
    InterfaceLocal,
    /// 2: link-local.
    LinkLocal,
    /// 3: realm-local (RFC 7346).
    RealmLocal,
    /// 4: admin-local.
    AdminLocal,
    /// 5: site-local.
    SiteLocal,
    /// 8: organization-local.
    OrganizationLocal,
    /// 0xe: global.
    Global,
    /// 0xf: reserved.
    ReservedF,
    /// 6, 7, 9–0xd: unassigned.
    Unassigned(u8),
}

impl Scope {
    /// The scope with this 4-bit value (the high bits of `v` are ignored).
    pub const fn from_nibble(v: u8) -> Scope {
        match v & 0xf {
            0 => Scope::Reserved0,
            1 => Scope::InterfaceLocal,
            2 => Scope::LinkLocal,
            3 => Scope::RealmLocal,
            4 => Scope::AdminLocal,
            5 => Scope::SiteLocal,
            8 => Scope::OrganizationLocal,
            0xe => Scope::Global,
            0xf => Scope::ReservedF,
            n => Scope::Unassigned(n),
        }
    }

    /// The 4-bit value.
    pub const fn nibble(self) -> u8 {
        match self {
            Scope::Reserved0 => 0,
            Scope::InterfaceLocal => 1,
            Scope::LinkLocal => 2,
            Scope::RealmLocal => 3,
            Scope::AdminLocal => 4,
            Scope::SiteLocal => 5,
            Scope::OrganizationLocal => 8,
            Scope::Global => 0xe,
            Scope::ReservedF => 0xf,
            Scope::Unassigned(n) => n & 0xf,
        }
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scope::Reserved0 => f.write_str("reserved (0)"),
            Scope::InterfaceLocal => f.write_str("interface-local"),
            Scope::LinkLocal => f.write_str("link-local"),
            Scope::RealmLocal => f.write_str("realm-local"),
            Scope::AdminLocal => f.write_str("admin-local"),
            Scope::SiteLocal => f.write_str("site-local"),
            Scope::OrganizationLocal => f.write_str("organization-local"),
            Scope::Global => f.write_str("global"),
            Scope::ReservedF => f.write_str("reserved (f)"),
            Scope::Unassigned(n) => write!(f, "unassigned ({n:x})"),
        }
    }
}

/// The flags nibble of a multicast address, `ff<flags><scope>::` (RFC 4291 §2.7, RFC 3306,
/// RFC 3956, RFC 7371).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Flags {
    /// X (0x8): reserved, high bit (RFC 7371 makes it available for future use).
    pub x: bool,
    /// R (0x4): a rendezvous point address is embedded (RFC 3956).
    pub rendezvous_point: bool,
    /// P (0x2): the address is based on a unicast prefix (RFC 3306).
    pub prefix_based: bool,
    /// T (0x1): transient (not permanently assigned by IANA).
    pub transient: bool,
}

impl Flags {
    /// The flags of this nibble.
    pub const fn from_nibble(v: u8) -> Flags {
        Flags {
            x: v & 8 != 0,
            rendezvous_point: v & 4 != 0,
            prefix_based: v & 2 != 0,
            transient: v & 1 != 0,
        }
    }
}

/// The structured form of a multicast address's group ID, by flags (RFC 3306, RFC 3956, RFC 4607).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum Form {
    /// A permanently assigned (T = 0) or plain transient group.
    Plain {
        /// The 112-bit group ID.
        group_id: u128,
    },
    /// Unicast-prefix-based (P = 1, T = 1): `ff3s:00<plen>:<prefix 64>:<group id 32>`.
    /// Source-specific multicast is the case `plen = 0` (`ff3x::/32`, RFC 4607).
    PrefixBased {
        /// The embedded network prefix (the bits beyond `prefix_len` as carried).
        prefix: Ipv6Addr,
        /// Its length (0..=64 in valid addresses; larger values are kept as found).
        prefix_len: u8,
        /// The 32-bit group ID.
        group_id: u32,
        /// True for the source-specific range (`plen` = 0 and prefix 0, RFC 4607).
        source_specific: bool,
    },
    /// Embedded RP (R = 1, P = 1, T = 1): `ff7s:<RIID><plen>:<prefix 64>:<group id 32>`.
    EmbeddedRp {
        /// The rendezvous point's address: the prefix with `rp_iid` in its last 4 bits.
        rendezvous_point: Ipv6Addr,
        /// The 4-bit RP interface ID.
        rp_iid: u8,
        /// The prefix length (1..=64 valid).
        prefix_len: u8,
        /// The 32-bit group ID.
        group_id: u32,
    },
}

impl fmt::Display for Form {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Form::Plain { group_id } => write!(f, "group id {group_id:#x}"),
            Form::PrefixBased {
                prefix,
                prefix_len,
                group_id,
                source_specific: true,
            } => {
                write!(
                    f,
                    "source-specific (RFC 4607), prefix {prefix}/{prefix_len}, group id {group_id:#x}"
                )
            }
            Form::PrefixBased {
                prefix,
                prefix_len,
                group_id,
                ..
            } => {
                write!(
                    f,
                    "unicast-prefix-based (RFC 3306), prefix {prefix}/{prefix_len}, group id {group_id:#x}"
                )
            }
            Form::EmbeddedRp {
                rendezvous_point,
                prefix_len,
                group_id,
                ..
            } => {
                write!(
                    f,
                    "embedded RP (RFC 3956) {rendezvous_point} in a /{prefix_len}, group id {group_id:#x}"
                )
            }
        }
    }
}

impl fmt::Display for MulticastInfo {
    /// `scope link-local, all-nodes, group id 0x1`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "scope {}", self.scope)?;
        if let Some(name) = self.name {
            write!(f, ", {name}")?;
        }
        write!(f, ", {}", self.form)
    }
}

/// A decoded multicast address: flags, scope and the group ID's form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct MulticastInfo {
    /// The address decoded.
    pub address: Ipv6Addr,
    /// Its flags.
    pub flags: Flags,
    /// Its scope.
    pub scope: Scope,
    /// The group ID's structure.
    pub form: Form,
    /// The well-known name of the group, if it has one.
    pub name: Option<&'static str>,
}

/// Decodes a multicast address's flags, scope and group-ID form.
///
/// ```
/// use ipv6kit::multicast::{decode, Form, Scope};
/// let m = decode("ff3e:30:2001:db8::1234".parse().unwrap()).unwrap();
/// assert_eq!(m.scope, Scope::Global);
/// assert!(m.flags.prefix_based && m.flags.transient);
/// assert!(matches!(m.form, Form::PrefixBased { prefix_len: 48, group_id: 0x1234, .. }));
/// ```
pub fn decode(address: Ipv6Addr) -> Result<MulticastInfo, MulticastError> {
    if !address.is_multicast() {
        return Err(MulticastError::NotMulticast(address));
    }
    let o = address.octets();
    let flags = Flags::from_nibble(o[1] >> 4);
    let scope = Scope::from_nibble(o[1]);
    let v = to_u128(address);
    let group_id32 = (v & 0xffff_ffff) as u32;
    let prefix64 = u128::from((v >> 32) as u64);
    let plen = o[3];
    let form = if flags.rendezvous_point && flags.prefix_based && flags.transient {
        let rp_iid = o[2] & 0x0f;
        let keep = plen.min(64);
        let net = if keep == 0 {
            0
        } else {
            (prefix64 << 64) & (u128::MAX << (128 - keep as u32))
        };
        Form::EmbeddedRp {
            rendezvous_point: from_u128(net | rp_iid as u128),
            rp_iid,
            prefix_len: plen,
            group_id: group_id32,
        }
    } else if flags.prefix_based && flags.transient {
        Form::PrefixBased {
            prefix: from_u128(prefix64 << 64),
            prefix_len: plen,
            group_id: group_id32,
            source_specific: plen == 0 && prefix64 == 0,
        }
    } else {
        Form::Plain {
            group_id: v & ((1u128 << 112) - 1),
        }
    };
    Ok(MulticastInfo {
        address,
        flags,
        scope,
        form,
        name: groups::name(address),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(s: &str) -> Ipv6Addr {
        s.parse().unwrap()
    }

    #[test]
    fn vectors() {
        assert_eq!(
            solicited_node(a("2001:db8:ebbd:0:5066:64f6:547e:4872")),
            a("ff02::1:ff7e:4872")
        );
        assert_eq!(solicited_node(a("4037::01:800:200E:8C6C")), a("FF02::1:FF0E:8C6C"));
        assert_eq!(
            multicast_mac(a("FF02::1:FF0E:8C6C")).unwrap(),
            MacAddr6::new(0x33, 0x33, 0xff, 0x0e, 0x8c, 0x6c)
        );
        assert_eq!(
            multicast_mac(a("ff02::1")).unwrap(),
            MacAddr6::new(0x33, 0x33, 0, 0, 0, 1)
        );
        assert_eq!(
            multicast_mac(a("2001:db8::1")),
            Err(MulticastError::NotMulticast(a("2001:db8::1")))
        );
        assert_eq!(
            solicited_node_checked(a("ff02::1")),
            Err(MulticastError::IsMulticast(a("ff02::1")))
        );
    }

    #[test]
    fn solicited_node_checks_the_whole_slash104() {
        assert!(is_solicited_node(a("ff02::1:ff00:0")));
        assert!(is_solicited_node(a("ff02::1:ffff:ffff")));
        assert!(!is_solicited_node(a("3ffe::1:ff00:1234")), "ipv6calc's suffix-only bug");
        assert!(!is_solicited_node(a("ff05::1:ff00:1234")));
        assert!(!is_solicited_node(a("ff02::1:fe00:1234")));
        assert!(!is_solicited_node(a("ff02:0:0:1::1:ff00:1234")));
    }

    #[test]
    fn scopes_and_forms() {
        let m = decode(a("ff02::1")).unwrap();
        assert_eq!((m.scope, m.name), (Scope::LinkLocal, Some("all-nodes")));
        assert_eq!(m.to_string(), "scope link-local, all-nodes, group id 0x1");
        assert_eq!(decode(a("ff03::fc")).unwrap().scope, Scope::RealmLocal);
        assert_eq!(decode(a("ff16::1")).unwrap().scope, Scope::Unassigned(6));
        // SSM (RFC 4607): ff3x::/32.
        assert!(matches!(
            decode(a("ff3e::8000:1")).unwrap().form,
            Form::PrefixBased {
                source_specific: true,
                ..
            }
        ));
        // Embedded RP (RFC 3956 §3 example): ff7e:140:2001:db8:beef:feed::1234 → RP 2001:db8:beef:feed::1.
        match decode(a("ff7e:140:2001:db8:beef:feed::1234")).unwrap().form {
            Form::EmbeddedRp {
                rendezvous_point,
                rp_iid,
                prefix_len,
                group_id,
            } => {
                assert_eq!(
                    (rendezvous_point, rp_iid, prefix_len, group_id),
                    (a("2001:db8:beef:feed::1"), 1, 64, 0x1234)
                );
            }
            f => panic!("{f:?}"),
        }
        assert!(groups::name(a("ff02::16")).is_some());
        assert_eq!(Scope::from_nibble(0xe).nibble(), 0xe);
    }

    proptest::proptest! {
        #[test]
        fn solicited_node_is_always_in_the_slash104(v in proptest::num::u128::ANY) {
            let g = solicited_node(from_u128(v));
            proptest::prop_assert!(is_solicited_node(g));
            proptest::prop_assert_eq!(to_u128(g) & 0xff_ffff, v & 0xff_ffff);
            proptest::prop_assert_eq!(multicast_mac(g).unwrap().as_bytes()[2], 0xff);
        }

        #[test]
        fn decode_is_total(v in proptest::num::u128::ANY) {
            let a = from_u128(v);
            proptest::prop_assert_eq!(decode(a).is_ok(), a.is_multicast());
        }
    }
}
