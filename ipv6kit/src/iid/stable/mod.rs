//! Stable, semantically opaque interface identifiers (RFC 7217, "stable-privacy"): the same
//! address on every boot, a different one on every network, and no MAC inside.
//!
//! RFC 7217 only sketches the function `F()`; each implementation chose its own, so the same
//! host gets a different address under each. This module reproduces them bit for bit:
//!
//! - [`linux`]: the kernel's `addr_gen_mode` 2 and 3 (`net/ipv6/addrconf.c`): one raw SHA-1
//!   compression, read out in the host's byte order.
//! - [`network_manager`]: NetworkManager's `ipv6.addr-gen-mode=stable-privacy` (SHA-256).
//! - [`systemd`]: systemd-networkd's `Token=prefixstable` and its NDISC default (SipHash-2-4,
//!   key from the configuration or from the machine id).
//! - [`rfc7217`]: our own generic generator, with a documented PRF (HMAC-SHA-256).
//!
//! ```
//! use ipv6kit::iid::stable::linux::{self, ByteOrder};
//!
//! let secret = "2001:db8:1:2:3:4:5:6".parse().unwrap();
//! let prefix = "2001:db8:1::/64".parse().unwrap();
//! let le = linux::stable_address(secret, prefix, &[0; 6], 0, 3, ByteOrder::Little).unwrap();
//! let be = linux::stable_address(secret, prefix, &[0; 6], 0, 3, ByteOrder::Big).unwrap();
//! // A big-endian router and a little-endian PC with the same inputs disagree.
//! assert_ne!(le, be);
//! ```

pub mod linux;
pub mod network_manager;
pub mod rfc7217;
pub mod systemd;

use ipnet::Ipv6Net;

/// Why a stable interface identifier could not be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StableError {
    /// The generator forms 64-bit identifiers and needs a /64 prefix (RFC 4862 §5.5.3).
    #[error("prefix {prefix} is a /{len}: a stable interface identifier needs a /64")]
    PrefixNotSlash64 {
        /// The prefix given.
        prefix: Ipv6Net,
        /// Its length.
        len: u8,
    },
    /// systemd-networkd generates addresses for prefixes from /1 to /64 only.
    #[error("prefix {prefix} is a /{len}: systemd-networkd generates addresses for /1 to /64 only")]
    PrefixLengthUnsupported {
        /// The prefix given.
        prefix: Ipv6Net,
        /// Its length.
        len: u8,
    },
    /// The secret key is shorter than the generator requires.
    #[error("secret key is {len} bytes: at least {min} are required")]
    SecretTooShort {
        /// Length given.
        len: usize,
        /// Minimum length.
        min: usize,
    },
    /// The interface name does not fit the kernel's `IFNAMSIZ` (15 bytes and a NUL).
    #[error("interface name is {len} bytes: at most {max} fit in IFNAMSIZ")]
    InterfaceNameTooLong {
        /// Length given, in bytes.
        len: usize,
        /// Largest length allowed.
        max: usize,
    },
    /// A string hashed up to its terminating NUL contains a NUL itself.
    #[error("{field} contains a NUL byte at position {position}")]
    NulInString {
        /// Which input (`ifname`, `network_id`, `ssid`).
        field: &'static str,
        /// Byte position of the NUL.
        position: usize,
    },
    /// The hardware address is longer than the implementation hashes.
    #[error("hardware address is {len} bytes: at most {max} are allowed")]
    HardwareAddressTooLong {
        /// Length given.
        len: usize,
        /// Largest length allowed.
        max: usize,
    },
    /// Every DAD counter value up to the retry limit gave a reserved identifier or was used up
    /// by DAD conflicts: the implementation gives up and configures no address.
    #[error("no usable identifier: DAD counter {dad_counter} is past the retry limit {retries}")]
    RetriesExhausted {
        /// The DAD counter value that was refused.
        dad_counter: u32,
        /// The retry limit in force.
        retries: u32,
    },
    /// A variable-length input is longer than its length field can say.
    #[error("{field} is {len} bytes: too long")]
    FieldTooLong {
        /// Which input.
        field: &'static str,
        /// Its length.
        len: usize,
    },
    /// A key that must not be all zeros is.
    #[error("the secret key is all zeros")]
    NullKey,
}

/// Checks that `prefix` is a /64.
pub(crate) fn require_slash64(prefix: Ipv6Net) -> Result<(), StableError> {
    if prefix.prefix_len() == 64 {
        Ok(())
    } else {
        Err(StableError::PrefixNotSlash64 {
            prefix,
            len: prefix.prefix_len(),
        })
    }
}

/// The first eight bytes of the prefix's address (host bits dropped, never added).
pub(crate) fn prefix_bytes(prefix: Ipv6Net) -> [u8; 8] {
    let o = prefix.network().octets();
    [o[0], o[1], o[2], o[3], o[4], o[5], o[6], o[7]]
}

/// Checks a string hashed up to a NUL: no NUL inside.
pub(crate) fn no_nul(field: &'static str, s: &str) -> Result<(), StableError> {
    match s.bytes().position(|b| b == 0) {
        Some(position) => Err(StableError::NulInString { field, position }),
        None => Ok(()),
    }
}

/// Linux's `IFNAMSIZ` (16) less the terminating NUL: the longest interface name.
pub const IFNAMSIZ_MAX_LEN: usize = 15;

/// Checks an interface name against `IFNAMSIZ`.
pub(crate) fn check_ifname(ifname: &str) -> Result<(), StableError> {
    no_nul("ifname", ifname)?;
    if ifname.len() > IFNAMSIZ_MAX_LEN {
        return Err(StableError::InterfaceNameTooLong {
            len: ifname.len(),
            max: IFNAMSIZ_MAX_LEN,
        });
    }
    Ok(())
}
