//! Reading plans: plain text ([`text`]), TOML ([`toml`]) and JSON ([`json`]).
//!
//! TOML and JSON share one schema (described in [`toml`]); plain text is described in
//! [`text`]. Every error carries the line and column where the problem is; no input makes a
//! parser panic, and nesting is bounded (the TOML and JSON parsers refuse documents nested
//! more than about 80 and 128 levels deep).

pub mod json;
pub mod text;
pub mod toml;

use alloc::borrow::ToOwned;
use alloc::string::String;
use alloc::vec::Vec;
use core::net::Ipv6Addr;

use ipnet::Ipv6Net;

use super::model::{Entry, Location, Role};

/// Why a plan could not be read. Every variant says where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// A line (or value) that should start with a prefix does not.
    #[error("{location}: expected an IPv6 prefix, found {found:?}")]
    ExpectedPrefix {
        /// Where.
        location: Location,
        /// The text found instead (at most 40 characters).
        found: String,
    },
    /// A prefix with a bad address or length.
    #[error("{location}: bad prefix {text:?}: {reason}")]
    BadPrefix {
        /// Where.
        location: Location,
        /// The prefix as written (at most 60 characters).
        text: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A role that is not one of [`Role::ALL`].
    #[error("{location}: unknown role {role:?} (known: delegation, site, lan, link, loopback, pool, reserved, host)")]
    UnknownRole {
        /// Where.
        location: Location,
        /// The role as written (at most 40 characters).
        role: String,
    },
    /// A field of the TOML/JSON schema has the wrong type.
    #[error("{location}: `{field}` must be {expected}")]
    FieldType {
        /// Where.
        location: Location,
        /// The field's key.
        field: String,
        /// What it must be.
        expected: &'static str,
    },
    /// A TOML/JSON table describing a prefix has no `prefix`.
    #[error("{location}: the table `{table}` has no `prefix`")]
    MissingPrefix {
        /// Where the table is.
        location: Location,
        /// Its key path.
        table: String,
    },
    /// A key the schema does not know (a typo, most likely).
    #[error("{location}: unknown key `{key}` (known: prefix, name, role, description, tags, or a table for a child)")]
    UnknownKey {
        /// Where.
        location: Location,
        /// The key.
        key: String,
    },
    /// The document is not valid TOML.
    #[error("{location}: TOML: {message}")]
    Toml {
        /// Where the TOML parser stopped.
        location: Location,
        /// The TOML parser's message.
        message: String,
    },
    /// The document is not valid JSON.
    #[error("{location}: JSON: {message}")]
    Json {
        /// Where the JSON parser stopped.
        location: Location,
        /// The JSON parser's message.
        message: String,
    },
    /// Nesting deeper than [`MAX_DEPTH`].
    #[error("{location}: nested deeper than {MAX_DEPTH} levels")]
    TooDeep {
        /// Where the limit was crossed.
        location: Location,
    },
    /// More entries than a plan holds.
    #[error("{location}: more prefixes than a plan holds")]
    TooMany {
        /// Where the limit was crossed.
        location: Location,
    },
}

impl ParseError {
    /// Where the problem is.
    pub fn location(&self) -> Location {
        match self {
            ParseError::ExpectedPrefix { location, .. }
            | ParseError::BadPrefix { location, .. }
            | ParseError::UnknownRole { location, .. }
            | ParseError::FieldType { location, .. }
            | ParseError::MissingPrefix { location, .. }
            | ParseError::UnknownKey { location, .. }
            | ParseError::Toml { location, .. }
            | ParseError::Json { location, .. }
            | ParseError::TooDeep { location }
            | ParseError::TooMany { location } => *location,
        }
    }
}

/// The deepest nesting of prefixes the TOML and JSON schemas accept. Prefixes nest at most
/// 129 deep (lengths 0 to 128), so no honest plan comes near it.
pub const MAX_DEPTH: usize = 130;

/// At most `n` characters of `s`, for error messages.
pub(crate) fn clip(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((i, _)) => {
            let mut t = s[..i].to_owned();
            t.push('…');
            t
        }
        None => s.to_owned(),
    }
}

