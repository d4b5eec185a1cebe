//! `ipv6kit.describe`, `ipv6kit.registry` and zone-aware parsing.

use crate::convert::{error, ipv6_addr, mac_str, py_ipv4, py_ipv6, py_ipv6_net};
use ipv6kit::describe as core_describe;
use ipv6kit::registry as core_registry;
use ipv6kit::scoped::ScopedAddr;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};

/// Everything ipv6kit can say about one address (``ipv6calc -i``).
///
/// ``str()`` gives the report; the attributes give the parts.
#[pyclass(module = "ipv6kit", frozen)]
pub(crate) struct Description {
    d: core_describe::Description,
}

#[pymethods]
impl Description {
    /// The address described.
    #[getter]
    fn address<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_ipv6(py, self.d.address)
    }
    /// Its broad kind (``"link-local"``, ``"global-unicast"``, ...), as the core names it.
    #[getter]
    fn kind(&self) -> String {
        self.d.kind.to_string()
    }
    /// Its scope (``"link-local"``, ``"global"``, ...), or ``None`` for ``::``.
    #[getter]
    fn scope(&self) -> Option<String> {
        self.d.scope.map(|s| s.to_string())
    }
    /// True when a zone may be attached (``fe80::1%eth0``).
    #[getter]
    fn zone_allowed(&self) -> bool {
        self.d.zone_allowed
    }
    /// Globally reachable by the IANA special-purpose registry.
    #[getter]
    fn globally_reachable(&self) -> bool {
        self.d.globally_reachable
    }
    /// The names of the special-purpose registry entries it falls in.
    #[getter]
    fn registry(&self) -> Vec<&'static str> {
        self.d.registry.iter().map(|e| e.name).collect()
    }
    /// The interface identifier's class name, when it has one.
    #[getter]
    fn iid(&self) -> Option<&'static str> {
        self.d.iid.map(|c| c.name())
    }
    /// The MAC in a modified EUI-64 identifier.
    #[getter]
    fn mac(&self) -> Option<String> {
        self.d.mac.map(mac_str)
    }
    /// An IPv4 address carried inside (mapped, NAT64, 6to4, Teredo, ...).
    #[getter]
    fn embedded_ipv4<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.d.embedded_ipv4.map(|e| py_ipv4(py, e.ipv4)).transpose()
    }
    /// How that IPv4 address is carried: ``"mapped"``, ``"compatible"``, ``"nat64"``,
    /// ``"6to4"``, ``"teredo"`` or ``"isatap"`` (the first that applies, in that order).
    ///
    /// >>> d = ipv6kit.describe("2001:0:4136:e378:8000:63bf:3fff:fdd2")
    /// >>> d.embedding, d.embedded_ipv4
    /// ('teredo', IPv4Address('192.0.2.45'))
    #[getter]
    fn embedding(&self) -> Option<&'static str> {
        use ipv6kit::describe::Embedding;
        self.d.embedded_ipv4.map(|e| match e.embedding {
            Embedding::Mapped => "mapped",
            Embedding::Compatible => "compatible",
            Embedding::Nat64 { .. } => "nat64",
            Embedding::SixToFour => "6to4",
            Embedding::Teredo { .. } => "teredo",
            Embedding::Isatap => "isatap",
            // Embedding is not #[non_exhaustive]: a new kind fails to compile here.
        })
    }
    /// The solicited-node group the address joins.
    #[getter]
    fn solicited_node<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.d.solicited_node.map(|a| py_ipv6(py, a)).transpose()
    }

    fn __str__(&self) -> String {
        self.d.to_string()
    }

    fn __repr__(&self) -> String {
        format!("<ipv6kit.Description of {} ({})>", self.d.address, self.d.kind)
    }
}

/// Everything ipv6kit can say about an address: kind, scope, registry entries, reachability,
/// IID class, embedded IPv4 or MAC, solicited-node group.
///
/// >>> print(ipv6kit.describe("fe80::ba27:ebff:fe89:bc51"))  # doctest: +SKIP
#[pyfunction]
pub(crate) fn describe(addr: &Bound<'_, PyAny>) -> PyResult<Description> {
    Ok(Description {
        d: core_describe::describe(ipv6_addr(addr, "addr")?),
    })
}

