//! Any Neighbor Discovery message, written option by option into a caller's buffer: the core's
//! `ndp::MessageWriter`, resumed on each call from the buffer and length kept in caller-owned
//! storage, so that the writer has no heap state.

use crate::boundary::{guard, read_addr, read_optional_slice, read_slice, read_text, Out};
use crate::ndp::preference;
use crate::result::{ipv6kit_result, Fail};
use crate::text::{ipv6kit_prefix, read_prefix};
use core::ffi::c_char;
use core::ptr::NonNull;
use ipv6kit_core::ndp::option::{
    AdvertisementInterval, CaptivePortal, HomeAgentInformation, LinkLayerAddress, Mtu, Nonce, Pref64,
    PrefixInformation, RecursiveDnsServer, RedirectedHeader, RouteInformation, UnknownOption,
};
use ipv6kit_core::ndp::{
    ChecksumMode, Header, MessageWriter, NaFlags, NdpError, NdpOption, NeighborAdvertisement, NeighborSolicitation,
    RaFlags, Redirect, RouterAdvertisement, RouterSolicitation, MAX_RDNSS_SERVERS,
};

/// A Neighbor Discovery message being written into the caller's buffer, option by option. The
/// caller owns this storage (on the stack, or inside its own structure): the writer has no heap
/// state and needs no `_free` (only `_add_dnssl` makes a short-lived list of the names).
///
/// Use: one `ipv6kit_ndp_writer_begin_*()` (writes the fixed part into `buf`), then any
/// `ipv6kit_ndp_writer_add_*()` in the order the options are to appear, then
/// `ipv6kit_ndp_writer_finish()` (writes the checksum and gives the length). Padding, and every
/// reserved field the functions take no value for, is zero. A failed `_add` leaves the message as
/// it was (bytes of `buf` after it may have changed), so the caller may go on without that
/// option; a message may also be abandoned at any point.
///
/// From `_begin` until `_finish` (or until the caller abandons the message), `buf` belongs to the
/// writer: the caller must not read, write or free it, nor change the writer's fields. Data
/// given to an `_add_*` function must not lie inside `buf` (`INVALID_ARGUMENT`: copy it out
/// first). Every `_add_*` also returns `NDP_TOO_MANY_OPTIONS` for a 257th option (what
/// `ipv6kit_ndp_parse()` accepts at most), and `_add_*`, `_len` and `_finish` return an `NDP_*`
/// code when the bytes written so far are no longer a valid message. Other
/// calls on a writer that was never begun, or is finished, return `INVALID_ARGUMENT`:
/// zero-initialise it (`ipv6kit_ndp_writer w = {0};`) so that they always can tell. Between
/// calls the writer keeps only the buffer and the length written; each call checks that the
/// bytes written so far are still a structurally valid message before adding to them. One
/// writer is used by one thread at a time.
#[repr(C)]
pub struct ipv6kit_ndp_writer {
    /// Private: the buffer given to `_begin`. Not to be changed.
    pub private_buf: *mut u8,
    /// Private: its length in bytes. Not to be changed.
    pub private_capacity: usize,
    /// Private: the bytes written so far. Not to be changed.
    pub private_len: usize,
    /// Private: non-zero while the writer is begun. Not to be changed.
    pub private_begun: u32,
}

impl Default for ipv6kit_ndp_writer {
    /// The zeroed writer (`{0}` in C): not begun.
    fn default() -> Self {
        ipv6kit_ndp_writer {
            private_buf: core::ptr::null_mut(),
            private_capacity: 0,
            private_len: 0,
            private_begun: 0,
        }
    }
}

/// `private_begun` of a begun writer.
const BEGUN: u32 = u32::from_be_bytes(*b"NDwr");

/// How `ipv6kit_ndp_writer_finish()` fills the checksum field.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ipv6kit_checksum_mode {
    /// Computed over the IPv6 pseudo-header of `source` → `destination`.
    Compute = 0,
    /// Left zero: for `SOCK_RAW`/`IPPROTO_ICMPV6` sockets, where the kernel fills it in.
    LeaveZero = 1,
    /// The value given (re-emitting a parsed message unchanged).
    Keep = 2,
}

