//! `ipv6kit.ndp`: Neighbor Discovery messages and options as typed Python objects.
//!
//! Every object keeps the core's lossless representation (`ndp::Message`, `ndp::NdpOption`), so
//! `to_bytes()` re-emits exactly what was parsed; the Python attributes are conversions of it.

use crate::convert::{error, ipv6_addr, ipv6_net, mac, mac_str, py_ipv6, py_ipv6_net, Error, IntArg};
use core::net::Ipv6Addr;
use core::ops::Deref;
use ipv6kit::ndp::option::{self as opt, LinkLayerAddress};
use ipv6kit::ndp::{
    self as core_ndp, build, frame, ChecksumMode, Header, Message, NaFlags, NdpOption, Packet, RaFlags,
    RouterPreference,
};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyList};

type Owned = NdpOption<Vec<u8>>;

fn bytes_of<'py>(py: Python<'py>, b: &[u8]) -> Bound<'py, PyAny> {
    PyBytes::new(py, b).into_any()
}

fn hex_colon(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect::<Vec<_>>().join(":")
}

fn preference_name(p: RouterPreference) -> &'static str {
    p.name()
}

/// A router or route preference (RFC 4191 §2.1) by name, the reserved value 10
/// (``"reserved"``, what the ``preference`` attributes read for it) included: RFC 4191 has
/// receivers treat it as medium in an RA (§2.2) and ignore an RIO carrying it (§2.3), and a
/// conformance test needs to send it, as the C API's `ipv6kit_router_preference` can. Used by
/// `RouterAdvertisement`, `RouteInformation` and `build_router_advertisement` alike.
fn preference_from(name: &str) -> PyResult<RouterPreference> {
    match name {
        "high" => Ok(RouterPreference::High),
        "medium" => Ok(RouterPreference::Medium),
        "low" => Ok(RouterPreference::Low),
        "reserved" => Ok(RouterPreference::Reserved),
        other => Err(Error::new_err(format!(
            "preference {other:?}: \"high\", \"medium\", \"low\" or \"reserved\" was expected"
        ))),
    }
}

/// The flags byte of an RA from the constructor's arguments: `flags` whole, or the parts (M, O,
/// H, Prf, P, the two reserved bits; a part not given is 0). With `flags`, a part given must
/// agree with it: a conflict is an `ipv6kit.Error` naming the part, never one side silently
/// preferred.
#[allow(clippy::too_many_arguments)]
fn ra_flags(
    flags: Option<&IntArg>,
    managed: Option<bool>,
    other: Option<bool>,
    home_agent: Option<bool>,
    preference: Option<&str>,
    proxy: Option<bool>,
    reserved: Option<&IntArg>,
) -> PyResult<RaFlags> {
    let given = flags.map(|v| v.fit::<u8>("flags", u8::MAX.into())).transpose()?;
    let mut f = RaFlags(given.unwrap_or(0));
    // `next` is `f` with part `name` set to `wanted` (`had` is what `f` has).
    let agree = |f: RaFlags, next: RaFlags, name: &str, wanted: &str, had: &str| match given {
        Some(byte) if next != f => Err(Error::new_err(format!(
            "{name}={wanted} conflicts with flags={byte:#04x}, which has {name}={had}"
        ))),
        _ => Ok(next),
    };
    let py_bool = |v: bool| if v { "True" } else { "False" };
    if let Some(v) = managed {
        f = agree(f, f.with_managed(v), "managed", py_bool(v), py_bool(f.managed()))?;
    }
    if let Some(v) = other {
        f = agree(f, f.with_other(v), "other", py_bool(v), py_bool(f.other()))?;
    }
    if let Some(v) = home_agent {
        f = agree(
            f,
            f.with_home_agent(v),
            "home_agent",
            py_bool(v),
            py_bool(f.home_agent()),
        )?;
    }
    if let Some(name) = preference {
        let p = preference_from(name)?;
        let (wanted, had) = (format!("'{}'", p.name()), format!("'{}'", f.preference().name()));
        f = agree(f, f.with_preference(p), "preference", &wanted, &had)?;
    }
    if let Some(v) = proxy {
        f = agree(f, f.with_proxy(v), "proxy", py_bool(v), py_bool(f.proxy()))?;
    }
    if let Some(arg) = reserved {
        let max = RaFlags::RESERVED.into();
        let bits: u8 = arg.fit("reserved", max)?;
        let next = f.with_reserved(bits).ok_or_else(|| arg.range_error("reserved", max))?;
        f = agree(f, next, "reserved", &bits.to_string(), &f.reserved().to_string())?;
    }
    Ok(f)
}

/// A reserved word (RS, NS, Redirect: the 32 bits after the checksum) from its argument.
fn reserved_word(arg: &IntArg) -> PyResult<u32> {
    arg.fit("reserved", u32::MAX.into())
}

/// `reserved=0x...` for a message's repr, when the reserved bits are not all zero.
fn reserved_field(fields: &mut Vec<String>, reserved: u32) {
    if reserved != 0 {
        fields.push(format!("reserved={reserved:#x}"));
    }
}

fn lla_text(l: &LinkLayerAddress<&[u8]>) -> String {
    match l.mac() {
        Some(m) => mac_str(m),
        None => hex_colon(l.as_bytes()),
    }
}

/// Defines one option class: the core option it holds, its attributes (converted once, when
/// the object is made) and an optional constructor.
macro_rules! option_class {
    (
        $(#[doc = $doc:literal])*
        $rust:ident, $name:literal, [$($field:ident = $fdoc:literal),*]
        $(, new($($arg:ident : $ty:ty $(= $default:expr)?),*) $sig:literal => $body:expr)?
    ) => {
        $(#[doc = $doc])*
        #[pyclass(module = "ipv6kit.ndp", name = $name, frozen)]
        pub(crate) struct $rust {
            raw: Owned,
            /// The attribute values, converted on first access.
            fields: PyOnceLock<Vec<Py<PyAny>>>,
        }

        #[pymethods]
        impl $rust {
            $(
                #[new]
                #[pyo3(signature = ($($arg $(= $default)?),*), text_signature = $sig)]
                fn py_new(py: Python<'_>, $($arg: $ty),*) -> PyResult<Self> {
                    let raw: Owned = $body;
                    Self::from_raw(py, raw)
                }
            )?

            $(
                #[doc = $fdoc]
                #[getter]
                fn $field(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
                    self.field(py, stringify!($field))
                }
            )*

            /// The option type number.
            #[getter(r#type)]
            fn option_type(&self) -> u8 {
                self.raw.option_type()
            }

            /// The option on the wire: type, Length, contents, zero padding.
            fn to_bytes<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
                option_bytes(py, &self.raw)
            }

            fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
                let mut parts: Vec<String> = Vec::new();
                $(parts.push(format!(concat!(stringify!($field), "={}"), self.field(py, stringify!($field))?.bind(py).repr()?));)*
                Ok(format!("{}({})", $name, parts.join(", ")))
            }

            /// rdisc6-like text.
            fn __str__(&self) -> String {
                self.raw.to_string().trim().to_owned()
            }

            fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
                other.cast::<Self>().map(|o| same_option(&o.get().raw, &self.raw)).unwrap_or(false)
            }
        }

        impl $rust {
            const NAMES: &'static [&'static str] = &[$(stringify!($field)),*];

            fn from_raw(_py: Python<'_>, raw: Owned) -> PyResult<Self> {
                Ok($rust { raw, fields: PyOnceLock::new() })
            }

            #[allow(dead_code)]
            fn field(&self, py: Python<'_>, name: &str) -> PyResult<Py<PyAny>> {
                let fields = self.fields.get_or_try_init(py, || option_fields(py, &self.raw))?;
                Self::NAMES
                    .iter()
                    .position(|n| *n == name)
                    .and_then(|i| fields.get(i))
                    .map(|f| f.clone_ref(py))
                    .ok_or_else(|| Error::new_err(format!("internal: option field {name} missing")))
            }
        }
    };
}

/// Options are equal when they are the same on the wire (a built DNSSL and the same one
/// parsed differ only in how the core stores the padding).
fn same_option(a: &Owned, b: &Owned) -> bool {
    a == b || (option_wire(a).is_some() && option_wire(a) == option_wire(b))
}

fn option_wire(o: &Owned) -> Option<Vec<u8>> {
    let mut buf = vec![0u8; o.buffer_len()];
    let n = o.emit(&mut buf).ok()?;
    buf.truncate(n);
    Some(buf)
}

fn option_bytes<'py>(py: Python<'py>, o: &Owned) -> PyResult<Bound<'py, PyBytes>> {
    let mut buf = vec![0u8; o.buffer_len()];
    let n = o.emit(&mut buf).map_err(error)?;
    buf.truncate(n);
    Ok(PyBytes::new(py, &buf))
}

