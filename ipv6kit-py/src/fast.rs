//! The fast paths of the conversions: the few C-API calls made directly, each where pyo3's safe
//! API costs an allocation or a Python-level call per item, and two small text parsers. Every
//! `unsafe` block here says why it is sound.
//!
//! What the batch functions spend their time on is Python objects, not the computation (a
//! solicited-node group is one mask): reading a `str`'s text, reading an `IPv6Address`'s
//! integer, making an `int`, making an `IPv6Address`. These are done here as directly as the
//! stable ABI (abi3, CPython ≥ 3.9) allows:
//!
//! - a `str`'s UTF-8 is borrowed with `PyUnicode_AsUTF8AndSize` (no copy for ASCII text)
//!   instead of pyo3's `to_cow`, which under abi3 for 3.9 encodes to a temporary `bytes`;
//! - an `int` of up to 128 bits is read with `PyLong_AsUnsignedLongLongMask` and one shift,
//!   with the range checked;
//! - an `int` of 128 bits is made from its low half and a cached high half (one `|`);
//! - an `IPv6Address` is allocated with its type's own `tp_alloc`, as `object.__new__` does,
//!   with the slots set through interned names (see `convert::Ipv6Maker`, which checks the
//!   result against the constructor's at start-up);
//! - the common text forms (an address in plain hex, a MAC as `hh:hh:hh:hh:hh:hh`) are read by
//!   small parsers that accept a subset of what the core's parsers accept, with the same
//!   value; everything else, errors included, goes to the core's parsers.

use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyInt, PyString, PyType};

// `PyUnicode_AsUTF8AndSize` is in the limited API only from 3.10, so pyo3-ffi does not declare
// it for an abi3-py39 build. It is exported by every CPython since 3.3 (it is part of the full
// API, and of the stable ABI since 3.10), and on Linux and macOS an extension's symbols are
// resolved against the running interpreter, so declaring it here works on 3.9 as well. Windows
// links abi3 extensions against python3.dll, which exports only the stable ABI of the oldest
// supported version: there the portable, slower path (pyo3's `to_string_lossy`, a copy) is
// used instead.
#[cfg(not(windows))]
extern "C" {
    fn PyUnicode_AsUTF8AndSize(unicode: *mut ffi::PyObject, size: *mut ffi::Py_ssize_t) -> *const core::ffi::c_char;
}

/// The UTF-8 text of a `str` as bytes, borrowed from the object, or `None` when it has none (a
/// lone surrogate), in which case the caller's slow path reports the error. (Bytes: the fast
/// parsers read bytes, and only the core's parsers need a `&str`, see [`utf8_str`].)
///
/// For ASCII text (every valid address or MAC) CPython returns the string's own storage: no
/// allocation. For other text it caches a UTF-8 copy in the string object, freed with it.
#[cfg(not(windows))]
pub(crate) fn str_utf8<'a>(s: &'a Bound<'_, PyString>) -> Option<&'a [u8]> {
    let mut len: ffi::Py_ssize_t = 0;
    // SAFETY: `s` is a live `str` (its type was checked by the cast that produced the
    // `Bound<PyString>`) and we hold the GIL. The function writes the length through a valid
    // pointer and returns a pointer into the string object's own UTF-8 buffer, or NULL with an
    // exception set.
    let p = unsafe { PyUnicode_AsUTF8AndSize(s.as_ptr(), &mut len) };
    if p.is_null() {
        // The exception (UnicodeEncodeError) is dropped: the slow path raises ours.
        drop(PyErr::take(s.py()));
        return None;
    }
    // SAFETY: on success CPython guarantees `len` valid bytes at `p`, kept alive (and, `str`
    // being immutable, unchanged) by the string object for as long as it lives; the returned
    // slice borrows `s`, which holds a strong reference, so it cannot outlive the object.
    Some(unsafe { core::slice::from_raw_parts(p.cast::<u8>(), usize::try_from(len).ok()?) })
}

/// The text of [`str_utf8`]'s bytes. CPython's UTF-8 encoder refuses surrogates, so this always
/// succeeds; it is checked (a few nanoseconds, only on the way to the core's parsers) rather
/// than assumed.
pub(crate) fn utf8_str(bytes: &[u8]) -> Option<&str> {
    core::str::from_utf8(bytes).ok()
}

/// Windows: no borrowed UTF-8 under the 3.9 stable ABI; the caller's slow path is used.
#[cfg(windows)]
pub(crate) fn str_utf8<'a>(_s: &'a Bound<'_, PyString>) -> Option<&'a [u8]> {
    None
}

