//! The IANA IPv6 Special-Purpose Address Registry, "what is this address" in one call, and
//! addresses with a zone (`fe80::1%eth0`, RFC 4007 / RFC 6874).

use crate::boundary::{guard, read_addr, read_bytes, read_text, Out, TextOut};
use crate::classify::ipv6kit_iid_class;
use crate::multicast::ipv6kit_multicast_info;
use crate::result::{ipv6kit_result, Fail};
use crate::text::ipv6kit_prefix;
use core::ffi::c_char;
use core::net::Ipv4Addr;
use ipv6kit_core::describe::{self as core_describe, Kind};
use ipv6kit_core::registry as core_registry;
use ipv6kit_core::scoped::{ScopedAddr, ScopedSocketAddr, Zone, ZoneName};

/// One entry of the registry. The columns are `1` (True), `0` (False) or `-1` (N/A).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ipv6kit_registry_entry {
    /// The address block.
    pub prefix: ipv6kit_prefix,
    /// May appear as a source address.
    pub source: i8,
    /// May appear as a destination address.
    pub destination: i8,
    /// May be forwarded by routers.
    pub forwardable: i8,
    /// Globally reachable.
    pub globally_reachable: i8,
    /// Reserved by protocol.
    pub reserved_by_protocol: i8,
    /// The allocation has a termination date.
    pub terminated: bool,
}

fn tri(v: Option<bool>) -> i8 {
    match v {
        Some(true) => 1,
        Some(false) => 0,
        None => -1,
    }
}

fn entry(index: usize) -> Result<&'static core_registry::Entry, Fail> {
    core_registry::ENTRIES.get(index).ok_or_else(|| {
        Fail::with(
            ipv6kit_result::InvalidArgument,
            format_args!("no registry entry {index}"),
        )
    })
}

/// The number of entries of the registry edition compiled in (for `ipv6kit_registry_entry_at()`).
#[no_mangle]
pub extern "C" fn ipv6kit_registry_count() -> usize {
    core_registry::ENTRIES.len()
}

/// Writes registry entry number `index` (0 to count − 1, ascending prefix order).
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (index out of range).
///
/// # Safety
/// `out` must be writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_registry_entry_at(index: usize, out: *mut ipv6kit_registry_entry) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        let e = entry(index)?;
        let c = ipv6kit_registry_entry {
            prefix: ipv6kit_prefix::from_net(e.prefix),
            source: tri(e.source),
            destination: tri(e.destination),
            forwardable: tri(e.forwardable),
            globally_reachable: tri(e.globally_reachable),
            reserved_by_protocol: tri(e.reserved_by_protocol),
            terminated: e.terminated.is_some(),
        };
        // SAFETY: the caller's contract above.
        unsafe { out.write(c) };
        Ok(())
    })
}

/// The text columns of a registry entry (`ipv6kit_registry_entry_text()`).
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ipv6kit_registry_field {
    /// The registry's name for the block ("Documentation").
    Name = 0,
    /// The defining RFC(s), as the registry writes them ("RFC 3849").
    Rfc = 1,
    /// Allocation date ("2004-07").
    Allocated = 2,
    /// Termination date, when there is one.
    Terminated = 3,
}

/// The text column `field` (an `ipv6kit_registry_field`) of a registry row, IPv6 or IPv4.
fn entry_field(
    field: u32,
    name: &'static str,
    rfc: &'static str,
    allocated: &'static str,
    terminated: Option<&'static str>,
) -> Result<&'static str, Fail> {
    match field {
        f if f == ipv6kit_registry_field::Name as u32 => Ok(name),
        f if f == ipv6kit_registry_field::Rfc as u32 => Ok(rfc),
        f if f == ipv6kit_registry_field::Allocated as u32 => Ok(allocated),
        f if f == ipv6kit_registry_field::Terminated as u32 => terminated.ok_or(Fail::with(
            ipv6kit_result::NotFound,
            "the allocation has no termination date",
        )),
        other => Err(Fail::with(
            ipv6kit_result::InvalidEnum,
            format_args!("{other} is no ipv6kit_registry_field"),
        )),
    }
}