/// The attribute values of an option, in the order its class lists them.
fn option_fields(py: Python<'_>, o: &Owned) -> PyResult<Vec<Py<PyAny>>> {
    let view = o.as_ref();
    let int = |v: u64| -> PyResult<Py<PyAny>> { Ok(v.into_pyobject(py)?.into_any().unbind()) };
    let boolean = |v: bool| -> Py<PyAny> { pyo3::types::PyBool::new(py, v).to_owned().into_any().unbind() };
    let text = |v: &str| -> PyResult<Py<PyAny>> { Ok(v.into_pyobject(py)?.into_any().unbind()) };
    Ok(match &view {
        NdpOption::SourceLinkLayerAddress(l) | NdpOption::TargetLinkLayerAddress(l) => vec![text(&lla_text(l))?],
        NdpOption::PrefixInformation(p) => vec![
            py_ipv6_net(py, p.network())?.unbind(),
            boolean(p.on_link()),
            boolean(p.autonomous()),
            boolean(p.router_address()),
            int(p.valid_lifetime.into())?,
            int(p.preferred_lifetime.into())?,
            boolean(p.dhcpv6_pd()),
        ],
        NdpOption::RedirectedHeader(r) => vec![bytes_of(py, r.packet).unbind()],
        NdpOption::Mtu(m) => vec![int(m.mtu.into())?],
        NdpOption::AdvertisementInterval(a) => vec![int(a.interval_ms.into())?],
        NdpOption::HomeAgentInformation(h) => vec![int(h.preference.into())?, int(h.lifetime.into())?],
        NdpOption::Nonce(n) => vec![bytes_of(py, n.as_bytes()).unbind()],
        NdpOption::RouteInformation(r) => vec![
            py_ipv6_net(py, r.network())?.unbind(),
            text(preference_name(r.preference()))?,
            int(r.route_lifetime.into())?,
        ],
        NdpOption::RecursiveDnsServer(r) => {
            let servers = PyList::empty(py);
            for a in r.addresses() {
                servers.append(py_ipv6(py, a)?)?;
            }
            vec![int(r.lifetime.into())?, servers.into_any().unbind()]
        }
        NdpOption::RaFlagsExtension(f) => vec![bytes_of(py, f.as_bytes()).unbind()],
        NdpOption::DnsSearchList(d) => {
            let domains = PyList::empty(py);
            for name in d.names() {
                let labels: Vec<String> = name.labels().map(|l| String::from_utf8_lossy(l).into_owned()).collect();
                domains.append(labels.join("."))?;
            }
            vec![int(d.lifetime.into())?, domains.into_any().unbind()]
        }
        NdpOption::CaptivePortal(c) => vec![c.uri().into_pyobject(py)?.into_any().unbind()],
        NdpOption::Pref64(p) => vec![py_ipv6_net(py, p.network())?.unbind(), int(p.lifetime().into())?],
        NdpOption::Unknown(u) => vec![bytes_of(py, u.data).unbind()],
        NdpOption::Invalid { reason, option } => {
            vec![text(&format!("{reason:?}"))?, bytes_of(py, option.data).unbind()]
        }
    })
}

fn mac_bytes(text: &str) -> PyResult<Vec<u8>> {
    Ok(ipv6kit::mac::parse_mac(text)
        .map_err(|e| Error::new_err(format!("address {text:?}: {e}")))?
        .into_array()
        .to_vec())
}

