"""6rd (RFC 5969): delegated prefixes, tunnel addresses, DHCPv4 option 212; and 6to4.

>>> import ipv6kit.sixrd
>>> ipv6kit.sixrd.delegated_prefix("2a01:e30::/28", "82.10.11.12")  # Free, IPv4MaskLen 0
IPv6Network('2a01:e35:20a0:b0c0::/60')
"""

from ipv6kit._ipv6kit import sixrd as _native

SixrdDomain = _native.SixrdDomain
SixrdOption = _native.SixrdOption
Subnets = _native.Subnets
delegated_prefix = _native.delegated_prefix
extract_ipv4 = _native.extract_ipv4
parse_option_212 = _native.parse_option_212
six_to_four_ipv4 = _native.six_to_four_ipv4
six_to_four_prefix = _native.six_to_four_prefix
tunnel_address = _native.tunnel_address

__all__ = [
    "SixrdDomain",
    "SixrdOption",
    "Subnets",
    "delegated_prefix",
    "extract_ipv4",
    "parse_option_212",
    "six_to_four_ipv4",
    "six_to_four_prefix",
    "tunnel_address",
]
