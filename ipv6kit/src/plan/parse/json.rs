//! JSON plans, in the schema of the [`toml`](super::toml) module:
//!
//! ```json
//! { "delegation": "2001:db8:ebbd::/48",
//!   "prefix": [ { "prefix": "2001:db8:ebbd:9900::/56", "role": "site", "description": "DMZ",
//!                 "lans": [ { "prefix": "2001:db8:ebbd:9901::/64", "role": "lan" } ] } ] }
//! ```
//!
//! Locations come from where each value starts in the text.
//!
//! ```
//! use ipv6kit::plan::parse::json;
//! let e = json::parse("{\"prefix\": [\n {\"prefix\": \"2001:db8::/32\"}]}").unwrap();
//! assert_eq!((e[0].location.line, e[0].location.column), (2, 13));
//! ```

use alloc::borrow::Cow;
use alloc::string::{String, ToString};
use alloc::vec::Vec;

use serde_json::value::RawValue;

use super::{read_schema, sat_u32, LineIndex, ParseError, Value, MAX_DEPTH};
use crate::plan::model::{Entry, Location};

/// Parses a JSON plan into entries (in document order).
pub fn parse(input: &str) -> Result<Vec<Entry>, ParseError> {
    let lines = LineIndex::new(input);
    let root: &RawValue = serde_json::from_str(input).map_err(|e| json_error(&e, Location::default()))?;
    let root = value(input, root, 0, &lines)?;
    read_schema(&root, &lines)
}

fn json_error(e: &serde_json::Error, base: Location) -> ParseError {
    let location = if e.line() == 0 {
        base
    } else if e.line() == 1 {
        Location::new(
            base.line.max(1),
            base.column.saturating_sub(1).saturating_add(sat_u32(e.column())),
        )
    } else {
        Location::new(
            base.line.max(1).saturating_add(sat_u32(e.line() - 1)),
            sat_u32(e.column()),
        )
    };
    let mut message = e.to_string();
    if let Some(i) = message.find(" at line ") {
        message.truncate(i);
    }
    ParseError::Json { location, message }
}

/// Where `raw` starts in `input` (it borrows from it).
fn offset_of(input: &str, raw: &RawValue) -> usize {
    let s = raw.get();
    (s.as_ptr() as usize)
        .saturating_sub(input.as_ptr() as usize)
        .min(input.len())
}

fn value(input: &str, raw: &RawValue, depth: usize, lines: &LineIndex<'_>) -> Result<Value, ParseError> {
    let at = offset_of(input, raw);
    let location = lines.location(at);
    if depth > MAX_DEPTH {
        return Err(ParseError::TooDeep { location });
    }
    let text = raw.get();
    Ok(match text.as_bytes().first() {
        Some(b'"') => Value::Str(
            serde_json::from_str::<String>(text).map_err(|e| json_error(&e, location))?,
            at,
        ),
        Some(b'[') => {
            let items: Vec<&RawValue> = serde_json::from_str(text).map_err(|e| json_error(&e, location))?;
            let mut out = Vec::with_capacity(items.len());
            for item in items {
                out.push(value(input, item, depth + 1, lines)?);
            }
            Value::Array(out, at)
        }
        Some(b'{') => {
            // Keys in document order: a sequence of pairs, not a map.
            let pairs: KeyedPairs<'_> = serde_json::from_str(text).map_err(|e| json_error(&e, location))?;
            let mut out = Vec::with_capacity(pairs.0.len());
            for (k, v) in pairs.0 {
                let vat = offset_of(input, v);
                out.push((k.into_owned(), vat, value(input, v, depth + 1, lines)?));
            }
            Value::Table(out, at)
        }
        _ => Value::Other(at),
    })
}

/// An object's members in the order written.
struct KeyedPairs<'a>(Vec<(Cow<'a, str>, &'a RawValue)>);

impl<'de: 'a, 'a> serde::Deserialize<'de> for KeyedPairs<'a> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(core::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> serde::de::Visitor<'de> for V<'a> {
            type Value = KeyedPairs<'a>;
            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(self, mut m: M) -> Result<KeyedPairs<'a>, M::Error> {
                let mut out = Vec::new();
                while let Some(k) = m.next_key::<CowStr<'de>>()? {
                    let v: &'de RawValue = m.next_value()?;
                    out.push((k.0, v));
                }
                Ok(KeyedPairs(out))
            }
        }
        d.deserialize_map(V(core::marker::PhantomData))
    }
}

/// A key, borrowed when it has no escapes.
struct CowStr<'a>(Cow<'a, str>);

impl<'de> serde::Deserialize<'de> for CowStr<'de> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = CowStr<'de>;
            fn expecting(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<CowStr<'de>, E> {
                Ok(CowStr(Cow::Borrowed(s)))
            }
            fn visit_str<E>(self, s: &str) -> Result<CowStr<'de>, E> {
                Ok(CowStr(Cow::Owned(String::from(s))))
            }
        }
        d.deserialize_str(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::model::Role;

    #[test]
    fn nested_and_located() {
        let doc = "{\n  \"delegation\": \"2001:db8:ebbd::/48\",\n  \"prefix\": [\n    {\"prefix\": \"2001:db8:ebbd:9900::/56\", \"role\": \"site\",\n     \"lans\": [{\"prefix\": \"2001:db8:ebbd:9901::/64\", \"role\": \"lan\", \"tags\": [\"x\"]}]}\n  ]\n}";
        let e = parse(doc).unwrap();
        assert_eq!(e.len(), 3);
        assert_eq!(e[0].role, Some(Role::Delegation));
        assert_eq!(e[0].location, Location::new(2, 17));
        assert_eq!(e[1].location, Location::new(4, 16));
        assert_eq!(e[2].location, Location::new(5, 26));
        assert_eq!(e[2].declared_parent, Some(e[1].prefix));
        assert_eq!(e[2].tags, ["x"]);
    }

    #[test]
    fn errors_are_located() {
        let e = parse("{\n \"prefix\": [\n  {\"prefix\": 7}]}").unwrap_err();
        assert!(
            matches!(
                e,
                ParseError::FieldType {
                    location: Location { line: 3, column: 14 },
                    ..
                }
            ),
            "{e:?}"
        );
        let e = parse("{\n \"prefix\": [\n  {\"prefix\": \"2001:db8::/32\",}]}").unwrap_err();
        assert!(
            matches!(
                e,
                ParseError::Json {
                    location: Location { line: 3, .. },
                    ..
                }
            ),
            "{e:?}"
        );
        let deep = "[".repeat(10_000);
        assert!(matches!(parse(&deep), Err(ParseError::Json { .. })));
    }
}
