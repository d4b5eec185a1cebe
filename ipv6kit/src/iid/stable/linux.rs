//! Linux's stable-privacy identifiers: `addr_gen_mode` 2 (`stable_secret` set by the
//! administrator) and 3 (a random secret the kernel picks), as computed by
//! `ipv6_generate_stable_address()` in `net/ipv6/addrconf.c`.
//!
//! The kernel fills one 64-byte SHA-1 block
//!
//! ```text
//!  0               16              24                              56  57            64
//! +---------------+---------------+-------------------------------+---+-------------+
//! | stable_secret | prefix[0..8]  | perm_addr, zero-padded to 32  |dad|   zeros     |
//! +---------------+---------------+-------------------------------+---+-------------+
//! ```
//!
//! and runs ONE SHA-1 compression over it from the standard initial state, with no padding
//! and no finalisation. The identifier is the first two 32-bit state words, stored in the
//! host's byte order (the kernel copies the `u32`s into the address unconverted), so a
//! big-endian router and a little-endian PC with the same inputs form different addresses:
//! [`ByteOrder`] is an explicit parameter. Kernels up to 6.16 call `sha1_transform()`; since
//! 6.17 (and in 6.18) `sha1_init()` + `sha1_update()` over the same single block and read the
//! state without `sha1_final()`: the same result.
//!
//! The kernel hashes the device's *permanent* hardware address (`perm_addr`, `addr_len`
//! bytes), which is all zeros for veth and other virtual devices. An identifier in the
//! kernel's reserved set ([`is_reserved_interface_id`], wider than IANA's) is skipped by
//! incrementing the DAD counter; past `net.ipv6.idgen_retries` (default 3) the kernel gives
//! up. A DAD conflict on a stable-privacy address makes the kernel try the next counter value
//! after `net.ipv6.idgen_delay` (default 1 s), up to the same limit.
//!
//! ```
//! use ipv6kit::iid::stable::linux::{self, ByteOrder};
//!
//! let secret = "2001:db8:1:2:3:4:5:6".parse().unwrap();
//! let addr = linux::link_local(secret, &[0; 6], 0, linux::IDGEN_RETRIES, ByteOrder::Little).unwrap();
//! assert_eq!(addr.segments()[..4], [0xfe80, 0, 0, 0]);
//! ```

use super::{prefix_bytes, require_slash64, StableError};
use crate::iid::Iid;
use core::net::Ipv6Addr;
use ipnet::Ipv6Net;

/// The kernel's `MAX_ADDR_LEN`: the hardware-address field of the hashed block is this long.
pub const MAX_ADDR_LEN: usize = 32;

/// The default of `net.ipv6.idgen_retries`.
pub const IDGEN_RETRIES: u32 = 3;

/// The default of `net.ipv6.idgen_delay`, in seconds.
pub const IDGEN_DELAY_SECS: u32 = 1;

/// SHA-1's initial state (FIPS 180-4 §5.3.1), the kernel's `sha1_init()`.
const SHA1_IV: [u32; 5] = [0x6745_2301, 0xefcd_ab89, 0x98ba_dcfe, 0x1032_5476, 0xc3d2_e1f0];

/// The byte order of the host whose kernel forms the address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ByteOrder {
    /// x86, most ARM and RISC-V systems.
    Little,
    /// Many MIPS (OpenWrt) routers, PowerPC, s390x.
    Big,
}

impl ByteOrder {
    /// The byte order of the machine running this code.
    pub const fn native() -> ByteOrder {
        if cfg!(target_endian = "big") {
            ByteOrder::Big
        } else {
            ByteOrder::Little
        }
    }

    const fn store(self, word: u32) -> [u8; 4] {
        match self {
            ByteOrder::Little => word.to_le_bytes(),
            ByteOrder::Big => word.to_be_bytes(),
        }
    }
}

