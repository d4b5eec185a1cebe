//! `ipv6kit.scoped`: addresses and socket addresses with a zone (`fe80::1%eth0`,
//! `[fe80::1%eth0]:443`), their RFC 6874 URL forms, and zone resolution to what `socket` wants.
//!
//! Every parse, check and resolution is the core's (`ipv6kit::scoped`); the zone of a Python
//! `ipaddress.IPv6Address` is its `scope_id`.

use crate::convert::{ipv6_addr, type_error, Error, IntArg};
use ipv6kit::scoped::{self as core_scoped, ScopedAddr, ScopedSocketAddr, Zone};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyInt, PyString, PyTuple};

/// `ipv6kit.Error` for `what` given as `text`, with the core's reason.
fn refused(what: &str, text: &str, e: impl core::fmt::Display) -> PyErr {
    Error::new_err(format!("{what} {text:?}: {e}"))
}

/// A scoped address from `"fe80::1%eth0"`, the URL host form `"[fe80::1%25eth0]"`, or an
/// `ipaddress.IPv6Address` whose `scope_id` is the zone.
fn scoped_addr(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<ScopedAddr> {
    let py = obj.py();
    let text = if let Ok(s) = obj.cast::<PyString>() {
        s.to_cow()?.into_owned()
    } else if obj.is_instance(&py.import("ipaddress")?.getattr("IPv6Address")?)?
        && !obj.is_instance(&py.import("ipaddress")?.getattr("IPv6Interface")?)?
    {
        // str() of an IPv6Address is "addr%scope_id" (or "addr" without a zone).
        obj.str()?.to_cow()?.into_owned()
    } else {
        return Err(type_error(
            obj,
            what,
            "a str or an ipaddress.IPv6Address with a scope_id",
        ));
    };
    let parsed = if text.starts_with('[') {
        ScopedAddr::from_url_host(&text)
    } else {
        text.parse()
    };
    parsed.map_err(|e| refused(what, &text, e))
}

/// The `ipaddress.IPv6Address` of a scoped address, its `scope_id` the zone.
fn py_scoped<'py>(py: Python<'py>, a: &ScopedAddr) -> PyResult<Bound<'py, PyAny>> {
    py.import("ipaddress")?.getattr("IPv6Address")?.call1((a.to_string(),))
}

/// A zone from a `str` (a name, or digits for an index) or an `int` index.
fn zone(obj: &Bound<'_, PyAny>) -> PyResult<Zone> {
    if let Ok(s) = obj.cast::<PyString>() {
        let text = s.to_cow()?;
        return text.parse().map_err(|e| refused("zone", &text, e));
    }
    if obj.is_instance_of::<PyInt>() && !obj.is_instance_of::<pyo3::types::PyBool>() {
        // Any int, however large, is a value error here, not an OverflowError.
        return match obj.extract::<u32>() {
            Ok(0) => Err(Error::new_err("zone 0: 0 means no zone")),
            Ok(i) => Ok(Zone::Index(i)),
            Err(_) => Err(Error::new_err(format!(
                "zone {obj}: an interface index is 1 to 4294967295"
            ))),
        };
    }
    Err(type_error(obj, "zone", "a str or an int"))
}

/// The 4-tuple `socket` takes for AF_INET6: host text without the zone, port, flow info 0,
/// and the interface index.
fn sockaddr_tuple<'py>(py: Python<'py>, sa: core::net::SocketAddrV6) -> PyResult<Bound<'py, PyTuple>> {
    PyTuple::new(
        py,
        [
            sa.ip().to_string().into_pyobject(py)?.into_any(),
            sa.port().into_pyobject(py)?.into_any(),
            sa.flowinfo().into_pyobject(py)?.into_any(),
            sa.scope_id().into_pyobject(py)?.into_any(),
        ],
    )
}

/// True when ``addr`` takes a zone: link-local unicast (``fe80::/10``) and multicast of
/// interface-local or link-local scope (``ffX1::/16``, ``ffX2::/16``), exactly the addresses
/// the Linux kernel wants a scope ID for.
///
/// >>> ipv6kit.scoped.accepts_zone("fe80::1"), ipv6kit.scoped.accepts_zone("ff02::1")
/// (True, True)
/// >>> ipv6kit.scoped.accepts_zone("2001:db8::1"), ipv6kit.scoped.accepts_zone("::1")
/// (False, False)
#[pyfunction]
fn accepts_zone(addr: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(core_scoped::accepts_zone(ipv6_addr(addr, "addr")?))
}

