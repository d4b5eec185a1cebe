//! Neighbor Discovery (RFC 4861): parse a message into a handle with typed accessors and an
//! option iterator, validate it against the IP header's rules, and build the common messages
//! into a caller's buffer.

use crate::boundary::{guard, out_bytes, read_addr, read_bytes, read_slice, BytesOut, Out, TextOut};
use crate::result::{ipv6kit_result, Fail};
use crate::text::ipv6kit_prefix;
use core::ffi::c_char;
use core::net::Ipv6Addr;
use ipv6kit_core::ndp::{self as core_ndp, build, frame, Header, NdpOption, Packet, Rule};
use ipv6kit_core::MacAddr6;
use std::sync::Arc;

/// A parsed ND message (the ICMPv6 part), with the IPv6 envelope when it was parsed from a
/// packet or frame. Made by `ipv6kit_ndp_parse*()`, released once by `ipv6kit_ndp_free()`.
/// Read-only: one handle may be read from several threads.
pub struct ipv6kit_ndp_message {
    bytes: Arc<[u8]>,
    envelope: Option<frame::Envelope>,
}

impl ipv6kit_ndp_message {
    fn packet(&self) -> Result<Packet<'_>, Fail> {
        // Parsed once when the handle was made; the bytes are immutable, so this cannot fail.
        Ok(Packet::parse(&self.bytes)?)
    }
}

/// # Safety
/// `p` must be NULL or a live message handle.
unsafe fn read_message<'a>(p: *const ipv6kit_ndp_message) -> Result<&'a ipv6kit_ndp_message, Fail> {
    // SAFETY: a live handle per the contract; handles are only read.
    unsafe { p.as_ref() }.ok_or(Fail::code(ipv6kit_result::NullPointer))
}

fn make(icmp: &[u8], envelope: Option<frame::Envelope>) -> Result<*mut ipv6kit_ndp_message, Fail> {
    Packet::parse(icmp)?;
    Ok(Box::into_raw(Box::new(ipv6kit_ndp_message {
        bytes: Arc::from(icmp),
        envelope,
    })))
}

/// Parses an ND message (ICMPv6 type 133–137, starting at the ICMPv6 type byte) with RFC 4861's
/// structural rules (code 0, minimum length, every option non-zero and inside the message).
/// Unknown options are kept and skipped by typed accessors; a known option with bad contents
/// is reported as `IPV6KIT_NDP_OPTION_KIND_INVALID`, not as an error. The bytes are copied.
///
/// Errors: `NULL_POINTER`, `NDP_TRUNCATED`, `NDP_NOT_NDP`, `NDP_NON_ZERO_CODE`,
/// `NDP_ZERO_LENGTH_OPTION`, `NDP_OPTION_PAST_END`, `NDP_TRAILING_BYTE`, `NDP_TOO_MANY_OPTIONS`.
///
/// # Safety
/// `bytes` must be readable for `len` bytes and `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_parse(
    bytes: *const u8,
    len: usize,
    out: *mut *mut ipv6kit_ndp_message,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let handle = make(unsafe { read_slice(bytes, len) }?, None)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(handle) };
        Ok(())
    })
}

/// Parses an IPv6 packet carrying an ND message (extension headers skipped) and keeps its
/// envelope (`ipv6kit_ndp_message_envelope()`).
///
/// Errors: as `ipv6kit_ndp_parse()`, and `NDP_FRAME` (not IPv6 + ICMPv6, or cut short).
///
/// # Safety
/// `packet` must be readable for `len` bytes and `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_parse_ipv6(
    packet: *const u8,
    len: usize,
    out: *mut *mut ipv6kit_ndp_message,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let p = frame::parse_ipv6(unsafe { read_slice(packet, len) }?)?;
        let handle = make(p.payload, Some(p.envelope()))?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(handle) };
        Ok(())
    })
}

/// Parses an Ethernet frame carrying IPv6 + an ND message and keeps the IPv6 envelope.
///
/// Errors: as `ipv6kit_ndp_parse_ipv6()`.
///
/// # Safety
/// `frame_bytes` must be readable for `len` bytes and `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_parse_ethernet(
    frame_bytes: *const u8,
    len: usize,
    out: *mut *mut ipv6kit_ndp_message,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let f = frame::parse_ethernet(unsafe { read_slice(frame_bytes, len) }?)?;
        let handle = make(f.ipv6.payload, Some(f.ipv6.envelope()))?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(handle) };
        Ok(())
    })
}

/// Releases a message. NULL is accepted and ignored. Option iterators made from it stay valid
/// (they share the bytes).
///
/// # Safety
/// `message` must be NULL or a live handle, not used after.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_free(message: *mut ipv6kit_ndp_message) {
    if !message.is_null() {
        // SAFETY: made by Box::into_raw in `make` and freed once (contract).
        drop(unsafe { Box::from_raw(message) });
    }
}

/// The IPv6 envelope of an ND message.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ipv6kit_ndp_envelope {
    /// IPv6 source address.
    pub source: [u8; 16],
    /// IPv6 destination address.
    pub destination: [u8; 16],
    /// Hop limit (255 for every ND message sent correctly).
    pub hop_limit: u8,
}

impl ipv6kit_ndp_envelope {
    fn from_core(e: frame::Envelope) -> ipv6kit_ndp_envelope {
        ipv6kit_ndp_envelope {
            source: e.source.octets(),
            destination: e.destination.octets(),
            hop_limit: e.hop_limit,
        }
    }
}

/// Writes the IPv6 envelope the message arrived in.
///
/// Errors: `NULL_POINTER`, `NOT_FOUND` (parsed with `ipv6kit_ndp_parse()`, from bare ICMPv6).
///
/// # Safety
/// `message` must be a live handle and `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_message_envelope(
    message: *const ipv6kit_ndp_message,
    out: *mut ipv6kit_ndp_envelope,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let m = unsafe { read_message(message) }?;
        let e = m.envelope.ok_or(Fail::with(
            ipv6kit_result::NotFound,
            "the message was parsed without its IPv6 header",
        ))?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(ipv6kit_ndp_envelope::from_core(e)) };
        Ok(())
    })
}

/// Gives the message's ICMPv6 bytes (valid until `ipv6kit_ndp_free()`; not to be freed).
///
/// Errors: `NULL_POINTER`.
///
/// # Safety
/// `message` must be a live handle; `bytes` and `len` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_bytes(
    message: *const ipv6kit_ndp_message,
    bytes: *mut *const u8,
    len: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let bytes = Out::new(bytes)?;
        let len = Out::new(len)?;
        // SAFETY: the caller's contract above.
        let m = unsafe { read_message(message) }?;
        // SAFETY: the caller's contract above.
        unsafe {
            bytes.write(m.bytes.as_ptr());
            len.write(m.bytes.len());
        }
        Ok(())
    })
}

