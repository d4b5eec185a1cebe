"""The batch functions: every output= form, packed input, errors, and no leaks.

The referee for values is Python's own ipaddress: expected results are computed here with
ipaddress and integer arithmetic, never with ipv6kit.
"""

from __future__ import annotations

import gc
import itertools
import re
import sys
import tracemalloc
from collections.abc import Iterator
from ipaddress import IPv6Address, IPv6Network
from typing import Any, Union

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ipv6kit
from ipv6kit import _ipv6kit

SN_BASE = int(IPv6Address("ff02::1:ff00:0"))
FORMS = ["address", "str", "int", "packed"]

# Addresses with many zero groups, runs of every length and ties, and IPv4-mapped ones (whose
# text changed in Python 3.13): what RFC 5952 text formatting must get right.
hextets = st.one_of(st.just(0), st.just(0xFFFF), st.just(1), st.integers(0, 0xFFFF))
any_address = st.one_of(
    st.integers(0, 2**128 - 1),
    st.lists(hextets, min_size=8, max_size=8).map(lambda g: sum(h << (112 - 16 * i) for i, h in enumerate(g))),
    st.integers(0, 2**32 - 1).map(lambda v4: 0xFFFF << 32 | v4),
)
unicast = any_address.filter(lambda i: i >> 120 != 0xFF).map(IPv6Address)
mac_bytes = st.one_of(
    st.binary(min_size=6, max_size=6),
    # 02:00:ff:..: with the prefix ::/64 its SLAAC address is IPv4-mapped (::ffff:fe..:....).
    st.binary(min_size=3, max_size=3).map(lambda b: b"\x02\x00\xff" + b),
)
prefixes64 = st.one_of(st.just(0), st.integers(0, 2**64 - 1), hextets.map(lambda h: h << 48)).map(
    lambda hi: IPv6Network((hi << 64, 64))
)


def expected_groups(addrs: list[IPv6Address]) -> list[IPv6Address]:
    """The solicited-node groups, by RFC 4291 2.7.1's definition."""
    return [IPv6Address(SN_BASE | (int(a) & 0xFFFFFF)) for a in addrs]


def expected_slaac(net: IPv6Network, macs: list[bytes]) -> list[IPv6Address]:
    """The SLAAC addresses, by RFC 4291 appendix A's definition of the modified EUI-64."""
    out = []
    for m in macs:
        iid = bytes([m[0] ^ 0x02, m[1], m[2], 0xFF, 0xFE, m[3], m[4], m[5]])
        out.append(IPv6Address(int(net.network_address) | int.from_bytes(iid, "big")))
    return out


def converted(addrs: list[IPv6Address], form: str) -> Any:
    """The default form converted to `form` by Python."""
    if form == "str":
        return [str(a) for a in addrs]
    if form == "int":
        return [int(a) for a in addrs]
    if form == "packed":
        return b"".join(a.packed for a in addrs)
    return addrs


def mac_text(m: bytes, style: int) -> str:
    hexes = [f"{b:02x}" for b in m]
    return [":".join(hexes), "-".join(hexes).upper(), "".join(hexes), f"{m[:2].hex()}.{m[2:4].hex()}.{m[4:].hex()}"][style]


def test_the_fast_paths_are_the_ones_tested() -> None:
    # On CPython every fast path must be in use, or these tests would test the fallbacks.
    fast = _ipv6kit._fast_paths()
    assert fast["new_address"] and fast["slots"] and fast["new_network"]
    assert fast["text"] == ("dotted" if sys.version_info >= (3, 13) else "hex")
    assert fast["borrowed_utf8"] == (sys.platform != "win32")


