//! The IEEE registration-authority registries (OUI / MA-L, MA-M, MA-S, IAB): which
//! organisation a MAC address was assigned to.
//!
//! The data comes from the CSV files that Debian's `ieee-data` package installs in
//! [`DEBIAN_DIR`] (`oui.csv` for MA-L, `mam.csv` for MA-M, `oui36.csv` for MA-S and
//! `iab.csv` for the retired IAB registry). The CSV form is the one parsed here because each
//! record says which registry it belongs to and its assignment has exactly 6, 7 or 9 hex
//! digits (24, 28 or 36 bits), so no layout has to be guessed; the `.txt` files spread one
//! record over several lines and give MA-M/MA-S blocks only as ranges.
//!
//! The files are RFC 4180 CSV with CRLF line ends, fields quoted when they hold commas, and
//! a few quoted addresses that run over several lines: the parser handles all three and
//! reports the line where a bad record starts.
//!
//! A lookup takes the longest match: an MA-S (36-bit) block inside an MA-M (28-bit) block
//! inside an MA-L (24-bit) block belongs to the MA-S holder.
//!
//! ```
//! use ipv6kit::oui::OuiDb;
//! use ipv6kit::mac::parse_mac;
//!
//! let mut db = OuiDb::new();
//! db.add_csv("Registry,Assignment,Organization Name,Organization Address\r\n\
//!             MA-L,B827EB,Raspberry Pi Foundation,Mitchell Wood House Caldecote Cambridgeshire GB CB23 7NU \r\n\
//!             MA-M,741AE09,Private,\r\n").unwrap();
//! let pi = db.lookup(parse_mac("b8:27:eb:89:bc:51").unwrap()).unwrap();
//! assert_eq!(pi.organization, "Raspberry Pi Foundation");
//! assert_eq!(pi.to_string(), "MA-L b8:27:eb/24 Raspberry Pi Foundation");
//! assert!(db.lookup(parse_mac("00:03:93:67:43:62").unwrap()).is_none());
//! ```

use core::fmt;
use core::str::FromStr;
use macaddr::MacAddr6;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::string::{String, ToString};
use std::vec::Vec;

/// Where Debian's `ieee-data` package installs the registry files.
pub const DEBIAN_DIR: &str = "/usr/share/ieee-data";

/// The CSV files of [`DEBIAN_DIR`] that [`OuiDb::load_dir`] reads, when present.
pub const DEBIAN_FILES: &[&str] = &["oui.csv", "mam.csv", "oui36.csv", "iab.csv"];

/// Why a registry file could not be read. Line numbers count from 1 and name the line where
/// the offending record starts.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum OuiError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What the operating system said.
        #[source]
        source: std::io::Error,
    },
    /// The text is empty: not even the header line.
    #[error("the registry file is empty (expected the header line \"Registry,Assignment,...\")")]
    Empty,
    /// The first line is not the registry CSV header.
    #[error("line {line}: expected the header \"Registry,Assignment,Organization Name,...\", found {found:?}")]
    Header {
        /// Line number.
        line: usize,
        /// The first field found.
        found: String,
    },
    /// A quoted field that never closes.
    #[error("line {line}: quoted field is never closed")]
    UnterminatedQuote {
        /// Line where the record starts.
        line: usize,
    },
    /// A record with fewer than the three fields (registry, assignment, organization) needed.
    #[error("line {line}: {found} field(s), at least 3 expected (registry, assignment, organization)")]
    FieldCount {
        /// Line where the record starts.
        line: usize,
        /// Fields found.
        found: usize,
    },
    /// A registry name other than MA-L, MA-M, MA-S or IAB.
    #[error("line {line}: unknown registry {found:?} (expected MA-L, MA-M, MA-S or IAB)")]
    UnknownRegistry {
        /// Line where the record starts.
        line: usize,
        /// The registry field.
        found: String,
    },
    /// A non-hex character in the assignment.
    #[error("line {line}: assignment has a non-hex character {found:?} at position {position}")]
    AssignmentDigit {
        /// Line where the record starts.
        line: usize,
        /// Character offset within the assignment field.
        position: usize,
        /// The character.
        found: char,
    },
    /// An assignment with the wrong number of hex digits for its registry.
    #[error("line {line}: {registry} assignment has {found} hex digits, {expected} expected")]
    AssignmentLength {
        /// Line where the record starts.
        line: usize,
        /// The record's registry.
        registry: Registry,
        /// Digits the registry's assignments have.
        expected: usize,
        /// Digits found.
        found: usize,
    },
}

