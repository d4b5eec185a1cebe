#![no_main]
//! Fuzzes the text address-plan parser, then the tree, the checks and the renderers on
//! whatever parses (see `oracles::plan_text`).
#[path = "../oracles.rs"]
mod oracles;

libfuzzer_sys::fuzz_target!(|data: &[u8]| oracles::plan_text(data));
