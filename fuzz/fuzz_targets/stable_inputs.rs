#![no_main]
//! Fuzzes the stable (Linux, NetworkManager, systemd, RFC 7217) and temporary IID generators.
#[path = "../oracles.rs"]
mod oracles;

libfuzzer_sys::fuzz_target!(|data: &[u8]| oracles::stable_inputs(data));
