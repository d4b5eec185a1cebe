//! Stable-privacy interface identifiers (RFC 7217) as Linux, NetworkManager and systemd-networkd
//! form them, and temporary identifiers (RFC 8981).

use crate::boundary::{
    guard, out_bytes, read_addr, read_bytes, read_optional_slice, read_slice, read_text, BytesOut, Out,
};
use crate::iid::read_iid;
use crate::result::{ipv6kit_result, Fail};
use crate::text::{ipv6kit_prefix, read_prefix};
use core::ffi::c_char;
use ipv6kit_core::iid::stable::{linux, network_manager as nm, rfc7217, systemd};
use ipv6kit_core::iid::temporary;

/// The byte order of the host whose kernel forms a Linux stable-privacy address (the kernel
/// stores the hash words unconverted, so big- and little-endian routers differ).
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ipv6kit_byte_order {
    /// x86, most ARM and RISC-V systems.
    Little = 0,
    /// Many MIPS (OpenWrt) routers, PowerPC, s390x.
    Big = 1,
    /// The machine running this code.
    Native = 2,
}

fn byte_order(v: u32) -> Result<linux::ByteOrder, Fail> {
    match v {
        x if x == ipv6kit_byte_order::Little as u32 => Ok(linux::ByteOrder::Little),
        x if x == ipv6kit_byte_order::Big as u32 => Ok(linux::ByteOrder::Big),
        x if x == ipv6kit_byte_order::Native as u32 => Ok(linux::ByteOrder::native()),
        other => Err(Fail::with(
            ipv6kit_result::InvalidEnum,
            format_args!("{other} is no ipv6kit_byte_order"),
        )),
    }
}

