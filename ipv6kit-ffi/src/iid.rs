//! Interface identifiers: modified EUI-64 to and from MACs and EUI-64s, link-local and SLAAC
//! addresses, the reserved-IID registry.

use crate::boundary::{guard, out_bytes, read_addr, read_bytes, Out, TextOut};
use crate::result::{ipv6kit_result, Fail};
use crate::text::{ipv6kit_prefix, read_prefix};
use core::ffi::c_char;
use ipv6kit_core::iid::{self as core_iid, Iid};
use ipv6kit_core::{MacAddr6, MacAddr8};

/// Reads an 8-byte identifier.
///
/// # Safety
/// `p` must be NULL or readable for 8 bytes.
pub(crate) unsafe fn read_iid(p: *const u8) -> Result<Iid, Fail> {
    // SAFETY: forwarded contract.
    Ok(Iid::new(unsafe { read_bytes::<8>(p) }?))
}

/// Writes the modified EUI-64 identifier of a MAC (`ff:fe` inserted, universal/local bit
/// inverted; RFC 4291 Appendix A).
///
/// Errors: `NULL_POINTER`.
///
/// # Safety
/// `mac` must be readable for 6 bytes and `out` writable for 8 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_iid_from_mac(mac: *const u8, out: *mut u8) -> ipv6kit_result {
    guard(|| {
        let out = out_bytes::<8>(out)?;
        // SAFETY: the caller's contract above.
        let m = MacAddr6::from(unsafe { read_bytes::<6>(mac) }?);
        // SAFETY: the caller's contract above.
        unsafe { out.write(Iid::from_mac(m).octets()) };
        Ok(())
    })
}

/// Writes the modified EUI-64 identifier of a native EUI-64 (only the universal/local bit
/// inverted).
///
/// Errors: `NULL_POINTER`.
///
/// # Safety
/// `eui64` must be readable for 8 bytes and `out` writable for 8 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_iid_from_eui64(eui64: *const u8, out: *mut u8) -> ipv6kit_result {
    guard(|| {
        let out = out_bytes::<8>(out)?;
        // SAFETY: the caller's contract above.
        let e = MacAddr8::from(unsafe { read_bytes::<8>(eui64) }?);
        // SAFETY: the caller's contract above.
        unsafe { out.write(Iid::from_eui64(e).octets()) };
        Ok(())
    })
}

/// Writes the EUI-64 an identifier encodes (the universal/local bit inverted back). Always
/// defined.
///
/// Errors: `NULL_POINTER`.
///
/// # Safety
/// `iid` must be readable for 8 bytes and `out` writable for 8 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_iid_to_eui64(iid: *const u8, out: *mut u8) -> ipv6kit_result {
    guard(|| {
        let out = out_bytes::<8>(out)?;
        // SAFETY: the caller's contract above.
        let i = unsafe { read_iid(iid) }?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(i.to_eui64().into_array()) };
        Ok(())
    })
}

/// Writes the MAC inside a MAC-derived identifier (one with `ff:fe` in bytes 3 and 4).
///
/// Errors: `NULL_POINTER`, `NOT_FOUND` (the identifier carries no MAC).
///
/// # Safety
/// `iid` must be readable for 8 bytes and `out` writable for 6 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_iid_to_mac(iid: *const u8, out: *mut u8) -> ipv6kit_result {
    guard(|| {
        let out = out_bytes::<6>(out)?;
        // SAFETY: the caller's contract above.
        let i = unsafe { read_iid(iid) }?;
        let mac = i.to_mac().ok_or_else(|| {
            Fail::with(
                ipv6kit_result::NotFound,
                format_args!("{i} carries no MAC (no ff:fe marker)"),
            )
        })?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(mac.into_array()) };
        Ok(())
    })
}

/// Writes the interface identifier of an address: its low 64 bits.
///
/// Errors: `NULL_POINTER`.
///
/// # Safety
/// `addr` must be readable for 16 bytes and `out` writable for 8 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_iid_of(addr: *const u8, out: *mut u8) -> ipv6kit_result {
    guard(|| {
        let out = out_bytes::<8>(out)?;
        // SAFETY: the caller's contract above.
        let a = unsafe { read_addr(addr) }?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(Iid::of(a).octets()) };
        Ok(())
    })
}

/// Writes the address made of `prefix_addr`'s upper 64 bits and the identifier (the low 64 bits
/// are replaced, never added to).
///
/// Errors: `NULL_POINTER`.
///
/// # Safety
/// `iid` must be readable for 8 bytes, `prefix_addr` for 16, and `out` writable for 16.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_iid_with_prefix(
    iid: *const u8,
    prefix_addr: *const u8,
    out: *mut u8,
) -> ipv6kit_result {
    guard(|| {
        let out = out_bytes::<16>(out)?;
        // SAFETY: the caller's contract above.
        let i = unsafe { read_iid(iid) }?;
        // SAFETY: the caller's contract above.
        let p = unsafe { read_addr(prefix_addr) }?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(i.with_prefix(p).octets()) };
        Ok(())
    })
}

