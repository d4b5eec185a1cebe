//! Conversions between Python objects and the core's types, and the one error mapping.
//!
//! Inputs accept `str` or the matching `ipaddress` object; anything else is a `TypeError`.
//! Values that do not parse, and every error the core returns, become `ipv6kit.Error`
//! (a `ValueError` subclass) carrying the core's message.

use core::fmt::Display;
use core::net::{Ipv4Addr, Ipv6Addr};
use ipv6kit::{Ipv6Net, MacAddr6};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyString, PyTuple, PyType};
use pyo3::{intern, PyTypeInfo};

use crate::fast::{self, Alloc, IntMaker, Slots};

pyo3::create_exception!(
    ipv6kit,
    Error,
    pyo3::exceptions::PyValueError,
    "A value ipv6kit refused: the message is the core library's, naming the bad part.\n\n\
     A subclass of ValueError, so ``except ValueError`` catches it too."
);

/// Maps any core error (or other displayable complaint) to `ipv6kit.Error`.
pub(crate) fn error(e: impl Display) -> PyErr {
    Error::new_err(e.to_string())
}

/// The `ipaddress` classes, looked up once per interpreter, and what the fast paths need.
struct Classes {
    ipv6_address: Py<PyType>,
    ipv6_network: Py<PyType>,
    ipv4_address: Py<PyType>,
    ipv4_network: Py<PyType>,
    /// `"_ip"` and `"_scope_id"`, interned: the slots of an `IPv6Address`.
    ip_name: Py<PyString>,
    scope_name: Py<PyString>,
    /// `IPv6Address`'s allocator, when an `IPv6Address` made with it (without running
    /// `__init__`) was found identical to the constructor's at start-up; `None` falls back to
    /// the constructor.
    new_address: Option<Alloc>,
    /// Where `IPv6Address` instances keep `_ip` and `_scope_id`, when that was established at
    /// start-up (only with `new_address`); else the slots are set with `setattr`.
    slots: Option<Slots>,
    /// The same as `new_address` for `IPv6Network` (used only when `new_address` is).
    new_network: Option<Alloc>,
    /// `Some(mapped_dotted)` when [`fast::format_address`] with that flag wrote exactly what
    /// `str(IPv6Address)` returns for a set of test addresses at start-up; `None` falls back to
    /// `str()` of the address object.
    text: Option<bool>,
}

static CLASSES: PyOnceLock<Classes> = PyOnceLock::new();

fn classes(py: Python<'_>) -> PyResult<&'static Classes> {
    CLASSES.get_or_try_init(py, || {
        let ipaddress = py.import("ipaddress")?;
        let class =
            |name: &str| -> PyResult<Py<PyType>> { Ok(ipaddress.getattr(name)?.cast_into::<PyType>()?.unbind()) };
        let mut c = Classes {
            ipv6_address: class("IPv6Address")?,
            ipv6_network: class("IPv6Network")?,
            ipv4_address: class("IPv4Address")?,
            ipv4_network: class("IPv4Network")?,
            ip_name: PyString::intern(py, "_ip").unbind(),
            scope_name: PyString::intern(py, "_scope_id").unbind(),
            new_address: None,
            slots: None,
            new_network: None,
            text: None,
        };
        c.new_address = Alloc::of(c.ipv6_address.bind(py));
        if let Some(alloc) = c.new_address {
            let (cls, ip, scope) = (c.ipv6_address.bind(py), c.ip_name.bind(py), c.scope_name.bind(py));
            c.slots = Slots::find(cls, alloc, ip, scope).unwrap_or(None);
            if c.slots.is_some() && !fast_new_agrees(py, &c).unwrap_or(false) {
                c.slots = None;
            }
            if c.slots.is_none() && !fast_new_agrees(py, &c).unwrap_or(false) {
                c.new_address = None;
                c.slots = None;
            }
        }
        if c.new_address.is_some() {
            c.new_network = Alloc::of(c.ipv6_network.bind(py));
            if c.new_network.is_some() && !fast_net_agrees(py, &c).unwrap_or(false) {
                c.new_network = None;
            }
        }
        c.text = text_agrees(py, &c).unwrap_or(None);
        Ok(c)
    })
}

/// Makes `ipaddress.IPv6Address` objects, fast when many are made in a row.
///
/// The fast way allocates the object with `IPv6Address`'s own `tp_alloc` (what
/// `object.__new__(IPv6Address)` does) and sets its two slots, `_ip` and `_scope_id`, as the
/// constructor does, without running `__init__`'s checks on a value known to be valid. It is
/// used only when a start-up comparison found the result identical to the constructor's
/// (`fast_new_agrees`); otherwise the constructor is called. The `int`s come from an
/// [`IntMaker`], which keeps the high 64 bits shared by a batch.
pub(crate) struct Ipv6Maker<'py> {
    cls: Bound<'py, PyType>,
    /// `cls`'s allocator, when the fast way is used.
    alloc: Option<Alloc>,
    /// Where its instances keep their slots, when known.
    slots: Option<Slots>,
    ip_name: Bound<'py, PyString>,
    scope_name: Bound<'py, PyString>,
    text: Option<bool>,
    ints: IntMaker<'py>,
}

