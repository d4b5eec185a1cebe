//! What the batch functions (`solicited_nodes`, `slaac_many`, `classify_many`) share: their
//! input, packed bytes or any iterable, and their `output=` forms.
//!
//! The loop runs in Rust; per item it costs what the Python objects cost (reading a `str`,
//! making an `IPv6Address`), the computation itself being a few nanoseconds. The `output=`
//! forms that make fewer objects (`"int"`, `"str"`) or none (`"packed"`) are faster.

use crate::convert::{error, ipv6_addr, mac, Error, Ipv6Maker};
use crate::fast;
use core::mem::MaybeUninit;
use core::net::Ipv6Addr;
use ipv6kit::MacAddr6;
use pyo3::exceptions::{PyRuntimeError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyList, PyMemoryView};

/// The form of a batch's result, from the keyword argument `output`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Output {
    /// `list[ipaddress.IPv6Address]` (the default).
    Address,
    /// `list[str]`, the text `str(IPv6Address)` gives.
    Str,
    /// `list[int]`.
    Int,
    /// One `bytes`, 16 per address, in order.
    Packed,
}

impl Output {
    /// The form named `name`, or `ipv6kit.Error` listing the choices.
    pub(crate) fn parse(name: &str) -> PyResult<Output> {
        match name {
            "address" => Ok(Output::Address),
            "str" => Ok(Output::Str),
            "int" => Ok(Output::Int),
            "packed" => Ok(Output::Packed),
            _ => Err(Error::new_err(format!(
                "output must be 'address', 'str', 'int' or 'packed', not {name:?}"
            ))),
        }
    }
}

/// Builds a batch's result in the form `output` from the addresses `f` pushes into the sink.
///
/// `exact` is the number of addresses when it is known before the loop (packed input): a
/// packed result is then written straight into its `bytes`, with no intermediate buffer.
///
/// While a list of `IPv6Address` objects is built, Python's cyclic garbage collector is
/// paused: each of those objects is tracked by the collector and counts towards its
/// thresholds, so a million of them would trigger collections that traverse the growing list
/// again and again, and none of them can be part of a reference cycle. `int`, `str` and
/// `bytes` are not tracked, and a batch making them runs with the collector as it is.
pub(crate) fn collect<'py>(
    py: Python<'py>,
    output: Output,
    exact: Option<usize>,
    f: impl for<'b> FnOnce(&mut Sink<'py, 'b>) -> PyResult<()>,
) -> PyResult<Bound<'py, PyAny>> {
    let make = Ipv6Maker::new(py)?;
    match (output, exact) {
        (Output::Packed, Some(n)) => {
            let len = n.checked_mul(16).ok_or_else(|| Error::new_err("too many addresses"))?;
            let bytes = fast::bytes_filled(py, len, |buf| {
                let mut sink = Sink {
                    out: Out::Slice(buf, 0),
                    make,
                };
                f(&mut sink)?;
                match sink.out {
                    Out::Slice(_, at) => Ok(at),
                    _ => Err(PyRuntimeError::new_err("ipv6kit: unexpected sink")),
                }
            })?;
            Ok(bytes.into_any())
        }
        (Output::Packed, None) => {
            let mut sink = Sink {
                out: Out::Vec(Vec::new()),
                make,
            };
            f(&mut sink)?;
            match sink.out {
                Out::Vec(v) => Ok(PyBytes::new(py, &v).into_any()),
                _ => Err(PyRuntimeError::new_err("ipv6kit: unexpected sink")),
            }
        }
        (form, _) => {
            let list = PyList::empty(py);
            let mut sink = Sink {
                out: Out::List(form, list.clone()),
                make,
            };
            if form == Output::Address {
                without_gc(py, || f(&mut sink))?;
            } else {
                f(&mut sink)?;
            }
            Ok(list.into_any())
        }
    }
}

/// Where a batch's addresses go, in the form asked for (see [`collect`]).
pub(crate) struct Sink<'py, 'b> {
    out: Out<'py, 'b>,
    make: Ipv6Maker<'py>,
}

enum Out<'py, 'b> {
    /// A list of objects of that form.
    List(Output, Bound<'py, PyList>),
    /// Packed, the count not known in advance.
    Vec(Vec<u8>),
    /// Packed, into the result's own (uninitialised) buffer; the offset written so far.
    Slice(&'b mut [MaybeUninit<u8>], usize),
}

impl Sink<'_, '_> {
    /// Appends one address.
    #[inline]
    pub(crate) fn push(&mut self, addr: Ipv6Addr) -> PyResult<()> {
        match &mut self.out {
            Out::Slice(buf, at) => {
                let dst = buf
                    .get_mut(*at..*at + 16)
                    .and_then(|s| <&mut [MaybeUninit<u8>; 16]>::try_from(s).ok())
                    .ok_or_else(|| PyRuntimeError::new_err("ipv6kit: more addresses than records"))?;
                *dst = addr.octets().map(MaybeUninit::new);
                *at += 16;
                Ok(())
            }
            Out::Vec(v) => {
                v.extend_from_slice(&addr.octets());
                Ok(())
            }
            Out::List(Output::Address, list) => list.append(self.make.make(addr)?),
            Out::List(Output::Str, list) => list.append(self.make.text(addr)?),
            Out::List(_, list) => list.append(self.make.int(addr.to_bits())?),
        }
    }
}

/// Runs `f` with Python's cyclic garbage collector paused, when it was enabled. The collector
/// is enabled again however `f` ends, a panic included (a drop guard).
fn without_gc<T>(py: Python<'_>, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    /// Enables the collector again when dropped.
    struct Resume<'py>(Bound<'py, PyModule>);
    impl Drop for Resume<'_> {
        fn drop(&mut self) {
            if let Err(e) = self.0.call_method0(pyo3::intern!(self.0.py(), "enable")) {
                // Nothing to return it to from a destructor: report it as CPython does.
                e.write_unraisable(self.0.py(), None);
            }
        }
    }
    let gc = py.import(pyo3::intern!(py, "gc"))?;
    let was_enabled: bool = gc.call_method0(pyo3::intern!(py, "isenabled"))?.extract()?;
    let _resume = if was_enabled {
        gc.call_method0(pyo3::intern!(py, "disable"))?;
        Some(Resume(gc))
    } else {
        None
    };
    f()
}