/// Starts `w` on `header` in `buf`.
///
/// # Safety
/// `w` NULL or writable; `buf` NULL or valid for reading and writing `len` bytes until the writer
/// is finished or abandoned, and not used by anyone else meanwhile.
unsafe fn begin(w: *mut ipv6kit_ndp_writer, buf: *mut u8, len: usize, header: Header) -> Result<(), Fail> {
    let out = Out::new(w)?;
    let buf = NonNull::new(buf).ok_or(Fail::code(ipv6kit_result::NullPointer))?;
    if len > isize::MAX as usize {
        return Err(Fail::code(ipv6kit_result::InvalidArgument));
    }
    // SAFETY: non-NULL and valid for `len` ≤ isize::MAX bytes (the caller's contract).
    let bytes = unsafe { core::slice::from_raw_parts_mut(buf.as_ptr(), len) };
    let written = MessageWriter::new(&header, bytes)?.len();
    // SAFETY: the caller's contract above.
    unsafe {
        out.write(ipv6kit_ndp_writer {
            private_buf: buf.as_ptr(),
            private_capacity: len,
            private_len: written,
            private_begun: BEGUN,
        })
    };
    Ok(())
}

/// The begun writer `w`'s buffer, capacity and length.
///
/// # Safety
/// `w` must be NULL or valid for reading an `ipv6kit_ndp_writer`.
unsafe fn state_of(w: *const ipv6kit_ndp_writer) -> Result<(NonNull<u8>, usize, usize), Fail> {
    let w = NonNull::new(w.cast_mut()).ok_or(Fail::code(ipv6kit_result::NullPointer))?;
    // SAFETY: readable per the contract; the fields are plain data.
    let (buf, capacity, len, begun) = unsafe {
        let w = w.as_ptr();
        (
            (*w).private_buf,
            (*w).private_capacity,
            (*w).private_len,
            (*w).private_begun,
        )
    };
    match NonNull::new(buf) {
        Some(buf) if begun == BEGUN && capacity <= isize::MAX as usize => Ok((buf, capacity, len)),
        _ => Err(Fail::with(
            ipv6kit_result::InvalidArgument,
            "the writer is not begun (or is already finished): call an ipv6kit_ndp_writer_begin_* function first",
        )),
    }
}

