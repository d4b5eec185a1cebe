//! Builders for the ND messages people actually send. Each writes the ICMPv6 message into a
//! caller's buffer (no allocation), computes the checksum, and returns the [`Envelope`] to send
//! it in (hop limit 255) with its length. [`frame::emit_ethernet`](super::frame::emit_ethernet)
//! wraps it into a whole frame.
//!
//! ```
//! use ipv6kit::ndp::{build, Packet, Header};
//! let mut buf = [0u8; 64];
//! let target = "2001:db8::1".parse().unwrap();
//! let mac = "02:00:00:00:00:02".parse().unwrap();
//! let (env, n) = build::neighbor_solicitation("2001:db8::2".parse().unwrap(), target, mac, &mut buf).unwrap();
//! assert_eq!(env.destination.to_string(), "ff02::1:ff00:1");
//! let ns = Packet::parse(&buf[..n]).unwrap();
//! assert!(ns.verify_checksum(env.source, env.destination));
//! assert_eq!(ns.source_link_layer_address().unwrap().mac(), Some(mac));
//! ```

pub use super::frame::Envelope;
use super::header::{
    Header, NaFlags, NeighborAdvertisement, NeighborSolicitation, RaFlags, RouterAdvertisement, RouterSolicitation,
};
use super::option::{
    dnssl_encoded_len, round8, CaptivePortal, LinkLayerAddress, Mtu, NdpOption, Nonce, Pref64, PrefixInformation,
    RaFlagsExtension, RouteInformation,
};
use super::{ChecksumMode, MessageWriter, NdpError, MAX_OPTION_LEN, MAX_RDNSS_SERVERS};
use crate::multicast::{groups, solicited_node};
use core::net::Ipv6Addr;
use macaddr::MacAddr6;

/// The hop limit of every ND message.
pub const ND_HOP_LIMIT: u8 = 255;

fn finish(w: MessageWriter<'_>, env: Envelope) -> Result<(Envelope, usize), NdpError> {
    if env.source.is_multicast() {
        return Err(NdpError::MulticastSource { address: env.source });
    }
    let n = w
        .finish(ChecksumMode::Compute {
            source: env.source,
            destination: env.destination,
        })?
        .len();
    Ok((env, n))
}

/// A Duplicate Address Detection NS (RFC 4862 §5.4.2): from `::` to the solicited-node group of
/// `target`, no source link-layer option, with a Nonce (RFC 7527) — what Linux sends.
pub fn dad_neighbor_solicitation(
    target: Ipv6Addr,
    nonce: [u8; 6],
    buf: &mut [u8],
) -> Result<(Envelope, usize), NdpError> {
    let env = Envelope {
        source: Ipv6Addr::UNSPECIFIED,
        destination: solicited_node(target),
        hop_limit: ND_HOP_LIMIT,
    };
    let mut w = MessageWriter::new(
        &Header::NeighborSolicitation(NeighborSolicitation { reserved: 0, target }),
        buf,
    )?;
    w.push(&NdpOption::Nonce(Nonce(nonce)))?;
    finish(w, env)
}

/// An address-resolution NS (RFC 4861 §7.2.2): from `source` to the solicited-node group of
/// `target`, with the sender's link-layer address.
pub fn neighbor_solicitation(
    source: Ipv6Addr,
    target: Ipv6Addr,
    source_mac: MacAddr6,
    buf: &mut [u8],
) -> Result<(Envelope, usize), NdpError> {
    let env = Envelope {
        source,
        destination: solicited_node(target),
        hop_limit: ND_HOP_LIMIT,
    };
    let mut w = MessageWriter::new(
        &Header::NeighborSolicitation(NeighborSolicitation { reserved: 0, target }),
        buf,
    )?;
    w.push(&NdpOption::SourceLinkLayerAddress(LinkLayerAddress::from_mac(
        source_mac,
    )))?;
    finish(w, env)
}

/// A unicast NS (Neighbor Unreachability Detection, RFC 4861 §7.3): to `target` itself.
pub fn unicast_neighbor_solicitation(
    source: Ipv6Addr,
    target: Ipv6Addr,
    source_mac: MacAddr6,
    buf: &mut [u8],
) -> Result<(Envelope, usize), NdpError> {
    let (_, n) = neighbor_solicitation(source, target, source_mac, buf)?;
    let env = Envelope {
        source,
        destination: target,
        hop_limit: ND_HOP_LIMIT,
    };
    super::checksum::fill(env.source, env.destination, buf.get_mut(..n).unwrap_or(&mut []));
    Ok((env, n))
}

