//! The address functions: multicast groups, identifiers and the addresses made from them.

use crate::batch::{collect, for_each_address, for_each_mac, Items, Output};
use crate::convert::{error, ipv6_addr, ipv6_net, mac_str, py_ipv6, IntArg};
use ipv6kit::iid::{self, Iid};
use ipv6kit::multicast;
use ipv6kit::MacAddr6;
use pyo3::prelude::*;
use pyo3::types::PyList;

/// The solicited-node multicast group of a unicast or anycast address.
///
/// ``ff02::1:ff00:0/104`` followed by the low 24 bits of ``addr`` (RFC 4291 §2.7.1): the group
/// a host joins for each of its addresses and to which Neighbor Solicitations for it are sent.
///
/// Args:
///     addr: a ``str`` or ``ipaddress.IPv6Address``.
///
/// Returns:
///     The group, an ``ipaddress.IPv6Address``.
///
/// Raises:
///     ipv6kit.Error: ``addr`` does not parse, or is multicast (multicast addresses have
///         no solicited-node group).
///     TypeError: ``addr`` is neither a ``str`` nor an ``IPv6Address``.
///
/// >>> ipv6kit.solicited_node("2001:db8:ebbd:0:5066:64f6:547e:4872")
/// IPv6Address('ff02::1:ff7e:4872')
#[pyfunction]
pub(crate) fn solicited_node<'py>(addr: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let a = ipv6_addr(addr, "addr")?;
    py_ipv6(addr.py(), multicast::solicited_node_checked(a).map_err(error)?)
}

/// The solicited-node groups of many addresses, computed in one call.
///
/// Args:
///     addrs: any iterable of ``str`` or ``ipaddress.IPv6Address``, or the addresses packed
///         in a bytes-like object (``bytes``, ``bytearray``, ``memoryview``), 16 bytes each in
///         network order (``b"".join(a.packed for a in addrs)``, a NumPy ``"V16"`` array's
///         ``.data``).
///     output: the form of the result (keyword only):
///
///         - ``"address"`` (default): a ``list`` of ``ipaddress.IPv6Address``;
///         - ``"str"``: a ``list`` of ``str``, the text ``str(IPv6Address)`` gives (RFC 5952);
///         - ``"int"``: a ``list`` of ``int``;
///         - ``"packed"``: one ``bytes``, 16 per group in order, for
///           ``numpy.frombuffer(b, dtype="V16")`` or a file.
///
///         The forms other than ``"address"`` make fewer Python objects (none for
///         ``"packed"``) and are faster.
///
/// Returns:
///     The groups, in the order of ``addrs``, in the form ``output`` names.
///
/// Raises:
///     ipv6kit.Error: an item does not parse or is multicast (the message gives its index);
///         packed input whose length is not a multiple of 16; an unknown ``output``.
///     TypeError: ``addrs`` is not iterable, or an item has the wrong type (with its index).
///
/// >>> ipv6kit.solicited_nodes(["2001:db8::1", "fe80::ba27:ebff:fe89:bc51"])
/// [IPv6Address('ff02::1:ff00:1'), IPv6Address('ff02::1:ff89:bc51')]
/// >>> ipv6kit.solicited_nodes(["2001:db8::1", "fe80::ba27:ebff:fe89:bc51"], output="str")
/// ['ff02::1:ff00:1', 'ff02::1:ff89:bc51']
/// >>> packed = ipv6kit.solicited_nodes(bytes(16) + bytes(15) + b"\x01", output="packed")
/// >>> len(packed), packed[-4:].hex()
/// (32, 'ff000001')
#[pyfunction]
#[pyo3(signature = (addrs, *, output = "address"))]
pub(crate) fn solicited_nodes<'py>(addrs: &Bound<'py, PyAny>, output: &str) -> PyResult<Bound<'py, PyAny>> {
    let output = Output::parse(output)?;
    let items = Items::of(addrs, 16, "addresses")?;
    collect(addrs.py(), output, items.exact(16), |sink| {
        for_each_address(&items, |i, a| {
            let group = multicast::solicited_node_checked(a).map_err(|e| error(format_args!("item {i}: {e}")))?;
            sink.push(group)
        })
    })
}

