//! 6rd (RFC 5969) and 6to4 (RFC 3056): domains, delegated prefixes, tunnel and relay
//! addresses, the /64s of a delegation, and DHCPv4 option 212 (wire and text forms).

use crate::boundary::{guard, read_addr, read_bytes, read_slice, read_text, Out, TextOut};
use crate::result::{ipv6kit_result, Fail};
use crate::text::{ipv6kit_prefix, read_prefix};
use core::ffi::c_char;
use core::net::Ipv4Addr;
use ipv6kit_core::sixrd::{self as core_sixrd, SixrdDomain, SixrdOption, Subnets, TunnelConvention};
use ipv6kit_core::Ipv4Net;

/// A 6rd domain: the 6rd prefix and the relay prefix (the first `ipv4_mask_len` bits of
/// `relay_prefix`, the rest zero). Made valid by `ipv6kit_sixrd_domain_new()` and friends;
/// every function taking one checks it again.
#[allow(non_camel_case_types)]
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ipv6kit_sixrd_domain {
    /// The 6rd prefix.
    pub prefix: ipv6kit_prefix,
    /// The relay prefix's address (IPv4, network order).
    pub relay_prefix: [u8; 4],
    /// IPv4MaskLen: the relay prefix's length, 0 to 32.
    pub ipv4_mask_len: u8,
}

impl ipv6kit_sixrd_domain {
    fn from_core(d: SixrdDomain) -> ipv6kit_sixrd_domain {
        ipv6kit_sixrd_domain {
            prefix: ipv6kit_prefix::from_net(d.prefix()),
            relay_prefix: d.relay_prefix().addr().octets(),
            ipv4_mask_len: d.ipv4_mask_len(),
        }
    }
}

/// Which address of subnet 0 the CE gives its 6rd tunnel interface.
#[allow(non_camel_case_types)]
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ipv6kit_tunnel_convention {
    /// `::1` in subnet 0, as OpenWrt's 6rd.sh does.
    OpenWrt = 0,
    /// Interface identifier 0 in subnet 0 (the subnet-router anycast address).
    SubnetRouterAnycast = 1,
}

fn relay_net(addr: [u8; 4], len: u8) -> Result<Ipv4Net, Fail> {
    Ipv4Net::new(Ipv4Addr::from(addr), len).map_err(|e| Fail::with(ipv6kit_result::Ipv4MaskLenTooLong, e))
}

/// Reads and re-checks a caller's domain.
///
/// # Safety
/// `p` must be NULL or point to a readable `ipv6kit_sixrd_domain`.
unsafe fn read_domain(p: *const ipv6kit_sixrd_domain) -> Result<SixrdDomain, Fail> {
    if p.is_null() {
        return Err(Fail::code(ipv6kit_result::NullPointer));
    }
    // SAFETY: non-NULL and readable per the contract; read_unaligned tolerates packed callers.
    let d = unsafe { p.read_unaligned() };
    let prefix = d.prefix;
    // SAFETY: `prefix` is a local.
    let net = unsafe { read_prefix(&prefix) }?;
    Ok(SixrdDomain::new(net, relay_net(d.relay_prefix, d.ipv4_mask_len)?)?)
}

/// # Safety
/// `p` must be NULL or readable for 4 bytes.
unsafe fn read_ipv4(p: *const u8) -> Result<Ipv4Addr, Fail> {
    // SAFETY: forwarded contract.
    Ok(Ipv4Addr::from(unsafe { read_bytes::<4>(p) }?))
}

/// Makes a domain from its 6rd prefix and relay prefix (`relay_prefix`/`ipv4_mask_len`), checked
/// as Linux's sit driver does: no host bits in either prefix, IPv4MaskLen ≤ 32, and a delegated
/// prefix (`n + 32 − m`) no longer than /64.
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (prefix length above 128), `IPV4_MASK_LEN_TOO_LONG`,
/// `PREFIX_HOST_BITS`, `RELAY_PREFIX_HOST_BITS`, `DELEGATED_PREFIX_TOO_LONG`.
///
/// # Safety
/// `prefix` must be readable, `relay_prefix` readable for 4 bytes, `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_sixrd_domain_new(
    prefix: *const ipv6kit_prefix,
    relay_prefix: *const u8,
    ipv4_mask_len: u8,
    out: *mut ipv6kit_sixrd_domain,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let net = unsafe { read_prefix(prefix) }?;
        // SAFETY: the caller's contract above.
        let relay = unsafe { read_bytes::<4>(relay_prefix) }?;
        let d = SixrdDomain::new(net, relay_net(relay, ipv4_mask_len)?)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(ipv6kit_sixrd_domain::from_core(d)) };
        Ok(())
    })
}