/// Runs `f` on the core writer resumed from `w`, storing the length back afterwards (also after
/// a failed push, which leaves the message as it was). `input` is the caller's data `f` reads:
/// when it lies inside the writer's buffer, nothing is written and `INVALID_ARGUMENT` returned
/// (writing would change the very bytes being copied; a `&mut` over the buffer beside a `&` into
/// it must not exist).
///
/// # Safety
/// `w` must be NULL or a writer (its buffer, if begun, still the writer's: `_begin`'s contract).
unsafe fn with_writer<R>(
    w: *mut ipv6kit_ndp_writer,
    input: &[u8],
    f: impl FnOnce(&mut MessageWriter<'_>) -> Result<R, Fail>,
) -> Result<R, Fail> {
    // SAFETY: forwarded contract.
    let (buf, capacity, len) = unsafe { state_of(w) }?;
    // Addresses compared as integers: nothing is dereferenced.
    let (start, end) = (buf.as_ptr() as usize, buf.as_ptr() as usize + capacity);
    let (i_start, i_end) = (input.as_ptr() as usize, input.as_ptr() as usize + input.len());
    if !input.is_empty() && i_start < end && start < i_end {
        return Err(Fail::with(
            ipv6kit_result::InvalidArgument,
            "the option's data lies inside the writer's own buffer: copy it out first",
        ));
    }
    // SAFETY: the buffer given to `_begin`, valid for `capacity` bytes and the writer's alone
    // until it is finished (`_begin`'s contract).
    let bytes = unsafe { core::slice::from_raw_parts_mut(buf.as_ptr(), capacity) };
    let mut core = MessageWriter::resume(bytes, len)?;
    let result = f(&mut core);
    let written = core.len();
    // SAFETY: `w` is non-NULL (checked by state_of) and writable per the contract.
    unsafe { (*w).private_len = written };
    result
}

/// Appends `option` to the begun writer `w`.
///
/// # Safety
/// As [`with_writer`].
unsafe fn push<B: AsRef<[u8]>>(w: *mut ipv6kit_ndp_writer, option: &NdpOption<B>) -> Result<(), Fail> {
    // SAFETY: forwarded contract.
    unsafe {
        with_writer(w, payload(option), |core| {
            core.push(option).map(|_| ()).map_err(Fail::from)
        })
    }
}

/// The caller's bytes an option carries (empty for the fixed-size options).
fn payload<B: AsRef<[u8]>>(option: &NdpOption<B>) -> &[u8] {
    match option {
        NdpOption::SourceLinkLayerAddress(a) | NdpOption::TargetLinkLayerAddress(a) => a.0.as_ref(),
        NdpOption::RedirectedHeader(r) => r.packet.as_ref(),
        NdpOption::Nonce(n) => n.0.as_ref(),
        NdpOption::RecursiveDnsServer(r) => r.addresses.as_ref(),
        NdpOption::RaFlagsExtension(r) => r.0.as_ref(),
        NdpOption::DnsSearchList(d) => d.encoded.as_ref(),
        NdpOption::CaptivePortal(c) => c.0.as_ref(),
        NdpOption::Unknown(u) | NdpOption::Invalid { option: u, .. } => u.data.as_ref(),
        NdpOption::PrefixInformation(_)
        | NdpOption::Mtu(_)
        | NdpOption::AdvertisementInterval(_)
        | NdpOption::HomeAgentInformation(_)
        | NdpOption::RouteInformation(_)
        | NdpOption::Pref64(_) => &[],
    }
}

/// Begins a Router Solicitation (type 133) in `buf`; `reserved` is the 32-bit word after the
/// checksum (0 for RFC 4861).
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT`, `BUFFER_TOO_SHORT` (8 bytes needed).
///
/// # Safety
/// `w` writable; `buf` valid for reading and writing `len` bytes, and left to the writer until it
/// is finished or abandoned.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_writer_begin_router_solicitation(
    w: *mut ipv6kit_ndp_writer,
    reserved: u32,
    buf: *mut u8,
    len: usize,
) -> ipv6kit_result {
    guard(|| {
        let h = Header::RouterSolicitation(RouterSolicitation { reserved });
        // SAFETY: the caller's contract above.
        unsafe { begin(w, buf, len, h) }
    })
}

/// Begins a Router Advertisement (type 134) in `buf`. `flags` is the flags byte as sent: M 0x80,
/// O 0x40, H 0x20, default router preference (RFC 4191) in 0x18 (high 0x08, low 0x18), P 0x04,
/// reserved 0x03. Router Lifetime in seconds, Reachable Time and Retrans Timer in milliseconds.
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT`, `BUFFER_TOO_SHORT` (16 bytes needed).
///
/// # Safety
/// As `ipv6kit_ndp_writer_begin_router_solicitation()`.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_writer_begin_router_advertisement(
    w: *mut ipv6kit_ndp_writer,
    cur_hop_limit: u8,
    flags: u8,
    router_lifetime: u16,
    reachable_time: u32,
    retrans_timer: u32,
    buf: *mut u8,
    len: usize,
) -> ipv6kit_result {
    guard(|| {
        let h = Header::RouterAdvertisement(RouterAdvertisement {
            cur_hop_limit,
            flags: RaFlags(flags),
            router_lifetime,
            reachable_time,
            retrans_timer,
        });
        // SAFETY: the caller's contract above.
        unsafe { begin(w, buf, len, h) }
    })
}

