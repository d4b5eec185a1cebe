//! Small fixed options (MTU, Advertisement Interval, Home Agent Information) and opaque ones
//! (Nonce, RA Flags Extension, Captive Portal, Redirected Header, unknown types).

use super::super::header::{be16, be32, put};

//  MTU (RFC 4861 §4.6.4), Advertisement Interval (RFC 6275 §7.3), Home Agent Information
//  (RFC 6275 §7.4) share one shape:
//  0                   1                   2                   3
//  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |     Type      |    Length     |           Reserved            |
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
// |                          MTU / Interval                       |   (types 5, 7)
// |    Home Agent Preference      |      Home Agent Lifetime      |   (type 8)
// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
mod field {
    pub const RESERVED: usize = 2;
    pub const VALUE: usize = 4;
    pub const HA_PREFERENCE: usize = 4;
    pub const HA_LIFETIME: usize = 6;
    // Redirected Header (RFC 4861 §4.6.3): Type, Length, Reserved (6 bytes), IP header + data.
    pub const REDIRECTED_RESERVED: usize = 2;
    pub const REDIRECTED_PACKET: usize = 8;
    // Nonce, RA Flags Extension, Captive Portal, unknown types: Type, Length, payload.
    pub const PAYLOAD: usize = 2;
}

/// MTU option (type 5): the link MTU routers advertise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Mtu {
    /// Reserved field as received (zero when built).
    pub reserved: u16,
    /// The MTU in bytes.
    pub mtu: u32,
}

impl Mtu {
    /// An MTU option with reserved bits zero.
    #[inline]
    pub const fn new(mtu: u32) -> Self {
        Mtu { reserved: 0, mtu }
    }
    #[inline]
    pub(crate) fn decode(o: &[u8]) -> Self {
        Mtu {
            reserved: be16(o, field::RESERVED),
            mtu: be32(o, field::VALUE),
        }
    }
    pub(crate) fn write(&self, out: &mut [u8]) {
        put(out, field::RESERVED, &self.reserved.to_be_bytes());
        put(out, field::VALUE, &self.mtu.to_be_bytes());
    }
}

/// Advertisement Interval option (type 7, RFC 6275 §7.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct AdvertisementInterval {
    /// Reserved field as received.
    pub reserved: u16,
    /// Maximum time between unsolicited RAs, in milliseconds.
    pub interval_ms: u32,
}

impl AdvertisementInterval {
    /// With reserved bits zero.
    #[inline]
    pub const fn new(interval_ms: u32) -> Self {
        AdvertisementInterval {
            reserved: 0,
            interval_ms,
        }
    }
    #[inline]
    pub(crate) fn decode(o: &[u8]) -> Self {
        AdvertisementInterval {
            reserved: be16(o, field::RESERVED),
            interval_ms: be32(o, field::VALUE),
        }
    }
    pub(crate) fn write(&self, out: &mut [u8]) {
        put(out, field::RESERVED, &self.reserved.to_be_bytes());
        put(out, field::VALUE, &self.interval_ms.to_be_bytes());
    }
}

/// Home Agent Information option (type 8, RFC 6275 §7.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct HomeAgentInformation {
    /// Reserved field as received.
    pub reserved: u16,
    /// Home Agent Preference (signed in RFC 6275; kept as the wire's 16 bits).
    pub preference: u16,
    /// Home Agent Lifetime in seconds.
    pub lifetime: u16,
}

impl HomeAgentInformation {
    #[inline]
    pub(crate) fn decode(o: &[u8]) -> Self {
        HomeAgentInformation {
            reserved: be16(o, field::RESERVED),
            preference: be16(o, field::HA_PREFERENCE),
            lifetime: be16(o, field::HA_LIFETIME),
        }
    }
    pub(crate) fn write(&self, out: &mut [u8]) {
        put(out, field::RESERVED, &self.reserved.to_be_bytes());
        put(out, field::HA_PREFERENCE, &self.preference.to_be_bytes());
        put(out, field::HA_LIFETIME, &self.lifetime.to_be_bytes());
    }
}