/// True when ``addr`` lies in the solicited-node range ``ff02::1:ff00:0/104``.
///
/// The whole /104 is checked, not only the ``1:ffxx:xxxx`` suffix.
///
/// >>> ipv6kit.is_solicited_node("ff02::1:ff0e:8c6c"), ipv6kit.is_solicited_node("3ffe::1:ff00:1234")
/// (True, False)
#[pyfunction]
pub(crate) fn is_solicited_node(addr: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(multicast::is_solicited_node(ipv6_addr(addr, "addr")?))
}

/// The Ethernet destination MAC of an IPv6 multicast address (RFC 2464 §7).
///
/// ``33:33`` followed by the low 32 bits of the group.
///
/// Args:
///     addr: a multicast address, ``str`` or ``ipaddress.IPv6Address``.
///
/// Returns:
///     The MAC as a lowercase ``"33:33:xx:xx:xx:xx"`` string.
///
/// Raises:
///     ipv6kit.Error: ``addr`` does not parse or is not multicast (ff00::/8).
///
/// >>> ipv6kit.multicast_mac("ff02::1:ff0e:8c6c")
/// '33:33:ff:0e:8c:6c'
#[pyfunction]
pub(crate) fn multicast_mac(addr: &Bound<'_, PyAny>) -> PyResult<String> {
    let a = ipv6_addr(addr, "addr")?;
    Ok(mac_str(multicast::multicast_mac(a).map_err(error)?))
}

/// The link-local address ``fe80::/64`` + the modified EUI-64 of a MAC.
///
/// The address Linux forms with ``addr_gen_mode`` 0 (RFC 4291 Appendix A: ``ff:fe`` inserted
/// in the middle, the universal/local bit inverted).
///
/// Args:
///     mac: a ``str`` in any common notation: ``"b8:27:eb:89:bc:51"``, ``"b8-27-eb-89-bc-51"``,
///         ``"b827.eb89.bc51"`` or ``"b827eb89bc51"``, either case.
///
/// Raises:
///     ipv6kit.Error: ``mac`` does not parse (the message names the bad part).
///
/// >>> ipv6kit.link_local("b8:27:eb:89:bc:51")
/// IPv6Address('fe80::ba27:ebff:fe89:bc51')
#[pyfunction]
pub(crate) fn link_local<'py>(mac: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let m = crate::convert::mac(mac, "mac")?;
    py_ipv6(mac.py(), iid::link_local(m))
}

/// The SLAAC address formed from a /64 prefix and a MAC (modified EUI-64, RFC 4862 §5.5.3).
///
/// Host bits in the prefix are masked off, never added to.
///
/// Args:
///     prefix: a /64, ``str`` (``"2001:db8:1::/64"``) or ``ipaddress.IPv6Network``.
///     mac: a ``str`` in any common MAC notation.
///
/// Raises:
///     ipv6kit.Error: the prefix or MAC does not parse, or the prefix is not a /64.
///
/// >>> ipv6kit.slaac("2001:db8:1::/64", "00:11:22:33:44:55")
/// IPv6Address('2001:db8:1:0:211:22ff:fe33:4455')
#[pyfunction]
pub(crate) fn slaac<'py>(prefix: &Bound<'py, PyAny>, mac: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let p = ipv6_net(prefix, "prefix")?;
    let m = crate::convert::mac(mac, "mac")?;
    py_ipv6(prefix.py(), iid::slaac(p, m).map_err(error)?)
}

