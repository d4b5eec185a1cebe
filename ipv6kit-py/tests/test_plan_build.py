"""plan.Plan (a plan built in code) against its referee, the same plan written as text (or
TOML) and read by plan.check; the ULA prefixes of RFC 4193 against hashlib's SHA-1 and
ipaddress."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from ipaddress import IPv6Address, IPv6Interface, IPv6Network

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ipv6kit
from ipv6kit import plan

HOUSE = """\
::/0 the Internet
2001:db8:ebbd::/48 my house network
2001:db8:ebbd:9900::/56 my DMZ network
2001:db8:ebbd:9908::/62 the LAN ports of R2 (unused, DHCPv6-PD allocates them)
2001:db8:ebbd:990a::/64 the LAN ports of R1 (out in NAT-land)
"""


def same_report(built: plan.Report, parsed: plan.Report) -> None:
    assert str(built) == str(parsed)
    assert built.to_json() == parsed.to_json()
    assert built.entries == parsed.entries
    key = [(d.code, d.severity, d.line, d.column, d.prefix, d.message, d.fix) for d in parsed.diagnostics]
    assert [(d.code, d.severity, d.line, d.column, d.prefix, d.message, d.fix) for d in built.diagnostics] == key
    assert built.ok == parsed.ok and repr(built) == repr(parsed)


def test_the_seed_house_plan_built_in_code() -> None:
    p = plan.Plan()
    for line in HOUSE.splitlines():
        prefix, description = line.split(" ", 1)
        p.add(prefix, description=description)
    assert len(p) == 5 and repr(p) == "<ipv6kit.plan.Plan: 5 prefixes>"
    same_report(p.check(), plan.check(HOUSE))
    # The tree comes from containment, not from the order of the adds.
    shuffled = plan.Plan(reversed([line.split(" ", 1)[0] for line in HOUSE.splitlines()]))
    assert [e["network"] for e in shuffled.check().entries] == [e["network"] for e in plan.check(HOUSE).entries]


ROLES_TEXT = """\
2001:db8:ebbd::/48 [delegation] name=house the house
2001:db8:ebbd:1::/64 [subnet] tags=iot,wifi things
2001:db8:ebbd:20::/60 [lan] too big
2001:db8:ebbd:3::1/64 host bits
2001:db8:ebbd:1::/64 again
2001:db8:ebbd::53 [static] name=dns
2001:db8:ebbd:ff::/126 [p2p] uplink
2001:db8:ebbd:1:200:5eff:fe00:5213 [host] a reserved IID
fd00::/48 [site] not random
2001:db9::/48 outside
ff02::/16 multicast
"""


def test_roles_names_tags_and_findings_as_the_text_reader_sees_them() -> None:
    p = plan.Plan()
    p.add("2001:db8:ebbd::/48", "delegation", name="house", description="the house")
    p.add(IPv6Network("2001:db8:ebbd:1::/64"), "subnet", tags=["iot", "wifi"], description="things")
    p.add("2001:db8:ebbd:20::/60", "LAN", description="too big")
    p.add(IPv6Interface("2001:db8:ebbd:3::1/64"), description="host bits")
    p.add("2001:db8:ebbd:1::/64", description="again")
    p.add(IPv6Address("2001:db8:ebbd::53"), "static", name="dns")
    p.add("2001:db8:ebbd:ff::/126", "p2p", description="uplink")
    p.add("2001:db8:ebbd:1:200:5eff:fe00:5213", "host", description="a reserved IID")
    p.add("fd00::/48", "site", description="not random")
    p.add("2001:db9::/48", description="outside")
    p.add("ff02::/16", description="multicast")
    built, parsed = p.check(), plan.check(ROLES_TEXT)
    same_report(built, parsed)
    codes = {d.code for d in built.diagnostics}
    assert {"P001", "P002", "P003", "P101", "P202", "P203"} <= codes, codes
    roles: dict[str, object] = {}
    for e in built.entries:
        roles.setdefault(str(e["network"]), e["role"])  # the first of the two 1::/64
    # The aliases of the plan format: subnet is a LAN, static a host, p2p a link.
    assert (roles["2001:db8:ebbd:1::/64"], roles["2001:db8:ebbd::53/128"], roles["2001:db8:ebbd:ff::/126"]) == (
        "lan",
        "host",
        "link",
    )


def toml_plan(body: str) -> str:
    return 'delegation = "2001:db8:1000::/44"\n' + body


NESTED = toml_plan("""
[campus]
prefix = "2001:db8:1100::/48"
role = "site"

[campus.library]
prefix = "2001:db8:1100:100::/56"