/// The fixed part of an ND message. Fields the message type does not have are zero.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ipv6kit_ndp_header {
    /// ICMPv6 type: 133 RS, 134 RA, 135 NS, 136 NA, 137 Redirect.
    pub message_type: u8,
    /// ICMPv6 checksum as received.
    pub checksum: u16,
    /// RA: Cur Hop Limit.
    pub cur_hop_limit: u8,
    /// RA: the flags byte as received (M 0x80, O 0x40, H 0x20, Prf 0x18, P 0x04, reserved 0x03).
    pub ra_flags: u8,
    /// RA: M flag (addresses by DHCPv6).
    pub managed: bool,
    /// RA: O flag (other configuration by DHCPv6).
    pub other: bool,
    /// RA: default router preference (RFC 4191): 1 high, 0 medium, 3 low, 2 reserved.
    pub router_preference: u8,
    /// RA: Router Lifetime, seconds.
    pub router_lifetime: u16,
    /// RA: Reachable Time, milliseconds.
    pub reachable_time: u32,
    /// RA: Retrans Timer, milliseconds.
    pub retrans_timer: u32,
    /// NA: R flag.
    pub router: bool,
    /// NA: S flag.
    pub solicited: bool,
    /// NA: O flag.
    pub override_flag: bool,
    /// NS, NA, Redirect: Target Address.
    pub target: [u8; 16],
    /// Redirect: Destination Address.
    pub destination: [u8; 16],
    /// RS, NS, Redirect: the reserved word; NA: the 32-bit flags word; as received.
    pub reserved: u32,
}

/// Writes the message's fixed part.
///
/// Errors: `NULL_POINTER`.
///
/// # Safety
/// `message` must be a live handle and `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_message_header(
    message: *const ipv6kit_ndp_message,
    out: *mut ipv6kit_ndp_header,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let p = unsafe { read_message(message) }?.packet()?;
        let mut h = ipv6kit_ndp_header {
            message_type: p.message_type().number(),
            checksum: p.checksum(),
            cur_hop_limit: 0,
            ra_flags: 0,
            managed: false,
            other: false,
            router_preference: 0,
            router_lifetime: 0,
            reachable_time: 0,
            retrans_timer: 0,
            router: false,
            solicited: false,
            override_flag: false,
            target: [0; 16],
            destination: [0; 16],
            reserved: 0,
        };
        match p.header() {
            Header::RouterSolicitation(rs) => h.reserved = rs.reserved,
            Header::RouterAdvertisement(ra) => {
                h.cur_hop_limit = ra.cur_hop_limit;
                h.ra_flags = ra.flags.0;
                h.managed = ra.flags.managed();
                h.other = ra.flags.other();
                h.router_preference = ra.flags.preference().bits();
                h.router_lifetime = ra.router_lifetime;
                h.reachable_time = ra.reachable_time;
                h.retrans_timer = ra.retrans_timer;
            }
            Header::NeighborSolicitation(ns) => {
                h.reserved = ns.reserved;
                h.target = ns.target.octets();
            }
            Header::NeighborAdvertisement(na) => {
                h.reserved = na.flags.0;
                h.router = na.flags.router();
                h.solicited = na.flags.solicited();
                h.override_flag = na.flags.override_flag();
                h.target = na.target.octets();
            }
            Header::Redirect(r) => {
                h.reserved = r.reserved;
                h.target = r.target.octets();
                h.destination = r.destination.octets();
            }
        }
        // SAFETY: the caller's contract above.
        unsafe { out.write(h) };
        Ok(())
    })
}

/// Writes a one-line summary of the message and its options, as the core prints it.
///
/// Errors: `NULL_POINTER`, `BUFFER_TOO_SHORT`.
///
/// # Safety
/// `message` must be a live handle, `buf` writable for `len` bytes, `written` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_describe(
    message: *const ipv6kit_ndp_message,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let out = TextOut::new(buf, len, written)?;
        // SAFETY: the caller's contract above.
        let p = unsafe { read_message(message) }?.packet()?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(p) }
    })
}

/// Sets `*ok` to whether the ICMPv6 checksum is right for this source and destination.
///
/// Errors: `NULL_POINTER`.
///
/// # Safety
/// `message` must be a live handle, `source` and `destination` readable for 16 bytes, `ok` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_verify_checksum(
    message: *const ipv6kit_ndp_message,
    source: *const u8,
    destination: *const u8,
    ok: *mut bool,
) -> ipv6kit_result {
    guard(|| {
        let ok = Out::new(ok)?;
        // SAFETY: the caller's contract above.
        let p = unsafe { read_message(message) }?.packet()?;
        // SAFETY: the caller's contract above.
        let (s, d) = unsafe { (read_addr(source)?, read_addr(destination)?) };
        // SAFETY: the caller's contract above.
        unsafe { ok.write(p.verify_checksum(s, d)) };
        Ok(())
    })
}

/// The RFC 4861 validity rules that need the IP header; bit `1 << rule` in the result of
/// `ipv6kit_ndp_validate()` is set when the rule failed.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ipv6kit_ndp_rule {
    /// The IP Hop Limit is 255 (all five messages).
    HopLimit255 = 0,
    /// The ICMP checksum is valid.
    ChecksumValid = 1,
    /// RS from `::` carries no source link-layer address option (§6.1.1).
    RsUnspecifiedSourceWithoutSlla = 2,
    /// RA source is link-local (§6.1.2).
    RaSourceLinkLocal = 3,
    /// NS target is not multicast (§7.1.1).
    NsTargetNotMulticast = 4,
    /// NS from `::` goes to a solicited-node group (§7.1.1).
    NsUnspecifiedSourceToSolicitedNode = 5,
    /// NS from `::` carries no source link-layer address option (§7.1.1).
    NsUnspecifiedSourceWithoutSlla = 6,
    /// NA target is not multicast (§7.1.2).
    NaTargetNotMulticast = 7,
    /// NA to a multicast destination has S = 0 (§7.1.2).
    NaMulticastNotSolicited = 8,
    /// Redirect source is link-local (§8.1).
    RedirectSourceLinkLocal = 9,
    /// Redirect destination is not multicast (§8.1).
    RedirectDestinationNotMulticast = 10,
    /// Redirect target is link-local or the destination (§8.1).
    RedirectTargetLinkLocalOrDestination = 11,
}

/// Checks the message against RFC 4861's rules that need the IP header and sets `*violations` to
/// the set of failed rules (bit `1 << ipv6kit_ndp_rule`); 0 means valid.
///
/// Errors: `NULL_POINTER`.
///
/// # Safety
/// `message` must be a live handle, `source` and `destination` readable for 16 bytes,
/// `violations` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_validate(
    message: *const ipv6kit_ndp_message,
    source: *const u8,
    destination: *const u8,
    hop_limit: u8,
    violations: *mut u32,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(violations)?;
        // SAFETY: the caller's contract above.
        let p = unsafe { read_message(message) }?.packet()?;
        // SAFETY: the caller's contract above.
        let (s, d) = unsafe { (read_addr(source)?, read_addr(destination)?) };
        let bits = core_ndp::validate(&p, s, d, hop_limit)
            .iter()
            .fold(0u32, |acc, r| acc | (1u32 << (r as u8 & 31)));
        // SAFETY: the caller's contract above.
        unsafe { out.write(bits) };
        Ok(())
    })
}

