//! The zero-copy view of an ND message and its option iterator.

use super::header::{be16, field, Header, MessageType};
use super::option::{
    DnsSearchList, LinkLayerAddress, Mtu, NdpOption, Pref64, PrefixInformation, RecursiveDnsServer, RouteInformation,
};
use super::{checksum, NdpError, MAX_OPTIONS};
use core::net::Ipv6Addr;

/// A structurally valid ND message, borrowed. Built only by [`Packet::parse`], after which no
/// accessor can panic and the option iterator yields exactly the options that were checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Packet<'a> {
    bytes: &'a [u8],
    message_type: MessageType,
    option_count: usize,
}

impl<'a> Packet<'a> {
    /// Checks `bytes` (an ICMPv6 message, from its Type byte to the end of the IPv6 payload)
    /// against the structural rules of RFC 4861 §4.6, §6.1.1, §6.1.2, §7.1.1, §7.1.2 and §8.1
    /// that need no IP context: an ND type, "ICMP Code is 0", "ICMP length (derived from the IP
    /// length) is N or more octets", "All included options have a length that is greater than
    /// zero", and no option running past the end. At most [`MAX_OPTIONS`] options.
    ///
    /// The checksum is not verified here (it needs the IP addresses): see
    /// [`Packet::verify_checksum`] and [`crate::ndp::validate()`].
    #[inline]
    pub fn parse(bytes: &'a [u8]) -> Result<Packet<'a>, NdpError> {
        let t = *bytes.first().ok_or(NdpError::Truncated {
            needed: 4,
            available: 0,
        })?;
        let message_type = MessageType::try_from(t)?;
        let header_len = message_type.header_len();
        if bytes.len() < header_len {
            return Err(NdpError::Truncated {
                needed: header_len,
                available: bytes.len(),
            });
        }
        let code = bytes.get(field::CODE).copied().unwrap_or(0);
        if code != 0 {
            return Err(NdpError::NonZeroCode { code });
        }
        let mut rest = bytes.get(header_len..).unwrap_or(&[]);
        let mut option_count = 0usize;
        while let [_, units, ..] | [units] = rest {
            let offset = bytes.len() - rest.len();
            if rest.len() == 1 {
                return Err(NdpError::TrailingByte { offset });
            }
            if *units == 0 {
                return Err(NdpError::ZeroLengthOption { offset });
            }
            // usize arithmetic: a Length of 32 or more does not overflow (pnet's u8 bug).
            let length = usize::from(*units) * 8;
            let Some(after) = rest.get(length..) else {
                return Err(NdpError::OptionPastEnd {
                    offset,
                    length,
                    available: rest.len(),
                });
            };
            option_count += 1;
            if option_count > MAX_OPTIONS {
                return Err(NdpError::TooManyOptions { limit: MAX_OPTIONS });
            }
            rest = after;
        }
        Ok(Packet {
            bytes,
            message_type,
            option_count,
        })
    }

    /// The whole message.
    #[inline]
    pub fn as_bytes(&self) -> &'a [u8] {
        self.bytes
    }

    /// The message type.
    #[inline]
    pub fn message_type(&self) -> MessageType {
        self.message_type
    }

    /// The checksum field as received.
    #[inline]
    pub fn checksum(&self) -> u16 {
        be16(self.bytes, field::CHECKSUM.start)
    }

    /// True when the ICMPv6 checksum over the pseudo-header of `source` → `destination` is right.
    #[inline]
    pub fn verify_checksum(&self, source: Ipv6Addr, destination: Ipv6Addr) -> bool {
        checksum::verify(source, destination, self.bytes)
    }

    /// The fixed part.
    #[inline]
    pub fn header(&self) -> Header {
        Header::read(self.message_type, self.bytes)
    }

