//! Referee: the Linux kernel, in network namespaces (shared/netlab.md).
//!
//! - the link-local address it forms from a MAC with `addr_gen_mode` 0 (modified EUI-64);
//! - the solicited-node groups it joins for the addresses on an interface (`/proc/net/igmp6`).

use crate::netlab::{require, wait_for, Link, Rng};
use ipv6kit::iid::link_local;
use ipv6kit::multicast::{is_solicited_node, solicited_node};
use ipv6kit::{mac, MacAddr6};
use std::collections::BTreeMap;
use std::net::Ipv6Addr;
use std::time::Duration;

/// The link-local addresses of `dev` in `ns`, from `ip -6 addr` (scope link).
fn link_locals(link: &Link, dev: &str) -> Vec<Ipv6Addr> {
    let out = link
        .a
        .exec(&["ip", "-6", "-o", "addr", "show", "dev", dev, "scope", "link"]);
    out.lines()
        .filter_map(|l| {
            let mut it = l.split_whitespace();
            it.find(|w| *w == "inet6")?;
            it.next()?.split('/').next()?.parse().ok()
        })
        .collect()
}

#[test]
fn kernel_link_local_from_random_macs() {
    if !require("kernel_link_local_from_random_macs", true, &["ip"]) {
        return;
    }
    let mut rng = Rng::for_test("kernel_link_local_from_random_macs");
    let link = Link::new(None, None, false);
    link.a.sysctl("net.ipv6.conf.va.addr_gen_mode", "0");
    link.b.exec(&["ip", "link", "set", "vb", "up"]);
    for i in 0..60 {
        let mut b = rng.bytes::<6>();
        b[0] &= 0xfe; // unicast: the kernel refuses a group address on an interface
        if i % 3 == 0 {
            b[0] &= !0x02; // universally administered
        } else if i % 3 == 1 {
            b[0] |= 0x02; // locally administered
        }
        if b == [0; 6] {
            b[5] = 1;
        }
        let m = MacAddr6::from(b);
        let ms = mac::lowercase(m).to_string();
        link.a.exec(&["ip", "link", "set", "va", "down"]);
        link.a.exec(&["ip", "link", "set", "va", "address", &ms]);
        link.a.exec(&["ip", "link", "set", "va", "up"]);
        let got = wait_for(&format!("link-local for {ms}"), Duration::from_secs(5), || {
            let l = link_locals(&link, "va");
            (!l.is_empty()).then_some(l)
        });
        assert_eq!(got, vec![link_local(m)], "MAC {ms}");
    }
}

/// Parses `/proc/net/igmp6` for one device: group → users.
fn igmp6(link: &Link, dev: &str) -> BTreeMap<Ipv6Addr, u32> {
    let out = link.a.exec(&["cat", "/proc/net/igmp6"]);
    let mut groups = BTreeMap::new();
    for line in out.lines() {
        let f: Vec<&str> = line.split_whitespace().collect();
        if f.len() < 4 || f[1] != dev {
            continue;
        }
        let v = u128::from_str_radix(f[2], 16).unwrap_or_else(|e| panic!("bad group {:?}: {e}", f[2]));
        groups.insert(Ipv6Addr::from_bits(v), f[3].parse().unwrap());
    }
    groups
}

#[test]
fn kernel_solicited_node_joins() {
    if !require("kernel_solicited_node_joins", true, &["ip"]) {
        return;
    }
    let mut rng = Rng::for_test("kernel_solicited_node_joins");
    let link = Link::new(Some("02:00:00:00:00:01"), None, true);
    // 240 random addresses in 2001:db8::/32, plus a few that share their low 24 bits, so the
    // kernel's reference counting (`users`) is exercised too.
    let mut addrs: Vec<Ipv6Addr> = (0..240)
        .map(|_| {
            Ipv6Addr::from_bits(
                0x2001_0db8u128 << 96 | u128::from(rng.next_u64()) << 32 | u128::from(rng.next_u64() as u32),
            )
        })
        .collect();
    for i in 0..10 {
        let twin = Ipv6Addr::from_bits(addrs[i].to_bits() ^ (0xabcdu128 << 64));
        addrs.push(twin);
    }
    let batch: String = addrs
        .iter()
        .map(|a| format!("addr add {a}/64 dev va nodad\n"))
        .collect();
    let path = std::env::temp_dir().join(format!("ipk-batch-{}", std::process::id()));
    std::fs::write(&path, batch).unwrap();
    link.a.exec(&["ip", "-6", "-batch", path.to_str().unwrap()]);
    let _ = std::fs::remove_file(&path);

    let mut all = addrs.clone();
    all.push(link_local(mac::parse_mac("02:00:00:00:00:01").unwrap()));
    let mut want: BTreeMap<Ipv6Addr, u32> = BTreeMap::new();
    for a in &all {
        *want.entry(solicited_node(*a)).or_default() += 1;
    }
    let got = wait_for("all solicited-node joins", Duration::from_secs(10), || {
        let g = igmp6(&link, "va");
        let sn: BTreeMap<Ipv6Addr, u32> = g
            .iter()
            .filter(|(k, _)| is_solicited_node(**k))
            .map(|(k, v)| (*k, *v))
            .collect();
        (sn.len() >= want.len()).then_some(g)
    });
    let got_sn: BTreeMap<Ipv6Addr, u32> = got
        .iter()
        .filter(|(k, _)| is_solicited_node(**k))
        .map(|(k, v)| (*k, *v))
        .collect();
    assert_eq!(got_sn, want, "solicited-node groups and their users");
    // Every other group the kernel joined is a well-known one, not something we missed.
    for g in got.keys().filter(|k| !is_solicited_node(**k)) {
        assert!(ipv6kit::multicast::groups::name(*g).is_some(), "unexpected group {g}");
    }
}
