//! The plan itself: entries (named prefixes with a role, description, tags and the place they
//! were written) and the tree that containment makes of them.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;
use core::str::FromStr;

use ipnet::Ipv6Net;

use crate::bits::{prefix_mask, to_u128};

/// Where something was written: 1-based line and column (columns count characters).
///
/// Entries built in code rather than parsed have `Location::default()` (line 0, column 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Location {
    /// Line, from 1.
    pub line: u32,
    /// Column in characters, from 1.
    pub column: u32,
}

impl Location {
    /// The location at `line`, `column`.
    pub const fn new(line: u32, column: u32) -> Location {
        Location { line, column }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.column)
    }
}

/// What a prefix is for. The checks of sizes depend on it (a LAN is a /64, a loopback a /128).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum Role {
    /// Space the plan's owner was given (by an RIR, an ISP, or chose as a ULA). Every other
    /// prefix must lie inside a delegation or contain one.
    Delegation,
    /// A site: a customer, a building, a house (RFC 6177, RIPE-690: a /48 or a /56).
    Site,
    /// A LAN: one subnet where hosts configure themselves (a /64: RFC 4291 §2.5.1, SLAAC).
    Lan,
    /// A point-to-point link between routers (a /127, RFC 6164, or a /64).
    Link,
    /// A loopback address of a router (a /128).
    Loopback,
    /// A pool handed out dynamically (DHCPv6-PD, VPN clients).
    Pool,
    /// Space set aside on purpose.
    Reserved,
    /// One static address of a host (a /128).
    Host,
}

impl Role {
    /// Every role, in declaration order.
    pub const ALL: [Role; 8] = [
        Role::Delegation,
        Role::Site,
        Role::Lan,
        Role::Link,
        Role::Loopback,
        Role::Pool,
        Role::Reserved,
        Role::Host,
    ];

    /// The role's name as plans write it (`lan`).
    pub const fn as_str(self) -> &'static str {
        match self {
            Role::Delegation => "delegation",
            Role::Site => "site",
            Role::Lan => "lan",
            Role::Link => "link",
            Role::Loopback => "loopback",
            Role::Pool => "pool",
            Role::Reserved => "reserved",
            Role::Host => "host",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The text was not one of the role names (nor an alias).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("unknown role (known: delegation, site, lan, link, loopback, pool, reserved, host)")]
pub struct UnknownRole;

impl FromStr for Role {
    type Err = UnknownRole;

    /// Case-insensitive; aliases: `p2p`, `ptp`, `point-to-point` (link), `subnet` (lan),
    /// `static`, `address` (host), `pd` (pool).
    fn from_str(s: &str) -> Result<Role, UnknownRole> {
        let s = s.trim();
        for r in Role::ALL {
            if s.eq_ignore_ascii_case(r.as_str()) {
                return Ok(r);
            }
        }
        const ALIASES: [(&str, Role); 7] = [
            ("p2p", Role::Link),
            ("ptp", Role::Link),
            ("point-to-point", Role::Link),
            ("subnet", Role::Lan),
            ("static", Role::Host),
            ("address", Role::Host),
            ("pd", Role::Pool),
        ];
        ALIASES
            .iter()
            .find(|(a, _)| s.eq_ignore_ascii_case(a))
            .map(|(_, r)| *r)
            .ok_or(UnknownRole)
    }
}

/// One line of a plan: a prefix as written (host bits kept), and what it is for.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Entry {
    /// The prefix exactly as written: host bits are kept so that the checks can report them.
    pub prefix: Ipv6Net,
    /// A short name (the TOML key, or `name=`), if any.
    pub name: Option<String>,
    /// What the prefix is for, if said.
    pub role: Option<Role>,
    /// Free text.
    pub description: String,
    /// Labels.
    pub tags: Vec<String>,
    /// Where the prefix was written.
    pub location: Location,
    /// The prefix of the entry this one was written inside (TOML and JSON nesting), which
    /// must contain it.
    pub declared_parent: Option<Ipv6Net>,
}