[[campus.library.lans]]
prefix = "2001:db8:1100:101::/64"
role = "lan"

[[campus.library.lans]]
prefix = "2001:db8:1200:102::/64"
""")


def findings(report: plan.Report) -> list[tuple[str, str, str, str]]:
    return sorted((d.code, d.severity, d.prefix, d.message) for d in report.diagnostics)


def test_nesting_as_a_toml_plan_writes_it() -> None:
    p = plan.Plan()
    p.add("2001:db8:1000::/44", "delegation")
    p.add("2001:db8:1100::/48", "site", name="campus")
    p.add("2001:db8:1100:100::/56", name="library", parent="2001:db8:1100::/48")
    p.add("2001:db8:1100:101::/64", "lan", parent="2001:db8:1100:100::/56")
    p.add("2001:db8:1200:102::/64", parent=IPv6Network("2001:db8:1100:100::/56"))  # not inside: P004
    parsed = plan.check(NESTED, "toml")
    assert findings(p.check()) == findings(parsed)
    assert "P004" in {d.code for d in parsed.diagnostics}
    strip = [{k: v for k, v in e.items() if k != "line"} for e in parsed.entries]
    assert [{k: v for k, v in e.items() if k != "line"} for e in p.check().entries] == strip


def test_refusals() -> None:
    p = plan.Plan()
    with pytest.raises(ipv6kit.Error, match="unknown role"):
        p.add("2001:db8::/48", "wan")
    with pytest.raises(ipv6kit.Error, match="prefix"):
        p.add("2001:db8::/129")
    with pytest.raises(ipv6kit.Error, match="parent"):
        p.add("2001:db8::/48", parent="nonsense")
    with pytest.raises(TypeError):
        p.add(48)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        plan.Plan([IPv6Network("2001:db8::/48"), 7])  # type: ignore[list-item]
    assert len(p) == 0  # nothing half-added
    empty = p.check()
    assert empty.ok and empty.entries == [] and empty.diagnostics == []


# --- ULA prefixes (RFC 4193 §3.2). ---


def rfc4193(ntp_time: int, eui64: bytes) -> IPv6Network:
    """RFC 4193 §3.2.2 steps 1-5 by hashlib: SHA-1 of the NTP time and the EUI-64, the least
    significant 40 bits, after fd."""
    digest = hashlib.sha1(ntp_time.to_bytes(8, "big") + eui64).digest()
    return IPv6Network((b"\xfd" + digest[-5:] + bytes(10), 48))


@given(st.integers(0, 2**64 - 1), st.binary(min_size=8, max_size=8))
def test_ula_prefix_rfc4193_is_hashlibs(ntp_time: int, eui64: bytes) -> None:
    text = ":".join(f"{b:02x}" for b in eui64)
    assert plan.ula_prefix_rfc4193(ntp_time, text) == rfc4193(ntp_time, eui64)


@given(st.binary(min_size=5, max_size=5))
def test_ula_prefix_from_random_bytes(random: bytes) -> None:
    want = IPv6Network((b"\xfd" + random + bytes(10), 48))
    assert plan.ula_prefix(random) == want == plan.ula_prefix(random.hex())
    assert plan.ula_prefix(bytearray(random)) == want


def test_ula_prefix_default_draws_os_random() -> None:
    drawn: Sequence[IPv6Network] = [plan.ula_prefix() for _ in range(4)]
    assert all(p.prefixlen == 48 and p.subnet_of(IPv6Network("fd00::/8")) for p in drawn)
    assert len(set(drawn)) == 4  # 40 random bits each: a repeat has odds of 2^-37
    with pytest.raises(ipv6kit.Error):
        plan.ula_prefix(os.urandom(4))
    with pytest.raises(ipv6kit.Error):
        plan.ula_prefix_rfc4193(0, "02:11:22:33:44:55")  # a MAC, not an EUI-64


def test_low_entropy_ula_is_the_p203_check() -> None:
    cases = {
        "fd00::/48": True,  # all zeros (RFC 4193 §3.2 asks for random bits)
        "fdaa:aaaa:aaaa::/48": True,
        "fd12:3456:789a::/48": True,
        "fd00:dead:beef::/48": True,
        str(rfc4193(0x0123456789ABCDEF, bytes.fromhex("021122fffe334455"))): False,
        "fd00::/8": False,  # no global ID yet
        "2001:db8::/48": False,  # not a ULA
    }
    for prefix, low in cases.items():
        assert plan.is_low_entropy_ula(prefix) is low, prefix
        findings = plan.check(f"{prefix} [site]\n").diagnostics
        assert ("P203" in {d.code for d in findings}) is low, prefix
