"""registry.entries_for_prefix against its referees: the IANA IPv6 Special-Purpose Address
Registry as IANA publishes it (the address blocks and names below, from
iana-ipv6-special-registry-1.csv, edition 2025-10-09), and Python's ``ipaddress`` for which
blocks overlap or cover a prefix."""

from __future__ import annotations

from ipaddress import IPv6Address, IPv6Network

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ipv6kit
from ipv6kit import registry

# The registry's rows: Address Block, Name (IANA, 2025-10-09).
IANA = [
    ("::1/128", "Loopback Address"),
    ("::/128", "Unspecified Address"),
    ("::ffff:0:0/96", "IPv4-mapped Address"),
    ("64:ff9b::/96", "IPv4-IPv6 Translat."),
    ("64:ff9b:1::/48", "IPv4-IPv6 Translat."),
    ("100::/64", "Discard-Only Address Block"),
    ("100:0:0:1::/64", "Dummy IPv6 Prefix"),
    ("2001::/23", "IETF Protocol Assignments"),
    ("2001::/32", "TEREDO"),
    ("2001:1::1/128", "Port Control Protocol Anycast"),
    ("2001:1::2/128", "Traversal Using Relays around NAT Anycast"),
    ("2001:1::3/128", "DNS-SD Service Registration Protocol Anycast"),
    ("2001:2::/48", "Benchmarking"),
    ("2001:3::/32", "AMT"),
    ("2001:4:112::/48", "AS112-v6"),
    ("2001:10::/28", "Deprecated (previously ORCHID)"),
    ("2001:20::/28", "ORCHIDv2"),
    ("2001:30::/28", "Drone Remote ID Protocol Entity Tags (DETs) Prefix"),
    ("2001:db8::/32", "Documentation"),
    ("2002::/16", "6to4"),
    ("2620:4f:8000::/48", "Direct Delegation AS112 Service"),
    ("3fff::/20", "Documentation"),
    ("5f00::/16", "Segment Routing (SRv6) SIDs"),
    ("fc00::/7", "Unique-Local"),
    ("fe80::/10", "Link-Local Unicast"),
]
# Table order: by network address, then prefix length (a block before the blocks inside it).
BLOCKS = sorted(((IPv6Network(p), name) for p, name in IANA), key=lambda b: (b[0].network_address, b[0].prefixlen))


def expected(prefix: IPv6Network) -> list[tuple[IPv6Network, str, bool]]:
    return [(net, name, prefix.subnet_of(net)) for net, name in BLOCKS if net.overlaps(prefix)]


def got(prefix: str | IPv6Network) -> list[tuple[IPv6Network, str, bool]]:
    return [(e["prefix"], e["name"], e["covers"]) for e in registry.entries_for_prefix(prefix)]


def test_the_whole_space_overlaps_every_row() -> None:
    assert got("::/0") == expected(IPv6Network("::/0"))
    assert len(got("::/0")) == 25


@pytest.mark.parametrize(
    "prefix",
    ["2001::/16", "2001:db8:ebbd::/48", "2001:db8::/32", "2001::/23", "2001:1::/112", "2a00::/12", "fe80::/64",
     "fc00::/6", "::/96", "::/127", "::1/128", "64:ff9b::/32", "3ffe::/15", "2000::/3", "ff00::/8"],
)
def test_hand_picked_prefixes(prefix: str) -> None:
    assert got(prefix) == expected(IPv6Network(prefix))
    assert got(IPv6Network(prefix)) == got(prefix)


def test_rows_carry_the_entries_columns() -> None:
    (doc,) = registry.entries_for_prefix("2001:db8:ebbd::/48")
    assert doc["name"] == "Documentation" and doc["rfc"] == "RFC 3849" and doc["covers"]
    ietf, teredo, *inside = registry.entries_for_prefix("2001::/16")
    assert (ietf["name"], ietf["covers"], teredo["name"], teredo["covers"]) == ("IETF Protocol Assignments", False, "TEREDO", False)
    assert set(doc) == set(registry.entries("2001:db8::1")[-1]) | {"covers"}
    assert registry.entries_for_prefix("2a00::/12") == []
    # Host bits of a str are ignored (the prefix is its network).
    assert got("2001:db8::1/32") == got("2001:db8::/32")
    with pytest.raises(ipv6kit.Error):
        registry.entries_for_prefix("2001:db8::/129")
    with pytest.raises(TypeError):
        registry.entries_for_prefix(IPv6Address("2001:db8::"))  # type: ignore[arg-type]


def near_a_block(draw: st.DrawFn) -> IPv6Network:
    """A prefix inside, around or beside a registry block, or anywhere."""
    base, _ = draw(st.sampled_from(BLOCKS))
    bits = int(base.network_address) | draw(st.integers(0, 2**128 - 1)) & ((1 << (128 - base.prefixlen)) - 1)
    if draw(st.booleans()):
        bits ^= 1 << draw(st.integers(0, 127))
    length = draw(st.integers(0, 128))
    return IPv6Network((bits, length), strict=False)


@given(st.one_of(st.composite(near_a_block)(), st.builds(lambda b, n: IPv6Network((b, n), strict=False), st.integers(0, 2**128 - 1), st.integers(0, 128))))
def test_any_prefix_as_ipaddress_sees_it(prefix: IPv6Network) -> None:
    assert got(prefix) == expected(prefix)
    if prefix.prefixlen == 128:
        # A /128 overlaps exactly the entries containing its address.
        assert [e["name"] for e in registry.entries(prefix.network_address)] == [n for _, n, _ in got(prefix)]