impl Entry {
    /// An entry with only a prefix.
    pub fn new(prefix: Ipv6Net) -> Entry {
        Entry {
            prefix,
            name: None,
            role: None,
            description: String::new(),
            tags: Vec::new(),
            location: Location::default(),
            declared_parent: None,
        }
    }

    /// The same entry with a role.
    pub fn with_role(mut self, role: Role) -> Entry {
        self.role = Some(role);
        self
    }

    /// The same entry with a description.
    pub fn with_description(mut self, description: &str) -> Entry {
        self.description = String::from(description);
        self
    }

    /// The same entry with a location.
    pub fn at(mut self, location: Location) -> Entry {
        self.location = location;
        self
    }

    /// The network: the prefix with its host bits cleared (the tree is built from these).
    pub fn network(&self) -> Ipv6Net {
        self.prefix.trunc()
    }

    /// True when the prefix as written has bits set beyond its length.
    pub fn has_host_bits(&self) -> bool {
        self.prefix.addr() != self.prefix.network()
    }
}

/// The first and last address of a prefix, as integers.
pub(crate) fn range(p: Ipv6Net) -> (u128, u128) {
    let m = prefix_mask(p.prefix_len());
    let first = to_u128(p.addr()) & m;
    (first, first | !m)
}

/// True when `outer` contains `inner` (equal counts).
pub(crate) fn contains(outer: Ipv6Net, inner: Ipv6Net) -> bool {
    outer.prefix_len() <= inner.prefix_len()
        && (to_u128(inner.addr()) ^ to_u128(outer.addr())) & prefix_mask(outer.prefix_len()) == 0
}

const NONE: u32 = u32::MAX;

fn is_delegation(e: &Entry) -> bool {
    e.role == Some(Role::Delegation)
}

/// A plan: its entries with the tree that containment makes of them.
///
/// Entries are addressed by their **tree index**: the position in tree order (by network,
/// then length; a parent before its children), and entry `i`'s descendants are `i + 1 ..
/// subtree_end(i)`. The entries themselves stay where they were written ([`Plan::written`]);
/// the tree is a sort of small keys plus one stack walk over compact arrays (O(n log n) time,
/// O(n) memory, no allocation per node). A prefix written twice makes two siblings (and a
/// finding), never a parent and child — except a [`Role::Delegation`] entry and an entry
/// describing the same prefix, which nests inside it.
///
/// ```
/// use ipv6kit::plan::{Entry, Plan};
///
/// let plan = Plan::new(
///     ["2001:db8:ebbd:990a::/64", "2001:db8:ebbd::/48", "2001:db8:ebbd:9908::/62", "2001:db8:ebbd:9900::/56"]
///         .iter()
///         .map(|p| Entry::new(p.parse().unwrap()))
///         .collect(),
/// )
/// .unwrap();
/// assert_eq!(plan.entry(0).prefix.to_string(), "2001:db8:ebbd::/48");
/// assert_eq!(plan.depth(3), 3); // the /64 inside the /62 inside the /56 inside the /48
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// As written.
    entries: Vec<Entry>,
    /// Tree index → written index.
    order: Vec<u32>,
    /// Written index → tree index.
    position: Vec<u32>,
    /// Tree order: first address of the network, length, delegation or not.
    nets: Vec<u128>,
    lens: Vec<u8>,
    delegation: Vec<bool>,
    parent: Vec<u32>,
    end: Vec<u32>,
}

/// The plan has more entries than the tree indexes (u32::MAX − 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("a plan holds at most 4294967294 prefixes")]
pub struct TooManyEntries;

