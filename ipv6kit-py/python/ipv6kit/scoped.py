"""Scoped addresses: an IPv6 address with its zone (``fe80::1%eth0``), socket addresses with a
zone (``[fe80::1%eth0]:443``), the RFC 6874 URL forms (``[fe80::1%25eth0]``), and the zone
resolved to an interface index, as ``socket`` wants it.

A zone is an ``ipaddress.IPv6Address``'s ``scope_id``; :func:`ipv6kit.parse_scoped` reads the
text and URL forms.

>>> from ipv6kit import scoped
>>> scoped.url_host("fe80::1%eth0")
'[fe80::1%25eth0]'
>>> scoped.sockaddr("fe80::1%7", 443)
('fe80::1', 443, 0, 7)
"""

from ipv6kit._ipv6kit import scoped as _native

MAX_ZONE_NAME_LEN: int = _native.MAX_ZONE_NAME_LEN
ScopedSocketAddress = _native.ScopedSocketAddress
accepts_zone = _native.accepts_zone
resolve = _native.resolve
resolve_zone = _native.resolve_zone
sockaddr = _native.sockaddr
url_host = _native.url_host

__all__ = [
    "MAX_ZONE_NAME_LEN",
    "ScopedSocketAddress",
    "accepts_zone",
    "resolve",
    "resolve_zone",
    "sockaddr",
    "url_host",
]
