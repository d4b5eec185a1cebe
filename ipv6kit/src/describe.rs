//! "What is this address?" in one call: kind, scope, registry entries, reachability, interface
//! identifier class, embedded IPv4 address or MAC, solicited-node group, multicast decoding —
//! ipv6kit's `ipv6calc -i`. No allocation; `Display` prints a report, `serde` (feature)
//! serializes the same fields.
//!
//! ```
//! use ipv6kit::describe::{describe, Embedding, Kind};
//!
//! let d = describe("fe80::ba27:ebff:fe89:bc51".parse().unwrap());
//! assert_eq!(d.kind, Kind::LinkLocal);
//! assert_eq!(d.mac.unwrap().to_string(), "B8:27:EB:89:BC:51");
//! assert_eq!(d.solicited_node.unwrap().to_string(), "ff02::1:ff89:bc51");
//! assert!(d.zone_allowed && !d.globally_reachable);
//!
//! let m = describe("::ffff:192.168.1.1".parse().unwrap());
//! let v4 = m.embedded_ipv4.unwrap();
//! assert_eq!((v4.embedding, v4.ipv4.to_string().as_str()), (Embedding::Mapped, "192.168.1.1"));
//! assert!(!v4.globally_reachable);
//! println!("{m}");
//! ```

use crate::iid::{classify, IidClass};
use crate::multicast::{self, MulticastInfo, Scope};
use crate::registry::{self, ipv4::Ipv4Entry, Entry};
use core::fmt;
use core::net::{Ipv4Addr, Ipv6Addr};
use ipnet::Ipv6Net;
use macaddr::MacAddr6;

/// The broad kind of an address (RFC 4291 §2.4 and the registry).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum Kind {
    /// `::`.
    Unspecified,
    /// `::1`.
    Loopback,
    /// `::ffff:0:0/96`.
    Ipv4Mapped,
    /// `::/96` other than `::` and `::1`: the deprecated IPv4-compatible form (RFC 4291 §2.5.5.1).
    Ipv4Compatible,
    /// `ff00::/8`.
    Multicast,
    /// `fe80::/10`.
    LinkLocal,
    /// `fec0::/10`, deprecated (RFC 3879).
    SiteLocal,
    /// `fc00::/7` (RFC 4193).
    UniqueLocal,
    /// `2000::/3`.
    GlobalUnicast,
    /// Anything else: space the IPv6 Address Space registry reserves or leaves unassigned.
    Reserved,
}

impl Kind {
    /// The kind of `addr`.
    pub const fn of(addr: Ipv6Addr) -> Kind {
        let v = addr.to_bits();
        let o = addr.octets();
        if v == 0 {
            Kind::Unspecified
        } else if v == 1 {
            Kind::Loopback
        } else if v >> 32 == 0xffff {
            Kind::Ipv4Mapped
        } else if v >> 32 == 0 {
            Kind::Ipv4Compatible
        } else if o[0] == 0xff {
            Kind::Multicast
        } else if o[0] == 0xfe && o[1] & 0xc0 == 0x80 {
            Kind::LinkLocal
        } else if o[0] == 0xfe && o[1] & 0xc0 == 0xc0 {
            Kind::SiteLocal
        } else if o[0] & 0xfe == 0xfc {
            Kind::UniqueLocal
        } else if o[0] & 0xe0 == 0x20 {
            Kind::GlobalUnicast
        } else {
            Kind::Reserved
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Kind::Unspecified => "unspecified",
            Kind::Loopback => "loopback",
            Kind::Ipv4Mapped => "IPv4-mapped",
            Kind::Ipv4Compatible => "IPv4-compatible (deprecated)",
            Kind::Multicast => "multicast",
            Kind::LinkLocal => "link-local unicast",
            Kind::SiteLocal => "site-local unicast (deprecated)",
            Kind::UniqueLocal => "unique local unicast",
            Kind::GlobalUnicast => "global unicast",
            Kind::Reserved => "reserved or unassigned",
        })
    }
}

