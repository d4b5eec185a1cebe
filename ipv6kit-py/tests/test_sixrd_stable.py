"""ipv6kit.sixrd and ipv6kit.stable: seed and upstream vectors, round trips, errors."""

from __future__ import annotations

from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ipv6kit
from ipv6kit import sixrd, stable

FREE = "2a01:e30::/28"
ipv4s = st.integers(0, 2**32 - 1).map(IPv4Address)


def test_seed_free_delegation() -> None:
    # Free: 2a01:e30::/28, IPv4MaskLen 0, the 32 bits of the IPv4 address in bits 28-60: a /60.
    ce = IPv4Address("82.10.11.12")
    delegated = sixrd.delegated_prefix(FREE, ce)
    assert delegated == IPv6Network("2a01:e35:20a0:b0c0::/60")
    assert sixrd.delegated_prefix(IPv6Network(FREE), "82.10.11.12", 0) == delegated
    assert sixrd.tunnel_address(FREE, ce) == IPv6Address("2a01:e35:20a0:b0c0::1")
    assert sixrd.tunnel_address(FREE, ce, convention="subnet-router-anycast") == IPv6Address("2a01:e35:20a0:b0c0::")
    assert sixrd.extract_ipv4("2a01:e35:20a0:b0c0::1", FREE) == ce
    # Subnet 0 for the tunnel, the other 15 /64s for the home.
    assert len(list(delegated.subnets(new_prefix=64))[1:]) == 15


def test_option_212_text_and_wire() -> None:
    opt = sixrd.parse_option_212("0 28 2a01:e30:: 192.88.99.201")
    assert opt.prefix == IPv6Network(FREE)
    assert opt.ipv4_mask_len == 0
    assert opt.border_relays == [IPv4Address("192.88.99.201")]
    wire = opt.to_bytes()
    assert wire[0] == 212 and wire[1] == len(wire) - 2
    assert sixrd.parse_option_212(wire) == opt
    assert sixrd.parse_option_212(wire[2:], payload=True) == opt
    assert str(opt) == "0 28 2a01:e30:: 192.88.99.201"
    assert repr(opt) == "SixrdOption('0 28 2a01:e30:: 192.88.99.201')"
    assert hash(opt) == hash(sixrd.SixrdOption(FREE, 0, ["192.88.99.201"]))
    assert opt.delegated_prefix("82.10.11.12") == IPv6Network("2a01:e35:20a0:b0c0::/60")


def test_sixrd_errors() -> None:
    with pytest.raises(ipv6kit.Error, match="bits set"):
        sixrd.delegated_prefix("2a01:e31::/28", "82.10.11.12")
    # m = 0 under a /40 would delegate a /72.
    with pytest.raises(ipv6kit.Error):
        sixrd.delegated_prefix("2001:db8::/40", "192.0.2.1")
    with pytest.raises(ipv6kit.Error, match="relay_prefix"):
        sixrd.extract_ipv4("2001:db8::1", "2001:db8::/32", 8)
    with pytest.raises(ipv6kit.Error):
        sixrd.parse_option_212(b"\xd4\x01\x00")
    with pytest.raises(TypeError):
        sixrd.parse_option_212(212)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        sixrd.delegated_prefix(FREE, 1)  # type: ignore[arg-type]


@given(ipv4s, st.integers(0, 16))
def test_sixrd_round_trip(ce: IPv4Address, m: int) -> None:
    relay = IPv4Address(int(ce) >> (32 - m) << (32 - m)) if m else IPv4Address(0)
    delegated = sixrd.delegated_prefix("2001:db8::/32", ce, m)
    assert delegated.prefixlen == 32 + 32 - m
    assert sixrd.extract_ipv4(delegated.network_address, "2001:db8::/32", m, relay) == ce
    assert sixrd.extract_ipv4(sixrd.tunnel_address("2001:db8::/32", ce, m), "2001:db8::/32", m, relay) == ce