/// Writes the RFC section and sentence of a rule (`ipv6kit_ndp_rule`).
///
/// Errors: `NULL_POINTER`, `INVALID_ENUM`, `BUFFER_TOO_SHORT`.
///
/// # Safety
/// `buf` must be writable for `len` bytes and `written` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_rule_description(
    rule: u32,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let out = TextOut::new(buf, len, written)?;
        let r = Rule::ALL.iter().find(|r| u32::from(**r as u8) == rule).ok_or_else(|| {
            Fail::with(
                ipv6kit_result::InvalidEnum,
                format_args!("{rule} is no ipv6kit_ndp_rule"),
            )
        })?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(format_args!("RFC 4861 {}: {}", r.section(), r.description())) }
    })
}

/// What an option is (`ipv6kit_ndp_option.kind`).
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ipv6kit_ndp_option_kind {
    /// Type 1: `link_layer`/`link_layer_len`; `mac` when 6 bytes or more.
    SourceLinkLayerAddress = 0,
    /// Type 2: as type 1.
    TargetLinkLayerAddress = 1,
    /// Type 3: `prefix`, `prefix_length`, `flags` (L 0x80, A 0x40, R 0x20, P 0x10), `on_link`,
    /// `autonomous`, `valid_lifetime`, `preferred_lifetime`.
    PrefixInformation = 2,
    /// Type 4: the data is the redirected packet.
    RedirectedHeader = 3,
    /// Type 5: `value` is the MTU.
    Mtu = 4,
    /// Type 7: `value` is the interval in milliseconds.
    AdvertisementInterval = 5,
    /// Type 8: `preference` and `valid_lifetime` (seconds).
    HomeAgentInformation = 6,
    /// Type 14: the data is the nonce.
    Nonce = 7,
    /// Type 24: `prefix`, `prefix_length`, `flags`, `preference`, `valid_lifetime` (route lifetime).
    RouteInformation = 8,
    /// Type 25: `valid_lifetime`, `count` addresses (`ipv6kit_ndp_options_rdnss_address()`).
    RecursiveDnsServer = 9,
    /// Type 26: the data is the flags.
    RaFlagsExtension = 10,
    /// Type 31: `valid_lifetime`, `count` names (`ipv6kit_ndp_options_dnssl_name()`).
    DnsSearchList = 11,
    /// Type 37: the URI (`ipv6kit_ndp_options_text()`).
    CaptivePortal = 12,
    /// Type 38: `prefix`, `prefix_length` (0 when the PLC is invalid), `valid_lifetime`.
    Pref64 = 13,
    /// Another type, skipped by typed accessors (RFC 4861 §4.6).
    Unknown = 14,
    /// A known type with invalid contents (for example RDNSS with an even Length); `text`
    /// gives the reason through `ipv6kit_ndp_options_text()`.
    Invalid = 15,
}

/// One option, as the iterator gives it. `data` points into the message's bytes (valid while
/// the iterator or the message lives) and holds the option after its type and length bytes.
/// Fields the kind does not use are zero.
#[repr(C)]
#[derive(Debug, Clone, Copy)]
pub struct ipv6kit_ndp_option {
    /// What the option is.
    pub kind: ipv6kit_ndp_option_kind,
    /// The option type byte.
    pub option_type: u8,
    /// The Length byte (units of 8 bytes).
    pub length_units: u8,
    /// Byte offset of the option from the start of the ICMPv6 message.
    pub offset: usize,
    /// The option's bytes after type and length.
    pub data: *const u8,
    /// Their count (`length_units * 8 - 2`).
    pub data_len: usize,
    /// Link-layer options: the address bytes (without the padding) and their count; the
    /// 6-byte Ethernet form is in `mac` with `has_mac` set.
    pub mac: [u8; 6],
    /// Link-layer options: the address is at least 6 bytes (Ethernet).
    pub has_mac: bool,
    /// PIO, RIO, PREF64: the prefix (network order; PIO as received, bits beyond the length included).
    pub prefix: [u8; 16],
    /// PIO, RIO, PREF64: the prefix length.
    pub prefix_length: u8,
    /// PIO, RIO: the flags byte as received.
    pub flags: u8,
    /// PIO: L flag.
    pub on_link: bool,
    /// PIO: A flag.
    pub autonomous: bool,
    /// PIO: valid lifetime; RIO: route lifetime; RDNSS, DNSSL, PREF64: lifetime; home agent:
    /// lifetime (seconds).
    pub valid_lifetime: u32,
    /// PIO: preferred lifetime.
    pub preferred_lifetime: u32,
    /// MTU: the MTU; advertisement interval: milliseconds.
    pub value: u32,
    /// RIO: route preference (1 high, 0 medium, 3 low, 2 reserved); home agent: preference.
    pub preference: u16,
    /// RDNSS: number of addresses; DNSSL: number of names.
    pub count: usize,
}

/// An iterator over a message's options in wire order. Made by `ipv6kit_ndp_options_new()`,
/// released once by `ipv6kit_ndp_options_free()`. It shares the message's bytes, so it stays valid
/// after `ipv6kit_ndp_free()`.
pub struct ipv6kit_ndp_options {
    bytes: Arc<[u8]>,
    /// Index of the next option.
    next: usize,
    /// Offset of the option last returned.
    current: Option<usize>,
}

impl ipv6kit_ndp_options {
    /// The option last returned by `_next`, decoded.
    fn with_current<R>(&self, f: impl FnOnce(NdpOption<&[u8]>) -> Result<R, Fail>) -> Result<R, Fail> {
        let at = self.current.ok_or(Fail::with(
            ipv6kit_result::NotFound,
            "no current option: call _next first",
        ))?;
        let p = Packet::parse(&self.bytes)?;
        let raw = p
            .options()
            .find(|o| o.offset() == at)
            .ok_or(Fail::with(ipv6kit_result::NotFound, "no current option"))?;
        f(raw.decode())
    }
}

/// Starts an iteration over the message's options. Free `*out` with `ipv6kit_ndp_options_free()`.
///
/// Errors: `NULL_POINTER`.
///
/// # Safety
/// `message` must be a live handle and `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_options_new(
    message: *const ipv6kit_ndp_message,
    out: *mut *mut ipv6kit_ndp_options,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let m = unsafe { read_message(message) }?;
        let it = ipv6kit_ndp_options {
            bytes: Arc::clone(&m.bytes),
            next: 0,
            current: None,
        };
        // SAFETY: the caller's contract above.
        unsafe { out.write(Box::into_raw(Box::new(it))) };
        Ok(())
    })
}

