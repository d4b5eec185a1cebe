"""ipv6kit: the IPv6 toolkit, in Python.

The computations people who run IPv6 networks do by hand, done by the Rust library ipv6kit:
which solicited-node group an address joins, which Ethernet MAC carries a multicast group,
which address a device takes from its MAC, which MAC hides in an address.

Arguments accept ``str`` or the ``ipaddress`` objects; results are ``ipaddress.IPv6Address``
(or ``IPv6Network``, ``IPv4Address``); MACs are lowercase ``"aa:bb:cc:dd:ee:ff"`` strings
(input also accepts ``-``, ``.`` and no separators). Wrong values raise :class:`ipv6kit.Error`
(a ``ValueError``) with the core's message, an int out of its argument's range too (naming the
argument and the range, never ``OverflowError``); wrong types raise ``TypeError``.

>>> import ipv6kit
>>> ipv6kit.solicited_node("2001:db8:ebbd:0:5066:64f6:547e:4872")
IPv6Address('ff02::1:ff7e:4872')
>>> ipv6kit.mac_from_iid("fe80::ba27:ebff:fe89:bc51")
'b8:27:eb:89:bc:51'
"""

from ipv6kit import (
    ndp as ndp,
    oui as oui,
    plan as plan,
    registry as registry,
    scoped as scoped,
    sixrd as sixrd,
    stable as stable,
    temporary as temporary,
)
from ipv6kit._ipv6kit import *  # noqa: F403 (exactly the names in _ipv6kit.__all__)

__all__ = [
    "ndp",
    "oui",
    "plan",
    "registry",
    "scoped",
    "sixrd",
    "stable",
    "temporary",
    "Description",
    "Error",
    "MulticastFlags",
    "MulticastInfo",
    "__version__",
    "classify",
    "classify_many",
    "colour_address",
    "covering_zones",
    "describe",
    "describe_iid",
    "embed_ipv4",
    "eui64_from_iid",
    "group_name",
    "extract_embedded_ipv4",
    "iid_colour",
    "iid_text",
    "is_solicited_node",
    "link_local",
    "mac_from_iid",
    "multicast_groups",
    "multicast_info",
    "multicast_mac",
    "parse_eui64",
    "parse_mac",
    "parse_reverse_name",
    "parse_scoped",
    "reverse_name",
    "slaac",
    "slaac_eui64",
    "slaac_many",
    "solicited_node",
    "solicited_nodes",
    "text_address",
    "vendor",
]
