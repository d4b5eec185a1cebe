//! Unit tests of the ND module: the shared captures, every ANCHORS.md bug class as a named test,
//! validation rules, builders, and round-trip properties.

use super::build::{self, DnsServers, NaDestination, RaConfig, SearchList};
use super::option::*;
use super::*;
use core::net::Ipv6Addr;
use std::vec::Vec;

// ---- capture helpers (pcap and pcapng, just enough for the shared vectors) ----

/// The packets of a classic pcap file (24-byte global header, 16-byte record headers).
fn pcap_packets(file: &[u8]) -> Vec<&[u8]> {
    let le = file[..4] == [0xd4, 0xc3, 0xb2, 0xa1];
    let rd = |b: &[u8]| {
        let a = [b[0], b[1], b[2], b[3]];
        if le {
            u32::from_le_bytes(a)
        } else {
            u32::from_be_bytes(a)
        }
    };
    let mut out = Vec::new();
    let mut at = 24;
    while at + 16 <= file.len() {
        let caplen = rd(&file[at + 8..]) as usize;
        out.push(&file[at + 16..at + 16 + caplen]);
        at += 16 + caplen;
    }
    out
}

/// The packets of the Enhanced Packet Blocks of a little-endian pcapng file.
fn pcapng_packets(file: &[u8]) -> Vec<&[u8]> {
    let rd = |b: &[u8]| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize;
    let mut out = Vec::new();
    let mut at = 0;
    while at + 12 <= file.len() {
        let (kind, len) = (rd(&file[at..]), rd(&file[at + 4..]));
        if kind == 6 {
            let caplen = rd(&file[at + 20..]);
            out.push(&file[at + 28..at + 28 + caplen]);
        }
        at += len;
    }
    out
}

const RA_PCAP: &[u8] = include_bytes!("../../tests/data/ndp/tcpdump-icmpv6-ra.pcap");
const NS_PCAP: &[u8] = include_bytes!("../../tests/data/ndp/tcpdump-ns-nonce.pcap");
const ZERO_PCAPNG: &[u8] = include_bytes!("../../tests/data/ndp/tcpdump-icmpv6-length-zero.pcapng");

fn a(s: &str) -> Ipv6Addr {
    s.parse().unwrap()
}

fn ra_frame() -> frame::Frame<'static> {
    frame::parse_ethernet(pcap_packets(RA_PCAP)[0]).unwrap()
}

/// emit(parse(x)) through the typed representation: borrowed always, and owned (`Message`)
/// when `alloc` is on, which must agree.
fn reemit(bytes: &[u8]) -> Vec<u8> {
    let p = Packet::parse(bytes).unwrap();
    let mut buf = std::vec![0u8; bytes.len() + 64];
    let n = emit(
        &p.header(),
        p.decoded_options(),
        ChecksumMode::Keep(p.checksum()),
        &mut buf,
    )
    .unwrap();
    buf.truncate(n);
    #[cfg(feature = "alloc")]
    {
        let owned = Message::parse(bytes).unwrap();
        assert_eq!(owned.buffer_len(), bytes.len());
        assert_eq!(owned.to_bytes(ChecksumMode::Keep(owned.checksum)).unwrap(), buf);
    }
    buf
}

// ---- the shared captures (expected values from shared/vectors/README.md, i.e. tcpdump/tshark) ----

#[test]
fn shared_ra_capture_decodes_to_tcpdumps_values() {
    let f = ra_frame();
    assert_eq!(f.ipv6.source, a("fe80::b299:28ff:fec8:d66c"));
    assert_eq!(f.ipv6.destination, a("ff02::1"));
    assert_eq!(f.ipv6.hop_limit, 255);
    assert_eq!(f.ipv6.payload.len(), 176);
    let p = Packet::parse(f.ipv6.payload).unwrap();
    assert_eq!(p.checksum(), 0x2401);
    assert!(p.verify_checksum(f.ipv6.source, f.ipv6.destination));
    let Header::RouterAdvertisement(h) = p.header() else {
        panic!("not an RA")
    };
    assert_eq!(h.cur_hop_limit, 64);
    assert!(h.flags.home_agent() && !h.flags.managed() && !h.flags.other() && !h.flags.proxy());
    assert_eq!(h.flags.preference(), RouterPreference::Medium);
    assert_eq!(h.router_lifetime, 15);
    let kinds: Vec<u8> = p.options().map(|o| o.option_type()).collect();
    assert_eq!(kinds, [3, 25, 31, 5, 1, 7, 8]);
    let pio: Vec<_> = p.prefixes().collect();
    assert_eq!(pio.len(), 1);
    assert_eq!(pio[0].network().to_string(), "2222:3333:4444:5555:6600::/72");
    assert!(pio[0].on_link() && pio[0].autonomous());
    assert_eq!((pio[0].valid_lifetime, pio[0].preferred_lifetime), (2592000, 604800));
    let rdnss: Vec<_> = p.dns_servers().collect();
    assert_eq!(rdnss[0].lifetime, 5);
    assert_eq!(
        rdnss[0].addresses().collect::<Vec<_>>(),
        [a("abcd::efef"), a("1234:5678::1")]
    );
    let dnssl: Vec<_> = p.search_lists().collect();
    assert_eq!(dnssl[0].lifetime, 5);
    let names: Vec<String> = dnssl[0].names().map(|n| n.to_string()).collect();
    assert_eq!(names, ["example.com", "example.org", "dom1.dom2.tld"]);
    assert_eq!(p.mtu().unwrap().mtu, 100);
    assert_eq!(
        p.source_link_layer_address().unwrap().mac().unwrap().to_string(),
        "B0:99:28:C8:D6:6C"
    );
    let decoded: Vec<_> = p.decoded_options().collect();
    assert!(matches!(
        decoded[5],
        NdpOption::AdvertisementInterval(AdvertisementInterval { interval_ms: 5000, .. })
    ));
    assert!(matches!(
        decoded[6],
        NdpOption::HomeAgentInformation(HomeAgentInformation {
            preference: 50001,
            lifetime: 15,
            ..
        })
    ));
    assert_eq!(reemit(f.ipv6.payload), f.ipv6.payload);
    assert!(p
        .to_string()
        .contains(" MTU                      :          100 bytes (invalid)"));
    #[cfg(feature = "alloc")]
    {
        let owned = Message::parse(f.ipv6.payload).unwrap();
        assert_eq!(owned.to_string(), p.to_string());
        let mut too_long = owned.clone();
        too_long.options.push(NdpOption::Unknown(UnknownOption {
            option_type: 200,
            data: std::vec![0; 3000],
        }));
        assert!(too_long.to_string().contains("cannot be emitted"));
    }
}

#[test]
fn shared_ra_capture_other_frames_are_not_nd() {
    // Frames 2 and 3 are MLD messages behind a Hop-by-Hop header: the frame parser reaches the
    // ICMPv6 part, the ND parser refuses the type.
    for raw in &pcap_packets(RA_PCAP)[1..] {
        let f = frame::parse_ethernet(raw).unwrap();
        assert!(matches!(Packet::parse(f.ipv6.payload), Err(NdpError::NotNdp { .. })));
    }
}