option_class!(
    /// Source Link-layer Address option (type 1): ``.address`` (a lowercase MAC, or hex for
    /// other link layers).
    SourceLla, "SourceLinkLayerAddress", [address = "The link-layer address: a lowercase MAC for Ethernet, hex for other link layers."],
    new(address: &str) "(address)" => NdpOption::SourceLinkLayerAddress(LinkLayerAddress(mac_bytes(address)?))
);
option_class!(
    /// Target Link-layer Address option (type 2): ``.address``.
    TargetLla, "TargetLinkLayerAddress", [address = "The link-layer address: a lowercase MAC for Ethernet, hex for other link layers."],
    new(address: &str) "(address)" => NdpOption::TargetLinkLayerAddress(LinkLayerAddress(mac_bytes(address)?))
);
option_class!(
    /// Prefix Information option (type 3): ``.prefix`` (IPv6Network), ``.on_link``,
    /// ``.autonomous``, ``.router_address``, ``.valid_lifetime``, ``.preferred_lifetime``,
    /// ``.dhcpv6_pd``.
    ///
    /// >>> ipv6kit.ndp.PrefixInformation("2001:db8:1::/64", dhcpv6_pd=True).to_bytes()[3]
    /// 208
    PrefixInformation, "PrefixInformation", [prefix = "The prefix (``ipaddress.IPv6Network``; bits beyond its length as sent).", on_link = "The L flag: the prefix is on-link.", autonomous = "The A flag: hosts may form addresses from it (SLAAC).", router_address = "The R flag (RFC 6275): the prefix field holds the router's address.", valid_lifetime = "Valid lifetime in seconds (0xffffffff is infinity).", preferred_lifetime = "Preferred lifetime in seconds (0xffffffff is infinity).", dhcpv6_pd = "The P flag (RFC 9762): the router prefers that hosts get prefixes by DHCPv6-PD."],
    new(prefix: &Bound<'_, PyAny>, valid_lifetime: IntArg = IntArg::Fits(2_592_000), preferred_lifetime: IntArg = IntArg::Fits(604_800), on_link: bool = true, autonomous: bool = true, dhcpv6_pd: bool = false)
        "(prefix, valid_lifetime=2592000, preferred_lifetime=604800, on_link=True, autonomous=True, dhcpv6_pd=False)" => {
        let valid = valid_lifetime.get("valid_lifetime")?;
        let preferred = preferred_lifetime.get("preferred_lifetime")?;
        let mut pio = opt::PrefixInformation::new(ipv6_net(prefix, "prefix")?, on_link, autonomous, valid, preferred);
        if dhcpv6_pd {
            pio.flags |= opt::PrefixInformation::DHCPV6_PD;
        }
        NdpOption::PrefixInformation(pio)
    }
);
option_class!(
    /// Redirected Header option (type 4): ``.packet`` (the bytes of the redirected packet).
    ///
    /// Made from the bytes of the redirected packet (its IPv6 header first, as much as fits);
    /// the option is zero-padded to 8 bytes, and a parsed ``.packet`` includes that padding.
    ///
    /// >>> ipv6kit.ndp.RedirectedHeader(bytes(40)).to_bytes()[:2]
    /// b'\x04\x06'
    RedirectedHeader, "RedirectedHeader", [packet = "The bytes of the redirected packet, as carried."],
    new(packet: &[u8]) "(packet)" => checked_option(NdpOption::RedirectedHeader(opt::RedirectedHeader { reserved: [0; 6], packet: packet.to_vec() }))?
);
option_class!(
    /// MTU option (type 5): ``.mtu``.
    Mtu, "Mtu", [mtu = "The link MTU in bytes."],
    new(mtu: IntArg) "(mtu)" => NdpOption::Mtu(opt::Mtu::new(mtu.get("mtu")?))
);
option_class!(
    /// Advertisement Interval option (type 7, RFC 6275): ``.interval_ms``.
    AdvertisementInterval, "AdvertisementInterval", [interval_ms = "The maximum time between unsolicited RAs, in milliseconds."],
    new(interval_ms: IntArg) "(interval_ms)" => NdpOption::AdvertisementInterval(opt::AdvertisementInterval::new(interval_ms.get("interval_ms")?))
);
option_class!(
    /// Home Agent Information option (type 8, RFC 6275): ``.preference``, ``.lifetime``.
    ///
    /// >>> ipv6kit.ndp.HomeAgentInformation(preference=10, lifetime=1800).to_bytes().hex()
    /// '08010000000a0708'
    HomeAgentInformation, "HomeAgentInformation", [preference = "The home agent's preference.", lifetime = "The home agent's lifetime in seconds."],
    new(preference: IntArg, lifetime: IntArg) "(preference, lifetime)" => NdpOption::HomeAgentInformation(opt::HomeAgentInformation {
        reserved: 0,
        preference: preference.get("preference")?,
        lifetime: lifetime.get("lifetime")?,
    })
);
option_class!(
    /// Nonce option (type 14, RFC 3971): ``.nonce`` (bytes).
    ///
    /// Made from ``bytes`` or hex text; RFC 3971 wants at least 6 random bytes, 6 + 8k so the
    /// option needs no padding (other lengths are zero-padded).
    ///
    /// >>> ipv6kit.ndp.Nonce("60:69:60:4c:0a:aa").to_bytes().hex()
    /// '0e016069604c0aaa'
    Nonce, "Nonce", [nonce = "The nonce bytes (6 or more; DAD uses them to spot its own echoes)."],
    new(nonce: &Bound<'_, PyAny>) "(nonce)" => checked_option(NdpOption::Nonce(opt::Nonce(crate::convert::hex_bytes(nonce, "nonce")?)))?
);
option_class!(
    /// Route Information option (type 24, RFC 4191): ``.prefix``, ``.preference``, ``.route_lifetime``.
    ///
    /// ``preference`` is ``"high"``, ``"medium"``, ``"low"`` or ``"reserved"`` (Prf 10, what
    /// ``.preference`` reads for it): RFC 4191 §2.3 has receivers ignore an RIO carrying it, which
    /// a conformance test needs to send.
    ///
    /// >>> rio = ipv6kit.ndp.RouteInformation("2001:db8::/48", "reserved")
    /// >>> rio.to_bytes()[3] >> 3 & 0b11, rio.preference
    /// (2, 'reserved')
    RouteInformation, "RouteInformation", [prefix = "The route's prefix (``ipaddress.IPv6Network``).", preference = "The route preference: ``'high'``, ``'medium'``, ``'low'`` or ``'reserved'``.", route_lifetime = "The route lifetime in seconds (0xffffffff is infinity)."],
    new(prefix: &Bound<'_, PyAny>, preference: &str = "medium", route_lifetime: IntArg = IntArg::Fits(1800)) "(prefix, preference='medium', route_lifetime=1800)" =>
        NdpOption::RouteInformation(opt::RouteInformation::new(ipv6_net(prefix, "prefix")?, preference_from(preference)?, route_lifetime.get("route_lifetime")?))
);
option_class!(
    /// Recursive DNS Server option (type 25, RFC 8106): ``.lifetime``, ``.servers``.
    RecursiveDnsServer, "RecursiveDnsServer", [lifetime = "How long the servers may be used, in seconds.", servers = "The DNS servers (``ipaddress.IPv6Address`` list)."],
    new(servers: Vec<Bound<'_, PyAny>>, lifetime: IntArg = IntArg::Fits(1800)) "(servers, lifetime=1800)" => {
        let lifetime = lifetime.get("lifetime")?;
        let addrs = servers.iter().map(|s| ipv6_addr(s, "servers")).collect::<PyResult<Vec<Ipv6Addr>>>()?;
        NdpOption::RecursiveDnsServer(opt::RecursiveDnsServer::new(lifetime, &addrs).map_err(error)?)
    }
);
option_class!(
    /// RA Flags Extension option (type 26, RFC 5175): ``.bits`` (the 6 flag bytes).
    ///
    /// >>> ipv6kit.ndp.RaFlagsExtension(bytes([0x80, 0, 0, 0, 0, 0])).to_bytes().hex()
    /// '1a01800000000000'
    RaFlagsExtension, "RaFlagsExtension", [bits = "The 6 bytes of extended RA flags."],
    new(bits: &[u8]) "(bits)" => NdpOption::RaFlagsExtension(opt::RaFlagsExtension(flags_extension_bits(bits)?.to_vec()))
);
option_class!(
    /// DNS Search List option (type 31, RFC 8106): ``.lifetime``, ``.domains``.
    DnsSearchList, "DnsSearchList", [lifetime = "How long the domains may be used, in seconds.", domains = "The search domains, as dotted text."],
    new(domains: Vec<String>, lifetime: IntArg = IntArg::Fits(1800)) "(domains, lifetime=1800)" => {
        let lifetime = lifetime.get("lifetime")?;
        let names: Vec<&str> = domains.iter().map(String::as_str).collect();
        NdpOption::DnsSearchList(opt::DnsSearchList::new(lifetime, &names).map_err(error)?)
    }
);
option_class!(
    /// Captive-Portal option (type 37, RFC 8910): ``.uri`` (``None`` when not UTF-8).
    ///
    /// >>> ipv6kit.ndp.CaptivePortal("https://portal.example/").uri
    /// 'https://portal.example/'
    CaptivePortal, "CaptivePortal", [uri = "The captive portal's URI (``None`` when it is not UTF-8)."],
    new(uri: &str) "(uri)" => NdpOption::CaptivePortal(opt::CaptivePortal(captive_portal_uri(uri)?.as_bytes().to_vec()))
);
option_class!(
    /// PREF64 option (type 38, RFC 8781): ``.prefix`` (the NAT64 prefix), ``.lifetime``.
    ///
    /// >>> ipv6kit.ndp.Pref64("64:ff9b::/96", 1800)
    /// Pref64(prefix=IPv6Network('64:ff9b::/96'), lifetime=1800)
    Pref64, "Pref64", [prefix = "The NAT64 prefix (``ipaddress.IPv6Network``).", lifetime = "How long the prefix may be used, in seconds."],
    new(prefix: &Bound<'_, PyAny>, lifetime: IntArg = IntArg::Fits(1800)) "(prefix, lifetime=1800)" => NdpOption::Pref64(pref64(prefix, lifetime.get("lifetime")?, "prefix")?)
);

/// A core PREF64 for `prefix` (str or IPv6Network) and `lifetime` seconds; `what` names the argument.
fn pref64(prefix: &Bound<'_, PyAny>, lifetime: u16, what: &str) -> PyResult<opt::Pref64> {
    let net = ipv6_net(prefix, what)?;
    opt::Pref64::new(net, lifetime).map_err(|e| Error::new_err(format!("{what} {net}: {e}")))
}

/// `uri` when it fits in one Captive-Portal option (RFC 8910).
fn captive_portal_uri(uri: &str) -> PyResult<&str> {
    let len = 2 + uri.len();
    if len.div_ceil(8) * 8 > core_ndp::MAX_OPTION_LEN {
        return Err(Error::new_err(format!(
            "captive_portal: a URI of {} bytes does not fit in one option (at most {})",
            uri.len(),
            core_ndp::MAX_OPTION_LEN - 2
        )));
    }
    Ok(uri)
}

/// `bits` as the 6 bytes of an RA Flags Extension option (RFC 5175).
fn flags_extension_bits(bits: &[u8]) -> PyResult<[u8; 6]> {
    bits.try_into().map_err(|_| {
        Error::new_err(format!(
            "flags_extension: exactly 6 bytes were expected, not {}",
            bits.len()
        ))
    })
}
option_class!(
    /// An option of a type ipv6kit does not know, kept raw: ``.type``, ``.data``.
    ///
    /// ``UnknownOption(type, data)`` writes any option as given: ``data`` after the Type and
    /// Length bytes, zero-padded to 8 bytes (a known type too, to craft a malformed option).
    ///
    /// >>> ipv6kit.ndp.UnknownOption(253, b"\xaa\xbb").to_bytes().hex()
    /// 'fd01aabb00000000'
    UnknownOption, "UnknownOption", [data = "The option's bytes after its type and length, as carried."],
    new(r#type: IntArg, data: &[u8]) "(type, data)" => checked_option(NdpOption::Unknown(opt::UnknownOption { option_type: r#type.get("type")?, data: data.to_vec() }))?
);

/// `o` when the core can emit it (at most 2040 bytes on the wire).
fn checked_option(o: Owned) -> PyResult<Owned> {
    let mut buf = vec![0u8; o.buffer_len()];
    o.emit(&mut buf).map_err(error)?;
    Ok(o)
}
option_class!(
    /// A known option whose contents are invalid, kept raw: ``.reason``, ``.data``.
    InvalidOption, "InvalidOption", [reason = "Why the core refused the option's contents.", data = "The option's bytes after its type and length, as carried."]
);

/// The Python object for a core option.
fn py_option(py: Python<'_>, o: &Owned) -> PyResult<Py<PyAny>> {
    let raw = o.clone();
    Ok(match o {
        NdpOption::SourceLinkLayerAddress(_) => Py::new(py, SourceLla::from_raw(py, raw)?)?.into_any(),
        NdpOption::TargetLinkLayerAddress(_) => Py::new(py, TargetLla::from_raw(py, raw)?)?.into_any(),
        NdpOption::PrefixInformation(_) => Py::new(py, PrefixInformation::from_raw(py, raw)?)?.into_any(),
        NdpOption::RedirectedHeader(_) => Py::new(py, RedirectedHeader::from_raw(py, raw)?)?.into_any(),
        NdpOption::Mtu(_) => Py::new(py, Mtu::from_raw(py, raw)?)?.into_any(),
        NdpOption::AdvertisementInterval(_) => Py::new(py, AdvertisementInterval::from_raw(py, raw)?)?.into_any(),
        NdpOption::HomeAgentInformation(_) => Py::new(py, HomeAgentInformation::from_raw(py, raw)?)?.into_any(),
        NdpOption::Nonce(_) => Py::new(py, Nonce::from_raw(py, raw)?)?.into_any(),
        NdpOption::RouteInformation(_) => Py::new(py, RouteInformation::from_raw(py, raw)?)?.into_any(),
        NdpOption::RecursiveDnsServer(_) => Py::new(py, RecursiveDnsServer::from_raw(py, raw)?)?.into_any(),
        NdpOption::RaFlagsExtension(_) => Py::new(py, RaFlagsExtension::from_raw(py, raw)?)?.into_any(),
        NdpOption::DnsSearchList(_) => Py::new(py, DnsSearchList::from_raw(py, raw)?)?.into_any(),
        NdpOption::CaptivePortal(_) => Py::new(py, CaptivePortal::from_raw(py, raw)?)?.into_any(),
        NdpOption::Pref64(_) => Py::new(py, Pref64::from_raw(py, raw)?)?.into_any(),
        NdpOption::Unknown(_) => Py::new(py, UnknownOption::from_raw(py, raw)?)?.into_any(),
        NdpOption::Invalid { .. } => Py::new(py, InvalidOption::from_raw(py, raw)?)?.into_any(),
    })
}

/// The core option inside any option object.
fn raw_option(obj: &Bound<'_, PyAny>) -> PyResult<Owned> {
    macro_rules! try_class {
        ($($t:ty),*) => {
            $(if let Ok(o) = obj.cast::<$t>() {
                return Ok(o.get().raw.clone());
            })*
        };
    }
    try_class!(
        SourceLla,
        TargetLla,
        PrefixInformation,
        RedirectedHeader,
        Mtu,
        AdvertisementInterval,
        HomeAgentInformation,
        Nonce,
        RouteInformation,
        RecursiveDnsServer,
        RaFlagsExtension,
        DnsSearchList,
        CaptivePortal,
        Pref64,
        UnknownOption,
        InvalidOption
    );
    let found = obj.get_type().name().map(|n| n.to_string()).unwrap_or_default();
    Err(PyTypeError::new_err(format!(
        "options must be ipv6kit.ndp option objects, not {found}"
    )))
}

fn raw_options(options: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<Owned>> {
    match options {
        None => Ok(Vec::new()),
        Some(o) => o.try_iter()?.map(|item| raw_option(&item?)).collect(),
    }
}

/// What every message class holds: the core message and the IPv6 envelope it came in, if known.
struct Core {
    msg: Message,
    src: Option<Ipv6Addr>,
    dst: Option<Ipv6Addr>,
    hop_limit: Option<u8>,
}

impl Core {
    fn new(msg: Message) -> Self {
        Core {
            msg,
            src: None,
            dst: None,
            hop_limit: None,
        }
    }

    /// Same fixed part and options (the checksum field, which depends on the IPv6 addresses,
    /// is not compared).
    fn same_content(&self, other: &Core) -> bool {
        self.msg.header == other.msg.header
            && self.msg.options.len() == other.msg.options.len()
            && self
                .msg
                .options
                .iter()
                .zip(&other.msg.options)
                .all(|(a, b)| same_option(a, b))
    }

    fn options<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let out = PyList::empty(py);
        for o in &self.msg.options {
            out.append(py_option(py, o)?)?;
        }
        Ok(out)
    }

    fn to_bytes<'py>(
        &self,
        py: Python<'py>,
        src: Option<Ipv6Addr>,
        dst: Option<Ipv6Addr>,
    ) -> PyResult<Bound<'py, PyBytes>> {
        let mode = match (src.or(self.src), dst.or(self.dst)) {
            (Some(source), Some(destination)) if src.is_some() || self.msg.checksum == 0 => {
                ChecksumMode::Compute { source, destination }
            }
            _ => ChecksumMode::Keep(self.msg.checksum),
        };
        Ok(PyBytes::new(py, &self.msg.to_bytes(mode).map_err(error)?))
    }

    fn validate(&self, src: Option<Ipv6Addr>, dst: Option<Ipv6Addr>, hop_limit: Option<u8>) -> PyResult<Vec<String>> {
        let (Some(s), Some(d), Some(h)) = (src.or(self.src), dst.or(self.dst), hop_limit.or(self.hop_limit)) else {
            return Err(Error::new_err(
                "validate needs the IPv6 src, dst and hop_limit (give them to parse or here)",
            ));
        };
        let bytes = self
            .msg
            .to_bytes(ChecksumMode::Keep(self.msg.checksum))
            .map_err(error)?;
        let packet = Packet::parse(&bytes).map_err(error)?;
        Ok(core_ndp::validate(&packet, s, d, h)
            .iter()
            .map(|r| r.to_string())
            .collect())
    }

    fn text(&self) -> String {
        match self
            .msg
            .to_bytes(ChecksumMode::Keep(self.msg.checksum))
            .ok()
            .and_then(|b| Packet::parse(&b).ok().map(|p| p.to_string()))
        {
            Some(s) => s.trim_end().to_owned(),
            None => format!("{:?}", self.msg),
        }
    }
}

fn opt_addr(obj: Option<&Bound<'_, PyAny>>, what: &str) -> PyResult<Option<Ipv6Addr>> {
    obj.map(|o| ipv6_addr(o, what)).transpose()
}

/// Defines the methods every message class shares.
macro_rules! message_common {
    ($rust:ident, $name:literal, { $($body:tt)* }) => {
        #[pymethods]
        impl $rust {
            $($body)*

            /// The options in wire order, as typed option objects.
            #[getter]
            fn options<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
                self.core.options(py)
            }

            /// The ICMPv6 checksum field as received (0 for a built message).
            #[getter]
            fn checksum(&self) -> u16 {
                self.core.msg.checksum
            }

            /// The ICMPv6 type number.
            #[getter(r#type)]
            fn message_type(&self) -> u8 {
                self.core.msg.header.message_type().number()
            }

            /// The IPv6 source address it came from (given to ``parse``, or from the frame).
            #[getter]
            fn src<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
                self.core.src.map(|a| py_ipv6(py, a)).transpose()
            }

            /// The IPv6 destination address.
            #[getter]
            fn dst<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
                self.core.dst.map(|a| py_ipv6(py, a)).transpose()
            }

            /// The IPv6 hop limit it arrived with.
            #[getter]
            fn hop_limit(&self) -> Option<u8> {
                self.core.hop_limit
            }

            /// The ICMPv6 message on the wire. A parsed message re-emits byte for byte; the
            /// checksum is computed when ``src`` and ``dst`` are given (here, or known and the
            /// checksum is 0), else kept as received.
            #[pyo3(signature = (src = None, dst = None))]
            fn to_bytes<'py>(
                &self,
                py: Python<'py>,
                src: Option<&Bound<'py, PyAny>>,
                dst: Option<&Bound<'py, PyAny>>,
            ) -> PyResult<Bound<'py, PyBytes>> {
                self.core.to_bytes(py, opt_addr(src, "src")?, opt_addr(dst, "dst")?)
            }

            /// The RFC 4861 rules this message breaks in its IPv6 context, as text (empty
            /// when valid). ``src``, ``dst``, ``hop_limit`` default to those given to ``parse``.
            #[pyo3(signature = (src = None, dst = None, hop_limit = None))]
            fn validate(
                &self,
                src: Option<&Bound<'_, PyAny>>,
                dst: Option<&Bound<'_, PyAny>>,
                hop_limit: Option<IntArg>,
            ) -> PyResult<Vec<String>> {
                let hop_limit = hop_limit.map(|h| h.get("hop_limit")).transpose()?;
                self.core.validate(opt_addr(src, "src")?, opt_addr(dst, "dst")?, hop_limit)
            }

            fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
                let opts = self.core.options(py)?;
                let mut fields = self.fields(py)?;
                fields.push(format!("options={}", opts.repr()?));
                Ok(format!("{}({})", $name, fields.join(", ")))
            }

            /// rdisc6-like text.
            fn __str__(&self) -> String {
                self.core.text()
            }

            fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
                other.cast::<Self>().map(|o| o.get().core.same_content(&self.core)).unwrap_or(false)
            }
        }
    };
}

