//! # ipv6kit — the IPv6 toolkit
//!
//! The computations people who run IPv6 networks do by hand or in shell scripts, done
//! correctly and checked against real implementations (the Linux kernel, radvd, ndisc6,
//! tshark, ipv6calc):
//!
//! - [`multicast`]: which solicited-node group an address joins, and which Ethernet
//!   multicast MAC carries a group; well-known groups; multicast scope and flags.
//! - [`iid`]: interface identifiers — modified EUI-64 from a MAC and back, link-local
//!   and SLAAC addresses, IPv4-embedded addresses (RFC 6052), playful identifiers
//!   (8 bytes of text, a 24-bit colour), reserved IIDs, and a classification of any IID;
//!   stable-privacy identifiers (RFC 7217) bit for bit as Linux, NetworkManager and
//!   systemd-networkd form them, and temporary addresses (RFC 8981).
//! - [`dns`]: `ip6.arpa` names of addresses and reverse zones of prefixes.
//! - [`mac`]: MAC and EUI-64 parsing in every notation people type.
//! - [`text`]: address and prefix text whose errors name the bad part and its position.
//! - [`registry`]: the IANA special-purpose registries (IPv6, and IPv4 for embedded addresses):
//!   which entries an address or prefix falls in, `is_global` and friends by the registry.
//! - [`describe`]: everything about one address in one call (kind, scope, registry entries,
//!   IID class, embedded IPv4 or MAC, solicited-node group), printable and serializable.
//! - [`scoped`]: addresses with a zone (`fe80::1%wlan0`, `[fe80::1%25wlan0]:22`), to and from
//!   `SocketAddrV6`.
//! - [`sixrd`]: 6rd (RFC 5969) delegated prefixes, tunnel and border relay addresses, DHCPv4
//!   option 212 (wire, busybox and dhclient text), and 6to4 (RFC 3056).
//! - [`ndp`]: Neighbor Discovery — every message and option parsed and built byte-exact
//!   (zero-copy views, lossless re-emission, RFC 4861 validation, builders, whole frames).
//! - `plan` (feature `plan`): address plans — parse (text, TOML, JSON), check against the
//!   RFCs and RIPE-690, free space, sizing, renumbering, text/JSON/SVG reports.
//! - `oui` (feature `oui`): the IEEE MA-L/MA-M/MA-S registries from Debian's `ieee-data`,
//!   to name the vendor of a MAC.
//!
//! ```
//! use core::net::Ipv6Addr;
//! use ipv6kit::multicast::{solicited_node, multicast_mac};
//!
//! let addr: Ipv6Addr = "2001:db8:ebbd:0:5066:64f6:547e:4872".parse().unwrap();
//! let group = solicited_node(addr);
//! assert_eq!(group, "ff02::1:ff7e:4872".parse::<Ipv6Addr>().unwrap());
//! assert_eq!(multicast_mac(group).unwrap().to_string(), "33:33:FF:7E:48:72");
//! ```
//!
//! ## Features
//! - `std` (default): implements `std::error::Error` through `core::error::Error`, OS helpers.
//! - `alloc`: owned representations and strings without the rest of `std`.
//! - `serde`: `Serialize`/`Deserialize` for public data types.
//! - `plan`: address plans (implies `alloc` and `serde`; adds `toml` and `serde_json`, both
//!   without `std`).
//! - `oui`: the IEEE registry file parser (`oui` module); implies `std`.
//!
//! With `--no-default-features` the crate is `no_std` and needs no allocator.
#![cfg_attr(not(test), no_std)]
#![forbid(unsafe_code)]
#![deny(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

#[cfg(feature = "alloc")]
extern crate alloc;
#[cfg(all(feature = "std", not(test)))]
extern crate std;

pub use ipnet::{Ipv4Net, Ipv6Net};
pub use macaddr::{MacAddr6, MacAddr8};

mod bits;
pub mod describe;
pub mod dns;
pub mod iid;
pub mod mac;
pub mod multicast;
pub mod ndp;
#[cfg(feature = "oui")]
#[cfg_attr(docsrs, doc(cfg(feature = "oui")))]
pub mod oui;
#[cfg(feature = "plan")]
#[cfg_attr(docsrs, doc(cfg(feature = "plan")))]
pub mod plan;
pub mod registry;
pub mod scoped;
pub mod sixrd;
pub mod text;
