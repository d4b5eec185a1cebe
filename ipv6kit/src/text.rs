//! Address and prefix text with errors that name the bad part.
//!
//! What is accepted is exactly what `core::net::Ipv6Addr`'s parser accepts (RFC 4291 §2.2
//! text, with an optional embedded dotted quad); it decides. When it refuses, a scanner of
//! ours finds *where* and *why*, so a router's log or a notebook can say "group 3 has 5
//! digits at position 12" rather than "invalid IPv6 address syntax". Zones (`fe80::1%eth0`)
//! are the business of [`scoped`](crate::scoped).
//!
//! ```
//! use ipv6kit::text::{parse_address, parse_prefix, AddressError, PrefixError};
//! assert_eq!(parse_address("2001:db8::1").unwrap().to_string(), "2001:db8::1");
//! assert_eq!(parse_address("2001:db8:12345::1"),
//!            Err(AddressError::GroupTooLong { group: 2, position: 9 }));
//! assert_eq!(parse_prefix("2001:db8::/129"), Err(PrefixError::LengthTooLong { len: 129, position: 11 }));
//! ```

use core::net::{Ipv4Addr, Ipv6Addr};
use ipnet::Ipv6Net;

/// Why an IPv6 address text was refused. Positions are byte offsets into the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AddressError {
    /// The text is empty.
    #[error("empty address")]
    Empty,
    /// A character that cannot appear in an IPv6 address.
    #[error("unexpected character {found:?} at position {position} of the address")]
    BadCharacter {
        /// Byte offset.
        position: usize,
        /// The character.
        found: char,
    },
    /// A group with more than 4 hex digits.
    #[error("group {group} of the address has more than 4 hex digits (at position {position})")]
    GroupTooLong {
        /// Zero-based group number.
        group: usize,
        /// Where the group starts.
        position: usize,
    },
    /// `::` appears twice.
    #[error("'::' appears a second time at position {position}; it may stand only once")]
    SecondDoubleColon {
        /// Where the second `::` starts.
        position: usize,
    },
    /// A lone `:` at the start or end, or an empty group between two single colons.
    #[error("empty group at position {position} (a lone ':' where a group or '::' was expected)")]
    EmptyGroup {
        /// Where the group should have been.
        position: usize,
    },
    /// More than 8 groups (or more than 7 with `::`, which stands for at least one).
    #[error("too many groups: {found} written where at most {max} fit")]
    TooManyGroups {
        /// Groups written (an embedded IPv4 address counts as two).
        found: usize,
        /// Groups that fit.
        max: usize,
    },
    /// Fewer than 8 groups and no `::` to fill the gap.
    #[error("only {found} groups and no '::': an address has 8")]
    TooFewGroups {
        /// Groups written.
        found: usize,
    },
    /// A dotted-quad IPv4 part that is malformed, or not at the end.
    #[error("malformed embedded IPv4 address at position {position}")]
    BadIpv4 {
        /// Where the IPv4 part starts.
        position: usize,
    },
    /// Refused for a reason the scanner could not pin down (kept so that every refusal has an
    /// error; it names the whole text).
    #[error("malformed IPv6 address")]
    Malformed,
}

/// Why a prefix text (`address/length`) was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PrefixError {
    /// No `/length`.
    #[error("no '/' and prefix length")]
    MissingLength,
    /// The address part is wrong.
    #[error("in the address part: {0}")]
    Address(AddressError),
    /// The length is not a decimal number.
    #[error("prefix length at position {position} is not a decimal number")]
    BadLength {
        /// Where the length starts.
        position: usize,
    },
    /// The length is over 128.
    #[error("prefix length {len} at position {position} is over 128")]
    LengthTooLong {
        /// The length written (saturated at 255).
        len: u16,
        /// Where the length starts.
        position: usize,
    },
}

/// Parses an IPv6 address; the error names the bad part.
pub fn parse_address(s: &str) -> Result<Ipv6Addr, AddressError> {
    match parse_hex_groups(s.as_bytes()) {
        Some(addr) => Ok(addr),
        None => s.parse::<Ipv6Addr>().map_err(|_| diagnose(s)),
    }
}

