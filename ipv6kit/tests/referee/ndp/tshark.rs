//! tshark 4.0 as dissector referee: a pcap of every builder's output plus 1,000 randomly
//! generated messages (every option type, good checksums) must decode with no malformed or
//! expert error, and the field values tshark reads must equal ours.

use super::super::netlab::{self, Rng};
use super::{write_pcap, Scratch};
use ipv6kit::ndp::build::{self, DnsServers, NaDestination, RaConfig, SearchList};
use ipv6kit::ndp::frame::{self, Envelope};
use ipv6kit::ndp::option::*;
use ipv6kit::ndp::*;
use std::net::Ipv6Addr;

fn a(s: &str) -> Ipv6Addr {
    s.parse().unwrap()
}

const MAC: &str = "02:00:00:00:00:01";

/// Wraps an ICMPv6 message into an Ethernet frame (the MAC from the destination, or ours for
/// unicast).
fn framed(env: &Envelope, icmp: &[u8]) -> Vec<u8> {
    let mac = MAC.parse().unwrap();
    let dst = if env.destination.is_multicast() {
        None
    } else {
        Some("02:00:00:00:00:02".parse().unwrap())
    };
    let mut buf = vec![0u8; icmp.len() + 54];
    let n = frame::emit_ethernet(mac, dst, env, icmp, &mut buf).unwrap();
    buf.truncate(n);
    buf
}

/// Every builder's output, plus hand-made messages with the options builders do not add.
fn builder_frames() -> Vec<Vec<u8>> {
    let mac = MAC.parse().unwrap();
    let ll = a("fe80::ff:fe00:1");
    let mut out = Vec::new();
    let mut buf = [0u8; 1500];
    let (e, n) = build::dad_neighbor_solicitation(a("2001:db8::1"), [1, 2, 3, 4, 5, 6], &mut buf).unwrap();
    out.push(framed(&e, &buf[..n]));
    let (e, n) = build::neighbor_solicitation(ll, a("fe80::2"), mac, &mut buf).unwrap();
    out.push(framed(&e, &buf[..n]));
    let (e, n) = build::unicast_neighbor_solicitation(ll, a("fe80::2"), mac, &mut buf).unwrap();
    out.push(framed(&e, &buf[..n]));
    let (e, n) =
        build::neighbor_advertisement(ll, ll, mac, NaDestination::Solicited(a("fe80::2")), true, &mut buf).unwrap();
    out.push(framed(&e, &buf[..n]));
    let (e, n) = build::neighbor_advertisement(ll, ll, mac, NaDestination::Unsolicited, false, &mut buf).unwrap();
    out.push(framed(&e, &buf[..n]));
    let (e, n) = build::router_solicitation(ll, Some(mac), &mut buf).unwrap();
    out.push(framed(&e, &buf[..n]));
    let (e, n) = build::router_solicitation(Ipv6Addr::UNSPECIFIED, None, &mut buf).unwrap();
    out.push(framed(&e, &buf[..n]));
    let pio = [
        PrefixInformation::new("2001:db8:1::/64".parse().unwrap(), true, true, 86400, 14400),
        PrefixInformation::new("2001:db8:2::/48".parse().unwrap(), true, false, u32::MAX, u32::MAX),
    ];
    let rio = [
        RouteInformation::new("::/0".parse().unwrap(), RouterPreference::Low, 60),
        RouteInformation::new("2001:db8:f00::/48".parse().unwrap(), RouterPreference::High, 3600),
        RouteInformation::new("2001:db8:f00:1:2::/80".parse().unwrap(), RouterPreference::Medium, 1),
    ];
    let s1 = [a("2001:db8:1::53"), a("2001:db8:1::54")];
    let s2 = [a("2001:db8:2::53")];
    let dns = [
        DnsServers {
            lifetime: 600,
            servers: &s1,
        },
        DnsServers {
            lifetime: 1200,
            servers: &s2,
        },
    ];
    let sl = [SearchList {
        lifetime: 600,
        domains: &["example.com", "lab.example.org"],
    }];
    let pref64 = [ipv6kit::ndp::option::Pref64::new("64:ff9b::/96".parse().unwrap(), 1800).unwrap()];
    let cfg = RaConfig {
        source: ll,
        source_mac: Some(mac),
        mtu: Some(1480),
        prefixes: &pio,
        routes: &rio,
        dns_servers: &dns,
        search_lists: &sl,
        pref64: &pref64,
        captive_portal: Some("https://portal.example.net/welcome"),
        flags_extension: Some([0x80, 0, 0, 0, 0, 0]),
        ..Default::default()
    };
    let built = build::router_advertisement(&cfg, 1500, &mut buf).unwrap();
    out.push(framed(&built.envelope, &buf[..built.len]));

    // An RA with the remaining option types.
    let env = Envelope {
        source: ll,
        destination: a("ff02::1"),
        hop_limit: 255,
    };
    let mut w = MessageWriter::new(&Header::RouterAdvertisement(RouterAdvertisement::default()), &mut buf).unwrap();
    w.push(&NdpOption::<&[u8]>::AdvertisementInterval(AdvertisementInterval::new(
        100000,
    )))
    .unwrap();
    w.push(&NdpOption::<&[u8]>::HomeAgentInformation(HomeAgentInformation {
        reserved: 0,
        preference: 10,
        lifetime: 1800,
    }))
    .unwrap();
    w.push(&NdpOption::CaptivePortal(CaptivePortal(
        b"https://portal.example/login",
    )))
    .unwrap();
    w.push(&NdpOption::<&[u8]>::Pref64(
        Pref64::new("64:ff9b::/96".parse().unwrap(), 1800).unwrap(),
    ))
    .unwrap();
    w.push(&NdpOption::RaFlagsExtension(RaFlagsExtension([0u8; 6])))
        .unwrap();
    let n = w
        .finish(ChecksumMode::Compute {
            source: env.source,
            destination: env.destination,
        })
        .unwrap()
        .len();
    out.push(framed(&env, &buf[..n]));

    // A Redirect with TLLA and a Redirected Header holding an IPv6 + UDP header.
    let env = Envelope {
        source: ll,
        destination: a("2001:db8::7"),
        hop_limit: 255,
    };
    let mut red = vec![0x60, 0, 0, 0, 0, 8, 17, 64];
    red.extend_from_slice(&a("2001:db8::7").octets());
    red.extend_from_slice(&a("2001:db8:9::1").octets());
    red.extend_from_slice(&[0x30, 0x39, 0x00, 0x35, 0, 8, 0, 0]);
    let h = Header::Redirect(Redirect {
        reserved: 0,
        target: a("fe80::2"),
        destination: a("2001:db8:9::1"),
    });
    let mut w = MessageWriter::new(&h, &mut buf).unwrap();
    w.push(&NdpOption::TargetLinkLayerAddress(LinkLayerAddress::from_mac(
        "02:00:00:00:00:02".parse().unwrap(),
    )))
    .unwrap();
    w.push(&NdpOption::RedirectedHeader(RedirectedHeader {
        reserved: [0; 6],
        packet: &red[..],
    }))
    .unwrap();
    let n = w
        .finish(ChecksumMode::Compute {
            source: env.source,
            destination: env.destination,
        })
        .unwrap()
        .len();
    out.push(framed(&env, &buf[..n]));
    out
}