/// One of the IEEE registries of MAC address blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum Registry {
    /// MA-L, the classic OUI: a 24-bit block (16M addresses).
    MaL,
    /// MA-M: a 28-bit block (1M addresses).
    MaM,
    /// MA-S (OUI-36): a 36-bit block (4096 addresses).
    MaS,
    /// IAB, the retired individual address blocks: 36 bits, like MA-S.
    Iab,
}

impl Registry {
    /// The number of leading MAC bits an assignment of this registry fixes.
    pub const fn bits(self) -> u8 {
        match self {
            Registry::MaL => 24,
            Registry::MaM => 28,
            Registry::MaS | Registry::Iab => 36,
        }
    }

    /// The registry's name as the files write it (`"MA-L"`, ...).
    pub const fn name(self) -> &'static str {
        match self {
            Registry::MaL => "MA-L",
            Registry::MaM => "MA-M",
            Registry::MaS => "MA-S",
            Registry::Iab => "IAB",
        }
    }

    const fn digits(self) -> usize {
        self.bits() as usize / 4
    }
}

impl fmt::Display for Registry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Registry {
    type Err = ();

    /// Parses a registry name, case-insensitively; `OUI` is taken as MA-L and `OUI-36`
    /// as MA-S (older names of the same registries).
    fn from_str(s: &str) -> Result<Registry, ()> {
        let s = s.trim();
        for (name, r) in [
            ("MA-L", Registry::MaL),
            ("OUI", Registry::MaL),
            ("MA-M", Registry::MaM),
            ("MA-S", Registry::MaS),
            ("OUI-36", Registry::MaS),
            ("IAB", Registry::Iab),
        ] {
            if s.eq_ignore_ascii_case(name) {
                return Ok(r);
            }
        }
        Err(())
    }
}

/// One assignment: a block of MAC addresses and the organisation that holds it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assignment {
    /// The registry it comes from (which fixes its length).
    pub registry: Registry,
    /// The block's leading bits, as an integer of `registry.bits()` bits.
    pub prefix: u64,
    /// The organisation's name as registered ("Private" for hidden holders).
    pub organization: String,
}

impl Assignment {
    /// The number of leading MAC bits the assignment fixes.
    pub const fn bits(&self) -> u8 {
        self.registry.bits()
    }

    /// True when `mac` lies in this block.
    pub fn contains(&self, mac: MacAddr6) -> bool {
        mac_prefix(mac, self.bits()) == self.prefix
    }

    /// The first MAC address of the block.
    pub fn first(&self) -> MacAddr6 {
        let v = self.prefix << (48 - u32::from(self.bits()));
        let b = v.to_be_bytes();
        MacAddr6::new(b[2], b[3], b[4], b[5], b[6], b[7])
    }
}

impl fmt::Display for Assignment {
    /// `MA-L b8:27:eb/24 Raspberry Pi Foundation`: the registry, the block as its first MAC's
    /// leading bytes over its length, and the organisation.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let b = self.first().into_array();
        let shown = usize::from(self.bits()).div_ceil(8);
        write!(f, "{} ", self.registry)?;
        for (i, byte) in b.iter().take(shown).enumerate() {
            if i > 0 {
                f.write_str(":")?;
            }
            write!(f, "{byte:02x}")?;
        }
        write!(f, "/{} {}", self.bits(), self.organization)
    }
}

fn mac_prefix(mac: MacAddr6, bits: u8) -> u64 {
    let b = mac.into_array();
    let v = u64::from_be_bytes([0, 0, b[0], b[1], b[2], b[3], b[4], b[5]]);
    v >> (48 - u32::from(bits.min(48)))
}

/// A set of registry assignments, looked up by longest match.
#[derive(Debug, Clone, Default)]
pub struct OuiDb {
    /// Keyed by (prefix length in bits, prefix value).
    entries: BTreeMap<(u8, u64), Assignment>,
}

