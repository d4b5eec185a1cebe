//! Human-readable output that reads like ndisc6's `rdisc6`.

use super::header::Header;
use super::option::NdpOption;
use super::Packet;
use core::fmt;

fn yes(b: bool) -> &'static str {
    if b {
        "Yes"
    } else {
        "No"
    }
}

fn seconds(f: &mut fmt::Formatter<'_>, label: &str, v: u32) -> fmt::Result {
    if v == u32::MAX {
        writeln!(f, "{label:<26}:     infinite (0xffffffff)")
    } else {
        writeln!(f, "{label:<26}: {v:>12} ({v:#010x}) seconds")
    }
}

fn millis(f: &mut fmt::Formatter<'_>, label: &str, v: u32) -> fmt::Result {
    if v == 0 {
        writeln!(f, "{label:<26}:  unspecified (0x00000000)")
    } else {
        writeln!(f, "{label:<26}: {v:>12} ({v:#010x}) milliseconds")
    }
}

fn hex(f: &mut fmt::Formatter<'_>, bytes: &[u8]) -> fmt::Result {
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 {
            f.write_str(":")?;
        }
        write!(f, "{b:02x}")?;
    }
    Ok(())
}

impl<B: AsRef<[u8]>> fmt::Display for NdpOption<B> {
    /// One or more lines, each starting with a space, as rdisc6 prints options.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NdpOption::SourceLinkLayerAddress(a) | NdpOption::TargetLinkLayerAddress(a) => {
                let label = if matches!(self, NdpOption::SourceLinkLayerAddress(_)) {
                    " Source link-layer address"
                } else {
                    " Target link-layer address"
                };
                write!(f, "{label}: ")?;
                hex(f, a.as_bytes())?;
                writeln!(f)
            }
            NdpOption::PrefixInformation(p) => {
                writeln!(f, " {:<25}: {}/{}", "Prefix", p.prefix, p.prefix_length)?;
                writeln!(f, "  {:<24}: {:>12}", "On-link", yes(p.on_link()))?;
                writeln!(f, "  {:<24}: {:>12}", "Autonomous address conf.", yes(p.autonomous()))?;
                seconds(f, "  Valid time", p.valid_lifetime)?;
                seconds(f, "  Pref. time", p.preferred_lifetime)
            }
            NdpOption::RedirectedHeader(r) => {
                writeln!(f, " {:<25}: {} bytes", "Redirected header", r.packet.as_ref().len())
            }
            // rdisc6 calls an MTU below IPv6's minimum of 1280 invalid.
            NdpOption::Mtu(m) => {
                let valid = if m.mtu >= 1280 { "valid" } else { "invalid" };
                writeln!(f, " {:<25}: {:>12} bytes ({valid})", "MTU", m.mtu)
            }
            NdpOption::AdvertisementInterval(a) => {
                writeln!(
                    f,
                    " {:<25}: {:>12} milliseconds",
                    "Advertisement interval", a.interval_ms
                )
            }
            NdpOption::HomeAgentInformation(h) => {
                writeln!(f, " {:<25}: {:>12}", "Home agent preference", h.preference)?;
                writeln!(f, " {:<25}: {:>12} seconds", "Home agent lifetime", h.lifetime)
            }
            NdpOption::Nonce(n) => {
                write!(f, " {:<25}: ", "Nonce")?;
                hex(f, n.as_bytes())?;
                writeln!(f)
            }
            NdpOption::RouteInformation(r) => {
                writeln!(f, " {:<25}: {}/{}", "Route", r.prefix, r.prefix_length)?;
                writeln!(f, "  {:<24}: {:>12}", "Route preference", r.preference().name())?;
                seconds(f, "  Route lifetime", r.route_lifetime)
            }
            NdpOption::RecursiveDnsServer(r) => {
                for a in r.addresses() {
                    writeln!(f, " {:<25}: {}", "Recursive DNS server", a)?;
                }
                seconds(f, "  DNS servers lifetime", r.lifetime)
            }
            NdpOption::RaFlagsExtension(x) => {
                write!(f, " {:<25}: ", "RA flags extension")?;
                hex(f, x.as_bytes())?;
                writeln!(f)
            }
            NdpOption::DnsSearchList(d) => {
                for n in d.names() {
                    writeln!(f, " {:<25}: {}", "DNS search list", n)?;
                }
                seconds(f, "  DNS search list lifetime", d.lifetime)
            }
            NdpOption::CaptivePortal(c) => {
                writeln!(f, " {:<25}: {}", "Captive portal", c.uri().unwrap_or("(not UTF-8)"))
            }
            NdpOption::Pref64(p) => {
                writeln!(f, " {:<25}: {}", "NAT64 prefix", p.network())?;
                seconds(f, "  NAT64 prefix lifetime", p.lifetime())
            }
            NdpOption::Unknown(u) => {
                writeln!(
                    f,
                    " Unknown option type {:<6}: {} bytes",
                    u.option_type,
                    u.data.as_ref().len() + 2
                )
            }
            NdpOption::Invalid { reason, option } => {
                writeln!(f, " Invalid option type {:<6}: {:?}", option.option_type, reason)
            }
        }
    }
}

impl fmt::Display for Packet<'_> {
    /// rdisc6-style text: the fixed fields one per line, then each option.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.header() {
            Header::RouterAdvertisement(h) => {
                let hl = h.cur_hop_limit;
                if hl == 0 {
                    writeln!(f, "{:<26}:    undefined (      0x00)", "Hop limit")?;
                } else {
                    writeln!(f, "{:<26}: {hl:>12} (      {hl:#04x})", "Hop limit")?;
                }
                writeln!(f, "{:<26}: {:>12}", "Stateful address conf.", yes(h.flags.managed()))?;
                writeln!(f, "{:<26}: {:>12}", "Stateful other conf.", yes(h.flags.other()))?;
                writeln!(f, "{:<26}: {:>12}", "Mobile home agent", yes(h.flags.home_agent()))?;
                writeln!(f, "{:<26}: {:>12}", "Router preference", h.flags.preference().name())?;
                writeln!(f, "{:<26}: {:>12}", "Neighbor discovery proxy", yes(h.flags.proxy()))?;
                let rl = u32::from(h.router_lifetime);
                writeln!(f, "{:<26}: {rl:>12} ({rl:#010x}) seconds", "Router lifetime")?;
                millis(f, "Reachable time", h.reachable_time)?;
                millis(f, "Retransmit time", h.retrans_timer)?;
            }
            Header::RouterSolicitation(_) => writeln!(f, "Router Solicitation")?,
            Header::NeighborSolicitation(h) => writeln!(f, "Neighbor Solicitation for {}", h.target)?,
            Header::NeighborAdvertisement(h) => {
                writeln!(f, "Target {}", h.target)?;
                writeln!(f, "{:<26}: {:>12}", "Router", yes(h.flags.router()))?;
                writeln!(f, "{:<26}: {:>12}", "Solicited", yes(h.flags.solicited()))?;
                writeln!(f, "{:<26}: {:>12}", "Override", yes(h.flags.override_flag()))?;
            }
            Header::Redirect(h) => {
                writeln!(f, "Redirect for {} to {}", h.destination, h.target)?;
            }
        }
        for o in self.decoded_options() {
            write!(f, "{o}")?;
        }
        Ok(())
    }
}
