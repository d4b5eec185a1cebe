//! 6rd (RFC 5969) and 6to4 (RFC 3056): delegated prefixes, tunnel and border relay
//! addresses, and DHCPv4 option 212.
//!
//! A 6rd domain is a 6rd prefix of `n` bits and an IPv4MaskLen `m`: the `m` high-order bits
//! every CE's IPv4 address shares (the *relay prefix*, in Linux's words) are dropped, and the
//! other `32 − m` bits are written after the 6rd prefix. The CE's delegated prefix is then
//! `n + 32 − m` bits long. Validation is as strict as Linux's sit driver
//! (`ipip6_tunnel_update_6rd` in `net/ipv6/sit.c`): host bits in the 6rd prefix or in the
//! relay prefix, an IPv4MaskLen over 32 and a delegated prefix longer than /64 are all refused.
//! [`SixrdDomain::new_normalized`] clears host bits when that is what the caller wants.
//!
//! ```
//! use core::net::{Ipv4Addr, Ipv6Addr};
//! use ipv6kit::sixrd::{SixrdDomain, SixrdOption, TunnelConvention};
//!
//! // Free (France): 2a01:e30::/28, IPv4MaskLen 0, option 212 as busybox udhcpc prints it.
//! let option: SixrdOption = "0 28 2a01:e30:: 192.88.99.201".parse().unwrap();
//! let ce = Ipv4Addr::new(82, 10, 11, 12);
//! let domain = option.domain_for(ce).unwrap();
//! assert_eq!(domain.delegated_prefix(ce).unwrap().to_string(), "2a01:e35:20a0:b0c0::/60");
//! assert_eq!(
//!     domain.tunnel_address(ce, TunnelConvention::OpenWrt).unwrap(),
//!     "2a01:e35:20a0:b0c0::1".parse::<Ipv6Addr>().unwrap()
//! );
//! assert_eq!(domain.extract_ipv4("2a01:e35:20a0:b0c0::1".parse().unwrap()).unwrap(), ce);
//! // 15 /64s for the home after the tunnel's subnet 0.
//! assert_eq!(domain.subnets(ce).unwrap().filter(|s| !s.tunnel).count(), 15);
//! ```
//!
//! ## Where the border relays live
//! [`SixrdDomain`] holds only what maps addresses (6rd prefix and relay prefix), like the
//! sit driver's `ip6rd` parameters: two CEs of one domain compute the same addresses whichever
//! relay they use. The relays are what DHCPv4 option 212 carries, so [`SixrdOption`] holds
//! them, in a fixed array large enough for every relay one option can carry
//! ([`MAX_BORDER_RELAYS`]): no allocation, nothing dropped.

use crate::bits::{from_u128, prefix_mask, to_u128};
use core::fmt;
use core::net::{Ipv4Addr, Ipv6Addr};
use core::str::FromStr;
use ipnet::{Ipv4Net, Ipv6Net};

/// The DHCPv4 option code of OPTION_6RD (RFC 5969 §7.1.1).
pub const OPTION_6RD: u8 = 212;

/// The most border relays one option 212 can carry: (255 − 18) / 4.
pub const MAX_BORDER_RELAYS: usize = (255 - PAYLOAD_FIXED_LEN) / 4;

/// The 6to4 prefix `2002::/16` (RFC 3056 §2).
pub const SIX_TO_FOUR_PREFIX: Ipv6Addr = Ipv6Addr::new(0x2002, 0, 0, 0, 0, 0, 0, 0);

/// The fields of option 212, named in errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[non_exhaustive]
pub enum Field {
    /// The option code byte (212).
    Code,
    /// The option length byte.
    Length,
    /// IPv4MaskLen: the number of high-order IPv4 bits common to the domain.
    Ipv4MaskLen,
    /// 6rdPrefixLen.
    PrefixLen,
    /// 6rdPrefix (16 octets on the wire, text or eight 16-bit groups in scripts).
    Prefix,
    /// The 16-bit group of 6rdPrefix at this index (0..8), in dhclient's decimal form.
    PrefixGroup(u8),
    /// The 6rdBRIPv4Address at this index (0-based).
    BorderRelay(u8),
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Field::Code => f.write_str("option code"),
            Field::Length => f.write_str("option length"),
            Field::Ipv4MaskLen => f.write_str("IPv4MaskLen"),
            Field::PrefixLen => f.write_str("6rdPrefixLen"),
            Field::Prefix => f.write_str("6rdPrefix"),
            Field::PrefixGroup(i) => write!(f, "6rdPrefix group {i}"),
            Field::BorderRelay(i) => write!(f, "6rdBRIPv4Address #{i}"),
        }
    }
}

/// Why a 6rd computation, or an option 212, was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SixrdError {
    /// The 6rd prefix has bits set after its length (sit refuses it: `-EINVAL`).
    #[error("6rd prefix {0} has bits set after /{len}; the prefix is {trunc}", len = .0.prefix_len(), trunc = .0.trunc())]
    PrefixHostBits(Ipv6Net),
    /// The relay prefix has bits set after its length (sit refuses it: `-EINVAL`).
    #[error("relay prefix {0} has bits set after /{len}; the prefix is {trunc}", len = .0.prefix_len(), trunc = .0.trunc())]
    RelayPrefixHostBits(Ipv4Net),
    /// IPv4MaskLen over 32.
    #[error("IPv4MaskLen {0} is over 32")]
    Ipv4MaskLenTooLong(u8),
    /// 6rdPrefixLen over 128 (only possible on the wire and in text).
    #[error("6rdPrefixLen {0} is over 128")]
    PrefixLenTooLong(u8),
    /// `n + 32 − m` over 64: the delegated prefix would be longer than /64.
    #[error(
        "6rdPrefixLen {prefix_len} + 32 − IPv4MaskLen {ipv4_mask_len} = {delegated_len}: a delegated prefix longer than /64"
    )]
    DelegatedPrefixTooLong {
        /// 6rdPrefixLen (`n`).
        prefix_len: u8,
        /// IPv4MaskLen (`m`).
        ipv4_mask_len: u8,
        /// `n + 32 − m`.
        delegated_len: u16,
    },
    /// The CE's IPv4 address does not start with the domain's relay prefix.
    #[error("CE IPv4 address {ce} is outside the relay prefix {relay_prefix}")]
    CeOutsideRelayPrefix {
        /// The CE's address.
        ce: Ipv4Addr,
        /// The domain's relay prefix.
        relay_prefix: Ipv4Net,
    },
    /// The border relay's IPv4 address does not start with the relay prefix, so it has no
    /// 6rd address in this domain.
    #[error("border relay {relay} is outside the relay prefix {relay_prefix}")]
    RelayOutsideRelayPrefix {
        /// The relay's address.
        relay: Ipv4Addr,
        /// The domain's relay prefix.
        relay_prefix: Ipv4Net,
    },
    /// The IPv6 address is not under the 6rd prefix.
    #[error("{addr} is not in the 6rd domain {prefix}")]
    NotInDomain {
        /// The address.
        addr: Ipv6Addr,
        /// The domain's 6rd prefix.
        prefix: Ipv6Net,
    },
    /// The IPv6 address is not a 6to4 address (2002::/16).
    #[error("{0} is not a 6to4 address (2002::/16)")]
    NotSixToFour(Ipv6Addr),
    /// The bytes end inside a field.
    #[error("option 212 ends inside the {field} at byte {offset}")]
    Truncated {
        /// The field that is cut.
        field: Field,
        /// Where the field starts.
        offset: usize,
    },
    /// The code byte is not 212.
    #[error("option code {0} is not OPTION_6RD (212)")]
    WrongCode(u8),
    /// The length byte disagrees with the bytes present.
    #[error("option length {declared} but {available} bytes follow")]
    LengthMismatch {
        /// The option's length byte.
        declared: u8,
        /// Bytes after the code and length.
        available: usize,
    },
    /// The relay area is not a whole number of IPv4 addresses.
    #[error("{0} bytes after the last whole 6rdBRIPv4Address")]
    TrailingBytes(usize),
    /// The option carries no border relay (RFC 5969: one or more).
    #[error("option 212 carries no 6rdBRIPv4Address (one or more required)")]
    NoBorderRelay,
    /// More border relays than one option 212 can carry.
    #[error("more than {max} border relays (one option 212 carries at most {max})", max = MAX_BORDER_RELAYS)]
    TooManyRelays,
    /// A text field is missing.
    #[error("option 212 text ends before the {0}")]
    MissingField(Field),
    /// A text field is not a number in range.
    #[error("{field} (word {word}) is not a number in range")]
    BadNumber {
        /// The field.
        field: Field,
        /// The 0-based word of the text.
        word: usize,
    },
    /// A text field is not an address.
    #[error("{field} (word {word}) is not an address")]
    BadAddress {
        /// The field.
        field: Field,
        /// The 0-based word of the text.
        word: usize,
    },
    /// The caller's buffer is too small.
    #[error("buffer of {have} bytes; {needed} needed")]
    BufferTooSmall {
        /// Bytes needed.
        needed: usize,
        /// Bytes given.
        have: usize,
    },
}

