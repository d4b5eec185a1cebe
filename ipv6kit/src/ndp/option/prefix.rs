//! Prefix Information (RFC 4861 §4.6.2), Route Information (RFC 4191 §2.3) and PREF64
//! (RFC 8781 §4).

use super::super::header::{addr, be16, be32, put};
use super::super::NdpError;
use super::InvalidReason;
use crate::Ipv6Net;
use core::net::Ipv6Addr;

mod field {
    // Prefix Information
    //  0                   1                   2                   3
    //  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
    // +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
    // |     Type      |    Length     | Prefix Length |L|A|R|P|Resvd1 |
    // +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
    // |                         Valid Lifetime                        |
    // +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
    // |                       Preferred Lifetime                      |
    // +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
    // |                           Reserved2                           |
    // +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
    // +                            Prefix (128)                       +
    pub const PIO_PREFIX_LENGTH: usize = 2;
    pub const PIO_FLAGS: usize = 3;
    pub const PIO_VALID: usize = 4;
    pub const PIO_PREFERRED: usize = 8;
    pub const PIO_RESERVED2: usize = 12;
    pub const PIO_PREFIX: usize = 16;

    // Route Information
    // |     Type      |    Length     | Prefix Length |Resvd|Prf|Resvd|
    // |                        Route Lifetime                         |
    // |                   Prefix (Variable Length)                    |
    pub const RIO_PREFIX_LENGTH: usize = 2;
    pub const RIO_FLAGS: usize = 3;
    pub const RIO_LIFETIME: usize = 4;
    pub const RIO_PREFIX: usize = 8;

    // PREF64
    // |     Type      |    Length     |     Scaled Lifetime     | PLC |
    // +                  Highest 96 bits of the Prefix                +
    pub const PREF64_LIFETIME_PLC: usize = 2;
    pub const PREF64_PREFIX: usize = 4;
}

/// Prefix Information option (type 3), every bit kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PrefixInformation {
    /// Prefix Length (0–128).
    pub prefix_length: u8,
    /// L, A, R, P and the reserved bits (`Resvd1`).
    pub flags: u8,
    /// Valid Lifetime in seconds (`u32::MAX`: infinity).
    pub valid_lifetime: u32,
    /// Preferred Lifetime in seconds.
    pub preferred_lifetime: u32,
    /// `Reserved2` as received.
    pub reserved2: u32,
    /// The prefix, with any bits beyond the prefix length as received.
    pub prefix: Ipv6Addr,
}

impl PrefixInformation {
    /// L: on-link.
    pub const ON_LINK: u8 = 0x80;
    /// A: autonomous address configuration (SLAAC).
    pub const AUTONOMOUS: u8 = 0x40;
    /// R: the prefix field holds the router's address (RFC 6275 §7.2).
    pub const ROUTER_ADDRESS: u8 = 0x20;
    /// P: DHCPv6 prefix delegation preferred (RFC 9762).
    pub const DHCPV6_PD: u8 = 0x10;

    /// A PIO for `prefix` with flags L and A as given, reserved bits zero. The prefix's host
    /// bits are cleared.
    #[inline]
    pub fn new(prefix: Ipv6Net, on_link: bool, autonomous: bool, valid: u32, preferred: u32) -> Self {
        let mut flags = 0;
        if on_link {
            flags |= Self::ON_LINK;
        }
        if autonomous {
            flags |= Self::AUTONOMOUS;
        }
        PrefixInformation {
            prefix_length: prefix.prefix_len(),
            flags,
            valid_lifetime: valid,
            preferred_lifetime: preferred,
            reserved2: 0,
            prefix: prefix.network(),
        }
    }
    /// L flag.
    #[inline]
    pub const fn on_link(&self) -> bool {
        self.flags & Self::ON_LINK != 0
    }
    /// A flag.
    #[inline]
    pub const fn autonomous(&self) -> bool {
        self.flags & Self::AUTONOMOUS != 0
    }
    /// R flag.
    #[inline]
    pub const fn router_address(&self) -> bool {
        self.flags & Self::ROUTER_ADDRESS != 0
    }
    /// P flag.
    #[inline]
    pub const fn dhcpv6_pd(&self) -> bool {
        self.flags & Self::DHCPV6_PD != 0
    }
    /// The prefix as a network (host bits cleared).
    #[inline]
    pub fn network(&self) -> Ipv6Net {
        Ipv6Net::new(self.prefix, self.prefix_length.min(128))
            .map(|n| n.trunc())
            .unwrap_or_default()
    }
    #[inline]
    pub(crate) fn decode(o: &[u8]) -> Result<Self, InvalidReason> {
        let prefix_length = o.get(field::PIO_PREFIX_LENGTH).copied().unwrap_or(0);
        if prefix_length > 128 {
            return Err(InvalidReason::PrefixLengthTooLong { prefix_length });
        }
        Ok(PrefixInformation {
            prefix_length,
            flags: o.get(field::PIO_FLAGS).copied().unwrap_or(0),
            valid_lifetime: be32(o, field::PIO_VALID),
            preferred_lifetime: be32(o, field::PIO_PREFERRED),
            reserved2: be32(o, field::PIO_RESERVED2),
            prefix: addr(o, field::PIO_PREFIX),
        })
    }
    pub(crate) fn write(&self, out: &mut [u8]) {
        put(out, field::PIO_PREFIX_LENGTH, &[self.prefix_length, self.flags]);
        put(out, field::PIO_VALID, &self.valid_lifetime.to_be_bytes());
        put(out, field::PIO_PREFERRED, &self.preferred_lifetime.to_be_bytes());
        put(out, field::PIO_RESERVED2, &self.reserved2.to_be_bytes());
        put(out, field::PIO_PREFIX, &self.prefix.octets());
    }
}

