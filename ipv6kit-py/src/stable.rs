//! `ipv6kit.stable`: stable, semantically opaque interface identifiers (RFC 7217), as each
//! implementation computes them.

use crate::convert::{error, fixed_bytes, hex_bytes, ipv6_addr, ipv6_net, py_ipv6, text_or_bytes, Error, IntArg};
use ipv6kit::iid::stable::{linux as lx, network_manager as nm, rfc7217 as r7217, systemd as sd};
use pyo3::prelude::*;
use pyo3::types::PyString;

/// The address the Linux kernel forms with ``addr_gen_mode`` 2 or 3 (stable-privacy) on a /64.
///
/// ``net/ipv6/addrconf.c``'s ``ipv6_generate_stable_address()``: one raw SHA-1 compression
/// over the prefix, the permanent hardware address, the DAD counter and the secret, read out
/// in the host's byte order (a big-endian router and a little-endian PC disagree).
///
/// Args:
///     secret: ``net.ipv6.conf.<if>.stable_secret`` (an IPv6 address, ``str`` or ``IPv6Address``).
///     prefix: the /64 from the Router Advertisement (``str`` or ``IPv6Network``).
///     hwaddr: the device's permanent hardware address (hex ``str`` of any length up to 32
///         bytes, or ``bytes``).
///     dad_count: DAD conflicts so far (0 for the first address).
///     byteorder: ``"little"`` (x86, ARM) or ``"big"`` (many MIPS routers).
///     idgen_retries: the ``net.ipv6.idgen_retries`` sysctl (3 by default).
///
/// Raises:
///     ipv6kit.Error: not a /64, hardware address too long, or the retries are exhausted.
#[pyfunction]
#[pyo3(
    signature = (secret, prefix, hwaddr = None, dad_count = IntArg::Fits(0), byteorder = "little",
        idgen_retries = IntArg::Fits(3)),
    text_signature = "(secret, prefix, hwaddr='00:00:00:00:00:00', dad_count=0, byteorder='little', idgen_retries=3)"
)]
fn linux<'py>(
    secret: &Bound<'py, PyAny>,
    prefix: &Bound<'py, PyAny>,
    hwaddr: Option<&Bound<'py, PyAny>>,
    dad_count: IntArg,
    byteorder: &str,
    idgen_retries: IntArg,
) -> PyResult<Bound<'py, PyAny>> {
    let dad_count = dad_count.get("dad_count")?;
    let idgen_retries = idgen_retries.get("idgen_retries")?;
    let s = ipv6_addr(secret, "secret")?;
    let p = ipv6_net(prefix, "prefix")?;
    let hw = match hwaddr {
        Some(h) => hex_bytes(h, "hwaddr")?,
        None => vec![0; 6],
    };
    let order = match byteorder {
        "little" => lx::ByteOrder::Little,
        "big" => lx::ByteOrder::Big,
        other => {
            return Err(Error::new_err(format!(
                "byteorder {other:?}: \"little\" or \"big\" was expected"
            )))
        }
    };
    py_ipv6(
        secret.py(),
        lx::stable_address(s, p, &hw, dad_count, idgen_retries, order).map_err(error)?,
    )
}

/// NetworkManager's host id (the hash key) from the contents of
/// ``/var/lib/NetworkManager/secret_key`` and, for a version-2 file, ``/etc/machine-id``.
///
/// Args:
///     secret_key_file: the file's bytes.
///     machine_id: the machine id's 32 hex digits, or ``None`` when it is missing.
///
/// Returns:
///     The key bytes to pass to :func:`network_manager` as ``host_id``.
#[pyfunction]
#[pyo3(signature = (secret_key_file, machine_id = None))]
fn network_manager_host_id(secret_key_file: &[u8], machine_id: Option<&str>) -> PyResult<Vec<u8>> {
    Ok(nm::host_id(secret_key_file, machine_id)
        .map_err(error)?
        .as_bytes()
        .to_vec())
}

