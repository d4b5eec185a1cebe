//! P201–P204: special-purpose space (the IANA registry), multicast, ULAs.

use alloc::format;
use alloc::vec::Vec;

use ipnet::Ipv6Net;

use super::{finding, Code, Finding, Severity};
use crate::bits::{from_u128, to_u128};
use crate::plan::model::{contains, Plan};
use crate::registry;

const MULTICAST: Ipv6Net = net(0xff00 << 112, 8);
const ULA_L0: Ipv6Net = net(0xfc00 << 112, 8);
const ULA_L1: Ipv6Net = net(0xfd00 << 112, 8);
const ULA: Ipv6Net = net(0xfc00 << 112, 7);

/// For constants only (evaluated at compile time).
const fn net(bits: u128, len: u8) -> Ipv6Net {
    match Ipv6Net::new(from_u128(bits), len) {
        Ok(n) => n,
        Err(_) => panic!("constant prefix"),
    }
}

/// A ULA /48 with the given random global ID (RFC 4193 §3.2): `fd` then the 40 bits.
///
/// The caller supplies the randomness (ipv6kit has no random source of its own): read 5
/// bytes from the operating system's generator. RFC 4193 §3.2.2's SHA-1 recipe is one way to
/// get them; any good random source is as good (RFC 4193 §3.2.1).
///
/// ```
/// use ipv6kit::plan::check::{is_low_entropy_ula, ula_prefix};
/// let p = ula_prefix([0x3c, 0x9a, 0x41, 0x2b, 0x77]);
/// assert_eq!(p.to_string(), "fd3c:9a41:2b77::/48");
/// assert!(!is_low_entropy_ula(p));
/// assert!(is_low_entropy_ula("fd00::/48".parse().unwrap()));
/// ```
pub fn ula_prefix(random: [u8; 5]) -> Ipv6Net {
    let mut o = [0u8; 16];
    o[0] = 0xfd;
    o[1..6].copy_from_slice(&random);
    Ipv6Net::new(from_u128(u128::from_be_bytes(o)), 48).unwrap_or_default()
}

/// A ULA /48 by RFC 4193 §3.2.2's suggested algorithm: SHA-1 over the time of day in 64-bit
/// NTP format followed by an EUI-64 of the system, the global ID being the digest's least
/// significant 40 bits. The caller reads the clock and picks the EUI-64 (RFC 4291 App. A
/// makes one from a MAC).
///
/// ```
/// use ipv6kit::plan::check::ula_prefix_rfc4193;
/// use ipv6kit::MacAddr8;
/// // SHA-1(01 23 45 67 89 ab cd ef ‖ 02 11 22 ff fe 33 44 55) ends in 36 88 c7 b3 d9
/// // (Python's hashlib agrees).
/// let eui = MacAddr8::new(0x02, 0x11, 0x22, 0xff, 0xfe, 0x33, 0x44, 0x55);
/// assert_eq!(ula_prefix_rfc4193(0x0123_4567_89ab_cdef, eui).to_string(), "fd36:88c7:b3d9::/48");
/// ```
pub fn ula_prefix_rfc4193(ntp_time: u64, eui64: macaddr::MacAddr8) -> Ipv6Net {
    use sha1::{Digest, Sha1};
    let mut h = Sha1::new();
    h.update(ntp_time.to_be_bytes());
    h.update(eui64.into_array());
    let digest = h.finalize();
    let mut id = [0u8; 5];
    if let Some(low) = digest.as_slice().get(15..20) {
        id.copy_from_slice(low);
    }
    ula_prefix(id)
}

/// True when the 40-bit global ID of a ULA prefix (a /48 or longer, in fc00::/7) looks
/// chosen rather than random (RFC 4193 §3.2): all zeros (`fd00::/48`), three or fewer distinct
/// hex digits (`fdaa:aaaa:aaaa::`, `fd00:1::`), a run of six or more counting digits
/// (`fd12:3456:789a::`), or a well-known word as a whole group (`fd00:dead:beef::`,
/// `cafe`, `f00d`, ...). A random ID trips this with a probability of about 3 × 10^-4. Prefixes shorter than a /48 have no global ID
/// yet: false.
pub fn is_low_entropy_ula(prefix: Ipv6Net) -> bool {
    if prefix.prefix_len() < 48 || !contains(ULA, prefix) {
        return false;
    }
    let id = (to_u128(prefix.addr()) >> 80) & 0xff_ffff_ffff;
    let nibbles: Vec<u8> = (0..10).rev().map(|k| ((id >> (4 * k)) & 0xf) as u8).collect();
    let mut seen = [false; 16];
    nibbles.iter().for_each(|&n| seen[usize::from(n)] = true);
    if seen.iter().filter(|&&s| s).count() <= 3 {
        return true;
    }
    let (mut up, mut down) = (1, 1);
    for w in nibbles.windows(2) {
        up = if w[1] == w[0].wrapping_add(1) { up + 1 } else { 1 };
        down = if w[0] == w[1].wrapping_add(1) { down + 1 } else { 1 };
        if up >= 6 || down >= 6 {
            return true;
        }
    }
    // The second and third groups of the written prefix are 16 bits of the ID each.
    const WORDS: [u16; 7] = [0xdead, 0xbeef, 0xcafe, 0xbabe, 0xface, 0xf00d, 0xc0de];
    [0, 16]
        .iter()
        .any(|&shift| WORDS.contains(&(((id >> shift) & 0xffff) as u16)))
}