impl<'py> Ipv6Maker<'py> {
    /// A maker for this interpreter.
    pub(crate) fn new(py: Python<'py>) -> PyResult<Self> {
        Ok(Self::with(py, classes(py)?))
    }

    /// A maker from the classes (usable while `CLASSES` is being initialised).
    fn with(py: Python<'py>, c: &Classes) -> Self {
        Ipv6Maker {
            cls: c.ipv6_address.bind(py).clone(),
            alloc: c.new_address,
            slots: c.slots,
            ip_name: c.ip_name.bind(py).clone(),
            scope_name: c.scope_name.bind(py).clone(),
            text: c.text,
            ints: IntMaker::new(py),
        }
    }

    /// The `int` holding `bits` (sharing the cached high half; see [`IntMaker`]).
    pub(crate) fn int(&mut self, bits: u128) -> PyResult<Bound<'py, PyAny>> {
        self.ints.make(bits)
    }

    /// An `ipaddress.IPv6Address` holding `addr`.
    pub(crate) fn make(&mut self, addr: Ipv6Addr) -> PyResult<Bound<'py, PyAny>> {
        let int = self.ints.make(addr.to_bits())?;
        match &self.alloc {
            Some(alloc) => {
                // SAFETY: `alloc` was taken from `IPv6Address`, which `cls` is (both come from
                // the same `Classes`).
                let obj = unsafe { alloc.new_instance(&self.cls)? };
                let none = self.cls.py().None().into_bound(self.cls.py());
                let int = match &self.slots {
                    // SAFETY: the slots were found for `IPv6Address`, the class of `obj`.
                    Some(slots) => match unsafe { slots.fill(&obj, int, &none) } {
                        Ok(()) => return Ok(obj),
                        Err(int) => int,
                    },
                    None => int,
                };
                obj.setattr(&self.ip_name, int)?;
                obj.setattr(&self.scope_name, none)?;
                Ok(obj)
            }
            None => self.cls.call1((int,)),
        }
    }

    /// `str(IPv6Address(addr))`, written directly when the start-up check allowed it.
    pub(crate) fn text(&mut self, addr: Ipv6Addr) -> PyResult<Bound<'py, PyString>> {
        match self.text {
            Some(mapped_dotted) => {
                let mut buf = [0u8; 48];
                let n = fast::format_address(addr.to_bits(), mapped_dotted, &mut buf);
                // The formatter writes ASCII only; the fallback is never taken.
                let text = buf
                    .get(..n)
                    .and_then(|b| core::str::from_utf8(b).ok())
                    .unwrap_or_default();
                Ok(PyString::new(self.cls.py(), text))
            }
            None => self.make(addr)?.str(),
        }
    }
}

