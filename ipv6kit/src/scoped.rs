//! Scoped addresses: an IPv6 address with its zone (`fe80::1%wlan0`, `fe80::1%3`), in the text
//! form of RFC 4007 §11, the URL form of RFC 6874 (`[fe80::1%25wlan0]:22`), and as a
//! [`SocketAddrV6`] scope ID.
//!
//! ```
//! use ipv6kit::scoped::{ScopedAddr, ScopedSocketAddr, Zone};
//!
//! let a: ScopedAddr = "fe80::ba27:ebff:fe89:bc51%wlan0".parse().unwrap();
//! assert_eq!(a.zone().to_string(), "wlan0");
//! assert_eq!(a.url_host().to_string(), "[fe80::ba27:ebff:fe89:bc51%25wlan0]");
//!
//! let s = ScopedSocketAddr::from_url_authority("[fe80::1%253]:22").unwrap();
//! assert_eq!(s.to_socket_addr().unwrap().to_string(), "[fe80::1%3]:22");
//!
//! assert!("2001:db8::1%eth0".parse::<ScopedAddr>().is_err()); // a global address has no zone
//! ```
//!
//! ## Which addresses take a zone
//! Exactly those the Linux kernel requires a scope ID for (`__ipv6_addr_needs_scope_id`), which
//! are the non-global scopes RFC 4007 §11 gives zone indexes in practice: link-local unicast
//! (`fe80::/10`) and multicast of interface-local or link-local scope (`ff01::/16`,
//! `ff02::/16`, with any flags: `ffX1::`, `ffX2::`). A zone on any other address, including the
//! loopback `::1`, unique local and the deprecated site-local `fec0::/10`, is
//! [`ZoneError::NotScoped`].
//!
//! ## Zones
//! A zone is an interface name or a numeric interface index ([`Zone`]). Text made only of ASCII
//! digits is an index (RFC 4007 §11.2); `0` is refused (it means "no zone"). A name is stored
//! inline, without allocation: at most [`MAX_ZONE_NAME_LEN`] = 15 bytes (Linux's `IFNAMSIZ` is
//! 16 including the terminating NUL), not `.` or `..`, with no whitespace, control character,
//! `/`, `:` (refused by Linux), `%`, `[` or `]` (which would break the text forms).
//!
//! ## URL form (RFC 6874)
//! In a URL the `%` before the zone must be written `%25`, and zone characters other than
//! `A-Z a-z 0-9 - . _ ~` are percent-encoded. Browsers and some tools also accept a bare `%`
//! (`[fe80::1%eth0]`); [`ScopedAddr::from_url_host`] refuses it with
//! [`ZoneError::BareZonePercent`], because in a URL a bare `%` followed by two hex digits is a
//! percent-encoding and `[fe80::1%25eth0]` would be ambiguous between zone `eth0` and zone
//! `25eth0`. The socket-address form `[fe80::1%eth0]:22` ([`ScopedSocketAddr`]'s `FromStr` and
//! `Display`, like std's `SocketAddrV6`) is not a URL and uses the bare `%`.
//!
//! ## Resolving names (feature `std`, Linux)
//! [`Zone::resolve`] turns an interface name into its index by reading
//! `/sys/class/net/<name>/ifindex`: no `unsafe`, no new dependency, Linux only (and it sees the
//! network namespace the process's `/sys` was mounted for). Nothing is resolved unless asked.

use core::fmt;
use core::net::{Ipv6Addr, SocketAddrV6};
use core::str::FromStr;

/// The longest interface name a [`ZoneName`] holds, in bytes (`IFNAMSIZ` − 1 on Linux).
pub const MAX_ZONE_NAME_LEN: usize = 15;

