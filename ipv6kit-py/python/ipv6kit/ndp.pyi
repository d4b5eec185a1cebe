"""Neighbor Discovery (RFC 4861): every message and option parsed and built byte-exact."""

from collections.abc import Iterable, Sequence
from ipaddress import IPv6Address, IPv6Network
from typing import Literal, Optional, Union, final

_Address = Union[str, IPv6Address]
_Prefix = Union[str, IPv6Network]
# RFC 4191 §2.1's preferences; "reserved" (Prf 10) is what the ``preference`` attributes read for it.
_Pref = Literal["high", "medium", "low", "reserved"]

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

class _OptionBase:
    @property
    def type(self) -> int: ...
    def to_bytes(self) -> bytes: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class SourceLinkLayerAddress(_OptionBase):
    def __new__(cls, address: str) -> SourceLinkLayerAddress: ...
    @property
    def address(self) -> str: ...

@final
class TargetLinkLayerAddress(_OptionBase):
    def __new__(cls, address: str) -> TargetLinkLayerAddress: ...
    @property
    def address(self) -> str: ...

@final
class PrefixInformation(_OptionBase):
    def __new__(
        cls,
        prefix: _Prefix,
        valid_lifetime: int = 2592000,
        preferred_lifetime: int = 604800,
        on_link: bool = True,
        autonomous: bool = True,
        dhcpv6_pd: bool = False,
    ) -> PrefixInformation: ...
    @property
    def prefix(self) -> IPv6Network: ...
    @property
    def on_link(self) -> bool: ...
    @property
    def autonomous(self) -> bool: ...
    @property
    def router_address(self) -> bool: ...
    @property
    def valid_lifetime(self) -> int: ...
    @property
    def preferred_lifetime(self) -> int: ...
    @property
    def dhcpv6_pd(self) -> bool: ...

@final
class RedirectedHeader(_OptionBase):
    def __new__(cls, packet: bytes) -> RedirectedHeader: ...
    @property
    def packet(self) -> bytes: ...

@final
class Mtu(_OptionBase):
    def __new__(cls, mtu: int) -> Mtu: ...
    @property
    def mtu(self) -> int: ...

@final
class AdvertisementInterval(_OptionBase):
    def __new__(cls, interval_ms: int) -> AdvertisementInterval: ...
    @property
    def interval_ms(self) -> int: ...

@final
class HomeAgentInformation(_OptionBase):
    def __new__(cls, preference: int, lifetime: int) -> HomeAgentInformation: ...
    @property
    def preference(self) -> int: ...
    @property
    def lifetime(self) -> int: ...

@final
class Nonce(_OptionBase):
    def __new__(cls, nonce: Union[bytes, bytearray, str]) -> Nonce: ...
    @property
    def nonce(self) -> bytes: ...

@final
class RouteInformation(_OptionBase):
    def __new__(cls, prefix: _Prefix, preference: _Pref = "medium", route_lifetime: int = 1800) -> RouteInformation: ...
    @property
    def prefix(self) -> IPv6Network: ...
    @property
    def preference(self) -> str: ...
    @property
    def route_lifetime(self) -> int: ...

@final
class RecursiveDnsServer(_OptionBase):
    def __new__(cls, servers: Sequence[_Address], lifetime: int = 1800) -> RecursiveDnsServer: ...
    @property
    def lifetime(self) -> int: ...
    @property
    def servers(self) -> list[IPv6Address]: ...

@final
class RaFlagsExtension(_OptionBase):
    def __new__(cls, bits: bytes) -> RaFlagsExtension: ...
    @property
    def bits(self) -> bytes: ...

@final
class DnsSearchList(_OptionBase):
    def __new__(cls, domains: Sequence[str], lifetime: int = 1800) -> DnsSearchList: ...
    @property
    def lifetime(self) -> int: ...
    @property
    def domains(self) -> list[str]: ...

@final
class CaptivePortal(_OptionBase):
    def __new__(cls, uri: str) -> CaptivePortal: ...
    @property
    def uri(self) -> Optional[str]: ...

