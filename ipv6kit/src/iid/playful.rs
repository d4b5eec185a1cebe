//! Playful identifiers: 8 bytes of text (ipv6board) and a 24-bit colour (the IPv6 Christmas
//! tree), both directions.
//!
//! ```
//! use ipv6kit::iid::{playful, Colour, Iid};
//!
//! let board = "2001:6b0:1001:105::/64".parse().unwrap();
//! assert_eq!(playful::text_address(board, "Awesome!").unwrap().to_string(),
//!            "2001:6b0:1001:105:4177:6573:6f6d:6521");
//!
//! let tree = "2a05:9b81:2020::/48".parse().unwrap();
//! let colour: Colour = "#AABBCC".parse().unwrap();
//! assert_eq!(playful::colour_address(tree, colour).unwrap().to_string(), "2a05:9b81:2020::aa:bb:cc");
//! ```

use super::Iid;
use core::fmt;
use core::net::Ipv6Addr;
use core::str::FromStr;
use ipnet::Ipv6Net;

/// Why a text or colour could not become an identifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PlayfulError {
    /// The text is longer than the 8 bytes an identifier holds.
    #[error("text is {len} bytes long; an interface identifier holds 8")]
    TextTooLong {
        /// Its length in bytes.
        len: usize,
    },
    /// A character that is not printable ASCII (0x20–0x7e).
    #[error("character {found:?} at byte {position} is not printable ASCII")]
    NotPrintableAscii {
        /// Byte offset.
        position: usize,
        /// The character.
        found: char,
    },
    /// A colour that is not `#rrggbb` or `rrggbb`.
    #[error("colour must be 6 hex digits, optionally after '#'; found {len} characters")]
    ColourLength {
        /// Characters after the optional `#`.
        len: usize,
    },
    /// A non-hex digit in a colour.
    #[error("colour has a non-hex character {found:?} at position {position}")]
    ColourDigit {
        /// Byte offset in the input.
        position: usize,
        /// The character.
        found: char,
    },
    /// The prefix leaves fewer than 64 bits for the identifier.
    #[error("prefix /{len} is longer than /64: no room for a 64-bit identifier")]
    PrefixTooLong {
        /// The prefix length.
        len: u8,
    },
}

/// Eight bytes of printable ASCII decoded from an identifier (see [`Iid::to_text`]).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct IidText([u8; 8]);

impl IidText {
    /// The text, including any padding spaces.
    pub fn as_str(&self) -> &str {
        // Only built from printable ASCII, so always valid UTF-8; never panics.
        core::str::from_utf8(&self.0).unwrap_or("")
    }
}

impl fmt::Display for IidText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for IidText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "IidText({:?})", self.as_str())
    }
}

impl Iid {
    /// The identifier spelling `text` in ASCII, as ipv6board does: up to 8 printable ASCII
    /// characters, padded on the right with spaces.
    ///
    /// ```
    /// use ipv6kit::iid::Iid;
    /// assert_eq!(Iid::from_text("IPv6 Bd").unwrap().to_string(), "4950:7636:2042:6420");
    /// assert!(Iid::from_text("Awesome!!").is_err());
    /// ```
    pub fn from_text(text: &str) -> Result<Iid, PlayfulError> {
        if text.len() > 8 {
            return Err(PlayfulError::TextTooLong { len: text.len() });
        }
        let mut b = [b' '; 8];
        for (i, c) in text.char_indices() {
            if !(' '..='~').contains(&c) {
                return Err(PlayfulError::NotPrintableAscii { position: i, found: c });
            }
            // `i < 8` because the text is at most 8 bytes.
            if let Some(slot) = b.get_mut(i) {
                *slot = c as u8;
            }
        }
        Ok(Iid(b))
    }

    /// The text this identifier spells, when all eight bytes are printable ASCII.
    pub fn to_text(&self) -> Option<IidText> {
        if self.0.iter().all(|&c| (0x20..=0x7e).contains(&c)) {
            Some(IidText(self.0))
        } else {
            None
        }
    }
}

/// A 24-bit colour, as the IPv6 Christmas tree takes it: `#rrggbb`, `rrggbb`, or `(r, g, b)`.
///
/// Its identifier puts each colour byte in the low byte of one of the last three 16-bit groups:
/// `#AABBCC` → `::aa:bb:cc`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Colour {
    /// Red.
    pub r: u8,
    /// Green.
    pub g: u8,
    /// Blue.
    pub b: u8,
}

impl Colour {
    /// The colour with these components.
    pub const fn new(r: u8, g: u8, b: u8) -> Colour {
        Colour { r, g, b }
    }

    /// The identifier `0:r:g:b` (each byte in its own 16-bit group).
    pub const fn iid(self) -> Iid {
        Iid([0, 0, 0, self.r, 0, self.g, 0, self.b])
    }

    /// The colour an identifier shows, when it has the `0:r:g:b` form (every other byte zero).
    pub const fn from_iid(iid: Iid) -> Option<Colour> {
        let b = iid.0;
        if b[0] == 0 && b[1] == 0 && b[2] == 0 && b[4] == 0 && b[6] == 0 {
            Some(Colour {
                r: b[3],
                g: b[5],
                b: b[7],
            })
        } else {
            None
        }
    }
}

impl From<(u8, u8, u8)> for Colour {
    fn from((r, g, b): (u8, u8, u8)) -> Colour {
        Colour { r, g, b }
    }
}

impl fmt::Display for Colour {
    /// `#rrggbb`, lowercase.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }
}

