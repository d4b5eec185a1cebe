//! radvd 2.19 as referee: a real router advertising prefix, RDNSS, DNSSL, MTU, route
//! information and the advertisement interval (configuration from shared/netlab.md). Its RA,
//! received on a raw socket in the other namespace, must parse to exactly that configuration
//! and re-emit byte for byte.

use super::super::netlab::{self, Link};
use super::{rawio, wait_dad, Scratch};
use ipv6kit::ndp::option::{AdvertisementInterval, NdpOption};
use ipv6kit::ndp::{build, frame, ChecksumMode, Header, Message, Packet, RouterPreference};
use std::net::Ipv6Addr;
use std::time::Duration;

fn a(s: &str) -> Ipv6Addr {
    s.parse().unwrap()
}

#[test]
fn radvd_advertisement_parses_to_its_configuration_and_reemits_byte_for_byte() {
    let test = "radvd_advertisement_parses_to_its_configuration_and_reemits_byte_for_byte";
    if !netlab::require(test, true, &["ip", "python3", "radvd"]) {
        return;
    }
    let scratch = Scratch::new("radvd");
    let mut link = Link::new(Some("02:00:00:00:00:01"), Some("02:00:00:00:00:02"), true);
    link.a.sysctl("net.ipv6.conf.all.forwarding", "1");
    wait_dad(&link.a, "va");
    wait_dad(&link.b, "vb");
    let log = link.a.start_radvd(&scratch.0, &netlab::netlab_radvd_config("va"));

    // Solicit with an ipv6kit-built RS (radvd answers within 0.5 s) and collect the RAs.
    let mac_b = "02:00:00:00:00:02".parse().unwrap();
    let mut icmp = [0u8; 32];
    let (env, n) = build::router_solicitation(a("fe80::ff:fe00:2"), Some(mac_b), &mut icmp).unwrap();
    let mut rs = vec![0u8; 128];
    let len = frame::emit_ethernet(mac_b, None, &env, &icmp[..n], &mut rs).unwrap();
    rs.truncate(len);
    let frames = rawio(&link.b, "vb", Duration::from_secs(4), &[], &[rs]);
    let ras: Vec<_> = frames
        .iter()
        .filter_map(|f| frame::parse_ethernet(f).ok())
        .filter(|f| f.ipv6.payload.first() == Some(&134))
        .collect();
    assert!(
        !ras.is_empty(),
        "no RA from radvd; log:\n{}",
        std::fs::read_to_string(&log).unwrap_or_default()
    );
    for f in ras {
        let ip = f.ipv6;
        assert_eq!((ip.source, ip.hop_limit), (a("fe80::ff:fe00:1"), 255));
        let p = Packet::parse(ip.payload).unwrap();
        assert!(ipv6kit::ndp::validate(&p, ip.source, ip.destination, ip.hop_limit).is_empty());
        let Header::RouterAdvertisement(h) = p.header() else {
            unreachable!()
        };
        // AdvOtherConfigFlag on, AdvDefaultPreference high, AdvCurHopLimit default 64,
        // AdvDefaultLifetime default 3 × MaxRtrAdvInterval = 300.
        assert_eq!(h.cur_hop_limit, 64);
        assert!(h.flags.other() && !h.flags.managed() && !h.flags.home_agent() && !h.flags.proxy());
        assert_eq!(h.flags.preference(), RouterPreference::High);
        assert_eq!(h.router_lifetime, 300);
        assert_eq!((h.reachable_time, h.retrans_timer), (0, 0));

        let pio: Vec<_> = p.prefixes().collect();
        assert_eq!(pio.len(), 1);
        assert_eq!(pio[0].network().to_string(), "2001:db8:1::/64");
        assert!(pio[0].on_link() && pio[0].autonomous() && !pio[0].router_address());
        assert_eq!((pio[0].valid_lifetime, pio[0].preferred_lifetime), (86400, 14400));
        let rio: Vec<_> = p.routes().collect();
        assert_eq!(rio.len(), 1);
        assert_eq!(rio[0].network().to_string(), "2001:db8:f00::/48");
        assert_eq!(
            (rio[0].preference(), rio[0].route_lifetime),
            (RouterPreference::High, 3600)
        );
        let rdnss: Vec<_> = p.dns_servers().collect();
        assert_eq!(rdnss.len(), 1);
        assert_eq!(rdnss[0].lifetime, 600);
        assert_eq!(
            rdnss[0].addresses().collect::<Vec<_>>(),
            [a("2001:db8:1::53"), a("2001:db8:1::54")]
        );
        let dnssl: Vec<_> = p.search_lists().collect();
        assert_eq!(dnssl.len(), 1);
        assert_eq!(dnssl[0].lifetime, 600);
        let names: Vec<String> = dnssl[0].names().map(|n| n.to_string()).collect();
        assert_eq!(names, ["example.com", "lab.example.org"]);
        assert_eq!(p.mtu().unwrap().mtu, 1480);
        assert_eq!(
            p.source_link_layer_address().unwrap().mac().unwrap().to_string(),
            "02:00:00:00:00:01"
        );
        // AdvIntervalOpt on: MaxRtrAdvInterval in milliseconds.
        assert!(p.decoded_options().any(|o| matches!(
            o,
            NdpOption::AdvertisementInterval(AdvertisementInterval {
                interval_ms: 100000,
                ..
            })
        )));
        assert!(p.decoded_options().all(|o| !o.is_invalid()));
        assert_eq!(p.option_count(), 7, "{p}");

        let m = Message::from(&p);
        assert_eq!(
            m.to_bytes(ChecksumMode::Keep(m.checksum)).unwrap(),
            ip.payload,
            "re-emitted unchanged"
        );
        assert_eq!(
            m.to_bytes(ChecksumMode::Compute {
                source: ip.source,
                destination: ip.destination
            })
            .unwrap(),
            ip.payload,
            "our checksum equals radvd's (computed by the kernel)"
        );
    }
}