#[test]
fn shared_dad_ns_capture_decodes() {
    let f = frame::parse_ethernet(pcap_packets(NS_PCAP)[0]).unwrap();
    assert_eq!(f.ipv6.source, Ipv6Addr::UNSPECIFIED);
    assert_eq!(f.ipv6.destination, a("ff02::1:ffe1:f"));
    let p = Packet::parse(f.ipv6.payload).unwrap();
    assert_eq!(p.checksum(), 0x566e);
    assert!(p.verify_checksum(f.ipv6.source, f.ipv6.destination));
    let Header::NeighborSolicitation(h) = p.header() else {
        panic!()
    };
    assert_eq!(h.target, a("fe80::546f:f7ff:fee1:f"));
    let o: Vec<_> = p.decoded_options().collect();
    assert!(matches!(o[0], NdpOption::Nonce(n) if n.as_bytes() == [0x60, 0x69, 0x60, 0x4c, 0x0a, 0xaa]));
    assert!(validate(&p, f.ipv6.source, f.ipv6.destination, f.ipv6.hop_limit).is_empty());
    assert_eq!(reemit(f.ipv6.payload), f.ipv6.payload);
}

#[test]
fn shared_empty_icmpv6_capture_is_rejected_cleanly() {
    let raw = pcapng_packets(ZERO_PCAPNG)[0];
    let f = frame::parse_ethernet(raw).unwrap();
    assert!(f.ipv6.payload.is_empty());
    assert!(matches!(
        Packet::parse(f.ipv6.payload),
        Err(NdpError::Truncated {
            needed: 4,
            available: 0
        })
    ));
}

#[test]
fn dad_ns_builder_reproduces_the_capture_byte_for_byte() {
    let f = frame::parse_ethernet(pcap_packets(NS_PCAP)[0]).unwrap();
    let mut buf = [0u8; 64];
    let (env, n) = build::dad_neighbor_solicitation(
        a("fe80::546f:f7ff:fee1:f"),
        [0x60, 0x69, 0x60, 0x4c, 0x0a, 0xaa],
        &mut buf,
    )
    .unwrap();
    assert_eq!(env, f.ipv6.envelope());
    assert_eq!(&buf[..n], f.ipv6.payload);
    // And the whole frame, from the captured source MAC.
    let mut fb = [0u8; 128];
    let len = frame::emit_ethernet(f.source_mac, None, &env, &buf[..n], &mut fb).unwrap();
    assert_eq!(&fb[..len], pcap_packets(NS_PCAP)[0]);
}

// ---- ANCHORS.md bug classes, one named test each ----

/// A message: NS header for `::1` then `options` raw.
fn ns_with(options: &[u8]) -> Vec<u8> {
    let mut v = std::vec![135, 0, 0, 0, 0, 0, 0, 0];
    v.extend_from_slice(&a("2001:db8::1").octets());
    v.extend_from_slice(options);
    v
}

#[test]
fn option_length_32_or_more_is_computed_in_usize() {
    // pnet's u8 arithmetic overflows for Length >= 32; mdlayher's for >= 256 bytes.
    for units in [32u8, 33, 255] {
        let mut opt = std::vec![0u8; usize::from(units) * 8];
        opt[0] = 200; // unknown type
        opt[1] = units;
        let msg = ns_with(&opt);
        let p = Packet::parse(&msg).unwrap();
        let o = p.options().next().unwrap();
        assert_eq!(o.as_bytes().len(), usize::from(units) * 8);
        assert_eq!(reemit(&msg), msg);
    }
    // Length 32 claimed but only 255 bytes present: past the end, not a wrap-around.
    let mut opt = std::vec![0u8; 255];
    opt[0] = 1;
    opt[1] = 32;
    assert_eq!(
        Packet::parse(&ns_with(&opt)),
        Err(NdpError::OptionPastEnd {
            offset: 24,
            length: 256,
            available: 255
        })
    );
}

#[test]
fn zero_length_option_discards_the_packet() {
    let msg = ns_with(&[1, 1, 2, 0, 0, 0, 0, 1, 200, 0, 0, 0, 0, 0, 0, 0]);
    assert_eq!(Packet::parse(&msg), Err(NdpError::ZeroLengthOption { offset: 32 }));
}

#[test]
fn option_running_past_the_end_discards_the_packet() {
    let msg = ns_with(&[1, 2, 2, 0, 0, 0, 0, 1]);
    assert_eq!(
        Packet::parse(&msg),
        Err(NdpError::OptionPastEnd {
            offset: 24,
            length: 16,
            available: 8
        })
    );
}

#[test]
fn trailing_bytes_shorter_than_an_option_header_discard_the_packet() {
    let msg = ns_with(&[1, 1, 2, 0, 0, 0, 0, 1, 7]);
    assert_eq!(Packet::parse(&msg), Err(NdpError::TrailingByte { offset: 32 }));
    // Two to seven stray bytes read as an option header whose Length runs past the end.
    let msg = ns_with(&[1, 1, 2, 0, 0, 0, 0, 1, 7, 1, 0]);
    assert_eq!(
        Packet::parse(&msg),
        Err(NdpError::OptionPastEnd {
            offset: 32,
            length: 8,
            available: 3
        })
    );
}

#[test]
fn unknown_option_types_are_skipped_and_kept_in_place() {
    let msg = ns_with(&[
        99, 1, 1, 2, 3, 4, 5, 6, 1, 1, 2, 0, 0, 0, 0, 1, 250, 2, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9,
    ]);
    let p = Packet::parse(&msg).unwrap();
    let o: Vec<_> = p.decoded_options().collect();
    assert!(matches!(o[0], NdpOption::Unknown(UnknownOption { option_type: 99, data }) if data == [1, 2, 3, 4, 5, 6]));
    assert!(matches!(
        o[2],
        NdpOption::Unknown(UnknownOption { option_type: 250, .. })
    ));
    assert_eq!(
        p.source_link_layer_address().unwrap().mac().unwrap().to_string(),
        "02:00:00:00:00:01"
    );
    assert_eq!(reemit(&msg), msg);
}

#[cfg(feature = "alloc")] // owned messages and alloc-only option constructors
#[test]
fn many_prefix_route_and_rdnss_options_are_all_kept() {
    let prefixes: Vec<PrefixInformation> = (0..20u16)
        .map(|i| PrefixInformation::new(format!("2001:db8:{i:x}::/64").parse().unwrap(), true, true, 100, 50))
        .collect();
    let routes: Vec<RouteInformation> = (0..5u16)
        .map(|i| {
            RouteInformation::new(
                format!("2001:db8:f{i:x}::/48").parse().unwrap(),
                RouterPreference::Low,
                60,
            )
        })
        .collect();
    let s1 = [a("2001:db8::53")];
    let s2 = [a("2001:db8::54"), a("2001:db8::55")];
    let dns = [
        DnsServers {
            lifetime: 10,
            servers: &s1,
        },
        DnsServers {
            lifetime: 20,
            servers: &s2,
        },
    ];
    let cfg = RaConfig {
        source: a("fe80::1"),
        prefixes: &prefixes,
        routes: &routes,
        dns_servers: &dns,
        ..Default::default()
    };
    let mut buf = [0u8; 1500];
    let built = build::router_advertisement(&cfg, 1500, &mut buf).unwrap();
    assert_eq!(built.len, cfg.buffer_len().unwrap());
    let p = Packet::parse(&buf[..built.len]).unwrap();
    assert_eq!(p.prefixes().collect::<Vec<_>>(), prefixes);
    assert_eq!(p.routes().collect::<Vec<_>>(), routes);
    assert_eq!(p.dns_servers().count(), 2);
    assert_eq!(Message::parse(&buf[..built.len]).unwrap().options.len(), 27);
}