/// The scope of an address: for multicast its scope field; for unicast link-local for
/// `fe80::/10`, site-local for the deprecated `fec0::/10`, interface-local for `::1` (Linux's
/// "scope host"), none for `::`, and global for everything else (ULAs included: RFC 4193 §3.3
/// gives them global scope).
pub const fn scope(addr: Ipv6Addr) -> Option<Scope> {
    match Kind::of(addr) {
        Kind::Unspecified => None,
        Kind::Loopback => Some(Scope::InterfaceLocal),
        Kind::Multicast => Some(Scope::from_nibble(addr.octets()[1])),
        Kind::LinkLocal => Some(Scope::LinkLocal),
        Kind::SiteLocal => Some(Scope::SiteLocal),
        _ => Some(Scope::Global),
    }
}

/// How an IPv4 address is carried in an IPv6 address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum Embedding {
    /// `::ffff:a.b.c.d` (RFC 4291 §2.5.5.2).
    Mapped,
    /// `::a.b.c.d`, deprecated (RFC 4291 §2.5.5.1).
    Compatible,
    /// NAT64 (RFC 6052): the well-known `64:ff9b::/96`, or the local-use `64:ff9b:1::/48` read
    /// with a /96 (the operator's real prefix length is not in the address).
    Nat64 {
        /// The translation prefix the IPv4 address was read under.
        prefix: Ipv6Net,
    },
    /// 6to4 `2002:AABB:CCDD::/48` (RFC 3056 §2): the site's IPv4 address.
    SixToFour,
    /// Teredo (RFC 4380 §4): the client's external address, de-obscured.
    Teredo {
        /// The Teredo server.
        server: Ipv4Addr,
        /// The client's external UDP port.
        port: u16,
        /// The flags field.
        flags: u16,
    },
    /// ISATAP identifier `[02]00:5efe:a.b.c.d` (RFC 5214 §6.1).
    Isatap,
}

impl fmt::Display for Embedding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Embedding::Mapped => f.write_str("IPv4-mapped"),
            Embedding::Compatible => f.write_str("IPv4-compatible"),
            Embedding::Nat64 { prefix } => write!(f, "NAT64 under {prefix}"),
            Embedding::SixToFour => f.write_str("6to4"),
            Embedding::Teredo { server, port, flags } => {
                write!(f, "Teredo client (port {port}, server {server}, flags {flags:#06x})")
            }
            Embedding::Isatap => f.write_str("ISATAP"),
        }
    }
}

/// An IPv4 address found inside an IPv6 address, with what the IPv4 registry says of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct EmbeddedIpv4 {
    /// How it is carried.
    pub embedding: Embedding,
    /// The IPv4 address.
    pub ipv4: Ipv4Addr,
    /// [`registry::ipv4::is_global`] of it.
    pub globally_reachable: bool,
    /// Its most specific IPv4 special-purpose entry, if any.
    pub entry: Option<&'static Ipv4Entry>,
}

impl EmbeddedIpv4 {
    fn new(embedding: Embedding, ipv4: Ipv4Addr) -> EmbeddedIpv4 {
        EmbeddedIpv4 {
            embedding,
            ipv4,
            globally_reachable: registry::ipv4::is_global(ipv4),
            entry: registry::ipv4::lookup(ipv4),
        }
    }
}

