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

    heading("Stable-privacy addresses (RFC 7217): which address will this host take?");
    {
        use ipv6kit::iid::stable::{linux, network_manager as nm, systemd};
        let prefix: ipv6kit::Ipv6Net = "2001:db8:1::/64".parse().expect("prefix");
        let secret = a("2001:db8:1:2:3:4:5:6"); // net.ipv6.conf.eth0.stable_secret
        for order in [linux::ByteOrder::Little, linux::ByteOrder::Big] {
            let addr = linux::stable_address(secret, prefix, &[0; 6], 0, linux::IDGEN_RETRIES, order).expect("linux");
            let who = format!("Linux, {order:?}-endian host:");
            println!("{who:<30}host.example. IN AAAA {addr}");
        }
        let uuid = "6b138152-9f3e-4b97-aaf7-e6e553f2a24e"; // connection.uuid (NetworkManager's own test vector)
        let nm_prefix = "1234::/64".parse().expect("prefix");
        let addr = nm::stable_privacy_address(nm::StableType::Uuid, nm_prefix, "eth666", uuid, 0, b"key").expect("nm");
        println!("NetworkManager:               host.example. IN AAAA {addr}");
        let key = systemd::SecretKey::Configured(0x86b1_23b9_69ba_4b7e_b8b3_d860_5123_525a_u128.to_be_bytes());
        let mac = [0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc];
        let sd_prefix = "2002:da8:1::/64".parse().expect("prefix");
        let addr = systemd::stable_private_address(key, sd_prefix, "veth99", &mac, None, None).expect("systemd");
        println!("systemd-networkd:             host.example. IN AAAA {addr}");
    }

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

    heading("Neighbor Discovery: decode a real Router Advertisement, build a DAD probe");
    {
        use ipv6kit::ndp::{build, frame, validate, ChecksumMode, Message, Packet};
        // tcpdump's test capture (shared/vectors): one 230-byte frame carrying a 176-byte RA.
        let pcap = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../ipv6kit/tests/data/ndp/tcpdump-icmpv6-ra.pcap"
        ))
        .expect("RA capture");
        // A classic pcap: 24-byte file header, 16-byte record header, then the frame.
        let eth = frame::parse_ethernet(pcap.get(40..).expect("one record")).expect("an IPv6 frame");
        let ip = eth.ipv6;
        let ra = Packet::parse(ip.payload).expect("a valid RA");
        println!(
            "{} bytes from {}, checksum ok: {}, RFC 4861 rules failed: {}",
            ip.payload.len(),
            ip.source,
            ra.verify_checksum(ip.source, ip.destination),
            validate(&ra, ip.source, ip.destination, ip.hop_limit).len()
        );
        print!("{ra}"); // reads like rdisc6
        let again = Message::parse(ip.payload).expect("owned copy");
        let bytes = again.to_bytes(ChecksumMode::Keep(again.checksum)).expect("re-emit");
        println!("re-emitted byte for byte: {}", bytes == ip.payload);

        // Duplicate Address Detection for a new address: from ::, to its solicited-node group, with a Nonce.
        let mut icmp = [0u8; 32];
        let nonce = [0x60, 0x69, 0x60, 0x4c, 0x0a, 0xaa];
        let (env, n) = build::dad_neighbor_solicitation(a("2001:db8::1"), nonce, &mut icmp).expect("fits");
        let mut buf = [0u8; 86];
        let src = parse_mac("02:00:00:00:00:01").expect("MAC");
        let len = frame::emit_ethernet(src, None, &env, &icmp[..n], &mut buf).expect("fits");
        let dst = frame::parse_ethernet(&buf[..len]).expect("our frame").destination_mac;
        println!(
            "DAD NS {} -> {} (hop limit {}), {len}-byte frame to {}",
            env.source,
            env.destination,
            env.hop_limit,
            lowercase(dst)
        );
    }

    heading("What is this address? The IANA registry, a description, zones");
    {
        use ipv6kit::{describe::describe, registry, scoped::ScopedAddr};
        for addr in [
            "2001:db8:ebbd:0:5066:64f6:547e:4872",
            "3fff::1",
            "64:ff9b::10.0.0.1",
            "2001:470:db8:101::9c5",
        ] {
            let entry = registry::lookup(a(addr)).map_or("-", |e| e.name);
            println!(
                "{addr:<40} registry: {entry:<32} globally reachable: {}",
                registry::is_global(a(addr))
            );
        }
        print!("{}", describe(a("fe80::ba27:ebff:fe89:bc51")));
        let z: ScopedAddr = "fe80::ba27:ebff:fe89:bc51%wlan0".parse().expect("zone");
        println!("ssh user@{z}    URL form: ssh://user@{}", z.url_host());
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
