//! Text helpers: parse and format addresses (RFC 5952), prefixes, MACs, EUI-64s and IPv4
//! addresses, so that firmware can work with strings.

use crate::boundary::{guard, out_bytes, read_addr, read_bytes, read_text, Out, TextOut};
use crate::result::{ipv6kit_result, Fail};
use core::ffi::c_char;
use core::net::{Ipv4Addr, Ipv6Addr};
use ipv6kit_core::{Ipv6Net, MacAddr6, MacAddr8};

/// Bytes needed (NUL included) for any address text written by this library.
pub const IPV6KIT_ADDRESS_TEXT_SIZE: usize = 46;
/// Bytes needed (NUL included) for any prefix text written by this library.
pub const IPV6KIT_PREFIX_TEXT_SIZE: usize = 50;
/// Bytes needed (NUL included) for a MAC address text (`00:11:22:33:44:55`).
pub const IPV6KIT_MAC_TEXT_SIZE: usize = 18;
/// Bytes needed (NUL included) for an EUI-64 text (`00:11:22:FF:FE:33:44:55`).
pub const IPV6KIT_EUI64_TEXT_SIZE: usize = 24;
/// Bytes needed (NUL included) for an interface identifier text (`ffff:ffff:ffff:ffff`).
pub const IPV6KIT_IID_TEXT_SIZE: usize = 20;
/// Bytes needed (NUL included) for an IPv4 address text.
pub const IPV6KIT_IPV4_TEXT_SIZE: usize = 16;

/// An IPv6 prefix: an address (network order) and a length of 0 to 128. Bits of `addr` beyond
/// `len` are kept as given; functions that need them cleared say so.
#[allow(non_camel_case_types)]
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ipv6kit_prefix {
    /// The address, network order.
    pub addr: [u8; 16],
    /// The prefix length, 0 to 128.
    pub len: u8,
}

impl ipv6kit_prefix {
    pub(crate) fn from_net(net: Ipv6Net) -> ipv6kit_prefix {
        ipv6kit_prefix {
            addr: net.addr().octets(),
            len: net.prefix_len(),
        }
    }
}

/// Reads a caller's prefix; a length above 128 is `InvalidArgument`.
///
/// # Safety
/// `p` must be NULL or point to a readable `ipv6kit_prefix`.
pub(crate) unsafe fn read_prefix(p: *const ipv6kit_prefix) -> Result<Ipv6Net, Fail> {
    if p.is_null() {
        return Err(Fail::code(ipv6kit_result::NullPointer));
    }
    // SAFETY: non-NULL and readable per the contract; read_unaligned tolerates packed callers.
    let prefix = unsafe { p.read_unaligned() };
    Ipv6Net::new(Ipv6Addr::from(prefix.addr), prefix.len).map_err(|e| Fail::with(ipv6kit_result::InvalidArgument, e))
}

/// Parses an IPv6 address in any RFC 4291 text form (`2001:db8::1`, `::ffff:192.0.2.1`, upper or
/// lower case) into `out`. Zone suffixes (`%eth0`) are not accepted here.
///
/// Errors: `NULL_POINTER`, `PARSE_ADDRESS`.
///
/// # Safety
/// `text` must be readable for `len` bytes and `out` writable for 16 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_address_parse(text: *const c_char, len: usize, out: *mut u8) -> ipv6kit_result {
    guard(|| {
        let out = out_bytes::<16>(out)?;
        // SAFETY: the caller's contract above.
        let s = unsafe { read_text(text, len, ipv6kit_result::ParseAddress) }?;
        let addr: Ipv6Addr =
            ipv6kit_core::text::parse_address(s).map_err(|e| Fail::with(ipv6kit_result::ParseAddress, e))?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(addr.octets()) };
        Ok(())
    })
}

/// Writes an address in RFC 5952 canonical text (lower case, longest run of zero groups
/// compressed, IPv4-mapped addresses as `::ffff:a.b.c.d`). `IPV6KIT_ADDRESS_TEXT_SIZE` bytes
/// always suffice.
///
/// Errors: `NULL_POINTER`, `BUFFER_TOO_SHORT`.
///
/// # Safety
/// `addr` must be readable for 16 bytes, `buf` writable for `len` bytes, `written` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_address_format(
    addr: *const u8,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let out = TextOut::new(buf, len, written)?;
        // SAFETY: the caller's contract above.
        let a = unsafe { read_addr(addr) }?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(a) }
    })
}

/// Parses a prefix `address/length` (length 0 to 128) into `out`. Host bits are kept as written.
///
/// Errors: `NULL_POINTER`, `PARSE_PREFIX`.
///
/// # Safety
/// `text` must be readable for `len` bytes and `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_prefix_parse(
    text: *const c_char,
    len: usize,
    out: *mut ipv6kit_prefix,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let s = unsafe { read_text(text, len, ipv6kit_result::ParsePrefix) }?;
        let net: Ipv6Net =
            ipv6kit_core::text::parse_prefix(s).map_err(|e| Fail::with(ipv6kit_result::ParsePrefix, e))?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(ipv6kit_prefix::from_net(net)) };
        Ok(())
    })
}