/// The IPv4 address an IPv6 address carries, by the first form that applies: mapped,
/// compatible, NAT64, 6to4, Teredo, ISATAP.
pub fn embedded_ipv4(addr: Ipv6Addr) -> Option<EmbeddedIpv4> {
    let o = addr.octets();
    let low = Ipv4Addr::new(o[12], o[13], o[14], o[15]);
    let found = match Kind::of(addr) {
        Kind::Ipv4Mapped => (Embedding::Mapped, low),
        Kind::Ipv4Compatible => (Embedding::Compatible, low),
        _ if registry::NAT64_WELL_KNOWN.contains(&addr) => (
            Embedding::Nat64 {
                prefix: registry::NAT64_WELL_KNOWN,
            },
            low,
        ),
        _ if registry::NAT64_LOCAL_USE.contains(&addr) => {
            let prefix = Ipv6Net::new(addr, 96)
                .map(|n| n.trunc())
                .unwrap_or(registry::NAT64_LOCAL_USE);
            (Embedding::Nat64 { prefix }, low)
        }
        _ if registry::is_6to4(addr) => (Embedding::SixToFour, Ipv4Addr::new(o[2], o[3], o[4], o[5])),
        _ => match classify(addr) {
            IidClass::Teredo {
                server,
                flags,
                port,
                client,
            } => (Embedding::Teredo { server, port, flags }, client),
            IidClass::Isatap { ipv4, .. } if !addr.is_multicast() => (Embedding::Isatap, ipv4),
            _ => return None,
        },
    };
    Some(EmbeddedIpv4::new(found.0, found.1))
}

/// The registry entries an address falls in (at most two: the table nests one level deep),
/// least specific first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct RegistryEntries {
    slots: [Option<&'static Entry>; 2],
}

impl RegistryEntries {
    /// The entries of `addr`.
    pub fn of(addr: Ipv6Addr) -> RegistryEntries {
        let mut slots = [None; 2];
        let mut n = 0;
        for e in registry::entries(addr) {
            if let Some(slot) = slots.get_mut(n) {
                *slot = Some(e);
                n += 1;
            } else if let Some(last) = slots.last_mut() {
                // Deeper nesting than the table has today: keep the most specific last.
                *last = Some(e);
            }
        }
        RegistryEntries { slots }
    }

    /// The entries, least specific first.
    pub fn iter(&self) -> impl Iterator<Item = &'static Entry> + '_ {
        self.slots.iter().flatten().copied()
    }

    /// The most specific entry.
    pub fn most_specific(&self) -> Option<&'static Entry> {
        self.iter().last()
    }

    /// True when the address is in no entry.
    pub fn is_empty(&self) -> bool {
        self.slots[0].is_none()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for RegistryEntries {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(Some(self.iter().count()))?;
        for e in self.iter() {
            seq.serialize_element(e)?;
        }
        seq.end()
    }
}

/// Everything ipv6kit can say about one address. Fields that do not apply are `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Description {
    /// The address described.
    pub address: Ipv6Addr,
    /// Its broad kind.
    pub kind: Kind,
    /// Its scope ([`scope`]); `None` for `::`.
    pub scope: Option<Scope>,
    /// True when a zone may be attached (`fe80::1%eth0`): see [`crate::scoped::accepts_zone`].
    pub zone_allowed: bool,
    /// [`registry::is_global`].
    pub globally_reachable: bool,
    /// The special-purpose registry entries it falls in.
    pub registry: RegistryEntries,
    /// The interface identifier's class (unicast other than `::`, `::1`, IPv4-mapped and
    /// IPv4-compatible).
    pub iid: Option<IidClass>,
    /// The MAC in a modified EUI-64 identifier (unicast only).
    pub mac: Option<MacAddr6>,
    /// An IPv4 address carried inside.
    pub embedded_ipv4: Option<EmbeddedIpv4>,
    /// The solicited-node group the address joins (unicast other than `::`).
    pub solicited_node: Option<Ipv6Addr>,
    /// The decoded multicast address (multicast only).
    pub multicast: Option<MulticastInfo>,
}