impl Plan {
    /// Builds the tree of `entries`.
    pub fn new(entries: Vec<Entry>) -> Result<Plan, TooManyEntries> {
        let n = entries.len();
        if n >= NONE as usize {
            return Err(TooManyEntries);
        }
        // Equal networks keep the order they were written in (the index breaks ties),
        // delegations first.
        let mut keys: Vec<(u128, u8, bool, u32)> = entries
            .iter()
            .enumerate()
            .map(|(i, e)| {
                (
                    to_u128(e.network().addr()),
                    e.prefix.prefix_len(),
                    !is_delegation(e),
                    i as u32,
                )
            })
            .collect();
        keys.sort_unstable();
        let mut order = Vec::with_capacity(n);
        let mut position = alloc::vec![0u32; n];
        let mut nets = Vec::with_capacity(n);
        let mut lens = Vec::with_capacity(n);
        let mut delegation = Vec::with_capacity(n);
        for (t, &(net, len, not_delegation, w)) in keys.iter().enumerate() {
            order.push(w);
            if let Some(p) = position.get_mut(w as usize) {
                *p = t as u32;
            }
            nets.push(net);
            lens.push(len);
            delegation.push(!not_delegation);
        }
        drop(keys);
        let mut parent = alloc::vec![NONE; n];
        let mut end = alloc::vec![0u32; n];
        // The stack holds the chain of ancestors: at most 129 prefixes nest strictly (plus one
        // delegation-described pair per length).
        let mut stack: Vec<u32> = Vec::with_capacity(260);
        for i in 0..n {
            while let Some(&top) = stack.last() {
                let t = top as usize;
                let inside = if lens[t] == lens[i] {
                    // The prefix a delegation declares, described as an entry, sits inside it.
                    delegation[t] && !delegation[i] && nets[t] == nets[i]
                } else {
                    lens[t] < lens[i] && (nets[i] & prefix_mask(lens[t])) == nets[t]
                };
                if inside {
                    break;
                }
                end[t] = i as u32;
                stack.pop();
            }
            if let Some(&top) = stack.last() {
                parent[i] = top;
            }
            stack.push(i as u32);
        }
        for top in stack {
            end[top as usize] = n as u32;
        }
        Ok(Plan {
            entries,
            order,
            position,
            nets,
            lens,
            delegation,
            parent,
            end,
        })
    }

    /// Entry `i` (a tree index).
    ///
    /// # Panics
    /// When `i >= self.len()`, like slice indexing; [`Plan::get`] does not.
    pub fn entry(&self, i: usize) -> &Entry {
        &self.entries[self.order[i] as usize]
    }

    /// Entry `i` (a tree index), if there is one.
    pub fn get(&self, i: usize) -> Option<&Entry> {
        self.entries.get(*self.order.get(i)? as usize)
    }