/// Writes a text column of registry entry number `index`; `field` is an
/// `ipv6kit_registry_field`.
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (index), `INVALID_ENUM`, `NOT_FOUND` (no
/// termination date), `BUFFER_TOO_SHORT`.
///
/// # Safety
/// `buf` writable for `len` bytes and `written` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_registry_entry_text(
    index: usize,
    field: u32,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let out = TextOut::new(buf, len, written)?;
        let e = entry(index)?;
        let text = entry_field(field, e.name, e.rfc, e.allocated, e.terminated)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write_str(text) }
    })
}

/// Sets `*index` to the most specific registry entry containing `addr`.
///
/// Errors: `NULL_POINTER`, `NOT_FOUND` (no entry covers the address).
///
/// # Safety
/// `addr` readable for 16 bytes and `index` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_registry_lookup(addr: *const u8, index: *mut usize) -> ipv6kit_result {
    guard(|| {
        let index = Out::new(index)?;
        // SAFETY: the caller's contract above.
        let a = unsafe { read_addr(addr) }?;
        // `lookup` returns a reference into the `static` ENTRIES: found by identity.
        let found = core_registry::lookup(a)
            .ok_or_else(|| Fail::with(ipv6kit_result::NotFound, format_args!("no registry entry covers {a}")))?;
        let i = core_registry::ENTRIES
            .iter()
            .position(|e| core::ptr::eq(e, found))
            .ok_or(Fail::code(ipv6kit_result::NotFound))?;
        // SAFETY: the caller's contract above.
        unsafe { index.write(i) };
        Ok(())
    })
}

/// Sets `*out` to whether `addr` is globally reachable by the registry (its most specific
/// entry's column, multicast by scope, everything no entry covers in 2000::/3 reachable).
///
/// Errors: `NULL_POINTER`.
///
/// # Safety
/// `addr` readable for 16 bytes and `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_registry_is_global(addr: *const u8, out: *mut bool) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let g = core_registry::is_global(unsafe { read_addr(addr) }?);
        // SAFETY: the caller's contract above.
        unsafe { out.write(g) };
        Ok(())
    })
}

/// The broad kind of an address (RFC 4291 §2.4 and the registry).
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ipv6kit_address_kind {
    /// `::`.
    Unspecified = 0,
    /// `::1`.
    Loopback = 1,
    /// `::ffff:0:0/96`.
    Ipv4Mapped = 2,
    /// `::/96` other than `::` and `::1` (deprecated IPv4-compatible).
    Ipv4Compatible = 3,
    /// `ff00::/8`.
    Multicast = 4,
    /// `fe80::/10`.
    LinkLocal = 5,
    /// `fec0::/10` (deprecated).
    SiteLocal = 6,
    /// `fc00::/7`.
    UniqueLocal = 7,
    /// `2000::/3`.
    GlobalUnicast = 8,
    /// Anything else.
    Reserved = 9,
}

fn kind_to_c(k: Kind) -> ipv6kit_address_kind {
    match k {
        Kind::Unspecified => ipv6kit_address_kind::Unspecified,
        Kind::Loopback => ipv6kit_address_kind::Loopback,
        Kind::Ipv4Mapped => ipv6kit_address_kind::Ipv4Mapped,
        Kind::Ipv4Compatible => ipv6kit_address_kind::Ipv4Compatible,
        Kind::Multicast => ipv6kit_address_kind::Multicast,
        Kind::LinkLocal => ipv6kit_address_kind::LinkLocal,
        Kind::SiteLocal => ipv6kit_address_kind::SiteLocal,
        Kind::UniqueLocal => ipv6kit_address_kind::UniqueLocal,
        Kind::GlobalUnicast => ipv6kit_address_kind::GlobalUnicast,
        Kind::Reserved => ipv6kit_address_kind::Reserved,
    }
}

/// Writes the broad kind of an address.
///
/// Errors: `NULL_POINTER`.
///
/// # Safety
/// `addr` readable for 16 bytes and `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_address_kind_of(addr: *const u8, out: *mut ipv6kit_address_kind) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let k = kind_to_c(Kind::of(unsafe { read_addr(addr) }?));
        // SAFETY: the caller's contract above.
        unsafe { out.write(k) };
        Ok(())
    })
}