fn option_to_c(raw: &core_ndp::RawOption<'_>) -> ipv6kit_ndp_option {
    let bytes = raw.as_bytes();
    let data = bytes.get(2..).unwrap_or(&[]);
    let mut c = ipv6kit_ndp_option {
        kind: ipv6kit_ndp_option_kind::Unknown,
        option_type: raw.option_type(),
        length_units: raw.length_units(),
        offset: raw.offset(),
        data: data.as_ptr(),
        data_len: data.len(),
        mac: [0; 6],
        has_mac: false,
        prefix: [0; 16],
        prefix_length: 0,
        flags: 0,
        on_link: false,
        autonomous: false,
        valid_lifetime: 0,
        preferred_lifetime: 0,
        value: 0,
        preference: 0,
        count: 0,
    };
    use ipv6kit_ndp_option_kind as K;
    match raw.decode() {
        NdpOption::SourceLinkLayerAddress(l) | NdpOption::TargetLinkLayerAddress(l) => {
            c.kind = if raw.option_type() == 1 {
                K::SourceLinkLayerAddress
            } else {
                K::TargetLinkLayerAddress
            };
            if let Some(m) = l.mac() {
                c.mac = m.into_array();
                c.has_mac = true;
            }
        }
        NdpOption::PrefixInformation(p) => {
            c.kind = K::PrefixInformation;
            c.prefix = p.prefix.octets();
            c.prefix_length = p.prefix_length;
            c.flags = p.flags;
            c.on_link = p.on_link();
            c.autonomous = p.autonomous();
            c.valid_lifetime = p.valid_lifetime;
            c.preferred_lifetime = p.preferred_lifetime;
        }
        NdpOption::RedirectedHeader(_) => c.kind = K::RedirectedHeader,
        NdpOption::Mtu(m) => {
            c.kind = K::Mtu;
            c.value = m.mtu;
        }
        NdpOption::AdvertisementInterval(a) => {
            c.kind = K::AdvertisementInterval;
            c.value = a.interval_ms;
        }
        NdpOption::HomeAgentInformation(h) => {
            c.kind = K::HomeAgentInformation;
            c.preference = h.preference;
            c.valid_lifetime = u32::from(h.lifetime);
        }
        NdpOption::Nonce(_) => c.kind = K::Nonce,
        NdpOption::RouteInformation(r) => {
            c.kind = K::RouteInformation;
            c.prefix = r.prefix.octets();
            c.prefix_length = r.prefix_length;
            c.flags = r.flags;
            c.preference = u16::from(r.preference().bits());
            c.valid_lifetime = r.route_lifetime;
        }
        NdpOption::RecursiveDnsServer(r) => {
            c.kind = K::RecursiveDnsServer;
            c.valid_lifetime = r.lifetime;
            c.count = r.addresses().count();
        }
        NdpOption::RaFlagsExtension(_) => c.kind = K::RaFlagsExtension,
        NdpOption::DnsSearchList(d) => {
            c.kind = K::DnsSearchList;
            c.valid_lifetime = d.lifetime;
            c.count = d.names().count();
        }
        NdpOption::CaptivePortal(_) => c.kind = K::CaptivePortal,
        NdpOption::Pref64(p) => {
            c.kind = K::Pref64;
            let net = p.network();
            c.prefix = net.addr().octets();
            c.prefix_length = p.prefix_length().unwrap_or(0);
            c.valid_lifetime = p.lifetime();
        }
        NdpOption::Invalid { .. } => c.kind = K::Invalid,
        _ => c.kind = K::Unknown,
    }
    c
}

/// Writes the next option.
///
/// Errors: `NULL_POINTER`, `ITERATION_DONE` (no more options; nothing written).
///
/// # Safety
/// `options` must be a live iterator (not used by another thread at the same time) and `out`
/// writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_options_next(
    options: *mut ipv6kit_ndp_options,
    out: *mut ipv6kit_ndp_option,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: a live iterator per the contract, used by one thread at a time.
        let it = unsafe { options.as_mut() }.ok_or(Fail::code(ipv6kit_result::NullPointer))?;
        let p = Packet::parse(&it.bytes)?;
        let raw = p
            .options()
            .nth(it.next)
            .ok_or(Fail::code(ipv6kit_result::IterationDone))?;
        let c = option_to_c(&raw);
        it.next += 1;
        it.current = Some(raw.offset());
        // SAFETY: the caller's contract above.
        unsafe { out.write(c) };
        Ok(())
    })
}

/// Writes address number `index` of the current option (an RDNSS option, `kind`
/// `RECURSIVE_DNS_SERVER`).
///
/// Errors: `NULL_POINTER`, `NOT_FOUND` (no current option, or it is not RDNSS),
/// `INVALID_ARGUMENT` (index out of range).
///
/// # Safety
/// `options` must be a live iterator and `out` writable for 16 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_options_rdnss_address(
    options: *const ipv6kit_ndp_options,
    index: usize,
    out: *mut u8,
) -> ipv6kit_result {
    guard(|| {
        let out = out_bytes::<16>(out)?;
        // SAFETY: a live iterator per the contract; only read here.
        let it = unsafe { options.as_ref() }.ok_or(Fail::code(ipv6kit_result::NullPointer))?;
        let a: Ipv6Addr = it.with_current(|o| match o {
            NdpOption::RecursiveDnsServer(r) => r
                .addresses()
                .nth(index)
                .ok_or(Fail::code(ipv6kit_result::InvalidArgument)),
            _ => Err(Fail::with(ipv6kit_result::NotFound, "the current option is not RDNSS")),
        })?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(a.octets()) };
        Ok(())
    })
}

/// Writes name number `index` of the current option (a DNSSL option), dotted (`example.com`).
///
/// Errors: `NULL_POINTER`, `NOT_FOUND` (no current option, or it is not DNSSL),
/// `INVALID_ARGUMENT` (index out of range), `BUFFER_TOO_SHORT` (256 bytes always suffice).
///
/// # Safety
/// `options` must be a live iterator, `buf` writable for `len` bytes, `written` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_options_dnssl_name(
    options: *const ipv6kit_ndp_options,
    index: usize,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let out = TextOut::new(buf, len, written)?;
        // SAFETY: a live iterator per the contract; only read here.
        let it = unsafe { options.as_ref() }.ok_or(Fail::code(ipv6kit_result::NullPointer))?;
        let name = it.with_current(|o| match o {
            NdpOption::DnsSearchList(d) => d
                .names()
                .nth(index)
                .map(|n| n.to_string())
                .ok_or(Fail::code(ipv6kit_result::InvalidArgument)),
            _ => Err(Fail::with(ipv6kit_result::NotFound, "the current option is not DNSSL")),
        })?;
        // SAFETY: the caller's contract above.
        unsafe { out.write_str(&name) }
    })
}

/// Writes the current option as text, as the core prints it (for a captive-portal option, the
/// line includes its URI; for an invalid option, the reason).
///
/// Errors: `NULL_POINTER`, `NOT_FOUND` (no current option), `BUFFER_TOO_SHORT`.
///
/// # Safety
/// `options` must be a live iterator, `buf` writable for `len` bytes, `written` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_options_text(
    options: *const ipv6kit_ndp_options,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let out = TextOut::new(buf, len, written)?;
        // SAFETY: a live iterator per the contract; only read here.
        let it = unsafe { options.as_ref() }.ok_or(Fail::code(ipv6kit_result::NullPointer))?;
        let text = it.with_current(|o| Ok(o.to_string()))?;
        // SAFETY: the caller's contract above.
        unsafe { out.write_str(&text) }
    })
}

/// Releases an option iterator. NULL is accepted and ignored.
///
/// # Safety
/// `options` must be NULL or a live iterator, not used after.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_options_free(options: *mut ipv6kit_ndp_options) {
    if !options.is_null() {
        // SAFETY: made by Box::into_raw in ipv6kit_ndp_options_new and freed once (contract).
        drop(unsafe { Box::from_raw(options) });
    }
}

