"""ipv6kit.temporary: RFC 8981 §3.8 defaults, the schedule vectors of the core's tests, the
RFC 4941 §3.2.1 MD5 step checked against hashlib, errors."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ipv6kit
from ipv6kit import temporary
from ipv6kit.temporary import TempAddrConfig, TempSchedule


def test_rfc8981_section_3_8_defaults() -> None:
    # RFC 8981 §3.8: TEMP_VALID_LIFETIME 2 days, TEMP_PREFERRED_LIFETIME 1 day,
    # TEMP_IDGEN_RETRIES 3; RFC 4861 §10 RetransTimer 1000 ms; RFC 4862 §5.1 DupAddrDetectTransmits 1.
    assert temporary.TEMP_VALID_LIFETIME == 2 * 86400
    assert temporary.TEMP_PREFERRED_LIFETIME == 86400
    assert temporary.TEMP_IDGEN_RETRIES == 3
    assert temporary.RETRANS_TIMER_MS == 1000
    assert temporary.DUP_ADDR_DETECT_TRANSMITS == 1
    cfg = TempAddrConfig()
    assert cfg.temp_valid_lifetime == 172800
    assert cfg.temp_preferred_lifetime == 86400
    assert cfg.temp_idgen_retries == 3
    assert cfg.dup_addr_detect_transmits == 1
    assert cfg.retrans_timer_ms == 1000
    # REGEN_ADVANCE = 2 + 3 * 1 * 1000 / 1000 = 5 s; MAX_DESYNC_FACTOR = 0.4 * 1 day = 9.6 hours.
    assert cfg.regen_advance == 5
    assert cfg.max_desync_factor == 34560
    assert cfg == TempAddrConfig(172800, 86400, 3, 1, 1000)
    assert hash(cfg) == hash(TempAddrConfig())
    assert "temp_valid_lifetime=172800" in repr(cfg)


def test_schedule_vectors_of_the_core() -> None:
    # ipv6kit/src/iid/temporary.rs, module doc and schedule_follows_prefix_and_caps.
    s = temporary.schedule(1000, 86400, 14400, 0)
    assert s is not None
    assert (s.created_at, s.preferred_until, s.valid_until, s.regenerate_at) == (1000, 15400, 87400, 15395)
    s = temporary.schedule(0, 2**32 - 1, 2**32 - 1, 1000)
    assert s == TempSchedule(0, 85400, 172800, 85395)
    # Preferred lifetime not above REGEN_ADVANCE: no address (RFC 8981 §3.4 step 6).
    assert temporary.schedule(0, 3600, 5, 0) is None
    assert temporary.schedule(0, 3600, 6, 0) is not None
    assert TempAddrConfig().schedule(1000, 86400, 14400, 0) == temporary.schedule(1000, 86400, 14400, 0)


def test_refresh_vectors_of_the_core() -> None:
    # refresh_never_extends_past_creation_caps in the core's tests.
    s = temporary.schedule(100, 3600, 1800, 0)
    assert s is not None
    r = temporary.refresh(s, 100000, 2**32 - 1, 2**32 - 1, 0)
    assert (r.valid_until, r.preferred_until, r.regenerate_at) == (100 + 172800, 100 + 86400, 100 + 86400 - 5)
    r = TempAddrConfig().refresh(s, 1000, 600, 300, 0)
    assert (r.preferred_until, r.valid_until) == (1300, 1600)


def test_schedule_errors() -> None:
    with pytest.raises(ipv6kit.Error, match="desync factor 86395"):
        temporary.schedule(0, 3600, 3600, 86395)
    with pytest.raises(ipv6kit.Error, match="TEMP_PREFERRED_LIFETIME 5 s"):
        temporary.schedule(0, 1, 1, 0, config=TempAddrConfig(temp_preferred_lifetime=5))
    with pytest.raises(ipv6kit.Error):
        TempAddrConfig(temp_preferred_lifetime=5).desync_factor()
    with pytest.raises(ipv6kit.Error, match=r"^now=-1: does not fit in 64 bits"):
        temporary.schedule(-1, 1, 1, 0)
    with pytest.raises(TypeError):
        temporary.schedule("0", 1, 1, 0)  # type: ignore[arg-type]


def test_random_iid_and_desync_factor() -> None:
    iids = {temporary.random_iid() for _ in range(32)}
    assert len(iids) == 32 and all(len(i) == 8 for i in iids)
    cfg = TempAddrConfig()
    assert all(0 <= cfg.desync_factor() <= cfg.max_desync_factor for _ in range(100))


def rfc4941_step(history: bytes, iid: bytes) -> tuple[bytes, bytes]:
    # RFC 4941 §3.2.1: MD5 over the history value followed by the interface identifier;
    # the left 64 bits with bit 6 (the u bit, 0x02 of the first octet) zeroed, the right
    # 64 bits the next history value.
    d = hashlib.md5(history + iid).digest()
    return bytes([d[0] & 0xFD]) + d[1:8], d[8:]


def test_md5_history_is_rfc4941() -> None:
    history = bytes([1, 2, 3, 4, 5, 6, 7, 8])
    iid = bytes.fromhex("021122fffe334455")
    assert temporary.md5_history(history, iid) == rfc4941_step(history, iid)
    assert temporary.md5_history("01:02:03:04:05:06:07:08", "02:11:22:ff:fe:33:44:55") == rfc4941_step(history, iid)
    with pytest.raises(ipv6kit.Error, match="8 bytes"):
        temporary.md5_history(bytes(7), iid)
    with pytest.raises(TypeError):
        temporary.md5_history(8, iid)  # type: ignore[arg-type]


@given(st.binary(min_size=8, max_size=8), st.binary(min_size=8, max_size=8))
def test_md5_history_matches_hashlib(history: bytes, iid: bytes) -> None:
    assert temporary.md5_history(history, iid) == rfc4941_step(history, iid)


@given(st.integers(0, 2**40), st.integers(0, 2**32 - 1), st.integers(0, 2**32 - 1), st.integers(0, 34559))
def test_schedule_invariants(now: int, valid: int, preferred: int, desync: int) -> None:
    s = temporary.schedule(now, valid, preferred, desync)
    if s is not None:
        assert s.created_at == now <= s.regenerate_at < s.preferred_until <= s.valid_until
        assert s.valid_until - now <= temporary.TEMP_VALID_LIFETIME
