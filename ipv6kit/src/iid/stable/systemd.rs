//! systemd-networkd's stable private addresses: `Token=prefixstable` in `[IPv6AcceptRA]`,
//! `[DHCPPrefixDelegation]` and `[IPv6Prefix]`, and the NDISC default on links that are
//! neither Ethernet nor InfiniBand, as computed by `generate_stable_private_address()` in
//! `src/network/networkd-address-generation.c`.
//!
//! The identifier is SipHash-2-4, keyed with a 16-byte secret, over
//!
//! ```text
//! prefix (8 bytes, masked to its length) ‖ ifname (no NUL) ‖ hardware address
//! ‖ [SSID (no NUL), when the link is connected to a wireless network] ‖ dad_counter (1 byte)
//! ```
//!
//! stored little-endian. The key is the one configured (`Token=prefixstable,KEY`) or, when
//! none is, the machine's application-specific id ([`machine_app_specific`]):
//! HMAC-SHA-256 keyed with `/etc/machine-id` over the application id of the caller
//! ([`NDISC_APP_ID`], [`DHCP_PD_APP_ID`], [`RADV_APP_ID`]), cut to 16 bytes and made a v4 UUID.
//!
//! systemd tries DAD counters 0, 1 and 2 and skips "reserved" results, but its test
//! ([`is_valid_stable_private_address`]) is applied to the whole address, so it compares the
//! *prefix* with the reserved identifier ranges: the identifier itself is never checked, and
//! on prefixes `fdff:ffff:ffff:ff80::/57` no address is generated at all. We reproduce that.
//!
//! ```
//! use ipv6kit::iid::stable::systemd::{stable_private_address, SecretKey};
//!
//! // systemd's own integration test (test/test-network/systemd-networkd-tests.py,
//! // test_ipv6_token_prefixstable): veth99 with MAC 12:34:56:78:9a:bc.
//! let key = SecretKey::Configured(0x86b123b969ba4b7eb8b3d8605123525a_u128.to_be_bytes());
//! let addr = stable_private_address(key, "2002:da8:1::/64".parse().unwrap(), "veth99",
//!     &[0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc], None, None).unwrap();
//! assert_eq!(addr.to_string(), "2002:da8:1:0:b47e:7975:fc7a:7d6e");
//! ```

use super::{check_ifname, no_nul, StableError};
use core::hash::Hasher;
use core::net::Ipv6Addr;
use hmac::{Hmac, Mac};
use ipnet::Ipv6Net;
use sha2::Sha256;
use siphasher::sip::SipHasher24;

/// Application id of addresses from Router Advertisements (`[IPv6AcceptRA] Token=`).
pub const NDISC_APP_ID: [u8; 16] = 0x13ac81a7_d53f_4978_9279_5d0c293abc7e_u128.to_be_bytes();
/// Application id of addresses from DHCPv6 prefix delegation (`[DHCPPrefixDelegation] Token=`).
pub const DHCP_PD_APP_ID: [u8; 16] = 0xfbb937ca_4aed_4a4d_b070_7faa71c0c985_u128.to_be_bytes();
/// Application id of addresses on prefixes networkd advertises (`[IPv6Prefix] Token=`).
pub const RADV_APP_ID: [u8; 16] = 0x1f1e90c8_5c78_4fdc_8e61_2d590d53c125_u128.to_be_bytes();

/// systemd's `DAD_CONFLICTS_IDGEN_RETRIES_RFC7217`: counters 0, 1 and 2 are tried.
pub const IDGEN_RETRIES: u8 = 3;

/// systemd's `HW_ADDR_MAX_SIZE`: the longest hardware address a link can have.
pub const HW_ADDR_MAX_SIZE: usize = 32;

/// Where the SipHash key comes from.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum SecretKey {
    /// `Token=prefixstable[:PREFIX],KEY`: the 16 bytes of the configured id (must not be null).
    Configured([u8; 16]),
    /// No key configured: derived from `/etc/machine-id` and the application id.
    MachineId {
        /// The 16 bytes of `/etc/machine-id` (32 hex digits).
        machine_id: [u8; 16],
        /// [`NDISC_APP_ID`], [`DHCP_PD_APP_ID`] or [`RADV_APP_ID`].
        app_id: [u8; 16],
    },
}

impl core::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        match self {
            SecretKey::Configured(_) => f.write_str("SecretKey::Configured(..)"),
            SecretKey::MachineId { .. } => f.write_str("SecretKey::MachineId { .. }"),
        }
    }
}

impl SecretKey {
    /// The 16 bytes that key SipHash.
    pub fn resolve(&self) -> Result<[u8; 16], StableError> {
        match *self {
            SecretKey::Configured(k) if k == [0; 16] => Err(StableError::NullKey),
            SecretKey::Configured(k) => Ok(k),
            SecretKey::MachineId { machine_id, app_id } => machine_app_specific(machine_id, app_id),
        }
    }
}

