//! Replays the committed corpus of the `ffi_ndp_parse` fuzz target (`fuzz/corpus/ffi_ndp_parse/`)
//! through its oracle (`ipv6kit-ffi/fuzz_oracle.rs`), which drives the C API's NDP parse entry
//! points as a C caller would.

use ipv6kit as api;

#[path = "../fuzz_oracle.rs"]
mod oracle;

use std::path::Path;

#[test]
fn replay_ffi_ndp_parse_corpus() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus/ffi_ndp_parse");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("the corpus exists")
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 5, "corpus of ffi_ndp_parse has {} files", files.len());
    for f in files {
        let data = std::fs::read(&f).unwrap();
        let r = std::panic::catch_unwind(|| oracle::ffi_ndp_parse(&data));
        assert!(r.is_ok(), "the ffi_ndp_parse oracle failed on {}", f.display());
    }
}

#[test]
fn the_oracle_sees_the_reference_ra() {
    // tcpdump's icmpv6-ra.pcap frame 1, the ICMPv6 part: the oracle walks its seven options.
    let frame = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz/corpus/ffi_ndp_parse/ra_frame"))
        .expect("seed present");
    assert_eq!(frame.len(), 230);
    assert_eq!(oracle::ffi_ndp_parse(&frame), 7);
    assert_eq!(oracle::ffi_ndp_parse(&frame[54..]), 7);
    assert_eq!(oracle::ffi_ndp_parse(&frame[..60]), 0);
}