/// Why a scoped address, zone or URL form was refused. Positions are byte offsets in the text
/// given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ZoneError {
    /// There is no zone: no `%` in the text, or a scope ID of 0.
    #[error("no zone: expected ADDRESS%ZONE")]
    MissingZone,
    /// The `%` is followed by nothing.
    #[error("empty zone at byte {position}")]
    EmptyZone {
        /// Where the zone should start.
        position: usize,
    },
    /// An interface name longer than 15 bytes.
    #[error("zone name of {len} bytes: interface names have at most 15")]
    NameTooLong {
        /// Its length in bytes.
        len: usize,
    },
    /// A character an interface name cannot hold.
    #[error("character {ch:?} at byte {position} is not allowed in a zone")]
    MalformedZone {
        /// Where it is.
        position: usize,
        /// The character.
        ch: char,
    },
    /// `.` and `..` are not interface names.
    #[error("zone name {0:?} is not an interface name")]
    ReservedName(&'static str),
    /// A name made only of digits: that text is an interface index, not a name.
    #[error("zone name made only of digits: use Zone::Index")]
    NumericName,
    /// The numeric zone 0, which means "no zone".
    #[error("zone index 0 at byte {position}: 0 means no zone")]
    IndexZero {
        /// Where it is.
        position: usize,
    },
    /// A numeric zone above 4294967295.
    #[error("zone index at byte {position} does not fit in 32 bits")]
    IndexTooLarge {
        /// Where it starts.
        position: usize,
    },
    /// The text before the zone is not an IPv6 address.
    #[error("the text before byte {end} is not an IPv6 address")]
    InvalidAddress {
        /// Where the address text ends.
        end: usize,
    },
    /// A zone on an address whose scope takes none (global, ULA, loopback...).
    #[error("{addr} takes no zone: only link-local unicast and interface- or link-local multicast do")]
    NotScoped {
        /// The address.
        addr: Ipv6Addr,
    },
    /// The bracket form is missing its `[` or `]`.
    #[error("expected '[' ... ']' around the address (byte {position})")]
    MissingBracket {
        /// Where a bracket was expected.
        position: usize,
    },
    /// A URL zone introduced by a bare `%` instead of `%25` (RFC 6874).
    #[error("bare '%' at byte {position}: in a URL the zone is introduced by %25 (RFC 6874)")]
    BareZonePercent {
        /// Where the `%` is.
        position: usize,
    },
    /// A `%` not followed by two hexadecimal digits, or an encoded byte sequence that is not
    /// UTF-8, in a URL zone.
    #[error("bad percent-encoding at byte {position}")]
    BadPercentEncoding {
        /// Where it is.
        position: usize,
    },
    /// The text after `]` is not `:PORT` with a port from 0 to 65535.
    #[error("bad port at byte {position}")]
    BadPort {
        /// Where the port text starts (or the unexpected character is).
        position: usize,
    },
    /// The zone is a name, and a socket address needs an index: resolve it first.
    #[error("zone {name} is an interface name: resolve it to an index first")]
    NameNotResolved {
        /// The name.
        name: ZoneName,
    },
    /// No interface of this name (feature `std`).
    #[cfg(feature = "std")]
    #[error("no interface named {name}")]
    InterfaceNotFound {
        /// The name.
        name: ZoneName,
    },
    /// The interface index could not be read (feature `std`).
    #[cfg(feature = "std")]
    #[error("cannot read the index of interface {name}: {kind}")]
    Io {
        /// The name.
        name: ZoneName,
        /// What went wrong.
        kind: std::io::ErrorKind,
    },
}

/// True when `addr` takes a zone: link-local unicast (`fe80::/10`) or multicast of
/// interface-local or link-local scope (`ffX1::/16`, `ffX2::/16`), as the Linux kernel decides.
pub const fn accepts_zone(addr: Ipv6Addr) -> bool {
    let o = addr.octets();
    (o[0] == 0xfe && o[1] & 0xc0 == 0x80) || (o[0] == 0xff && matches!(o[1] & 0x0f, 1 | 2))
}

/// An interface name of 1 to 15 bytes, stored inline.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ZoneName {
    bytes: [u8; MAX_ZONE_NAME_LEN],
    len: u8,
}

impl ZoneName {
    /// Checks and stores an interface name (see the [module docs](self) for the rules).
    ///
    /// ```
    /// use ipv6kit::scoped::ZoneName;
    /// assert_eq!(ZoneName::new("wlan0").unwrap().as_str(), "wlan0");
    /// assert!(ZoneName::new("a-very-long-interface").is_err());
    /// assert!(ZoneName::new("eth0/1").is_err());
    /// ```
    pub fn new(name: &str) -> Result<ZoneName, ZoneError> {
        Self::checked(name, 0)
    }