@given(st.lists(unicast, max_size=40), st.data())
def test_solicited_nodes_every_form_and_input(addrs: list[IPv6Address], data: st.DataObject) -> None:
    want = expected_groups(addrs)
    mixed: list[Union[str, IPv6Address]] = []
    for a in addrs:
        forms: list[Union[str, IPv6Address]] = [str(a), a, a.exploded]
        mixed.append(data.draw(st.sampled_from(forms)))
    packed = b"".join(a.packed for a in addrs)
    default = ipv6kit.solicited_nodes(mixed)
    assert default == want
    assert all(type(g) is IPv6Address for g in default)
    for form in FORMS:
        got = ipv6kit.solicited_nodes(mixed, output=form)
        assert got == converted(want, form), form
        assert got == converted(default, form), form
        # Packed input, in every bytes-like type, gives the same.
        for blob in (packed, bytearray(packed), memoryview(packed)):
            assert ipv6kit.solicited_nodes(blob, output=form) == got, (form, type(blob))
        # Any iterable: a generator, a tuple.
        assert ipv6kit.solicited_nodes((a for a in mixed), output=form) == got
        assert ipv6kit.solicited_nodes(tuple(mixed), output=form) == got


@given(prefixes64, st.lists(mac_bytes, max_size=40), st.integers(0, 3))
def test_slaac_many_every_form_and_input(net: IPv6Network, macs: list[bytes], style: int) -> None:
    want = expected_slaac(net, macs)
    texts = [mac_text(m, style) for m in macs]
    packed = b"".join(macs)
    default = ipv6kit.slaac_many(net, texts)
    assert default == want
    for form in FORMS:
        got = ipv6kit.slaac_many(net, texts, output=form)
        assert got == converted(want, form), form
        assert got == converted(default, form), form
        for blob in (packed, bytearray(packed), memoryview(packed)):
            assert ipv6kit.slaac_many(net, blob, output=form) == got, (form, type(blob))
        assert ipv6kit.slaac_many(str(net), iter(texts), output=form) == got


@given(any_address)
def test_text_is_what_ipaddress_writes(bits: int) -> None:
    # The formatter behind output="str", on any address (both notations of IPv4-mapped ones).
    assert _ipv6kit._format_address(bits) == str(IPv6Address(bits))


def test_each_output_form_has_its_own_type() -> None:
    # mypy --strict checks these annotations against the stubs' overloads (one per literal).
    addrs: list[IPv6Address] = ipv6kit.solicited_nodes(["::1"])
    texts: list[str] = ipv6kit.solicited_nodes(["::1"], output="str")
    ints: list[int] = ipv6kit.solicited_nodes(["::1"], output="int")
    packed: bytes = ipv6kit.solicited_nodes(b"\x00" * 16, output="packed")
    slaac_texts: list[str] = ipv6kit.slaac_many("2001:db8::/64", b"\x00" * 6, output="str")
    slaac_packed: bytes = ipv6kit.slaac_many("2001:db8::/64", ["00:11:22:33:44:55"], output="packed")
    assert [type(x) for x in (addrs[0], texts[0], ints[0], packed, slaac_texts[0], slaac_packed)] == [
        IPv6Address,
        str,
        int,
        bytes,
        str,
        bytes,
    ]


def test_text_of_ipv4_mapped_slaac_addresses_follows_this_python() -> None:
    got = ipv6kit.slaac_many("::/64", ["02:00:ff:01:02:03"], output="str")
    assert got == [str(IPv6Address("::ffff:254.1.2.3"))]


@given(st.lists(unicast, max_size=30))
def test_classify_many_packed_and_iterables(addrs: list[IPv6Address]) -> None:
    want = [ipv6kit.classify(a) for a in addrs]
    packed = b"".join(a.packed for a in addrs)
    assert ipv6kit.classify_many(addrs) == want
    assert ipv6kit.classify_many(str(a) for a in addrs) == want
    for blob in (packed, bytearray(packed), memoryview(packed)):
        assert ipv6kit.classify_many(blob) == want


def test_numpy_style_packed_round_trip() -> None:
    # output="packed" is 16 bytes per address in order: what numpy.frombuffer(b, "V16") reads.
    addrs = [IPv6Address("2001:db8::1234:5678"), IPv6Address("fe80::ba27:ebff:fe89:bc51")]
    packed = ipv6kit.solicited_nodes(addrs, output="packed")
    assert isinstance(packed, bytes) and len(packed) == 32
    assert [IPv6Address(packed[i : i + 16]) for i in range(0, 32, 16)] == expected_groups(addrs)
    # A memoryview of a slice of a bigger buffer, as numpy's .data would be.
    big = bytearray(b"\xaa" * 16) + b"".join(a.packed for a in addrs)
    assert ipv6kit.solicited_nodes(memoryview(big)[16:], output="packed") == packed
    assert ipv6kit.solicited_nodes(b"", output="packed") == b""
    assert ipv6kit.solicited_nodes([], output="str") == []


