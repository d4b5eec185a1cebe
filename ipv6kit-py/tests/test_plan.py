"""ipv6kit.plan: the seed's house plan, reports, free space, formats, errors."""

from __future__ import annotations

import json
from ipaddress import IPv6Network

import pytest

import ipv6kit
from ipv6kit import plan

HOUSE = """\
::/0 the Internet
2001:db8:ebbd::/48 my house network
2001:db8:ebbd:9900::/56 my DMZ network
2001:db8:ebbd:9908::/62 the LAN ports of R2 (unused, DHCPv6-PD allocates them)
2001:db8:ebbd:990a::/64 the LAN ports of R1 (out in NAT-land)
"""


def test_seed_house_plan_tree_and_findings() -> None:
    report = plan.check(HOUSE)
    assert report.ok
    entries = report.entries
    # 990a::/64 lies inside 9908::/62, inside 9900::/56, inside the /48, under ::/0.
    assert [e["depth"] for e in entries] == [0, 1, 2, 3, 4]
    assert [e["parent"] for e in entries] == [None, 0, 1, 2, 3]
    assert entries[4]["network"] == IPv6Network("2001:db8:ebbd:990a::/64")
    codes = {d.code for d in report.diagnostics}
    assert "P104" in codes  # the /62 is not on a nibble
    p104 = next(d for d in report.diagnostics if d.code == "P104")
    assert p104.severity == "warning" and p104.line == 4 and p104.prefix == "2001:db8:ebbd:9908::/62"
    assert "nibble" in p104.message and p104.fix
    assert "warning[P104]" in p104._repr_html_()


def test_free_space_and_outputs() -> None:
    report = plan.check(HOUSE)
    free = report.free("2001:db8:ebbd:9900::/56")
    used = [IPv6Network("2001:db8:ebbd:9908::/62")]
    total = sum(n.num_addresses for n in free) + sum(n.num_addresses for n in used)
    assert total == IPv6Network("2001:db8:ebbd:9900::/56").num_addresses
    assert all(not n.overlaps(used[0]) for n in free)
    doc = json.loads(report.to_json())
    assert doc["summary"]["warnings"] == len([d for d in report.diagnostics if d.severity == "warning"])
    assert report.to_svg().startswith("<svg") and report.map._repr_svg_().startswith("<svg")
    assert report._repr_html_().startswith("<pre")
    assert "plan: 5 prefixes" in str(report)
    with pytest.raises(ipv6kit.Error, match="not an entry"):
        report.free("2001:db8:1::/48")


def test_formats_and_errors() -> None:
    toml = '[house]\nprefix = "2001:db8:ebbd::/48"\n'
    assert plan.check(toml, "toml").entries[0]["prefix"] == "2001:db8:ebbd::/48"
    assert plan.check(toml).entries[0]["prefix"] == "2001:db8:ebbd::/48"
    with pytest.raises(ipv6kit.Error):
        plan.check("2001:db8::/129 nonsense\n", "text")
    with pytest.raises(ipv6kit.Error):
        plan.check(HOUSE, "yaml")  # type: ignore[arg-type]
    bad = plan.check("2001:db8:ebbd::/48\n2001:db8:ebbd::/48\n")
    assert not bad.ok
    assert "P002" in [d.code for d in bad.diagnostics if d.severity == "error"]


# Planning: the vectors of the core's tests in ipv6kit/src/plan/space.rs (free_space_of_the_house,
# sizing_the_dmz_of_the_house, renumber_*), which derive them from the seed's house plan by hand.


def test_next_free_and_utilisation_of_the_house() -> None:
    report = plan.check(HOUSE)
    assert report.next_free("2001:db8:ebbd:9908::/62", 64) == IPv6Network("2001:db8:ebbd:9908::/64")
    assert report.next_free(IPv6Network("2001:db8:ebbd:9908::/62"), 63) == IPv6Network("2001:db8:ebbd:9908::/63")
    with pytest.raises(ipv6kit.Error, match="no free /62 is left in 2001:db8:ebbd:9908::/62"):
        report.next_free("2001:db8:ebbd:9908::/62", 62)
    with pytest.raises(ipv6kit.Error, match="a /60 does not fit inside"):
        report.next_free("2001:db8:ebbd:9908::/62", 60)
    with pytest.raises(ipv6kit.Error, match="not an entry"):
        report.next_free("2001:db8:ffff::/48", 64)
    assert report.utilisation("2001:db8:ebbd:9908::/62") == 0.25
    assert report.utilisation("2001:db8:ebbd:9900::/56") == 1 / 64
    assert report.utilisation("2001:db8:ebbd::/48") == 1 / 256
    assert report.utilisation("::/0") == 2.0**-48
    assert report.utilisation("2001:db8:ebbd:990a::/64") == 0.0