/// Which address of subnet 0 the CE gives its 6rd tunnel interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum TunnelConvention {
    /// `::1` in subnet 0, as OpenWrt's `6rd.sh` does (`"${ip6subnet%%::*}::1"` on 6rdcalc's
    /// output); 6rd.sh configures it with the 6rd prefix length, so the whole domain is on-link.
    OpenWrt,
    /// Interface identifier 0 in subnet 0: the subnet-router anycast address (RFC 4291 §2.6.1),
    /// which other CPEs use.
    SubnetRouterAnycast,
}

/// A 6rd domain: the 6rd prefix and the relay prefix (the IPv4MaskLen high-order bits shared
/// by every CE's IPv4 address). Always valid: built only by the checking constructors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct SixrdDomain {
    prefix: Ipv6Net,
    relay_prefix: Ipv4Net,
}

/// One /64 of a delegation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Subnet {
    /// The subnet ID within the delegation (0-based).
    pub index: u64,
    /// The /64.
    pub prefix: Ipv6Net,
    /// True for subnet 0, which carries the 6rd tunnel's address.
    pub tunnel: bool,
}

/// The /64s of a delegated prefix, subnet 0 first. See [`SixrdDomain::subnets`].
#[derive(Debug, Clone)]
pub struct Subnets {
    base: u128,
    next: u128,
    count: u128,
}

impl core::iter::FusedIterator for Subnets {}

impl Iterator for Subnets {
    type Item = Subnet;