/// Writes the SLAAC address Linux forms on a /64 `prefix` with `addr_gen_mode` 2 or 3
/// (`stable_secret`, the device's permanent hardware address `perm_addr` of `perm_addr_len`
/// bytes — all zeros for veth — after `dad_count` DAD conflicts; reserved identifiers skipped up
/// to `idgen_retries`, the sysctl, default 3). `byte_order` is an `ipv6kit_byte_order`.
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT`, `INVALID_ENUM`, `PREFIX_NOT_SLASH64`,
/// `HARDWARE_ADDRESS_TOO_LONG` (over 32 bytes), `RETRIES_EXHAUSTED`.
///
/// # Safety
/// `stable_secret` readable for 16 bytes, `prefix` readable, `perm_addr` for `perm_addr_len`
/// bytes, `out` writable for 16 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_stable_linux_address(
    stable_secret: *const u8,
    prefix: *const ipv6kit_prefix,
    perm_addr: *const u8,
    perm_addr_len: usize,
    dad_count: u8,
    idgen_retries: u32,
    byte_order_: u32,
    out: *mut u8,
) -> ipv6kit_result {
    guard(|| {
        let out = out_bytes::<16>(out)?;
        let order = byte_order(byte_order_)?;
        // SAFETY: the caller's contract above.
        let (secret, net, hw) = unsafe {
            (
                read_addr(stable_secret)?,
                read_prefix(prefix)?,
                read_slice(perm_addr, perm_addr_len)?,
            )
        };
        let a = linux::stable_address(secret, net, hw, dad_count, idgen_retries, order)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(a.octets()) };
        Ok(())
    })
}

/// Writes the link-local address (`fe80::/64`) Linux forms with `addr_gen_mode` 2 or 3. Arguments
/// as `ipv6kit_stable_linux_address()`.
///
/// Errors: as `ipv6kit_stable_linux_address()`.
///
/// # Safety
/// `stable_secret` readable for 16 bytes, `perm_addr` for `perm_addr_len` bytes, `out` writable
/// for 16 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_stable_linux_link_local(
    stable_secret: *const u8,
    perm_addr: *const u8,
    perm_addr_len: usize,
    dad_count: u8,
    idgen_retries: u32,
    byte_order_: u32,
    out: *mut u8,
) -> ipv6kit_result {
    guard(|| {
        let out = out_bytes::<16>(out)?;
        let order = byte_order(byte_order_)?;
        // SAFETY: the caller's contract above.
        let (secret, hw) = unsafe { (read_addr(stable_secret)?, read_slice(perm_addr, perm_addr_len)?) };
        let a = linux::link_local(secret, hw, dad_count, idgen_retries, order)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(a.octets()) };
        Ok(())
    })
}

/// The inputs both RFC 7217 functions take.
struct Rfc7217Inputs<'a> {
    prefix: ipv6kit_core::Ipv6Net,
    net_iface: &'a [u8],
    network_id: &'a [u8],
    secret_key: &'a [u8],
}

/// Reads the prefix, `Net_Iface`, the optional `Network_ID` (NULL with length 0 is empty) and
/// the secret key of an RFC 7217 call.
///
/// # Safety
/// `prefix` readable; each (pointer, length) pair readable for its length.
unsafe fn read_rfc7217_inputs<'a>(
    prefix: *const ipv6kit_prefix,
    net_iface: (*const u8, usize),
    network_id: (*const u8, usize),
    secret_key: (*const u8, usize),
) -> Result<Rfc7217Inputs<'a>, Fail> {
    // SAFETY: forwarded contract.
    unsafe {
        Ok(Rfc7217Inputs {
            prefix: read_prefix(prefix)?,
            net_iface: read_slice(net_iface.0, net_iface.1)?,
            network_id: read_optional_slice(network_id.0, network_id.1)?,
            secret_key: read_slice(secret_key.0, secret_key.1)?,
        })
    }
}

/// Writes the RFC 7217 §5 address for a /64 `prefix`: `RID = F(Prefix, Net_Iface, Network_ID,
/// DAD_Counter, secret_key)` with SHA-256 as F (the generic form; Linux, NetworkManager and
/// systemd have their own functions here). Reserved identifiers are skipped by incrementing the
/// counter, up to 3 retries.
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT`, `PREFIX_NOT_SLASH64`, `SECRET_TOO_SHORT` (under
/// 16 bytes), `FIELD_TOO_LONG`, `RETRIES_EXHAUSTED`.
///
/// # Safety
/// `prefix` readable; `net_iface`, `network_id` and `secret_key` readable for their lengths
/// (`network_id` may be NULL when `network_id_len` is 0); `out` writable for 16 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_stable_rfc7217_address(
    prefix: *const ipv6kit_prefix,
    net_iface: *const u8,
    net_iface_len: usize,
    network_id: *const u8,
    network_id_len: usize,
    dad_counter: u8,
    secret_key: *const u8,
    secret_key_len: usize,
    out: *mut u8,
) -> ipv6kit_result {
    guard(|| {
        let out = out_bytes::<16>(out)?;
        // SAFETY: the caller's contract above.
        let i = unsafe {
            read_rfc7217_inputs(
                prefix,
                (net_iface, net_iface_len),
                (network_id, network_id_len),
                (secret_key, secret_key_len),
            )
        }?;
        let a = rfc7217::stable_address(i.prefix, i.net_iface, i.network_id, dad_counter, i.secret_key)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(a.octets()) };
        Ok(())
    })
}

/// NetworkManager's kinds of network id (`NMUtilsStableType`).
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ipv6kit_nm_stable_type {
    /// The connection's UUID (the default).
    Uuid = 0,
    /// An expanded `connection.stable-id`.
    StableId = 1,
    /// A generated stable id.
    Generated = 2,
    /// A random id.
    Random = 3,
}

fn nm_stable_type(v: u32) -> Result<nm::StableType, Fail> {
    match v {
        t if t == ipv6kit_nm_stable_type::Uuid as u32 => Ok(nm::StableType::Uuid),
        t if t == ipv6kit_nm_stable_type::StableId as u32 => Ok(nm::StableType::StableId),
        t if t == ipv6kit_nm_stable_type::Generated as u32 => Ok(nm::StableType::Generated),
        t if t == ipv6kit_nm_stable_type::Random as u32 => Ok(nm::StableType::Random),
        other => Err(Fail::with(
            ipv6kit_result::InvalidEnum,
            format_args!("{other} is no ipv6kit_nm_stable_type"),
        )),
    }
}

/// Writes NetworkManager's host id (the key of its hash) derived from the contents of
/// `/var/lib/NetworkManager/secret_key` and, for a version-2 file, `/etc/machine-id` (NULL when
/// missing). The host id is the file itself (version 1) or 32 bytes (version 2).
///
/// Errors: `NULL_POINTER`, `SECRET_TOO_SHORT` (under 16 bytes: NetworkManager would replace the
/// file), `BUFFER_TOO_SHORT` (nothing written).
///
/// # Safety
/// `secret_key_file` readable for its length, `machine_id` NULL or readable for its length,
/// `out` writable for `out_len` bytes, `written` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_stable_nm_host_id(
    secret_key_file: *const u8,
    secret_key_file_len: usize,
    machine_id: *const c_char,
    machine_id_len: usize,
    out: *mut u8,
    out_len: usize,
    written: *mut usize,
) -> ipv6kit_result {
    guard(|| {
        let out = BytesOut::new(out, out_len, written)?;
        // SAFETY: the caller's contract above.
        let file = unsafe { read_slice(secret_key_file, secret_key_file_len) }?;
        let mid = if machine_id.is_null() {
            None
        } else {
            // SAFETY: the caller's contract above.
            Some(unsafe { read_text(machine_id, machine_id_len, ipv6kit_result::InvalidArgument) }?)
        };
        let id = nm::host_id(file, mid)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(id.as_bytes()) }
    })
}

/// Writes the address NetworkManager forms on a /64 `prefix` with `ipv6.addr-gen-mode=
/// stable-privacy`: `stable_type` is an `ipv6kit_nm_stable_type`, `network_id` the connection's
/// UUID or stable id, `host_id` from `ipv6kit_stable_nm_host_id()`; DAD counters 0 to 2.
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT`, `INVALID_ENUM`, `PREFIX_NOT_SLASH64`,
/// `INTERFACE_NAME_TOO_LONG`, `NUL_IN_STRING`, `SECRET_TOO_SHORT`, `RETRIES_EXHAUSTED`.
///
/// # Safety
/// `prefix` readable; `ifname`, `network_id`, `host_id` readable for their lengths; `out`
/// writable for 16 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_stable_nm_address(
    stable_type: u32,
    prefix: *const ipv6kit_prefix,
    ifname: *const c_char,
    ifname_len: usize,
    network_id: *const c_char,
    network_id_len: usize,
    dad_counter: u32,
    host_id: *const u8,
    host_id_len: usize,
    out: *mut u8,
) -> ipv6kit_result {
    guard(|| {
        let out = out_bytes::<16>(out)?;
        let kind = nm_stable_type(stable_type)?;
        // SAFETY: the caller's contract above.
        let (net, ifn, nid, key) = unsafe {
            (
                read_prefix(prefix)?,
                read_text(ifname, ifname_len, ipv6kit_result::InvalidArgument)?,
                read_text(network_id, network_id_len, ipv6kit_result::InvalidArgument)?,
                read_slice(host_id, host_id_len)?,
            )
        };
        let a = nm::stable_privacy_address(kind, net, ifn, nid, dad_counter, key)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(a.octets()) };
        Ok(())
    })
}

/// Where systemd-networkd's SipHash key comes from.
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ipv6kit_systemd_key_source {
    /// `key` is the configured id (`Token=prefixstable,KEY`).
    Configured = 0,
    /// `key` is `/etc/machine-id`; the application id of `[IPv6AcceptRA]` (NDisc).
    MachineIdNdisc = 1,
    /// `key` is `/etc/machine-id`; the application id of `[DHCPPrefixDelegation]`.
    MachineIdDhcpPd = 2,
    /// `key` is `/etc/machine-id`; the application id of `[IPv6Prefix]` (router advertisements).
    MachineIdRadv = 3,
}

/// Writes the address systemd-networkd forms with `Token=prefixstable` on `prefix` (/1 to /64):
/// `ifname`, the link's hardware address, the SSID of a wireless link (NULL otherwise), and the
/// previous address (NULL if none; an equal result is skipped as systemd does).
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT`, `INVALID_ENUM`, `PREFIX_LENGTH_UNSUPPORTED`,
/// `NULL_KEY`, `INTERFACE_NAME_TOO_LONG`, `HARDWARE_ADDRESS_TOO_LONG`, `RETRIES_EXHAUSTED`.
///
/// # Safety
/// `key` readable for 16 bytes, `prefix` readable, `ifname`, `hw_addr` (and `ssid` when not NULL)
/// readable for their lengths, `previous` NULL or readable for 16 bytes, `out` writable for 16.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_stable_systemd_address(
    key: *const u8,
    key_source: u32,
    prefix: *const ipv6kit_prefix,
    ifname: *const c_char,
    ifname_len: usize,
    hw_addr: *const u8,
    hw_addr_len: usize,
    ssid: *const c_char,
    ssid_len: usize,
    previous: *const u8,
    out: *mut u8,
) -> ipv6kit_result {
    guard(|| {
        let out = out_bytes::<16>(out)?;
        // SAFETY: the caller's contract above.
        let k = unsafe { read_bytes::<16>(key) }?;
        let secret = match key_source {
            0 => systemd::SecretKey::Configured(k),
            1 => systemd::SecretKey::MachineId {
                machine_id: k,
                app_id: systemd::NDISC_APP_ID,
            },
            2 => systemd::SecretKey::MachineId {
                machine_id: k,
                app_id: systemd::DHCP_PD_APP_ID,
            },
            3 => systemd::SecretKey::MachineId {
                machine_id: k,
                app_id: systemd::RADV_APP_ID,
            },
            other => {
                return Err(Fail::with(
                    ipv6kit_result::InvalidEnum,
                    format_args!("{other} is no ipv6kit_systemd_key_source"),
                ))
            }
        };
        // SAFETY: the caller's contract above.
        let (net, ifn, hw) = unsafe {
            (
                read_prefix(prefix)?,
                read_text(ifname, ifname_len, ipv6kit_result::InvalidArgument)?,
                read_slice(hw_addr, hw_addr_len)?,
            )
        };
        let ssid = if ssid.is_null() {
            None
        } else {
            // SAFETY: the caller's contract above.
            Some(unsafe { read_text(ssid, ssid_len, ipv6kit_result::InvalidArgument) }?)
        };
        let prev = if previous.is_null() {
            None
        } else {
            // SAFETY: the caller's contract above.
            Some(unsafe { read_addr(previous) }?)
        };
        let a = systemd::stable_private_address(secret, net, ifn, hw, ssid, prev)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(a.octets()) };
        Ok(())
    })
}