/// The SLAAC addresses of many MACs in one /64, computed in one call.
///
/// Args:
///     prefix: a /64, ``str`` or ``ipaddress.IPv6Network``.
///     macs: any iterable of MAC strings (any notation :func:`parse_mac` accepts), or the
///         MACs packed in a bytes-like object (``bytes``, ``bytearray``, ``memoryview``),
///         6 bytes each.
///     output: the form of the result (keyword only), as for :func:`solicited_nodes`:
///         ``"address"`` (default, ``list[IPv6Address]``), ``"str"``, ``"int"`` or
///         ``"packed"`` (one ``bytes``, 16 per address).
///
/// Returns:
///     The addresses, in the order of ``macs``, in the form ``output`` names.
///
/// Raises:
///     ipv6kit.Error: the prefix is not a /64, an item does not parse (with its index),
///         packed input whose length is not a multiple of 6, or an unknown ``output``.
///     TypeError: ``macs`` is not iterable, or an item is not a ``str`` (with its index).
///
/// >>> ipv6kit.slaac_many("2001:db8:1::/64", ["00:11:22:33:44:55", "b8:27:eb:89:bc:51"])
/// [IPv6Address('2001:db8:1:0:211:22ff:fe33:4455'), IPv6Address('2001:db8:1:0:ba27:ebff:fe89:bc51')]
/// >>> ipv6kit.slaac_many("2001:db8:1::/64", bytes.fromhex("001122334455"), output="str")
/// ['2001:db8:1:0:211:22ff:fe33:4455']
#[pyfunction]
#[pyo3(signature = (prefix, macs, *, output = "address"))]
pub(crate) fn slaac_many<'py>(
    prefix: &Bound<'py, PyAny>,
    macs: &Bound<'py, PyAny>,
    output: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let output = Output::parse(output)?;
    let p = ipv6_net(prefix, "prefix")?;
    // The prefix is judged once, before any item: a batch refuses a prefix that is not a /64
    // even when it is empty, with the core's message, which then names no item.
    iid::slaac(p, MacAddr6::nil()).map_err(error)?;
    let items = Items::of(macs, 6, "MACs")?;
    collect(prefix.py(), output, items.exact(6), |sink| {
        for_each_mac(&items, |_, m| sink.push(iid::slaac(p, m).map_err(error)?))
    })
}

/// The MAC inside an address's interface identifier, or ``None``.
///
/// Defined when the IID is a MAC-derived modified EUI-64 (``ff:fe`` in its middle); the
/// universal/local bit is inverted back.
///
/// Args:
///     addr: a ``str`` or ``ipaddress.IPv6Address``.
///
/// Returns:
///     The MAC as a lowercase colon-separated string, or ``None`` when the IID carries none.
///
/// >>> ipv6kit.mac_from_iid("2001:470:db8:101:211:24ff:fece:f1a")
/// '00:11:24:ce:0f:1a'
/// >>> ipv6kit.mac_from_iid("2001:470:db8:101::9c5") is None
/// True
#[pyfunction]
pub(crate) fn mac_from_iid(addr: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    Ok(Iid::of(ipv6_addr(addr, "addr")?).to_mac().map(mac_str))
}

/// A MAC in any common notation, normalised to lowercase colon-separated form.
///
/// >>> ipv6kit.parse_mac("B827.EB89.BC51")
/// 'b8:27:eb:89:bc:51'
#[pyfunction]
pub(crate) fn parse_mac(mac: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(mac_str(crate::convert::mac(mac, "mac")?))
}

/// An EUI-64 in canonical form: lowercase, colon-separated.
///
/// Args:
///     eui64: a ``str`` in any common notation: ``"00:11:22:ff:fe:33:44:55"``,
///         ``"0011.22ff.fe33.4455"``, ``"001122fffe334455"``, either case.
///
/// >>> ipv6kit.parse_eui64("0012.4B00.0102.0304")
/// '00:12:4b:00:01:02:03:04'
#[pyfunction]
pub(crate) fn parse_eui64(eui64: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(crate::convert::eui64_str(crate::convert::eui64(eui64, "eui64")?))
}

/// The SLAAC address formed from a /64 prefix and a native EUI-64 (IEEE 802.15.4, FireWire):
/// the modified EUI-64 identifier is the EUI-64 with the universal/local bit inverted
/// (RFC 4291 Appendix A, RFC 4944 §6).
///
/// Raises:
///     ipv6kit.Error: the prefix or EUI-64 does not parse, or the prefix is not a /64.
///
/// >>> ipv6kit.slaac_eui64("2001:db8:1::/64", "00:12:4b:00:01:02:03:04")
/// IPv6Address('2001:db8:1:0:212:4b00:102:304')
#[pyfunction]
pub(crate) fn slaac_eui64<'py>(prefix: &Bound<'py, PyAny>, eui64: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let p = ipv6_net(prefix, "prefix")?;
    let e = crate::convert::eui64(eui64, "eui64")?;
    py_ipv6(prefix.py(), iid::slaac(p, e).map_err(error)?)
}

