"""ipv6kit.describe, ipv6kit.registry and zone-aware parsing."""

from __future__ import annotations

import pathlib
from ipaddress import IPv4Address, IPv6Address, IPv6Network

import pytest
from hypothesis import given, strategies as st

import ipv6kit


def test_describe_seed_link_local() -> None:
    d = ipv6kit.describe("fe80::ba27:ebff:fe89:bc51")
    assert d.address == IPv6Address("fe80::ba27:ebff:fe89:bc51")
    assert d.mac == "b8:27:eb:89:bc:51" and d.iid == "ieee-derived"
    assert d.solicited_node == IPv6Address("ff02::1:ff89:bc51")
    assert d.zone_allowed and not d.globally_reachable
    assert "solicited-node" in str(d)


def test_describe_mapped_and_documentation() -> None:
    assert ipv6kit.describe("::ffff:192.168.1.1").embedded_ipv4 == IPv4Address("192.168.1.1")
    assert "Documentation" in ipv6kit.describe(IPv6Address("2001:db8::1")).registry


@given(
    st.integers(min_value=0, max_value=2**32 - 1),
    st.integers(min_value=0, max_value=2**80 - 1),
    st.integers(min_value=0, max_value=2**96 - 1),
)
def test_embedding_agrees_with_ipaddress(v4: int, site: int, teredo_body: int) -> None:
    # ipaddress is the referee for the forms it knows (mapped, 6to4, Teredo); NAT64 is RFC 6052's
    # last 32 bits of 64:ff9b::/96.
    mapped = IPv6Address((0xFFFF << 32) | v4)
    six_to_four = IPv6Address((0x2002 << 112) | (v4 << 80) | site)
    teredo = IPv6Address((0x20010000 << 96) | teredo_body)
    nat64 = IPv6Address((0x64FF9B << 96) | v4)
    d = ipv6kit.describe(mapped)
    assert (d.embedding, d.embedded_ipv4) == ("mapped", mapped.ipv4_mapped)
    d = ipv6kit.describe(six_to_four)
    assert (d.embedding, d.embedded_ipv4) == ("6to4", six_to_four.sixtofour)
    d = ipv6kit.describe(teredo)
    assert teredo.teredo is not None
    assert (d.embedding, d.embedded_ipv4) == ("teredo", teredo.teredo[1])
    d = ipv6kit.describe(nat64)
    assert (d.embedding, d.embedded_ipv4) == ("nat64", IPv4Address(int(nat64) & 0xFFFFFFFF))
    d = ipv6kit.describe("2001:db8::1")
    assert d.embedding is None and d.embedded_ipv4 is None


def test_registry() -> None:
    entry = ipv6kit.registry.lookup("2001:db8::1")
    assert entry is not None and entry["prefix"] == IPv6Network("2001:db8::/32") and entry["rfc"] == "RFC 3849"
    assert not ipv6kit.registry.is_global("2001:db8::1")
    assert ipv6kit.registry.is_global("2a01:e35:20a0:b0c0::1")
    assert [e["name"] for e in ipv6kit.registry.entries("2001::1")][:1] == ["IETF Protocol Assignments"]
    assert ipv6kit.registry.lookup("2a01:e35::1") is None
    assert ipv6kit.registry.EDITION


def test_parse_scoped() -> None:
    a = ipv6kit.parse_scoped("fe80::1%wlan0")
    assert a.scope_id == "wlan0" and a == IPv6Address("fe80::1%wlan0")
    assert ipv6kit.parse_scoped("[fe80::1%25eth0]").scope_id == "eth0"
    assert ipv6kit.parse_scoped("ff02::1%3").scope_id == "3"
    # The address parsed with its zone still feeds every other function.
    assert ipv6kit.solicited_node(a) == IPv6Address("ff02::1:ff00:1")
    for bad in ["2001:db8::1%eth0", "fe80::1%", "fe80::1%0", "[fe80::1%eth0]", "::1%lo"]:
        with pytest.raises(ipv6kit.Error):
            ipv6kit.parse_scoped(bad)


def test_vendor_from_a_registry_folder(tmp_path: pathlib.Path) -> None:
    (tmp_path / "oui.csv").write_text(
        "Registry,Assignment,Organization Name,Organization Address\n"
        "MA-L,B827EB,Raspberry Pi Foundation,Mitchell Wood House Caldecote Cambridgeshire GB CB23 7NU \n"
    )
    assert ipv6kit.vendor("B8-27-EB-89-BC-51", tmp_path) == "Raspberry Pi Foundation"
    assert ipv6kit.vendor(ipv6kit.mac_from_iid("fe80::ba27:ebff:fe89:bc51") or "", str(tmp_path)) == (
        "Raspberry Pi Foundation"
    )
    assert ipv6kit.vendor("00:11:22:33:44:55", tmp_path) is None
    with pytest.raises(ipv6kit.Error):
        ipv6kit.vendor("00:11:22:33:44:55", tmp_path / "missing")
