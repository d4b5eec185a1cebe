"""The IANA IPv6 Special-Purpose Address Registry, as a table (edition in ``EDITION``)."""

from ipv6kit._ipv6kit import registry as _native

EDITION: str = _native.EDITION
entries = _native.entries
is_global = _native.is_global
lookup = _native.lookup

__all__ = ["EDITION", "entries", "is_global", "lookup"]