impl OuiDb {
    /// An empty database.
    pub fn new() -> OuiDb {
        OuiDb::default()
    }

    /// Adds every record of one registry CSV file (the text, header line included). Returns
    /// the number of records read. A record for a block already present replaces it. On an
    /// error nothing from this text is kept.
    pub fn add_csv(&mut self, text: &str) -> Result<usize, OuiError> {
        let parsed = parse_csv(text)?;
        let n = parsed.len();
        for a in parsed {
            self.entries.insert((a.bits(), a.prefix), a);
        }
        Ok(n)
    }

    /// Reads one registry CSV file into the database.
    pub fn add_file(&mut self, path: impl AsRef<Path>) -> Result<usize, OuiError> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|source| OuiError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        self.add_csv(&text)
    }

    /// Reads the [`DEBIAN_FILES`] present in `dir`; `oui.csv` (MA-L) must be there.
    pub fn load_dir(dir: impl AsRef<Path>) -> Result<OuiDb, OuiError> {
        let dir = dir.as_ref();
        let mut db = OuiDb::new();
        for (i, name) in DEBIAN_FILES.iter().enumerate() {
            let path = dir.join(name);
            if i > 0 && !path.exists() {
                continue;
            }
            db.add_file(&path)?;
        }
        Ok(db)
    }

    /// Reads the registries from [`DEBIAN_DIR`] (Debian's `ieee-data`).
    pub fn load_debian() -> Result<OuiDb, OuiError> {
        OuiDb::load_dir(DEBIAN_DIR)
    }

    /// The assignment holding `mac`: the longest of the MA-S/IAB, MA-M and MA-L blocks that
    /// contain it.
    pub fn lookup(&self, mac: MacAddr6) -> Option<&Assignment> {
        [36u8, 28, 24]
            .iter()
            .find_map(|&bits| self.entries.get(&(bits, mac_prefix(mac, bits))))
    }

    /// The number of assignments.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the database holds no assignment.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Every assignment, shortest blocks first, then by prefix.
    pub fn iter(&self) -> impl Iterator<Item = &Assignment> {
        self.entries.values()
    }

    /// The assignment after the block `after` = (length in bits, prefix) in [`OuiDb::iter`]'s
    /// order, or the first one for `None`: iteration one step at a time, for callers that
    /// cannot hold an iterator across calls (the C API). The block need not be in the set.
    ///
    /// ```
    /// let mut db = ipv6kit::oui::OuiDb::new();
    /// db.add_csv("Registry,Assignment,Organization Name,Organization Address\n\
    ///             MA-S,70B3D5F2F,TELEPLATFORMS,\n\
    ///             MA-L,70B3D5,IEEE Registration Authority,\n").unwrap();
    /// let first = db.next_after(None).unwrap();
    /// assert_eq!((first.bits(), first.prefix), (24, 0x70B3D5));
    /// let second = db.next_after(Some((first.bits(), first.prefix))).unwrap();
    /// assert_eq!(second.organization, "TELEPLATFORMS");
    /// assert!(db.next_after(Some((second.bits(), second.prefix))).is_none());
    /// ```
    pub fn next_after(&self, after: Option<(u8, u64)>) -> Option<&Assignment> {
        use core::ops::Bound::{Excluded, Unbounded};
        match after {
            None => self.entries.values().next(),
            Some(key) => self.entries.range((Excluded(key), Unbounded)).next().map(|(_, a)| a),
        }
    }
}

