//! `ipv6kit.sixrd`: 6rd (RFC 5969) delegations and DHCPv4 option 212, and 6to4.

use crate::convert::{
    error, ipv4_addr, ipv4_net, ipv6_addr, ipv6_net, py_ipv4, py_ipv4_net, py_ipv6, py_ipv6_net, Error, IntArg,
};
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
#[pyo3(
    signature = (sixrd_prefix, ipv4, ipv4_mask_len = IntArg::Fits(0)),
    text_signature = "(sixrd_prefix, ipv4, ipv4_mask_len=0)"
)]
fn delegated_prefix<'py>(
    sixrd_prefix: &Bound<'py, PyAny>,
    ipv4: &Bound<'py, PyAny>,
    ipv4_mask_len: IntArg,
) -> PyResult<Bound<'py, PyAny>> {
    let ipv4_mask_len = ipv4_mask_len.for_core("ipv4_mask_len", "0 to 32")?;
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
#[pyo3(
    signature = (sixrd_prefix, ipv4, ipv4_mask_len = IntArg::Fits(0), convention = "openwrt"),
    text_signature = "(sixrd_prefix, ipv4, ipv4_mask_len=0, convention='openwrt')"
)]
fn tunnel_address<'py>(
    sixrd_prefix: &Bound<'py, PyAny>,
    ipv4: &Bound<'py, PyAny>,
    ipv4_mask_len: IntArg,
    convention: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let ipv4_mask_len = ipv4_mask_len.for_core("ipv4_mask_len", "0 to 32")?;
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
#[pyo3(
    signature = (addr, sixrd_prefix, ipv4_mask_len = IntArg::Fits(0), relay_prefix = None),
    text_signature = "(addr, sixrd_prefix, ipv4_mask_len=0, relay_prefix=None)"
)]
fn extract_ipv4<'py>(
    addr: &Bound<'py, PyAny>,
    sixrd_prefix: &Bound<'py, PyAny>,
    ipv4_mask_len: IntArg,
    relay_prefix: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let ipv4_mask_len = ipv4_mask_len.for_core("ipv4_mask_len", "0 to 32")?;
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
    #[pyo3(
        signature = (prefix, ipv4_mask_len = IntArg::Fits(0), border_relays = Vec::new()),
        text_signature = "(prefix, ipv4_mask_len=0, border_relays=())"
    )]
    fn new(prefix: &Bound<'_, PyAny>, ipv4_mask_len: IntArg, border_relays: Vec<Bound<'_, PyAny>>) -> PyResult<Self> {
        let ipv4_mask_len = ipv4_mask_len.for_core("ipv4_mask_len", "0 to 32")?;
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

    /// The 6rd domain the CE with this IPv4 address is in (its relay prefix is the address's
    /// first ``ipv4_mask_len`` bits).
    fn domain_for(&self, ipv4: &Bound<'_, PyAny>) -> PyResult<PySixrdDomain> {
        let ce = ipv4_addr(ipv4, "ipv4")?;
        Ok(PySixrdDomain(self.0.domain_for(ce).map_err(error)?))
    }

    /// ISC dhclient's decimal text of the option: the prefix as eight 16-bit groups, printed
    /// negative from 0x8000 when ``signed`` (dhclient's ``integer 16``), else unsigned.
    ///
    /// >>> ipv6kit.sixrd.parse_option_212("0 28 2a01:e30:: 192.88.99.201").dhclient_groups()
    /// '0 28 10753 3632 0 0 0 0 0 0 192.88.99.201'
    #[pyo3(signature = (signed = true))]
    fn dhclient_groups(&self, signed: bool) -> String {
        self.0.dhclient_groups(signed).to_string()
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

/// A 6rd domain (RFC 5969): the 6rd prefix and the relay prefix (the ``IPv4MaskLen``
/// high-order bits every CE's IPv4 address shares), checked as Linux's sit driver checks them.
///
/// Args:
///     prefix: the 6rd prefix (``str`` or ``IPv6Network``).
///     relay_prefix: the relay prefix (``str`` or ``IPv4Network``); its length is IPv4MaskLen.
///     normalize: clear host bits in either prefix instead of refusing them.
///
/// Raises:
///     ipv6kit.Error: host bits set (without ``normalize``), or a delegation longer than /64.
///
/// >>> d = ipv6kit.sixrd.SixrdDomain("2001:db8::/32", "10.0.0.0/8")
/// >>> d.delegated_prefix("10.100.100.1"), d.border_relay_address("10.0.0.1")
/// (IPv6Network('2001:db8:6464:100::/56'), IPv6Address('2001:db8:0:100::'))
#[pyclass(module = "ipv6kit.sixrd", name = "SixrdDomain", frozen, eq, hash)]
#[derive(PartialEq, Eq, Hash)]
struct PySixrdDomain(SixrdDomain);

#[pymethods]
impl PySixrdDomain {
    #[new]
    #[pyo3(signature = (prefix, relay_prefix = None, normalize = false), text_signature = "(prefix, relay_prefix='0.0.0.0/0', normalize=False)")]
    fn new(prefix: &Bound<'_, PyAny>, relay_prefix: Option<&Bound<'_, PyAny>>, normalize: bool) -> PyResult<Self> {
        let p = ipv6_net(prefix, "prefix")?;
        let r = match relay_prefix {
            Some(r) => ipv4_net(r, "relay_prefix")?,
            None => Ipv4Net::new_assert(Ipv4Addr::UNSPECIFIED, 0),
        };
        let d = if normalize {
            SixrdDomain::new_normalized(p, r)
        } else {
            SixrdDomain::new(p, r)
        };
        Ok(PySixrdDomain(d.map_err(error)?))
    }

    /// The domain a CE is in, from the 6rd prefix, IPv4MaskLen and the CE's own IPv4 address
    /// (the relay prefix is the CE's first ``ipv4_mask_len`` bits, as OpenWrt's 6rd.sh has it).
    #[staticmethod]
    fn for_ce(prefix: &Bound<'_, PyAny>, ipv4_mask_len: IntArg, ipv4: &Bound<'_, PyAny>) -> PyResult<Self> {
        let ipv4_mask_len = ipv4_mask_len.for_core("ipv4_mask_len", "0 to 32")?;
        let p = ipv6_net(prefix, "prefix")?;
        let ce = ipv4_addr(ipv4, "ipv4")?;
        Ok(PySixrdDomain(SixrdDomain::for_ce(p, ipv4_mask_len, ce).map_err(error)?))
    }

    /// The 6to4 domain (RFC 3056): ``2002::/16`` with IPv4MaskLen 0, delegating a /48.
    #[staticmethod]
    fn six_to_four() -> Self {
        PySixrdDomain(SixrdDomain::SIX_TO_FOUR)
    }

    /// The 6rd prefix (``IPv6Network``).
    #[getter]
    fn prefix<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_ipv6_net(py, self.0.prefix())
    }
    /// The relay prefix (``IPv4Network``; ``0.0.0.0/0`` when IPv4MaskLen is 0).
    #[getter]
    fn relay_prefix<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_ipv4_net(py, self.0.relay_prefix())
    }
    /// IPv4MaskLen (``m``).
    #[getter]
    fn ipv4_mask_len(&self) -> u8 {
        self.0.ipv4_mask_len()
    }
    /// The length of every delegated prefix: ``n + 32 - m`` (at most 64).
    #[getter]
    fn delegated_len(&self) -> u8 {
        self.0.delegated_len()
    }

    /// The prefix delegated to the CE with this IPv4 address (``IPv6Network``).
    fn delegated_prefix<'py>(&self, ipv4: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let ce = ipv4_addr(ipv4, "ipv4")?;
        py_ipv6_net(ipv4.py(), self.0.delegated_prefix(ce).map_err(error)?)
    }

    /// The CE's tunnel address in subnet 0 (see :func:`tunnel_address` for ``convention``).
    #[pyo3(signature = (ipv4, convention = "openwrt"))]
    fn tunnel_address<'py>(&self, ipv4: &Bound<'py, PyAny>, convention: &str) -> PyResult<Bound<'py, PyAny>> {
        let ce = ipv4_addr(ipv4, "ipv4")?;
        py_ipv6(
            ipv4.py(),
            self.0
                .tunnel_address(ce, self::convention(convention)?)
                .map_err(error)?,
        )
    }

    /// A border relay's 6rd IPv6 address: its IPv4 address embedded after the 6rd prefix as a
    /// CE's is (RFC 5969 §4), interface identifier 0.
    fn border_relay_address<'py>(&self, relay: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let r = ipv4_addr(relay, "relay")?;
        py_ipv6(relay.py(), self.0.border_relay_address(r).map_err(error)?)
    }

    /// The /64s of the CE's delegation, subnet 0 (the tunnel's) first: an iterator of
    /// ``(IPv6Network, is_tunnel)`` (lazy: a /32 delegation has 2^32 of them).
    ///
    /// >>> d = ipv6kit.sixrd.SixrdDomain("2a01:e30::/28")
    /// >>> subnets = list(d.subnets("82.10.11.12"))
    /// >>> len(subnets), subnets[0]
    /// (16, (IPv6Network('2a01:e35:20a0:b0c0::/64'), True))
    fn subnets(&self, ipv4: &Bound<'_, PyAny>) -> PyResult<PySubnets> {
        let ce = ipv4_addr(ipv4, "ipv4")?;
        Ok(PySubnets(self.0.subnets(ce).map_err(error)?))
    }

    /// True when ``addr`` lies under the 6rd prefix.
    fn contains(&self, addr: &Bound<'_, PyAny>) -> PyResult<bool> {
        Ok(self.0.contains(ipv6_addr(addr, "addr")?))
    }

    /// The IPv4 address inside any address of the domain (``IPv4Address``).
    fn extract_ipv4<'py>(&self, addr: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        py_ipv4(addr.py(), self.0.extract_ipv4(ipv6_addr(addr, "addr")?).map_err(error)?)
    }

    fn __repr__(&self) -> String {
        format!("SixrdDomain('{}', '{}')", self.0.prefix(), self.0.relay_prefix())
    }
}