/// Parses `2001:db8::/48` (host bits kept) or a bare address (a /128).
pub(crate) fn parse_prefix(text: &str, location: Location) -> Result<Ipv6Net, ParseError> {
    let bad = |reason| ParseError::BadPrefix {
        location,
        text: clip(text, 60),
        reason,
    };
    let (addr, len) = match text.split_once('/') {
        Some((a, l)) => (a, Some(l)),
        None => (text, None),
    };
    let addr: Ipv6Addr = addr.parse().map_err(|_| bad("not an IPv6 address"))?;
    let len = match len {
        None => 128,
        Some(l) if !l.is_empty() && l.len() <= 3 && l.bytes().all(|b| b.is_ascii_digit()) => l
            .parse::<u8>()
            .ok()
            .filter(|&l| l <= 128)
            .ok_or(bad("the length must be 0 to 128"))?,
        Some(_) => return Err(bad("the length must be 0 to 128")),
    };
    Ipv6Net::new(addr, len).map_err(|_| bad("the length must be 0 to 128"))
}

/// Turns byte offsets into lines and columns.
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(text: &'a str) -> LineIndex<'a> {
        let mut starts = alloc::vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { text, starts }
    }

    /// The location of byte `offset` (clamped to the text; a column counts characters).
    pub(crate) fn location(&self, offset: usize) -> Location {
        let offset = offset.min(self.text.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts.get(line - 1).copied().unwrap_or(0);
        let column = self
            .text
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count())
            + 1;
        Location {
            line: sat_u32(line),
            column: sat_u32(column),
        }
    }
}

pub(crate) fn sat_u32(v: usize) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

/// A value of a TOML or JSON document with the byte offset where it starts: the common ground
/// of both formats, on which the schema is read once.
pub(crate) enum Value {
    Str(String, usize),
    Array(Vec<Value>, usize),
    Table(Vec<(String, usize, Value)>, usize),
    Other(usize),
}

impl Value {
    fn offset(&self) -> usize {
        match self {
            Value::Str(_, o) | Value::Array(_, o) | Value::Table(_, o) | Value::Other(o) => *o,
        }
    }
}

/// Reads the shared schema (see [`toml`]) from a document's root table.
pub(crate) fn read_schema(root: &Value, lines: &LineIndex<'_>) -> Result<Vec<Entry>, ParseError> {
    let mut out = Vec::new();
    let Value::Table(keys, _) = root else {
        return Err(ParseError::FieldType {
            location: lines.location(root.offset()),
            field: "(document)".into(),
            expected: "a table",
        });
    };
    for (key, at, value) in keys {
        let location = lines.location(*at);
        match key.as_str() {
            "delegation" => {
                let list: Vec<&Value> = match value {
                    Value::Array(items, _) => items.iter().collect(),
                    v => alloc::vec![v],
                };
                for v in list {
                    let Value::Str(s, o) = v else {
                        return Err(ParseError::FieldType {
                            location,
                            field: key.clone(),
                            expected: "a prefix or a list of prefixes",
                        });
                    };
                    let location = lines.location(*o);
                    let mut e = Entry::new(parse_prefix(s, location)?).with_role(Role::Delegation);
                    e.location = location;
                    out.push(e);
                }
            }
            "prefix" | "prefixes" => {
                let Value::Array(items, _) = value else {
                    return Err(ParseError::FieldType {
                        location,
                        field: key.clone(),
                        expected: "an array of tables ([[prefix]])",
                    });
                };
                for item in items {
                    read_entry(item, None, None, key, 1, lines, &mut out)?;
                }
            }
            _ => match value {
                Value::Table(..) => read_entry(value, Some(key), None, key, 1, lines, &mut out)?,
                _ => {
                    return Err(ParseError::UnknownKey {
                        location,
                        key: clip(key, 40),
                    })
                }
            },
        }
    }
    Ok(out)
}