/// As `ipv6kit_sixrd_domain_new()`, but host bits in either prefix are cleared instead of
/// refused (the length checks still apply).
///
/// Errors: as `ipv6kit_sixrd_domain_new()`, without the host-bit errors.
///
/// # Safety
/// `prefix` must be readable, `relay_prefix` readable for 4 bytes, `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_sixrd_domain_new_normalized(
    prefix: *const ipv6kit_prefix,
    relay_prefix: *const u8,
    ipv4_mask_len: u8,
    out: *mut ipv6kit_sixrd_domain,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let net = unsafe { read_prefix(prefix) }?;
        // SAFETY: the caller's contract above.
        let relay = unsafe { read_bytes::<4>(relay_prefix) }?;
        let d = SixrdDomain::new_normalized(net, relay_net(relay, ipv4_mask_len)?)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(ipv6kit_sixrd_domain::from_core(d)) };
        Ok(())
    })
}

/// The domain a CE is in, from the 6rd prefix, IPv4MaskLen and the CE's own IPv4 address (the
/// relay prefix is the CE's first `ipv4_mask_len` bits, as OpenWrt's 6rd.sh computes it).
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT`, `IPV4_MASK_LEN_TOO_LONG`, `PREFIX_HOST_BITS`,
/// `DELEGATED_PREFIX_TOO_LONG`.
///
/// # Safety
/// `prefix` must be readable, `ce` readable for 4 bytes, `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_sixrd_domain_for_ce(
    prefix: *const ipv6kit_prefix,
    ipv4_mask_len: u8,
    ce: *const u8,
    out: *mut ipv6kit_sixrd_domain,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let net = unsafe { read_prefix(prefix) }?;
        // SAFETY: the caller's contract above.
        let ce = unsafe { read_ipv4(ce) }?;
        let d = SixrdDomain::for_ce(net, ipv4_mask_len, ce)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(ipv6kit_sixrd_domain::from_core(d)) };
        Ok(())
    })
}

/// Sets `*out` to the length of every delegated prefix of the domain: `n + 32 − m` (≤ 64).
///
/// Errors: `NULL_POINTER`, and the domain checks of `ipv6kit_sixrd_domain_new()`.
///
/// # Safety
/// `domain` must be readable and `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_sixrd_delegated_len(
    domain: *const ipv6kit_sixrd_domain,
    out: *mut u8,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let d = unsafe { read_domain(domain) }?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(d.delegated_len()) };
        Ok(())
    })
}

/// Writes the prefix delegated to the CE with IPv4 address `ce`.
///
/// Errors: `NULL_POINTER`, the domain checks, `CE_OUTSIDE_RELAY_PREFIX`.
///
/// # Safety
/// `domain` must be readable, `ce` readable for 4 bytes, `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_sixrd_delegated_prefix(
    domain: *const ipv6kit_sixrd_domain,
    ce: *const u8,
    out: *mut ipv6kit_prefix,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let d = unsafe { read_domain(domain) }?;
        // SAFETY: the caller's contract above.
        let net = d.delegated_prefix(unsafe { read_ipv4(ce) }?)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(ipv6kit_prefix::from_net(net)) };
        Ok(())
    })
}

/// Writes the address of the CE's 6rd tunnel interface, in subnet 0 of its delegation;
/// `convention` is an `ipv6kit_tunnel_convention`.
///
/// Errors: `NULL_POINTER`, `INVALID_ENUM`, the domain checks, `CE_OUTSIDE_RELAY_PREFIX`.
///
/// # Safety
/// `domain` must be readable, `ce` readable for 4 bytes, `out` writable for 16 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_sixrd_tunnel_address(
    domain: *const ipv6kit_sixrd_domain,
    ce: *const u8,
    convention: u32,
    out: *mut u8,
) -> ipv6kit_result {
    guard(|| {
        let out = crate::boundary::out_bytes::<16>(out)?;
        let convention = match convention {
            c if c == ipv6kit_tunnel_convention::OpenWrt as u32 => TunnelConvention::OpenWrt,
            c if c == ipv6kit_tunnel_convention::SubnetRouterAnycast as u32 => TunnelConvention::SubnetRouterAnycast,
            other => {
                return Err(Fail::with(
                    ipv6kit_result::InvalidEnum,
                    format_args!("{other} is no ipv6kit_tunnel_convention"),
                ))
            }
        };
        // SAFETY: the caller's contract above.
        let d = unsafe { read_domain(domain) }?;
        // SAFETY: the caller's contract above.
        let a = d.tunnel_address(unsafe { read_ipv4(ce) }?, convention)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(a.octets()) };
        Ok(())
    })
}

