//! Reverse DNS: `ip6.arpa` names of addresses, zone names of prefixes (RFC 3596 §2.5).
//!
//! A reverse zone can only start on a nibble (4-bit) boundary. For a prefix that is not
//! nibble-aligned (a /62, a /57), [`covering_zones`] lists the zones at the next boundary
//! that together cover it exactly — what you delegate or create. Python's
//! `IPv6Network.reverse_pointer` reverses the text including "/48": not a zone name.
//!
//! ```
//! use ipv6kit::dns::{reverse_name, zone_name, covering_zones};
//! let a = "2001:db8::567:89ab".parse().unwrap();
//! assert_eq!(reverse_name(a).as_str(),
//!     "b.a.9.8.7.6.5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa");
//! assert_eq!(zone_name("2001:db8:ebbd::/48".parse().unwrap()).unwrap().as_str(),
//!     "d.b.b.e.8.b.d.0.1.0.0.2.ip6.arpa");
//! let zones: Vec<_> = covering_zones("2001:db8:ebbd:9908::/62".parse().unwrap())
//!     .map(|(net, _)| net.to_string()).collect();
//! assert_eq!(zones, ["2001:db8:ebbd:9908::/64", "2001:db8:ebbd:9909::/64",
//!                    "2001:db8:ebbd:990a::/64", "2001:db8:ebbd:990b::/64"]);
//! ```

use crate::bits::{from_u128, prefix_mask, to_u128};
use core::fmt;
use core::net::Ipv6Addr;
use ipnet::Ipv6Net;

/// Why a reverse name or zone could not be made or read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DnsError {
    /// A zone needs a prefix length that is a multiple of 4.
    #[error("/{0} is not on a nibble boundary: a reverse zone needs a multiple of 4 (see covering_zones)")]
    NotNibbleAligned(u8),
    /// The prefix has bits set beyond its length.
    #[error("prefix {0} has host bits set beyond its length")]
    HostBits(Ipv6Net),
    /// The name does not end in `ip6.arpa`.
    #[error("the name does not end in ip6.arpa")]
    NotIp6Arpa,
    /// A label that is not a single hex digit.
    #[error("label {index} of the reverse name is not a single hex digit")]
    BadLabel {
        /// Zero-based label number, counted from the left.
        index: usize,
    },
    /// More than 32 nibble labels.
    #[error("the reverse name has {0} nibble labels; at most 32")]
    TooManyLabels(usize),
}

const SUFFIX: &str = "ip6.arpa";
const MAX: usize = 32 * 2 + SUFFIX.len();

/// An `ip6.arpa` name, held inline (no allocation). Displayed without the trailing dot;
/// [`ReverseName::fqdn`] adds it.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct ReverseName {
    buf: [u8; MAX + 1],
    len: usize,
}

impl ReverseName {
    fn new(v: u128, nibbles: usize) -> ReverseName {
        let mut buf = [0u8; MAX + 1];
        let mut len = 0;
        for i in 0..nibbles.min(32) {
            // The least significant kept nibble comes first.
            let shift = 4 * (32 - nibbles + i);
            let d = ((v >> shift) & 0xf) as u8;
            buf[len] = if d < 10 { b'0' + d } else { b'a' + d - 10 };
            buf[len + 1] = b'.';
            len += 2;
        }
        buf[len..len + SUFFIX.len()].copy_from_slice(SUFFIX.as_bytes());
        len += SUFFIX.len();
        buf[len] = b'.';
        ReverseName { buf, len }
    }

    /// The name without the trailing dot (`...ip6.arpa`).
    pub fn as_str(&self) -> &str {
        core::str::from_utf8(self.buf.get(..self.len).unwrap_or(&[])).unwrap_or("")
    }

    /// The fully qualified name with the trailing dot (`...ip6.arpa.`), as zone files write it.
    pub fn fqdn(&self) -> &str {
        core::str::from_utf8(self.buf.get(..self.len + 1).unwrap_or(&[])).unwrap_or("")
    }
}

impl fmt::Display for ReverseName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for ReverseName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ReverseName({:?})", self.as_str())
    }
}

/// The `ip6.arpa` name of an address: its 32 nibbles, least significant first (the PTR owner).
pub fn reverse_name(addr: Ipv6Addr) -> ReverseName {
    ReverseName::new(to_u128(addr), 32)
}

