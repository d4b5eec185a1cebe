#![no_main]
//! Fuzzes the Neighbor Discovery parser with the round-trip oracle: every accepted message
//! re-emits byte for byte, no accessor panics. Inputs are tried as ICMPv6 and as frames.
#[path = "../oracles.rs"]
mod oracles;

libfuzzer_sys::fuzz_target!(|data: &[u8]| oracles::ndp_parse(data));
