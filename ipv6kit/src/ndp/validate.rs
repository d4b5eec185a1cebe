//! RFC 4861's validity rules that need the IP header (§6.1.1, §6.1.2, §7.1.1, §7.1.2, §8.1).
//!
//! [`Packet::parse`](super::Packet::parse) already applies the rules that need only the ICMPv6
//! bytes (code 0, minimum length, option lengths). [`validate`] applies the rest and reports
//! every rule that failed, as a set of [`Rule`] ids.

use super::header::Header;
use super::Packet;
use core::fmt;
use core::net::Ipv6Addr;

/// One validity rule of RFC 4861 that needs IP context.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[repr(u8)]
#[non_exhaustive]
pub enum Rule {
    /// §6.1.1, §6.1.2, §7.1.1, §7.1.2, §8.1: "The IP Hop Limit field has a value of 255, i.e., the
    /// packet could not possibly have been forwarded by a router."
    HopLimit255 = 0,
    /// All five sections: "ICMP Checksum is valid."
    ChecksumValid = 1,
    /// §6.1.1 (RS): "If the IP source address is the unspecified address, there is no source
    /// link-layer address option in the message."
    RsUnspecifiedSourceWithoutSlla = 2,
    /// §6.1.2 (RA): "IP Source Address is a link-local address. Routers must use their
    /// link-local address as the source for Router Advertisement and Redirect messages so that
    /// hosts can uniquely identify routers."
    RaSourceLinkLocal = 3,
    /// §7.1.1 (NS): "Target Address is not a multicast address."
    NsTargetNotMulticast = 4,
    /// §7.1.1 (NS): "If the IP source address is the unspecified address, the IP destination
    /// address is a solicited-node multicast address."
    NsUnspecifiedSourceToSolicitedNode = 5,
    /// §7.1.1 (NS): "If the IP source address is the unspecified address, there is no source
    /// link-layer address option in the message."
    NsUnspecifiedSourceWithoutSlla = 6,
    /// §7.1.2 (NA): "Target Address is not a multicast address."
    NaTargetNotMulticast = 7,
    /// §7.1.2 (NA): "If the IP Destination Address is a multicast address the Solicited flag is
    /// zero."
    NaMulticastNotSolicited = 8,
    /// §8.1 (Redirect): "IP Source Address is a link-local address."
    RedirectSourceLinkLocal = 9,
    /// §8.1 (Redirect): "The ICMP Destination Address field in the redirect message does not
    /// contain a multicast address."
    RedirectDestinationNotMulticast = 10,
    /// §8.1 (Redirect): "The ICMP Target Address is either a link-local address (when redirected
    /// to a router) or the same as the ICMP Destination Address (when redirected to the on-link
    /// destination)."
    RedirectTargetLinkLocalOrDestination = 11,
}

impl Rule {
    /// Every rule, in id order.
    pub const ALL: [Rule; 12] = [
        Rule::HopLimit255,
        Rule::ChecksumValid,
        Rule::RsUnspecifiedSourceWithoutSlla,
        Rule::RaSourceLinkLocal,
        Rule::NsTargetNotMulticast,
        Rule::NsUnspecifiedSourceToSolicitedNode,
        Rule::NsUnspecifiedSourceWithoutSlla,
        Rule::NaTargetNotMulticast,
        Rule::NaMulticastNotSolicited,
        Rule::RedirectSourceLinkLocal,
        Rule::RedirectDestinationNotMulticast,
        Rule::RedirectTargetLinkLocalOrDestination,
    ];

    /// The RFC 4861 section the rule comes from.
    pub const fn section(self) -> &'static str {
        match self {
            Rule::HopLimit255 | Rule::ChecksumValid => "6.1.1, 6.1.2, 7.1.1, 7.1.2, 8.1",
            Rule::RsUnspecifiedSourceWithoutSlla => "6.1.1",
            Rule::RaSourceLinkLocal => "6.1.2",
            Rule::NsTargetNotMulticast
            | Rule::NsUnspecifiedSourceToSolicitedNode
            | Rule::NsUnspecifiedSourceWithoutSlla => "7.1.1",
            Rule::NaTargetNotMulticast | Rule::NaMulticastNotSolicited => "7.1.2",
            Rule::RedirectSourceLinkLocal
            | Rule::RedirectDestinationNotMulticast
            | Rule::RedirectTargetLinkLocalOrDestination => "8.1",
        }
    }

    /// A short description of what was violated.
    pub const fn description(self) -> &'static str {
        match self {
            Rule::HopLimit255 => "IP hop limit is not 255",
            Rule::ChecksumValid => "ICMPv6 checksum is wrong",
            Rule::RsUnspecifiedSourceWithoutSlla => "RS from :: carries a source link-layer address option",
            Rule::RaSourceLinkLocal => "RA source is not link-local",
            Rule::NsTargetNotMulticast => "NS target is multicast",
            Rule::NsUnspecifiedSourceToSolicitedNode => "NS from :: is not sent to a solicited-node group",
            Rule::NsUnspecifiedSourceWithoutSlla => "NS from :: carries a source link-layer address option",
            Rule::NaTargetNotMulticast => "NA target is multicast",
            Rule::NaMulticastNotSolicited => "NA to a multicast address has the Solicited flag set",
            Rule::RedirectSourceLinkLocal => "Redirect source is not link-local",
            Rule::RedirectDestinationNotMulticast => "Redirect destination address is multicast",
            Rule::RedirectTargetLinkLocalOrDestination => {
                "Redirect target is neither link-local nor the destination address"
            }
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (RFC 4861 §{})", self.description(), self.section())
    }
}