/// Writes the 6rd IPv6 address of a border relay (its IPv4 address embedded after the 6rd
/// prefix, interface identifier 0).
///
/// Errors: `NULL_POINTER`, the domain checks, `RELAY_OUTSIDE_RELAY_PREFIX`.
///
/// # Safety
/// `domain` must be readable, `relay` readable for 4 bytes, `out` writable for 16 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_sixrd_border_relay_address(
    domain: *const ipv6kit_sixrd_domain,
    relay: *const u8,
    out: *mut u8,
) -> ipv6kit_result {
    guard(|| {
        let out = crate::boundary::out_bytes::<16>(out)?;
        // SAFETY: the caller's contract above.
        let d = unsafe { read_domain(domain) }?;
        // SAFETY: the caller's contract above.
        let a = d.border_relay_address(unsafe { read_ipv4(relay) }?)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(a.octets()) };
        Ok(())
    })
}

/// Sets `*out` to whether `addr` lies under the domain's 6rd prefix.
///
/// Errors: `NULL_POINTER`, the domain checks.
///
/// # Safety
/// `domain` must be readable, `addr` readable for 16 bytes, `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_sixrd_contains(
    domain: *const ipv6kit_sixrd_domain,
    addr: *const u8,
    out: *mut bool,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let d = unsafe { read_domain(domain) }?;
        // SAFETY: the caller's contract above.
        let yes = d.contains(unsafe { read_addr(addr) }?);
        // SAFETY: the caller's contract above.
        unsafe { out.write(yes) };
        Ok(())
    })
}

/// Writes the IPv4 address embedded in any address of the domain (what sit's `check_6rd`
/// computes).
///
/// Errors: `NULL_POINTER`, the domain checks, `NOT_IN_DOMAIN`.
///
/// # Safety
/// `domain` must be readable, `addr` readable for 16 bytes, `out` writable for 4 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_sixrd_extract_ipv4(
    domain: *const ipv6kit_sixrd_domain,
    addr: *const u8,
    out: *mut u8,
) -> ipv6kit_result {
    guard(|| {
        let out = crate::boundary::out_bytes::<4>(out)?;
        // SAFETY: the caller's contract above.
        let d = unsafe { read_domain(domain) }?;
        // SAFETY: the caller's contract above.
        let v4 = d.extract_ipv4(unsafe { read_addr(addr) }?)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(v4.octets()) };
        Ok(())
    })
}

/// An iterator over the /64s of a CE's delegation, subnet 0 (the tunnel's) first. Made by
/// `ipv6kit_sixrd_subnets_new()`, released once by `ipv6kit_sixrd_subnets_free()`.
pub struct ipv6kit_sixrd_subnets {
    inner: Subnets,
}

/// Starts an iteration over the /64s of the CE's delegation. Free `*out` with
/// `ipv6kit_sixrd_subnets_free()`.
///
/// Errors: `NULL_POINTER`, the domain checks, `CE_OUTSIDE_RELAY_PREFIX`.
///
/// # Safety
/// `domain` must be readable, `ce` readable for 4 bytes, `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_sixrd_subnets_new(
    domain: *const ipv6kit_sixrd_domain,
    ce: *const u8,
    out: *mut *mut ipv6kit_sixrd_subnets,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let d = unsafe { read_domain(domain) }?;
        // SAFETY: the caller's contract above.
        let inner = d.subnets(unsafe { read_ipv4(ce) }?)?;
        let handle = Box::into_raw(Box::new(ipv6kit_sixrd_subnets { inner }));
        // SAFETY: the caller's contract above.
        unsafe { out.write(handle) };
        Ok(())
    })
}

