//! 6rd from DHCPv4 option 212: the delegation, tunnel addresses and /64s of a CE.
//!
//! ```text
//! cargo run -p ipv6kit-examples --example sixrd -- "0 28 2a01:e30:: 192.88.99.201" 82.10.11.12
//! cargo run -p ipv6kit-examples --example sixrd -- 0 28 10753 3632 0 0 0 0 0 0 192.88.99.201 82.10.11.12
//! cargo run -p ipv6kit-examples --example sixrd -- d416001c2a010e30000000000000000000000000c05863c9 82.10.11.12
//! ```

use ipv6kit::sixrd::{SixrdError, SixrdOption, TunnelConvention};
use std::net::Ipv4Addr;
use std::process::ExitCode;

const HELP: &str = "\
usage: sixrd [--max N] OPTION212 CE-IPV4

Prints the 6rd delegation of a CE (customer edge router) from DHCPv4 option 212
(RFC 5969 §7.1.1) and the CE's IPv4 address.

OPTION212 is any of (the words may be one quoted argument or several):
  busybox udhcpc's $ip6rd:  \"0 28 2a01:e30:: 192.88.99.201\"
                            (IPv4MaskLen 6rdPrefixLen 6rdPrefix BR-IPv4...)
  ISC dhclient's decimal:   \"0 28 10753 3632 0 0 0 0 0 0 192.88.99.201\"
                            (8 prefix groups, negative ones from `integer 16` too)
  the wire form in hex:     d416001c2a010e30...c05863c9  (with or without the
                            code and length bytes; ':' and spaces allowed)

options:
  --max N     list at most N of the /64s (default 16)
  -h, --help  this text
";

fn hex_bytes(s: &str) -> Option<Vec<u8>> {
    let s = s.strip_prefix("0x").unwrap_or(s);
    let digits: Vec<u8> = s.bytes().filter(|b| !matches!(b, b':' | b' ' | b'-')).collect();
    if digits.is_empty() || digits.len() % 2 != 0 || !digits.iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    digits
        .chunks(2)
        .map(|p| u8::from_str_radix(std::str::from_utf8(p).ok()?, 16).ok())
        .collect()
}

fn parse_option(text: &str) -> Result<SixrdOption, SixrdError> {
    // The wire form has no '.', and is one hex string of at least 22 bytes.
    if !text.contains('.') {
        if let Some(bytes) = hex_bytes(text) {
            if bytes.len() >= 22 {
                // A payload starts with IPv4MaskLen (≤ 32), never with the code 212.
                return if bytes.first() == Some(&ipv6kit::sixrd::OPTION_6RD) {
                    SixrdOption::parse(&bytes)
                } else {
                    SixrdOption::parse_payload(&bytes)
                };
            }
        }
    }
    text.parse()
}

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() || args.iter().any(|a| a == "-h" || a == "--help") {
        print!("{HELP}");
        return if args.is_empty() {
            ExitCode::from(2)
        } else {
            ExitCode::SUCCESS
        };
    }
    let mut max = 16u64;
    if let Some(i) = args.iter().position(|a| a == "--max") {
        let Some(n) = args.get(i + 1).and_then(|n| n.parse().ok()) else {
            eprintln!("sixrd: --max needs a number");
            return ExitCode::from(2);
        };
        max = n;
        args.drain(i..=i + 1);
    }
    let Some((ce_text, option_words)) = args.split_last() else {
        eprint!("{HELP}");
        return ExitCode::from(2);
    };
    let Ok(ce) = ce_text.parse::<Ipv4Addr>() else {
        eprintln!("sixrd: the last argument, {ce_text:?}, is not an IPv4 address (the CE's)");
        return ExitCode::from(2);
    };
    if option_words.is_empty() {
        eprintln!("sixrd: option 212 is missing (see --help)");
        return ExitCode::from(2);
    }
    let option = match parse_option(&option_words.join(" ")) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("sixrd: option 212: {e}");
            return ExitCode::from(1);
        }
    };
    match report(&option, ce, max) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sixrd: {e}");
            ExitCode::from(1)
        }
    }
}

fn report(option: &SixrdOption, ce: Ipv4Addr, max: u64) -> Result<(), SixrdError> {
    let mut wire = [0u8; 256];
    let len = option.emit(&mut wire)?;
    let hex: String = wire[..len].iter().map(|b| format!("{b:02x}")).collect();
    println!("option 212");
    println!("  IPv4MaskLen       {}", option.ipv4_mask_len());
    println!("  6rd prefix        {}", option.prefix());
    let relays: Vec<String> = option.border_relays().iter().map(|r| r.to_string()).collect();
    println!("  border relays     {}", relays.join(", "));
    println!("  busybox form      {option}");
    println!("  dhclient form     {}", option.dhclient_groups(true));
    println!("  wire              {hex}");

    let domain = option.domain_for(ce)?;
    let delegated = domain.delegated_prefix(ce)?;
    let count = 1u128 << (64 - delegated.prefix_len());
    println!("CE {ce}");
    println!("  relay prefix      {}", domain.relay_prefix());
    let plural = if count == 1 { "" } else { "s" };
    println!("  delegated prefix  {delegated} ({count} /64{plural}; subnet 0 is the tunnel's)");
    let openwrt = domain.tunnel_address(ce, TunnelConvention::OpenWrt)?;
    let anycast = domain.tunnel_address(ce, TunnelConvention::SubnetRouterAnycast)?;
    println!(
        "  tunnel address    {openwrt}/{} (OpenWrt 6rd.sh: ::1 in subnet 0)",
        domain.prefix().prefix_len()
    );
    println!("                    {anycast} (subnet-router anycast of subnet 0)");
    for r in option.border_relays() {
        match domain.border_relay_address(*r) {
            Ok(a) => println!("  border relay      {r}: {a} (6rd), ::{r} (6rd.sh next hop)"),
            Err(e) => println!("  border relay      {r}: {e}"),
        }
    }
    println!("  /64s");
    for s in domain.subnets(ce)?.take(usize::try_from(max).unwrap_or(usize::MAX)) {
        if s.tunnel {
            println!("    {:<24} 6rd tunnel", s.prefix.to_string());
        } else {
            println!("    {}", s.prefix);
        }
    }
    if count > u128::from(max) {
        println!("    … and {} more", count - u128::from(max));
    }
    Ok(())
}