fn read_entry(
    value: &Value,
    name: Option<&str>,
    parent: Option<Ipv6Net>,
    path: &str,
    depth: usize,
    lines: &LineIndex<'_>,
    out: &mut Vec<Entry>,
) -> Result<(), ParseError> {
    let table_at = lines.location(value.offset());
    if depth > MAX_DEPTH {
        return Err(ParseError::TooDeep { location: table_at });
    }
    let Value::Table(keys, _) = value else {
        return Err(ParseError::FieldType {
            location: table_at,
            field: path.into(),
            expected: "a table",
        });
    };
    let field_type = |at: usize, key: &str, expected| ParseError::FieldType {
        location: lines.location(at),
        field: key.into(),
        expected,
    };
    let mut entry: Option<Entry> = None;
    for (key, at, v) in keys {
        if key == "prefix" {
            if let Value::Table(..) | Value::Other(..) = v {
                return Err(field_type(*at, key, "a prefix (a string)"));
            }
            if let Value::Str(s, o) = v {
                let location = lines.location(*o);
                let mut e = Entry::new(parse_prefix(s, location)?);
                e.location = location;
                e.name = name.map(String::from);
                e.declared_parent = parent;
                entry = Some(e);
            }
        }
    }
    let Some(mut e) = entry else {
        return Err(ParseError::MissingPrefix {
            location: table_at,
            table: clip(path, 60),
        });
    };
    let me = e.prefix;
    let mut children: Vec<(&str, &Value)> = Vec::new();
    for (key, at, v) in keys {
        match (key.as_str(), v) {
            ("prefix", Value::Str(..)) => {}
            ("name", Value::Str(s, _)) => e.name = Some(s.clone()),
            ("role", Value::Str(s, o)) => {
                e.role = Some(s.parse().map_err(|_| ParseError::UnknownRole {
                    location: lines.location(*o),
                    role: clip(s, 40),
                })?)
            }
            ("description", Value::Str(s, _)) => e.description = s.clone(),
            ("tags", Value::Array(items, _)) => {
                for t in items {
                    match t {
                        Value::Str(s, _) => e.tags.push(s.clone()),
                        _ => return Err(field_type(*at, key, "a list of strings")),
                    }
                }
            }
            ("prefix", Value::Array(..)) | (_, Value::Table(..)) | (_, Value::Array(..))
                if !matches!(key.as_str(), "name" | "role" | "description" | "tags") =>
            {
                children.push((key, v))
            }
            ("prefix", _) => return Err(field_type(*at, key, "a prefix (a string)")),
            ("name" | "role" | "description", _) => return Err(field_type(*at, key, "a string")),
            ("tags", _) => return Err(field_type(*at, key, "a list of strings")),
            _ => {
                return Err(ParseError::UnknownKey {
                    location: lines.location(*at),
                    key: clip(key, 40),
                })
            }
        }
    }
    out.push(e);
    for (key, v) in children {
        let child_path = alloc::format!("{}.{}", clip(path, 200), clip(key, 40));
        match v {
            Value::Array(items, _) => {
                for item in items {
                    read_entry(item, None, Some(me), &child_path, depth + 1, lines, out)?;
                }
            }
            _ => read_entry(v, Some(key), Some(me), &child_path, depth + 1, lines, out)?,
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes() {
        let l = Location::new(1, 1);
        assert_eq!(parse_prefix("2001:db8::1/48", l).unwrap().to_string(), "2001:db8::1/48");
        assert_eq!(parse_prefix("2001:db8::1", l).unwrap().prefix_len(), 128);
        for bad in [
            "2001:db8::/129",
            "2001:db8::/",
            "2001:db8::/+1",
            "2001:db8::/0048",
            "10.0.0.0/8",
            "x/1",
            "/",
        ] {
            assert!(
                matches!(parse_prefix(bad, l), Err(ParseError::BadPrefix { .. })),
                "{bad}"
            );
        }
    }

    #[test]
    fn line_index() {
        let t = "ab\nçd\n\nx";
        let li = LineIndex::new(t);
        assert_eq!(li.location(0), Location::new(1, 1));
        assert_eq!(li.location(3), Location::new(2, 1));
        assert_eq!(li.location(5), Location::new(2, 2)); // after the two-byte ç
        assert_eq!(li.location(7), Location::new(3, 1));
        assert_eq!(li.location(8), Location::new(4, 1));
        assert_eq!(li.location(9), Location::new(4, 2));
        assert_eq!(li.location(999), Location::new(4, 2));
    }
}
