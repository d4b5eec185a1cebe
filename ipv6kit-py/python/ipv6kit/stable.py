"""Stable, semantically opaque interface identifiers (RFC 7217), bit for bit as Linux,
NetworkManager and systemd-networkd compute them, plus ipv6kit's own generic generator.
"""

from ipv6kit._ipv6kit import stable as _native

linux = _native.linux
network_manager = _native.network_manager
network_manager_host_id = _native.network_manager_host_id
rfc7217 = _native.rfc7217
systemd = _native.systemd
systemd_address_one = _native.systemd_address_one
systemd_address_is_valid = _native.systemd_address_is_valid

__all__ = [
    "linux",
    "network_manager",
    "network_manager_host_id",
    "rfc7217",
    "systemd",
    "systemd_address_is_valid",
    "systemd_address_one",
]
