//! Recursive DNS Server and DNS Search List options (RFC 8106 §5.1, §5.2).

use super::super::header::{be16, be32, put};
use super::super::NdpError;
use super::InvalidReason;
use core::fmt;
use core::net::Ipv6Addr;

mod field {
    // RDNSS                                        DNSSL
    //  0                   1                   2                   3
    //  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
    // +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
    // |     Type      |     Length    |           Reserved            |
    // +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
    // |                           Lifetime                            |
    // +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
    // :            Addresses of IPv6 Recursive DNS Servers            :   (RDNSS)
    // :                Domain Names of DNS Search List                :   (DNSSL, zero padded)
    pub const RESERVED: usize = 2;
    pub const LIFETIME: usize = 4;
    pub const DATA: usize = 8;
}

/// RDNSS option (type 25): recursive DNS servers and their lifetime.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct RecursiveDnsServer<B> {
    /// Reserved field as received.
    pub reserved: u16,
    /// Lifetime in seconds (`u32::MAX`: infinity).
    pub lifetime: u32,
    /// The addresses, 16 bytes each, as on the wire.
    pub addresses: B,
}

/// Iterator over RDNSS addresses.
#[derive(Debug, Clone)]
pub struct RdnssAddresses<'a>(core::slice::ChunksExact<'a, u8>);

impl Iterator for RdnssAddresses<'_> {
    type Item = Ipv6Addr;
    #[inline]
    fn next(&mut self) -> Option<Ipv6Addr> {
        let c = self.0.next()?;
        let mut o = [0u8; 16];
        o.copy_from_slice(c);
        Some(Ipv6Addr::from(o))
    }
}

impl<'a> RecursiveDnsServer<&'a [u8]> {
    #[inline]
    pub(crate) fn decode(o: &'a [u8]) -> Result<Self, InvalidReason> {
        let length = o.get(1).copied().unwrap_or(0);
        // RFC 8106 §5.1: "The minimum value is 3 if one IPv6 address is contained in the
        // option. Every additional RDNSS address increases the length by 2." An even Length
        // is what CVE-2020-16898 ("Bad Neighbor") exploited.
        if length < 3 || length % 2 == 0 {
            return Err(InvalidReason::RdnssLength { length });
        }
        Ok(RecursiveDnsServer {
            reserved: be16(o, field::RESERVED),
            lifetime: be32(o, field::LIFETIME),
            addresses: o.get(field::DATA..).unwrap_or(&[]),
        })
    }
}

#[cfg(feature = "alloc")]
impl RecursiveDnsServer<alloc::vec::Vec<u8>> {
    /// An RDNSS option for 1 to 127 servers.
    #[inline]
    pub fn new(lifetime: u32, servers: &[Ipv6Addr]) -> Result<Self, NdpError> {
        if servers.is_empty() || servers.len() > super::super::MAX_RDNSS_SERVERS {
            return Err(NdpError::RdnssServerCount { count: servers.len() });
        }
        Ok(RecursiveDnsServer {
            reserved: 0,
            lifetime,
            addresses: servers.iter().flat_map(|a| a.octets()).collect(),
        })
    }
}

impl<B: AsRef<[u8]>> RecursiveDnsServer<B> {
    /// The server addresses.
    #[inline]
    pub fn addresses(&self) -> RdnssAddresses<'_> {
        RdnssAddresses(self.addresses.as_ref().chunks_exact(16))
    }
    pub(crate) fn content_len(&self) -> usize {
        field::DATA + self.addresses.as_ref().len()
    }
    pub(crate) fn write(&self, out: &mut [u8]) {
        put(out, field::RESERVED, &self.reserved.to_be_bytes());
        put(out, field::LIFETIME, &self.lifetime.to_be_bytes());
        put(out, field::DATA, self.addresses.as_ref());
    }
}

/// DNSSL option (type 31): search domains and their lifetime. `encoded` holds the names in DNS
/// wire format (RFC 1035 §3.1, no compression) followed by the zero padding as received.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DnsSearchList<B> {
    /// Reserved field as received.
    pub reserved: u16,
    /// Lifetime in seconds.
    pub lifetime: u32,
    /// Encoded names and padding.
    pub encoded: B,
}

