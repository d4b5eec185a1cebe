//! The boundary: the panic guard every function body runs in, and the small, checked
//! conversions between C pointers and Rust values. Every `unsafe` of the crate that touches a
//! caller's pointer goes through one of these helpers.

use crate::result::{ipv6kit_result, remember, Fail};
use core::ffi::c_char;
use core::fmt::Display;
use core::net::Ipv6Addr;
use core::ptr::NonNull;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Runs `body` inside a panic boundary and turns its outcome into a result code. On failure the
/// detailed message is remembered for `ipv6kit_last_error_message()`.
pub(crate) fn guard(body: impl FnOnce() -> Result<(), Fail>) -> ipv6kit_result {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => ipv6kit_result::Ok,
        Ok(Err(fail)) => {
            remember(&fail);
            fail.code
        }
        Err(_) => {
            let fail = Fail::code(ipv6kit_result::Panic);
            remember(&fail);
            fail.code
        }
    }
}

/// A checked, non-NULL output pointer: obtained before any work is done, written only at the end
/// on success.
pub(crate) struct Out<T>(NonNull<T>);

impl<T> Out<T> {
    /// Checks `p` for NULL.
    pub(crate) fn new(p: *mut T) -> Result<Out<T>, Fail> {
        NonNull::new(p).map(Out).ok_or(Fail::code(ipv6kit_result::NullPointer))
    }

    /// Writes `v`.
    ///
    /// # Safety
    /// The pointer given to [`Out::new`] must be valid for writing a `T` (it need not be aligned).
    pub(crate) unsafe fn write(self, v: T) {
        // SAFETY: non-NULL (checked in `new`) and writable per this function's contract;
        // write_unaligned because C callers may point into packed buffers.
        unsafe { self.0.as_ptr().write_unaligned(v) }
    }
}

/// Reads `N` bytes from a caller's pointer.
///
/// # Safety
/// `p` must be NULL or valid for reading `N` bytes.
pub(crate) unsafe fn read_bytes<const N: usize>(p: *const u8) -> Result<[u8; N], Fail> {
    if p.is_null() {
        return Err(Fail::code(ipv6kit_result::NullPointer));
    }
    // SAFETY: non-NULL, and readable for N bytes per this function's contract; [u8; N] has
    // alignment 1 so any address is suitable.
    Ok(unsafe { p.cast::<[u8; N]>().read() })
}

/// Reads a 16-byte address (network order).
///
/// # Safety
/// As [`read_bytes`] with N = 16.
pub(crate) unsafe fn read_addr(p: *const u8) -> Result<Ipv6Addr, Fail> {
    // SAFETY: forwarded contract.
    Ok(Ipv6Addr::from(unsafe { read_bytes::<16>(p) }?))
}

/// Borrows `len` bytes of a caller's buffer. A NULL pointer is an error even when `len` is 0.
///
/// # Safety
/// `p` must be NULL or valid for reading `len` bytes for the returned lifetime.
pub(crate) unsafe fn read_slice<'a>(p: *const u8, len: usize) -> Result<&'a [u8], Fail> {
    if p.is_null() {
        return Err(Fail::code(ipv6kit_result::NullPointer));
    }
    if len > isize::MAX as usize {
        return Err(Fail::code(ipv6kit_result::InvalidArgument));
    }
    // SAFETY: non-NULL, readable for `len` bytes per the contract, len ≤ isize::MAX checked.
    Ok(unsafe { core::slice::from_raw_parts(p, len) })
}

/// [`read_slice`] for an optional input: NULL with `len` 0 is the empty slice.
///
/// # Safety
/// As for [`read_slice`].
pub(crate) unsafe fn read_optional_slice<'a>(p: *const u8, len: usize) -> Result<&'a [u8], Fail> {
    if p.is_null() && len == 0 {
        return Ok(&[]);
    }
    // SAFETY: the caller's contract, as for read_slice.
    unsafe { read_slice(p, len) }
}

/// Borrows `len` bytes of text. Text that is not UTF-8 gives `not_text` (the caller's parse
/// error: such text cannot be what the caller hoped to parse).
///
/// # Safety
/// As [`read_slice`].
pub(crate) unsafe fn read_text<'a>(p: *const c_char, len: usize, not_text: ipv6kit_result) -> Result<&'a str, Fail> {
    // SAFETY: forwarded contract.
    let bytes = unsafe { read_slice(p.cast(), len) }?;
    core::str::from_utf8(bytes).map_err(|e| Fail::with(not_text, e))
}

