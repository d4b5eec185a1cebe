//! ipv6board: write up to 8 ASCII characters into the interface identifier of an address,
//! print it, and with `--send` ping it once (the board shows what it is pinged with).
//!
//! ```sh
//! cargo run -p ipv6kit-examples --example board -- 'Awesome!'
//! #   2001:6b0:1001:105:4177:6573:6f6d:6521
//! sudo target/debug/examples/board 'Hello!' --send          # one echo request to the board
//! ```

use clap::Parser;
use ipv6kit::iid::playful::text_address;
use ipv6kit::Ipv6Net;
use ipv6kit_examples::net::print_and_maybe_ping;
use std::process::ExitCode;

/// Build the ipv6board address that spells TEXT, and optionally ping it once.
#[derive(Parser)]
#[command(version)]
struct Args {
    /// Up to 8 printable ASCII characters (shorter text is padded with spaces).
    text: String,
    /// The board's prefix (up to a /64).
    #[arg(long, default_value = "2001:6b0:1001:105::/64", value_parser = ipv6kit::text::parse_prefix)]
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
    let addr = match text_address(args.prefix, &args.text) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("board: {e}");
            return ExitCode::from(2);
        }
    };
    print_and_maybe_ping("board", addr, args.send, args.interface.as_deref())
}
