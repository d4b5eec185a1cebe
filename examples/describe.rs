//! Describes IPv6 addresses: kind, scope, IANA special-purpose registry entries, global
//! reachability, interface identifier, embedded IPv4 or MAC, solicited-node group.
//!
//! ```sh
//! cargo run -p ipv6kit-examples --example describe -- fe80::ba27:ebff:fe89:bc51%wlan0 64:ff9b::10.0.0.1
//! cargo run -p ipv6kit-examples --example describe -- --json 2001:db8::1
//! ```

use ipv6kit::describe::describe;
use ipv6kit::scoped::{ScopedAddr, ScopedSocketAddr, Zone};
use std::net::Ipv6Addr;
use std::process::ExitCode;

const HELP: &str = "\
usage: describe [--json] [--resolve] ADDRESS...

Prints what ipv6kit knows about each IPv6 address: kind, scope, IANA special-purpose
registry entries and flags, global reachability, interface-identifier class, embedded
IPv4 address or MAC, solicited-node group, multicast decoding.

ADDRESS may carry a zone: fe80::1%wlan0, fe80::1%3, [fe80::1%25wlan0] (RFC 6874 URL
form) or [fe80::1%wlan0]:22.

options:
  --json      one JSON object per address (the serde form), one per line
  --resolve   resolve a zone name to its interface index (reads /sys/class/net, Linux)
  -h, --help  this text";

/// An address argument: plain, with a zone, in URL form, or a socket address.
fn parse(arg: &str) -> Result<(Ipv6Addr, Option<ScopedAddr>), String> {
    if let Ok(a) = arg.parse::<Ipv6Addr>() {
        return Ok((a, None));
    }
    let scoped = if arg.starts_with('[') {
        ScopedAddr::from_url_host(arg)
            .or_else(|_| ScopedSocketAddr::from_url_authority(arg).map(|s| s.addr))
            .or_else(|_| arg.parse::<ScopedSocketAddr>().map(|s| s.addr))
    } else {
        arg.parse::<ScopedAddr>()
    };
    scoped.map(|s| (s.addr(), Some(s))).map_err(|e| format!("{arg}: {e}"))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() || args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{HELP}");
        return if args.is_empty() {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        };
    }
    let json = args.iter().any(|a| a == "--json");
    let resolve = args.iter().any(|a| a == "--resolve");
    let mut status = ExitCode::SUCCESS;
    let mut first = true;
    for arg in args.iter().filter(|a| !a.starts_with("--")) {
        let (addr, scoped) = match parse(arg) {
            Ok(x) => x,
            Err(e) => {
                eprintln!("describe: {e}");
                status = ExitCode::FAILURE;
                continue;
            }
        };
        let d = describe(addr);
        let index = match (resolve, scoped.map(|s| s.zone())) {
            (true, Some(zone)) => match zone.resolve() {
                Ok(i) => Some(i),
                Err(e) => {
                    eprintln!("describe: {arg}: {e}");
                    status = ExitCode::FAILURE;
                    None
                }
            },
            (false, Some(Zone::Index(i))) => Some(i),
            _ => None,
        };
        if json {
            let mut v = serde_json::to_value(d).expect("a description serializes");
            if let Some(s) = scoped {
                v["zone"] = serde_json::Value::String(s.zone().to_string());
            }
            if let Some(i) = index {
                v["scope_id"] = i.into();
            }
            println!("{v}");
        } else {
            if !first {
                println!();
            }
            first = false;
            print!("{d}");
            if let Some(s) = scoped {
                println!("zone:           {} (URL form {})", s.zone(), s.url_host());
            }
            if let Some(i) = index {
                println!("scope id:       {i}");
            }
        }
    }
    status
}
