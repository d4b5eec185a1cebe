//! The hand-fused decoder of the NDP benchmark does the library's work: on the RA and on
//! mutated copies of it (bytes changed, the message cut short or lengthened), it accepts exactly
//! what `Packet::parse` accepts and folds the same number as the decode through the library's
//! API, so its line in `benches/ndp.rs` measures the same checks and reads.

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
}
