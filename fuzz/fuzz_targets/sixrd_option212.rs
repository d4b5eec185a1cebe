#![no_main]
//! Fuzzes DHCPv4 option 212 (6rd): wire form with and without code and length, busybox and
//! dhclient text forms, and the 6rd computations on every option that parses.
#[path = "../oracles.rs"]
mod oracles;

libfuzzer_sys::fuzz_target!(|data: &[u8]| oracles::sixrd_option212(data));
