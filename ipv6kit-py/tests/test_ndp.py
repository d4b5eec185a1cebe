"""ipv6kit.ndp: the seed captures, round trips, builders, validation, bad input."""

from __future__ import annotations

import pathlib
import struct
from ipaddress import IPv6Address, IPv6Network

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ipv6kit
from ipv6kit import ndp

# The captures of shared/vectors, committed in the repository.
VECTORS = pathlib.Path(__file__).resolve().parents[2] / "ipv6kit" / "tests" / "data" / "ndp"


def pcap_frames(path: pathlib.Path) -> list[bytes]:
    """The frames of a classic pcap file (little- or big-endian)."""
    data = path.read_bytes()
    endian = "<" if data[:4] == b"\xd4\xc3\xb2\xa1" else ">"
    frames, off = [], 24
    while off + 16 <= len(data):
        incl = struct.unpack(endian + "I", data[off + 8 : off + 12])[0]
        frames.append(data[off + 16 : off + 16 + incl])
        off += 16 + incl
    return frames


def pcapng_packets(path: pathlib.Path) -> list[bytes]:
    """The packets of the Enhanced Packet Blocks of a little-endian pcapng file."""
    data = path.read_bytes()
    packets, off = [], 0
    while off + 12 <= len(data):
        kind, length = struct.unpack("<II", data[off : off + 8])
        if kind == 6:
            captured = struct.unpack("<I", data[off + 20 : off + 24])[0]
            packets.append(data[off + 28 : off + 28 + captured])
        off += max(length, 12)
    return packets


@pytest.fixture(scope="module")
def ra_frame() -> bytes:
    return pcap_frames(VECTORS / "tcpdump-icmpv6-ra.pcap")[0]


def test_seed_ra_decodes_as_tcpdump_and_the_readme_say(ra_frame: bytes) -> None:
    assert len(ra_frame) == 230
    ra = ndp.parse_frame(ra_frame)
    assert isinstance(ra, ndp.RouterAdvertisement)
    assert ra.src == IPv6Address("fe80::b299:28ff:fec8:d66c") and ra.dst == IPv6Address("ff02::1")
    assert ra.hop_limit == 255 and ra.checksum == 0x2401
    assert ra.cur_hop_limit == 64 and ra.home_agent and not ra.managed and not ra.other
    assert ra.preference == "medium" and ra.router_lifetime == 15
    names = [type(o).__name__ for o in ra.options]
    assert names == [
        "PrefixInformation",
        "RecursiveDnsServer",
        "DnsSearchList",
        "Mtu",
        "SourceLinkLayerAddress",
        "AdvertisementInterval",
        "HomeAgentInformation",
    ]
    pio, rdnss, dnssl, mtu, slla, advint, hai = ra.options
    assert isinstance(pio, ndp.PrefixInformation)
    assert pio.prefix == IPv6Network("2222:3333:4444:5555:6600::/72")
    assert pio.on_link and pio.autonomous
    assert (pio.valid_lifetime, pio.preferred_lifetime) == (2592000, 604800)
    assert isinstance(rdnss, ndp.RecursiveDnsServer)
    assert rdnss.lifetime == 5 and rdnss.servers == [IPv6Address("abcd::efef"), IPv6Address("1234:5678::1")]
    assert isinstance(dnssl, ndp.DnsSearchList)
    assert dnssl.domains == ["example.com", "example.org", "dom1.dom2.tld"]
    assert isinstance(mtu, ndp.Mtu) and mtu.mtu == 100
    assert isinstance(slla, ndp.SourceLinkLayerAddress) and slla.address == "b0:99:28:c8:d6:6c"
    assert isinstance(advint, ndp.AdvertisementInterval) and advint.interval_ms == 5000
    assert isinstance(hai, ndp.HomeAgentInformation) and (hai.preference, hai.lifetime) == (50001, 15)
    # Valid in its context, and re-emitted byte for byte (checksum kept or recomputed).
    assert ra.validate() == []
    icmp = ra_frame[54:]
    assert len(icmp) == 176
    assert ra.to_bytes() == icmp
    assert ra.to_bytes(src=ra.src, dst=ra.dst) == icmp
    assert ndp.parse(icmp) == ra
    assert "RouterAdvertisement(cur_hop_limit=64" in repr(ra) and "Mtu(mtu=100)" in repr(ra)
    assert "Router lifetime" in str(ra)


