//! Referee: the Linux kernel resolves a zone the way `ipv6kit::scoped` does.
//!
//! How it runs the kernel: two network namespaces joined by a veth pair (`netlab::Link`: `va`
//! in A, `vb` in B, fixed MACs, so the link-locals are the modified EUI-64 ones). Then, in A:
//! - **ipv6kit's resolver runs inside A**: the test binary re-runs itself under
//!   `ip netns exec A` (the ignored helper test `zone_resolver_helper`, given the text
//!   `fe80::…%va` in an environment variable). `ip netns exec` mounts A's `/sys`, so
//!   `ScopedAddr::resolve` reads A's `/sys/class/net/va/ifindex`, exactly as a tool run in A
//!   would. The helper prints the index it resolved.
//! - the kernel's own view: `ip -j link show dev va` in A gives va's `ifindex`;
//! - `ping -c1 -W2 fe80::…%va` from A reaches B (ping hands the zone to the kernel through
//!   `getaddrinfo`/`if_nametoindex`), and so does `ping fe80::…%<index ipv6kit resolved>`,
//!   while `%lo` (another zone) does not.

use crate::netlab::{self, Link};
use ipv6kit::scoped::{ScopedAddr, Zone};
use std::net::Ipv6Addr;
use std::time::Duration;

const HELPER_ENV: &str = "IPV6KIT_ZONE_HELPER";

/// Not a test of its own: `kernel_zone_index_matches_ipv6kit` runs it inside a namespace with
/// `IPV6KIT_ZONE_HELPER=<address%zone>`, and it prints the interface index ipv6kit resolves.
#[test]
#[ignore = "helper: run inside a network namespace by kernel_zone_index_matches_ipv6kit"]
fn zone_resolver_helper() {
    let Ok(text) = std::env::var(HELPER_ENV) else {
        eprintln!("{HELPER_ENV} is not set: this helper only runs under kernel_zone_index_matches_ipv6kit");
        return;
    };
    let scoped: ScopedAddr = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
    let resolved = scoped.resolve().unwrap_or_else(|e| panic!("{text}: {e}"));
    let Zone::Index(index) = resolved.zone() else {
        panic!("resolve() left a name")
    };
    let sa = resolved.socket_addr(0).unwrap();
    assert_eq!(sa.scope_id(), index);
    println!("IFINDEX={index}");
}

fn wait_for_link_local(ns: &netlab::Netns, dev: &str) {
    netlab::wait_for(
        &format!("a non-tentative link-local on {dev}"),
        Duration::from_secs(10),
        || {
            let all = ns.exec(&["ip", "-6", "addr", "show", "dev", dev, "scope", "link"]);
            let tentative = ns.exec(&["ip", "-6", "addr", "show", "dev", dev, "tentative"]);
            (all.contains("fe80::") && tentative.trim().is_empty()).then_some(())
        },
    );
}

fn kernel_ifindex(ns: &netlab::Netns, dev: &str) -> u32 {
    let json = ns.exec(&["ip", "-j", "link", "show", "dev", dev]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("ip -j link: {e}: {json}"));
    v[0]["ifindex"]
        .as_u64()
        .unwrap_or_else(|| panic!("no ifindex in {json}")) as u32
}

#[test]
fn kernel_zone_index_matches_ipv6kit() {
    if !netlab::require("kernel_zone_index_matches_ipv6kit", true, &["ip", "ping"]) {
        return;
    }
    let link = Link::new(Some("02:00:00:00:00:01"), Some("02:00:00:00:00:02"), true);
    wait_for_link_local(&link.a, "va");
    wait_for_link_local(&link.b, "vb");

    // B's link-local, as the kernel formed it; ipv6kit forms the same from the MAC.
    let peer: Ipv6Addr = ipv6kit::iid::link_local(ipv6kit::mac::parse_mac("02:00:00:00:00:02").unwrap());
    let shown = link.b.exec(&["ip", "-6", "addr", "show", "dev", "vb", "scope", "link"]);
    assert!(shown.contains(&format!("{peer}/64")), "vb has no {peer}: {shown}");

    // ipv6kit resolves "va" inside A.
    let text = format!("{peer}%va");
    let exe = std::env::current_exe().expect("test binary path");
    let out = std::process::Command::new("ip")
        .args(["netns", "exec", &link.a.name])
        .arg(&exe)
        .args([
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
            "kernel_zone::zone_resolver_helper",
        ])
        .env(HELPER_ENV, &text)
        .output()
        .expect("re-run the test binary in the namespace");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "helper failed: {stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ours: u32 = stdout
        .lines()
        .find_map(|l| l.split_once("IFINDEX=").map(|(_, rest)| rest))
        .unwrap_or_else(|| panic!("helper printed no IFINDEX: {stdout}"))
        .split(|c: char| !c.is_ascii_digit())
        .next()
        .and_then(|d| d.parse().ok())
        .unwrap_or_else(|| panic!("IFINDEX is not a number: {stdout}"));

    // The kernel's index for va in A.
    let kernel = kernel_ifindex(&link.a, "va");
    assert_eq!(ours, kernel, "ipv6kit resolved va to {ours}, the kernel says {kernel}");

    // The kernel resolves the name zone to the same link: ping reaches B by name and by our index.
    let by_name = link.a.output(&["ping", "-c1", "-W2", &text]);
    assert!(
        by_name.status.success(),
        "ping {text}: {}",
        String::from_utf8_lossy(&by_name.stdout)
    );
    let by_index = format!("{peer}%{ours}");
    let by_idx = link.a.output(&["ping", "-c1", "-W2", &by_index]);
    assert!(
        by_idx.status.success(),
        "ping {by_index}: {}",
        String::from_utf8_lossy(&by_idx.stdout)
    );
    // And a different zone does not reach it.
    let wrong = link.a.output(&["ping", "-c1", "-W1", &format!("{peer}%lo")]);
    assert!(!wrong.status.success(), "ping via lo reached the peer?");

    // The scoped socket address ipv6kit builds is what std would hand the kernel.
    let sa = format!("[{peer}%{ours}]:22").parse::<std::net::SocketAddrV6>().unwrap();
    assert_eq!(text.parse::<ScopedAddr>().unwrap().addr(), *sa.ip());
    assert_eq!(sa.scope_id(), kernel);
}