/// Router Solicitation (ICMPv6 133).
///
/// Made with these options (e.g. ``[SourceLinkLayerAddress(mac)]``).
///
/// ``reserved`` (keyword only) is the 32-bit word after the checksum, sent as given
/// (RFC 4861 §4.1: zero, ignored by receivers); an int that does not fit is an
/// ``ipv6kit.Error`` (a ``ValueError``).
///
/// >>> rs = ipv6kit.ndp.RouterSolicitation(reserved=0xdeadbeef)
/// >>> rs.to_bytes()[4:8].hex(), ipv6kit.ndp.parse(rs.to_bytes()).reserved == rs.reserved
/// ('deadbeef', True)
#[pyclass(module = "ipv6kit.ndp", frozen)]
pub(crate) struct RouterSolicitation {
    core: Core,
}

impl RouterSolicitation {
    fn rs(&self) -> core_ndp::RouterSolicitation {
        match self.core.msg.header {
            Header::RouterSolicitation(h) => h,
            _ => core_ndp::RouterSolicitation { reserved: 0 },
        }
    }
    fn fields(&self, _py: Python<'_>) -> PyResult<Vec<String>> {
        let mut fields = Vec::new();
        reserved_field(&mut fields, self.rs().reserved);
        Ok(fields)
    }
}
message_common!(RouterSolicitation, "RouterSolicitation", {
    /// A Router Solicitation with these options (e.g. ``[SourceLinkLayerAddress(mac)]``).
    #[new]
    #[pyo3(signature = (options = None, *, reserved = IntArg::Fits(0)), text_signature = "(options=None, *, reserved=0)")]
    fn py_new(options: Option<&Bound<'_, PyAny>>, reserved: IntArg) -> PyResult<Self> {
        let reserved = reserved_word(&reserved)?;
        let mut msg = Message::new(Header::RouterSolicitation(core_ndp::RouterSolicitation { reserved }));
        msg.options = raw_options(options)?;
        Ok(RouterSolicitation { core: Core::new(msg) })
    }

    /// The reserved word (32 bits after the checksum) as received or given.
    #[getter]
    fn reserved(&self) -> u32 {
        self.rs().reserved
    }
});

/// Router Advertisement (ICMPv6 134).
///
/// Made from its fields and options.
///
/// The flags byte (RFC 4861 §4.2: M O H Prf P and two reserved bits) is given either by
/// its parts or whole:
///
/// - ``managed``, ``other``, ``home_agent``, ``proxy`` (``False`` when not given),
///   ``preference`` (``"medium"`` when not given; ``"reserved"`` sends Prf 10, which
///   RFC 4191 has receivers read as medium) and, keyword only, ``reserved`` (the two
///   reserved bits, 0 to 3; 0 when not given);
/// - keyword only, ``flags``: the whole byte (0 to 255) as the ``flags`` attribute reads it
///   and the C writer's ``ipv6kit_ndp_writer_begin_router_advertisement`` takes it.
///
/// A part given together with ``flags`` must agree with it: a conflict is an
/// ``ipv6kit.Error`` (a ``ValueError``) naming the part, never one silently preferred. An
/// int that does not fit its field is an ``ipv6kit.Error`` too.
///
/// >>> ra = ipv6kit.ndp.RouterAdvertisement(managed=True, reserved=3)
/// >>> hex(ra.flags), ra.reserved, ipv6kit.ndp.RouterAdvertisement(flags=0x83) == ra
/// ('0x83', 3, True)
/// >>> ipv6kit.ndp.RouterAdvertisement(flags=0x83, managed=False)
/// Traceback (most recent call last):
/// ...
/// ipv6kit.Error: managed=False conflicts with flags=0x83, which has managed=True
#[pyclass(module = "ipv6kit.ndp", frozen)]
pub(crate) struct RouterAdvertisement {
    core: Core,
}

impl RouterAdvertisement {
    fn ra(&self) -> core_ndp::RouterAdvertisement {
        match self.core.msg.header {
            Header::RouterAdvertisement(h) => h,
            _ => core_ndp::RouterAdvertisement {
                cur_hop_limit: 0,
                flags: RaFlags(0),
                router_lifetime: 0,
                reachable_time: 0,
                retrans_timer: 0,
            },
        }
    }

    fn fields(&self, _py: Python<'_>) -> PyResult<Vec<String>> {
        let h = self.ra();
        let f = h.flags;
        let b = |v: bool| if v { "True" } else { "False" };
        let mut fields = vec![
            format!("cur_hop_limit={}", h.cur_hop_limit),
            format!("managed={}", b(f.managed())),
            format!("other={}", b(f.other())),
            format!("home_agent={}", b(f.home_agent())),
            format!("preference='{}'", f.preference().name()),
            format!("proxy={}", b(f.proxy())),
            format!("router_lifetime={}", h.router_lifetime),
            format!("reachable_time={}", h.reachable_time),
            format!("retrans_timer={}", h.retrans_timer),
        ];
        reserved_field(&mut fields, f.reserved().into());
        Ok(fields)
    }
}