    fn checked(name: &str, offset: usize) -> Result<ZoneName, ZoneError> {
        if name.is_empty() {
            return Err(ZoneError::EmptyZone { position: offset });
        }
        for (i, ch) in name.char_indices() {
            if ch.is_whitespace() || ch.is_control() || matches!(ch, '/' | ':' | '%' | '[' | ']') {
                return Err(ZoneError::MalformedZone {
                    position: offset.saturating_add(i),
                    ch,
                });
            }
        }
        if name.len() > MAX_ZONE_NAME_LEN {
            return Err(ZoneError::NameTooLong { len: name.len() });
        }
        match name {
            "." => return Err(ZoneError::ReservedName(".")),
            ".." => return Err(ZoneError::ReservedName("..")),
            _ => {}
        }
        if name.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ZoneError::NumericName);
        }
        let mut bytes = [0u8; MAX_ZONE_NAME_LEN];
        let src = name.as_bytes();
        for (d, s) in bytes.iter_mut().zip(src) {
            *d = *s;
        }
        Ok(ZoneName {
            bytes,
            len: src.len() as u8,
        })
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        let n = usize::from(self.len).min(MAX_ZONE_NAME_LEN);
        // Always UTF-8: the bytes were copied from a `&str`.
        self.bytes
            .get(..n)
            .and_then(|b| core::str::from_utf8(b).ok())
            .unwrap_or("")
    }
}

impl fmt::Display for ZoneName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for ZoneName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ZoneName({:?})", self.as_str())
    }
}

impl FromStr for ZoneName {
    type Err = ZoneError;
    fn from_str(s: &str) -> Result<ZoneName, ZoneError> {
        ZoneName::new(s)
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for ZoneName {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// A zone: an interface name or a numeric interface index (never 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub enum Zone {
    /// An interface name (`wlan0`).
    Name(ZoneName),
    /// An interface index (`3`), as in `SocketAddrV6::scope_id`.
    Index(u32),
}

impl Zone {
    fn parse_at(s: &str, offset: usize) -> Result<Zone, ZoneError> {
        if s.is_empty() {
            return Err(ZoneError::EmptyZone { position: offset });
        }
        if s.bytes().all(|b| b.is_ascii_digit()) {
            return match s.parse::<u32>() {
                Ok(0) => Err(ZoneError::IndexZero { position: offset }),
                Ok(n) => Ok(Zone::Index(n)),
                Err(_) => Err(ZoneError::IndexTooLarge { position: offset }),
            };
        }
        ZoneName::checked(s, offset).map(Zone::Name)
    }

    /// The index of this zone: an index as is, a name looked up in `/sys/class/net` (Linux,
    /// feature `std`).
    #[cfg(feature = "std")]
    pub fn resolve(&self) -> Result<u32, ZoneError> {
        self.resolve_in(std::path::Path::new("/sys/class/net"))
    }

    /// [`Zone::resolve`] reading `<sys_class_net>/<name>/ifindex` under another directory (for
    /// tests, or a `/sys` mounted elsewhere).
    #[cfg(feature = "std")]
    pub fn resolve_in(&self, sys_class_net: &std::path::Path) -> Result<u32, ZoneError> {
        let name = match self {
            Zone::Index(i) => return Ok(*i),
            Zone::Name(n) => *n,
        };
        // The name holds no '/' and is not "." or "..": the path stays one level down.
        let path = sys_class_net.join(name.as_str()).join("ifindex");
        match std::fs::read_to_string(&path) {
            Ok(text) => match text.trim().parse::<u32>() {
                Ok(i) if i != 0 => Ok(i),
                _ => Err(ZoneError::Io {
                    name,
                    kind: std::io::ErrorKind::InvalidData,
                }),
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(ZoneError::InterfaceNotFound { name }),
            Err(e) => Err(ZoneError::Io { name, kind: e.kind() }),
        }
    }
}

impl FromStr for Zone {
    type Err = ZoneError;
    /// Digits are an index, anything else a name.
    fn from_str(s: &str) -> Result<Zone, ZoneError> {
        Zone::parse_at(s, 0)
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Zone::Name(n) => f.write_str(n.as_str()),
            Zone::Index(i) => write!(f, "{i}"),
        }
    }
}

impl From<ZoneName> for Zone {
    fn from(n: ZoneName) -> Zone {
        Zone::Name(n)
    }
}

/// An IPv6 address with a zone. Only addresses that take a zone can have one
/// ([`accepts_zone`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ScopedAddr {
    addr: Ipv6Addr,
    zone: Zone,
}

impl ScopedAddr {
    /// The address with this zone; [`ZoneError::NotScoped`] for an address that takes none, and
    /// [`ZoneError::IndexZero`] for index 0.
    pub fn new(addr: Ipv6Addr, zone: Zone) -> Result<ScopedAddr, ZoneError> {
        if !accepts_zone(addr) {
            return Err(ZoneError::NotScoped { addr });
        }
        if zone == Zone::Index(0) {
            return Err(ZoneError::IndexZero { position: 0 });
        }
        Ok(ScopedAddr { addr, zone })
    }