@final
class Pref64(_OptionBase):
    def __new__(cls, prefix: _Prefix, lifetime: int = 1800) -> Pref64: ...
    @property
    def prefix(self) -> IPv6Network: ...
    @property
    def lifetime(self) -> int: ...

@final
class UnknownOption(_OptionBase):
    def __new__(cls, type: int, data: bytes) -> UnknownOption: ...
    @property
    def data(self) -> bytes: ...

@final
class InvalidOption(_OptionBase):
    @property
    def reason(self) -> str: ...
    @property
    def data(self) -> bytes: ...

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

class _MessageBase:
    @property
    def options(self) -> list[Option]: ...
    @property
    def checksum(self) -> int: ...
    @property
    def type(self) -> int: ...
    @property
    def src(self) -> Optional[IPv6Address]: ...
    @property
    def dst(self) -> Optional[IPv6Address]: ...
    @property
    def hop_limit(self) -> Optional[int]: ...
    def to_bytes(self, src: Optional[_Address] = None, dst: Optional[_Address] = None) -> bytes: ...
    def validate(
        self, src: Optional[_Address] = None, dst: Optional[_Address] = None, hop_limit: Optional[int] = None
    ) -> list[str]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class RouterSolicitation(_MessageBase):
    def __new__(cls, options: Optional[Iterable[Option]] = None, *, reserved: int = 0) -> RouterSolicitation: ...
    @property
    def reserved(self) -> int: ...

@final
class RouterAdvertisement(_MessageBase):
    def __new__(
        cls,
        cur_hop_limit: int = 64,
        managed: Optional[bool] = None,
        other: Optional[bool] = None,
        home_agent: Optional[bool] = None,
        preference: Optional[_Pref] = None,
        proxy: Optional[bool] = None,
        router_lifetime: int = 1800,
        reachable_time: int = 0,
        retrans_timer: int = 0,
        options: Optional[Iterable[Option]] = None,
        *,
        flags: Optional[int] = None,
        reserved: Optional[int] = None,
    ) -> RouterAdvertisement: ...
    @property
    def cur_hop_limit(self) -> int: ...
    @property
    def managed(self) -> bool: ...
    @property
    def other(self) -> bool: ...
    @property
    def home_agent(self) -> bool: ...
    @property
    def preference(self) -> str: ...
    @property
    def proxy(self) -> bool: ...
    @property
    def flags(self) -> int: ...
    @property
    def reserved(self) -> int: ...
    @property
    def router_lifetime(self) -> int: ...
    @property
    def reachable_time(self) -> int: ...
    @property
    def retrans_timer(self) -> int: ...

@final
class NeighborSolicitation(_MessageBase):
    def __new__(
        cls, target: _Address, options: Optional[Iterable[Option]] = None, *, reserved: int = 0
    ) -> NeighborSolicitation: ...
    @property
    def target(self) -> IPv6Address: ...
    @property
    def reserved(self) -> int: ...

@final
class NeighborAdvertisement(_MessageBase):
    def __new__(
        cls,
        target: _Address,
        router: bool = False,
        solicited: bool = False,
        override: bool = False,
        options: Optional[Iterable[Option]] = None,
        *,
        reserved: int = 0,
    ) -> NeighborAdvertisement: ...
    @property
    def target(self) -> IPv6Address: ...
    @property
    def router(self) -> bool: ...
    @property
    def solicited(self) -> bool: ...
    @property
    def override(self) -> bool: ...
    @property
    def reserved(self) -> int: ...

@final
class Redirect(_MessageBase):
    def __new__(
        cls, target: _Address, destination: _Address, options: Optional[Iterable[Option]] = None, *, reserved: int = 0
    ) -> Redirect: ...
    @property
    def target(self) -> IPv6Address: ...
    @property
    def destination(self) -> IPv6Address: ...
    @property
    def reserved(self) -> int: ...

Message = Union[RouterSolicitation, RouterAdvertisement, NeighborSolicitation, NeighborAdvertisement, Redirect]

