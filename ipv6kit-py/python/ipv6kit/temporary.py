"""Temporary addresses (RFC 8981, "privacy extensions"): random interface identifiers and
their lifetimes and regeneration schedule, as pure functions of time.

>>> from ipv6kit import temporary
>>> temporary.schedule(0, 3600, 1800, 0).regenerate_at  # REGEN_ADVANCE (5 s) before 1800
1795
"""

from ipv6kit._ipv6kit import temporary as _native

DUP_ADDR_DETECT_TRANSMITS: int = _native.DUP_ADDR_DETECT_TRANSMITS
MAX_DRAWS: int = _native.MAX_DRAWS
RETRANS_TIMER_MS: int = _native.RETRANS_TIMER_MS
TEMP_IDGEN_RETRIES: int = _native.TEMP_IDGEN_RETRIES
TEMP_PREFERRED_LIFETIME: int = _native.TEMP_PREFERRED_LIFETIME
TEMP_VALID_LIFETIME: int = _native.TEMP_VALID_LIFETIME
TempAddrConfig = _native.TempAddrConfig
TempSchedule = _native.TempSchedule
md5_history = _native.md5_history
random_iid = _native.random_iid
refresh = _native.refresh
schedule = _native.schedule

__all__ = [
    "DUP_ADDR_DETECT_TRANSMITS",
    "MAX_DRAWS",
    "RETRANS_TIMER_MS",
    "TEMP_IDGEN_RETRIES",
    "TEMP_PREFERRED_LIFETIME",
    "TEMP_VALID_LIFETIME",
    "TempAddrConfig",
    "TempSchedule",
    "md5_history",
    "random_iid",
    "refresh",
    "schedule",
]