    /// The address.
    pub const fn addr(&self) -> Ipv6Addr {
        self.addr
    }

    /// The zone.
    pub const fn zone(&self) -> Zone {
        self.zone
    }

    /// The same address with the zone resolved to an index (feature `std`, Linux).
    #[cfg(feature = "std")]
    pub fn resolve(&self) -> Result<ScopedAddr, ZoneError> {
        Ok(ScopedAddr {
            addr: self.addr,
            zone: Zone::Index(self.zone.resolve()?),
        })
    }

    /// A socket address with this port; the zone must be an index (see [`ScopedAddr::resolve`]).
    pub fn socket_addr(&self, port: u16) -> Result<SocketAddrV6, ZoneError> {
        match self.zone {
            Zone::Index(i) => Ok(SocketAddrV6::new(self.addr, port, 0, i)),
            Zone::Name(name) => Err(ZoneError::NameNotResolved { name }),
        }
    }

    /// Parses the URL host form `[fe80::1%25wlan0]` (RFC 6874): `%25` before the zone,
    /// percent-encoded zone characters decoded. A bare `%` is refused (see the module docs).
    ///
    /// ```
    /// use ipv6kit::scoped::{ScopedAddr, ZoneError};
    /// let a = ScopedAddr::from_url_host("[fe80::1%25wlan0]").unwrap();
    /// assert_eq!(a.to_string(), "fe80::1%wlan0");
    /// assert_eq!(ScopedAddr::from_url_host("[fe80::1%wlan0]"), Err(ZoneError::BareZonePercent { position: 8 }));
    /// ```
    pub fn from_url_host(s: &str) -> Result<ScopedAddr, ZoneError> {
        let inner = s.strip_prefix('[').ok_or(ZoneError::MissingBracket { position: 0 })?;
        let inner = inner
            .strip_suffix(']')
            .ok_or(ZoneError::MissingBracket { position: s.len() })?;
        parse_url_inner(inner, 1)
    }

    /// The URL host form, `[fe80::1%25wlan0]`, as a displayable value.
    pub const fn url_host(&self) -> UrlHost {
        UrlHost(*self)
    }
}

/// Splits `ADDR%ZONE`; `offset` is the position of `s` in the caller's text.
fn parse_text(s: &str, offset: usize) -> Result<ScopedAddr, ZoneError> {
    let pct = s.find('%').ok_or(ZoneError::MissingZone)?;
    let (addr_text, rest) = s.split_at(pct);
    let zone_text = rest.get(1..).unwrap_or("");
    let addr: Ipv6Addr = addr_text
        .parse()
        .map_err(|_| ZoneError::InvalidAddress { end: offset + pct })?;
    let zone = Zone::parse_at(zone_text, offset + pct + 1)?;
    ScopedAddr::new(addr, zone)
}

/// Parses `ADDR%25ZONE-PCT-ENCODED`.
fn parse_url_inner(s: &str, offset: usize) -> Result<ScopedAddr, ZoneError> {
    let pct = s.find('%').ok_or(ZoneError::MissingZone)?;
    let addr: Ipv6Addr = s[..pct]
        .parse()
        .map_err(|_| ZoneError::InvalidAddress { end: offset + pct })?;
    let after = &s[pct + 1..];
    let encoded = after
        .strip_prefix("25")
        .ok_or(ZoneError::BareZonePercent { position: offset + pct })?;
    let start = offset + pct + 3;
    // Decode into an inline buffer: a name has at most 15 bytes, an index at most 10 digits.
    let mut buf = [0u8; MAX_ZONE_NAME_LEN];
    let mut n = 0usize;
    let bytes = encoded.as_bytes();
    let mut i = 0usize;
    while i < bytes.len() {
        let b = bytes[i];
        let (byte, width) = if b == b'%' {
            let hex = bytes
                .get(i + 1..i + 3)
                .ok_or(ZoneError::BadPercentEncoding { position: start + i })?;
            let hi = crate::text::hex_digit(hex[0]).ok_or(ZoneError::BadPercentEncoding { position: start + i })?;
            let lo = crate::text::hex_digit(hex[1]).ok_or(ZoneError::BadPercentEncoding { position: start + i })?;
            (hi << 4 | lo, 3)
        } else if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            (b, 1)
        } else {
            let ch = encoded[i..].chars().next().unwrap_or('\u{fffd}');
            return Err(ZoneError::MalformedZone {
                position: start + i,
                ch,
            });
        };
        match buf.get_mut(n) {
            Some(slot) => *slot = byte,
            None => {
                // Too long: count the decoded length for the error.
                let mut len = n;
                let mut j = i;
                while j < bytes.len() {
                    j += if bytes[j] == b'%' { 3 } else { 1 };
                    len += 1;
                }
                return Err(ZoneError::NameTooLong { len });
            }
        }
        n += 1;
        i += width;
    }
    let zone_text = core::str::from_utf8(&buf[..n]).map_err(|_| ZoneError::BadPercentEncoding { position: start })?;
    let zone = Zone::parse_at(zone_text, start)?;
    ScopedAddr::new(addr, zone)
}