/// The value of a hex digit (either case): the one helper for the text parsers (addresses,
/// MACs, zones). A table rather than a `match`: on random hex text the ranges of a `match`
/// mispredict a branch on almost every digit.
pub(crate) fn hex_digit(c: u8) -> Option<u8> {
    const NOT: u8 = 0xff;
    const TABLE: [u8; 256] = {
        let mut t = [NOT; 256];
        let mut i = 0u8;
        while i < 10 {
            t[(b'0' + i) as usize] = i;
            i += 1;
        }
        let mut i = 0u8;
        while i < 6 {
            t[(b'a' + i) as usize] = 10 + i;
            t[(b'A' + i) as usize] = 10 + i;
            i += 1;
        }
        t
    };
    let v = TABLE[usize::from(c)];
    (v != NOT).then_some(v)
}

/// The fast path of [`parse_address`]: text of hex groups and colons only (no embedded dotted
/// quad), the form nearly every address takes, read in one pass. `None` for anything else,
/// which the standard parser then decides. On such text the two agree exactly: same
/// acceptance, same value (property-tested against it below). The standard parser costs more
/// because it tries an IPv4 tail at every group.
fn parse_hex_groups(s: &[u8]) -> Option<Ipv6Addr> {
    if s.len() < 2 || s.len() > 39 {
        return None;
    }
    let mut groups = [0u16; 8];
    let mut n = 0usize; // groups read
    let mut gap: Option<usize> = None; // where '::' stands: the number of groups before it
    let mut i = 0usize;
    if s.first() == Some(&b':') {
        if s.get(1) != Some(&b':') {
            return None;
        }
        gap = Some(0);
        i = 2;
        if i == s.len() {
            return Some(Ipv6Addr::UNSPECIFIED);
        }
    }
    loop {
        let start = i;
        let mut v = 0u16;
        while let Some(d) = s.get(i).and_then(|&c| hex_digit(c)) {
            if i - start == 4 {
                return None; // a fifth digit
            }
            v = v << 4 | u16::from(d);
            i += 1;
        }
        if i == start {
            return None; // an empty group
        }
        *groups.get_mut(n)? = v; // a ninth group: None
        n += 1;
        match s.get(i) {
            None => break,
            Some(b':') => i += 1,
            Some(_) => return None, // '.', anything else: the standard parser decides
        }
        if s.get(i) == Some(&b':') {
            if gap.is_some() {
                return None; // a second '::'
            }
            gap = Some(n);
            i += 1;
            if i == s.len() {
                break; // a trailing '::'
            }
        } else if i == s.len() {
            return None; // a trailing single ':'
        }
    }
    let mut bits = 0u128;
    match gap {
        None if n == 8 => {
            for g in groups {
                bits = bits << 16 | u128::from(g);
            }
        }
        // '::' stands for one group or more.
        Some(at) if n <= 7 => {
            for (k, &g) in groups.iter().enumerate().take(n) {
                // Groups after the gap move to the end.
                let pos = if k < at { k } else { k + 8 - n };
                bits |= u128::from(g) << (112 - 16 * pos);
            }
        }
        _ => return None,
    }
    Some(Ipv6Addr::from_bits(bits))
}

/// Parses a prefix `address/length` (host bits are kept, as `ipnet` does: see
/// [`Ipv6Net::trunc`]); the error names the bad part.
pub fn parse_prefix(s: &str) -> Result<Ipv6Net, PrefixError> {
    let (addr, len) = s.split_once('/').ok_or(PrefixError::MissingLength)?;
    let addr = parse_address(addr).map_err(PrefixError::Address)?;
    let position = s.len() - len.len();
    if len.is_empty() || len.len() > 3 || !len.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PrefixError::BadLength { position });
    }
    let n: u16 = len.bytes().fold(0u16, |acc, b| acc * 10 + u16::from(b - b'0'));
    if n > 128 {
        return Err(PrefixError::LengthTooLong { len: n, position });
    }
    Ipv6Net::new(addr, n as u8).map_err(|_| PrefixError::LengthTooLong { len: n, position })
}

