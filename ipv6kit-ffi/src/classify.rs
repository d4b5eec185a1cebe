//! Classification of interface identifiers (the core's rules, documented in
//! `ipv6kit::iid::classify`).

use crate::boundary::{guard, read_addr, Out, TextOut};
use crate::iid::read_iid;
use crate::result::{ipv6kit_result, Fail};
use core::ffi::c_char;
use ipv6kit_core::iid::classify::{self as core_classify, IidClass, Ipv4Form, PortNotation};

/// The class of an interface identifier (`ipv6kit_iid_class.kind`); the first rule that matches,
/// in this order.
#[allow(non_camel_case_types)]
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ipv6kit_iid_kind {
    /// Teredo (RFC 4380): `ipv4` is the server, `client` the client, `port` its port, `flags` set.
    Teredo = 0,
    /// In the reserved-IID registry (RFC 5453): `reserved_first`..`reserved_last` is the range.
    Reserved = 1,
    /// Modified EUI-64 from a MAC: `mac`, `universal`, `group`.
    IeeeDerived = 2,
    /// ISATAP (RFC 5214): `ipv4`, `universal`.
    Isatap = 3,
    /// An IPv4 address written into the identifier: `ipv4`, `ipv4_form`.
    EmbeddedIpv4 = 4,
    /// A service port written into the identifier: `port`, `port_notation`.
    EmbeddedPort = 5,
    /// Small values in the low bytes (`::1`).
    LowByte = 6,
    /// Many zero bytes: a hand-made pattern.
    PatternBytes = 7,
    /// No structure found: randomized.
    Randomized = 8,
}

/// How an IPv4 address sits in an identifier (`ipv6kit_iid_class.ipv4_form`).
#[allow(non_camel_case_types)]
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ipv6kit_ipv4_form {
    /// Not applicable to this class.
    None = 0,
    /// In the low 32 bits (`::c000:221`).
    Low32 = 1,
    /// One octet per 16-bit group, in decimal (`::192:0:2:33`).
    DecimalGroups = 2,
}

/// How a service port is written (`ipv6kit_iid_class.port_notation`).
#[allow(non_camel_case_types)]
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ipv6kit_port_notation {
    /// Not applicable to this class.
    None = 0,
    /// The group's numeric value (`::1bb` = 443).
    Hex = 1,
    /// The group's digits read as decimal (`::443`).
    Decimal = 2,
}

/// A classified identifier. Fields the class does not use are zero.
#[allow(non_camel_case_types)]
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ipv6kit_iid_class {
    /// The class.
    pub kind: ipv6kit_iid_kind,
    /// Teredo: the server; ISATAP and embedded IPv4: the IPv4 address.
    pub ipv4: [u8; 4],
    /// Teredo: the client's external IPv4 address.
    pub client: [u8; 4],
    /// Teredo: the client's external UDP port; embedded port: the port.
    pub port: u16,
    /// Teredo: the flags field.
    pub flags: u16,
    /// IEEE-derived: the MAC.
    pub mac: [u8; 6],
    /// IEEE-derived and ISATAP: universally administered.
    pub universal: bool,
    /// IEEE-derived: the MAC's group (multicast) bit is set.
    pub group: bool,
    /// Embedded IPv4: how it is written.
    pub ipv4_form: ipv6kit_ipv4_form,
    /// Embedded port: how it is written.
    pub port_notation: ipv6kit_port_notation,
    /// Reserved: first identifier of the registry range, as a big-endian integer.
    pub reserved_first: u64,
    /// Reserved: last identifier of the range (inclusive).
    pub reserved_last: u64,
}

/// All fields zero (the `kind` value 0 included): `ipv6kit_description.iid` when the address
/// has no identifier.
pub(crate) const fn zeroed() -> ipv6kit_iid_class {
    ipv6kit_iid_class {
        kind: ipv6kit_iid_kind::Teredo,
        ipv4: [0; 4],
        client: [0; 4],
        port: 0,
        flags: 0,
        mac: [0; 6],
        universal: false,
        group: false,
        ipv4_form: ipv6kit_ipv4_form::None,
        port_notation: ipv6kit_port_notation::None,
        reserved_first: 0,
        reserved_last: 0,
    }
}