#[test]
fn redirect_target_link_layer_address_comes_from_option_2() {
    // smoltcp #1181: the TLLA of a Redirect was read from the wrong option. Here a Redirected
    // Header comes first and an (odd but legal) SLLA precedes the TLLA.
    let mut msg = std::vec![137, 0, 0, 0, 0, 0, 0, 0];
    msg.extend_from_slice(&a("fe80::2").octets());
    msg.extend_from_slice(&a("2001:db8::99").octets());
    msg.extend_from_slice(&[4, 2, 0, 0, 0, 0, 0, 0, 0x60, 0, 0, 0, 0, 0, 0x3a, 0x40]);
    msg.extend_from_slice(&[1, 1, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa, 0xaa]);
    msg.extend_from_slice(&[2, 1, 0x02, 0, 0, 0, 0, 0x02]);
    let p = Packet::parse(&msg).unwrap();
    assert_eq!(
        p.target_link_layer_address().unwrap().mac().unwrap().to_string(),
        "02:00:00:00:00:02"
    );
    let Header::Redirect(h) = p.header() else { panic!() };
    assert_eq!((h.target, h.destination), (a("fe80::2"), a("2001:db8::99")));
    let o: Vec<_> = p.decoded_options().collect();
    assert!(matches!(o[0], NdpOption::RedirectedHeader(r) if r.packet.len() == 8 && r.packet[0] == 0x60));
    assert_eq!(reemit(&msg), msg);
}

#[test]
fn link_layer_addresses_of_8_and_20_bytes() {
    // IEEE 802.15.4 (RFC 4944 §8): an EUI-64 in a 16-byte option, 6 bytes of padding.
    let eui: macaddr::MacAddr8 = "02:11:22:ff:fe:33:44:55".parse().unwrap();
    let mut buf = [0u8; 64];
    let mut w = MessageWriter::new(&Header::RouterSolicitation(RouterSolicitation::default()), &mut buf).unwrap();
    w.push(&NdpOption::SourceLinkLayerAddress(LinkLayerAddress::from_eui64(eui)))
        .unwrap();
    // InfiniBand (RFC 4391 §8): 20 bytes in a 24-byte option.
    let ib: [u8; 20] = core::array::from_fn(|i| i as u8 + 1);
    w.push(&NdpOption::TargetLinkLayerAddress(LinkLayerAddress(ib)))
        .unwrap();
    let msg = w.finish(ChecksumMode::LeaveZero).unwrap().to_vec();
    assert_eq!(msg.len(), 8 + 16 + 24);
    assert_eq!(&msg[8..10], &[1, 2]);
    assert_eq!(&msg[18..24], &[0; 6], "padding zeroed");
    assert_eq!(&msg[24..26], &[2, 3]);
    let p = Packet::parse(&msg).unwrap();
    let s = p.source_link_layer_address().unwrap();
    assert_eq!(s.eui64(), Some(eui));
    assert_eq!(s.mac(), None, "not an Ethernet-sized option");
    assert_eq!(p.target_link_layer_address().unwrap().address(20), Some(&ib[..]));
    assert_eq!(reemit(&msg), msg);
}

fn rio(length: u8, prefix_length: u8, prefix: &[u8]) -> Vec<u8> {
    let mut o = std::vec![24, length, prefix_length, 0x08, 0, 0, 0x0e, 0x10];
    o.extend_from_slice(prefix);
    o
}

#[test]
fn route_information_length_3_for_a_64_is_kept_and_reemitted() {
    let mut p16 = a("2001:db8:f00:1::").octets().to_vec();
    p16[15] = 0; // exactly a /64, sent in a Length-3 option as real routers do
    let msg = ns_with(&rio(3, 64, &p16));
    let p = Packet::parse(&msg).unwrap();
    let NdpOption::RouteInformation(r) = p.options().next().unwrap().decode() else {
        panic!()
    };
    assert_eq!((r.length, r.prefix_length), (3, 64));
    assert_eq!(r.network().to_string(), "2001:db8:f00:1::/64");
    assert_eq!(r.preference(), RouterPreference::High);
    assert_eq!(reemit(&msg), msg);
}

#[test]
fn route_information_bits_beyond_the_prefix_length_are_kept() {
    let mut pfx = a("2001:db8:f00::").octets()[..8].to_vec();
    pfx[7] = 0xff; // beyond /48
    let msg = ns_with(&rio(2, 48, &pfx));
    let p = Packet::parse(&msg).unwrap();
    let NdpOption::RouteInformation(r) = p.options().next().unwrap().decode() else {
        panic!()
    };
    assert_eq!(r.network().to_string(), "2001:db8:f00::/48");
    assert_eq!(r.prefix.octets()[7], 0xff);
    assert_eq!(reemit(&msg), msg);
}

#[test]
fn route_information_too_short_for_its_prefix_is_invalid_but_the_message_survives() {
    // CVE-2024-5564 (libndp): Length 1 with prefix length 64 made it read past the option.
    for (len, plen, body) in [
        (1u8, 64u8, &[][..]),
        (2, 65, &[0u8; 8][..]),
        (1, 1, &[][..]),
        (3, 129, &[0u8; 16][..]),
    ] {
        let mut opts = rio(len, plen, body);
        opts.extend_from_slice(&[1, 1, 2, 0, 0, 0, 0, 1]);
        let msg = ns_with(&opts);
        let p = Packet::parse(&msg).unwrap();
        let o = p.options().next().unwrap().decode();
        assert_eq!(
            o,
            NdpOption::Invalid {
                reason: InvalidReason::RouteInformationLength {
                    length: len,
                    prefix_length: plen
                },
                option: UnknownOption {
                    option_type: 24,
                    data: &msg[26..24 + usize::from(len) * 8]
                }
            }
        );
        assert_eq!(p.routes().count(), 0);
        assert!(p.source_link_layer_address().is_some());
        assert_eq!(reemit(&msg), msg);
    }
}

#[test]
fn rdnss_with_an_even_length_is_invalid_but_the_message_survives() {
    // CVE-2020-16898 ("Bad Neighbor"): Windows trusted an even Length.
    let mut opt = std::vec![25, 4, 0, 0, 0, 0, 0, 60];
    opt.extend_from_slice(&[0x20; 24]);
    let msg = ns_with(&opt);
    let p = Packet::parse(&msg).unwrap();
    assert!(matches!(
        p.options().next().unwrap().decode(),
        NdpOption::Invalid {
            reason: InvalidReason::RdnssLength { length: 4 },
            ..
        }
    ));
    assert_eq!(p.dns_servers().count(), 0);
    assert_eq!(reemit(&msg), msg);
}

#[test]
fn pref64_every_prefix_length_code() {
    for (plc, len) in [
        (0u8, Some(96u8)),
        (1, Some(64)),
        (2, Some(56)),
        (3, Some(48)),
        (4, Some(40)),
        (5, Some(32)),
        (6, None),
        (7, None),
    ] {
        let mut opt = std::vec![38, 2, 0x07, 0x08 | plc];
        opt.extend_from_slice(&[0x20, 0x01, 0x0d, 0xb8, 0, 0x64, 0, 0, 0, 0, 0, 0]);
        let msg = ns_with(&opt);
        let p = Packet::parse(&msg).unwrap();
        match (p.options().next().unwrap().decode(), len) {
            (NdpOption::Pref64(x), Some(l)) => {
                assert_eq!(x.prefix_length(), Some(l));
                assert_eq!(x.lifetime(), 0xe1 * 8);
                assert_eq!(x.network().prefix_len(), l);
            }
            (
                NdpOption::Invalid {
                    reason: InvalidReason::Pref64PrefixLengthCode { code },
                    ..
                },
                None,
            ) => {
                assert_eq!(code, plc)
            }
            other => panic!("PLC {plc}: {other:?}"),
        }
        assert_eq!(reemit(&msg), msg);
    }
    let x = Pref64::new("64:ff9b::/96".parse().unwrap(), 600).unwrap();
    assert_eq!((x.prefix_length(), x.lifetime()), (Some(96), 600));
}