/// The interface index of a zone: an index (``3``, ``"3"``) as is, an interface name looked up
/// in ``/sys/class/net/<name>/ifindex`` (Linux; the network namespace ``/sys`` was mounted
/// for), as the core does it.
///
/// Args:
///     zone: an interface name (``"eth0"``) or index (``int``, or digits in a ``str``).
///     sys_class_net: read ``<sys_class_net>/<name>/ifindex`` instead (a ``/sys`` mounted
///         elsewhere, or a test tree).
///
/// Raises:
///     ipv6kit.Error: a malformed zone, index 0, no interface of that name, or the index
///         cannot be read.
///
/// >>> import socket
/// >>> ipv6kit.scoped.resolve_zone("lo") == socket.if_nametoindex("lo")
/// True
/// >>> ipv6kit.scoped.resolve_zone(7)
/// 7
#[pyfunction]
#[pyo3(signature = (zone, sys_class_net = None))]
fn resolve_zone(zone: &Bound<'_, PyAny>, sys_class_net: Option<std::path::PathBuf>) -> PyResult<u32> {
    let z = self::zone(zone)?;
    match sys_class_net {
        Some(dir) => z.resolve_in(&dir),
        None => z.resolve(),
    }
    .map_err(crate::convert::error)
}

/// The same address with its zone resolved to an interface index (``ScopedAddr::resolve``).
///
/// Args:
///     addr: ``"fe80::1%eth0"``, ``"[fe80::1%25eth0]"`` or an ``IPv6Address`` with a ``scope_id``.
///
/// Returns:
///     An ``ipaddress.IPv6Address`` whose ``scope_id`` is the index, as digits.
///
/// >>> ipv6kit.scoped.resolve("fe80::1%lo")
/// IPv6Address('fe80::1%1')
#[pyfunction]
fn resolve<'py>(py: Python<'py>, addr: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let a = scoped_addr(addr, "addr")?;
    let r = a.resolve().map_err(|e| refused("addr", &a.to_string(), e))?;
    py_scoped(py, &r)
}

/// The URL host form of a scoped address (RFC 6874): ``[fe80::1%25eth0]``, the zone's
/// characters outside ``A-Z a-z 0-9 - . _ ~`` percent-encoded.
///
/// ``ipv6kit.parse_scoped`` reads it back.
///
/// >>> ipv6kit.scoped.url_host("fe80::1%eth0")
/// '[fe80::1%25eth0]'
/// >>> ipv6kit.parse_scoped(ipv6kit.scoped.url_host("fe80::1%a@b")).scope_id
/// 'a@b'
#[pyfunction]
fn url_host(addr: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(scoped_addr(addr, "addr")?.url_host().to_string())
}

/// The socket address ``socket`` takes for a scoped address and port: the AF_INET6 4-tuple
/// ``(host, port, flowinfo, scope_id)``, as ``socket.getaddrinfo`` gives it, the zone resolved
/// to an interface index.
///
/// Args:
///     addr: ``"fe80::1%eth0"``, ``"[fe80::1%25eth0]"`` or an ``IPv6Address`` with a ``scope_id``.
///     port: 0 to 65535.
///     resolve: look an interface name up in ``/sys/class/net`` (the default); with ``False``
///         a name is an error and only an index zone is accepted.
///
/// Raises:
///     ipv6kit.Error: a bad or unknown zone, an address that takes no zone, or a port out of
///         range.
///
/// >>> import socket
/// >>> ipv6kit.scoped.sockaddr("fe80::1%lo", 443) == ("fe80::1", 443, 0, socket.if_nametoindex("lo"))
/// True
/// >>> ipv6kit.scoped.sockaddr("ff02::1%3", 5353, resolve=False)
/// ('ff02::1', 5353, 0, 3)
#[pyfunction]
#[pyo3(signature = (addr, port = IntArg::Fits(0), *, resolve = true), text_signature = "(addr, port=0, *, resolve=True)")]
fn sockaddr<'py>(
    py: Python<'py>,
    addr: &Bound<'py, PyAny>,
    port: IntArg,
    resolve: bool,
) -> PyResult<Bound<'py, PyTuple>> {
    let port = port.get("port")?;
    let a = scoped_addr(addr, "addr")?;
    let sa = if resolve {
        a.resolve().and_then(|r| r.socket_addr(port))
    } else {
        a.socket_addr(port)
    }
    .map_err(|e| refused("addr", &a.to_string(), e))?;
    sockaddr_tuple(py, sa)
}

