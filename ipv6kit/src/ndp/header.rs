//! The fixed part of each ND message (RFC 4861 §4.1–§4.5).

use super::NdpError;
use core::net::Ipv6Addr;

/// Byte ranges of the fixed parts, from the RFC's diagrams.
pub(crate) mod field {
    #![allow(dead_code)]
    use core::ops::Range;
    //  0                   1                   2                   3
    //  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
    // +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
    // |     Type      |     Code      |          Checksum             |
    // +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
    pub const TYPE: usize = 0;
    pub const CODE: usize = 1;
    pub const CHECKSUM: Range<usize> = 2..4;

    // Router Solicitation (§4.1)
    // |                            Reserved                           |
    // |   Options ...
    pub const RS_RESERVED: Range<usize> = 4..8;
    pub const RS_OPTIONS: usize = 8;

    // Router Advertisement (§4.2)
    // | Cur Hop Limit |M|O|H|Prf|P|Rsv|       Router Lifetime         |
    // |                         Reachable Time                        |
    // |                          Retrans Timer                        |
    // |   Options ...
    pub const RA_CUR_HOP_LIMIT: usize = 4;
    pub const RA_FLAGS: usize = 5;
    pub const RA_ROUTER_LIFETIME: Range<usize> = 6..8;
    pub const RA_REACHABLE_TIME: Range<usize> = 8..12;
    pub const RA_RETRANS_TIMER: Range<usize> = 12..16;
    pub const RA_OPTIONS: usize = 16;

    // Neighbor Solicitation (§4.3) / Neighbor Advertisement (§4.4)
    // |R|S|O|                     Reserved                            |   (NA; all reserved in NS)
    // +                       Target Address (128)                    +
    // |   Options ...
    pub const NS_RESERVED: Range<usize> = 4..8;
    pub const NS_TARGET: Range<usize> = 8..24;
    pub const NS_OPTIONS: usize = 24;

    // Redirect (§4.5)
    // |                           Reserved                            |
    // +                       Target Address (128)                    +
    // +                     Destination Address (128)                 +
    // |   Options ...
    pub const REDIRECT_RESERVED: Range<usize> = 4..8;
    pub const REDIRECT_TARGET: Range<usize> = 8..24;
    pub const REDIRECT_DESTINATION: Range<usize> = 24..40;
    pub const REDIRECT_OPTIONS: usize = 40;
}

/// The five ND message types (ICMPv6 types 133–137).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum MessageType {
    /// Router Solicitation, 133.
    RouterSolicitation,
    /// Router Advertisement, 134.
    RouterAdvertisement,
    /// Neighbor Solicitation, 135.
    NeighborSolicitation,
    /// Neighbor Advertisement, 136.
    NeighborAdvertisement,
    /// Redirect, 137.
    Redirect,
}

impl MessageType {
    /// The ICMPv6 type number.
    #[inline]
    pub const fn number(self) -> u8 {
        match self {
            MessageType::RouterSolicitation => 133,
            MessageType::RouterAdvertisement => 134,
            MessageType::NeighborSolicitation => 135,
            MessageType::NeighborAdvertisement => 136,
            MessageType::Redirect => 137,
        }
    }

    /// Where the options start (the length of the fixed part).
    #[inline]
    pub const fn header_len(self) -> usize {
        match self {
            MessageType::RouterSolicitation => field::RS_OPTIONS,
            MessageType::RouterAdvertisement => field::RA_OPTIONS,
            MessageType::NeighborSolicitation | MessageType::NeighborAdvertisement => field::NS_OPTIONS,
            MessageType::Redirect => field::REDIRECT_OPTIONS,
        }
    }

    /// The usual short name (RS, RA, NS, NA, Redirect).
    #[inline]
    pub const fn short_name(self) -> &'static str {
        match self {
            MessageType::RouterSolicitation => "RS",
            MessageType::RouterAdvertisement => "RA",
            MessageType::NeighborSolicitation => "NS",
            MessageType::NeighborAdvertisement => "NA",
            MessageType::Redirect => "Redirect",
        }
    }
}

