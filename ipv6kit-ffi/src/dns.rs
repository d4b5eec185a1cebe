//! Reverse DNS: `ip6.arpa` names of addresses and zone names of prefixes.

use crate::boundary::{guard, read_addr, read_text, Out, TextOut};
use crate::result::{ipv6kit_result, Fail};
use crate::text::{ipv6kit_prefix, read_prefix};
use core::ffi::c_char;
use ipv6kit_core::dns as core_dns;

/// Bytes needed (NUL included) for any `ip6.arpa` name, trailing dot included.
pub const IPV6KIT_REVERSE_NAME_SIZE: usize = 74;

pub(crate) fn pick(name: &core_dns::ReverseName, fqdn: bool) -> &str {
    if fqdn {
        name.fqdn()
    } else {
        name.as_str()
    }
}

/// Writes the `ip6.arpa` name of an address (32 nibbles, least significant first); with `fqdn`
/// the name ends in a dot, as zone files write it.
///
/// Errors: `NULL_POINTER`, `BUFFER_TOO_SHORT` (`IPV6KIT_REVERSE_NAME_SIZE` bytes suffice).
///
/// # Safety
/// `addr` must be readable for 16 bytes, `buf` writable for `len` bytes, `written` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_reverse_name(
    addr: *const u8,
    fqdn: bool,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let out = TextOut::new(buf, len, written)?;
        // SAFETY: the caller's contract above.
        let name = core_dns::reverse_name(unsafe { read_addr(addr) }?);
        // SAFETY: the caller's contract above.
        unsafe { out.write_str(pick(&name, fqdn)) }
    })
}

/// Writes the reverse zone of a nibble-aligned prefix (`2001:db8::/32` →
/// `8.b.d.0.1.0.0.2.ip6.arpa`).
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (length above 128), `NOT_NIBBLE_ALIGNED` (see
/// `ipv6kit_covering_zone_at()`), `PREFIX_HOST_BITS`, `BUFFER_TOO_SHORT`.
///
/// # Safety
/// `prefix` must be readable, `buf` writable for `len` bytes, `written` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_reverse_zone(
    prefix: *const ipv6kit_prefix,
    fqdn: bool,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let out = TextOut::new(buf, len, written)?;
        // SAFETY: the caller's contract above.
        let net = unsafe { read_prefix(prefix) }?;
        let name = core_dns::zone_name(net)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write_str(pick(&name, fqdn)) }
    })
}

/// Sets `*count` to the number of zones at the next nibble boundary that together cover
/// `prefix` exactly (1 for an aligned prefix; 2, 4 or 8 otherwise). Host bits are ignored.
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (length above 128).
///
/// # Safety
/// `prefix` must be readable and `count` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_covering_zones_count(
    prefix: *const ipv6kit_prefix,
    count: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let count = Out::new(count)?;
        // SAFETY: the caller's contract above.
        let net = unsafe { read_prefix(prefix) }?;
        // SAFETY: the caller's contract above.
        unsafe { count.write(core_dns::covering_zones(net).len()) };
        Ok(())
    })
}

/// Writes covering zone number `index` (0 to count − 1, see `ipv6kit_covering_zones_count()`):
/// its prefix into `zone` and its name into `buf`.
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (length above 128, or index out of range),
/// `BUFFER_TOO_SHORT`.
///
/// # Safety
/// `prefix` must be readable, `zone` writable, `buf` writable for `len` bytes, `written` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_covering_zone_at(
    prefix: *const ipv6kit_prefix,
    index: usize,
    zone: *mut ipv6kit_prefix,
    fqdn: bool,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let zone = Out::new(zone)?;
        let out = TextOut::new(buf, len, written)?;
        // SAFETY: the caller's contract above.
        let net = unsafe { read_prefix(prefix) }?;
        let (zone_net, name) = core_dns::covering_zones(net).nth(index).ok_or_else(|| {
            Fail::with(
                ipv6kit_result::InvalidArgument,
                format_args!("no covering zone {index}"),
            )
        })?;
        // SAFETY: the caller's contract above.
        unsafe { out.write_str(pick(&name, fqdn)) }?;
        // SAFETY: the caller's contract above.
        unsafe { zone.write(ipv6kit_prefix::from_net(zone_net)) };
        Ok(())
    })
}

/// Reads an `ip6.arpa` name (any case, optional trailing dot) back into the prefix it names
/// (a /128 for a full name).
///
/// Errors: `NULL_POINTER`, `PARSE_REVERSE_NAME`.
///
/// # Safety
/// `text` must be readable for `len` bytes and `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_reverse_name_parse(
    text: *const c_char,
    len: usize,
    out: *mut ipv6kit_prefix,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let s = unsafe { read_text(text, len, ipv6kit_result::ParseReverseName) }?;
        let net = core_dns::parse_reverse_name(s)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(ipv6kit_prefix::from_net(net)) };
        Ok(())
    })
}