def test_validate_flags_a_forwarded_ra(ra_frame: bytes) -> None:
    ra = ndp.parse(ra_frame[54:], src="fe80::b299:28ff:fec8:d66c", dst="ff02::1", hop_limit=64)
    broken = ra.validate()
    assert len(broken) == 1 and "255" in broken[0]
    assert ra.validate(hop_limit=255) == []
    with pytest.raises(ipv6kit.Error):
        ndp.parse(ra_frame[54:]).validate()


def test_seed_dad_ns_with_nonce() -> None:
    ns = ndp.parse_frame(pcap_frames(VECTORS / "tcpdump-ns-nonce.pcap")[0])
    assert isinstance(ns, ndp.NeighborSolicitation)
    assert ns.src == IPv6Address("::") and ns.dst == IPv6Address("ff02::1:ffe1:f")
    assert ns.target == IPv6Address("fe80::546f:f7ff:fee1:f") and ns.checksum == 0x566E
    (nonce,) = ns.options
    assert isinstance(nonce, ndp.Nonce) and nonce.nonce == bytes.fromhex("6069604c0aaa")
    assert ns.validate() == []


def test_empty_icmpv6_is_refused() -> None:
    with pytest.raises(ipv6kit.Error):
        ndp.parse(b"")
    (frame,) = pcapng_packets(VECTORS / "tcpdump-icmpv6-length-zero.pcapng")
    with pytest.raises(ipv6kit.Error):
        ndp.parse_frame(frame)


def test_builders_round_trip() -> None:
    ns = ndp.NeighborSolicitation("fe80::1", [ndp.SourceLinkLayerAddress("00:11:22:33:44:55")])
    wire = ns.to_bytes(src="fe80::2", dst=ipv6kit.solicited_node("fe80::1"))
    back = ndp.parse(wire, src="fe80::2", dst=ipv6kit.solicited_node("fe80::1"), hop_limit=255)
    assert back == ns and back.validate() == []
    ra = ndp.RouterAdvertisement(
        router_lifetime=1800,
        preference="high",
        options=[
            ndp.PrefixInformation("2001:db8:1::/64"),
            ndp.RouteInformation("2001:db8:2::/48", "low", 600),
            ndp.RecursiveDnsServer(["2001:db8::53"]),
            ndp.DnsSearchList(["example.com"]),
            ndp.Mtu(1500),
        ],
    )
    back_ra = ndp.parse(ra.to_bytes(src="fe80::1", dst="ff02::1"))
    assert back_ra == ra and isinstance(back_ra, ndp.RouterAdvertisement)
    assert back_ra.preference == "high"
    assert [type(o).__name__ for o in back_ra.options][:2] == ["PrefixInformation", "RouteInformation"]
    na = ndp.NeighborAdvertisement("2001:db8::1", router=True, solicited=True, override=True)
    assert (na.router, na.solicited, na.override) == (True, True, True)
    assert ndp.parse(na.to_bytes()) == na
    rd = ndp.Redirect("fe80::1", "2001:db8::99")
    assert ndp.parse(rd.to_bytes()) == rd
    rs = ndp.RouterSolicitation()
    assert ndp.parse(rs.to_bytes()) == rs and rs.options == []


def test_builder_errors() -> None:
    with pytest.raises(ipv6kit.Error):
        ndp.RecursiveDnsServer([])
    with pytest.raises(ipv6kit.Error):
        ndp.RouterAdvertisement(preference="urgent")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        ndp.RouterSolicitation(options=["not an option"])  # type: ignore[list-item]


