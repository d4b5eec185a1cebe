"""EUI-64 helpers (RFC 4291 Appendix A, RFC 4944 §6) and the registry predicates (each block's RFC)."""

from __future__ import annotations

from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ipv6kit
from ipv6kit import registry


def test_parse_eui64_notations() -> None:
    # The core's eui64_notations: the same EUI-64 in colon, Cisco-dot and bare hex.
    for text in ["00:11:22:ff:fe:33:44:55", "0011.22ff.fe33.4455", "001122fffe334455", "00-11-22-FF-FE-33-44-55"]:
        assert ipv6kit.parse_eui64(text) == "00:11:22:ff:fe:33:44:55"
    with pytest.raises(ipv6kit.Error):
        ipv6kit.parse_eui64("00:11:22:33:44:55")  # a MAC-48 is not an EUI-64
    with pytest.raises(TypeError):
        ipv6kit.parse_eui64(b"\x00" * 8)  # type: ignore[arg-type]


def test_slaac_eui64_inverts_only_the_ul_bit() -> None:
    # RFC 4944 §6 (IEEE 802.15.4): the IID is the EUI-64 with the U/L bit inverted;
    # RFC 4291 Appendix A: a MAC-48's EUI-64 has ff:fe inserted, so the two forms agree.
    assert ipv6kit.slaac_eui64("2001:db8:1::/64", "00:12:4b:00:01:02:03:04") == IPv6Address(
        "2001:db8:1:0:212:4b00:102:304"
    )
    assert ipv6kit.slaac_eui64(IPv6Network("2001:db8:1::/64"), "02:11:22:ff:fe:33:44:55") == IPv6Address(
        "2001:db8:1:0:11:22ff:fe33:4455"
    )
    assert ipv6kit.slaac_eui64("2001:db8:1::/64", "00:11:22:ff:fe:33:44:55") == ipv6kit.slaac(
        "2001:db8:1::/64", "00:11:22:33:44:55"
    )
    with pytest.raises(ipv6kit.Error):
        ipv6kit.slaac_eui64("2001:db8:1::/48", "00:12:4b:00:01:02:03:04")


def test_eui64_from_iid() -> None:
    # The seed's Raspberry Pi: fe80::ba27:ebff:fe89:bc51 is MAC b8:27:eb:89:bc:51, EUI-64 with ff:fe.
    assert ipv6kit.eui64_from_iid("fe80::ba27:ebff:fe89:bc51") == "b8:27:eb:ff:fe:89:bc:51"
    assert ipv6kit.eui64_from_iid(IPv6Address("2001:db8:1:0:212:4b00:102:304")) == "00:12:4b:00:01:02:03:04"


@given(st.binary(min_size=8, max_size=8))
def test_eui64_round_trip(raw: bytes) -> None:
    eui = ":".join(f"{b:02x}" for b in raw)
    assert ipv6kit.eui64_from_iid(ipv6kit.slaac_eui64("2001:db8::/64", eui)) == eui