/// Runs a core builder into a scratch buffer, then copies into the caller's buffer only on
/// success (the core may have written part of a message before finding it does not fit).
///
/// # Safety
/// `env` must be NULL or writable; `out` as [`BytesOut`].
unsafe fn built(
    out: BytesOut,
    env: *mut ipv6kit_ndp_envelope,
    f: impl FnOnce(&mut [u8]) -> Result<(frame::Envelope, usize), core_ndp::NdpError>,
) -> Result<(), Fail> {
    // Built aside so that the caller's buffer is written only on success; no larger than that
    // buffer (a builder needing more says BUFFER_TOO_SHORT), nor than an IPv6 payload.
    let mut scratch = vec![0u8; out.capacity().min(65_535)];
    let (e, n) = f(&mut scratch)?;
    // SAFETY: forwarded contract.
    unsafe { out.write(scratch.get(..n).unwrap_or(&[])) }?;
    if !env.is_null() {
        // SAFETY: non-NULL and writable per the contract.
        unsafe { env.write_unaligned(ipv6kit_ndp_envelope::from_core(e)) };
    }
    Ok(())
}

/// # Safety
/// `p` must be NULL or readable for 6 bytes.
unsafe fn read_optional_mac(p: *const u8) -> Result<Option<MacAddr6>, Fail> {
    if p.is_null() {
        return Ok(None);
    }
    // SAFETY: forwarded contract.
    Ok(Some(MacAddr6::from(unsafe { read_bytes::<6>(p) }?)))
}

/// Builds a Router Solicitation to all-routers (`ff02::2`) into `buf`, checksum computed. A Source
/// Link-layer Address option is included when `mac` is not NULL and `source` is not `::`
/// (RFC 4861 §4.1). `*written` is the message length; `env`, when not NULL, receives the IPv6
/// envelope to send it in (hop limit 255).
///
/// Errors: `NULL_POINTER`, `NDP_MULTICAST_SOURCE`, `BUFFER_TOO_SHORT` (nothing written; 16 bytes suffice).
///
/// # Safety
/// `source` readable for 16 bytes, `mac` NULL or readable for 6, `buf` writable for `len` bytes,
/// `written` writable, `env` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_build_router_solicitation(
    source: *const u8,
    mac: *const u8,
    buf: *mut u8,
    len: usize,
    written: *mut usize,
    env: *mut ipv6kit_ndp_envelope,
) -> ipv6kit_result {
    guard(|| {
        let out = BytesOut::new(buf, len, written)?;
        // SAFETY: the caller's contract above.
        let (s, m) = unsafe { (read_addr(source)?, read_optional_mac(mac)?) };
        // SAFETY: the caller's contract above.
        unsafe { built(out, env, |b| build::router_solicitation(s, m, b)) }
    })
}

/// Builds an address-resolution Neighbor Solicitation (to the solicited-node group of `target`,
/// with the sender's link-layer address `mac`).
///
/// Errors: `NULL_POINTER`, `NDP_MULTICAST_SOURCE`, `BUFFER_TOO_SHORT` (32 bytes suffice).
///
/// # Safety
/// `source` and `target` readable for 16 bytes, `mac` for 6, `buf` writable for `len` bytes,
/// `written` writable, `env` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_build_neighbor_solicitation(
    source: *const u8,
    target: *const u8,
    mac: *const u8,
    buf: *mut u8,
    len: usize,
    written: *mut usize,
    env: *mut ipv6kit_ndp_envelope,
) -> ipv6kit_result {
    // SAFETY: the caller's contract above.
    unsafe {
        build_ns(
            source,
            target,
            mac,
            buf,
            len,
            written,
            env,
            build::neighbor_solicitation,
        )
    }
}

/// A core Neighbor Solicitation builder: source, target, source MAC, buffer.
type NsBuilder = fn(Ipv6Addr, Ipv6Addr, MacAddr6, &mut [u8]) -> Result<(frame::Envelope, usize), core_ndp::NdpError>;

/// The two Neighbor Solicitation builders' shared body: reads the inputs, runs `f`.
///
/// # Safety
/// As `ipv6kit_ndp_build_neighbor_solicitation()`.
#[allow(clippy::too_many_arguments)]
unsafe fn build_ns(
    source: *const u8,
    target: *const u8,
    mac: *const u8,
    buf: *mut u8,
    len: usize,
    written: *mut usize,
    env: *mut ipv6kit_ndp_envelope,
    f: NsBuilder,
) -> ipv6kit_result {
    guard(|| {
        let out = BytesOut::new(buf, len, written)?;
        // SAFETY: the caller's contract above.
        let (s, t) = unsafe { (read_addr(source)?, read_addr(target)?) };
        // SAFETY: the caller's contract above.
        let m = MacAddr6::from(unsafe { read_bytes::<6>(mac) }?);
        // SAFETY: the caller's contract above.
        unsafe { built(out, env, |b| f(s, t, m, b)) }
    })
}

/// Builds a unicast Neighbor Solicitation (unreachability detection): to `target` itself.
///
/// Errors: `NULL_POINTER`, `NDP_MULTICAST_SOURCE`, `BUFFER_TOO_SHORT` (32 bytes suffice).
///
/// # Safety
/// As `ipv6kit_ndp_build_neighbor_solicitation()`.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_build_unicast_neighbor_solicitation(
    source: *const u8,
    target: *const u8,
    mac: *const u8,
    buf: *mut u8,
    len: usize,
    written: *mut usize,
    env: *mut ipv6kit_ndp_envelope,
) -> ipv6kit_result {
    // SAFETY: the caller's contract above.
    unsafe {
        build_ns(
            source,
            target,
            mac,
            buf,
            len,
            written,
            env,
            build::unicast_neighbor_solicitation,
        )
    }
}

/// Builds a Duplicate Address Detection Neighbor Solicitation (from `::` to the solicited-node
/// group of `target`, with a Nonce option, as Linux sends it).
///
/// Errors: `NULL_POINTER`, `BUFFER_TOO_SHORT` (32 bytes suffice).
///
/// # Safety
/// `target` readable for 16 bytes, `nonce` for 6, `buf` writable for `len` bytes, `written`
/// writable, `env` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_build_dad_neighbor_solicitation(
    target: *const u8,
    nonce: *const u8,
    buf: *mut u8,
    len: usize,
    written: *mut usize,
    env: *mut ipv6kit_ndp_envelope,
) -> ipv6kit_result {
    guard(|| {
        let out = BytesOut::new(buf, len, written)?;
        // SAFETY: the caller's contract above.
        let t = unsafe { read_addr(target) }?;
        // SAFETY: the caller's contract above.
        let n = unsafe { read_bytes::<6>(nonce) }?;
        // SAFETY: the caller's contract above.
        unsafe { built(out, env, |b| build::dad_neighbor_solicitation(t, n, b)) }
    })
}

