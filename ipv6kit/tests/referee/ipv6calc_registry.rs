//! Referee: ipv6calc 1.0's address type flags against `ipv6kit::registry` and
//! `ipv6kit::describe`.
//!
//! How it runs ipv6calc: one process, `ipv6calc -q -i -m`, reading every address on standard
//! input (its pipe mode) and printing one block of `KEY=VALUE` lines per address, starting
//! with `IPV6=` (the address, uncompressed). We read `IPV6_TYPE` (comma-separated flags),
//! `IPV6_REGISTRY` and the `IPV4[...]` lines.
//!
//! What is compared, on ≥ 500 random addresses drawn from every registry entry plus random
//! global unicast, link-local, multicast and IPv4-compatible addresses:
//! - `mapped` ⇔ `registry::is_ipv4_mapped`; `compat-v4` ⇔ `Kind::Ipv4Compatible`;
//! - `6to4` ⇔ `registry::is_6to4`; `teredo` ⇔ `registry::is_teredo`;
//! - `nat64` ⇔ inside `64:ff9b::/96` (see difference 1);
//! - `unique-local-unicast` ⇔ `registry::is_ula`;
//! - `link-local` ⇔ `registry::is_link_local` for unicast, link scope for multicast (see 3);
//! - documentation ⇔ `IPV6_REGISTRY` naming RFC 3849 (ipv6calc has no type flag for it; see 2);
//! - the IPv4 address ipv6kit finds inside (mapped, 6to4, Teredo client, NAT64) is one of
//!   ipv6calc's `IPV4[...]` values.
//!
//! Deliberate differences, each pinned by its own test below:
//! 1. `64:ff9b:1::/48` (RFC 8215, 2017, local-use NAT64): ipv6calc 1.0 knows only
//!    `64:ff9b::/96`; `registry::is_nat64` follows the current registry and includes both.
//! 2. `3fff::/20` (RFC 9637, 2024): ipv6calc 1.0 (2017) does not know it; we call it
//!    documentation.
//! 3. Link-scoped multicast with flags (`ff12::`, `ff32::`): ipv6calc says `link-local` only for
//!    `ff02::/16`; ipv6kit reads the scope nibble whatever the flags (RFC 4291 §2.7).
//! 4. ORCHID: ipv6calc's `orchid` flag is the terminated `2001:10::/28` (RFC 4843); the current
//!    registry's ORCHIDv2 is `2001:20::/28` (RFC 7343), which is what `registry::is_orchid`
//!    means. `registry::is_orchid_deprecated` agrees with ipv6calc's flag.

use crate::netlab;
use ipv6kit::describe::{describe, Embedding, Kind};
use ipv6kit::registry;
use std::collections::BTreeSet;
use std::net::{Ipv4Addr, Ipv6Addr};

/// What ipv6calc said about one address.
struct Verdict {
    addr: Ipv6Addr,
    types: BTreeSet<String>,
    registry: String,
    ipv4: Vec<Ipv4Addr>,
}

/// Runs ipv6calc once over all `addrs`; one verdict per address, in order.
fn ipv6calc(addrs: &[Ipv6Addr]) -> Vec<Verdict> {
    let input: String = addrs.iter().map(|a| format!("{a}\n")).collect();
    let out = netlab::run_with_stdin(&["ipv6calc", "-q", "-i", "-m"], &input);
    let mut verdicts: Vec<Verdict> = Vec::new();
    for line in out.lines() {
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        if key == "IPV6" {
            let addr = value
                .parse()
                .unwrap_or_else(|e| panic!("ipv6calc printed IPV6={value}: {e}"));
            verdicts.push(Verdict {
                addr,
                types: BTreeSet::new(),
                registry: String::new(),
                ipv4: Vec::new(),
            });
            continue;
        }
        let Some(v) = verdicts.last_mut() else { continue };
        if key == "IPV6_TYPE" {
            v.types = value.split(',').map(str::to_owned).collect();
        } else if key == "IPV6_REGISTRY" {
            v.registry = value.to_owned();
        } else if key.starts_with("IPV4[") {
            v.ipv4
                .push(value.parse().unwrap_or_else(|e| panic!("IPV4 value {value}: {e}")));
        }
    }
    assert_eq!(
        verdicts.len(),
        addrs.len(),
        "ipv6calc answered for {} of {} addresses",
        verdicts.len(),
        addrs.len()
    );
    for (v, a) in verdicts.iter().zip(addrs) {
        assert_eq!(v.addr, *a, "ipv6calc's answers are out of order");
    }
    verdicts
}

fn random_in(rng: &mut netlab::Rng, net: ipnet::Ipv6Net) -> Ipv6Addr {
    let r = u128::from_be_bytes(rng.bytes::<16>());
    let len = u32::from(net.prefix_len());
    let host = if len >= 128 { 0 } else { r & (u128::MAX >> len) };
    Ipv6Addr::from_bits(net.network().to_bits() | host)
}

fn sample(rng: &mut netlab::Rng) -> Vec<Ipv6Addr> {
    let mut out = Vec::new();
    for e in registry::ENTRIES {
        for _ in 0..20 {
            out.push(random_in(rng, e.prefix));
        }
    }
    for (net, n) in [
        ("2000::/3", 100),
        ("fe80::/10", 20),
        ("ff00::/8", 40),
        ("ff02::/16", 10),
        ("::/96", 10),
    ] {
        let net: ipnet::Ipv6Net = net.parse().unwrap();
        for _ in 0..n {
            out.push(random_in(rng, net));
        }
    }
    out
}