@given(ipv4s)
def test_6to4_round_trip(v4: IPv4Address) -> None:
    prefix = sixrd.six_to_four_prefix(v4)
    assert prefix.prefixlen == 48 and prefix.subnet_of(IPv6Network("2002::/16"))
    assert sixrd.six_to_four_ipv4(prefix.network_address + 1) == v4


@given(st.binary(max_size=64))
def test_option_212_any_bytes_is_a_value_or_an_error(data: bytes) -> None:
    try:
        opt = sixrd.parse_option_212(data)
    except ipv6kit.Error:
        return
    assert sixrd.parse_option_212(opt.to_bytes()) == opt


def test_systemd_upstream_vector() -> None:
    # systemd's test/test-network (test_ipv6_token_prefixstable): veth99, MAC 12:34:56:78:9a:bc.
    key = bytes.fromhex("86b123b969ba4b7eb8b3d8605123525a")
    got = stable.systemd("2002:da8:1::/64", "veth99", "12:34:56:78:9a:bc", key=key)
    assert got == IPv6Address("2002:da8:1:0:b47e:7975:fc7a:7d6e")
    second = stable.systemd("2002:da8:1::/64", "veth99", bytes.fromhex("123456789abc"), key=key, previous=got)
    assert second != got and second in IPv6Network("2002:da8:1::/64")
    with pytest.raises(ipv6kit.Error):
        stable.systemd("2002:da8:1::/64", "veth99", "12:34:56:78:9a:bc")
    with pytest.raises(ipv6kit.Error, match="16 bytes"):
        stable.systemd("2002:da8:1::/64", "veth99", "12:34:56:78:9a:bc", key=b"short")
    by_machine = stable.systemd("2002:da8:1::/64", "veth99", "12:34:56:78:9a:bc", machine_id=key, app_id="ndisc")
    assert by_machine in IPv6Network("2002:da8:1::/64")


def test_systemd_building_blocks() -> None:
    # The same upstream vector through the one-hash function: counter 0 is the address
    # systemd's integration test expects; counter 1 is where systemd.stable moves after DAD.
    key = "86b123b969ba4b7eb8b3d8605123525a"
    first = stable.systemd_address_one(key, "2002:da8:1::", "veth99", "12:34:56:78:9a:bc")
    assert first == IPv6Address("2002:da8:1:0:b47e:7975:fc7a:7d6e")
    assert stable.systemd_address_one(key, "2002:da8:1::/64", "veth99", "12:34:56:78:9a:bc") == first
    second = stable.systemd_address_one(key, "2002:da8:1::", "veth99", "12:34:56:78:9a:bc", dad_counter=1)
    assert second == stable.systemd(
        "2002:da8:1::/64", "veth99", "12:34:56:78:9a:bc", key=bytes.fromhex(key), previous=first
    )
    with pytest.raises(ipv6kit.Error):
        stable.systemd_address_one(key, "2002:da8:1::", "a-very-long-name", "12:34:56:78:9a:bc")
    # systemd's stable_private_address_is_valid() (networkd-address-generation.c): the whole
    # address must lie outside ::/64, 0200:5eff:fe00::/40 and fdff:ffff:ffff:ff80::/57.
    refused = [IPv6Network("::/64"), IPv6Network("200:5eff:fe00::/40"), IPv6Network("fdff:ffff:ffff:ff80::/57")]
    for text in [
        "2002:da8:1:0:b47e:7975:fc7a:7d6e",
        "::1",
        "::1:2:3:4",
        "200:5eff:fe00::1",
        "200:5eff:feff:ffff:ffff::",
        "200:5eff:ff00::1",
        "fdff:ffff:ffff:ff80::",
        "fdff:ffff:ffff:ffff:1::",
        "fdff:ffff:ffff:ff7f::1",
        "2001:db8::",
    ]:
        a = IPv6Address(text)
        assert stable.systemd_address_is_valid(a) == (not any(a in n for n in refused)), text