/// The input of a batch: packed bytes, or an iterable of items.
pub(crate) enum Items<'py> {
    /// A `bytes` holding the records back to back (a copy when the input was a `bytearray` or
    /// `memoryview`, whose contents could change while they are read).
    Packed(Bound<'py, PyBytes>),
    /// Anything else: iterated.
    Iter(Bound<'py, PyAny>),
}

impl<'py> Items<'py> {
    /// `obj` as packed records of `width` bytes when it is `bytes`, `bytearray` or
    /// `memoryview` (or a subclass); any other object as an iterable. A packed length that
    /// is not a multiple of `width` is an `ipv6kit.Error` naming it.
    pub(crate) fn of(obj: &Bound<'py, PyAny>, width: usize, what: &str) -> PyResult<Self> {
        let bytes = if let Ok(b) = obj.cast::<PyBytes>() {
            b.clone()
        } else if obj.is_instance_of::<PyByteArray>() || obj.is_instance_of::<PyMemoryView>() {
            // SAFETY: `obj` is a live bytearray or memoryview (checked above); PyBytes_FromObject
            // copies its contents through the buffer protocol into a new `bytes` and returns a
            // new reference, or NULL with an exception set (e.g. a released memoryview), taken
            // over by `from_owned_ptr_or_err`.
            let copy = unsafe { Bound::from_owned_ptr_or_err(obj.py(), pyo3::ffi::PyBytes_FromObject(obj.as_ptr()))? };
            copy.cast_into::<PyBytes>()?
        } else {
            return Ok(Items::Iter(obj.clone()));
        };
        let len = bytes.as_bytes().len();
        if len % width != 0 {
            return Err(Error::new_err(format!(
                "packed {what}: {len} bytes is not a multiple of {width}"
            )));
        }
        Ok(Items::Packed(bytes))
    }

    /// The number of records, when known before iterating (packed input).
    pub(crate) fn exact(&self, width: usize) -> Option<usize> {
        match self {
            Items::Packed(b) => Some(b.as_bytes().len() / width),
            Items::Iter(_) => None,
        }
    }
}

/// Calls `f(index, address)` for every address of `addrs`: packed, 16 bytes each in network
/// order, or an iterable of `str` and `IPv6Address`. A conversion error names the index.
pub(crate) fn for_each_address<'py>(
    addrs: &Items<'py>,
    mut f: impl FnMut(usize, Ipv6Addr) -> PyResult<()>,
) -> PyResult<()> {
    match addrs {
        Items::Packed(bytes) => {
            for (i, chunk) in bytes.as_bytes().chunks_exact(16).enumerate() {
                if let Ok(octets) = <[u8; 16]>::try_from(chunk) {
                    f(i, Ipv6Addr::from(octets))?;
                }
            }
        }
        Items::Iter(obj) => {
            for (i, item) in obj.try_iter()?.enumerate() {
                f(i, ipv6_addr(&item?, "addr").map_err(|e| at_index(obj.py(), i, e))?)?;
            }
        }
    }
    Ok(())
}

/// Calls `f(index, mac)` for every MAC of `macs`: packed, 6 bytes each, or an iterable of
/// `str`. A conversion error names the index.
pub(crate) fn for_each_mac<'py>(macs: &Items<'py>, mut f: impl FnMut(usize, MacAddr6) -> PyResult<()>) -> PyResult<()> {
    match macs {
        Items::Packed(bytes) => {
            for (i, chunk) in bytes.as_bytes().chunks_exact(6).enumerate() {
                if let Ok(octets) = <[u8; 6]>::try_from(chunk) {
                    f(i, MacAddr6::from(octets))?;
                }
            }
        }
        Items::Iter(obj) => {
            for (i, item) in obj.try_iter()?.enumerate() {
                f(i, mac(&item?, "mac").map_err(|e| at_index(obj.py(), i, e))?)?;
            }
        }
    }
    Ok(())
}

/// An error about item `i`: `ipv6kit.Error` and `TypeError` messages get `"item {i}: "` in
/// front (the type kept); other exceptions pass unchanged.
pub(crate) fn at_index(py: Python<'_>, i: usize, e: PyErr) -> PyErr {
    if e.is_instance_of::<Error>(py) {
        error(format_args!("item {i}: {}", e.value(py)))
    } else if e.is_instance_of::<PyTypeError>(py) {
        PyTypeError::new_err(format!("item {i}: {}", e.value(py)))
    } else {
        e
    }
}