/// The value of an exact `int` in 0..2**128, or `None` for anything else (another type, an
/// `int` subclass, a negative or too large value), which the caller then converts the slow
/// way (raising the usual error).
///
/// Two C calls and one temporary `int` (the shifted high half), where pyo3's `u128`
/// extraction under abi3 goes through `int.to_bytes`.
pub(crate) fn int_u128(v: &Bound<'_, PyAny>) -> Option<u128> {
    // Exact `int` only: a subclass could override `>>`.
    if !v.is_exact_instance_of::<PyInt>() {
        return None;
    }
    let py = v.py();
    // SAFETY: `v` is a live exact `int` and we hold the GIL. For an `int` the mask conversion
    // cannot fail (it only fails for non-integers), so its result is the low 64 bits.
    let lo = unsafe { ffi::PyLong_AsUnsignedLongLongMask(v.as_ptr()) };
    // SAFETY: both operands are live `int`s; the result is a new reference or NULL with an
    // exception set, which `from_owned_ptr_or_err` takes over either way.
    let n64 = sixty_four(py)?;
    let hi_obj = unsafe { Bound::from_owned_ptr_or_err(py, ffi::PyNumber_Rshift(v.as_ptr(), n64.as_ptr())) }.ok()?;
    // SAFETY: `hi_obj` is a live `int`. The conversion fails (returning all ones with an
    // exception set) for a negative value or one too large for the type: the range check.
    // `unsigned long` where it has 64 bits (not Windows): CPython 3.11 converts it with a short
    // loop, while `unsigned long long` of more than one digit goes through the general
    // `_PyLong_AsByteArray` (7% of a batch's time in a profile, against 1%).
    #[allow(clippy::useless_conversion, reason = "c_ulong is u64 here, u32 on Windows")]
    let hi = unsafe {
        if core::mem::size_of::<core::ffi::c_ulong>() == 8 {
            u64::from(ffi::PyLong_AsUnsignedLong(hi_obj.as_ptr()))
        } else {
            ffi::PyLong_AsUnsignedLongLong(hi_obj.as_ptr())
        }
    };
    if hi == u64::MAX && PyErr::take(py).is_some() {
        return None;
    }
    Some(u128::from(hi) << 64 | u128::from(lo))
}

/// The `int` 64, made once.
fn sixty_four(py: Python<'_>) -> Option<&Bound<'_, PyInt>> {
    static SIXTY_FOUR: pyo3::sync::PyOnceLock<Py<PyInt>> = pyo3::sync::PyOnceLock::new();
    SIXTY_FOUR
        .get_or_try_init(py, || Ok::<_, PyErr>(64u8.into_pyobject(py)?.unbind()))
        .ok()
        .map(|n| n.bind(py))
}

/// Makes Python `int`s of 128 bits, keeping the last high half between calls: the addresses
/// of a batch share it (one prefix, the solicited-node range), so each costs one `int` of
/// the low 64 bits and one `|`.
pub(crate) struct IntMaker<'py> {
    py: Python<'py>,
    high: Option<(u64, Bound<'py, PyAny>)>,
}

impl<'py> IntMaker<'py> {
    /// A maker with nothing cached.
    pub(crate) fn new(py: Python<'py>) -> Self {
        IntMaker { py, high: None }
    }

    /// The `int` whose value is `bits`.
    pub(crate) fn make(&mut self, bits: u128) -> PyResult<Bound<'py, PyAny>> {
        let hi = (bits >> 64) as u64;
        let lo = (bits as u64).into_pyobject(self.py)?.into_any();
        if hi == 0 {
            return Ok(lo);
        }
        let shifted = match &self.high {
            Some((h, obj)) if *h == hi => obj,
            _ => {
                let obj = (u128::from(hi) << 64).into_pyobject(self.py)?.into_any();
                &self.high.insert((hi, obj)).1
            }
        };
        // SAFETY: both operands are live `int`s; `|` of two exact ints runs no Python code and
        // returns a new reference or NULL with an exception set (out of memory), which
        // `from_owned_ptr_or_err` takes over.
        unsafe { Bound::from_owned_ptr_or_err(self.py, ffi::PyNumber_Or(shifted.as_ptr(), lo.as_ptr())) }
    }
}

/// A class's `tp_alloc` slot: what `object.__new__(cls)` calls once it has checked its
/// arguments, here called directly (saving the call through `object.__new__`, its argument
/// tuple and checks).
#[derive(Clone, Copy)]
pub(crate) struct Alloc(ffi::allocfunc);