def test_output_must_be_one_of_the_forms() -> None:
    for bad in ["Address", "list", "", "bytes"]:
        with pytest.raises(ipv6kit.Error, match="'address', 'str', 'int' or 'packed'"):
            ipv6kit.solicited_nodes(["::1"], output=bad)
        with pytest.raises(ValueError, match="'address', 'str', 'int' or 'packed'"):
            ipv6kit.slaac_many("2001:db8::/64", ["00:11:22:33:44:55"], output=bad)
    with pytest.raises(TypeError):
        ipv6kit.solicited_nodes(["::1"], output=3)  # type: ignore[call-overload]
    with pytest.raises(TypeError):
        ipv6kit.solicited_nodes(["::1"], "str")  # type: ignore[call-overload]


def test_packed_length_must_be_a_multiple() -> None:
    with pytest.raises(ipv6kit.Error, match=r"packed addresses: 35 bytes is not a multiple of 16"):
        ipv6kit.solicited_nodes(bytes(35))
    with pytest.raises(ipv6kit.Error, match=r"17 bytes is not a multiple of 16"):
        ipv6kit.classify_many(bytearray(17))
    with pytest.raises(ipv6kit.Error, match=r"packed MACs: 7 bytes is not a multiple of 6"):
        ipv6kit.slaac_many("2001:db8::/64", memoryview(bytes(7)), output="packed")


def test_errors_name_the_item() -> None:
    with pytest.raises(ipv6kit.Error, match=r"item 2: .*multicast"):
        ipv6kit.solicited_nodes(["::1", "::2", "ff02::1"], output="packed")
    packed = IPv6Address("2001:db8::1").packed * 3 + IPv6Address("ff02::1").packed
    with pytest.raises(ipv6kit.Error, match=r"item 3: .*multicast"):
        ipv6kit.solicited_nodes(packed, output="int")
    with pytest.raises(ipv6kit.Error, match=r'item 1: addr "2001:db8::g"'):
        ipv6kit.solicited_nodes(["::1", "2001:db8::g"], output="str")
    with pytest.raises(TypeError, match=r"item 1: addr must be a str or an ipaddress.IPv6Address, not bytes"):
        ipv6kit.solicited_nodes(["::1", b"\x00" * 16])  # type: ignore[list-item]
    with pytest.raises(ipv6kit.Error, match=r'item 1: mac "nope"'):
        ipv6kit.slaac_many("2001:db8::/64", ["00:11:22:33:44:55", "nope"], output="int")
    with pytest.raises(TypeError, match=r"item 0: mac must be a str"):
        ipv6kit.slaac_many("2001:db8::/64", [42])  # type: ignore[list-item]
    with pytest.raises(ipv6kit.Error, match="/64"):
        ipv6kit.slaac_many("2001:db8::/48", b"")
    with pytest.raises(TypeError):
        ipv6kit.solicited_nodes(5)  # type: ignore[call-overload]
    with pytest.raises(ipv6kit.Error, match="item 0"):
        ipv6kit.solicited_nodes("::1")  # a str is an iterable of one-character items


def test_an_error_from_the_iterable_passes_through() -> None:
    def broken() -> Iterator[str]:
        yield "::1"
        raise KeyError("from the generator")

    with pytest.raises(KeyError, match="from the generator"):
        ipv6kit.solicited_nodes(broken(), output="str")


class Sub(IPv6Address):
    """A subclass: read through the attribute, not the slot."""


