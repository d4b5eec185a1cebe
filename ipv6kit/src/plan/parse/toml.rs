//! TOML plans, flat or nested (JSON plans use the same schema: see [`json`](super::json)).
//!
//! ```toml
//! # Optional: the space you were given (a prefix or a list). Every other prefix must lie
//! # inside a delegation or contain one.
//! delegation = ["2001:db8:1000::/36", "fd3c:9a41:2b77::/48"]
//!
//! # Flat form: an array of tables.
//! [[prefix]]
//! prefix = "2001:db8:1000::/48"
//! name = "hq"                      # optional
//! role = "site"                    # optional: delegation site lan link loopback pool reserved host
//! description = "head office"      # optional
//! tags = ["building-a"]            # optional
//!
//! # Nested form: a table with a `prefix` is an entry named by its key; its sub-tables (and
//! # arrays of tables) are entries written inside it, which must lie inside it.
//! [campus]
//! prefix = "2001:db8:1100::/48"
//! role = "site"
//!
//! [campus.library]
//! prefix = "2001:db8:1100:100::/56"
//!
//! [[campus.library.lans]]
//! prefix = "2001:db8:1100:101::/64"
//! role = "lan"
//! ```
//!
//! Any other key is an error (most are typos: `descripton`), located like every error.
//!
//! ```
//! use ipv6kit::plan::parse::toml;
//! let entries = toml::parse("[house]\nprefix = \"2001:db8:ebbd::/48\"\n[house.dmz]\nprefix = \"2001:db8:ebbd:9900::/56\"\n").unwrap();
//! assert_eq!(entries[1].name.as_deref(), Some("dmz"));
//! assert_eq!(entries[1].declared_parent, Some(entries[0].prefix));
//! assert_eq!((entries[1].location.line, entries[1].location.column), (4, 10));
//! ```

use alloc::string::{String, ToString};
use alloc::vec::Vec;

use ::toml::de::{DeTable, DeValue};
use ::toml::Spanned;

use super::{read_schema, LineIndex, ParseError, Value, MAX_DEPTH};
use crate::plan::model::Entry;

/// Parses a TOML plan into entries (in document order).
pub fn parse(input: &str) -> Result<Vec<Entry>, ParseError> {
    let lines = LineIndex::new(input);
    let doc = DeTable::parse(input).map_err(|e| ParseError::Toml {
        location: lines.location(e.span().map_or(0, |s| s.start)),
        message: e.message().to_string(),
    })?;
    let span = doc.span();
    let root = table(doc.get_ref(), span.start, 0, &lines)?;
    read_schema(&root, &lines)
}

fn table(t: &DeTable<'_>, at: usize, depth: usize, lines: &LineIndex<'_>) -> Result<Value, ParseError> {
    if depth > MAX_DEPTH {
        return Err(ParseError::TooDeep {
            location: lines.location(at),
        });
    }
    // The map is ordered by key: put it back in document order.
    let mut keys: Vec<(String, usize, Value)> = Vec::with_capacity(t.len());
    for (k, v) in t.iter() {
        keys.push((k.get_ref().to_string(), k.span().start, value(v, depth + 1, lines)?));
    }
    keys.sort_by_key(|(_, at, _)| *at);
    Ok(Value::Table(keys, at))
}