/// An address with its zone, from ``"fe80::1%wlan0"`` (RFC 4007) or the URL form
/// ``"[fe80::1%25wlan0]"`` (RFC 6874).
///
/// Returns:
///     An ``ipaddress.IPv6Address`` whose ``scope_id`` is the zone.
///
/// Raises:
///     ipv6kit.Error: bad syntax, a bad zone name, or a zone on an address that takes none
///         (only link-local unicast and interface/link-local multicast do).
///
/// >>> ipv6kit.parse_scoped("fe80::1%wlan0").scope_id
/// 'wlan0'
#[pyfunction]
pub(crate) fn parse_scoped<'py>(py: Python<'py>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    let scoped: ScopedAddr = if text.starts_with('[') {
        ScopedAddr::from_url_host(text).map_err(error)?
    } else {
        text.parse().map_err(error)?
    };
    let cls = py.import("ipaddress")?.getattr("IPv6Address")?;
    cls.call1((PyString::new(py, &scoped.to_string()),))
}

fn entry_dict<'py>(py: Python<'py>, e: &core_registry::Entry) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("prefix", py_ipv6_net(py, e.prefix)?)?;
    d.set_item("name", e.name)?;
    d.set_item("rfc", e.rfc)?;
    d.set_item("allocated", e.allocated)?;
    d.set_item("terminated", e.terminated)?;
    d.set_item("source", e.source)?;
    d.set_item("destination", e.destination)?;
    d.set_item("forwardable", e.forwardable)?;
    d.set_item("globally_reachable", e.globally_reachable)?;
    d.set_item("reserved_by_protocol", e.reserved_by_protocol)?;
    Ok(d)
}

/// The IANA special-purpose registry entries an address falls in, least specific first, as
/// dicts (``prefix``, ``name``, ``rfc``, ``allocated``, ``terminated``, ``source``,
/// ``destination``, ``forwardable``, ``globally_reachable``, ``reserved_by_protocol``).
#[pyfunction]
fn entries<'py>(addr: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    let py = addr.py();
    let a = ipv6_addr(addr, "addr")?;
    let out = PyList::empty(py);
    for e in core_registry::entries(a) {
        out.append(entry_dict(py, e)?)?;
    }
    Ok(out)
}

/// The most specific registry entry an address falls in, or ``None``.
#[pyfunction]
fn lookup<'py>(addr: &Bound<'py, PyAny>) -> PyResult<Option<Bound<'py, PyDict>>> {
    let a = ipv6_addr(addr, "addr")?;
    core_registry::lookup(a).map(|e| entry_dict(addr.py(), e)).transpose()
}

/// True when the registry says the address is globally reachable.
#[pyfunction]
fn is_global(addr: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(core_registry::is_global(ipv6_addr(addr, "addr")?))
}

/// The IANA special-purpose registry entries that share at least one address with a prefix, in
/// table order (least specific first). Two prefixes overlap only when one holds the other, so
/// each entry either covers the whole prefix (``covers`` is ``True``: the prefix is special
/// space) or lies inside it (the prefix includes special space). Empty when the prefix touches
/// no special-purpose block.
///
/// Args:
///     prefix: ``str`` or ``ipaddress.IPv6Network`` (host bits of a ``str`` are ignored).
///
/// Returns:
///     Dicts with the keys of :func:`entries`, plus ``covers``.
///
/// >>> [(e["name"], e["covers"]) for e in ipv6kit.registry.entries_for_prefix("2001:db8:ebbd::/48")]
/// [('Documentation', True)]
/// >>> [str(e["prefix"]) for e in ipv6kit.registry.entries_for_prefix("2001::/16")][:3]
/// ['2001::/23', '2001::/32', '2001:1::1/128']
/// >>> ipv6kit.registry.entries_for_prefix("2a00::/12")
/// []
#[pyfunction]
fn entries_for_prefix<'py>(prefix: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    let py = prefix.py();
    let net = crate::convert::ipv6_net(prefix, "prefix")?.trunc();
    let out = PyList::empty(py);
    for e in core_registry::entries_for_prefix(net) {
        let d = entry_dict(py, e)?;
        d.set_item("covers", e.covers(net))?;
        out.append(d)?;
    }
    Ok(out)
}

/// Documentation addresses: ``2001:db8::/32`` (RFC 3849) or ``3fff::/20`` (RFC 9637).
///
/// >>> ipv6kit.registry.is_documentation("3fff:0:1::1")
/// True
#[pyfunction]
fn is_documentation(addr: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(core_registry::is_documentation(ipv6_addr(addr, "addr")?))
}