#[cfg(feature = "alloc")] // owned messages and alloc-only option constructors
#[test]
fn dnssl_padding_is_zeroed_by_builders() {
    // odhcpd once left the padding uninitialised, which broke systemd-networkd.
    let mut buf = [0xeeu8; 128];
    let mut w = MessageWriter::new(&Header::RouterSolicitation(RouterSolicitation::default()), &mut buf).unwrap();
    w.push_dnssl(600, &["example.com", "lab.example.org."]).unwrap();
    let msg = w.finish(ChecksumMode::LeaveZero).unwrap().to_vec();
    // 8 + 13 + 17 = 38 bytes of content: 40 bytes, 2 of padding.
    assert_eq!(msg.len(), 8 + 40);
    assert_eq!(&msg[8..16], &[31, 5, 0, 0, 0, 0, 2, 0x58]);
    assert_eq!(&msg[46..48], &[0, 0]);
    let p = Packet::parse(&msg).unwrap();
    let names: Vec<String> = p
        .search_lists()
        .next()
        .unwrap()
        .names()
        .map(|n| n.to_string())
        .collect();
    assert_eq!(names, ["example.com", "lab.example.org"]);
    // Owned constructor, same bytes.
    let d = DnsSearchList::new(600, &["example.com", "lab.example.org"]).unwrap();
    let mut b2 = [0xeeu8; 40];
    NdpOption::DnsSearchList(d).emit(&mut b2).unwrap();
    assert_eq!(&b2[..], &msg[8..]);
}

#[test]
fn dnssl_with_non_zero_padding_or_bad_labels_is_invalid_but_kept() {
    for body in [
        &b"\x07example\x03com\x00\x00\x01"[..],   // non-zero padding
        &b"\x07example\x0aco"[..],                // label past the end
        &b"\xc0\x0c\x00\x00\x00\x00\x00\x00"[..], // compression pointer
        &b"\x07example\x03com"[..],               // unterminated
    ] {
        let mut opt = std::vec![31, 0, 0, 0, 0, 0, 0, 5];
        opt.extend_from_slice(body);
        opt.resize(opt.len().div_ceil(8) * 8, 0);
        if body == b"\x07example\x03com" {
            opt.truncate(8 + 12); // 8 + 12 = 20 -> pad with label bytes so no zero ends it
            opt.extend_from_slice(&[1, b'x', 1, b'y']);
        }
        opt[1] = (opt.len() / 8) as u8;
        let msg = ns_with(&opt);
        let p = Packet::parse(&msg).unwrap();
        assert!(
            matches!(
                p.options().next().unwrap().decode(),
                NdpOption::Invalid {
                    reason: InvalidReason::DnsslBadName { .. },
                    ..
                }
            ),
            "{body:?}"
        );
        assert_eq!(p.search_lists().count(), 0);
        assert_eq!(reemit(&msg), msg);
    }
}

#[test]
fn dnssl_bad_name_offsets_point_at_the_bad_byte() {
    // Offsets from the start of the option (8-byte header, then the names), worked by hand.
    for (body, offset) in [
        (&b"\x07example\x03com\x00\x00\x00\x01"[..], 8 + 15), // the first non-zero padding byte
        (&b"\x07example\x0aco\x00\x00\x00\x00"[..], 8 + 8),   // the length byte of the label past the end
        (&b"\xc0\x0c\x00\x00\x00\x00\x00\x00"[..], 8),        // the compression pointer
        (&b"\x03abc\x40abc\x00\x00\x00\x00\x00\x00\x00\x00"[..], 8 + 4), // the 64-byte label's length byte
    ] {
        let mut opt = std::vec![31, 0, 0, 0, 0, 0, 0, 5];
        opt.extend_from_slice(body);
        opt[1] = (opt.len() / 8) as u8;
        assert_eq!(
            NdpOption::decode(&opt),
            NdpOption::Invalid {
                reason: InvalidReason::DnsslBadName { offset },
                option: UnknownOption {
                    option_type: 31,
                    data: &opt[2..],
                },
            },
            "{body:?}"
        );
    }
}

#[cfg(feature = "alloc")] // owned messages and alloc-only option constructors
#[test]
fn builders_cap_rdnss_at_127_servers() {
    let servers: Vec<Ipv6Addr> = (0..128u16)
        .map(|i| Ipv6Addr::new(0x2001, 0xdb8, 0, 0, 0, 0, 0, i))
        .collect();
    let mut buf = std::vec![0u8; 4096];
    let mut w = MessageWriter::new(&Header::RouterSolicitation(RouterSolicitation::default()), &mut buf).unwrap();
    assert_eq!(
        w.push_rdnss(1, &servers).unwrap_err(),
        NdpError::RdnssServerCount { count: 128 }
    );
    assert_eq!(
        w.push_rdnss(1, &[]).unwrap_err(),
        NdpError::RdnssServerCount { count: 0 }
    );
    w.push_rdnss(1, &servers[..127]).unwrap();
    let msg = w.finish(ChecksumMode::LeaveZero).unwrap();
    assert_eq!(msg[9], 255);
    assert_eq!(
        Packet::parse(msg)
            .unwrap()
            .dns_servers()
            .next()
            .unwrap()
            .addresses()
            .count(),
        127
    );
    assert!(RecursiveDnsServer::new(1, &servers).is_err());
    let ragged = NdpOption::RecursiveDnsServer(RecursiveDnsServer {
        reserved: 0,
        lifetime: 1,
        addresses: &[0u8; 20][..],
    });
    assert!(matches!(
        ragged.emit(&mut [0u8; 64]),
        Err(NdpError::FieldOutOfRange { .. })
    ));
    let dns = [DnsServers {
        lifetime: 1,
        servers: &servers,
    }];
    assert!(RaConfig {
        dns_servers: &dns,
        ..Default::default()
    }
    .buffer_len()
    .is_err());
}

#[test]
fn builders_refuse_options_over_2040_bytes() {
    let big = [0u8; 2039];
    let mut buf = std::vec![0u8; 4096];
    let o = NdpOption::Unknown(UnknownOption {
        option_type: 200,
        data: &big[..],
    });
    assert_eq!(
        o.emit(&mut buf),
        Err(NdpError::OptionTooLong {
            option_type: 200,
            length: 2048
        })
    );
    let ok = NdpOption::Unknown(UnknownOption {
        option_type: 200,
        data: &big[..2038],
    });
    assert_eq!(ok.emit(&mut buf), Ok(2040));
    assert_eq!(buf[1], 255);
    // A search list too long for one option.
    let long: Vec<String> = (0..40).map(|i| format!("{i}.{}.example", "a".repeat(50))).collect();
    let names: Vec<&str> = long.iter().map(|s| s.as_str()).collect();
    let mut w = MessageWriter::new(&Header::RouterSolicitation(RouterSolicitation::default()), &mut buf).unwrap();
    assert!(matches!(
        w.push_dnssl(1, &names),
        Err(NdpError::OptionTooLong { option_type: 31, .. })
    ));
}

#[test]
fn router_advertisement_larger_than_the_link_mtu_is_flagged() {
    // RFC 6980: ND must not be fragmented.
    let prefixes: Vec<PrefixInformation> = (0..45u16)
        .map(|i| PrefixInformation::new(format!("2001:db8:{i:x}::/64").parse().unwrap(), true, true, 1, 1))
        .collect();
    let cfg = RaConfig {
        source: a("fe80::1"),
        prefixes: &prefixes,
        ..Default::default()
    };
    let mut buf = [0u8; 2000];
    let built = build::router_advertisement(&cfg, 1280, &mut buf).unwrap();
    assert_eq!(built.len, 16 + 45 * 32);
    assert!(built.exceeds_link_mtu);
    assert!(
        !build::router_advertisement(&cfg, 1500, &mut buf)
            .unwrap()
            .exceeds_link_mtu
    );
}