def test_network_manager_upstream_vector() -> None:
    # NetworkManager's src/core/tests/test-utils.c, test_stable_privacy.
    got = stable.network_manager(b"key", "1234::/64", "eth666", "6b138152-9f3e-4b97-aaf7-e6e553f2a24e")
    assert got == IPv6Address("1234::4ceb:14cd:3d54:793f")
    with pytest.raises(ipv6kit.Error):
        stable.network_manager(b"key", "1234::/64", "eth666", "x", dad_counter=3)
    with pytest.raises(ipv6kit.Error):
        stable.network_manager_host_id(b"short")
    assert len(stable.network_manager_host_id(b"nm-v2:" + bytes(32), "0" * 32)) == 32


def test_linux_byte_orders_and_errors() -> None:
    secret = "2001:db8:1:2:3:4:5:6"
    le = stable.linux(secret, "2001:db8:1::/64")
    be = stable.linux(secret, IPv6Network("2001:db8:1::/64"), byteorder="big")
    assert le in IPv6Network("2001:db8:1::/64") and be in IPv6Network("2001:db8:1::/64")
    lo, hi = le.packed[8:12], le.packed[12:]
    assert be.packed[8:] == lo[::-1] + hi[::-1]
    assert stable.linux(secret, "2001:db8:1::/64", "00:00:00:00:00:00") == le
    assert stable.linux(secret, "2001:db8:1::/64", dad_count=1) != le
    with pytest.raises(ipv6kit.Error, match="/64"):
        stable.linux(secret, "2001:db8::/48")
    with pytest.raises(ipv6kit.Error):
        stable.linux(secret, "2001:db8:1::/64", byteorder="middle")  # type: ignore[arg-type]
    with pytest.raises(ipv6kit.Error):
        stable.linux(secret, "2001:db8:1::/64", bytes(33))
    with pytest.raises(ipv6kit.Error):
        stable.linux(secret, "2001:db8:1::/64", dad_count=4)


@given(st.binary(min_size=16, max_size=32), st.text(max_size=15), st.integers(0, 2))
def test_rfc7217_is_stable_per_network(key: bytes, iface: str, dad: int) -> None:
    a = stable.rfc7217("2001:db8:1::/64", iface, b"net-a", key, dad)
    assert a == stable.rfc7217("2001:db8:1::/64", iface, b"net-a", key.hex(), dad)
    assert a in IPv6Network("2001:db8:1::/64")
    assert a != stable.rfc7217("2001:db8:1::/64", iface, b"net-b", key, dad)


def test_sixrd_domain_free_seed() -> None:
    # The seed's Free vector (../shared/vectors/README.md): 2a01:e30::/28, IPv4MaskLen 0.
    d = sixrd.SixrdDomain(FREE)
    ce = IPv4Address("82.10.11.12")
    assert d.prefix == IPv6Network(FREE)
    assert d.relay_prefix == IPv4Network("0.0.0.0/0")
    assert (d.ipv4_mask_len, d.delegated_len) == (0, 60)
    assert d.delegated_prefix(ce) == IPv6Network("2a01:e35:20a0:b0c0::/60")
    assert d.tunnel_address(ce) == IPv6Address("2a01:e35:20a0:b0c0::1")
    assert d.tunnel_address("82.10.11.12", "subnet-router-anycast") == IPv6Address("2a01:e35:20a0:b0c0::")
    assert d.extract_ipv4("2a01:e35:20a0:b0c0::1") == ce
    assert d.contains("2a01:e35:20a0:b0c0::1") and not d.contains("2a01:e40::1")
    subnets = list(d.subnets(ce))
    assert len(subnets) == 16
    assert subnets[0] == (IPv6Network("2a01:e35:20a0:b0c0::/64"), True)
    assert subnets[15] == (IPv6Network("2a01:e35:20a0:b0cf::/64"), False)
    assert not any(tunnel for _, tunnel in subnets[1:])
    assert d == sixrd.SixrdDomain.for_ce(FREE, 0, ce) == sixrd.parse_option_212(
        "0 28 2a01:e30:: 192.88.99.201"
    ).domain_for(ce)
    assert hash(d) == hash(sixrd.SixrdDomain(IPv6Network(FREE), IPv4Network("0.0.0.0/0")))
    assert repr(d) == "SixrdDomain('2a01:e30::/28', '0.0.0.0/0')"