/// Writes a random temporary interface identifier (RFC 8981 §3.3.1) from the operating system's
/// random generator, never a reserved one.
///
/// Errors: `NULL_POINTER`, `RANDOM_FAILED`.
///
/// # Safety
/// `out` must be writable for 8 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_temporary_random_iid(out: *mut u8) -> ipv6kit_result {
    guard(|| {
        let out = out_bytes::<8>(out)?;
        let iid = temporary::random_iid_os()?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(iid.octets()) };
        Ok(())
    })
}

/// RFC 3041's MD5 history algorithm (kept for interoperability): from the 8-byte `history` and
/// the interface identifier, writes the next temporary identifier and the next history value.
/// The hash input is history ‖ IID, as the RFC says (ipv6calc reverses it).
///
/// Errors: `NULL_POINTER`.
///
/// # Safety
/// `history` and `iid` readable for 8 bytes; `out_iid` and `out_history` writable for 8 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_temporary_md5_history(
    history: *const u8,
    iid: *const u8,
    out_iid: *mut u8,
    out_history: *mut u8,
) -> ipv6kit_result {
    guard(|| {
        let out_iid = out_bytes::<8>(out_iid)?;
        let out_history = out_bytes::<8>(out_history)?;
        // SAFETY: the caller's contract above.
        let (h, i) = unsafe { (read_bytes::<8>(history)?, read_iid(iid)?) };
        let (next, hist) = temporary::md5_history(h, i);
        // SAFETY: the caller's contract above.
        unsafe {
            out_iid.write(next.octets());
            out_history.write(hist);
        }
        Ok(())
    })
}