// ---- structural rules ----

#[test]
fn non_zero_code_and_short_messages_are_discarded() {
    let mut msg = ns_with(&[]);
    msg[1] = 1;
    assert_eq!(Packet::parse(&msg), Err(NdpError::NonZeroCode { code: 1 }));
    assert_eq!(
        Packet::parse(&[134, 0, 0, 0, 64, 0, 0, 0]),
        Err(NdpError::Truncated {
            needed: 16,
            available: 8
        })
    );
    assert_eq!(
        Packet::parse(&[128, 0, 0, 0]),
        Err(NdpError::NotNdp { message_type: 128 })
    );
    assert_eq!(
        Packet::parse(&[]),
        Err(NdpError::Truncated {
            needed: 4,
            available: 0
        })
    );
}

#[test]
fn more_than_max_options_are_discarded() {
    let mut opts = Vec::new();
    for _ in 0..=MAX_OPTIONS {
        opts.extend_from_slice(&[200, 1, 0, 0, 0, 0, 0, 0]);
    }
    assert_eq!(
        Packet::parse(&ns_with(&opts)),
        Err(NdpError::TooManyOptions { limit: MAX_OPTIONS })
    );
    opts.truncate(MAX_OPTIONS * 8);
    assert_eq!(Packet::parse(&ns_with(&opts)).unwrap().option_count(), MAX_OPTIONS);
}

#[test]
fn ra_unknown_flag_bits_and_reserved_fields_survive() {
    let mut msg = std::vec![134, 0, 0xab, 0xcd, 0, 0xd7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    msg.extend_from_slice(&[5, 1, 0x12, 0x34, 0, 0, 5, 0xdc]); // MTU with dirty reserved bytes
    msg.extend_from_slice(&[3, 4, 64, 0xff, 0, 0, 0, 1, 0, 0, 0, 1, 0xde, 0xad, 0xbe, 0xef]);
    msg.extend_from_slice(&a("2001:db8::ffff").octets()); // host bits set
    let p = Packet::parse(&msg).unwrap();
    let Header::RouterAdvertisement(h) = p.header() else {
        panic!()
    };
    assert_eq!(h.flags.reserved(), 0b11);
    assert!(h.flags.proxy() && h.flags.managed());
    assert_eq!(h.flags.preference(), RouterPreference::Reserved);
    assert_eq!(
        p.mtu().unwrap(),
        Mtu {
            reserved: 0x1234,
            mtu: 1500
        }
    );
    let pio = p.prefixes().next().unwrap();
    assert_eq!(pio.reserved2, 0xdeadbeef);
    assert!(pio.dhcpv6_pd() && pio.router_address());
    assert_eq!(pio.network().to_string(), "2001:db8::/64");
    assert_eq!(reemit(&msg), msg);
}

#[test]
fn every_other_option_type_round_trips() {
    let mut opts = Vec::new();
    opts.extend_from_slice(&[7, 1, 0, 0, 0, 0, 0x13, 0x88]);
    opts.extend_from_slice(&[8, 1, 0, 0, 0xc3, 0x51, 0, 0x0f]);
    opts.extend_from_slice(&[26, 1, 0x80, 0, 0, 0, 0, 1]);
    let uri = b"https://portal.example/";
    let mut cp = std::vec![37, 4];
    cp.extend_from_slice(uri);
    cp.resize(32, 0);
    opts.extend_from_slice(&cp);
    let msg = ns_with(&opts);
    let p = Packet::parse(&msg).unwrap();
    let o: Vec<_> = p.decoded_options().collect();
    assert!(matches!(o[0], NdpOption::AdvertisementInterval(x) if x.interval_ms == 5000));
    assert!(matches!(o[1], NdpOption::HomeAgentInformation(x) if x.preference == 50001 && x.lifetime == 15));
    let NdpOption::RaFlagsExtension(x) = o[2] else { panic!() };
    assert!(x.bit(0) && x.bit(47) && !x.bit(1));
    let NdpOption::CaptivePortal(c) = o[3] else { panic!() };
    assert_eq!(c.uri(), Some("https://portal.example/"));
    assert_eq!(reemit(&msg), msg);
    // Wrong Length for a fixed option: invalid, kept.
    let msg = ns_with(&[5, 2, 0, 0, 0, 0, 5, 0xdc, 0, 0, 0, 0, 0, 0, 0, 0]);
    assert!(matches!(
        Packet::parse(&msg).unwrap().options().next().unwrap().decode(),
        NdpOption::Invalid {
            reason: InvalidReason::WrongLength { length: 2, expected: 1 },
            ..
        }
    ));
    assert_eq!(reemit(&msg), msg);
}

// ---- validation ----

#[test]
fn validate_reports_every_failed_rule() {
    let ll = a("fe80::1");
    let mut buf = [0u8; 128];
    // RA from a global address with hop limit 64 and a broken checksum: three rules.
    let cfg = RaConfig {
        source: a("2001:db8::1"),
        ..Default::default()
    };
    let built = build::router_advertisement(&cfg, 1500, &mut buf).unwrap();
    buf[2] ^= 1;
    let p = Packet::parse(&buf[..built.len]).unwrap();
    let v = validate(&p, cfg.source, cfg.destination, 64);
    assert_eq!(
        v.iter().collect::<Vec<_>>(),
        [Rule::HopLimit255, Rule::ChecksumValid, Rule::RaSourceLinkLocal]
    );
    assert!(v.to_string().contains("RFC 4861 §6.1.2"));

    // NS from :: with an SLLA, to ff02::1, for a multicast target.
    let (env, n) = build::neighbor_solicitation(
        Ipv6Addr::UNSPECIFIED,
        a("ff02::5"),
        "02:00:00:00:00:01".parse().unwrap(),
        &mut buf,
    )
    .unwrap();
    let p = Packet::parse(&buf[..n]).unwrap();
    let v = validate(&p, env.source, a("ff02::1"), 255);
    assert!(v.contains(Rule::NsTargetNotMulticast));
    assert!(v.contains(Rule::NsUnspecifiedSourceToSolicitedNode));
    assert!(v.contains(Rule::NsUnspecifiedSourceWithoutSlla));
    assert!(
        v.contains(Rule::ChecksumValid),
        "checksum was for the solicited-node destination"
    );

    // RS from :: with an SLLA (hand-built: the builder refuses to add one).
    let mut w = MessageWriter::new(&Header::RouterSolicitation(RouterSolicitation::default()), &mut buf).unwrap();
    w.push(&NdpOption::SourceLinkLayerAddress(LinkLayerAddress([
        2u8, 0, 0, 0, 0, 1,
    ])))
    .unwrap();
    let rs = w
        .finish(ChecksumMode::Compute {
            source: Ipv6Addr::UNSPECIFIED,
            destination: a("ff02::2"),
        })
        .unwrap()
        .to_vec();
    let v = validate(&Packet::parse(&rs).unwrap(), Ipv6Addr::UNSPECIFIED, a("ff02::2"), 255);
    assert_eq!(v.iter().collect::<Vec<_>>(), [Rule::RsUnspecifiedSourceWithoutSlla]);

    // NA with S set to all-nodes, multicast target.
    let w = MessageWriter::new(
        &Header::NeighborAdvertisement(NeighborAdvertisement {
            flags: NaFlags::new(false, true, true),
            target: a("ff02::1"),
        }),
        &mut buf,
    )
    .unwrap();
    let na = w
        .finish(ChecksumMode::Compute {
            source: ll,
            destination: a("ff02::1"),
        })
        .unwrap()
        .to_vec();
    let v = validate(&Packet::parse(&na).unwrap(), ll, a("ff02::1"), 255);
    assert_eq!(
        v.iter().collect::<Vec<_>>(),
        [Rule::NaTargetNotMulticast, Rule::NaMulticastNotSolicited]
    );

    // Redirect from a global source, multicast destination, global target != destination.
    let red = Header::Redirect(Redirect {
        reserved: 0,
        target: a("2001:db8::2"),
        destination: a("ff0e::1"),
    });
    let src = a("2001:db8::1");
    let w = MessageWriter::new(&red, &mut buf).unwrap();
    let msg = w
        .finish(ChecksumMode::Compute {
            source: src,
            destination: a("2001:db8::3"),
        })
        .unwrap()
        .to_vec();
    let v = validate(&Packet::parse(&msg).unwrap(), src, a("2001:db8::3"), 255);
    assert_eq!(
        v.iter().collect::<Vec<_>>(),
        [
            Rule::RedirectSourceLinkLocal,
            Rule::RedirectDestinationNotMulticast,
            Rule::RedirectTargetLinkLocalOrDestination
        ]
    );
    // A good redirect: link-local source and target.
    let red = Header::Redirect(Redirect {
        reserved: 0,
        target: a("fe80::2"),
        destination: a("2001:db8::9"),
    });
    let w = MessageWriter::new(&red, &mut buf).unwrap();
    let msg = w
        .finish(ChecksumMode::Compute {
            source: ll,
            destination: a("2001:db8::3"),
        })
        .unwrap()
        .to_vec();
    assert!(validate(&Packet::parse(&msg).unwrap(), ll, a("2001:db8::3"), 255).is_empty());
}

// ---- builders ----

#[test]
fn builders_produce_valid_messages() {
    let mac: macaddr::MacAddr6 = "02:00:00:00:00:01".parse().unwrap();
    let ll = a("fe80::ff:fe00:1");
    let mut buf = [0u8; 256];
    let check = |env: frame::Envelope, msg: &[u8]| {
        let p = Packet::parse(msg).unwrap();
        assert_eq!(env.hop_limit, 255);
        assert!(
            validate(&p, env.source, env.destination, env.hop_limit).is_empty(),
            "{p}"
        );
    };
    let (env, n) = build::router_solicitation(ll, Some(mac), &mut buf).unwrap();
    assert_eq!(env.destination, a("ff02::2"));
    assert_eq!(n, 16);
    check(env, &buf[..n]);
    let (env, n) = build::router_solicitation(Ipv6Addr::UNSPECIFIED, Some(mac), &mut buf).unwrap();
    assert_eq!(n, 8, "no SLLA from ::");
    check(env, &buf[..n]);
    let (env, n) =
        build::neighbor_advertisement(ll, ll, mac, NaDestination::Solicited(a("fe80::2")), false, &mut buf).unwrap();
    let Header::NeighborAdvertisement(h) = Packet::parse(&buf[..n]).unwrap().header() else {
        panic!()
    };
    assert!(h.flags.solicited() && h.flags.override_flag() && !h.flags.router());
    check(env, &buf[..n]);
    let (env, n) = build::neighbor_advertisement(ll, ll, mac, NaDestination::Unsolicited, true, &mut buf).unwrap();
    assert_eq!(env.destination, a("ff02::1"));
    let Header::NeighborAdvertisement(h) = Packet::parse(&buf[..n]).unwrap().header() else {
        panic!()
    };
    assert!(!h.flags.solicited() && h.flags.router());
    check(env, &buf[..n]);
    let (env, n) = build::unicast_neighbor_solicitation(ll, a("fe80::2"), mac, &mut buf).unwrap();
    assert_eq!(env.destination, a("fe80::2"));
    check(env, &buf[..n]);
}

#[test]
fn full_router_advertisement_and_its_display() {
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
        domains: &["example.com", "lab.example.org"],
    }];
    let cfg = RaConfig {
        source: a("fe80::ff:fe00:1"),
        header: RouterAdvertisement {
            cur_hop_limit: 64,
            flags: RaFlags::default()
                .with_other(true)
                .with_preference(RouterPreference::High),
            router_lifetime: 1800,
            reachable_time: 0,
            retrans_timer: 0,
        },
        source_mac: Some("02:00:00:00:00:01".parse().unwrap()),
        mtu: Some(1480),
        prefixes: &pio,
        routes: &rio,
        dns_servers: &dns,
        search_lists: &sl,
        ..Default::default()
    };
    let mut buf = [0u8; 512];
    let built = build::router_advertisement(&cfg, 1500, &mut buf).unwrap();
    let p = Packet::parse(&buf[..built.len]).unwrap();
    let text = p.to_string();
    for line in [
        "Hop limit                 :           64 (      0x40)",
        "Stateful other conf.      :          Yes",
        "Router preference         :         high",
        "Router lifetime           :         1800 (0x00000708) seconds",
        "Reachable time            :  unspecified (0x00000000)",
        " Prefix                   : 2001:db8:1::/64",
        "  Valid time              :        86400 (0x00015180) seconds",
        " Route                    : 2001:db8:f00::/48",
        " Recursive DNS server     : 2001:db8:1::54",
        " DNS search list          : lab.example.org",
        " MTU                      :         1480 bytes (valid)",
        " Source link-layer address: 02:00:00:00:00:01",
    ] {
        assert!(text.contains(line), "missing {line:?} in\n{text}");
    }
}