/// The address NetworkManager configures with ``ipv6.addr-gen-mode=stable-privacy`` on a /64.
///
/// Args:
///     host_id: the hash key (see :func:`network_manager_host_id`), ``bytes``.
///     prefix: the /64 (``str`` or ``IPv6Network``).
///     ifname: the interface name (at most 15 bytes).
///     network_id: the connection's UUID or expanded ``connection.stable-id``.
///     dad_counter: DAD conflicts so far; NetworkManager gives up at 3.
///     stable_type: ``"uuid"`` (the default), ``"stable-id"``, ``"generated"`` or ``"random"``.
///
/// Raises:
///     ipv6kit.Error: not a /64, a bad interface name, or too many DAD conflicts.
#[pyfunction]
#[pyo3(
    signature = (host_id, prefix, ifname, network_id, dad_counter = IntArg::Fits(0), stable_type = "uuid"),
    text_signature = "(host_id, prefix, ifname, network_id, dad_counter=0, stable_type='uuid')"
)]
fn network_manager<'py>(
    host_id: &Bound<'py, PyAny>,
    prefix: &Bound<'py, PyAny>,
    ifname: &str,
    network_id: &str,
    dad_counter: IntArg,
    stable_type: &str,
) -> PyResult<Bound<'py, PyAny>> {
    let dad_counter = dad_counter.get("dad_counter")?;
    let key = text_or_bytes(host_id, "host_id")?;
    let p = ipv6_net(prefix, "prefix")?;
    let t = match stable_type {
        "uuid" => nm::StableType::Uuid,
        "stable-id" => nm::StableType::StableId,
        "generated" => nm::StableType::Generated,
        "random" => nm::StableType::Random,
        other => {
            return Err(Error::new_err(format!(
                "stable_type {other:?}: \"uuid\", \"stable-id\", \"generated\" or \"random\" was expected"
            )))
        }
    };
    py_ipv6(
        host_id.py(),
        nm::stable_privacy_address(t, p, ifname, network_id, dad_counter, &key).map_err(error)?,
    )
}

/// The address systemd-networkd configures with ``Token=prefixstable`` (and its NDISC default).
///
/// SipHash-2-4 keyed either by a configured key or by an id derived from ``/etc/machine-id``
/// and the application id.
///
/// Args:
///     prefix: /1 to /64 (``str`` or ``IPv6Network``), masked to its length.
///     ifname: the interface name.
///     hw_addr: the link's hardware address (hex ``str`` or ``bytes``).
///     key: the configured 16-byte key (``Token=prefixstable,KEY``), or ``None``.
///     machine_id: ``/etc/machine-id`` (32 hex digits or 16 bytes), used when ``key`` is ``None``.
///     app_id: ``"ndisc"`` (default), ``"dhcp-pd"``, ``"radv"``, or 16 bytes.
///     ssid: the wireless network's name, when connected to one.
///     previous: the address that just failed DAD, if any.
///
/// Raises:
///     ipv6kit.Error: neither ``key`` nor ``machine_id``, a null key, a bad prefix length,
///         or no valid address left.
#[pyfunction]
#[pyo3(signature = (prefix, ifname, hw_addr, key = None, machine_id = None, app_id = None, ssid = None, previous = None))]
#[allow(clippy::too_many_arguments)]
fn systemd<'py>(
    prefix: &Bound<'py, PyAny>,
    ifname: &str,
    hw_addr: &Bound<'py, PyAny>,
    key: Option<&Bound<'py, PyAny>>,
    machine_id: Option<&Bound<'py, PyAny>>,
    app_id: Option<&Bound<'py, PyAny>>,
    ssid: Option<&str>,
    previous: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let p = ipv6_net(prefix, "prefix")?;
    let hw = hex_bytes(hw_addr, "hw_addr")?;
    let secret = match (key, machine_id) {
        (Some(k), _) => sd::SecretKey::Configured(fixed_bytes::<16>(k, "key")?),
        (None, Some(m)) => {
            let app = match app_id {
                None => sd::NDISC_APP_ID,
                Some(a) => match a
                    .cast::<PyString>()
                    .ok()
                    .map(|s| s.to_cow().map(|c| c.into_owned()))
                    .transpose()?
                {
                    Some(name) if name == "ndisc" => sd::NDISC_APP_ID,
                    Some(name) if name == "dhcp-pd" => sd::DHCP_PD_APP_ID,
                    Some(name) if name == "radv" => sd::RADV_APP_ID,
                    _ => fixed_bytes::<16>(a, "app_id")?,
                },
            };
            sd::SecretKey::MachineId {
                machine_id: fixed_bytes::<16>(m, "machine_id")?,
                app_id: app,
            }
        }
        (None, None) => return Err(Error::new_err("a key or a machine_id is needed")),
    };
    let prev = previous.map(|a| ipv6_addr(a, "previous")).transpose()?;
    py_ipv6(
        prefix.py(),
        sd::stable_private_address(secret, p, ifname, &hw, ssid, prev).map_err(error)?,
    )
}