/// Writes a prefix as `address/length`, the address in RFC 5952 text and host bits as stored.
/// `IPV6KIT_PREFIX_TEXT_SIZE` bytes always suffice.
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (length above 128), `BUFFER_TOO_SHORT`.
///
/// # Safety
/// `prefix` must be readable, `buf` writable for `len` bytes, `written` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_prefix_format(
    prefix: *const ipv6kit_prefix,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let out = TextOut::new(buf, len, written)?;
        // SAFETY: the caller's contract above.
        let net = unsafe { read_prefix(prefix) }?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(net) }
    })
}

/// Parses a MAC (EUI-48) address in any common notation (`00:11:22:33:44:55`,
/// `00-11-22-33-44-55`, `0011.2233.4455`, `001122334455`, either case) into `out`.
///
/// Errors: `NULL_POINTER`, `PARSE_MAC` (the detailed message names the bad part and position).
///
/// # Safety
/// `text` must be readable for `len` bytes and `out` writable for 6 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_mac_parse(text: *const c_char, len: usize, out: *mut u8) -> ipv6kit_result {
    guard(|| {
        let out = out_bytes::<6>(out)?;
        // SAFETY: the caller's contract above.
        let s = unsafe { read_text(text, len, ipv6kit_result::ParseMac) }?;
        let mac = ipv6kit_core::mac::parse_mac(s)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(mac.into_array()) };
        Ok(())
    })
}

/// Writes a MAC address as `00:11:22:AA:BB:CC`. `IPV6KIT_MAC_TEXT_SIZE` bytes suffice.
///
/// Errors: `NULL_POINTER`, `BUFFER_TOO_SHORT`.
///
/// # Safety
/// `mac` must be readable for 6 bytes, `buf` writable for `len` bytes, `written` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_mac_format(
    mac: *const u8,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let out = TextOut::new(buf, len, written)?;
        // SAFETY: the caller's contract above.
        let m = MacAddr6::from(unsafe { read_bytes::<6>(mac) }?);
        // SAFETY: the caller's contract above.
        unsafe { out.write(m) }
    })
}

/// Parses an EUI-64 in any common notation (eight groups, `0011.22ff.fe33.4455`, or 16 bare
/// digits) into `out`.
///
/// Errors: `NULL_POINTER`, `PARSE_EUI64`.
///
/// # Safety
/// `text` must be readable for `len` bytes and `out` writable for 8 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_eui64_parse(text: *const c_char, len: usize, out: *mut u8) -> ipv6kit_result {
    guard(|| {
        let out = out_bytes::<8>(out)?;
        // SAFETY: the caller's contract above.
        let s = unsafe { read_text(text, len, ipv6kit_result::ParseEui64) }?;
        let eui = ipv6kit_core::mac::parse_eui64(s).map_err(|e| Fail::with(ipv6kit_result::ParseEui64, e))?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(eui.into_array()) };
        Ok(())
    })
}

/// Writes an EUI-64 as `00:11:22:FF:FE:33:44:55`. `IPV6KIT_EUI64_TEXT_SIZE` bytes suffice.
///
/// Errors: `NULL_POINTER`, `BUFFER_TOO_SHORT`.
///
/// # Safety
/// `eui64` must be readable for 8 bytes, `buf` writable for `len` bytes, `written` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_eui64_format(
    eui64: *const u8,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let out = TextOut::new(buf, len, written)?;
        // SAFETY: the caller's contract above.
        let e = MacAddr8::from(unsafe { read_bytes::<8>(eui64) }?);
        // SAFETY: the caller's contract above.
        unsafe { out.write(e) }
    })
}

/// Parses an IPv4 address in dotted-quad form (`192.0.2.1`; no leading zeros) into `out`.
///
/// Errors: `NULL_POINTER`, `PARSE_IPV4`.
///
/// # Safety
/// `text` must be readable for `len` bytes and `out` writable for 4 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ipv4_parse(text: *const c_char, len: usize, out: *mut u8) -> ipv6kit_result {
    guard(|| {
        let out = out_bytes::<4>(out)?;
        // SAFETY: the caller's contract above.
        let s = unsafe { read_text(text, len, ipv6kit_result::ParseIpv4) }?;
        let a: Ipv4Addr = s.parse().map_err(|e| Fail::with(ipv6kit_result::ParseIpv4, e))?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(a.octets()) };
        Ok(())
    })
}

/// Writes an IPv4 address in dotted-quad form. `IPV6KIT_IPV4_TEXT_SIZE` bytes suffice.
///
/// Errors: `NULL_POINTER`, `BUFFER_TOO_SHORT`.
///
/// # Safety
/// `addr` must be readable for 4 bytes, `buf` writable for `len` bytes, `written` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ipv4_format(
    addr: *const u8,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let out = TextOut::new(buf, len, written)?;
        // SAFETY: the caller's contract above.
        let a = Ipv4Addr::from(unsafe { read_bytes::<4>(addr) }?);
        // SAFETY: the caller's contract above.
        unsafe { out.write(a) }
    })
}