    fn next(&mut self) -> Option<Subnet> {
        if self.next >= self.count {
            return None;
        }
        let index = self.next;
        self.next += 1;
        let addr = from_u128(self.base | (index << 64));
        Some(Subnet {
            // count ≤ 2^64, so index < 2^64.
            index: u64::try_from(index).unwrap_or(u64::MAX),
            prefix: Ipv6Net::new_assert(addr, 64),
            tunnel: index == 0,
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.count - self.next;
        match usize::try_from(left) {
            Ok(n) => (n, Some(n)),
            Err(_) => (usize::MAX, None),
        }
    }
}

const fn ipv4_mask(len: u8) -> u32 {
    if len == 0 {
        0
    } else if len >= 32 {
        u32::MAX
    } else {
        u32::MAX << (32 - len as u32)
    }
}

fn check_lengths(prefix_len: u8, ipv4_mask_len: u8) -> Result<(), SixrdError> {
    if ipv4_mask_len > 32 {
        return Err(SixrdError::Ipv4MaskLenTooLong(ipv4_mask_len));
    }
    if prefix_len > 128 {
        return Err(SixrdError::PrefixLenTooLong(prefix_len));
    }
    let delegated_len = u16::from(prefix_len) + 32 - u16::from(ipv4_mask_len);
    if delegated_len > 64 {
        return Err(SixrdError::DelegatedPrefixTooLong {
            prefix_len,
            ipv4_mask_len,
            delegated_len,
        });
    }
    Ok(())
}

impl SixrdDomain {
    /// The 6to4 domain (RFC 3056): `2002::/16` with IPv4MaskLen 0, delegating a /48.
    pub const SIX_TO_FOUR: SixrdDomain = SixrdDomain {
        prefix: Ipv6Net::new_assert(SIX_TO_FOUR_PREFIX, 16),
        relay_prefix: Ipv4Net::new_assert(Ipv4Addr::UNSPECIFIED, 0),
    };

    /// A domain from its 6rd prefix and relay prefix (whose length is IPv4MaskLen), checked as
    /// Linux's sit driver does: no host bits in either prefix, IPv4MaskLen ≤ 32 (guaranteed by
    /// [`Ipv4Net`]), and a delegated prefix (`n + 32 − m`) no longer than /64.
    ///
    /// ```
    /// use ipv6kit::sixrd::{SixrdDomain, SixrdError};
    /// let d = SixrdDomain::new("2001:db8::/32".parse().unwrap(), "192.0.0.0/8".parse().unwrap()).unwrap();
    /// assert_eq!(d.delegated_len(), 56);
    /// // m = 0 under a /40 would delegate a /72.
    /// let e = SixrdDomain::new("2001:db8::/40".parse().unwrap(), "0.0.0.0/0".parse().unwrap());
    /// assert!(matches!(e, Err(SixrdError::DelegatedPrefixTooLong { delegated_len: 72, .. })));
    /// ```
    pub fn new(prefix: Ipv6Net, relay_prefix: Ipv4Net) -> Result<SixrdDomain, SixrdError> {
        check_lengths(prefix.prefix_len(), relay_prefix.prefix_len())?;
        if prefix.trunc() != prefix {
            return Err(SixrdError::PrefixHostBits(prefix));
        }
        if relay_prefix.trunc() != relay_prefix {
            return Err(SixrdError::RelayPrefixHostBits(relay_prefix));
        }
        Ok(SixrdDomain { prefix, relay_prefix })
    }

    /// [`new`](Self::new), but host bits in either prefix are cleared instead of refused. The
    /// length checks still apply.
    pub fn new_normalized(prefix: Ipv6Net, relay_prefix: Ipv4Net) -> Result<SixrdDomain, SixrdError> {
        SixrdDomain::new(prefix.trunc(), relay_prefix.trunc())
    }

    /// The domain a CE is in, from the 6rd prefix, IPv4MaskLen and the CE's own IPv4 address:
    /// the relay prefix is the CE's first `ipv4_mask_len` bits, as OpenWrt's 6rd.sh computes it.
    /// Host bits in `prefix` are refused.
    pub fn for_ce(prefix: Ipv6Net, ipv4_mask_len: u8, ce: Ipv4Addr) -> Result<SixrdDomain, SixrdError> {
        check_lengths(prefix.prefix_len(), ipv4_mask_len)?;
        let relay = Ipv4Addr::from_bits(ce.to_bits() & ipv4_mask(ipv4_mask_len));
        let relay_prefix =
            Ipv4Net::new(relay, ipv4_mask_len).map_err(|_| SixrdError::Ipv4MaskLenTooLong(ipv4_mask_len))?;
        SixrdDomain::new(prefix, relay_prefix)
    }

    /// The 6rd prefix.
    pub const fn prefix(&self) -> Ipv6Net {
        self.prefix
    }

    /// The relay prefix: the high-order IPv4 bits common to the domain (0.0.0.0/0 when m = 0).
    pub const fn relay_prefix(&self) -> Ipv4Net {
        self.relay_prefix
    }

    /// IPv4MaskLen (`m`).
    pub const fn ipv4_mask_len(&self) -> u8 {
        self.relay_prefix.prefix_len()
    }

    /// The length of every delegated prefix: `n + 32 − m` (≤ 64).
    pub const fn delegated_len(&self) -> u8 {
        self.prefix.prefix_len() + 32 - self.relay_prefix.prefix_len()
    }

    /// The number of IPv4 bits written into IPv6 addresses: `32 − m`.
    const fn embedded_bits(&self) -> u32 {
        32 - self.relay_prefix.prefix_len() as u32
    }

    fn embed(&self, v4: Ipv4Addr) -> u128 {
        let bits = self.embedded_bits();
        let net = to_u128(self.prefix.network());
        if bits == 0 {
            return net;
        }
        let low = u128::from(v4.to_bits()) & ((1u128 << bits) - 1);
        // 32 − m > 0 bits follow the prefix, so 0 < delegated_len ≤ 64 and the shift is 64..128.
        net | (low << (128 - u32::from(self.delegated_len())))
    }

    /// The prefix delegated to the CE with this IPv4 address. The address must start with the
    /// relay prefix.
    pub fn delegated_prefix(&self, ce: Ipv4Addr) -> Result<Ipv6Net, SixrdError> {
        if !self.relay_prefix.contains(&ce) {
            return Err(SixrdError::CeOutsideRelayPrefix {
                ce,
                relay_prefix: self.relay_prefix,
            });
        }
        Ok(Ipv6Net::new_assert(from_u128(self.embed(ce)), self.delegated_len()))
    }

    /// The address of the CE's 6rd tunnel interface, in subnet 0 of its delegation.
    pub fn tunnel_address(&self, ce: Ipv4Addr, convention: TunnelConvention) -> Result<Ipv6Addr, SixrdError> {
        let net = to_u128(self.delegated_prefix(ce)?.network());
        Ok(from_u128(match convention {
            TunnelConvention::OpenWrt => net | 1,
            TunnelConvention::SubnetRouterAnycast => net,
        }))
    }

    /// The 6rd IPv6 address of a border relay: its IPv4 address embedded after the 6rd prefix
    /// exactly as a CE's is (RFC 5969 §4), interface identifier 0. This is the address the sit
    /// driver maps back to the relay's IPv4 address when used as a next hop. (OpenWrt's 6rd.sh
    /// uses the IPv4-compatible next hop `::a.b.c.d` instead, which sit also accepts.)
    pub fn border_relay_address(&self, relay: Ipv4Addr) -> Result<Ipv6Addr, SixrdError> {
        if !self.relay_prefix.contains(&relay) {
            return Err(SixrdError::RelayOutsideRelayPrefix {
                relay,
                relay_prefix: self.relay_prefix,
            });
        }
        Ok(from_u128(self.embed(relay)))
    }

    /// The /64s of the CE's delegation, subnet 0 (the tunnel's) first. There are
    /// 2^(64 − delegated length) of them: a lazy iterator, no allocation.
    pub fn subnets(&self, ce: Ipv4Addr) -> Result<Subnets, SixrdError> {
        let net = self.delegated_prefix(ce)?;
        let free = 64 - u32::from(net.prefix_len());
        Ok(Subnets {
            base: to_u128(net.network()),
            next: 0,
            count: 1u128 << free,
        })
    }

    /// True when `addr` lies under the 6rd prefix.
    pub fn contains(&self, addr: Ipv6Addr) -> bool {
        self.prefix.contains(&addr)
    }

    /// The IPv4 address embedded in any address of the domain: the relay prefix followed by the
    /// `32 − m` bits after the 6rd prefix (what sit's `check_6rd` computes).
    pub fn extract_ipv4(&self, addr: Ipv6Addr) -> Result<Ipv4Addr, SixrdError> {
        if !self.contains(addr) {
            return Err(SixrdError::NotInDomain {
                addr,
                prefix: self.prefix,
            });
        }
        let bits = self.embedded_bits();
        let low = if bits == 0 {
            0
        } else {
            let shifted = to_u128(addr) >> (128 - u32::from(self.delegated_len()));
            // At most 32 bits remain after the mask.
            u32::try_from(shifted & ((1u128 << bits) - 1)).unwrap_or(0)
        };
        Ok(Ipv4Addr::from_bits(self.relay_prefix.network().to_bits() | low))
    }
}

/// The 6to4 prefix of an IPv4 address: `2002:V4::/48` (RFC 3056 §2).
///
/// ```
/// use ipv6kit::sixrd::{six_to_four_prefix, six_to_four_ipv4};
/// let p = six_to_four_prefix("192.0.2.1".parse().unwrap());
/// assert_eq!(p.to_string(), "2002:c000:201::/48");
/// assert_eq!(six_to_four_ipv4("2002:c000:201::1".parse().unwrap()).unwrap().to_string(), "192.0.2.1");
/// ```
pub fn six_to_four_prefix(v4: Ipv4Addr) -> Ipv6Net {
    Ipv6Net::new_assert(from_u128(SixrdDomain::SIX_TO_FOUR.embed(v4)), 48)
}

/// The IPv4 address inside a 6to4 address (bits 16..48).
pub fn six_to_four_ipv4(addr: Ipv6Addr) -> Result<Ipv4Addr, SixrdError> {
    SixrdDomain::SIX_TO_FOUR
        .extract_ipv4(addr)
        .map_err(|_| SixrdError::NotSixToFour(addr))
}

/// Byte offsets of option 212 (RFC 5969 §7.1.1), counted from the payload (after code and
/// length):
///
/// ```text
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |  OPTION_6RD   | option-length |  IPv4MaskLen  |  6rdPrefixLen |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                           6rdPrefix (16 octets)               |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                     6rdBRIPv4Address(es)                      |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// ```
mod field {
    pub const IPV4_MASK_LEN: usize = 0;
    pub const PREFIX_LEN: usize = 1;
    pub const PREFIX: core::ops::Range<usize> = 2..18;
    pub const RELAYS: usize = 18;
}

const PAYLOAD_FIXED_LEN: usize = field::RELAYS;

/// DHCPv4 option 212 (OPTION_6RD, RFC 5969 §7.1.1): IPv4MaskLen, the 6rd prefix and one or
/// more border relays. Always valid ([`SixrdOption::new`] checks as [`SixrdDomain::new`] does).
///
/// The RFC says the bits of 6rdPrefix after 6rdPrefixLen "MUST be initialized to zero by the
/// sender and ignored by the receiver": every parser here (wire and text) clears them, and
/// [`SixrdOption::new`] refuses them like the sit driver.
///
/// Text forms: [`Display`](fmt::Display) and [`FromStr`] use busybox udhcpc's `ip6rd` form
/// (`"0 28 2a01:e30:: 192.88.99.201"`: IPv4MaskLen, 6rdPrefixLen, prefix, relays), which is
/// also what ISC dhclient prints for a declaration with an `ip6-address` field;
/// [`dhclient_groups`](Self::dhclient_groups) prints dhclient's decimal 16-bit group form.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct SixrdOption {
    ipv4_mask_len: u8,
    prefix: Ipv6Net,
    relays: [Ipv4Addr; MAX_BORDER_RELAYS],
    relay_count: u8,
}

impl fmt::Debug for SixrdOption {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SixrdOption")
            .field("ipv4_mask_len", &self.ipv4_mask_len)
            .field("prefix", &self.prefix)
            .field("border_relays", &self.border_relays())
            .finish()
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for SixrdOption {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("SixrdOption", 3)?;
        st.serialize_field("ipv4_mask_len", &self.ipv4_mask_len)?;
        st.serialize_field("prefix", &self.prefix)?;
        st.serialize_field("border_relays", self.border_relays())?;
        st.end()
    }
}

impl SixrdOption {
    /// An option from its fields, checked: IPv4MaskLen ≤ 32, no host bits in the prefix,
    /// `n + 32 − m` ≤ 64, one to [`MAX_BORDER_RELAYS`] relays.
    pub fn new(ipv4_mask_len: u8, prefix: Ipv6Net, relays: &[Ipv4Addr]) -> Result<SixrdOption, SixrdError> {
        check_lengths(prefix.prefix_len(), ipv4_mask_len)?;
        if prefix.trunc() != prefix {
            return Err(SixrdError::PrefixHostBits(prefix));
        }
        if relays.is_empty() {
            return Err(SixrdError::NoBorderRelay);
        }
        if relays.len() > MAX_BORDER_RELAYS {
            return Err(SixrdError::TooManyRelays);
        }
        let mut all = [Ipv4Addr::UNSPECIFIED; MAX_BORDER_RELAYS];
        for (slot, r) in all.iter_mut().zip(relays) {
            *slot = *r;
        }
        Ok(SixrdOption {
            ipv4_mask_len,
            prefix,
            relays: all,
            relay_count: relays.len() as u8,
        })
    }

