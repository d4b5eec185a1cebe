//! The Linux kernel as referee (two namespaces joined by a veth pair, recipe in
//! shared/netlab.md): it answers an ipv6kit-built NS only when the hop limit is 255 and the
//! checksum right (RFC 4861 §7.1.1), and it configures itself from an ipv6kit-built RA.

use super::super::netlab::{self, Link};
use super::{rawio, wait_dad};
use ipv6kit::ndp::{build, frame, Header, NdpOption, Packet};
use std::net::Ipv6Addr;
use std::time::Duration;

const MAC_A: &str = "02:00:00:00:00:01";
const MAC_B: &str = "02:00:00:00:00:02";

fn ll(s: &str) -> Ipv6Addr {
    s.parse().unwrap()
}

/// The NAs for `target` among `frames`.
fn neighbor_advertisements(frames: &[Vec<u8>], target: Ipv6Addr) -> Vec<(frame::Ipv6Packet<'_>, Packet<'_>)> {
    frames
        .iter()
        .filter_map(|f| frame::parse_ethernet(f).ok())
        .filter_map(|f| Packet::parse(f.ipv6.payload).ok().map(|p| (f.ipv6, p)))
        .filter(|(_, p)| matches!(p.header(), Header::NeighborAdvertisement(h) if h.target == target))
        .collect()
}

#[test]
fn kernel_answers_ns_only_with_hop_limit_255_and_good_checksum() {
    let test = "kernel_answers_ns_only_with_hop_limit_255_and_good_checksum";
    if !netlab::require(test, true, &["ip", "python3"]) {
        return;
    }
    let link = Link::new(Some(MAC_A), Some(MAC_B), true);
    wait_dad(&link.a, "va");
    wait_dad(&link.b, "vb");
    // Addresses the kernel formed (modified EUI-64, addr_gen_mode 0); read back, not assumed.
    let a_ll = ll("fe80::ff:fe00:1");
    let b_ll = ll("fe80::ff:fe00:2");
    assert!(link
        .b
        .exec(&["ip", "-6", "addr", "show", "dev", "vb"])
        .contains("fe80::ff:fe00:2/64"));
    let mac_a = MAC_A.parse().unwrap();

    let mut icmp = [0u8; 64];
    let (env, n) = build::neighbor_solicitation(a_ll, b_ll, mac_a, &mut icmp).unwrap();
    let mut good = vec![0u8; 128];
    let len = frame::emit_ethernet(mac_a, None, &env, &icmp[..n], &mut good).unwrap();
    good.truncate(len);

    // Hop limit 64: "The IP Hop Limit field has a value of 255" fails; the kernel drops it.
    let mut hop64 = good.clone();
    hop64[14 + 7] = 64;
    // Wrong checksum.
    let mut bad_sum = good.clone();
    bad_sum[14 + 40 + 2] ^= 0x55;
    for (what, f) in [("hop limit 64", &hop64), ("wrong checksum", &bad_sum)] {
        let got = rawio(&link.a, "va", Duration::from_millis(1500), &[], std::slice::from_ref(f));
        assert!(
            neighbor_advertisements(&got, b_ll).is_empty(),
            "the kernel answered an NS with {what}"
        );
    }

    let got = rawio(&link.a, "va", Duration::from_millis(1500), &[], &[good]);
    let nas = neighbor_advertisements(&got, b_ll);
    assert_eq!(nas.len(), 1, "expected one NA from the kernel, got {}", nas.len());
    let (ip, na) = &nas[0];
    assert_eq!((ip.source, ip.destination, ip.hop_limit), (b_ll, a_ll, 255));
    assert!(na.verify_checksum(ip.source, ip.destination));
    assert!(ipv6kit::ndp::validate(na, ip.source, ip.destination, ip.hop_limit).is_empty());
    let Header::NeighborAdvertisement(h) = na.header() else {
        unreachable!()
    };
    // Linux: solicited, override (not an anycast address), not a router (forwarding off).
    assert!(
        h.flags.solicited() && h.flags.override_flag() && !h.flags.router(),
        "{:?}",
        h.flags
    );
    let tlla = na.target_link_layer_address().expect("TLLA in the kernel's NA");
    assert_eq!(tlla.mac().unwrap().to_string().to_lowercase(), MAC_B);
    assert!(na.decoded_options().all(|o| !matches!(o, NdpOption::Invalid { .. })));
    // Our parse of the kernel's NA re-emits it byte for byte.
    let m = ipv6kit::ndp::Message::from(na);
    assert_eq!(
        m.to_bytes(ipv6kit::ndp::ChecksumMode::Keep(m.checksum)).unwrap(),
        na.as_bytes()
    );
}

