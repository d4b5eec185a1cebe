//! `ipv6kit.sixrd`: 6rd (RFC 5969) delegations and DHCPv4 option 212, and 6to4.

use crate::convert::{error, ipv4_addr, ipv6_addr, ipv6_net, py_ipv4, py_ipv6, py_ipv6_net, Error};
use core::net::Ipv4Addr;
use ipnet::Ipv4Net;
use ipv6kit::sixrd::{self as core6rd, SixrdDomain, TunnelConvention};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyList, PyString};

fn domain(prefix: &Bound<'_, PyAny>, ipv4_mask_len: u8, relay: Option<Ipv4Addr>) -> PyResult<SixrdDomain> {
    let p = ipv6_net(prefix, "sixrd_prefix")?;
    let relay_prefix = Ipv4Net::new(relay.unwrap_or(Ipv4Addr::UNSPECIFIED), ipv4_mask_len)
        .map_err(|_| error(core6rd::SixrdError::Ipv4MaskLenTooLong(ipv4_mask_len)))?;
    SixrdDomain::new(p, relay_prefix).map_err(error)
}

fn convention(name: &str) -> PyResult<TunnelConvention> {
    match name {
        "openwrt" => Ok(TunnelConvention::OpenWrt),
        "subnet-router-anycast" => Ok(TunnelConvention::SubnetRouterAnycast),
        other => Err(Error::new_err(format!(
            "convention {other:?}: \"openwrt\" or \"subnet-router-anycast\" was expected"
        ))),
    }
}

/// The prefix a 6rd ISP delegates to the CE with this IPv4 address.
///
/// The 6rd prefix, then the CE's IPv4 address without its first ``ipv4_mask_len`` bits:
/// a prefix of ``n + 32 - m`` bits (RFC 5969 §4). Checked as Linux's sit driver checks:
/// host bits in the 6rd prefix and delegations longer than /64 are refused.
///
/// Args:
///     sixrd_prefix: the 6rd prefix (``str`` or ``IPv6Network``).
///     ipv4: the CE's IPv4 address (``str`` or ``IPv4Address``).
///     ipv4_mask_len: IPv4MaskLen, the high-order bits every CE shares (0 to 32).
///
/// >>> ipv6kit.sixrd.delegated_prefix("2a01:e30::/28", "82.10.11.12")  # Free
/// IPv6Network('2a01:e35:20a0:b0c0::/60')
#[pyfunction]
#[pyo3(signature = (sixrd_prefix, ipv4, ipv4_mask_len = 0))]
fn delegated_prefix<'py>(
    sixrd_prefix: &Bound<'py, PyAny>,
    ipv4: &Bound<'py, PyAny>,
    ipv4_mask_len: u8,
) -> PyResult<Bound<'py, PyAny>> {
    let ce = ipv4_addr(ipv4, "ipv4")?;
    let p = ipv6_net(sixrd_prefix, "sixrd_prefix")?;
    let d = SixrdDomain::for_ce(p, ipv4_mask_len, ce).map_err(error)?;
    py_ipv6_net(ipv4.py(), d.delegated_prefix(ce).map_err(error)?)
}

/// The address of the CE's 6rd tunnel interface, in subnet 0 of its delegation.
///
/// Args:
///     convention: ``"openwrt"`` (``::1`` in subnet 0, as OpenWrt's 6rd.sh) or
///         ``"subnet-router-anycast"`` (identifier 0).
///
/// >>> ipv6kit.sixrd.tunnel_address("2a01:e30::/28", "82.10.11.12")
/// IPv6Address('2a01:e35:20a0:b0c0::1')
#[pyfunction]
#[pyo3(signature = (sixrd_prefix, ipv4, ipv4_mask_len = 0, convention = "openwrt"))]
fn tunnel_address<'py>(
    sixrd_prefix: &Bound<'py, PyAny>,
    ipv4: &Bound<'py, PyAny>,
    ipv4_mask_len: u8,
    convention: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let ce = ipv4_addr(ipv4, "ipv4")?;
    let p = ipv6_net(sixrd_prefix, "sixrd_prefix")?;
    let d = SixrdDomain::for_ce(p, ipv4_mask_len, ce).map_err(error)?;
    py_ipv6(
        ipv4.py(),
        d.tunnel_address(ce, self::convention(convention)?).map_err(error)?,
    )
}

