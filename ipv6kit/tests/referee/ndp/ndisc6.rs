//! ndisc6 1.0.5's rdisc6 and ndisc6 as referees: they read ipv6kit-built RAs and NAs off the
//! wire and print them. rdisc6's text is also what our `Display` imitates, line for line.

use super::super::netlab::{self, Link};
use super::{rawio_spawn, wait_dad};
use ipv6kit::ndp::build::{self, DnsServers, NaDestination, RaConfig, SearchList};
use ipv6kit::ndp::frame;
use ipv6kit::ndp::option::{PrefixInformation, RouteInformation};
use ipv6kit::ndp::{Packet, RaFlags, RouterAdvertisement, RouterPreference};
use std::net::Ipv6Addr;
use std::time::Duration;

fn a(s: &str) -> Ipv6Addr {
    s.parse().unwrap()
}

#[test]
fn rdisc6_reads_an_ipv6kit_router_advertisement_as_our_display_prints_it() {
    let test = "rdisc6_reads_an_ipv6kit_router_advertisement_as_our_display_prints_it";
    if !netlab::require(test, true, &["ip", "python3", "rdisc6"]) {
        return;
    }
    let mut link = Link::new(Some("02:00:00:00:00:01"), Some("02:00:00:00:00:02"), true);
    wait_dad(&link.a, "va");
    wait_dad(&link.b, "vb");
    let mac = "02:00:00:00:00:01".parse().unwrap();
    let pio = [PrefixInformation::new(
        "2001:db8:1::/64".parse().unwrap(),
        true,
        true,
        86400,
        14400,
    )];
    let rio = [RouteInformation::new(
        "2001:db8:f00::/48".parse().unwrap(),
        RouterPreference::High,
        3600,
    )];
    let s = [a("2001:db8:1::53"), a("2001:db8:1::54")];
    let dns = [DnsServers {
        lifetime: 600,
        servers: &s,
    }];
    let sl = [SearchList {
        lifetime: 600,
        domains: &["example.com"],
    }];
    let cfg = RaConfig {
        source: a("fe80::ff:fe00:1"),
        header: RouterAdvertisement {
            cur_hop_limit: 64,
            flags: RaFlags::default()
                .with_other(true)
                .with_preference(RouterPreference::High),
            router_lifetime: 1800,
            reachable_time: 30000,
            retrans_timer: 1000,
        },
        source_mac: Some(mac),
        mtu: Some(1480),
        prefixes: &pio,
        routes: &rio,
        dns_servers: &dns,
        search_lists: &sl,
        ..Default::default()
    };
    let mut icmp = [0u8; 512];
    let built = build::router_advertisement(&cfg, 1500, &mut icmp).unwrap();
    let mut f = vec![0u8; 600];
    let len = frame::emit_ethernet(mac, None, &built.envelope, &icmp[..built.len], &mut f).unwrap();
    f.truncate(len);
    let mut sender = rawio_spawn(&mut link.a, "va", Duration::from_secs(5), &["--repeat", "20"], &[f]);
    let out = link.b.output(&["rdisc6", "-1", "vb"]);
    let _ = sender.kill();
    let _ = sender.wait();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        out.status.success(),
        "rdisc6 failed: {}\n{text}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ours = Packet::parse(&icmp[..built.len]).unwrap().to_string();
    eprintln!("rdisc6:\n{text}\nipv6kit:\n{ours}");
    // rdisc6's lines, in order, must appear in ours, in the same order.
    let mut ours_lines = ours.lines().map(str::trim_end);
    let mut compared = 0;
    for line in text.lines().map(str::trim_end) {
        if !line.contains(':') || line.starts_with("Soliciting") || line.starts_with(" from ") {
            continue;
        }
        assert!(
            ours_lines.any(|l| l == line),
            "rdisc6 printed {line:?}, which ipv6kit's Display lacks (or prints out of order):\n{ours}"
        );
        compared += 1;
    }
    assert!(compared >= 20, "too few lines compared:\n{text}");
}

#[test]
fn ndisc6_reads_an_ipv6kit_neighbor_advertisement() {
    let test = "ndisc6_reads_an_ipv6kit_neighbor_advertisement";
    if !netlab::require(test, true, &["ip", "python3", "ndisc6"]) {
        return;
    }
    let mut link = Link::new(Some("02:00:00:00:00:01"), Some("02:00:00:00:00:02"), true);
    wait_dad(&link.a, "va");
    wait_dad(&link.b, "vb");
    // A answers for 2001:db8::99 (an address no kernel owns) with a MAC of our choosing,
    // once ndisc6's NS arrives. The NA comes from the target address itself, as a host
    // answering for its own address sends it: ndisc6 ignores NAs from any other source.
    let target = a("2001:db8::99");
    let answer_mac = "02:00:00:00:0a:0b".parse().unwrap();
    let mut icmp = [0u8; 64];
    let (env, n) = build::neighbor_advertisement(
        target,
        target,
        answer_mac,
        NaDestination::Solicited(a("fe80::ff:fe00:2")),
        false,
        &mut icmp,
    )
    .unwrap();
    let mut f = vec![0u8; 128];
    let len = frame::emit_ethernet(
        "02:00:00:00:00:01".parse().unwrap(),
        Some("02:00:00:00:00:02".parse().unwrap()),
        &env,
        &icmp[..n],
        &mut f,
    )
    .unwrap();
    f.truncate(len);
    let mut responder = rawio_spawn(&mut link.a, "va", Duration::from_secs(5), &["--on-type", "135"], &[f]);
    let out = link.b.output(&["ndisc6", "-1", "-n", "2001:db8::99", "vb"]);
    let _ = responder.kill();
    let _ = responder.wait();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    eprintln!("{text}");
    assert!(
        out.status.success(),
        "ndisc6 failed: {}\n{text}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(text.contains("Target link-layer address: 02:00:00:00:0A:0B"), "{text}");
    assert!(text.contains("from 2001:db8::99"), "{text}");
}