def test_sixrd_domain_with_relay_prefix() -> None:
    # The core's relay_prefix_with_mask_len: 2001:db8::/32 with m = 8 (all CEs in 10/8) delegates /56s.
    d = sixrd.SixrdDomain("2001:db8::/32", IPv4Network("10.0.0.0/8"))
    assert d.delegated_prefix("10.100.100.1") == IPv6Network("2001:db8:6464:100::/56")
    assert d.extract_ipv4("2001:db8:6464:1ff::42") == IPv4Address("10.100.100.1")
    assert d.border_relay_address("10.0.0.1") == IPv6Address("2001:db8:0:100::")
    assert list(d.subnets("10.100.100.1"))[255] == (IPv6Network("2001:db8:6464:1ff::/64"), False)
    with pytest.raises(ipv6kit.Error, match="outside the relay prefix 10.0.0.0/8"):
        d.delegated_prefix("11.0.0.1")
    with pytest.raises(ipv6kit.Error, match="border relay 192.0.2.1"):
        d.border_relay_address("192.0.2.1")
    with pytest.raises(ipv6kit.Error, match="not in the 6rd domain"):
        d.extract_ipv4("2001:db9::1")
    # 6to4 (RFC 3056): 2002::/16, a /48 per IPv4 address.
    assert sixrd.SixrdDomain.six_to_four().delegated_prefix("192.0.2.1") == IPv6Network("2002:c000:201::/48")


def test_sixrd_domain_host_bits_and_lengths() -> None:
    # The core's prefix_host_bits_refused_unless_normalized / relay_prefix_host_bits_... /
    # delegation_longer_than_64_is_refused.
    with pytest.raises(ipv6kit.Error, match="bits set after /28"):
        sixrd.SixrdDomain("2a01:e30::ffff:ffff/28")
    assert sixrd.SixrdDomain("2a01:e30::ffff:ffff/28", normalize=True) == sixrd.SixrdDomain(FREE)
    with pytest.raises(ipv6kit.Error, match="relay prefix 192.0.2.0/8"):
        sixrd.SixrdDomain("2001:db8::/32", "192.0.2.0/8")
    d = sixrd.SixrdDomain("2001:db8::/32", "192.0.2.0/8", normalize=True)
    assert d.relay_prefix == IPv4Network("192.0.0.0/8")
    with pytest.raises(ipv6kit.Error):
        sixrd.SixrdDomain("2001:db8::/40")
    assert sixrd.SixrdDomain("2001:db8::/40", "10.0.0.0/8").delegated_len == 64
    with pytest.raises(ipv6kit.Error):
        sixrd.SixrdDomain.for_ce("2001:db8::/32", 33, "82.10.11.12")
    with pytest.raises(TypeError):
        sixrd.SixrdDomain(FREE, IPv4Address("10.0.0.0"))  # type: ignore[arg-type]


def test_option_dhclient_groups() -> None:
    # The core's option_dhclient_text_signed_and_unsigned: dhclient prints `integer 16` signed.
    o = sixrd.parse_option_212("8 40 8193 3512 -3072 0 0 0 0 0 10.0.0.1")
    assert o.prefix == IPv6Network("2001:db8:f400::/40")
    assert o.dhclient_groups() == "8 40 8193 3512 -3072 0 0 0 0 0 10.0.0.1"
    assert o.dhclient_groups(signed=False) == "8 40 8193 3512 62464 0 0 0 0 0 10.0.0.1"
    free = sixrd.parse_option_212("0 28 10753 3632 0 0 0 0 0 0 192.88.99.201")
    assert free == sixrd.parse_option_212("0 28 2a01:e30:: 192.88.99.201")


@given(ipv4s)
def test_domain_round_trip(ce: IPv4Address) -> None:
    d = sixrd.SixrdDomain(FREE)
    assert d.extract_ipv4(d.tunnel_address(ce)) == ce
    assert d.delegated_prefix(ce) == sixrd.delegated_prefix(FREE, ce)
