//! The ICMPv6 checksum over the IPv6 pseudo-header (RFC 8200 §8.1, RFC 4443 §2.3).
//!
//! ```
//! use ipv6kit::ndp::checksum;
//! let src = "fe80::1".parse().unwrap();
//! let dst = "ff02::1".parse().unwrap();
//! let mut msg = [134u8, 0, 0, 0, 64, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
//! let c = checksum::compute(src, dst, &msg);
//! msg[2..4].copy_from_slice(&c.to_be_bytes());
//! assert!(checksum::verify(src, dst, &msg));
//! ```

use core::net::Ipv6Addr;

/// IANA protocol number of ICMPv6 (the pseudo-header's Next Header).
pub const NEXT_HEADER_ICMPV6: u8 = 58;

/// The ones' complement sum of `data` taken as 16-bit words in the machine-independent
/// little-endian order, not yet folded: RFC 1071 §2(B) ("byte order independence") lets the
/// sum run over little-endian words and be byte-swapped once at the end. Four bytes at a time
/// into a 64-bit accumulator, which no IPv6 payload can overflow; an odd last byte is the high
/// byte of a zero-padded word, as RFC 1071 says.
fn sum_swapped(data: &[u8]) -> u64 {
    let mut chunks = data.chunks_exact(4);
    let mut acc = 0u64;
    for c in &mut chunks {
        acc += u64::from(u32::from_le_bytes([c[0], c[1], c[2], c[3]]));
    }
    let mut tail = [0u8; 4];
    let rest = chunks.remainder();
    if let Some(t) = tail.get_mut(..rest.len()) {
        t.copy_from_slice(rest);
    }
    acc + u64::from(u32::from_le_bytes(tail))
}

/// Folds a sum to 16 bits with end-around carry.
fn fold(mut acc: u64) -> u16 {
    while acc > 0xffff {
        acc = (acc & 0xffff) + (acc >> 16);
    }
    acc as u16
}

/// The folded ones' complement sum of the pseudo-header and `parts` (as big-endian words).
fn sum(source: Ipv6Addr, destination: Ipv6Addr, len: usize, parts: [&[u8]; 2]) -> u16 {
    let mut swapped = sum_swapped(&source.octets()) + sum_swapped(&destination.octets());
    for part in parts {
        swapped += sum_swapped(part);
    }
    // Back to big-endian words, then the Upper-Layer Packet Length (32 bits) and Next Header.
    let acc = u64::from(fold(swapped).swap_bytes())
        + (len as u64 >> 16)
        + (len as u64 & 0xffff)
        + u64::from(NEXT_HEADER_ICMPV6);
    fold(acc)
}

/// The checksum `message` should carry, computed as if its checksum field (bytes 2–3) were zero.
pub fn compute(source: Ipv6Addr, destination: Ipv6Addr, message: &[u8]) -> u16 {
    // Everything but the checksum field (bytes 2-3); both parts start at an even offset.
    let head = message.get(..2).unwrap_or(message);
    let rest = message.get(4..).unwrap_or(&[]);
    !sum(source, destination, message.len(), [head, rest])
}

/// True when `message`'s checksum field is right for `source` → `destination`.
pub fn verify(source: Ipv6Addr, destination: Ipv6Addr, message: &[u8]) -> bool {
    sum(source, destination, message.len(), [message, &[]]) == 0xffff
}

/// Computes the checksum and writes it into bytes 2–3 of `message` (no-op on a message shorter
/// than 4 bytes).
pub fn fill(source: Ipv6Addr, destination: Ipv6Addr, message: &mut [u8]) {
    let c = compute(source, destination, message);
    if let Some(f) = message.get_mut(2..4) {
        f.copy_from_slice(&c.to_be_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The straightforward RFC 1071 sum, as a referee for the fast one.
    fn reference(source: Ipv6Addr, destination: Ipv6Addr, message: &[u8]) -> u16 {
        let mut data = std::vec::Vec::new();
        data.extend_from_slice(&source.octets());
        data.extend_from_slice(&destination.octets());
        data.extend_from_slice(&(message.len() as u32).to_be_bytes());
        data.extend_from_slice(&[0, 0, 0, 58]);
        let mut m = message.to_vec();
        m[2] = 0;
        m[3] = 0;
        data.extend_from_slice(&m);
        if data.len() % 2 == 1 {
            data.push(0);
        }
        let mut s: u32 = 0;
        for w in data.chunks(2) {
            s += u32::from(u16::from_be_bytes([w[0], w[1]]));
        }
        while s > 0xffff {
            s = (s & 0xffff) + (s >> 16);
        }
        !(s as u16)
    }

    proptest::proptest! {
        #[test]
        fn compute_matches_rfc1071_reference(src: [u8; 16], dst: [u8; 16], msg in proptest::collection::vec(proptest::num::u8::ANY, 4..300)) {
            let (s, d) = (Ipv6Addr::from(src), Ipv6Addr::from(dst));
            proptest::prop_assert_eq!(compute(s, d, &msg), reference(s, d, &msg));
            let mut m = msg.clone();
            fill(s, d, &mut m);
            proptest::prop_assert!(verify(s, d, &m));
        }
    }
}
