"""The address functions: seed and RFC vectors, round trips, errors and types."""

from __future__ import annotations

import ipaddress
from ipaddress import IPv6Address, IPv6Network

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ipv6kit

SOLICITED_RANGE = IPv6Network("ff02::1:ff00:0/104")

# The EUI-64 pairs of the seed (address, MAC from the neighbour table), shared/vectors/README.md.
SEED_EUI64 = [
    ("2001:470:db8:101:203:93ff:fe67:4362", "00:03:93:67:43:62"),
    ("2001:470:db8:101:211:24ff:fece:f1a", "00:11:24:ce:0f:1a"),
    ("fe80::ba27:ebff:fe89:bc51", "b8:27:eb:89:bc:51"),
    ("2001:db8:ebbd:2080:ba27:ebff:fe6c:288", "b8:27:eb:6c:02:88"),
    ("fe80::216:3eff:fea2:94e8", "00:16:3e:a2:94:e8"),
]

macs = st.binary(min_size=6, max_size=6).map(lambda b: ":".join(f"{x:02x}" for x in b))
unicast = st.integers(min_value=0, max_value=2**128 - 1).map(IPv6Address).filter(lambda a: not a.is_multicast)
prefixes64 = st.integers(min_value=0, max_value=2**64 - 1).map(lambda hi: IPv6Network((hi << 64, 64)))


def test_seed_solicited_node() -> None:
    group = ipv6kit.solicited_node("2001:db8:ebbd:0:5066:64f6:547e:4872")
    assert isinstance(group, IPv6Address)
    assert group == IPv6Address("ff02::1:ff7e:4872")


def test_rfc4291_solicited_node_and_rfc2464_mac() -> None:
    group = ipv6kit.solicited_node(IPv6Address("4037::01:800:200e:8c6c"))
    assert group == IPv6Address("ff02::1:ff0e:8c6c")
    assert ipv6kit.multicast_mac(group) == "33:33:ff:0e:8c:6c"
    assert ipv6kit.multicast_mac("ff02::1") == "33:33:00:00:00:01"


def test_is_solicited_node_checks_the_whole_104() -> None:
    assert ipv6kit.is_solicited_node("ff02::1:ff0e:8c6c")
    # ipv6calc calls this one solicited-node by its suffix; it is not.
    assert not ipv6kit.is_solicited_node("3ffe::1:ff00:1234")


def test_rfc4291_appendix_a_link_local() -> None:
    assert ipv6kit.link_local("00:11:22:33:44:55") == IPv6Address("fe80::211:22ff:fe33:4455")


@pytest.mark.parametrize(("address", "mac"), SEED_EUI64)
def test_seed_mac_behind_address(address: str, mac: str) -> None:
    assert ipv6kit.mac_from_iid(address) == mac
    assert ipv6kit.mac_from_iid(IPv6Address(address)) == mac


def test_neighbour_table_quirk_is_not_fixed() -> None:
    # The neighbour table said ...:93:38; the IID encodes ...:93:39. We show the IID's.
    assert ipv6kit.mac_from_iid("2001:470:db8:101:6a1:51ff:fea0:9339") == "04:a1:51:a0:93:39"


@pytest.mark.parametrize("address", ["2001:470:db8:101::9c5", "2001:470:db8:101:b41f:18a3:a97c:4a0c"])
def test_no_mac_inside(address: str) -> None:
    assert ipv6kit.mac_from_iid(address) is None


def test_slaac_masks_host_bits_of_a_str_prefix() -> None:
    # netaddr adds integers and corrupts this; the core masks.
    got = ipv6kit.slaac("2001:db8::ffff/64", "00:11:22:33:44:55")
    assert got == IPv6Address("2001:db8::211:22ff:fe33:4455")


def test_slaac_accepts_networks_and_every_mac_notation() -> None:
    net = IPv6Network("2001:db8:1::/64")
    want = IPv6Address("2001:db8:1:0:211:22ff:fe33:4455")
    for mac in ["00:11:22:33:44:55", "00-11-22-33-44-55", "0011.2233.4455", "001122334455", "00:11:22:33:44:55".upper()]:
        assert ipv6kit.slaac(net, mac) == want
        assert ipv6kit.parse_mac(mac) == "00:11:22:33:44:55"


@pytest.mark.parametrize("prefix", ["2001:db8::/48", "2001:db8::/56", "2001:db8::/65", IPv6Network("2001:db8::/96")])
def test_slaac_only_slash64(prefix: str | IPv6Network) -> None:
    with pytest.raises(ipv6kit.Error, match="/64"):
        ipv6kit.slaac(prefix, "00:11:22:33:44:55")


def test_error_is_a_value_error_with_the_core_message() -> None:
    assert issubclass(ipv6kit.Error, ValueError)
    with pytest.raises(ValueError, match="multicast"):
        ipv6kit.solicited_node("ff02::1")
    with pytest.raises(ipv6kit.Error, match="not a multicast address"):
        ipv6kit.multicast_mac("2001:db8::1")
    with pytest.raises(ipv6kit.Error, match="position 2"):
        ipv6kit.link_local("00x11:22:33:44:55")
    with pytest.raises(ipv6kit.Error, match="6-byte address was expected"):
        ipv6kit.link_local("00:11:22:33:44")
    # The core's text parser names the bad part and its position.
    with pytest.raises(ipv6kit.Error, match="unexpected character 'g' at position 10"):
        ipv6kit.solicited_node("2001:db8::g")
    # RFC 4291 2.2: '::' stands for one or more groups (ipnet's parser took zero).
    with pytest.raises(ipv6kit.Error, match="too many groups"):
        ipv6kit.sixrd.delegated_prefix("1:2:3:4:5:6:7::8/28", "82.10.11.12")


