//! Temporary addresses (RFC 8981, "privacy extensions"): random interface identifiers that
//! change over time, and their lifetimes and regeneration schedule as pure functions of
//! time, so firmware with its own clock and random source can drive them.
//!
//! - [`random_iid`]: a random identifier from a caller-supplied random source, never a
//!   reserved one (RFC 8981 §3.3.1). With the `std` feature, [`random_iid_os`] uses the
//!   operating system's generator.
//! - [`TempAddrConfig`]: the RFC's parameters (§3.8) and the derived values
//!   (`REGEN_ADVANCE`, `MAX_DESYNC_FACTOR`); [`TempAddrConfig::schedule`] gives, for an address
//!   created at a given time, when it stops being preferred, when it expires and when its
//!   successor must be generated (§3.4, §3.5).
//! - [`md5_history`]: the older RFC 3041 / RFC 4941 §3.2.1 scheme, kept for comparison
//!   (optional; RFC 8981 replaced it).
//!
//! ```
//! use ipv6kit::iid::temporary::{random_iid, TempAddrConfig};
//!
//! let mut seed = 7u8;
//! let iid = random_iid(|buf: &mut [u8]| buf.iter_mut().for_each(|b| { seed = seed.wrapping_mul(31).wrapping_add(1); *b = seed; })).unwrap();
//! assert!(!ipv6kit::iid::reserved::is_reserved(iid));
//!
//! let cfg = TempAddrConfig::default();
//! assert_eq!(cfg.regen_advance(), 5); // 2 + 3 × 1 × 1000 ms / 1000
//! let s = cfg.schedule(1_000, 86_400, 14_400, 0).unwrap().unwrap();
//! assert_eq!((s.preferred_until, s.valid_until, s.regenerate_at), (15_400, 87_400, 15_395));
//! ```

use super::{reserved, Iid};
use md5::{Digest, Md5};

/// Why a temporary identifier or schedule could not be produced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TemporaryError {
    /// The random source returned reserved identifiers [`MAX_DRAWS`] times in a row: it is
    /// broken (all zeros, for instance).
    #[error("the random source gave a reserved identifier {draws} times in a row")]
    RandomSourceStuck {
        /// Draws made.
        draws: u32,
    },
    /// The operating system's random generator failed.
    #[error("the operating system's random generator failed")]
    OsRandom,
    /// The desync factor is not below `TEMP_PREFERRED_LIFETIME - REGEN_ADVANCE` (RFC 8981 §3.8).
    #[error("desync factor {desync_factor} s must be below {limit} s (TEMP_PREFERRED_LIFETIME - REGEN_ADVANCE)")]
    DesyncFactorTooLarge {
        /// The factor given.
        desync_factor: u32,
        /// The exclusive upper bound.
        limit: u32,
    },
    /// `TEMP_PREFERRED_LIFETIME` is not above `REGEN_ADVANCE`, so no address could ever be
    /// preferred long enough to be replaced in time.
    #[error("TEMP_PREFERRED_LIFETIME {preferred} s is not above REGEN_ADVANCE {regen_advance} s")]
    PreferredLifetimeTooShort {
        /// The configured preferred lifetime.
        preferred: u32,
        /// `REGEN_ADVANCE`.
        regen_advance: u32,
    },
}

/// Draws [`random_iid`] makes before deciding the random source is broken.
pub const MAX_DRAWS: u32 = 16;

/// RFC 8981 §3.8 default `TEMP_VALID_LIFETIME`: 2 days, in seconds.
pub const TEMP_VALID_LIFETIME: u32 = 2 * 86_400;
/// RFC 8981 §3.8 default `TEMP_PREFERRED_LIFETIME`: 1 day, in seconds.
pub const TEMP_PREFERRED_LIFETIME: u32 = 86_400;
/// RFC 8981 §3.8 default `TEMP_IDGEN_RETRIES`.
pub const TEMP_IDGEN_RETRIES: u32 = 3;
/// RFC 4861 §10 default `RetransTimer` (ms), used in `REGEN_ADVANCE`.
pub const RETRANS_TIMER_MS: u32 = 1_000;
/// RFC 4862 §5.1 default `DupAddrDetectTransmits`, used in `REGEN_ADVANCE`.
pub const DUP_ADDR_DETECT_TRANSMITS: u32 = 1;

/// A random 64-bit identifier (RFC 8981 §3.3.1): `fill` writes random bytes into the buffer
/// it is given; reserved identifiers (RFC 5453) are drawn again.
pub fn random_iid<F: FnMut(&mut [u8])>(mut fill: F) -> Result<Iid, TemporaryError> {
    for _ in 0..MAX_DRAWS {
        let mut b = [0u8; 8];
        fill(&mut b);
        let iid = Iid::new(b);
        if !reserved::is_reserved(iid) {
            return Ok(iid);
        }
    }
    Err(TemporaryError::RandomSourceStuck { draws: MAX_DRAWS })
}