def test_subclasses_and_odd_ip_values() -> None:
    assert ipv6kit.solicited_nodes([Sub("2001:db8::1:2345")], output="int") == [SN_BASE | 0x012345]
    odd = Sub("::1")
    odd._ip = 2**128  # type: ignore[attr-defined]  # a subclass can store anything
    with pytest.raises(OverflowError):
        ipv6kit.solicited_nodes([odd])
    odd._ip = -1  # type: ignore[attr-defined]
    with pytest.raises(OverflowError):
        ipv6kit.solicited_nodes([odd])
    odd._ip = "::1"  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        ipv6kit.solicited_nodes([odd])
    # An exact IPv6Address whose _ip is an int subclass or too large goes the slow way too.
    plain = IPv6Address("::1")
    plain._ip = True  # type: ignore[attr-defined]
    assert ipv6kit.solicited_nodes([plain], output="int") == [SN_BASE | 1]
    plain._ip = 2**129  # type: ignore[attr-defined]
    with pytest.raises(OverflowError):
        ipv6kit.solicited_nodes([plain])


def test_results_are_ordinary_objects_holding_one_reference() -> None:
    # Objects made with the slots written directly: one reference each, from the list, and
    # their int one reference, from the object (sys.getrefcount adds its own argument).
    # (Counted outside the asserts: pytest's assertion rewriting keeps references to operands.)
    got = ipv6kit.solicited_nodes(["2001:db8::1234:5678", IPv6Address("2001:db8::1")])
    texts = ipv6kit.solicited_nodes(["::1"], output="str")
    ints = ipv6kit.solicited_nodes(["::1"], output="int")
    counts = [sys.getrefcount(got[0]), sys.getrefcount(got[1]), sys.getrefcount(texts[0]), sys.getrefcount(ints[0])]
    counts += [sys.getrefcount(got[0]._ip), sys.getrefcount(got[1]._ip)]  # type: ignore[attr-defined]
    assert counts == [2] * 6
    assert all(type(g) is IPv6Address and g.scope_id is None for g in got)
    assert got[0] == IPv6Address("ff02::1:ff34:5678") and hash(got[0]) == hash(IPv6Address("ff02::1:ff34:5678"))


def test_inputs_keep_their_reference_counts() -> None:
    strs = [f"2001:db8::{i:x}" for i in range(100)]
    objs = [IPv6Address(s) for s in strs]
    ips = [a._ip for a in objs]  # type: ignore[attr-defined]
    before = [sys.getrefcount(x) for x in strs + objs + ips]
    for form in FORMS:
        ipv6kit.solicited_nodes(strs, output=form)
        ipv6kit.solicited_nodes(objs, output=form)
        ipv6kit.classify_many(objs)
    assert [sys.getrefcount(x) for x in strs + objs + ips] == before


def test_no_memory_is_kept_across_calls() -> None:
    strs = [str(IPv6Address(0x2001_0DB8 << 96 | i * 0x1_0001_0001)) for i in range(5000)]
    objs = [IPv6Address(s) for s in strs]
    packed = b"".join(a.packed for a in objs)
    macs = [f"00:11:22:{i >> 16 & 0xFF:02x}:{i >> 8 & 0xFF:02x}:{i & 0xFF:02x}" for i in range(5000)]

    def calls() -> None:
        for form in FORMS:
            ipv6kit.solicited_nodes(strs, output=form)
            ipv6kit.solicited_nodes(objs, output=form)
            ipv6kit.solicited_nodes(packed, output=form)
            ipv6kit.slaac_many("2001:db8::/64", macs, output=form)
        ipv6kit.classify_many(packed)
        for bad in (["::1", "ff02::1"], ["::1", "x"], ["::1", 3]):
            try:
                ipv6kit.solicited_nodes(bad)  # type: ignore[arg-type]
            except (ipv6kit.Error, TypeError):
                pass

    calls()  # caches, interned names, the start-up checks
    gc.collect()
    tracemalloc.start()
    try:
        calls()
        gc.collect()
        first, _ = tracemalloc.get_traced_memory()
        for _ in range(10):
            calls()
        gc.collect()
        after, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # Each round allocates several MB; a leak of one object per item would keep ~2 MB a round.
    assert after - first < 64 * 1024, f"{after - first} bytes more after 10 rounds"