// ---- header bits: every bit reachable from the parts ----

#[test]
fn ra_flags_byte_is_exactly_its_parts() {
    // M, O, H, Prf, P and the two reserved bits partition the byte: each of the 256 values is
    // rebuilt from what its accessors read, and only 0 to 3 fit the reserved bits.
    for b in 0..=u8::MAX {
        let f = RaFlags(b);
        let rebuilt = RaFlags::default()
            .with_managed(f.managed())
            .with_other(f.other())
            .with_home_agent(f.home_agent())
            .with_preference(f.preference())
            .with_proxy(f.proxy())
            .with_reserved(f.reserved());
        assert_eq!(rebuilt, Some(f), "{b:#04x}");
        assert_eq!(f.with_reserved(b).is_some(), b <= 3, "{b:#04x}");
    }
}

#[test]
fn na_flags_word_is_exactly_its_parts() {
    for w in [0, 1, 0x1fff_ffff, 0x2000_0000, 0x8000_0001, 0xdead_beef, u32::MAX] {
        let f = NaFlags(w);
        let rebuilt = NaFlags::new(f.router(), f.solicited(), f.override_flag()).with_reserved(f.reserved());
        assert_eq!(rebuilt, Some(f), "{w:#010x}");
        assert_eq!(f.with_reserved(w).is_some(), w <= NaFlags::RESERVED, "{w:#010x}");
    }
    // Written and read back at offset 4, most significant bit first (RFC 4861 §4.4).
    let h = Header::NeighborAdvertisement(NeighborAdvertisement {
        flags: NaFlags::new(true, false, false).with_reserved(0x0123_4567).unwrap(),
        target: Ipv6Addr::LOCALHOST,
    });
    let mut buf = [0u8; 24];
    h.write(0, &mut buf).unwrap();
    assert_eq!(buf[4..8], [0x81, 0x23, 0x45, 0x67]);
    assert_eq!(Header::read(MessageType::NeighborAdvertisement, &buf), h);
}

// ---- round-trip properties ----

#[cfg(feature = "alloc")] // owned messages and alloc-only option constructors
mod prop {
    use super::*;
    use proptest::collection::vec;
    use proptest::prelude::*;

    fn addr() -> impl Strategy<Value = Ipv6Addr> {
        any::<[u8; 16]>().prop_map(Ipv6Addr::from)
    }