impl TryFrom<u8> for MessageType {
    type Error = NdpError;
    fn try_from(v: u8) -> Result<Self, NdpError> {
        Ok(match v {
            133 => MessageType::RouterSolicitation,
            134 => MessageType::RouterAdvertisement,
            135 => MessageType::NeighborSolicitation,
            136 => MessageType::NeighborAdvertisement,
            137 => MessageType::Redirect,
            other => return Err(NdpError::NotNdp { message_type: other }),
        })
    }
}

/// A 2-bit router or route preference (RFC 4191 §2.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum RouterPreference {
    /// 01.
    High,
    /// 00 (also what receivers use for the reserved value).
    Medium,
    /// 11.
    Low,
    /// 10: reserved; receivers treat it as medium (RFC 4191 §2.2).
    Reserved,
}

impl RouterPreference {
    /// From the two bits (the low two bits of `v`).
    #[inline]
    pub const fn from_bits(v: u8) -> Self {
        match v & 0b11 {
            0b01 => RouterPreference::High,
            0b00 => RouterPreference::Medium,
            0b11 => RouterPreference::Low,
            _ => RouterPreference::Reserved,
        }
    }

    /// The two bits.
    #[inline]
    pub const fn bits(self) -> u8 {
        match self {
            RouterPreference::High => 0b01,
            RouterPreference::Medium => 0b00,
            RouterPreference::Low => 0b11,
            RouterPreference::Reserved => 0b10,
        }
    }

    /// "high", "medium", "low" or "reserved", as rdisc6 prints it.
    #[inline]
    pub const fn name(self) -> &'static str {
        match self {
            RouterPreference::High => "high",
            RouterPreference::Medium => "medium",
            RouterPreference::Low => "low",
            RouterPreference::Reserved => "reserved",
        }
    }
}

/// The flags byte of a Router Advertisement: M, O (RFC 4861), H (RFC 6275), Prf (RFC 4191),
/// Proxy (RFC 4389) and two reserved bits, all kept as received.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RaFlags(pub u8);

impl RaFlags {
    /// M: addresses are available via DHCPv6.
    pub const MANAGED: u8 = 0x80;
    /// O: other configuration is available via DHCPv6.
    pub const OTHER: u8 = 0x40;
    /// H: the router is a Mobile IPv6 home agent.
    pub const HOME_AGENT: u8 = 0x20;
    /// Proxy (RFC 4389).
    pub const PROXY: u8 = 0x04;
    /// The two reserved bits.
    pub const RESERVED: u8 = 0x03;

