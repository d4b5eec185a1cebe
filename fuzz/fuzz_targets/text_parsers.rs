#![no_main]
//! Fuzzes the address core's text parsers (MAC, EUI-64, colour, ipv6board text).
#[path = "../oracles.rs"]
mod oracles;

libfuzzer_sys::fuzz_target!(|data: &[u8]| oracles::text_parsers(data));
