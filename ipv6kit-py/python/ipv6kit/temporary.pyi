"""Temporary addresses (RFC 8981): random interface identifiers and their lifetimes."""

from typing import Optional, Union, final

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

DUP_ADDR_DETECT_TRANSMITS: int
MAX_DRAWS: int
RETRANS_TIMER_MS: int
TEMP_IDGEN_RETRIES: int
TEMP_PREFERRED_LIFETIME: int
TEMP_VALID_LIFETIME: int

_Bytes8 = Union[bytes, bytearray, str]

@final
class TempSchedule:
    """When a temporary address is deprecated, removed and replaced (absolute seconds)."""

    def __new__(cls, created_at: int, preferred_until: int, valid_until: int, regenerate_at: int) -> TempSchedule: ...
    @property
    def created_at(self) -> int: ...
    @property
    def preferred_until(self) -> int: ...
    @property
    def valid_until(self) -> int: ...
    @property
    def regenerate_at(self) -> int: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@final
class TempAddrConfig:
    """The RFC 8981 §3.8 parameters of a host (defaults: the RFC's)."""

    def __new__(
        cls,
        temp_valid_lifetime: int = 172800,
        temp_preferred_lifetime: int = 86400,
        temp_idgen_retries: int = 3,
        dup_addr_detect_transmits: int = 1,
        retrans_timer_ms: int = 1000,
    ) -> TempAddrConfig: ...
    @property
    def temp_valid_lifetime(self) -> int: ...
    @property
    def temp_preferred_lifetime(self) -> int: ...
    @property
    def temp_idgen_retries(self) -> int: ...
    @property
    def dup_addr_detect_transmits(self) -> int: ...
    @property
    def retrans_timer_ms(self) -> int: ...
    @property
    def regen_advance(self) -> int: ...
    @property
    def max_desync_factor(self) -> int: ...
    def desync_factor(self) -> int: ...
    def schedule(
        self, now: int, prefix_valid: int, prefix_preferred: int, desync_factor: int
    ) -> Optional[TempSchedule]: ...
    def refresh(
        self, schedule: TempSchedule, now: int, prefix_valid: int, prefix_preferred: int, desync_factor: int
    ) -> TempSchedule: ...
    def __eq__(self, value: object, /) -> bool: ...
    def __hash__(self) -> int: ...

def random_iid() -> bytes: ...
def schedule(
    now: int, prefix_valid: int, prefix_preferred: int, desync_factor: int, config: Optional[TempAddrConfig] = None
) -> Optional[TempSchedule]: ...
def refresh(
    schedule: TempSchedule,
    now: int,
    prefix_valid: int,
    prefix_preferred: int,
    desync_factor: int,
    config: Optional[TempAddrConfig] = None,
) -> TempSchedule: ...
def md5_history(history: _Bytes8, iid: _Bytes8) -> tuple[bytes, bytes]: ...