/// [`random_iid`] from the operating system's generator (`getrandom`).
#[cfg(feature = "std")]
#[cfg_attr(docsrs, doc(cfg(feature = "std")))]
pub fn random_iid_os() -> Result<Iid, TemporaryError> {
    let mut failed = false;
    let iid = random_iid(|b| failed |= getrandom::getrandom(b).is_err())?;
    if failed {
        Err(TemporaryError::OsRandom)
    } else {
        Ok(iid)
    }
}

/// The RFC 8981 §3.8 parameters of a host (or of one interface). Times in seconds unless
/// the name says otherwise.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TempAddrConfig {
    /// `TEMP_VALID_LIFETIME`.
    pub temp_valid_lifetime: u32,
    /// `TEMP_PREFERRED_LIFETIME`.
    pub temp_preferred_lifetime: u32,
    /// `TEMP_IDGEN_RETRIES`.
    pub temp_idgen_retries: u32,
    /// The interface's `DupAddrDetectTransmits`.
    pub dup_addr_detect_transmits: u32,
    /// The interface's `RetransTimer`, in milliseconds.
    pub retrans_timer_ms: u32,
}

impl Default for TempAddrConfig {
    fn default() -> Self {
        TempAddrConfig {
            temp_valid_lifetime: TEMP_VALID_LIFETIME,
            temp_preferred_lifetime: TEMP_PREFERRED_LIFETIME,
            temp_idgen_retries: TEMP_IDGEN_RETRIES,
            dup_addr_detect_transmits: DUP_ADDR_DETECT_TRANSMITS,
            retrans_timer_ms: RETRANS_TIMER_MS,
        }
    }
}

/// When a temporary address stops being preferred, expires, and must be replaced.
/// Absolute times, in the caller's seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TempSchedule {
    /// The address was created at this time.
    pub created_at: u64,
    /// It is deprecated from this time on.
    pub preferred_until: u64,
    /// It is removed at this time.
    pub valid_until: u64,
    /// Its successor is generated at this time (`REGEN_ADVANCE` before deprecation).
    pub regenerate_at: u64,
}

impl TempAddrConfig {
    /// `REGEN_ADVANCE = 2 + (TEMP_IDGEN_RETRIES × DupAddrDetectTransmits × RetransTimer / 1000)`
    /// seconds (RFC 8981 §3.8), saturating.
    pub const fn regen_advance(&self) -> u32 {
        let ms = (self.temp_idgen_retries as u64)
            .saturating_mul(self.dup_addr_detect_transmits as u64)
            .saturating_mul(self.retrans_timer_ms as u64);
        let s = 2 + ms / 1000; // ms / 1000 < 2^54: no overflow
        if s > u32::MAX as u64 {
            u32::MAX
        } else {
            s as u32
        }
    }

    /// `MAX_DESYNC_FACTOR = 0.4 × TEMP_PREFERRED_LIFETIME` (RFC 8981 §3.8), rounded down:
    /// 9.6 hours (34 560 s) by default.
    pub const fn max_desync_factor(&self) -> u32 {
        ((self.temp_preferred_lifetime as u64) * 2 / 5) as u32
    }

    /// A `DESYNC_FACTOR` drawn uniformly from `0..=MAX_DESYNC_FACTOR`, and kept below
    /// `TEMP_PREFERRED_LIFETIME - REGEN_ADVANCE` as §3.8 requires, from `fill`'s random bytes.
    pub fn desync_factor<F: FnMut(&mut [u8])>(&self, mut fill: F) -> Result<u32, TemporaryError> {
        let limit = self.desync_limit()?;
        let max = self.max_desync_factor().min(limit - 1);
        let mut b = [0u8; 8];
        fill(&mut b);
        // Modulo bias is below 2^-31 for any u32 range drawn from 64 bits.
        Ok((u64::from_le_bytes(b) % (u64::from(max) + 1)) as u32)
    }

    fn desync_limit(&self) -> Result<u32, TemporaryError> {
        let ra = self.regen_advance();
        if self.temp_preferred_lifetime <= ra {
            return Err(TemporaryError::PreferredLifetimeTooShort {
                preferred: self.temp_preferred_lifetime,
                regen_advance: ra,
            });
        }
        Ok(self.temp_preferred_lifetime - ra)
    }

