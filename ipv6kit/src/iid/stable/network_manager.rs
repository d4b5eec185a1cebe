//! NetworkManager's stable-privacy identifiers (`ipv6.addr-gen-mode=stable-privacy`), as
//! computed by `_set_stable_privacy()` in `src/core/nm-core-utils.c`.
//!
//! The identifier is the first 8 bytes of SHA-256 over
//!
//! ```text
//! [stable type, 1 byte, omitted for NM_UTILS_STABLE_TYPE_UUID]
//! prefix (8 bytes) ‖ ifname ‖ NUL ‖ network id ‖ NUL ‖ dad_counter (u32, big-endian)
//! ‖ key length (u32, big-endian) ‖ key
//! ```
//!
//! where the network id is the connection's `connection.stable-id` (expanded) or, by default,
//! its UUID, and the key is NetworkManager's host id ([`host_id`], derived from
//! `/var/lib/NetworkManager/secret_key`). When the first 8 bytes fall in the IANA reserved
//! set, NetworkManager rehashes: `digest = SHA-256(digest ‖ dad_counter + 1 as u32 BE)`, with
//! the counter incremented each time.
//!
//! ```
//! use ipv6kit::iid::stable::network_manager::{stable_privacy_iid, StableType};
//!
//! // NetworkManager's own vector (src/core/tests/test-utils.c, test_stable_privacy).
//! let iid = stable_privacy_iid(StableType::Uuid, "1234::".parse().unwrap(), "eth666",
//!     "6b138152-9f3e-4b97-aaf7-e6e553f2a24e", 0, b"key").unwrap();
//! assert_eq!(iid.to_string(), "4ceb:14cd:3d54:793f");
//! ```

use super::{check_ifname, no_nul, prefix_bytes, require_slash64, StableError};
use crate::iid::{reserved, Iid};
use core::net::Ipv6Addr;
use ipnet::Ipv6Net;
use sha2::{Digest, Sha256};

/// NetworkManager's `NM_STABLE_PRIVACY_RFC7217_IDGEN_RETRIES`: DAD counters 0, 1 and 2 are
/// tried; at 3 NetworkManager reports "Too many DAD collisions".
pub const IDGEN_RETRIES: u32 = 3;

/// What the network id is (`NMUtilsStableType`): NetworkManager hashes this as a leading
/// byte for every type but [`StableType::Uuid`], for backward compatibility.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum StableType {
    /// The connection's UUID (no `connection.stable-id` set): the default.
    Uuid = 0,
    /// An expanded `connection.stable-id`.
    StableId = 1,
    /// A generated stable id.
    Generated = 2,
    /// A random id.
    Random = 3,
}

/// The prefix NetworkManager writes at the start of a version-2 secret key file.
pub const SECRET_KEY_V2_PREFIX: &[u8] = b"nm-v2:";

/// NetworkManager's host id, the key of the hash, as read from its secret key file.
#[derive(Clone, PartialEq, Eq)]
pub enum HostId<'a> {
    /// A legacy (version 1) key file: its raw contents (at least 16 bytes).
    V1(&'a [u8]),
    /// A version-2 key file (`nm-v2:` and at least 32 more bytes): the SHA-256 of the file's
    /// size in decimal and a space, the file, and the machine id.
    V2([u8; 32]),
}

impl HostId<'_> {
    /// The key bytes that are hashed.
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            HostId::V1(b) => b,
            HostId::V2(d) => d,
        }
    }
}

impl core::fmt::Debug for HostId<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        // A secret: never printed.
        match self {
            HostId::V1(b) => write!(f, "HostId::V1({} bytes)", b.len()),
            HostId::V2(_) => f.write_str("HostId::V2(..)"),
        }
    }
}

/// The host id NetworkManager derives from the contents of `/var/lib/NetworkManager/secret_key`
/// and, for a version-2 file, `/etc/machine-id` (its 32 hex digits, without the newline; `None`
/// when the machine id is missing).
///
/// A file shorter than 16 bytes is refused ([`StableError::SecretTooShort`]): NetworkManager
/// replaces it with a new random key.
pub fn host_id<'a>(secret_key_file: &'a [u8], machine_id: Option<&str>) -> Result<HostId<'a>, StableError> {
    if secret_key_file.len() >= SECRET_KEY_V2_PREFIX.len() + 32 && secret_key_file.starts_with(SECRET_KEY_V2_PREFIX) {
        let mut sum = Sha256::new();
        let mut digits = [0u8; 20];
        sum.update(decimal(secret_key_file.len(), &mut digits));
        sum.update(b" ");
        sum.update(secret_key_file);
        if let Some(m) = machine_id {
            sum.update(m.trim_end_matches('\n').as_bytes());
        }
        return Ok(HostId::V2(sum.finalize().into()));
    }
    if secret_key_file.len() >= 16 {
        return Ok(HostId::V1(secret_key_file));
    }
    Err(StableError::SecretTooShort {
        len: secret_key_file.len(),
        min: 16,
    })
}

