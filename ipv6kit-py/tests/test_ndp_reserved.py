"""Every header bit of the five ND messages from Python, reserved bits included (what the C
writer's ``ipv6kit_ndp_writer_begin_*`` take): the wire layout packed here from the diagrams of
RFC 4861 §4.1–§4.5 (and RFC 4191 §2.2 for Prf), messages built by hand and parsed back, and
tshark 4.0's ICMPv6 dissector on a pcap of messages the constructors make."""

from __future__ import annotations

import ipaddress
import struct
from pathlib import Path
from typing import Literal, TypedDict

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ipv6kit
from ipv6kit import ndp

from _referees import LINKTYPE_RAW, need, tshark_fields, write_pcap
from test_ndp_writer import rfc4443_checksum

LL, LL2, GLOBAL = "fe80::1", "fe80::2", "2001:db8::7"
U32 = st.integers(0, 2**32 - 1)
Pref = Literal["high", "medium", "low", "reserved"]
# Prf's two bits (RFC 4191 §2.2) and the names the ``preference`` attribute gives them.
PRF_NAMES: dict[int, Pref] = {0b01: "high", 0b00: "medium", 0b11: "low", 0b10: "reserved"}


class RaParts(TypedDict):
    managed: bool
    other: bool
    home_agent: bool
    preference: Pref
    proxy: bool
    reserved: int


def ra_parts(byte: int) -> RaParts:
    """The RA flags byte by RFC 4861 §4.2, RFC 4191 §2.2 and RFC 4389 §4.1.3: M O H Prf(2) P Rsv(2)."""
    return {
        "managed": bool(byte & 0x80),
        "other": bool(byte & 0x40),
        "home_agent": bool(byte & 0x20),
        "preference": PRF_NAMES[(byte >> 3) & 0b11],
        "proxy": bool(byte & 0x04),
        "reserved": byte & 0x03,
    }


def na_word(router: bool, solicited: bool, override: bool, reserved: int) -> int:
    """The NA flags word by RFC 4861 §4.4: R S O, then 29 reserved bits."""
    return (router << 31) | (solicited << 30) | (override << 29) | reserved


def with_checksum(msg: bytes, src: str, dst: str) -> bytes:
    return msg[:2] + struct.pack("!H", rfc4443_checksum(src, dst, msg)) + msg[4:]


def addr(text: str) -> bytes:
    return ipaddress.IPv6Address(text).packed


# --- Round trips over every bit pattern (hypothesis) ---


@given(U32)
def test_rs_reserved_round_trip(reserved: int) -> None:
    rs = ndp.RouterSolicitation(reserved=reserved)
    wire = rs.to_bytes()
    assert wire == struct.pack("!BBHI", 133, 0, 0, reserved)
    back = ndp.parse(wire)
    assert isinstance(back, ndp.RouterSolicitation) and back.reserved == rs.reserved == reserved
    assert back == rs and back.to_bytes() == wire


@given(U32)
def test_ns_reserved_round_trip(reserved: int) -> None:
    ns = ndp.NeighborSolicitation(LL2, [ndp.SourceLinkLayerAddress("02:00:00:00:00:01")], reserved=reserved)
    wire = ns.to_bytes(src=LL, dst=LL2)
    assert wire[4:24] == struct.pack("!I", reserved) + addr(LL2)
    back = ndp.parse(wire, src=LL, dst=LL2)
    assert isinstance(back, ndp.NeighborSolicitation) and back.reserved == reserved
    assert back.target == ns.target and back.options == ns.options and back == ns
    assert back.to_bytes() == wire and ndp.verify_checksum(LL, LL2, wire)


@given(st.booleans(), st.booleans(), st.booleans(), st.integers(0, 2**29 - 1))
def test_na_every_flags_word_round_trips(router: bool, solicited: bool, override: bool, reserved: int) -> None:
    na = ndp.NeighborAdvertisement(LL, router, solicited, override, reserved=reserved)
    wire = na.to_bytes()
    assert wire[4:24] == struct.pack("!I", na_word(router, solicited, override, reserved)) + addr(LL)
    back = ndp.parse(wire)
    assert isinstance(back, ndp.NeighborAdvertisement)
    assert (back.router, back.solicited, back.override, back.reserved) == (router, solicited, override, reserved)
    assert back == na and back.to_bytes() == wire
    # The parsed fields make the same message again, field by field.
    again = ndp.NeighborAdvertisement(back.target, back.router, back.solicited, back.override, reserved=back.reserved)
    assert again == back


@given(U32)
def test_redirect_reserved_round_trip(reserved: int) -> None:
    rd = ndp.Redirect(LL2, GLOBAL, reserved=reserved)
    wire = rd.to_bytes()
    assert wire[4:40] == struct.pack("!I", reserved) + addr(LL2) + addr(GLOBAL)
    back = ndp.parse(wire)
    assert isinstance(back, ndp.Redirect) and back.reserved == reserved and back == rd
    assert back.to_bytes() == wire