fn rand_addr(r: &mut Rng) -> Ipv6Addr {
    Ipv6Addr::from(r.bytes::<16>())
}

fn rand_label(r: &mut Rng) -> String {
    let n = 1 + r.below(12) as usize;
    (0..n).map(|_| (b'a' + r.below(26) as u8) as char).collect()
}

/// A random, valid option of any type (Redirected Header aside: tshark dissects its payload).
fn rand_option(r: &mut Rng) -> NdpOption<Vec<u8>> {
    match r.below(14) {
        0 => NdpOption::SourceLinkLayerAddress(LinkLayerAddress(r.bytes::<6>().to_vec())),
        1 => NdpOption::TargetLinkLayerAddress(LinkLayerAddress(r.bytes::<6>().to_vec())),
        2 => {
            let len = r.below(129) as u8;
            let p = rand_addr(r);
            NdpOption::PrefixInformation(PrefixInformation::new(
                ipv6kit::Ipv6Net::new(p, len).unwrap(),
                r.below(2) == 0,
                r.below(2) == 0,
                r.next_u64() as u32,
                r.next_u64() as u32,
            ))
        }
        3 => NdpOption::Mtu(Mtu::new(r.next_u64() as u32)),
        4 => NdpOption::AdvertisementInterval(AdvertisementInterval::new(r.next_u64() as u32)),
        5 => NdpOption::HomeAgentInformation(HomeAgentInformation {
            reserved: 0,
            preference: r.next_u64() as u16,
            lifetime: r.next_u64() as u16,
        }),
        6 => NdpOption::Nonce(Nonce(r.bytes::<6>().to_vec())),
        7 => {
            let len = r.below(129) as u8;
            let prf = [RouterPreference::High, RouterPreference::Medium, RouterPreference::Low][r.below(3) as usize];
            let p = rand_addr(r);
            NdpOption::RouteInformation(RouteInformation::new(
                ipv6kit::Ipv6Net::new(p, len).unwrap(),
                prf,
                r.next_u64() as u32,
            ))
        }
        8 => {
            let n = 1 + r.below(5) as usize;
            let servers: Vec<Ipv6Addr> = (0..n).map(|_| rand_addr(r)).collect();
            NdpOption::RecursiveDnsServer(RecursiveDnsServer::new(r.next_u64() as u32, &servers).unwrap())
        }
        9 => NdpOption::RaFlagsExtension(RaFlagsExtension(vec![0; 6])),
        10 => {
            let n = 1 + r.below(4) as usize;
            let names: Vec<String> = (0..n)
                .map(|_| (0..1 + r.below(3)).map(|_| rand_label(r)).collect::<Vec<_>>().join("."))
                .collect();
            let refs: Vec<&str> = names.iter().map(|s| s.as_str()).collect();
            NdpOption::DnsSearchList(DnsSearchList::new(r.next_u64() as u32, &refs).unwrap())
        }
        11 => NdpOption::CaptivePortal(CaptivePortal(
            format!("https://{}.example/{}", rand_label(r), rand_label(r)).into_bytes(),
        )),
        12 => {
            let len = [96u8, 64, 56, 48, 40, 32][r.below(6) as usize];
            let p = rand_addr(r);
            NdpOption::Pref64(Pref64::new(ipv6kit::Ipv6Net::new(p, len).unwrap(), r.next_u64() as u16).unwrap())
        }
        _ => {
            let n = 6 + 8 * r.below(3) as usize;
            NdpOption::Unknown(UnknownOption {
                option_type: 200 + r.below(50) as u8,
                data: vec![0; n],
            })
        }
    }
}