/// Whom a Neighbor Advertisement answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NaDestination {
    /// A solicited NA (S = 1) to the soliciting node; `::` (a DAD NS) means all-nodes, with S = 0
    /// (RFC 4861 §7.2.4).
    Solicited(Ipv6Addr),
    /// An unsolicited NA (S = 0) to all-nodes, announcing a new link-layer address (§7.2.6).
    Unsolicited,
}

/// A Neighbor Advertisement for `target` from `source` with the Target Link-layer Address
/// `mac`, Override set, Router as given.
pub fn neighbor_advertisement(
    source: Ipv6Addr,
    target: Ipv6Addr,
    mac: MacAddr6,
    to: NaDestination,
    router: bool,
    buf: &mut [u8],
) -> Result<(Envelope, usize), NdpError> {
    let (destination, solicited) = match to {
        NaDestination::Solicited(a) if a.is_unspecified() => (groups::ALL_NODES, false),
        NaDestination::Solicited(a) => (a, true),
        NaDestination::Unsolicited => (groups::ALL_NODES, false),
    };
    let env = Envelope {
        source,
        destination,
        hop_limit: ND_HOP_LIMIT,
    };
    let header = Header::NeighborAdvertisement(NeighborAdvertisement {
        flags: NaFlags::new(router, solicited, true),
        target,
    });
    let mut w = MessageWriter::new(&header, buf)?;
    w.push(&NdpOption::TargetLinkLayerAddress(LinkLayerAddress::from_mac(mac)))?;
    finish(w, env)
}

/// A Router Solicitation to all-routers, with a Source Link-layer Address unless the source is
/// `::` or `mac` is `None` (RFC 4861 §4.1: "MUST NOT be included when the source IP address is
/// the unspecified address").
pub fn router_solicitation(
    source: Ipv6Addr,
    mac: Option<MacAddr6>,
    buf: &mut [u8],
) -> Result<(Envelope, usize), NdpError> {
    let env = Envelope {
        source,
        destination: groups::ALL_ROUTERS,
        hop_limit: ND_HOP_LIMIT,
    };
    let mut w = MessageWriter::new(&Header::RouterSolicitation(RouterSolicitation::default()), buf)?;
    if let (Some(m), false) = (mac, source.is_unspecified()) {
        w.push(&NdpOption::SourceLinkLayerAddress(LinkLayerAddress::from_mac(m)))?;
    }
    finish(w, env)
}

/// One RDNSS option of an RA: its lifetime and 1–127 servers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DnsServers<'c> {
    /// Lifetime in seconds.
    pub lifetime: u32,
    /// The servers.
    pub servers: &'c [Ipv6Addr],
}

/// One DNSSL option of an RA.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SearchList<'c> {
    /// Lifetime in seconds.
    pub lifetime: u32,
    /// The domains, dotted text.
    pub domains: &'c [&'c str],
}

/// What a router advertises; see [`router_advertisement`]. Options are emitted in the order
/// SLLA, MTU, PIOs, RIOs, RDNSS, DNSSL (radvd's order).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RaConfig<'c> {
    /// The router's link-local address.
    pub source: Ipv6Addr,
    /// `ff02::1` for unsolicited RAs, or the soliciting host.
    pub destination: Ipv6Addr,
    /// The fixed part (hop limit, flags, lifetimes).
    pub header: RouterAdvertisement,
    /// The router's MAC for a Source Link-layer Address option.
    pub source_mac: Option<MacAddr6>,
    /// An MTU option.
    pub mtu: Option<u32>,
    /// Prefix Information options.
    pub prefixes: &'c [PrefixInformation],
    /// Route Information options.
    pub routes: &'c [RouteInformation],
    /// RDNSS options.
    pub dns_servers: &'c [DnsServers<'c>],
    /// DNSSL options.
    pub search_lists: &'c [SearchList<'c>],
    /// PREF64 options (RFC 8781): the NAT64 prefixes of the network.
    pub pref64: &'c [Pref64],
    /// A Captive-Portal option (RFC 8910) with this URI.
    pub captive_portal: Option<&'c str>,
    /// An RA Flags Extension option (RFC 5175) with these six bytes of flags.
    pub flags_extension: Option<[u8; 6]>,
}

