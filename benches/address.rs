//! Address-core throughput: solicited-node groups and modified EUI-64 over 1,000,000
//! addresses, side by side with a loop that only copies the same addresses (the floor any
//! per-address computation must pay). Issue target: each ≤ 3× the copy.
//!
//! `cargo bench -p ipv6kit-benches --bench address`

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use ipv6kit::iid::{slaac, Iid};
use ipv6kit::multicast::solicited_node;
use ipv6kit::{Ipv6Net, MacAddr6};
use ipv6kit_benches::addresses;
use std::hint::black_box;
use std::net::Ipv6Addr;

const N: usize = 1_000_000;

fn bench(c: &mut Criterion) {
    let addrs = addresses(N);
    let macs: Vec<MacAddr6> = addrs
        .iter()
        .map(|a| {
            let o = a.octets();
            MacAddr6::new(o[0], o[1], o[2], o[3], o[4], o[5])
        })
        .collect();
    let prefix: Ipv6Net = "2001:db8:1:2::/64".parse().unwrap();
    let mut out: Vec<Ipv6Addr> = vec![Ipv6Addr::UNSPECIFIED; N];

    let mut g = c.benchmark_group("address_1M");
    g.throughput(Throughput::Elements(N as u64));
    g.sample_size(20);
    g.bench_function("copy (baseline)", |b| {
        b.iter(|| {
            for (o, a) in out.iter_mut().zip(black_box(&addrs)) {
                *o = *a;
            }
            black_box(&out);
        })
    });
    g.bench_function("solicited_node", |b| {
        b.iter(|| {
            for (o, a) in out.iter_mut().zip(black_box(&addrs)) {
                *o = solicited_node(*a);
            }
            black_box(&out);
        })
    });
    g.bench_function("eui64 link_local", |b| {
        b.iter(|| {
            for (o, m) in out.iter_mut().zip(black_box(&macs)) {
                *o = ipv6kit::iid::link_local(*m);
            }
            black_box(&out);
        })
    });
    g.bench_function("eui64 slaac (/64 + MAC)", |b| {
        b.iter(|| {
            for (o, m) in out.iter_mut().zip(black_box(&macs)) {
                *o = slaac(prefix, *m).unwrap_or(Ipv6Addr::UNSPECIFIED);
            }
            black_box(&out);
        })
    });
    g.bench_function("iid to_mac (EUI-64 back)", |b| {
        b.iter(|| {
            let mut found = 0usize;
            for a in black_box(&addrs) {
                found += usize::from(Iid::of(*a).to_mac().is_some());
            }
            black_box(found)
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