    /// The entries in tree order, with their tree indexes.
    pub fn iter(&self) -> impl Iterator<Item = (usize, &Entry)> + '_ {
        self.order
            .iter()
            .enumerate()
            .filter_map(|(i, &w)| self.entries.get(w as usize).map(|e| (i, e)))
    }

    /// The entries in the order they were written.
    pub fn written(&self) -> &[Entry] {
        &self.entries
    }

    /// The tree index of the entry written at `w` (an index into [`Plan::written`]).
    pub fn tree_index(&self, w: usize) -> Option<usize> {
        self.position.get(w).map(|&t| t as usize)
    }

    /// The written index of tree entry `i`.
    pub(crate) fn written_index(&self, i: usize) -> Option<usize> {
        self.order.get(i).map(|&w| w as usize)
    }

    /// The first and last address of tree entry `i`'s network (compact: no entry touched).
    pub(crate) fn range_of(&self, i: usize) -> (u128, u128) {
        let (Some(&net), Some(&len)) = (self.nets.get(i), self.lens.get(i)) else {
            return (1, 0);
        };
        (net, net | !prefix_mask(len))
    }

    /// Tree entry `i`'s prefix length (compact).
    pub(crate) fn len_of(&self, i: usize) -> u8 {
        self.lens.get(i).copied().unwrap_or(128)
    }

    /// True when tree entry `i` is a delegation (compact).
    pub(crate) fn is_delegation(&self, i: usize) -> bool {
        self.delegation.get(i).copied().unwrap_or(false)
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when the plan has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entry `i` is directly inside, if any.
    pub fn parent(&self, i: usize) -> Option<usize> {
        match self.parent.get(i) {
            Some(&p) if p != NONE => Some(p as usize),
            _ => None,
        }
    }

    /// One past the last descendant of `i` (descendants are `i + 1 .. subtree_end(i)`).
    pub fn subtree_end(&self, i: usize) -> usize {
        self.end.get(i).map_or(i, |&e| e as usize)
    }

    /// The entries directly inside `i`, in address order.
    pub fn children(&self, i: usize) -> Children<'_> {
        Children {
            plan: self,
            next: i + 1,
            end: self.subtree_end(i),
        }
    }

    /// The entries inside no other, in address order.
    pub fn roots(&self) -> Children<'_> {
        Children {
            plan: self,
            next: 0,
            end: self.entries.len(),
        }
    }

    /// How many ancestors `i` has.
    pub fn depth(&self, i: usize) -> usize {
        let mut d = 0;
        let mut at = i;
        while let Some(p) = self.parent(at) {
            d += 1;
            at = p;
        }
        d
    }

    /// The tree index of the first entry whose network is exactly `prefix` (host bits ignored).
    pub fn find(&self, prefix: Ipv6Net) -> Option<usize> {
        let key = (to_u128(prefix.network()), prefix.prefix_len());
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if (self.nets.get(mid).copied(), self.lens.get(mid).copied()) < (Some(key.0), Some(key.1)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        (self.nets.get(lo) == Some(&key.0) && self.lens.get(lo) == Some(&key.1)).then_some(lo)
    }

    /// The tree indexes of the entries whose role is [`Role::Delegation`].
    pub fn delegations(&self) -> impl Iterator<Item = usize> + '_ {
        self.delegation.iter().enumerate().filter(|(_, &d)| d).map(|(i, _)| i)
    }

    /// The entries as written, giving up the tree.
    pub fn into_entries(self) -> Vec<Entry> {
        self.entries
    }
}

impl core::ops::Index<usize> for Plan {
    type Output = Entry;

    /// Entry `i` by tree index (panics when out of range, like a slice; see [`Plan::get`]).
    fn index(&self, i: usize) -> &Entry {
        self.entry(i)
    }
}

/// The children of an entry (or the roots), in address order.
#[derive(Debug, Clone)]
pub struct Children<'a> {
    plan: &'a Plan,
    next: usize,
    end: usize,
}