/// Writes everything about an address in one report (kind, scope, registry entries,
/// reachability, interface identifier class, embedded IPv4 address or MAC, solicited-node group,
/// multicast decoding), as the core prints it: several lines.
///
/// Errors: `NULL_POINTER`, `BUFFER_TOO_SHORT` (4096 bytes always suffice).
///
/// # Safety
/// `addr` readable for 16 bytes, `buf` writable for `len` bytes, `written` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_describe(
    addr: *const u8,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let out = TextOut::new(buf, len, written)?;
        // SAFETY: the caller's contract above.
        let d = core_describe::describe(unsafe { read_addr(addr) }?);
        // SAFETY: the caller's contract above.
        unsafe { out.write(d) }
    })
}

// ---- the IPv4 special-purpose registry ----------------------------------------------------------

/// One entry of the IANA IPv4 Special-Purpose Address Registry. The columns are `1` (True), `0`
/// (False) or `-1` (N/A), as in `ipv6kit_registry_entry`.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ipv6kit_registry_ipv4_entry {
    /// The address block's address, network order.
    pub addr: [u8; 4],
    /// The address block's length, 0 to 32.
    pub len: u8,
    /// May appear as a source address.
    pub source: i8,
    /// May appear as a destination address.
    pub destination: i8,
    /// May be forwarded by routers.
    pub forwardable: i8,
    /// Globally reachable.
    pub globally_reachable: i8,
    /// Reserved by protocol.
    pub reserved_by_protocol: i8,
    /// The allocation has a termination date.
    pub terminated: bool,
}

fn ipv4_entry(index: usize) -> Result<&'static core_registry::ipv4::Ipv4Entry, Fail> {
    core_registry::ipv4::ENTRIES.get(index).ok_or_else(|| {
        Fail::with(
            ipv6kit_result::InvalidArgument,
            format_args!("no IPv4 registry entry {index}"),
        )
    })
}

/// The index of an IPv4 registry entry in the `static` `ENTRIES` (by identity).
fn ipv4_index(e: &core_registry::ipv4::Ipv4Entry) -> Option<usize> {
    core_registry::ipv4::ENTRIES.iter().position(|x| core::ptr::eq(x, e))
}

/// The number of entries of the IPv4 registry edition compiled in (for
/// `ipv6kit_registry_ipv4_entry_at()`).
#[no_mangle]
pub extern "C" fn ipv6kit_registry_ipv4_count() -> usize {
    core_registry::ipv4::ENTRIES.len()
}

/// Writes IPv4 registry entry number `index` (0 to count − 1, ascending prefix order; the
/// registry's one row with two blocks, 192.0.0.170/32 and 192.0.0.171/32, is two entries).
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (index out of range).
///
/// # Safety
/// `out` must be writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_registry_ipv4_entry_at(
    index: usize,
    out: *mut ipv6kit_registry_ipv4_entry,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        let e = ipv4_entry(index)?;
        let c = ipv6kit_registry_ipv4_entry {
            addr: e.prefix.addr().octets(),
            len: e.prefix.prefix_len(),
            source: tri(e.source),
            destination: tri(e.destination),
            forwardable: tri(e.forwardable),
            globally_reachable: tri(e.globally_reachable),
            reserved_by_protocol: tri(e.reserved_by_protocol),
            terminated: e.terminated.is_some(),
        };
        // SAFETY: the caller's contract above.
        unsafe { out.write(c) };
        Ok(())
    })
}

/// Writes a text column of IPv4 registry entry number `index`; `field` is an
/// `ipv6kit_registry_field`.
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (index), `INVALID_ENUM`, `NOT_FOUND` (no
/// termination date), `BUFFER_TOO_SHORT`.
///
/// # Safety
/// `buf` writable for `len` bytes and `written` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_registry_ipv4_entry_text(
    index: usize,
    field: u32,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let out = TextOut::new(buf, len, written)?;
        let e = ipv4_entry(index)?;
        let text = entry_field(field, e.name, e.rfc, e.allocated, e.terminated)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write_str(text) }
    })
}