/// Finds why `s` is not an address. Only called after the standard parser refused it.
fn diagnose(s: &str) -> AddressError {
    if s.is_empty() {
        return AddressError::Empty;
    }
    for (position, c) in s.char_indices() {
        if !(c.is_ascii_hexdigit() || c == ':' || c == '.') {
            return AddressError::BadCharacter { position, found: c };
        }
    }
    let b = s.as_bytes();
    // Walk the groups.
    let mut groups = 0usize;
    let mut double_colon = false;
    let mut i = 0usize;
    if b.starts_with(b"::") {
        double_colon = true;
        i = 2;
    } else if b.first() == Some(&b':') {
        return AddressError::EmptyGroup { position: 0 };
    }
    while i < b.len() {
        let start = i;
        while i < b.len() && b[i] != b':' {
            i += 1;
        }
        let group = &s[start..i];
        if group.is_empty() {
            // The loop consumes every ':' and '::' itself, so an empty group is a third colon
            // right after a '::' (":::").
            return if b.get(i) == Some(&b':') && start > 0 {
                AddressError::SecondDoubleColon { position: start - 1 }
            } else {
                AddressError::EmptyGroup { position: start }
            };
        }
        if group.contains('.') {
            // A dotted quad must be the last part and well formed.
            if i != b.len() || group.parse::<Ipv4Addr>().is_err() {
                return AddressError::BadIpv4 { position: start };
            }
            groups += 2;
            break;
        }
        if group.len() > 4 {
            return AddressError::GroupTooLong {
                group: groups,
                position: start,
            };
        }
        groups += 1;
        if i < b.len() {
            i += 1; // the ':'
            if i == b.len() {
                // Ends in a single ':' (a trailing "::" was consumed as a group boundary above).
                return AddressError::EmptyGroup { position: i };
            }
            if b[i] == b':' {
                if double_colon {
                    return AddressError::SecondDoubleColon { position: i - 1 };
                }
                double_colon = true;
                i += 1;
            }
        }
    }
    let max = if double_colon { 7 } else { 8 };
    if groups > max {
        return AddressError::TooManyGroups { found: groups, max };
    }
    if !double_colon && groups < 8 {
        return AddressError::TooFewGroups { found: groups };
    }
    AddressError::Malformed
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Text built from hex groups of 0 to 5 digits joined by ':' or '::', near the edges of
    /// what is valid.
    fn hexish() -> impl Strategy<Value = std::string::String> {
        let group = proptest::string::string_regex("[0-9a-fA-F]{0,5}").unwrap();
        let sep = prop_oneof![4 => Just(":"), 1 => Just("::"), 1 => Just(":::")];
        (
            proptest::collection::vec((group, sep), 0..10),
            any::<bool>(),
            any::<bool>(),
        )
            .prop_map(|(parts, lead, trail)| {
                let mut t = std::string::String::new();
                if lead {
                    t.push_str("::");
                }
                for (i, (g, s)) in parts.iter().enumerate() {
                    t.push_str(g);
                    if i + 1 < parts.len() || trail {
                        t.push_str(s);
                    }
                }
                t
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        /// The standard parser is the referee: on text without a dotted quad the fast path
        /// accepts exactly what it accepts, with the same value.
        #[test]
        fn fast_path_agrees_with_std_on_hex_text(t in hexish()) {
            prop_assert_eq!(parse_hex_groups(t.as_bytes()), t.parse::<Ipv6Addr>().ok(), "{:?}", t);
        }

        #[test]
        fn fast_path_agrees_with_std_on_any_text(t in "[0-9a-fA-F:.%x]{0,42}") {
            let fast = parse_hex_groups(t.as_bytes());
            if fast.is_some() {
                prop_assert_eq!(fast, t.parse::<Ipv6Addr>().ok(), "{:?}", t);
            } else if !t.contains('.') {
                prop_assert!(t.parse::<Ipv6Addr>().is_err(), "{:?}", t);
            }
        }

        /// Every address, as std prints it, in full, in capitals and with leading zeros.
        #[test]
        fn fast_path_reads_every_printed_form(bits: u128) {
            let a = Ipv6Addr::from_bits(bits);
            let g = a.segments();
            let full = std::format!("{:x}:{:x}:{:x}:{:x}:{:x}:{:x}:{:x}:{:x}", g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7]);
            let padded = std::format!("{:04X}:{:04X}:{:04X}:{:04X}:{:04X}:{:04X}:{:04X}:{:04X}", g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7]);
            for t in [a.to_string(), full, padded] {
                if !t.contains('.') {
                    prop_assert_eq!(parse_hex_groups(t.as_bytes()), Some(a), "{}", t);
                }
                prop_assert_eq!(parse_address(&t), Ok(a));
            }
        }
    }

    #[test]
    fn errors_name_the_bad_part() {
        use AddressError::*;
        let cases: &[(&str, AddressError)] = &[
            ("", Empty),
            (
                "2001:db8::g",
                BadCharacter {
                    position: 10,
                    found: 'g',
                },
            ),
            (
                "fe80::1%eth0",
                BadCharacter {
                    position: 7,
                    found: '%',
                },
            ),
            ("2001:db8:12345::1", GroupTooLong { group: 2, position: 9 }),
            ("2001::db8::1", SecondDoubleColon { position: 9 }),
            (":2001:db8::1", EmptyGroup { position: 0 }),
            ("2001:db8::1:", EmptyGroup { position: 12 }),
            ("1:2:3:4:5:6:7:8:9", TooManyGroups { found: 9, max: 8 }),
            ("1:2:3:4::5:6:7:8", TooManyGroups { found: 8, max: 7 }),
            ("1:2:3:4:5:6:7", TooFewGroups { found: 7 }),
            ("::ffff:1.2.3", BadIpv4 { position: 7 }),
            ("::1.2.3.4:5", BadIpv4 { position: 2 }),
            ("1:2:3:4:5:6:7:1.2.3.4", TooManyGroups { found: 9, max: 8 }),
        ];
        for (text, want) in cases {
            assert!(text.parse::<Ipv6Addr>().is_err(), "std accepts {text:?}");
            assert_eq!(parse_address(text), Err(*want), "{text:?}");
        }
    }

    #[test]
    fn prefixes() {
        assert_eq!(parse_prefix("2001:db8::/32").unwrap().to_string(), "2001:db8::/32");
        assert_eq!(
            parse_prefix("2001:db8::1/32").unwrap().addr().to_string(),
            "2001:db8::1"
        );
        assert_eq!(parse_prefix("2001:db8::"), Err(PrefixError::MissingLength));
        assert_eq!(
            parse_prefix("2001:db8::/"),
            Err(PrefixError::BadLength { position: 11 })
        );
        assert_eq!(
            parse_prefix("2001:db8::/x4"),
            Err(PrefixError::BadLength { position: 11 })
        );
        assert_eq!(
            parse_prefix("2001:db8::/200"),
            Err(PrefixError::LengthTooLong { len: 200, position: 11 })
        );
        assert_eq!(
            parse_prefix("2001:db8:::/32"),
            Err(PrefixError::Address(AddressError::SecondDoubleColon { position: 9 }))
        );
    }

    proptest::proptest! {
        /// The referee is std's parser: we accept exactly what it accepts, with the same value.
        #[test]
        fn agrees_with_std_on_arbitrary_text(s in "[0-9a-fA-F:.]{0,41}") {
            proptest::prop_assert_eq!(parse_address(&s).ok(), s.parse::<Ipv6Addr>().ok());
        }

        #[test]
        fn agrees_with_std_on_near_misses(v: u128, cut in 0usize..40, insert in "[0-9a-f:.g%]{0,3}") {
            let mut s = Ipv6Addr::from_bits(v).to_string();
            let at = cut.min(s.len());
            s.insert_str(at, &insert);
            proptest::prop_assert_eq!(parse_address(&s).ok(), s.parse::<Ipv6Addr>().ok());
            if parse_address(&s).is_err() {
                // The refusal names something, and never panics.
                let _ = parse_address(&s).unwrap_err().to_string();
            }
        }

        #[test]
        fn prefixes_agree_with_std(s in "[0-9a-f:]{0,20}/[0-9]{0,4}") {
            proptest::prop_assert_eq!(parse_prefix(&s).ok(), std_prefix(&s));
        }
    }

    /// The reference for prefixes: std's address parser, then a decimal length of at most 128
    /// written in 1 to 3 digits.
    fn std_prefix(s: &str) -> Option<Ipv6Net> {
        let (a, l) = s.split_once('/')?;
        let a: Ipv6Addr = a.parse().ok()?;
        if l.is_empty() || l.len() > 3 || !l.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Ipv6Net::new(a, l.parse().ok()?).ok()
    }

    #[test]
    fn double_colon_never_stands_for_zero_groups_unlike_ipnet() {
        // RFC 4291 §2.2: "The use of '::' indicates one or more groups of 16 bits of zeros."
        // std and Python's ipaddress refuse eight written groups plus '::'; ipnet 2.12's own
        // prefix parser accepts them (found by the text_parsers fuzz target). We follow std.
        for text in ["1:2:3:4:5:6:7::8/9", "1:2:3:4:5:6::7:8/9", "2:3:4:a20:3:501:db8::21/9"] {
            assert!(text.parse::<Ipv6Net>().is_ok(), "ipnet changed: {text}");
            assert_eq!(
                parse_prefix(text),
                Err(PrefixError::Address(AddressError::TooManyGroups { found: 8, max: 7 })),
                "{text}"
            );
        }
    }
}
