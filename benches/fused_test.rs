//! The hand-fused decoder of the NDP benchmark does the library's work: it accepts exactly what
//! `Packet::parse` accepts and folds the same number as the decode through the library's API, so
//! its line in `benches/ndp.rs` measures the same checks and reads.
//!
//! Two kinds of input: mutated copies of the RA (bytes changed, the message cut short or
//! lengthened), which exercise the structural checks (almost all of them fail `Packet::parse`);
//! and messages built option by option, always structurally valid, with every Length and with
//! DNSSL names of every shape, which exercise the per-option checks (Length, prefix length,
//! labels, names, padding). Random bytes in a real RA rarely keep it parseable, so the first kind
//! alone left most per-option checks untested: the RDNSS Length rule, for one.

use ipv6kit::ndp::Packet;
use ipv6kit_benches::ndp::{fused_decode, ipv6kit_decode, reference_ra};
use proptest::prelude::*;

fn library(bytes: &[u8]) -> Option<u64> {
    Packet::parse(bytes).ok().map(|_| ipv6kit_decode(bytes))
}

#[test]
fn the_reference_ra_folds_the_same() {
    let (_, _, ra) = reference_ra();
    assert_eq!(fused_decode(&ra), Some(ipv6kit_decode(&ra)));
}

/// Three mutated RAs that told a broken hand-fused decoder from the library while this test was
/// written (each found by the property below against a decoder missing one check; proptest had
/// saved them as seeds): a cut message with zeros after it (the trailing-byte check), a
/// non-zero byte in the DNSSL padding, and a PIO prefix length of 129.
#[test]
fn the_cases_that_caught_broken_decoders() {
    let (_, _, ra) = reference_ra();
    let mutate = |at: usize, value: u8, cut: usize, zeros: usize| {
        let mut m = ra.clone();
        m[at] = value;
        m.truncate(cut);
        m.extend(core::iter::repeat_n(0u8, zeros));
        m
    };
    for m in [mutate(2, 0, 27, 22), mutate(138, 1, 167, 1), mutate(18, 129, 170, 6)] {
        assert_eq!(fused_decode(&m), library(&m), "{m:02x?}");
    }
    // What each case is about, so that it keeps meaning it: the first is 49 bytes (not a whole
    // number of options after the header), the second and third parse.
    assert!(Packet::parse(&mutate(2, 0, 27, 22)).is_err());
    assert!(Packet::parse(&mutate(138, 1, 167, 1)).is_ok());
    assert!(Packet::parse(&mutate(18, 129, 170, 6)).is_ok());
}

/// The fixed part of an ND message of type `kind` (133 to 137), its other bytes from `fill`.
fn header(kind: u8, fill: &[u8]) -> Vec<u8> {
    let len = match kind {
        133 => 8,
        134 => 16,
        135 | 136 => 24,
        _ => 40,
    };
    let mut h: Vec<u8> = (0..len).map(|i| fill.get(i).copied().unwrap_or(0)).collect();
    h[0] = kind;
    h[1] = 0;
    h
}

/// An option of `kind` and `units` × 8 bytes, its contents after the Length from `fill`.
fn option(kind: u8, units: u8, fill: &[u8]) -> Vec<u8> {
    let mut o: Vec<u8> = (0..usize::from(units) * 8)
        .map(|i| fill.get(i).copied().unwrap_or(0))
        .collect();
    o[0] = kind;
    o[1] = units;
    o
}

/// A DNSSL option whose names are built from `names` (label lengths: 0 ends a name early, over
/// 63 is no label) and whose padding is `pad` zero bytes, then `junk` (non-zero padding when not
/// zero), rounded up to whole units (a Length of 1 when `short`).
fn dnssl(names: &[Vec<usize>], pad: usize, junk: u8, short: bool) -> Vec<u8> {
    let mut enc = Vec::new();
    for name in names {
        for &l in name {
            enc.push(l as u8);
            enc.extend((0..l).map(|i| b'a' + (i % 26) as u8));
        }
        enc.push(0);
    }
    enc.extend(std::iter::repeat_n(0, pad));
    enc.push(junk);
    let units = if short { 1 } else { (8 + enc.len()).div_ceil(8) };
    let mut o = vec![31, units as u8, 0, 0, 0, 0, 0x07, 0x08];
    o.extend(enc);
    o.resize(units * 8, 0);
    o
}

/// Any option: the kinds the decode checks (1, 3, 5, 7, 8, 25, 31) and others, with every
/// Length from 1 to 6 (or a DNSSL built name by name).
fn any_option() -> impl Strategy<Value = Vec<u8>> {
    let kind = prop::sample::select(vec![1u8, 2, 3, 5, 7, 8, 24, 25, 31, 38, 200]);
    let raw = (kind, 1u8..=6, prop::collection::vec(any::<u8>(), 48)).prop_map(|(k, u, fill)| option(k, u, &fill));
    let label = prop_oneof![1 => Just(0usize), 8 => 1usize..=63, 1 => 64usize..=70];
    let names = prop::collection::vec(prop::collection::vec(label, 1..9), 0..4);
    let built = (
        names,
        0usize..9,
        prop_oneof![3 => Just(0u8), 1 => any::<u8>()],
        prop::bool::weighted(0.1),
    )
        .prop_map(|(n, pad, junk, short)| dnssl(&n, pad, junk, short));
    prop_oneof![raw, built]
}

/// A structurally valid ND message: a header of any type and options from [`any_option`].
fn any_message() -> impl Strategy<Value = Vec<u8>> {
    (
        133u8..=137,
        prop::collection::vec(any::<u8>(), 40),
        prop::collection::vec(any_option(), 0..9),
    )
        .prop_map(|(kind, fill, options)| {
            let mut m = header(kind, &fill);
            for o in options {
                m.extend(o);
            }
            m
        })
}

#[test]
fn the_option_count_limit_is_the_same() {
    // MAX_OPTIONS (256) one-unit MTU options, then one more.
    for count in [256, 257] {
        let mut m = header(134, &[]);
        for _ in 0..count {
            m.extend(option(5, 1, &[0, 0, 0, 0, 0, 0x05, 0xdc]));
        }
        assert_eq!(Packet::parse(&m).is_ok(), count == 256);
        assert_eq!(fused_decode(&m), library(&m), "{count} options");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(20_000))]
    #[test]
    fn mutated_ras_are_judged_and_folded_the_same(
        edits in prop::collection::vec((0usize..176, any::<u8>()), 1..4),
        cut in 0usize..200,
        extra in prop::collection::vec(any::<u8>(), 0..24),
    ) {
        let (_, _, mut ra) = reference_ra();
        for (at, value) in edits {
            ra[at] = value;
        }
        ra.truncate(cut.max(1));
        ra.extend_from_slice(&extra);
        prop_assert_eq!(fused_decode(&ra), library(&ra));
    }

    #[test]
    fn built_messages_are_decoded_and_folded_the_same(m in any_message()) {
        // Valid by construction: what is compared is every option's checks and reads.
        prop_assert!(Packet::parse(&m).is_ok());
        prop_assert_eq!(fused_decode(&m), library(&m));
    }
}
