#![no_main]
//! Fuzzes the address-with-zone parsers (RFC 4007 text, RFC 6874 URL, socket forms): parse →
//! display → parse round trips.
#[path = "../oracles.rs"]
mod oracles;

libfuzzer_sys::fuzz_target!(|data: &[u8]| oracles::scoped_parse(data));
