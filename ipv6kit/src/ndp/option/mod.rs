//! ND options (RFC 4861 §4.6 and later RFCs): one file per family, each with the byte ranges of
//! its RFC diagram in a `field` module, a plain-data representation keeping every wire bit, and
//! emission.
//!
//! Types whose payload has a variable length are generic over their storage `B`: parsing gives
//! `NdpOption<&[u8]>` (zero-copy), [`NdpOption::to_owned`] gives `NdpOption<Vec<u8>>`, and builders
//! can use arrays (`[u8; 6]` for a MAC).

mod dns;
mod link_layer;
mod misc;
mod prefix;

pub use dns::{DnsSearchList, DomainName, DomainNames, RdnssAddresses, RecursiveDnsServer};
pub use link_layer::LinkLayerAddress;
pub use misc::{
    AdvertisementInterval, CaptivePortal, HomeAgentInformation, Mtu, Nonce, RaFlagsExtension, RedirectedHeader,
    UnknownOption,
};
pub use prefix::{Pref64, PrefixInformation, RouteInformation};

pub(crate) use dns::{dnssl_encoded_len, encode_dnssl};

use super::{NdpError, MAX_OPTION_LEN};

/// Option type numbers (IANA "IPv6 Neighbor Discovery Option Formats").
pub mod types {
    /// Source Link-layer Address (RFC 4861).
    pub const SOURCE_LINK_LAYER_ADDRESS: u8 = 1;
    /// Target Link-layer Address (RFC 4861).
    pub const TARGET_LINK_LAYER_ADDRESS: u8 = 2;
    /// Prefix Information (RFC 4861).
    pub const PREFIX_INFORMATION: u8 = 3;
    /// Redirected Header (RFC 4861).
    pub const REDIRECTED_HEADER: u8 = 4;
    /// MTU (RFC 4861).
    pub const MTU: u8 = 5;
    /// Advertisement Interval (RFC 6275).
    pub const ADVERTISEMENT_INTERVAL: u8 = 7;
    /// Home Agent Information (RFC 6275).
    pub const HOME_AGENT_INFORMATION: u8 = 8;
    /// Nonce (RFC 3971).
    pub const NONCE: u8 = 14;
    /// Route Information (RFC 4191).
    pub const ROUTE_INFORMATION: u8 = 24;
    /// Recursive DNS Server (RFC 8106).
    pub const RECURSIVE_DNS_SERVER: u8 = 25;
    /// RA Flags Extension (RFC 5175).
    pub const RA_FLAGS_EXTENSION: u8 = 26;
    /// DNS Search List (RFC 8106).
    pub const DNS_SEARCH_LIST: u8 = 31;
    /// Captive Portal (RFC 8910).
    pub const CAPTIVE_PORTAL: u8 = 37;
    /// PREF64 (RFC 8781).
    pub const PREF64: u8 = 38;
}

/// Why a known option's contents are invalid. The option is kept (and re-emitted unchanged) but
/// typed accessors skip it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum InvalidReason {
    /// A fixed-size option with another Length (units of 8 bytes).
    WrongLength {
        /// The Length found.
        length: u8,
        /// The Length the RFC requires.
        expected: u8,
    },
    /// A prefix length above 128.
    PrefixLengthTooLong {
        /// The prefix length found.
        prefix_length: u8,
    },
    /// A Route Information option too short (or too long) for its prefix length (RFC 4191 §2.3).
    RouteInformationLength {
        /// Length in units of 8 bytes.
        length: u8,
        /// Prefix length.
        prefix_length: u8,
    },
    /// RDNSS with an even Length or shorter than 3 (RFC 8106 §5.1; CVE-2020-16898).
    RdnssLength {
        /// The Length found.
        length: u8,
    },
    /// DNSSL shorter than 2 units (RFC 8106 §5.2).
    DnsslTooShort,
    /// A DNSSL whose names do not decode: label past the end, a compression pointer, a label over
    /// 63 bytes, a name over 255 bytes, an unterminated name or non-zero padding.
    DnsslBadName {
        /// Offset from the start of the option.
        offset: usize,
    },
    /// PREF64 with a Prefix Length Code of 6 or 7 (RFC 8781 §4).
    Pref64PrefixLengthCode {
        /// The PLC found.
        code: u8,
    },
}

