//! The result codes, their messages, the per-thread detail message, and the mapping of every
//! core error onto a code (done once, here).

use core::ffi::c_char;
use std::cell::RefCell;
use std::string::{String, ToString};

/// The outcome of every fallible function of the C API.
///
/// Values are stable: once published a value keeps its meaning and is never reused. They are
/// grouped by domain in blocks of 100 (general 0–99, text 100–199, multicast 200–299,
/// interface identifiers 300–399, DNS 400–499, 6rd 500–599, stable IIDs 600–699, NDP 700–799,
/// address plans 800–899, registry 900–999, IEEE OUI registry 1000–1099); new codes are appended
/// inside their block.
///
/// `ipv6kit_result_message()` gives a fixed English sentence for each code, and
/// `ipv6kit_last_error_message()` the detailed message of the last failure on the calling thread
/// (for example the position of the bad character in a MAC address).
#[allow(non_camel_case_types)]
#[repr(u32)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ipv6kit_result {
    /// Success; the outputs have been written.
    Ok = 0,
    /// A required pointer argument was NULL.
    NullPointer = 1,
    /// The caller's output buffer is too short; nothing was written.
    BufferTooShort = 2,
    /// An argument is out of its range (for example a prefix length above 128).
    InvalidArgument = 3,
    /// An enumeration argument holds a value the enumeration does not define.
    InvalidEnum = 4,
    /// The input has no such value (for example an IID that carries no MAC address).
    NotFound = 5,
    /// An internal error was caught at the boundary; this is a bug in ipv6kit. Please report it.
    Panic = 6,
    /// An iterator has no more items.
    IterationDone = 7,
    /// A prefix has bits set beyond its length where a clean network prefix is needed.
    PrefixHostBits = 8,

    /// The text is not an IPv6 address.
    ParseAddress = 100,
    /// The text is not an IPv6 prefix (`address/length`).
    ParsePrefix = 101,
    /// The text is not a MAC (EUI-48) address.
    ParseMac = 102,
    /// The text is not an EUI-64.
    ParseEui64 = 103,
    /// The text is not an IPv4 address.
    ParseIpv4 = 104,
    /// The text is not a colour (`#rrggbb` or `rrggbb`).
    ParseColour = 105,
    /// The text is not an `ip6.arpa` name.
    ParseReverseName = 106,
    /// The text is not an address with a zone (`fe80::1%eth0`, or `[fe80::1%25eth0]` in a URL).
    ParseScopedAddress = 107,

    /// The address is not multicast (ff00::/8) where a multicast address is needed.
    NotMulticast = 200,
    /// The address is multicast where a unicast or anycast address is needed.
    IsMulticast = 201,
    /// Another multicast error (a newer core reported one this code list does not name yet).
    MulticastOther = 299,

    /// The prefix is not a /64 where an interface identifier completes it.
    PrefixNotSlash64 = 300,
    /// The text cannot be an identifier: longer than 8 bytes, or not printable ASCII.
    IidText = 301,
    /// The prefix is longer than /64: no room for a 64-bit identifier.
    PrefixTooLong = 302,
    /// RFC 6052 allows only prefix lengths 32, 40, 48, 56, 64 and 96.
    EmbedPrefixLength = 303,
    /// The u octet (bits 64–71) of an RFC 6052 address is not zero.
    UOctet = 304,
    /// Another interface-identifier error (a newer core reported one this code list does not name yet).
    IidOther = 399,

    /// A reverse zone needs a prefix length that is a multiple of 4.
    NotNibbleAligned = 400,
    /// Another reverse-DNS error (a newer core reported one this code list does not name yet).
    DnsOther = 499,

    /// The relay prefix has bits set after its length.
    RelayPrefixHostBits = 501,
    /// IPv4MaskLen is over 32.
    Ipv4MaskLenTooLong = 502,
    /// 6rdPrefixLen is over 128 (wire and text forms).
    PrefixLenTooLong = 503,
    /// `n + 32 − m` is over 64: the delegated prefix would be longer than /64.
    DelegatedPrefixTooLong = 504,
    /// The CE's IPv4 address does not start with the relay prefix.
    CeOutsideRelayPrefix = 505,
    /// The border relay's IPv4 address does not start with the relay prefix.
    RelayOutsideRelayPrefix = 506,
    /// The IPv6 address is not under the 6rd prefix.
    NotInDomain = 507,
    /// The address is not a 6to4 address (2002::/16).
    NotSixToFour = 508,
    /// The option 212 bytes are cut short, disagree with their length byte, or end in a partial relay address.
    OptionMalformed = 509,
    /// The option code is not 212.
    OptionWrongCode = 510,
    /// Option 212 carries no border relay (RFC 5969: one or more).
    NoBorderRelay = 511,
    /// More border relays than one option 212 can carry (59).
    TooManyRelays = 512,
    /// The option 212 text is missing a field or has a field that is not a number or address.
    ParseOptionText = 513,
    /// Another 6rd error (a newer core reported one this code list does not name yet).
    SixrdOther = 599,

    /// The secret key is shorter than the generator requires.
    SecretTooShort = 600,
    /// The interface name does not fit IFNAMSIZ (15 bytes).
    InterfaceNameTooLong = 601,
    /// A string hashed up to its NUL contains a NUL itself.
    NulInString = 602,
    /// The hardware address is longer than the implementation hashes.
    HardwareAddressTooLong = 603,
    /// Every DAD counter up to the retry limit gave a reserved identifier or was used up.
    RetriesExhausted = 604,
    /// A variable-length input is longer than its length field can say.
    FieldTooLong = 605,
    /// A key that must not be all zeros is.
    NullKey = 606,
    /// systemd-networkd generates addresses for /1 to /64 only.
    PrefixLengthUnsupported = 607,
    /// The operating system's random generator failed, or kept giving reserved identifiers.
    RandomFailed = 608,
    /// The desync factor is not below `TEMP_PREFERRED_LIFETIME - REGEN_ADVANCE` (RFC 8981 §3.8).
    DesyncFactorTooLarge = 609,
    /// `TEMP_PREFERRED_LIFETIME` is not above `REGEN_ADVANCE`: no temporary address could be replaced in time.
    PreferredLifetimeTooShort = 610,
    /// Another stable/temporary identifier error (a newer core reported one this code list does not name yet).
    StableOther = 699,

    /// The ND message is shorter than the fixed part of its type.
    NdpTruncated = 700,
    /// The ICMPv6 type is not an ND message (133–137).
    NdpNotNdp = 701,
    /// The ICMPv6 code is not 0 (RFC 4861: silently discard).
    NdpNonZeroCode = 702,
    /// An option has Length 0 (RFC 4861 §4.6: discard the packet).
    NdpZeroLengthOption = 703,
    /// An option runs past the end of the message.
    NdpOptionPastEnd = 704,
    /// A stray byte after the last option.
    NdpTrailingByte = 705,
    /// More options than the parser accepts in one message (256).
    NdpTooManyOptions = 706,
    /// An option would be longer than 2040 bytes.
    NdpOptionTooLong = 707,
    /// An RDNSS option holds 1 to 127 servers.
    NdpRdnssServerCount = 708,
    /// A domain name cannot be encoded for DNSSL.
    NdpBadDomainName = 709,
    /// A value does not fit its field.
    NdpFieldOutOfRange = 710,
    /// The message would exceed the 65535-byte IPv6 payload.
    NdpMessageTooLong = 711,
    /// A frame or packet that is not IPv6 + ICMPv6, or is cut short.
    NdpFrame = 712,
    /// A builder was given a multicast source address (no IPv6 packet comes from one).
    NdpMulticastSource = 713,
    /// Another NDP error (a newer core reported one this code list does not name yet).
    NdpOther = 799,

    /// The plan does not read (the detailed message gives the line and column).
    ParsePlan = 800,
    /// The prefix length asked for is shorter than the plan entry's own: such a block cannot be inside it.
    PlanShorterThanNode = 801,
    /// No free block of the length asked for is left in the plan entry.
    PlanSpaceFull = 802,
    /// The plan's contents need more space than the new delegation has (the detailed message says how much).
    PlanDoesNotFit = 803,
    /// Another plan error (a newer core reported one this code list does not name yet).
    PlanOther = 899,

    /// The address takes no zone: only link-local unicast and interface- or link-local multicast do.
    ZoneNotAllowed = 900,
    /// A zone name could not be turned into an interface index.
    ZoneNotResolved = 901,
    /// Another registry or zone error (a newer core reported one this code list does not name yet).
    RegistryOther = 999,

    /// An IEEE registry CSV file does not parse (the detailed message gives the line and the part).
    ParseOui = 1000,
    /// An IEEE registry file could not be read (the detailed message names it and gives the reason).
    OuiIo = 1001,
    /// Another OUI registry error (a newer core reported one this code list does not name yet).
    OuiOther = 1099,
}