/// Parses one registry CSV file (the header line first) into its assignments, in file order.
///
/// ```
/// let text = "Registry,Assignment,Organization Name,Organization Address\n\
///             MA-S,70B3D5F2F,TELEPLATFORMS,\"Polbina st., 3/1 Moscow  RU 109388 \"\n";
/// let a = ipv6kit::oui::parse_csv(text).unwrap();
/// assert_eq!(a[0].prefix, 0x70B3D5F2F);
/// assert!(ipv6kit::oui::parse_csv("MA-L,00000G,X,\n").is_err());
/// ```
pub fn parse_csv(text: &str) -> Result<Vec<Assignment>, OuiError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut records = Records { rest: text, line: 1 };
    let (line, header) = match records.next_record()? {
        Some(r) => r,
        None => return Err(OuiError::Empty),
    };
    let first = header.first().map(|s| s.trim()).unwrap_or("");
    let second = header.get(1).map(|s| s.trim()).unwrap_or("");
    if !first.eq_ignore_ascii_case("Registry") || !second.eq_ignore_ascii_case("Assignment") {
        return Err(OuiError::Header {
            line,
            found: first.to_string(),
        });
    }
    let mut out = Vec::new();
    while let Some((line, fields)) = records.next_record()? {
        if fields.iter().all(|f| f.trim().is_empty()) {
            continue; // a blank line
        }
        out.push(assignment(line, &fields)?);
    }
    Ok(out)
}

fn assignment(line: usize, fields: &[String]) -> Result<Assignment, OuiError> {
    let (reg, hex, org) = match fields {
        [reg, hex, org, ..] => (reg.trim(), hex.trim(), org.trim()),
        _ => {
            return Err(OuiError::FieldCount {
                line,
                found: fields.len(),
            })
        }
    };
    let registry: Registry = reg.parse().map_err(|()| OuiError::UnknownRegistry {
        line,
        found: reg.to_string(),
    })?;
    let mut prefix = 0u64;
    let mut digits = 0usize;
    for (position, c) in hex.chars().enumerate() {
        let d = c.to_digit(16).ok_or(OuiError::AssignmentDigit {
            line,
            position,
            found: c,
        })?;
        digits += 1;
        if digits > registry.digits() {
            break;
        }
        prefix = (prefix << 4) | u64::from(d);
    }
    let found = hex.chars().count();
    if found != registry.digits() {
        return Err(OuiError::AssignmentLength {
            line,
            registry,
            expected: registry.digits(),
            found,
        });
    }
    Ok(Assignment {
        registry,
        prefix,
        organization: org.to_string(),
    })
}

/// An RFC 4180 record reader that counts lines. Lenient where the IEEE files are: a quote
/// inside an unquoted field is kept as text, and text after a closing quote is appended.
struct Records<'a> {
    rest: &'a str,
    line: usize,
}