/// The RFC 8981 §3.8 parameters of a host or interface (times in seconds unless the name says
/// otherwise). `ipv6kit_temporary_config_default()` gives the RFC's defaults.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ipv6kit_temporary_config {
    /// `TEMP_VALID_LIFETIME` (default 2 days).
    pub temp_valid_lifetime: u32,
    /// `TEMP_PREFERRED_LIFETIME` (default 1 day).
    pub temp_preferred_lifetime: u32,
    /// `TEMP_IDGEN_RETRIES` (default 3).
    pub temp_idgen_retries: u32,
    /// The interface's `DupAddrDetectTransmits` (default 1).
    pub dup_addr_detect_transmits: u32,
    /// The interface's `RetransTimer`, in milliseconds (default 1000).
    pub retrans_timer_ms: u32,
}

impl ipv6kit_temporary_config {
    fn to_core(self) -> temporary::TempAddrConfig {
        temporary::TempAddrConfig {
            temp_valid_lifetime: self.temp_valid_lifetime,
            temp_preferred_lifetime: self.temp_preferred_lifetime,
            temp_idgen_retries: self.temp_idgen_retries,
            dup_addr_detect_transmits: self.dup_addr_detect_transmits,
            retrans_timer_ms: self.retrans_timer_ms,
        }
    }
}

/// When a temporary address stops being preferred, expires, and must be replaced: absolute
/// times in the caller's seconds.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ipv6kit_temporary_lifetimes {
    /// The address was created at this time.
    pub created_at: u64,
    /// It is deprecated from this time on.
    pub preferred_until: u64,
    /// It is removed at this time.
    pub valid_until: u64,
    /// Its successor is generated at this time (`REGEN_ADVANCE` before deprecation).
    pub regenerate_at: u64,
}

impl ipv6kit_temporary_lifetimes {
    fn from_core(s: temporary::TempSchedule) -> ipv6kit_temporary_lifetimes {
        ipv6kit_temporary_lifetimes {
            created_at: s.created_at,
            preferred_until: s.preferred_until,
            valid_until: s.valid_until,
            regenerate_at: s.regenerate_at,
        }
    }