/// Begins a Neighbor Solicitation (type 135) for `target` in `buf`; `reserved` is the 32-bit
/// word after the checksum (0 for RFC 4861).
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT`, `BUFFER_TOO_SHORT` (24 bytes needed).
///
/// # Safety
/// `target` readable for 16 bytes; otherwise as `ipv6kit_ndp_writer_begin_router_solicitation()`.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_writer_begin_neighbor_solicitation(
    w: *mut ipv6kit_ndp_writer,
    target: *const u8,
    reserved: u32,
    buf: *mut u8,
    len: usize,
) -> ipv6kit_result {
    guard(|| {
        // SAFETY: the caller's contract above.
        let target = unsafe { read_addr(target) }?;
        let h = Header::NeighborSolicitation(NeighborSolicitation { reserved, target });
        // SAFETY: the caller's contract above.
        unsafe { begin(w, buf, len, h) }
    })
}

/// Begins a Neighbor Advertisement (type 136) for `target` in `buf`. `flags` is the 32-bit word
/// after the checksum as sent: R 0x80000000, S 0x40000000, O 0x20000000, the other 29 bits
/// reserved.
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT`, `BUFFER_TOO_SHORT` (24 bytes needed).
///
/// # Safety
/// `target` readable for 16 bytes; otherwise as `ipv6kit_ndp_writer_begin_router_solicitation()`.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_writer_begin_neighbor_advertisement(
    w: *mut ipv6kit_ndp_writer,
    target: *const u8,
    flags: u32,
    buf: *mut u8,
    len: usize,
) -> ipv6kit_result {
    guard(|| {
        // SAFETY: the caller's contract above.
        let target = unsafe { read_addr(target) }?;
        let h = Header::NeighborAdvertisement(NeighborAdvertisement {
            flags: NaFlags(flags),
            target,
        });
        // SAFETY: the caller's contract above.
        unsafe { begin(w, buf, len, h) }
    })
}