/// Describes `addr`.
pub fn describe(addr: Ipv6Addr) -> Description {
    let kind = Kind::of(addr);
    let unicast = kind != Kind::Multicast;
    // `::`, `::1` and the IPv4-mapped and -compatible forms have no interface identifier to speak
    // of (their low bits are zeros or an IPv4 address); multicast has a group ID instead.
    let has_iid = !matches!(
        kind,
        Kind::Multicast | Kind::Unspecified | Kind::Loopback | Kind::Ipv4Mapped | Kind::Ipv4Compatible
    );
    let iid = if has_iid { Some(classify(addr)) } else { None };
    let mac = match iid {
        Some(IidClass::IeeeDerived { mac, .. }) => Some(mac),
        _ => None,
    };
    Description {
        address: addr,
        kind,
        scope: scope(addr),
        zone_allowed: crate::scoped::accepts_zone(addr),
        globally_reachable: registry::is_global(addr),
        registry: RegistryEntries::of(addr),
        iid,
        mac,
        embedded_ipv4: embedded_ipv4(addr),
        solicited_node: if unicast && kind != Kind::Unspecified {
            Some(multicast::solicited_node(addr))
        } else {
            None
        },
        multicast: multicast::decode(addr).ok(),
    }
}

fn yes_no(b: Option<bool>) -> &'static str {
    match b {
        Some(true) => "yes",
        Some(false) => "no",
        None => "n/a",
    }
}