/// The C form of a class; a class this crate does not know yet is `IID_OTHER`.
pub(crate) fn to_c(class: IidClass) -> Result<ipv6kit_iid_class, Fail> {
    let mut c = ipv6kit_iid_class {
        kind: ipv6kit_iid_kind::Randomized,
        ..zeroed()
    };
    match class {
        IidClass::Teredo {
            server,
            flags,
            port,
            client,
        } => {
            c.kind = ipv6kit_iid_kind::Teredo;
            c.ipv4 = server.octets();
            c.client = client.octets();
            c.port = port;
            c.flags = flags;
        }
        IidClass::Reserved(r) => {
            c.kind = ipv6kit_iid_kind::Reserved;
            c.reserved_first = r.first;
            c.reserved_last = r.last;
        }
        IidClass::IeeeDerived { mac, universal, group } => {
            c.kind = ipv6kit_iid_kind::IeeeDerived;
            c.mac = mac.into_array();
            c.universal = universal;
            c.group = group;
        }
        IidClass::Isatap { ipv4, universal } => {
            c.kind = ipv6kit_iid_kind::Isatap;
            c.ipv4 = ipv4.octets();
            c.universal = universal;
        }
        IidClass::EmbeddedIpv4 { ipv4, form } => {
            c.kind = ipv6kit_iid_kind::EmbeddedIpv4;
            c.ipv4 = ipv4.octets();
            c.ipv4_form = match form {
                Ipv4Form::Low32 => ipv6kit_ipv4_form::Low32,
                Ipv4Form::DecimalGroups => ipv6kit_ipv4_form::DecimalGroups,
            };
        }
        IidClass::EmbeddedPort { port, notation } => {
            c.kind = ipv6kit_iid_kind::EmbeddedPort;
            c.port = port;
            c.port_notation = match notation {
                PortNotation::Hex => ipv6kit_port_notation::Hex,
                PortNotation::Decimal => ipv6kit_port_notation::Decimal,
            };
        }
        IidClass::LowByte => c.kind = ipv6kit_iid_kind::LowByte,
        IidClass::PatternBytes => c.kind = ipv6kit_iid_kind::PatternBytes,
        IidClass::Randomized => c.kind = ipv6kit_iid_kind::Randomized,
        other => {
            return Err(Fail::with(
                ipv6kit_result::IidOther,
                format_args!("class {other} has no C form yet"),
            ))
        }
    }
    Ok(c)
}

/// Classifies the identifier of an address (the address is needed for Teredo).
///
/// Errors: `NULL_POINTER`.
///
/// # Safety
/// `addr` must be readable for 16 bytes and `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_iid_classify(addr: *const u8, out: *mut ipv6kit_iid_class) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let c = to_c(core_classify::classify(unsafe { read_addr(addr) }?))?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(c) };
        Ok(())
    })
}

/// Classifies an identifier on its own (never Teredo: that needs the prefix).
///
/// Errors: `NULL_POINTER`.
///
/// # Safety
/// `iid` must be readable for 8 bytes and `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_iid_classify_iid(iid: *const u8, out: *mut ipv6kit_iid_class) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let c = to_c(core_classify::classify_iid(unsafe { read_iid(iid) }?))?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(c) };
        Ok(())
    })
}

/// Writes the short, stable name of the class of an address's identifier ("ieee-derived",
/// "low-byte", "randomized", ...).
///
/// Errors: `NULL_POINTER`, `BUFFER_TOO_SHORT`.
///
/// # Safety
/// `addr` must be readable for 16 bytes, `buf` writable for `len` bytes, `written` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_iid_classify_name(
    addr: *const u8,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let out = TextOut::new(buf, len, written)?;
        // SAFETY: the caller's contract above.
        let class = core_classify::classify(unsafe { read_addr(addr) }?);
        // SAFETY: the caller's contract above.
        unsafe { out.write_str(class.name()) }
    })
}

/// Writes a one-line description of the class with its details ("ieee-derived (MAC
/// b8:27:eb:89:bc:51, universal)").
///
/// Errors: `NULL_POINTER`, `BUFFER_TOO_SHORT`.
///
/// # Safety
/// `addr` must be readable for 16 bytes, `buf` writable for `len` bytes, `written` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_iid_classify_describe(
    addr: *const u8,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let out = TextOut::new(buf, len, written)?;
        // SAFETY: the caller's contract above.
        let class = core_classify::classify(unsafe { read_addr(addr) }?);
        // SAFETY: the caller's contract above.
        unsafe { out.write(class) }
    })
}