    /// The schedule of a temporary address created at `now` on a prefix whose remaining
    /// valid and preferred lifetimes are `prefix_valid` and `prefix_preferred` (RFC 8981 §3.4
    /// steps 4–6): valid for `min(prefix_valid, TEMP_VALID_LIFETIME)`, preferred for
    /// `min(prefix_preferred, TEMP_PREFERRED_LIFETIME - DESYNC_FACTOR)`, regenerated
    /// `REGEN_ADVANCE` before deprecation.
    ///
    /// `Ok(None)` when the preferred lifetime would not exceed `REGEN_ADVANCE`: RFC 8981 §3.4
    /// step 6 says no temporary address is created then.
    pub fn schedule(
        &self,
        now: u64,
        prefix_valid: u32,
        prefix_preferred: u32,
        desync_factor: u32,
    ) -> Result<Option<TempSchedule>, TemporaryError> {
        let limit = self.desync_limit()?;
        if desync_factor >= limit {
            return Err(TemporaryError::DesyncFactorTooLarge { desync_factor, limit });
        }
        let valid = prefix_valid.min(self.temp_valid_lifetime);
        let preferred = prefix_preferred
            .min(self.temp_preferred_lifetime - desync_factor)
            .min(valid);
        let ra = self.regen_advance();
        if preferred <= ra {
            return Ok(None);
        }
        Ok(Some(TempSchedule {
            created_at: now,
            preferred_until: now.saturating_add(preferred.into()),
            valid_until: now.saturating_add(valid.into()),
            regenerate_at: now.saturating_add((preferred - ra).into()),
        }))
    }

    /// The schedule after a Router Advertisement refreshes the prefix at `now` with new
    /// remaining lifetimes (RFC 8981 §3.4, "updating lifetimes"): a temporary address never
    /// lives longer than `TEMP_VALID_LIFETIME` (valid) or `TEMP_PREFERRED_LIFETIME -
    /// DESYNC_FACTOR` (preferred) counted from its creation.
    pub fn refresh(
        &self,
        s: &TempSchedule,
        now: u64,
        prefix_valid: u32,
        prefix_preferred: u32,
        desync_factor: u32,
    ) -> TempSchedule {
        let max_valid = s.created_at.saturating_add(self.temp_valid_lifetime.into());
        let max_pref = s
            .created_at
            .saturating_add(self.temp_preferred_lifetime.saturating_sub(desync_factor).into());
        let valid_until = now.saturating_add(prefix_valid.into()).min(max_valid);
        let preferred_until = now
            .saturating_add(prefix_preferred.into())
            .min(max_pref)
            .min(valid_until);
        TempSchedule {
            created_at: s.created_at,
            preferred_until,
            valid_until,
            regenerate_at: preferred_until
                .saturating_sub(self.regen_advance().into())
                .max(s.created_at),
        }
    }
}