impl ipv6kit_result {
    /// Every code, for tests and for the message table.
    pub(crate) fn all() -> &'static [ipv6kit_result] {
        &[
            ipv6kit_result::Ok,
            ipv6kit_result::NullPointer,
            ipv6kit_result::BufferTooShort,
            ipv6kit_result::InvalidArgument,
            ipv6kit_result::InvalidEnum,
            ipv6kit_result::NotFound,
            ipv6kit_result::Panic,
            ipv6kit_result::IterationDone,
            ipv6kit_result::PrefixHostBits,
            ipv6kit_result::ParseAddress,
            ipv6kit_result::ParsePrefix,
            ipv6kit_result::ParseMac,
            ipv6kit_result::ParseEui64,
            ipv6kit_result::ParseIpv4,
            ipv6kit_result::ParseColour,
            ipv6kit_result::ParseReverseName,
            ipv6kit_result::ParseScopedAddress,
            ipv6kit_result::NotMulticast,
            ipv6kit_result::IsMulticast,
            ipv6kit_result::MulticastOther,
            ipv6kit_result::PrefixNotSlash64,
            ipv6kit_result::IidText,
            ipv6kit_result::PrefixTooLong,
            ipv6kit_result::EmbedPrefixLength,
            ipv6kit_result::UOctet,
            ipv6kit_result::IidOther,
            ipv6kit_result::NotNibbleAligned,
            ipv6kit_result::DnsOther,
            ipv6kit_result::RelayPrefixHostBits,
            ipv6kit_result::Ipv4MaskLenTooLong,
            ipv6kit_result::PrefixLenTooLong,
            ipv6kit_result::DelegatedPrefixTooLong,
            ipv6kit_result::CeOutsideRelayPrefix,
            ipv6kit_result::RelayOutsideRelayPrefix,
            ipv6kit_result::NotInDomain,
            ipv6kit_result::NotSixToFour,
            ipv6kit_result::OptionMalformed,
            ipv6kit_result::OptionWrongCode,
            ipv6kit_result::NoBorderRelay,
            ipv6kit_result::TooManyRelays,
            ipv6kit_result::ParseOptionText,
            ipv6kit_result::SixrdOther,
            ipv6kit_result::SecretTooShort,
            ipv6kit_result::InterfaceNameTooLong,
            ipv6kit_result::NulInString,
            ipv6kit_result::HardwareAddressTooLong,
            ipv6kit_result::RetriesExhausted,
            ipv6kit_result::FieldTooLong,
            ipv6kit_result::NullKey,
            ipv6kit_result::PrefixLengthUnsupported,
            ipv6kit_result::RandomFailed,
            ipv6kit_result::DesyncFactorTooLarge,
            ipv6kit_result::PreferredLifetimeTooShort,
            ipv6kit_result::StableOther,
            ipv6kit_result::NdpTruncated,
            ipv6kit_result::NdpNotNdp,
            ipv6kit_result::NdpNonZeroCode,
            ipv6kit_result::NdpZeroLengthOption,
            ipv6kit_result::NdpOptionPastEnd,
            ipv6kit_result::NdpTrailingByte,
            ipv6kit_result::NdpTooManyOptions,
            ipv6kit_result::NdpOptionTooLong,
            ipv6kit_result::NdpRdnssServerCount,
            ipv6kit_result::NdpBadDomainName,
            ipv6kit_result::NdpFieldOutOfRange,
            ipv6kit_result::NdpMessageTooLong,
            ipv6kit_result::NdpFrame,
            ipv6kit_result::NdpMulticastSource,
            ipv6kit_result::NdpOther,
            ipv6kit_result::ParsePlan,
            ipv6kit_result::PlanShorterThanNode,
            ipv6kit_result::PlanSpaceFull,
            ipv6kit_result::PlanDoesNotFit,
            ipv6kit_result::PlanOther,
            ipv6kit_result::ZoneNotAllowed,
            ipv6kit_result::ZoneNotResolved,
            ipv6kit_result::RegistryOther,
            ipv6kit_result::ParseOui,
            ipv6kit_result::OuiIo,
            ipv6kit_result::OuiOther,
        ]
    }

    /// The fixed message of this code, NUL-terminated.
    pub const fn message(self) -> &'static str {
        match self {
            ipv6kit_result::Ok => "success\0",
            ipv6kit_result::NullPointer => "a required pointer argument was NULL\0",
            ipv6kit_result::BufferTooShort => "the output buffer is too short\0",
            ipv6kit_result::InvalidArgument => "an argument is out of range\0",
            ipv6kit_result::InvalidEnum => "an enumeration argument has an undefined value\0",
            ipv6kit_result::NotFound => "the input has no such value\0",
            ipv6kit_result::Panic => "internal error in ipv6kit (a bug: please report it)\0",
            ipv6kit_result::IterationDone => "the iterator has no more items\0",
            ipv6kit_result::PrefixHostBits => "the prefix has bits set beyond its length\0",
            ipv6kit_result::ParseAddress => "not an IPv6 address\0",
            ipv6kit_result::ParsePrefix => "not an IPv6 prefix (address/length)\0",
            ipv6kit_result::ParseMac => "not a MAC address\0",
            ipv6kit_result::ParseEui64 => "not an EUI-64\0",
            ipv6kit_result::ParseIpv4 => "not an IPv4 address\0",
            ipv6kit_result::ParseColour => "not a colour (#rrggbb)\0",
            ipv6kit_result::ParseReverseName => "not an ip6.arpa name\0",
            ipv6kit_result::ParseScopedAddress => "not an address with a zone (fe80::1%eth0)\0",
            ipv6kit_result::NotMulticast => "not a multicast address\0",
            ipv6kit_result::IsMulticast => "a multicast address where unicast or anycast is needed\0",
            ipv6kit_result::MulticastOther => "multicast error\0",
            ipv6kit_result::PrefixNotSlash64 => "the prefix is not a /64\0",
            ipv6kit_result::IidText => "the text cannot be an interface identifier (8 printable ASCII bytes at most)\0",
            ipv6kit_result::PrefixTooLong => "the prefix is longer than /64\0",
            ipv6kit_result::EmbedPrefixLength => "RFC 6052 allows only prefix lengths 32, 40, 48, 56, 64 and 96\0",
            ipv6kit_result::UOctet => "the u octet (bits 64-71) is not zero\0",
            ipv6kit_result::IidOther => "interface identifier error\0",
            ipv6kit_result::NotNibbleAligned => "the prefix length is not a multiple of 4 (no reverse zone)\0",
            ipv6kit_result::DnsOther => "reverse DNS error\0",
            ipv6kit_result::RelayPrefixHostBits => "the relay prefix has bits set after its length\0",
            ipv6kit_result::Ipv4MaskLenTooLong => "IPv4MaskLen is over 32\0",
            ipv6kit_result::PrefixLenTooLong => "6rdPrefixLen is over 128\0",
            ipv6kit_result::DelegatedPrefixTooLong => "the delegated prefix would be longer than /64\0",
            ipv6kit_result::CeOutsideRelayPrefix => "the CE's IPv4 address is outside the relay prefix\0",
            ipv6kit_result::RelayOutsideRelayPrefix => "the border relay is outside the relay prefix\0",
            ipv6kit_result::NotInDomain => "the address is not in the 6rd domain\0",
            ipv6kit_result::NotSixToFour => "not a 6to4 address (2002::/16)\0",
            ipv6kit_result::OptionMalformed => "malformed option 212\0",
            ipv6kit_result::OptionWrongCode => "the option code is not 212 (OPTION_6RD)\0",
            ipv6kit_result::NoBorderRelay => "option 212 carries no border relay\0",
            ipv6kit_result::TooManyRelays => "more border relays than one option 212 carries\0",
            ipv6kit_result::ParseOptionText => "not an option 212 text\0",
            ipv6kit_result::SixrdOther => "6rd error\0",
            ipv6kit_result::SecretTooShort => "the secret key is too short\0",
            ipv6kit_result::InterfaceNameTooLong => "the interface name is longer than 15 bytes\0",
            ipv6kit_result::NulInString => "a string contains a NUL byte\0",
            ipv6kit_result::HardwareAddressTooLong => "the hardware address is too long\0",
            ipv6kit_result::RetriesExhausted => "no usable identifier within the retry limit\0",
            ipv6kit_result::FieldTooLong => "an input is too long\0",
            ipv6kit_result::NullKey => "the secret key is all zeros\0",
            ipv6kit_result::PrefixLengthUnsupported => "systemd-networkd generates addresses for /1 to /64 only\0",
            ipv6kit_result::RandomFailed => "the random generator failed\0",
            ipv6kit_result::DesyncFactorTooLarge => {
                "the desync factor is not below TEMP_PREFERRED_LIFETIME - REGEN_ADVANCE\0"
            }
            ipv6kit_result::PreferredLifetimeTooShort => "TEMP_PREFERRED_LIFETIME is not above REGEN_ADVANCE\0",
            ipv6kit_result::StableOther => "stable identifier error\0",
            ipv6kit_result::NdpTruncated => "ND message too short\0",
            ipv6kit_result::NdpNotNdp => "not a Neighbor Discovery message\0",
            ipv6kit_result::NdpNonZeroCode => "ICMPv6 code is not 0\0",
            ipv6kit_result::NdpZeroLengthOption => "an option has length 0\0",
            ipv6kit_result::NdpOptionPastEnd => "an option runs past the end of the message\0",
            ipv6kit_result::NdpTrailingByte => "a stray byte after the last option\0",
            ipv6kit_result::NdpTooManyOptions => "too many options\0",
            ipv6kit_result::NdpOptionTooLong => "an option would be longer than 2040 bytes\0",
            ipv6kit_result::NdpRdnssServerCount => "an RDNSS option holds 1 to 127 servers\0",
            ipv6kit_result::NdpBadDomainName => "a domain name cannot be encoded for DNSSL\0",
            ipv6kit_result::NdpFieldOutOfRange => "a field value is out of range\0",
            ipv6kit_result::NdpMessageTooLong => "the message exceeds the IPv6 payload limit\0",
            ipv6kit_result::NdpFrame => "not an IPv6/ICMPv6 frame, or cut short\0",
            ipv6kit_result::NdpMulticastSource => "the source address is multicast\0",
            ipv6kit_result::NdpOther => "NDP error\0",
            ipv6kit_result::ParsePlan => "the plan does not parse\0",
            ipv6kit_result::PlanShorterThanNode => "the prefix length is shorter than the plan entry's\0",
            ipv6kit_result::PlanSpaceFull => "no free block of that length is left\0",
            ipv6kit_result::PlanDoesNotFit => "the plan does not fit into the new delegation\0",
            ipv6kit_result::PlanOther => "plan error\0",
            ipv6kit_result::ZoneNotAllowed => "the address takes no zone\0",
            ipv6kit_result::ZoneNotResolved => "the zone could not be resolved\0",
            ipv6kit_result::RegistryOther => "registry or zone error\0",
            ipv6kit_result::ParseOui => "the IEEE registry file does not parse\0",
            ipv6kit_result::OuiIo => "the IEEE registry file could not be read\0",
            ipv6kit_result::OuiOther => "OUI registry error\0",
        }
    }
}