/// Any ND option, decoded. `B` is the storage of variable-length payloads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
// Layout for speed: a tag byte before each variant, laid out in field order, so that every
// variant's payload slice sits at the same offset (hence `option` before `reason` in
// `Invalid`). With the slices at different offsets, or under fields of other variants, the
// optimiser splits a decoded option into bytes and puts it together again before the caller's
// `match`: decoding every option of tcpdump's RA took 957 instructions that way, 597 this one.
#[repr(u8)]
pub enum NdpOption<B> {
    /// Type 1.
    SourceLinkLayerAddress(LinkLayerAddress<B>),
    /// Type 2.
    TargetLinkLayerAddress(LinkLayerAddress<B>),
    /// Type 3.
    PrefixInformation(PrefixInformation),
    /// Type 4.
    RedirectedHeader(RedirectedHeader<B>),
    /// Type 5.
    Mtu(Mtu),
    /// Type 7.
    AdvertisementInterval(AdvertisementInterval),
    /// Type 8.
    HomeAgentInformation(HomeAgentInformation),
    /// Type 14.
    Nonce(Nonce<B>),
    /// Type 24.
    RouteInformation(RouteInformation),
    /// Type 25.
    RecursiveDnsServer(RecursiveDnsServer<B>),
    /// Type 26.
    RaFlagsExtension(RaFlagsExtension<B>),
    /// Type 31.
    DnsSearchList(DnsSearchList<B>),
    /// Type 37.
    CaptivePortal(CaptivePortal<B>),
    /// Type 38.
    Pref64(Pref64),
    /// Any other type, kept raw (RFC 4861 §4.6: receivers skip options they do not know).
    Unknown(UnknownOption<B>),
    /// A known type with invalid contents, kept raw.
    Invalid {
        /// The option, raw.
        option: UnknownOption<B>,
        /// Why it is invalid.
        reason: InvalidReason,
    },
}

/// Rounds an option length up to whole 8-byte units.
pub(crate) const fn round8(n: usize) -> usize {
    n.div_ceil(8) * 8
}

