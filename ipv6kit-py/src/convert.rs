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

/// The `ipaddress` classes, looked up once per interpreter.
struct Classes {
    ipv6_address: Py<PyType>,
    ipv6_network: Py<PyType>,
    ipv4_address: Py<PyType>,
    ipv4_network: Py<PyType>,
    object_new: Py<PyAny>,
    /// True when an `IPv6Address` can be made without running its `__init__` (checked once
    /// at start-up against the constructor; false falls back to the constructor).
    fast_new: bool,
    /// The same for `IPv6Network`.
    fast_net: bool,
}

static CLASSES: PyOnceLock<Classes> = PyOnceLock::new();

fn classes(py: Python<'_>) -> PyResult<&Classes> {
    CLASSES.get_or_try_init(py, || {
        let ipaddress = py.import("ipaddress")?;
        let mut c = Classes {
            ipv6_address: ipaddress.getattr("IPv6Address")?.cast_into::<PyType>()?.unbind(),
            ipv6_network: ipaddress.getattr("IPv6Network")?.cast_into::<PyType>()?.unbind(),
            ipv4_address: ipaddress.getattr("IPv4Address")?.cast_into::<PyType>()?.unbind(),
            ipv4_network: ipaddress.getattr("IPv4Network")?.cast_into::<PyType>()?.unbind(),
            object_new: py.import("builtins")?.getattr("object")?.getattr("__new__")?.unbind(),
            fast_new: false,
            fast_net: false,
        };
        c.fast_new = fast_new_agrees(py, &c).unwrap_or(false);
        c.fast_net = c.fast_new && fast_net_agrees(py, &c).unwrap_or(false);
        Ok(c)
    })
}

/// Makes `ipaddress.IPv6Address` objects, fast when many are made in a row.
///
/// The fast way is `object.__new__(IPv6Address)` with the `_ip` and `_scope_id` slots set: the
/// same object the constructor makes (checked once at start-up, else the constructor is used),
/// without running `__init__`'s checks on a value known to be valid. The Python `int` for the
/// upper 64 bits is kept between calls: a batch (one prefix, or the solicited-node range)
/// shares it, so each address costs one small `int` and one `|`.
pub(crate) struct Ipv6Maker<'py> {
    py: Python<'py>,
    cls: Bound<'py, PyType>,
    new: Option<(Bound<'py, PyAny>, Bound<'py, PyTuple>)>,
    high: Option<(u64, Bound<'py, PyAny>)>,
}

impl<'py> Ipv6Maker<'py> {
    /// A maker for this interpreter.
    pub(crate) fn new(py: Python<'py>) -> PyResult<Self> {
        Self::with(py, classes(py)?)
    }

    /// A maker from the classes (usable while `CLASSES` is being initialised).
    fn with(py: Python<'py>, c: &Classes) -> PyResult<Self> {
        let cls = c.ipv6_address.bind(py).clone();
        let new = if c.fast_new {
            Some((c.object_new.bind(py).clone(), PyTuple::new(py, [&cls])?))
        } else {
            None
        };
        Ok(Ipv6Maker {
            py,
            cls,
            new,
            high: None,
        })
    }

    fn int(&mut self, bits: u128) -> PyResult<Bound<'py, PyAny>> {
        let hi = (bits >> 64) as u64;
        let lo = (bits as u64).into_pyobject(self.py)?.into_any();
        if hi == 0 {
            return Ok(lo);
        }
        let shifted = match &self.high {
            Some((h, obj)) if *h == hi => obj.clone(),
            _ => {
                let obj = (u128::from(hi) << 64).into_pyobject(self.py)?.into_any();
                self.high = Some((hi, obj.clone()));
                obj
            }
        };
        shifted.bitor(lo)
    }

    /// An `ipaddress.IPv6Address` holding `addr`.
    pub(crate) fn make(&mut self, addr: Ipv6Addr) -> PyResult<Bound<'py, PyAny>> {
        let int = self.int(addr.to_bits())?;
        match &self.new {
            Some((object_new, args)) => {
                let obj = object_new.call1(args)?;
                obj.setattr(intern!(self.py, "_ip"), int)?;
                obj.setattr(intern!(self.py, "_scope_id"), self.py.None())?;
                Ok(obj)
            }
            None => self.cls.call1((int,)),
        }
    }
}