/// Per entry: 0 = overlaps no special block (nor will its descendants); 1 = inside one (reported
/// at the topmost entry); 2 = contains one (children must look).
pub(super) fn check(plan: &Plan, special: &[registry::Entry], out: &mut Vec<Finding>) {
    let mut state = alloc::vec![0u8; plan.len()];
    for i in 0..plan.len() {
        let from_parent = plan.parent(i).map(|p| state[p]);
        if matches!(from_parent, Some(0 | 1)) {
            state[i] = from_parent.unwrap_or(0);
            continue;
        }
        let e = &plan[i];
        let p = e.prefix;
        let mut best: Option<&registry::Entry> = None;
        let mut overlaps = false;
        for r in special {
            if contains(r.prefix, p) {
                if best.is_none_or(|b| b.prefix.prefix_len() < r.prefix.prefix_len()) {
                    best = Some(r);
                }
            } else if contains(p, r.prefix) {
                overlaps = true;
            }
        }
        for s in [MULTICAST, ULA_L0, ULA_L1] {
            if contains(p, s) && !contains(s, p) {
                overlaps = true;
            }
        }
        let in_own = [MULTICAST, ULA_L0, ULA_L1].iter().any(|&s| contains(s, p));
        state[i] = if best.is_some() || in_own {
            1
        } else if overlaps {
            2
        } else {
            0
        };
        let n = e.network();
        if let Some(r) = best {
            let (severity, consequence) = if r.name.contains("Documentation") {
                (
                    Severity::Warning,
                    "documentation space is not routed: replace it before deployment",
                )
            } else if contains(ULA, r.prefix) {
                (Severity::Note, "not reachable from the Internet")
            } else if r.forwardable == Some(false) {
                (Severity::Error, "routers do not forward it")
            } else if r.globally_reachable == Some(false) {
                (Severity::Warning, "not reachable from the Internet")
            } else {
                (Severity::Note, "reserved for a special purpose")
            };
            let terminated = r.terminated.map(|t| format!(", terminated {t}")).unwrap_or_default();
            let mut f = finding(
                plan,
                i,
                Code::P201,
                severity,
                format!(
                    "{n} is {} {} ({}, {}, allocated {}{terminated}): {consequence}",
                    if n == r.prefix {
                        "the special-purpose block"
                    } else {
                        "in"
                    },
                    r.prefix,
                    r.name,
                    r.rfc,
                    r.allocated
                ),
            );
            if r.name.contains("Documentation") {
                f.fix = Some("replace it with the delegation you were given (`space::renumber`)".into());
            }
            out.push(f);
        }
        if contains(MULTICAST, p) {
            out.push(finding(
                plan,
                i,
                Code::P202,
                Severity::Error,
                format!("{n} is multicast space (ff00::/8, RFC 4291 §2.7): it cannot number links or hosts"),
            ));
        }
        if contains(ULA_L0, p) {
            out.push(finding(
                plan,
                i,
                Code::P204,
                Severity::Warning,
                format!("{n} is in fc00::/8, where L = 0: RFC 4193 §3.1 leaves it undefined; ULAs are in fd00::/8"),
            ));
        }
    }
    // P203: once per ULA /48 (the topmost entry of /48 or longer).
    let ula = |i: usize| plan.len_of(i) >= 48 && plan.range_of(i).0 >> 120 == 0xfd;
    for i in 0..plan.len() {
        if !ula(i) || plan.parent(i).is_some_and(ula) {
            continue;
        }
        let p = plan[i].prefix;
        if is_low_entropy_ula(p) {
            let id = Ipv6Net::new(p.addr(), 48).map(|n| n.trunc()).unwrap_or(p);
            let mut f = finding(
                plan,
                i,
                Code::P203,
                Severity::Warning,
                format!(
                    "the ULA {id} has a global ID that is not random (RFC 4193 §3.2): merging networks or VPNs \
                     will collide with every other plan that chose it"
                ),
            );
            f.fix = Some("draw 40 random bits: `ipv6kit::plan::check::ula_prefix(random_bytes)`".into());
            out.push(f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::check::test_util::{codes, plan};
    use crate::plan::check::{check_with_registry, Code::*};

    /// A few rows as IANA publishes them (the real table is `registry::ENTRIES`).
    const TABLE: &[registry::Entry] = &[
        registry::Entry {
            prefix: net(0x2001_0db8 << 96, 32),
            name: "Documentation",
            rfc: "RFC 3849",
            allocated: "2004-07",
            terminated: None,
            source: Some(false),
            destination: Some(false),
            forwardable: Some(false),
            globally_reachable: Some(false),
            reserved_by_protocol: Some(false),
        },
        registry::Entry {
            prefix: net(0xfc00 << 112, 7),
            name: "Unique-Local",
            rfc: "RFC 4193, RFC 8190",
            allocated: "2005-10",
            terminated: None,
            source: Some(true),
            destination: Some(true),
            forwardable: Some(true),
            globally_reachable: Some(false),
            reserved_by_protocol: Some(false),
        },
        registry::Entry {
            prefix: net(0xfe80 << 112, 10),
            name: "Link-Local Unicast",
            rfc: "RFC 4291",
            allocated: "2006-02",
            terminated: None,
            source: Some(true),
            destination: Some(true),
            forwardable: Some(false),
            globally_reachable: Some(false),
            reserved_by_protocol: Some(true),
        },
    ];

    #[test]
    fn special_space_reported_once_at_the_top() {
        let p = plan("::/0\n2001:db8:ebbd::/48\n2001:db8:ebbd:1::/64\nfe80::/64\n2a00:1::/32\n");
        let f = check_with_registry(&p, TABLE);
        let got: Vec<_> = f.iter().map(|f| (f.code, f.location.line, f.severity)).collect();
        assert_eq!(got, [(P201, 2, Severity::Warning), (P201, 4, Severity::Error)]);
        assert_eq!(
            f[0].message,
            "2001:db8:ebbd::/48 is in 2001:db8::/32 (Documentation, RFC 3849, allocated 2004-07): \
             documentation space is not routed: replace it before deployment"
        );
    }

    #[test]
    fn multicast_and_ula() {
        assert_eq!(codes("ff05::/16\nff05:1::/32\n"), [(P202, 1)]);
        assert_eq!(codes("fc00:1234::/32\n"), [(P204, 1)]);
        // fd00::/48 and a counting ID; the random one passes; the /64 inside is not re-reported.
        assert_eq!(
            codes("fd00::/48\nfd00:0:0:1::/64\nfd12:3456:789a::/48\nfd3c:9a41:2b77::/48\n"),
            [(P203, 1), (P203, 3)]
        );
        let f = check_with_registry(&plan("fd00::/48\n"), TABLE);
        assert_eq!(f.iter().map(|f| f.code).collect::<Vec<_>>(), [P201, P203]);
        assert_eq!(f[0].severity, Severity::Note);
    }

    #[test]
    fn low_entropy_patterns() {
        for s in [
            "fd00::/48",
            "fdff:ffff:ffff::/48",
            "fd00:1::/48",
            "fd00:dead:beef::/48",
            "fd42:cafe:1::/48",
            "fd98:7654:3210::/56",
            "fd11:2211:2211::/48",
        ] {
            assert!(is_low_entropy_ula(s.parse().unwrap()), "{s}");
        }
        for s in [
            "fd3c:9a41:2b77::/48",
            "fd5e:83a0:c1d4::/64",
            "fd00::/8",
            "2001:db8::/48",
        ] {
            assert!(!is_low_entropy_ula(s.parse().unwrap()), "{s}");
        }
    }

    #[test]
    fn random_ids_rarely_trip() {
        // A fixed-seed generator: 100 000 random IDs; about 3e-4 each is expected (2 × 7 words / 65536,
        // plus ~4e-5 for the digit rules): fewer than 60 flagged.
        let mut s: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut flagged = 0;
        for _ in 0..100_000 {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            let b = s.to_be_bytes();
            if is_low_entropy_ula(ula_prefix([b[0], b[1], b[2], b[3], b[4]])) {
                flagged += 1;
            }
        }
        assert!(flagged < 60, "{flagged}");
    }
}