/// Writes the next /64: its prefix, its subnet index and whether it is subnet 0 (the tunnel's).
///
/// Errors: `NULL_POINTER`, `ITERATION_DONE` (no more subnets; nothing written).
///
/// # Safety
/// `subnets` must be a live handle from `ipv6kit_sixrd_subnets_new()`; `prefix`, `index` and
/// `tunnel` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_sixrd_subnets_next(
    subnets: *mut ipv6kit_sixrd_subnets,
    prefix: *mut ipv6kit_prefix,
    index: *mut u64,
    tunnel: *mut bool,
) -> ipv6kit_result {
    guard(|| {
        let prefix = Out::new(prefix)?;
        let index = Out::new(index)?;
        let tunnel = Out::new(tunnel)?;
        // SAFETY: a live handle per the contract; the C side does not share it across threads
        // while calling (documented: handles are not synchronised).
        let it = unsafe { subnets.as_mut() }.ok_or(Fail::code(ipv6kit_result::NullPointer))?;
        let s = it.inner.next().ok_or(Fail::code(ipv6kit_result::IterationDone))?;
        // SAFETY: the caller's contract above.
        unsafe {
            prefix.write(ipv6kit_prefix::from_net(s.prefix));
            index.write(s.index);
            tunnel.write(s.tunnel);
        }
        Ok(())
    })
}

/// Releases an iterator. NULL is accepted and ignored.
///
/// # Safety
/// `subnets` must be NULL or a live handle from `ipv6kit_sixrd_subnets_new()`, not used after.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_sixrd_subnets_free(subnets: *mut ipv6kit_sixrd_subnets) {
    if !subnets.is_null() {
        // SAFETY: made by Box::into_raw in ipv6kit_sixrd_subnets_new and freed once (contract).
        drop(unsafe { Box::from_raw(subnets) });
    }
}

/// Writes the 6to4 prefix of an IPv4 address: `2002:V4::/48` (RFC 3056 §2).
///
/// Errors: `NULL_POINTER`.
///
/// # Safety
/// `ipv4` must be readable for 4 bytes and `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_six_to_four_prefix(ipv4: *const u8, out: *mut ipv6kit_prefix) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let net = core_sixrd::six_to_four_prefix(unsafe { read_ipv4(ipv4) }?);
        // SAFETY: the caller's contract above.
        unsafe { out.write(ipv6kit_prefix::from_net(net)) };
        Ok(())
    })
}

/// Writes the IPv4 address inside a 6to4 address.
///
/// Errors: `NULL_POINTER`, `NOT_SIX_TO_FOUR`.
///
/// # Safety
/// `addr` must be readable for 16 bytes and `out` writable for 4 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_six_to_four_ipv4(addr: *const u8, out: *mut u8) -> ipv6kit_result {
    guard(|| {
        let out = crate::boundary::out_bytes::<4>(out)?;
        // SAFETY: the caller's contract above.
        let v4 = core_sixrd::six_to_four_ipv4(unsafe { read_addr(addr) }?)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(v4.octets()) };
        Ok(())
    })
}

/// DHCPv4 option 212 (OPTION_6RD, RFC 5969 §7.1.1): IPv4MaskLen, the 6rd prefix and one or more
/// border relays. Made by one of the `ipv6kit_sixrd_option_parse*()` / `_new()` functions,
/// released once by `ipv6kit_sixrd_option_free()`.
pub struct ipv6kit_sixrd_option {
    inner: SixrdOption,
}

fn boxed(o: SixrdOption) -> *mut ipv6kit_sixrd_option {
    Box::into_raw(Box::new(ipv6kit_sixrd_option { inner: o }))
}

/// # Safety
/// `p` must be NULL or a live option handle.
unsafe fn read_option<'a>(p: *const ipv6kit_sixrd_option) -> Result<&'a SixrdOption, Fail> {
    // SAFETY: a live handle per the contract (handles are only read here).
    unsafe { p.as_ref() }
        .map(|o| &o.inner)
        .ok_or(Fail::code(ipv6kit_result::NullPointer))
}

