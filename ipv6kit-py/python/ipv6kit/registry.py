"""The IANA IPv6 Special-Purpose Address Registry, as a table (edition in ``EDITION``), and a
predicate per special-purpose block.

>>> from ipv6kit import registry
>>> registry.is_documentation("2001:db8::1"), registry.is_ula("2001:db8::1")
(True, False)
"""

from ipv6kit._ipv6kit import registry as _native

EDITION: str = _native.EDITION
IPV4_EDITION: str = _native.IPV4_EDITION
RESERVED_IID_EDITION: str = _native.RESERVED_IID_EDITION
entries = _native.entries
entries_for_prefix = _native.entries_for_prefix
ipv4_entries = _native.ipv4_entries
ipv4_lookup = _native.ipv4_lookup
ipv4_is_global = _native.ipv4_is_global
ipv4_is_private_use = _native.ipv4_is_private_use
reserved_iid = _native.reserved_iid
is_reserved_iid = _native.is_reserved_iid
is_6to4 = _native.is_6to4
is_amt = _native.is_amt
is_as112 = _native.is_as112
is_benchmarking = _native.is_benchmarking
is_discard = _native.is_discard
is_documentation = _native.is_documentation
is_drip_det = _native.is_drip_det
is_dummy = _native.is_dummy
is_global = _native.is_global
is_ipv4_mapped = _native.is_ipv4_mapped
is_link_local = _native.is_link_local
is_nat64 = _native.is_nat64
is_orchid = _native.is_orchid
is_orchid_deprecated = _native.is_orchid_deprecated
is_srv6_sid = _native.is_srv6_sid
is_teredo = _native.is_teredo
is_ula = _native.is_ula
lookup = _native.lookup

__all__ = [
    "EDITION",
    "IPV4_EDITION",
    "RESERVED_IID_EDITION",
    "entries",
    "entries_for_prefix",
    "ipv4_entries",
    "ipv4_is_global",
    "ipv4_is_private_use",
    "ipv4_lookup",
    "is_6to4",
    "is_amt",
    "is_as112",
    "is_benchmarking",
    "is_discard",
    "is_documentation",
    "is_drip_det",
    "is_dummy",
    "is_global",
    "is_ipv4_mapped",
    "is_link_local",
    "is_nat64",
    "is_orchid",
    "is_orchid_deprecated",
    "is_reserved_iid",
    "is_srv6_sid",
    "is_teredo",
    "is_ula",
    "lookup",
    "reserved_iid",
]