message_common!(RouterAdvertisement, "RouterAdvertisement", {
    /// A Router Advertisement from its fields and options.
    #[new]
    #[pyo3(signature = (cur_hop_limit = IntArg::Fits(64), managed = None, other = None, home_agent = None,
        preference = None, proxy = None, router_lifetime = IntArg::Fits(1800), reachable_time = IntArg::Fits(0),
        retrans_timer = IntArg::Fits(0), options = None, *, flags = None, reserved = None),
        text_signature = "(cur_hop_limit=64, managed=None, other=None, home_agent=None, preference=None, \
        proxy=None, router_lifetime=1800, reachable_time=0, retrans_timer=0, options=None, *, flags=None, \
        reserved=None)")]
    #[allow(clippy::too_many_arguments)]
    fn py_new(
        cur_hop_limit: IntArg,
        managed: Option<bool>,
        other: Option<bool>,
        home_agent: Option<bool>,
        preference: Option<&str>,
        proxy: Option<bool>,
        router_lifetime: IntArg,
        reachable_time: IntArg,
        retrans_timer: IntArg,
        options: Option<&Bound<'_, PyAny>>,
        flags: Option<IntArg>,
        reserved: Option<IntArg>,
    ) -> PyResult<Self> {
        let flags = ra_flags(
            flags.as_ref(),
            managed,
            other,
            home_agent,
            preference,
            proxy,
            reserved.as_ref(),
        )?;
        let mut msg = Message::new(Header::RouterAdvertisement(core_ndp::RouterAdvertisement {
            cur_hop_limit: cur_hop_limit.fit("cur_hop_limit", u8::MAX.into())?,
            flags,
            router_lifetime: router_lifetime.fit("router_lifetime", u16::MAX.into())?,
            reachable_time: reachable_time.fit("reachable_time", u32::MAX.into())?,
            retrans_timer: retrans_timer.fit("retrans_timer", u32::MAX.into())?,
        }));
        msg.options = raw_options(options)?;
        Ok(RouterAdvertisement { core: Core::new(msg) })
    }

    /// Cur Hop Limit (0: unspecified).
    #[getter]
    fn cur_hop_limit(&self) -> u8 {
        self.ra().cur_hop_limit
    }
    /// M: addresses via DHCPv6.
    #[getter]
    fn managed(&self) -> bool {
        self.ra().flags.managed()
    }
    /// O: other configuration via DHCPv6.
    #[getter]
    fn other(&self) -> bool {
        self.ra().flags.other()
    }
    /// H: the router is a Mobile IPv6 home agent.
    #[getter]
    fn home_agent(&self) -> bool {
        self.ra().flags.home_agent()
    }
    /// Default router preference: ``"high"``, ``"medium"``, ``"low"`` or ``"reserved"``.
    #[getter]
    fn preference(&self) -> &'static str {
        self.ra().flags.preference().name()
    }
    /// Proxy flag (RFC 4389).
    #[getter]
    fn proxy(&self) -> bool {
        self.ra().flags.proxy()
    }
    /// The whole flags byte as received or given (M 0x80, O 0x40, H 0x20, Prf 0x18, P 0x04,
    /// reserved 0x03).
    #[getter]
    fn flags(&self) -> u8 {
        self.ra().flags.0
    }
    /// The two reserved bits of the flags byte (0 to 3), as received or given.
    #[getter]
    fn reserved(&self) -> u8 {
        self.ra().flags.reserved()
    }
    /// Router Lifetime in seconds (0: not a default router).
    #[getter]
    fn router_lifetime(&self) -> u16 {
        self.ra().router_lifetime
    }
    /// Reachable Time in milliseconds (0: unspecified).
    #[getter]
    fn reachable_time(&self) -> u32 {
        self.ra().reachable_time
    }
    /// Retrans Timer in milliseconds (0: unspecified).
    #[getter]
    fn retrans_timer(&self) -> u32 {
        self.ra().retrans_timer
    }
});

/// Neighbor Solicitation (ICMPv6 135).
///
/// Made for ``target`` with these options.
///
/// ``reserved`` (keyword only) is the 32-bit word after the checksum, sent as given
/// (RFC 4861 §4.3: zero, ignored by receivers); an int that does not fit is an
/// ``ipv6kit.Error`` (a ``ValueError``).
#[pyclass(module = "ipv6kit.ndp", frozen)]
pub(crate) struct NeighborSolicitation {
    core: Core,
}

impl NeighborSolicitation {
    fn ns(&self) -> core_ndp::NeighborSolicitation {
        match self.core.msg.header {
            Header::NeighborSolicitation(h) => h,
            _ => core_ndp::NeighborSolicitation {
                reserved: 0,
                target: Ipv6Addr::UNSPECIFIED,
            },
        }
    }
    fn target_addr(&self) -> Ipv6Addr {
        self.ns().target
    }
    fn fields(&self, py: Python<'_>) -> PyResult<Vec<String>> {
        let mut fields = vec![format!("target={}", py_ipv6(py, self.target_addr())?.repr()?)];
        reserved_field(&mut fields, self.ns().reserved);
        Ok(fields)
    }
}

message_common!(NeighborSolicitation, "NeighborSolicitation", {
    /// A Neighbor Solicitation for ``target`` with these options.
    #[new]
    #[pyo3(signature = (target, options = None, *, reserved = IntArg::Fits(0)),
        text_signature = "(target, options=None, *, reserved=0)")]
    fn py_new(target: &Bound<'_, PyAny>, options: Option<&Bound<'_, PyAny>>, reserved: IntArg) -> PyResult<Self> {
        let target = ipv6_addr(target, "target")?;
        let reserved = reserved_word(&reserved)?;
        let mut msg = Message::new(Header::NeighborSolicitation(core_ndp::NeighborSolicitation {
            reserved,
            target,
        }));
        msg.options = raw_options(options)?;
        Ok(NeighborSolicitation { core: Core::new(msg) })
    }

    /// The reserved word (32 bits after the checksum) as received or given.
    #[getter]
    fn reserved(&self) -> u32 {
        self.ns().reserved
    }

    /// The Target Address.
    #[getter]
    fn target<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_ipv6(py, self.target_addr())
    }
});

/// Neighbor Advertisement (ICMPv6 136).
///
/// Made for ``target`` with the R, S, O flags and these options.
///
/// ``reserved`` (keyword only) is the other 29 bits of the flags word (0 to 0x1fffffff),
/// sent as given (RFC 4861 §4.4: zero, ignored by receivers): R, S, O and ``reserved``
/// together are every bit of the word, as the core's ``NaFlags`` reads them. An int that does
/// not fit is an ``ipv6kit.Error`` (a ``ValueError``).
///
/// >>> na = ipv6kit.ndp.NeighborAdvertisement("fe80::1", solicited=True, reserved=1)
/// >>> na.to_bytes()[4:8].hex(), ipv6kit.ndp.parse(na.to_bytes()).reserved
/// ('40000001', 1)
#[pyclass(module = "ipv6kit.ndp", frozen)]
pub(crate) struct NeighborAdvertisement {
    core: Core,
}

impl NeighborAdvertisement {
    fn na(&self) -> (NaFlags, Ipv6Addr) {
        match self.core.msg.header {
            Header::NeighborAdvertisement(h) => (h.flags, h.target),
            _ => (NaFlags(0), Ipv6Addr::UNSPECIFIED),
        }
    }
    fn fields(&self, py: Python<'_>) -> PyResult<Vec<String>> {
        let (f, t) = self.na();
        let b = |v: bool| if v { "True" } else { "False" };
        let mut fields = vec![
            format!("target={}", py_ipv6(py, t)?.repr()?),
            format!("router={}", b(f.router())),
            format!("solicited={}", b(f.solicited())),
            format!("override={}", b(f.override_flag())),
        ];
        reserved_field(&mut fields, f.reserved());
        Ok(fields)
    }
}

message_common!(NeighborAdvertisement, "NeighborAdvertisement", {
    /// A Neighbor Advertisement for ``target`` with the R, S, O flags and these options.
    #[new]
    #[pyo3(signature = (target, router = false, solicited = false, r#override = false, options = None, *,
        reserved = IntArg::Fits(0)),
        text_signature = "(target, router=False, solicited=False, override=False, options=None, *, reserved=0)")]
    fn py_new(
        target: &Bound<'_, PyAny>,
        router: bool,
        solicited: bool,
        r#override: bool,
        options: Option<&Bound<'_, PyAny>>,
        reserved: IntArg,
    ) -> PyResult<Self> {
        let target = ipv6_addr(target, "target")?;
        let max = NaFlags::RESERVED.into();
        let flags = NaFlags::new(router, solicited, r#override)
            .with_reserved(reserved.fit("reserved", max)?)
            .ok_or_else(|| reserved.range_error("reserved", max))?;
        let mut msg = Message::new(Header::NeighborAdvertisement(core_ndp::NeighborAdvertisement {
            flags,
            target,
        }));
        msg.options = raw_options(options)?;
        Ok(NeighborAdvertisement { core: Core::new(msg) })
    }

    /// The Target Address.
    #[getter]
    fn target<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_ipv6(py, self.na().1)
    }
    /// R: the sender is a router.
    #[getter]
    fn router(&self) -> bool {
        self.na().0.router()
    }
    /// S: sent in response to a Neighbor Solicitation.
    #[getter]
    fn solicited(&self) -> bool {
        self.na().0.solicited()
    }
    /// O: override an existing cache entry.
    #[getter(r#override)]
    fn override_flag(&self) -> bool {
        self.na().0.override_flag()
    }
    /// The 29 reserved bits of the flags word (0 to 0x1fffffff), as received or given.
    #[getter]
    fn reserved(&self) -> u32 {
        self.na().0.reserved()
    }
});

/// Redirect (ICMPv6 137).
///
/// Made to redirect ``destination`` to the better first hop ``target``, with these options.
///
/// ``reserved`` (keyword only) is the 32-bit word after the checksum, sent as given
/// (RFC 4861 §4.5: zero, ignored by receivers); an int that does not fit is an
/// ``ipv6kit.Error`` (a ``ValueError``).
#[pyclass(module = "ipv6kit.ndp", frozen)]
pub(crate) struct Redirect {
    core: Core,
}