/// Makes an option from its fields, checked as a domain is; `relays` holds `relay_count` IPv4
/// addresses of 4 bytes each (1 to 59).
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT`, `IPV4_MASK_LEN_TOO_LONG`, `PREFIX_HOST_BITS`,
/// `DELEGATED_PREFIX_TOO_LONG`, `NO_BORDER_RELAY`, `TOO_MANY_RELAYS`.
///
/// # Safety
/// `prefix` must be readable, `relays` readable for `4 * relay_count` bytes, `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_sixrd_option_new(
    ipv4_mask_len: u8,
    prefix: *const ipv6kit_prefix,
    relays: *const u8,
    relay_count: usize,
    out: *mut *mut ipv6kit_sixrd_option,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let net = unsafe { read_prefix(prefix) }?;
        let bytes_len = relay_count
            .checked_mul(4)
            .ok_or(Fail::code(ipv6kit_result::InvalidArgument))?;
        // SAFETY: the caller's contract above.
        let bytes = unsafe { read_slice(relays, bytes_len) }?;
        let list: Vec<Ipv4Addr> = bytes
            .chunks_exact(4)
            .map(|c| Ipv4Addr::new(c[0], c[1], c[2], c[3]))
            .collect();
        let o = SixrdOption::new(ipv4_mask_len, net, &list)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(boxed(o)) };
        Ok(())
    })
}

/// Parses a whole option 212 as on the wire (code 212, length, payload; the length must match
/// `len` exactly). Reserved prefix bits are cleared (RFC 5969 §7.1.1).
///
/// Errors: `NULL_POINTER`, `OPTION_MALFORMED`, `OPTION_WRONG_CODE`, `NO_BORDER_RELAY`, and the
/// domain checks.
///
/// # Safety
/// `bytes` must be readable for `len` bytes and `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_sixrd_option_parse(
    bytes: *const u8,
    len: usize,
    out: *mut *mut ipv6kit_sixrd_option,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let o = SixrdOption::parse(unsafe { read_slice(bytes, len) }?)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(boxed(o)) };
        Ok(())
    })
}

/// Parses an option 212 payload (what follows the code and length bytes).
///
/// Errors: as `ipv6kit_sixrd_option_parse()`.
///
/// # Safety
/// `bytes` must be readable for `len` bytes and `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_sixrd_option_parse_payload(
    bytes: *const u8,
    len: usize,
    out: *mut *mut ipv6kit_sixrd_option,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let o = SixrdOption::parse_payload(unsafe { read_slice(bytes, len) }?)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(boxed(o)) };
        Ok(())
    })
}

/// Parses an option 212 text as DHCP clients hand it to scripts: busybox udhcpc's `ip6rd`
/// (`"0 28 2a01:e30:: 192.88.99.201"`) or ISC dhclient's decimal groups.
///
/// Errors: `NULL_POINTER`, `PARSE_OPTION_TEXT`, `TOO_MANY_RELAYS`, and the domain checks.
///
/// # Safety
/// `text` must be readable for `len` bytes and `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_sixrd_option_parse_text(
    text: *const c_char,
    len: usize,
    out: *mut *mut ipv6kit_sixrd_option,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let s = unsafe { read_text(text, len, ipv6kit_result::ParseOptionText) }?;
        let o = SixrdOption::parse_text(s)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(boxed(o)) };
        Ok(())
    })
}

/// Releases an option. NULL is accepted and ignored.
///
/// # Safety
/// `option` must be NULL or a live handle, not used after.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_sixrd_option_free(option: *mut ipv6kit_sixrd_option) {
    if !option.is_null() {
        // SAFETY: made by Box::into_raw in this module and freed once (contract).
        drop(unsafe { Box::from_raw(option) });
    }
}

/// Reads an option's fields: IPv4MaskLen, the 6rd prefix and the number of border relays (any
/// output may be NULL when not wanted).
///
/// Errors: `NULL_POINTER` (`option`).
///
/// # Safety
/// `option` must be a live handle; the non-NULL outputs writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_sixrd_option_fields(
    option: *const ipv6kit_sixrd_option,
    ipv4_mask_len: *mut u8,
    prefix: *mut ipv6kit_prefix,
    relay_count: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        // SAFETY: the caller's contract above.
        let o = unsafe { read_option(option) }?;
        // SAFETY: each pointer is checked for NULL by as_mut, and writable per the contract.
        unsafe {
            if let Some(p) = ipv4_mask_len.as_mut() {
                *p = o.ipv4_mask_len();
            }
            if let Some(p) = prefix.as_mut() {
                *p = ipv6kit_prefix::from_net(o.prefix());
            }
            if let Some(p) = relay_count.as_mut() {
                *p = o.border_relays().len();
            }
        }
        Ok(())
    })
}