    /// From raw lengths and prefix bits, as found on the wire or in text: clears the reserved
    /// bits after 6rdPrefixLen (RFC 5969 §7.1.1) and checks the rest.
    fn from_raw(ipv4_mask_len: u8, prefix_len: u8, prefix: Ipv6Addr, relays: &[Ipv4Addr]) -> Result<Self, SixrdError> {
        check_lengths(prefix_len, ipv4_mask_len)?;
        let masked = from_u128(to_u128(prefix) & prefix_mask(prefix_len));
        let net = Ipv6Net::new(masked, prefix_len).map_err(|_| SixrdError::PrefixLenTooLong(prefix_len))?;
        SixrdOption::new(ipv4_mask_len, net, relays)
    }

    /// IPv4MaskLen.
    pub const fn ipv4_mask_len(&self) -> u8 {
        self.ipv4_mask_len
    }

    /// The 6rd prefix (6rdPrefix/6rdPrefixLen).
    pub const fn prefix(&self) -> Ipv6Net {
        self.prefix
    }

    /// The border relays, in option order.
    pub fn border_relays(&self) -> &[Ipv4Addr] {
        self.relays.get(..usize::from(self.relay_count)).unwrap_or(&[])
    }

    /// The domain of the CE with this IPv4 address: the relay prefix is the CE's first
    /// IPv4MaskLen bits (see [`SixrdDomain::for_ce`]).
    pub fn domain_for(&self, ce: Ipv4Addr) -> Result<SixrdDomain, SixrdError> {
        SixrdDomain::for_ce(self.prefix, self.ipv4_mask_len, ce)
    }

    /// Length of the payload (without code and length bytes): 18 + 4 per relay.
    pub fn payload_len(&self) -> usize {
        PAYLOAD_FIXED_LEN + 4 * usize::from(self.relay_count)
    }

    /// Length of the whole option, code and length bytes included.
    pub fn buffer_len(&self) -> usize {
        2 + self.payload_len()
    }

    /// Parses the payload (what follows the code and length bytes).
    pub fn parse_payload(payload: &[u8]) -> Result<SixrdOption, SixrdError> {
        let &m = payload.get(field::IPV4_MASK_LEN).ok_or(SixrdError::Truncated {
            field: Field::Ipv4MaskLen,
            offset: field::IPV4_MASK_LEN,
        })?;
        let &n = payload.get(field::PREFIX_LEN).ok_or(SixrdError::Truncated {
            field: Field::PrefixLen,
            offset: field::PREFIX_LEN,
        })?;
        let prefix: [u8; 16] =
            payload
                .get(field::PREFIX)
                .and_then(|b| b.try_into().ok())
                .ok_or(SixrdError::Truncated {
                    field: Field::Prefix,
                    offset: field::PREFIX.start,
                })?;
        let rest = payload.get(field::RELAYS..).unwrap_or(&[]);
        if rest.is_empty() {
            return Err(SixrdError::NoBorderRelay);
        }
        let chunks = rest.chunks_exact(4);
        if !chunks.remainder().is_empty() {
            return Err(SixrdError::TrailingBytes(chunks.remainder().len()));
        }
        if chunks.len() > MAX_BORDER_RELAYS {
            return Err(SixrdError::TooManyRelays);
        }
        let mut relays = [Ipv4Addr::UNSPECIFIED; MAX_BORDER_RELAYS];
        let mut count = 0;
        for (slot, c) in relays.iter_mut().zip(chunks) {
            *slot = Ipv4Addr::new(c[0], c[1], c[2], c[3]);
            count += 1;
        }
        SixrdOption::from_raw(m, n, Ipv6Addr::from(prefix), relays.get(..count).unwrap_or(&[]))
    }