def test_ra_every_flags_byte_from_flags_and_from_its_parts() -> None:
    for byte in range(256):
        parts = ra_parts(byte)
        whole = ndp.RouterAdvertisement(flags=byte)
        assert whole.to_bytes()[5] == byte
        by_parts = ndp.RouterAdvertisement(**parts)
        assert by_parts == whole and by_parts.flags == byte, hex(byte)
        back = ndp.parse(whole.to_bytes())
        assert isinstance(back, ndp.RouterAdvertisement) and back.flags == byte
        got = {k: getattr(back, k) for k in parts}
        assert got == parts, hex(byte)
        # Every part given again together with the whole byte agrees with it.
        assert ndp.RouterAdvertisement(flags=byte, **parts) == whole


@given(st.integers(0, 255), st.integers(0, 255), st.integers(0, 65535), U32, U32)
def test_ra_header_round_trip(byte: int, hop: int, lifetime: int, reachable: int, retrans: int) -> None:
    ra = ndp.RouterAdvertisement(hop, router_lifetime=lifetime, reachable_time=reachable, retrans_timer=retrans,
                                 options=[ndp.Mtu(1500)], flags=byte)
    wire = ra.to_bytes(src=LL, dst="ff02::1")
    assert wire[4:16] == struct.pack("!BBHII", hop, byte, lifetime, reachable, retrans)
    back = ndp.parse(wire)
    assert isinstance(back, ndp.RouterAdvertisement) and back == ra and back.to_bytes() == wire
    assert (back.cur_hop_limit, back.flags, back.reserved) == (hop, byte, byte & 3)
    # The writer starts from the message's fixed part: the bits go out as given.
    assert ndp.MessageWriter(ra).finish(LL, "ff02::1") == wire


@given(st.integers(0, 255), st.sampled_from(["managed", "other", "home_agent", "proxy", "preference", "reserved"]),
       st.data())
def test_ra_parts_given_with_flags_agree_or_raise(byte: int, part: str, data: st.DataObject) -> None:
    values: dict[str, list[object]] = {
        "preference": list(PRF_NAMES.values()), "reserved": [0, 1, 2, 3],
    }
    value = data.draw(st.sampled_from(values.get(part, [False, True])))
    kwargs: dict[str, object] = {part: value}
    if dict(ra_parts(byte))[part] == value:
        assert ndp.RouterAdvertisement(flags=byte, **kwargs).flags == byte  # type: ignore[arg-type]
    else:
        with pytest.raises(ipv6kit.Error, match=f"^{part}=.* conflicts with flags={byte:#04x}"):
            ndp.RouterAdvertisement(flags=byte, **kwargs)  # type: ignore[arg-type]


def test_parts_not_given_are_zero_and_defaults_unchanged() -> None:
    assert ndp.RouterAdvertisement().flags == 0 and ndp.RouterAdvertisement().preference == "medium"
    assert ndp.RouterAdvertisement(reserved=2).flags == 0x02
    assert ndp.RouterAdvertisement(preference="reserved").flags == 0x10  # Prf 10 (RFC 4191 §2.2)
    assert ndp.RouterAdvertisement(64, True, False, True, "high").flags == 0xA8
    assert ndp.RouterSolicitation().reserved == ndp.NeighborSolicitation(LL).reserved == 0
    assert ndp.NeighborAdvertisement(LL).reserved == ndp.Redirect(LL, GLOBAL).reserved == 0
    # Reprs name the reserved bits only when some are set (as the C writer's "as sent").
    assert "reserved" not in repr(ndp.RouterAdvertisement(flags=0xFC))
    assert repr(ndp.RouterSolicitation(reserved=0x10)) == "RouterSolicitation(reserved=0x10, options=[])"
    assert "reserved=0x1fffffff" in repr(ndp.NeighborAdvertisement(LL, reserved=2**29 - 1))


# --- Messages built by hand (bytes packed here), as a capture would bring them ---