    /// M flag.
    #[inline]
    pub const fn managed(self) -> bool {
        self.0 & Self::MANAGED != 0
    }
    /// O flag.
    #[inline]
    pub const fn other(self) -> bool {
        self.0 & Self::OTHER != 0
    }
    /// H flag.
    #[inline]
    pub const fn home_agent(self) -> bool {
        self.0 & Self::HOME_AGENT != 0
    }
    /// Default router preference (Prf).
    #[inline]
    pub const fn preference(self) -> RouterPreference {
        RouterPreference::from_bits(self.0 >> 3)
    }
    /// Proxy flag.
    #[inline]
    pub const fn proxy(self) -> bool {
        self.0 & Self::PROXY != 0
    }
    /// The reserved bits as received.
    #[inline]
    pub const fn reserved(self) -> u8 {
        self.0 & Self::RESERVED
    }
    /// With M set or cleared.
    #[must_use]
    #[inline]
    pub const fn with_managed(self, on: bool) -> Self {
        Self::set(self, Self::MANAGED, on)
    }
    /// With O set or cleared.
    #[must_use]
    #[inline]
    pub const fn with_other(self, on: bool) -> Self {
        Self::set(self, Self::OTHER, on)
    }
    /// With H set or cleared.
    #[must_use]
    #[inline]
    pub const fn with_home_agent(self, on: bool) -> Self {
        Self::set(self, Self::HOME_AGENT, on)
    }
    /// With Proxy set or cleared.
    #[must_use]
    #[inline]
    pub const fn with_proxy(self, on: bool) -> Self {
        Self::set(self, Self::PROXY, on)
    }
    /// With the given preference.
    #[must_use]
    #[inline]
    pub const fn with_preference(self, p: RouterPreference) -> Self {
        RaFlags((self.0 & !0x18) | (p.bits() << 3))
    }
    /// With the two reserved bits ([`RESERVED`](Self::RESERVED), the low two bits of the byte)
    /// set to `bits`, the other flags kept; `None` when `bits` does not fit in two bits.
    ///
    /// RFC 4861 asks senders to zero them and receivers to ignore them: a conformance test sets
    /// them to see that a router or host does.
    ///
    /// ```
    /// use ipv6kit::ndp::RaFlags;
    /// let f = RaFlags::default().with_managed(true).with_reserved(0b11).unwrap();
    /// assert_eq!((f.0, f.managed(), f.reserved()), (0x83, true, 0b11));
    /// assert_eq!(f.with_reserved(0), Some(RaFlags(0x80)));
    /// assert_eq!(f.with_reserved(4), None);
    /// ```
    #[must_use]
    #[inline]
    pub const fn with_reserved(self, bits: u8) -> Option<Self> {
        if bits & !Self::RESERVED != 0 {
            return None;
        }
        Some(RaFlags((self.0 & !Self::RESERVED) | bits))
    }
    const fn set(self, bit: u8, on: bool) -> Self {
        if on {
            RaFlags(self.0 | bit)
        } else {
            RaFlags(self.0 & !bit)
        }
    }
}

/// The flags word of a Neighbor Advertisement: R, S, O and 29 reserved bits, kept as received.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct NaFlags(pub u32);

impl NaFlags {
    /// R: the sender is a router.
    pub const ROUTER: u32 = 0x8000_0000;
    /// S: sent in response to a Neighbor Solicitation.
    pub const SOLICITED: u32 = 0x4000_0000;
    /// O: override an existing cache entry.
    pub const OVERRIDE: u32 = 0x2000_0000;
    /// The 29 reserved bits.
    pub const RESERVED: u32 = 0x1fff_ffff;

    /// From the three flags, reserved bits zero.
    #[inline]
    pub const fn new(router: bool, solicited: bool, override_: bool) -> Self {
        let mut v = 0;
        if router {
            v |= Self::ROUTER;
        }
        if solicited {
            v |= Self::SOLICITED;
        }
        if override_ {
            v |= Self::OVERRIDE;
        }
        NaFlags(v)
    }
    /// R flag.
    #[inline]
    pub const fn router(self) -> bool {
        self.0 & Self::ROUTER != 0
    }
    /// S flag.
    #[inline]
    pub const fn solicited(self) -> bool {
        self.0 & Self::SOLICITED != 0
    }
    /// O flag.
    #[inline]
    pub const fn override_flag(self) -> bool {
        self.0 & Self::OVERRIDE != 0
    }
    /// The 29 reserved bits as received.
    #[inline]
    pub const fn reserved(self) -> u32 {
        self.0 & Self::RESERVED
    }
    /// With the 29 reserved bits ([`RESERVED`](Self::RESERVED)) set to `bits`, R, S and O
    /// kept; `None` when `bits` does not fit in 29 bits.
    ///
    /// RFC 4861 asks senders to zero them and receivers to ignore them: a conformance test sets
    /// them to see that a router or host does.
    ///
    /// ```
    /// use ipv6kit::ndp::NaFlags;
    /// let f = NaFlags::new(false, true, true).with_reserved(1).unwrap();
    /// assert_eq!((f.0, f.solicited(), f.reserved()), (0x6000_0001, true, 1));
    /// assert_eq!(f.with_reserved(NaFlags::RESERVED), Some(NaFlags(0x7fff_ffff)));
    /// assert_eq!(f.with_reserved(0x2000_0000), None);
    /// ```
    #[must_use]
    #[inline]
    pub const fn with_reserved(self, bits: u32) -> Option<Self> {
        if bits & !Self::RESERVED != 0 {
            return None;
        }
        Some(NaFlags((self.0 & !Self::RESERVED) | bits))
    }
}