/// Begins a Redirect (type 137) in `buf`: `target` is the better first hop, `destination` the
/// destination being redirected; `reserved` is the 32-bit word after the checksum (0 for
/// RFC 4861).
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT`, `BUFFER_TOO_SHORT` (40 bytes needed).
///
/// # Safety
/// `target` and `destination` readable for 16 bytes; otherwise as
/// `ipv6kit_ndp_writer_begin_router_solicitation()`.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_writer_begin_redirect(
    w: *mut ipv6kit_ndp_writer,
    target: *const u8,
    destination: *const u8,
    reserved: u32,
    buf: *mut u8,
    len: usize,
) -> ipv6kit_result {
    guard(|| {
        // SAFETY: the caller's contract above.
        let (target, destination) = unsafe { (read_addr(target)?, read_addr(destination)?) };
        let h = Header::Redirect(Redirect {
            reserved,
            target,
            destination,
        });
        // SAFETY: the caller's contract above.
        unsafe { begin(w, buf, len, h) }
    })
}

/// Sets `*len` to the bytes written so far (the fixed part and the options added).
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (the writer is not begun).
///
/// # Safety
/// `w` a writer (begun, or zero-initialised), `len` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_writer_len(w: *const ipv6kit_ndp_writer, len: *mut usize) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(len)?;
        // SAFETY: the caller's contract above; state_of only reads through the pointer.
        let (_, _, n) = unsafe { state_of(w) }?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(n) };
        Ok(())
    })
}

/// Adds a Source Link-layer Address option (type 1): `addr_len` bytes of `addr` (6 for
/// Ethernet), zero-padded to a multiple of 8 with the type and length bytes.
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (the writer is not begun), `BUFFER_TOO_SHORT`,
/// `NDP_OPTION_TOO_LONG`, `NDP_MESSAGE_TOO_LONG`; after any error the message is as it was.
///
/// # Safety
/// `w` a writer (begun, or zero-initialised), `addr` readable for `addr_len` bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_writer_add_source_link_layer_address(
    w: *mut ipv6kit_ndp_writer,
    addr: *const u8,
    addr_len: usize,
) -> ipv6kit_result {
    guard(|| {
        // SAFETY: the caller's contract above.
        let a = unsafe { read_slice(addr, addr_len) }?;
        // SAFETY: the caller's contract above.
        unsafe { push(w, &NdpOption::SourceLinkLayerAddress(LinkLayerAddress(a))) }
    })
}

/// Adds a Target Link-layer Address option (type 2), as
/// `ipv6kit_ndp_writer_add_source_link_layer_address()`.
///
/// Errors: as `ipv6kit_ndp_writer_add_source_link_layer_address()`.
///
/// # Safety
/// `w` a writer (begun, or zero-initialised), `addr` readable for `addr_len` bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_writer_add_target_link_layer_address(
    w: *mut ipv6kit_ndp_writer,
    addr: *const u8,
    addr_len: usize,
) -> ipv6kit_result {
    guard(|| {
        // SAFETY: the caller's contract above.
        let a = unsafe { read_slice(addr, addr_len) }?;
        // SAFETY: the caller's contract above.
        unsafe { push(w, &NdpOption::TargetLinkLayerAddress(LinkLayerAddress(a))) }
    })
}

/// Adds a Prefix Information option (type 3) for `prefix` (its host bits cleared on the wire).
/// `flags` is the flags byte as sent: L (on-link) 0x80, A (autonomous) 0x40, R (router address,
/// RFC 6275) 0x20, P (DHCPv6-PD preferred, RFC 9762) 0x10. Lifetimes in seconds (0xffffffff:
/// infinity).
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (the writer is not begun, or a prefix length above
/// 128), `BUFFER_TOO_SHORT`, `NDP_MESSAGE_TOO_LONG`.
///
/// # Safety
/// `w` a writer (begun, or zero-initialised), `prefix` readable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_writer_add_prefix_information(
    w: *mut ipv6kit_ndp_writer,
    prefix: *const ipv6kit_prefix,
    flags: u8,
    valid_lifetime: u32,
    preferred_lifetime: u32,
) -> ipv6kit_result {
    guard(|| {
        // SAFETY: the caller's contract above.
        let net = unsafe { read_prefix(prefix) }?;
        let mut pio = PrefixInformation::new(net, false, false, valid_lifetime, preferred_lifetime);
        pio.flags = flags;
        // SAFETY: the caller's contract above.
        unsafe { push(w, &NdpOption::<&[u8]>::PrefixInformation(pio)) }
    })
}

/// Adds a Route Information option (type 24, RFC 4191) for `prefix` (host bits cleared, the
/// shortest Length that holds it); `preference` is an `ipv6kit_router_preference`, `lifetime` in
/// seconds.
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (the writer is not begun, or a prefix length above
/// 128), `INVALID_ENUM`, `BUFFER_TOO_SHORT`, `NDP_MESSAGE_TOO_LONG`.
///
/// # Safety
/// `w` a writer (begun, or zero-initialised), `prefix` readable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_writer_add_route_information(
    w: *mut ipv6kit_ndp_writer,
    prefix: *const ipv6kit_prefix,
    preference_: u32,
    lifetime: u32,
) -> ipv6kit_result {
    guard(|| {
        let pref = preference(preference_)?;
        // SAFETY: the caller's contract above.
        let net = unsafe { read_prefix(prefix) }?;
        let rio = RouteInformation::new(net, pref, lifetime);
        // SAFETY: the caller's contract above.
        unsafe { push(w, &NdpOption::<&[u8]>::RouteInformation(rio)) }
    })
}

/// Adds an MTU option (type 5).
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (the writer is not begun), `BUFFER_TOO_SHORT`,
/// `NDP_MESSAGE_TOO_LONG`.
///
/// # Safety
/// `w` a writer (begun, or zero-initialised).
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_writer_add_mtu(w: *mut ipv6kit_ndp_writer, mtu: u32) -> ipv6kit_result {
    // SAFETY: the caller's contract above.
    guard(|| unsafe { push(w, &NdpOption::<&[u8]>::Mtu(Mtu::new(mtu))) })
}

/// Adds a Recursive DNS Server option (type 25, RFC 8106): `count` servers of 16 bytes each at
/// `servers` (1 to 127), valid for `lifetime` seconds.
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (the writer is not begun, or `servers` inside its
/// buffer), `NDP_RDNSS_SERVER_COUNT`, `BUFFER_TOO_SHORT`, `NDP_MESSAGE_TOO_LONG`.
///
/// # Safety
/// `w` a writer (begun, or zero-initialised), `servers` readable for `16 * count` bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_writer_add_rdnss(
    w: *mut ipv6kit_ndp_writer,
    lifetime: u32,
    servers: *const u8,
    count: usize,
) -> ipv6kit_result {
    guard(|| {
        // The count rule is push_rdnss's (1 to 127 servers), checked before any slice is
        // formed, so that 16 * count is small and cannot overflow.
        if count == 0 || count > MAX_RDNSS_SERVERS {
            return Err(NdpError::RdnssServerCount { count }.into());
        }
        // SAFETY: the caller's contract above.
        let bytes = unsafe { read_slice(servers, 16 * count) }?;
        // The option keeps the addresses as the bytes they are on the wire: no list is made.
        let option = NdpOption::RecursiveDnsServer(RecursiveDnsServer {
            reserved: 0,
            lifetime,
            addresses: bytes,
        });
        // SAFETY: the caller's contract above.
        unsafe { push(w, &option) }
    })
}

/// Adds a DNS Search List option (type 31, RFC 8106) valid for `lifetime` seconds: `domains`
/// is a list of domain names separated by spaces (`"example.com example.org"`, as resolv.conf's
/// `search` line), encoded as DNS labels and zero-padded.
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (the writer is not begun), `NDP_BAD_DOMAIN_NAME`
/// (no name at all, a name that cannot be encoded, or text that is not UTF-8; RFC 8106 §5.2
/// asks for one or more names), `NDP_OPTION_TOO_LONG`,
/// `BUFFER_TOO_SHORT`, `NDP_MESSAGE_TOO_LONG`.
///
/// # Safety
/// `w` a writer (begun, or zero-initialised), `domains` readable for `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_writer_add_dnssl(
    w: *mut ipv6kit_ndp_writer,
    lifetime: u32,
    domains: *const c_char,
    len: usize,
) -> ipv6kit_result {
    guard(|| {
        // SAFETY: the caller's contract above.
        let text = unsafe { read_text(domains, len, ipv6kit_result::NdpBadDomainName) }?;
        let names: Vec<&str> = text.split_ascii_whitespace().collect();
        // SAFETY: the caller's contract above.
        unsafe {
            with_writer(w, text.as_bytes(), |core| {
                core.push_dnssl(lifetime, &names).map(|_| ()).map_err(Fail::from)
            })
        }
    })
}