/// Route Information option (type 24). `length` (units of 8 bytes) is kept because a /64 may
/// legally come in a Length-3 option, and real routers send that.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RouteInformation {
    /// Length in units of 8 bytes: 1, 2 or 3.
    pub length: u8,
    /// Prefix Length (0–128).
    pub prefix_length: u8,
    /// The flags byte: Prf in bits 3–4, the rest reserved (kept as received).
    pub flags: u8,
    /// Route Lifetime in seconds (`u32::MAX`: infinity).
    pub route_lifetime: u32,
    /// The prefix bytes present (0, 8 or 16), zero-filled to 16, bits beyond the length kept.
    pub prefix: Ipv6Addr,
}

impl RouteInformation {
    /// A route to `prefix` with the shortest legal Length, host bits cleared.
    #[inline]
    pub fn new(prefix: Ipv6Net, preference: crate::ndp::RouterPreference, lifetime: u32) -> Self {
        let len = prefix.prefix_len();
        RouteInformation {
            length: if len == 0 {
                1
            } else if len <= 64 {
                2
            } else {
                3
            },
            prefix_length: len,
            flags: preference.bits() << 3,
            route_lifetime: lifetime,
            prefix: prefix.network(),
        }
    }
    /// Route preference.
    #[inline]
    pub const fn preference(&self) -> crate::ndp::RouterPreference {
        crate::ndp::RouterPreference::from_bits(self.flags >> 3)
    }
    /// The route as a network (host bits cleared).
    #[inline]
    pub fn network(&self) -> Ipv6Net {
        Ipv6Net::new(self.prefix, self.prefix_length.min(128))
            .map(|n| n.trunc())
            .unwrap_or_default()
    }
    pub(crate) fn content_len(&self) -> usize {
        usize::from(self.length.clamp(1, 3)) * 8
    }
    #[inline]
    pub(crate) fn decode(o: &[u8]) -> Result<Self, InvalidReason> {
        let length = o.get(1).copied().unwrap_or(0);
        let prefix_length = o.get(field::RIO_PREFIX_LENGTH).copied().unwrap_or(0);
        // RFC 4191 §2.3: "The Length field is 1, 2, or 3 depending on Prefix Length. If Prefix
        // Length is greater than 64, then Length must be 3. If Prefix Length is greater than
        // 0, then Length must be 2 or 3. If Prefix Length is zero, then Length must be 1, 2, or 3."
        let fits = match length {
            1 => prefix_length == 0,
            2 => prefix_length <= 64,
            3 => prefix_length <= 128,
            _ => false,
        };
        if !fits {
            return Err(InvalidReason::RouteInformationLength { length, prefix_length });
        }
        let mut p = [0u8; 16];
        if let Some(src) = o.get(field::RIO_PREFIX..) {
            let n = src.len().min(16);
            p[..n].copy_from_slice(&src[..n]);
        }
        Ok(RouteInformation {
            length,
            prefix_length,
            flags: o.get(field::RIO_FLAGS).copied().unwrap_or(0),
            route_lifetime: be32(o, field::RIO_LIFETIME),
            prefix: Ipv6Addr::from(p),
        })
    }
    pub(crate) fn write(&self, out: &mut [u8]) {
        put(out, field::RIO_PREFIX_LENGTH, &[self.prefix_length, self.flags]);
        put(out, field::RIO_LIFETIME, &self.route_lifetime.to_be_bytes());
        let n = self.content_len() - field::RIO_PREFIX;
        put(out, field::RIO_PREFIX, self.prefix.octets().get(..n).unwrap_or(&[]));
    }
}