impl<'a> NdpOption<&'a [u8]> {
    /// Decodes one option from its wire bytes (`bytes.len()` = Length × 8, at least 8). Never
    /// panics: a malformed known option becomes [`NdpOption::Invalid`].
    #[inline]
    pub fn decode(bytes: &'a [u8]) -> NdpOption<&'a [u8]> {
        let (kind, length, data) = match bytes {
            [k, l, rest @ ..] => (*k, *l, rest),
            _ => (0, 0, &[][..]),
        };
        let invalid = |reason| NdpOption::Invalid {
            reason,
            option: UnknownOption {
                option_type: kind,
                data,
            },
        };
        let wrong = |expected| invalid(InvalidReason::WrongLength { length, expected });
        match kind {
            types::SOURCE_LINK_LAYER_ADDRESS => NdpOption::SourceLinkLayerAddress(LinkLayerAddress(data)),
            types::TARGET_LINK_LAYER_ADDRESS => NdpOption::TargetLinkLayerAddress(LinkLayerAddress(data)),
            types::PREFIX_INFORMATION if length != 4 => wrong(4),
            types::PREFIX_INFORMATION => match PrefixInformation::decode(bytes) {
                Ok(p) => NdpOption::PrefixInformation(p),
                Err(r) => invalid(r),
            },
            types::REDIRECTED_HEADER => NdpOption::RedirectedHeader(RedirectedHeader::decode(bytes)),
            types::MTU if length != 1 => wrong(1),
            types::MTU => NdpOption::Mtu(Mtu::decode(bytes)),
            types::ADVERTISEMENT_INTERVAL if length != 1 => wrong(1),
            types::ADVERTISEMENT_INTERVAL => NdpOption::AdvertisementInterval(AdvertisementInterval::decode(bytes)),
            types::HOME_AGENT_INFORMATION if length != 1 => wrong(1),
            types::HOME_AGENT_INFORMATION => NdpOption::HomeAgentInformation(HomeAgentInformation::decode(bytes)),
            types::NONCE => NdpOption::Nonce(Nonce(data)),
            types::ROUTE_INFORMATION => match RouteInformation::decode(bytes) {
                Ok(p) => NdpOption::RouteInformation(p),
                Err(r) => invalid(r),
            },
            types::RECURSIVE_DNS_SERVER => match RecursiveDnsServer::decode(bytes) {
                Ok(p) => NdpOption::RecursiveDnsServer(p),
                Err(r) => invalid(r),
            },
            types::RA_FLAGS_EXTENSION => NdpOption::RaFlagsExtension(RaFlagsExtension(data)),
            types::DNS_SEARCH_LIST => match DnsSearchList::decode(bytes) {
                Ok(p) => NdpOption::DnsSearchList(p),
                Err(r) => invalid(r),
            },
            types::CAPTIVE_PORTAL => NdpOption::CaptivePortal(CaptivePortal(data)),
            types::PREF64 if length != 2 => wrong(2),
            types::PREF64 => match Pref64::decode(bytes) {
                Ok(p) => NdpOption::Pref64(p),
                Err(r) => invalid(r),
            },
            _ => NdpOption::Unknown(UnknownOption {
                option_type: kind,
                data,
            }),
        }
    }
}

impl<B: AsRef<[u8]>> NdpOption<B> {
    /// The option type number.
    pub fn option_type(&self) -> u8 {
        match self {
            NdpOption::SourceLinkLayerAddress(_) => types::SOURCE_LINK_LAYER_ADDRESS,
            NdpOption::TargetLinkLayerAddress(_) => types::TARGET_LINK_LAYER_ADDRESS,
            NdpOption::PrefixInformation(_) => types::PREFIX_INFORMATION,
            NdpOption::RedirectedHeader(_) => types::REDIRECTED_HEADER,
            NdpOption::Mtu(_) => types::MTU,
            NdpOption::AdvertisementInterval(_) => types::ADVERTISEMENT_INTERVAL,
            NdpOption::HomeAgentInformation(_) => types::HOME_AGENT_INFORMATION,
            NdpOption::Nonce(_) => types::NONCE,
            NdpOption::RouteInformation(_) => types::ROUTE_INFORMATION,
            NdpOption::RecursiveDnsServer(_) => types::RECURSIVE_DNS_SERVER,
            NdpOption::RaFlagsExtension(_) => types::RA_FLAGS_EXTENSION,
            NdpOption::DnsSearchList(_) => types::DNS_SEARCH_LIST,
            NdpOption::CaptivePortal(_) => types::CAPTIVE_PORTAL,
            NdpOption::Pref64(_) => types::PREF64,
            NdpOption::Unknown(o) | NdpOption::Invalid { option: o, .. } => o.option_type,
        }
    }

    /// True for [`NdpOption::Invalid`].
    pub fn is_invalid(&self) -> bool {
        matches!(self, NdpOption::Invalid { .. })
    }

    /// Bytes of contents before padding to a multiple of 8 (header included).
    fn content_len(&self) -> usize {
        match self {
            NdpOption::SourceLinkLayerAddress(o) | NdpOption::TargetLinkLayerAddress(o) => o.content_len(),
            NdpOption::PrefixInformation(_) => 32,
            NdpOption::RedirectedHeader(o) => o.content_len(),
            NdpOption::Mtu(_) | NdpOption::AdvertisementInterval(_) | NdpOption::HomeAgentInformation(_) => 8,
            NdpOption::Nonce(o) => o.content_len(),
            NdpOption::RouteInformation(o) => o.content_len(),
            NdpOption::RecursiveDnsServer(o) => o.content_len(),
            NdpOption::RaFlagsExtension(o) => o.content_len(),
            NdpOption::DnsSearchList(o) => o.content_len(),
            NdpOption::CaptivePortal(o) => o.content_len(),
            NdpOption::Pref64(_) => 16,
            NdpOption::Unknown(o) | NdpOption::Invalid { option: o, .. } => o.content_len(),
        }
    }

