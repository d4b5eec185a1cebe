//! Neighbor Discovery (RFC 4861): every message and option, parsed and built byte-exact.
//!
//! Three layers, in the style of smoltcp's `wire` module:
//! - [`Packet`]: a zero-copy view of an ICMPv6 ND message. [`Packet::parse`] applies the structural
//!   rules of RFC 4861 §4.6, §6.1 and §7.1 once (type, code 0, minimum length, every option
//!   non-zero and inside the message, at most [`MAX_OPTIONS`] options); after that no accessor can
//!   panic. [`Packet::options`] walks the options in wire order; each [`RawOption`] decodes to an
//!   [`NdpOption`].
//! - [`Header`] and [`NdpOption`]: plain data keeping every bit of the wire (reserved bits, unknown
//!   flags, link-layer padding, a Length-3 Route Information for a /64), so that emitting what was
//!   parsed gives back the same bytes. A known option with invalid contents (PREF64 with PLC 6,
//!   RDNSS with an even Length, a Route Information too short for its prefix) decodes to
//!   [`NdpOption::Invalid`]: typed accessors skip it, the message survives and re-emits unchanged.
//! - Emission into a caller's buffer without allocation ([`MessageWriter`], [`build`]), and with
//!   `alloc` an owned [`Message`] keeping its options in wire order.
//!
//! Policy checks needing the IP header live in [`validate()`]; the ICMPv6 checksum in
//! [`checksum`]; Ethernet + IPv6 framing in [`frame`].
//!
//! ```
//! use ipv6kit::ndp::{Packet, NdpOption, Header};
//! // A DAD Neighbor Solicitation with a Nonce option (tcpdump's test suite).
//! let bytes = [
//!     0x87, 0x00, 0x56, 0x6e, 0, 0, 0, 0, // type 135, code 0, checksum, reserved
//!     0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0x54, 0x6f, 0xf7, 0xff, 0xfe, 0xe1, 0x00, 0x0f, // target
//!     0x0e, 0x01, 0x60, 0x69, 0x60, 0x4c, 0x0a, 0xaa, // Nonce option
//! ];
//! let ns = Packet::parse(&bytes).unwrap();
//! let Header::NeighborSolicitation(h) = ns.header() else { panic!() };
//! assert_eq!(h.target.to_string(), "fe80::546f:f7ff:fee1:f");
//! let nonce = ns.options().find_map(|o| match o.decode() { NdpOption::Nonce(n) => Some(n), _ => None });
//! assert_eq!(nonce.unwrap().as_bytes(), &[0x60, 0x69, 0x60, 0x4c, 0x0a, 0xaa]);
//! ```

pub mod build;
pub mod checksum;
mod display;
pub mod frame;
mod header;
pub mod option;
#[cfg(feature = "alloc")]
mod owned;
mod validate;
mod view;
mod writer;

#[cfg(test)]
mod tests;

pub use header::{
    Header, MessageType, NaFlags, NeighborAdvertisement, NeighborSolicitation, RaFlags, Redirect, RouterAdvertisement,
    RouterPreference, RouterSolicitation,
};
pub use option::{InvalidReason, NdpOption};
#[cfg(feature = "alloc")]
pub use owned::Message;
pub use validate::{validate, Rule, Violations};
pub use view::{DecodedOptions, Options, Packet, RawOption};
pub use writer::{emit, ChecksumMode, MessageWriter};

/// The most options [`Packet::parse`] accepts in one message. A 1500-byte RA holds at most 183
/// options; the cap bounds the work any input can cause.
pub const MAX_OPTIONS: usize = 256;

/// The longest option the 8-bit Length field can describe: 255 units of 8 bytes.
pub const MAX_OPTION_LEN: usize = 255 * 8;

/// The most addresses one RDNSS option can carry: (255 − 1) / 2 = 127.
pub const MAX_RDNSS_SERVERS: usize = 127;