fn rand_message(r: &mut Rng) -> (Envelope, Vec<u8>) {
    let ll = Ipv6Addr::from((0xfe80u128 << 112) | u128::from(r.next_u64()));
    let unicast = || a("2001:db8::1");
    let (header, dst) = match r.below(5) {
        0 => (Header::RouterSolicitation(RouterSolicitation::default()), a("ff02::2")),
        1 => (
            Header::RouterAdvertisement(RouterAdvertisement {
                cur_hop_limit: r.next_u64() as u8,
                flags: RaFlags(r.next_u64() as u8 & !RaFlags::RESERVED),
                router_lifetime: r.next_u64() as u16,
                reachable_time: r.next_u64() as u32,
                retrans_timer: r.next_u64() as u32,
            }),
            a("ff02::1"),
        ),
        2 => (
            Header::NeighborSolicitation(NeighborSolicitation {
                reserved: 0,
                target: unicast(),
            }),
            a("ff02::1:ff00:1"),
        ),
        3 => (
            Header::NeighborAdvertisement(NeighborAdvertisement {
                flags: NaFlags::new(r.below(2) == 0, false, r.below(2) == 0),
                target: unicast(),
            }),
            a("ff02::1"),
        ),
        _ => (
            Header::Redirect(Redirect {
                reserved: 0,
                target: ll,
                destination: unicast(),
            }),
            unicast(),
        ),
    };
    let env = Envelope {
        source: ll,
        destination: dst,
        hop_limit: 255,
    };
    let mut m = Message::new(header);
    for _ in 0..r.below(8) {
        m.options.push(rand_option(r));
    }
    (
        env,
        m.to_bytes(ChecksumMode::Compute {
            source: env.source,
            destination: env.destination,
        })
        .unwrap(),
    )
}

/// What we expect tshark to print for one frame, in the order of [`FIELDS`].
fn our_fields(frame_bytes: &[u8]) -> Vec<String> {
    let f = frame::parse_ethernet(frame_bytes).unwrap();
    let p = Packet::parse(f.ipv6.payload).unwrap();
    let join = |v: Vec<String>| v.join(",");
    let opts: Vec<NdpOption<&[u8]>> = p.decoded_options().collect();
    let mut v = vec![
        p.message_type().number().to_string(),
        "1".to_string(), // checksum good
        join(p.options().map(|o| o.option_type().to_string()).collect()),
        // tshark files PIO and Route Information prefixes under the same fields; a Length-1
        // Route Information has a prefix length but no prefix.
        join(
            opts.iter()
                .filter_map(|o| match o {
                    NdpOption::PrefixInformation(x) => Some(x.prefix.to_string()),
                    NdpOption::RouteInformation(x) if x.length > 1 => Some(x.prefix.to_string()),
                    _ => None,
                })
                .collect(),
        ),
        join(
            opts.iter()
                .filter_map(|o| match o {
                    NdpOption::PrefixInformation(x) => Some(x.prefix_length.to_string()),
                    NdpOption::RouteInformation(x) => Some(x.prefix_length.to_string()),
                    _ => None,
                })
                .collect(),
        ),
        join(
            p.dns_servers()
                .flat_map(|x| x.addresses().map(|a| a.to_string()).collect::<Vec<_>>())
                .collect(),
        ),
        join(
            p.search_lists()
                .flat_map(|x| x.names().map(|a| a.to_string()).collect::<Vec<_>>())
                .collect(),
        ),
        join(
            opts.iter()
                .filter_map(|o| {
                    if let NdpOption::Mtu(m) = o {
                        Some(m.mtu.to_string())
                    } else {
                        None
                    }
                })
                .collect(),
        ),
        join(p.routes().map(|x| x.route_lifetime.to_string()).collect()),
        join(
            opts.iter()
                .filter_map(|o| {
                    if let NdpOption::CaptivePortal(c) = o {
                        c.uri().map(str::to_string)
                    } else {
                        None
                    }
                })
                .collect(),
        ),
        join(p.pref64().map(|x| x.network().network().to_string()).collect()),
    ];
    // RA hop limit and lifetime; NS target; NA target; Redirect target and destination.
    let mut header: [String; 6] = Default::default();
    match p.header() {
        Header::RouterAdvertisement(h) => {
            header[0] = h.cur_hop_limit.to_string();
            header[1] = h.router_lifetime.to_string();
        }
        Header::NeighborSolicitation(h) => header[2] = h.target.to_string(),
        Header::NeighborAdvertisement(h) => header[3] = h.target.to_string(),
        Header::Redirect(h) => {
            header[4] = h.target.to_string();
            header[5] = h.destination.to_string();
        }
        _ => {}
    }
    v.extend(header);
    v
}

