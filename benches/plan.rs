//! Address plans at scale: a million prefixes built into a tree and checked, side by side
//! with sorting the same prefixes (the floor any containment tree pays). Issue 6 asks for
//! ≤ 3× the sort.
//!
//! `cargo bench -p ipv6kit-benches --bench plan`

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use ipv6kit::plan::{check, Entry, Plan, Role};
use ipv6kit::Ipv6Net;
use ipv6kit_benches::addresses;

/// A large ISP's plan: 2001:db8::/32 with 16,000 customer /48 sites, each holding four /56s
/// of fourteen /64 LANs, and three static hosts in its first LAN — 1,024,001 prefixes with a
/// role and a description each, at scattered subnet IDs, written in a shuffled order (a plan
/// merged from many files). Built once; each iteration gets a fresh copy.
fn plan_entries() -> Vec<Entry> {
    let mut rng = addresses(1_100_000).into_iter().map(|a| a.to_bits());
    let mut next = move || rng.next().unwrap_or(0x9e37_79b9_7f4a_7c15);
    let base = 0x2001_0db8u128 << 96;
    let mut out = vec![Entry::new("2001:db8::/32".parse().unwrap()).with_role(Role::Delegation)];
    let net = |bits: u128, len: u8| Ipv6Net::new(std::net::Ipv6Addr::from_bits(bits), len).unwrap();
    for site in 0..16_000u128 {
        // Scattered but distinct: an odd multiplier permutes the 16-bit site IDs.
        let s = base | (((site * 40_503) & 0xffff) << 80);
        out.push(
            Entry::new(net(s, 48))
                .with_role(Role::Site)
                .with_description("customer site"),
        );
        for k in 0..4u128 {
            let p56 = s | (((k * 67 + site) & 0xff) << 72);
            out.push(
                Entry::new(net(p56, 56))
                    .with_role(Role::Pool)
                    .with_description("building"),
            );
            for l in 0..14u128 {
                let p64 = p56 | (((l * 37 + k) & 0xff) << 64);
                out.push(Entry::new(net(p64, 64)).with_role(Role::Lan).with_description("LAN"));
                if k == 0 && l == 0 {
                    for _ in 0..3 {
                        let host = p64 | (next() & 0xffff_ffff_ffff_ffff & !0x0000_00ff_fe00_0000);
                        out.push(
                            Entry::new(net(host, 128))
                                .with_role(Role::Host)
                                .with_description("server"),
                        );
                    }
                }
            }
        }
    }
    // Shuffle (Fisher–Yates with the same fixed-seed stream).
    for i in (1..out.len()).rev() {
        let j = (next() % (i as u128 + 1)) as usize;
        out.swap(i, j);
    }
    out
}

fn bench(c: &mut Criterion) {
    let entries = plan_entries();
    let prefixes: Vec<Ipv6Net> = entries.iter().map(|e| e.prefix).collect();
    let mut g = c.benchmark_group("plan_1m");
    g.sample_size(10);
    g.bench_function("sort_prefixes", |b| {
        b.iter_batched(
            || prefixes.clone(),
            |mut v| {
                v.sort_unstable();
                v
            },
            BatchSize::LargeInput,
        )
    });
    g.bench_function("build_tree_and_check", |b| {
        b.iter_batched(
            || entries.clone(),
            |v| {
                let plan = Plan::new(v).unwrap();
                let findings = check::check(&plan);
                (plan, findings)
            },
            BatchSize::LargeInput,
        )
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