/// Adds a PREF64 option (type 38, RFC 8781) announcing the NAT64 prefix `prefix` (/32, /40, /48,
/// /56, /64 or /96; host bits cleared), valid for `lifetime` seconds: the option carries it in
/// units of 8 s, rounded up (at most 65528 s).
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (the writer is not begun, or another prefix
/// length), `BUFFER_TOO_SHORT`, `NDP_MESSAGE_TOO_LONG`.
///
/// # Safety
/// `w` a writer (begun, or zero-initialised), `prefix` readable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_writer_add_pref64(
    w: *mut ipv6kit_ndp_writer,
    prefix: *const ipv6kit_prefix,
    lifetime: u16,
) -> ipv6kit_result {
    guard(|| {
        // SAFETY: the caller's contract above.
        let net = unsafe { read_prefix(prefix) }?;
        let p = Pref64::new(net, lifetime)?;
        // SAFETY: the caller's contract above.
        unsafe { push(w, &NdpOption::<&[u8]>::Pref64(p)) }
    })
}

/// Adds a Nonce option (type 14, RFC 3971; sent with DAD, RFC 7527): `len` bytes of `nonce`
/// (6 for an 8-byte option), zero-padded.
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (the writer is not begun), `BUFFER_TOO_SHORT`,
/// `NDP_OPTION_TOO_LONG`, `NDP_MESSAGE_TOO_LONG`.
///
/// # Safety
/// `w` a writer (begun, or zero-initialised), `nonce` readable for `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_writer_add_nonce(
    w: *mut ipv6kit_ndp_writer,
    nonce: *const u8,
    len: usize,
) -> ipv6kit_result {
    guard(|| {
        // SAFETY: the caller's contract above.
        let n = unsafe { read_slice(nonce, len) }?;
        // SAFETY: the caller's contract above.
        unsafe { push(w, &NdpOption::Nonce(Nonce(n))) }
    })
}

