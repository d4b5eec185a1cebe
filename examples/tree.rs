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
use ipv6kit_examples::net::{ping_once, Interface};
use std::process::ExitCode;
use std::time::Duration;

/// Build the Christmas-tree address that shows COLOUR, and optionally ping it once.
#[derive(Parser)]
#[command(version)]
struct Args {
    /// The colour: `#rrggbb` or `rrggbb`.
    colour: String,
    /// The tree's prefix (up to a /64).
    #[arg(long, default_value = "2a05:9b81:2020::/48")]
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
    println!("{addr}");
    if !args.send {
        return ExitCode::SUCCESS;
    }
    let iface = match args.interface.as_deref().map(Interface::by_name).transpose() {
        Ok(i) => i,
        Err(e) => {
            eprintln!("tree: {e}");
            return ExitCode::FAILURE;
        }
    };
    match ping_once(addr, iface.as_ref(), Duration::from_secs(1)) {
        Ok(true) => println!("echo request sent to {addr}: reply received"),
        Ok(false) => println!("echo request sent to {addr}: no reply within 1 s"),
        Err(e) => {
            eprintln!("tree: {e}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