/// A failure inside the C API: the code returned, and the detailed message remembered for
/// `ipv6kit_last_error_message()`.
#[derive(Debug)]
pub(crate) struct Fail {
    pub(crate) code: ipv6kit_result,
    pub(crate) detail: Option<String>,
}

impl Fail {
    /// A failure whose detail is the code's own message.
    pub(crate) const fn code(code: ipv6kit_result) -> Fail {
        Fail { code, detail: None }
    }

    /// A failure with a detailed message (usually a core error's `Display`).
    pub(crate) fn with(code: ipv6kit_result, detail: impl ToString) -> Fail {
        Fail {
            code,
            detail: Some(detail.to_string()),
        }
    }
}

impl From<ipv6kit_result> for Fail {
    fn from(code: ipv6kit_result) -> Fail {
        Fail::code(code)
    }
}

thread_local! {
    static LAST_ERROR: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Remembers the message of a failure for `ipv6kit_last_error_message()`.
pub(crate) fn remember(fail: &Fail) {
    let text = match &fail.detail {
        Some(d) => d.as_str(),
        None => fail.code.message().trim_end_matches('\0'),
    };
    // try_with: during thread teardown the slot may be gone; then there is nothing to remember.
    let _ = LAST_ERROR.try_with(|slot| {
        if let Ok(mut s) = slot.try_borrow_mut() {
            s.clear();
            s.push_str(text);
        }
    });
}

/// A copy of the last remembered message on this thread.
pub(crate) fn last_message() -> String {
    LAST_ERROR
        .try_with(|slot| slot.try_borrow().map(|s| s.clone()).unwrap_or_default())
        .unwrap_or_default()
}

/// The fixed English message of a result code, as a NUL-terminated string with static lifetime
/// (never NULL, never to be freed). Values that are not codes give "unknown result code".
#[no_mangle]
pub extern "C" fn ipv6kit_result_message(result: u32) -> *const c_char {
    let msg = ipv6kit_result::all()
        .iter()
        .find(|r| **r as u32 == result)
        .map_or("unknown result code\0", |r| r.message());
    msg.as_ptr().cast()
}

// The mapping of the core's errors, one `From` per module error. The core's error enums are
// `#[non_exhaustive]`: a variant added later maps to the module's `*Other` code until it is named.

impl From<ipv6kit_core::mac::MacParseError> for Fail {
    fn from(e: ipv6kit_core::mac::MacParseError) -> Fail {
        Fail::with(ipv6kit_result::ParseMac, e)
    }
}

impl From<ipv6kit_core::multicast::MulticastError> for Fail {
    fn from(e: ipv6kit_core::multicast::MulticastError) -> Fail {
        use ipv6kit_core::multicast::MulticastError as E;
        let code = match e {
            E::NotMulticast(_) => ipv6kit_result::NotMulticast,
            E::IsMulticast(_) => ipv6kit_result::IsMulticast,
            _ => ipv6kit_result::MulticastOther,
        };
        Fail::with(code, e)
    }
}

impl From<ipv6kit_core::iid::IidError> for Fail {
    fn from(e: ipv6kit_core::iid::IidError) -> Fail {
        use ipv6kit_core::iid::IidError as E;
        let code = match e {
            E::PrefixNotSlash64 { .. } => ipv6kit_result::PrefixNotSlash64,
            _ => ipv6kit_result::IidOther,
        };
        Fail::with(code, e)
    }
}

impl From<ipv6kit_core::iid::PlayfulError> for Fail {
    fn from(e: ipv6kit_core::iid::PlayfulError) -> Fail {
        use ipv6kit_core::iid::PlayfulError as E;
        let code = match e {
            E::TextTooLong { .. } | E::NotPrintableAscii { .. } => ipv6kit_result::IidText,
            E::ColourLength { .. } | E::ColourDigit { .. } => ipv6kit_result::ParseColour,
            E::PrefixTooLong { .. } => ipv6kit_result::PrefixTooLong,
            _ => ipv6kit_result::IidOther,
        };
        Fail::with(code, e)
    }
}

impl From<ipv6kit_core::iid::embedded::EmbedError> for Fail {
    fn from(e: ipv6kit_core::iid::embedded::EmbedError) -> Fail {
        use ipv6kit_core::iid::embedded::EmbedError as E;
        let code = match e {
            E::PrefixLength(_) => ipv6kit_result::EmbedPrefixLength,
            E::HostBits(_) => ipv6kit_result::PrefixHostBits,
            E::UOctet(_) => ipv6kit_result::UOctet,
            _ => ipv6kit_result::IidOther,
        };
        Fail::with(code, e)
    }
}

impl From<ipv6kit_core::dns::DnsError> for Fail {
    fn from(e: ipv6kit_core::dns::DnsError) -> Fail {
        use ipv6kit_core::dns::DnsError as E;
        let code = match e {
            E::NotNibbleAligned(_) => ipv6kit_result::NotNibbleAligned,
            E::HostBits(_) => ipv6kit_result::PrefixHostBits,
            E::NotIp6Arpa | E::BadLabel { .. } | E::TooManyLabels(_) => ipv6kit_result::ParseReverseName,
            _ => ipv6kit_result::DnsOther,
        };
        Fail::with(code, e)
    }
}

impl From<ipv6kit_core::sixrd::SixrdError> for Fail {
    fn from(e: ipv6kit_core::sixrd::SixrdError) -> Fail {
        use ipv6kit_core::sixrd::SixrdError as E;
        let code = match e {
            E::PrefixHostBits(_) => ipv6kit_result::PrefixHostBits,
            E::RelayPrefixHostBits(_) => ipv6kit_result::RelayPrefixHostBits,
            E::Ipv4MaskLenTooLong(_) => ipv6kit_result::Ipv4MaskLenTooLong,
            E::PrefixLenTooLong(_) => ipv6kit_result::PrefixLenTooLong,
            E::DelegatedPrefixTooLong { .. } => ipv6kit_result::DelegatedPrefixTooLong,
            E::CeOutsideRelayPrefix { .. } => ipv6kit_result::CeOutsideRelayPrefix,
            E::RelayOutsideRelayPrefix { .. } => ipv6kit_result::RelayOutsideRelayPrefix,
            E::NotInDomain { .. } => ipv6kit_result::NotInDomain,
            E::NotSixToFour(_) => ipv6kit_result::NotSixToFour,
            E::Truncated { .. } | E::LengthMismatch { .. } | E::TrailingBytes(_) => ipv6kit_result::OptionMalformed,
            E::WrongCode(_) => ipv6kit_result::OptionWrongCode,
            E::NoBorderRelay => ipv6kit_result::NoBorderRelay,
            E::TooManyRelays => ipv6kit_result::TooManyRelays,
            E::MissingField(_) | E::BadNumber { .. } | E::BadAddress { .. } => ipv6kit_result::ParseOptionText,
            E::BufferTooSmall { .. } => ipv6kit_result::BufferTooShort,
            _ => ipv6kit_result::SixrdOther,
        };
        Fail::with(code, e)
    }
}

impl From<ipv6kit_core::ndp::NdpError> for Fail {
    fn from(e: ipv6kit_core::ndp::NdpError) -> Fail {
        use ipv6kit_core::ndp::NdpError as E;
        let code = match e {
            E::Truncated { .. } => ipv6kit_result::NdpTruncated,
            E::NotNdp { .. } => ipv6kit_result::NdpNotNdp,
            E::NonZeroCode { .. } => ipv6kit_result::NdpNonZeroCode,
            E::ZeroLengthOption { .. } => ipv6kit_result::NdpZeroLengthOption,
            E::OptionPastEnd { .. } => ipv6kit_result::NdpOptionPastEnd,
            E::TrailingByte { .. } => ipv6kit_result::NdpTrailingByte,
            E::TooManyOptions { .. } => ipv6kit_result::NdpTooManyOptions,
            E::BufferTooSmall { .. } => ipv6kit_result::BufferTooShort,
            E::OptionTooLong { .. } => ipv6kit_result::NdpOptionTooLong,
            E::RdnssServerCount { .. } => ipv6kit_result::NdpRdnssServerCount,
            E::BadDomainName { .. } | E::EmptySearchList => ipv6kit_result::NdpBadDomainName,
            E::FieldOutOfRange { .. } => ipv6kit_result::NdpFieldOutOfRange,
            E::MessageTooLong { .. } => ipv6kit_result::NdpMessageTooLong,
            E::Frame { .. } => ipv6kit_result::NdpFrame,
            E::MulticastSource { .. } => ipv6kit_result::NdpMulticastSource,
            E::Pref64PrefixLength { .. } => ipv6kit_result::InvalidArgument,
            _ => ipv6kit_result::NdpOther,
        };
        Fail::with(code, e)
    }
}

impl From<ipv6kit_core::iid::stable::StableError> for Fail {
    fn from(e: ipv6kit_core::iid::stable::StableError) -> Fail {
        use ipv6kit_core::iid::stable::StableError as E;
        let code = match e {
            E::PrefixNotSlash64 { .. } => ipv6kit_result::PrefixNotSlash64,
            E::PrefixLengthUnsupported { .. } => ipv6kit_result::PrefixLengthUnsupported,
            E::SecretTooShort { .. } => ipv6kit_result::SecretTooShort,
            E::InterfaceNameTooLong { .. } => ipv6kit_result::InterfaceNameTooLong,
            E::NulInString { .. } => ipv6kit_result::NulInString,
            E::HardwareAddressTooLong { .. } => ipv6kit_result::HardwareAddressTooLong,
            E::RetriesExhausted { .. } => ipv6kit_result::RetriesExhausted,
            E::FieldTooLong { .. } => ipv6kit_result::FieldTooLong,
            E::NullKey => ipv6kit_result::NullKey,
            _ => ipv6kit_result::StableOther,
        };
        Fail::with(code, e)
    }
}

impl From<ipv6kit_core::iid::temporary::TemporaryError> for Fail {
    fn from(e: ipv6kit_core::iid::temporary::TemporaryError) -> Fail {
        use ipv6kit_core::iid::temporary::TemporaryError as E;
        let code = match e {
            E::RandomSourceStuck { .. } | E::OsRandom => ipv6kit_result::RandomFailed,
            E::DesyncFactorTooLarge { .. } => ipv6kit_result::DesyncFactorTooLarge,
            E::PreferredLifetimeTooShort { .. } => ipv6kit_result::PreferredLifetimeTooShort,
            _ => ipv6kit_result::StableOther,
        };
        Fail::with(code, e)
    }
}

impl From<ipv6kit_core::scoped::ZoneError> for Fail {
    fn from(e: ipv6kit_core::scoped::ZoneError) -> Fail {
        use ipv6kit_core::scoped::ZoneError as E;
        let code = match e {
            E::NotScoped { .. } => ipv6kit_result::ZoneNotAllowed,
            E::NameNotResolved { .. } | E::InterfaceNotFound { .. } | E::Io { .. } => ipv6kit_result::ZoneNotResolved,
            E::MissingZone
            | E::EmptyZone { .. }
            | E::NameTooLong { .. }
            | E::MalformedZone { .. }
            | E::ReservedName(_)
            | E::NumericName
            | E::IndexZero { .. }
            | E::IndexTooLarge { .. }
            | E::InvalidAddress { .. }
            | E::MissingBracket { .. }
            | E::BareZonePercent { .. }
            | E::BadPercentEncoding { .. }
            | E::BadPort { .. } => ipv6kit_result::ParseScopedAddress,
            _ => ipv6kit_result::RegistryOther,
        };
        Fail::with(code, e)
    }
}

impl From<ipv6kit_core::plan::ParseError> for Fail {
    fn from(e: ipv6kit_core::plan::ParseError) -> Fail {
        Fail::with(ipv6kit_result::ParsePlan, e)
    }
}

impl From<ipv6kit_core::plan::space::SpaceError> for Fail {
    fn from(e: ipv6kit_core::plan::space::SpaceError) -> Fail {
        use ipv6kit_core::plan::space::SpaceError as E;
        let code = match e {
            E::NoSuchEntry(_) | E::BadLength(_) => ipv6kit_result::InvalidArgument,
            E::LongerThanNode { .. } => ipv6kit_result::PlanShorterThanNode,
            E::Full { .. } => ipv6kit_result::PlanSpaceFull,
            E::DoesNotFit { .. } => ipv6kit_result::PlanDoesNotFit,
        };
        Fail::with(code, e)
    }
}

#[cfg(feature = "oui")]
impl From<ipv6kit_core::oui::OuiError> for Fail {
    fn from(e: ipv6kit_core::oui::OuiError) -> Fail {
        use ipv6kit_core::oui::OuiError as E;
        let code = match e {
            E::Io { .. } => ipv6kit_result::OuiIo,
            E::Empty
            | E::Header { .. }
            | E::UnterminatedQuote { .. }
            | E::FieldCount { .. }
            | E::UnknownRegistry { .. }
            | E::AssignmentDigit { .. }
            | E::AssignmentLength { .. } => ipv6kit_result::ParseOui,
            _ => ipv6kit_result::OuiOther,
        };
        Fail::with(code, e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_messages_nul_terminated() {
        for (i, a) in ipv6kit_result::all().iter().enumerate() {
            assert!(a.message().ends_with('\0') && !a.message()[..a.message().len() - 1].contains('\0'));
            for b in &ipv6kit_result::all()[i + 1..] {
                assert_ne!(*a as u32, *b as u32);
            }
        }
    }

    #[test]
    fn every_code_in_the_header_has_its_message() {
        // The header is generated from the enum; all() is written by hand: they must agree.
        let header = include_str!("../include/ipv6kit.h");
        let mut n = 0;
        for line in header.lines() {
            let line = line.trim();
            if let Some(rest) = line.strip_prefix("IPV6KIT_RESULT_") {
                let value: u32 = rest
                    .split('=')
                    .nth(1)
                    .unwrap()
                    .trim()
                    .trim_end_matches(',')
                    .parse()
                    .unwrap();
                assert!(
                    ipv6kit_result::all().iter().any(|r| *r as u32 == value),
                    "{line} missing from all()"
                );
                n += 1;
            }
        }
        assert_eq!(n, ipv6kit_result::all().len());
    }

    #[test]
    fn published_values_never_change() {
        // The ABI: these numbers are in firmware binaries already built against the header.
        assert_eq!(ipv6kit_result::Ok as u32, 0);
        assert_eq!(ipv6kit_result::NullPointer as u32, 1);
        assert_eq!(ipv6kit_result::BufferTooShort as u32, 2);
        assert_eq!(ipv6kit_result::Panic as u32, 6);
        assert_eq!(ipv6kit_result::NdpMulticastSource as u32, 713);
        assert_eq!(ipv6kit_result::ParseMac as u32, 102);
        assert_eq!(ipv6kit_result::NotMulticast as u32, 200);
        assert_eq!(ipv6kit_result::PrefixNotSlash64 as u32, 300);
        assert_eq!(ipv6kit_result::DesyncFactorTooLarge as u32, 609);
        assert_eq!(ipv6kit_result::PreferredLifetimeTooShort as u32, 610);
        assert_eq!(ipv6kit_result::PlanShorterThanNode as u32, 801);
        assert_eq!(ipv6kit_result::PlanSpaceFull as u32, 802);
        assert_eq!(ipv6kit_result::PlanDoesNotFit as u32, 803);
        assert_eq!(ipv6kit_result::ParseOui as u32, 1000);
        assert_eq!(ipv6kit_result::OuiIo as u32, 1001);
    }
}
