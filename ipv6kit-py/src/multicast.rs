//! Multicast addresses decoded: `ipv6kit.multicast_info`, `group_name`, `multicast_groups`.

use crate::convert::{error, ipv6_addr, py_ipv6};
use ipv6kit::multicast::{self as mc, Form, MulticastInfo as CoreInfo};
use pyo3::prelude::*;
use pyo3::types::PyList;

/// The flags nibble of a multicast address, ``ff<flags><scope>::`` (RFC 4291 §2.7, RFC 3306,
/// RFC 3956, RFC 7371).
#[pyclass(module = "ipv6kit", frozen, eq, hash)]
#[derive(PartialEq, Eq, Hash)]
pub(crate) struct MulticastFlags(mc::Flags);

#[pymethods]
impl MulticastFlags {
    /// X (0x8): reserved, the high bit (RFC 7371).
    #[getter]
    fn x(&self) -> bool {
        self.0.x
    }
    /// R (0x4): a rendezvous point address is embedded (RFC 3956).
    #[getter]
    fn rendezvous_point(&self) -> bool {
        self.0.rendezvous_point
    }
    /// P (0x2): the address is based on a unicast prefix (RFC 3306).
    #[getter]
    fn prefix_based(&self) -> bool {
        self.0.prefix_based
    }
    /// T (0x1): transient (not permanently assigned by IANA).
    #[getter]
    fn transient(&self) -> bool {
        self.0.transient
    }

    fn __repr__(&self) -> String {
        let py_bool = |b: bool| if b { "True" } else { "False" };
        format!(
            "MulticastFlags(x={}, rendezvous_point={}, prefix_based={}, transient={})",
            py_bool(self.0.x),
            py_bool(self.0.rendezvous_point),
            py_bool(self.0.prefix_based),
            py_bool(self.0.transient)
        )
    }
}

/// A decoded multicast address: flags, scope, the group ID's form, the group's name.
///
/// ``form`` is ``"plain"`` (``group_id`` is the 112-bit group ID), ``"prefix-based"``
/// (RFC 3306: ``prefix``, ``prefix_len``, a 32-bit ``group_id``; ``source_specific`` for
/// ``ff3x::/32``, RFC 4607) or ``"embedded-rp"`` (RFC 3956: ``rendezvous_point``, ``rp_iid``,
/// ``prefix_len``, ``group_id``). ``str()`` is the core's one-line description.
#[pyclass(module = "ipv6kit", frozen)]
pub(crate) struct MulticastInfo(CoreInfo);

