//! Reverse DNS: `ip6.arpa` names of addresses and zone names of prefixes.