#[test]
fn kernel_configures_itself_from_an_ipv6kit_router_advertisement() {
    use ipv6kit::ndp::build::{DnsServers, RaConfig};
    use ipv6kit::ndp::option::PrefixInformation;
    let test = "kernel_configures_itself_from_an_ipv6kit_router_advertisement";
    if !netlab::require(test, true, &["ip", "python3"]) {
        return;
    }
    let link = Link::new(Some(MAC_A), Some(MAC_B), true);
    wait_dad(&link.a, "va");
    wait_dad(&link.b, "vb");
    let mac_a = MAC_A.parse().unwrap();
    let pio = [PrefixInformation::new(
        "2001:db8:1::/64".parse().unwrap(),
        true,
        true,
        86400,
        14400,
    )];
    let s = [ll("2001:db8:1::53")];
    let dns = [DnsServers {
        lifetime: 600,
        servers: &s,
    }];
    let cfg = RaConfig {
        source: ll("fe80::ff:fe00:1"),
        source_mac: Some(mac_a),
        mtu: Some(1400),
        prefixes: &pio,
        dns_servers: &dns,
        ..Default::default()
    };
    let mut icmp = [0u8; 256];
    let built = build::router_advertisement(&cfg, 1500, &mut icmp).unwrap();
    let mut f = vec![0u8; 512];
    let len = frame::emit_ethernet(mac_a, None, &built.envelope, &icmp[..built.len], &mut f).unwrap();
    f.truncate(len);
    rawio(&link.a, "va", Duration::from_millis(100), &[], &[f]);

    // SLAAC: modified EUI-64 of 02:00:00:00:00:02 in 2001:db8:1::/64 (RFC 4291 App. A).
    let addr = netlab::wait_for("the SLAAC address", Duration::from_secs(5), || {
        let out = link
            .b
            .exec(&["ip", "-6", "addr", "show", "dev", "vb", "scope", "global"]);
        out.contains("2001:db8:1::ff:fe00:2/64").then_some(out)
    });
    assert!(addr.contains("dynamic"), "{addr}");
    let routes = link.b.exec(&["ip", "-6", "route", "show", "dev", "vb"]);
    // The on-link prefix route, with the PIO's valid lifetime counting down from 86400 s.
    let prefix_route = routes
        .lines()
        .find(|l| l.starts_with("2001:db8:1::/64 "))
        .unwrap_or_else(|| panic!("{routes}"));
    assert!(prefix_route.contains("expires 86"), "{prefix_route}");
    // The default route via the RA's source, with the RA's MTU and Cur Hop Limit.
    let default = routes
        .lines()
        .find(|l| l.starts_with("default "))
        .unwrap_or_else(|| panic!("{routes}"));
    for part in [
        "via fe80::ff:fe00:1 ",
        "proto ra",
        "mtu 1400",
        "hoplimit 64",
        "expires 1",
    ] {
        assert!(default.contains(part), "{part:?} missing in {default}");
    }
    assert_eq!(link.b.sysctl_get("net.ipv6.conf.vb.mtu"), "1400");
}
