//! What the live tools need from the operating system: interfaces, a raw ICMPv6 socket, the
//! kernel's neighbour table. Linux only; no `unsafe` (socket2 sets the socket options, the
//! neighbour table comes over netlink through `netlink-packet-route`).

use ipv6kit::MacAddr6;
use netlink_packet_core::{NetlinkHeader, NetlinkMessage, NetlinkPayload, NLM_F_DUMP, NLM_F_REQUEST};
use netlink_packet_route::neighbour::{NeighbourAddress, NeighbourAttribute, NeighbourMessage};
use netlink_packet_route::{AddressFamily, RouteNetlinkMessage};
use socket2::{Domain, Protocol, Socket, Type};
use std::fmt;
use std::io;
use std::net::{Ipv6Addr, SocketAddr, SocketAddrV6, UdpSocket};
use std::time::{Duration, Instant};

/// Why a live tool could not do its job, said so a person can act on it.
#[derive(Debug)]
pub enum NetError {
    /// No interface of that name in this network namespace.
    NoInterface(String),
    /// Raw sockets need root (or CAP_NET_RAW).
    NotPermitted(&'static str),
    /// Any other operating-system error, with what was being done.
    Os(&'static str, io::Error),
}

impl fmt::Display for NetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NetError::NoInterface(name) => write!(f, "no network interface named {name:?} (see `ip link`)"),
            NetError::NotPermitted(what) => write!(
                f,
                "permission denied: {what} needs root or the CAP_NET_RAW capability (try sudo)"
            ),
            NetError::Os(what, e) => write!(f, "{what}: {e}"),
        }
    }
}

impl std::error::Error for NetError {}

fn os(what: &'static str) -> impl Fn(io::Error) -> NetError {
    move |e| {
        if e.kind() == io::ErrorKind::PermissionDenied {
            NetError::NotPermitted(what)
        } else {
            NetError::Os(what, e)
        }
    }
}

/// A network interface of this namespace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interface {
    /// Its name (`eth0`).
    pub name: String,
    /// Its index (the scope id of its link-local addresses).
    pub index: u32,
    /// Its MAC, when it has a 6-byte one.
    pub mac: Option<MacAddr6>,
}

impl Interface {
    /// Looks the interface up in `/sys/class/net` (which `ip netns exec` remounts for the
    /// namespace).
    pub fn by_name(name: &str) -> Result<Interface, NetError> {
        if name.is_empty() || name.len() > 15 || name.contains('/') || name == "." || name == ".." {
            return Err(NetError::NoInterface(name.to_string()));
        }
        let dir = std::path::Path::new("/sys/class/net").join(name);
        let index = std::fs::read_to_string(dir.join("ifindex"))
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .ok_or_else(|| NetError::NoInterface(name.to_string()))?;
        let mac = std::fs::read_to_string(dir.join("address"))
            .ok()
            .and_then(|s| ipv6kit::mac::parse_mac(s.trim()).ok());
        Ok(Interface {
            name: name.to_string(),
            index,
            mac,
        })
    }

    /// The interface's own IPv6 addresses that are usable as a source (not tentative, not
    /// deprecated, not failed DAD), from `/proc/net/if_inet6`.
    pub fn addresses(&self) -> Vec<Ipv6Addr> {
        const TENTATIVE: u32 = 0x40;
        const DEPRECATED: u32 = 0x20;
        const DADFAILED: u32 = 0x08;
        let Ok(text) = std::fs::read_to_string("/proc/net/if_inet6") else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for line in text.lines() {
            let f: Vec<&str> = line.split_whitespace().collect();
            let [addr, index, _plen, _scope, flags, name] = f.as_slice() else {
                continue;
            };
            let (Ok(addr), Ok(index), Ok(flags)) = (
                u128::from_str_radix(addr, 16),
                u32::from_str_radix(index, 16),
                u32::from_str_radix(flags, 16),
            ) else {
                continue;
            };
            if index == self.index && *name == self.name && flags & (TENTATIVE | DEPRECATED | DADFAILED) == 0 {
                out.push(Ipv6Addr::from(addr));
            }
        }
        out
    }
}

/// True for addresses a host uses on the link only (`fe80::/10`).
pub fn is_link_local(a: Ipv6Addr) -> bool {
    a.segments()[0] & 0xffc0 == 0xfe80
}

/// A raw ICMPv6 socket (the kernel computes the ICMPv6 checksum of what it sends).
pub struct IcmpSocket {
    sock: UdpSocket,
    scope: u32,
}

/// A received ICMPv6 message.
#[derive(Debug, Clone)]
pub struct Received {
    /// The sender.
    pub source: Ipv6Addr,
    /// The ICMPv6 message (type, code, checksum, body), without the IPv6 header.
    pub message: Vec<u8>,
}