/// `n` in decimal, written into `buf`.
fn decimal(mut n: usize, buf: &mut [u8; 20]) -> &[u8] {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 || i == 0 {
            break;
        }
    }
    &buf[i..]
}

/// The identifier NetworkManager computes for these inputs (`_set_stable_privacy()`), with
/// reserved identifiers rehashed as NetworkManager does. No retry limit is applied: this is
/// the function NetworkManager's unit tests call (with counters up to 384).
///
/// `prefix` is an address whose first 64 bits are hashed. `ifname` must fit `IFNAMSIZ`;
/// `network_id` is the UUID or expanded stable id; `host_id` must not be empty.
pub fn stable_privacy_iid(
    stable_type: StableType,
    prefix: Ipv6Addr,
    ifname: &str,
    network_id: &str,
    dad_counter: u32,
    host_id: &[u8],
) -> Result<Iid, StableError> {
    check_ifname(ifname)?;
    no_nul("network_id", network_id)?;
    if host_id.is_empty() {
        return Err(StableError::SecretTooShort { len: 0, min: 1 });
    }
    let key_len = u32::try_from(host_id.len()).unwrap_or(u32::MAX);
    let key = host_id.get(..key_len as usize).unwrap_or(host_id);
    let mut sum = Sha256::new();
    if stable_type != StableType::Uuid {
        sum.update([stable_type as u8]);
    }
    sum.update(&prefix.octets()[..8]);
    sum.update(ifname.as_bytes());
    sum.update([0]);
    sum.update(network_id.as_bytes());
    sum.update([0]);
    sum.update(dad_counter.to_be_bytes());
    sum.update(key_len.to_be_bytes());
    sum.update(key);
    let mut digest: [u8; 32] = sum.finalize().into();
    let mut counter = dad_counter;
    while reserved::is_reserved(first8(&digest)) {
        counter = counter.wrapping_add(1);
        let mut again = Sha256::new();
        again.update(digest);
        again.update(counter.to_be_bytes());
        digest = again.finalize().into();
    }
    Ok(first8(&digest))
}

fn first8(d: &[u8; 32]) -> Iid {
    Iid::new([d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7]])
}