    /// Parses the whole option: code 212, length, payload. The length must match the bytes
    /// given exactly.
    pub fn parse(bytes: &[u8]) -> Result<SixrdOption, SixrdError> {
        let &code = bytes.first().ok_or(SixrdError::Truncated {
            field: Field::Code,
            offset: 0,
        })?;
        if code != OPTION_6RD {
            return Err(SixrdError::WrongCode(code));
        }
        let &len = bytes.get(1).ok_or(SixrdError::Truncated {
            field: Field::Length,
            offset: 1,
        })?;
        let payload = bytes.get(2..).unwrap_or(&[]);
        if payload.len() != usize::from(len) {
            return Err(SixrdError::LengthMismatch {
                declared: len,
                available: payload.len(),
            });
        }
        SixrdOption::parse_payload(payload)
    }

    /// Writes the payload into `buf`; returns the bytes written ([`payload_len`](Self::payload_len)).
    pub fn emit_payload(&self, buf: &mut [u8]) -> Result<usize, SixrdError> {
        let needed = self.payload_len();
        let have = buf.len();
        let out = buf
            .get_mut(..needed)
            .ok_or(SixrdError::BufferTooSmall { needed, have })?;
        out.fill(0);
        out[field::IPV4_MASK_LEN] = self.ipv4_mask_len;
        out[field::PREFIX_LEN] = self.prefix.prefix_len();
        out[field::PREFIX].copy_from_slice(&self.prefix.network().octets());
        for (chunk, r) in out[field::RELAYS..].chunks_exact_mut(4).zip(self.border_relays()) {
            chunk.copy_from_slice(&r.octets());
        }
        Ok(needed)
    }

    /// Writes the whole option (code, length, payload) into `buf`; returns the bytes written
    /// ([`buffer_len`](Self::buffer_len)).
    pub fn emit(&self, buf: &mut [u8]) -> Result<usize, SixrdError> {
        let needed = self.buffer_len();
        if buf.len() < needed {
            return Err(SixrdError::BufferTooSmall {
                needed,
                have: buf.len(),
            });
        }
        let (head, rest) = buf.split_at_mut(2);
        let payload_len = self.emit_payload(rest)?;
        head[0] = OPTION_6RD;
        // payload_len ≤ 18 + 4 × 59 = 254.
        head[1] = u8::try_from(payload_len).unwrap_or(u8::MAX);
        Ok(needed)
    }

    /// Parses a text form: busybox udhcpc's `ip6rd` (`"0 28 2a01:e30:: 192.88.99.201"`) or
    /// ISC dhclient's (`"0 28 10753 3632 0 0 0 0 0 0 192.88.99.201"`, with the prefix as eight
    /// decimal 16-bit groups, negative when the declaration says `integer 16`: `-3072` is
    /// 0xf400). Words are separated by white space. The form is told by the third word: an
    /// IPv6 address contains `:`.
    pub fn parse_text(s: &str) -> Result<SixrdOption, SixrdError> {
        let mut words = s.split_ascii_whitespace().enumerate();
        let mut next = |field: Field| words.next().ok_or(SixrdError::MissingField(field));
        let (w, t) = next(Field::Ipv4MaskLen)?;
        let m = parse_int(t, 8).ok_or(SixrdError::BadNumber {
            field: Field::Ipv4MaskLen,
            word: w,
        })? as u8;
        let (w, t) = next(Field::PrefixLen)?;
        let n = parse_int(t, 8).ok_or(SixrdError::BadNumber {
            field: Field::PrefixLen,
            word: w,
        })? as u8;
        let (w, t) = next(Field::Prefix)?;
        let prefix = if t.contains(':') {
            t.parse::<Ipv6Addr>().map_err(|_| SixrdError::BadAddress {
                field: Field::Prefix,
                word: w,
            })?
        } else {
            let mut groups = [0u16; 8];
            let (mut w, mut t) = (w, t);
            for (i, g) in groups.iter_mut().enumerate() {
                if i > 0 {
                    (w, t) = next(Field::PrefixGroup(i as u8))?;
                }
                let field = Field::PrefixGroup(i as u8);
                *g = parse_int(t, 16).ok_or(SixrdError::BadNumber { field, word: w })? as u16;
            }
            Ipv6Addr::from(groups)
        };
        let mut relays = [Ipv4Addr::UNSPECIFIED; MAX_BORDER_RELAYS];
        let mut count = 0usize;
        for (w, t) in words {
            let field = Field::BorderRelay(u8::try_from(count).unwrap_or(u8::MAX));
            let slot = relays.get_mut(count).ok_or(SixrdError::TooManyRelays)?;
            *slot = t.parse().map_err(|_| SixrdError::BadAddress { field, word: w })?;
            count += 1;
        }
        if count == 0 {
            return Err(SixrdError::MissingField(Field::BorderRelay(0)));
        }
        SixrdOption::from_raw(m, n, prefix, relays.get(..count).unwrap_or(&[]))
    }

    /// dhclient's decimal form, for a declaration `{ integer 8, integer 8, integer 16 × 8,
    /// array of ip-address }` (`signed` true: groups of 0x8000 and over print negative, as
    /// dhclient prints `integer 16`) or with `unsigned integer 16` (`signed` false).
    pub fn dhclient_groups(&self, signed: bool) -> DhclientGroups<'_> {
        DhclientGroups { option: self, signed }
    }
}

/// Parses a decimal integer of `bits` bits, signed or unsigned: `-2^(bits-1) ..= 2^bits − 1`,
/// returned as the two's-complement bit pattern.
fn parse_int(t: &str, bits: u32) -> Option<u32> {
    let (neg, digits) = match t.strip_prefix('-') {
        Some(d) => (true, d),
        None => (false, t),
    };
    if digits.is_empty() || digits.len() > 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let v: i64 = digits.parse().ok()?;
    let v = if neg { -v } else { v };
    let min = -(1i64 << (bits - 1));
    let max = (1i64 << bits) - 1;
    if v < min || v > max {
        return None;
    }
    Some((v & max) as u32)
}

impl fmt::Display for SixrdOption {
    /// busybox udhcpc's `ip6rd` form: `IPv4MaskLen 6rdPrefixLen 6rdPrefix relay…`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} {} {}",
            self.ipv4_mask_len,
            self.prefix.prefix_len(),
            self.prefix.network()
        )?;
        for r in self.border_relays() {
            write!(f, " {r}")?;
        }
        Ok(())
    }
}

impl FromStr for SixrdOption {
    type Err = SixrdError;
    fn from_str(s: &str) -> Result<Self, SixrdError> {
        SixrdOption::parse_text(s)
    }
}