    pub(crate) fn header() -> impl Strategy<Value = Header> {
        prop_oneof![
            any::<u32>().prop_map(|reserved| Header::RouterSolicitation(RouterSolicitation { reserved })),
            (any::<u8>(), any::<u8>(), any::<u16>(), any::<u32>(), any::<u32>()).prop_map(|(c, f, l, r, t)| {
                Header::RouterAdvertisement(RouterAdvertisement {
                    cur_hop_limit: c,
                    flags: RaFlags(f),
                    router_lifetime: l,
                    reachable_time: r,
                    retrans_timer: t,
                })
            }),
            (any::<u32>(), addr())
                .prop_map(|(reserved, target)| Header::NeighborSolicitation(NeighborSolicitation { reserved, target })),
            (any::<u32>(), addr()).prop_map(|(f, target)| Header::NeighborAdvertisement(NeighborAdvertisement {
                flags: NaFlags(f),
                target
            })),
            (any::<u32>(), addr(), addr()).prop_map(|(reserved, target, destination)| Header::Redirect(Redirect {
                reserved,
                target,
                destination
            })),
        ]
    }

    pub(crate) fn option() -> impl Strategy<Value = NdpOption<Vec<u8>>> {
        prop_oneof![
            vec(any::<u8>(), 1..30).prop_map(|b| NdpOption::SourceLinkLayerAddress(LinkLayerAddress(b))),
            any::<[u8; 6]>().prop_map(|b| NdpOption::TargetLinkLayerAddress(LinkLayerAddress(b.to_vec()))),
            (0u8..=128, any::<u8>(), any::<u32>(), any::<u32>(), any::<u32>(), addr()).prop_map(
                |(l, f, v, p, r, a)| {
                    NdpOption::PrefixInformation(PrefixInformation {
                        prefix_length: l,
                        flags: f,
                        valid_lifetime: v,
                        preferred_lifetime: p,
                        reserved2: r,
                        prefix: a,
                    })
                }
            ),
            (any::<[u8; 6]>(), vec(any::<u8>(), 0..60))
                .prop_map(|(r, p)| NdpOption::RedirectedHeader(RedirectedHeader { reserved: r, packet: p })),
            (any::<u16>(), any::<u32>()).prop_map(|(r, m)| NdpOption::Mtu(Mtu { reserved: r, mtu: m })),
            (any::<u16>(), any::<u32>()).prop_map(|(r, m)| NdpOption::AdvertisementInterval(AdvertisementInterval {
                reserved: r,
                interval_ms: m
            })),
            (any::<u16>(), any::<u16>(), any::<u16>()).prop_map(|(r, p, l)| NdpOption::HomeAgentInformation(
                HomeAgentInformation {
                    reserved: r,
                    preference: p,
                    lifetime: l
                }
            )),
            vec(any::<u8>(), 6..20).prop_map(|b| NdpOption::Nonce(Nonce(b))),
            (0u8..=128, any::<u8>(), any::<u32>(), addr(), 0u8..3).prop_map(|(pl, f, lt, p, extra)| {
                let min = if pl == 0 {
                    1
                } else if pl <= 64 {
                    2
                } else {
                    3
                };
                let mut o = [0u8; 16];
                let n = (usize::from((min + extra).min(3)) - 1) * 8;
                o[..n].copy_from_slice(&p.octets()[..n]);
                NdpOption::RouteInformation(RouteInformation {
                    length: (min + extra).min(3),
                    prefix_length: pl,
                    flags: f,
                    route_lifetime: lt,
                    prefix: Ipv6Addr::from(o),
                })
            }),
            (any::<u16>(), any::<u32>(), vec(addr(), 1..5)).prop_map(|(r, l, a)| NdpOption::RecursiveDnsServer(
                RecursiveDnsServer {
                    reserved: r,
                    lifetime: l,
                    addresses: a.iter().flat_map(|x| x.octets()).collect()
                }
            )),
            vec(any::<u8>(), 6..14).prop_map(|b| NdpOption::RaFlagsExtension(RaFlagsExtension(b))),
            (
                any::<u16>(),
                any::<u32>(),
                vec("[a-z0-9-]{1,20}(\\.[a-z0-9-]{1,20}){0,3}", 1..4)
            )
                .prop_map(|(r, l, names)| {
                    let refs: Vec<&str> = names.iter().map(|s| s.as_str()).collect();
                    let mut d = DnsSearchList::new(l, &refs).unwrap();
                    d.reserved = r;
                    NdpOption::DnsSearchList(d)
                }),
            "https://[a-z]{1,30}\\.example/[a-z]{0,20}"
                .prop_map(|u| NdpOption::CaptivePortal(CaptivePortal(u.into_bytes()))),
            (0u16..0x1fff, 0u16..6, any::<[u8; 12]>()).prop_map(|(l, c, p)| NdpOption::Pref64(Pref64 {
                lifetime_plc: (l << 3) | c,
                prefix: p
            })),
            (
                prop_oneof![Just(6u8), 9u8..=13, 15u8..=23, 27u8..=30, 32u8..=36, 39u8..=255],
                vec(any::<u8>(), 0..40)
            )
                .prop_map(|(t, d)| NdpOption::Unknown(UnknownOption {
                    option_type: t,
                    data: d
                })),
        ]
    }

    /// Emits a generated message with a good checksum.
    pub(crate) fn emit_message(h: &Header, opts: &[NdpOption<Vec<u8>>], src: Ipv6Addr, dst: Ipv6Addr) -> Vec<u8> {
        let mut m = Message::new(*h);
        m.options = opts.to_vec();
        m.to_bytes(ChecksumMode::Compute {
            source: src,
            destination: dst,
        })
        .unwrap()
    }

    proptest! {
        #[test]
        fn generated_messages_round_trip(h in header(), opts in vec(option(), 0..12), src in addr(), dst in addr()) {
            let bytes = emit_message(&h, &opts, src, dst);
            let p = Packet::parse(&bytes).unwrap();
            prop_assert!(p.verify_checksum(src, dst));
            prop_assert_eq!(p.header(), h);
            // Every generated option decodes back to what was built, except that variable
            // payloads come back with their zero padding.
            let back: Vec<_> = p.decoded_options().map(|o| o.to_owned()).collect();
            prop_assert_eq!(back.len(), opts.len());
            for (b, o) in back.iter().zip(&opts) {
                prop_assert_eq!(b.option_type(), o.option_type());
                prop_assert!(!b.is_invalid(), "{:?}", b);
            }
            prop_assert_eq!(reemit(&bytes), bytes);
        }

        #[test]
        fn arbitrary_bytes_never_panic_and_accepted_ones_reemit(t in 133u8..=137, body in vec(any::<u8>(), 0..200)) {
            let mut bytes = std::vec![t, 0];
            bytes.extend_from_slice(&body);
            if let Ok(p) = Packet::parse(&bytes) {
                let _ = p.to_string();
                let _ = validate(&p, Ipv6Addr::UNSPECIFIED, Ipv6Addr::UNSPECIFIED, 255);
                prop_assert_eq!(reemit(&bytes), bytes);
            }
        }
    }
}

#[test]
fn builders_refuse_a_multicast_source() {
    // RFC 4291 §2.7: "Multicast addresses must not be used as source addresses in IPv6 packets."
    let mut buf = [0u8; 128];
    let all_nodes = a("ff02::1");
    assert_eq!(
        build::router_solicitation(all_nodes, None, &mut buf).map(|(_, n)| n),
        Err(NdpError::MulticastSource { address: all_nodes })
    );
    assert_eq!(
        build::neighbor_solicitation(
            all_nodes,
            a("2001:db8::1"),
            macaddr::MacAddr6::new(2, 0, 0, 0, 0, 1),
            &mut buf
        )
        .map(|(_, n)| n),
        Err(NdpError::MulticastSource { address: all_nodes })
    );
    // Unicast and unspecified sources still build.
    assert!(build::router_solicitation(a("fe80::1"), None, &mut buf).is_ok());
    assert!(build::router_solicitation(Ipv6Addr::UNSPECIFIED, None, &mut buf).is_ok());
}