impl FromStr for Colour {
    type Err = PlayfulError;

    fn from_str(s: &str) -> Result<Colour, PlayfulError> {
        let (offset, hex) = match s.strip_prefix('#') {
            Some(rest) => (1, rest),
            None => (0, s),
        };
        if hex.len() != 6 {
            return Err(PlayfulError::ColourLength {
                len: hex.chars().count(),
            });
        }
        let mut v = [0u8; 3];
        for (i, c) in hex.char_indices() {
            let d = c.to_digit(16).ok_or(PlayfulError::ColourDigit {
                position: offset + i,
                found: c,
            })?;
            if let Some(slot) = v.get_mut(i / 2) {
                *slot = (*slot << 4) | d as u8;
            }
        }
        Ok(Colour {
            r: v[0],
            g: v[1],
            b: v[2],
        })
    }
}

/// The address under `prefix` whose identifier spells `text` (ipv6board). The prefix may be
/// up to a /64; bits between its length and /64 are zero.
pub fn text_address(prefix: Ipv6Net, text: &str) -> Result<Ipv6Addr, PlayfulError> {
    Ok(Iid::from_text(text)?.with_prefix(upper_half(prefix)?))
}

/// The address under `prefix` that shows `colour` (the IPv6 Christmas tree:
/// `2a05:9b81:2020::/48`). The prefix may be up to a /64.
pub fn colour_address(prefix: Ipv6Net, colour: Colour) -> Result<Ipv6Addr, PlayfulError> {
    Ok(colour.iid().with_prefix(upper_half(prefix)?))
}

fn upper_half(prefix: Ipv6Net) -> Result<Ipv6Addr, PlayfulError> {
    if prefix.prefix_len() > 64 {
        return Err(PlayfulError::PrefixTooLong {
            len: prefix.prefix_len(),
        });
    }
    Ok(prefix.network())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn net(s: &str) -> Ipv6Net {
        s.parse().unwrap()
    }
    fn a(s: &str) -> Ipv6Addr {
        s.parse().unwrap()
    }

    #[test]
    fn seed_ipv6board() {
        let board = net("2001:6b0:1001:105::/64");
        assert_eq!(
            text_address(board, "Awesome!").unwrap(),
            a("2001:6b0:1001:105:4177:6573:6f6d:6521")
        );
        assert_eq!(
            text_address(board, "IPv6 Bd").unwrap(),
            a("2001:6b0:1001:105:4950:7636:2042:6420")
        );
        assert_eq!(
            Iid::of(a("2001:6b0:1001:105:4177:6573:6f6d:6521"))
                .to_text()
                .unwrap()
                .as_str(),
            "Awesome!"
        );
    }

    #[test]
    fn seed_christmas_tree() {
        let tree = net("2a05:9b81:2020::/48");
        assert_eq!(
            colour_address(tree, "#AABBCC".parse().unwrap()).unwrap(),
            a("2a05:9b81:2020::AA:BB:CC")
        );
        assert_eq!(
            colour_address(tree, "aabbcc".parse().unwrap()).unwrap(),
            a("2a05:9b81:2020::AA:BB:CC")
        );
        assert_eq!(
            colour_address(tree, (255, 0, 0).into()).unwrap(),
            a("2a05:9b81:2020::ff:0:0")
        );
        assert_eq!(
            Colour::from_iid(Iid::of(a("2a05:9b81:2020::ff:0:0"))),
            Some(Colour::new(255, 0, 0))
        );
        assert_eq!(Colour::from_iid(Iid::of(a("2a05:9b81:2020::1:ff:0:0"))), None);
        assert_eq!(Colour::new(0xaa, 0xbb, 0xcc).to_string(), "#aabbcc");
    }

    #[test]
    fn errors_name_the_bad_part() {
        assert_eq!(Iid::from_text("Awesome!!"), Err(PlayfulError::TextTooLong { len: 9 }));
        assert_eq!(
            Iid::from_text("né"),
            Err(PlayfulError::NotPrintableAscii {
                position: 1,
                found: 'é'
            })
        );
        assert_eq!(
            Iid::from_text("a\tb"),
            Err(PlayfulError::NotPrintableAscii {
                position: 1,
                found: '\t'
            })
        );
        assert_eq!("#abc".parse::<Colour>(), Err(PlayfulError::ColourLength { len: 3 }));
        assert_eq!(
            "#aabbzz".parse::<Colour>(),
            Err(PlayfulError::ColourDigit {
                position: 5,
                found: 'z'
            })
        );
        assert_eq!(
            "#aabbé".parse::<Colour>(),
            Err(PlayfulError::ColourDigit {
                position: 5,
                found: 'é'
            })
        );
        assert_eq!(
            text_address(net("2001:db8::/96"), "x"),
            Err(PlayfulError::PrefixTooLong { len: 96 })
        );
    }

    proptest::proptest! {
        #[test]
        fn text_round_trip(s in "[ -~]{0,8}") {
            let iid = Iid::from_text(&s).unwrap();
            let text = iid.to_text().unwrap();
            proptest::prop_assert_eq!(text.as_str().trim_end(), s.trim_end());
        }

        #[test]
        fn colour_round_trip(r: u8, g: u8, b: u8) {
            let c = Colour::new(r, g, b);
            proptest::prop_assert_eq!(Colour::from_iid(c.iid()), Some(c));
            proptest::prop_assert_eq!(c.to_string().parse::<Colour>(), Ok(c));
        }
    }
}