fn fast_new_agrees(py: Python<'_>, c: &Classes) -> PyResult<bool> {
    let cls = c.ipv6_address.bind(py);
    let object_new = c.object_new.bind(py);
    for bits in [0u128, 1, 0xfe80 << 112 | 0x1234, u128::MAX] {
        let fast = object_new.call1((cls,))?;
        fast.setattr("_ip", bits)?;
        fast.setattr("_scope_id", py.None())?;
        let slow = cls.call1((bits,))?;
        if !fast.eq(&slow)? || fast.str()?.to_cow()? != slow.str()?.to_cow()? || !fast.getattr("scope_id")?.is_none() {
            return Ok(false);
        }
    }
    Ok(true)
}

/// An `ipaddress.IPv6Address` holding `addr`.
pub(crate) fn py_ipv6(py: Python<'_>, addr: Ipv6Addr) -> PyResult<Bound<'_, PyAny>> {
    Ipv6Maker::new(py)?.make(addr)
}

/// Runs `f` with Python's cyclic garbage collector paused, when it was enabled.
///
/// The batch functions allocate one `IPv6Address` per item; none of them can be part of a
/// reference cycle, yet each allocation counts towards the collector's thresholds, and the
/// collections it triggers traverse the growing result again and again. Pausing it makes
/// the collector run once afterwards instead.
pub(crate) fn without_gc<'py, T>(py: Python<'py>, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    let gc = py.import(intern!(py, "gc"))?;
    let was_enabled: bool = gc.call_method0(intern!(py, "isenabled"))?.extract()?;
    if was_enabled {
        gc.call_method0(intern!(py, "disable"))?;
    }
    let result = f();
    if was_enabled {
        gc.call_method0(intern!(py, "enable"))?;
    }
    result
}

/// An `ipaddress.IPv6Network` holding `net` (its host bits are zero by construction).
///
/// Like the addresses, made without `__init__` (its checks and text parsing) when a one-time
/// comparison with the constructor showed the result identical.
pub(crate) fn py_ipv6_net(py: Python<'_>, net: Ipv6Net) -> PyResult<Bound<'_, PyAny>> {
    let c = classes(py)?;
    if c.fast_net {
        fast_net(py, c, net)
    } else {
        c.ipv6_network
            .bind(py)
            .call1(((net.network().to_bits(), net.prefix_len()),))
    }
}

fn fast_net<'py>(py: Python<'py>, c: &Classes, net: Ipv6Net) -> PyResult<Bound<'py, PyAny>> {
    let obj = c.object_new.bind(py).call1((c.ipv6_network.bind(py),))?;
    let mut make = Ipv6Maker::with(py, c)?;
    obj.setattr(intern!(py, "network_address"), make.make(net.network())?)?;
    obj.setattr(intern!(py, "netmask"), make.make(net.netmask())?)?;
    obj.setattr(intern!(py, "_prefixlen"), net.prefix_len())?;
    Ok(obj)
}

fn fast_net_agrees(py: Python<'_>, c: &Classes) -> PyResult<bool> {
    let cls = c.ipv6_network.bind(py);
    for (bits, len) in [
        (0u128, 0u8),
        (0x2001_0db8 << 96, 32),
        (0xfe80 << 112, 64),
        (1, 128),
        (0x2222 << 112, 72),
    ] {
        let net = Ipv6Net::new(Ipv6Addr::from_bits(bits), len).map_err(error)?;
        let fast = fast_net(py, c, net)?;
        let slow = cls.call1(((bits, len),))?;
        let same = fast.eq(&slow)?
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

fn type_error(obj: &Bound<'_, PyAny>, what: &str, expected: &str) -> PyErr {
    let found = obj
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "?".into());
    PyTypeError::new_err(format!("{what} must be {expected}, not {found}"))
}

/// An IPv6 address from a `str` or an `ipaddress.IPv6Address` (or subclass).
pub(crate) fn ipv6_addr(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Ipv6Addr> {
    let py = obj.py();
    if let Ok(s) = obj.cast::<PyString>() {
        let text = s.to_cow()?;
        return ipv6kit::text::parse_address(&text).map_err(|e| Error::new_err(format!("{what} {text:?}: {e}")));
    }
    let c = classes(py)?;
    if obj.is_instance(c.ipv6_address.bind(py))? {
        let bits: u128 = obj.getattr(intern!(py, "_ip"))?.extract()?;
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

/// A MAC from a `str` in any notation the core's `mac::parse_mac` accepts.
pub(crate) fn mac(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<MacAddr6> {
    if let Ok(s) = obj.cast::<PyString>() {
        let text = s.to_cow()?;
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

/// Registers `Error` on the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("Error", Error::type_object(m.py()))?;
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
                let n: i64 = item
                    .extract()
                    .map_err(|_| type_error(&item, "a colour component", "an int"))?;
                *slot = u8::try_from(n).map_err(|_| Error::new_err(format!("colour: {name} is {n}, not 0–255")))?;
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