    fn to_core(self) -> temporary::TempSchedule {
        temporary::TempSchedule {
            created_at: self.created_at,
            preferred_until: self.preferred_until,
            valid_until: self.valid_until,
            regenerate_at: self.regenerate_at,
        }
    }
}

/// # Safety
/// `p` must be NULL or readable.
unsafe fn read_config(p: *const ipv6kit_temporary_config) -> Result<temporary::TempAddrConfig, Fail> {
    if p.is_null() {
        return Err(Fail::code(ipv6kit_result::NullPointer));
    }
    // SAFETY: non-NULL and readable per the contract; read_unaligned tolerates packed callers.
    Ok(unsafe { p.read_unaligned() }.to_core())
}

/// Writes the RFC 8981 §3.8 defaults: `TEMP_VALID_LIFETIME` 172800 s, `TEMP_PREFERRED_LIFETIME`
/// 86400 s, `TEMP_IDGEN_RETRIES` 3, `DupAddrDetectTransmits` 1, `RetransTimer` 1000 ms.
///
/// Errors: `NULL_POINTER`.
///
/// # Safety
/// `out` must be writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_temporary_config_default(out: *mut ipv6kit_temporary_config) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        let d = temporary::TempAddrConfig::default();
        let c = ipv6kit_temporary_config {
            temp_valid_lifetime: d.temp_valid_lifetime,
            temp_preferred_lifetime: d.temp_preferred_lifetime,
            temp_idgen_retries: d.temp_idgen_retries,
            dup_addr_detect_transmits: d.dup_addr_detect_transmits,
            retrans_timer_ms: d.retrans_timer_ms,
        };
        // SAFETY: the caller's contract above.
        unsafe { out.write(c) };
        Ok(())
    })
}

/// Sets `*out` to `REGEN_ADVANCE = 2 + TEMP_IDGEN_RETRIES × DupAddrDetectTransmits ×
/// RetransTimer / 1000` seconds (RFC 8981 §3.8), saturating at `UINT32_MAX`.
///
/// Errors: `NULL_POINTER`.
///
/// # Safety
/// `config` readable and `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_temporary_regen_advance(
    config: *const ipv6kit_temporary_config,
    out: *mut u32,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let c = unsafe { read_config(config) }?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(c.regen_advance()) };
        Ok(())
    })
}

/// Sets `*out` to `MAX_DESYNC_FACTOR = 0.4 × TEMP_PREFERRED_LIFETIME` seconds, rounded down
/// (RFC 8981 §3.8; 34560 s with the defaults).
///
/// Errors: `NULL_POINTER`.
///
/// # Safety
/// `config` readable and `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_temporary_max_desync_factor(
    config: *const ipv6kit_temporary_config,
    out: *mut u32,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let c = unsafe { read_config(config) }?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(c.max_desync_factor()) };
        Ok(())
    })
}

/// Sets `*out` to a `DESYNC_FACTOR` drawn from the caller's random bytes (8 bytes, the core
/// draws 64 bits): uniform in `0..=MAX_DESYNC_FACTOR`, and below `TEMP_PREFERRED_LIFETIME -
/// REGEN_ADVANCE` as RFC 8981 §3.8 requires. The bytes come from the caller so that firmware uses
/// its own random source (and tests are repeatable).
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (`random_len` is not the number of bytes drawn),
/// `PREFERRED_LIFETIME_TOO_SHORT` (`TEMP_PREFERRED_LIFETIME` not above `REGEN_ADVANCE`).
///
/// # Safety
/// `config` readable, `random` readable for `random_len` bytes, `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_temporary_desync_factor(
    config: *const ipv6kit_temporary_config,
    random: *const u8,
    random_len: usize,
    out: *mut u32,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let (c, bytes) = unsafe { (read_config(config)?, read_slice(random, random_len)?) };
        let mut wanted = None;
        let d = c.desync_factor(|b| {
            if b.len() == bytes.len() {
                b.copy_from_slice(bytes);
            } else {
                wanted = Some(b.len());
            }
        })?;
        if let Some(n) = wanted {
            return Err(Fail::with(
                ipv6kit_result::InvalidArgument,
                format_args!("{n} random bytes are drawn, {random_len} were given"),
            ));
        }
        // SAFETY: the caller's contract above.
        unsafe { out.write(d) };
        Ok(())
    })
}