/// Unique local addresses, ``fc00::/7`` (RFC 4193).
///
/// >>> ipv6kit.registry.is_ula("fd12:3456:789a::1")
/// True
#[pyfunction]
fn is_ula(addr: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(core_registry::is_ula(ipv6_addr(addr, "addr")?))
}

/// Link-local unicast, ``fe80::/10`` (RFC 4291).
///
/// >>> ipv6kit.registry.is_link_local("fe80::1")
/// True
#[pyfunction]
fn is_link_local(addr: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(core_registry::is_link_local(ipv6_addr(addr, "addr")?))
}

/// Benchmarking, ``2001:2::/48`` (RFC 5180, erratum 1752).
///
/// >>> ipv6kit.registry.is_benchmarking("2001:2::1")
/// True
#[pyfunction]
fn is_benchmarking(addr: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(core_registry::is_benchmarking(ipv6_addr(addr, "addr")?))
}

/// Teredo, ``2001::/32`` (RFC 4380).
///
/// >>> ipv6kit.registry.is_teredo("2001:0:4136:e378::1")
/// True
#[pyfunction]
fn is_teredo(addr: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(core_registry::is_teredo(ipv6_addr(addr, "addr")?))
}

/// 6to4, ``2002::/16`` (RFC 3056).
///
/// >>> ipv6kit.registry.is_6to4("2002:c000:201::1")
/// True
#[pyfunction]
fn is_6to4(addr: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(core_registry::is_6to4(ipv6_addr(addr, "addr")?))
}

/// IPv4/IPv6 translation: ``64:ff9b::/96`` (RFC 6052) or the local-use ``64:ff9b:1::/48`` (RFC 8215).
///
/// >>> ipv6kit.registry.is_nat64("64:ff9b::192.0.2.1")
/// True
#[pyfunction]
fn is_nat64(addr: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(core_registry::is_nat64(ipv6_addr(addr, "addr")?))
}

/// IPv4-mapped, ``::ffff:0:0/96`` (RFC 4291).
///
/// >>> ipv6kit.registry.is_ipv4_mapped("::ffff:192.0.2.1")
/// True
#[pyfunction]
fn is_ipv4_mapped(addr: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(core_registry::is_ipv4_mapped(ipv6_addr(addr, "addr")?))
}

/// Discard-only, ``100::/64`` (RFC 6666).
///
/// >>> ipv6kit.registry.is_discard("100::1")
/// True
#[pyfunction]
fn is_discard(addr: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(core_registry::is_discard(ipv6_addr(addr, "addr")?))
}

/// The dummy prefix, ``100:0:0:1::/64`` (RFC 9780).
///
/// >>> ipv6kit.registry.is_dummy("100:0:0:1::1")
/// True
#[pyfunction]
fn is_dummy(addr: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(core_registry::is_dummy(ipv6_addr(addr, "addr")?))
}

/// ORCHIDv2, ``2001:20::/28`` (RFC 7343); not the terminated ``2001:10::/28``.
///
/// >>> ipv6kit.registry.is_orchid("2001:20::1")
/// True
#[pyfunction]
fn is_orchid(addr: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(core_registry::is_orchid(ipv6_addr(addr, "addr")?))
}

/// The terminated first ORCHID prefix, ``2001:10::/28`` (RFC 4843).
///
/// >>> ipv6kit.registry.is_orchid_deprecated("2001:10::1")
/// True
#[pyfunction]
fn is_orchid_deprecated(addr: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(core_registry::is_orchid_deprecated(ipv6_addr(addr, "addr")?))
}

/// Drone Remote ID entity tags, ``2001:30::/28`` (RFC 9374).
///
/// >>> ipv6kit.registry.is_drip_det("2001:30::1")
/// True
#[pyfunction]
fn is_drip_det(addr: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(core_registry::is_drip_det(ipv6_addr(addr, "addr")?))
}

/// AMT, ``2001:3::/32`` (RFC 7450).
///
/// >>> ipv6kit.registry.is_amt("2001:3::1")
/// True
#[pyfunction]
fn is_amt(addr: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(core_registry::is_amt(ipv6_addr(addr, "addr")?))
}

/// AS112: ``2001:4:112::/48`` (RFC 7535) or ``2620:4f:8000::/48`` (RFC 7534).
///
/// >>> ipv6kit.registry.is_as112("2620:4f:8000::1")
/// True
#[pyfunction]
fn is_as112(addr: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(core_registry::is_as112(ipv6_addr(addr, "addr")?))
}

