//! Ethernet + IPv6 framing for ND messages, built and parsed (our own no_std code).
//!
//! ```
//! use ipv6kit::ndp::{build, frame, Packet};
//! let mut icmp = [0u8; 64];
//! let (env, n) = build::dad_neighbor_solicitation("fe80::1".parse().unwrap(), [1, 2, 3, 4, 5, 6], &mut icmp).unwrap();
//! let mut buf = [0u8; 128];
//! let len = frame::emit_ethernet("02:00:00:00:00:01".parse().unwrap(), None, &env, &icmp[..n], &mut buf).unwrap();
//! let f = frame::parse_ethernet(&buf[..len]).unwrap();
//! assert_eq!(f.destination_mac.to_string(), "33:33:FF:00:00:01");
//! assert_eq!(f.ipv6.hop_limit, 255);
//! assert!(Packet::parse(f.ipv6.payload).is_ok());
//! ```

use super::header::{addr, be16, put};
use super::NdpError;
use core::net::Ipv6Addr;
use macaddr::MacAddr6;

/// EtherType of IPv6.
pub const ETHERTYPE_IPV6: u16 = 0x86dd;
/// Length of an Ethernet II header.
pub const ETHERNET_HEADER_LEN: usize = 14;
/// Length of the fixed IPv6 header.
pub const IPV6_HEADER_LEN: usize = 40;

mod field {
    // Ethernet II: destination (6), source (6), EtherType (2).
    pub const ETH_DST: usize = 0;
    pub const ETH_SRC: usize = 6;
    pub const ETH_TYPE: usize = 12;
    // IPv6 (RFC 8200 §3)
    // |Version| Traffic Class |           Flow Label                  |
    // |         Payload Length        |  Next Header  |   Hop Limit   |
    // +                         Source Address                        +
    // +                      Destination Address                      +
    pub const IP_VERSION_TC_FLOW: usize = 0;
    pub const IP_PAYLOAD_LENGTH: usize = 4;
    pub const IP_NEXT_HEADER: usize = 6;
    pub const IP_HOP_LIMIT: usize = 7;
    pub const IP_SOURCE: usize = 8;
    pub const IP_DESTINATION: usize = 24;
}

/// The IPv6 envelope an ND message travels in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Envelope {
    /// IPv6 source address.
    pub source: Ipv6Addr,
    /// IPv6 destination address.
    pub destination: Ipv6Addr,
    /// Hop limit: 255 for every ND message (RFC 4861).
    pub hop_limit: u8,
}

/// A parsed IPv6 packet carrying ICMPv6.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ipv6Packet<'a> {
    /// Traffic class.
    pub traffic_class: u8,
    /// Flow label (20 bits).
    pub flow_label: u32,
    /// Hop limit.
    pub hop_limit: u8,
    /// Source address.
    pub source: Ipv6Addr,
    /// Destination address.
    pub destination: Ipv6Addr,
    /// The ICMPv6 message (after any Hop-by-Hop, Routing or Destination Options headers).
    pub payload: &'a [u8],
}

impl Ipv6Packet<'_> {
    /// The envelope (addresses and hop limit).
    pub fn envelope(&self) -> Envelope {
        Envelope {
            source: self.source,
            destination: self.destination,
            hop_limit: self.hop_limit,
        }
    }
}

/// A parsed Ethernet frame carrying IPv6 + ICMPv6.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Frame<'a> {
    /// Destination MAC.
    pub destination_mac: MacAddr6,
    /// Source MAC.
    pub source_mac: MacAddr6,
    /// The IPv6 packet.
    pub ipv6: Ipv6Packet<'a>,
}

fn mac_at(b: &[u8], at: usize) -> MacAddr6 {
    match b.get(at..at + 6) {
        Some(&[a, b, c, d, e, f]) => MacAddr6::new(a, b, c, d, e, f),
        _ => MacAddr6::nil(),
    }
}