/// The set of rules a message failed (empty: valid).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Violations(u32);

impl Violations {
    /// True when no rule failed.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }
    /// True when `rule` failed.
    pub const fn contains(self, rule: Rule) -> bool {
        self.0 & (1 << rule as u8) != 0
    }
    /// The number of failed rules.
    pub const fn len(self) -> usize {
        self.0.count_ones() as usize
    }
    /// The failed rules, in id order.
    pub fn iter(self) -> impl Iterator<Item = Rule> {
        Rule::ALL.into_iter().filter(move |r| self.contains(*r))
    }
    fn add(&mut self, rule: Rule, failed: bool) {
        if failed {
            self.0 |= 1 << rule as u8;
        }
    }
}

impl fmt::Display for Violations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, r) in self.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{r}")?;
        }
        Ok(())
    }
}

fn is_link_local(a: Ipv6Addr) -> bool {
    a.segments()[0] & 0xffc0 == 0xfe80
}

/// Applies RFC 4861's validity rules that need the IP source, destination and hop limit to a
/// structurally valid message, and returns every rule that failed.
///
/// Not checked (they need state a message does not carry): §8.1's "The IP source address of
/// the Redirect is the same as the current first-hop router for the specified ICMP Destination
/// Address", and the Authentication Header rules.
///
/// ```
/// use ipv6kit::ndp::{validate, Packet, Rule, build};
/// let mut buf = [0u8; 64];
/// let (env, n) = build::dad_neighbor_solicitation("fe80::1".parse().unwrap(), [1, 2, 3, 4, 5, 6], &mut buf).unwrap();
/// let ns = Packet::parse(&buf[..n]).unwrap();
/// assert!(validate(&ns, env.source, env.destination, 255).is_empty());
/// let bad = validate(&ns, env.source, "ff02::1".parse().unwrap(), 64);
/// assert!(bad.contains(Rule::HopLimit255) && bad.contains(Rule::NsUnspecifiedSourceToSolicitedNode));
/// ```
pub fn validate(packet: &Packet<'_>, source: Ipv6Addr, destination: Ipv6Addr, hop_limit: u8) -> Violations {
    let mut v = Violations::default();
    v.add(Rule::HopLimit255, hop_limit != 255);
    v.add(Rule::ChecksumValid, !packet.verify_checksum(source, destination));
    let has_slla = || {
        packet
            .options()
            .any(|o| o.option_type() == super::option::types::SOURCE_LINK_LAYER_ADDRESS)
    };
    let unspecified = source.is_unspecified();
    match packet.header() {
        Header::RouterSolicitation(_) => {
            v.add(Rule::RsUnspecifiedSourceWithoutSlla, unspecified && has_slla());
        }
        Header::RouterAdvertisement(_) => {
            v.add(Rule::RaSourceLinkLocal, !is_link_local(source));
        }
        Header::NeighborSolicitation(h) => {
            v.add(Rule::NsTargetNotMulticast, h.target.is_multicast());
            v.add(
                Rule::NsUnspecifiedSourceToSolicitedNode,
                unspecified && !crate::multicast::is_solicited_node(destination),
            );
            v.add(Rule::NsUnspecifiedSourceWithoutSlla, unspecified && has_slla());
        }
        Header::NeighborAdvertisement(h) => {
            v.add(Rule::NaTargetNotMulticast, h.target.is_multicast());
            v.add(
                Rule::NaMulticastNotSolicited,
                destination.is_multicast() && h.flags.solicited(),
            );
        }
        Header::Redirect(h) => {
            v.add(Rule::RedirectSourceLinkLocal, !is_link_local(source));
            v.add(Rule::RedirectDestinationNotMulticast, h.destination.is_multicast());
            v.add(
                Rule::RedirectTargetLinkLocalOrDestination,
                !is_link_local(h.target) && h.target != h.destination,
            );
        }
    }
    v
}