/// Builds a Neighbor Advertisement for `target` with Target Link-layer Address `mac`, Override
/// set: solicited (S = 1, to `solicitor`) when `solicitor` is not NULL and not `::`, otherwise
/// unsolicited to all-nodes (S = 0).
///
/// Errors: `NULL_POINTER`, `NDP_MULTICAST_SOURCE`, `BUFFER_TOO_SHORT` (32 bytes suffice).
///
/// # Safety
/// `source` and `target` readable for 16 bytes, `mac` for 6, `solicitor` NULL or readable for 16,
/// `buf` writable for `len` bytes, `written` writable, `env` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_build_neighbor_advertisement(
    source: *const u8,
    target: *const u8,
    mac: *const u8,
    solicitor: *const u8,
    router: bool,
    buf: *mut u8,
    len: usize,
    written: *mut usize,
    env: *mut ipv6kit_ndp_envelope,
) -> ipv6kit_result {
    guard(|| {
        let out = BytesOut::new(buf, len, written)?;
        // SAFETY: the caller's contract above.
        let (s, t) = unsafe { (read_addr(source)?, read_addr(target)?) };
        // SAFETY: the caller's contract above.
        let m = MacAddr6::from(unsafe { read_bytes::<6>(mac) }?);
        let to = if solicitor.is_null() {
            build::NaDestination::Unsolicited
        } else {
            // SAFETY: the caller's contract above.
            build::NaDestination::Solicited(unsafe { read_addr(solicitor) }?)
        };
        // SAFETY: the caller's contract above.
        unsafe { built(out, env, |b| build::neighbor_advertisement(s, t, m, to, router, b)) }
    })
}

/// Wraps an ICMPv6 message into an Ethernet frame (IPv6 header from `env`). `destination_mac`
/// NULL means the multicast MAC of the envelope's destination (RFC 2464 §7).
///
/// Errors: `NULL_POINTER`, `BUFFER_TOO_SHORT` (nothing written; `14 + 40 + icmp_len` needed),
/// `NDP_MESSAGE_TOO_LONG`, `NDP_FRAME`.
///
/// # Safety
/// `source_mac` readable for 6 bytes, `destination_mac` NULL or readable for 6, `env` readable,
/// `icmp` readable for `icmp_len` bytes, `buf` writable for `len` bytes, `written` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_emit_ethernet(
    source_mac: *const u8,
    destination_mac: *const u8,
    env: *const ipv6kit_ndp_envelope,
    icmp: *const u8,
    icmp_len: usize,
    buf: *mut u8,
    len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let out = BytesOut::new(buf, len, written)?;
        // SAFETY: the caller's contract above.
        let src = MacAddr6::from(unsafe { read_bytes::<6>(source_mac) }?);
        // SAFETY: the caller's contract above.
        let dst = unsafe { read_optional_mac(destination_mac) }?;
        if env.is_null() {
            return Err(Fail::code(ipv6kit_result::NullPointer));
        }
        // SAFETY: non-NULL and readable per the contract.
        let e = unsafe { env.read_unaligned() };
        let envelope = frame::Envelope {
            source: Ipv6Addr::from(e.source),
            destination: Ipv6Addr::from(e.destination),
            hop_limit: e.hop_limit,
        };
        // SAFETY: the caller's contract above.
        let message = unsafe { read_slice(icmp, icmp_len) }?;
        let mut scratch = vec![0u8; 14 + 40 + message.len()];
        let n = frame::emit_ethernet(src, dst, &envelope, message, &mut scratch)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(scratch.get(..n).unwrap_or(&[])) }
    })
}

/// A default router preference (RFC 4191 §2.1), as its 2-bit value.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ipv6kit_router_preference {
    /// 00: medium (the default).
    Medium = 0,
    /// 01: high.
    High = 1,
    /// 10: reserved (receivers treat it as medium).
    Reserved = 2,
    /// 11: low.
    Low = 3,
}

pub(crate) fn preference(v: u32) -> Result<core_ndp::RouterPreference, Fail> {
    u8::try_from(v)
        .ok()
        .filter(|b| *b <= 3)
        .map(core_ndp::RouterPreference::from_bits)
        .ok_or_else(|| {
            Fail::with(
                ipv6kit_result::InvalidEnum,
                format_args!("{v} is no ipv6kit_router_preference"),
            )
        })
}

/// What a router advertises, gathered call by call and written by
/// `ipv6kit_ra_builder_build()` (options in radvd's order: SLLA, MTU, PIOs, RIOs, RDNSS, DNSSL;
/// then PREF64s, Captive-Portal, RA Flags Extension).
/// Made by `ipv6kit_ra_builder_new()`, released once by `ipv6kit_ra_builder_free()`.
pub struct ipv6kit_ra_builder {
    source: Ipv6Addr,
    destination: Ipv6Addr,
    header: core_ndp::RouterAdvertisement,
    source_mac: Option<MacAddr6>,
    mtu: Option<u32>,
    prefixes: Vec<core_ndp::option::PrefixInformation>,
    routes: Vec<core_ndp::option::RouteInformation>,
    dns: Vec<(u32, Vec<Ipv6Addr>)>,
    search: Vec<(u32, Vec<String>)>,
    pref64: Vec<core_ndp::option::Pref64>,
    captive_portal: Option<String>,
    flags_extension: Option<[u8; 6]>,
}

/// # Safety
/// `p` must be NULL or a live builder, used by one thread at a time.
unsafe fn read_builder<'a>(p: *mut ipv6kit_ra_builder) -> Result<&'a mut ipv6kit_ra_builder, Fail> {
    // SAFETY: a live builder per the contract, used by one thread at a time.
    unsafe { p.as_mut() }.ok_or(Fail::code(ipv6kit_result::NullPointer))
}

/// Starts a Router Advertisement from the router's link-local address `source`, to all-nodes,
/// with the core's defaults (hop limit 64, router lifetime 1800 s, no flags, no options).
///
/// Errors: `NULL_POINTER`.
///
/// # Safety
/// `source` readable for 16 bytes and `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ra_builder_new(
    source: *const u8,
    out: *mut *mut ipv6kit_ra_builder,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let source = unsafe { read_addr(source) }?;
        let d = build::RaConfig::default();
        let b = ipv6kit_ra_builder {
            source,
            destination: d.destination,
            header: d.header,
            source_mac: None,
            mtu: None,
            prefixes: Vec::new(),
            routes: Vec::new(),
            dns: Vec::new(),
            search: Vec::new(),
            pref64: Vec::new(),
            captive_portal: None,
            flags_extension: None,
        };
        // SAFETY: the caller's contract above.
        unsafe { out.write(Box::into_raw(Box::new(b))) };
        Ok(())
    })
}

/// Sets the fixed part: Cur Hop Limit, M and O flags, default router preference (an
/// `ipv6kit_router_preference`), Router Lifetime (s), Reachable Time and Retrans Timer (ms).
///
/// Errors: `NULL_POINTER`, `INVALID_ENUM`.
///
/// # Safety
/// `builder` must be a live builder.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ra_builder_set_header(
    builder: *mut ipv6kit_ra_builder,
    cur_hop_limit: u8,
    managed: bool,
    other: bool,
    router_preference: u32,
    router_lifetime: u16,
    reachable_time: u32,
    retrans_timer: u32,
) -> ipv6kit_result {
    guard(|| {
        let pref = preference(router_preference)?;
        // SAFETY: the caller's contract above.
        let b = unsafe { read_builder(builder) }?;
        b.header = core_ndp::RouterAdvertisement {
            cur_hop_limit,
            flags: core_ndp::RaFlags::default()
                .with_managed(managed)
                .with_other(other)
                .with_preference(pref),
            router_lifetime,
            reachable_time,
            retrans_timer,
        };
        Ok(())
    })
}

