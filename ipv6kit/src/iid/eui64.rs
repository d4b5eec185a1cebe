//! Addresses formed from an identifier: link-local and SLAAC (RFC 4862 §5.3, §5.5.3).

use super::Iid;
use core::net::Ipv6Addr;
use ipnet::Ipv6Net;
use macaddr::MacAddr6;

/// Why an address could not be formed from a prefix and an identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum IidError {
    /// SLAAC forms addresses only from /64 prefixes (RFC 4862 §5.5.3, RFC 4291 §2.5.1).
    #[error("prefix {prefix} is a /{len}: SLAAC with a 64-bit interface identifier needs a /64")]
    PrefixNotSlash64 {
        /// The prefix given.
        prefix: Ipv6Net,
        /// Its length.
        len: u8,
    },
}

/// The link-local address `fe80::/64` + the modified EUI-64 of `mac`, as Linux forms it with
/// `addr_gen_mode` 0.
///
/// ```
/// let mac = ipv6kit::mac::parse_mac("b8:27:eb:89:bc:51").unwrap();
/// assert_eq!(ipv6kit::iid::link_local(mac).to_string(), "fe80::ba27:ebff:fe89:bc51");
/// ```
pub const fn link_local(mac: MacAddr6) -> Ipv6Addr {
    Iid::from_mac(mac).with_prefix(Ipv6Addr::new(0xfe80, 0, 0, 0, 0, 0, 0, 0))
}

/// The SLAAC address formed from a /64 `prefix` and an identifier (a [`Iid`], or a MAC or
/// EUI-64 converted to modified EUI-64).
///
/// Bits of the prefix's address below the /64 are discarded (masked), never added: netaddr's
/// integer addition corrupts the result when they are set.
///
/// ```
/// use ipv6kit::{iid::slaac, mac::parse_mac};
/// let net = "2001:db8:1::/64".parse().unwrap();
/// let mac = parse_mac("00:11:22:33:44:55").unwrap();
/// assert_eq!(slaac(net, mac).unwrap().to_string(), "2001:db8:1:0:211:22ff:fe33:4455");
/// assert!(slaac("2001:db8::/48".parse().unwrap(), mac).is_err());
/// ```
pub fn slaac(prefix: Ipv6Net, iid: impl Into<Iid>) -> Result<Ipv6Addr, IidError> {
    if prefix.prefix_len() != 64 {
        return Err(IidError::PrefixNotSlash64 {
            prefix,
            len: prefix.prefix_len(),
        });
    }
    Ok(iid.into().with_prefix(prefix.addr()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_bits_in_the_prefix_are_masked_not_added() {
        // netaddr's bug class: 2001:db8::ffff/64 + EUI-64 by integer addition gives garbage.
        let net: Ipv6Net = "2001:db8::ffff/64".parse().unwrap();
        let mac = crate::mac::parse_mac("00:11:22:33:44:55").unwrap();
        assert_eq!(
            slaac(net, mac).unwrap(),
            "2001:db8::211:22ff:fe33:4455".parse::<Ipv6Addr>().unwrap()
        );
    }

    #[test]
    fn only_slash64() {
        for len in [0u8, 48, 56, 63, 65, 96, 128] {
            let net = Ipv6Net::new("2001:db8::".parse().unwrap(), len).unwrap();
            assert_eq!(
                slaac(net, Iid::from_u64(1)),
                Err(IidError::PrefixNotSlash64 { prefix: net, len })
            );
        }
    }

    #[test]
    fn rfc_vector_link_local() {
        // shared/vectors: with fe80::/64 the Linux kernel forms fe80::211:22ff:fe33:4455.
        let mac = crate::mac::parse_mac("00:11:22:33:44:55").unwrap();
        assert_eq!(link_local(mac), "fe80::211:22ff:fe33:4455".parse::<Ipv6Addr>().unwrap());
    }
}