impl Alloc {
    /// The allocator of `cls`, when `cls` is a heap type (a class statement, such as
    /// `ipaddress.IPv6Address`): `PyType_GetSlot` accepts only heap types before 3.10.
    pub(crate) fn of(cls: &Bound<'_, PyType>) -> Option<Alloc> {
        let t = cls.as_type_ptr();
        // SAFETY: `t` is a live type object and we hold the GIL; both functions are in the
        // stable ABI. `PyType_GetSlot` is called only on a heap type (checked first), as 3.9
        // requires; it returns the slot's function pointer or NULL.
        let slot = unsafe {
            if ffi::PyType_GetFlags(t) & ffi::Py_TPFLAGS_HEAPTYPE == 0 {
                return None;
            }
            ffi::PyType_GetSlot(t, ffi::Py_tp_alloc)
        };
        if slot.is_null() {
            return None;
        }
        // SAFETY: the `Py_tp_alloc` slot holds a function of type `allocfunc` (C API
        // documentation of `PyType_Slot`); a non-null data pointer to it converts back to it.
        Some(Alloc(unsafe {
            core::mem::transmute::<*mut core::ffi::c_void, ffi::allocfunc>(slot)
        }))
    }

    /// A new, empty instance of `cls` (slots unset), as `object.__new__(cls)` returns it.
    ///
    /// # Safety
    ///
    /// `cls` must be the class this allocator was taken from ([`Alloc::of`]).
    pub(crate) unsafe fn new_instance<'py>(&self, cls: &Bound<'py, PyType>) -> PyResult<Bound<'py, PyAny>> {
        // SAFETY: `self.0` is `cls`'s own `tp_alloc` (the caller's contract) and `cls` is alive;
        // it is called as CPython's `object_new` calls it, `type->tp_alloc(type, 0)`, with the
        // GIL held. The result is a new reference (or NULL with an exception set), taken over
        // by `from_owned_ptr_or_err`.
        unsafe { Bound::from_owned_ptr_or_err(cls.py(), (self.0)(cls.as_type_ptr(), 0)) }
    }
}

/// Where the instances of a class with `__slots__` keep two of their slots (`_ip` and
/// `_scope_id` of `IPv6Address`), found at start-up by looking, so that a fresh instance's
/// slots can be filled, and an exact instance's `_ip` read, without the attribute machinery
/// (type lookup, descriptor, `PyMember_SetOne`): about a tenth of the time of making an
/// `IPv6Address`.
///
/// `__slots__` members are plain object pointers at fixed offsets inside the instance (that is
/// what a member descriptor reads and writes). The offsets are not in the stable ABI, so they
/// are found, not assumed: a fresh instance gets two unique sentinel objects through
/// `setattr`, and its memory is searched for them; each must appear exactly once, and the same
/// words of another fresh instance must be NULL. Used only with `PyType_GenericAlloc` as the
/// allocator, which the C API documents as initialising the whole instance to NULL; writes
/// still check for NULL and decline otherwise. `convert::fast_new_agrees` then compares the
/// objects made this way with the constructor's before any is handed out.
#[derive(Clone, Copy)]
pub(crate) struct Slots {
    ip: usize,
    scope: usize,
}

impl Slots {
    /// The offsets of the slots `ip_name` and `scope_name` in instances of `cls` made by
    /// `alloc`, or `None` when they cannot be established beyond doubt.
    pub(crate) fn find(
        cls: &Bound<'_, PyType>,
        alloc: Alloc,
        ip_name: &Bound<'_, PyString>,
        scope_name: &Bound<'_, PyString>,
    ) -> PyResult<Option<Slots>> {
        if !core::ptr::fn_addr_eq(alloc.0, ffi::PyType_GenericAlloc as ffi::allocfunc) {
            return Ok(None);
        }
        let py = cls.py();
        let basicsize: usize = cls.getattr("__basicsize__")?.extract()?;
        let word = core::mem::size_of::<*mut ffi::PyObject>();
        let header = core::mem::size_of::<ffi::PyObject>();
        // SAFETY (both): `alloc` was taken from `cls` (by the caller, see `convert::classes`).
        let probe = unsafe { alloc.new_instance(cls)? };
        let fresh = unsafe { alloc.new_instance(cls)? };
        let (s_ip, s_scope) = (PyString::new(py, "ip sentinel"), PyString::new(py, "scope sentinel"));
        probe.setattr(ip_name, &s_ip)?;
        probe.setattr(scope_name, &s_scope)?;
        let find = |target: *mut ffi::PyObject| -> Option<usize> {
            let mut found = None;
            let mut off = header;
            while off + word <= basicsize {
                // SAFETY: `probe` is an instance of `cls` made by its `tp_alloc`, which
                // allocates at least `tp_basicsize` bytes (`PyType_GenericAlloc`: the basic size
                // plus one item, zero-initialised), so `off..off + word` lies within initialised
                // memory; `off` is a multiple of the pointer size past a pointer-aligned header
                // of an object allocated with pointer alignment, so the read is aligned.
                let w = unsafe { probe.as_ptr().cast::<u8>().add(off).cast::<*mut ffi::PyObject>().read() };
                if w == target {
                    if found.is_some() {
                        return None; // twice: ambiguous
                    }
                    found = Some(off);
                }
                off += word;
            }
            found
        };
        let (Some(ip), Some(scope)) = (find(s_ip.as_ptr()), find(s_scope.as_ptr())) else {
            return Ok(None);
        };
        let slots = Slots { ip, scope };
        // SAFETY: `fresh` is an instance of `cls` and the offsets are within it (as above).
        if unsafe { slots.word(&fresh, ip).is_null() && slots.word(&fresh, scope).is_null() } {
            Ok(Some(slots))
        } else {
            Ok(None)
        }
    }

