"""The IANA IPv6 Special-Purpose Address Registry."""

from ipaddress import IPv6Address
from typing import Any, Optional, Union

__all__ = ["EDITION", "entries", "is_global", "lookup"]

EDITION: str

def entries(addr: Union[str, IPv6Address]) -> list[dict[str, Any]]: ...
def lookup(addr: Union[str, IPv6Address]) -> Optional[dict[str, Any]]: ...
def is_global(addr: Union[str, IPv6Address]) -> bool: ...