const FIELDS: &[&str] = &[
    "icmpv6.type",
    "icmpv6.checksum.status",
    "icmpv6.opt.type",
    "icmpv6.opt.prefix",
    "icmpv6.opt.prefix.length",
    "icmpv6.opt.rdnss",
    "icmpv6.opt.dnssl",
    "icmpv6.opt.mtu",
    "icmpv6.opt.route_lifetime",
    "icmpv6.opt.captive_portal",
    "icmpv6.opt.pref64.prefix",
    "icmpv6.nd.ra.cur_hop_limit",
    "icmpv6.nd.ra.router_lifetime",
    "icmpv6.nd.ns.target_address",
    "icmpv6.nd.na.target_address",
    "icmpv6.nd.rd.target_address",
    "icmpv6.rd.na.destination_address",
];

#[test]
fn tshark_decodes_builder_output_and_random_messages_like_we_do() {
    let test = "tshark_decodes_builder_output_and_random_messages_like_we_do";
    if !netlab::require(test, false, &["tshark"]) {
        return;
    }
    let mut frames = builder_frames();
    let builders = frames.len();
    let mut r = Rng::for_test(test);
    for _ in 0..1000 {
        let (env, icmp) = rand_message(&mut r);
        frames.push(framed(&env, &icmp));
    }
    let scratch = Scratch::new("tshark");
    let pcap = scratch.0.join("nd.pcap");
    // A control frame with a wrong checksum: the only one tshark must flag.
    let mut control = frames[0].clone();
    control[14 + 40 + 2] ^= 0xff;
    frames.push(control);
    write_pcap(&pcap, &frames);

    // 1. Nothing malformed, no expert item of warning or error severity.
    let out = netlab::run(&[
        "tshark",
        "-r",
        pcap.to_str().unwrap(),
        "-Y",
        "_ws.malformed || _ws.expert.severity >= \"warning\"",
        "-T",
        "fields",
        "-e",
        "frame.number",
        "-e",
        "_ws.expert.message",
    ]);
    let flagged: Vec<&str> = out.lines().map(|l| l.split('\t').next().unwrap_or("")).collect();
    assert_eq!(
        flagged,
        [frames.len().to_string()],
        "tshark objects to frames (number, message):\n{out}"
    );
    frames.pop();

    // 2. Field values.
    let mut argv = vec![
        "tshark",
        "-r",
        pcap.to_str().unwrap(),
        "-T",
        "fields",
        "-E",
        "occurrence=a",
        "-E",
        "aggregator=,",
        "-E",
        "separator=\t",
    ];
    for f in FIELDS {
        argv.extend(["-e", f]);
    }
    let out = netlab::run(&argv);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), frames.len() + 1);
    let mut targets_compared = [0usize; 4];
    for (i, (line, fr)) in lines.iter().zip(&frames).enumerate() {
        let theirs: Vec<&str> = line.split('\t').collect();
        let ours = our_fields(fr);
        let theirs: Vec<String> = theirs.iter().map(|s| s.to_string()).collect();
        assert_eq!(
            theirs,
            ours,
            "frame {} ({}): tshark vs ipv6kit",
            i + 1,
            if i < builders { "builder" } else { "random" }
        );
        // Count the header targets actually compared (columns 13-16), so a message type that
        // stopped appearing cannot make this pass vacuously.
        for (k, seen) in targets_compared.iter_mut().enumerate() {
            *seen += usize::from(!ours[13 + k].is_empty());
        }
    }
    assert!(
        targets_compared.iter().all(|&n| n > 0),
        "NS target, NA target, Redirect target and destination compared {targets_compared:?} times"
    );
}