/// PREF64 option (type 38): the NAT64 prefix (RFC 8781).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Pref64 {
    /// Scaled Lifetime (13 bits, units of 8 seconds) and PLC (3 bits) as on the wire.
    pub lifetime_plc: u16,
    /// The highest 96 bits of the prefix.
    pub prefix: [u8; 12],
}

impl Pref64 {
    /// A PREF64 for `prefix` (/32, /40, /48, /56, /64 or /96) valid for `lifetime` seconds
    /// (rounded up to 8 s units, at most 65528); [`NdpError::Pref64PrefixLength`] for another
    /// length.
    ///
    /// ```
    /// use ipv6kit::ndp::{option::Pref64, NdpError};
    /// let p = Pref64::new("64:ff9b::/96".parse().unwrap(), 1800).unwrap();
    /// assert_eq!((p.prefix_length_code(), p.lifetime()), (0, 1800));
    /// let e = Pref64::new("2001:db8::/33".parse().unwrap(), 1800).unwrap_err();
    /// assert_eq!(e, NdpError::Pref64PrefixLength { prefix_len: 33 });
    /// ```
    #[inline]
    pub fn new(prefix: Ipv6Net, lifetime: u16) -> Result<Self, NdpError> {
        let plc = match prefix.prefix_len() {
            96 => 0,
            64 => 1,
            56 => 2,
            48 => 3,
            40 => 4,
            32 => 5,
            prefix_len => return Err(NdpError::Pref64PrefixLength { prefix_len }),
        };
        let scaled = lifetime.div_ceil(8).min(0x1fff);
        let mut p = [0u8; 12];
        p.copy_from_slice(&prefix.network().octets()[..12]);
        Ok(Pref64 {
            lifetime_plc: (scaled << 3) | plc,
            prefix: p,
        })
    }
    /// The Prefix Length Code (0–5 in a valid option).
    #[inline]
    pub const fn prefix_length_code(&self) -> u8 {
        (self.lifetime_plc & 0x7) as u8
    }
    /// The lifetime in seconds (Scaled Lifetime × 8).
    #[inline]
    pub const fn lifetime(&self) -> u32 {
        (self.lifetime_plc >> 3) as u32 * 8
    }
    /// The prefix length the PLC stands for.
    #[inline]
    pub const fn prefix_length(&self) -> Option<u8> {
        match self.prefix_length_code() {
            0 => Some(96),
            1 => Some(64),
            2 => Some(56),
            3 => Some(48),
            4 => Some(40),
            5 => Some(32),
            _ => None,
        }
    }
    /// The NAT64 prefix.
    #[inline]
    pub fn network(&self) -> Ipv6Net {
        let mut o = [0u8; 16];
        o[..12].copy_from_slice(&self.prefix);
        let len = self.prefix_length().unwrap_or(96);
        Ipv6Net::new(Ipv6Addr::from(o), len)
            .map(|n| n.trunc())
            .unwrap_or_default()
    }
    #[inline]
    pub(crate) fn decode(o: &[u8]) -> Result<Self, InvalidReason> {
        let lifetime_plc = be16(o, field::PREF64_LIFETIME_PLC);
        let mut prefix = [0u8; 12];
        if let Some(s) = o.get(field::PREF64_PREFIX..field::PREF64_PREFIX + 12) {
            prefix.copy_from_slice(s);
        }
        let v = Pref64 { lifetime_plc, prefix };
        match v.prefix_length() {
            Some(_) => Ok(v),
            None => Err(InvalidReason::Pref64PrefixLengthCode {
                code: v.prefix_length_code(),
            }),
        }
    }
    pub(crate) fn write(&self, out: &mut [u8]) {
        put(out, field::PREF64_LIFETIME_PLC, &self.lifetime_plc.to_be_bytes());
        put(out, field::PREF64_PREFIX, &self.prefix);
    }
}