/// Router Solicitation fixed part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RouterSolicitation {
    /// The reserved word, as received (zero when built).
    pub reserved: u32,
}

/// Router Advertisement fixed part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RouterAdvertisement {
    /// Cur Hop Limit (0: unspecified).
    pub cur_hop_limit: u8,
    /// M, O, H, Prf, Proxy and reserved bits.
    pub flags: RaFlags,
    /// Router Lifetime in seconds (0: not a default router).
    pub router_lifetime: u16,
    /// Reachable Time in milliseconds (0: unspecified).
    pub reachable_time: u32,
    /// Retrans Timer in milliseconds (0: unspecified).
    pub retrans_timer: u32,
}

/// Neighbor Solicitation fixed part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct NeighborSolicitation {
    /// The reserved word, as received.
    pub reserved: u32,
    /// Target Address.
    pub target: Ipv6Addr,
}

/// Neighbor Advertisement fixed part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct NeighborAdvertisement {
    /// R, S, O and reserved bits.
    pub flags: NaFlags,
    /// Target Address.
    pub target: Ipv6Addr,
}

/// Redirect fixed part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Redirect {
    /// The reserved word, as received.
    pub reserved: u32,
    /// Target Address: the better first hop.
    pub target: Ipv6Addr,
    /// Destination Address: the destination being redirected.
    pub destination: Ipv6Addr,
}

/// The fixed part of any ND message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum Header {
    /// RS.
    RouterSolicitation(RouterSolicitation),
    /// RA.
    RouterAdvertisement(RouterAdvertisement),
    /// NS.
    NeighborSolicitation(NeighborSolicitation),
    /// NA.
    NeighborAdvertisement(NeighborAdvertisement),
    /// Redirect.
    Redirect(Redirect),
}

#[inline]
pub(crate) fn be16(b: &[u8], at: usize) -> u16 {
    match b.get(at..at + 2) {
        Some(&[x, y]) => u16::from_be_bytes([x, y]),
        _ => 0,
    }
}

#[inline]
pub(crate) fn be32(b: &[u8], at: usize) -> u32 {
    match b.get(at..at + 4) {
        Some(&[w, x, y, z]) => u32::from_be_bytes([w, x, y, z]),
        _ => 0,
    }
}

#[inline]
pub(crate) fn addr(b: &[u8], at: usize) -> Ipv6Addr {
    let mut o = [0u8; 16];
    if let Some(s) = b.get(at..at + 16) {
        o.copy_from_slice(s);
    }
    Ipv6Addr::from(o)
}

/// Copies `src` into `dst[at..]` when it fits (callers check lengths first).
#[inline]
pub(crate) fn put(dst: &mut [u8], at: usize, src: &[u8]) {
    if let Some(d) = dst.get_mut(at..at + src.len()) {
        d.copy_from_slice(src);
    }
}

impl Header {
    /// The message type.
    #[inline]
    pub const fn message_type(&self) -> MessageType {
        match self {
            Header::RouterSolicitation(_) => MessageType::RouterSolicitation,
            Header::RouterAdvertisement(_) => MessageType::RouterAdvertisement,
            Header::NeighborSolicitation(_) => MessageType::NeighborSolicitation,
            Header::NeighborAdvertisement(_) => MessageType::NeighborAdvertisement,
            Header::Redirect(_) => MessageType::Redirect,
        }
    }