impl Default for RaConfig<'_> {
    fn default() -> Self {
        RaConfig {
            source: Ipv6Addr::UNSPECIFIED,
            destination: groups::ALL_NODES,
            header: RouterAdvertisement {
                cur_hop_limit: 64,
                flags: RaFlags::default(),
                router_lifetime: 1800,
                reachable_time: 0,
                retrans_timer: 0,
            },
            source_mac: None,
            mtu: None,
            prefixes: &[],
            routes: &[],
            dns_servers: &[],
            search_lists: &[],
            pref64: &[],
            captive_portal: None,
            flags_extension: None,
        }
    }
}

impl RaConfig<'_> {
    /// The length of the ICMPv6 message [`router_advertisement`] writes, known before writing.
    pub fn buffer_len(&self) -> Result<usize, NdpError> {
        let mut n = 16 + 8 * usize::from(self.source_mac.is_some()) + 8 * usize::from(self.mtu.is_some());
        n += 32 * self.prefixes.len();
        n += self
            .routes
            .iter()
            .map(|r| NdpOption::<&[u8]>::RouteInformation(*r).buffer_len())
            .sum::<usize>();
        for d in self.dns_servers {
            if d.servers.is_empty() || d.servers.len() > MAX_RDNSS_SERVERS {
                return Err(NdpError::RdnssServerCount { count: d.servers.len() });
            }
            n += 8 + 16 * d.servers.len();
        }
        for s in self.search_lists {
            if s.domains.is_empty() {
                return Err(NdpError::EmptySearchList);
            }
            let len = round8(8 + dnssl_encoded_len(s.domains)?);
            if len > MAX_OPTION_LEN {
                return Err(NdpError::OptionTooLong {
                    option_type: super::option::types::DNS_SEARCH_LIST,
                    length: len,
                });
            }
            n += len;
        }
        n += 16 * self.pref64.len();
        if let Some(uri) = self.captive_portal {
            let len = round8(2 + uri.len());
            if len > MAX_OPTION_LEN {
                return Err(NdpError::OptionTooLong {
                    option_type: super::option::types::CAPTIVE_PORTAL,
                    length: len,
                });
            }
            n += len;
        }
        n += 8 * usize::from(self.flags_extension.is_some());
        Ok(n)
    }
}

/// The result of [`router_advertisement`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BuiltAdvertisement {
    /// Where to send it.
    pub envelope: Envelope,
    /// Length of the ICMPv6 message.
    pub len: usize,
    /// True when the RA plus its 40-byte IPv6 header exceeds the link MTU given: RFC 6980 forbids
    /// fragmenting ND messages, so such an RA must be split into several.
    pub exceeds_link_mtu: bool,
}

/// A Router Advertisement from `config`. `link_mtu` (e.g. 1280 or 1500) is used only to set
/// [`BuiltAdvertisement::exceeds_link_mtu`].
pub fn router_advertisement(
    config: &RaConfig<'_>,
    link_mtu: usize,
    buf: &mut [u8],
) -> Result<BuiltAdvertisement, NdpError> {
    let expected = config.buffer_len()?;
    if buf.len() < expected {
        return Err(NdpError::BufferTooSmall {
            needed: expected,
            available: buf.len(),
        });
    }
    let envelope = Envelope {
        source: config.source,
        destination: config.destination,
        hop_limit: ND_HOP_LIMIT,
    };
    let mut w = MessageWriter::new(&Header::RouterAdvertisement(config.header), buf)?;
    if let Some(m) = config.source_mac {
        w.push(&NdpOption::SourceLinkLayerAddress(LinkLayerAddress::from_mac(m)))?;
    }
    if let Some(m) = config.mtu {
        w.push(&NdpOption::<&[u8]>::Mtu(Mtu::new(m)))?;
    }
    for p in config.prefixes {
        w.push(&NdpOption::<&[u8]>::PrefixInformation(*p))?;
    }
    for r in config.routes {
        w.push(&NdpOption::<&[u8]>::RouteInformation(*r))?;
    }
    for d in config.dns_servers {
        w.push_rdnss(d.lifetime, d.servers)?;
    }
    for s in config.search_lists {
        w.push_dnssl(s.lifetime, s.domains)?;
    }
    for p in config.pref64 {
        w.push(&NdpOption::<&[u8]>::Pref64(*p))?;
    }
    if let Some(uri) = config.captive_portal {
        w.push(&NdpOption::CaptivePortal(CaptivePortal(uri.as_bytes())))?;
    }
    if let Some(bits) = config.flags_extension {
        w.push(&NdpOption::RaFlagsExtension(RaFlagsExtension(&bits[..])))?;
    }
    let (envelope, len) = finish(w, envelope)?;
    Ok(BuiltAdvertisement {
        envelope,
        len,
        exceeds_link_mtu: len + 40 > link_mtu,
    })
}