/// Redirected Header option (type 4): as much of the redirected packet as fits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RedirectedHeader<B> {
    /// The six reserved bytes as received.
    pub reserved: [u8; 6],
    /// IP header + data (including any padding of the option).
    pub packet: B,
}

impl<'a> RedirectedHeader<&'a [u8]> {
    #[inline]
    pub(crate) fn decode(o: &'a [u8]) -> Self {
        let mut reserved = [0u8; 6];
        if let Some(r) = o.get(field::REDIRECTED_RESERVED..field::REDIRECTED_PACKET) {
            reserved.copy_from_slice(r);
        }
        RedirectedHeader {
            reserved,
            packet: o.get(field::REDIRECTED_PACKET..).unwrap_or(&[]),
        }
    }
}

impl<B: AsRef<[u8]>> RedirectedHeader<B> {
    pub(crate) fn content_len(&self) -> usize {
        field::REDIRECTED_PACKET + self.packet.as_ref().len()
    }
    pub(crate) fn write(&self, out: &mut [u8]) {
        put(out, field::REDIRECTED_RESERVED, &self.reserved);
        put(out, field::REDIRECTED_PACKET, self.packet.as_ref());
    }
}

macro_rules! opaque {
    ($(#[$m:meta])* $name:ident) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        pub struct $name<B>(pub B);

        impl<B: AsRef<[u8]>> $name<B> {
            /// The payload after the Type and Length bytes (padding included).
            pub fn as_bytes(&self) -> &[u8] {
                self.0.as_ref()
            }
            pub(crate) fn content_len(&self) -> usize {
                field::PAYLOAD + self.0.as_ref().len()
            }
            pub(crate) fn write(&self, out: &mut [u8]) {
                put(out, field::PAYLOAD, self.0.as_ref());
            }
        }
    };
}

opaque!(
    /// Nonce option (type 14, RFC 3971 §5.3.2): random bytes, 6 in an 8-byte option. Sent with
    /// DAD Neighbor Solicitations (RFC 7527) and echoed in the answer.
    Nonce
);
opaque!(
    /// RA Flags Extension option (type 26, RFC 5175): 48 (or more) further flag bits.
    RaFlagsExtension
);
opaque!(
    /// Captive Portal option (type 37, RFC 8910): a URI padded with NUL bytes.
    CaptivePortal
);

impl<B: AsRef<[u8]>> RaFlagsExtension<B> {
    /// Flag bit `n` of the extension, counted from 0 at the most significant bit of the first
    /// byte (bit 0 here is bit 8 of the RA's flags as RFC 5175 numbers them).
    #[inline]
    pub fn bit(&self, n: usize) -> bool {
        self.0.as_ref().get(n / 8).is_some_and(|b| b & (0x80 >> (n % 8)) != 0)
    }
}

impl<B: AsRef<[u8]>> CaptivePortal<B> {
    /// The URI without its NUL padding, when it is UTF-8.
    #[inline]
    pub fn uri(&self) -> Option<&str> {
        let b = self.0.as_ref();
        let end = b.iter().rposition(|&c| c != 0).map_or(0, |p| p + 1);
        core::str::from_utf8(b.get(..end)?).ok()
    }
}

/// An option of a type this crate does not decode (or an invalid one), kept raw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct UnknownOption<B> {
    /// The option type.
    pub option_type: u8,
    /// Everything after the Type and Length bytes.
    pub data: B,
}

impl<B: AsRef<[u8]>> UnknownOption<B> {
    pub(crate) fn content_len(&self) -> usize {
        field::PAYLOAD + self.data.as_ref().len()
    }
    pub(crate) fn write(&self, out: &mut [u8]) {
        put(out, field::PAYLOAD, self.data.as_ref());
    }
}