/// Sets `*index` to the most specific IPv4 registry entry containing `addr`.
///
/// Errors: `NULL_POINTER`, `NOT_FOUND` (no entry covers the address).
///
/// # Safety
/// `addr` readable for 4 bytes and `index` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_registry_ipv4_lookup(addr: *const u8, index: *mut usize) -> ipv6kit_result {
    guard(|| {
        let index = Out::new(index)?;
        // SAFETY: the caller's contract above.
        let a = Ipv4Addr::from(unsafe { read_bytes::<4>(addr) }?);
        let i = core_registry::ipv4::lookup(a).and_then(ipv4_index).ok_or_else(|| {
            Fail::with(
                ipv6kit_result::NotFound,
                format_args!("no IPv4 registry entry covers {a}"),
            )
        })?;
        // SAFETY: the caller's contract above.
        unsafe { index.write(i) };
        Ok(())
    })
}

/// Sets `*out` to whether the IPv4 address `addr` is globally reachable by the IPv4 registry
/// (its most specific entry's column; addresses no entry covers are reachable).
///
/// Errors: `NULL_POINTER`.
///
/// # Safety
/// `addr` readable for 4 bytes and `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_registry_ipv4_is_global(addr: *const u8, out: *mut bool) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let g = core_registry::ipv4::is_global(Ipv4Addr::from(unsafe { read_bytes::<4>(addr) }?));
        // SAFETY: the caller's contract above.
        unsafe { out.write(g) };
        Ok(())
    })
}

/// Sets `*out` to whether the IPv4 address `addr` is Private-Use (RFC 1918: 10/8, 172.16/12,
/// 192.168/16).
///
/// Errors: `NULL_POINTER`.
///
/// # Safety
/// `addr` readable for 4 bytes and `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_registry_ipv4_is_private_use(addr: *const u8, out: *mut bool) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let p = core_registry::ipv4::is_private_use(Ipv4Addr::from(unsafe { read_bytes::<4>(addr) }?));
        // SAFETY: the caller's contract above.
        unsafe { out.write(p) };
        Ok(())
    })
}

// ---- describe, as fields ----------------------------------------------------------------------

/// How an IPv4 address is carried in an IPv6 address (`ipv6kit_description`).
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ipv6kit_ipv4_embedding {
    /// `::ffff:a.b.c.d` (RFC 4291 §2.5.5.2).
    Mapped = 0,
    /// `::a.b.c.d`, deprecated (RFC 4291 §2.5.5.1).
    Compatible = 1,
    /// NAT64 (RFC 6052) under `nat64_prefix`.
    Nat64 = 2,
    /// 6to4 `2002:AABB:CCDD::/48` (RFC 3056 §2).
    SixToFour = 3,
    /// A Teredo client's external address, de-obscured (RFC 4380 §4); `teredo_*` are set.
    Teredo = 4,
    /// ISATAP identifier `[02]00:5efe:a.b.c.d` (RFC 5214 §6.1).
    Isatap = 5,
}

/// The structured fields of `ipv6kit_describe_fields()`. A `has_*` flag says whether the fields
/// after it apply; when it is false they are zero.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ipv6kit_description {
    /// The broad kind.
    pub kind: ipv6kit_address_kind,
    /// The address has a scope (all but `::`).
    pub has_scope: bool,
    /// The scope as its RFC 4291 / RFC 7346 nibble (2 link-local, 5 site-local, 0xe global, ...;
    /// `ipv6kit_multicast_scope_name()` names it).
    pub scope: u8,
    /// A zone may be attached (`fe80::1%eth0`).
    pub zone_allowed: bool,
    /// Globally reachable by the registry (`ipv6kit_registry_is_global()`).
    pub globally_reachable: bool,
    /// A registry entry covers the address.
    pub has_registry_entry: bool,
    /// The most specific one, for `ipv6kit_registry_entry_at()`.
    pub registry_index: usize,
    /// The interface identifier is a modified EUI-64 formed from a MAC.
    pub has_mac: bool,
    /// That MAC.
    pub mac: [u8; 6],
    /// The address carries an IPv4 address.
    pub has_ipv4: bool,
    /// How (`ipv6kit_ipv4_embedding`).
    pub ipv4_embedding: ipv6kit_ipv4_embedding,
    /// The IPv4 address.
    pub ipv4: [u8; 4],
    /// The IPv4 address is globally reachable by the IPv4 registry.
    pub ipv4_globally_reachable: bool,
    /// An IPv4 registry entry covers the IPv4 address.
    pub has_ipv4_registry_entry: bool,
    /// The most specific one, for `ipv6kit_registry_ipv4_entry_at()`.
    pub ipv4_registry_index: usize,
    /// NAT64 only: the translation prefix the IPv4 address was read under.
    pub nat64_prefix: ipv6kit_prefix,
    /// Teredo only: the Teredo server.
    pub teredo_server: [u8; 4],
    /// Teredo only: the client's external UDP port.
    pub teredo_port: u16,
    /// Teredo only: the flags field.
    pub teredo_flags: u16,
    /// The address joins a solicited-node group (unicast other than `::`).
    pub has_solicited_node: bool,
    /// That group.
    pub solicited_node: [u8; 16],
    /// The address has an interface identifier to speak of: unicast other than `::`, `::1` and
    /// the IPv4-mapped and IPv4-compatible forms (whose low bits are zeros or an IPv4 address).
    pub has_iid: bool,
    /// Its class, as `ipv6kit_iid_classify()` gives it.
    pub iid: ipv6kit_iid_class,
    /// The address is multicast.
    pub has_multicast: bool,
    /// Its scope, flags and group-ID form, as `ipv6kit_multicast_decode()` gives them.
    pub multicast: ipv6kit_multicast_info,
}