impl FromStr for ScopedAddr {
    type Err = ZoneError;
    /// Parses `ADDRESS%ZONE` (RFC 4007 §11): `fe80::1%wlan0`, `fe80::1%3`.
    fn from_str(s: &str) -> Result<ScopedAddr, ZoneError> {
        parse_text(s, 0)
    }
}

impl fmt::Display for ScopedAddr {
    /// `fe80::1%wlan0`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%{}", self.addr, self.zone)
    }
}

impl TryFrom<SocketAddrV6> for ScopedAddr {
    type Error = ZoneError;
    /// The address and scope ID of a socket address (the port is dropped; see
    /// [`ScopedSocketAddr`] to keep it). A scope ID of 0 is [`ZoneError::MissingZone`].
    fn try_from(sa: SocketAddrV6) -> Result<ScopedAddr, ZoneError> {
        if sa.scope_id() == 0 {
            return Err(ZoneError::MissingZone);
        }
        ScopedAddr::new(*sa.ip(), Zone::Index(sa.scope_id()))
    }
}

/// Writes zone text percent-encoding everything outside RFC 3986's unreserved set.
fn write_url_zone(f: &mut fmt::Formatter<'_>, zone: &Zone) -> fmt::Result {
    match zone {
        Zone::Index(i) => write!(f, "{i}"),
        Zone::Name(n) => {
            for &b in n.as_str().as_bytes() {
                if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
                    write!(f, "{}", b as char)?;
                } else {
                    write!(f, "%{b:02X}")?;
                }
            }
            Ok(())
        }
    }
}

/// The URL host form of a [`ScopedAddr`]: `[fe80::1%25wlan0]` (RFC 6874).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UrlHost(ScopedAddr);

impl fmt::Display for UrlHost {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}%25", self.0.addr)?;
        write_url_zone(f, &self.0.zone)?;
        f.write_str("]")
    }
}

/// A scoped address with a port: `[fe80::1%wlan0]:22`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct ScopedSocketAddr {
    /// The address and zone.
    pub addr: ScopedAddr,
    /// The port.
    pub port: u16,
}

impl ScopedSocketAddr {
    /// Parses the URL authority form `[fe80::1%25wlan0]:22` (RFC 6874 inside RFC 3986's
    /// `host:port`).
    pub fn from_url_authority(s: &str) -> Result<ScopedSocketAddr, ZoneError> {
        let (inner, port) = split_bracketed(s)?;
        Ok(ScopedSocketAddr {
            addr: parse_url_inner(inner, 1)?,
            port,
        })
    }

    /// The URL authority form, `[fe80::1%25wlan0]:22`, as a displayable value.
    pub const fn url_authority(&self) -> UrlAuthority {
        UrlAuthority(*self)
    }

    /// The std socket address (`flowinfo` 0); the zone must be an index (resolve a name first).
    pub fn to_socket_addr(&self) -> Result<SocketAddrV6, ZoneError> {
        self.addr.socket_addr(self.port)
    }

    /// The std socket address, resolving an interface name through `/sys/class/net` (feature
    /// `std`, Linux).
    #[cfg(feature = "std")]
    pub fn resolve(&self) -> Result<SocketAddrV6, ZoneError> {
        self.addr.resolve()?.socket_addr(self.port)
    }
}

/// `[` inner `]:` port → (inner, port).
fn split_bracketed(s: &str) -> Result<(&str, u16), ZoneError> {
    let rest = s.strip_prefix('[').ok_or(ZoneError::MissingBracket { position: 0 })?;
    let close = rest.find(']').ok_or(ZoneError::MissingBracket { position: s.len() })?;
    let inner = &rest[..close];
    let after = &rest[close + 1..];
    let port_pos = close + 2;
    let digits = after
        .strip_prefix(':')
        .ok_or(ZoneError::BadPort { position: port_pos })?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ZoneError::BadPort { position: port_pos + 1 });
    }
    let port = digits
        .parse::<u16>()
        .map_err(|_| ZoneError::BadPort { position: port_pos + 1 })?;
    Ok((inner, port))
}