impl Redirect {
    fn header(&self) -> core_ndp::Redirect {
        match self.core.msg.header {
            Header::Redirect(h) => h,
            _ => core_ndp::Redirect {
                reserved: 0,
                target: Ipv6Addr::UNSPECIFIED,
                destination: Ipv6Addr::UNSPECIFIED,
            },
        }
    }
    fn rd(&self) -> (Ipv6Addr, Ipv6Addr) {
        let h = self.header();
        (h.target, h.destination)
    }
    fn fields(&self, py: Python<'_>) -> PyResult<Vec<String>> {
        let (t, d) = self.rd();
        let mut fields = vec![
            format!("target={}", py_ipv6(py, t)?.repr()?),
            format!("destination={}", py_ipv6(py, d)?.repr()?),
        ];
        reserved_field(&mut fields, self.header().reserved);
        Ok(fields)
    }
}

message_common!(Redirect, "Redirect", {
    /// A Redirect of ``destination`` to the better first hop ``target``.
    #[new]
    #[pyo3(signature = (target, destination, options = None, *, reserved = IntArg::Fits(0)),
        text_signature = "(target, destination, options=None, *, reserved=0)")]
    fn py_new(
        target: &Bound<'_, PyAny>,
        destination: &Bound<'_, PyAny>,
        options: Option<&Bound<'_, PyAny>>,
        reserved: IntArg,
    ) -> PyResult<Self> {
        let target = ipv6_addr(target, "target")?;
        let destination = ipv6_addr(destination, "destination")?;
        let reserved = reserved_word(&reserved)?;
        let mut msg = Message::new(Header::Redirect(core_ndp::Redirect {
            reserved,
            target,
            destination,
        }));
        msg.options = raw_options(options)?;
        Ok(Redirect { core: Core::new(msg) })
    }

    /// The reserved word (32 bits after the checksum) as received or given.
    #[getter]
    fn reserved(&self) -> u32 {
        self.header().reserved
    }

    /// The Target Address (the better first hop).
    #[getter]
    fn target<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_ipv6(py, self.rd().0)
    }
    /// The Destination Address being redirected.
    #[getter]
    fn destination<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_ipv6(py, self.rd().1)
    }
});

fn py_message(py: Python<'_>, core: Core) -> PyResult<Py<PyAny>> {
    Ok(match core.msg.header {
        Header::RouterSolicitation(_) => Py::new(py, RouterSolicitation { core })?.into_any(),
        Header::RouterAdvertisement(_) => Py::new(py, RouterAdvertisement { core })?.into_any(),
        Header::NeighborSolicitation(_) => Py::new(py, NeighborSolicitation { core })?.into_any(),
        Header::NeighborAdvertisement(_) => Py::new(py, NeighborAdvertisement { core })?.into_any(),
        Header::Redirect(_) => Py::new(py, Redirect { core })?.into_any(),
    })
}

/// Parses an ICMPv6 Neighbor Discovery message (RS, RA, NS, NA or Redirect).
///
/// The structural rules of RFC 4861 apply (a zero-length option, an option running past the
/// end discard the message); unknown options are kept, invalid known ones become
/// :class:`InvalidOption`. The IPv6 context, when given, is kept for ``validate()`` and
/// ``to_bytes()``.
///
/// Args:
///     data: the ICMPv6 message (``bytes``), starting at its type byte.
///     src, dst: the IPv6 source and destination (``str`` or ``IPv6Address``), optional.
///     hop_limit: the IPv6 hop limit, optional.
///
/// Returns:
///     A ``RouterAdvertisement``, ``NeighborSolicitation``, ... with attributes and ``.options``.
///
/// Raises:
///     ipv6kit.Error: the message is malformed (the message says where).
#[pyfunction]
#[pyo3(signature = (data, src = None, dst = None, hop_limit = None))]
fn parse(
    py: Python<'_>,
    data: &[u8],
    src: Option<&Bound<'_, PyAny>>,
    dst: Option<&Bound<'_, PyAny>>,
    hop_limit: Option<IntArg>,
) -> PyResult<Py<PyAny>> {
    let hop_limit = hop_limit.map(|h| h.get("hop_limit")).transpose()?;
    let msg = Message::parse(data).map_err(error)?;
    let core = Core {
        msg,
        src: opt_addr(src, "src")?,
        dst: opt_addr(dst, "dst")?,
        hop_limit,
    };
    py_message(py, core)
}

/// Parses a whole Ethernet frame (Ethernet + IPv6 + ICMPv6 ND message).
///
/// Returns the message with ``.src``, ``.dst`` and ``.hop_limit`` from the IPv6 header, so
/// ``validate()`` needs no arguments.
///
/// >>> ra = ipv6kit.ndp.parse_frame(frame_bytes)  # doctest: +SKIP
#[pyfunction]
fn parse_frame(py: Python<'_>, data: &[u8]) -> PyResult<Py<PyAny>> {
    let f = frame::parse_ethernet(data).map_err(error)?;
    let msg = Message::parse(f.ipv6.payload).map_err(error)?;
    let core = Core {
        msg,
        src: Some(f.ipv6.source),
        dst: Some(f.ipv6.destination),
        hop_limit: Some(f.ipv6.hop_limit),
    };
    py_message(py, core)
}

/// The result of :func:`build_router_advertisement`: the ICMPv6 message and where to send it.
#[pyclass(module = "ipv6kit.ndp", frozen)]
pub(crate) struct BuiltAdvertisement {
    data: Vec<u8>,
    src: Ipv6Addr,
    dst: Ipv6Addr,
    hop_limit: u8,
    exceeds_link_mtu: bool,
}

#[pymethods]
impl BuiltAdvertisement {
    /// The ICMPv6 message, checksum filled in (``bytes``).
    #[getter]
    fn data<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.data)
    }
    /// The IPv6 source address to send it from.
    #[getter]
    fn src<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_ipv6(py, self.src)
    }
    /// The IPv6 destination address.
    #[getter]
    fn dst<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_ipv6(py, self.dst)
    }
    /// The IPv6 hop limit to send it with (255, as every ND message).
    #[getter]
    fn hop_limit(&self) -> u8 {
        self.hop_limit
    }
    /// True when the RA plus its 40-byte IPv6 header exceeds ``link_mtu``: RFC 6980 forbids
    /// fragmenting ND messages, so it must be split into several RAs.
    #[getter]
    fn exceeds_link_mtu(&self) -> bool {
        self.exceeds_link_mtu
    }
    /// The message parsed back: a :class:`RouterAdvertisement` with ``src``, ``dst`` and
    /// ``hop_limit`` set (so ``validate()`` needs no arguments).
    #[getter]
    fn message(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let msg = Message::parse(&self.data).map_err(error)?;
        py_message(
            py,
            Core {
                msg,
                src: Some(self.src),
                dst: Some(self.dst),
                hop_limit: Some(self.hop_limit),
            },
        )
    }

    /// The whole IPv6 packet: a 40-byte header (Next Header 58), then the message.
    fn to_ipv6<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        ipv6_packet(py, &self.envelope(), &self.data)
    }
    /// The whole Ethernet frame. ``destination_mac`` defaults to the multicast mapping of the
    /// destination (RFC 2464 §7); a unicast destination needs it.
    #[pyo3(signature = (source_mac, destination_mac = None))]
    fn to_frame<'py>(
        &self,
        py: Python<'py>,
        source_mac: &Bound<'py, PyAny>,
        destination_mac: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyBytes>> {
        ethernet_frame(py, &self.envelope(), &self.data, source_mac, destination_mac)
    }

    fn __repr__(&self) -> String {
        format!(
            "<ipv6kit.ndp.BuiltAdvertisement: {} bytes, {} -> {}>",
            self.data.len(),
            self.src,
            self.dst
        )
    }
}

/// The IPv6 packet (header + `icmp`) for an envelope.
fn ipv6_packet<'py>(py: Python<'py>, env: &frame::Envelope, icmp: &[u8]) -> PyResult<Bound<'py, PyBytes>> {
    let mut buf = vec![0u8; 40 + icmp.len()];
    let n = frame::emit_ipv6(env, icmp, &mut buf).map_err(error)?;
    buf.truncate(n);
    Ok(PyBytes::new(py, &buf))
}

/// The Ethernet frame (header + IPv6 + `icmp`) for an envelope.
fn ethernet_frame<'py>(
    py: Python<'py>,
    env: &frame::Envelope,
    icmp: &[u8],
    source_mac: &Bound<'py, PyAny>,
    destination_mac: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyBytes>> {
    let src = mac(source_mac, "source_mac")?;
    let dst = destination_mac.map(|m| mac(m, "destination_mac")).transpose()?;
    let mut buf = vec![0u8; 14 + 40 + icmp.len()];
    let n = frame::emit_ethernet(src, dst, env, icmp, &mut buf).map_err(error)?;
    buf.truncate(n);
    Ok(PyBytes::new(py, &buf))
}

/// A message built by one of the ``build_*`` functions: the ICMPv6 bytes and where to send them.
#[pyclass(module = "ipv6kit.ndp", frozen)]
pub(crate) struct BuiltMessage {
    data: Vec<u8>,
    env: frame::Envelope,
}

#[pymethods]
impl BuiltMessage {
    /// The ICMPv6 message, checksum filled in (``bytes``).
    #[getter]
    fn data<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.data)
    }
    /// The IPv6 source address to send it from.
    #[getter]
    fn src<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_ipv6(py, self.env.source)
    }
    /// The IPv6 destination address.
    #[getter]
    fn dst<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py_ipv6(py, self.env.destination)
    }
    /// The IPv6 hop limit to send it with (255).
    #[getter]
    fn hop_limit(&self) -> u8 {
        self.env.hop_limit
    }
    /// The message parsed back, with ``src``, ``dst`` and ``hop_limit`` set.
    #[getter]
    fn message(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        built_message(py, &self.data, &self.env)
    }
    /// The whole IPv6 packet: a 40-byte header (Next Header 58), then the message.
    fn to_ipv6<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        ipv6_packet(py, &self.env, &self.data)
    }
    /// The whole Ethernet frame. ``destination_mac`` defaults to the multicast mapping of the
    /// destination (RFC 2464 §7); a unicast destination needs it.
    #[pyo3(signature = (source_mac, destination_mac = None))]
    fn to_frame<'py>(
        &self,
        py: Python<'py>,
        source_mac: &Bound<'py, PyAny>,
        destination_mac: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyBytes>> {
        ethernet_frame(py, &self.env, &self.data, source_mac, destination_mac)
    }

    fn __repr__(&self) -> String {
        format!(
            "<ipv6kit.ndp.BuiltMessage: {} bytes, {} -> {}>",
            self.data.len(),
            self.env.source,
            self.env.destination
        )
    }
}