/// **Optional, historical**: one step of the RFC 3041 / RFC 4941 §3.2.1 MD5 scheme, in the
/// RFC's order: `digest = MD5(history ‖ iid)`; the temporary identifier is the digest's left
/// 64 bits with the universal/local bit (0x02 of the first byte) cleared, the new history
/// value its right 64 bits. (ipv6calc hashes `iid ‖ history`, which is not the RFC.)
/// Returns `(temporary identifier, next history value)`. RFC 8981 replaced this scheme with
/// plain random identifiers ([`random_iid`]).
pub fn md5_history(history: [u8; 8], iid: Iid) -> (Iid, [u8; 8]) {
    let mut h = Md5::new();
    h.update(history);
    h.update(iid.octets());
    let d: [u8; 16] = h.finalize().into();
    let left = [d[0] & !0x02, d[1], d[2], d[3], d[4], d[5], d[6], d[7]];
    let right = [d[8], d[9], d[10], d[11], d[12], d[13], d[14], d[15]];
    (Iid::new(left), right)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc8981_defaults() {
        let c = TempAddrConfig::default();
        assert_eq!(c.temp_valid_lifetime, 172_800);
        assert_eq!(c.temp_preferred_lifetime, 86_400);
        assert_eq!(c.regen_advance(), 5);
        assert_eq!(c.max_desync_factor(), 34_560); // 9.6 hours
    }

    #[test]
    fn regen_advance_saturates() {
        let c = TempAddrConfig {
            temp_idgen_retries: u32::MAX,
            dup_addr_detect_transmits: u32::MAX,
            retrans_timer_ms: u32::MAX,
            ..TempAddrConfig::default()
        };
        assert_eq!(c.regen_advance(), u32::MAX);
        assert!(matches!(
            c.schedule(0, 1, 1, 0),
            Err(TemporaryError::PreferredLifetimeTooShort { .. })
        ));
    }

    #[test]
    fn random_iid_skips_reserved() {
        let mut n = 0;
        let iid = random_iid(|b| {
            n += 1;
            b.copy_from_slice(&if n < 3 { [0; 8] } else { [1, 2, 3, 4, 5, 6, 7, 8] });
        })
        .unwrap();
        assert_eq!(iid, Iid::new([1, 2, 3, 4, 5, 6, 7, 8]));
        assert_eq!(
            random_iid(|b| b.fill(0)),
            Err(TemporaryError::RandomSourceStuck { draws: MAX_DRAWS })
        );
    }

    #[test]
    fn os_random_works() {
        let a = random_iid_os().unwrap();
        let b = random_iid_os().unwrap();
        assert_ne!(a, b);
    }

    #[test]
    fn schedule_follows_prefix_and_caps() {
        let c = TempAddrConfig::default();
        // Prefix lifetimes longer than the caps: capped, and desync shortens preferred.
        let s = c.schedule(0, u32::MAX, u32::MAX, 1000).unwrap().unwrap();
        assert_eq!(s.valid_until, 172_800);
        assert_eq!(s.preferred_until, 85_400);
        assert_eq!(s.regenerate_at, 85_395);
        // Preferred lifetime at most REGEN_ADVANCE: no address.
        assert_eq!(c.schedule(0, 3600, 5, 0).unwrap(), None);
        assert!(c.schedule(0, 3600, 6, 0).unwrap().is_some());
        // Desync factor bound.
        assert_eq!(
            c.schedule(0, 3600, 3600, 86_395),
            Err(TemporaryError::DesyncFactorTooLarge {
                desync_factor: 86_395,
                limit: 86_395
            })
        );
        let bad = TempAddrConfig {
            temp_preferred_lifetime: 5,
            ..c
        };
        assert!(matches!(
            bad.schedule(0, 1, 1, 0),
            Err(TemporaryError::PreferredLifetimeTooShort { .. })
        ));
    }

    #[test]
    fn refresh_never_extends_past_creation_caps() {
        let c = TempAddrConfig::default();
        let s = c.schedule(100, 3600, 1800, 0).unwrap().unwrap();
        let r = c.refresh(&s, 100_000, u32::MAX, u32::MAX, 0);
        assert_eq!(r.valid_until, 100 + 172_800);
        assert_eq!(r.preferred_until, 100 + 86_400);
        assert_eq!(r.regenerate_at, 100 + 86_400 - 5);
        let r = c.refresh(&s, 1000, 600, 300, 0);
        assert_eq!((r.preferred_until, r.valid_until), (1300, 1600));
    }

    #[test]
    fn desync_in_range() {
        let c = TempAddrConfig::default();
        let mut x = 0u64;
        for _ in 0..1000 {
            let d = c
                .desync_factor(|b| {
                    x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    b.copy_from_slice(&x.to_le_bytes());
                })
                .unwrap();
            assert!(d <= c.max_desync_factor());
        }
        let tight = TempAddrConfig {
            temp_preferred_lifetime: 10,
            ..c
        };
        assert!(tight.desync_factor(|b| b.fill(0xff)).unwrap() < 10 - 5);
    }

    #[test]
    fn md5_history_is_history_then_iid() {
        let history = [1, 2, 3, 4, 5, 6, 7, 8];
        let iid = Iid::new([0x02, 0x11, 0x22, 0xff, 0xfe, 0x33, 0x44, 0x55]);
        let (tmp, next) = md5_history(history, iid);
        let mut msg = [0u8; 16];
        msg[..8].copy_from_slice(&history);
        msg[8..].copy_from_slice(&iid.octets());
        let d: [u8; 16] = Md5::digest(msg).into();
        assert_eq!(tmp.octets()[0], d[0] & 0xfd);
        assert_eq!(tmp.octets()[1..], d[1..8]);
        assert_eq!(next, d[8..]);
        // The reversed order (ipv6calc's) gives something else.
        let mut rev = [0u8; 16];
        rev[..8].copy_from_slice(&iid.octets());
        rev[8..].copy_from_slice(&history);
        assert_ne!(Md5::digest(rev)[8..], next);
    }

    #[test]
    fn md5_crate_rfc1321_vector() {
        // RFC 1321 A.5: MD5("abc") = 900150983cd24fb0d6963f7d28e17f72.
        assert_eq!(Md5::digest(b"abc")[..4], [0x90, 0x01, 0x50, 0x98]);
    }

    proptest::proptest! {
        #[test]
        fn schedule_invariants(now in 0u64..1u64 << 40, v in 0u32.., p in 0u32.., d in 0u32..34_560) {
            let c = TempAddrConfig::default();
            if let Some(s) = c.schedule(now, v, p, d).unwrap() {
                proptest::prop_assert!(s.created_at <= s.regenerate_at);
                proptest::prop_assert!(s.regenerate_at < s.preferred_until);
                proptest::prop_assert!(s.preferred_until <= s.valid_until);
                proptest::prop_assert!(s.valid_until - now <= u64::from(TEMP_VALID_LIFETIME));
            }
        }
    }
}