/// Segment Routing (SRv6) SIDs, ``5f00::/16`` (RFC 9602).
///
/// >>> ipv6kit.registry.is_srv6_sid("5f00::1")
/// True
#[pyfunction]
fn is_srv6_sid(addr: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(core_registry::is_srv6_sid(ipv6_addr(addr, "addr")?))
}

fn ipv4_entry_dict<'py>(py: Python<'py>, e: &core_registry::ipv4::Ipv4Entry) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item("prefix", crate::convert::py_ipv4_net(py, e.prefix)?)?;
    d.set_item("name", e.name)?;
    d.set_item("rfc", e.rfc)?;
    d.set_item("allocated", e.allocated)?;
    d.set_item("terminated", e.terminated)?;
    d.set_item("source", e.source)?;
    d.set_item("destination", e.destination)?;
    d.set_item("forwardable", e.forwardable)?;
    d.set_item("globally_reachable", e.globally_reachable)?;
    d.set_item("reserved_by_protocol", e.reserved_by_protocol)?;
    Ok(d)
}

/// The IANA IPv4 special-purpose registry entries an IPv4 address falls in, least specific
/// first, as dicts with the same keys as :func:`entries` (``prefix`` an ``IPv4Network``).
#[pyfunction]
fn ipv4_entries<'py>(addr: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    let py = addr.py();
    let a = crate::convert::ipv4_addr(addr, "addr")?;
    let out = PyList::empty(py);
    for e in core_registry::ipv4::entries(a) {
        out.append(ipv4_entry_dict(py, e)?)?;
    }
    Ok(out)
}

/// The most specific IANA IPv4 special-purpose registry entry of an IPv4 address, or ``None``.
///
/// >>> ipv6kit.registry.ipv4_lookup("100.64.1.1")["name"]
/// 'Shared Address Space'
#[pyfunction]
fn ipv4_lookup<'py>(addr: &Bound<'py, PyAny>) -> PyResult<Option<Bound<'py, PyDict>>> {
    let a = crate::convert::ipv4_addr(addr, "addr")?;
    core_registry::ipv4::lookup(a)
        .map(|e| ipv4_entry_dict(addr.py(), e))
        .transpose()
}

/// True when the IPv4 registry says the IPv4 address is globally reachable (multicast by
/// RFC 2365's scopes).
#[pyfunction]
fn ipv4_is_global(addr: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(core_registry::ipv4::is_global(crate::convert::ipv4_addr(addr, "addr")?))
}

/// RFC 1918 private-use space (``10/8``, ``172.16/12``, ``192.168/16``).
///
/// >>> ipv6kit.registry.ipv4_is_private_use("192.168.1.1")
/// True
#[pyfunction]
fn ipv4_is_private_use(addr: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(core_registry::ipv4::is_private_use(crate::convert::ipv4_addr(
        addr, "addr",
    )?))
}

/// The IANA Reserved IPv6 Interface Identifiers entry (RFC 5453) an address's interface
/// identifier falls in, as a dict (``first``, ``last`` as ints, ``name``, ``reference``), or
/// ``None``.
///
/// >>> ipv6kit.registry.reserved_iid("2001:db8::fdff:ffff:ffff:ff81")["reference"]
/// 'RFC 2526'
#[pyfunction]
fn reserved_iid<'py>(addr: &Bound<'py, PyAny>) -> PyResult<Option<Bound<'py, PyDict>>> {
    let iid = ipv6kit::iid::Iid::of(ipv6_addr(addr, "addr")?);
    ipv6kit::iid::reserved::lookup(iid)
        .map(|r| {
            let d = PyDict::new(addr.py());
            d.set_item("first", r.first)?;
            d.set_item("last", r.last)?;
            d.set_item("name", r.name)?;
            d.set_item("reference", r.reference)?;
            Ok(d)
        })
        .transpose()
}

/// True when the address's interface identifier is reserved (RFC 5453): SLAAC and temporary
/// addresses never use one.
#[pyfunction]
fn is_reserved_iid(addr: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(ipv6kit::iid::reserved::is_reserved(ipv6kit::iid::Iid::of(ipv6_addr(
        addr, "addr",
    )?)))
}