/// A scoped address with a port: ``[fe80::1%eth0]:443``.
///
/// Made from an address and a port, or parsed from the socket form (:meth:`parse`, bare
/// ``%``), the RFC 6874 URL authority (:meth:`from_url_authority`, ``%25``) or a 4-tuple
/// socket address (:meth:`from_sockaddr`). ``str()`` is the socket form; :meth:`sockaddr`
/// gives what ``socket.connect`` takes. Equal when address, zone and port are.
///
/// >>> s = ipv6kit.scoped.ScopedSocketAddress.from_url_authority("[fe80::1%25lo]:8080")
/// >>> str(s), s.zone, s.port
/// ('[fe80::1%lo]:8080', 'lo', 8080)
/// >>> s.url_authority()
/// '[fe80::1%25lo]:8080'
#[pyclass(module = "ipv6kit.scoped", name = "ScopedSocketAddress", frozen, eq, hash)]
#[derive(PartialEq, Eq, Hash)]
pub(crate) struct PyScopedSocketAddress(ScopedSocketAddr);

#[pymethods]
impl PyScopedSocketAddress {
    /// ``address``: ``"fe80::1%eth0"``, ``"[fe80::1%25eth0]"`` or an ``IPv6Address`` with a
    /// ``scope_id``; ``port``: 0 to 65535.
    #[new]
    fn py_new(address: &Bound<'_, PyAny>, port: IntArg) -> PyResult<Self> {
        let port = port.get("port")?;
        Ok(PyScopedSocketAddress(ScopedSocketAddr {
            addr: scoped_addr(address, "address")?,
            port,
        }))
    }

    /// Parses the socket-address form ``[fe80::1%eth0]:443`` (a bare ``%``, as ``ss`` and
    /// Rust's ``SocketAddrV6`` print it).
    ///
    /// >>> ipv6kit.scoped.ScopedSocketAddress.parse("[fe80::1%eth0]:22").port
    /// 22
    #[staticmethod]
    fn parse(text: &str) -> PyResult<Self> {
        text.parse()
            .map(PyScopedSocketAddress)
            .map_err(|e| refused("socket address", text, e))
    }

    /// Parses the URL authority form ``[fe80::1%25eth0]:443`` (RFC 6874: ``%25`` before the
    /// zone, percent-encoded zone characters; a bare ``%`` is refused).
    ///
    /// >>> ipv6kit.scoped.ScopedSocketAddress.from_url_authority("[fe80::1%25en%301]:443").zone
    /// 'en01'
    #[staticmethod]
    fn from_url_authority(text: &str) -> PyResult<Self> {
        ScopedSocketAddr::from_url_authority(text)
            .map(PyScopedSocketAddress)
            .map_err(|e| refused("URL authority", text, e))
    }