/// The kernel's own reserved-identifier test, `ipv6_reserved_interfaceid()`: the all-zero
/// identifier, every identifier starting `0200:5eff:fe` or `0200:5eff:ff` (IANA reserves only
/// `0200:5eff:fe00:0000`–`0200:5eff:feff:ffff`), and `fdff:ffff:ffff:ff80`–`fdff:ffff:ffff:ffff`.
///
/// ```
/// use ipv6kit::iid::{reserved, stable::linux, Iid};
/// let iid = Iid::from_u64(0x0200_5eff_ff00_0001);
/// assert!(linux::is_reserved_interface_id(iid));
/// assert!(!reserved::is_reserved(iid)); // wider than IANA's registry
/// ```
pub const fn is_reserved_interface_id(iid: Iid) -> bool {
    let v = iid.to_u64();
    let (hi, lo) = ((v >> 32) as u32, v as u32);
    v == 0
        || (hi == 0x0200_5eff && lo & 0xfe00_0000 == 0xfe00_0000)
        || (hi == 0xfdff_ffff && lo & 0xffff_ff80 == 0xffff_ff80)
}

/// One hash: the identifier for exactly these inputs, with no reserved-identifier check.
///
/// `prefix` is the address whose first 64 bits are hashed (`fe80::` for the link-local
/// address); `perm_addr` is the device's permanent hardware address, at most
/// [`MAX_ADDR_LEN`] bytes.
pub fn stable_iid(
    stable_secret: Ipv6Addr,
    prefix: Ipv6Addr,
    perm_addr: &[u8],
    dad_count: u8,
    byte_order: ByteOrder,
) -> Result<Iid, StableError> {
    if perm_addr.len() > MAX_ADDR_LEN {
        return Err(StableError::HardwareAddressTooLong {
            len: perm_addr.len(),
            max: MAX_ADDR_LEN,
        });
    }
    let mut block = [0u8; 64];
    let p = prefix.octets();
    block[..16].copy_from_slice(&stable_secret.octets());
    block[16..24].copy_from_slice(&p[..8]);
    // In bounds: perm_addr.len() <= MAX_ADDR_LEN was checked above.
    block[24..24 + perm_addr.len()].copy_from_slice(perm_addr);
    block[24 + MAX_ADDR_LEN] = dad_count;
    let mut state = SHA1_IV;
    sha1::compress(&mut state, &[block.into()]);
    let (a, b) = (byte_order.store(state[0]), byte_order.store(state[1]));
    Ok(Iid::new([a[0], a[1], a[2], a[3], b[0], b[1], b[2], b[3]]))
}

/// `ipv6_generate_stable_address()` with the DAD-failure retry around it: the identifier the
/// kernel configures on `prefix` after `dad_count` DAD conflicts (0 for the first address).
///
/// Identifiers in the kernel's reserved set are skipped by incrementing the counter. When
/// the counter passes `idgen_retries` (the `net.ipv6.idgen_retries` sysctl), the kernel
/// configures nothing: [`StableError::RetriesExhausted`].
pub fn stable_iid_with_retries(
    stable_secret: Ipv6Addr,
    prefix: Ipv6Addr,
    perm_addr: &[u8],
    dad_count: u8,
    idgen_retries: u32,
    byte_order: ByteOrder,
) -> Result<Iid, StableError> {
    let refused = |c: u8| StableError::RetriesExhausted {
        dad_counter: u32::from(c),
        retries: idgen_retries,
    };
    if u32::from(dad_count) > idgen_retries {
        return Err(refused(dad_count));
    }
    let mut count = dad_count;
    loop {
        let iid = stable_iid(stable_secret, prefix, perm_addr, count, byte_order)?;
        if !is_reserved_interface_id(iid) {
            return Ok(iid);
        }
        // The kernel's counter is a u8: past 255 there is nothing new to try.
        count = count.checked_add(1).ok_or(refused(u8::MAX))?;
        if u32::from(count) > idgen_retries {
            return Err(refused(count));
        }
    }
}

/// The SLAAC address the kernel forms on a /64 `prefix` from a Router Advertisement, after
/// `dad_count` DAD conflicts.
pub fn stable_address(
    stable_secret: Ipv6Addr,
    prefix: Ipv6Net,
    perm_addr: &[u8],
    dad_count: u8,
    idgen_retries: u32,
    byte_order: ByteOrder,
) -> Result<Ipv6Addr, StableError> {
    require_slash64(prefix)?;
    let p = prefix_bytes(prefix);
    let base = Ipv6Addr::from([p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], 0, 0, 0, 0, 0, 0, 0, 0]);
    let iid = stable_iid_with_retries(stable_secret, base, perm_addr, dad_count, idgen_retries, byte_order)?;
    Ok(iid.with_prefix(base))
}

