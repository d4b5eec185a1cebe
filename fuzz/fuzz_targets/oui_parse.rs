#![no_main]
//! Fuzzes the IEEE registry CSV parser (`ipv6kit::oui`, Debian ieee-data files).
#[path = "../oracles.rs"]
mod oracles;

libfuzzer_sys::fuzz_target!(|data: &[u8]| oracles::oui_parse(data));