/// A caller's text output: `char *buf, size_t len, size_t *written`. Checked for NULL first;
/// [`TextOut::write`] then fails with `BufferTooShort` (writing nothing) unless the text and
/// its terminating NUL fit, and sets `*written` to the length without the NUL.
pub(crate) struct TextOut {
    buf: NonNull<u8>,
    len: usize,
    written: Out<usize>,
}

impl TextOut {
    /// Checks both pointers for NULL (before any work is done).
    pub(crate) fn new(buf: *mut c_char, len: usize, written: *mut usize) -> Result<TextOut, Fail> {
        let buf = NonNull::new(buf.cast::<u8>()).ok_or(Fail::code(ipv6kit_result::NullPointer))?;
        let written = Out::new(written)?;
        Ok(TextOut { buf, len, written })
    }

    /// Writes the text of `v`.
    ///
    /// # Safety
    /// `buf` must be valid for writing `len` bytes and `written` for writing a `size_t`.
    pub(crate) unsafe fn write(self, v: impl Display) -> Result<(), Fail> {
        // SAFETY: forwarded contract.
        unsafe { self.write_str(&v.to_string()) }
    }

    /// Writes `s`.
    ///
    /// # Safety
    /// As [`TextOut::write`].
    pub(crate) unsafe fn write_str(self, s: &str) -> Result<(), Fail> {
        let n = s.len();
        // n + 1 cannot overflow: a str is at most isize::MAX bytes.
        if n + 1 > self.len {
            return Err(Fail::with(
                ipv6kit_result::BufferTooShort,
                format_args!(
                    "the text needs {} bytes with its NUL, the buffer has {}",
                    n + 1,
                    self.len
                ),
            ));
        }
        // SAFETY: buf is non-NULL and writable for len ≥ n + 1 bytes (contract); the source is
        // our own string, which cannot overlap the caller's buffer.
        unsafe {
            core::ptr::copy_nonoverlapping(s.as_ptr(), self.buf.as_ptr(), n);
            self.buf.as_ptr().add(n).write(0);
        }
        // SAFETY: forwarded contract.
        unsafe { self.written.write(n) };
        Ok(())
    }
}

/// Turns a C `uint8_t *` output of `N` bytes into a checked [`Out`].
pub(crate) fn out_bytes<const N: usize>(p: *mut u8) -> Result<Out<[u8; N]>, Fail> {
    Out::new(p.cast::<[u8; N]>())
}

/// A caller's binary output: `uint8_t *buf, size_t len, size_t *written`. Checked for NULL first;
/// [`BytesOut::write`] fails with `BufferTooShort` (writing nothing) unless the bytes fit, and
/// sets `*written` to their count.
pub(crate) struct BytesOut {
    buf: NonNull<u8>,
    len: usize,
    written: Out<usize>,
}

impl BytesOut {
    /// Checks both pointers for NULL (before any work is done).
    pub(crate) fn new(buf: *mut u8, len: usize, written: *mut usize) -> Result<BytesOut, Fail> {
        let buf = NonNull::new(buf).ok_or(Fail::code(ipv6kit_result::NullPointer))?;
        let written = Out::new(written)?;
        Ok(BytesOut { buf, len, written })
    }

    /// The caller's buffer length.
    pub(crate) fn capacity(&self) -> usize {
        self.len
    }

    /// Writes `bytes`.
    ///
    /// # Safety
    /// `buf` must be valid for writing `len` bytes and `written` for writing a `size_t`.
    pub(crate) unsafe fn write(self, bytes: &[u8]) -> Result<(), Fail> {
        if bytes.len() > self.len {
            return Err(Fail::with(
                ipv6kit_result::BufferTooShort,
                format_args!("{} bytes needed, the buffer has {}", bytes.len(), self.len),
            ));
        }
        // SAFETY: buf is non-NULL and writable for len ≥ bytes.len() bytes (contract); the
        // source is our own memory, which cannot overlap the caller's buffer.
        unsafe { core::ptr::copy_nonoverlapping(bytes.as_ptr(), self.buf.as_ptr(), bytes.len()) };
        // SAFETY: forwarded contract.
        unsafe { self.written.write(bytes.len()) };
        Ok(())
    }
}