impl Records<'_> {
    /// The next record with the line it starts on, or `None` at the end of the text.
    fn next_record(&mut self) -> Result<Option<(usize, Vec<String>)>, OuiError> {
        if self.rest.is_empty() {
            return Ok(None);
        }
        let start = self.line;
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut in_quotes = false;
        let mut at_field_start = true;
        let mut chars = self.rest.char_indices().peekable();
        let mut consumed = self.rest.len();
        while let Some((i, c)) = chars.next() {
            if in_quotes {
                match c {
                    '"' if chars.peek().map(|&(_, n)| n) == Some('"') => {
                        chars.next();
                        field.push('"');
                    }
                    '"' => in_quotes = false,
                    '\n' => {
                        self.line += 1;
                        field.push('\n');
                    }
                    // Inside quotes a line end is part of the value (RFC 4180), kept as written.
                    _ => field.push(c),
                }
                continue;
            }
            match c {
                '"' if at_field_start => {
                    in_quotes = true;
                    at_field_start = false;
                }
                ',' => {
                    fields.push(core::mem::take(&mut field));
                    at_field_start = true;
                }
                '\n' => {
                    self.line += 1;
                    consumed = i + 1;
                    break;
                }
                '\r' if matches!(chars.peek(), Some(&(_, '\n')) | None) => {}
                _ => {
                    field.push(c);
                    at_field_start = false;
                }
            }
        }
        if in_quotes {
            return Err(OuiError::UnterminatedQuote { line: start });
        }
        fields.push(field);
        self.rest = self.rest.get(consumed..).unwrap_or("");
        Ok(Some((start, fields)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mac::parse_mac;

    const HEADER: &str = "Registry,Assignment,Organization Name,Organization Address\r\n";

    fn db(body: &str) -> OuiDb {
        let mut db = OuiDb::new();
        db.add_csv(&format!("{HEADER}{body}")).unwrap();
        db
    }

    #[test]
    fn debian_shapes_quotes_crlf_and_multiline_addresses() {
        // Records shaped like those of ieee-data 20220827 (oui.csv, mam.csv, oui36.csv).
        let text = format!(
            "{HEADER}MA-L,002272,American Micro-Fuel Device Corp.,2181 Buchanan Loop Ferndale WA US 98248 \r\n\
             MA-L,F4BD9E,\"Cisco Systems, Inc\",80 West Tasman Drive San Jose CA US 94568 \r\n\
             MA-L,C404D8,Aviva Links Inc.,\"160 E Tasman Dr\r\nSTE 102 SAN JOSE CA US 95134 \"\r\n\
             MA-M,E05A9F9,\"Gemalto \"\"Document Readers\"\"\",3300 Acorn Street Williamsburg VA US 23188 \r\n\
             MA-S,70B3D5F2F,TELEPLATFORMS,\"Polbina st., 3/1 Moscow  RU 109388 \"\r\n"
        );
        let a = parse_csv(&text).unwrap();
        assert_eq!(a.len(), 5);
        assert_eq!(a[1].organization, "Cisco Systems, Inc");
        assert_eq!(a[2].organization, "Aviva Links Inc.");
        assert_eq!(a[3].organization, "Gemalto \"Document Readers\"");
        assert_eq!(a[3].registry, Registry::MaM);
        assert_eq!(a[3].prefix, 0xE05A9F9);
        assert_eq!(a[4].registry, Registry::MaS);
        // A record after a multi-line one reports the right line.
        let bad = format!("{text}MA-L,00227,Short,\r\n");
        assert!(matches!(
            parse_csv(&bad),
            Err(OuiError::AssignmentLength {
                line: 8,
                expected: 6,
                found: 5,
                ..
            })
        ));
    }

    #[test]
    fn longest_match_wins() {
        let db = db("MA-L,70B3D5,IEEE Registration Authority,\n\
                     MA-M,70B3D5F,Block M,\n\
                     MA-S,70B3D5F2F,TELEPLATFORMS,\n");
        let who = |m: &str| db.lookup(parse_mac(m).unwrap()).map(|a| a.organization.clone());
        assert_eq!(who("70:b3:d5:f2:f0:01").as_deref(), Some("TELEPLATFORMS"));
        assert_eq!(who("70:b3:d5:f3:00:01").as_deref(), Some("Block M"));
        assert_eq!(who("70:b3:d5:00:00:01").as_deref(), Some("IEEE Registration Authority"));
        assert_eq!(who("70:b3:d6:00:00:01"), None);
        let s = db.lookup(parse_mac("70:b3:d5:f2:f0:01").unwrap()).unwrap();
        assert_eq!(s.to_string(), "MA-S 70:b3:d5:f2:f0/36 TELEPLATFORMS");
        assert_eq!(s.first(), parse_mac("70:b3:d5:f2:f0:00").unwrap());
        assert!(s.contains(parse_mac("70:b3:d5:f2:ff:ff").unwrap()));
        assert!(!s.contains(parse_mac("70:b3:d5:f3:00:00").unwrap()));
        assert_eq!(db.len(), 3);
        assert_eq!(db.iter().next().unwrap().registry, Registry::MaL);
    }

    #[test]
    fn errors_name_the_line_and_the_part() {
        assert!(matches!(parse_csv(""), Err(OuiError::Empty)));
        assert!(matches!(parse_csv("\u{feff}"), Err(OuiError::Empty)));
        assert!(matches!(
            parse_csv("MA-L,002272,X,\n"),
            Err(OuiError::Header { line: 1, .. })
        ));
        let e = |body: &str| parse_csv(&format!("{HEADER}{body}")).unwrap_err();
        assert!(matches!(e("MA-L,002272\n"), OuiError::FieldCount { line: 2, found: 2 }));
        assert!(matches!(
            e("\n\nMA-X,002272,X,\n"),
            OuiError::UnknownRegistry { line: 4, .. }
        ));
        assert!(matches!(
            e("MA-L,00227G,X,\n"),
            OuiError::AssignmentDigit {
                line: 2,
                position: 5,
                found: 'G'
            }
        ));
        assert!(matches!(
            e("MA-L,0022721234567890123,X,\n"),
            OuiError::AssignmentLength { line: 2, found: 19, .. }
        ));
        assert!(matches!(
            e("MA-L,002272,\"X,\nY\n"),
            OuiError::UnterminatedQuote { line: 2 }
        ));
        let msg = e("MA-M,12345,X,\n").to_string();
        assert_eq!(msg, "line 2: MA-M assignment has 5 hex digits, 7 expected");
        assert!(matches!(
            OuiDb::new().add_file("/nonexistent/oui.csv"),
            Err(OuiError::Io { .. })
        ));
    }

    #[test]
    fn lenient_like_the_files_need() {
        // Blank lines, no final newline, a quote inside an unquoted field, old registry names.
        let a = parse_csv(&format!(
            "{HEADER}\r\nOUI,A047D7,Best IT World (India) Pvt Ltd,\"87, Mistry Complex,, Midc Cross Road \"\"A\"\"\"\n\
             MA-L,0050C2,OOO \"Microlink\",x\r\nma-s,70B3D5719,2M Technology"
        ))
        .unwrap();
        assert_eq!(a.len(), 3);
        assert_eq!(a[0].registry, Registry::MaL);
        assert_eq!(a[1].organization, "OOO \"Microlink\"");
        assert_eq!(a[2].registry, Registry::MaS);
        assert_eq!(a[2].organization, "2M Technology");
    }

    #[test]
    fn debian_files_when_installed() {
        // Only when Debian's ieee-data is installed (the test command installs it).
        let Ok(db) = OuiDb::load_debian() else {
            // The same rule as the referee harness: a loud skip, a failure under CI's variable.
            let required = std::env::var("IPV6KIT_REQUIRE_REFEREES").is_ok_and(|v| !v.is_empty() && v != "0");
            assert!(
                !required,
                "ieee-data is not installed and IPV6KIT_REQUIRE_REFEREES is set"
            );
            std::eprintln!("\n*** SKIPPED debian_files_when_installed: ieee-data not installed ***\n");
            return;
        };
        assert!(db.len() > 30_000, "{}", db.len());
        // The seed's Raspberry Pi MAC (shared/vectors: fe80::ba27:ebff:fe89:bc51).
        let pi = db.lookup(parse_mac("b8:27:eb:89:bc:51").unwrap()).unwrap();
        assert!(pi.organization.contains("Raspberry"), "{pi}");

        // The same package's oui.txt, an independent layout (`00-22-72   (hex)\t\tName`),
        // names the same holder for every MA-L block (it drops the double quotes).
        let txt = std::fs::read_to_string(Path::new(DEBIAN_DIR).join("oui.txt")).unwrap();
        // A few blocks are listed twice (080030: three holders); the later record wins in both.
        let mut from_txt = BTreeMap::new();
        for line in txt.lines() {
            let Some((hex, org)) = line.split_once("(hex)") else {
                continue;
            };
            let hex: String = hex.trim().split('-').collect();
            let Ok(v) = u32::from_str_radix(&hex, 16) else { continue };
            from_txt.insert(v, org.trim().replace('"', ""));
        }
        let mut checked = 0;
        for (v, org) in &from_txt {
            // The MA-L record itself (a lookup would find an MA-S/IAB block inside some).
            let ours = db
                .entries
                .get(&(24, u64::from(*v)))
                .unwrap_or_else(|| panic!("{v:06x} missing"));
            assert_eq!(&ours.organization.replace('"', ""), org, "{v:06x}");
            checked += 1;
        }
        assert!(checked > 30_000, "{checked}");
    }

    proptest::proptest! {
        #[test]
        fn parse_never_panics(s in "\\PC{0,200}") {
            let _ = parse_csv(&s);
            let _ = parse_csv(&format!("{HEADER}{s}"));
        }

        #[test]
        fn every_mac_finds_its_own_block(b in proptest::array::uniform6(0u8..)) {
            let mac = MacAddr6::from(b);
            let text = format!("{HEADER}MA-L,{:02X}{:02X}{:02X},Org,\n", b[0], b[1], b[2]);
            let mut db = OuiDb::new();
            db.add_csv(&text).unwrap();
            proptest::prop_assert_eq!(db.lookup(mac).map(|a| a.organization.as_str()), Some("Org"));
        }
    }
}