fn built_message(py: Python<'_>, data: &[u8], env: &frame::Envelope) -> PyResult<Py<PyAny>> {
    let msg = Message::parse(data).map_err(error)?;
    py_message(
        py,
        Core {
            msg,
            src: Some(env.source),
            dst: Some(env.destination),
            hop_limit: Some(env.hop_limit),
        },
    )
}

/// Runs a core builder into a buffer of `len` bytes.
fn run_builder(
    len: usize,
    f: impl FnOnce(&mut [u8]) -> Result<(frame::Envelope, usize), core_ndp::NdpError>,
) -> PyResult<BuiltMessage> {
    let mut buf = vec![0u8; len];
    let (env, n) = f(&mut buf).map_err(error)?;
    buf.truncate(n);
    Ok(BuiltMessage { data: buf, env })
}

/// A Duplicate Address Detection NS (RFC 4862 §5.4.2) as Linux sends it: from ``::`` to the
/// solicited-node group of ``target``, no link-layer option, with a Nonce (RFC 7527).
///
/// Args:
///     target: the tentative address.
///     nonce: 6 bytes (``bytes`` or hex text); ``None`` draws them from ``os.urandom``.
///
/// >>> ns = ipv6kit.ndp.build_dad_neighbor_solicitation("fe80::546f:f7ff:fee1:f", "60:69:60:4c:0a:aa")
/// >>> ns.src, ns.dst, hex(ns.message.checksum)
/// (IPv6Address('::'), IPv6Address('ff02::1:ffe1:f'), '0x566e')
#[pyfunction]
#[pyo3(signature = (target, nonce = None))]
fn build_dad_neighbor_solicitation(
    py: Python<'_>,
    target: &Bound<'_, PyAny>,
    nonce: Option<&Bound<'_, PyAny>>,
) -> PyResult<BuiltMessage> {
    let t = ipv6_addr(target, "target")?;
    let n: [u8; 6] = match nonce {
        Some(v) => crate::convert::fixed_bytes(v, "nonce")?,
        None => crate::convert::fixed_bytes(&py.import("os")?.getattr("urandom")?.call1((6,))?, "nonce")?,
    };
    run_builder(32, |buf| build::dad_neighbor_solicitation(t, n, buf))
}

/// An address-resolution NS (RFC 4861 §7.2.2) from ``source`` to the solicited-node group of
/// ``target`` with the sender's link-layer address; with ``unicast=True`` a Neighbor
/// Unreachability Detection NS to ``target`` itself (§7.3).
///
/// >>> ns = ipv6kit.ndp.build_neighbor_solicitation("2001:db8::2", "2001:db8::1", "02:00:00:00:00:02")
/// >>> ns.dst
/// IPv6Address('ff02::1:ff00:1')
#[pyfunction]
#[pyo3(signature = (source, target, source_mac, unicast = false))]
fn build_neighbor_solicitation(
    source: &Bound<'_, PyAny>,
    target: &Bound<'_, PyAny>,
    source_mac: &Bound<'_, PyAny>,
    unicast: bool,
) -> PyResult<BuiltMessage> {
    let s = ipv6_addr(source, "source")?;
    let t = ipv6_addr(target, "target")?;
    let m = mac(source_mac, "source_mac")?;
    run_builder(32, |buf| {
        if unicast {
            build::unicast_neighbor_solicitation(s, t, m, buf)
        } else {
            build::neighbor_solicitation(s, t, m, buf)
        }
    })
}

/// A Neighbor Advertisement for ``target`` from ``source`` with the Target Link-layer Address
/// ``mac``, Override set: solicited (to ``to``; ``"::"``, a DAD NS's source, means all-nodes
/// with S = 0, RFC 4861 §7.2.4) or, when ``to`` is ``None``, unsolicited to all-nodes (§7.2.6).
///
/// >>> na = ipv6kit.ndp.build_neighbor_advertisement("fe80::1", "fe80::1", "02:00:00:00:00:01", to="fe80::2")
/// >>> na.dst, na.message.solicited
/// (IPv6Address('fe80::2'), True)
#[pyfunction]
#[pyo3(signature = (source, target, mac, to = None, router = false))]
fn build_neighbor_advertisement(
    source: &Bound<'_, PyAny>,
    target: &Bound<'_, PyAny>,
    mac: &Bound<'_, PyAny>,
    to: Option<&Bound<'_, PyAny>>,
    router: bool,
) -> PyResult<BuiltMessage> {
    let s = ipv6_addr(source, "source")?;
    let t = ipv6_addr(target, "target")?;
    let m = crate::convert::mac(mac, "mac")?;
    let dest = match to {
        Some(a) => build::NaDestination::Solicited(ipv6_addr(a, "to")?),
        None => build::NaDestination::Unsolicited,
    };
    run_builder(32, |buf| build::neighbor_advertisement(s, t, m, dest, router, buf))
}

/// A Router Solicitation to all-routers, with a Source Link-layer Address when ``mac`` is given
/// and the source is not ``::`` (RFC 4861 §4.1).
///
/// >>> rs = ipv6kit.ndp.build_router_solicitation("fe80::2", "02:00:00:00:00:02")
/// >>> rs.dst, len(rs.data)
/// (IPv6Address('ff02::2'), 16)
#[pyfunction]
#[pyo3(signature = (source, mac = None))]
fn build_router_solicitation(source: &Bound<'_, PyAny>, mac: Option<&Bound<'_, PyAny>>) -> PyResult<BuiltMessage> {
    let s = ipv6_addr(source, "source")?;
    let m = mac.map(|m| crate::convert::mac(m, "mac")).transpose()?;
    run_builder(16, |buf| build::router_solicitation(s, m, buf))
}

impl BuiltAdvertisement {
    fn envelope(&self) -> frame::Envelope {
        frame::Envelope {
            source: self.src,
            destination: self.dst,
            hop_limit: self.hop_limit,
        }
    }
}

/// The options of class `T` in `items`, as their core values (`what` names the argument).
fn core_options<T: pyo3::PyClass, V>(
    items: &Bound<'_, PyAny>,
    what: &str,
    class: &str,
    get: impl Fn(&T) -> Option<V>,
) -> PyResult<Vec<V>> {
    let mut out = Vec::new();
    for item in items.try_iter()? {
        let item = item?;
        let value = item
            .cast::<T>()
            .ok()
            .and_then(|b| get(b.borrow().deref()))
            .ok_or_else(|| PyTypeError::new_err(format!("{what} must hold ndp.{class} objects")))?;
        out.push(value);
    }
    Ok(out)
}

/// Builds a Router Advertisement as a router sends it (``ipv6kit::ndp::build``): options in
/// radvd's order (SLLA, MTU, PIOs, RIOs, RDNSS, DNSSL), then PREF64, Captive-Portal and RA Flags
/// Extension options; checksum computed, hop limit 255.
///
/// Args:
///     source: the router's link-local address.
///     destination: ``ff02::1`` for unsolicited RAs, or the soliciting host.
///     cur_hop_limit, managed, other, home_agent, preference, proxy, router_lifetime,
///         reachable_time, retrans_timer: the fixed part, as :class:`RouterAdvertisement`.
///     source_mac: the router's MAC, for a Source Link-layer Address option.
///     mtu: an MTU option.
///     prefixes: :class:`PrefixInformation` objects.
///     routes: :class:`RouteInformation` objects.
///     dns_servers: RDNSS options, as ``(lifetime, [server, ...])`` pairs (1 to 127 servers).
///     search_lists: DNSSL options, as ``(lifetime, [domain, ...])`` pairs.
///     pref64: PREF64 options (RFC 8781), as ``(prefix, lifetime)`` pairs: a /32, /40, /48, /56,
///         /64 or /96 NAT64 prefix (str or ``ipaddress.IPv6Network``) and seconds (0 to 65535,
///         carried in units of 8 s, rounded up).
///     captive_portal: a Captive-Portal option (RFC 8910) with this URI.
///     flags_extension: an RA Flags Extension option (RFC 5175) with these 6 bytes.
///     link_mtu: the link's MTU, used only for ``exceeds_link_mtu``.
///
/// Returns:
///     A :class:`BuiltAdvertisement` (``.data``, ``.src``, ``.dst``, ``.hop_limit``,
///     ``.exceeds_link_mtu``, ``.message``).
///
/// Raises:
///     ipv6kit.Error: an RDNSS option with no or too many servers, a search list too long, a
///         PREF64 prefix of another length, a URI too long for one option, ``flags_extension``
///         not 6 bytes, an int that does not fit its field (the message names the argument).
///
/// >>> built = ipv6kit.ndp.build_router_advertisement(
/// ...     "fe80::1", source_mac="02:00:00:00:00:01",
/// ...     prefixes=[ipv6kit.ndp.PrefixInformation("2001:db8:1::/64")],
/// ...     dns_servers=[(1800, ["2001:db8:1::53"])])
/// >>> len(built.data), built.message.validate()
/// (80, [])
/// >>> built = ipv6kit.ndp.build_router_advertisement(
/// ...     "fe80::1", pref64=[("64:ff9b::/96", 1800)],
/// ...     captive_portal="https://portal.example/", flags_extension=bytes(6))
/// >>> built.message.options
/// [Pref64(prefix=IPv6Network('64:ff9b::/96'), lifetime=1800), CaptivePortal(uri='https://portal.example/'), RaFlagsExtension(bits=b'\x00\x00\x00\x00\x00\x00')]
#[pyfunction]
#[pyo3(signature = (source, destination = None, *, cur_hop_limit = IntArg::Fits(64), managed = false, other = false,
    home_agent = false, preference = "medium", proxy = false, router_lifetime = IntArg::Fits(1800),
    reachable_time = IntArg::Fits(0), retrans_timer = IntArg::Fits(0), source_mac = None, mtu = None, prefixes = None,
    routes = None, dns_servers = None, search_lists = None, pref64 = None, captive_portal = None,
    flags_extension = None, link_mtu = IntArg::Fits(1500)),
    text_signature = "(source, destination='ff02::1', *, cur_hop_limit=64, managed=False, other=False, \
    home_agent=False, preference='medium', proxy=False, router_lifetime=1800, reachable_time=0, retrans_timer=0, \
    source_mac=None, mtu=None, prefixes=(), routes=(), dns_servers=(), search_lists=(), pref64=(), \
    captive_portal=None, flags_extension=None, link_mtu=1500)")]