/// The /64s of a 6rd delegation, subnet 0 first: ``(IPv6Network, is_tunnel)`` pairs.
#[pyclass(module = "ipv6kit.sixrd", name = "Subnets")]
struct PySubnets(core6rd::Subnets);

#[pymethods]
impl PySubnets {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(mut slf: PyRefMut<'py, Self>) -> PyResult<Option<(Bound<'py, PyAny>, bool)>> {
        let py = slf.py();
        match slf.0.next() {
            Some(s) => Ok(Some((py_ipv6_net(py, s.prefix)?, s.tunnel))),
            None => Ok(None),
        }
    }

    fn __length_hint__(&self) -> usize {
        self.0.size_hint().0
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
    m.add_class::<PySixrdDomain>()?;
    m.add_class::<PySubnets>()?;
    m.add_function(wrap_pyfunction!(delegated_prefix, &m)?)?;
    m.add_function(wrap_pyfunction!(tunnel_address, &m)?)?;
    m.add_function(wrap_pyfunction!(extract_ipv4, &m)?)?;
    m.add_function(wrap_pyfunction!(parse_option_212, &m)?)?;
    m.add_function(wrap_pyfunction!(six_to_four_prefix, &m)?)?;
    m.add_function(wrap_pyfunction!(six_to_four_ipv4, &m)?)?;
    parent.setattr("sixrd", m)?;
    Ok(())
}
