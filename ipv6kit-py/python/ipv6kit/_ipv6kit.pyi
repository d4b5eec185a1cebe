"""The native part of the ``ipv6kit`` package; import ``ipv6kit`` instead."""

from collections.abc import Iterable
from ipaddress import IPv6Address, IPv6Network
from typing import Optional, Union

__version__: str
__all__ = [
    "Error",
    "__version__",
    "is_solicited_node",
    "link_local",
    "mac_from_iid",
    "multicast_mac",
    "parse_mac",
    "slaac",
    "slaac_many",
    "solicited_node",
    "solicited_nodes",
]

_Address = Union[str, IPv6Address]
_Prefix = Union[str, IPv6Network]

class Error(ValueError):
    """A value ipv6kit refused; the message is the core library's."""

def solicited_node(addr: _Address) -> IPv6Address: ...
def solicited_nodes(addrs: Iterable[_Address]) -> list[IPv6Address]: ...
def is_solicited_node(addr: _Address) -> bool: ...
def multicast_mac(addr: _Address) -> str: ...
def link_local(mac: str) -> IPv6Address: ...
def slaac(prefix: _Prefix, mac: str) -> IPv6Address: ...
def slaac_many(prefix: _Prefix, macs: Iterable[str]) -> list[IPv6Address]: ...
def mac_from_iid(addr: _Address) -> Optional[str]: ...
def parse_mac(mac: str) -> str: ...
