//! Multicast: solicited-node groups, the Ethernet mapping, well-known groups, scope and flags.

use crate::boundary::{guard, out_bytes, read_addr, Out, TextOut};
use crate::result::{ipv6kit_result, Fail};
use core::ffi::c_char;
use ipv6kit_core::multicast as core_mc;

/// Writes the solicited-node group of an address (`ff02::1:ff00:0/104` plus the address's low 24
/// bits, RFC 4291 §2.7.1). Total: every 128-bit value has a group; see
/// `ipv6kit_solicited_node_checked()` to refuse multicast inputs.
///
/// Errors: `NULL_POINTER`.
///
/// # Safety
/// `addr` must be readable for 16 bytes and `out` writable for 16 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_solicited_node(addr: *const u8, out: *mut u8) -> ipv6kit_result {
    guard(|| {
        let out = out_bytes::<16>(out)?;
        // SAFETY: the caller's contract above.
        let a = unsafe { read_addr(addr) }?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(core_mc::solicited_node(a).octets()) };
        Ok(())
    })
}

/// As `ipv6kit_solicited_node()`, refusing multicast inputs (they have no solicited-node group).
///
/// Errors: `NULL_POINTER`, `IS_MULTICAST`.
///
/// # Safety
/// `addr` must be readable for 16 bytes and `out` writable for 16 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_solicited_node_checked(addr: *const u8, out: *mut u8) -> ipv6kit_result {
    guard(|| {
        let out = out_bytes::<16>(out)?;
        // SAFETY: the caller's contract above.
        let a = unsafe { read_addr(addr) }?;
        let group = core_mc::solicited_node_checked(a)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(group.octets()) };
        Ok(())
    })
}

/// Sets `*out` to whether `addr` lies in `ff02::1:ff00:0/104` (the whole /104 is checked, not
/// only the suffix).
///
/// Errors: `NULL_POINTER`.
///
/// # Safety
/// `addr` must be readable for 16 bytes and `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_is_solicited_node(addr: *const u8, out: *mut bool) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let a = unsafe { read_addr(addr) }?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(core_mc::is_solicited_node(a)) };
        Ok(())
    })
}

/// Writes the Ethernet destination MAC of a multicast address: `33:33` and the group's low 32
/// bits (RFC 2464 §7).
///
/// Errors: `NULL_POINTER`, `NOT_MULTICAST`.
///
/// # Safety
/// `group` must be readable for 16 bytes and `out` writable for 6 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_multicast_mac(group: *const u8, out: *mut u8) -> ipv6kit_result {
    guard(|| {
        let out = out_bytes::<6>(out)?;
        // SAFETY: the caller's contract above.
        let g = unsafe { read_addr(group) }?;
        let mac = core_mc::multicast_mac(g)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(mac.into_array()) };
        Ok(())
    })
}

/// Writes the well-known name of a multicast group ("all-nodes", "all MLDv2-capable routers",
/// "solicited-node" for that range, ...).
///
/// Errors: `NULL_POINTER`, `NOT_FOUND` (the group has no name), `BUFFER_TOO_SHORT`.
///
/// # Safety
/// `group` must be readable for 16 bytes, `buf` writable for `len` bytes, `written` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_multicast_group_name(
    group: *const u8,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let out = TextOut::new(buf, len, written)?;
        // SAFETY: the caller's contract above.
        let g = unsafe { read_addr(group) }?;
        let name = core_mc::groups::name(g).ok_or(Fail::code(ipv6kit_result::NotFound))?;
        // SAFETY: the caller's contract above.
        unsafe { out.write_str(name) }
    })
}

/// The number of named well-known groups (for `ipv6kit_multicast_group_at()`).
#[no_mangle]
pub extern "C" fn ipv6kit_multicast_group_count() -> usize {
    core_mc::groups::ALL.len()
}

/// Writes the well-known group number `index` (0 to `ipv6kit_multicast_group_count()` − 1): its
/// address into `addr` and its name into `buf`.
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (index out of range), `BUFFER_TOO_SHORT`.
///
/// # Safety
/// `addr` must be writable for 16 bytes, `buf` for `len` bytes, `written` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_multicast_group_at(
    index: usize,
    addr: *mut u8,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let addr = out_bytes::<16>(addr)?;
        let out = TextOut::new(buf, len, written)?;
        let (group, name) = core_mc::groups::ALL
            .get(index)
            .ok_or(Fail::code(ipv6kit_result::InvalidArgument))?;
        // SAFETY: the caller's contract above.
        unsafe { out.write_str(name) }?;
        // SAFETY: the caller's contract above.
        unsafe { addr.write(group.octets()) };
        Ok(())
    })
}

/// The structure of a multicast address's group ID (`ipv6kit_multicast_info.form`).
#[allow(non_camel_case_types)]
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ipv6kit_multicast_form {
    /// A permanently assigned or plain transient group: `group_id` holds the 112-bit group ID.
    Plain = 0,
    /// Unicast-prefix-based (RFC 3306): `prefix`/`prefix_len` and `group_id32`;
    /// `source_specific` for `ff3x::/32` (RFC 4607).
    PrefixBased = 1,
    /// Embedded RP (RFC 3956): `prefix` holds the rendezvous point's address, `rp_iid`,
    /// `prefix_len` and `group_id32` are set.
    EmbeddedRp = 2,
}

