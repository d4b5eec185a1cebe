//! The owned representation of an ND message (feature `alloc`).

use super::option::NdpOption;
use super::writer::emit;
use super::{ChecksumMode, Header, NdpError, Packet};
use alloc::vec::Vec;

/// An ND message that owns its options, kept in wire order (an RA may carry many PIOs, RIOs and
/// RDNSS options; none is merged or dropped).
///
/// ```
/// use ipv6kit::ndp::{ChecksumMode, Message};
/// let bytes = [0x85, 0, 0x12, 0x34, 0, 0, 0, 0, 0xfd, 1, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff];
/// let m = Message::parse(&bytes).unwrap();
/// assert_eq!(m.options.len(), 1); // an unknown option type 253, kept
/// assert_eq!(m.to_bytes(ChecksumMode::Keep(m.checksum)).unwrap(), bytes);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Message {
    /// The fixed part.
    pub header: Header,
    /// The checksum field as received (0 for a new message).
    pub checksum: u16,
    /// The options in wire order.
    pub options: Vec<NdpOption<Vec<u8>>>,
}

impl Message {
    /// A message with no options.
    pub fn new(header: Header) -> Self {
        Message {
            header,
            checksum: 0,
            options: Vec::new(),
        }
    }

    /// Parses and copies a message ([`Packet::parse`]'s rules).
    pub fn parse(bytes: &[u8]) -> Result<Self, NdpError> {
        Packet::parse(bytes).map(|p| Message::from(&p))
    }

    /// Bytes the message takes on the wire.
    pub fn buffer_len(&self) -> usize {
        self.header.buffer_len() + self.options.iter().map(|o| o.buffer_len()).sum::<usize>()
    }

    /// Emits into `buf`; returns the length.
    pub fn emit(&self, buf: &mut [u8], mode: ChecksumMode) -> Result<usize, NdpError> {
        emit(&self.header, self.options.iter().map(|o| o.as_ref()), mode, buf)
    }

    /// Emits into a new vector.
    pub fn to_bytes(&self, mode: ChecksumMode) -> Result<Vec<u8>, NdpError> {
        let mut v = alloc::vec![0u8; self.buffer_len()];
        let n = self.emit(&mut v, mode)?;
        v.truncate(n);
        Ok(v)
    }
}

impl From<&Packet<'_>> for Message {
    fn from(p: &Packet<'_>) -> Self {
        Message {
            header: p.header(),
            checksum: p.checksum(),
            options: p.decoded_options().map(|o| o.to_owned()).collect(),
        }
    }
}

impl core::fmt::Display for Message {
    /// The same rdisc6-style text as [`Packet`]'s `Display`.
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        // Never fmt::Error (that would make `to_string` panic): say what is wrong instead.
        match self.to_bytes(ChecksumMode::Keep(self.checksum)) {
            Ok(bytes) => match Packet::parse(&bytes) {
                Ok(p) => write!(f, "{p}"),
                Err(e) => writeln!(f, "(not a valid ND message: {e})"),
            },
            Err(e) => writeln!(f, "(cannot be emitted: {e})"),
        }
    }
}