fn value(v: &Spanned<DeValue<'_>>, depth: usize, lines: &LineIndex<'_>) -> Result<Value, ParseError> {
    let at = v.span().start;
    if depth > MAX_DEPTH {
        return Err(ParseError::TooDeep {
            location: lines.location(at),
        });
    }
    Ok(match v.get_ref() {
        DeValue::String(s) => Value::Str(s.to_string(), at),
        DeValue::Array(a) => {
            let mut items = Vec::with_capacity(a.len());
            for item in a.iter() {
                items.push(value(item, depth + 1, lines)?);
            }
            Value::Array(items, at)
        }
        DeValue::Table(t) => table(t, at, depth, lines)?,
        _ => Value::Other(at),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::model::{Location, Role};
    use alloc::string::ToString;

    #[test]
    fn flat_and_nested() {
        let doc = r#"
delegation = "2001:db8:1000::/36"

[[prefix]]
prefix = "2001:db8:1000::/48"
name = "hq"
role = "site"
description = "head office"
tags = ["a", "b"]

[campus]
prefix = "2001:db8:1100::/48"
role = "site"

[campus.library]
prefix = "2001:db8:1100:100::/56"

[[campus.library.lans]]
prefix = "2001:db8:1100:101::/64"
role = "lan"

[[campus.library.lans]]
prefix = "2001:db8:1100:102::/64"
"#;
        let e = parse(doc).unwrap();
        let got: Vec<_> = e
            .iter()
            .map(|e| (e.prefix.to_string(), e.name.clone(), e.role, e.location.line))
            .collect();
        assert_eq!(
            got,
            [
                ("2001:db8:1000::/36".to_string(), None, Some(Role::Delegation), 2),
                (
                    "2001:db8:1000::/48".to_string(),
                    Some("hq".to_string()),
                    Some(Role::Site),
                    5
                ),
                (
                    "2001:db8:1100::/48".to_string(),
                    Some("campus".to_string()),
                    Some(Role::Site),
                    12
                ),
                (
                    "2001:db8:1100:100::/56".to_string(),
                    Some("library".to_string()),
                    None,
                    16
                ),
                ("2001:db8:1100:101::/64".to_string(), None, Some(Role::Lan), 19),
                ("2001:db8:1100:102::/64".to_string(), None, None, 23),
            ]
        );
        assert_eq!(e[1].tags, ["a", "b"]);
        assert_eq!(e[4].declared_parent, Some(e[3].prefix));
        assert_eq!(e[1].location, Location::new(5, 10));
    }

    #[test]
    fn errors_are_located() {
        let e = parse("[a]\nprefix = \"2001:db8::/32\"\ndescripton = \"x\"\n").unwrap_err();
        assert_eq!(
            e,
            ParseError::UnknownKey {
                location: Location::new(3, 1),
                key: "descripton".into()
            }
        );
        let e = parse("[a]\nprefix = \"2001:db8::/33x\"\n").unwrap_err();
        assert!(
            matches!(
                e,
                ParseError::BadPrefix {
                    location: Location { line: 2, column: 10 },
                    ..
                }
            ),
            "{e:?}"
        );
        let e = parse("[a]\nrole = \"lan\"\n").unwrap_err();
        assert!(matches!(e, ParseError::MissingPrefix { .. }), "{e:?}");
        let e = parse("[a]\nprefix = \"2001:db8::/32\"\nrole = \"wan\"\n").unwrap_err();
        assert_eq!(
            e,
            ParseError::UnknownRole {
                location: Location::new(3, 8),
                role: "wan".into()
            }
        );
        let e = parse("[a]\nprefix = 3\n").unwrap_err();
        assert!(
            matches!(
                e,
                ParseError::FieldType {
                    location: Location { line: 2, column: 1 },
                    ..
                }
            ),
            "{e:?}"
        );
        let e = parse("a = [\n").unwrap_err();
        assert!(
            matches!(
                e,
                ParseError::Toml {
                    location: Location { line: 1, column: 6 },
                    ..
                }
            ),
            "{e:?}"
        );
        let e = parse("x = 1\n").unwrap_err();
        assert!(matches!(e, ParseError::UnknownKey { .. }), "{e:?}");
    }

    #[test]
    fn pathological_nesting_is_refused_not_overflowed() {
        let mut deep = String::from("x = ");
        for _ in 0..100_000 {
            deep.push('[');
        }
        assert!(parse(&deep).is_err());
        let mut header = String::from("[a");
        for _ in 0..10_000 {
            header.push_str(".a");
        }
        header.push_str("]\nprefix = \"::/0\"\n");
        assert!(parse(&header).is_err());
    }
}