/// A decoded multicast address (RFC 4291 §2.7, RFC 3306, RFC 3956, RFC 4607, RFC 7346).
/// Fields that the address's form does not use are zero.
#[allow(non_camel_case_types)]
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ipv6kit_multicast_info {
    /// The scope nibble: 1 interface-local, 2 link-local, 3 realm-local, 4 admin-local,
    /// 5 site-local, 8 organization-local, 0xe global; 0 and 0xf reserved; others unassigned.
    pub scope: u8,
    /// Flag X (0x8), reserved (RFC 7371).
    pub flag_x: bool,
    /// Flag R (0x4): a rendezvous point is embedded.
    pub flag_rendezvous_point: bool,
    /// Flag P (0x2): based on a unicast prefix.
    pub flag_prefix_based: bool,
    /// Flag T (0x1): transient.
    pub flag_transient: bool,
    /// Which of the fields below are set.
    pub form: ipv6kit_multicast_form,
    /// Plain: the 112-bit group ID, big-endian.
    pub group_id: [u8; 14],
    /// Prefix-based: the embedded prefix; embedded RP: the rendezvous point's address.
    pub prefix: [u8; 16],
    /// Prefix-based and embedded RP: the prefix length as carried.
    pub prefix_len: u8,
    /// Embedded RP: the 4-bit RP interface ID.
    pub rp_iid: u8,
    /// Prefix-based and embedded RP: the 32-bit group ID.
    pub group_id32: u32,
    /// Prefix-based: the source-specific range (`ff3x::/32`, RFC 4607).
    pub source_specific: bool,
}

/// All fields zero: `ipv6kit_description.multicast` for an address that is not multicast.
pub(crate) const fn zeroed() -> ipv6kit_multicast_info {
    ipv6kit_multicast_info {
        scope: 0,
        flag_x: false,
        flag_rendezvous_point: false,
        flag_prefix_based: false,
        flag_transient: false,
        form: ipv6kit_multicast_form::Plain,
        group_id: [0; 14],
        prefix: [0; 16],
        prefix_len: 0,
        rp_iid: 0,
        group_id32: 0,
        source_specific: false,
    }
}

/// The C form of a decoded multicast address.
pub(crate) fn info_to_c(info: core_mc::MulticastInfo) -> ipv6kit_multicast_info {
    let mut c = ipv6kit_multicast_info {
        scope: info.scope.nibble(),
        flag_x: info.flags.x,
        flag_rendezvous_point: info.flags.rendezvous_point,
        flag_prefix_based: info.flags.prefix_based,
        flag_transient: info.flags.transient,
        form: ipv6kit_multicast_form::Plain,
        group_id: [0; 14],
        prefix: [0; 16],
        prefix_len: 0,
        rp_iid: 0,
        group_id32: 0,
        source_specific: false,
    };
    match info.form {
        core_mc::Form::Plain { group_id } => {
            let b = group_id.to_be_bytes();
            c.group_id.copy_from_slice(&b[2..]);
        }
        core_mc::Form::PrefixBased {
            prefix,
            prefix_len,
            group_id,
            source_specific,
        } => {
            c.form = ipv6kit_multicast_form::PrefixBased;
            c.prefix = prefix.octets();
            c.prefix_len = prefix_len;
            c.group_id32 = group_id;
            c.source_specific = source_specific;
        }
        core_mc::Form::EmbeddedRp {
            rendezvous_point,
            rp_iid,
            prefix_len,
            group_id,
        } => {
            c.form = ipv6kit_multicast_form::EmbeddedRp;
            c.prefix = rendezvous_point.octets();
            c.rp_iid = rp_iid;
            c.prefix_len = prefix_len;
            c.group_id32 = group_id;
        }
    }
    c
}

/// Decodes a multicast address's scope, flags and group-ID form into `out`. The well-known
/// name is available from `ipv6kit_multicast_group_name()`.
///
/// Errors: `NULL_POINTER`, `NOT_MULTICAST`.
///
/// # Safety
/// `group` must be readable for 16 bytes and `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_multicast_decode(
    group: *const u8,
    out: *mut ipv6kit_multicast_info,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let g = unsafe { read_addr(group) }?;
        let c = info_to_c(core_mc::decode(g)?);
        // SAFETY: the caller's contract above.
        unsafe { out.write(c) };
        Ok(())
    })
}

/// Writes the name of a multicast scope nibble ("link-local", "global", "unassigned (6)", ...).
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (`scope` above 15), `BUFFER_TOO_SHORT`.
///
/// # Safety
/// `buf` must be writable for `len` bytes and `written` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_multicast_scope_name(
    scope: u8,
    buf: *mut c_char,
    len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let out = TextOut::new(buf, len, written)?;
        if scope > 0xf {
            return Err(Fail::with(
                ipv6kit_result::InvalidArgument,
                "a scope is a 4-bit value (0 to 15)",
            ));
        }
        // SAFETY: the caller's contract above.
        unsafe { out.write(core_mc::Scope::from_nibble(scope)) }
    })
}
