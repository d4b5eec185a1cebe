#![no_main]
//! Fuzzes the toml address-plan parser, then the tree, the checks and the renderers on
//! whatever parses (see `oracles::plan_toml`).
#[path = "../oracles.rs"]
mod oracles;

libfuzzer_sys::fuzz_target!(|data: &[u8]| oracles::plan_toml(data));
