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
        "ndp_parse" => ndp_parse(data),
        // The C API's NDP entry point wraps this parser; ipv6kit-ffi/tests/fuzz_corpus.rs
        // replays the same corpus through the C API's own oracle (ipv6kit-ffi/fuzz_oracle.rs).
        "ffi_ndp_parse" => ndp_parse(data),

        "scoped_parse" => scoped_parse(data),
        "sixrd_option212" => sixrd_option212(data),
        #[cfg(feature = "plan")]
        "plan_text" => plan_text(data),
        #[cfg(feature = "plan")]
        "plan_toml" => plan_toml(data),
        #[cfg(feature = "plan")]
        "plan_json" => plan_json(data),
        // Built without the `plan` feature: nothing to replay these corpora against.
        #[cfg(not(feature = "plan"))]
        "plan_text" | "plan_toml" | "plan_json" => {}
        "stable_inputs" => stable_inputs(data),
        "oui_parse" => oui_parse(data),
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

/// Neighbor Discovery: `data` as an ICMPv6 message and as an Ethernet frame. Accessors never
/// panic, and every accepted message re-emits byte for byte (borrowed and owned paths).
pub fn ndp_parse(data: &[u8]) {
    use ipv6kit::ndp::{emit, frame, validate, ChecksumMode, Message, NdpOption, Packet};
    use std::net::Ipv6Addr;
    let check = |bytes: &[u8]| {
        let Ok(p) = Packet::parse(bytes) else { return };
        let _ = p.header();
        let _ = p.to_string();
        for o in p.options() {
            let d = o.decode();
            let _ = d.to_string();
            assert_eq!(d.buffer_len(), o.as_bytes().len(), "decoded option changes length");
            if let NdpOption::DnsSearchList(l) = d {
                for n in l.names() {
                    let _ = n.to_string();
                }
            }
        }
        let _ = (
            p.prefixes().count(),
            p.routes().count(),
            p.dns_servers().count(),
            p.mtu(),
        );
        let _ = validate(&p, Ipv6Addr::UNSPECIFIED, Ipv6Addr::LOCALHOST, 255);
        let mut buf = vec![0u8; bytes.len()];
        let n = emit(
            &p.header(),
            p.decoded_options(),
            ChecksumMode::Keep(p.checksum()),
            &mut buf,
        )
        .expect("an accepted message re-emits into a buffer of its own size");
        assert_eq!(&buf[..n], bytes, "emit(parse(x)) != x");
        let m = Message::parse(bytes).expect("owned parse agrees with the view");
        assert_eq!(m.to_bytes(ChecksumMode::Keep(m.checksum)).expect("owned emit"), bytes);
    };
    check(data);
    if let Ok(f) = frame::parse_ethernet(data) {
        check(f.ipv6.payload);
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

/// The invariants every plan keeps, whatever it was read from: the tree nests by containment
/// (each parent contains its children; subtrees are contiguous), the free space of each root
/// and the children tile it, and the checks and the three renderers run.
#[cfg(feature = "plan")]
fn plan_invariants(plan: &ipv6kit::plan::Plan) {
    use ipv6kit::plan::{check, render, space};
    for (i, e) in plan.iter() {
        if let Some(p) = plan.parent(i) {
            assert!(p < i && plan.subtree_end(i) <= plan.subtree_end(p));
            assert!(
                plan[p].network().contains(&e.network()),
                "{} in {}",
                e.prefix,
                plan[p].prefix
            );
        }
        assert!(plan.subtree_end(i) > i && plan.subtree_end(i) <= plan.len());
        assert!(e.location.line >= 1 && e.location.column >= 1);
    }
    for r in plan.roots().take(4) {
        let size = |p: ipv6kit::Ipv6Net| 2f64.powi(128 - i32::from(p.prefix_len()));
        let free: f64 = space::free(plan, r).into_iter().map(size).sum();
        let used = space::utilisation(plan, r) * size(plan[r].prefix);
        let total = size(plan[r].prefix);
        assert!(
            (free + used - total).abs() <= total * 1e-9,
            "{free} + {used} != {total}"
        );
    }
    let findings = check::check(plan);
    for f in &findings {
        assert!(f.entry < plan.len());
    }
    let _ = render::text::report(
        plan,
        &findings,
        &render::ReportOptions {
            color: true,
            source: None,
        },
    );
    let _ = render::json::report(plan, &findings);
    if plan.len() <= 200 {
        let _ = render::svg::map(plan, &findings, &Default::default());
    }
}

/// Plain-text plans: no panic; what parses builds a plan that keeps its invariants; every
/// entry printed back as a line (`prefix [role] name=… tags=… : description`) parses to the
/// same entry.
#[cfg(feature = "plan")]
pub fn plan_text(data: &[u8]) {
    use ipv6kit::plan::{parse::text, Plan};
    let Ok(s) = core::str::from_utf8(data) else { return };
    let Ok(entries) = text::parse(s) else { return };
    let mut back = String::new();
    for e in &entries {
        back.push_str(&e.prefix.to_string());
        if let Some(r) = e.role {
            back.push_str(&format!(" [{r}]"));
        }
        if let Some(n) = &e.name {
            back.push_str(&format!(" name={n}"));
        }
        if !e.tags.is_empty() {
            back.push_str(&format!(" tags={}", e.tags.join(",")));
        }
        back.push_str(&format!(" : {}\n", e.description));
    }
    let again = text::parse(&back).expect("a printed plan parses");
    assert_eq!(again.len(), entries.len());
    for (a, b) in entries.iter().zip(&again) {
        assert_eq!(
            (a.prefix, a.role, &a.name, &a.tags, &a.description),
            (b.prefix, b.role, &b.name, &b.tags, &b.description)
        );
    }
    plan_invariants(&Plan::new(entries).expect("fewer than 2^32 entries"));
}

/// TOML plans: no panic; what parses builds a plan that keeps its invariants.
#[cfg(feature = "plan")]
pub fn plan_toml(data: &[u8]) {
    use ipv6kit::plan::{parse::toml, Plan};
    let Ok(s) = core::str::from_utf8(data) else { return };
    let Ok(entries) = toml::parse(s) else { return };
    plan_invariants(&Plan::new(entries).expect("fewer than 2^32 entries"));
}

/// The JSON plan reader, then the tree, the checks and the renderers on whatever parses; and
/// `read_auto` agrees with the reader it picks.
#[cfg(feature = "plan")]
pub fn plan_json(data: &[u8]) {
    use ipv6kit::plan::{parse::json, read, read_auto, Format, Plan};
    let Ok(s) = core::str::from_utf8(data) else { return };
    if let Ok((plan, format)) = read_auto(s) {
        assert_eq!(read(s, format).map(|p| p.len()).ok(), Some(plan.len()));
        if format == Format::Json {
            plan_invariants(&plan);
        }
    }
    let Ok(entries) = json::parse(s) else { return };
    plan_invariants(&Plan::new(entries).expect("fewer than 2^32 entries"));
}

/// Every stable and temporary IID generator on arbitrary inputs: typed errors, never a
/// panic; a generated address lies in its prefix and is never reserved.
pub fn stable_inputs(data: &[u8]) {
    use ipv6kit::iid::stable::{linux, network_manager as nm, rfc7217, systemd};
    use ipv6kit::iid::{reserved, temporary, Iid};
    use ipv6kit::Ipv6Net;
    use std::net::Ipv6Addr;

    let byte = |i: usize| data.get(i).copied().unwrap_or(0);
    let arr16 = |at: usize| -> [u8; 16] { core::array::from_fn(|i| byte(at + i)) };
    let secret = Ipv6Addr::from(arr16(0));
    let prefix = Ipv6Net::new(Ipv6Addr::from(arr16(16)), byte(32) % 129).expect("length <= 128");
    let rest = data.get(33..).unwrap_or(&[]);
    let cut = usize::from(byte(33)) % (rest.len() + 1);
    let (hw, tail) = rest.split_at(cut);
    let text = String::from_utf8_lossy(tail);
    let (ifname, network_id) = text.split_at(text.char_indices().nth(text.chars().count() / 2).map_or(0, |(i, _)| i));
    let dad = byte(34);
    let order = if dad & 1 == 0 {
        linux::ByteOrder::Little
    } else {
        linux::ByteOrder::Big
    };

    let in_prefix = |a: Ipv6Addr| {
        let p = prefix.trunc();
        assert_eq!(Ipv6Net::new(a, p.prefix_len()).unwrap().trunc(), p);
    };
    if let Ok(a) = linux::stable_address(secret, prefix, hw, dad, u32::from(byte(35)), order) {
        in_prefix(a);
        assert!(!linux::is_reserved_interface_id(Iid::of(a)));
    }
    if let Ok(a) = nm::stable_privacy_address(nm::StableType::Uuid, prefix, ifname, network_id, dad.into(), hw) {
        in_prefix(a);
        assert!(!reserved::is_reserved(Iid::of(a)));
    }
    let _ = nm::host_id(rest, Some(network_id)).map(|h| h.as_bytes().len());
    let key = systemd::SecretKey::MachineId {
        machine_id: arr16(0),
        app_id: systemd::NDISC_APP_ID,
    };
    if let Ok(a) = systemd::stable_private_address(key, prefix, ifname, hw, Some(network_id), None) {
        in_prefix(a);
        assert!(systemd::is_valid_stable_private_address(a));
    }
    if let Ok(a) = rfc7217::stable_address(prefix, ifname.as_bytes(), network_id.as_bytes(), dad, hw) {
        in_prefix(a);
        assert!(!reserved::is_reserved(Iid::of(a)));
    }
    let cfg = temporary::TempAddrConfig {
        temp_preferred_lifetime: u32::from_le_bytes([byte(36), byte(37), byte(38), 0]),
        retrans_timer_ms: u32::from_le_bytes([byte(39), byte(43), byte(44), byte(45)]),
        temp_idgen_retries: u32::from_le_bytes([byte(46), byte(47), byte(48), byte(49)]),
        dup_addr_detect_transmits: u32::from(byte(50)),
        temp_valid_lifetime: u32::from_le_bytes([byte(51), byte(52), byte(53), byte(54)]),
    };
    let _ = cfg.desync_factor(|b| b.fill(byte(55)));
    if let Ok(Some(s)) = cfg.schedule(
        u64::from(byte(40)),
        u32::MAX,
        u32::from(byte(41)) << 8,
        u32::from(byte(42)),
    ) {
        assert!(s.created_at <= s.regenerate_at && s.regenerate_at < s.preferred_until);
        assert!(s.preferred_until <= s.valid_until);
    }
}

/// The IEEE registry CSV parser (`ipv6kit::oui`): never panics; what parses re-emits as CSV
/// that parses to the same assignments; every block finds itself by longest match.
#[cfg(feature = "oui")]
pub fn oui_parse(data: &[u8]) {
    use ipv6kit::oui::{parse_csv, OuiDb};
    let Ok(s) = core::str::from_utf8(data) else { return };
    let Ok(parsed) = parse_csv(s) else { return };
    let mut csv = String::from("Registry,Assignment,Organization Name,Organization Address\r\n");
    for a in &parsed {
        assert!(a.prefix < 1u64 << a.bits(), "prefix wider than its registry: {a:?}");
        let digits = usize::from(a.bits()) / 4;
        let org = a.organization.replace('"', "\"\"");
        csv.push_str(&format!("{},{:0digits$X},\"{org}\",\r\n", a.registry, a.prefix));
    }
    let again = parse_csv(&csv).expect("re-emitted CSV parses");
    assert_eq!(again, parsed);
    let mut db = OuiDb::new();
    db.add_csv(&csv).expect("re-emitted CSV loads");
    for a in &parsed {
        let hit = db.lookup(a.first()).expect("a block finds its own first MAC");
        assert!(hit.bits() >= a.bits() && hit.contains(a.first()));
    }
}

/// Without ipv6kit's `oui` feature there is nothing to drive (the replay test says so).
#[cfg(not(feature = "oui"))]
pub fn oui_parse(_data: &[u8]) {
    eprintln!("oui_parse: ipv6kit built without the `oui` feature; corpus not exercised");
}