/// Adds an Advertisement Interval option (type 7, RFC 6275): `interval_ms` milliseconds.
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (the writer is not begun), `BUFFER_TOO_SHORT`,
/// `NDP_MESSAGE_TOO_LONG`.
///
/// # Safety
/// `w` a writer (begun, or zero-initialised).
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_writer_add_advertisement_interval(
    w: *mut ipv6kit_ndp_writer,
    interval_ms: u32,
) -> ipv6kit_result {
    guard(|| {
        let o = AdvertisementInterval::new(interval_ms);
        // SAFETY: the caller's contract above.
        unsafe { push(w, &NdpOption::<&[u8]>::AdvertisementInterval(o)) }
    })
}

/// Adds a Home Agent Information option (type 8, RFC 6275): the preference (the wire's 16 bits;
/// signed in the RFC) and the lifetime in seconds.
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (the writer is not begun), `BUFFER_TOO_SHORT`,
/// `NDP_MESSAGE_TOO_LONG`.
///
/// # Safety
/// `w` a writer (begun, or zero-initialised).
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_writer_add_home_agent_information(
    w: *mut ipv6kit_ndp_writer,
    preference_: u16,
    lifetime: u16,
) -> ipv6kit_result {
    guard(|| {
        let o = HomeAgentInformation {
            reserved: 0,
            preference: preference_,
            lifetime,
        };
        // SAFETY: the caller's contract above.
        unsafe { push(w, &NdpOption::<&[u8]>::HomeAgentInformation(o)) }
    })
}

/// Adds a Captive-Portal option (type 37, RFC 8910): the URI, `len` bytes of UTF-8 at `uri` (no
/// NUL needed), NUL-padded.
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (the writer is not begun, or text that is not
/// UTF-8), `NDP_OPTION_TOO_LONG` (2039 bytes and more), `BUFFER_TOO_SHORT`,
/// `NDP_MESSAGE_TOO_LONG`.
///
/// # Safety
/// `w` a writer (begun, or zero-initialised), `uri` readable for `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_writer_add_captive_portal(
    w: *mut ipv6kit_ndp_writer,
    uri: *const c_char,
    len: usize,
) -> ipv6kit_result {
    guard(|| {
        // SAFETY: the caller's contract above.
        let text = unsafe { read_text(uri, len, ipv6kit_result::InvalidArgument) }?;
        // SAFETY: the caller's contract above.
        unsafe { push(w, &NdpOption::CaptivePortal(CaptivePortal(text.as_bytes()))) }
    })
}

/// Adds a Redirected Header option (type 4, for a Redirect): six reserved zero bytes, then
/// `len` bytes of the redirected packet (IPv6 header and data, cut by the caller so that the
/// Redirect fits the minimum MTU), zero-padded.
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (the writer is not begun), `NDP_OPTION_TOO_LONG`,
/// `BUFFER_TOO_SHORT`, `NDP_MESSAGE_TOO_LONG`.
///
/// # Safety
/// `w` a writer (begun, or zero-initialised), `packet` readable for `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_writer_add_redirected_header(
    w: *mut ipv6kit_ndp_writer,
    packet: *const u8,
    len: usize,
) -> ipv6kit_result {
    guard(|| {
        // SAFETY: the caller's contract above.
        let p = unsafe { read_slice(packet, len) }?;
        let o = RedirectedHeader {
            reserved: [0; 6],
            packet: p,
        };
        // SAFETY: the caller's contract above.
        unsafe { push(w, &NdpOption::RedirectedHeader(o)) }
    })
}

/// Adds any option as bytes: type `option_type`, then the Length byte (computed), then `len`
/// bytes of `data`, zero-padded to a multiple of 8. This writes options the functions above do
/// not (an RA Flags Extension is type 26 with 6 bytes of flags), and re-emits a parsed option
/// exactly: `ipv6kit_ndp_option`'s `option_type`, `data` and `data_len`. `data` may be NULL when
/// `len` is 0.
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (the writer is not begun), `NDP_OPTION_TOO_LONG`
/// (`len` above 2038), `BUFFER_TOO_SHORT`, `NDP_MESSAGE_TOO_LONG`.
///
/// # Safety
/// `w` a writer (begun, or zero-initialised), `data` NULL or readable for `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_writer_add_raw(
    w: *mut ipv6kit_ndp_writer,
    option_type: u8,
    data: *const u8,
    len: usize,
) -> ipv6kit_result {
    guard(|| {
        // SAFETY: the caller's contract above.
        let d = unsafe { read_optional_slice(data, len) }?;
        // SAFETY: the caller's contract above.
        unsafe { push(w, &NdpOption::Unknown(UnknownOption { option_type, data: d })) }
    })
}

