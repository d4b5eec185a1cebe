#![no_main]
//! Fuzzes the JSON address-plan parser and `read_auto`, then the tree, the checks and the
//! renderers on whatever parses (see `oracles::plan_json`).
#[path = "../oracles.rs"]
mod oracles;

libfuzzer_sys::fuzz_target!(|data: &[u8]| oracles::plan_json(data));