/// Writes the lifetimes of a temporary address created at `now` on a prefix whose remaining
/// valid and preferred lifetimes are `prefix_valid` and `prefix_preferred` (RFC 8981 §3.4 steps
/// 4–6): valid for `min(prefix_valid, TEMP_VALID_LIFETIME)`, preferred for
/// `min(prefix_preferred, TEMP_PREFERRED_LIFETIME - desync_factor)`, regenerated `REGEN_ADVANCE`
/// before deprecation.
///
/// Errors: `NULL_POINTER`, `NOT_FOUND` (the preferred lifetime would not exceed `REGEN_ADVANCE`:
/// §3.4 step 6 says no temporary address is created), `DESYNC_FACTOR_TOO_LARGE` (not below
/// `TEMP_PREFERRED_LIFETIME - REGEN_ADVANCE`), `PREFERRED_LIFETIME_TOO_SHORT`.
///
/// # Safety
/// `config` readable and `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_temporary_schedule(
    config: *const ipv6kit_temporary_config,
    now: u64,
    prefix_valid: u32,
    prefix_preferred: u32,
    desync_factor: u32,
    out: *mut ipv6kit_temporary_lifetimes,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let c = unsafe { read_config(config) }?;
        let s = c
            .schedule(now, prefix_valid, prefix_preferred, desync_factor)?
            .ok_or_else(|| {
                Fail::with(
                    ipv6kit_result::NotFound,
                    "the preferred lifetime would not exceed REGEN_ADVANCE: no temporary address is created",
                )
            })?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(ipv6kit_temporary_lifetimes::from_core(s)) };
        Ok(())
    })
}

/// Writes the lifetimes of the temporary address `current` after a Router Advertisement
/// refreshes its prefix at `now` with new remaining lifetimes (RFC 8981 §3.4): never longer than
/// `TEMP_VALID_LIFETIME` (valid) or `TEMP_PREFERRED_LIFETIME - desync_factor` (preferred)
/// counted from its creation. `out` may be `current`.
///
/// Errors: `NULL_POINTER`.
///
/// # Safety
/// `config` and `current` readable, `out` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_temporary_refresh(
    config: *const ipv6kit_temporary_config,
    current: *const ipv6kit_temporary_lifetimes,
    now: u64,
    prefix_valid: u32,
    prefix_preferred: u32,
    desync_factor: u32,
    out: *mut ipv6kit_temporary_lifetimes,
) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(out)?;
        // SAFETY: the caller's contract above.
        let c = unsafe { read_config(config) }?;
        if current.is_null() {
            return Err(Fail::code(ipv6kit_result::NullPointer));
        }
        // SAFETY: non-NULL and readable per the contract; read before `out` is written, so the
        // two may be the same object.
        let s = unsafe { current.read_unaligned() }.to_core();
        let r = c.refresh(&s, now, prefix_valid, prefix_preferred, desync_factor);
        // SAFETY: the caller's contract above.
        unsafe { out.write(ipv6kit_temporary_lifetimes::from_core(r)) };
        Ok(())
    })
}

// ---- the building blocks below the address functions -----------------------------------------

/// Writes the interface identifier of one Linux stable-privacy hash (`addr_gen_mode` 2 or 3) for
/// exactly these inputs, with no reserved-identifier check and no retry: `prefix` is an address
/// whose first 64 bits are hashed (`fe80::` for the link-local address), `perm_addr` the device's
/// permanent hardware address, `dad_count` the DAD conflicts so far. `byte_order` is an
/// `ipv6kit_byte_order`.
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT`, `INVALID_ENUM`, `HARDWARE_ADDRESS_TOO_LONG` (over
/// 32 bytes).
///
/// # Safety
/// `stable_secret` and `prefix` readable for 16 bytes, `perm_addr` for `perm_addr_len` bytes,
/// `out` writable for 8 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_stable_linux_iid(
    stable_secret: *const u8,
    prefix: *const u8,
    perm_addr: *const u8,
    perm_addr_len: usize,
    dad_count: u8,
    byte_order_: u32,
    out: *mut u8,
) -> ipv6kit_result {
    guard(|| {
        let out = out_bytes::<8>(out)?;
        let order = byte_order(byte_order_)?;
        // SAFETY: the caller's contract above.
        let (secret, p, hw) = unsafe {
            (
                read_addr(stable_secret)?,
                read_addr(prefix)?,
                read_slice(perm_addr, perm_addr_len)?,
            )
        };
        let iid = linux::stable_iid(secret, p, hw, dad_count, order)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(iid.octets()) };
        Ok(())
    })
}

/// Writes RFC 7217's `RID = F(Prefix, Net_Iface, Network_ID, DAD_Counter, secret_key)` for
/// exactly these inputs (the generic form of `ipv6kit_stable_rfc7217_address()`, with no
/// reserved-identifier check): the first 64 bits of HMAC-SHA-256(secret_key, prefix (8 bytes) ‖
/// len(net_iface) (u32, big-endian) ‖ net_iface ‖ len(network_id) ‖ network_id ‖ dad_counter).
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT`, `PREFIX_NOT_SLASH64`, `SECRET_TOO_SHORT` (under
/// 16 bytes), `FIELD_TOO_LONG`.
///
/// # Safety
/// `prefix` readable; `net_iface`, `network_id` and `secret_key` readable for their lengths
/// (`network_id` may be NULL when `network_id_len` is 0); `out` writable for 8 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_stable_rfc7217_rid(
    prefix: *const ipv6kit_prefix,
    net_iface: *const u8,
    net_iface_len: usize,
    network_id: *const u8,
    network_id_len: usize,
    dad_counter: u8,
    secret_key: *const u8,
    secret_key_len: usize,
    out: *mut u8,
) -> ipv6kit_result {
    guard(|| {
        let out = out_bytes::<8>(out)?;
        // SAFETY: the caller's contract above.
        let i = unsafe {
            read_rfc7217_inputs(
                prefix,
                (net_iface, net_iface_len),
                (network_id, network_id_len),
                (secret_key, secret_key_len),
            )
        }?;
        let iid = rfc7217::rid(i.prefix, i.net_iface, i.network_id, dad_counter, i.secret_key)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(iid.octets()) };
        Ok(())
    })
}