/// The EUI-64 an address's interface identifier encodes as a modified EUI-64 (the
/// universal/local bit inverted back). Always defined, whether or not the identifier came
/// from one: :func:`classify` says which identifiers did.
///
/// >>> ipv6kit.eui64_from_iid("fe80::ba27:ebff:fe89:bc51")
/// 'b8:27:eb:ff:fe:89:bc:51'
#[pyfunction]
pub(crate) fn eui64_from_iid(addr: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(crate::convert::eui64_str(Iid::of(ipv6_addr(addr, "addr")?).to_eui64()))
}

/// Registers the functions of this file on the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(solicited_node, m)?)?;
    m.add_function(wrap_pyfunction!(solicited_nodes, m)?)?;
    m.add_function(wrap_pyfunction!(is_solicited_node, m)?)?;
    m.add_function(wrap_pyfunction!(multicast_mac, m)?)?;
    m.add_function(wrap_pyfunction!(link_local, m)?)?;
    m.add_function(wrap_pyfunction!(parse_eui64, m)?)?;
    m.add_function(wrap_pyfunction!(slaac_eui64, m)?)?;
    m.add_function(wrap_pyfunction!(eui64_from_iid, m)?)?;
    m.add_function(wrap_pyfunction!(slaac, m)?)?;
    m.add_function(wrap_pyfunction!(slaac_many, m)?)?;
    m.add_function(wrap_pyfunction!(mac_from_iid, m)?)?;
    m.add_function(wrap_pyfunction!(parse_mac, m)?)?;
    Ok(())
}

/// The class name of an address's interface identifier.
///
/// One of ``"teredo"``, ``"reserved"``, ``"ieee-derived"``, ``"isatap"``, ``"embedded-ipv4"``,
/// ``"embedded-port"``, ``"low-byte"``, ``"pattern-bytes"``, ``"randomized"``: the core's
/// deterministic classification (the union of ipv6calc's and addr6's taxonomies). For the
/// details (the MAC, the embedded IPv4, the port) see :func:`describe_iid`.
///
/// >>> ipv6kit.classify("fe80::ba27:ebff:fe89:bc51"), ipv6kit.classify("2001:db8::1")
/// ('ieee-derived', 'low-byte')
#[pyfunction]
pub(crate) fn classify(addr: &Bound<'_, PyAny>) -> PyResult<&'static str> {
    Ok(iid::classify(ipv6_addr(addr, "addr")?).name())
}

/// The class names of many addresses' identifiers, computed in one call.
///
/// Args:
///     addrs: any iterable of ``str`` or ``ipaddress.IPv6Address``, or the addresses packed
///         in a bytes-like object (``bytes``, ``bytearray``, ``memoryview``), 16 bytes each.
///
/// Returns:
///     A list of class names (see :func:`classify`), in the order of ``addrs``.
///
/// Raises:
///     ipv6kit.Error: an item does not parse (with its index), or packed input whose length
///         is not a multiple of 16.
///     TypeError: ``addrs`` is not iterable, or an item has the wrong type (with its index).
///
/// >>> ipv6kit.classify_many(["2001:db8::1", "2001:db8::443"])
/// ['low-byte', 'embedded-port']
/// >>> ipv6kit.classify_many(bytes.fromhex("fe800000000000000211223344556677"))
/// ['randomized']
#[pyfunction]
pub(crate) fn classify_many<'py>(addrs: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    let py = addrs.py();
    let items = Items::of(addrs, 16, "addresses")?;
    let out = PyList::empty(py);
    for_each_address(&items, |_, a| {
        out.append(pyo3::types::PyString::intern(py, iid::classify(a).name()))
    })?;
    Ok(out)
}

/// The classification of an address's identifier in words, with its details.
///
/// >>> ipv6kit.describe_iid("fe80::ba27:ebff:fe89:bc51")
/// 'ieee-derived (MAC b8:27:eb:89:bc:51, universal)'
#[pyfunction]
pub(crate) fn describe_iid(addr: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(iid::classify(ipv6_addr(addr, "addr")?).to_string())
}