/// Adds `describe`, `parse_scoped`, `Description` and the submodule `registry` to `parent`.
pub(crate) fn register(parent: &Bound<'_, PyModule>) -> PyResult<()> {
    parent.add_function(wrap_pyfunction!(describe, parent)?)?;
    parent.add_function(wrap_pyfunction!(parse_scoped, parent)?)?;
    parent.add_function(wrap_pyfunction!(vendor, parent)?)?;
    parent.add_class::<Description>()?;
    let m = PyModule::new(parent.py(), "ipv6kit.registry")?;
    m.add("__doc__", "The IANA IPv6 Special-Purpose Address Registry.")?;
    m.add("EDITION", core_registry::EDITION)?;
    m.add("IPV4_EDITION", core_registry::ipv4::EDITION)?;
    m.add("RESERVED_IID_EDITION", ipv6kit::iid::reserved::REGISTRY_DATE)?;
    m.add_function(wrap_pyfunction!(ipv4_entries, &m)?)?;
    m.add_function(wrap_pyfunction!(ipv4_lookup, &m)?)?;
    m.add_function(wrap_pyfunction!(ipv4_is_global, &m)?)?;
    m.add_function(wrap_pyfunction!(ipv4_is_private_use, &m)?)?;
    m.add_function(wrap_pyfunction!(reserved_iid, &m)?)?;
    m.add_function(wrap_pyfunction!(is_reserved_iid, &m)?)?;
    m.add_function(wrap_pyfunction!(entries, &m)?)?;
    m.add_function(wrap_pyfunction!(lookup, &m)?)?;
    m.add_function(wrap_pyfunction!(is_global, &m)?)?;
    m.add_function(wrap_pyfunction!(entries_for_prefix, &m)?)?;
    m.add_function(wrap_pyfunction!(is_documentation, &m)?)?;
    m.add_function(wrap_pyfunction!(is_ula, &m)?)?;
    m.add_function(wrap_pyfunction!(is_link_local, &m)?)?;
    m.add_function(wrap_pyfunction!(is_benchmarking, &m)?)?;
    m.add_function(wrap_pyfunction!(is_teredo, &m)?)?;
    m.add_function(wrap_pyfunction!(is_6to4, &m)?)?;
    m.add_function(wrap_pyfunction!(is_nat64, &m)?)?;
    m.add_function(wrap_pyfunction!(is_ipv4_mapped, &m)?)?;
    m.add_function(wrap_pyfunction!(is_discard, &m)?)?;
    m.add_function(wrap_pyfunction!(is_dummy, &m)?)?;
    m.add_function(wrap_pyfunction!(is_orchid, &m)?)?;
    m.add_function(wrap_pyfunction!(is_orchid_deprecated, &m)?)?;
    m.add_function(wrap_pyfunction!(is_drip_det, &m)?)?;
    m.add_function(wrap_pyfunction!(is_amt, &m)?)?;
    m.add_function(wrap_pyfunction!(is_as112, &m)?)?;
    m.add_function(wrap_pyfunction!(is_srv6_sid, &m)?)?;
    parent.setattr("registry", m)?;
    Ok(())
}

/// The IEEE registries read once from Debian's `ieee-data` for [`vendor`].
static DEBIAN_OUI: pyo3::sync::PyOnceLock<ipv6kit::oui::OuiDb> = pyo3::sync::PyOnceLock::new();

/// The organisation the IEEE assigned a MAC's block to (MA-L, MA-M, MA-S/IAB; longest match).
///
/// Args:
///     mac: a MAC in any common notation.
///     registry_dir: a folder with the IEEE CSV files (``oui.csv``, ``mam.csv``, ``oui36.csv``,
///         ``iab.csv``); by default Debian's ``/usr/share/ieee-data`` (read once, then cached).
///
/// Returns:
///     The organisation's name, or ``None`` when no block holds the MAC.
///
/// Raises:
///     ipv6kit.Error: the MAC does not parse, or the registry files cannot be read.
///
/// >>> ipv6kit.vendor("b8:27:eb:89:bc:51")  # doctest: +SKIP
/// 'Raspberry Pi Foundation'
#[pyfunction]
#[pyo3(signature = (mac, registry_dir = None))]
pub(crate) fn vendor(
    py: Python<'_>,
    mac: &Bound<'_, PyAny>,
    registry_dir: Option<std::path::PathBuf>,
) -> PyResult<Option<String>> {
    let m = crate::convert::mac(mac, "mac")?;
    let found = match registry_dir {
        Some(dir) => ipv6kit::oui::OuiDb::load_dir(&dir)
            .map_err(error)?
            .lookup(m)
            .map(|a| a.organization.clone()),
        None => DEBIAN_OUI
            .get_or_try_init(py, || ipv6kit::oui::OuiDb::load_debian().map_err(error))?
            .lookup(m)
            .map(|a| a.organization.clone()),
    };
    Ok(found)
}