    /// From an AF_INET6 socket address ``(host, port, flowinfo, scope_id)``, as ``recvfrom``,
    /// ``getpeername`` or ``getaddrinfo`` give it: the zone is the index ``scope_id`` (0, no
    /// zone, is an error); a ``%zone`` in ``host`` is ignored.
    ///
    /// >>> str(ipv6kit.scoped.ScopedSocketAddress.from_sockaddr(("fe80::1", 22, 0, 3)))
    /// '[fe80::1%3]:22'
    #[staticmethod]
    fn from_sockaddr(sockaddr: &Bound<'_, PyAny>) -> PyResult<Self> {
        let t = sockaddr
            .cast::<PyTuple>()
            .map_err(|_| type_error(sockaddr, "sockaddr", "a (host, port, flowinfo, scope_id) tuple"))?;
        if t.len() != 4 {
            return Err(PyTypeError::new_err(format!(
                "sockaddr must be a (host, port, flowinfo, scope_id) tuple, not {} items",
                t.len()
            )));
        }
        let host = t.get_item(0)?;
        let ip = if let Ok(s) = host.cast::<PyString>() {
            let text = s.to_cow()?;
            let bare = text.split('%').next().unwrap_or("");
            ipv6kit::text::parse_address(bare).map_err(|e| refused("host", &text, e))?
        } else {
            ipv6_addr(&host, "host")?
        };
        // An int out of its field's range is an ipv6kit.Error naming the item, never an
        // OverflowError; anything but an int a TypeError.
        let int = |i: usize, what: &str| -> PyResult<IntArg> {
            let item = t.get_item(i)?;
            item.extract().map_err(|_| type_error(&item, what, "an int"))
        };
        let port = int(1, "sockaddr port")?.get("sockaddr port")?;
        let flowinfo = int(2, "sockaddr flowinfo")?.get("sockaddr flowinfo")?;
        let scope_id = int(3, "sockaddr scope_id")?.get("sockaddr scope_id")?;
        let sa = core::net::SocketAddrV6::new(ip, port, flowinfo, scope_id);
        ScopedSocketAddr::try_from(sa)
            .map(PyScopedSocketAddress)
            .map_err(|e| refused("sockaddr", &sa.to_string(), e))
    }

    /// The address, an ``ipaddress.IPv6Address`` whose ``scope_id`` is the zone.
    #[getter]
    fn address<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_scoped(py, &self.0.addr)
    }

    /// The zone as text: an interface name, or an index as digits.
    #[getter]
    fn zone(&self) -> String {
        self.0.addr.zone().to_string()
    }

    /// The port.
    #[getter]
    fn port(&self) -> u16 {
        self.0.port
    }

    /// The URL authority form (RFC 6874): ``[fe80::1%25eth0]:443``.
    fn url_authority(&self) -> String {
        self.0.url_authority().to_string()
    }

    /// The AF_INET6 4-tuple ``(host, port, flowinfo, scope_id)`` for ``socket.connect``,
    /// ``bind`` or ``sendto``; an interface name is resolved through ``/sys/class/net``
    /// unless ``resolve=False`` (then a name is an error).
    ///
    /// >>> ipv6kit.scoped.ScopedSocketAddress("fe80::1%4", 22).sockaddr()
    /// ('fe80::1', 22, 0, 4)
    #[pyo3(signature = (*, resolve = true))]
    fn sockaddr<'py>(&self, py: Python<'py>, resolve: bool) -> PyResult<Bound<'py, PyTuple>> {
        let sa = if resolve {
            self.0.resolve()
        } else {
            self.0.to_socket_addr()
        }
        .map_err(|e| refused("socket address", &self.0.to_string(), e))?;
        sockaddr_tuple(py, sa)
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self) -> String {
        format!("ScopedSocketAddress('{}', {})", self.0.addr, self.0.port)
    }
}

/// Adds the submodule `scoped` to `parent`.
pub(crate) fn register(parent: &Bound<'_, PyModule>) -> PyResult<()> {
    let m = PyModule::new(parent.py(), "ipv6kit.scoped")?;
    m.add(
        "__doc__",
        "Scoped addresses: zones (fe80::1%eth0), socket addresses with zones, RFC 6874 URL forms, zone resolution.",
    )?;
    m.add("MAX_ZONE_NAME_LEN", core_scoped::MAX_ZONE_NAME_LEN)?;
    m.add_function(wrap_pyfunction!(accepts_zone, &m)?)?;
    m.add_function(wrap_pyfunction!(resolve_zone, &m)?)?;
    m.add_function(wrap_pyfunction!(resolve, &m)?)?;
    m.add_function(wrap_pyfunction!(url_host, &m)?)?;
    m.add_function(wrap_pyfunction!(sockaddr, &m)?)?;
    m.add_class::<PyScopedSocketAddress>()?;
    parent.setattr("scoped", m)?;
    Ok(())
}