/// Addresses for the start-up checks: the ends, the RFC 5952 cases (leading, trailing and
/// inner runs, a tie, a single zero group), IPv4-mapped and IPv4-compatible ones.
const CHECK_BITS: [u128; 12] = [
    0,
    1,
    u128::MAX,
    0xfe80 << 112 | 0x1234,
    0x2001_0db8 << 96 | 1,
    0x2001_0db8_0000_0001_0000_0000_0000_0001,
    0x2001_0db8_0000_0000_0001_0000_0000_0001,
    0x2001_0db8_0001_0000_0001_0001_0001_0001,
    0x0000_0000_0000_0000_0000_ffff_0102_0304,
    0x0000_0000_0000_0000_0000_ffff_0000_0000,
    0x0000_0000_0000_0000_0000_0000_0102_0304,
    0xff02_0000_0000_0000_0000_0001_ff00_0000,
];

fn fast_new_agrees(py: Python<'_>, c: &Classes) -> PyResult<bool> {
    let cls = c.ipv6_address.bind(py);
    let mut make = Ipv6Maker::with(py, c);
    for bits in CHECK_BITS {
        let fast = make.make(Ipv6Addr::from_bits(bits))?;
        let slow = cls.call1((bits,))?;
        let same = fast.get_type().is(cls)
            && fast.eq(&slow)?
            && fast.hash()? == slow.hash()?
            && fast.str()?.to_cow()? == slow.str()?.to_cow()?
            && fast.repr()?.to_cow()? == slow.repr()?.to_cow()?
            && fast.getattr("packed")?.eq(slow.getattr("packed")?)?
            && fast.getattr(intern!(py, "_ip"))?.eq(bits)?
            && fast.getattr("scope_id")?.is_none()
            && slow.getattr("scope_id")?.is_none();
        if !same {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `Some(mapped_dotted)` when [`fast::format_address`] agrees with `str(IPv6Address)` on
/// every check address, `mapped_dotted` being whether this Python writes IPv4-mapped
/// addresses with a dotted quad (3.13 and later).
fn text_agrees(py: Python<'_>, c: &Classes) -> PyResult<Option<bool>> {
    let cls = c.ipv6_address.bind(py);
    let mapped = cls.call1((0xffff_0102_0304u64,))?.str()?;
    let mapped_dotted = match &*mapped.to_cow()? {
        "::ffff:1.2.3.4" => true,
        "::ffff:102:304" => false,
        _ => return Ok(None),
    };
    for bits in CHECK_BITS {
        let mut buf = [0u8; 48];
        let n = fast::format_address(bits, mapped_dotted, &mut buf);
        if buf.get(..n) != Some(cls.call1((bits,))?.str()?.to_cow()?.as_bytes()) {
            return Ok(None);
        }
    }
    Ok(Some(mapped_dotted))
}

/// An `ipaddress.IPv6Address` holding `addr`.
pub(crate) fn py_ipv6(py: Python<'_>, addr: Ipv6Addr) -> PyResult<Bound<'_, PyAny>> {
    Ipv6Maker::new(py)?.make(addr)
}

/// An `ipaddress.IPv6Network` holding `net` (its host bits are zero by construction).
///
/// Like the addresses, made without `__init__` (its checks and text parsing) when a one-time
/// comparison with the constructor showed the result identical.
///
/// /127 and /128 always take the constructor: for those `__init__` also sets an instance
/// attribute `hosts` (RFC 6164 point-to-point links: every address is a host).
pub(crate) fn py_ipv6_net(py: Python<'_>, net: Ipv6Net) -> PyResult<Bound<'_, PyAny>> {
    let c = classes(py)?;
    match c.new_network {
        Some(alloc) if net.prefix_len() < 127 => fast_net(py, c, alloc, net),
        _ => c
            .ipv6_network
            .bind(py)
            .call1(((net.network().to_bits(), net.prefix_len()),)),
    }
}

/// An `IPv6Network` allocated with `alloc`, which must have been taken from `IPv6Network`
/// (`Classes::new_network`), its attributes set as its `__init__` sets them.
fn fast_net<'py>(py: Python<'py>, c: &Classes, alloc: Alloc, net: Ipv6Net) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: `alloc` was taken from `IPv6Network` (the caller's contract above), which
    // `c.ipv6_network` is.
    let obj = unsafe { alloc.new_instance(c.ipv6_network.bind(py))? };
    let mut make = Ipv6Maker::with(py, c);
    obj.setattr(intern!(py, "network_address"), make.make(net.network())?)?;
    obj.setattr(intern!(py, "netmask"), make.make(net.netmask())?)?;
    obj.setattr(intern!(py, "_prefixlen"), net.prefix_len())?;
    Ok(obj)
}

fn fast_net_agrees<'py>(py: Python<'py>, c: &Classes) -> PyResult<bool> {
    let cls = c.ipv6_network.bind(py);
    for (bits, len) in [
        (0u128, 0u8),
        (0x2001_0db8 << 96, 32),
        (0xfe80 << 112, 64),
        (0x2222 << 112, 72),
        (0x2001_0db8 << 96 | 0x10, 124),
        (0x2001_0db8 << 96, 126),
        // Not /127 or /128: py_ipv6_net leaves those to the constructor.
    ] {
        let net = Ipv6Net::new(Ipv6Addr::from_bits(bits), len).map_err(error)?;
        let Some(alloc) = c.new_network else {
            return Ok(false);
        };
        let fast = fast_net(py, c, alloc, net)?;
        let slow = cls.call1(((bits, len),))?;
        // The instance attributes first, before any cached property adds to them: the same
        // names (what __init__ sets, `hosts` included where it sets one), then the same hosts.
        let names = |o: &Bound<'_, PyAny>| -> PyResult<Vec<String>> {
            let mut v: Vec<String> = o
                .getattr("__dict__")?
                .call_method0("keys")?
                .try_iter()?
                .map(|k| k?.extract())
                .collect::<PyResult<_>>()?;
            v.sort();
            Ok(v)
        };
        let first_hosts = |o: &Bound<'py, PyAny>| -> PyResult<Bound<'py, PyAny>> {
            let islice = py.import("itertools")?.getattr("islice")?;
            py.import("builtins")?
                .getattr("list")?
                .call1((islice.call1((o.call_method0("hosts")?, 4))?,))
        };
        let same = names(&fast)? == names(&slow)?
            && first_hosts(&fast)?.eq(first_hosts(&slow)?)?
            && fast.eq(&slow)?
            && fast.hash()? == slow.hash()?
            && fast.repr()?.to_cow()? == slow.repr()?.to_cow()?
            && fast.getattr("num_addresses")?.eq(slow.getattr("num_addresses")?)?
            && fast
                .getattr("broadcast_address")?
                .eq(slow.getattr("broadcast_address")?)?
            && fast.getattr("with_prefixlen")?.eq(slow.getattr("with_prefixlen")?)?
            && fast
                .call_method1("__contains__", (slow.getattr("network_address")?,))?
                .is_truthy()?
            && fast.call_method1("subnet_of", (&slow,))?.is_truthy()?;
        if !same {
            return Ok(false);
        }
    }
    Ok(true)
}

/// An `ipaddress.IPv4Address` holding `addr`.
pub(crate) fn py_ipv4(py: Python<'_>, addr: Ipv4Addr) -> PyResult<Bound<'_, PyAny>> {
    addr.into_pyobject(py)
}

/// An IPv4 address from a `str` or an `ipaddress.IPv4Address`.
pub(crate) fn ipv4_addr(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Ipv4Addr> {
    let py = obj.py();
    if let Ok(s) = obj.cast::<PyString>() {
        let text = s.to_cow()?;
        return text
            .parse()
            .map_err(|e| Error::new_err(format!("{what} {text:?}: {e}")));
    }
    let c = classes(py)?;
    if obj.is_instance(c.ipv4_address.bind(py))? {
        let bits: u32 = obj.getattr(intern!(py, "_ip"))?.extract()?;
        return Ok(Ipv4Addr::from(bits));
    }
    Err(type_error(obj, what, "a str or an ipaddress.IPv4Address"))
}

/// An IPv4 prefix from a `str` ("10.0.0.0/8", host bits kept for the core to judge) or an
/// `ipaddress.IPv4Network`.
pub(crate) fn ipv4_net(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<ipnet::Ipv4Net> {
    let py = obj.py();
    if let Ok(s) = obj.cast::<PyString>() {
        let text = s.to_cow()?;
        return text
            .parse()
            .map_err(|e| Error::new_err(format!("{what} {text:?}: {e}")));
    }
    let c = classes(py)?;
    if obj.is_instance(c.ipv4_network.bind(py))? {
        let addr = ipv4_addr(&obj.getattr(intern!(py, "network_address"))?, what)?;
        let len: u8 = obj.getattr(intern!(py, "prefixlen"))?.extract()?;
        return ipnet::Ipv4Net::new(addr, len).map_err(error);
    }
    Err(type_error(obj, what, "a str or an ipaddress.IPv4Network"))
}

/// An `ipaddress.IPv4Network` holding `net` (host bits cleared: the core's networks have none).
pub(crate) fn py_ipv4_net(py: Python<'_>, net: ipnet::Ipv4Net) -> PyResult<Bound<'_, PyAny>> {
    classes(py)?
        .ipv4_network
        .bind(py)
        .call1(((net.network().to_bits(), net.prefix_len()),))
}

/// Either an address or a prefix: `str` with a `/` or `ipaddress.IPv6Network` is a prefix.
pub(crate) enum AddrOrNet {
    Addr(Ipv6Addr),
    Net(Ipv6Net),
}

/// An address or a prefix, told apart by their Python type or by a `/` in the text.
pub(crate) fn ipv6_addr_or_net(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<AddrOrNet> {
    let py = obj.py();
    if let Ok(s) = obj.cast::<PyString>() {
        return if s.to_cow()?.contains('/') {
            ipv6_net(obj, what).map(AddrOrNet::Net)
        } else {
            ipv6_addr(obj, what).map(AddrOrNet::Addr)
        };
    }
    let c = classes(py)?;
    if obj.is_instance(c.ipv6_network.bind(py))? {
        return ipv6_net(obj, what).map(AddrOrNet::Net);
    }
    if obj.is_instance(c.ipv6_address.bind(py))? {
        return ipv6_addr(obj, what).map(AddrOrNet::Addr);
    }
    Err(type_error(
        obj,
        what,
        "a str, an ipaddress.IPv6Address or an ipaddress.IPv6Network",
    ))
}

/// `TypeError`: `what` must be `expected`, not the type of `obj`.
pub(crate) fn type_error(obj: &Bound<'_, PyAny>, what: &str, expected: &str) -> PyErr {
    let found = obj
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into());
    PyTypeError::new_err(format!("{what} must be {expected}, not {found}"))
}

/// An IPv6 address from a `str` or an `ipaddress.IPv6Address` (or subclass).
///
/// The common cases take the fast paths of [`fast`] (and the core's parser its own): the text
/// of a `str` borrowed, the `_ip`
/// of an `IPv6Address` read with two C calls. Anything else (an error to report, an `_ip`
/// that is not a plain `int` in range) goes the slow way, which raises the usual errors.
pub(crate) fn ipv6_addr(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Ipv6Addr> {
    let py = obj.py();
    if let Ok(s) = obj.cast::<PyString>() {
        if let Some(text) = fast::str_utf8(s).and_then(fast::utf8_str) {
            return ipv6kit::text::parse_address(text).map_err(|e| Error::new_err(format!("{what} {text:?}: {e}")));
        }
        let text = s.to_string_lossy();
        return ipv6kit::text::parse_address(&text).map_err(|e| Error::new_err(format!("{what} {text:?}: {e}")));
    }
    let c = classes(py)?;
    let cls = c.ipv6_address.bind(py);
    // SAFETY: `c.slots` were found for `IPv6Address`, which `cls` is.
    if let Some(ip) = c.slots.and_then(|slots| unsafe { slots.read_ip(obj, cls) }) {
        if let Some(bits) = fast::int_u128(&ip) {
            return Ok(Ipv6Addr::from_bits(bits));
        }
    }
    if obj.is_instance(cls)? {
        let ip = obj.getattr(c.ip_name.bind(py))?;
        let bits = match fast::int_u128(&ip) {
            Some(bits) => bits,
            None => ip.extract()?,
        };
        return Ok(Ipv6Addr::from_bits(bits));
    }
    Err(type_error(obj, what, "a str or an ipaddress.IPv6Address"))
}

/// An IPv6 prefix from a `str` ("2001:db8::/64", host bits allowed: the core masks them)
/// or an `ipaddress.IPv6Network`.
pub(crate) fn ipv6_net(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Ipv6Net> {
    let py = obj.py();
    if let Ok(s) = obj.cast::<PyString>() {
        let text = s.to_cow()?;
        return ipv6kit::text::parse_prefix(&text).map_err(|e| Error::new_err(format!("{what} {text:?}: {e}")));
    }
    let c = classes(py)?;
    if obj.is_instance(c.ipv6_network.bind(py))? {
        let addr = ipv6_addr(&obj.getattr(intern!(py, "network_address"))?, what)?;
        let len: u8 = obj.getattr(intern!(py, "prefixlen"))?.extract()?;
        return Ipv6Net::new(addr, len).map_err(error);
    }
    Err(type_error(obj, what, "a str or an ipaddress.IPv6Network"))
}

/// A MAC from a `str` in any notation the core's `mac::parse_mac` accepts (the text read as
/// in [`ipv6_addr`]).
pub(crate) fn mac(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<MacAddr6> {
    if let Ok(s) = obj.cast::<PyString>() {
        if let Some(text) = fast::str_utf8(s).and_then(fast::utf8_str) {
            return ipv6kit::mac::parse_mac(text).map_err(|e| Error::new_err(format!("{what} {text:?}: {e}")));
        }
        let text = s.to_string_lossy();
        return ipv6kit::mac::parse_mac(&text).map_err(|e| Error::new_err(format!("{what} {text:?}: {e}")));
    }
    Err(type_error(obj, what, "a str"))
}

/// An EUI-64 from a `str` in any notation the core's `mac::parse_eui64` accepts.
pub(crate) fn eui64(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<ipv6kit::MacAddr8> {
    if let Ok(s) = obj.cast::<PyString>() {
        let text = s.to_cow()?;
        return ipv6kit::mac::parse_eui64(&text).map_err(|e| Error::new_err(format!("{what} {text:?}: {e}")));
    }
    Err(type_error(obj, what, "a str"))
}

/// An int argument, as given: its value when it fits in a `u64`, else the int's text (negative,
/// or too large). The Python API's fixed-width int arguments are extracted as one, so that a
/// value out of range is an `ipv6kit.Error` (a `ValueError`) naming the argument and its range,
/// never pyo3's `OverflowError`. Extraction refuses only what is not an int (a `TypeError`, to
/// which pyo3 adds a note naming the argument); the range is checked by [`IntArg::fit`]
/// (a field of some bits), [`IntArg::get`] (the whole Rust type) or [`IntArg::for_core`] (a
/// value the core judges with its own message, e.g. a prefix length).
#[derive(Debug, Clone)]
pub(crate) enum IntArg {
    /// 0 to `u64::MAX`.
    Fits(u64),
    /// A negative or larger int, as Python prints it.
    Beyond(String),
}

impl<'a, 'py> FromPyObject<'a, 'py> for IntArg {
    type Error = PyErr;

    fn extract(obj: pyo3::Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        match obj.extract::<u64>() {
            Ok(v) => Ok(IntArg::Fits(v)),
            Err(e) if e.is_instance_of::<pyo3::exceptions::PyOverflowError>(obj.py()) => {
                // `str()` of an int refuses more than `sys.get_int_max_str_digits()` digits.
                let text = obj.str().map(|s| s.to_string());
                Ok(IntArg::Beyond(
                    text.unwrap_or_else(|_| "<an int too long to print>".into()),
                ))
            }
            Err(e) => Err(e),
        }
    }
}

/// The unsigned Rust types an [`IntArg`] is read into whole ([`IntArg::get`]).
pub(crate) trait Width: TryFrom<u64> {
    /// The largest value.
    const MAX: u64;
}

impl Width for u8 {
    const MAX: u64 = u8::MAX as u64;
}
impl Width for u16 {
    const MAX: u64 = u16::MAX as u64;
}
impl Width for u32 {
    const MAX: u64 = u32::MAX as u64;
}
impl Width for u64 {
    const MAX: u64 = u64::MAX;
}
impl Width for usize {
    const MAX: u64 = usize::MAX as u64;
}

impl IntArg {
    /// The value as a `T`, when it is at most `max`; else an `ipv6kit.Error` naming `what`.
    pub(crate) fn fit<T: TryFrom<u64>>(&self, what: &str, max: u64) -> PyResult<T> {
        match self {
            IntArg::Fits(v) if *v <= max => T::try_from(*v).map_err(|_| self.range_error(what, max)),
            _ => Err(self.range_error(what, max)),
        }
    }

    /// The value as a `T`, any value of the type (a field as wide as `T`).
    pub(crate) fn get<T: Width>(&self, what: &str) -> PyResult<T> {
        self.fit(what, T::MAX)
    }

    /// The value as a `T` for the core to judge with its own error (a prefix length the core
    /// checks against 128, ...). A value `T` cannot hold never reaches the core: it is an
    /// `ipv6kit.Error` naming `what` and `range`, the values the core accepts.
    pub(crate) fn for_core<T: TryFrom<u64>>(&self, what: &str, range: &str) -> PyResult<T> {
        match self {
            IntArg::Fits(v) => T::try_from(*v).ok(),
            IntArg::Beyond(_) => None,
        }
        .ok_or_else(|| Error::new_err(format!("{what}={self}: out of range ({range})")))
    }

    /// The error for a value that does not fit in 0..=`max` (`what` names the argument).
    pub(crate) fn range_error(&self, what: &str, max: u64) -> PyErr {
        let bits = u64::BITS - max.leading_zeros();
        Error::new_err(format!("{what}={self}: does not fit in {bits} bits (0 to {max:#x})"))
    }
}

/// The int as given (Python's text for one beyond a `u64`).
impl Display for IntArg {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            IntArg::Fits(v) => write!(f, "{v}"),
            IntArg::Beyond(text) => f.write_str(text),
        }
    }
}

/// An EUI-64 as Python shows it: lowercase, colon-separated.
pub(crate) fn eui64_str(eui: ipv6kit::MacAddr8) -> String {
    eui.into_array()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect::<Vec<_>>()
        .join(":")
}

/// A MAC as Python shows it: lowercase, colon-separated.
pub(crate) fn mac_str(mac: MacAddr6) -> String {
    let b = mac.into_array();
    format!(
        "{:02x}:{:02x}:{:02x}:{:02x}:{:02x}:{:02x}",
        b[0], b[1], b[2], b[3], b[4], b[5]
    )
}

/// Which fast paths this interpreter uses (for the tests and the benchmark; not public).
///
/// ``new_address``: ``IPv6Address`` made with its ``tp_alloc``; ``slots``: its slots written
/// directly; ``new_network``: the same as ``new_address`` for ``IPv6Network``; ``text``:
/// ``str()`` written directly (``"dotted"`` when IPv4-mapped addresses get a dotted quad, as
/// from 3.13); ``borrowed_utf8``: ``str`` text borrowed, not copied.
#[pyfunction]
fn _fast_paths(py: Python<'_>) -> PyResult<Bound<'_, pyo3::types::PyDict>> {
    let c = classes(py)?;
    let d = pyo3::types::PyDict::new(py);
    d.set_item("new_address", c.new_address.is_some())?;
    d.set_item("slots", c.slots.is_some())?;
    d.set_item("new_network", c.new_network.is_some())?;
    d.set_item(
        "text",
        match c.text {
            Some(true) => Some("dotted"),
            Some(false) => Some("hex"),
            None => None,
        },
    )?;
    d.set_item("borrowed_utf8", fast::str_utf8(&PyString::new(py, "::1")).is_some())?;
    Ok(d)
}

/// ``str(IPv6Address(bits))`` as the batch functions' ``output="str"`` writes it (for the
/// tests, which compare it with ``ipaddress`` on any address; not public).
#[pyfunction]
fn _format_address(py: Python<'_>, bits: u128) -> PyResult<Bound<'_, PyString>> {
    Ipv6Maker::new(py)?.text(Ipv6Addr::from_bits(bits))
}

/// Registers `Error` (and the private `_fast_paths`, `_format_address`) on the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("Error", Error::type_object(m.py()))?;
    // `setattr`, not `add_function`: private, so not in `__all__` (nor in `ipv6kit`'s namespace).
    m.setattr("_fast_paths", wrap_pyfunction!(_fast_paths, m)?)?;
    m.setattr("_format_address", wrap_pyfunction!(_format_address, m)?)?;
    Ok(())
}

/// A colour from `"#rrggbb"`, `"rrggbb"` or an `(r, g, b)` tuple of ints 0–255.
pub(crate) fn colour(obj: &Bound<'_, PyAny>) -> PyResult<ipv6kit::iid::Colour> {
    if let Ok(s) = obj.cast::<PyString>() {
        return s.to_cow()?.parse().map_err(error);
    }
    if let Ok(t) = obj.cast::<PyTuple>() {
        if t.len() == 3 {
            let mut v = [0u8; 3];
            for (slot, (name, item)) in v.iter_mut().zip(["red", "green", "blue"].into_iter().zip(t.iter())) {
                let n: IntArg = item
                    .extract()
                    .map_err(|_| type_error(&item, "a colour component", "an int"))?;
                *slot = n
                    .get(name)
                    .map_err(|_| Error::new_err(format!("colour: {name} is {n}, not 0–255")))?;
            }
            return Ok(ipv6kit::iid::Colour::new(v[0], v[1], v[2]));
        }
        return Err(Error::new_err(format!(
            "colour: a tuple of 3 ints (r, g, b) was expected, got {}",
            t.len()
        )));
    }
    Err(type_error(obj, "colour", "a str or an (r, g, b) tuple"))
}

/// Bytes from `bytes`/`bytearray`, or from hex text: `"00:11:22"`, `"00-11-22"` or `"001122"`
/// (a hardware address of any length, a key).
pub(crate) fn hex_bytes(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<u8>> {
    if let Ok(s) = obj.cast::<PyString>() {
        let text = s.to_cow()?;
        let bad = |why: &str| Error::new_err(format!("{what} {text:?}: {why}"));
        let groups: Vec<&str> = if text.contains([':', '-']) {
            text.split([':', '-']).collect()
        } else {
            let t: &str = &text;
            if t.len() % 2 != 0 {
                return Err(bad("an even number of hex digits was expected"));
            }
            (0..t.len() / 2).filter_map(|i| t.get(2 * i..2 * i + 2)).collect()
        };
        return groups
            .iter()
            .enumerate()
            .map(|(i, g)| {
                if g.is_empty() || g.len() > 2 {
                    return Err(bad(&format!("group {i} is not one or two hex digits")));
                }
                u8::from_str_radix(g, 16).map_err(|_| bad(&format!("group {i} is not hex")))
            })
            .collect();
    }
    if obj.is_instance_of::<pyo3::types::PyBytes>() || obj.is_instance_of::<pyo3::types::PyByteArray>() {
        return obj.extract();
    }
    Err(type_error(obj, what, "bytes or a hex str"))
}

/// Exactly `N` bytes (see [`hex_bytes`]).
pub(crate) fn fixed_bytes<const N: usize>(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<[u8; N]> {
    let v = hex_bytes(obj, what)?;
    let len = v.len();
    v.try_into()
        .map_err(|_| Error::new_err(format!("{what}: {N} bytes were expected, got {len}")))
}

/// Text or bytes hashed as bytes (`str` is taken as UTF-8).
pub(crate) fn text_or_bytes(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Vec<u8>> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(s.to_cow()?.as_bytes().to_vec());
    }
    if obj.is_instance_of::<pyo3::types::PyBytes>() || obj.is_instance_of::<pyo3::types::PyByteArray>() {
        return obj.extract();
    }
    Err(type_error(obj, what, "a str or bytes"))
}