def test_smallest_delegation_of_the_dmz() -> None:
    report = plan.check("2001:db8:ebbd:9900::/56\n2001:db8:ebbd:9900::/64\n2001:db8:ebbd:9908::/62\n")
    s = report.smallest_delegation("2001:db8:ebbd:9900::/56")
    assert s is not None
    assert s.node == IPv6Network("2001:db8:ebbd:9900::/56")
    assert (s.packed_len, s.nibble_len, s.in_place) == (61, 60, IPv6Network("2001:db8:ebbd:9900::/60"))
    assert s.demand == [(62, 1), (64, 1)]
    assert str(s) == (
        "2001:db8:ebbd:9900::/56 holds 1 × /62 + 1 × /64: renumbered, they fit in a /61 (a /60 on a nibble "
        "boundary); as numbered, in 2001:db8:ebbd:9900::/60"
    )
    assert report.smallest_delegation("2001:db8:ebbd:9900::/64") is None


def test_renumber_keeps_offsets() -> None:
    report = plan.check(
        "::/0\n2001:db8:ebbd::/48 [delegation]\n2001:db8:ebbd:9900::/56\n2001:db8:ebbd:990a::/64\nfd00::/48\n"
    )
    r = report.renumber("2001:db8:ebbd::/48", IPv6Network("2001:db8:1234::/48"))
    assert r.strategy == "keep-offsets"
    assert len(r.moved) == 3
    assert [e["prefix"] for e in r.report.entries] == [
        "::/0",
        "2001:db8:1234::/48",
        "2001:db8:1234:9900::/56",
        "2001:db8:1234:990a::/64",
        "fd00::/48",
    ]


def test_renumber_into_a_smaller_delegation() -> None:
    report = plan.check(
        "2001:db8:ebbd::/48\n2001:db8:ebbd:9908::/62\n2001:db8:ebbd:990a::/64\n2001:db8:ebbd:a001::/64\n"
    )
    r = report.renumber("2001:db8:ebbd::/48", "2001:db8:77:1200::/56")
    assert r.strategy == "keep-low-bits"
    assert [e["prefix"] for e in r.report.entries] == [
        "2001:db8:77:1200::/56",
        "2001:db8:77:1201::/64",
        "2001:db8:77:1208::/62",
        "2001:db8:77:120a::/64",
    ]
    assert (IPv6Network("2001:db8:ebbd:9908::/62"), IPv6Network("2001:db8:77:1208::/62")) in r.moved
    packed = plan.check(
        "2001:db8:ebbd::/48\n2001:db8:ebbd:9901::/64\n2001:db8:ebbd:a001::/64\n2001:db8:ebbd:b000::/62\n"
    ).renumber("2001:db8:ebbd::/48", "2001:db8:77:1200::/56")
    assert packed.strategy == "packed"
    assert [e["prefix"] for e in packed.report.entries] == [
        "2001:db8:77:1200::/56",
        "2001:db8:77:1200::/62",
        "2001:db8:77:1204::/64",
        "2001:db8:77:1205::/64",
    ]


def test_renumber_does_not_fit() -> None:
    report = plan.check("2001:db8:ebbd::/48\n2001:db8:ebbd:1::/64\n2001:db8:ebbd:101::/64\n2001:db8:ebbd:201::/64\n")
    with pytest.raises(ipv6kit.Error) as e:
        report.renumber("2001:db8:ebbd::/48", "2001:db8:77:1200::/63")
    assert str(e.value) == (
        "the plan's contents of 2001:db8:ebbd::/48 need at least a /62; 2001:db8:77:1200::/63 is a /63"
    )
    with pytest.raises(TypeError):
        report.renumber(48, "2001:db8:77:1200::/63")  # type: ignore[arg-type]


def test_reverse_zones() -> None:
    # RFC 3596 §2.5: one zone per nibble; a /62 is covered by four /64 zones.
    report = plan.check(HOUSE)
    assert report.reverse_zones("2001:db8:ebbd::/48") == [
        (IPv6Network("2001:db8:ebbd::/48"), "d.b.b.e.8.b.d.0.1.0.0.2.ip6.arpa")
    ]
    zones = report.reverse_zones("2001:db8:ebbd:9908::/62")
    assert [n for n, _ in zones] == [IPv6Network(f"2001:db8:ebbd:990{i}::/64") for i in "89ab"]
    assert zones[0][1] == "8.0.9.9.d.b.b.e.8.b.d.0.1.0.0.2.ip6.arpa"


def test_range_to_prefixes() -> None:
    # The core's space.rs doc example and whole_space_and_edges.
    assert plan.range_to_prefixes("2001:db8::1", "2001:db8::6") == [
        IPv6Network("2001:db8::1/128"),
        IPv6Network("2001:db8::2/127"),
        IPv6Network("2001:db8::4/127"),
        IPv6Network("2001:db8::6/128"),
    ]
    assert plan.range_to_prefixes("::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff") == [IPv6Network("::/0")]
    assert plan.range_to_prefixes("::5", "::4") == []
    with pytest.raises(TypeError):
        plan.range_to_prefixes(IPv6Network("::/0"), "::1")  # type: ignore[arg-type]