/// Writes border relay number `index` (0-based, option order).
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (index out of range).
///
/// # Safety
/// `option` must be a live handle and `out` writable for 4 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_sixrd_option_border_relay(
    option: *const ipv6kit_sixrd_option,
    index: usize,
    out: *mut u8,
) -> ipv6kit_result {
    guard(|| {
        let out = crate::boundary::out_bytes::<4>(out)?;
        // SAFETY: the caller's contract above.
        let o = unsafe { read_option(option) }?;
        let r = o
            .border_relays()
            .get(index)
            .ok_or(Fail::code(ipv6kit_result::InvalidArgument))?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(r.octets()) };
        Ok(())
    })
}

/// Writes the domain of the CE with IPv4 address `ce` under this option.
///
/// Errors: `NULL_POINTER`.
///
/// # Safety
/// `option` must be a live handle, `ce` readable for 4 bytes, `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_sixrd_option_domain_for(
    option: *const ipv6kit_sixrd_option,
    ce: *const u8,
    out: *mut ipv6kit_sixrd_domain,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let o = unsafe { read_option(option) }?;
        // SAFETY: the caller's contract above.
        let d = o.domain_for(unsafe { read_ipv4(ce) }?)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(ipv6kit_sixrd_domain::from_core(d)) };
        Ok(())
    })
}

/// Writes the option as on the wire into `buf` (with `payload_only`, without the code and length
/// bytes); `*written` is the byte count. Reserved and padding bits are zero.
///
/// Errors: `NULL_POINTER`, `BUFFER_TOO_SHORT` (nothing written; 256 bytes always suffice).
///
/// # Safety
/// `option` must be a live handle, `buf` writable for `len` bytes, `written` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_sixrd_option_emit(
    option: *const ipv6kit_sixrd_option,
    payload_only: bool,
    buf: *mut u8,
    len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let out = crate::boundary::BytesOut::new(buf, len, written)?;
        // SAFETY: the caller's contract above.
        let o = unsafe { read_option(option) }?;
        let mut local = [0u8; 256];
        let n = if payload_only {
            o.emit_payload(&mut local)?
        } else {
            o.emit(&mut local)?
        };
        // SAFETY: the caller's contract above.
        unsafe { out.write(local.get(..n).unwrap_or(&[])) }
    })
}

/// The text forms of option 212.
#[allow(non_camel_case_types)]
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ipv6kit_sixrd_text_format {
    /// busybox udhcpc's `ip6rd`: `IPv4MaskLen 6rdPrefixLen 6rdPrefix relay...`.
    Busybox = 0,
    /// ISC dhclient's decimal groups, `integer 16` (groups of 0x8000 and over negative).
    DhclientSigned = 1,
    /// ISC dhclient's decimal groups, `unsigned integer 16`.
    DhclientUnsigned = 2,
}

/// Writes the option as text; `format` is an `ipv6kit_sixrd_text_format`. Every form parses
/// back with `ipv6kit_sixrd_option_parse_text()`.
///
/// Errors: `NULL_POINTER`, `INVALID_ENUM`, `BUFFER_TOO_SHORT`.
///
/// # Safety
/// `option` must be a live handle, `buf` writable for `len` bytes, `written` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_sixrd_option_format(
    option: *const ipv6kit_sixrd_option,
    format: u32,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let out = TextOut::new(buf, len, written)?;
        // SAFETY: the caller's contract above.
        let o = unsafe { read_option(option) }?;
        let text = match format {
            f if f == ipv6kit_sixrd_text_format::Busybox as u32 => o.to_string(),
            f if f == ipv6kit_sixrd_text_format::DhclientSigned as u32 => o.dhclient_groups(true).to_string(),
            f if f == ipv6kit_sixrd_text_format::DhclientUnsigned as u32 => o.dhclient_groups(false).to_string(),
            other => {
                return Err(Fail::with(
                    ipv6kit_result::InvalidEnum,
                    format_args!("{other} is no option text format"),
                ))
            }
        };
        // SAFETY: the caller's contract above.
        unsafe { out.write_str(&text) }
    })
}
