//! Neighbor Discovery parsing on the 176-byte RA of tcpdump's test suite
//! (`ipv6kit/tests/data/ndp/tcpdump-icmpv6-ra.pcap`, a copy of shared/vectors'), side by side in
//! one run:
//! - ipv6kit: parse + checksum verify + decode of every option (PIO fields, every RDNSS address,
//!   every DNSSL name delimited and validated, MTU, SLLA as a MAC, Advertisement Interval, Home
//!   Agent Information), the values folded into a number so nothing is optimised away;
//! - ipv6kit: the ICMPv6 checksum alone over the same bytes (issue target: the line above
//!   ≤ 2× this one);
//! - ipv6kit: parse + decode without the checksum (what the two peers below do);
//! - the floor: the option walk and the DNSSL label walk with nothing checked, reading the same
//!   fields (the least any decoder must do; the full decode's cost above the checksum cannot
//!   go below it);
//! - ipv6kit: parse + option iteration without decoding (the same work as pnet's line);
//! - smoltcp 0.12 `NdiscRepr::parse` (keeps options 1–5 only);
//! - pnet_packet 0.35 `RouterAdvertPacket` option iteration (allocates a Vec per option).
//!
//! `cargo bench -p ipv6kit-benches --bench ndp -- --warm-up-time 1 --measurement-time 3`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use ipv6kit::ndp::option::NdpOption;
use ipv6kit::ndp::{checksum, frame, Packet};
use std::hint::black_box;
use std::net::Ipv6Addr;

/// The RA frame's addresses and ICMPv6 bytes.
fn reference_ra() -> (Ipv6Addr, Ipv6Addr, Vec<u8>) {
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
fn ipv6kit_decode(bytes: &[u8]) -> u64 {
    let p = Packet::parse(bytes).unwrap();
    let mut acc = 0u64;
    for o in p.decoded_options() {
        acc += match o {
            NdpOption::PrefixInformation(x) => u64::from(x.valid_lifetime) + u64::from(x.prefix.to_bits() as u32),
            NdpOption::RecursiveDnsServer(x) => x.addresses().map(|a| a.to_bits() as u64).sum::<u64>(),
            NdpOption::DnsSearchList(x) => x.names().map(|n| n.as_bytes().len() as u64).sum::<u64>(),
            NdpOption::Mtu(x) => u64::from(x.mtu),
            NdpOption::SourceLinkLayerAddress(x) => x.mac().map_or(0, |m| u64::from(m.as_bytes()[5])),
            NdpOption::AdvertisementInterval(x) => u64::from(x.interval_ms),
            NdpOption::HomeAgentInformation(x) => u64::from(x.preference),
            _ => 1,
        };
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
fn floor_walk(b: &[u8]) -> u64 {
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

fn bench(c: &mut Criterion) {
    let (src, dst, ra) = reference_ra();
    assert!(checksum::verify(src, dst, &ra));
    // The floor line reads the same values as the full decode.
    assert_eq!(floor_walk(&ra), ipv6kit_decode(&ra));
    let mut g = c.benchmark_group("ndp_ra_176");
    g.throughput(Throughput::Bytes(ra.len() as u64));

    g.bench_function("ipv6kit parse+checksum+decode", |b| {
        b.iter(|| {
            let bytes = black_box(&ra[..]);
            assert!(checksum::verify(black_box(src), black_box(dst), bytes));
            black_box(ipv6kit_decode(bytes))
        })
    });
    g.bench_function("floor: option and label walk, nothing checked", |b| {
        b.iter(|| black_box(floor_walk(black_box(&ra[..]))))
    });
    g.bench_function("ipv6kit checksum only", |b| {
        b.iter(|| black_box(checksum::verify(black_box(src), black_box(dst), black_box(&ra[..]))))
    });
    g.bench_function("ipv6kit parse+decode (no checksum)", |b| {
        b.iter(|| black_box(ipv6kit_decode(black_box(&ra[..]))))
    });
    g.bench_function("ipv6kit parse+option iteration", |b| {
        b.iter(|| {
            let p = Packet::parse(black_box(&ra[..])).unwrap();
            black_box(
                p.options()
                    .map(|o| u64::from(o.option_type()) + o.as_bytes().len() as u64)
                    .sum::<u64>(),
            )
        })
    });
    g.bench_function("smoltcp NdiscRepr::parse", |b| {
        use smoltcp::wire::{Icmpv6Packet, NdiscRepr};
        b.iter(|| {
            let bytes: &[u8] = black_box(&ra[..]);
            let pkt = Icmpv6Packet::new_checked(bytes).unwrap();
            black_box(NdiscRepr::parse(&pkt).unwrap())
        })
    });
    g.bench_function("pnet_packet option iteration", |b| {
        use pnet_packet::icmpv6::ndp::RouterAdvertPacket;
        use pnet_packet::Packet as _;
        b.iter(|| {
            let pkt = RouterAdvertPacket::new(black_box(&ra[..])).unwrap();
            let mut acc = 0u64;
            for o in pkt.get_options_iter() {
                acc += u64::from(o.get_option_type().0) + o.payload().len() as u64;
            }
            black_box(acc)
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