def test_unknown_and_invalid_options_are_kept() -> None:
    # An RS with an unknown option (253) and an RDNSS with an even Length (CVE-2020-16898).
    unknown = bytes([253, 1, 1, 2, 3, 4, 5, 6])
    rdnss_even = bytes([25, 2]) + bytes(14)
    rs = ndp.parse(bytes([133, 0, 0, 0, 0, 0, 0, 0]) + unknown + rdnss_even)
    kinds = [type(o).__name__ for o in rs.options]
    assert kinds == ["UnknownOption", "InvalidOption"]
    assert rs.to_bytes()[8:] == unknown + rdnss_even


def test_zero_length_option_discards_the_message() -> None:
    with pytest.raises(ipv6kit.Error):
        ndp.parse(bytes([133, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0]))


@given(st.binary(max_size=200))
def test_any_bytes_parse_or_raise_and_round_trip(data: bytes) -> None:
    try:
        msg = ndp.parse(data)
    except ipv6kit.Error:
        return
    for o in msg.options:
        repr(o)
    assert ndp.parse(msg.to_bytes()) == msg


@given(st.binary(max_size=300))
def test_any_frame_parses_or_raises(data: bytes) -> None:
    try:
        ndp.parse_frame(data)
    except ipv6kit.Error:
        pass