    /// Bytes this option takes on the wire (a multiple of 8).
    pub fn buffer_len(&self) -> usize {
        round8(self.content_len())
    }

    /// Writes the option into the start of `buf`: type, Length, contents, zero padding. Returns
    /// the bytes written. Refuses options over 2040 bytes.
    pub fn emit(&self, buf: &mut [u8]) -> Result<usize, NdpError> {
        let len = self.buffer_len();
        if len > MAX_OPTION_LEN {
            return Err(NdpError::OptionTooLong {
                option_type: self.option_type(),
                length: len,
            });
        }
        if let NdpOption::RecursiveDnsServer(r) = self {
            let bytes = r.addresses.as_ref().len();
            if bytes == 0 {
                return Err(NdpError::RdnssServerCount { count: 0 });
            }
            if bytes % 16 != 0 {
                return Err(NdpError::FieldOutOfRange {
                    field: "RDNSS addresses (not a multiple of 16 bytes)",
                });
            }
        }
        let available = buf.len();
        let out = buf
            .get_mut(..len)
            .ok_or(NdpError::BufferTooSmall { needed: len, available })?;
        out.fill(0);
        match self {
            NdpOption::SourceLinkLayerAddress(o) | NdpOption::TargetLinkLayerAddress(o) => o.write(out),
            NdpOption::PrefixInformation(o) => o.write(out),
            NdpOption::RedirectedHeader(o) => o.write(out),
            NdpOption::Mtu(o) => o.write(out),
            NdpOption::AdvertisementInterval(o) => o.write(out),
            NdpOption::HomeAgentInformation(o) => o.write(out),
            NdpOption::Nonce(o) => o.write(out),
            NdpOption::RouteInformation(o) => o.write(out),
            NdpOption::RecursiveDnsServer(o) => o.write(out),
            NdpOption::RaFlagsExtension(o) => o.write(out),
            NdpOption::DnsSearchList(o) => o.write(out),
            NdpOption::CaptivePortal(o) => o.write(out),
            NdpOption::Pref64(o) => o.write(out),
            NdpOption::Unknown(o) | NdpOption::Invalid { option: o, .. } => o.write(out),
        }
        if let [t, l, ..] = out {
            *t = self.option_type();
            // len ≤ 2040, so len / 8 ≤ 255.
            *l = u8::try_from(len / 8).unwrap_or(u8::MAX);
        }
        Ok(len)
    }

