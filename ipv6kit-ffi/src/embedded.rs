//! IPv4-embedded IPv6 addresses (RFC 6052): NAT64/DNS64 prefixes.

use crate::boundary::{guard, out_bytes, read_addr, read_bytes, Out};
use crate::result::{ipv6kit_result, Fail};
use crate::text::{ipv6kit_prefix, read_prefix};
use core::net::Ipv4Addr;
use ipv6kit_core::iid::embedded;

/// The NAT64 prefixes with a name (`ipv6kit_nat64_prefix()`).
#[allow(non_camel_case_types)]
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ipv6kit_nat64_prefix_kind {
    /// The Well-Known Prefix `64:ff9b::/96` (RFC 6052 §2.1).
    WellKnown = 0,
    /// The local-use prefix `64:ff9b:1::/48` (RFC 8215).
    LocalUse = 1,
}

/// Writes a named NAT64 prefix; `kind` is an `ipv6kit_nat64_prefix_kind`.
///
/// Errors: `NULL_POINTER`, `INVALID_ENUM`.
///
/// # Safety
/// `out` must be writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_nat64_prefix(kind: u32, out: *mut ipv6kit_prefix) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        let net = match kind {
            k if k == ipv6kit_nat64_prefix_kind::WellKnown as u32 => embedded::WELL_KNOWN_PREFIX,
            k if k == ipv6kit_nat64_prefix_kind::LocalUse as u32 => embedded::LOCAL_USE_PREFIX,
            other => {
                return Err(Fail::with(
                    ipv6kit_result::InvalidEnum,
                    format_args!("{other} is no ipv6kit_nat64_prefix_kind"),
                ))
            }
        };
        // SAFETY: the caller's contract above.
        unsafe { out.write(ipv6kit_prefix::from_net(net)) };
        Ok(())
    })
}

/// Writes the IPv4-embedded address of `ipv4` under `prefix` (RFC 6052 §2.2; lengths 32, 40,
/// 48, 56, 64, 96; the u octet stays zero).
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (length above 128), `EMBED_PREFIX_LENGTH`,
/// `PREFIX_HOST_BITS`.
///
/// # Safety
/// `prefix` must be readable, `ipv4` readable for 4 bytes, `out` writable for 16 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ipv4_embed(
    prefix: *const ipv6kit_prefix,
    ipv4: *const u8,
    out: *mut u8,
) -> ipv6kit_result {
    guard(|| {
        let out = out_bytes::<16>(out)?;
        // SAFETY: the caller's contract above.
        let net = unsafe { read_prefix(prefix) }?;
        // SAFETY: the caller's contract above.
        let v4 = Ipv4Addr::from(unsafe { read_bytes::<4>(ipv4) }?);
        let a = embedded::embed(net, v4)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(a.octets()) };
        Ok(())
    })
}

/// Writes the IPv4 address embedded in `addr` under a prefix of length `prefix_len`
/// (RFC 6052 §2.2).
///
/// Errors: `NULL_POINTER`, `EMBED_PREFIX_LENGTH`, `U_OCTET`.
///
/// # Safety
/// `addr` must be readable for 16 bytes and `out` writable for 4 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ipv4_extract(addr: *const u8, prefix_len: u8, out: *mut u8) -> ipv6kit_result {
    guard(|| {
        let out = out_bytes::<4>(out)?;
        // SAFETY: the caller's contract above.
        let a = unsafe { read_addr(addr) }?;
        let v4 = embedded::extract(a, prefix_len)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(v4.octets()) };
        Ok(())
    })
}

/// Writes the IPv4 address embedded in `addr` when it lies in `prefix` (a NAT64 prefix).
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (length above 128), `EMBED_PREFIX_LENGTH`,
/// `U_OCTET`, `NOT_FOUND` (the address is outside the prefix).
///
/// # Safety
/// `addr` must be readable for 16 bytes, `prefix` readable, `out` writable for 4 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_ipv4_extract_in(
    addr: *const u8,
    prefix: *const ipv6kit_prefix,
    out: *mut u8,
) -> ipv6kit_result {
    guard(|| {
        let out = out_bytes::<4>(out)?;
        // SAFETY: the caller's contract above.
        let a = unsafe { read_addr(addr) }?;
        // SAFETY: the caller's contract above.
        let net = unsafe { read_prefix(prefix) }?;
        let v4 = embedded::extract_in(a, net)?
            .ok_or_else(|| Fail::with(ipv6kit_result::NotFound, format_args!("{a} is not in {net}")))?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(v4.octets()) };
        Ok(())
    })
}