/// Checks encoded DNSSL names; `Err` holds the offset (from the start of `enc`) of the problem.
///
/// The walk from label to label is all the valid case pays for: a label running past the end
/// shows as the walk leaving the data inside a name, a name over 255 bytes at its final zero,
/// and only then is the offending label looked for ([`bad_label`]).
#[inline(always)]
fn check_names(enc: &[u8]) -> Result<(), usize> {
    let mut p = 0usize;
    let mut start = 0usize;
    while let Some(&l) = enc.get(p) {
        if l == 0 {
            if p == start {
                // RFC 8106 §5.2: "the remaining octets other than the encoding parts of the
                // domain names are padded with zeros".
                // An OR over the padding (no branch per byte); the position only on failure.
                let rest = enc.get(p..).unwrap_or(&[]);
                if rest.iter().fold(0u8, |acc, &b| acc | b) == 0 {
                    return Ok(());
                }
                return Err(p + rest.iter().position(|&b| b != 0).unwrap_or(0));
            }
            // Names of at most 255 bytes with the final zero.
            if p - start > 254 {
                return Err(bad_label(enc, start));
            }
            p += 1;
            start = p;
            continue;
        }
        // No compression (RFC 8106 §5.2), labels of at most 63 bytes. (When the name is
        // already too long, the label that made it so comes first.)
        if l > 63 {
            return Err(if p - start > 254 { bad_label(enc, start) } else { p });
        }
        p += 1 + usize::from(l);
    }
    // The walk left the data inside a name: a label runs past the end.
    if p == start {
        Ok(())
    } else {
        Err(bad_label(enc, start))
    }
}

/// The first label of the name at `start` that runs to or past the end of `enc` (no room for
/// the final zero) or past 254 bytes into the name; `start` when there is none.
#[cold]
fn bad_label(enc: &[u8], start: usize) -> usize {
    let mut p = start;
    while let Some(&l) = enc.get(p) {
        if l == 0 {
            break;
        }
        let next = p + 1 + usize::from(l);
        if next >= enc.len() || next - start > 254 {
            return p;
        }
        p = next;
    }
    start
}

impl<'a> DnsSearchList<&'a [u8]> {
    #[inline]
    pub(crate) fn decode(o: &'a [u8]) -> Result<Self, InvalidReason> {
        if o.get(1).copied().unwrap_or(0) < 2 {
            return Err(InvalidReason::DnsslTooShort);
        }
        let encoded = o.get(field::DATA..).unwrap_or(&[]);
        check_names(encoded).map_err(|at| InvalidReason::DnsslBadName {
            offset: field::DATA + at,
        })?;
        Ok(DnsSearchList {
            reserved: be16(o, field::RESERVED),
            lifetime: be32(o, field::LIFETIME),
            encoded,
        })
    }
}

#[cfg(feature = "alloc")]
impl DnsSearchList<alloc::vec::Vec<u8>> {
    /// A DNSSL option for `names` (dotted text, a trailing dot allowed; one or more names). `encoded` holds the
    /// names and the zero padding the option carries on the wire, so a built option equals the
    /// same option parsed back.
    #[inline]
    pub fn new(lifetime: u32, names: &[&str]) -> Result<Self, NdpError> {
        if names.is_empty() {
            return Err(NdpError::EmptySearchList);
        }
        let n = dnssl_encoded_len(names)?;
        let padded = super::round8(field::DATA + n) - field::DATA;
        let mut encoded = alloc::vec![0u8; padded];
        encode_dnssl(names, &mut encoded)?;
        Ok(DnsSearchList {
            reserved: 0,
            lifetime,
            encoded,
        })
    }
}