    /// Length of the fixed part in bytes (where the options start).
    #[inline]
    pub const fn buffer_len(&self) -> usize {
        self.message_type().header_len()
    }

    /// Reads the fixed part of a message of type `t` (the caller has checked the length).
    pub(crate) fn read(t: MessageType, b: &[u8]) -> Header {
        match t {
            MessageType::RouterSolicitation => Header::RouterSolicitation(RouterSolicitation {
                reserved: be32(b, field::RS_RESERVED.start),
            }),
            MessageType::RouterAdvertisement => Header::RouterAdvertisement(RouterAdvertisement {
                cur_hop_limit: b.get(field::RA_CUR_HOP_LIMIT).copied().unwrap_or(0),
                flags: RaFlags(b.get(field::RA_FLAGS).copied().unwrap_or(0)),
                router_lifetime: be16(b, field::RA_ROUTER_LIFETIME.start),
                reachable_time: be32(b, field::RA_REACHABLE_TIME.start),
                retrans_timer: be32(b, field::RA_RETRANS_TIMER.start),
            }),
            MessageType::NeighborSolicitation => Header::NeighborSolicitation(NeighborSolicitation {
                reserved: be32(b, field::NS_RESERVED.start),
                target: addr(b, field::NS_TARGET.start),
            }),
            MessageType::NeighborAdvertisement => Header::NeighborAdvertisement(NeighborAdvertisement {
                flags: NaFlags(be32(b, field::NS_RESERVED.start)),
                target: addr(b, field::NS_TARGET.start),
            }),
            MessageType::Redirect => Header::Redirect(Redirect {
                reserved: be32(b, field::REDIRECT_RESERVED.start),
                target: addr(b, field::REDIRECT_TARGET.start),
                destination: addr(b, field::REDIRECT_DESTINATION.start),
            }),
        }
    }

    /// Writes type, code 0, the checksum field and the fixed part into `buf`.
    pub(crate) fn write(&self, checksum: u16, buf: &mut [u8]) -> Result<(), NdpError> {
        let need = self.buffer_len();
        let available = buf.len();
        let out = buf.get_mut(..need).ok_or(NdpError::BufferTooSmall {
            needed: need,
            available,
        })?;
        out.fill(0);
        out[field::TYPE] = self.message_type().number();
        out[field::CODE] = 0;
        put(out, field::CHECKSUM.start, &checksum.to_be_bytes());
        match self {
            Header::RouterSolicitation(h) => put(out, field::RS_RESERVED.start, &h.reserved.to_be_bytes()),
            Header::RouterAdvertisement(h) => {
                out[field::RA_CUR_HOP_LIMIT] = h.cur_hop_limit;
                out[field::RA_FLAGS] = h.flags.0;
                put(out, field::RA_ROUTER_LIFETIME.start, &h.router_lifetime.to_be_bytes());
                put(out, field::RA_REACHABLE_TIME.start, &h.reachable_time.to_be_bytes());
                put(out, field::RA_RETRANS_TIMER.start, &h.retrans_timer.to_be_bytes());
            }
            Header::NeighborSolicitation(h) => {
                put(out, field::NS_RESERVED.start, &h.reserved.to_be_bytes());
                put(out, field::NS_TARGET.start, &h.target.octets());
            }
            Header::NeighborAdvertisement(h) => {
                put(out, field::NS_RESERVED.start, &h.flags.0.to_be_bytes());
                put(out, field::NS_TARGET.start, &h.target.octets());
            }
            Header::Redirect(h) => {
                put(out, field::REDIRECT_RESERVED.start, &h.reserved.to_be_bytes());
                put(out, field::REDIRECT_TARGET.start, &h.target.octets());
                put(out, field::REDIRECT_DESTINATION.start, &h.destination.octets());
            }
        }
        Ok(())
    }
}
