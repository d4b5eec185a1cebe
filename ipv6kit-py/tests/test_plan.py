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
    assert any(d.severity == "error" for d in bad.diagnostics) == (not bad.ok)