/// The CE's IPv4 address inside any address of a 6rd domain.
///
/// The relay prefix (the ``ipv4_mask_len`` bits every CE shares) followed by the ``32 - m``
/// bits after the 6rd prefix, as the sit driver computes it.
///
/// Args:
///     addr: an address under the 6rd prefix.
///     sixrd_prefix: the 6rd prefix.
///     ipv4_mask_len: IPv4MaskLen.
///     relay_prefix: the shared high-order IPv4 bits as an address (``"10.0.0.0"``); needed
///         when ``ipv4_mask_len`` is not 0.
///
/// >>> ipv6kit.sixrd.extract_ipv4("2a01:e35:20a0:b0c0::1", "2a01:e30::/28")
/// IPv4Address('82.10.11.12')
#[pyfunction]
#[pyo3(signature = (addr, sixrd_prefix, ipv4_mask_len = 0, relay_prefix = None))]
fn extract_ipv4<'py>(
    addr: &Bound<'py, PyAny>,
    sixrd_prefix: &Bound<'py, PyAny>,
    ipv4_mask_len: u8,
    relay_prefix: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let a = ipv6_addr(addr, "addr")?;
    let relay = relay_prefix.map(|r| ipv4_addr(r, "relay_prefix")).transpose()?;
    if relay.is_none() && ipv4_mask_len != 0 {
        return Err(Error::new_err("relay_prefix is needed when ipv4_mask_len is not 0"));
    }
    let d = domain(sixrd_prefix, ipv4_mask_len, relay)?;
    py_ipv4(addr.py(), d.extract_ipv4(a).map_err(error)?)
}

/// The 6to4 prefix of an IPv4 address: ``2002:V4::/48`` (RFC 3056).
///
/// >>> ipv6kit.sixrd.six_to_four_prefix("192.0.2.1")
/// IPv6Network('2002:c000:201::/48')
#[pyfunction]
fn six_to_four_prefix<'py>(ipv4: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    py_ipv6_net(ipv4.py(), core6rd::six_to_four_prefix(ipv4_addr(ipv4, "ipv4")?))
}

/// The IPv4 address inside a 6to4 address (``2002::/16``).
///
/// >>> ipv6kit.sixrd.six_to_four_ipv4("2002:c000:201::1")
/// IPv4Address('192.0.2.1')
#[pyfunction]
fn six_to_four_ipv4<'py>(addr: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    py_ipv4(
        addr.py(),
        core6rd::six_to_four_ipv4(ipv6_addr(addr, "addr")?).map_err(error)?,
    )
}

/// DHCPv4 option 212 (OPTION_6RD, RFC 5969 §7.1.1): a 6rd domain and its border relays.
///
/// Made by :func:`parse_option_212` or by the constructor. ``str()`` gives busybox udhcpc's
/// ``ip6rd`` text, ``to_bytes()`` the wire form.
#[pyclass(module = "ipv6kit.sixrd", name = "SixrdOption", frozen, eq, hash)]
#[derive(PartialEq, Eq, Hash)]
struct PySixrdOption(core6rd::SixrdOption);

#[pymethods]
impl PySixrdOption {
    /// An option from its fields, checked as the sit driver checks a 6rd configuration.
    #[new]
    #[pyo3(signature = (prefix, ipv4_mask_len = 0, border_relays = Vec::new()))]
    fn new(prefix: &Bound<'_, PyAny>, ipv4_mask_len: u8, border_relays: Vec<Bound<'_, PyAny>>) -> PyResult<Self> {
        let p = ipv6_net(prefix, "prefix")?;
        let relays = border_relays
            .iter()
            .map(|r| ipv4_addr(r, "border_relays"))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(PySixrdOption(
            core6rd::SixrdOption::new(ipv4_mask_len, p, &relays).map_err(error)?,
        ))
    }