/// The reverse zone of a nibble-aligned prefix (`2001:db8::/32` → `8.b.d.0.1.0.0.2.ip6.arpa`).
pub fn zone_name(prefix: Ipv6Net) -> Result<ReverseName, DnsError> {
    let len = prefix.prefix_len();
    if len % 4 != 0 {
        return Err(DnsError::NotNibbleAligned(len));
    }
    if prefix.addr() != prefix.network() {
        return Err(DnsError::HostBits(prefix));
    }
    Ok(ReverseName::new(to_u128(prefix.network()), usize::from(len / 4)))
}

/// The zones at the next nibble boundary that exactly cover `prefix`: one zone for an aligned
/// prefix, 2, 4 or 8 for one that is 3, 2 or 1 bits short of the boundary. Host bits of the
/// prefix are ignored (the network is used).
pub fn covering_zones(prefix: Ipv6Net) -> CoveringZones {
    let len = prefix.prefix_len();
    let aligned = len.div_ceil(4) * 4;
    CoveringZones {
        base: to_u128(prefix.network()),
        aligned,
        next: 0,
        count: 1u32 << (aligned - len),
    }
}

/// Iterator returned by [`covering_zones`]: each zone's prefix and name.
#[derive(Debug, Clone)]
pub struct CoveringZones {
    base: u128,
    aligned: u8,
    next: u32,
    count: u32,
}

impl Iterator for CoveringZones {
    type Item = (Ipv6Net, ReverseName);

    fn next(&mut self) -> Option<Self::Item> {
        if self.next >= self.count {
            return None;
        }
        let step = if self.aligned == 0 {
            0
        } else {
            1u128 << (128 - u32::from(self.aligned))
        };
        let v = self.base | step.wrapping_mul(u128::from(self.next));
        self.next += 1;
        let net = Ipv6Net::new(from_u128(v), self.aligned).ok()?;
        Some((net, ReverseName::new(v, usize::from(self.aligned / 4))))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = (self.count - self.next) as usize;
        (n, Some(n))
    }
}

impl ExactSizeIterator for CoveringZones {}