    /// The word at `off` in `obj`.
    ///
    /// # Safety
    ///
    /// `obj` must be an instance of the class these offsets were found for.
    unsafe fn word(&self, obj: &Bound<'_, PyAny>, off: usize) -> *mut ffi::PyObject {
        // SAFETY: the caller's contract; see `find` for why such a read is in bounds and aligned.
        unsafe { obj.as_ptr().cast::<u8>().add(off).cast::<*mut ffi::PyObject>().read() }
    }

    /// Sets the two slots of a fresh instance to `ip` (whose reference it takes) and `scope`,
    /// as `setattr` would; returns `ip` back when a slot was not empty (then nothing is
    /// written and the caller uses `setattr`).
    ///
    /// # Safety
    ///
    /// `obj` must be an instance of the class these offsets were found for.
    pub(crate) unsafe fn fill<'py>(
        &self,
        obj: &Bound<'py, PyAny>,
        ip: Bound<'py, PyAny>,
        scope: &Bound<'py, PyAny>,
    ) -> Result<(), Bound<'py, PyAny>> {
        // SAFETY: the caller's contract makes the reads in bounds (see `find`).
        if unsafe { !self.word(obj, self.ip).is_null() || !self.word(obj, self.scope).is_null() } {
            return Err(ip);
        }
        let base = obj.as_ptr().cast::<u8>();
        // SAFETY: both slots are in bounds and were NULL: storing a strong reference into an
        // empty object slot is exactly what the member descriptor's setter does (incref the
        // value, store it, decref the old value, here NULL). `into_ptr` hands over the
        // reference `ip` held; `scope` is increfed by `clone` first. `obj` owns both from
        // now on and releases them when it is deallocated (`subtype_dealloc` clears slots).
        unsafe {
            base.add(self.ip).cast::<*mut ffi::PyObject>().write(ip.into_ptr());
            base.add(self.scope)
                .cast::<*mut ffi::PyObject>()
                .write(scope.clone().into_ptr());
        }
        Ok(())
    }

    /// The `_ip` of `obj` when its type is exactly `cls` (a subclass could define `_ip`
    /// differently) and the slot is set; `None` otherwise (the caller uses `getattr`).
    ///
    /// # Safety
    ///
    /// `cls` must be the class these offsets were found for.
    pub(crate) unsafe fn read_ip<'py>(
        &self,
        obj: &Bound<'py, PyAny>,
        cls: &Bound<'_, PyType>,
    ) -> Option<Bound<'py, PyAny>> {
        // SAFETY: reading an object's type pointer is `Py_TYPE`, valid on any live object.
        if unsafe { ffi::Py_TYPE(obj.as_ptr()) } != cls.as_type_ptr() {
            return None;
        }
        // SAFETY: `obj` is exactly an instance of `cls`, the class the offsets were found for
        // (the caller's contract).
        let p = unsafe { self.word(obj, self.ip) };
        if p.is_null() {
            return None;
        }
        // SAFETY: a non-NULL slot holds a strong reference owned by `obj`, alive while `obj`
        // is; `from_borrowed_ptr` takes a new reference of our own to it.
        Some(unsafe { Bound::from_borrowed_ptr(obj.py(), p) })
    }
}