/// The link-local address (`fe80::/64`) the kernel forms when the interface comes up.
pub fn link_local(
    stable_secret: Ipv6Addr,
    perm_addr: &[u8],
    dad_count: u8,
    idgen_retries: u32,
    byte_order: ByteOrder,
) -> Result<Ipv6Addr, StableError> {
    let fe80 = Ipv6Addr::new(0xfe80, 0, 0, 0, 0, 0, 0, 0);
    let iid = stable_iid_with_retries(stable_secret, fe80, perm_addr, dad_count, idgen_retries, byte_order)?;
    Ok(iid.with_prefix(fe80))
}

#[cfg(test)]
mod tests {
    use super::*;
    use sha1::Digest;

    fn a(s: &str) -> Ipv6Addr {
        s.parse().unwrap()
    }

    /// The single compression equals SHA-1's state after the first block of any longer message:
    /// check it against the finalised digest of a one-block message with RustCrypto's own
    /// padding, by computing the same block a different way (the `sha1` crate's hasher over 64
    /// bytes, whose first compression leaves exactly this state, then the padding block).
    #[test]
    fn one_compression_is_the_first_block_of_sha1() {
        let secret = a("2001:db8:1:2:3:4:5:6");
        let mut block = [0u8; 64];
        block[..16].copy_from_slice(&secret.octets());
        block[16..18].copy_from_slice(&[0xfe, 0x80]);
        // Full SHA-1 of the 64-byte block = compress(compress(IV, block), padding block).
        let mut state = SHA1_IV;
        sha1::compress(&mut state, &[block.into()]);
        let mut pad = [0u8; 64];
        pad[0] = 0x80;
        pad[56..].copy_from_slice(&(512u64).to_be_bytes());
        let mut full = state;
        sha1::compress(&mut full, &[pad.into()]);
        let digest = sha1::Sha1::digest(block);
        let words: [u8; 20] = core::array::from_fn(|i| full[i / 4].to_be_bytes()[i % 4]);
        assert_eq!(digest.as_slice(), &words);
        // And stable_iid reads that intermediate state.
        let iid = stable_iid(secret, a("fe80::"), &[], 0, ByteOrder::Big).unwrap();
        assert_eq!(iid.to_u64(), (u64::from(state[0]) << 32) | u64::from(state[1]));
    }

    #[test]
    fn byte_order_swaps_each_word() {
        let s = a("2001:db8::1");
        let le = stable_iid(s, a("2001:db8:1::"), &[0; 6], 0, ByteOrder::Little)
            .unwrap()
            .octets();
        let be = stable_iid(s, a("2001:db8:1::"), &[0; 6], 0, ByteOrder::Big)
            .unwrap()
            .octets();
        assert_eq!([le[3], le[2], le[1], le[0], le[7], le[6], le[5], le[4]], be);
    }

    #[test]
    fn perm_addr_is_zero_padded_to_max_addr_len() {
        // Trailing zero bytes of perm_addr are indistinguishable from the padding: a veth's
        // six zero bytes and no address at all hash the same.
        let s = a("2001:db8::1");
        let p = a("2001:db8:1::");
        let zeros = stable_iid(s, p, &[0; 6], 0, ByteOrder::Little).unwrap();
        assert_eq!(zeros, stable_iid(s, p, &[], 0, ByteOrder::Little).unwrap());
        assert_eq!(
            zeros,
            stable_iid(s, p, &[0; MAX_ADDR_LEN], 0, ByteOrder::Little).unwrap()
        );
        assert_ne!(
            zeros,
            stable_iid(s, p, &[0, 0, 0, 0, 0, 1], 0, ByteOrder::Little).unwrap()
        );
    }