/// Reads an `ip6.arpa` name back into the prefix it names (a /128 for a full PTR name).
/// Accepts an optional trailing dot and any letter case.
///
/// ```
/// let net = ipv6kit::dns::parse_reverse_name("8.b.d.0.1.0.0.2.IP6.ARPA.").unwrap();
/// assert_eq!(net.to_string(), "2001:db8::/32");
/// ```
pub fn parse_reverse_name(name: &str) -> Result<Ipv6Net, DnsError> {
    let name = name.strip_suffix('.').unwrap_or(name);
    let lower_ends = name.len() >= SUFFIX.len()
        && name
            .get(name.len() - SUFFIX.len()..)
            .is_some_and(|s| s.eq_ignore_ascii_case(SUFFIX));
    if !lower_ends {
        return Err(DnsError::NotIp6Arpa);
    }
    let head = &name[..name.len() - SUFFIX.len()];
    let labels = if head.is_empty() {
        ""
    } else {
        let labels = head.strip_suffix('.').ok_or(DnsError::NotIp6Arpa)?;
        if labels.is_empty() {
            // ".ip6.arpa": an empty label before the suffix.
            return Err(DnsError::BadLabel { index: 0 });
        }
        labels
    };
    let mut v: u128 = 0;
    let mut n = 0usize;
    if !labels.is_empty() {
        for (index, label) in labels.split('.').enumerate() {
            if index >= 32 {
                return Err(DnsError::TooManyLabels(labels.split('.').count()));
            }
            let mut chars = label.chars();
            let d = match (chars.next(), chars.next()) {
                (Some(c), None) => c.to_digit(16).ok_or(DnsError::BadLabel { index })?,
                _ => return Err(DnsError::BadLabel { index }),
            };
            // Label `index` (from the left) is nibble `index` counted from the least significant
            // kept one; collect and place after we know how many there are.
            v |= u128::from(d) << (4 * index);
            n = index + 1;
        }
    }
    // v holds the nibbles with the leftmost label lowest; the prefix's nibbles are those, top-aligned.
    let bits = 4 * n as u32;
    let top = if bits == 0 { 0 } else { v << (128 - bits) };
    let len = (4 * n) as u8;
    Ipv6Net::new(from_u128(top & prefix_mask(len)), len).map_err(|_| DnsError::TooManyLabels(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn net(s: &str) -> Ipv6Net {
        s.parse().unwrap()
    }

    #[test]
    fn rfc3596_example() {
        // RFC 3596 §2.5: 4321:0:1:2:3:4:567:89ab.
        let a: Ipv6Addr = "4321:0:1:2:3:4:567:89ab".parse().unwrap();
        assert_eq!(
            reverse_name(a).fqdn(),
            "b.a.9.8.7.6.5.0.4.0.0.0.3.0.0.0.2.0.0.0.1.0.0.0.0.0.0.0.1.2.3.4.ip6.arpa."
        );
        assert_eq!(
            parse_reverse_name(reverse_name(a).fqdn()).unwrap(),
            Ipv6Net::new(a, 128).unwrap()
        );
    }

    #[test]
    fn zones() {
        assert_eq!(zone_name(net("::/0")).unwrap().as_str(), "ip6.arpa");
        assert_eq!(
            zone_name(net("2001:db8::/32")).unwrap().as_str(),
            "8.b.d.0.1.0.0.2.ip6.arpa"
        );
        assert_eq!(zone_name(net("2001:db8::/33")), Err(DnsError::NotNibbleAligned(33)));
        assert_eq!(
            zone_name(net("2001:db8::1/32")),
            Err(DnsError::HostBits(net("2001:db8::1/32")))
        );
        assert_eq!(covering_zones(net("2001:db8::/32")).count(), 1);
        let z: Vec<_> = covering_zones(net("2001:db8:8000::/33")).map(|(n, _)| n).collect();
        assert_eq!(
            z,
            [
                net("2001:db8:8000::/36"),
                net("2001:db8:9000::/36"),
                net("2001:db8:a000::/36"),
                net("2001:db8:b000::/36"),
                net("2001:db8:c000::/36"),
                net("2001:db8:d000::/36"),
                net("2001:db8:e000::/36"),
                net("2001:db8:f000::/36")
            ]
        );
        assert_eq!(covering_zones(net("::/1")).count(), 8);
        assert_eq!(covering_zones(net("::/0")).next().unwrap().1.as_str(), "ip6.arpa");
    }

    #[test]
    fn parse_errors() {
        assert_eq!(parse_reverse_name("example.com"), Err(DnsError::NotIp6Arpa));
        assert_eq!(parse_reverse_name("1.xip6.arpa"), Err(DnsError::NotIp6Arpa));
        assert_eq!(parse_reverse_name("1.g.ip6.arpa"), Err(DnsError::BadLabel { index: 1 }));
        assert_eq!(parse_reverse_name("1..ip6.arpa"), Err(DnsError::BadLabel { index: 1 }));
        assert_eq!(parse_reverse_name("ip6.arpa").unwrap(), net("::/0"));
        // Found by the text_parsers fuzz target: an empty first label is not the root zone.
        assert_eq!(parse_reverse_name(".IP6.ARPA"), Err(DnsError::BadLabel { index: 0 }));
        let long = "0.".repeat(33) + "ip6.arpa";
        assert_eq!(parse_reverse_name(&long), Err(DnsError::TooManyLabels(33)));
        assert_eq!(parse_reverse_name("é.ip6.arpa"), Err(DnsError::BadLabel { index: 0 }));
    }

    proptest::proptest! {
        #[test]
        fn zone_round_trip(v in proptest::num::u128::ANY, n in 0u8..=32) {
            let p = Ipv6Net::new(from_u128(v), n * 4).unwrap().trunc();
            let z = zone_name(p).unwrap();
            proptest::prop_assert_eq!(parse_reverse_name(z.as_str()), Ok(p));
        }

        #[test]
        fn covering_zones_partition(v in proptest::num::u128::ANY, len in 0u8..=128) {
            let p = Ipv6Net::new(from_u128(v), len).unwrap().trunc();
            let zones: Vec<_> = covering_zones(p).collect();
            proptest::prop_assert_eq!(zones.len(), 1usize << (len.div_ceil(4) * 4 - len));
            for (z, name) in &zones {
                proptest::prop_assert!(p.contains(z));
                proptest::prop_assert_eq!(parse_reverse_name(name.as_str()), Ok(*z));
            }
        }

        #[test]
        fn parse_never_panics(s in "\\PC{0,80}") {
            let _ = parse_reverse_name(&s);
        }
    }
}