/// One systemd-networkd hash (``generate_stable_private_address_one()``) for exactly these
/// inputs, with no validity check and no retry: the building block :func:`systemd` repeats.
///
/// Args:
///     key: the 16-byte SipHash key (``bytes`` or hex ``str``): the configured key, or what
///         systemd derives from the machine id.
///     prefix: an address whose first 64 bits are hashed (``str`` or ``IPv6Address``, already
///         masked to the prefix length; a prefix text ``"2002:da8:1::/64"`` is read the same).
///     ifname: the link's name.
///     hw_addr: its hardware address (hex ``str`` or ``bytes``).
///     ssid: the wireless network's name, when connected to one.
///     dad_counter: the attempt (0, 1, 2, ...).
///
/// >>> ipv6kit.stable.systemd_address_one("86b123b969ba4b7eb8b3d8605123525a", "2002:da8:1::",
/// ...     "veth99", "12:34:56:78:9a:bc")
/// IPv6Address('2002:da8:1:0:b47e:7975:fc7a:7d6e')
#[pyfunction]
#[pyo3(
    signature = (key, prefix, ifname, hw_addr, ssid = None, dad_counter = IntArg::Fits(0)),
    text_signature = "(key, prefix, ifname, hw_addr, ssid=None, dad_counter=0)"
)]
fn systemd_address_one<'py>(
    key: &Bound<'py, PyAny>,
    prefix: &Bound<'py, PyAny>,
    ifname: &str,
    hw_addr: &Bound<'py, PyAny>,
    ssid: Option<&str>,
    dad_counter: IntArg,
) -> PyResult<Bound<'py, PyAny>> {
    let dad_counter = dad_counter.get("dad_counter")?;
    let k = fixed_bytes::<16>(key, "key")?;
    let p = match prefix.cast::<PyString>() {
        Ok(t) if t.to_cow()?.contains('/') => ipv6_net(prefix, "prefix")?.network(),
        _ => ipv6_addr(prefix, "prefix")?,
    };
    let hw = hex_bytes(hw_addr, "hw_addr")?;
    py_ipv6(
        prefix.py(),
        sd::stable_private_address_one(&k, p, ifname, &hw, ssid, dad_counter).map_err(error)?,
    )
}

/// systemd's ``stable_private_address_is_valid()``: false when the whole address lies in
/// ``::/64``, ``0200:5eff:fe00::/40`` or ``fdff:ffff:ffff:ff80::/57`` (the ranges systemd
/// refuses and retries past).
///
/// >>> ipv6kit.stable.systemd_address_is_valid("2002:da8:1:0:b47e:7975:fc7a:7d6e")
/// True
/// >>> ipv6kit.stable.systemd_address_is_valid("200:5eff:fe00::1")
/// False
#[pyfunction]
fn systemd_address_is_valid(addr: &Bound<'_, PyAny>) -> PyResult<bool> {
    Ok(sd::is_valid_stable_private_address(ipv6_addr(addr, "addr")?))
}

/// The stable address of RFC 7217 with ipv6kit's documented PRF (HMAC-SHA-256).
///
/// Args:
///     prefix: the /64 (``str`` or ``IPv6Network``).
///     net_iface: the interface's identifier (``str`` or ``bytes``: name, index or MAC).
///     network_id: an identifier of the network (``str`` or ``bytes``, e.g. the SSID), may be empty.
///     secret_key: at least 16 bytes (``bytes`` or hex ``str``).
///     dad_counter: DAD conflicts so far (gives up past RFC 7217's IDGEN_RETRIES).
#[pyfunction]
#[pyo3(
    signature = (prefix, net_iface, network_id, secret_key, dad_counter = IntArg::Fits(0)),
    text_signature = "(prefix, net_iface, network_id, secret_key, dad_counter=0)"
)]
fn rfc7217<'py>(
    prefix: &Bound<'py, PyAny>,
    net_iface: &Bound<'py, PyAny>,
    network_id: &Bound<'py, PyAny>,
    secret_key: &Bound<'py, PyAny>,
    dad_counter: IntArg,
) -> PyResult<Bound<'py, PyAny>> {
    let dad_counter = dad_counter.get("dad_counter")?;
    let p = ipv6_net(prefix, "prefix")?;
    let iface = text_or_bytes(net_iface, "net_iface")?;
    let net = text_or_bytes(network_id, "network_id")?;
    let key = hex_bytes(secret_key, "secret_key")?;
    py_ipv6(
        prefix.py(),
        r7217::stable_address(p, &iface, &net, dad_counter, &key).map_err(error)?,
    )
}

/// Adds the submodule `stable` to `parent`.
pub(crate) fn register(parent: &Bound<'_, PyModule>) -> PyResult<()> {
    let m = PyModule::new(parent.py(), "ipv6kit.stable")?;
    m.add("__doc__", "Stable, semantically opaque interface identifiers (RFC 7217), bit for bit as Linux, NetworkManager and systemd-networkd compute them.")?;
    m.add_function(wrap_pyfunction!(linux, &m)?)?;
    m.add_function(wrap_pyfunction!(network_manager, &m)?)?;
    m.add_function(wrap_pyfunction!(network_manager_host_id, &m)?)?;
    m.add_function(wrap_pyfunction!(systemd, &m)?)?;
    m.add_function(wrap_pyfunction!(systemd_address_one, &m)?)?;
    m.add_function(wrap_pyfunction!(systemd_address_is_valid, &m)?)?;
    m.add_function(wrap_pyfunction!(rfc7217, &m)?)?;
    parent.setattr("stable", m)?;
    Ok(())
}
