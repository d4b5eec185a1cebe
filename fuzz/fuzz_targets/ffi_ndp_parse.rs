#![no_main]
//! Fuzzes the C API's NDP parse entry points (`ipv6kit_ndp_parse`, `_parse_ipv6`,
//! `_parse_ethernet`) and every accessor of what parses, as a C caller drives them. The oracle
//! lives beside the C API (`ipv6kit-ffi/fuzz_oracle.rs`); `ipv6kit-ffi/tests/fuzz_corpus.rs`
//! replays the committed corpus through it.
use ipv6kit_ffi as api;

#[path = "../../ipv6kit-ffi/fuzz_oracle.rs"]
mod oracle;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    oracle::ffi_ndp_parse(data);
});