impl<B: AsRef<[u8]>> DnsSearchList<B> {
    /// The domain names, in order.
    #[inline]
    pub fn names(&self) -> DomainNames<'_> {
        DomainNames {
            rest: self.encoded.as_ref(),
        }
    }
    pub(crate) fn content_len(&self) -> usize {
        field::DATA + self.encoded.as_ref().len()
    }
    pub(crate) fn write(&self, out: &mut [u8]) {
        put(out, field::RESERVED, &self.reserved.to_be_bytes());
        put(out, field::LIFETIME, &self.lifetime.to_be_bytes());
        put(out, field::DATA, self.encoded.as_ref());
    }
}

/// Iterator over the names of a DNSSL option; stops at the padding or at anything malformed.
#[derive(Debug, Clone)]
pub struct DomainNames<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for DomainNames<'a> {
    type Item = DomainName<'a>;
    #[inline]
    fn next(&mut self) -> Option<DomainName<'a>> {
        let mut p = 0usize;
        // A label running past the end needs no test of its own: the next length byte is then
        // missing and `get` ends the walk.
        while let Some(&l) = self.rest.get(p) {
            if l == 0 {
                if p == 0 {
                    break;
                }
                let (name, rest) = self.rest.split_at_checked(p + 1)?;
                self.rest = rest;
                return Some(DomainName(name));
            }
            if l > 63 {
                break;
            }
            p += 1 + usize::from(l);
        }
        self.rest = &[];
        None
    }
}

/// One encoded domain name (labels and the terminating zero). `Display` prints dotted text,
/// escaping dots and unprintable bytes inside labels as `\ddd`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DomainName<'a>(&'a [u8]);

impl<'a> DomainName<'a> {
    /// The wire encoding.
    #[inline]
    pub fn as_bytes(&self) -> &'a [u8] {
        self.0
    }
    /// The labels.
    #[inline]
    pub fn labels(&self) -> impl Iterator<Item = &'a [u8]> {
        let mut rest = self.0;
        core::iter::from_fn(move || {
            let (&l, tail) = rest.split_first()?;
            let l = usize::from(l);
            if l == 0 {
                return None;
            }
            let (label, after) = tail.split_at_checked(l)?;
            rest = after;
            Some(label)
        })
    }
}

impl fmt::Display for DomainName<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, label) in self.labels().enumerate() {
            if i > 0 {
                f.write_str(".")?;
            }
            for &b in label {
                if b.is_ascii_graphic() && b != b'.' && b != b'\\' {
                    write!(f, "{}", b as char)?;
                } else {
                    write!(f, "\\{b:03}")?;
                }
            }
        }
        Ok(())
    }
}

/// Bytes `names` take in DNS wire format (no padding).
pub(crate) fn dnssl_encoded_len(names: &[&str]) -> Result<usize, NdpError> {
    let mut total = 0usize;
    for (index, name) in names.iter().enumerate() {
        let name = name.strip_suffix('.').unwrap_or(name);
        if name.is_empty() {
            return Err(NdpError::BadDomainName { index, position: 0 });
        }
        let mut pos = 0usize;
        for label in name.split('.') {
            if label.is_empty() || label.len() > 63 {
                return Err(NdpError::BadDomainName { index, position: pos });
            }
            pos += label.len() + 1;
        }
        // One length byte per label, the dots replaced by them, and the final zero.
        let len = name.len() + 2;
        if len > 255 {
            return Err(NdpError::BadDomainName { index, position: 255 });
        }
        total += len;
    }
    Ok(total)
}

/// Encodes `names` into the start of `out`; returns the bytes written.
pub(crate) fn encode_dnssl(names: &[&str], out: &mut [u8]) -> Result<usize, NdpError> {
    let need = dnssl_encoded_len(names)?;
    let available = out.len();
    let out = out.get_mut(..need).ok_or(NdpError::BufferTooSmall {
        needed: need,
        available,
    })?;
    let mut p = 0;
    for name in names {
        let name = name.strip_suffix('.').unwrap_or(name);
        for label in name.split('.') {
            // Labels are 1..=63 bytes (checked above).
            put(out, p, &[u8::try_from(label.len()).unwrap_or(0)]);
            put(out, p + 1, label.as_bytes());
            p += 1 + label.len();
        }
        put(out, p, &[0]);
        p += 1;
    }
    Ok(p)
}
