//! The IPv6 Christmas tree: put a 24-bit colour in an address (`#rrggbb` → `::rr:gg:bb`),
//! print it, and with `--send` ping it once (the tree lights up in the colour it is pinged with).
//!
//! ```sh
//! cargo run -p ipv6kit-examples --example tree -- '#aabbcc'
//! #   2a05:9b81:2020::aa:bb:cc
//! sudo target/debug/examples/tree ff0000 --send              # one echo request: red
//! ```

use clap::Parser;
use ipv6kit::iid::playful::colour_address;
use ipv6kit::iid::Colour;
use ipv6kit::Ipv6Net;
use ipv6kit_examples::net::print_and_maybe_ping;
use std::process::ExitCode;

/// Build the Christmas-tree address that shows COLOUR, and optionally ping it once.
#[derive(Parser)]
#[command(version)]
struct Args {
    /// The colour: `#rrggbb` or `rrggbb`.
    colour: String,
    /// The tree's prefix (up to a /64).
    #[arg(long, default_value = "2a05:9b81:2020::/48", value_parser = ipv6kit::text::parse_prefix)]
    prefix: Ipv6Net,
    /// Send one ICMPv6 echo request to the address (needs root).
    #[arg(long)]
    send: bool,
    /// Send through this interface instead of the routing table's choice.
    #[arg(short, long, requires = "send")]
    interface: Option<String>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let addr = match args
        .colour
        .parse::<Colour>()
        .and_then(|c| colour_address(args.prefix, c))
    {
        Ok(a) => a,
        Err(e) => {
            eprintln!("tree: {e}");
            return ExitCode::from(2);
        }
    };
    print_and_maybe_ping("tree", addr, args.send, args.interface.as_deref())
}