@pytest.mark.parametrize("bad", [1, 1.5, None, b"2001:db8::1", ipaddress.IPv4Address("192.0.2.1"), ["::1"]])
def test_wrong_types_raise_type_error(bad: object) -> None:
    with pytest.raises(TypeError, match="must be"):
        ipv6kit.solicited_node(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ipv6kit.link_local(bad)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ipv6kit.slaac(bad, "00:11:22:33:44:55")  # type: ignore[arg-type]


def test_batches_match_singles_and_report_the_bad_index() -> None:
    addrs: list[str | IPv6Address] = ["2001:db8::1", IPv6Address("fe80::ba27:ebff:fe89:bc51")]
    assert ipv6kit.solicited_nodes(addrs) == [ipv6kit.solicited_node(a) for a in addrs]
    assert ipv6kit.solicited_nodes(iter(addrs)) == ipv6kit.solicited_nodes(tuple(addrs))
    assert ipv6kit.solicited_nodes([]) == []
    with pytest.raises(ipv6kit.Error, match="item 2"):
        ipv6kit.solicited_nodes(["::1", "::2", "ff02::1"])
    with pytest.raises(ipv6kit.Error, match="item 1"):
        ipv6kit.slaac_many("2001:db8::/64", ["00:11:22:33:44:55", "nope"])
    with pytest.raises(TypeError):
        ipv6kit.solicited_nodes(5)  # type: ignore[call-overload]
    macs = ["00:11:22:33:44:55", "b8:27:eb:89:bc:51"]
    assert ipv6kit.slaac_many("2001:db8::/64", macs) == [ipv6kit.slaac("2001:db8::/64", m) for m in macs]


def test_results_are_ordinary_ipaddress_objects() -> None:
    (fast,) = ipv6kit.solicited_nodes(["2001:db8::1234:5678"])
    plain = IPv6Address("ff02::1:ff34:5678")
    assert type(fast) is IPv6Address
    assert fast == plain and hash(fast) == hash(plain) and str(fast) == str(plain)
    assert fast.scope_id is None and fast.is_multicast
    assert {fast: 1}[plain] == 1


def test_help_is_useful() -> None:
    doc = ipv6kit.solicited_node.__doc__
    assert doc is not None and "RFC 4291" in doc and "ff02::1:ff7e:4872" in doc
    assert ipv6kit.Error.__doc__


# Round trips and invariants.


@given(unicast)
def test_solicited_node_in_range_with_low_24_bits(addr: IPv6Address) -> None:
    for arg in (addr, str(addr)):
        group = ipv6kit.solicited_node(arg)
        assert group in SOLICITED_RANGE
        assert int(group) & 0xFFFFFF == int(addr) & 0xFFFFFF
        assert ipv6kit.is_solicited_node(group)
        assert ipv6kit.multicast_mac(group) == "33:33:ff:" + ":".join(f"{b:02x}" for b in group.packed[13:])


@given(st.lists(unicast, max_size=50))
def test_solicited_nodes_equals_the_loop(addrs: list[IPv6Address]) -> None:
    assert ipv6kit.solicited_nodes(addrs) == [ipv6kit.solicited_node(a) for a in addrs]
    assert ipv6kit.solicited_nodes(str(a) for a in addrs) == [ipv6kit.solicited_node(a) for a in addrs]


@given(macs)
def test_link_local_round_trip(mac: str) -> None:
    addr = ipv6kit.link_local(mac)
    assert addr in IPv6Network("fe80::/64")
    assert ipv6kit.mac_from_iid(addr) == mac
    assert ipv6kit.link_local(mac.upper().replace(":", "-")) == addr
    assert ipv6kit.parse_mac(mac.replace(":", "")) == mac


@given(prefixes64, macs, st.integers(min_value=0, max_value=2**64 - 1))
def test_slaac_round_trip(net: IPv6Network, mac: str, host: int) -> None:
    addr = ipv6kit.slaac(net, mac)
    assert addr in net
    assert ipv6kit.mac_from_iid(addr) == mac
    # Host bits in a text prefix never change the result.
    assert ipv6kit.slaac(f"{IPv6Address(int(net.network_address) | host)}/64", mac) == addr
    assert ipv6kit.slaac_many(net, [mac, mac]) == [addr, addr]


@given(st.text(max_size=60))
def test_any_text_is_a_value_or_an_error(text: str) -> None:
    for f in (ipv6kit.solicited_node, ipv6kit.multicast_mac, ipv6kit.mac_from_iid, ipv6kit.link_local):
        try:
            f(text)
        except ipv6kit.Error as e:
            assert str(e)
    try:
        ipv6kit.slaac(text, text)
    except ipv6kit.Error as e:
        assert str(e)