#[allow(clippy::too_many_arguments)]
fn build_router_advertisement(
    source: &Bound<'_, PyAny>,
    destination: Option<&Bound<'_, PyAny>>,
    cur_hop_limit: IntArg,
    managed: bool,
    other: bool,
    home_agent: bool,
    preference: &str,
    proxy: bool,
    router_lifetime: IntArg,
    reachable_time: IntArg,
    retrans_timer: IntArg,
    source_mac: Option<&Bound<'_, PyAny>>,
    mtu: Option<IntArg>,
    prefixes: Option<&Bound<'_, PyAny>>,
    routes: Option<&Bound<'_, PyAny>>,
    dns_servers: Option<Vec<(IntArg, Vec<Bound<'_, PyAny>>)>>,
    search_lists: Option<Vec<(IntArg, Vec<String>)>>,
    pref64: Option<Vec<(Bound<'_, PyAny>, IntArg)>>,
    captive_portal: Option<&str>,
    flags_extension: Option<&[u8]>,
    link_mtu: IntArg,
) -> PyResult<BuiltAdvertisement> {
    let header = core_ndp::RouterAdvertisement {
        cur_hop_limit: cur_hop_limit.get("cur_hop_limit")?,
        flags: RaFlags(0)
            .with_managed(managed)
            .with_other(other)
            .with_home_agent(home_agent)
            .with_proxy(proxy)
            .with_preference(preference_from(preference)?),
        router_lifetime: router_lifetime.get("router_lifetime")?,
        reachable_time: reachable_time.get("reachable_time")?,
        retrans_timer: retrans_timer.get("retrans_timer")?,
    };
    let mtu = mtu.map(|m| m.get("mtu")).transpose()?;
    let link_mtu = link_mtu.get("link_mtu")?;
    let defaults = build::RaConfig::default();
    let prefixes = match prefixes {
        Some(p) => core_options::<PrefixInformation, _>(p, "prefixes", "PrefixInformation", |o| match o.raw {
            NdpOption::PrefixInformation(v) => Some(v),
            _ => None,
        })?,
        None => Vec::new(),
    };
    let routes = match routes {
        Some(r) => core_options::<RouteInformation, _>(r, "routes", "RouteInformation", |o| match o.raw {
            NdpOption::RouteInformation(v) => Some(v),
            _ => None,
        })?,
        None => Vec::new(),
    };
    let servers = dns_servers
        .unwrap_or_default()
        .into_iter()
        .enumerate()
        .map(|(i, (lifetime, list))| {
            let lifetime: u32 = lifetime.get(&format!("dns_servers[{i}] lifetime"))?;
            let addrs = list
                .iter()
                .map(|a| ipv6_addr(a, "dns_servers"))
                .collect::<PyResult<Vec<Ipv6Addr>>>()?;
            Ok((lifetime, addrs))
        })
        .collect::<PyResult<Vec<_>>>()?;
    let dns: Vec<build::DnsServers<'_>> = servers
        .iter()
        .map(|(lifetime, addrs)| build::DnsServers {
            lifetime: *lifetime,
            servers: addrs,
        })
        .collect();
    let lists = search_lists
        .unwrap_or_default()
        .into_iter()
        .enumerate()
        .map(|(i, (lifetime, domains))| Ok((lifetime.get::<u32>(&format!("search_lists[{i}] lifetime"))?, domains)))
        .collect::<PyResult<Vec<_>>>()?;
    let names: Vec<Vec<&str>> = lists
        .iter()
        .map(|(_, d)| d.iter().map(String::as_str).collect())
        .collect();
    let searches: Vec<build::SearchList<'_>> = lists
        .iter()
        .zip(&names)
        .map(|((lifetime, _), domains)| build::SearchList {
            lifetime: *lifetime,
            domains,
        })
        .collect();
    let nat64 = pref64
        .unwrap_or_default()
        .iter()
        .enumerate()
        .map(|(i, (prefix, lifetime))| self::pref64(prefix, lifetime.get(&format!("pref64[{i}] lifetime"))?, "pref64"))
        .collect::<PyResult<Vec<opt::Pref64>>>()?;
    let config = build::RaConfig {
        source: ipv6_addr(source, "source")?,
        destination: match destination {
            Some(d) => ipv6_addr(d, "destination")?,
            None => defaults.destination,
        },
        header,
        source_mac: source_mac.map(|m| mac(m, "source_mac")).transpose()?,
        mtu,
        prefixes: &prefixes,
        routes: &routes,
        dns_servers: &dns,
        search_lists: &searches,
        pref64: &nat64,
        captive_portal: captive_portal.map(captive_portal_uri).transpose()?,
        flags_extension: flags_extension.map(flags_extension_bits).transpose()?,
    };
    let mut buf = vec![0u8; config.buffer_len().map_err(error)?];
    let built = build::router_advertisement(&config, link_mtu, &mut buf).map_err(error)?;
    buf.truncate(built.len);
    Ok(BuiltAdvertisement {
        data: buf,
        src: built.envelope.source,
        dst: built.envelope.destination,
        hop_limit: built.envelope.hop_limit,
        exceeds_link_mtu: built.exceeds_link_mtu,
    })
}

/// The ICMPv6 checksum ``data`` should carry from ``src`` to ``dst`` (RFC 4443 §2.3, over the
/// IPv6 pseudo-header of RFC 8200 §8.1), computed as if its checksum field were zero.
///
/// >>> ra = bytes([134, 0, 0, 0, 64, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
/// >>> hex(ipv6kit.ndp.checksum("fe80::1", "ff02::1", ra))
/// '0x3c2f'
#[pyfunction]
fn checksum(src: &Bound<'_, PyAny>, dst: &Bound<'_, PyAny>, data: &[u8]) -> PyResult<u16> {
    Ok(core_ndp::checksum::compute(
        ipv6_addr(src, "src")?,
        ipv6_addr(dst, "dst")?,
        data,
    ))
}

/// True when the checksum field of the ICMPv6 message ``data`` is right for ``src`` → ``dst``.
#[pyfunction]
fn verify_checksum(src: &Bound<'_, PyAny>, dst: &Bound<'_, PyAny>, data: &[u8]) -> PyResult<bool> {
    Ok(core_ndp::checksum::verify(
        ipv6_addr(src, "src")?,
        ipv6_addr(dst, "dst")?,
        data,
    ))
}

mod extra;

/// Adds the submodule `ndp` to `parent`.
pub(crate) fn register(parent: &Bound<'_, PyModule>) -> PyResult<()> {
    let m = PyModule::new(parent.py(), "ipv6kit.ndp")?;
    m.add(
        "__doc__",
        "Neighbor Discovery (RFC 4861): every message and option parsed and built byte-exact, as typed objects.",
    )?;
    m.add_function(wrap_pyfunction!(parse, &m)?)?;
    m.add_function(wrap_pyfunction!(parse_frame, &m)?)?;
    m.add_function(wrap_pyfunction!(build_router_advertisement, &m)?)?;
    m.add_function(wrap_pyfunction!(checksum, &m)?)?;
    m.add_function(wrap_pyfunction!(verify_checksum, &m)?)?;
    m.add_class::<BuiltAdvertisement>()?;
    m.add_class::<BuiltMessage>()?;
    m.add_function(wrap_pyfunction!(build_dad_neighbor_solicitation, &m)?)?;
    m.add_function(wrap_pyfunction!(build_neighbor_solicitation, &m)?)?;
    m.add_function(wrap_pyfunction!(build_neighbor_advertisement, &m)?)?;
    m.add_function(wrap_pyfunction!(build_router_solicitation, &m)?)?;
    m.add_class::<RouterSolicitation>()?;
    m.add_class::<RouterAdvertisement>()?;
    m.add_class::<NeighborSolicitation>()?;
    m.add_class::<NeighborAdvertisement>()?;
    m.add_class::<Redirect>()?;
    m.add_class::<SourceLla>()?;
    m.add_class::<TargetLla>()?;
    m.add_class::<PrefixInformation>()?;
    m.add_class::<RedirectedHeader>()?;
    m.add_class::<Mtu>()?;
    m.add_class::<AdvertisementInterval>()?;
    m.add_class::<HomeAgentInformation>()?;
    m.add_class::<Nonce>()?;
    m.add_class::<RouteInformation>()?;
    m.add_class::<RecursiveDnsServer>()?;
    m.add_class::<RaFlagsExtension>()?;
    m.add_class::<DnsSearchList>()?;
    m.add_class::<CaptivePortal>()?;
    m.add_class::<Pref64>()?;
    m.add_class::<UnknownOption>()?;
    m.add_class::<InvalidOption>()?;
    extra::register(&m)?;
    parent.setattr("ndp", m)?;
    Ok(())
}
