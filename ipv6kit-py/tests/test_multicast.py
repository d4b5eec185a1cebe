"""ipv6kit.multicast_info, group_name, multicast_groups: the RFCs' examples and IANA's names."""

from __future__ import annotations

from ipaddress import IPv6Address

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ipv6kit


def test_all_nodes() -> None:
    # RFC 4291 §2.7.1: ff02::1, all-nodes, link-local scope (2), permanent (flags 0).
    m = ipv6kit.multicast_info("ff02::1")
    assert m.address == IPv6Address("ff02::1")
    assert (m.scope, m.scope_value, m.name, m.form, m.group_id) == ("link-local", 2, "all-nodes", "plain", 1)
    assert not (m.flags.x or m.flags.rendezvous_point or m.flags.prefix_based or m.flags.transient)
    assert (m.prefix, m.prefix_len, m.rendezvous_point, m.rp_iid, m.source_specific) == (None, None, None, None, False)
    assert str(m) == "scope link-local, all-nodes, group id 0x1"


def test_scopes() -> None:
    # RFC 7346 §2: scope 3 is realm-local; 6 is unassigned; 0xe global; 5 site-local.
    assert ipv6kit.multicast_info("ff03::fc").scope == "realm-local"
    assert ipv6kit.multicast_info(IPv6Address("ff16::1")).scope_value == 6
    assert ipv6kit.multicast_info("ff0e::101").scope == "global"
    assert ipv6kit.multicast_info("ff05::1:3").scope == "site-local"


def test_unicast_prefix_based_rfc3306() -> None:
    # RFC 3306 §4: ff3s:00<plen>:<network prefix>:<group id>; plen 0x30 = 48.
    m = ipv6kit.multicast_info("ff3e:30:2001:db8::1234")
    assert m.form == "prefix-based"
    assert m.flags.prefix_based and m.flags.transient and not m.flags.rendezvous_point
    assert (m.prefix, m.prefix_len, m.group_id, m.source_specific) == (IPv6Address("2001:db8::"), 48, 0x1234, False)


def test_source_specific_rfc4607() -> None:
    # RFC 4607 §1: ff3x::/32 is the SSM range.
    m = ipv6kit.multicast_info("ff3e::8000:1")
    assert m.form == "prefix-based" and m.source_specific
    assert (m.prefix_len, m.group_id) == (0, 0x80000001)


def test_embedded_rp_rfc3956() -> None:
    # RFC 3956 §3 example: ff7e:140:2001:db8:beef:feed::1234 has the RP 2001:db8:beef:feed::1.
    m = ipv6kit.multicast_info("ff7e:140:2001:db8:beef:feed::1234")
    assert m.form == "embedded-rp"
    assert m.flags.rendezvous_point and m.flags.prefix_based and m.flags.transient
    assert m.rendezvous_point == IPv6Address("2001:db8:beef:feed::1")
    assert (m.rp_iid, m.prefix_len, m.group_id) == (1, 64, 0x1234)


def test_group_names_iana() -> None:
    # IANA IPv6 Multicast Address Space registry; RFC 4861 §2.3 for the solicited-node range.
    assert ipv6kit.group_name("ff02::2") == "all-routers"
    assert ipv6kit.group_name("ff02::fb") == "mDNS"
    assert ipv6kit.group_name("ff02::1:ff7e:4872") == "solicited-node"
    assert ipv6kit.group_name("ff02::1234") is None
    table = dict((str(a), n) for a, n in ipv6kit.multicast_groups())
    assert table["ff02::1"] == "all-nodes"
    assert table["ff02::16"] == "all MLDv2-capable routers"
    assert table["ff02::1:2"] == "all DHCP relay agents and servers"
    assert all(isinstance(a, IPv6Address) and a.is_multicast for a, _ in ipv6kit.multicast_groups())


def test_errors() -> None:
    with pytest.raises(ipv6kit.Error, match="2001:db8::1"):
        ipv6kit.multicast_info("2001:db8::1")
    with pytest.raises(ipv6kit.Error):
        ipv6kit.multicast_info("ff02::zz")
    with pytest.raises(TypeError):
        ipv6kit.multicast_info(1)  # type: ignore[arg-type]


@given(st.integers(0, 2**120 - 1))
def test_every_multicast_address_decodes(low: int) -> None:
    addr = IPv6Address((0xFF << 120) | low)
    m = ipv6kit.multicast_info(addr)
    assert m.address == addr
    assert m.scope_value == (addr.packed[1] & 0x0F)
