"""Stable, semantically opaque interface identifiers (RFC 7217)."""

from ipaddress import IPv6Address, IPv6Network
from typing import Literal, Optional, Union

__all__ = [
    "linux",
    "network_manager",
    "network_manager_host_id",
    "rfc7217",
    "systemd",
    "systemd_address_is_valid",
    "systemd_address_one",
]

_Address = Union[str, IPv6Address]
_Prefix = Union[str, IPv6Network]
_Bytes = Union[bytes, bytearray, str]

def linux(
    secret: _Address,
    prefix: _Prefix,
    hwaddr: _Bytes = "00:00:00:00:00:00",
    dad_count: int = 0,
    byteorder: Literal["little", "big"] = "little",
    idgen_retries: int = 3,
) -> IPv6Address: ...
def network_manager_host_id(secret_key_file: bytes, machine_id: Optional[str] = None) -> bytes: ...
def network_manager(
    host_id: _Bytes,
    prefix: _Prefix,
    ifname: str,
    network_id: str,
    dad_counter: int = 0,
    stable_type: Literal["uuid", "stable-id", "generated", "random"] = "uuid",
) -> IPv6Address: ...
def systemd(
    prefix: _Prefix,
    ifname: str,
    hw_addr: _Bytes,
    key: Optional[_Bytes] = None,
    machine_id: Optional[_Bytes] = None,
    app_id: Optional[_Bytes] = None,
    ssid: Optional[str] = None,
    previous: Optional[_Address] = None,
) -> IPv6Address: ...
def systemd_address_one(
    key: _Bytes,
    prefix: Union[_Address, _Prefix],
    ifname: str,
    hw_addr: _Bytes,
    ssid: Optional[str] = None,
    dad_counter: int = 0,
) -> IPv6Address: ...
def systemd_address_is_valid(addr: _Address) -> bool: ...
def rfc7217(
    prefix: _Prefix, net_iface: _Bytes, network_id: _Bytes, secret_key: _Bytes, dad_counter: int = 0
) -> IPv6Address: ...