#[cfg(feature = "alloc")]
#[test]
fn a_built_dnssl_equals_the_same_option_parsed_back() {
    // Found through the Python binding: built options kept no padding, parsed ones do, so the
    // two compared unequal though their wire bytes were the same.
    for names in [&["example.com"][..], &["example.com", "lab.example.org"], &["a.b"]] {
        let built = NdpOption::DnsSearchList(DnsSearchList::new(600, names).unwrap());
        let mut wire = std::vec![0u8; built.buffer_len()];
        let n = built.emit(&mut wire).unwrap();
        let parsed = Packet::parse(&[&[133u8, 0, 0, 0, 0, 0, 0, 0][..], &wire[..n]].concat())
            .unwrap()
            .decoded_options()
            .next()
            .unwrap()
            .to_owned();
        assert_eq!(parsed, built, "{names:?}");
    }
}

#[test]
fn router_advertisement_builder_carries_pref64_captive_portal_and_flags_extension() {
    let pref64 = [Pref64::new("64:ff9b::/96".parse().unwrap(), 1800).unwrap()];
    let cfg = RaConfig {
        source: a("fe80::1"),
        pref64: &pref64,
        captive_portal: Some("https://portal.example.net/"),
        flags_extension: Some([0x80, 0, 0, 0, 0, 1]),
        ..Default::default()
    };
    let mut buf = [0u8; 256];
    let built = build::router_advertisement(&cfg, 1500, &mut buf).unwrap();
    // 16 (RA) + 16 (PREF64) + 32 (2 + 27-byte URI, NUL-padded to 8) + 8 (flags extension).
    assert_eq!((built.len, cfg.buffer_len().unwrap()), (72, 72));
    let p = Packet::parse(&buf[..built.len]).unwrap();
    assert!(p.verify_checksum(built.envelope.source, built.envelope.destination));
    let opts: Vec<_> = p.decoded_options().collect();
    assert_eq!(opts.len(), 3);
    match &opts[0] {
        // RFC 8781: 1800 s is 225 units of 8 s; PLC 0 means /96.
        NdpOption::Pref64(x) => assert_eq!((x.lifetime_plc >> 3, x.lifetime_plc & 7), (225, 0)),
        o => panic!("{o:?}"),
    }
    match &opts[1] {
        NdpOption::CaptivePortal(x) => assert_eq!(x.uri(), Some("https://portal.example.net/")),
        o => panic!("{o:?}"),
    }
    match &opts[2] {
        NdpOption::RaFlagsExtension(x) => assert!(x.bit(0) && x.bit(47) && !x.bit(1)),
        o => panic!("{o:?}"),
    }
    // A URI too long for one option (2040 bytes) is refused up front.
    let long = "x".repeat(2040);
    let cfg = RaConfig {
        captive_portal: Some(&long),
        ..Default::default()
    };
    assert!(matches!(
        cfg.buffer_len(),
        Err(NdpError::OptionTooLong { option_type: 37, .. })
    ));
}

#[test]
fn a_resumed_writer_continues_the_message_byte_for_byte() {
    // tcpdump's RA, rebuilt one option per writer: each push starts from only the buffer and
    // the length written so far, as the C and Python bindings keep them.
    let ra = ra_frame().ipv6.payload;
    let p = Packet::parse(ra).unwrap();
    let mut buf = [0u8; 512];
    let mut len = MessageWriter::new(&p.header(), &mut buf).unwrap().len();
    for option in p.decoded_options() {
        let mut w = MessageWriter::resume(&mut buf, len).unwrap();
        w.push(&option).unwrap();
        len = w.len();
    }
    let msg = MessageWriter::resume(&mut buf, len)
        .unwrap()
        .finish(ChecksumMode::Keep(p.checksum()))
        .unwrap();
    assert_eq!(msg, ra);
}

#[test]
fn resume_refuses_what_is_not_a_message_begun() {
    let mut buf = [0u8; 64];
    buf[0] = 133; // a Router Solicitation's fixed part: 8 bytes
    assert_eq!(MessageWriter::resume(&mut buf, 8).unwrap().len(), 8);
    // Shorter than the fixed part, an option cut short, past the buffer, over 65535 bytes.
    assert_eq!(
        MessageWriter::resume(&mut buf, 4).unwrap_err(),
        NdpError::Truncated {
            needed: 8,
            available: 4
        }
    );
    buf[9] = 1; // an option of Length 1 (8 bytes) at offset 8, with 4 bytes present
    assert_eq!(
        MessageWriter::resume(&mut buf, 12).unwrap_err(),
        NdpError::OptionPastEnd {
            offset: 8,
            length: 8,
            available: 4
        }
    );
    assert_eq!(
        MessageWriter::resume(&mut buf, 65).unwrap_err(),
        NdpError::BufferTooSmall {
            needed: 65,
            available: 64
        }
    );
    let mut big = std::vec![0u8; 70_000];
    assert_eq!(
        MessageWriter::resume(&mut big, 70_000).unwrap_err(),
        NdpError::MessageTooLong { length: 70_000 }
    );
    // Not an ND type.
    buf[0] = 128;
    assert!(matches!(
        MessageWriter::resume(&mut buf, 8),
        Err(NdpError::NotNdp { message_type: 128 })
    ));
}

#[test]
fn a_writer_writes_no_more_options_than_parse_accepts() {
    let mut buf = std::vec![0u8; 8 + 8 * (MAX_OPTIONS + 1)];
    let mut w = MessageWriter::new(&Header::RouterSolicitation(RouterSolicitation::default()), &mut buf).unwrap();
    for _ in 0..MAX_OPTIONS {
        w.push(&NdpOption::<&[u8]>::Mtu(Mtu::new(1500))).unwrap();
    }
    let mtu = NdpOption::<&[u8]>::Mtu(Mtu::new(1500));
    assert_eq!(
        w.push(&mtu).unwrap_err(),
        NdpError::TooManyOptions { limit: MAX_OPTIONS }
    );
    assert_eq!(
        w.push_rdnss(1, &[a("2001:db8::53")]).unwrap_err(),
        NdpError::TooManyOptions { limit: MAX_OPTIONS }
    );
    let len = w.len();
    // A resumed writer counts the options already there.
    let mut again = MessageWriter::resume(&mut buf, len).unwrap();
    assert_eq!(
        again.push(&mtu).unwrap_err(),
        NdpError::TooManyOptions { limit: MAX_OPTIONS }
    );
    let msg = again.finish(ChecksumMode::LeaveZero).unwrap();
    assert_eq!(Packet::parse(msg).unwrap().option_count(), MAX_OPTIONS);
}

#[cfg(feature = "alloc")] // DnsSearchList::new
#[test]
fn an_empty_search_list_is_refused_not_written() {
    // RFC 8106 §5.2: "one or more domain names"; our parser marks an option without one invalid.
    let mut buf = [0u8; 64];
    let mut w = MessageWriter::new(&Header::RouterSolicitation(RouterSolicitation::default()), &mut buf).unwrap();
    assert_eq!(w.push_dnssl(600, &[]).unwrap_err(), NdpError::EmptySearchList);
    assert_eq!(w.len(), 8);
    assert_eq!(DnsSearchList::new(600, &[]).unwrap_err(), NdpError::EmptySearchList);
    let parsed = NdpOption::decode(&[31, 1, 0, 0, 0, 0, 2, 88]);
    assert!(parsed.is_invalid());
}
