//! Inputs shared by the benchmarks (not part of ipv6kit's API).

use std::net::Ipv6Addr;

/// `n` pseudo-random addresses from a fixed seed, the same on every run.
pub fn addresses(n: usize) -> Vec<Ipv6Addr> {
    let mut s: u64 = 0x1234_5678_9abc_def0;
    (0..n)
        .map(|_| {
            let mut hi = 0u128;
            for _ in 0..2 {
                s = s.wrapping_add(0x9e37_79b9_7f4a_7c15);
                let mut z = s;
                z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
                z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
                hi = (hi << 64) | u128::from(z ^ (z >> 31));
            }
            Ipv6Addr::from_bits(hi)
        })
        .collect()
}

/// The NDP benchmark's input and workloads, shared by `benches/ndp.rs` (criterion) and the
/// `ndp-work` binary (for counting instructions under valgrind's cachegrind).
pub mod ndp {
    use ipv6kit::ndp::option::NdpOption;
    use ipv6kit::ndp::{frame, Packet};
    use std::net::Ipv6Addr;

    /// The RA frame's addresses and ICMPv6 bytes.
    pub fn reference_ra() -> (Ipv6Addr, Ipv6Addr, Vec<u8>) {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../ipv6kit/tests/data/ndp/tcpdump-icmpv6-ra.pcap"
        );
        let file = std::fs::read(path).expect("the RA capture");
        let caplen = u32::from_le_bytes(file[24 + 8..24 + 12].try_into().unwrap()) as usize;
        let f = frame::parse_ethernet(&file[40..40 + caplen]).unwrap();
        assert_eq!(f.ipv6.payload.len(), 176);
        (f.ipv6.source, f.ipv6.destination, f.ipv6.payload.to_vec())
    }

    /// Parses and decodes everything, folding the values into a number so nothing is skipped.
    pub fn ipv6kit_decode(bytes: &[u8]) -> u64 {
        let p = Packet::parse(bytes).unwrap();
        let mut acc = 0u64;
        for o in p.decoded_options() {
            acc = acc.wrapping_add(match o {
                NdpOption::PrefixInformation(x) => u64::from(x.valid_lifetime) + u64::from(x.prefix.to_bits() as u32),
                NdpOption::RecursiveDnsServer(x) => x.addresses().fold(0u64, |s, a| s.wrapping_add(a.to_bits() as u64)),
                NdpOption::DnsSearchList(x) => x.names().map(|n| n.as_bytes().len() as u64).sum::<u64>(),
                NdpOption::Mtu(x) => u64::from(x.mtu),
                NdpOption::SourceLinkLayerAddress(x) => x.mac().map_or(0, |m| u64::from(m.as_bytes()[5])),
                NdpOption::AdvertisementInterval(x) => u64::from(x.interval_ms),
                NdpOption::HomeAgentInformation(x) => u64::from(x.preference),
                _ => 1,
            });
        }
        acc
    }

    /// The floor: what any decoder of this RA must do at the least, with nothing checked. It walks
    /// the options (each Length byte gives the next option's offset) and the DNSSL labels (each
    /// length byte gives the next label's), reads the same fields as [`ipv6kit_decode`] and folds
    /// them into the same number, and validates nothing: no code, no bounds beyond the slice's,
    /// no label or name limits, no padding. Both walks are chains of dependent loads; no
    /// decoder can do less and still find every option and every name.
    #[inline(never)]
    pub fn floor_walk(b: &[u8]) -> u64 {
        let be32 = |o: &[u8], at: usize| u64::from(u32::from_be_bytes([o[at], o[at + 1], o[at + 2], o[at + 3]]));
        let mut acc = 0u64;
        let mut p = 16usize;
        while p + 8 <= b.len() {
            let n = usize::from(b[p + 1]) * 8;
            if n == 0 || p + n > b.len() {
                break;
            }
            let o = &b[p..p + n];
            acc += match o[0] {
                3 => be32(o, 4) + be32(o, 28),
                25 => o[8..]
                    .chunks_exact(16)
                    .map(|a| (be32(a, 8) << 32) | be32(a, 12))
                    .sum::<u64>(),
                31 => {
                    // The names end where an empty name (the padding) starts.
                    let e = &o[8..];
                    let (mut q, mut start) = (0usize, 0usize);
                    while q < e.len() {
                        let l = usize::from(e[q]);
                        if l == 0 {
                            if q == start {
                                break;
                            }
                            start = q + 1;
                        }
                        q += 1 + l;
                    }
                    q as u64
                }
                5 | 7 => be32(o, 4),
                1 => u64::from(o[7]),
                8 => u64::from(u16::from_be_bytes([o[4], o[5]])),
                _ => 1,
            };
            p += n;
        }
        acc
    }

    /// The same work as [`ipv6kit_decode`] written by hand as one function, with no API in
    /// between: the structural checks of `Packet::parse` (ND type, code 0, header length, no
    /// zero-length option, none past the end, no trailing byte, at most 256 options), then one
    /// pass that checks each option of the kinds this RA carries as `NdpOption::decode` does
    /// (PIO Length 4 and prefix length ≤ 128; RDNSS Length odd and ≥ 3; DNSSL Length ≥ 2, every
    /// label 1–63 bytes, names ≤ 255 bytes, no label past the end, zero padding; MTU, Advertisement
    /// Interval and Home Agent Information Length 1), reads the same fields and folds them into
    /// the same number (an invalid option counts 1, as there). `None` where `Packet::parse`
    /// fails. The test `benches/fused_test.rs` holds it to the library's result on mutated
    /// copies of the RA and on messages built option by option (every Length, DNSSL names of
    /// every shape). It measures what the checks cost without the decoded-option API.
    #[inline(never)]
    pub fn fused_decode(b: &[u8]) -> Option<u64> {
        let be32 = |o: &[u8], at: usize| match o.get(at..at + 4) {
            Some(&[w, x, y, z]) => u64::from(u32::from_be_bytes([w, x, y, z])),
            _ => 0,
        };
        let header_len = match *b.first()? {
            133 => 8,
            134 => 16,
            135 | 136 => 24,
            137 => 40,
            _ => return None,
        };
        if b.len() < header_len || b.get(1).copied()? != 0 {
            return None;
        }
        let options = b.get(header_len..)?;
        let (mut rest, mut count) = (options, 0usize);
        while let [_, units, ..] = rest {
            if *units == 0 {
                return None;
            }
            rest = rest.get(usize::from(*units) * 8..)?;
            count += 1;
        }
        if !rest.is_empty() || count > 256 {
            return None;
        }
        let (mut rest, mut acc) = (options, 0u64);
        while let [kind, units, ..] = rest {
            let units = *units;
            let (o, after) = rest.split_at_checked(usize::from(units) * 8).unwrap_or((rest, &[]));
            rest = after;
            let data = o.get(8..).unwrap_or(&[]);
            acc = acc.wrapping_add(match *kind {
                3 if units == 4 && o.get(2).is_some_and(|&l| l <= 128) => be32(o, 4) + be32(o, 28),
                25 if units >= 3 && units % 2 == 1 => data
                    .chunks_exact(16)
                    .fold(0u64, |s, a| s.wrapping_add((be32(a, 8) << 32) | be32(a, 12))),
                31 if units >= 2 && dnssl_names_valid(data) => {
                    let (mut q, mut start, mut total) = (0usize, 0usize, 0u64);
                    while let Some(&l) = data.get(q) {
                        if l == 0 {
                            if q == start {
                                break;
                            }
                            total += (q + 1 - start) as u64;
                            start = q + 1;
                        }
                        q += 1 + usize::from(l);
                    }
                    total
                }
                5 | 7 if units == 1 => be32(o, 4),
                1 => match o.get(2..) {
                    Some(&[_, _, _, _, _, last]) => u64::from(last),
                    _ => 0,
                },
                8 if units == 1 => match o.get(4..6) {
                    Some(&[x, y]) => u64::from(u16::from_be_bytes([x, y])),
                    _ => 0,
                },
                _ => 1,
            });
        }
        Some(acc)
    }

    /// The DNSSL names check of [`fused_decode`]: labels of 1–63 bytes, names of at most 255
    /// bytes, none running past the end, then zero padding.
    #[inline(always)]
    fn dnssl_names_valid(enc: &[u8]) -> bool {
        let (mut p, mut start) = (0usize, 0usize);
        while let Some(&l) = enc.get(p) {
            if l == 0 {
                if p == start {
                    return enc.get(p..).unwrap_or(&[]).iter().fold(0u8, |a, &b| a | b) == 0;
                }
                if p - start > 254 {
                    return false;
                }
                p += 1;
                start = p;
                continue;
            }
            if l > 63 {
                return false;
            }
            p += 1 + usize::from(l);
        }
        p == start
    }

    /// smoltcp 0.12: `NdiscRepr::parse` (it keeps options 1–5 only), the repr made opaque to
    /// the optimiser as the criterion line does.
    pub fn smoltcp_parse(bytes: &[u8]) -> u64 {
        use smoltcp::wire::{Icmpv6Packet, NdiscRepr};
        let pkt = Icmpv6Packet::new_checked(bytes).unwrap();
        let repr = std::hint::black_box(NdiscRepr::parse(&pkt).unwrap());
        u64::from(matches!(repr, NdiscRepr::RouterAdvert { .. }))
    }

    /// pnet_packet 0.35: `RouterAdvertPacket` option iteration (a `Vec` per option).
    pub fn pnet_options(bytes: &[u8]) -> u64 {
        use pnet_packet::icmpv6::ndp::RouterAdvertPacket;
        use pnet_packet::Packet as _;
        let pkt = RouterAdvertPacket::new(bytes).unwrap();
        let mut acc = 0u64;
        for o in pkt.get_options_iter() {
            acc += u64::from(o.get_option_type().0) + o.payload().len() as u64;
        }
        acc
    }
}