/// Writes the structured fields of `ipv6kit_describe()`'s report: kind, scope, registry entry,
/// reachability, the MAC of a modified EUI-64 identifier, an embedded IPv4 address (how it is
/// carried, and what the IPv4 registry says of it), the solicited-node group, the interface
/// identifier's class and the multicast decoding.
///
/// Errors: `NULL_POINTER`, `IID_OTHER` (an identifier class this library has no C form for).
///
/// # Safety
/// `addr` readable for 16 bytes and `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_describe_fields(addr: *const u8, out: *mut ipv6kit_description) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let d = core_describe::describe(unsafe { read_addr(addr) }?);
        let registry_index = d
            .registry
            .most_specific()
            .and_then(|found| core_registry::ENTRIES.iter().position(|e| e == found));
        let mut c = ipv6kit_description {
            kind: kind_to_c(d.kind),
            has_scope: d.scope.is_some(),
            scope: d.scope.map_or(0, |s| s.nibble()),
            zone_allowed: d.zone_allowed,
            globally_reachable: d.globally_reachable,
            has_registry_entry: registry_index.is_some(),
            registry_index: registry_index.unwrap_or(0),
            has_mac: d.mac.is_some(),
            mac: d.mac.map_or([0; 6], |m| m.into_array()),
            has_ipv4: false,
            ipv4_embedding: ipv6kit_ipv4_embedding::Mapped,
            ipv4: [0; 4],
            ipv4_globally_reachable: false,
            has_ipv4_registry_entry: false,
            ipv4_registry_index: 0,
            nat64_prefix: ipv6kit_prefix { addr: [0; 16], len: 0 },
            teredo_server: [0; 4],
            teredo_port: 0,
            teredo_flags: 0,
            has_solicited_node: d.solicited_node.is_some(),
            solicited_node: d.solicited_node.map_or([0; 16], |g| g.octets()),
            has_iid: d.iid.is_some(),
            iid: match d.iid {
                Some(class) => crate::classify::to_c(class)?,
                None => crate::classify::zeroed(),
            },
            has_multicast: d.multicast.is_some(),
            multicast: d
                .multicast
                .map_or_else(crate::multicast::zeroed, crate::multicast::info_to_c),
        };
        if let Some(e) = d.embedded_ipv4 {
            use core_describe::Embedding as E;
            c.has_ipv4 = true;
            c.ipv4 = e.ipv4.octets();
            c.ipv4_globally_reachable = e.globally_reachable;
            let i4 = e.entry.and_then(ipv4_index);
            c.has_ipv4_registry_entry = i4.is_some();
            c.ipv4_registry_index = i4.unwrap_or(0);
            c.ipv4_embedding = match e.embedding {
                E::Mapped => ipv6kit_ipv4_embedding::Mapped,
                E::Compatible => ipv6kit_ipv4_embedding::Compatible,
                E::Nat64 { prefix } => {
                    c.nat64_prefix = ipv6kit_prefix::from_net(prefix);
                    ipv6kit_ipv4_embedding::Nat64
                }
                E::SixToFour => ipv6kit_ipv4_embedding::SixToFour,
                E::Teredo { server, port, flags } => {
                    c.teredo_server = server.octets();
                    c.teredo_port = port;
                    c.teredo_flags = flags;
                    ipv6kit_ipv4_embedding::Teredo
                }
                E::Isatap => ipv6kit_ipv4_embedding::Isatap,
            };
        }
        // SAFETY: the caller's contract above.
        unsafe { out.write(c) };
        Ok(())
    })
}

