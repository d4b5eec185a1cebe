//! The IANA IPv6 Special-Purpose Address Registry, as a table.
//!
//! (Being filled in: see issue 10.)

use ipnet::Ipv6Net;

/// One entry of the IANA IPv6 Special-Purpose Address Registry.
///
/// The four boolean columns are `None` where the registry says "N/A" (for example for
/// 2001::/23 as a whole).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct Entry {
    /// The address block.
    pub prefix: Ipv6Net,
    /// The registry's name for it.
    pub name: &'static str,
    /// The defining RFC(s), as the registry writes them ("RFC 4291").
    pub rfc: &'static str,
    /// Allocation date as the registry writes it ("2006-02").
    pub allocated: &'static str,
    /// Termination date, if the allocation has one.
    pub terminated: Option<&'static str>,
    /// May appear as a source address.
    pub source: Option<bool>,
    /// May appear as a destination address.
    pub destination: Option<bool>,
    /// May be forwarded by routers.
    pub forwardable: Option<bool>,
    /// Globally reachable.
    pub globally_reachable: Option<bool>,
    /// Reserved by protocol.
    pub reserved_by_protocol: Option<bool>,
}

/// The registry's entries in ascending prefix order (filled in by issue 10).
pub const ENTRIES: &[Entry] = &[];