/// The address under ``prefix`` whose identifier spells ``text`` (ipv6board).
///
/// Up to 8 printable ASCII characters, padded on the right with spaces; the prefix may be up
/// to a /64.
///
/// Raises:
///     ipv6kit.Error: text longer than 8 bytes or not printable ASCII; prefix longer than /64.
///
/// >>> ipv6kit.text_address("2001:6b0:1001:105::/64", "Awesome!")
/// IPv6Address('2001:6b0:1001:105:4177:6573:6f6d:6521')
#[pyfunction]
pub(crate) fn text_address<'py>(prefix: &Bound<'py, PyAny>, text: &str) -> PyResult<Bound<'py, PyAny>> {
    let p = ipv6_net(prefix, "prefix")?;
    py_ipv6(prefix.py(), iid::playful::text_address(p, text).map_err(error)?)
}

/// The text an address's identifier spells (8 printable ASCII bytes), or ``None``.
///
/// >>> ipv6kit.iid_text("2001:6b0:1001:105:4950:7636:2042:6420")
/// 'IPv6 Bd '
#[pyfunction]
pub(crate) fn iid_text(addr: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    Ok(Iid::of(ipv6_addr(addr, "addr")?)
        .to_text()
        .map(|t| t.as_str().to_owned()))
}

/// The address under ``prefix`` that shows ``colour`` (the IPv6 Christmas tree).
///
/// Args:
///     prefix: up to a /64, ``str`` or ``ipaddress.IPv6Network``.
///     colour: ``"#rrggbb"``, ``"rrggbb"`` or an ``(r, g, b)`` tuple of ints 0–255.
///
/// >>> ipv6kit.colour_address("2a05:9b81:2020::/48", "#AABBCC")
/// IPv6Address('2a05:9b81:2020::aa:bb:cc')
#[pyfunction]
pub(crate) fn colour_address<'py>(
    prefix: &Bound<'py, PyAny>,
    colour: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let p = ipv6_net(prefix, "prefix")?;
    let c = crate::convert::colour(colour)?;
    py_ipv6(prefix.py(), iid::playful::colour_address(p, c).map_err(error)?)
}

/// The colour an address's identifier shows (``"#rrggbb"``), or ``None``.
///
/// >>> ipv6kit.iid_colour("2a05:9b81:2020::ff:0:0")
/// '#ff0000'
#[pyfunction]
pub(crate) fn iid_colour(addr: &Bound<'_, PyAny>) -> PyResult<Option<String>> {
    Ok(iid::Colour::from_iid(Iid::of(ipv6_addr(addr, "addr")?)).map(|c| c.to_string()))
}

/// The ``ip6.arpa`` name of an address, or the reverse zone of a nibble-aligned prefix.
///
/// Unlike ``IPv6Network.reverse_pointer`` (which reverses the text with its ``/48``), a
/// prefix gives its zone name.
///
/// Args:
///     addr_or_prefix: an address (``str`` or ``IPv6Address``) or a prefix (``str`` with a
///         ``/`` or ``IPv6Network``).
///
/// Raises:
///     ipv6kit.Error: a prefix whose length is not a multiple of 4 (see
///         :func:`covering_zones`), or with host bits set.
///
/// >>> ipv6kit.reverse_name("2001:db8:ebbd::/48")
/// 'd.b.b.e.8.b.d.0.1.0.0.2.ip6.arpa'
#[pyfunction]
pub(crate) fn reverse_name(addr_or_prefix: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(
        match crate::convert::ipv6_addr_or_net(addr_or_prefix, "addr_or_prefix")? {
            crate::convert::AddrOrNet::Addr(a) => ipv6kit::dns::reverse_name(a).to_string(),
            crate::convert::AddrOrNet::Net(n) => ipv6kit::dns::zone_name(n).map_err(error)?.to_string(),
        },
    )
}

