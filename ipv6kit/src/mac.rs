//! MAC (EUI-48) and EUI-64 parsing in every notation people type.
//!
//! Accepted: `00:11:22:33:44:55`, `00-11-22-33-44-55`, `0011.2233.4455` (Cisco),
//! `001122334455` (bare), in either case, with one- or two-digit groups where a
//! separator makes that unambiguous (`0:11:22:3:44:55`, as `ip` and `arp` print).
//! EUI-64 takes the same forms with eight groups (`00:11:22:ff:fe:33:44:55`,
//! `0011.22ff.fe33.4455`, 16 bare digits).
//!
//! ```
//! let mac = ipv6kit::mac::parse_mac("B8-27-EB-89-BC-51").unwrap();
//! assert_eq!(mac.to_string(), "B8:27:EB:89:BC:51");
//! assert!(ipv6kit::mac::parse_mac("b8:27:eb:89:bc").is_err());
//! ```

use crate::text::hex_digit;
use macaddr::{MacAddr6, MacAddr8};

/// Why a MAC or EUI-64 text did not parse. Positions are byte offsets into the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MacParseError {
    /// The input was empty.
    #[error("empty MAC address")]
    Empty,
    /// A character that is neither a hex digit nor the separator in use.
    #[error("unexpected character {found:?} at position {position} of the MAC address")]
    BadCharacter {
        /// Byte offset of the character.
        position: usize,
        /// The character found.
        found: char,
    },
    /// A group had too many digits for the notation.
    #[error("group {group} of the MAC address is too long (at position {position})")]
    GroupTooLong {
        /// Zero-based group number.
        group: usize,
        /// Byte offset where the group starts.
        position: usize,
    },
    /// An empty group (two separators in a row, or one at either end).
    #[error("group {group} of the MAC address is empty (at position {position})")]
    EmptyGroup {
        /// Zero-based group number.
        group: usize,
        /// Byte offset where the group should have started.
        position: usize,
    },
    /// Two different separators were mixed.
    #[error("mixed separators in the MAC address: {first:?} and {second:?}")]
    MixedSeparators {
        /// The first separator seen.
        first: char,
        /// The other one.
        second: char,
    },
    /// The input held the wrong number of bytes.
    #[error("a {expected}-byte address was expected, the text holds {found} bytes")]
    WrongLength {
        /// Bytes expected (6 or 8).
        expected: usize,
        /// Bytes found.
        found: usize,
    },
}

/// Parses a 48-bit MAC address in any common notation.
pub fn parse_mac(s: &str) -> Result<MacAddr6, MacParseError> {
    if let Some(mac) = parse_canonical(s.as_bytes()) {
        return Ok(mac);
    }
    let mut out = [0u8; 6];
    parse_into(s, &mut out)?;
    Ok(MacAddr6::from(out))
}

/// The fast path of [`parse_mac`]: `hh:hh:hh:hh:hh:hh` or `hh-hh-hh-hh-hh-hh`, either case,
/// the form `ip link` prints and most tools write. `None` for anything else, which the
/// general parser decides (it accepts each text taken here with the same value).
fn parse_canonical(s: &[u8]) -> Option<MacAddr6> {
    let [a0, a1, sep, b0, b1, s1, c0, c1, s2, d0, d1, s3, e0, e1, s4, f0, f1] = *s else {
        return None;
    };
    if !(sep == b':' || sep == b'-') || [s1, s2, s3, s4].iter().any(|&c| c != sep) {
        return None;
    }
    let byte = |h: u8, l: u8| Some(hex_digit(h)? << 4 | hex_digit(l)?);
    Some(MacAddr6::new(
        byte(a0, a1)?,
        byte(b0, b1)?,
        byte(c0, c1)?,
        byte(d0, d1)?,
        byte(e0, e1)?,
        byte(f0, f1)?,
    ))
}