/// Writes an identifier like the low four groups of an address (`211:22ff:fe33:4455`).
/// `IPV6KIT_IID_TEXT_SIZE` bytes suffice.
///
/// Errors: `NULL_POINTER`, `BUFFER_TOO_SHORT`.
///
/// # Safety
/// `iid` must be readable for 8 bytes, `buf` writable for `len` bytes, `written` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_iid_format(
    iid: *const u8,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let out = TextOut::new(buf, len, written)?;
        // SAFETY: the caller's contract above.
        let i = unsafe { read_iid(iid) }?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(i) }
    })
}

/// Writes the link-local address `fe80::/64` + the modified EUI-64 of a MAC.
///
/// Errors: `NULL_POINTER`.
///
/// # Safety
/// `mac` must be readable for 6 bytes and `out` writable for 16 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_link_local(mac: *const u8, out: *mut u8) -> ipv6kit_result {
    guard(|| {
        let out = out_bytes::<16>(out)?;
        // SAFETY: the caller's contract above.
        let m = MacAddr6::from(unsafe { read_bytes::<6>(mac) }?);
        // SAFETY: the caller's contract above.
        unsafe { out.write(core_iid::link_local(m).octets()) };
        Ok(())
    })
}

/// Writes the SLAAC address of a /64 prefix and an interface identifier. The prefix's host bits
/// are discarded (masked), never added.
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (length above 128), `PREFIX_NOT_SLASH64`.
///
/// # Safety
/// `prefix` must be readable, `iid` readable for 8 bytes, `out` writable for 16 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_slaac(prefix: *const ipv6kit_prefix, iid: *const u8, out: *mut u8) -> ipv6kit_result {
    guard(|| {
        let out = out_bytes::<16>(out)?;
        // SAFETY: the caller's contract above.
        let net = unsafe { read_prefix(prefix) }?;
        // SAFETY: the caller's contract above.
        let i = unsafe { read_iid(iid) }?;
        let a = core_iid::slaac(net, i)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(a.octets()) };
        Ok(())
    })
}

/// Writes the SLAAC address of a /64 prefix and a MAC (through modified EUI-64).
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (length above 128), `PREFIX_NOT_SLASH64`.
///
/// # Safety
/// `prefix` must be readable, `mac` readable for 6 bytes, `out` writable for 16 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_slaac_from_mac(
    prefix: *const ipv6kit_prefix,
    mac: *const u8,
    out: *mut u8,
) -> ipv6kit_result {
    guard(|| {
        let out = out_bytes::<16>(out)?;
        // SAFETY: the caller's contract above.
        let net = unsafe { read_prefix(prefix) }?;
        // SAFETY: the caller's contract above.
        let m = MacAddr6::from(unsafe { read_bytes::<6>(mac) }?);
        let a = core_iid::slaac(net, m)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(a.octets()) };
        Ok(())
    })
}

fn reserved_entry(i: Iid) -> Result<&'static core_iid::reserved::ReservedIid, Fail> {
    i.reserved().ok_or_else(|| {
        Fail::with(
            ipv6kit_result::NotFound,
            format_args!("{i} is not in the reserved-IID registry"),
        )
    })
}

/// Looks an identifier up in the IANA reserved-IID registry (RFC 5453) and writes the range it
/// falls in (`first` to `last`, inclusive, as big-endian integers).
///
/// Errors: `NULL_POINTER`, `NOT_FOUND` (not reserved).
///
/// # Safety
/// `iid` must be readable for 8 bytes; `first` and `last` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_iid_reserved(iid: *const u8, first: *mut u64, last: *mut u64) -> ipv6kit_result {
    guard(|| {
        let first = Out::new(first)?;
        let last = Out::new(last)?;
        // SAFETY: the caller's contract above.
        let entry = reserved_entry(unsafe { read_iid(iid) }?)?;
        // SAFETY: the caller's contract above.
        unsafe {
            first.write(entry.first);
            last.write(entry.last);
        }
        Ok(())
    })
}

/// Writes the registry's description of the reserved range an identifier falls in.
///
/// Errors: `NULL_POINTER`, `NOT_FOUND` (not reserved), `BUFFER_TOO_SHORT`.
///
/// # Safety
/// `iid` must be readable for 8 bytes, `buf` writable for `len` bytes, `written` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_iid_reserved_name(
    iid: *const u8,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let out = TextOut::new(buf, len, written)?;
        // SAFETY: the caller's contract above.
        let entry = reserved_entry(unsafe { read_iid(iid) }?)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write_str(entry.name) }
    })
}

/// Writes the defining document ("RFC 4291") of the reserved range an identifier falls in.
///
/// Errors: `NULL_POINTER`, `NOT_FOUND` (not reserved), `BUFFER_TOO_SHORT`.
///
/// # Safety
/// `iid` must be readable for 8 bytes, `buf` writable for `len` bytes, `written` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_iid_reserved_reference(
    iid: *const u8,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let out = TextOut::new(buf, len, written)?;
        // SAFETY: the caller's contract above.
        let entry = reserved_entry(unsafe { read_iid(iid) }?)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write_str(entry.reference) }
    })
}
