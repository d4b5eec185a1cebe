//! Plain-text plans: one prefix per line, then what it is.
//!
//! ```text
//! # The house (a comment: from `#` at the start of a line, or after a space, to its end)
//! ::/0  the Internet
//! 2001:db8:ebbd::/48  [delegation]  my house network
//!   - 2001:db8:ebbd:9900::/56  role=site name=dmz  my DMZ network
//!   * 2001:db8:ebbd:990a::/64  [lan] tags=r1,nat  the LAN ports of R1
//!   • 2001:db8:ebbd::53  [host] — the DNS server
//! ```
//!
//! Each line is: optional bullet (`-`, `*`, `+`, `•`, `–`, `—`, or `1.` / `1)`), a prefix
//! (`2001:db8::/48`; a bare address is a /128; host bits are kept and reported by the checks,
//! never cleared), then any of these attributes, then the description:
//! - `[role]` or `role=ROLE` (one of [`Role::ALL`](crate::plan::Role::ALL) or an alias);
//! - `name=NAME`;
//! - `tags=a,b,c` (or `tag=a`, repeatable).
//!
//! A dash, colon or bar between the prefix and the description is dropped. Blank lines, any
//! amount of whitespace (non-breaking spaces of a web page included), `\r\n` line ends and a
//! byte-order mark are tolerated, so a list pasted from a web page works. Indentation means
//! nothing: the tree comes from containment.
//!
//! ```
//! use ipv6kit::plan::parse::text;
//! let entries = text::parse("    2001:db8:ebbd::/48  my house network\n  - fd12:3456:789a::/48 [site]\n").unwrap();
//! assert_eq!(entries[0].description, "my house network");
//! assert_eq!((entries[1].location.line, entries[1].location.column), (2, 5));
//! ```

use alloc::string::String;
use alloc::vec::Vec;

use super::{clip, parse_prefix, sat_u32, ParseError};
use crate::plan::model::{Entry, Location, Role};

/// Parses a plain-text plan into entries (in the order written).
pub fn parse(input: &str) -> Result<Vec<Entry>, ParseError> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let mut out = Vec::new();
    for (n, line) in input.split('\n').enumerate() {
        let line_no = sat_u32(n + 1);
        if let Some(e) = parse_line(line, line_no)? {
            out.push(e);
        }
    }
    Ok(out)
}

/// Splits off the first whitespace-separated token: (token, its char column offset, rest).
fn token(s: &str) -> Option<(&str, usize, &str)> {
    let start = s.find(|c: char| !c.is_whitespace())?;
    let skipped = s.get(..start).map_or(0, |p| p.chars().count());
    let t = s.get(start..)?;
    let end = t.find(char::is_whitespace).unwrap_or(t.len());
    Some((t.get(..end)?, skipped, t.get(end..)?))
}

fn is_bullet(t: &str) -> bool {
    matches!(t, "-" | "*" | "+" | "•" | "–" | "—" | "·")
        || (t.len() >= 2
            && t.len() <= 4
            && (t.ends_with('.') || t.ends_with(')'))
            && t.bytes().take(t.len() - 1).all(|b| b.is_ascii_digit()))
}

/// Cuts a comment: `#` at the start or after whitespace.
fn strip_comment(line: &str) -> &str {
    let mut prev_ws = true;
    for (i, c) in line.char_indices() {
        if c == '#' && prev_ws {
            return line.get(..i).unwrap_or(line);
        }
        prev_ws = c.is_whitespace();
    }
    line
}