impl FromStr for ScopedSocketAddr {
    type Err = ZoneError;
    /// Parses the socket-address form `[fe80::1%wlan0]:22` (bare `%`, as std's `SocketAddrV6`
    /// prints it).
    fn from_str(s: &str) -> Result<ScopedSocketAddr, ZoneError> {
        let (inner, port) = split_bracketed(s)?;
        Ok(ScopedSocketAddr {
            addr: parse_text(inner, 1)?,
            port,
        })
    }
}

impl fmt::Display for ScopedSocketAddr {
    /// `[fe80::1%wlan0]:22`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[{}]:{}", self.addr, self.port)
    }
}

impl TryFrom<SocketAddrV6> for ScopedSocketAddr {
    type Error = ZoneError;
    /// The address, scope ID and port of a socket address. Its flow information (`flowinfo`,
    /// the traffic class and flow label) is not kept: a scoped socket address holds what its
    /// text forms can say, and [`ScopedSocketAddr::to_socket_addr`] gives `flowinfo` 0. A scope
    /// ID of 0 is [`ZoneError::MissingZone`].
    fn try_from(sa: SocketAddrV6) -> Result<ScopedSocketAddr, ZoneError> {
        Ok(ScopedSocketAddr {
            addr: ScopedAddr::try_from(sa)?,
            port: sa.port(),
        })
    }
}

impl TryFrom<ScopedSocketAddr> for SocketAddrV6 {
    type Error = ZoneError;
    fn try_from(s: ScopedSocketAddr) -> Result<SocketAddrV6, ZoneError> {
        s.to_socket_addr()
    }
}

/// The URL authority form of a [`ScopedSocketAddr`]: `[fe80::1%25wlan0]:22`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UrlAuthority(ScopedSocketAddr);