impl fmt::Display for Description {
    /// A report of one `label: value` line per fact, like `ipv6calc -i`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.address.segments();
        writeln!(f, "address:        {}", self.address)?;
        writeln!(
            f,
            "expanded:       {:04x}:{:04x}:{:04x}:{:04x}:{:04x}:{:04x}:{:04x}:{:04x}",
            s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]
        )?;
        writeln!(f, "kind:           {}", self.kind)?;
        match self.scope {
            Some(sc) => write!(f, "scope:          {sc}")?,
            None => write!(f, "scope:          none")?,
        }
        if self.zone_allowed {
            write!(f, " (takes a zone: {}%IFACE)", self.address)?;
        }
        writeln!(f)?;
        writeln!(
            f,
            "global:         {}",
            if self.globally_reachable { "yes" } else { "no" }
        )?;
        if self.registry.is_empty() {
            writeln!(
                f,
                "registry:       (no special-purpose entry, edition {})",
                registry::EDITION
            )?;
        }
        for e in self.registry.iter() {
            write!(f, "registry:       {} {} ({}, {}", e.prefix, e.name, e.rfc, e.allocated)?;
            if let Some(t) = e.terminated {
                write!(f, ", terminated {t}")?;
            }
            writeln!(
                f,
                "): source {}, destination {}, forwardable {}, globally reachable {}, reserved by protocol {}",
                yes_no(e.source),
                yes_no(e.destination),
                yes_no(e.forwardable),
                yes_no(e.globally_reachable),
                yes_no(e.reserved_by_protocol)
            )?;
        }
        if let Some(m) = &self.multicast {
            write!(f, "multicast:      scope {}, flags", m.scope)?;
            let fl = m.flags;
            let mut any = false;
            for (on, name) in [
                (fl.rendezvous_point, "R"),
                (fl.prefix_based, "P"),
                (fl.transient, "T"),
                (fl.x, "X"),
            ] {
                if on {
                    write!(f, " {name}")?;
                    any = true;
                }
            }
            if !any {
                f.write_str(" none")?;
            }
            match m.form {
                multicast::Form::Plain { group_id } => write!(f, ", group id {group_id:#x}")?,
                multicast::Form::PrefixBased {
                    prefix,
                    prefix_len,
                    group_id,
                    source_specific,
                } => {
                    if source_specific {
                        write!(f, ", source-specific, group id {group_id:#x}")?;
                    } else {
                        write!(
                            f,
                            ", unicast-prefix-based {prefix}/{prefix_len}, group id {group_id:#x}"
                        )?;
                    }
                }
                multicast::Form::EmbeddedRp {
                    rendezvous_point,
                    group_id,
                    ..
                } => write!(f, ", embedded RP {rendezvous_point}, group id {group_id:#x}")?,
            }
            if let Some(n) = m.name {
                write!(f, ", {n}")?;
            }
            writeln!(f)?;
        }
        if let Some(iid) = &self.iid {
            writeln!(f, "iid:            {} ({iid})", crate::iid::Iid::of(self.address))?;
        }
        if let Some(mac) = self.mac {
            writeln!(f, "mac:            {}", crate::mac::lowercase(mac))?;
        }
        if let Some(v4) = &self.embedded_ipv4 {
            write!(f, "ipv4:           {} ({})", v4.ipv4, v4.embedding)?;
            if let Some(e) = v4.entry {
                write!(f, ", {} ({})", e.name, e.rfc)?;
            }
            writeln!(
                f,
                ", {}",
                if v4.globally_reachable {
                    "globally reachable"
                } else {
                    "not globally reachable"
                }
            )?;
        }
        if let Some(g) = self.solicited_node {
            writeln!(f, "solicited-node: {g}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Description {
        describe(s.parse().unwrap())
    }

    #[test]
    fn kinds_and_scopes() {
        for (s, k, sc) in [
            ("::", Kind::Unspecified, None),
            ("::1", Kind::Loopback, Some(Scope::InterfaceLocal)),
            ("::ffff:1.2.3.4", Kind::Ipv4Mapped, Some(Scope::Global)),
            ("::1.2.3.4", Kind::Ipv4Compatible, Some(Scope::Global)),
            ("ff02::1", Kind::Multicast, Some(Scope::LinkLocal)),
            ("ff15::1", Kind::Multicast, Some(Scope::SiteLocal)),
            ("fe80::1", Kind::LinkLocal, Some(Scope::LinkLocal)),
            ("fec0::1", Kind::SiteLocal, Some(Scope::SiteLocal)),
            ("fd00::1", Kind::UniqueLocal, Some(Scope::Global)),
            ("2001:db8::1", Kind::GlobalUnicast, Some(Scope::Global)),
            ("3fff::1", Kind::GlobalUnicast, Some(Scope::Global)),
            ("5f00::1", Kind::Reserved, Some(Scope::Global)),
            ("100::1", Kind::Reserved, Some(Scope::Global)),
        ] {
            let x = d(s);
            assert_eq!((x.kind, x.scope), (k, sc), "{s}");
        }
    }

    #[test]
    fn embedded_ipv4_forms() {
        let v4 = |s: &str| {
            d(s).embedded_ipv4
                .map(|e| (e.embedding, e.ipv4.to_string(), e.globally_reachable))
        };
        assert_eq!(
            v4("::ffff:192.168.1.1"),
            Some((Embedding::Mapped, "192.168.1.1".into(), false))
        );
        assert_eq!(v4("::ffff:8.8.8.8"), Some((Embedding::Mapped, "8.8.8.8".into(), true)));
        assert_eq!(
            v4("64:ff9b::10.0.0.1"),
            Some((
                Embedding::Nat64 {
                    prefix: registry::NAT64_WELL_KNOWN
                },
                "10.0.0.1".into(),
                false
            ))
        );
        assert_eq!(
            v4("64:ff9b:1:2::8.8.8.8"),
            Some((
                Embedding::Nat64 {
                    prefix: "64:ff9b:1:2::/96".parse().unwrap()
                },
                "8.8.8.8".into(),
                true
            ))
        );
        // 6to4 of RFC 3056's example site 192.0.2.33 (documentation space).
        assert_eq!(
            v4("2002:c000:221::1"),
            Some((Embedding::SixToFour, "192.0.2.33".into(), false))
        );
        // Worked by hand from RFC 4380 §4's layout: client 192.0.2.45:40000, server 65.54.227.120.
        let t = d("2001:0:4136:e378:8000:63bf:3fff:fdd2").embedded_ipv4.unwrap();
        assert_eq!(t.ipv4.to_string(), "192.0.2.45");
        assert_eq!(
            t.embedding,
            Embedding::Teredo {
                server: Ipv4Addr::new(65, 54, 227, 120),
                port: 40000,
                flags: 0x8000
            }
        );
        assert_eq!(
            v4("fe80::5efe:c000:221"),
            Some((Embedding::Isatap, "192.0.2.33".into(), false))
        );
        assert_eq!(v4("::2").map(|x| x.0), Some(Embedding::Compatible));
        assert_eq!(v4("::1"), None);
        assert_eq!(v4("2001:db8::1"), None);
        assert_eq!(v4("ff02::5efe:c000:221"), None);
    }

    #[test]
    fn seed_addresses() {
        let x = d("2001:db8:ebbd:0:5066:64f6:547e:4872");
        assert_eq!(x.solicited_node.unwrap().to_string(), "ff02::1:ff7e:4872");
        assert_eq!(x.registry.most_specific().unwrap().name, "Documentation");
        assert_eq!(x.mac, None);
        let y = d("2001:470:db8:101:203:93ff:fe67:4362");
        assert_eq!(y.mac.unwrap(), crate::mac::parse_mac("00:03:93:67:43:62").unwrap());
        assert!(y.registry.is_empty() && y.globally_reachable);
        let t = d("2001:2::1");
        let names: Vec<_> = t.registry.iter().map(|e| e.name).collect();
        assert_eq!(names, ["IETF Protocol Assignments", "Benchmarking"]);
        let m = d("ff02::1:ff0e:8c6c");
        assert_eq!(m.multicast.unwrap().name, Some("solicited-node"));
        assert!(m.solicited_node.is_none() && m.iid.is_none() && m.zone_allowed);
        assert!(d("::").solicited_node.is_none());
        assert!(d("::ffff:1.2.3.4").iid.is_none() && d("::1").iid.is_none());
        assert!(d("64:ff9b::a00:1").iid.is_some());
    }

    #[test]
    fn display_report() {
        let text = d("fe80::ba27:ebff:fe89:bc51").to_string();
        for line in [
            "address:        fe80::ba27:ebff:fe89:bc51",
            "expanded:       fe80:0000:0000:0000:ba27:ebff:fe89:bc51",
            "kind:           link-local unicast",
            "scope:          link-local (takes a zone: fe80::ba27:ebff:fe89:bc51%IFACE)",
            "global:         no",
            "registry:       fe80::/10 Link-Local Unicast (RFC 4291, 2006-02): source yes, destination yes, forwardable no, globally reachable no, reserved by protocol yes",
            "mac:            b8:27:eb:89:bc:51",
            "solicited-node: ff02::1:ff89:bc51",
        ] {
            assert!(text.lines().any(|l| l == line), "missing {line:?} in\n{text}");
        }
        let v = d("64:ff9b::10.0.0.1").to_string();
        assert!(
            v.contains(
                "ipv4:           10.0.0.1 (NAT64 under 64:ff9b::/96), Private-Use (RFC 1918), not globally reachable"
            ),
            "{v}"
        );
        let m = d("ff3e:30:2001:db8::1234").to_string();
        assert!(
            m.contains("multicast:      scope global, flags P T, unicast-prefix-based 2001:db8::/48, group id 0x1234"),
            "{m}"
        );
        assert!(d("2a00::1").to_string().contains("no special-purpose entry"));
    }

    #[test]
    fn registry_nesting_fits_two_slots() {
        for e in registry::ENTRIES {
            assert!(registry::entries(e.prefix.network()).count() <= 2, "{}", e.prefix);
        }
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_form() {
        let j = serde_json::to_value(d("::ffff:192.168.1.1")).unwrap();
        assert_eq!(j["address"], "::ffff:192.168.1.1");
        assert_eq!(j["kind"], "Ipv4Mapped");
        assert_eq!(j["registry"][0]["name"], "IPv4-mapped Address");
        assert_eq!(j["embedded_ipv4"]["ipv4"], "192.168.1.1");
        assert_eq!(j["embedded_ipv4"]["entry"]["name"], "Private-Use");
        assert_eq!(j["globally_reachable"], false);
    }

    proptest::proptest! {
        #[test]
        fn total(v in proptest::num::u128::ANY) {
            let a = Ipv6Addr::from_bits(v);
            let x = describe(a);
            proptest::prop_assert_eq!(x.registry.most_specific(), registry::lookup(a));
            proptest::prop_assert_eq!(x.multicast.is_some(), a.is_multicast());
            let _ = x.to_string();
        }
    }
}
