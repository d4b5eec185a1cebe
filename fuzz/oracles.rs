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
