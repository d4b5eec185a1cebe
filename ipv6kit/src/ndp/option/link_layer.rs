//! Source/Target Link-layer Address options (RFC 4861 §4.6.1), any link-layer length.

use super::super::header::put;
use macaddr::{MacAddr6, MacAddr8};

/// Byte ranges (from the start of the option).
mod field {
    //  0                   1                   2                   3
    //  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
    // +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
    // |     Type      |    Length     |    Link-Layer Address ...
    // +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
    pub const ADDRESS: usize = 2;
}

/// A link-layer address as carried in options 1 and 2. The option does not say how long the
/// address is (6 bytes on Ethernet, 8 on IEEE 802.15.4, 20 on InfiniBand), so the whole payload
/// (address and padding, Length × 8 − 2 bytes) is kept; [`LinkLayerAddress::mac`] and friends
/// read the address for a given link type.
///
/// ```
/// use ipv6kit::ndp::option::LinkLayerAddress;
/// let lla = LinkLayerAddress::from_mac("02:00:00:00:00:01".parse().unwrap());
/// assert_eq!(lla.mac().unwrap().to_string(), "02:00:00:00:00:01");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct LinkLayerAddress<B>(pub B);

impl LinkLayerAddress<[u8; 6]> {
    /// An Ethernet (EUI-48) address: an 8-byte option.
    #[inline]
    pub const fn from_mac(mac: MacAddr6) -> Self {
        LinkLayerAddress(mac.into_array())
    }
}

impl LinkLayerAddress<[u8; 8]> {
    /// An IEEE 802.15.4 EUI-64 address: a 16-byte option (RFC 4944 §8).
    #[inline]
    pub const fn from_eui64(eui: MacAddr8) -> Self {
        LinkLayerAddress(eui.into_array())
    }
}

impl<B: AsRef<[u8]>> LinkLayerAddress<B> {
    /// The payload: address and any padding.
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        self.0.as_ref()
    }

    /// The first `len` bytes: the address on a link whose addresses are `len` bytes long.
    #[inline]
    pub fn address(&self, len: usize) -> Option<&[u8]> {
        self.0.as_ref().get(..len)
    }

    /// The Ethernet MAC, when the payload is exactly 6 bytes (an 8-byte option).
    #[inline]
    pub fn mac(&self) -> Option<MacAddr6> {
        match self.0.as_ref() {
            &[a, b, c, d, e, f] => Some(MacAddr6::new(a, b, c, d, e, f)),
            _ => None,
        }
    }

    /// An EUI-64 read from the first 8 bytes, when the payload holds at least 8.
    #[inline]
    pub fn eui64(&self) -> Option<MacAddr8> {
        match self.0.as_ref().get(..8) {
            Some(&[a, b, c, d, e, f, g, h]) => Some(MacAddr8::new(a, b, c, d, e, f, g, h)),
            _ => None,
        }
    }

    pub(crate) fn content_len(&self) -> usize {
        field::ADDRESS + self.0.as_ref().len()
    }

    pub(crate) fn write(&self, out: &mut [u8]) {
        put(out, field::ADDRESS, self.0.as_ref());
    }
}
