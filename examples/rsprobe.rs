//! rsprobe: send one Router Solicitation built by ipv6kit and print every Router Advertisement
//! that comes back, decoded like ndisc6's `rdisc6` (or as JSON).
//!
//! ```sh
//! sudo target/debug/examples/rsprobe -i eth0
//! sudo target/debug/examples/rsprobe -i eth0 --json --wait 5
//! ```
//!
//! The RS comes from the interface's link-local address with a Source Link-layer Address option
//! (`ipv6kit::ndp::build::router_solicitation`), hop limit 255. Every RA heard during `--wait`
//! seconds is printed, solicited or not (a router may also be multicasting its periodic RAs),
//! with the RFC 4861 §6.1.2 checks that need the IP header (hop limit 255, checksum, link-local
//! source) from `ipv6kit::ndp::validate`: an RA that fails one is printed with the reason, as a
//! host would discard it. The hop limit and destination of each RA come from the
//! IPV6_HOPLIMIT and IPV6_PKTINFO ancillary data (read safely through `nix`).

use clap::Parser;
use ipv6kit::mac::lowercase;
use ipv6kit::multicast::groups::ALL_ROUTERS;
use ipv6kit::ndp::{build, validate, Header, Packet};
use ipv6kit_examples::net::{is_link_local, parse_seconds, Interface, NetError};
use nix::sys::socket::{recvmsg, setsockopt, sockopt, ControlMessageOwned, MsgFlags, SockaddrIn6};
use serde_json::{json, Value};
use socket2::{Domain, Protocol, Socket, Type};
use std::io::IoSliceMut;
use std::net::{Ipv6Addr, SocketAddrV6};
use std::os::fd::AsRawFd;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Send a Router Solicitation and print every Router Advertisement received, like rdisc6.
#[derive(Parser)]
#[command(version)]
struct Args {
    /// The interface to solicit on.
    #[arg(short, long)]
    interface: String,
    /// Seconds to listen for advertisements.
    #[arg(short, long, default_value = "3", value_parser = parse_seconds)]
    wait: Duration,
    /// Stop after the first advertisement.
    #[arg(short = '1', long)]
    single: bool,
    /// Print JSON (one array of advertisements) instead of text.
    #[arg(long)]
    json: bool,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(0) => {
            if !args.json {
                eprintln!("rsprobe: no router advertisement received on {}", args.interface);
            }
            ExitCode::from(2)
        }
        Ok(_) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("rsprobe: {e}");
            ExitCode::FAILURE
        }
    }
}

fn os(what: &'static str) -> impl Fn(std::io::Error) -> NetError {
    move |e| {
        if e.kind() == std::io::ErrorKind::PermissionDenied {
            NetError::NotPermitted(what)
        } else {
            NetError::Os(what, e)
        }
    }
}

fn errno(what: &'static str) -> impl Fn(nix::errno::Errno) -> NetError {
    move |e| NetError::Os(what, std::io::Error::from(e))
}