impl TryFrom<&[u8]> for SixrdOption {
    type Error = SixrdError;
    /// The whole option (code, length, payload): [`SixrdOption::parse`].
    fn try_from(bytes: &[u8]) -> Result<Self, SixrdError> {
        SixrdOption::parse(bytes)
    }
}

/// dhclient's decimal text of an option 212; see [`SixrdOption::dhclient_groups`].
#[derive(Debug, Clone, Copy)]
pub struct DhclientGroups<'a> {
    option: &'a SixrdOption,
    signed: bool,
}

impl fmt::Display for DhclientGroups<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let o = self.option;
        write!(f, "{} {}", o.ipv4_mask_len, o.prefix.prefix_len())?;
        for g in o.prefix.network().segments() {
            if self.signed {
                write!(f, " {}", g as i16)?;
            } else {
                write!(f, " {g}")?;
            }
        }
        for r in o.border_relays() {
            write!(f, " {r}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn v6(s: &str) -> Ipv6Addr {
        s.parse().unwrap()
    }
    fn net6(s: &str) -> Ipv6Net {
        s.parse().unwrap()
    }
    fn net4(s: &str) -> Ipv4Net {
        s.parse().unwrap()
    }
    const FREE_CE: Ipv4Addr = Ipv4Addr::new(82, 10, 11, 12);

    fn free() -> SixrdDomain {
        SixrdDomain::new(net6("2a01:e30::/28"), net4("0.0.0.0/0")).unwrap()
    }

    // Seed vector (shared/vectors/README.md and the issue): Free, France.
    #[test]
    fn free_delegation_and_back() {
        let d = free();
        assert_eq!(d.delegated_prefix(FREE_CE).unwrap(), net6("2a01:e35:20a0:b0c0::/60"));
        assert_eq!(d.extract_ipv4(v6("2a01:e35:20a0:b0c0::1")).unwrap(), FREE_CE);
        assert!(d.contains(v6("2a01:e35:20a0:b0c0::1")));
        assert!(!d.contains(v6("2a01:e40::1")));
    }

    #[test]
    fn free_tunnel_addresses_both_conventions() {
        let d = free();
        assert_eq!(
            d.tunnel_address(FREE_CE, TunnelConvention::OpenWrt).unwrap(),
            v6("2a01:e35:20a0:b0c0::1")
        );
        assert_eq!(
            d.tunnel_address(FREE_CE, TunnelConvention::SubnetRouterAnycast)
                .unwrap(),
            v6("2a01:e35:20a0:b0c0::")
        );
    }

    #[test]
    fn free_subnets_tunnel_first_then_fifteen() {
        let subs: Vec<Subnet> = free().subnets(FREE_CE).unwrap().collect();
        assert_eq!(subs.len(), 16);
        assert!(subs[0].tunnel && subs[1..].iter().all(|s| !s.tunnel));
        assert_eq!(subs[0].prefix, net6("2a01:e35:20a0:b0c0::/64"));
        assert_eq!(subs[15].prefix, net6("2a01:e35:20a0:b0cf::/64"));
        assert_eq!(subs[15].index, 15);
    }

    #[test]
    fn delegation_longer_than_64_is_refused() {
        // 2001:db8::/40 with m = 0 would delegate a /72.
        let e = SixrdDomain::new(net6("2001:db8::/40"), net4("0.0.0.0/0")).unwrap_err();
        assert_eq!(
            e,
            SixrdError::DelegatedPrefixTooLong {
                prefix_len: 40,
                ipv4_mask_len: 0,
                delegated_len: 72
            }
        );
        // Same rule in option 212.
        assert!(SixrdOption::new(0, net6("2001:db8::/40"), &[Ipv4Addr::LOCALHOST]).is_err());
        // With m = 8 the same prefix delegates a /64: fine.
        assert!(SixrdDomain::new(net6("2001:db8::/40"), net4("10.0.0.0/8")).is_ok());
    }

    #[test]
    fn prefix_host_bits_refused_unless_normalized() {
        let p = net6("2a01:e30::ffff:ffff/28");
        let relay = net4("0.0.0.0/0");
        assert_eq!(SixrdDomain::new(p, relay).unwrap_err(), SixrdError::PrefixHostBits(p));
        let d = SixrdDomain::new_normalized(p, relay).unwrap();
        assert_eq!(d, free());
        assert_eq!(d.delegated_prefix(FREE_CE).unwrap(), net6("2a01:e35:20a0:b0c0::/60"));
    }

    #[test]
    fn relay_prefix_host_bits_refused_unless_normalized() {
        let relay = net4("192.0.2.0/8");
        assert_eq!(
            SixrdDomain::new(net6("2001:db8::/32"), relay).unwrap_err(),
            SixrdError::RelayPrefixHostBits(relay)
        );
        let d = SixrdDomain::new_normalized(net6("2001:db8::/32"), relay).unwrap();
        assert_eq!(d.relay_prefix(), net4("192.0.0.0/8"));
    }

    #[test]
    fn ipv4_mask_len_over_32_refused() {
        assert_eq!(
            SixrdOption::parse_text("33 28 2a01:e30:: 1.2.3.4").unwrap_err(),
            SixrdError::Ipv4MaskLenTooLong(33)
        );
        assert_eq!(
            SixrdDomain::for_ce(net6("2001:db8::/32"), 33, FREE_CE).unwrap_err(),
            SixrdError::Ipv4MaskLenTooLong(33)
        );
    }

    #[test]
    fn relay_prefix_with_mask_len() {
        // 2001:db8::/32, m = 8 (all CEs in 10/8): a /56 (a common documentation example).
        let d = SixrdDomain::new(net6("2001:db8::/32"), net4("10.0.0.0/8")).unwrap();
        let ce = Ipv4Addr::new(10, 100, 100, 1);
        assert_eq!(d.delegated_prefix(ce).unwrap(), net6("2001:db8:6464:100::/56"));
        assert_eq!(d.extract_ipv4(v6("2001:db8:6464:1ff::42")).unwrap(), ce);
        assert_eq!(
            d.delegated_prefix(Ipv4Addr::new(11, 0, 0, 1)).unwrap_err(),
            SixrdError::CeOutsideRelayPrefix {
                ce: Ipv4Addr::new(11, 0, 0, 1),
                relay_prefix: net4("10.0.0.0/8")
            }
        );
        assert_eq!(
            d.border_relay_address(Ipv4Addr::new(10, 0, 0, 1)).unwrap(),
            v6("2001:db8:0:100::")
        );
        assert!(d.border_relay_address(Ipv4Addr::new(192, 0, 2, 1)).is_err());
    }

    #[test]
    fn mask_len_32_embeds_nothing() {
        let d = SixrdDomain::new(net6("2001:db8:1:2::/64"), net4("192.0.2.1/32")).unwrap();
        assert_eq!(
            d.delegated_prefix(Ipv4Addr::new(192, 0, 2, 1)).unwrap(),
            net6("2001:db8:1:2::/64")
        );
        assert_eq!(
            d.extract_ipv4(v6("2001:db8:1:2::9")).unwrap(),
            Ipv4Addr::new(192, 0, 2, 1)
        );
        assert_eq!(d.subnets(Ipv4Addr::new(192, 0, 2, 1)).unwrap().count(), 1);
    }

    #[test]
    fn whole_space_delegation_subnet_count_does_not_overflow() {
        // n = 0, m = 32: the delegation is ::/0, 2^64 subnets.
        let d = SixrdDomain::new(net6("::/0"), net4("1.2.3.4/32")).unwrap();
        let mut it = d.subnets(Ipv4Addr::new(1, 2, 3, 4)).unwrap();
        assert_eq!(it.size_hint().1, None);
        assert_eq!(it.next().unwrap().prefix, net6("::/64"));
        assert_eq!(it.next().unwrap().index, 1);
    }

    #[test]
    fn six_to_four_both_ways() {
        // RFC 3056 §2: 2002:V4ADDR::/48.
        assert_eq!(
            six_to_four_prefix(Ipv4Addr::new(192, 0, 2, 1)),
            net6("2002:c000:201::/48")
        );
        assert_eq!(
            six_to_four_ipv4(v6("2002:c000:201:5::1")).unwrap(),
            Ipv4Addr::new(192, 0, 2, 1)
        );
        assert_eq!(
            six_to_four_ipv4(v6("2001:db8::1")).unwrap_err(),
            SixrdError::NotSixToFour(v6("2001:db8::1"))
        );
        assert_eq!(SixrdDomain::SIX_TO_FOUR.delegated_len(), 48);
    }

    // Option 212, RFC 5969 §7.1.1: Free's option with one relay.
    const FREE_WIRE: [u8; 24] = [
        212, 22, // code, length
        0,  // IPv4MaskLen
        28, // 6rdPrefixLen
        0x2a, 0x01, 0x0e, 0x30, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, // 6rdPrefix
        192, 88, 99, 201, // 6rdBRIPv4Address
    ];

    #[test]
    fn option_wire_free() {
        let o = SixrdOption::parse(&FREE_WIRE).unwrap();
        assert_eq!(o.ipv4_mask_len(), 0);
        assert_eq!(o.prefix(), net6("2a01:e30::/28"));
        assert_eq!(o.border_relays(), &[Ipv4Addr::new(192, 88, 99, 201)]);
        assert_eq!(SixrdOption::parse_payload(&FREE_WIRE[2..]).unwrap(), o);
        let mut buf = [0xffu8; 40];
        assert_eq!(o.emit(&mut buf).unwrap(), 24);
        assert_eq!(buf[..24], FREE_WIRE);
        assert_eq!(o.buffer_len(), 24);
        assert_eq!(
            o.emit(&mut buf[..23]).unwrap_err(),
            SixrdError::BufferTooSmall { needed: 24, have: 23 }
        );
    }

    #[test]
    fn option_wire_two_relays_and_errors() {
        let mut w = FREE_WIRE.to_vec();
        w.extend_from_slice(&[192, 88, 99, 202]);
        w[1] = 26;
        let o = SixrdOption::parse(&w).unwrap();
        assert_eq!(o.border_relays().len(), 2);
        w[1] = 25;
        assert_eq!(
            SixrdOption::parse(&w).unwrap_err(),
            SixrdError::LengthMismatch {
                declared: 25,
                available: 26
            }
        );
        assert_eq!(SixrdOption::parse(&[213, 0]).unwrap_err(), SixrdError::WrongCode(213));
        assert_eq!(
            SixrdOption::parse(&[]).unwrap_err(),
            SixrdError::Truncated {
                field: Field::Code,
                offset: 0
            }
        );
        assert_eq!(
            SixrdOption::parse_payload(&FREE_WIRE[2..10]).unwrap_err(),
            SixrdError::Truncated {
                field: Field::Prefix,
                offset: 2
            }
        );
        assert_eq!(
            SixrdOption::parse_payload(&FREE_WIRE[2..20]).unwrap_err(),
            SixrdError::NoBorderRelay
        );
        assert_eq!(
            SixrdOption::parse_payload(&FREE_WIRE[2..21]).unwrap_err(),
            SixrdError::TrailingBytes(1)
        );
    }

    #[test]
    fn option_wire_reserved_prefix_bits_are_ignored() {
        // RFC 5969 §7.1.1: bits after 6rdPrefixLen are ignored by the receiver.
        let mut w = FREE_WIRE;
        w[17] = 0xff;
        w[7] = 0x3f; // 0x0e3f: the low nibble is past /28
        assert_eq!(SixrdOption::parse(&w).unwrap().prefix(), net6("2a01:e30::/28"));
    }

    #[test]
    fn option_busybox_text() {
        let o: SixrdOption = "0 28 2a01:e30:: 192.88.99.201".parse().unwrap();
        assert_eq!(o, SixrdOption::parse(&FREE_WIRE).unwrap());
        assert_eq!(o.to_string(), "0 28 2a01:e30:: 192.88.99.201");
        // busybox's sprint_nip6 prints all eight groups in full, four digits each.
        let full: SixrdOption = "0 28 2a01:0e30:0000:0000:0000:0000:0000:0000 192.88.99.201 10.0.0.1"
            .parse()
            .unwrap();
        assert_eq!(full.border_relays()[1], Ipv4Addr::new(10, 0, 0, 1));
        // Its sprint_nip6 uses "%04X" (upper case) in some versions.
        let upper: SixrdOption = "0 28 2A01:0E30:0000:0000:0000:0000:0000:0000 192.88.99.201"
            .parse()
            .unwrap();
        assert_eq!(upper, o);
    }

    #[test]
    fn option_dhclient_text_signed_and_unsigned() {
        // 2001:db8:f400::/40 with m = 8: the third group 0xf400 is -3072 from `integer 16`.
        let o: SixrdOption = "8 40 8193 3512 -3072 0 0 0 0 0 10.0.0.1".parse().unwrap();
        assert_eq!(o.prefix(), net6("2001:db8:f400::/40"));
        assert_eq!(
            o.dhclient_groups(true).to_string(),
            "8 40 8193 3512 -3072 0 0 0 0 0 10.0.0.1"
        );
        assert_eq!(
            o.dhclient_groups(false).to_string(),
            "8 40 8193 3512 62464 0 0 0 0 0 10.0.0.1"
        );
        let u: SixrdOption = "8 40 8193 3512 62464 0 0 0 0 0 10.0.0.1".parse().unwrap();
        assert_eq!(u, o);
        // Free as dhclient prints it.
        let free: SixrdOption = "0 28 10753 3632 0 0 0 0 0 0 192.88.99.201".parse().unwrap();
        assert_eq!(free, SixrdOption::parse(&FREE_WIRE).unwrap());
    }

    #[test]
    fn option_text_errors_name_the_field() {
        use SixrdError::*;
        assert_eq!(
            SixrdOption::parse_text("").unwrap_err(),
            MissingField(Field::Ipv4MaskLen)
        );
        assert_eq!(
            SixrdOption::parse_text("0 28 2a01:e30::").unwrap_err(),
            MissingField(Field::BorderRelay(0))
        );
        assert_eq!(
            SixrdOption::parse_text("x 28 2a01:e30:: 1.2.3.4").unwrap_err(),
            BadNumber {
                field: Field::Ipv4MaskLen,
                word: 0
            }
        );
        assert_eq!(
            SixrdOption::parse_text("0 28 2a01:e30::g 1.2.3.4").unwrap_err(),
            BadAddress {
                field: Field::Prefix,
                word: 2
            }
        );
        assert_eq!(
            SixrdOption::parse_text("0 28 1 2 3 4 70000 6 7 8 1.2.3.4").unwrap_err(),
            BadNumber {
                field: Field::PrefixGroup(4),
                word: 6
            }
        );
        assert_eq!(
            SixrdOption::parse_text("0 28 1 2 3").unwrap_err(),
            MissingField(Field::PrefixGroup(3))
        );
        assert_eq!(
            SixrdOption::parse_text("0 28 2a01:e30:: 1.2.3.4 1.2.3").unwrap_err(),
            BadAddress {
                field: Field::BorderRelay(1),
                word: 4
            }
        );
        assert_eq!(
            SixrdOption::parse_text("0 129 :: 1.2.3.4").unwrap_err(),
            PrefixLenTooLong(129)
        );
        assert_eq!(
            SixrdOption::parse_text("0 -127 :: 1.2.3.4").unwrap_err(),
            PrefixLenTooLong(129)
        );
        assert!(SixrdOption::parse_text("0 28 -32769 0 0 0 0 0 0 0 1.2.3.4").is_err());
        assert!(SixrdOption::parse_text("0 28 +1 0 0 0 0 0 0 0 1.2.3.4").is_err());
    }

    #[test]
    fn option_relay_limit() {
        let relays = [Ipv4Addr::new(10, 0, 0, 1); MAX_BORDER_RELAYS + 1];
        assert_eq!(
            SixrdOption::new(0, net6("2a01:e30::/28"), &relays).unwrap_err(),
            SixrdError::TooManyRelays
        );
        let o = SixrdOption::new(0, net6("2a01:e30::/28"), &relays[..MAX_BORDER_RELAYS]).unwrap();
        assert_eq!(o.buffer_len(), 2 + 254);
        let mut buf = [0u8; 256];
        o.emit(&mut buf).unwrap();
        assert_eq!(SixrdOption::parse(&buf).unwrap(), o);
        let mut text = String::from("0 28 2a01:e30::");
        for _ in 0..=MAX_BORDER_RELAYS {
            text.push_str(" 10.0.0.1");
        }
        assert_eq!(SixrdOption::parse_text(&text).unwrap_err(), SixrdError::TooManyRelays);
    }

    fn arb_domain() -> impl Strategy<Value = SixrdDomain> {
        (0u8..=32, any::<u128>(), any::<u32>()).prop_flat_map(|(m, bits, relay)| {
            let max_n = 32 + m; // n + 32 − m ≤ 64
            (0..=max_n.min(128)).prop_map(move |n| {
                let p = Ipv6Net::new(from_u128(bits), n).unwrap().trunc();
                let r = Ipv4Net::new(Ipv4Addr::from_bits(relay), m).unwrap().trunc();
                SixrdDomain::new(p, r).unwrap()
            })
        })
    }

    fn ce_in(d: &SixrdDomain, low: u32) -> Ipv4Addr {
        let mask = ipv4_mask(d.ipv4_mask_len());
        Ipv4Addr::from_bits(d.relay_prefix().network().to_bits() | (low & !mask))
    }

    proptest! {
        #[test]
        fn delegate_then_extract_round_trips(d in arb_domain(), low in any::<u32>(), iid in any::<u128>()) {
            let ce = ce_in(&d, low);
            let net = d.delegated_prefix(ce).unwrap();
            prop_assert_eq!(net.prefix_len(), d.delegated_len());
            prop_assert!(d.prefix().contains(&net));
            // Any address inside the delegation gives the CE back.
            let host = (iid & !prefix_mask(net.prefix_len())) | to_u128(net.network());
            prop_assert_eq!(d.extract_ipv4(from_u128(host)).unwrap(), ce);
            prop_assert_eq!(d.extract_ipv4(d.tunnel_address(ce, TunnelConvention::OpenWrt).unwrap()).unwrap(), ce);
            prop_assert_eq!(d.extract_ipv4(d.border_relay_address(ce).unwrap()).unwrap(), ce);
        }

        #[test]
        fn subnets_are_64s_inside_the_delegation(d in arb_domain(), low in any::<u32>()) {
            let ce = ce_in(&d, low);
            let net = d.delegated_prefix(ce).unwrap();
            let mut prev = None;
            for (i, s) in d.subnets(ce).unwrap().take(300).enumerate() {
                prop_assert_eq!(s.prefix.prefix_len(), 64);
                prop_assert!(net.contains(&s.prefix));
                prop_assert_eq!(s.index, i as u64);
                prop_assert_eq!(s.tunnel, i == 0);
                if let Some(p) = prev { prop_assert!(s.prefix > p); }
                prev = Some(s.prefix);
            }
            let expected = 1u128 << (64 - net.prefix_len());
            if expected <= 300 {
                prop_assert_eq!(d.subnets(ce).unwrap().count() as u128, expected);
            }
        }

        #[test]
        fn option_emit_parse_round_trips(d in arb_domain(), relays in proptest::collection::vec(any::<u32>(), 1..=MAX_BORDER_RELAYS)) {
            let relays: Vec<Ipv4Addr> = relays.into_iter().map(Ipv4Addr::from_bits).collect();
            let o = SixrdOption::new(d.ipv4_mask_len(), d.prefix(), &relays).unwrap();
            let mut buf = [0u8; 256];
            let n = o.emit(&mut buf).unwrap();
            prop_assert_eq!(n, o.buffer_len());
            prop_assert_eq!(SixrdOption::parse(&buf[..n]).unwrap(), o);
            let p = o.emit_payload(&mut buf).unwrap();
            prop_assert_eq!(SixrdOption::parse_payload(&buf[..p]).unwrap(), o);
            prop_assert_eq!(o.to_string().parse::<SixrdOption>().unwrap(), o);
            prop_assert_eq!(o.dhclient_groups(true).to_string().parse::<SixrdOption>().unwrap(), o);
            prop_assert_eq!(o.dhclient_groups(false).to_string().parse::<SixrdOption>().unwrap(), o);
        }

        #[test]
        fn six_to_four_round_trips(v in any::<u32>(), sla in any::<u128>()) {
            let v4 = Ipv4Addr::from_bits(v);
            let p = six_to_four_prefix(v4);
            let a = from_u128(to_u128(p.network()) | (sla & !prefix_mask(48)));
            prop_assert_eq!(six_to_four_ipv4(a).unwrap(), v4);
        }
    }
}
