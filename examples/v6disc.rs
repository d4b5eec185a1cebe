//! v6disc: find every IPv6 host on a link, with its MAC, whether its address is EUI-64
//! derived (and whether the MAC inside matches the neighbour table), its IID class and its
//! vendor. Handy to find a device that lost its IPv4 address.
//!
//! ```sh
//! sudo target/debug/examples/v6disc -i eth0            # link-local and global addresses
//! sudo target/debug/examples/v6disc -i eth0 -L --json  # link-local only, as JSON
//! ```
//!
//! How it finds hosts:
//! 1. An ICMPv6 Echo Request to the all-nodes group `ff02::1` on the interface, from its
//!    link-local address: every host answers from its link-local address.
//! 2. Unless `-L`: the same request once from each global address of the interface. A host
//!    answers a multicast echo from the source address it selects for the destination (RFC
//!    6724), which for our global address is its own global address in the same prefix: so
//!    each host shows one global address per prefix (its preferred one; a host with several
//!    addresses in a prefix shows only that one). This works wherever the hosts answer
//!    multicast echo (Linux does, `net.ipv6.icmp.echo_ignore_multicast=0`); no router needed.
//! 3. The kernel's neighbour table is read over rtnetlink. Answering hosts usually appear in
//!    it already (their Neighbor Solicitation for us creates a STALE entry); for any that
//!    does not, one unicast echo request makes our kernel resolve it, and the table is read
//!    again.
//!
//! The neighbour table and the MAC inside an EUI-64 address can disagree (a device that
//! answers for an address formed from another of its MACs): both are shown, neither is
//! "fixed".

use clap::Parser;
use ipv6kit::iid::classify::{classify, IidClass};
use ipv6kit::mac::lowercase;
use ipv6kit::multicast::groups::ALL_NODES;
use ipv6kit::oui::{OuiDb, DEBIAN_DIR};
use ipv6kit::MacAddr6;
use ipv6kit_examples::net::{
    echo_reply, echo_request, is_link_local, neighbours, parse_seconds, IcmpSocket, Interface, NetError,
};
use std::collections::{BTreeMap, BTreeSet};
use std::net::Ipv6Addr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Discover the IPv6 hosts on a link: ping ff02::1, read the neighbour table, show each
/// address with its MAC, EUI-64 verdict, IID class and vendor.
#[derive(Parser)]
#[command(version)]
struct Args {
    /// The interface to discover on.
    #[arg(short, long)]
    interface: String,
    /// Link-local addresses only (skip the round from each global address).
    #[arg(short = 'L', long)]
    link_local: bool,
    /// Seconds to wait for replies.
    #[arg(short, long, default_value = "2", value_parser = parse_seconds)]
    wait: Duration,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
    /// An IEEE registry CSV (oui.csv, mam.csv, oui36.csv) for vendor names; repeatable.
    /// Default: Debian's ieee-data in /usr/share/ieee-data, when installed.
    #[arg(long)]
    oui_file: Vec<PathBuf>,
}

/// What is known about one discovered address.
struct Host {
    address: Ipv6Addr,
    mac: Option<MacAddr6>,
    state: Option<String>,
    class: IidClass,
}

impl Host {
    /// The MAC inside a modified EUI-64 identifier.
    fn iid_mac(&self) -> Option<MacAddr6> {
        match self.class {
            IidClass::IeeeDerived { mac, .. } => Some(mac),
            _ => None,
        }
    }