    /// The options, in wire order.
    #[inline]
    pub fn options(&self) -> Options<'a> {
        let at = self.message_type.header_len();
        Options {
            rest: self.bytes.get(at..).unwrap_or(&[]),
            offset: at,
        }
    }

    /// The number of options.
    #[inline]
    pub fn option_count(&self) -> usize {
        self.option_count
    }

    /// Every option, decoded, in wire order.
    #[inline]
    pub fn decoded_options(&self) -> DecodedOptions<'a> {
        DecodedOptions {
            rest: self.bytes.get(self.message_type.header_len()..).unwrap_or(&[]),
        }
    }

    /// The first valid Source Link-layer Address option.
    #[inline]
    pub fn source_link_layer_address(&self) -> Option<LinkLayerAddress<&'a [u8]>> {
        self.decoded_options().find_map(|o| match o {
            NdpOption::SourceLinkLayerAddress(a) => Some(a),
            _ => None,
        })
    }

    /// The first valid Target Link-layer Address option (NA, Redirect).
    #[inline]
    pub fn target_link_layer_address(&self) -> Option<LinkLayerAddress<&'a [u8]>> {
        self.decoded_options().find_map(|o| match o {
            NdpOption::TargetLinkLayerAddress(a) => Some(a),
            _ => None,
        })
    }

    /// Every valid Prefix Information option, in order.
    #[inline]
    pub fn prefixes(&self) -> impl Iterator<Item = PrefixInformation> + 'a {
        self.decoded_options().filter_map(|o| match o {
            NdpOption::PrefixInformation(p) => Some(p),
            _ => None,
        })
    }

    /// Every valid Route Information option, in order.
    #[inline]
    pub fn routes(&self) -> impl Iterator<Item = RouteInformation> + 'a {
        self.decoded_options().filter_map(|o| match o {
            NdpOption::RouteInformation(p) => Some(p),
            _ => None,
        })
    }

    /// Every valid RDNSS option, in order.
    #[inline]
    pub fn dns_servers(&self) -> impl Iterator<Item = RecursiveDnsServer<&'a [u8]>> + 'a {
        self.decoded_options().filter_map(|o| match o {
            NdpOption::RecursiveDnsServer(p) => Some(p),
            _ => None,
        })
    }

    /// Every valid DNSSL option, in order.
    #[inline]
    pub fn search_lists(&self) -> impl Iterator<Item = DnsSearchList<&'a [u8]>> + 'a {
        self.decoded_options().filter_map(|o| match o {
            NdpOption::DnsSearchList(p) => Some(p),
            _ => None,
        })
    }

    /// The first valid MTU option.
    #[inline]
    pub fn mtu(&self) -> Option<Mtu> {
        self.decoded_options().find_map(|o| match o {
            NdpOption::Mtu(m) => Some(m),
            _ => None,
        })
    }

    /// Every valid PREF64 option, in order.
    #[inline]
    pub fn pref64(&self) -> impl Iterator<Item = Pref64> + 'a {
        self.decoded_options().filter_map(|o| match o {
            NdpOption::Pref64(p) => Some(p),
            _ => None,
        })
    }
}

/// Iterator over the options of a [`Packet`], in wire order. Stops (rather than panics) on
/// anything a `Packet` cannot contain.
#[derive(Debug, Clone)]
pub struct Options<'a> {
    rest: &'a [u8],
    offset: usize,
}

impl<'a> Iterator for Options<'a> {
    type Item = RawOption<'a>;
    #[inline]
    fn next(&mut self) -> Option<RawOption<'a>> {
        let units = usize::from(*self.rest.get(1)?);
        if units == 0 {
            self.rest = &[];
            return None;
        }
        let (bytes, rest) = self.rest.split_at_checked(units * 8)?;
        let o = RawOption {
            offset: self.offset,
            bytes,
        };
        self.rest = rest;
        self.offset += bytes.len();
        Some(o)
    }
}

/// Iterator over the options of a [`Packet`], decoded, in wire order (see
/// [`Packet::decoded_options`]).
#[derive(Debug, Clone)]
pub struct DecodedOptions<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for DecodedOptions<'a> {
    type Item = NdpOption<&'a [u8]>;
    #[inline]
    fn next(&mut self) -> Option<NdpOption<&'a [u8]>> {
        let units = usize::from(*self.rest.get(1)?);
        if units == 0 {
            self.rest = &[];
            return None;
        }
        let (bytes, rest) = self.rest.split_at_checked(units * 8)?;
        self.rest = rest;
        Some(NdpOption::decode(bytes))
    }
}

/// One option as it is on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawOption<'a> {
    offset: usize,
    bytes: &'a [u8],
}

impl<'a> RawOption<'a> {
    /// Offset of the option from the start of the message.
    #[inline]
    pub fn offset(&self) -> usize {
        self.offset
    }
    /// The option type.
    #[inline]
    pub fn option_type(&self) -> u8 {
        self.bytes.first().copied().unwrap_or(0)
    }
    /// The Length field (units of 8 bytes).
    #[inline]
    pub fn length_units(&self) -> u8 {
        self.bytes.get(1).copied().unwrap_or(0)
    }
    /// The whole option, header included.
    #[inline]
    pub fn as_bytes(&self) -> &'a [u8] {
        self.bytes
    }
    /// The decoded option.
    #[inline]
    pub fn decode(&self) -> NdpOption<&'a [u8]> {
        NdpOption::decode(self.bytes)
    }
}