impl fmt::Display for UrlAuthority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.0.addr.url_host(), self.0.port)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sa(s: &str) -> ScopedAddr {
        s.parse().unwrap()
    }

    #[test]
    fn text_forms() {
        let a = sa("fe80::ba27:ebff:fe89:bc51%wlan0");
        assert_eq!(a.addr(), "fe80::ba27:ebff:fe89:bc51".parse::<Ipv6Addr>().unwrap());
        assert_eq!(a.zone(), Zone::Name(ZoneName::new("wlan0").unwrap()));
        assert_eq!(a.to_string(), "fe80::ba27:ebff:fe89:bc51%wlan0");
        assert_eq!(sa("fe80::1%3").zone(), Zone::Index(3));
        assert_eq!(sa("fe80::1%003").to_string(), "fe80::1%3");
        assert_eq!(sa("ff02::1%eth0").to_string(), "ff02::1%eth0");
        assert_eq!(sa("ff12::1%eth0").to_string(), "ff12::1%eth0"); // transient, link scope
        assert_eq!(sa("ff01::1%lo").to_string(), "ff01::1%lo");
        assert_eq!(sa("fe80::1%3g").zone().to_string(), "3g");
        assert_eq!(sa("febf:ffff::1%e").addr().segments()[0], 0xfebf);
        assert_eq!(sa("fe80::1%wlp0s20f3abcd").zone().to_string(), "wlp0s20f3abcd");
        assert_eq!(sa("fe80::1%gretap0-1.2_x").zone().to_string(), "gretap0-1.2_x");
        assert_eq!(sa("fe80::1%\u{e9}th0").zone().to_string(), "\u{e9}th0");
    }

    #[test]
    fn typed_errors() {
        use ZoneError::*;
        let err = |s: &str| s.parse::<ScopedAddr>().unwrap_err();
        assert_eq!(err("fe80::1"), MissingZone);
        assert_eq!(err("fe80::1%"), EmptyZone { position: 8 });
        assert_eq!(err("fe80::1%eth 0"), MalformedZone { position: 11, ch: ' ' });
        assert_eq!(err("fe80::1%eth0/1"), MalformedZone { position: 12, ch: '/' });
        assert_eq!(err("fe80::1%a:b"), MalformedZone { position: 9, ch: ':' });
        assert_eq!(err("fe80::1%a%b"), MalformedZone { position: 9, ch: '%' });
        assert_eq!(err("fe80::1%0123456789abcdef"), NameTooLong { len: 16 });
        assert!(ZoneName::new("0123456789abcde").is_ok());
        assert_eq!(err("fe80::1%."), ReservedName("."));
        assert_eq!(err("fe80::1%.."), ReservedName(".."));
        assert_eq!(err("fe80::1%0"), IndexZero { position: 8 });
        assert_eq!(err("fe80::1%4294967296"), IndexTooLarge { position: 8 });
        assert_eq!(sa("fe80::1%4294967295").zone(), Zone::Index(u32::MAX));
        assert_eq!(err("fe80::g%eth0"), InvalidAddress { end: 7 });
        assert_eq!(err("%eth0"), InvalidAddress { end: 0 });
        for global in [
            "2001:db8::1%eth0",
            "::1%lo",
            "fd00::1%eth0",
            "fec0::1%eth0",
            "ff05::2%eth0",
            "ff0e::1%3",
            "::%1",
        ] {
            let addr: Ipv6Addr = global.split('%').next().unwrap().parse().unwrap();
            assert_eq!(err(global), NotScoped { addr }, "{global}");
        }
        assert_eq!(ZoneName::new("123"), Err(NumericName));
        assert_eq!(
            ScopedAddr::new("fe80::1".parse().unwrap(), Zone::Index(0)),
            Err(IndexZero { position: 0 })
        );
    }

    #[test]
    fn url_forms_rfc6874() {
        use ZoneError::*;
        // RFC 6874 §2's example: http://[fe80::a%25en1].
        let a = ScopedAddr::from_url_host("[fe80::a%25en1]").unwrap();
        assert_eq!(a.to_string(), "fe80::a%en1");
        assert_eq!(a.url_host().to_string(), "[fe80::a%25en1]");
        let s = ScopedSocketAddr::from_url_authority("[fe80::1%25wlan0]:22").unwrap();
        assert_eq!((s.addr.to_string().as_str(), s.port), ("fe80::1%wlan0", 22));
        assert_eq!(s.url_authority().to_string(), "[fe80::1%25wlan0]:22");
        assert_eq!(s.to_string(), "[fe80::1%wlan0]:22");
        // Percent-encoded zone characters are decoded, and re-encoded on output.
        let e = ScopedAddr::from_url_host("[fe80::1%25en%301]").unwrap();
        assert_eq!(e.zone().to_string(), "en01");
        let odd = sa("fe80::1%a@b");
        assert_eq!(odd.url_host().to_string(), "[fe80::1%25a%40b]");
        assert_eq!(ScopedAddr::from_url_host(&odd.url_host().to_string()), Ok(odd));
        // Refusals.
        assert_eq!(
            ScopedAddr::from_url_host("[fe80::1%eth0]"),
            Err(BareZonePercent { position: 8 })
        );
        assert_eq!(
            ScopedAddr::from_url_host("fe80::1%25eth0"),
            Err(MissingBracket { position: 0 })
        );
        assert_eq!(
            ScopedAddr::from_url_host("[fe80::1%25eth0"),
            Err(MissingBracket { position: 15 })
        );
        assert_eq!(
            ScopedAddr::from_url_host("[fe80::1%25]"),
            Err(EmptyZone { position: 11 })
        );
        assert_eq!(
            ScopedAddr::from_url_host("[fe80::1%25e%zz]"),
            Err(BadPercentEncoding { position: 12 })
        );
        assert_eq!(
            ScopedAddr::from_url_host("[fe80::1%25e%2]"),
            Err(BadPercentEncoding { position: 12 })
        );
        assert_eq!(
            ScopedAddr::from_url_host("[fe80::1%25e%ff]"),
            Err(BadPercentEncoding { position: 11 })
        );
        assert_eq!(
            ScopedAddr::from_url_host("[fe80::1%25e@]"),
            Err(MalformedZone { position: 12, ch: '@' })
        );
        assert_eq!(
            ScopedAddr::from_url_host("[fe80::1%25e%2F]"),
            Err(MalformedZone { position: 12, ch: '/' })
        );
        assert_eq!(
            ScopedAddr::from_url_host("[fe80::1%25abcdefghijklmnopq]"),
            Err(NameTooLong { len: 17 })
        );
        assert_eq!(
            ScopedAddr::from_url_host("[2001:db8::1%25eth0]"),
            Err(NotScoped {
                addr: "2001:db8::1".parse().unwrap()
            })
        );
        assert_eq!(
            ScopedSocketAddr::from_url_authority("[fe80::1%25e]"),
            Err(BadPort { position: 13 })
        );
        assert_eq!(
            ScopedSocketAddr::from_url_authority("[fe80::1%25e]:"),
            Err(BadPort { position: 14 })
        );
        assert_eq!(
            ScopedSocketAddr::from_url_authority("[fe80::1%25e]:65536"),
            Err(BadPort { position: 14 })
        );
        assert_eq!(
            ScopedSocketAddr::from_url_authority("[fe80::1%25e]:+1"),
            Err(BadPort { position: 14 })
        );
        assert_eq!(
            ScopedSocketAddr::from_url_authority("[fe80::1%25e]x"),
            Err(BadPort { position: 13 })
        );
    }

    #[test]
    fn socket_addr_round_trip_agrees_with_std() {
        // std prints and parses the bare-% socket form with a numeric scope ID.
        let std_sa: SocketAddrV6 = "[fe80::1%7]:22".parse().unwrap();
        let ours = ScopedSocketAddr::try_from(std_sa).unwrap();
        assert_eq!(ours.to_string(), std_sa.to_string());
        assert_eq!(ours.to_socket_addr(), Ok(std_sa));
        assert_eq!("[fe80::1%7]:22".parse::<ScopedSocketAddr>(), Ok(ours));
        assert_eq!(SocketAddrV6::try_from(ours), Ok(std_sa));
        let zero = SocketAddrV6::new("fe80::1".parse().unwrap(), 22, 0, 0);
        assert_eq!(ScopedSocketAddr::try_from(zero), Err(ZoneError::MissingZone));
        let global = SocketAddrV6::new("2001:db8::1".parse().unwrap(), 22, 0, 3);
        assert!(matches!(ScopedAddr::try_from(global), Err(ZoneError::NotScoped { .. })));
        let named = sa("fe80::1%eth0");
        assert!(matches!(named.socket_addr(1), Err(ZoneError::NameNotResolved { .. })));
    }

    #[cfg(feature = "std")]
    #[test]
    fn resolution_reads_sysfs_and_refuses_traversal() {
        let dir = std::env::temp_dir().join(format!("ipk-sys-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("vb")).unwrap();
        std::fs::write(dir.join("vb/ifindex"), "17\n").unwrap();
        let z: Zone = "vb".parse().unwrap();
        assert_eq!(z.resolve_in(&dir), Ok(17));
        assert_eq!(Zone::Index(5).resolve_in(&dir), Ok(5));
        let missing: Zone = "nope0".parse().unwrap();
        assert!(matches!(
            missing.resolve_in(&dir),
            Err(ZoneError::InterfaceNotFound { .. })
        ));
        std::fs::remove_dir_all(&dir).unwrap();
        // The loopback interface exists everywhere Linux runs these tests, with index 1.
        if std::path::Path::new("/sys/class/net/lo/ifindex").exists() {
            assert_eq!("lo".parse::<Zone>().unwrap().resolve(), Ok(1));
            assert_eq!(
                sa("fe80::1%lo").resolve().unwrap().socket_addr(22).unwrap(),
                SocketAddrV6::new("fe80::1".parse().unwrap(), 22, 0, 1)
            );
        }
        assert!("../x".parse::<Zone>().is_err());
    }

    proptest::proptest! {
        #[test]
        fn parse_display_parse(v in proptest::num::u128::ANY, idx in 1u32.., name in "[a-zA-Z][a-zA-Z0-9._~@+-]{0,14}") {
            let mut addr = Ipv6Addr::from_bits(v);
            if !accepts_zone(addr) {
                addr = Ipv6Addr::from_bits((v & (u128::MAX >> 10)) | (0xfe80u128 << 112));
            }
            for zone in [Zone::Index(idx), Zone::Name(ZoneName::new(&name).unwrap())] {
                let a = ScopedAddr::new(addr, zone).unwrap();
                proptest::prop_assert_eq!(a.to_string().parse::<ScopedAddr>(), Ok(a));
                proptest::prop_assert_eq!(ScopedAddr::from_url_host(&a.url_host().to_string()), Ok(a));
                let s = ScopedSocketAddr { addr: a, port: (v & 0xffff) as u16 };
                proptest::prop_assert_eq!(s.to_string().parse::<ScopedSocketAddr>(), Ok(s));
                proptest::prop_assert_eq!(ScopedSocketAddr::from_url_authority(&s.url_authority().to_string()), Ok(s));
            }
        }

        #[test]
        fn never_panics(s in "\\PC{0,40}") {
            let _ = s.parse::<ScopedAddr>();
            let _ = ScopedAddr::from_url_host(&s);
            let _ = ScopedSocketAddr::from_url_authority(&s);
            let _ = s.parse::<ScopedSocketAddr>();
        }
    }
}