    /// The 6rd prefix (``IPv6Network``).
    #[getter]
    fn prefix<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_ipv6_net(py, self.0.prefix())
    }

    /// IPv4MaskLen: the high-order bits of the CE's IPv4 address the domain shares.
    #[getter]
    fn ipv4_mask_len(&self) -> u8 {
        self.0.ipv4_mask_len()
    }

    /// The border relays' IPv4 addresses (``list[IPv4Address]``).
    #[getter]
    fn border_relays<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let out = PyList::empty(py);
        for r in self.0.border_relays() {
            out.append(py_ipv4(py, *r)?)?;
        }
        Ok(out)
    }

    /// The prefix delegated to the CE with this IPv4 address (``IPv6Network``).
    fn delegated_prefix<'py>(&self, ipv4: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let ce = ipv4_addr(ipv4, "ipv4")?;
        let d = self.0.domain_for(ce).map_err(error)?;
        py_ipv6_net(ipv4.py(), d.delegated_prefix(ce).map_err(error)?)
    }

    /// The CE's tunnel address (see :func:`tunnel_address`).
    #[pyo3(signature = (ipv4, convention = "openwrt"))]
    fn tunnel_address<'py>(&self, ipv4: &Bound<'py, PyAny>, convention: &str) -> PyResult<Bound<'py, PyAny>> {
        let ce = ipv4_addr(ipv4, "ipv4")?;
        let d = self.0.domain_for(ce).map_err(error)?;
        py_ipv6(
            ipv4.py(),
            d.tunnel_address(ce, self::convention(convention)?).map_err(error)?,
        )
    }

    /// The whole option on the wire: code 212, length, payload.
    fn to_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let mut buf = vec![0u8; self.0.buffer_len()];
        let n = self.0.emit(&mut buf).map_err(error)?;
        buf.truncate(n);
        Ok(PyBytes::new(py, &buf))
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self) -> String {
        format!("SixrdOption('{}')", self.0)
    }
}

/// Parses DHCPv4 option 212 from the wire or from a DHCP client's text.
///
/// Args:
///     data: ``bytes``: the whole option (code 212, length, payload), or only the payload with
///         ``payload=True``; ``str``: busybox udhcpc's ``ip6rd`` (``"0 28 2a01:e30:: 192.88.99.201"``)
///         or ISC dhclient's decimal-group form.
///     payload: ``data`` is only the payload (bytes only).
///
/// Returns:
///     A :class:`SixrdOption` with ``.prefix``, ``.ipv4_mask_len``, ``.border_relays``.
///
/// >>> opt = ipv6kit.sixrd.parse_option_212("0 28 2a01:e30:: 192.88.99.201")
/// >>> opt.prefix, opt.ipv4_mask_len, opt.border_relays
/// (IPv6Network('2a01:e30::/28'), 0, [IPv4Address('192.88.99.201')])
#[pyfunction]
#[pyo3(signature = (data, payload = false))]
fn parse_option_212(data: &Bound<'_, PyAny>, payload: bool) -> PyResult<PySixrdOption> {
    if let Ok(s) = data.cast::<PyString>() {
        return Ok(PySixrdOption(
            core6rd::SixrdOption::parse_text(&s.to_cow()?).map_err(error)?,
        ));
    }
    if let Ok(b) = data.cast::<PyBytes>() {
        let bytes = b.as_bytes();
        let parsed = if payload {
            core6rd::SixrdOption::parse_payload(bytes)
        } else {
            core6rd::SixrdOption::parse(bytes)
        };
        return Ok(PySixrdOption(parsed.map_err(error)?));
    }
    let found = data.get_type().name().map(|n| n.to_string()).unwrap_or_default();
    Err(pyo3::exceptions::PyTypeError::new_err(format!(
        "data must be bytes or a str, not {found}"
    )))
}

/// Adds the submodule `sixrd` to `parent`.
pub(crate) fn register(parent: &Bound<'_, PyModule>) -> PyResult<()> {
    let m = PyModule::new(parent.py(), "ipv6kit.sixrd")?;
    m.add(
        "__doc__",
        "6rd (RFC 5969): delegated prefixes, tunnel addresses, DHCPv4 option 212; and 6to4.",
    )?;
    m.add_class::<PySixrdOption>()?;
    m.add_function(wrap_pyfunction!(delegated_prefix, &m)?)?;
    m.add_function(wrap_pyfunction!(tunnel_address, &m)?)?;
    m.add_function(wrap_pyfunction!(extract_ipv4, &m)?)?;
    m.add_function(wrap_pyfunction!(parse_option_212, &m)?)?;
    m.add_function(wrap_pyfunction!(six_to_four_prefix, &m)?)?;
    m.add_function(wrap_pyfunction!(six_to_four_ipv4, &m)?)?;
    parent.setattr("sixrd", m)?;
    Ok(())
}
