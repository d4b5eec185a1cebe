//! Playful identifiers: 8 bytes of text (ipv6board) and a 24-bit colour (the IPv6 Christmas
//! tree), both directions. Colours are `uint8_t[3]`: red, green, blue.

use crate::boundary::{guard, out_bytes, read_bytes, read_text, TextOut};
use crate::iid::read_iid;
use crate::result::{ipv6kit_result, Fail};
use crate::text::{ipv6kit_prefix, read_prefix};
use core::ffi::c_char;
use ipv6kit_core::iid::{playful, Colour, Iid};

/// Bytes needed (NUL included) for a colour text (`#rrggbb`).
pub const IPV6KIT_COLOUR_TEXT_SIZE: usize = 8;

/// Writes the identifier spelling `text` in ASCII (ipv6board): up to 8 printable ASCII
/// characters, padded on the right with spaces ("IPv6 Bd" → `4950:7636:2042:6420`).
///
/// Errors: `NULL_POINTER`, `IID_TEXT` (longer than 8 bytes, or not printable ASCII).
///
/// # Safety
/// `text` must be readable for `len` bytes and `out` writable for 8 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_iid_from_text(text: *const c_char, len: usize, out: *mut u8) -> ipv6kit_result {
    guard(|| {
        let out = out_bytes::<8>(out)?;
        // SAFETY: the caller's contract above.
        let s = unsafe { read_text(text, len, ipv6kit_result::IidText) }?;
        let iid = Iid::from_text(s)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(iid.octets()) };
        Ok(())
    })
}

/// Writes the text an identifier spells (its 8 bytes, padding spaces included).
///
/// Errors: `NULL_POINTER`, `NOT_FOUND` (some byte is not printable ASCII), `BUFFER_TOO_SHORT`
/// (9 bytes always suffice).
///
/// # Safety
/// `iid` must be readable for 8 bytes, `buf` writable for `len` bytes, `written` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_iid_to_text(
    iid: *const u8,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let out = TextOut::new(buf, len, written)?;
        // SAFETY: the caller's contract above.
        let i = unsafe { read_iid(iid) }?;
        let t = i.to_text().ok_or_else(|| {
            Fail::with(
                ipv6kit_result::NotFound,
                format_args!("{i} is not printable ASCII text"),
            )
        })?;
        // SAFETY: the caller's contract above.
        unsafe { out.write_str(t.as_str()) }
    })
}

/// Writes the address under `prefix` (up to a /64) whose identifier spells `text`
/// ("Awesome!" in `2001:6b0:1001:105::/64` → `2001:6b0:1001:105:4177:6573:6f6d:6521`).
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (length above 128), `PREFIX_TOO_LONG`, `IID_TEXT`.
///
/// # Safety
/// `prefix` must be readable, `text` readable for `len` bytes, `out` writable for 16 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_text_address(
    prefix: *const ipv6kit_prefix,
    text: *const c_char,
    len: usize,
    out: *mut u8,
) -> ipv6kit_result {
    guard(|| {
        let out = out_bytes::<16>(out)?;
        // SAFETY: the caller's contract above.
        let net = unsafe { read_prefix(prefix) }?;
        // SAFETY: the caller's contract above.
        let s = unsafe { read_text(text, len, ipv6kit_result::IidText) }?;
        let a = playful::text_address(net, s)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(a.octets()) };
        Ok(())
    })
}

/// Parses a colour, `#rrggbb` or `rrggbb` (either case), into `out` (red, green, blue).
///
/// Errors: `NULL_POINTER`, `PARSE_COLOUR`.
///
/// # Safety
/// `text` must be readable for `len` bytes and `out` writable for 3 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_colour_parse(text: *const c_char, len: usize, out: *mut u8) -> ipv6kit_result {
    guard(|| {
        let out = out_bytes::<3>(out)?;
        // SAFETY: the caller's contract above.
        let s = unsafe { read_text(text, len, ipv6kit_result::ParseColour) }?;
        let c: Colour = s.parse()?;
        // SAFETY: the caller's contract above.
        unsafe { out.write([c.r, c.g, c.b]) };
        Ok(())
    })
}

/// Writes a colour as `#rrggbb` (lower case). `IPV6KIT_COLOUR_TEXT_SIZE` bytes suffice.
///
/// Errors: `NULL_POINTER`, `BUFFER_TOO_SHORT`.
///
/// # Safety
/// `rgb` must be readable for 3 bytes, `buf` writable for `len` bytes, `written` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_colour_format(
    rgb: *const u8,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let out = TextOut::new(buf, len, written)?;
        // SAFETY: the caller's contract above.
        let [r, g, b] = unsafe { read_bytes::<3>(rgb) }?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(Colour::new(r, g, b)) }
    })
}

/// Writes the identifier of a colour, `0:r:g:b` (each byte in its own 16-bit group).
///
/// Errors: `NULL_POINTER`.
///
/// # Safety
/// `rgb` must be readable for 3 bytes and `out` writable for 8 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_colour_iid(rgb: *const u8, out: *mut u8) -> ipv6kit_result {
    guard(|| {
        let out = out_bytes::<8>(out)?;
        // SAFETY: the caller's contract above.
        let [r, g, b] = unsafe { read_bytes::<3>(rgb) }?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(Colour::new(r, g, b).iid().octets()) };
        Ok(())
    })
}

/// Writes the colour an identifier shows, when it has the `0:r:g:b` form.
///
/// Errors: `NULL_POINTER`, `NOT_FOUND` (not of that form).
///
/// # Safety
/// `iid` must be readable for 8 bytes and `out` writable for 3 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_colour_from_iid(iid: *const u8, out: *mut u8) -> ipv6kit_result {
    guard(|| {
        let out = out_bytes::<3>(out)?;
        // SAFETY: the caller's contract above.
        let i = unsafe { read_iid(iid) }?;
        let c = Colour::from_iid(i).ok_or_else(|| {
            Fail::with(
                ipv6kit_result::NotFound,
                format_args!("{i} does not show a colour (0:r:g:b)"),
            )
        })?;
        // SAFETY: the caller's contract above.
        unsafe { out.write([c.r, c.g, c.b]) };
        Ok(())
    })
}

/// Writes the address under `prefix` (up to a /64) that shows a colour (the IPv6 Christmas
/// tree: `#AABBCC` in `2a05:9b81:2020::/48` → `2a05:9b81:2020::aa:bb:cc`).
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (length above 128), `PREFIX_TOO_LONG`.
///
/// # Safety
/// `prefix` must be readable, `rgb` readable for 3 bytes, `out` writable for 16 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_colour_address(
    prefix: *const ipv6kit_prefix,
    rgb: *const u8,
    out: *mut u8,
) -> ipv6kit_result {
    guard(|| {
        let out = out_bytes::<16>(out)?;
        // SAFETY: the caller's contract above.
        let net = unsafe { read_prefix(prefix) }?;
        // SAFETY: the caller's contract above.
        let [r, g, b] = unsafe { read_bytes::<3>(rgb) }?;
        let a = playful::colour_address(net, Colour::new(r, g, b))?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(a.octets()) };
        Ok(())
    })
}