fn parse_line(raw: &str, line: u32) -> Result<Option<Entry>, ParseError> {
    let raw = raw.strip_suffix('\r').unwrap_or(raw);
    let text = strip_comment(raw);
    let at = |col: usize| Location {
        line,
        column: sat_u32(col + 1),
    };
    let Some((mut tok, mut col, mut rest)) = token(text) else {
        return Ok(None);
    };
    if is_bullet(tok) {
        let consumed = col + tok.chars().count();
        let Some((t, c, r)) = token(rest) else { return Ok(None) };
        (tok, col, rest) = (t, consumed + c, r);
    } else if let Some(stripped) = tok.strip_prefix(['-', '*', '•']) {
        // A bullet glued to the prefix: "-2001:db8::/48" is not a prefix, "-" is.
        if stripped.starts_with(|c: char| c.is_ascii_hexdigit() || c == ':') {
            col += tok.chars().count() - stripped.chars().count();
            tok = stripped;
        }
    }
    let location = at(col);
    if !tok.contains(':') {
        return Err(ParseError::ExpectedPrefix {
            location,
            found: clip(tok, 40),
        });
    }
    let mut entry = Entry::new(parse_prefix(tok, location)?);
    entry.location = location;
    let mut col = col + tok.chars().count();
    // Attributes, then the description.
    loop {
        let Some((t, c, r)) = token(rest) else {
            rest = "";
            break;
        };
        let attr_at = at(col + c);
        let role = if let Some(inner) = t.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
            Some(inner)
        } else {
            t.strip_prefix("role=")
        };
        if let Some(role) = role {
            entry.role = Some(role.parse::<Role>().map_err(|_| ParseError::UnknownRole {
                location: attr_at,
                role: clip(role, 40),
            })?);
        } else if let Some(name) = t.strip_prefix("name=") {
            entry.name = Some(String::from(name));
        } else if let Some(tags) = t.strip_prefix("tags=").or_else(|| t.strip_prefix("tag=")) {
            entry
                .tags
                .extend(tags.split(',').filter(|s| !s.is_empty()).map(String::from));
        } else {
            break;
        }
        col += c + t.chars().count();
        rest = r;
    }
    let desc = rest.trim_matches(char::is_whitespace);
    let desc = match desc.strip_prefix(['-', '–', '—', ':', '|']) {
        Some(d) if d.is_empty() || d.starts_with(char::is_whitespace) => d,
        _ => desc,
    };
    // Runs of whitespace (a web page's non-breaking spaces among them) become one space.
    let mut description = String::with_capacity(desc.len());
    for word in desc.split(char::is_whitespace).filter(|w| !w.is_empty()) {
        if !description.is_empty() {
            description.push(' ');
        }
        description.push_str(word);
    }
    entry.description = description;
    Ok(Some(entry))
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    #[test]
    fn the_house_list_pasted_from_the_issue() {
        let pasted = "    ::/0  the Internet\n    2001:db8:ebbd::/48  my house network\n    \
                      2001:db8:ebbd:9900::/56  my DMZ network\n    \
                      2001:db8:ebbd:9908::/62  the LAN ports of R2 (unused; DHCPv6-PD allocates them)\n    \
                      2001:db8:ebbd:990a::/64  the LAN ports of R1, out in NAT-land\n";
        let e = parse(pasted).unwrap();
        assert_eq!(e.len(), 5);
        assert_eq!(e[0].prefix.to_string(), "::/0");
        assert_eq!(e[0].description, "the Internet");
        assert_eq!(
            e[3].description,
            "the LAN ports of R2 (unused; DHCPv6-PD allocates them)"
        );
        assert_eq!(e[4].location, Location::new(5, 5));
        assert!(e.iter().all(|e| e.role.is_none()));
    }

    #[test]
    fn web_page_noise() {
        let t = "\u{feff}# plan\r\n\u{a0}\u{a0}• 2001:db8::/32\u{a0}—\u{a0}documentation   space # comment\r\n\n\
                 1. 2001:db8:1::/48 [site] name=hq tags=a,b tag=c : head office\n\
                 -2001:db8:2::1 role=host\n";
        let e = parse(t).unwrap();
        assert_eq!(e.len(), 3);
        assert_eq!(e[0].description, "documentation space");
        assert_eq!(e[0].location, Location::new(2, 5));
        assert_eq!(e[1].role, Some(Role::Site));
        assert_eq!(e[1].name.as_deref(), Some("hq"));
        assert_eq!(e[1].tags, ["a", "b", "c"]);
        assert_eq!(e[1].description, "head office");
        assert_eq!(e[2].prefix.prefix_len(), 128);
        assert_eq!(e[2].location, Location::new(5, 2));
    }

    #[test]
    fn errors_are_located() {
        let e = parse("2001:db8::/32\n  - not a prefix\n").unwrap_err();
        assert_eq!(
            e,
            ParseError::ExpectedPrefix {
                location: Location::new(2, 5),
                found: "not".into()
            }
        );
        let e = parse("\n\n   2001:db8::/130 x").unwrap_err();
        assert!(matches!(
            e,
            ParseError::BadPrefix {
                location: Location { line: 3, column: 4 },
                ..
            }
        ));
        let e = parse("2001:db8::/32 [wan] uplink").unwrap_err();
        assert_eq!(
            e,
            ParseError::UnknownRole {
                location: Location::new(1, 15),
                role: "wan".into()
            }
        );
        assert!(e.to_string().starts_with("1:15: unknown role \"wan\""));
    }

    #[test]
    fn host_bits_are_kept() {
        let e = parse("2001:db8::1/64").unwrap();
        assert_eq!(e[0].prefix.to_string(), "2001:db8::1/64");
    }

    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,200}") {
            let _ = parse(&s);
        }

        #[test]
        fn any_prefix_line_round_trips(bits in proptest::num::u128::ANY, len in 0u8..=128, d in "[a-zA-Z ]{0,20}") {
            let p = ipnet::Ipv6Net::new(core::net::Ipv6Addr::from_bits(bits), len).unwrap();
            let e = parse(&alloc::format!("{p} x{d}")).unwrap();
            proptest::prop_assert_eq!(e[0].prefix, p);
        }
    }
}
