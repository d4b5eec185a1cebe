//! The tour of ipv6kit: every capability on the seed examples (shared/vectors/README.md).
//!
//! Run with `cargo run -p ipv6kit-examples --example tour`.

use ipv6kit_examples::heading;

fn main() {
    heading("ipv6kit tour");
}