    /// The same option with its storage converted by `f` (e.g. `|b| b.to_vec()`).
    pub fn map<C>(self, f: impl FnOnce(B) -> C) -> NdpOption<C> {
        match self {
            NdpOption::SourceLinkLayerAddress(o) => NdpOption::SourceLinkLayerAddress(LinkLayerAddress(f(o.0))),
            NdpOption::TargetLinkLayerAddress(o) => NdpOption::TargetLinkLayerAddress(LinkLayerAddress(f(o.0))),
            NdpOption::PrefixInformation(o) => NdpOption::PrefixInformation(o),
            NdpOption::RedirectedHeader(o) => NdpOption::RedirectedHeader(RedirectedHeader {
                reserved: o.reserved,
                packet: f(o.packet),
            }),
            NdpOption::Mtu(o) => NdpOption::Mtu(o),
            NdpOption::AdvertisementInterval(o) => NdpOption::AdvertisementInterval(o),
            NdpOption::HomeAgentInformation(o) => NdpOption::HomeAgentInformation(o),
            NdpOption::Nonce(o) => NdpOption::Nonce(Nonce(f(o.0))),
            NdpOption::RouteInformation(o) => NdpOption::RouteInformation(o),
            NdpOption::RecursiveDnsServer(o) => NdpOption::RecursiveDnsServer(RecursiveDnsServer {
                reserved: o.reserved,
                lifetime: o.lifetime,
                addresses: f(o.addresses),
            }),
            NdpOption::RaFlagsExtension(o) => NdpOption::RaFlagsExtension(RaFlagsExtension(f(o.0))),
            NdpOption::DnsSearchList(o) => NdpOption::DnsSearchList(DnsSearchList {
                reserved: o.reserved,
                lifetime: o.lifetime,
                encoded: f(o.encoded),
            }),
            NdpOption::CaptivePortal(o) => NdpOption::CaptivePortal(CaptivePortal(f(o.0))),
            NdpOption::Pref64(o) => NdpOption::Pref64(o),
            NdpOption::Unknown(o) => NdpOption::Unknown(UnknownOption {
                option_type: o.option_type,
                data: f(o.data),
            }),
            NdpOption::Invalid { reason, option } => NdpOption::Invalid {
                reason,
                option: UnknownOption {
                    option_type: option.option_type,
                    data: f(option.data),
                },
            },
        }
    }

    /// A copy that owns its payload.
    #[cfg(feature = "alloc")]
    pub fn to_owned(&self) -> NdpOption<alloc::vec::Vec<u8>> {
        self.as_ref().map(|b| b.to_vec())
    }

    /// A borrowing view of the same option.
    pub fn as_ref(&self) -> NdpOption<&[u8]> {
        match self {
            NdpOption::SourceLinkLayerAddress(o) => NdpOption::SourceLinkLayerAddress(LinkLayerAddress(o.0.as_ref())),
            NdpOption::TargetLinkLayerAddress(o) => NdpOption::TargetLinkLayerAddress(LinkLayerAddress(o.0.as_ref())),
            NdpOption::PrefixInformation(o) => NdpOption::PrefixInformation(*o),
            NdpOption::RedirectedHeader(o) => NdpOption::RedirectedHeader(RedirectedHeader {
                reserved: o.reserved,
                packet: o.packet.as_ref(),
            }),
            NdpOption::Mtu(o) => NdpOption::Mtu(*o),
            NdpOption::AdvertisementInterval(o) => NdpOption::AdvertisementInterval(*o),
            NdpOption::HomeAgentInformation(o) => NdpOption::HomeAgentInformation(*o),
            NdpOption::Nonce(o) => NdpOption::Nonce(Nonce(o.0.as_ref())),
            NdpOption::RouteInformation(o) => NdpOption::RouteInformation(*o),
            NdpOption::RecursiveDnsServer(o) => NdpOption::RecursiveDnsServer(RecursiveDnsServer {
                reserved: o.reserved,
                lifetime: o.lifetime,
                addresses: o.addresses.as_ref(),
            }),
            NdpOption::RaFlagsExtension(o) => NdpOption::RaFlagsExtension(RaFlagsExtension(o.0.as_ref())),
            NdpOption::DnsSearchList(o) => NdpOption::DnsSearchList(DnsSearchList {
                reserved: o.reserved,
                lifetime: o.lifetime,
                encoded: o.encoded.as_ref(),
            }),
            NdpOption::CaptivePortal(o) => NdpOption::CaptivePortal(CaptivePortal(o.0.as_ref())),
            NdpOption::Pref64(o) => NdpOption::Pref64(*o),
            NdpOption::Unknown(o) => NdpOption::Unknown(UnknownOption {
                option_type: o.option_type,
                data: o.data.as_ref(),
            }),
            NdpOption::Invalid { reason, option } => NdpOption::Invalid {
                reason: *reason,
                option: UnknownOption {
                    option_type: option.option_type,
                    data: option.data.as_ref(),
                },
            },
        }
    }
}