def rfc4443_checksum(src: str, dst: str, message: bytes) -> int:
    """An independent ICMPv6 checksum: RFC 1071 one's-complement sum over the RFC 8200 §8.1
    pseudo-header and the message with its checksum field zeroed (RFC 4443 §2.3)."""
    zeroed = message[:2] + b"\0\0" + message[4:]
    data = IPv6Address(src).packed + IPv6Address(dst).packed + struct.pack(">I", len(message)) + b"\0\0\0\x3a"
    data += zeroed + (b"\0" if len(zeroed) % 2 else b"")
    total: int = sum(struct.unpack(f">{len(data) // 2}H", data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def test_checksum_of_the_seed_captures(ra_frame: bytes) -> None:
    # shared/vectors/README.md: the RA's checksum is 0x2401, the DAD NS's 0x566e.
    icmp = ra_frame[54:]
    assert ndp.checksum("fe80::b299:28ff:fec8:d66c", "ff02::1", icmp) == 0x2401
    assert ndp.verify_checksum(IPv6Address("fe80::b299:28ff:fec8:d66c"), "ff02::1", icmp)
    assert not ndp.verify_checksum("fe80::b299:28ff:fec8:d66d", "ff02::1", icmp)
    assert not ndp.verify_checksum("fe80::b299:28ff:fec8:d66c", "ff02::1", icmp[:4] + bytes([icmp[4] ^ 1]) + icmp[5:])
    ns = pcap_frames(VECTORS / "tcpdump-ns-nonce.pcap")[0][54:]
    assert ndp.checksum("::", "ff02::1:ffe1:f", ns) == 0x566E
    assert ndp.verify_checksum("::", "ff02::1:ffe1:f", ns)
    with pytest.raises(TypeError):
        ndp.checksum("::", "ff02::1", "text")  # type: ignore[arg-type]


@given(st.binary(max_size=200))
def test_checksum_matches_rfc4443(data: bytes) -> None:
    assert ndp.checksum("fe80::1", "ff02::1", data) == rfc4443_checksum("fe80::1", "ff02::1", data)


def test_build_router_advertisement_gives_the_seed_options(ra_frame: bytes) -> None:
    # Rebuild the seed RA (shared/vectors/README.md) from its decoded values: every option the
    # builder writes is byte for byte the one in tcpdump's capture (in radvd's order, not the
    # capture's), and the fixed part is the capture's.
    seed = ndp.parse_frame(ra_frame)
    assert isinstance(seed, ndp.RouterAdvertisement)
    built = ndp.build_router_advertisement(
        "fe80::b299:28ff:fec8:d66c",
        cur_hop_limit=64,
        home_agent=True,
        router_lifetime=15,
        source_mac="b0-99-28-c8-d6-6c",
        mtu=100,
        prefixes=[ndp.PrefixInformation("2222:3333:4444:5555:6600::/72", 2592000, 604800)],
        dns_servers=[(5, ["abcd::efef", IPv6Address("1234:5678::1")])],
        search_lists=[(5, ["example.com", "example.org", "dom1.dom2.tld"])],
    )
    assert (built.src, built.dst, built.hop_limit) == (seed.src, IPv6Address("ff02::1"), 255)
    assert not built.exceeds_link_mtu
    data = built.data
    assert data[:2] == bytes([134, 0]) and data[4:16] == ra_frame[54 + 4 : 54 + 16]
    by_type = {type(o).__name__: o.to_bytes() for o in seed.options}
    expected = b"".join(
        by_type[n] for n in ["SourceLinkLayerAddress", "Mtu", "PrefixInformation", "RecursiveDnsServer", "DnsSearchList"]
    )
    assert data[16:] == expected
    assert struct.unpack(">H", data[2:4])[0] == rfc4443_checksum("fe80::b299:28ff:fec8:d66c", "ff02::1", data)
    ra = built.message
    assert isinstance(ra, ndp.RouterAdvertisement) and ra.validate() == []
    assert "BuiltAdvertisement" in repr(built)


def test_build_router_advertisement_flags_and_errors() -> None:
    # The core's router_advertisement_larger_than_the_link_mtu_is_flagged (RFC 6980).
    prefixes = [ndp.PrefixInformation(f"2001:db8:{i:x}::/64", 1, 1) for i in range(45)]
    built = ndp.build_router_advertisement("fe80::1", prefixes=prefixes, link_mtu=1280)
    assert len(built.data) == 16 + 45 * 32 and built.exceeds_link_mtu
    assert not ndp.build_router_advertisement("fe80::1", prefixes=prefixes).exceeds_link_mtu
    # Solicited: to the host; flags and preference in the fixed part.
    ra = ndp.build_router_advertisement(
        "fe80::1", "fe80::2", managed=True, other=True, preference="high", routes=[ndp.RouteInformation("::/0")]
    ).message
    assert isinstance(ra, ndp.RouterAdvertisement)
    assert ra.dst == IPv6Address("fe80::2") and ra.managed and ra.other and ra.preference == "high"
    assert ra.options == [ndp.RouteInformation("::/0")]
    with pytest.raises(ipv6kit.Error):
        ndp.build_router_advertisement("fe80::1", dns_servers=[(5, [])])
    with pytest.raises(ipv6kit.Error):
        ndp.build_router_advertisement("fe80::1", preference="urgent")  # type: ignore[arg-type]
    with pytest.raises(ipv6kit.Error):
        ndp.build_router_advertisement("fe80::1", source_mac="not a mac")
    with pytest.raises(TypeError):
        ndp.build_router_advertisement("fe80::1", prefixes=[ndp.Mtu(1500)])  # type: ignore[list-item]


def test_build_router_advertisement_pref64_captive_portal_and_flags_extension() -> None:
    # The core's router_advertisement_builder_carries_pref64_captive_portal_and_flags_extension:
    # RFC 8781 carries the lifetime in units of 8 s, so 1800 s comes back as 1800 s.
    built = ndp.build_router_advertisement(
        "fe80::1",
        pref64=[("64:ff9b::/96", 1800), (IPv6Network("2001:db8:64::/48"), 600)],
        captive_portal="https://portal.example/login",
        flags_extension=bytes([0x80, 0, 0, 0, 0, 1]),
    )
    ra = ndp.parse(built.data, src="fe80::1", dst="ff02::1", hop_limit=255)
    assert isinstance(ra, ndp.RouterAdvertisement) and ra.validate() == []
    nat64, nat64_48, portal, flags = ra.options
    assert isinstance(nat64, ndp.Pref64) and isinstance(nat64_48, ndp.Pref64)
    assert (nat64.prefix, nat64.lifetime) == (IPv6Network("64:ff9b::/96"), 1800)
    assert (nat64_48.prefix, nat64_48.lifetime) == (IPv6Network("2001:db8:64::/48"), 600)
    assert isinstance(portal, ndp.CaptivePortal) and portal.uri == "https://portal.example/login"
    assert isinstance(flags, ndp.RaFlagsExtension) and flags.bits == bytes([0x80, 0, 0, 0, 0, 1])
    # On the wire (RFC 8781 §4): type 38, Length 2, Scaled Lifetime 225 << 3 | PLC 0, 12 prefix bytes.
    assert nat64.to_bytes() == bytes([38, 2]) + struct.pack("!H", 225 << 3) + IPv6Address("64:ff9b::").packed[:12]
    # RFC 5175: type 26, Length 1, the 6 flag bytes.
    assert flags.to_bytes() == bytes([26, 1, 0x80, 0, 0, 0, 0, 1])
    # The constructors make the same options.
    assert ra.options == [
        ndp.Pref64("64:ff9b::/96", 1800),
        ndp.Pref64(IPv6Network("2001:db8:64::/48"), 600),
        ndp.CaptivePortal("https://portal.example/login"),
        ndp.RaFlagsExtension(bytes([0x80, 0, 0, 0, 0, 1])),
    ]
    # Lifetimes round up to the next 8 s.
    assert ndp.Pref64("64:ff9b::/96", 1801).lifetime == 1808


def test_pref64_captive_portal_and_flags_extension_errors() -> None:
    with pytest.raises(ipv6kit.Error, match="/32, /40, /48, /56, /64 or /96"):
        ndp.build_router_advertisement("fe80::1", pref64=[("64:ff9b::/80", 1800)])
    with pytest.raises(ipv6kit.Error, match="/32, /40, /48, /56, /64 or /96"):
        ndp.Pref64("64:ff9b::/120")
    with pytest.raises(ipv6kit.Error):
        ndp.build_router_advertisement("fe80::1", pref64=[("not a prefix", 1800)])
    for bad in (bytes(5), bytes(7), b""):
        with pytest.raises(ipv6kit.Error, match="exactly 6 bytes"):
            ndp.build_router_advertisement("fe80::1", flags_extension=bad)
        with pytest.raises(ipv6kit.Error, match="exactly 6 bytes"):
            ndp.RaFlagsExtension(bad)
    # One option holds at most 255 * 8 - 2 bytes of URI.
    longest = "https://p.example/" + "a" * (2038 - 18)
    assert ndp.CaptivePortal(longest).uri == longest
    built = ndp.build_router_advertisement("fe80::1", captive_portal=longest)
    assert len(built.data) == 16 + 2040
    with pytest.raises(ipv6kit.Error, match="does not fit"):
        ndp.build_router_advertisement("fe80::1", captive_portal=longest + "a")
    with pytest.raises(ipv6kit.Error, match="does not fit"):
        ndp.CaptivePortal(longest + "a")


def test_build_dad_ns_is_the_seed_capture_byte_for_byte() -> None:
    # shared/vectors/README.md: the 86-byte DAD NS from :: to ff02::1:ffe1:f, target
    # fe80::546f:f7ff:fee1:f, Nonce 60:69:60:4c:0a:aa, checksum 0x566e, from MAC 56:6f:f7:e1:00:0f.
    frame = pcap_frames(VECTORS / "tcpdump-ns-nonce.pcap")[0]
    built = ndp.build_dad_neighbor_solicitation("fe80::546f:f7ff:fee1:f", bytes.fromhex("6069604c0aaa"))
    assert (built.src, built.dst, built.hop_limit) == (IPv6Address("::"), IPv6Address("ff02::1:ffe1:f"), 255)
    assert built.data == frame[54:]
    assert built.to_ipv6() == frame[14:]
    assert built.to_frame("56:6f:f7:e1:00:0f") == frame
    ns = built.message
    assert isinstance(ns, ndp.NeighborSolicitation) and ns.validate() == []
    random_nonce = ndp.build_dad_neighbor_solicitation("fe80::1").message.options[0]
    assert isinstance(random_nonce, ndp.Nonce) and len(random_nonce.nonce) == 6
    with pytest.raises(ipv6kit.Error, match="6 bytes"):
        ndp.build_dad_neighbor_solicitation("fe80::1", b"\0")


def test_build_ns_na_rs() -> None:
    # RFC 4861 §7.2.2: address resolution goes to the solicited-node group; §7.3 NUD to the target.
    ns = ndp.build_neighbor_solicitation("2001:db8::2", "2001:db8::1", "02:00:00:00:00:02")
    assert ns.dst == IPv6Address("ff02::1:ff00:1")
    msg = ns.message
    assert isinstance(msg, ndp.NeighborSolicitation) and msg.validate() == []
    assert msg.options == [ndp.SourceLinkLayerAddress("02:00:00:00:00:02")]
    nud = ndp.build_neighbor_solicitation("2001:db8::2", "2001:db8::1", "02:00:00:00:00:02", unicast=True)
    assert nud.dst == IPv6Address("2001:db8::1") and nud.message.validate() == []
    assert ndp.verify_checksum(nud.src, nud.dst, nud.data)
    # §7.2.4: an answer to a DAD NS (source ::) goes to all-nodes with S = 0; §7.2.6 unsolicited.
    na = ndp.build_neighbor_advertisement("fe80::1", "fe80::1", "02:00:00:00:00:01", to="fe80::2", router=True)
    m = na.message
    assert isinstance(m, ndp.NeighborAdvertisement)
    assert na.dst == IPv6Address("fe80::2") and (m.router, m.solicited, m.override) == (True, True, True)
    dad_answer = ndp.build_neighbor_advertisement("fe80::1", "fe80::1", "02:00:00:00:00:01", to="::").message
    assert isinstance(dad_answer, ndp.NeighborAdvertisement)
    assert dad_answer.dst == IPv6Address("ff02::1") and not dad_answer.solicited
    assert ndp.build_neighbor_advertisement("fe80::1", "fe80::1", "02:00:00:00:00:01").dst == IPv6Address("ff02::1")
    # §4.1: no SLLA from ::.
    rs = ndp.build_router_solicitation("fe80::2", "02:00:00:00:00:02")
    assert rs.dst == IPv6Address("ff02::2") and len(rs.data) == 16
    assert len(ndp.build_router_solicitation("::", "02:00:00:00:00:02").data) == 8
    # RFC 2464 §7: ff02::2 maps to 33:33:00:00:00:02; a unicast destination needs a MAC.
    assert rs.to_frame("02:00:00:00:00:02")[:12] == bytes.fromhex("333300000002020000000002")
    with pytest.raises(ipv6kit.Error):
        nud.to_frame("02:00:00:00:00:02")
    assert nud.to_frame("02:00:00:00:00:02", "02:00:00:00:00:01")[:6] == bytes.fromhex("020000000001")
    assert "BuiltMessage" in repr(rs)


def test_built_ra_frame_has_the_seed_headers(ra_frame: bytes) -> None:
    # The seed RA's Ethernet and IPv6 headers (shared/vectors/README.md): from b0:99:28:c8:d6:6c
    # and fe80::b299:28ff:fec8:d66c to ff02::1 (33:33:00:00:00:01), hop limit 255.
    built = ndp.build_router_advertisement("fe80::b299:28ff:fec8:d66c", router_lifetime=15)
    frame = built.to_frame("b0:99:28:c8:d6:6c")
    assert frame[:14] == ra_frame[:14]
    assert frame[14:18] == ra_frame[14:18] and frame[20:54] == ra_frame[20:54]
    assert struct.unpack(">H", frame[18:20])[0] == len(built.data)
    assert built.to_ipv6() == frame[14:]