/// Returns how many RAs were printed.
fn run(args: &Args) -> Result<usize, NetError> {
    let iface = Interface::by_name(&args.interface)?;
    let sock =
        Socket::new(Domain::IPV6, Type::RAW, Some(Protocol::ICMPV6)).map_err(os("opening a raw ICMPv6 socket"))?;
    sock.bind_device(Some(iface.name.as_bytes()))
        .map_err(os("binding the socket to the interface"))?;
    sock.set_multicast_if_v6(iface.index)
        .map_err(os("choosing the multicast interface"))?;
    sock.set_multicast_hops_v6(255).map_err(os("setting the hop limit"))?;
    sock.set_unicast_hops_v6(255).map_err(os("setting the hop limit"))?;
    sock.set_multicast_loop_v6(false)
        .map_err(os("turning multicast loopback off"))?;
    sock.set_recv_hoplimit_v6(true)
        .map_err(os("asking for the hop limit of received packets"))?;
    setsockopt(&sock, sockopt::Ipv6RecvPacketInfo, &true).map_err(errno("asking for packet destinations"))?;

    // Source: the interface's link-local address (RFC 4861 §6.3.7 allows :: too, without SLLA).
    let source = iface
        .addresses()
        .into_iter()
        .find(|a| is_link_local(*a))
        .unwrap_or(Ipv6Addr::UNSPECIFIED);
    if !source.is_unspecified() {
        sock.bind(&SocketAddrV6::new(source, 0, 0, iface.index).into())
            .map_err(os("binding the link-local source address"))?;
    }
    let mut rs = [0u8; 64];
    let (envelope, len) = build::router_solicitation(source, iface.mac, &mut rs)
        .map_err(|e| NetError::Os("building the router solicitation", std::io::Error::other(e)))?;
    let dest = SocketAddrV6::new(envelope.destination, 0, 0, iface.index);
    sock.send_to(rs.get(..len).unwrap_or(&[]), &dest.into())
        .map_err(os("sending the router solicitation"))?;
    if !args.json {
        println!("Soliciting {ALL_ROUTERS} ({ALL_ROUTERS}) on {}...\n", iface.name);
    }

    let deadline = Instant::now() + args.wait;
    let mut printed = 0;
    let mut all = Vec::new();
    let mut buf = vec![0u8; 65536];
    loop {
        let now = Instant::now();
        if now >= deadline {
            break;
        }
        sock.set_read_timeout(Some((deadline - now).max(Duration::from_millis(1))))
            .map_err(os("setting a receive timeout"))?;
        let mut cmsg = nix::cmsg_space!(libc_int, nix::libc::in6_pktinfo);
        let mut iov = [IoSliceMut::new(&mut buf)];
        let msg = match recvmsg::<SockaddrIn6>(sock.as_raw_fd(), &mut iov, Some(&mut cmsg), MsgFlags::empty()) {
            Ok(m) => m,
            Err(nix::errno::Errno::EAGAIN | nix::errno::Errno::EINTR) => continue,
            Err(e) => return Err(errno("receiving")(e)),
        };
        let Some(from) = msg.address.map(|a| a.ip()) else {
            continue;
        };
        let n = msg.bytes;
        let (mut hop_limit, mut to) = (None, None);
        if let Ok(cmsgs) = msg.cmsgs() {
            for c in cmsgs {
                match c {
                    ControlMessageOwned::Ipv6HopLimit(h) => hop_limit = u8::try_from(h).ok(),
                    ControlMessageOwned::Ipv6PacketInfo(p) => to = Some(Ipv6Addr::from(p.ipi6_addr.s6_addr)),
                    _ => {}
                }
            }
        }
        let Some(bytes) = buf.get(..n) else { continue };
        let Ok(packet) = Packet::parse(bytes) else { continue };
        if !matches!(packet.header(), Header::RouterAdvertisement(_)) {
            continue;
        }
        let to = to.unwrap_or(ALL_ROUTERS);
        let hop_limit = hop_limit.unwrap_or(0);
        let violations = validate(&packet, from, to, hop_limit);
        if args.json {
            let mut v = ra_json(&packet);
            v["source"] = json!(from.to_string());
            v["destination"] = json!(to.to_string());
            v["ip_hop_limit"] = json!(hop_limit);
            v["violations"] = json!(violations.iter().map(|r| r.to_string()).collect::<Vec<_>>());
            all.push(v);
        } else {
            print!("{packet}");
            println!(" from {from}");
            if !violations.is_empty() {
                println!(" (a host discards this RA: {violations})");
            }
            println!();
        }
        printed += 1;
        if args.single {
            break;
        }
    }
    if args.json {
        println!("{:#}", Value::Array(all));
    }
    Ok(printed)
}

#[allow(non_camel_case_types)]
type libc_int = nix::libc::c_int;

/// An RA as JSON: the fixed part and the options people look for.
fn ra_json(p: &Packet<'_>) -> Value {
    let Header::RouterAdvertisement(h) = p.header() else {
        return Value::Null;
    };
    json!({
        "cur_hop_limit": h.cur_hop_limit,
        "managed": h.flags.managed(),
        "other": h.flags.other(),
        "home_agent": h.flags.home_agent(),
        "preference": h.flags.preference().name(),
        "proxy": h.flags.proxy(),
        "router_lifetime": h.router_lifetime,
        "reachable_time_ms": h.reachable_time,
        "retrans_timer_ms": h.retrans_timer,
        "mtu": p.mtu().map(|m| m.mtu),
        "source_link_layer_address": p.source_link_layer_address().map(|l| match l.mac() {
            Some(m) => lowercase(m).to_string(),
            None => l.as_bytes().iter().map(|b| format!("{b:02x}")).collect::<Vec<_>>().join(":"),
        }),
        "prefixes": p.prefixes().map(|pi| json!({
            "prefix": format!("{}/{}", pi.prefix, pi.prefix_length),
            "on_link": pi.on_link(),
            "autonomous": pi.autonomous(),
            "valid_lifetime": pi.valid_lifetime,
            "preferred_lifetime": pi.preferred_lifetime,
        })).collect::<Vec<_>>(),
        "routes": p.routes().map(|r| json!({
            "prefix": format!("{}/{}", r.prefix, r.prefix_length),
            "preference": r.preference().name(),
            "lifetime": r.route_lifetime,
        })).collect::<Vec<_>>(),
        "rdnss": p.dns_servers().map(|d| json!({
            "servers": d.addresses().map(|a| a.to_string()).collect::<Vec<_>>(),
            "lifetime": d.lifetime,
        })).collect::<Vec<_>>(),
        "dnssl": p.search_lists().map(|d| json!({
            "domains": d.names().map(|n| n.to_string()).collect::<Vec<_>>(),
            "lifetime": d.lifetime,
        })).collect::<Vec<_>>(),
        "options": p.decoded_options().map(|o| o.option_type()).collect::<Vec<_>>(),
    })
}