@pytest.mark.parametrize(
    "predicate, inside, outside",
    [
        (registry.is_documentation, ["2001:db8::1", "3fff:fff::1"], ["2001:db9::1", "3fff:1000::1"]),  # RFC 3849, 9637
        (registry.is_ula, ["fc00::1", "fdff::1"], ["fe00::1"]),  # RFC 4193
        (registry.is_link_local, ["fe80::1", "febf::1"], ["fec0::1"]),  # RFC 4291
        (registry.is_benchmarking, ["2001:2::1", "2001:2:0:ffff::1"], ["2001:2:1::1"]),  # RFC 5180 erratum 1752
        (registry.is_teredo, ["2001::1", "2001:0:ffff::1"], ["2001:1::1"]),  # RFC 4380
        (registry.is_6to4, ["2002::1", "2002:ffff::1"], ["2003::1"]),  # RFC 3056
        (registry.is_nat64, ["64:ff9b::192.0.2.1", "64:ff9b:1::1"], ["64:ff9b:2::1"]),  # RFC 6052, 8215
        (registry.is_ipv4_mapped, ["::ffff:192.0.2.1"], ["::192.0.2.1"]),  # RFC 4291
        (registry.is_discard, ["100::1"], ["100:0:0:1::1"]),  # RFC 6666
        (registry.is_dummy, ["100:0:0:1::1"], ["100::1"]),  # RFC 9780
        (registry.is_orchid, ["2001:20::1", "2001:2f::1"], ["2001:10::1"]),  # RFC 7343
        (registry.is_orchid_deprecated, ["2001:10::1"], ["2001:20::1"]),  # RFC 4843
        (registry.is_drip_det, ["2001:30::1"], ["2001:40::1"]),  # RFC 9374
        (registry.is_amt, ["2001:3::1"], ["2001:4::1"]),  # RFC 7450
        (registry.is_as112, ["2001:4:112::1", "2620:4f:8000::1"], ["2001:4:113::1"]),  # RFC 7535, 7534
        (registry.is_srv6_sid, ["5f00::1"], ["5f01::1"]),  # RFC 9602
    ],
)
def test_registry_predicates(predicate: object, inside: list[str], outside: list[str]) -> None:
    assert callable(predicate)
    assert all(predicate(a) for a in inside)
    assert all(predicate(IPv6Address(a)) for a in inside)
    assert not any(predicate(a) for a in outside)


def test_registry_predicate_errors() -> None:
    with pytest.raises(ipv6kit.Error):
        registry.is_ula("fd00::/8")
    with pytest.raises(TypeError):
        registry.is_ula(IPv6Network("fd00::/8"))  # type: ignore[arg-type]


def test_ipv4_registry() -> None:
    # IANA IPv4 Special-Purpose Address Registry: RFC 1918, RFC 6598, RFC 5737.
    entry = registry.ipv4_lookup("10.1.2.3")
    assert entry is not None and entry["name"] == "Private-Use" and entry["rfc"] == "RFC 1918"
    assert entry["prefix"] == IPv4Network("10.0.0.0/8")
    assert registry.ipv4_is_private_use(IPv4Address("172.16.0.1")) and not registry.ipv4_is_private_use("172.32.0.1")
    assert not registry.ipv4_is_global("100.64.0.1") and not registry.ipv4_is_global("192.0.2.1")
    assert registry.ipv4_is_global("8.8.8.8")
    assert registry.ipv4_lookup("8.8.8.8") is None
    assert [e["name"] for e in registry.ipv4_entries("192.0.2.1")] == ["Documentation (TEST-NET-1)"]
    assert registry.IPV4_EDITION and registry.RESERVED_IID_EDITION
    with pytest.raises(ipv6kit.Error):
        registry.ipv4_lookup("256.0.0.1")
    with pytest.raises(TypeError):
        registry.ipv4_is_global(IPv6Address("::1"))  # type: ignore[arg-type]


def test_reserved_iids_rfc5453() -> None:
    # IANA Reserved IPv6 Interface Identifiers: 0 (RFC 4291 subnet-router anycast),
    # 0200:5eff:fe00:5213 (RFC 6543, Proxy Mobile IPv6), fdff:ffff:ffff:ff80-ffff (RFC 2526).
    zero = registry.reserved_iid("2001:db8::")
    assert zero is not None and zero["name"] == "Subnet-Router Anycast"
    pmip = registry.reserved_iid("2001:db8::200:5eff:fe00:5213")
    assert pmip is not None and pmip["reference"] == "RFC 6543" and pmip["first"] == pmip["last"] == 0x02005EFFFE005213
    assert registry.is_reserved_iid("2001:db8::fdff:ffff:ffff:ffff")
    assert not registry.is_reserved_iid("2001:db8::fdff:ffff:ffff:ff7f")
    assert registry.reserved_iid("2001:db8::1") is None