/// Parses an IPv6 packet whose upper layer is ICMPv6, skipping Hop-by-Hop (0), Routing (43) and
/// Destination Options (60) headers. Bytes after the Payload Length (link padding) are ignored.
pub fn parse_ipv6(packet: &[u8]) -> Result<Ipv6Packet<'_>, NdpError> {
    if packet.len() < IPV6_HEADER_LEN {
        return Err(NdpError::Frame {
            what: "IPv6 header cut short",
            offset: packet.len(),
        });
    }
    let first = packet.first().copied().unwrap_or(0);
    if first >> 4 != 6 {
        return Err(NdpError::Frame {
            what: "IP version is not 6",
            offset: field::IP_VERSION_TC_FLOW,
        });
    }
    let vtf = super::header::be32(packet, field::IP_VERSION_TC_FLOW);
    let payload_len = usize::from(be16(packet, field::IP_PAYLOAD_LENGTH));
    let end = IPV6_HEADER_LEN + payload_len;
    let body = packet.get(IPV6_HEADER_LEN..end).ok_or(NdpError::Frame {
        what: "IPv6 payload shorter than Payload Length",
        offset: field::IP_PAYLOAD_LENGTH,
    })?;
    let mut next = packet.get(field::IP_NEXT_HEADER).copied().unwrap_or(0);
    let mut at = 0usize;
    // At most a few extension headers; each is at least 8 bytes so the loop is bounded anyway.
    while matches!(next, 0 | 43 | 60) {
        let (Some(&nh), Some(&len)) = (body.get(at), body.get(at + 1)) else {
            return Err(NdpError::Frame {
                what: "extension header cut short",
                offset: IPV6_HEADER_LEN + at,
            });
        };
        next = nh;
        at += (usize::from(len) + 1) * 8;
        if at > body.len() {
            return Err(NdpError::Frame {
                what: "extension header cut short",
                offset: IPV6_HEADER_LEN + at,
            });
        }
    }
    if next != super::checksum::NEXT_HEADER_ICMPV6 {
        return Err(NdpError::Frame {
            what: "upper layer is not ICMPv6",
            offset: field::IP_NEXT_HEADER,
        });
    }
    Ok(Ipv6Packet {
        traffic_class: ((vtf >> 20) & 0xff) as u8,
        flow_label: vtf & 0xf_ffff,
        hop_limit: packet.get(field::IP_HOP_LIMIT).copied().unwrap_or(0),
        source: addr(packet, field::IP_SOURCE),
        destination: addr(packet, field::IP_DESTINATION),
        payload: body.get(at..).unwrap_or(&[]),
    })
}

/// Parses an Ethernet II frame carrying IPv6 + ICMPv6.
pub fn parse_ethernet(frame: &[u8]) -> Result<Frame<'_>, NdpError> {
    if frame.len() < ETHERNET_HEADER_LEN {
        return Err(NdpError::Frame {
            what: "Ethernet header cut short",
            offset: frame.len(),
        });
    }
    if be16(frame, field::ETH_TYPE) != ETHERTYPE_IPV6 {
        return Err(NdpError::Frame {
            what: "EtherType is not IPv6",
            offset: field::ETH_TYPE,
        });
    }
    let ipv6 = parse_ipv6(frame.get(ETHERNET_HEADER_LEN..).unwrap_or(&[])).map_err(|e| match e {
        NdpError::Frame { what, offset } => NdpError::Frame {
            what,
            offset: offset + ETHERNET_HEADER_LEN,
        },
        other => other,
    })?;
    Ok(Frame {
        destination_mac: mac_at(frame, field::ETH_DST),
        source_mac: mac_at(frame, field::ETH_SRC),
        ipv6,
    })
}

/// Writes an IPv6 header (traffic class and flow label zero, Next Header 58) and `icmp` into
/// `buf`; returns the length.
pub fn emit_ipv6(envelope: &Envelope, icmp: &[u8], buf: &mut [u8]) -> Result<usize, NdpError> {
    let payload = u16::try_from(icmp.len()).map_err(|_| NdpError::MessageTooLong { length: icmp.len() })?;
    let needed = IPV6_HEADER_LEN + icmp.len();
    let available = buf.len();
    let out = buf
        .get_mut(..needed)
        .ok_or(NdpError::BufferTooSmall { needed, available })?;
    out.fill(0);
    put(out, field::IP_VERSION_TC_FLOW, &[0x60]);
    put(out, field::IP_PAYLOAD_LENGTH, &payload.to_be_bytes());
    put(
        out,
        field::IP_NEXT_HEADER,
        &[super::checksum::NEXT_HEADER_ICMPV6, envelope.hop_limit],
    );
    put(out, field::IP_SOURCE, &envelope.source.octets());
    put(out, field::IP_DESTINATION, &envelope.destination.octets());
    put(out, IPV6_HEADER_LEN, icmp);
    Ok(needed)
}

/// Writes an Ethernet II frame: `destination_mac`, or when `None` the multicast mapping of the
/// envelope's destination (RFC 2464 §7; an error for a unicast destination), then IPv6 and
/// `icmp`. Returns the length (no padding to 60 bytes is added).
pub fn emit_ethernet(
    source_mac: MacAddr6,
    destination_mac: Option<MacAddr6>,
    envelope: &Envelope,
    icmp: &[u8],
    buf: &mut [u8],
) -> Result<usize, NdpError> {
    let dst = match destination_mac {
        Some(m) => m,
        None => crate::multicast::multicast_mac(envelope.destination).map_err(|_| NdpError::Frame {
            what: "unicast destination needs a destination MAC",
            offset: 0,
        })?,
    };
    let available = buf.len();
    let needed = ETHERNET_HEADER_LEN + IPV6_HEADER_LEN + icmp.len();
    if available < needed {
        return Err(NdpError::BufferTooSmall { needed, available });
    }
    put(buf, field::ETH_DST, dst.as_bytes());
    put(buf, field::ETH_SRC, source_mac.as_bytes());
    put(buf, field::ETH_TYPE, &ETHERTYPE_IPV6.to_be_bytes());
    let n = emit_ipv6(envelope, icmp, buf.get_mut(ETHERNET_HEADER_LEN..).unwrap_or(&mut []))?;
    Ok(ETHERNET_HEADER_LEN + n)
}