def test_hand_built_messages_parse_and_re_emit_byte_for_byte() -> None:
    cases: list[tuple[bytes, str, dict[str, object]]] = [
        (struct.pack("!BBHI", 133, 0, 0, 0xA5A5A5A5), "ff02::2", {"reserved": 0xA5A5A5A5}),
        (struct.pack("!BBHBBHII", 134, 0, 0, 64, 0xD3, 1800, 0, 0), "ff02::1",
         {"flags": 0xD3, "reserved": 3, "managed": True, "other": True, "preference": "reserved", "proxy": False}),
        (struct.pack("!BBHI", 135, 0, 0, 1) + addr(LL2), LL2, {"reserved": 1, "target": ipaddress.IPv6Address(LL2)}),
        (struct.pack("!BBHI", 136, 0, 0, 0xE0000001) + addr(LL), LL2,
         {"router": True, "solicited": True, "override": True, "reserved": 1}),
        (struct.pack("!BBHI", 137, 0, 0, 0xFFFFFFFF) + addr(LL2) + addr(GLOBAL), GLOBAL, {"reserved": 0xFFFFFFFF}),
    ]
    for raw, dst, want in cases:
        wire = with_checksum(raw, LL, dst)
        msg = ndp.parse(wire, src=LL, dst=dst, hop_limit=255)
        for field, value in want.items():
            assert getattr(msg, field) == value, (field, wire.hex())
        assert msg.to_bytes() == wire
        assert msg.to_bytes(src=LL, dst=dst) == wire
        assert ndp.MessageWriter(msg).finish(LL, dst) == wire
        # RFC 4861: receivers ignore reserved bits, so the message is still valid.
        assert msg.validate() == [], (msg, msg.validate())


# --- Range checks: a ValueError naming the argument, never an OverflowError ---


def beyond(bits: int) -> st.SearchStrategy[int]:
    return st.one_of(st.integers(max_value=-1), st.integers(min_value=2**bits), st.just(2**200), st.just(-(2**200)))


@given(beyond(32))
def test_reserved_words_out_of_range(value: int) -> None:
    for make in (lambda: ndp.RouterSolicitation(reserved=value), lambda: ndp.NeighborSolicitation(LL, reserved=value),
                 lambda: ndp.Redirect(LL, GLOBAL, reserved=value)):
        with pytest.raises(ValueError, match=rf"^reserved={value}: does not fit in 32 bits \(0 to 0xffffffff\)$"):
            make()


@given(beyond(29))
def test_na_reserved_out_of_range(value: int) -> None:
    with pytest.raises(ipv6kit.Error, match=rf"^reserved={value}: does not fit in 29 bits \(0 to 0x1fffffff\)$"):
        ndp.NeighborAdvertisement(LL, reserved=value)


@given(beyond(2), beyond(8))
def test_ra_flags_out_of_range(reserved: int, flags: int) -> None:
    with pytest.raises(ipv6kit.Error, match=rf"^reserved={reserved}: does not fit in 2 bits"):
        ndp.RouterAdvertisement(reserved=reserved)
    with pytest.raises(ipv6kit.Error, match=rf"^flags={flags}: does not fit in 8 bits"):
        ndp.RouterAdvertisement(flags=flags)


def test_ra_other_fields_out_of_range_and_wrong_types() -> None:
    for field, bits in (("cur_hop_limit", 8), ("router_lifetime", 16), ("reachable_time", 32), ("retrans_timer", 32)):
        for value in (-1, 2**bits):
            with pytest.raises(ipv6kit.Error, match=rf"^{field}={value}: does not fit in {bits} bits"):
                ndp.RouterAdvertisement(**{field: value})  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ndp.RouterSolicitation(reserved=1.0)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ndp.NeighborAdvertisement(LL, reserved="1")  # type: ignore[arg-type]
    with pytest.raises(ipv6kit.Error, match='preference "bogus"'):
        ndp.RouterAdvertisement(preference="bogus")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ndp.RouterSolicitation(None, 5)  # type: ignore[call-arg]  # keyword only


# --- tshark reads what was set ---


def tshark_messages() -> list[tuple[ndp.Message, str, dict[str, str]]]:
    """Messages with header bits set and what tshark must read in them."""
    out: list[tuple[ndp.Message, str, dict[str, str]]] = []
    words = [0, 0xFFFFFFFF, 0xDEADBEEF] + [1 << i for i in range(32)]
    for w in words:
        out.append((ndp.RouterSolicitation(reserved=w), "ff02::2", {"icmpv6.type": "133", "icmpv6.reserved": f"{w:08x}"}))
        out.append((ndp.NeighborSolicitation(LL2, reserved=w), LL2, {
            "icmpv6.type": "135", "icmpv6.reserved": f"{w:08x}", "icmpv6.nd.ns.target_address": LL2}))
        out.append((ndp.Redirect(LL2, GLOBAL, reserved=w), GLOBAL, {
            "icmpv6.type": "137", "icmpv6.reserved": f"{w:08x}", "icmpv6.nd.rd.target_address": LL2}))
        r, s, o, rsv = bool(w >> 31 & 1), bool(w >> 30 & 1), bool(w >> 29 & 1), w & (2**29 - 1)
        out.append((ndp.NeighborAdvertisement(LL, r, s, o, reserved=rsv), LL2, {
            "icmpv6.type": "136", "icmpv6.nd.na.flag": f"{w:#010x}", "icmpv6.nd.na.flag.r": str(int(r)),
            "icmpv6.nd.na.flag.s": str(int(s)), "icmpv6.nd.na.flag.o": str(int(o)),
            "icmpv6.nd.na.flag.rsv": str(rsv), "icmpv6.nd.na.target_address": LL}))
    for byte in range(256):
        by_parts = ndp.RouterAdvertisement(**ra_parts(byte))
        want = {
            "icmpv6.type": "134", "icmpv6.nd.ra.flag": f"{byte:#04x}", "icmpv6.nd.ra.flag.m": str(byte >> 7 & 1),
            "icmpv6.nd.ra.flag.o": str(byte >> 6 & 1), "icmpv6.nd.ra.flag.h": str(byte >> 5 & 1),
            "icmpv6.nd.ra.flag.prf": str(byte >> 3 & 3), "icmpv6.nd.ra.flag.p": str(byte >> 2 & 1),
            "icmpv6.nd.ra.flag.rsv": str(byte & 3),
        }
        out.append((ndp.RouterAdvertisement(flags=byte), "ff02::1", want))
        out.append((by_parts, "ff02::1", want))
    return out