/// Sets where the RA goes: `ff02::1` (the default) or the soliciting host.
///
/// Errors: `NULL_POINTER`.
///
/// # Safety
/// `builder` must be a live builder and `destination` readable for 16 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ra_builder_set_destination(
    builder: *mut ipv6kit_ra_builder,
    destination: *const u8,
) -> ipv6kit_result {
    guard(|| {
        // SAFETY: the caller's contract above.
        let d = unsafe { read_addr(destination) }?;
        // SAFETY: the caller's contract above.
        unsafe { read_builder(builder) }?.destination = d;
        Ok(())
    })
}

/// Sets the router's MAC for a Source Link-layer Address option; NULL removes the option.
///
/// Errors: `NULL_POINTER` (`builder`).
///
/// # Safety
/// `builder` must be a live builder; `mac` NULL or readable for 6 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ra_builder_set_source_mac(
    builder: *mut ipv6kit_ra_builder,
    mac: *const u8,
) -> ipv6kit_result {
    guard(|| {
        // SAFETY: the caller's contract above.
        let m = unsafe { read_optional_mac(mac) }?;
        // SAFETY: the caller's contract above.
        unsafe { read_builder(builder) }?.source_mac = m;
        Ok(())
    })
}

/// Adds (`enabled`) or removes an MTU option.
///
/// Errors: `NULL_POINTER`.
///
/// # Safety
/// `builder` must be a live builder.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ra_builder_set_mtu(
    builder: *mut ipv6kit_ra_builder,
    enabled: bool,
    mtu: u32,
) -> ipv6kit_result {
    guard(|| {
        // SAFETY: the caller's contract above.
        unsafe { read_builder(builder) }?.mtu = enabled.then_some(mtu);
        Ok(())
    })
}

/// Adds a Prefix Information option (the prefix's host bits are cleared on the wire).
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (length above 128).
///
/// # Safety
/// `builder` must be a live builder and `prefix` readable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ra_builder_add_prefix(
    builder: *mut ipv6kit_ra_builder,
    prefix: *const ipv6kit_prefix,
    on_link: bool,
    autonomous: bool,
    valid_lifetime: u32,
    preferred_lifetime: u32,
) -> ipv6kit_result {
    guard(|| {
        // SAFETY: the caller's contract above.
        let net = unsafe { crate::text::read_prefix(prefix) }?;
        // SAFETY: the caller's contract above.
        let b = unsafe { read_builder(builder) }?;
        b.prefixes.push(core_ndp::option::PrefixInformation::new(
            net,
            on_link,
            autonomous,
            valid_lifetime,
            preferred_lifetime,
        ));
        Ok(())
    })
}

/// Adds a Route Information option (RFC 4191); `preference` is an `ipv6kit_router_preference`.
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (length above 128), `INVALID_ENUM`.
///
/// # Safety
/// `builder` must be a live builder and `prefix` readable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ra_builder_add_route(
    builder: *mut ipv6kit_ra_builder,
    prefix: *const ipv6kit_prefix,
    preference_: u32,
    lifetime: u32,
) -> ipv6kit_result {
    guard(|| {
        let pref = preference(preference_)?;
        // SAFETY: the caller's contract above.
        let net = unsafe { crate::text::read_prefix(prefix) }?;
        // SAFETY: the caller's contract above.
        let b = unsafe { read_builder(builder) }?;
        b.routes
            .push(core_ndp::option::RouteInformation::new(net, pref, lifetime));
        Ok(())
    })
}

/// Adds an RDNSS option: `count` servers of 16 bytes each at `servers` (1 to 127, checked when
/// the RA is built).
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (`count` overflows).
///
/// # Safety
/// `builder` must be a live builder and `servers` readable for `16 * count` bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ra_builder_add_dns_servers(
    builder: *mut ipv6kit_ra_builder,
    lifetime: u32,
    servers: *const u8,
    count: usize,
) -> ipv6kit_result {
    guard(|| {
        let bytes_len = count
            .checked_mul(16)
            .ok_or(Fail::code(ipv6kit_result::InvalidArgument))?;
        // SAFETY: the caller's contract above.
        let bytes = unsafe { read_slice(servers, bytes_len) }?;
        let list: Vec<Ipv6Addr> = bytes
            .chunks_exact(16)
            .map(|c| {
                let mut o = [0u8; 16];
                o.copy_from_slice(c);
                Ipv6Addr::from(o)
            })
            .collect();
        // SAFETY: the caller's contract above.
        unsafe { read_builder(builder) }?.dns.push((lifetime, list));
        Ok(())
    })
}

/// Adds a DNSSL option: `domains` is a list of domain names separated by spaces
/// (`"example.com example.org"`, as resolv.conf's `search` line); the names are checked when the
/// RA is built.
///
/// Errors: `NULL_POINTER`, `NDP_BAD_DOMAIN_NAME` (text that is not UTF-8).
///
/// # Safety
/// `builder` must be a live builder and `domains` readable for `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ra_builder_add_search_list(
    builder: *mut ipv6kit_ra_builder,
    lifetime: u32,
    domains: *const c_char,
    len: usize,
) -> ipv6kit_result {
    guard(|| {
        // SAFETY: the caller's contract above.
        let s = unsafe { crate::boundary::read_text(domains, len, ipv6kit_result::NdpBadDomainName) }?;
        let names: Vec<String> = s.split_ascii_whitespace().map(String::from).collect();
        // SAFETY: the caller's contract above.
        unsafe { read_builder(builder) }?.search.push((lifetime, names));
        Ok(())
    })
}

/// Adds a PREF64 option (RFC 8781) announcing the NAT64 prefix `prefix` (/32, /40, /48, /56, /64
/// or /96; its host bits are cleared on the wire), valid for `lifetime` seconds: the option
/// carries it in units of 8 s, rounded up (at most 65528 s).
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (another prefix length).
///
/// # Safety
/// `builder` must be a live builder and `prefix` readable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ra_builder_add_pref64(
    builder: *mut ipv6kit_ra_builder,
    prefix: *const ipv6kit_prefix,
    lifetime: u16,
) -> ipv6kit_result {
    guard(|| {
        // SAFETY: the caller's contract above.
        let net = unsafe { crate::text::read_prefix(prefix) }?;
        let p = core_ndp::option::Pref64::new(net, lifetime)?;
        // SAFETY: the caller's contract above.
        unsafe { read_builder(builder) }?.pref64.push(p);
        Ok(())
    })
}