def parse(
    data: bytes, src: Optional[_Address] = None, dst: Optional[_Address] = None, hop_limit: Optional[int] = None
) -> Message: ...
def parse_frame(data: bytes) -> Message: ...
def parse_ipv6(data: bytes) -> Message: ...
def emit_ipv6(data: bytes, src: _Address, dst: _Address, hop_limit: int = 255) -> bytes: ...
def emit_ethernet(
    data: bytes,
    src: _Address,
    dst: _Address,
    source_mac: str,
    destination_mac: Optional[str] = None,
    hop_limit: int = 255,
) -> bytes: ...

@final
class MessageWriter:
    """Writes any ND message option by option, with the core's checksum modes."""

    def __new__(cls, header: Message, options: Optional[Iterable[Option]] = None) -> MessageWriter: ...
    def push(self, option: Option) -> MessageWriter: ...
    def push_rdnss(self, servers: Sequence[_Address], lifetime: int = 1800) -> MessageWriter: ...
    def push_dnssl(self, domains: Sequence[str], lifetime: int = 1800) -> MessageWriter: ...
    def finish(
        self, src: Optional[_Address] = None, dst: Optional[_Address] = None, *, checksum: Optional[int] = None
    ) -> bytes: ...
    def __len__(self) -> int: ...

@final
class BuiltAdvertisement:
    """A built Router Advertisement: the ICMPv6 message and where to send it."""

    @property
    def data(self) -> bytes: ...
    @property
    def src(self) -> IPv6Address: ...
    @property
    def dst(self) -> IPv6Address: ...
    @property
    def hop_limit(self) -> int: ...
    @property
    def exceeds_link_mtu(self) -> bool: ...
    @property
    def message(self) -> RouterAdvertisement: ...
    def to_ipv6(self) -> bytes: ...
    def to_frame(self, source_mac: str, destination_mac: Optional[str] = None) -> bytes: ...

@final
class BuiltMessage:
    """A message built by a ``build_*`` function: the ICMPv6 bytes and where to send them."""

    @property
    def data(self) -> bytes: ...
    @property
    def src(self) -> IPv6Address: ...
    @property
    def dst(self) -> IPv6Address: ...
    @property
    def hop_limit(self) -> int: ...
    @property
    def message(self) -> Message: ...
    def to_ipv6(self) -> bytes: ...
    def to_frame(self, source_mac: str, destination_mac: Optional[str] = None) -> bytes: ...

def build_dad_neighbor_solicitation(
    target: _Address, nonce: Union[bytes, bytearray, str, None] = None
) -> BuiltMessage: ...
def build_neighbor_solicitation(
    source: _Address, target: _Address, source_mac: str, unicast: bool = False
) -> BuiltMessage: ...
def build_neighbor_advertisement(
    source: _Address, target: _Address, mac: str, to: Optional[_Address] = None, router: bool = False
) -> BuiltMessage: ...
def build_router_solicitation(source: _Address, mac: Optional[str] = None) -> BuiltMessage: ...

def build_router_advertisement(
    source: _Address,
    destination: Optional[_Address] = "ff02::1",
    *,
    cur_hop_limit: int = 64,
    managed: bool = False,
    other: bool = False,
    home_agent: bool = False,
    preference: _Pref = "medium",
    proxy: bool = False,
    router_lifetime: int = 1800,
    reachable_time: int = 0,
    retrans_timer: int = 0,
    source_mac: Optional[str] = None,
    mtu: Optional[int] = None,
    prefixes: Optional[Iterable[PrefixInformation]] = (),
    routes: Optional[Iterable[RouteInformation]] = (),
    dns_servers: Optional[Sequence[tuple[int, Sequence[_Address]]]] = (),
    search_lists: Optional[Sequence[tuple[int, Sequence[str]]]] = (),
    pref64: Optional[Sequence[tuple[_Prefix, int]]] = (),
    captive_portal: Optional[str] = None,
    flags_extension: Optional[bytes] = None,
    link_mtu: int = 1500,
) -> BuiltAdvertisement: ...
def checksum(src: _Address, dst: _Address, data: bytes) -> int: ...
def verify_checksum(src: _Address, dst: _Address, data: bytes) -> bool: ...
