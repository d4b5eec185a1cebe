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
//! - hand-fused: the same checks and reads written as one function with no API in between
//!   (`fused_decode`, held to the library's result by `benches/fused_test.rs`), with and
//!   without the checksum: what the validation itself costs;
//! - ipv6kit: parse + option iteration without decoding (the same work as pnet's line);
//! - smoltcp 0.12 `NdiscRepr::parse` (keeps options 1–5 only);
//! - pnet_packet 0.35 `RouterAdvertPacket` option iteration (allocates a Vec per option).
//!
//! `cargo bench -p ipv6kit-benches --bench ndp -- --warm-up-time 1 --measurement-time 3`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use ipv6kit::ndp::{checksum, Packet};
use ipv6kit_benches::ndp::{floor_walk, fused_decode, ipv6kit_decode, pnet_options, reference_ra, smoltcp_parse};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let (src, dst, ra) = reference_ra();
    assert!(checksum::verify(src, dst, &ra));
    // The floor line reads the same values as the full decode.
    assert_eq!(floor_walk(&ra), ipv6kit_decode(&ra));
    assert_eq!(fused_decode(&ra), Some(ipv6kit_decode(&ra)));
    let mut g = c.benchmark_group("ndp_ra_176");
    g.throughput(Throughput::Bytes(ra.len() as u64));

    g.bench_function("ipv6kit parse+checksum+decode", |b| {
        b.iter(|| {
            let bytes = black_box(&ra[..]);
            assert!(checksum::verify(black_box(src), black_box(dst), bytes));
            black_box(ipv6kit_decode(bytes))
        })
    });
    g.bench_function("hand-fused parse+checksum+decode", |b| {
        b.iter(|| {
            let bytes = black_box(&ra[..]);
            assert!(checksum::verify(black_box(src), black_box(dst), bytes));
            black_box(fused_decode(bytes))
        })
    });
    g.bench_function("hand-fused parse+decode (no checksum)", |b| {
        b.iter(|| black_box(fused_decode(black_box(&ra[..]))))
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
        b.iter(|| black_box(smoltcp_parse(black_box(&ra[..]))))
    });
    g.bench_function("pnet_packet option iteration", |b| {
        b.iter(|| black_box(pnet_options(black_box(&ra[..]))))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
