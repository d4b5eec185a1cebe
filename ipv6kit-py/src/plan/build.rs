//! `ipv6kit.plan.Plan` (a plan built in code, checked like a parsed one) and the ULA prefixes of
//! RFC 4193 (`plan::check::ula_prefix`, `ula_prefix_rfc4193`, `is_low_entropy_ula`).

use super::Report;
use crate::convert::{error, ipv6_net, py_ipv6_net, Error, IntArg};
use ipnet::Ipv6Net;
use ipv6kit::plan::{check as checks, Entry, Location, Plan, Role};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyString;

/// A plan prefix as written: a `str` keeps its host bits (the checks report them) and a bare
/// address is a /128, as in a text plan; an `IPv6Network` as is; an `IPv6Interface` keeps its
/// address; an `IPv6Address` is a /128.
fn plan_prefix(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Ipv6Net> {
    let py = obj.py();
    if let Ok(s) = obj.cast::<PyString>() {
        let text = s.to_cow()?;
        let parsed = if text.contains('/') {
            ipv6kit::text::parse_prefix(&text).map_err(|e| e.to_string())
        } else {
            ipv6kit::text::parse_address(&text)
                .map(|a| Ipv6Net::new(a, 128).unwrap_or_default())
                .map_err(|e| e.to_string())
        };
        return parsed.map_err(|e| Error::new_err(format!("{what} {text:?}: {e}")));
    }
    let ipaddress = py.import("ipaddress")?;
    if obj.is_instance(&ipaddress.getattr("IPv6Interface")?)? {
        let ip = crate::convert::ipv6_addr(&obj.getattr("ip")?, what)?;
        let len: u8 = obj.getattr("network")?.getattr("prefixlen")?.extract()?;
        return Ipv6Net::new(ip, len).map_err(error);
    }
    if obj.is_instance(&ipaddress.getattr("IPv6Network")?)? {
        return ipv6_net(obj, what);
    }
    if obj.is_instance(&ipaddress.getattr("IPv6Address")?)? {
        let ip = crate::convert::ipv6_addr(obj, what)?;
        return Ipv6Net::new(ip, 128).map_err(error);
    }
    let found = obj.get_type().name().map(|n| n.to_string()).unwrap_or_default();
    Err(PyTypeError::new_err(format!(
        "{what} must be a str or an ipaddress.IPv6Network, IPv6Interface or IPv6Address, not {found}"
    )))
}

/// An address plan built in code: the same entries a plan file holds, checked by the same
/// checks, giving the same :class:`Report` as :func:`check` does for the text.
///
/// Each :meth:`add` is an entry; the n-th one is located at line n, column 1, as if the plan
/// were written one prefix per line, so diagnostics and the report point at the n-th ``add``.
/// The tree comes from containment alone, whatever the order of the ``add`` calls.
///
/// Args:
///     prefixes: entries to start with, prefixes only (see :meth:`add` for the forms).
///
/// >>> p = ipv6kit.plan.Plan()
/// >>> p.add("2001:db8:ebbd::/48", "delegation", description="my house network")
/// >>> p.add("2001:db8:ebbd:10::/60", "lan", name="guests")
/// >>> [(d.code, d.line) for d in p.check().diagnostics]
/// [('P201', 1), ('P101', 2)]
/// >>> str(p.check()) == str(ipv6kit.plan.check(
/// ...     "2001:db8:ebbd::/48 [delegation] my house network\n2001:db8:ebbd:10::/60 [lan] name=guests\n"))
/// True
#[pyclass(module = "ipv6kit.plan", name = "Plan")]
pub(crate) struct PyPlan {
    entries: Vec<Entry>,
}

#[pymethods]
impl PyPlan {
    #[new]
    #[pyo3(signature = (prefixes = None))]
    fn py_new(prefixes: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        let mut p = PyPlan { entries: Vec::new() };
        if let Some(items) = prefixes {
            for item in items.try_iter()? {
                p.add(&item?, None, None, "", None, None)?;
            }
        }
        Ok(p)
    }

    /// Adds an entry.
    ///
    /// Args:
    ///     prefix: ``"2001:db8:1::/48"`` (host bits are kept and reported, as in a plan file;
    ///         a bare address is a /128), an ``IPv6Network``, an ``IPv6Interface`` (its address
    ///         kept) or an ``IPv6Address`` (a /128).
    ///     role: ``"delegation"``, ``"site"``, ``"lan"``, ``"link"``, ``"loopback"``,
    ///         ``"pool"``, ``"reserved"``, ``"host"`` (or an alias: ``"p2p"``, ``"subnet"``, ...).
    ///     name: a short name.
    ///     description: free text.
    ///     tags: labels.
    ///     parent: the prefix this entry is written inside (the nesting of a TOML or JSON plan),
    ///         which must contain it (else finding P004).
    ///
    /// Raises:
    ///     ipv6kit.Error: a prefix that does not parse, or an unknown role.
    #[pyo3(signature = (prefix, role = None, *, name = None, description = "", tags = None, parent = None))]
    fn add(
        &mut self,
        prefix: &Bound<'_, PyAny>,
        role: Option<&str>,
        name: Option<String>,
        description: &str,
        tags: Option<Vec<String>>,
        parent: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<()> {
        let net = plan_prefix(prefix, "prefix")?;
        let line = u32::try_from(self.entries.len() + 1).unwrap_or(u32::MAX);
        let mut e = Entry::new(net).with_description(description).at(Location::new(line, 1));
        if let Some(r) = role {
            e = e.with_role(
                r.parse::<Role>()
                    .map_err(|err| Error::new_err(format!("role {r:?}: {err}")))?,
            );
        }
        e.name = name;
        e.tags = tags.unwrap_or_default();
        e.declared_parent = parent.map(|p| plan_prefix(p, "parent")).transpose()?;
        self.entries.push(e);
        Ok(())
    }

    /// Builds the tree and runs every check: a :class:`Report`, as :func:`check` gives for a
    /// plan file.
    fn check(&self) -> PyResult<Report> {
        let plan = Plan::new(self.entries.clone()).map_err(error)?;
        let findings = checks::check(&plan);
        Ok(Report { plan, findings })
    }

    fn __len__(&self) -> usize {
        self.entries.len()
    }

    fn __repr__(&self) -> String {
        format!("<ipv6kit.plan.Plan: {} prefixes>", self.entries.len())
    }
}

/// A ULA /48 (RFC 4193 §3.2): ``fd`` then a 40-bit global ID.
///
/// Args:
///     random: the 5 bytes of the global ID (``bytes`` or hex text); by default drawn from
///         ``os.urandom`` (RFC 4193 §3.2.1: any good random source will do).
///
/// >>> ipv6kit.plan.ula_prefix(bytes([0x3c, 0x9a, 0x41, 0x2b, 0x77]))
/// IPv6Network('fd3c:9a41:2b77::/48')
/// >>> import ipaddress
/// >>> ipv6kit.plan.ula_prefix().subnet_of(ipaddress.IPv6Network("fd00::/8"))
/// True
#[pyfunction]
#[pyo3(signature = (random = None))]
fn ula_prefix<'py>(py: Python<'py>, random: Option<&Bound<'py, PyAny>>) -> PyResult<Bound<'py, PyAny>> {
    let id: [u8; 5] = match random {
        Some(v) => crate::convert::fixed_bytes(v, "random")?,
        None => crate::convert::fixed_bytes(&py.import("os")?.getattr("urandom")?.call1((5,))?, "random")?,
    };
    py_ipv6_net(py, checks::ula_prefix(id))
}

/// A ULA /48 by RFC 4193 §3.2.2's algorithm: SHA-1 over the time of day in 64-bit NTP format
/// followed by an EUI-64 of the system; the global ID is the digest's least significant 40 bits.
///
/// Args:
///     ntp_time: the time as a 64-bit NTP timestamp (seconds since 1900 in the high 32 bits,
///         the fraction in the low 32).
///     eui64: an EUI-64 (``"02:11:22:ff:fe:33:44:55"``, any notation ``parse_eui64`` takes).
///
/// >>> ipv6kit.plan.ula_prefix_rfc4193(0x0123456789abcdef, "02:11:22:ff:fe:33:44:55")
/// IPv6Network('fd36:88c7:b3d9::/48')
#[pyfunction]
fn ula_prefix_rfc4193<'py>(
    py: Python<'py>,
    ntp_time: IntArg,
    eui64: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let ntp_time = ntp_time.get("ntp_time")?;
    let eui = crate::convert::eui64(eui64, "eui64")?;
    py_ipv6_net(py, checks::ula_prefix_rfc4193(ntp_time, eui))
}

/// True when the 40-bit global ID of a ULA prefix (a /48 or longer in ``fc00::/7``) looks
/// chosen rather than random (RFC 4193 §3.2): all zeros, three or fewer distinct hex digits,
/// six or more counting digits in a row, or a word like ``dead``, ``beef``, ``cafe`` as a whole
/// group. The check behind finding P203. Shorter prefixes have no global ID yet: ``False``.
///
/// >>> ipv6kit.plan.is_low_entropy_ula("fd00::/48"), ipv6kit.plan.is_low_entropy_ula("fd3c:9a41:2b77::/48")
/// (True, False)
#[pyfunction]
fn is_low_entropy_ula(prefix: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(checks::is_low_entropy_ula(ipv6_net(prefix, "prefix")?))
}

/// Adds `Plan` and the ULA functions to the `plan` submodule.
pub(super) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<PyPlan>()?;
    m.add_function(wrap_pyfunction!(ula_prefix, m)?)?;
    m.add_function(wrap_pyfunction!(ula_prefix_rfc4193, m)?)?;
    m.add_function(wrap_pyfunction!(is_low_entropy_ula, m)?)?;
    Ok(())
}