/// A new `bytes` of `len` bytes written by `fill`, without zeroing them first (pyo3's
/// `PyBytes::new_with` zeroes: for a 16 MB result that is a third of the memory traffic).
///
/// `fill` gets the uninitialised buffer and returns how many bytes it wrote from the start;
/// the object is handed out only when that is all of them, and dropped otherwise (or when
/// `fill` fails), so its uninitialised contents are never visible.
pub(crate) fn bytes_filled<'py>(
    py: Python<'py>,
    len: usize,
    fill: impl FnOnce(&mut [core::mem::MaybeUninit<u8>]) -> PyResult<usize>,
) -> PyResult<Bound<'py, pyo3::types::PyBytes>> {
    let size =
        ffi::Py_ssize_t::try_from(len).map_err(|_| pyo3::exceptions::PyOverflowError::new_err("result too large"))?;
    // SAFETY: a NULL source asks CPython for an uninitialised `bytes` of `size` bytes (C API:
    // "the contents are uninitialized"); the result is a new reference or NULL with an
    // exception set, taken over by `from_owned_ptr_or_err`.
    let obj = unsafe { Bound::from_owned_ptr_or_err(py, ffi::PyBytes_FromStringAndSize(core::ptr::null(), size))? };
    // SAFETY: `obj` is a `bytes` we just made and nobody else has seen: the C API allows
    // writing its buffer until it is shared. `PyBytes_AsString` returns that buffer, `len`
    // bytes long (plus CPython's trailing NUL, which it wrote). The slice is of `MaybeUninit`,
    // so nothing reads the uninitialised bytes; it lives only during `fill`, while `obj` keeps
    // the buffer alive.
    let buf = unsafe {
        let p = ffi::PyBytes_AsString(obj.as_ptr());
        if p.is_null() {
            return Err(PyErr::fetch(py));
        }
        core::slice::from_raw_parts_mut(p.cast::<core::mem::MaybeUninit<u8>>(), len)
    };
    if fill(buf)? != len {
        return Err(pyo3::exceptions::PyRuntimeError::new_err(
            "ipv6kit: packed result not filled",
        ));
    }
    // Every byte written: `obj` is an ordinary `bytes` from here on.
    Ok(obj.cast_into::<pyo3::types::PyBytes>()?)
}

/// Writes an address as Python's `str(IPv6Address)` does: RFC 5952 (lowercase hex, no leading
/// zeros, the longest run of two or more zero groups, the first of equals, as `::`), and, when
/// `mapped_dotted` (CPython ≥ 3.13), `::ffff:` + dotted quad for IPv4-mapped addresses.
/// Returns the text's length in `buf`.
pub(crate) fn format_address(bits: u128, mapped_dotted: bool, buf: &mut [u8; 48]) -> usize {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut n = 0;
    let mut put = |buf: &mut [u8; 48], b: u8| {
        buf[n] = b;
        n += 1;
    };
    if mapped_dotted && bits >> 32 == 0xffff {
        for &b in b"::ffff:" {
            put(buf, b);
        }
        for (i, byte) in (bits as u32).to_be_bytes().into_iter().enumerate() {
            if i > 0 {
                put(buf, b'.');
            }
            if byte >= 100 {
                put(buf, b'0' + byte / 100);
            }
            if byte >= 10 {
                put(buf, b'0' + byte / 10 % 10);
            }
            put(buf, b'0' + byte % 10);
        }
        return n;
    }
    let groups: [u16; 8] = core::array::from_fn(|i| (bits >> (112 - 16 * i)) as u16);
    // The longest run of zero groups, the first one on a tie.
    let (mut best_start, mut best_len, mut run_start, mut run_len) = (0, 0, 0, 0);
    for (i, &g) in groups.iter().enumerate() {
        if g == 0 {
            if run_len == 0 {
                run_start = i;
            }
            run_len += 1;
            if run_len > best_len {
                best_start = run_start;
                best_len = run_len;
            }
        } else {
            run_len = 0;
        }
    }
    if best_len < 2 {
        best_len = 0;
        best_start = 8;
    }
    let mut i = 0;
    while i < 8 {
        if i == best_start {
            put(buf, b':');
            if i == 0 {
                put(buf, b':');
            }
            i += best_len;
            continue;
        }
        let g = groups[i];
        let digits = (4 - g.leading_zeros() as usize / 4).max(1);
        for d in (0..digits).rev() {
            put(buf, HEX[usize::from(g >> (4 * d) & 0xf)]);
        }
        if i < 7 {
            put(buf, b':');
        }
        i += 1;
    }
    n
}
