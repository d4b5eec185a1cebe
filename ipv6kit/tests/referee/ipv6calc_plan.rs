//! Referee: ipv6calc (Debian's ipv6calc 1.0.0), run as a subprocess, for the address facts
//! the plan checks derive: which static addresses carry a MAC (P301), and which prefixes lie
//! in special-purpose space (P201). There is no plan checker to referee the checks against
//! as a whole; these are the facts under them.

use crate::netlab::{require, run, Rng};
use ipv6kit::plan::{check, Code, Entry, Plan};
use ipv6kit::Ipv6Net;
use std::net::Ipv6Addr;

fn findings_for(prefix: Ipv6Net) -> Vec<check::Finding> {
    check::check(&Plan::new(vec![Entry::new(prefix)]).unwrap())
}

/// `KEY=value` from `ipv6calc -qim ADDR`.
fn machine_info(addr: Ipv6Addr) -> Vec<(String, String)> {
    run(&["ipv6calc", "-qim", &addr.to_string()])
        .lines()
        .filter_map(|l| l.split_once('=').map(|(k, v)| (k.to_string(), v.to_string())))
        .collect()
}

#[test]
fn ipv6calc_plan_static_addresses_carrying_a_mac() {
    if !require("ipv6calc_plan_static_addresses_carrying_a_mac", false, &["ipv6calc"]) {
        return;
    }
    let mut rng = Rng::for_test("ipv6calc_plan_static_addresses_carrying_a_mac");
    let (mut agreed_mac, mut agreed_none) = (0, 0);
    for k in 0..120 {
        // In 2000::/3: ipv6calc reads IIDs of global unicast addresses only.
        let prefix = u128::from((rng.next_u64() & 0x1fff_ffff_ffff_ffff) | 0x2000_0000_0000_0000) << 64;
        let iid = if k % 2 == 0 {
            // A MAC-derived IID, built by ipv6calc from a random MAC.
            let m = rng.bytes::<6>();
            let mac = m.iter().map(|b| format!("{b:02x}")).collect::<Vec<_>>().join(":");
            let net = Ipv6Net::new(Ipv6Addr::from_bits(prefix), 64).unwrap().to_string();
            let out = run(&[
                "ipv6calc",
                "-q",
                "-A",
                "prefixmac2ipv6",
                "-I",
                "prefix+mac",
                "-O",
                "ipv6addr",
                &net,
                &mac,
            ]);
            let a: Ipv6Net = out.trim().parse().unwrap();
            a.addr().to_bits() & u128::from(u64::MAX)
        } else {
            u128::from(rng.next_u64())
        };
        let addr = Ipv6Addr::from_bits(prefix | iid);
        let theirs = machine_info(addr)
            .into_iter()
            .find(|(k, _)| k == "EUI48")
            .map(|(_, v)| v.to_lowercase());
        let f = findings_for(Ipv6Net::new(addr, 128).unwrap());
        if f.iter().any(|f| f.code == Code::P302) {
            continue; // a reserved IID (RFC 5453) is reported as such instead
        }
        let ours = f.iter().find(|f| f.code == Code::P301);
        match (&theirs, ours) {
            (Some(mac), Some(f)) => {
                assert!(f.message.to_lowercase().contains(mac.as_str()), "{addr}: {}", f.message);
                agreed_mac += 1;
            }
            (None, None) => agreed_none += 1,
            _ => panic!("{addr}: ipv6calc EUI48 {theirs:?}, ours {ours:?}"),
        }
    }
    // Half the cases carry a MAC by construction: both kinds of agreement must really occur,
    // or the comparison above proved nothing.
    assert!(
        agreed_mac >= 50 && agreed_none >= 50,
        "MAC agreements {agreed_mac}, no-MAC agreements {agreed_none}"
    );
}

#[test]
fn ipv6calc_plan_special_purpose_space() {
    if !require("ipv6calc_plan_special_purpose_space", false, &["ipv6calc"]) {
        return;
    }
    // ipv6calc's type tokens that mean a special-purpose block, and prefixes to probe (each
    // probed at its first address + 1).
    const SPECIAL: [&str; 6] = [
        "reserved",
        "link-local",
        "unique-local-unicast",
        "6to4",
        "teredo",
        "nat64",
    ];
    for p in [
        "2001:db8:ebbd::/48",
        "fd3c:9a41:2b77::/48",
        "fe80::/64",
        "2002:c000:204::/48",
        "2001:0:4136:e378::/64",
        "64:ff9b::/96",
        "100::/64",
        "2a00:1450::/32",
        "2600::/24",
        "2001:4860::/32",
    ] {
        let net: Ipv6Net = p.parse().unwrap();
        let probe = Ipv6Addr::from_bits(net.network().to_bits() + 1);
        let types = machine_info(probe)
            .into_iter()
            .find(|(k, _)| k == "IPV6_TYPE")
            .map(|(_, v)| v)
            .unwrap();
        let theirs = types.split(',').any(|t| SPECIAL.contains(&t));
        let ours = findings_for(net).iter().any(|f| f.code == Code::P201);
        assert_eq!(ours, theirs, "{p}: ipv6calc says {types}");
    }
}