impl IcmpSocket {
    /// Opens a raw ICMPv6 socket, bound to `iface` when given (its packets leave there and
    /// only its packets are received) and to `source` when given, with `hops` as the unicast
    /// and multicast hop limit. Multicast loopback is off: the host does not hear itself.
    pub fn open(iface: Option<&Interface>, source: Option<Ipv6Addr>, hops: u32) -> Result<IcmpSocket, NetError> {
        let sock =
            Socket::new(Domain::IPV6, Type::RAW, Some(Protocol::ICMPV6)).map_err(os("opening a raw ICMPv6 socket"))?;
        let mut scope = 0;
        if let Some(i) = iface {
            sock.bind_device(Some(i.name.as_bytes()))
                .map_err(os("binding the socket to the interface"))?;
            sock.set_multicast_if_v6(i.index)
                .map_err(os("choosing the multicast interface"))?;
            scope = i.index;
        }
        sock.set_multicast_hops_v6(hops).map_err(os("setting the hop limit"))?;
        sock.set_unicast_hops_v6(hops).map_err(os("setting the hop limit"))?;
        sock.set_multicast_loop_v6(false)
            .map_err(os("turning multicast loopback off"))?;
        if let Some(src) = source {
            let s = if is_link_local(src) { scope } else { 0 };
            sock.bind(&SocketAddrV6::new(src, 0, 0, s).into())
                .map_err(os("binding the source address"))?;
        }
        // A raw socket reads and writes datagrams like a UDP socket does: std's UdpSocket gives
        // recv_from with the sender's address, safely.
        Ok(IcmpSocket {
            sock: UdpSocket::from(sock),
            scope,
        })
    }

    /// Sends one ICMPv6 message to `dest` (link-local and multicast destinations use the
    /// socket's interface as their scope).
    pub fn send(&self, message: &[u8], dest: Ipv6Addr) -> Result<(), NetError> {
        let scope = if is_link_local(dest) || dest.is_multicast() {
            self.scope
        } else {
            0
        };
        self.sock
            .send_to(message, SocketAddrV6::new(dest, 0, 0, scope))
            .map_err(os("sending an ICMPv6 message"))?;
        Ok(())
    }

    /// Receives the next ICMPv6 message before `deadline`; `None` when time is up.
    pub fn recv(&self, deadline: Instant) -> Result<Option<Received>, NetError> {
        let mut buf = vec![0u8; 65536];
        loop {
            let now = Instant::now();
            if now >= deadline {
                return Ok(None);
            }
            let left = (deadline - now).max(Duration::from_millis(1));
            self.sock
                .set_read_timeout(Some(left))
                .map_err(os("setting a receive timeout"))?;
            match self.sock.recv_from(&mut buf) {
                Ok((n, SocketAddr::V6(from))) => {
                    return Ok(Some(Received {
                        source: *from.ip(),
                        message: buf.get(..n).unwrap_or(&[]).to_vec(),
                    }))
                }
                Ok(_) => continue,
                Err(e) if matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut) => continue,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(NetError::Os("receiving ICMPv6", e)),
            }
        }
    }
}

/// ICMPv6 Echo Request (RFC 4443 §4.1), checksum left zero for the kernel to fill.
pub fn echo_request(identifier: u16, sequence: u16, data: &[u8]) -> Vec<u8> {
    let mut m = vec![128, 0, 0, 0];
    m.extend_from_slice(&identifier.to_be_bytes());
    m.extend_from_slice(&sequence.to_be_bytes());
    m.extend_from_slice(data);
    m
}

/// The (identifier, sequence) of an ICMPv6 Echo Reply, `None` for anything else.
pub fn echo_reply(message: &[u8]) -> Option<(u16, u16)> {
    match message {
        [129, 0, _, _, i0, i1, s0, s1, ..] => Some((u16::from_be_bytes([*i0, *i1]), u16::from_be_bytes([*s0, *s1]))),
        _ => None,
    }
}

/// One entry of the kernel's IPv6 neighbour table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Neighbour {
    /// The neighbour's address.
    pub address: Ipv6Addr,
    /// Its link-layer address, when resolved and 6 bytes long.
    pub mac: Option<MacAddr6>,
    /// The entry's state (`reachable`, `stale`, `failed`, ...).
    pub state: String,
}