/// Sets the URI of a Captive-Portal option (RFC 8910), `len` bytes of UTF-8 at `uri` (no NUL
/// needed); `len` 0 (`uri` NULL or not) removes the option. A URI too long for one option (2039
/// bytes and more) is refused when the RA is built, with `NDP_OPTION_TOO_LONG`.
///
/// Errors: `NULL_POINTER` (`builder`, or `uri` NULL with a nonzero `len`), `INVALID_ARGUMENT`
/// (text that is not UTF-8).
///
/// # Safety
/// `builder` must be a live builder and `uri` NULL or readable for `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ra_builder_set_captive_portal(
    builder: *mut ipv6kit_ra_builder,
    uri: *const c_char,
    len: usize,
) -> ipv6kit_result {
    guard(|| {
        // SAFETY: the caller's contract above.
        let bytes = unsafe { crate::boundary::read_optional_slice(uri.cast(), len) }?;
        let text = core::str::from_utf8(bytes).map_err(|e| Fail::with(ipv6kit_result::InvalidArgument, e))?;
        // SAFETY: the caller's contract above.
        unsafe { read_builder(builder) }?.captive_portal = (!text.is_empty()).then(|| text.to_owned());
        Ok(())
    })
}

/// Sets the six flag bytes of an RA Flags Extension option (RFC 5175; the first byte holds bits
/// 8–15 of the RA's flags, most significant bit first); NULL removes the option.
///
/// Errors: `NULL_POINTER` (`builder`).
///
/// # Safety
/// `builder` must be a live builder; `flags` NULL or readable for 6 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ra_builder_set_flags_extension(
    builder: *mut ipv6kit_ra_builder,
    flags: *const u8,
) -> ipv6kit_result {
    guard(|| {
        let f = if flags.is_null() {
            None
        } else {
            // SAFETY: the caller's contract above.
            Some(unsafe { read_bytes::<6>(flags) }?)
        };
        // SAFETY: the caller's contract above.
        unsafe { read_builder(builder) }?.flags_extension = f;
        Ok(())
    })
}

/// Writes the Router Advertisement into `buf` (checksum computed; every reserved and padding
/// byte zero). `env`, when not NULL, receives the envelope (hop limit 255); `exceeds_link_mtu`,
/// when not NULL, is set when the RA and its IPv6 header exceed `link_mtu`: ND messages must not
/// be fragmented (RFC 6980), so such an RA must be split.
///
/// Errors: `NULL_POINTER`, `NDP_MULTICAST_SOURCE`, `BUFFER_TOO_SHORT` (nothing written), `NDP_RDNSS_SERVER_COUNT`,
/// `NDP_BAD_DOMAIN_NAME`, `NDP_OPTION_TOO_LONG`, `NDP_MESSAGE_TOO_LONG`.
///
/// # Safety
/// `builder` must be a live builder, `buf` writable for `len` bytes, `written` writable, `env`
/// and `exceeds_link_mtu` NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ra_builder_build(
    builder: *mut ipv6kit_ra_builder,
    link_mtu: usize,
    buf: *mut u8,
    len: usize,
    written: *mut usize,
    env: *mut ipv6kit_ndp_envelope,
    exceeds_link_mtu: *mut bool,
) -> ipv6kit_result {
    guard(|| {
        let out = BytesOut::new(buf, len, written)?;
        // SAFETY: the caller's contract above.
        let b = unsafe { read_builder(builder) }?;
        let dns: Vec<build::DnsServers<'_>> = b
            .dns
            .iter()
            .map(|(lifetime, servers)| build::DnsServers {
                lifetime: *lifetime,
                servers,
            })
            .collect();
        let names: Vec<Vec<&str>> = b
            .search
            .iter()
            .map(|(_, v)| v.iter().map(String::as_str).collect())
            .collect();
        let search: Vec<build::SearchList<'_>> = b
            .search
            .iter()
            .zip(&names)
            .map(|((lifetime, _), domains)| build::SearchList {
                lifetime: *lifetime,
                domains,
            })
            .collect();
        let config = build::RaConfig {
            source: b.source,
            destination: b.destination,
            header: b.header,
            source_mac: b.source_mac,
            mtu: b.mtu,
            prefixes: &b.prefixes,
            routes: &b.routes,
            dns_servers: &dns,
            search_lists: &search,
            pref64: &b.pref64,
            captive_portal: b.captive_portal.as_deref(),
            flags_extension: b.flags_extension,
        };
        let mut scratch = vec![0u8; config.buffer_len()?];
        let built = build::router_advertisement(&config, link_mtu, &mut scratch)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(scratch.get(..built.len).unwrap_or(&[])) }?;
        // SAFETY: each is NULL or writable per the contract.
        unsafe {
            if !env.is_null() {
                env.write_unaligned(ipv6kit_ndp_envelope::from_core(built.envelope));
            }
            if let Some(x) = exceeds_link_mtu.as_mut() {
                *x = built.exceeds_link_mtu;
            }
        }
        Ok(())
    })
}

/// Releases a builder. NULL is accepted and ignored.
///
/// # Safety
/// `builder` must be NULL or a live builder, not used after.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ra_builder_free(builder: *mut ipv6kit_ra_builder) {
    if !builder.is_null() {
        // SAFETY: made by Box::into_raw in ipv6kit_ra_builder_new and freed once (contract).
        drop(unsafe { Box::from_raw(builder) });
    }
}

/// Computes the ICMPv6 checksum `message` should carry for `source` → `destination` (as if its
/// checksum field, bytes 2–3, were zero), for callers that edit a message in place. Any ICMPv6
/// message works, ND or not.
///
/// Errors: `NULL_POINTER`.
///
/// # Safety
/// `source` and `destination` readable for 16 bytes, `message` for `len` bytes, `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_icmpv6_checksum(
    source: *const u8,
    destination: *const u8,
    message: *const u8,
    len: usize,
    out: *mut u16,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let (s, d, m) = unsafe { (read_addr(source)?, read_addr(destination)?, read_slice(message, len)?) };
        // SAFETY: the caller's contract above.
        unsafe { out.write(core_ndp::checksum::compute(s, d, m)) };
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_match_the_core() {
        let c = [
            ipv6kit_ndp_rule::HopLimit255,
            ipv6kit_ndp_rule::ChecksumValid,
            ipv6kit_ndp_rule::RsUnspecifiedSourceWithoutSlla,
            ipv6kit_ndp_rule::RaSourceLinkLocal,
            ipv6kit_ndp_rule::NsTargetNotMulticast,
            ipv6kit_ndp_rule::NsUnspecifiedSourceToSolicitedNode,
            ipv6kit_ndp_rule::NsUnspecifiedSourceWithoutSlla,
            ipv6kit_ndp_rule::NaTargetNotMulticast,
            ipv6kit_ndp_rule::NaMulticastNotSolicited,
            ipv6kit_ndp_rule::RedirectSourceLinkLocal,
            ipv6kit_ndp_rule::RedirectDestinationNotMulticast,
            ipv6kit_ndp_rule::RedirectTargetLinkLocalOrDestination,
        ];
        assert_eq!(c.len(), Rule::ALL.len());
        for (c, r) in c.iter().zip(Rule::ALL) {
            assert_eq!(*c as u32, u32::from(r as u8), "{r:?}");
        }
    }
}