/// Parses a 64-bit EUI-64 in any common notation.
pub fn parse_eui64(s: &str) -> Result<MacAddr8, MacParseError> {
    let mut out = [0u8; 8];
    parse_into(s, &mut out)?;
    Ok(MacAddr8::from(out))
}

/// A MAC in lowercase colon notation (`b8:27:eb:89:bc:51`), the form `ip link` prints.
/// (`MacAddr6`'s own `Display` prints uppercase.)
pub fn lowercase(mac: MacAddr6) -> Lower6 {
    Lower6(mac)
}

/// Displays a MAC in lowercase colon notation; see [`lowercase`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lower6(pub MacAddr6);

impl core::fmt::Display for Lower6 {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let b = self.0.into_array();
        write!(
            f,
            "{:02x}:{:02x}:{:02x}:{:02x}:{:02x}:{:02x}",
            b[0], b[1], b[2], b[3], b[4], b[5]
        )
    }
}

fn bad_char(s: &str, position: usize) -> MacParseError {
    let found = s.get(position..).and_then(|r| r.chars().next()).unwrap_or('\u{fffd}');
    MacParseError::BadCharacter { position, found }
}

fn parse_into(s: &str, out: &mut [u8]) -> Result<(), MacParseError> {
    let b = s.as_bytes();
    if b.is_empty() {
        return Err(MacParseError::Empty);
    }
    let n = out.len();
    // Find the separator, if any, and check it is used consistently.
    let mut sep: Option<u8> = None;
    for (i, &c) in b.iter().enumerate() {
        if hex_digit(c).is_some() {
            continue;
        }
        if matches!(c, b':' | b'-' | b'.') {
            match sep {
                None => sep = Some(c),
                Some(s0) if s0 == c => {}
                Some(s0) => {
                    return Err(MacParseError::MixedSeparators {
                        first: s0 as char,
                        second: c as char,
                    })
                }
            }
        } else {
            return Err(bad_char(s, i));
        }
    }
    // Group width: bare = all digits, '.' = groups of 4 digits (2 bytes), others = 1 byte.
    let (digits_per_group, bytes_per_group) = match sep {
        None => (2 * n, n),
        Some(b'.') => (4, 2),
        Some(_) => (2, 1),
    };
    let groups_expected = n / bytes_per_group;
    let mut group = 0usize;
    let mut start = 0usize;
    let mut written = 0usize;
    loop {
        let end = match sep {
            Some(c) => b[start..].iter().position(|&x| x == c).map_or(b.len(), |p| start + p),
            None => b.len(),
        };
        let len = end - start;
        if len == 0 {
            return Err(MacParseError::EmptyGroup { group, position: start });
        }
        if len > digits_per_group {
            return Err(MacParseError::GroupTooLong { group, position: start });
        }
        // Bare and dotted forms need every digit; colon/dash groups may drop a leading zero.
        if sep.is_none() && len != digits_per_group {
            return Err(MacParseError::WrongLength {
                expected: n,
                found: len / 2,
            });
        }
        if sep == Some(b'.') && len != digits_per_group {
            return Err(MacParseError::WrongLength {
                expected: n,
                found: written + len / 2,
            });
        }
        let mut v: u64 = 0;
        for &c in &b[start..end] {
            v = (v << 4) | u64::from(hex_digit(c).ok_or_else(|| bad_char(s, start))?);
        }
        if group < groups_expected {
            let be = v.to_be_bytes();
            let dst = out
                .get_mut(written..written + bytes_per_group)
                .ok_or(MacParseError::WrongLength {
                    expected: n,
                    found: written + bytes_per_group,
                })?;
            dst.copy_from_slice(&be[8 - bytes_per_group..]);
        }
        written += bytes_per_group;
        group += 1;
        if end >= b.len() {
            break;
        }
        start = end + 1;
        if start >= b.len() {
            return Err(MacParseError::EmptyGroup { group, position: start });
        }
    }
    if written != n {
        return Err(MacParseError::WrongLength {
            expected: n,
            found: written,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(20_000))]
        /// The general parser is the referee for the fast path: same acceptance on
        /// 17-character text, same value.
        #[test]
        fn canonical_fast_path_agrees_with_the_general_parser(t in "[0-9a-fA-Fg:.-]{17}") {
            if let Some(mac) = parse_canonical(t.as_bytes()) {
                let mut out = [0u8; 6];
                proptest::prop_assert!(parse_into(&t, &mut out).is_ok(), "{:?}", t);
                proptest::prop_assert_eq!(mac, MacAddr6::from(out));
            }
        }

        #[test]
        fn canonical_fast_path_reads_every_printed_mac(b: [u8; 6], upper: bool, dash: bool) {
            let sep = if dash { "-" } else { ":" };
            let t = b.iter().map(|x| if upper { std::format!("{x:02X}") } else { std::format!("{x:02x}") })
                .collect::<std::vec::Vec<_>>()
                .join(sep);
            proptest::prop_assert_eq!(parse_canonical(t.as_bytes()), Some(MacAddr6::from(b)));
        }
    }

    #[test]
    fn every_notation_of_the_same_mac() {
        let want = MacAddr6::new(0xb8, 0x27, 0xeb, 0x6c, 0x02, 0x88);
        for s in [
            "b8:27:eb:6c:02:88",
            "B8-27-EB-6C-02-88",
            "b827.eb6c.0288",
            "b827eb6c0288",
            "b8:27:eb:6c:2:88",
        ] {
            assert_eq!(parse_mac(s), Ok(want), "{s}");
        }
    }

    #[test]
    fn eui64_notations() {
        let want = MacAddr8::new(0, 0x11, 0x22, 0xff, 0xfe, 0x33, 0x44, 0x55);
        for s in ["00:11:22:ff:fe:33:44:55", "0011.22ff.fe33.4455", "001122fffe334455"] {
            assert_eq!(parse_eui64(s), Ok(want), "{s}");
        }
    }

    #[test]
    fn errors_name_the_bad_part() {
        assert_eq!(parse_mac(""), Err(MacParseError::Empty));
        assert_eq!(
            parse_mac("zz:11:22:33:44:55"),
            Err(MacParseError::BadCharacter {
                position: 0,
                found: 'z'
            })
        );
        assert_eq!(
            parse_mac("00:11:22:33:44"),
            Err(MacParseError::WrongLength { expected: 6, found: 5 })
        );
        assert_eq!(
            parse_mac("00:11:22:33:44:55:66"),
            Err(MacParseError::WrongLength { expected: 6, found: 7 })
        );
        assert_eq!(
            parse_mac("00:11::33:44:55"),
            Err(MacParseError::EmptyGroup { group: 2, position: 6 })
        );
        assert_eq!(
            parse_mac("00:11:22:33:44:"),
            Err(MacParseError::EmptyGroup { group: 5, position: 15 })
        );
        assert_eq!(
            parse_mac("00:11-22:33:44:55"),
            Err(MacParseError::MixedSeparators {
                first: ':',
                second: '-'
            })
        );
        assert_eq!(
            parse_mac("000:11:22:33:44:55"),
            Err(MacParseError::GroupTooLong { group: 0, position: 0 })
        );
        assert_eq!(
            parse_mac("00112233445"),
            Err(MacParseError::WrongLength { expected: 6, found: 5 })
        );
        assert_eq!(
            parse_mac("00:11:22:33:44:é5"),
            Err(MacParseError::BadCharacter {
                position: 15,
                found: 'é'
            })
        );
    }

    proptest::proptest! {
        #[test]
        fn display_round_trips(b in proptest::array::uniform6(0u8..)) {
            let m = MacAddr6::from(b);
            proptest::prop_assert_eq!(parse_mac(&m.to_string()), Ok(m));
        }

        #[test]
        fn never_panics(s in "\\PC{0,40}") {
            let _ = parse_mac(&s);
            let _ = parse_eui64(&s);
        }
    }
}