/// Writes systemd's machine application-specific id (`sd_id128_get_machine_app_specific()`), the
/// key systemd-networkd uses when none is configured: HMAC-SHA-256 keyed with the 16 bytes of
/// `/etc/machine-id` over the 16-byte application id, cut to 16 bytes and made a version-4 UUID.
/// The application ids networkd uses are 13ac81a7-d53f-4978-9279-5d0c293abc7e (`[IPv6AcceptRA]`),
/// fbb937ca-4aed-4a4d-b070-7faa71c0c985 (`[DHCPPrefixDelegation]`) and
/// 1f1e90c8-5c78-4fdc-8e61-2d590d53c125 (`[IPv6Prefix]`).
///
/// Errors: `NULL_POINTER`, `NULL_KEY` (an all-zero application id).
///
/// # Safety
/// `machine_id` and `app_id` readable for 16 bytes, `out` writable for 16 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_stable_systemd_machine_app_specific(
    machine_id: *const u8,
    app_id: *const u8,
    out: *mut u8,
) -> ipv6kit_result {
    guard(|| {
        let out = out_bytes::<16>(out)?;
        // SAFETY: the caller's contract above.
        let (m, a) = unsafe { (read_bytes::<16>(machine_id)?, read_bytes::<16>(app_id)?) };
        let id = systemd::machine_app_specific(m, a)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(id) };
        Ok(())
    })
}

/// Writes the interface identifier NetworkManager computes (`_set_stable_privacy()`) for these
/// inputs, reserved identifiers rehashed as NetworkManager does, with no limit on `dad_counter`
/// (the function NetworkManager's unit tests call): `prefix` is an address whose first 64 bits
/// are hashed, `stable_type` an `ipv6kit_nm_stable_type`, `host_id` from
/// `ipv6kit_stable_nm_host_id()`.
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (text that is not UTF-8), `INVALID_ENUM`,
/// `INTERFACE_NAME_TOO_LONG`, `NUL_IN_STRING`, `SECRET_TOO_SHORT` (an empty host id).
///
/// # Safety
/// `prefix` readable for 16 bytes; `ifname`, `network_id`, `host_id` readable for their lengths;
/// `out` writable for 8 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_stable_nm_iid(
    stable_type: u32,
    prefix: *const u8,
    ifname: *const c_char,
    ifname_len: usize,
    network_id: *const c_char,
    network_id_len: usize,
    dad_counter: u32,
    host_id: *const u8,
    host_id_len: usize,
    out: *mut u8,
) -> ipv6kit_result {
    guard(|| {
        let out = out_bytes::<8>(out)?;
        let kind = nm_stable_type(stable_type)?;
        // SAFETY: the caller's contract above.
        let (p, ifn, nid, key) = unsafe {
            (
                read_addr(prefix)?,
                read_text(ifname, ifname_len, ipv6kit_result::InvalidArgument)?,
                read_text(network_id, network_id_len, ipv6kit_result::InvalidArgument)?,
                read_slice(host_id, host_id_len)?,
            )
        };
        let iid = nm::stable_privacy_iid(kind, p, ifn, nid, dad_counter, key)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(iid.octets()) };
        Ok(())
    })
}