    #[test]
    fn hwaddr_too_long() {
        let err = stable_iid(a("::1"), a("fe80::"), &[0; 33], 0, ByteOrder::Little).unwrap_err();
        assert_eq!(err, StableError::HardwareAddressTooLong { len: 33, max: 32 });
    }

    #[test]
    fn only_the_first_64_bits_of_the_prefix_are_hashed() {
        let s = a("2001:db8::1");
        let x = stable_address(s, "2001:db8:1::/64".parse().unwrap(), &[], 0, 3, ByteOrder::Little).unwrap();
        let y = stable_address(s, "2001:db8:1::ffff/64".parse().unwrap(), &[], 0, 3, ByteOrder::Little).unwrap();
        assert_eq!(x, y);
        assert_eq!(x.segments()[..4], [0x2001, 0xdb8, 1, 0]);
    }

    #[test]
    fn non_slash64_prefix_is_refused() {
        let net: Ipv6Net = "2001:db8::/48".parse().unwrap();
        assert_eq!(
            stable_address(a("::1"), net, &[], 0, 3, ByteOrder::Little),
            Err(StableError::PrefixNotSlash64 { prefix: net, len: 48 })
        );
    }

    #[test]
    fn kernel_reserved_set_is_wider_than_iana() {
        for v in [
            0u64,
            0x0200_5eff_fe00_0000,
            0x0200_5eff_feff_ffff,
            0x0200_5eff_ff00_0000,
            0x0200_5eff_ffff_ffff,
        ]
        .into_iter()
        .chain([0xfdff_ffff_ffff_ff80, u64::from(u32::MAX) | 0xfdff_ffff_0000_0000])
        {
            assert!(is_reserved_interface_id(Iid::from_u64(v)), "{v:#x}");
        }
        for v in [
            1u64,
            0x0200_5eff_fdff_ffff,
            0x0200_5efe_ffff_ffff,
            0xfdff_ffff_ffff_ff7f,
            u64::MAX,
        ] {
            assert!(!is_reserved_interface_id(Iid::from_u64(v)), "{v:#x}");
        }
        // Every IANA-reserved identifier is reserved for the kernel too.
        for r in crate::iid::reserved::REGISTRY {
            assert!(is_reserved_interface_id(Iid::from_u64(r.first)));
            assert!(is_reserved_interface_id(Iid::from_u64(r.last)));
        }
    }

    #[test]
    fn retries_past_the_limit_give_up() {
        let s = a("2001:db8::1");
        let net: Ipv6Net = "2001:db8:1::/64".parse().unwrap();
        for n in 0..=3u8 {
            let want = stable_iid(s, a("2001:db8:1::"), &[], n, ByteOrder::Little).unwrap();
            assert_eq!(
                Iid::of(stable_address(s, net, &[], n, 3, ByteOrder::Little).unwrap()),
                want
            );
        }
        assert_eq!(
            stable_address(s, net, &[], 4, 3, ByteOrder::Little),
            Err(StableError::RetriesExhausted {
                dad_counter: 4,
                retries: 3
            })
        );
        assert!(stable_address(s, net, &[], 0, 0, ByteOrder::Little).is_ok());
        assert!(stable_address(s, net, &[], 255, u32::MAX, ByteOrder::Little).is_ok());
    }

    proptest::proptest! {
        #[test]
        fn never_reserved_never_panics(secret in proptest::array::uniform16(0u8..), hw in proptest::collection::vec(0u8.., 0..40),
                                       dad in 0u8.., retries in 0u32..300, big in proptest::bool::ANY) {
            let order = if big { ByteOrder::Big } else { ByteOrder::Little };
            let net: Ipv6Net = "2001:db8:1::/64".parse().unwrap();
            match stable_address(Ipv6Addr::from(secret), net, &hw, dad, retries, order) {
                Ok(addr) => proptest::prop_assert!(!is_reserved_interface_id(Iid::of(addr))),
                Err(StableError::HardwareAddressTooLong { .. }) => proptest::prop_assert!(hw.len() > MAX_ADDR_LEN),
                Err(StableError::RetriesExhausted { .. }) => proptest::prop_assert!(u32::from(dad) > retries),
                Err(e) => proptest::prop_assert!(false, "unexpected {e}"),
            }
        }
    }
}
