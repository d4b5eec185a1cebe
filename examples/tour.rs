//! The tour of ipv6kit: every capability, on the seed examples of `shared/vectors/README.md`.
//!
//! Run with `cargo run -p ipv6kit-examples --example tour`.

use ipv6kit::dns::{covering_zones, reverse_name, zone_name};
use ipv6kit::iid::classify::classify;
use ipv6kit::iid::playful::{colour_address, text_address};
use ipv6kit::iid::{embedded, link_local, slaac, Colour, Iid};
use ipv6kit::mac::{lowercase, parse_mac};
use ipv6kit::multicast::{decode, multicast_mac, solicited_node};
use ipv6kit_examples::heading;
use std::net::Ipv6Addr;

fn a(s: &str) -> Ipv6Addr {
    s.parse().expect("tour address")
}

fn main() {
    println!("ipv6kit {} — a tour", env!("CARGO_PKG_VERSION"));

    heading("Multicast: which group does an address join, and which MAC carries it?");
    for addr in ["2001:db8:ebbd:0:5066:64f6:547e:4872", "4037::01:800:200e:8c6c"] {
        let group = solicited_node(a(addr));
        let mac = multicast_mac(group).expect("solicited-node groups are multicast");
        println!("{addr:<40} joins {group:<22} on Ethernet {}", lowercase(mac));
    }
    for g in [
        "ff02::1",
        "ff02::16",
        "ff3e:30:2001:db8::1234",
        "ff7e:140:2001:db8:beef:feed::1234",
    ] {
        let info = decode(a(g)).expect("multicast");
        println!("{g:<40} {info}");
    }

    heading("Interface identifiers: which MAC is behind an address?");
    for addr in [
        "2001:470:db8:101:203:93ff:fe67:4362",
        "fe80::ba27:ebff:fe89:bc51",
        "2001:470:db8:101:6a1:51ff:fea0:9339",
        "2001:470:db8:101::9c5",
        "2001:470:db8:101:b41f:18a3:a97c:4a0c",
    ] {
        let mac = Iid::of(a(addr))
            .to_mac()
            .map_or("(no MAC inside)".to_string(), |m| lowercase(m).to_string());
        println!("{addr:<40} {mac:<20} {}", classify(a(addr)));
    }
    let mac = parse_mac("00:11:22:33:44:55").expect("MAC");
    println!(
        "MAC {} → IID {} → link-local {}",
        lowercase(mac),
        Iid::from_mac(mac),
        link_local(mac)
    );
    let net = "2001:db8:1::/64".parse().expect("prefix");
    println!("SLAAC in {net}: {}", slaac(net, mac).expect("a /64"));

    heading("Playful addresses: ipv6board text and the IPv6 Christmas tree");
    let board = "2001:6b0:1001:105::/64".parse().expect("prefix");
    for text in ["Awesome!", "IPv6 Bd"] {
        println!("{text:<10} → {}", text_address(board, text).expect("printable ASCII"));
    }
    let tree = "2a05:9b81:2020::/48".parse().expect("prefix");
    for colour in ["#AABBCC", "ff0000"] {
        let c: Colour = colour.parse().expect("colour");
        println!("{colour:<10} → {}", colour_address(tree, c).expect("a /48"));
    }

    heading("IPv4-embedded addresses (RFC 6052)");
    let v4 = "192.0.2.33".parse().expect("IPv4");
    let nat64 = embedded::embed(embedded::WELL_KNOWN_PREFIX, v4).expect("/96");
    println!("{v4} in {} → {nat64}", embedded::WELL_KNOWN_PREFIX);

    heading("6rd (RFC 5969) and 6to4: what does an ISP like Free delegate?");
    {
        use ipv6kit::sixrd::{six_to_four_prefix, SixrdOption, TunnelConvention};
        use std::net::Ipv4Addr;
        // Free (France): option 212 as busybox udhcpc hands it to the script, and the CE's IPv4.
        let option: SixrdOption = "0 28 2a01:e30:: 192.88.99.201".parse().expect("valid option 212");
        let ce = Ipv4Addr::new(82, 10, 11, 12);
        let domain = option.domain_for(ce).expect("CE in the domain");
        println!(
            "option 212         {option}  (dhclient: {})",
            option.dhclient_groups(true)
        );
        println!(
            "delegated prefix   {}",
            domain.delegated_prefix(ce).expect("delegation")
        );
        println!(
            "tunnel (6rd.sh)    {}",
            domain.tunnel_address(ce, TunnelConvention::OpenWrt).expect("tunnel")
        );
        let lan: Vec<String> = domain
            .subnets(ce)
            .expect("subnets")
            .filter(|s| !s.tunnel)
            .map(|s| s.prefix.to_string())
            .collect();
        println!("home /64s          {} … {} ({})", lan[0], lan[lan.len() - 1], lan.len());
        println!(
            "back to IPv4       {}",
            domain.extract_ipv4(a("2a01:e35:20a0:b0c0::1")).expect("in domain")
        );
        println!("6to4 of {ce}  {}", six_to_four_prefix(ce));
    }

    heading("Reverse DNS");
    println!("{}", reverse_name(a("2001:db8:ebbd:0:5066:64f6:547e:4872")));
    println!(
        "zone of 2001:db8:ebbd::/48: {}",
        zone_name("2001:db8:ebbd::/48".parse().expect("prefix")).expect("aligned")
    );
    print!("zones covering 2001:db8:ebbd:9908::/62:");
    for (net, _) in covering_zones("2001:db8:ebbd:9908::/62".parse().expect("prefix")) {
        print!(" {net}");
    }
    println!();
}