/// `sd_id128_get_app_specific(machine_id, app_id)`: HMAC-SHA-256 keyed with the machine id
/// over the application id, the first 16 bytes, made an RFC 4122 version-4 UUID (byte 6 high
/// nibble 4, byte 8 top bits 10). The application id must not be null.
pub fn machine_app_specific(machine_id: [u8; 16], app_id: [u8; 16]) -> Result<[u8; 16], StableError> {
    if app_id == [0; 16] {
        return Err(StableError::NullKey);
    }
    let mut mac = Hmac::<Sha256>::new_from_slice(&machine_id).map_err(|_| StableError::NullKey)?;
    mac.update(&app_id);
    let out = mac.finalize().into_bytes();
    let mut id = [0u8; 16];
    id.copy_from_slice(&out[..16]);
    id[6] = (id[6] & 0x0f) | 0x40;
    id[8] = (id[8] & 0x3f) | 0x80;
    Ok(id)
}

/// systemd's `stable_private_address_is_valid()`, applied as systemd applies it: to the
/// whole address. It refuses addresses whose first 64 bits are zero, whose first 40 bits
/// are `0200:5eff:fe`, or whose first 57 bits are `fdff:ffff:ffff:ff80`.
pub fn is_valid_stable_private_address(addr: Ipv6Addr) -> bool {
    let v = addr.to_bits();
    let covers = |net: u128, len: u8| (v ^ net) & crate::bits::prefix_mask(len) == 0;
    !(covers(0, 64) || covers(0x0200_5eff_fe00_0000_u128 << 64, 40) || covers(0xfdff_ffff_ffff_ff80_u128 << 64, 57))
}

/// One hash (`generate_stable_private_address_one()`): the address for exactly these inputs.
///
/// `prefix` is already masked (its first 64 bits are hashed); `hw_addr` is the link's
/// hardware address as networkd holds it (for InfiniBand pass its last 8 bytes, as systemd
/// hashes only those); `ssid` is the wireless network's name when connected to one.
pub fn stable_private_address_one(
    key: &[u8; 16],
    prefix: Ipv6Addr,
    ifname: &str,
    hw_addr: &[u8],
    ssid: Option<&str>,
    dad_counter: u8,
) -> Result<Ipv6Addr, StableError> {
    check_ifname(ifname)?;
    if hw_addr.len() > HW_ADDR_MAX_SIZE {
        return Err(StableError::HardwareAddressTooLong {
            len: hw_addr.len(),
            max: HW_ADDR_MAX_SIZE,
        });
    }
    let p = prefix.octets();
    let mut h = SipHasher24::new_with_key(key);
    h.write(&p[..8]);
    h.write(ifname.as_bytes());
    h.write(hw_addr);
    if let Some(s) = ssid {
        no_nul("ssid", s)?;
        h.write(s.as_bytes());
    }
    h.write(&[dad_counter]);
    let rid = h.finish().to_le_bytes();
    Ok(Ipv6Addr::from([
        p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], rid[0], rid[1], rid[2], rid[3], rid[4], rid[5], rid[6], rid[7],
    ]))
}