fn has(v: &Verdict, flag: &str) -> bool {
    v.types.contains(flag)
}

#[test]
fn ipv6calc_type_flags_agree_on_random_registry_addresses() {
    if !netlab::require(
        "ipv6calc_type_flags_agree_on_random_registry_addresses",
        false,
        &["ipv6calc"],
    ) {
        return;
    }
    let mut rng = netlab::Rng::for_test("ipv6calc_registry");
    let addrs = sample(&mut rng);
    assert!(addrs.len() >= 500, "{} addresses", addrs.len());
    let verdicts = ipv6calc(&addrs);
    let mut compared = 0;
    for v in &verdicts {
        let a = v.addr;
        let d = describe(a);
        let ctx = || format!("{a}: ipv6calc says {:?} / {}", v.types, v.registry);
        assert_eq!(registry::is_ipv4_mapped(a), has(v, "mapped"), "mapped: {}", ctx());
        assert_eq!(
            d.kind == Kind::Ipv4Compatible,
            has(v, "compat-v4"),
            "compat-v4: {}",
            ctx()
        );
        assert_eq!(registry::is_6to4(a), has(v, "6to4"), "6to4: {}", ctx());
        assert_eq!(registry::is_teredo(a), has(v, "teredo"), "teredo: {}", ctx());
        assert_eq!(
            registry::NAT64_WELL_KNOWN.contains(&a),
            has(v, "nat64"),
            "nat64: {}",
            ctx()
        );
        assert_eq!(registry::is_ula(a), has(v, "unique-local-unicast"), "ULA: {}", ctx());
        assert_eq!(registry::is_orchid_deprecated(a), has(v, "orchid"), "orchid: {}", ctx());
        let ours_ll = if a.is_multicast() {
            // Difference 3: ipv6calc only knows flag-less link-scope multicast.
            a.segments()[0] == 0xff02
        } else {
            registry::is_link_local(a)
        };
        assert_eq!(ours_ll, has(v, "link-local"), "link-local: {}", ctx());
        // Difference 2: only the 2001:db8::/32 half of our documentation space is in ipv6calc.
        let doc_2001 = registry::DOCUMENTATION.contains(&a);
        assert_eq!(doc_2001, v.registry.contains("RFC3849"), "documentation: {}", ctx());
        if doc_2001 {
            assert!(registry::is_documentation(a));
        }
        if let Some(e) = d.embedded_ipv4 {
            let compared_kind = matches!(
                e.embedding,
                Embedding::Mapped | Embedding::SixToFour | Embedding::Teredo { .. }
            ) || matches!(e.embedding, Embedding::Nat64 { prefix } if prefix == registry::NAT64_WELL_KNOWN);
            if compared_kind {
                assert!(
                    v.ipv4.contains(&e.ipv4),
                    "embedded IPv4 {} not among ipv6calc's {:?}: {}",
                    e.ipv4,
                    v.ipv4,
                    ctx()
                );
            }
        }
        compared += 1;
    }
    assert!(compared >= 500);
}

#[test]
fn difference_local_use_nat64_is_nat64_for_us_only() {
    if !netlab::require("difference_local_use_nat64_is_nat64_for_us_only", false, &["ipv6calc"]) {
        return;
    }
    let a: Ipv6Addr = "64:ff9b:1::a00:1".parse().unwrap();
    let v = &ipv6calc(&[a])[0];
    assert!(!has(v, "nat64"), "ipv6calc 1.0 learnt RFC 8215? {:?}", v.types);
    assert!(registry::is_nat64(a));
    assert_eq!(registry::lookup(a).unwrap().rfc, "RFC 8215");
}

#[test]
fn difference_rfc9637_documentation_is_unknown_to_ipv6calc() {
    if !netlab::require(
        "difference_rfc9637_documentation_is_unknown_to_ipv6calc",
        false,
        &["ipv6calc"],
    ) {
        return;
    }
    let a: Ipv6Addr = "3fff::1".parse().unwrap();
    let v = &ipv6calc(&[a])[0];
    assert!(!v.registry.contains("RFC"), "ipv6calc 1.0 calls 3fff::1 {}", v.registry);
    assert!(has(v, "global-unicast"));
    assert!(registry::is_documentation(a) && !registry::is_global(a));
}

#[test]
fn difference_flagged_link_scope_multicast() {
    if !netlab::require("difference_flagged_link_scope_multicast", false, &["ipv6calc"]) {
        return;
    }
    let addrs: Vec<Ipv6Addr> = ["ff02::1", "ff12::1", "ff32::1"]
        .iter()
        .map(|s| s.parse().unwrap())
        .collect();
    let v = ipv6calc(&addrs);
    assert!(has(&v[0], "link-local"));
    assert!(!has(&v[1], "link-local") && !has(&v[2], "link-local"));
    for a in addrs {
        assert_eq!(describe(a).scope, Some(ipv6kit::multicast::Scope::LinkLocal), "{a}");
    }
}

#[test]
fn difference_orchid_generations() {
    if !netlab::require("difference_orchid_generations", false, &["ipv6calc"]) {
        return;
    }
    let addrs: Vec<Ipv6Addr> = ["2001:10::1", "2001:20::1"]
        .iter()
        .map(|s| s.parse().unwrap())
        .collect();
    let v = ipv6calc(&addrs);
    assert!(has(&v[0], "orchid") && !has(&v[1], "orchid"));
    assert!(!registry::is_orchid(addrs[0]) && registry::is_orchid_deprecated(addrs[0]));
    assert!(registry::is_orchid(addrs[1]) && registry::is_global(addrs[1]));
}
