"""Playful identifiers, classification and reverse DNS."""

from __future__ import annotations

from ipaddress import IPv4Address, IPv6Address, IPv6Network

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ipv6kit

BOARD = "2001:6b0:1001:105::/64"
TREE = "2a05:9b81:2020::/48"
CLASSES = {
    "teredo",
    "reserved",
    "ieee-derived",
    "isatap",
    "embedded-ipv4",
    "embedded-port",
    "low-byte",
    "pattern-bytes",
    "randomized",
}


def test_seed_ipv6board() -> None:
    assert ipv6kit.text_address(BOARD, "Awesome!") == IPv6Address("2001:6b0:1001:105:4177:6573:6f6d:6521")
    # 7 bytes, padded with a space.
    assert ipv6kit.text_address(IPv6Network(BOARD), "IPv6 Bd") == IPv6Address("2001:6b0:1001:105:4950:7636:2042:6420")
    assert ipv6kit.iid_text("2001:6b0:1001:105:4177:6573:6f6d:6521") == "Awesome!"
    assert ipv6kit.iid_text("2001:db8::1") is None


@pytest.mark.parametrize("text", ["Awesome!!", "café", "tab\there"])
def test_text_refused(text: str) -> None:
    with pytest.raises(ipv6kit.Error):
        ipv6kit.text_address(BOARD, text)


def test_seed_christmas_tree() -> None:
    want = IPv6Address("2a05:9b81:2020::aa:bb:cc")
    colours: list[str | tuple[int, int, int]] = ["#AABBCC", "aabbcc", (0xAA, 0xBB, 0xCC)]
    for colour in colours:
        assert ipv6kit.colour_address(TREE, colour) == want
    assert ipv6kit.colour_address(TREE, "#ff0000") == IPv6Address("2a05:9b81:2020::ff:0:0")
    assert ipv6kit.iid_colour("2a05:9b81:2020::ff:0:0") == "#ff0000"


@pytest.mark.parametrize("colour", ["#AABBC", "#GGBBCC", (256, 0, 0), (-1, 0, 0), (1, 2)])
def test_bad_colours_are_value_errors(colour: str | tuple[int, ...]) -> None:
    with pytest.raises(ipv6kit.Error):
        ipv6kit.colour_address(TREE, colour)  # type: ignore[arg-type]


def test_colour_wrong_types() -> None:
    with pytest.raises(TypeError):
        ipv6kit.colour_address(TREE, 0xAABBCC)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ipv6kit.colour_address(TREE, ("a", 0, 0))  # type: ignore[arg-type]


@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=8))
def test_text_round_trip(text: str) -> None:
    addr = ipv6kit.text_address(BOARD, text)
    assert addr in IPv6Network(BOARD)
    assert ipv6kit.iid_text(addr) == text.ljust(8)


@given(st.tuples(st.integers(0, 255), st.integers(0, 255), st.integers(0, 255)))
def test_colour_round_trip(rgb: tuple[int, int, int]) -> None:
    addr = ipv6kit.colour_address(TREE, rgb)
    assert ipv6kit.iid_colour(addr) == "#%02x%02x%02x" % rgb
    assert ipv6kit.colour_address(TREE, "#%02X%02X%02X" % rgb) == addr


def test_classify_seed_addresses() -> None:
    assert ipv6kit.classify("fe80::ba27:ebff:fe89:bc51") == "ieee-derived"
    assert ipv6kit.classify("2001:db8::1") == "low-byte"
    assert "b8:27:eb:89:bc:51" in ipv6kit.describe_iid("fe80::ba27:ebff:fe89:bc51")


@given(st.lists(st.integers(0, 2**128 - 1).map(IPv6Address), max_size=40))
def test_classification_is_total_and_batch_matches(addrs: list[IPv6Address]) -> None:
    names = ipv6kit.classify_many(addrs)
    assert names == [ipv6kit.classify(a) for a in addrs]
    assert set(names) <= CLASSES


def test_reverse_names() -> None:
    assert (
        ipv6kit.reverse_name("2001:db8::567:89ab")
        == "b.a.9.8.7.6.5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa"
    )
    # The zone of a prefix, not Python's reverse_pointer of the text "…/48".
    assert ipv6kit.reverse_name(IPv6Network("2001:db8:ebbd::/48")) == "d.b.b.e.8.b.d.0.1.0.0.2.ip6.arpa"
    assert ipv6kit.reverse_name("2001:db8:ebbd::/48") != IPv6Network("2001:db8:ebbd::/48").reverse_pointer
    with pytest.raises(ipv6kit.Error, match="nibble"):
        ipv6kit.reverse_name("2001:db8:ebbd:9908::/62")
    zones = ipv6kit.covering_zones("2001:db8:ebbd:9908::/62")
    assert [net for net, _ in zones] == list(IPv6Network("2001:db8:ebbd:9908::/62").subnets(new_prefix=64))
    assert ipv6kit.parse_reverse_name("8.b.d.0.1.0.0.2.IP6.ARPA.") == IPv6Network("2001:db8::/32")


@given(st.integers(0, 2**128 - 1).map(IPv6Address))
def test_reverse_name_agrees_with_ipaddress_and_round_trips(addr: IPv6Address) -> None:
    name = ipv6kit.reverse_name(addr)
    assert name == addr.reverse_pointer
    assert ipv6kit.parse_reverse_name(name) == IPv6Network(f"{addr}/128")


def test_rfc6052_table() -> None:
    # RFC 6052 §2.4: 192.0.2.33 under each prefix length.
    table = {
        "2001:db8::/32": "2001:db8:c000:221::",
        "2001:db8:100::/40": "2001:db8:1c0:2:21::",
        "2001:db8:122::/48": "2001:db8:122:c000:2:2100::",
        "2001:db8:122:300::/56": "2001:db8:122:3c0:0:221::",
        "2001:db8:122:344::/64": "2001:db8:122:344:c0:2:2100:0",
        "2001:db8:122:344::/96": "2001:db8:122:344::192.0.2.33",
        "64:ff9b::/96": "64:ff9b::192.0.2.33",
    }
    for prefix, want in table.items():
        got = ipv6kit.embed_ipv4(prefix, IPv4Address("192.0.2.33"))
        assert got == IPv6Address(want)
        assert ipv6kit.extract_embedded_ipv4(got, IPv6Network(prefix).prefixlen) == IPv4Address("192.0.2.33")
    with pytest.raises(ipv6kit.Error):
        ipv6kit.embed_ipv4("2001:db8::/33", "192.0.2.33")


@given(st.integers(0, 2**32 - 1).map(IPv4Address), st.sampled_from([32, 40, 48, 56, 64, 96]))
def test_rfc6052_round_trip(v4: IPv4Address, length: int) -> None:
    prefix = IPv6Network((0x20010DB8 << 96, 32)).supernet(new_prefix=32)
    net = IPv6Network((int(prefix.network_address), length))
    assert ipv6kit.extract_embedded_ipv4(ipv6kit.embed_ipv4(net, v4), length) == v4