    fn verdict(&self) -> String {
        match (self.iid_mac(), self.mac) {
            (None, _) => "no".into(),
            (Some(i), Some(m)) if i == m => "yes, MAC matches".into(),
            (Some(i), Some(_)) => format!("yes, but IID says {}", lowercase(i)),
            (Some(i), None) => format!("yes, IID says {}", lowercase(i)),
        }
    }
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("v6disc: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<(), NetError> {
    let iface = Interface::by_name(&args.interface)?;
    let vendors = load_vendors(&args.oui_file);
    // One socket hears every reply on the interface; the others only send from a global source.
    let listener = IcmpSocket::open(Some(&iface), None, 1)?;
    let own: BTreeSet<Ipv6Addr> = iface.addresses().into_iter().collect();
    if !own.iter().any(|a| is_link_local(*a)) {
        return Err(NetError::Os(
            "finding a source address",
            std::io::Error::other(format!("{} has no usable link-local address (is it up?)", iface.name)),
        ));
    }
    let wait = args.wait;
    let id = std::process::id() as u16;

    listener.send(&echo_request(id, 1, b"v6disc"), ALL_NODES)?;
    let mut seq = 1u16;
    if !args.link_local {
        for src in own.iter().filter(|a| !is_link_local(**a)) {
            seq += 1;
            let s = IcmpSocket::open(Some(&iface), Some(*src), 1)?;
            s.send(&echo_request(id, seq, b"v6disc"), ALL_NODES)?;
        }
    }
    let mut found = BTreeSet::new();
    let deadline = Instant::now() + wait;
    while let Some(r) = listener.recv(deadline)? {
        let Some((rid, rseq)) = echo_reply(&r.message) else {
            continue;
        };
        if rid != id || rseq == 0 || rseq > seq || own.contains(&r.source) {
            continue;
        }
        if args.link_local && !is_link_local(r.source) {
            continue;
        }
        found.insert(r.source);
    }

    // The neighbour table; resolve whoever is missing from it.
    let mut table = table_of(iface.index)?;
    let missing: Vec<Ipv6Addr> = found
        .iter()
        .filter(|a| table.get(a).and_then(|(m, _)| *m).is_none())
        .copied()
        .collect();
    if !missing.is_empty() {
        let unicast = IcmpSocket::open(Some(&iface), None, 64)?;
        for a in &missing {
            unicast.send(&echo_request(id, 0, b"v6disc"), *a)?;
        }
        let until = Instant::now() + Duration::from_millis(1500);
        while Instant::now() < until {
            std::thread::sleep(Duration::from_millis(100));
            table = table_of(iface.index)?;
            if missing.iter().all(|a| table.get(a).and_then(|(m, _)| *m).is_some()) {
                break;
            }
        }
    }

    let mut hosts: Vec<Host> = found
        .iter()
        .map(|&address| {
            let entry = table.get(&address);
            Host {
                address,
                mac: entry.and_then(|(m, _)| *m),
                state: entry.map(|(_, s)| s.clone()),
                class: classify(address),
            }
        })
        .collect();
    // Link-local first, then global; by MAC so one host's addresses stand together.
    hosts.sort_by_key(|h| (!is_link_local(h.address), h.mac.map(|m| m.into_array()), h.address));

    let vendor = |h: &Host| {
        let db = vendors.as_ref()?;
        let mac = h.mac.or(h.iid_mac())?;
        db.lookup(mac).map(|a| a.organization.clone())
    };
    if args.json {
        let list: Vec<serde_json::Value> = hosts
            .iter()
            .map(|h| {
                serde_json::json!({
                    "address": h.address.to_string(),
                    "link_local": is_link_local(h.address),
                    "mac": h.mac.map(|m| lowercase(m).to_string()),
                    "neighbour_state": h.state,
                    "eui64": h.iid_mac().is_some(),
                    "iid_mac": h.iid_mac().map(|m| lowercase(m).to_string()),
                    "mac_matches": match (h.iid_mac(), h.mac) {
                        (Some(i), Some(m)) => Some(i == m),
                        _ => None,
                    },
                    "class": h.class.name(),
                    "class_detail": h.class.to_string(),
                    "vendor": vendor(h),
                })
            })
            .collect();
        let doc = serde_json::json!({ "interface": iface.name, "hosts": list });
        println!("{doc:#}");
        return Ok(());
    }
    println!(
        "{:<40} {:<17}  {:<34} {:<13} VENDOR",
        "ADDRESS", "MAC", "EUI-64", "IID CLASS"
    );
    for h in &hosts {
        let mac = h.mac.map_or("(unresolved)".to_string(), |m| lowercase(m).to_string());
        println!(
            "{:<40} {:<17}  {:<34} {:<13} {}",
            h.address.to_string(),
            mac,
            h.verdict(),
            h.class.name(),
            vendor(h).unwrap_or_default()
        );
    }
    let macs: BTreeSet<_> = hosts.iter().filter_map(|h| h.mac).collect();
    println!(
        "{} address(es), {} host(s) by MAC, on {}",
        hosts.len(),
        macs.len(),
        iface.name
    );
    Ok(())
}

type Table = BTreeMap<Ipv6Addr, (Option<MacAddr6>, String)>;

fn table_of(index: u32) -> Result<Table, NetError> {
    Ok(neighbours(index)?
        .into_iter()
        .map(|n| (n.address, (n.mac, n.state)))
        .collect())
}

fn load_vendors(files: &[PathBuf]) -> Option<OuiDb> {
    if files.is_empty() {
        if !std::path::Path::new(DEBIAN_DIR).join("oui.csv").exists() {
            return None;
        }
        return match OuiDb::load_debian() {
            Ok(db) => Some(db),
            Err(e) => {
                eprintln!("v6disc: no vendor names: {e}");
                None
            }
        };
    }
    let mut db = OuiDb::new();
    for f in files {
        if let Err(e) = db.add_file(f) {
            eprintln!("v6disc: no vendor names from {}: {e}", f.display());
        }
    }
    Some(db)
}