/// The address systemd-networkd configures on `prefix` (`generate_stable_private_address()`).
///
/// `prefix` may be /1 to /64 and is masked to its length. `previous` is the address that
/// just failed DAD, if any: systemd then returns the next valid address after it (or
/// [`StableError::RetriesExhausted`] when there is none).
pub fn stable_private_address(
    key: SecretKey,
    prefix: Ipv6Net,
    ifname: &str,
    hw_addr: &[u8],
    ssid: Option<&str>,
    previous: Option<Ipv6Addr>,
) -> Result<Ipv6Addr, StableError> {
    let len = prefix.prefix_len();
    if !(1..=64).contains(&len) {
        return Err(StableError::PrefixLengthUnsupported { prefix, len });
    }
    let key = key.resolve()?;
    let masked = prefix.network();
    let mut found = false;
    for i in 0..IDGEN_RETRIES {
        let addr = stable_private_address_one(&key, masked, ifname, hw_addr, ssid, i)?;
        if !is_valid_stable_private_address(addr) {
            continue;
        }
        if let Some(prev) = previous {
            if !found {
                found = prev == addr;
                continue;
            }
        }
        return Ok(addr);
    }
    Err(StableError::RetriesExhausted {
        dad_counter: u32::from(IDGEN_RETRIES),
        retries: u32::from(IDGEN_RETRIES) - 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAC: [u8; 6] = [0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc];
    const KEY: [u8; 16] = 0x86b123b969ba4b7eb8b3d8605123525a_u128.to_be_bytes();

    fn a(s: &str) -> Ipv6Addr {
        s.parse().unwrap()
    }

    /// systemd's own expected address: test/test-network/systemd-networkd-tests.py,
    /// `test_ipv6_token_prefixstable` (veth99, 25-veth.netdev's MAC 12:34:56:78:9a:bc, the key
    /// 86b123b9-69ba-4b7e-b8b3-d8605123525a of its .network file).
    #[test]
    fn systemd_networkd_tests_prefixstable() {
        let addr = stable_private_address(
            SecretKey::Configured(KEY),
            "2002:da8:1::/64".parse().unwrap(),
            "veth99",
            &MAC,
            None,
            None,
        )
        .unwrap();
        assert_eq!(addr, a("2002:da8:1:0:b47e:7975:fc7a:7d6e"));
    }

    #[test]
    fn dad_retry_returns_the_next_address() {
        let net: Ipv6Net = "2002:da8:1::/64".parse().unwrap();
        let k = SecretKey::Configured(KEY);
        let first = stable_private_address(k, net, "veth99", &MAC, None, None).unwrap();
        let second = stable_private_address(k, net, "veth99", &MAC, None, Some(first)).unwrap();
        assert_eq!(
            second,
            stable_private_address_one(&KEY, a("2002:da8:1::"), "veth99", &MAC, None, 1).unwrap()
        );
        let third = stable_private_address(k, net, "veth99", &MAC, None, Some(second)).unwrap();
        assert!(matches!(
            stable_private_address(k, net, "veth99", &MAC, None, Some(third)),
            Err(StableError::RetriesExhausted { .. })
        ));
        // An address that was never generated: nothing follows it.
        assert!(stable_private_address(k, net, "veth99", &MAC, None, Some(a("2002:da8:1::1"))).is_err());
    }

    #[test]
    fn ssid_changes_the_address() {
        let p = a("2001:db8:1::");
        let x = stable_private_address_one(&KEY, p, "wlan0", &MAC, None, 0).unwrap();
        let y = stable_private_address_one(&KEY, p, "wlan0", &MAC, Some("cafe"), 0).unwrap();
        assert_ne!(x, y);
    }

    #[test]
    fn the_reserved_check_looks_at_the_prefix() {
        // systemd's quirk: the whole address is compared, so these prefixes never get one.
        let net: Ipv6Net = "fdff:ffff:ffff:ff80::/64".parse().unwrap();
        assert!(matches!(
            stable_private_address(SecretKey::Configured(KEY), net, "eth0", &MAC, None, None),
            Err(StableError::RetriesExhausted { .. })
        ));
        assert!(!is_valid_stable_private_address(a("fdff:ffff:ffff:ffc0::1")));
        assert!(!is_valid_stable_private_address(a("0200:5eff:fe00::1")));
        assert!(!is_valid_stable_private_address(a("::1")));
        // ...and reserved identifiers on an ordinary prefix pass.
        assert!(is_valid_stable_private_address(a("2001:db8::")));
        assert!(is_valid_stable_private_address(a("2001:db8::fdff:ffff:ffff:ffff")));
    }

    #[test]
    fn prefixes_shorter_than_64_are_masked() {
        let k = SecretKey::Configured(KEY);
        let x = stable_private_address(k, "2001:db8:1:ff00::/56".parse().unwrap(), "eth0", &MAC, None, None).unwrap();
        let y = stable_private_address(k, "2001:db8:1:ff12::/56".parse().unwrap(), "eth0", &MAC, None, None).unwrap();
        assert_eq!(x, y);
        assert_eq!(x.segments()[3], 0xff00);
        for len in [0u8, 65, 128] {
            let net = Ipv6Net::new(a("2001:db8::"), len).unwrap();
            assert_eq!(
                stable_private_address(k, net, "eth0", &MAC, None, None),
                Err(StableError::PrefixLengthUnsupported { prefix: net, len })
            );
        }
    }

    #[test]
    fn machine_key_is_an_hmac_v4_uuid() {
        let machine_id = [0x11; 16];
        let key = machine_app_specific(machine_id, NDISC_APP_ID).unwrap();
        assert_eq!(key[6] >> 4, 4);
        assert_eq!(key[8] >> 6, 2);
        // The same derivation by hand: HMAC-SHA-256(machine id, app id), first half, UUID bits.
        let mut mac = Hmac::<Sha256>::new_from_slice(&machine_id).unwrap();
        mac.update(&NDISC_APP_ID);
        let full = mac.finalize().into_bytes();
        for i in (0..16).filter(|&i| i != 6 && i != 8) {
            assert_eq!(key[i], full[i]);
        }
        assert_ne!(key, machine_app_specific(machine_id, DHCP_PD_APP_ID).unwrap());
        assert_eq!(machine_app_specific(machine_id, [0; 16]), Err(StableError::NullKey));
        assert_eq!(SecretKey::Configured([0; 16]).resolve(), Err(StableError::NullKey));
    }

    #[test]
    fn bad_inputs() {
        let p = a("2001:db8::");
        assert!(matches!(
            stable_private_address_one(&KEY, p, "eth0", &[0; 33], None, 0),
            Err(StableError::HardwareAddressTooLong { len: 33, max: 32 })
        ));
        assert!(matches!(
            stable_private_address_one(&KEY, p, "0123456789abcdef", &MAC, None, 0),
            Err(StableError::InterfaceNameTooLong { len: 16, max: 15 })
        ));
        assert!(matches!(
            stable_private_address_one(&KEY, p, "eth0", &MAC, Some("a\0"), 0),
            Err(StableError::NulInString {
                field: "ssid",
                position: 1
            })
        ));
    }
}