def test_the_collector_is_restored() -> None:
    assert gc.isenabled()
    ipv6kit.solicited_nodes(["::1"])
    assert gc.isenabled()
    gc.disable()
    try:
        ipv6kit.solicited_nodes(["::1"])
        with pytest.raises(ipv6kit.Error):
            ipv6kit.solicited_nodes(["ff02::1"])
        assert not gc.isenabled()
    finally:
        gc.enable()
    with pytest.raises(ipv6kit.Error):
        ipv6kit.solicited_nodes(["::1", "ff02::1"])
    assert gc.isenabled()


# The core's address parser reads hex-only text on a fast path and hands anything else to
# Rust's parser. On text without a dotted quad, Python's ipaddress is the referee: ipv6kit
# accepts exactly what it accepts, with the same value. Reached through a prefix
# ("<text>/128") the answer must be the same.
address_like = st.text(alphabet="0123456789abcdefABCDEF:", max_size=45)


@given(st.one_of(address_like, any_address.map(lambda i: str(IPv6Address(i))), any_address.map(lambda i: IPv6Address(i).exploded)))
def test_address_parser_accepts_what_ipaddress_accepts(text: str) -> None:
    try:
        ours: Union[str, None] = ipv6kit.reverse_name(text)
    except ipv6kit.Error:
        ours = None
    try:
        referee: Union[str, None] = IPv6Address(text).reverse_pointer
    except ValueError:
        referee = None
    assert ours == referee
    try:
        via_prefix: Union[str, None] = ipv6kit.reverse_name(text + "/128")
    except ipv6kit.Error:
        via_prefix = None
    assert via_prefix == ours


CANONICAL_MAC = re.compile(r"[0-9a-fA-F]{2}([:-])[0-9a-fA-F]{2}(?:\1[0-9a-fA-F]{2}){4}")


@given(st.one_of(st.text(alphabet="0123456789abcdefABCDEF:-.", min_size=15, max_size=19), mac_bytes.map(lambda m: mac_text(m, 0))))
def test_fast_mac_parser_agrees(text: str) -> None:
    try:
        got: Union[str, None] = ipv6kit.parse_mac(text)
    except ipv6kit.Error:
        got = None
    if CANONICAL_MAC.fullmatch(text):
        assert got == ":".join(text[i : i + 2] for i in range(0, 17, 3)).lower()
    # Whatever the path, the address from it is the one from the MAC's bytes.
    if got is not None:
        assert ipv6kit.slaac_many("2001:db8::/64", [text]) == expected_slaac(
            IPv6Network("2001:db8::/64"), [bytes.fromhex(got.replace(":", ""))]
        )


@given(st.integers(min_value=0, max_value=2**128 - 1), st.integers(min_value=0, max_value=128))
def test_networks_made_fast_are_the_constructors(bits: int, length: int) -> None:
    # Every network the API returns is a real ipaddress.IPv6Network: the same instance
    # attributes as the constructor sets (for /127 and /128 that includes `hosts`, RFC 6164),
    # the same hosts, the same value. ipaddress itself is the referee.
    start = bits & ~((1 << (128 - length)) - 1)
    first, last = IPv6Address(start), IPv6Address(start | ((1 << (128 - length)) - 1))
    (net,) = ipv6kit.plan.range_to_prefixes(first, last)
    ref = IPv6Network((start, length))
    assert sorted(vars(net)) == sorted(vars(ref))
    assert list(itertools.islice(net.hosts(), 4)) == list(itertools.islice(ref.hosts(), 4))
    assert net == ref and hash(net) == hash(ref)


def test_point_to_point_networks_list_every_address_as_a_host() -> None:
    lo = ipv6kit.registry.lookup("::1")
    assert lo is not None
    assert list(lo["prefix"].hosts()) == list(IPv6Network("::1/128").hosts()) == [IPv6Address("::1")]
    (link,) = ipv6kit.plan.range_to_prefixes("2001:db8::", "2001:db8::1")
    assert list(link.hosts()) == list(IPv6Network("2001:db8::/127").hosts())