/// A zone: an interface name (`name`, NUL-terminated, at most 15 bytes) or, when `name` is
/// empty, a numeric interface index (`index`, never 0).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ipv6kit_zone {
    /// The interface index, when `name` is empty.
    pub index: u32,
    /// The interface name, NUL-terminated; empty for an index.
    pub name: [c_char; 16],
}

fn zone_to_c(z: Zone) -> ipv6kit_zone {
    let mut c = ipv6kit_zone {
        index: 0,
        name: [0; 16],
    };
    match z {
        Zone::Index(i) => c.index = i,
        Zone::Name(n) => {
            for (slot, b) in c.name.iter_mut().zip(n.as_str().bytes().take(15)) {
                *slot = b as c_char;
            }
        }
    }
    c
}

/// # Safety
/// `p` must be NULL or point to a readable `ipv6kit_zone`.
unsafe fn read_zone(p: *const ipv6kit_zone) -> Result<Zone, Fail> {
    if p.is_null() {
        return Err(Fail::code(ipv6kit_result::NullPointer));
    }
    // SAFETY: non-NULL and readable per the contract.
    let z = unsafe { p.read_unaligned() };
    let bytes: Vec<u8> = z.name.iter().map(|&c| c as u8).take_while(|&b| b != 0).collect();
    if bytes.is_empty() {
        return Ok(Zone::Index(z.index));
    }
    if bytes.len() == z.name.len() {
        return Err(Fail::with(
            ipv6kit_result::InvalidArgument,
            "the zone name is not NUL-terminated",
        ));
    }
    let s = core::str::from_utf8(&bytes).map_err(|e| Fail::with(ipv6kit_result::ParseScopedAddress, e))?;
    Ok(Zone::Name(ZoneName::new(s)?))
}

/// Parses an address with a zone, `fe80::1%eth0` (RFC 4007 §11) or, with `url`, the URL host
/// form `[fe80::1%25eth0]` (RFC 6874).
///
/// Errors: `NULL_POINTER`, `PARSE_SCOPED_ADDRESS`, `ZONE_NOT_ALLOWED` (the address takes no zone:
/// only link-local unicast and interface- or link-local multicast do).
///
/// # Safety
/// `text` readable for `len` bytes; `addr` writable for 16 bytes and `zone` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_scoped_parse(
    text: *const c_char,
    len: usize,
    url: bool,
    addr: *mut u8,
    zone: *mut ipv6kit_zone,
) -> ipv6kit_result {
    guard(|| {
        let addr = crate::boundary::out_bytes::<16>(addr)?;
        let zone = Out::new(zone)?;
        // SAFETY: the caller's contract above.
        let s = unsafe { read_text(text, len, ipv6kit_result::ParseScopedAddress) }?;
        let a = if url {
            ScopedAddr::from_url_host(s)?
        } else {
            s.parse::<ScopedAddr>()?
        };
        // SAFETY: the caller's contract above.
        unsafe {
            addr.write(a.addr().octets());
            zone.write(zone_to_c(a.zone()));
        }
        Ok(())
    })
}

/// Writes an address with its zone, `fe80::1%eth0`, or with `url` the URL host form
/// `[fe80::1%25eth0]`.
///
/// Errors: `NULL_POINTER`, `ZONE_NOT_ALLOWED`, `PARSE_SCOPED_ADDRESS` (a bad zone name, or index
/// 0), `INVALID_ARGUMENT` (name not NUL-terminated), `BUFFER_TOO_SHORT`.
///
/// # Safety
/// `addr` readable for 16 bytes, `zone` readable, `buf` writable for `len` bytes, `written`
/// writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_scoped_format(
    addr: *const u8,
    zone: *const ipv6kit_zone,
    url: bool,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let out = TextOut::new(buf, len, written)?;
        // SAFETY: the caller's contract above.
        let (a, z) = unsafe { (read_addr(addr)?, read_zone(zone)?) };
        let s = ScopedAddr::new(a, z)?;
        let text = if url { s.url_host().to_string() } else { s.to_string() };
        // SAFETY: the caller's contract above.
        unsafe { out.write_str(&text) }
    })
}

