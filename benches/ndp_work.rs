//! Runs one line of the NDP benchmark many times, for counting instructions with valgrind's
//! cachegrind (the machine has no hardware counters for `perf stat`):
//!
//! ```sh
//! cargo build --release -p ipv6kit-benches --bin ndp-work
//! for w in none checksum floor decode all fused fusedall smoltcp pnet; do
//!     valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \
//!         target/release/ndp-work $w 100000 2>&1 | grep 'I *refs'
//! done
//! ```
//!
//! Instructions per call = (I refs of the line − I refs of `none`) / iterations.

use ipv6kit::ndp::checksum;
use ipv6kit_benches::ndp::{floor_walk, fused_decode, ipv6kit_decode, pnet_options, reference_ra, smoltcp_parse};
use std::hint::black_box;
use std::process::ExitCode;

/// The benchmark line to run.
#[derive(Clone, Copy)]
enum Line {
    /// The loop alone (subtract it).
    None,
    /// `checksum::verify`.
    Checksum,
    /// The floor: option and label walk, nothing checked.
    Floor,
    /// Parse + decode every option.
    Decode,
    /// Checksum + parse + decode (the issue's line).
    All,
    /// The same checks and reads, hand-fused, no API.
    Fused,
    /// Checksum + the hand-fused decode.
    FusedAll,
    /// smoltcp's `NdiscRepr::parse`.
    Smoltcp,
    /// pnet_packet's option iteration.
    Pnet,
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let line = match args.next().as_deref() {
        Some("none") => Line::None,
        Some("checksum") => Line::Checksum,
        Some("floor") => Line::Floor,
        Some("decode") => Line::Decode,
        Some("all") => Line::All,
        Some("fused") => Line::Fused,
        Some("fusedall") => Line::FusedAll,
        Some("smoltcp") => Line::Smoltcp,
        Some("pnet") => Line::Pnet,
        _ => {
            eprintln!("usage: ndp-work none|checksum|floor|decode|all|fused|fusedall|smoltcp|pnet ITERATIONS");
            return ExitCode::from(2);
        }
    };
    let Some(n) = args.next().and_then(|n| n.parse::<u64>().ok()) else {
        eprintln!("usage: ndp-work none|checksum|floor|decode|all|fused|fusedall|smoltcp|pnet ITERATIONS");
        return ExitCode::from(2);
    };
    let (src, dst, ra) = reference_ra();
    let mut acc = 0u64;
    for _ in 0..n {
        let bytes = black_box(&ra[..]);
        let (s, d) = (black_box(src), black_box(dst));
        acc = acc.wrapping_add(match black_box(line) {
            Line::None => 0,
            Line::Checksum => u64::from(checksum::verify(s, d, bytes)),
            Line::Floor => floor_walk(bytes),
            Line::Decode => ipv6kit_decode(bytes),
            Line::All => u64::from(checksum::verify(s, d, bytes)) + ipv6kit_decode(bytes),
            Line::Fused => fused_decode(bytes).unwrap_or(0),
            Line::FusedAll => u64::from(checksum::verify(s, d, bytes)) + fused_decode(bytes).unwrap_or(0),
            Line::Smoltcp => smoltcp_parse(bytes),
            Line::Pnet => pnet_options(bytes),
        });
    }
    println!("{acc}");
    ExitCode::SUCCESS
}