#[pymethods]
impl MulticastInfo {
    /// The address decoded.
    #[getter]
    fn address<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_ipv6(py, self.0.address)
    }
    /// The scope's name (``"link-local"``, ``"global"``, ``"unassigned (6)"``, ...).
    #[getter]
    fn scope(&self) -> String {
        self.0.scope.to_string()
    }
    /// The scope's 4-bit value.
    #[getter]
    fn scope_value(&self) -> u8 {
        self.0.scope.nibble()
    }
    /// The flags.
    #[getter]
    fn flags(&self) -> MulticastFlags {
        MulticastFlags(self.0.flags)
    }
    /// ``"plain"``, ``"prefix-based"`` or ``"embedded-rp"``.
    #[getter]
    fn form(&self) -> &'static str {
        match self.0.form {
            Form::Plain { .. } => "plain",
            Form::PrefixBased { .. } => "prefix-based",
            Form::EmbeddedRp { .. } => "embedded-rp",
        }
    }
    /// The group ID: 112 bits in the plain form, 32 bits in the others.
    #[getter]
    fn group_id(&self) -> u128 {
        match self.0.form {
            Form::Plain { group_id } => group_id,
            Form::PrefixBased { group_id, .. } | Form::EmbeddedRp { group_id, .. } => group_id.into(),
        }
    }
    /// The embedded network prefix (prefix-based form; bits beyond ``prefix_len`` as carried).
    #[getter]
    fn prefix<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        match self.0.form {
            Form::PrefixBased { prefix, .. } => py_ipv6(py, prefix).map(Some),
            _ => Ok(None),
        }
    }
    /// The embedded prefix length, as carried (prefix-based and embedded-RP forms).
    #[getter]
    fn prefix_len(&self) -> Option<u8> {
        match self.0.form {
            Form::PrefixBased { prefix_len, .. } | Form::EmbeddedRp { prefix_len, .. } => Some(prefix_len),
            Form::Plain { .. } => None,
        }
    }
    /// True for the source-specific range ``ff3x::/32`` (RFC 4607).
    #[getter]
    fn source_specific(&self) -> bool {
        matches!(
            self.0.form,
            Form::PrefixBased {
                source_specific: true,
                ..
            }
        )
    }
    /// The rendezvous point's address (embedded-RP form).
    #[getter]
    fn rendezvous_point<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        match self.0.form {
            Form::EmbeddedRp { rendezvous_point, .. } => py_ipv6(py, rendezvous_point).map(Some),
            _ => Ok(None),
        }
    }
    /// The 4-bit RP interface ID (embedded-RP form).
    #[getter]
    fn rp_iid(&self) -> Option<u8> {
        match self.0.form {
            Form::EmbeddedRp { rp_iid, .. } => Some(rp_iid),
            _ => None,
        }
    }
    /// The well-known name of the group (``"all-nodes"``, ``"solicited-node"``, ...), or ``None``.
    #[getter]
    fn name(&self) -> Option<&'static str> {
        self.0.name
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self) -> String {
        format!("<ipv6kit.MulticastInfo {}: {}>", self.0.address, self.0)
    }
}

/// Decodes a multicast address: flags, scope, the group ID's form and the group's name.
///
/// Raises:
///     ipv6kit.Error: the address is not multicast.
///
/// >>> m = ipv6kit.multicast_info("ff7e:140:2001:db8:beef:feed::1234")  # RFC 3956 §3
/// >>> m.scope, m.form, m.rendezvous_point, m.group_id
/// ('global', 'embedded-rp', IPv6Address('2001:db8:beef:feed::1'), 4660)
/// >>> str(ipv6kit.multicast_info("ff02::1"))
/// 'scope link-local, all-nodes, group id 0x1'
#[pyfunction]
pub(crate) fn multicast_info(addr: &Bound<'_, PyAny>) -> PyResult<MulticastInfo> {
    Ok(MulticastInfo(mc::decode(ipv6_addr(addr, "addr")?).map_err(error)?))
}

/// The well-known name of a multicast group (``"solicited-node"`` for that range), or ``None``.
///
/// >>> ipv6kit.group_name("ff02::fb")
/// 'mDNS'
#[pyfunction]
pub(crate) fn group_name(addr: &Bound<'_, PyAny>) -> PyResult<Option<&'static str>> {
    Ok(mc::groups::name(ipv6_addr(addr, "addr")?))
}

/// Every named multicast group ipv6kit knows, as ``(address, name)`` pairs.
///
/// >>> {str(a): name for a, name in ipv6kit.multicast_groups()}["ff02::2"]
/// 'all-routers'
#[pyfunction]
pub(crate) fn multicast_groups(py: Python<'_>) -> PyResult<Bound<'_, PyList>> {
    let out = PyList::empty(py);
    for (addr, name) in mc::groups::ALL {
        out.append((py_ipv6(py, *addr)?, *name))?;
    }
    Ok(out)
}

/// Registers the multicast functions and classes on the root module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<MulticastInfo>()?;
    m.add_class::<MulticastFlags>()?;
    m.add_function(wrap_pyfunction!(multicast_info, m)?)?;
    m.add_function(wrap_pyfunction!(group_name, m)?)?;
    m.add_function(wrap_pyfunction!(multicast_groups, m)?)?;
    Ok(())
}