/// Sets `*index` to the interface index of `zone`: an index as is, a name looked up in
/// `/sys/class/net/<name>/ifindex` (Linux; the answer of `if_nametoindex()`).
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (name not NUL-terminated), `PARSE_SCOPED_ADDRESS`
/// (a name that cannot be an interface's), `ZONE_NOT_RESOLVED` (no such interface, or `/sys`
/// unreadable).
///
/// # Safety
/// `zone` readable and `index` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_zone_resolve(zone: *const ipv6kit_zone, index: *mut u32) -> ipv6kit_result {
    guard(|| {
        let index = Out::new(index)?;
        // SAFETY: the caller's contract above.
        let z = unsafe { read_zone(zone) }?;
        if z == Zone::Index(0) {
            return Err(Fail::with(
                ipv6kit_result::ParseScopedAddress,
                "interface index 0 is no zone",
            ));
        }
        let i = z.resolve()?;
        // SAFETY: the caller's contract above.
        unsafe { index.write(i) };
        Ok(())
    })
}

/// Parses an address with a zone and a port: the socket-address form `[fe80::1%eth0]:22` (as
/// `SocketAddrV6` prints it) or, with `url`, the URL authority form `[fe80::1%25eth0]:22`
/// (RFC 6874 inside RFC 3986's `host:port`).
///
/// Errors: `NULL_POINTER`, `PARSE_SCOPED_ADDRESS` (also a missing, empty or out-of-range port),
/// `ZONE_NOT_ALLOWED`.
///
/// # Safety
/// `text` readable for `len` bytes; `addr` writable for 16 bytes, `zone` and `port` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_scoped_socket_parse(
    text: *const c_char,
    len: usize,
    url: bool,
    addr: *mut u8,
    zone: *mut ipv6kit_zone,
    port: *mut u16,
) -> ipv6kit_result {
    guard(|| {
        let addr = crate::boundary::out_bytes::<16>(addr)?;
        let (zone, port) = (Out::new(zone)?, Out::new(port)?);
        // SAFETY: the caller's contract above.
        let s = unsafe { read_text(text, len, ipv6kit_result::ParseScopedAddress) }?;
        let sa = if url {
            ScopedSocketAddr::from_url_authority(s)?
        } else {
            s.parse::<ScopedSocketAddr>()?
        };
        // SAFETY: the caller's contract above.
        unsafe {
            addr.write(sa.addr.addr().octets());
            zone.write(zone_to_c(sa.addr.zone()));
            port.write(sa.port);
        }
        Ok(())
    })
}

/// Writes an address with its zone and a port, `[fe80::1%eth0]:22`, or with `url` the URL
/// authority form `[fe80::1%25eth0]:22`.
///
/// Errors: `NULL_POINTER`, `ZONE_NOT_ALLOWED`, `PARSE_SCOPED_ADDRESS` (a bad zone name, or index
/// 0), `INVALID_ARGUMENT` (name not NUL-terminated), `BUFFER_TOO_SHORT`.
///
/// # Safety
/// `addr` readable for 16 bytes, `zone` readable, `buf` writable for `len` bytes, `written`
/// writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_scoped_socket_format(
    addr: *const u8,
    zone: *const ipv6kit_zone,
    port: u16,
    url: bool,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let out = TextOut::new(buf, len, written)?;
        // SAFETY: the caller's contract above.
        let (a, z) = unsafe { (read_addr(addr)?, read_zone(zone)?) };
        let sa = ScopedSocketAddr {
            addr: ScopedAddr::new(a, z)?,
            port,
        };
        let text = if url {
            sa.url_authority().to_string()
        } else {
            sa.to_string()
        };
        // SAFETY: the caller's contract above.
        unsafe { out.write_str(&text) }
    })
}