/// The address NetworkManager configures on a /64 `prefix` after `dad_counter` DAD conflicts,
/// refusing counters from [`IDGEN_RETRIES`] on as NetworkManager does
/// (`nm_utils_ipv6_addr_set_stable_privacy_may_fail()`).
pub fn stable_privacy_address(
    stable_type: StableType,
    prefix: Ipv6Net,
    ifname: &str,
    network_id: &str,
    dad_counter: u32,
    host_id: &[u8],
) -> Result<Ipv6Addr, StableError> {
    require_slash64(prefix)?;
    if dad_counter >= IDGEN_RETRIES {
        return Err(StableError::RetriesExhausted {
            dad_counter,
            retries: IDGEN_RETRIES - 1,
        });
    }
    let p = prefix_bytes(prefix);
    let base = Ipv6Addr::from([p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], 0, 0, 0, 0, 0, 0, 0, 0]);
    Ok(stable_privacy_iid(stable_type, base, ifname, network_id, dad_counter, host_id)?.with_prefix(base))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(s: &str) -> Ipv6Addr {
        s.parse().unwrap()
    }

    /// NetworkManager's own vectors: src/core/tests/test-utils.c, `test_stable_privacy()`
    /// (calls `nm_utils_ipv6_addr_set_stable_privacy_with_host_id()` with host id "key").
    #[test]
    fn networkmanager_test_stable_privacy() {
        let uuid = "6b138152-9f3e-4b97-aaf7-e6e553f2a24e";
        let cases = [
            (StableType::Uuid, "1234::", uuid, 0, "1234::4ceb:14cd:3d54:793f"),
            (StableType::Uuid, "1::", "", 384, "1::11aa:2530:9144:dafa"),
            (StableType::Uuid, "2::", "", 384, "2::338e:8d:c11:8726"),
            (StableType::StableId, "1234::", uuid, 0, "1234::ad4c:ae44:3d30:af1e"),
            (
                StableType::StableId,
                "1234::",
                "stable-id-1",
                0,
                "1234::4944:67b0:7a6c:1cf",
            ),
        ];
        for (ty, prefix, id, dad, want) in cases {
            let iid = stable_privacy_iid(ty, a(prefix), "eth666", id, dad, b"key").unwrap();
            assert_eq!(iid.with_prefix(a(prefix)), a(want), "{ty:?} {prefix} {id} {dad}");
        }
    }

    #[test]
    fn retry_limit_and_prefix() {
        let net: Ipv6Net = "1234::/64".parse().unwrap();
        let uuid = "6b138152-9f3e-4b97-aaf7-e6e553f2a24e";
        assert_eq!(
            stable_privacy_address(StableType::Uuid, net, "eth666", uuid, 0, b"key").unwrap(),
            a("1234::4ceb:14cd:3d54:793f")
        );
        assert_eq!(
            stable_privacy_address(StableType::Uuid, net, "eth666", uuid, 3, b"key"),
            Err(StableError::RetriesExhausted {
                dad_counter: 3,
                retries: 2
            })
        );
        let wide: Ipv6Net = "1234::/56".parse().unwrap();
        assert!(matches!(
            stable_privacy_address(StableType::Uuid, wide, "eth666", uuid, 0, b"key"),
            Err(StableError::PrefixNotSlash64 { len: 56, .. })
        ));
    }

    #[test]
    fn bad_inputs_are_typed_errors() {
        let p = a("1234::");
        assert_eq!(
            stable_privacy_iid(StableType::Uuid, p, "a-very-long-ifname", "x", 0, b"key"),
            Err(StableError::InterfaceNameTooLong { len: 18, max: 15 })
        );
        assert_eq!(
            stable_privacy_iid(StableType::Uuid, p, "eth\0", "x", 0, b"key"),
            Err(StableError::NulInString {
                field: "ifname",
                position: 3
            })
        );
        assert_eq!(
            stable_privacy_iid(StableType::Uuid, p, "eth0", "x\0y", 0, b"key"),
            Err(StableError::NulInString {
                field: "network_id",
                position: 1
            })
        );
        assert_eq!(
            stable_privacy_iid(StableType::Uuid, p, "eth0", "x", 0, b""),
            Err(StableError::SecretTooShort { len: 0, min: 1 })
        );
        assert!(stable_privacy_iid(StableType::Uuid, p, "123456789012345", "x", 0, b"k").is_ok());
    }

    #[test]
    fn host_id_versions() {
        assert_eq!(
            host_id(b"short", None),
            Err(StableError::SecretTooShort { len: 5, min: 16 })
        );
        let v1 = [7u8; 32];
        assert_eq!(host_id(&v1, Some("x")).unwrap().as_bytes(), &v1);
        // A v2 prefix on a file too short for v2 is a legacy key.
        let short_v2 = b"nm-v2:0123456789abcdef";
        assert!(matches!(host_id(short_v2, None).unwrap(), HostId::V1(_)));
        // v2: sha256("<size> " ‖ file ‖ machine-id), as NetworkManager's comment gives it in shell.
        let file = b"nm-v2:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopq=";
        let mid = "0123456789abcdef0123456789abcdef";
        let mut want = Sha256::new();
        want.update(alloc_free_concat(file.len()));
        want.update(file);
        want.update(mid);
        let want: [u8; 32] = want.finalize().into();
        assert_eq!(host_id(file, Some(mid)).unwrap(), HostId::V2(want));
        assert_ne!(host_id(file, None).unwrap(), HostId::V2(want));
    }

    fn alloc_free_concat(n: usize) -> String {
        format!("{n} ")
    }

    #[test]
    fn decimal_digits() {
        let mut b = [0u8; 20];
        assert_eq!(decimal(0, &mut b), b"0");
        assert_eq!(decimal(1234, &mut b), b"1234");
        assert_eq!(decimal(usize::MAX, &mut b), usize::MAX.to_string().as_bytes());
    }

    proptest::proptest! {
        #[test]
        fn never_iana_reserved(prefix in proptest::array::uniform16(0u8..), id in "[a-z0-9-]{0,40}", dad in 0u32.., key in proptest::collection::vec(0u8.., 1..40)) {
            let iid = stable_privacy_iid(StableType::StableId, Ipv6Addr::from(prefix), "eth0", &id, dad, &key).unwrap();
            proptest::prop_assert!(!reserved::is_reserved(iid));
        }
    }
}