/// The reverse zones at the next nibble boundary that exactly cover a prefix.
///
/// One zone for a nibble-aligned prefix; 2, 4 or 8 for one that is 3, 2 or 1 bits short.
///
/// Returns:
///     A list of ``(IPv6Network, zone name)`` pairs.
///
/// >>> [name for _, name in ipv6kit.covering_zones("2001:db8:ebbd:9908::/63")]
/// ['8.0.9.9.d.b.b.e.8.b.d.0.1.0.0.2.ip6.arpa', '9.0.9.9.d.b.b.e.8.b.d.0.1.0.0.2.ip6.arpa']
#[pyfunction]
pub(crate) fn covering_zones<'py>(prefix: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    let py = prefix.py();
    let p = ipv6_net(prefix, "prefix")?;
    let out = PyList::empty(py);
    for (net, name) in ipv6kit::dns::covering_zones(p) {
        out.append((crate::convert::py_ipv6_net(py, net)?, name.to_string()))?;
    }
    Ok(out)
}

/// The prefix an ``ip6.arpa`` name stands for (a /128 for a full PTR name).
///
/// >>> ipv6kit.parse_reverse_name("8.b.d.0.1.0.0.2.ip6.arpa.")
/// IPv6Network('2001:db8::/32')
#[pyfunction]
pub(crate) fn parse_reverse_name<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    crate::convert::py_ipv6_net(py, ipv6kit::dns::parse_reverse_name(name).map_err(error)?)
}

/// Registers the identifier and DNS functions on the module.
pub(crate) fn register_more(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(classify, m)?)?;
    m.add_function(wrap_pyfunction!(classify_many, m)?)?;
    m.add_function(wrap_pyfunction!(describe_iid, m)?)?;
    m.add_function(wrap_pyfunction!(text_address, m)?)?;
    m.add_function(wrap_pyfunction!(iid_text, m)?)?;
    m.add_function(wrap_pyfunction!(colour_address, m)?)?;
    m.add_function(wrap_pyfunction!(iid_colour, m)?)?;
    m.add_function(wrap_pyfunction!(reverse_name, m)?)?;
    m.add_function(wrap_pyfunction!(covering_zones, m)?)?;
    m.add_function(wrap_pyfunction!(parse_reverse_name, m)?)?;
    Ok(())
}

/// The IPv4-embedded IPv6 address of ``ipv4`` under a NAT64 prefix (RFC 6052 §2.2).
///
/// Args:
///     prefix: /32, /40, /48, /56, /64 or /96 (``str`` or ``IPv6Network``), no host bits;
///         ``"64:ff9b::/96"`` is the Well-Known Prefix.
///     ipv4: ``str`` or ``IPv4Address``.
///
/// >>> ipv6kit.embed_ipv4("64:ff9b::/96", "192.0.2.33")
/// IPv6Address('64:ff9b::c000:221')
/// >>> ipv6kit.embed_ipv4("2001:db8:122::/48", "192.0.2.33")
/// IPv6Address('2001:db8:122:c000:2:2100::')
#[pyfunction]
pub(crate) fn embed_ipv4<'py>(prefix: &Bound<'py, PyAny>, ipv4: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let p = ipv6_net(prefix, "prefix")?;
    let v4 = crate::convert::ipv4_addr(ipv4, "ipv4")?;
    py_ipv6(prefix.py(), iid::embedded::embed(p, v4).map_err(error)?)
}

/// The IPv4 address embedded in an RFC 6052 address under a prefix of ``prefix_len`` bits.
///
/// >>> ipv6kit.extract_embedded_ipv4("2001:db8:122:c000:2:2100::", 48)
/// IPv4Address('192.0.2.33')
#[pyfunction]
#[pyo3(signature = (addr, prefix_len = IntArg::Fits(96)), text_signature = "(addr, prefix_len=96)")]
pub(crate) fn extract_embedded_ipv4<'py>(addr: &Bound<'py, PyAny>, prefix_len: IntArg) -> PyResult<Bound<'py, PyAny>> {
    let len = prefix_len.for_core("prefix_len", "32, 40, 48, 56, 64 or 96")?;
    let a = ipv6_addr(addr, "addr")?;
    crate::convert::py_ipv4(addr.py(), iid::embedded::extract(a, len).map_err(error)?)
}

/// Registers the RFC 6052 functions.
pub(crate) fn register_embedded(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(embed_ipv4, m)?)?;
    m.add_function(wrap_pyfunction!(extract_embedded_ipv4, m)?)?;
    Ok(())
}