def test_tshark_reads_every_header_bit_as_set(tmp_path: Path) -> None:
    need("test_tshark_reads_every_header_bit_as_set", tools=["tshark"])
    messages = tshark_messages()
    packets = [ndp.emit_ipv6(m.to_bytes(src=LL, dst=d), LL, d) for m, d, _ in messages]
    pcap = tmp_path / "reserved.pcap"
    write_pcap(pcap, packets, LINKTYPE_RAW)
    fields = sorted({f for *_, want in messages for f in want} | {"icmpv6.checksum.status", "_ws.malformed"})
    rows = tshark_fields(pcap, fields)
    assert len(rows) == len(messages) == 35 * 4 + 512
    for (msg, _, want), row in zip(messages, rows):
        assert row["_ws.malformed"] == "" and row["icmpv6.checksum.status"] == "1", (msg, row)
        got: dict[str, str] = {f: row[f] for f in want}
        assert got == want, msg
        # And the message parsed back reads the same bits as tshark.
        assert ndp.parse(msg.to_bytes()).reserved == msg.reserved


# --- Prf 10 in a Route Information option (RFC 4191 §2.3) ---


def test_route_information_sends_every_prf_tshark_reads(tmp_path: Path) -> None:
    """RouteInformation takes "reserved" (Prf 10) as RouterAdvertisement does: RFC 4191 §2.3 has
    receivers ignore such an RIO, and a conformance harness must be able to send one.
    build_router_advertisement takes it too, for the RA's own Prf (as the C builder does)."""
    need("test_route_information_sends_every_prf_tshark_reads", tools=["tshark"])
    names = list(PRF_NAMES.values())
    routes = [ndp.RouteInformation(f"2001:db8:{i}::/48", name, 600) for i, name in enumerate(names)]
    made = ndp.RouterAdvertisement(options=routes).to_bytes(src=LL, dst="ff02::1")
    written = ndp.MessageWriter(ndp.RouterAdvertisement(), routes).finish(LL, "ff02::1")
    built = ndp.build_router_advertisement(LL, preference="reserved", routes=routes)
    # The same options; the built RA's flags byte has only Prf 10 (RFC 4191 §2.2: 0x10).
    assert made == written and built.data[16:] == made[16:] and built.data[5] == 0x10
    # By hand from RFC 4191 §2.3: type 24, Length 2 (a /48 in 8 bytes), prefix length, Prf << 3.
    for i, name in enumerate(names):
        rio = made[16 + 16 * i : 32 + 16 * i]
        prf = {v: k for k, v in PRF_NAMES.items()}[name]
        assert rio == bytes([24, 2, 48, prf << 3]) + struct.pack("!I", 600) + addr(f"2001:db8:{i}::")[:8]
    for wire in (made, built.data):
        msg = ndp.parse(wire)
        assert [o.preference for o in msg.options if isinstance(o, ndp.RouteInformation)] == names
    pcap = tmp_path / "rio.pcap"
    write_pcap(pcap, [ndp.emit_ipv6(made, LL, "ff02::1"), built.to_ipv6()], LINKTYPE_RAW)
    fields = ["icmpv6.opt.route_info.flag.route_preference", "icmpv6.nd.ra.flag.prf", "icmpv6.checksum.status", "_ws.malformed"]
    rows = tshark_fields(pcap, fields)
    want_prfs = ",".join(str(k) for k in PRF_NAMES)
    assert [r["icmpv6.opt.route_info.flag.route_preference"] for r in rows] == [want_prfs, want_prfs]
    assert [r["icmpv6.nd.ra.flag.prf"] for r in rows] == ["0", "2"]
    assert all(r["icmpv6.checksum.status"] == "1" and r["_ws.malformed"] == "" for r in rows), rows