/// Finishes the message: writes the checksum field as `checksum_mode` (an
/// `ipv6kit_checksum_mode`) says and sets `*written` to the message's length; the message is
/// the first `*written` bytes of the buffer given to `_begin`, which is the caller's again.
/// `source` and `destination` (16 bytes each) are read for `COMPUTE` only and may be NULL
/// otherwise; `checksum` is written for `KEEP` only. The writer is then finished: begin it again
/// for another message.
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (the writer is not begun), `INVALID_ENUM`; on an
/// error the writer stays as it was.
///
/// # Safety
/// `w` a writer (begun, or zero-initialised), `source` and `destination` NULL or readable for 16
/// bytes, `written` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ndp_writer_finish(
    w: *mut ipv6kit_ndp_writer,
    checksum_mode: u32,
    source: *const u8,
    destination: *const u8,
    checksum: u16,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(written)?;
        let mode = match checksum_mode {
            m if m == ipv6kit_checksum_mode::Compute as u32 => ChecksumMode::Compute {
                // SAFETY: the caller's contract above.
                source: unsafe { read_addr(source) }?,
                // SAFETY: the caller's contract above.
                destination: unsafe { read_addr(destination) }?,
            },
            m if m == ipv6kit_checksum_mode::LeaveZero as u32 => ChecksumMode::LeaveZero,
            m if m == ipv6kit_checksum_mode::Keep as u32 => ChecksumMode::Keep(checksum),
            other => {
                return Err(Fail::with(
                    ipv6kit_result::InvalidEnum,
                    format_args!("{other} is no ipv6kit_checksum_mode"),
                ))
            }
        };
        // SAFETY: the caller's contract above.
        let (buf, capacity, len) = unsafe { state_of(w) }?;
        // SAFETY: as in with_writer: the buffer given to `_begin`, still the writer's.
        let bytes = unsafe { core::slice::from_raw_parts_mut(buf.as_ptr(), capacity) };
        let n = MessageWriter::resume(bytes, len)?.finish(mode)?.len();
        // SAFETY: `w` is non-NULL (checked by with_writer) and writable per the contract; the
        // zeroed writer is "not begun" again, and the buffer is the caller's.
        unsafe { w.write(ipv6kit_ndp_writer::default()) };
        // SAFETY: the caller's contract above.
        unsafe { out.write(n) };
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_writer_is_begun_used_and_finished() {
        let mut buf = [0xaa_u8; 64];
        let mut w = ipv6kit_ndp_writer::default();
        let mut n = 0usize;
        // Not begun: refused.
        // SAFETY: a valid, zeroed writer.
        let refused = unsafe { ipv6kit_ndp_writer_add_mtu(&mut w, 1500) };
        assert_eq!(refused, ipv6kit_result::InvalidArgument);
        // SAFETY: valid pointers; the buffer outlives the writer.
        unsafe {
            assert_eq!(
                ipv6kit_ndp_writer_begin_router_solicitation(&mut w, 0, buf.as_mut_ptr(), buf.len()),
                ipv6kit_result::Ok
            );
            let mac = [2u8, 0, 0, 0, 0, 1];
            assert_eq!(
                ipv6kit_ndp_writer_add_source_link_layer_address(&mut w, mac.as_ptr(), 6),
                ipv6kit_result::Ok
            );
            assert_eq!(
                ipv6kit_ndp_writer_finish(&mut w, 1, core::ptr::null(), core::ptr::null(), 0, &mut n),
                ipv6kit_result::Ok
            );
        }
        // The core's own doc example gives these bytes for the same message.
        assert_eq!(&buf[..n], &[133, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 0, 0, 0, 0, 1]);
        assert!(w.private_buf.is_null() && w.private_len == 0 && w.private_begun == 0);
    }
}
