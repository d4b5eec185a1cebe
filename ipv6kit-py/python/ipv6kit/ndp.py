"""Neighbor Discovery (RFC 4861): every message and option parsed and built byte-exact.

>>> from ipv6kit import ndp
>>> ns = ndp.NeighborSolicitation("fe80::1", [ndp.SourceLinkLayerAddress("00:11:22:33:44:55")])
>>> ndp.parse(ns.to_bytes(src="fe80::2", dst="ff02::1:ff00:1")) == ns
True
"""

from typing import Union

from ipv6kit._ipv6kit import ndp as _native

AdvertisementInterval = _native.AdvertisementInterval
BuiltAdvertisement = _native.BuiltAdvertisement
BuiltMessage = _native.BuiltMessage
CaptivePortal = _native.CaptivePortal
DnsSearchList = _native.DnsSearchList
HomeAgentInformation = _native.HomeAgentInformation
InvalidOption = _native.InvalidOption
MessageWriter = _native.MessageWriter
Mtu = _native.Mtu
NeighborAdvertisement = _native.NeighborAdvertisement
NeighborSolicitation = _native.NeighborSolicitation
Nonce = _native.Nonce
Pref64 = _native.Pref64
PrefixInformation = _native.PrefixInformation
RaFlagsExtension = _native.RaFlagsExtension
RecursiveDnsServer = _native.RecursiveDnsServer
Redirect = _native.Redirect
RedirectedHeader = _native.RedirectedHeader
RouteInformation = _native.RouteInformation
RouterAdvertisement = _native.RouterAdvertisement
RouterSolicitation = _native.RouterSolicitation
SourceLinkLayerAddress = _native.SourceLinkLayerAddress
TargetLinkLayerAddress = _native.TargetLinkLayerAddress
UnknownOption = _native.UnknownOption
build_dad_neighbor_solicitation = _native.build_dad_neighbor_solicitation
build_neighbor_advertisement = _native.build_neighbor_advertisement
build_neighbor_solicitation = _native.build_neighbor_solicitation
build_router_advertisement = _native.build_router_advertisement
build_router_solicitation = _native.build_router_solicitation
checksum = _native.checksum
emit_ethernet = _native.emit_ethernet
emit_ipv6 = _native.emit_ipv6
parse = _native.parse
parse_frame = _native.parse_frame
parse_ipv6 = _native.parse_ipv6
verify_checksum = _native.verify_checksum

#: Any ND message class.
Message = Union[RouterSolicitation, RouterAdvertisement, NeighborSolicitation, NeighborAdvertisement, Redirect]
#: Any option class.
Option = Union[
    SourceLinkLayerAddress,
    TargetLinkLayerAddress,
    PrefixInformation,
    RedirectedHeader,
    Mtu,
    AdvertisementInterval,
    HomeAgentInformation,
    Nonce,
    RouteInformation,
    RecursiveDnsServer,
    RaFlagsExtension,
    DnsSearchList,
    CaptivePortal,
    Pref64,
    UnknownOption,
    InvalidOption,
]

__all__ = [
    "AdvertisementInterval",
    "BuiltAdvertisement",
    "BuiltMessage",
    "CaptivePortal",
    "DnsSearchList",
    "HomeAgentInformation",
    "InvalidOption",
    "Message",
    "MessageWriter",
    "Mtu",
    "NeighborAdvertisement",
    "NeighborSolicitation",
    "Nonce",
    "Option",
    "Pref64",
    "PrefixInformation",
    "RaFlagsExtension",
    "RecursiveDnsServer",
    "Redirect",
    "RedirectedHeader",
    "RouteInformation",
    "RouterAdvertisement",
    "RouterSolicitation",
    "SourceLinkLayerAddress",
    "TargetLinkLayerAddress",
    "UnknownOption",
    "build_dad_neighbor_solicitation",
    "build_neighbor_advertisement",
    "build_neighbor_solicitation",
    "build_router_advertisement",
    "build_router_solicitation",
    "checksum",
    "emit_ethernet",
    "emit_ipv6",
    "parse",
    "parse_frame",
    "parse_ipv6",
    "verify_checksum",
]