/// Why an ND message was discarded, could not be built, or a frame not parsed. Offsets are byte
/// offsets from the start of the ICMPv6 message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum NdpError {
    /// The message is shorter than the fixed part of its type.
    #[error("ND message too short: {needed} bytes needed, {available} present")]
    Truncated {
        /// Bytes the fixed part needs.
        needed: usize,
        /// Bytes present.
        available: usize,
    },
    /// The ICMPv6 type is not one of the ND messages (133–137).
    #[error("ICMPv6 type {message_type} is not a Neighbor Discovery message")]
    NotNdp {
        /// The type found.
        message_type: u8,
    },
    /// The ICMPv6 code is not 0 (RFC 4861 §6.1, §7.1: silently discard).
    #[error("ICMPv6 code {code} is not 0")]
    NonZeroCode {
        /// The code found.
        code: u8,
    },
    /// An option with Length 0 (RFC 4861 §4.6: discard the packet).
    #[error("option at offset {offset} has length 0")]
    ZeroLengthOption {
        /// Offset of the option.
        offset: usize,
    },
    /// An option whose Length runs past the end of the message.
    #[error("option at offset {offset} is {length} bytes long but only {available} bytes remain")]
    OptionPastEnd {
        /// Offset of the option.
        offset: usize,
        /// Its length in bytes (Length × 8).
        length: usize,
        /// Bytes left in the message from `offset`.
        available: usize,
    },
    /// One byte left after the last option: shorter than an option header.
    #[error("1 stray byte at offset {offset} after the last option")]
    TrailingByte {
        /// Offset of the byte.
        offset: usize,
    },
    /// More than [`MAX_OPTIONS`] options.
    #[error("more than {limit} options in one message")]
    TooManyOptions {
        /// The cap.
        limit: usize,
    },
    /// The output buffer is too small.
    #[error("buffer too small: {needed} bytes needed, {available} available")]
    BufferTooSmall {
        /// Bytes needed.
        needed: usize,
        /// Bytes available.
        available: usize,
    },
    /// An option would be longer than 2040 bytes (Length is 8 bits in units of 8 bytes).
    #[error("option type {option_type} would be {length} bytes, more than 2040")]
    OptionTooLong {
        /// The option type.
        option_type: u8,
        /// Its length in bytes.
        length: usize,
    },
    /// An RDNSS option with more than 127 servers, or none.
    #[error("an RDNSS option holds 1 to 127 servers, not {count}")]
    RdnssServerCount {
        /// Servers given.
        count: usize,
    },
    /// A domain name that cannot be encoded for DNSSL.
    #[error("domain name {index} of the search list cannot be encoded (byte {position})")]
    BadDomainName {
        /// Index of the name in the list.
        index: usize,
        /// Byte offset in that name.
        position: usize,
    },
    /// A value that does not fit its field (prefix length > 128, lifetime too large, ...).
    #[error("field {field} out of range")]
    FieldOutOfRange {
        /// The field's name.
        field: &'static str,
    },
    /// The message would exceed the 65535-byte IPv6 payload.
    #[error("message of {length} bytes exceeds the IPv6 payload limit")]
    MessageTooLong {
        /// Its length.
        length: usize,
    },
    /// A frame or packet that is not IPv6 / ICMPv6 or is cut short.
    #[error("frame: {what} at offset {offset}")]
    Frame {
        /// What was wrong.
        what: &'static str,
        /// Byte offset in the frame.
        offset: usize,
    },
    /// A PREF64 prefix of a length RFC 8781 §4 has no Prefix Length Code for.
    #[error("a PREF64 prefix (RFC 8781) is a /32, /40, /48, /56, /64 or /96, not a /{prefix_len}")]
    Pref64PrefixLength {
        /// The prefix length given.
        prefix_len: u8,
    },
    /// A DNS Search List with no name: RFC 8106 §5.2 asks for "one or more domain names", and
    /// parsers (ours too) mark an option without one invalid.
    #[error("a DNS Search List option needs one or more domain names")]
    EmptySearchList,
    /// A builder was given a multicast source address: no IPv6 packet may come from one
    /// (RFC 4291 §2.7), and the kernel drops such ND messages.
    #[error("source address {address} is multicast; an ND message needs a unicast or the unspecified source")]
    MulticastSource {
        /// The source address given.
        address: core::net::Ipv6Addr,
    },
}