impl Iterator for Children<'_> {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        if self.next >= self.end {
            return None;
        }
        let i = self.next;
        self.next = self.plan.subtree_end(i).max(i + 1);
        Some(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::string::ToString;

    fn plan(ps: &[&str]) -> Plan {
        Plan::new(ps.iter().map(|p| Entry::new(p.parse().unwrap())).collect()).unwrap()
    }

    #[test]
    fn house_list_nests() {
        // The list from issue 6, in the order written.
        let p = plan(&[
            "::/0",
            "2001:db8:ebbd::/48",
            "2001:db8:ebbd:9900::/56",
            "2001:db8:ebbd:9908::/62",
            "2001:db8:ebbd:990a::/64",
        ]);
        for i in 0..5 {
            assert_eq!(p.depth(i), i);
            assert_eq!(p.parent(i), i.checked_sub(1));
            assert_eq!(p.subtree_end(i), 5);
        }
        assert_eq!(p.roots().collect::<Vec<_>>(), [0]);
    }

    #[test]
    fn siblings_and_order() {
        let p = plan(&[
            "2001:db8:2::/48",
            "2001:db8::/32",
            "2001:db8:1::/48",
            "2001:db8:1:1::/64",
            "fd00::/8",
        ]);
        let names: Vec<_> = p.iter().map(|(_, e)| e).map(|e| e.prefix.to_string()).collect();
        assert_eq!(
            names,
            [
                "2001:db8::/32",
                "2001:db8:1::/48",
                "2001:db8:1:1::/64",
                "2001:db8:2::/48",
                "fd00::/8"
            ]
        );
        assert_eq!(p.children(0).collect::<Vec<_>>(), [1, 3]);
        assert_eq!(p.children(1).collect::<Vec<_>>(), [2]);
        assert_eq!(p.roots().collect::<Vec<_>>(), [0, 4]);
        assert_eq!(p.find("2001:db8:1::/48".parse().unwrap()), Some(1));
        assert_eq!(p.find("2001:db8:3::/48".parse().unwrap()), None);
    }

    #[test]
    fn duplicates_are_siblings_and_host_bits_do_not_move_the_tree() {
        let p = plan(&[
            "2001:db8::/32",
            "2001:db8:1::/48",
            "2001:db8:1::1/48",
            "2001:db8:1::/48",
        ]);
        assert_eq!(p.children(0).collect::<Vec<_>>(), [1, 2, 3]);
        assert!(p[1].has_host_bits() || p[2].has_host_bits() || p[3].has_host_bits());
    }

    #[test]
    fn an_entry_describing_a_delegation_nests_inside_it() {
        let d = Entry::new("fd3c:9a41:2b77::/48".parse().unwrap()).with_role(Role::Delegation);
        let site = Entry::new("fd3c:9a41:2b77::/48".parse().unwrap()).with_role(Role::Site);
        let lan = Entry::new("fd3c:9a41:2b77:10::/64".parse().unwrap());
        let p = Plan::new(alloc::vec![site, lan, d]).unwrap();
        assert_eq!(p[0].role, Some(Role::Delegation));
        assert_eq!((p.parent(1), p.parent(2)), (Some(0), Some(1)));
    }

    #[test]
    fn deepest_chain_and_empty() {
        let p = Plan::new(
            (0..=128u8)
                .rev()
                .map(|l| Entry::new(Ipv6Net::new(core::net::Ipv6Addr::UNSPECIFIED, l).unwrap()))
                .collect(),
        )
        .unwrap();
        assert_eq!(p.depth(128), 128);
        assert!(Plan::new(Vec::new()).unwrap().is_empty());
    }

    #[test]
    fn roles_parse() {
        assert_eq!("LAN".parse::<Role>(), Ok(Role::Lan));
        assert_eq!("p2p".parse::<Role>(), Ok(Role::Link));
        assert_eq!("wan".parse::<Role>(), Err(UnknownRole));
        for r in Role::ALL {
            assert_eq!(r.to_string().parse::<Role>(), Ok(r));
        }
    }

    proptest::proptest! {
        /// The stack walk agrees with the definition: an entry's parent is the longest prefix
        /// that strictly contains it (the last written of equal ones), found here by brute force.
        #[test]
        fn tree_matches_brute_force(raw in proptest::collection::vec((0u16..64, 0u8..=6), 0..60)) {
            let entries: Vec<Entry> = raw
                .iter()
                .map(|&(bits, l)| {
                    // Six bits of address under 2001:db8::/32, lengths /32 to /38: lots of nesting and duplicates.
                    let addr = core::net::Ipv6Addr::from_bits((0x2001_0db8u128 << 96) | (u128::from(bits) << 90));
                    Entry::new(Ipv6Net::new(addr, 32 + l).unwrap().trunc())
                })
                .collect();
            let p = Plan::new(entries).unwrap();
            for i in 0..p.len() {
                let me = p[i].prefix;
                let want = (0..p.len())
                    .filter(|&j| p[j].prefix.prefix_len() < me.prefix_len() && contains(p[j].prefix, me))
                    .max_by_key(|&j| (p[j].prefix.prefix_len(), j));
                proptest::prop_assert_eq!(p.parent(i), want, "{}", me);
                let descendants = (0..p.len()).filter(|&j| {
                    let mut at = p.parent(j);
                    while let Some(a) = at {
                        if a == i { return true; }
                        at = p.parent(a);
                    }
                    false
                }).count();
                proptest::prop_assert_eq!(p.subtree_end(i) - i - 1, descendants);
            }
        }
    }
}