/// The kernel's IPv6 neighbour table for interface `index`, read over rtnetlink
/// (RTM_GETNEIGH dump), the way `ip -6 neigh show dev X` reads it.
pub fn neighbours(index: u32) -> Result<Vec<Neighbour>, NetError> {
    use netlink_sys::{protocols::NETLINK_ROUTE, Socket as NlSocket, SocketAddr as NlAddr};
    let nl = |e: io::Error| NetError::Os("reading the neighbour table over netlink", e);
    let mut socket = NlSocket::new(NETLINK_ROUTE).map_err(nl)?;
    socket.bind_auto().map_err(nl)?;
    socket.connect(&NlAddr::new(0, 0)).map_err(nl)?;

    let mut header = NetlinkHeader::default();
    header.flags = NLM_F_DUMP | NLM_F_REQUEST;
    let mut query = NeighbourMessage::default();
    query.header.family = AddressFamily::Inet6;
    let mut req = NetlinkMessage::new(header, NetlinkPayload::from(RouteNetlinkMessage::GetNeighbour(query)));
    req.finalize();
    let mut buf = vec![0; req.header.length as usize];
    req.serialize(&mut buf[..]);
    socket.send(&buf, 0).map_err(nl)?;

    let mut out = Vec::new();
    let mut rx = vec![0u8; 1 << 16];
    loop {
        let size = socket.recv(&mut &mut rx[..], 0).map_err(nl)?;
        let mut offset = 0;
        while offset < size {
            let Some(bytes) = rx.get(offset..size) else { break };
            let msg: NetlinkMessage<RouteNetlinkMessage> = NetlinkMessage::deserialize(bytes)
                .map_err(|e| NetError::Os("decoding a netlink message", io::Error::other(e.to_string())))?;
            match msg.payload {
                NetlinkPayload::Done(_) => return Ok(out),
                NetlinkPayload::Error(e) => {
                    return Err(NetError::Os("neighbour table dump", io::Error::other(format!("{e:?}"))))
                }
                NetlinkPayload::InnerMessage(RouteNetlinkMessage::NewNeighbour(entry)) => {
                    out.extend(neighbour_of(&entry, index));
                }
                _ => {}
            }
            let len = msg.header.length as usize;
            if len == 0 {
                break;
            }
            offset += len;
        }
    }
}

/// Sends one ICMPv6 Echo Request to `dest` (through `iface` when given, else by the routing
/// table) and waits up to `wait` for the reply. Returns true when a reply came back.
pub fn ping_once(dest: Ipv6Addr, iface: Option<&Interface>, wait: Duration) -> Result<bool, NetError> {
    let sock = IcmpSocket::open(iface, None, 64)?;
    let id = std::process::id() as u16;
    sock.send(&echo_request(id, 1, b"ipv6kit"), dest)?;
    let deadline = Instant::now() + wait;
    while let Some(r) = sock.recv(deadline)? {
        if r.source == dest && echo_reply(&r.message) == Some((id, 1)) {
            return Ok(true);
        }
    }
    Ok(false)
}

fn neighbour_of(entry: &NeighbourMessage, index: u32) -> Option<Neighbour> {
    if entry.header.family != AddressFamily::Inet6 || entry.header.ifindex != index {
        return None;
    }
    let mut address = None;
    let mut mac = None;
    for a in &entry.attributes {
        match a {
            NeighbourAttribute::Destination(NeighbourAddress::Inet6(ip)) => address = Some(*ip),
            NeighbourAttribute::LinkLayerAddress(ll) => {
                mac = <[u8; 6]>::try_from(ll.as_slice()).ok().map(MacAddr6::from);
            }
            _ => {}
        }
    }
    Some(Neighbour {
        address: address?,
        mac,
        state: entry.header.state.to_string(),
    })
}

/// Parses a number of seconds for `--wait` (finite, 0.1 to 120), for clap's `value_parser`.
pub fn parse_seconds(s: &str) -> Result<Duration, String> {
    let v: f64 = s
        .trim()
        .parse()
        .map_err(|_| format!("{s:?} is not a number of seconds"))?;
    if !(0.1..=120.0).contains(&v) {
        return Err(format!("{s} seconds is outside 0.1 to 120"));
    }
    Ok(Duration::from_secs_f64(v))
}

/// What `board` and `tree` do once they have their address: print it, and with `send` ping it
/// once (through `interface` when given). Returns the process exit code; `tool` prefixes errors.
pub fn print_and_maybe_ping(tool: &str, addr: Ipv6Addr, send: bool, interface: Option<&str>) -> std::process::ExitCode {
    use std::process::ExitCode;
    println!("{addr}");
    if !send {
        return ExitCode::SUCCESS;
    }
    let iface = match interface.map(Interface::by_name).transpose() {
        Ok(i) => i,
        Err(e) => {
            eprintln!("{tool}: {e}");
            return ExitCode::FAILURE;
        }
    };
    match ping_once(addr, iface.as_ref(), Duration::from_secs(1)) {
        Ok(true) => println!("echo request sent to {addr}: reply received"),
        Ok(false) => println!("echo request sent to {addr}: no reply within 1 s"),
        Err(e) => {
            eprintln!("{tool}: {e}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
