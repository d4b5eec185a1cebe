#![allow(dead_code)] // each fuzz target uses one oracle of this shared file
//! The fuzz oracles, shared by the cargo-fuzz targets (`fuzz_targets/*.rs`) and by the
//! corpus-replay test (`ipv6kit/tests/fuzz_corpus.rs`), so that what the fuzzer checks and
//! what `cargo test` replays are the same code.
//!
//! Each oracle takes arbitrary bytes, must never panic on its own, and asserts the
//! invariants of what it drives (round trips, containment). A panic is a finding.

/// Runs the oracle of fuzz target `name` on `data`. Unknown names panic: the replay test
/// uses this to notice a corpus folder without an oracle.
pub fn run(name: &str, data: &[u8]) {
    match name {
        "text_parsers" => text_parsers(data),
        "scoped_parse" => scoped_parse(data),
        "sixrd_option212" => sixrd_option212(data),
        other => panic!("no fuzz oracle named {other}"),
    }
}

/// Every text parser of the address core: MAC/EUI-64, colour, ipv6board text, reverse names.
pub fn text_parsers(data: &[u8]) {
    use ipv6kit::iid::{Colour, Iid};
    use ipv6kit::mac;
    let Ok(s) = core::str::from_utf8(data) else { return };
    if let Ok(m) = mac::parse_mac(s) {
        // A MAC that parses prints in a form that parses back to itself.
        assert_eq!(mac::parse_mac(&m.to_string()).ok(), Some(m));
        let iid = Iid::from_mac(m);
        assert_eq!(iid.to_mac(), Some(m));
    }
    if let Ok(e) = mac::parse_eui64(s) {
        assert_eq!(Iid::from_eui64(e).to_eui64(), e);
    }
    if let Ok(c) = s.parse::<Colour>() {
        assert_eq!(Colour::from_iid(c.iid()), Some(c));
    }
    if let Ok(net) = ipv6kit::dns::parse_reverse_name(s) {
        // A name that parses is the zone name of what it parsed to.
        let zone = ipv6kit::dns::zone_name(net).expect("parsed names are nibble-aligned");
        assert_eq!(zone.as_str(), s.trim_end_matches('.').to_ascii_lowercase());
    }
    if let Ok(iid) = Iid::from_text(s) {
        let back = iid.to_text().expect("a text IID decodes");
        let back = back.as_str();
        assert_eq!(back.trim_end(), s.trim_end());
    }
}

/// The address-with-zone parsers (`fe80::1%wlan0`, `[fe80::1%25wlan0]:22`): whatever parses
/// prints in a form that parses back to the same value, in every text form, and the address
/// really takes a zone.
pub fn scoped_parse(data: &[u8]) {
    use ipv6kit::scoped::{accepts_zone, ScopedAddr, ScopedSocketAddr};
    let Ok(s) = core::str::from_utf8(data) else { return };
    let check = |a: ScopedAddr| {
        assert!(accepts_zone(a.addr()), "{a} took a zone");
        assert_eq!(a.to_string().parse::<ScopedAddr>(), Ok(a));
        assert_eq!(ScopedAddr::from_url_host(&a.url_host().to_string()), Ok(a));
    };
    if let Ok(a) = s.parse::<ScopedAddr>() {
        check(a);
    }
    if let Ok(a) = ScopedAddr::from_url_host(s) {
        check(a);
    }
    for sa in [s.parse::<ScopedSocketAddr>(), ScopedSocketAddr::from_url_authority(s)]
        .into_iter()
        .flatten()
    {
        check(sa.addr);
        assert_eq!(sa.to_string().parse::<ScopedSocketAddr>(), Ok(sa));
        assert_eq!(
            ScopedSocketAddr::from_url_authority(&sa.url_authority().to_string()),
            Ok(sa)
        );
        if let Ok(std_sa) = sa.to_socket_addr() {
            assert_eq!(ScopedSocketAddr::try_from(std_sa), Ok(sa));
        }
    }
}

/// DHCPv4 option 212 in its three forms (wire with and without code and length, busybox
/// text, dhclient decimal text), and the 6rd computations on whatever parses.
pub fn sixrd_option212(data: &[u8]) {
    use ipv6kit::sixrd::SixrdOption;
    if let Ok(o) = SixrdOption::parse(data) {
        // Emit gives the same bytes back, except the reserved prefix bits, which are zeroed.
        let mut buf = [0u8; 256];
        let n = o.emit(&mut buf).expect("a parsed option fits 256 bytes");
        assert_eq!(n, data.len());
        assert_eq!(buf[..4], data[..4]);
        assert_eq!(buf[20..n], data[20..]);
        assert_eq!(SixrdOption::parse(&buf[..n]), Ok(o));
        sixrd_exercise(&o, data);
    }
    if let Ok(o) = SixrdOption::parse_payload(data) {
        let mut buf = [0u8; 256];
        let n = o.emit_payload(&mut buf).expect("a parsed payload fits 256 bytes");
        assert_eq!(n, data.len());
        assert_eq!(SixrdOption::parse_payload(&buf[..n]), Ok(o));
        sixrd_exercise(&o, data);
    }
    let Ok(s) = core::str::from_utf8(data) else { return };
    if let Ok(o) = SixrdOption::parse_text(s) {
        // Every text form we print parses back to the same option.
        assert_eq!(o.to_string().parse::<SixrdOption>(), Ok(o));
        assert_eq!(o.dhclient_groups(true).to_string().parse::<SixrdOption>(), Ok(o));
        assert_eq!(o.dhclient_groups(false).to_string().parse::<SixrdOption>(), Ok(o));
        let mut buf = [0u8; 256];
        let n = o.emit(&mut buf).expect("a parsed option fits 256 bytes");
        assert_eq!(SixrdOption::parse(&buf[..n]), Ok(o));
        sixrd_exercise(&o, data);
    }
}

/// Delegation, addresses and extraction for a CE address taken from the input.
fn sixrd_exercise(o: &ipv6kit::sixrd::SixrdOption, data: &[u8]) {
    use ipv6kit::sixrd::TunnelConvention;
    use std::net::Ipv4Addr;
    let mut ce = [0u8; 4];
    for (i, b) in data.iter().rev().take(4).enumerate() {
        ce[i] = *b;
    }
    let ce = Ipv4Addr::from(ce);
    let d = o.domain_for(ce).expect("a valid option gives a domain for any CE");
    let net = d.delegated_prefix(ce).expect("the CE is in its own relay prefix");
    assert_eq!(net.prefix_len(), d.delegated_len());
    assert!(net.prefix_len() <= 64 && d.prefix().contains(&net));
    for conv in [TunnelConvention::OpenWrt, TunnelConvention::SubnetRouterAnycast] {
        let a = d.tunnel_address(ce, conv).unwrap();
        assert!(net.contains(&a));
        assert_eq!(d.extract_ipv4(a), Ok(ce));
    }
    for (i, s) in d.subnets(ce).unwrap().take(4).enumerate() {
        assert_eq!(s.tunnel, i == 0);
        assert!(net.contains(&s.prefix));
    }
    for r in o.border_relays() {
        if let Ok(a) = d.border_relay_address(*r) {
            assert_eq!(d.extract_ipv4(a), Ok(*r));
        }
    }
}