/// Writes the interface identifier Linux configures (`addr_gen_mode` 2 or 3) after `dad_count`
/// DAD conflicts, its reserved-identifier retry included (`ipv6_generate_stable_address()`): the
/// hash of `ipv6kit_stable_linux_iid()`, with identifiers in the kernel's reserved set skipped by
/// incrementing the counter, up to `idgen_retries` (the `net.ipv6.idgen_retries` sysctl, default
/// 3). `prefix` is an address whose first 64 bits are hashed (`fe80::` for the link-local
/// address); `byte_order` is an `ipv6kit_byte_order`.
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT`, `INVALID_ENUM`, `HARDWARE_ADDRESS_TOO_LONG` (over
/// 32 bytes), `RETRIES_EXHAUSTED` (`dad_count` above `idgen_retries`, or every counter up to it
/// reserved: the kernel configures nothing).
///
/// # Safety
/// `stable_secret` and `prefix` readable for 16 bytes, `perm_addr` for `perm_addr_len` bytes,
/// `out` writable for 8 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_stable_linux_iid_with_retries(
    stable_secret: *const u8,
    prefix: *const u8,
    perm_addr: *const u8,
    perm_addr_len: usize,
    dad_count: u8,
    idgen_retries: u32,
    byte_order_: u32,
    out: *mut u8,
) -> ipv6kit_result {
    guard(|| {
        let out = out_bytes::<8>(out)?;
        let order = byte_order(byte_order_)?;
        // SAFETY: the caller's contract above.
        let (secret, p, hw) = unsafe {
            (
                read_addr(stable_secret)?,
                read_addr(prefix)?,
                read_slice(perm_addr, perm_addr_len)?,
            )
        };
        let iid = linux::stable_iid_with_retries(secret, p, hw, dad_count, idgen_retries, order)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(iid.octets()) };
        Ok(())
    })
}

/// Writes the address of one systemd-networkd hash (`generate_stable_private_address_one()`)
/// for exactly these inputs, with no validity check and no retry: `key` is the 16-byte SipHash
/// key (the configured id, or `ipv6kit_stable_systemd_machine_app_specific()`'s result),
/// `prefix` an address whose first 64 bits are hashed (already masked to the prefix length),
/// `ifname` the link's name, `hw_addr` its hardware address (for InfiniBand its last 8 bytes),
/// `ssid` the wireless network's name (NULL otherwise), `dad_counter` the attempt (0, 1, 2).
///
/// Errors: `NULL_POINTER`, `INVALID_ARGUMENT` (text that is not UTF-8),
/// `INTERFACE_NAME_TOO_LONG`, `NUL_IN_STRING`, `HARDWARE_ADDRESS_TOO_LONG` (over 32 bytes).
///
/// # Safety
/// `key` and `prefix` readable for 16 bytes, `ifname` and `hw_addr` (and `ssid` when not NULL)
/// readable for their lengths, `out` writable for 16 bytes.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_stable_systemd_address_one(
    key: *const u8,
    prefix: *const u8,
    ifname: *const c_char,
    ifname_len: usize,
    hw_addr: *const u8,
    hw_addr_len: usize,
    ssid: *const c_char,
    ssid_len: usize,
    dad_counter: u8,
    out: *mut u8,
) -> ipv6kit_result {
    guard(|| {
        let out = out_bytes::<16>(out)?;
        // SAFETY: the caller's contract above.
        let (k, p, ifn, hw) = unsafe {
            (
                read_bytes::<16>(key)?,
                read_addr(prefix)?,
                read_text(ifname, ifname_len, ipv6kit_result::InvalidArgument)?,
                read_slice(hw_addr, hw_addr_len)?,
            )
        };
        let ssid = if ssid.is_null() {
            None
        } else {
            // SAFETY: the caller's contract above.
            Some(unsafe { read_text(ssid, ssid_len, ipv6kit_result::InvalidArgument) }?)
        };
        let a = systemd::stable_private_address_one(&k, p, ifn, hw, ssid, dad_counter)?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(a.octets()) };
        Ok(())
    })
}

/// Sets `*valid` to systemd-networkd's verdict on a generated address
/// (`stable_private_address_is_valid()`), applied as systemd applies it, to the whole address:
/// false when its first 64 bits are zero, its first 40 bits are `0200:5eff:fe`, or its first 57
/// bits are `fdff:ffff:ffff:ff80`. `ipv6kit_stable_systemd_address()` skips such addresses.
///
/// Errors: `NULL_POINTER`.
///
/// # Safety
/// `addr` readable for 16 bytes, `valid` writable.
#[no_mangle]
pub unsafe extern "C" fn ipv6kit_stable_systemd_address_is_valid(addr: *const u8, valid: *mut bool) -> ipv6kit_result {
    guard(|| {
        let out = Out::new(valid)?;
        // SAFETY: the caller's contract above.
        let a = unsafe { read_addr(addr) }?;
        // SAFETY: the caller's contract above.
        unsafe { out.write(systemd::is_valid_stable_private_address(a)) };
        Ok(())
    })
}
