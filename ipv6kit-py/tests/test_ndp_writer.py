"""ndp.MessageWriter, the option constructors and ndp.parse_ipv6 against their referees: the
seed captures (tcpdump's test suite), rebuilt byte for byte; tshark 4.0's ICMPv6 dissector on
every message the writer makes and on IPv6 packets with extension headers; RFC 4443's checksum
computed here from its definition."""

from __future__ import annotations

import ipaddress
import struct
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ipv6kit
from ipv6kit import ndp

from _referees import LINKTYPE_ETHERNET, LINKTYPE_RAW, need, tshark_fields, write_pcap
from test_ndp import VECTORS, pcap_frames


def rfc4443_checksum(src: str, dst: str, msg: bytes) -> int:
    """RFC 4443 §2.3 over RFC 8200 §8.1's pseudo-header, by the definition (RFC 1071)."""
    pseudo = ipaddress.IPv6Address(src).packed + ipaddress.IPv6Address(dst).packed
    data = pseudo + struct.pack("!I3xB", len(msg), 58) + msg[:2] + b"\0\0" + msg[4:]
    if len(data) % 2:
        data += b"\0"
    total = sum(int(w) for w in struct.unpack(f"!{len(data) // 2}H", data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def ipv6_packet(src: str, dst: str, payload: bytes, *, next_header: int = 58, hop_limit: int = 255,
                traffic_class: int = 0, flow_label: int = 0, trailer: bytes = b"") -> bytes:
    """An IPv6 header (RFC 8200 §3) in front of ``payload``."""
    first = (6 << 28) | (traffic_class << 20) | flow_label
    header = struct.pack("!IHBB", first, len(payload), next_header, hop_limit)
    return header + ipaddress.IPv6Address(src).packed + ipaddress.IPv6Address(dst).packed + payload + trailer


@pytest.fixture(scope="module")
def ra_frame() -> bytes:
    return pcap_frames(VECTORS / "tcpdump-icmpv6-ra.pcap")[0]


def addresses(frame: bytes) -> tuple[str, str, int]:
    """Source, destination and hop limit from a frame's IPv6 header."""
    ip = frame[14:54]
    return str(ipaddress.IPv6Address(ip[8:24])), str(ipaddress.IPv6Address(ip[24:40])), ip[7]


def test_the_seed_ra_rebuilt_option_by_option(ra_frame: bytes) -> None:
    # Every value as tcpdump prints this capture (tcpdump's tests, icmpv6-ra.out).
    src, dst, _ = addresses(ra_frame)
    icmp = ra_frame[54:]
    w = ndp.MessageWriter(ndp.RouterAdvertisement(cur_hop_limit=64, home_agent=True, router_lifetime=15))
    w.push(ndp.PrefixInformation("2222:3333:4444:5555:6600::/72", 2592000, 604800))
    w.push_rdnss(["abcd::efef", "1234:5678::1"], lifetime=5)
    w.push_dnssl(["example.com", "example.org", "dom1.dom2.tld"], lifetime=5)
    w.push(ndp.Mtu(100)).push(ndp.SourceLinkLayerAddress("b0:99:28:c8:d6:6c")).push(ndp.AdvertisementInterval(5000))
    assert w.push(ndp.HomeAgentInformation(50001, 15)) is w
    assert len(w) == len(icmp) == 176
    assert w.finish(src=src, dst=dst) == icmp
    assert w.finish(ipaddress.IPv6Address(src), ipaddress.IPv6Address(dst)) == icmp
    assert w.finish(checksum=0x2401) == icmp
    assert w.finish() == icmp[:2] + b"\0\0" + icmp[4:]
    assert rfc4443_checksum(src, dst, icmp) == 0x2401
    # Starting from the parsed message: its fixed part and options are written first.
    assert ndp.MessageWriter(ndp.parse(icmp)).finish(src=src, dst=dst) == icmp
    assert ndp.MessageWriter(ndp.RouterAdvertisement(cur_hop_limit=64, home_agent=True, router_lifetime=15),
                             ndp.parse(icmp).options).finish(checksum=0x2401) == icmp
    assert repr(w) == "<ipv6kit.ndp.MessageWriter: RA, 176 bytes>"


def test_the_seed_dad_ns_rebuilt() -> None:
    frame = pcap_frames(VECTORS / "tcpdump-ns-nonce.pcap")[0]
    src, dst, _ = addresses(frame)
    icmp = frame[54:86]
    w = ndp.MessageWriter(ndp.NeighborSolicitation("fe80::546f:f7ff:fee1:f"), [ndp.Nonce(bytes.fromhex("6069604c0aaa"))])
    assert w.finish(src, dst) == icmp and icmp[2:4] == b"\x56\x6e"
    assert ndp.Nonce("60:69:60:4c:0a:aa") == ndp.parse(icmp).options[0]


@given(st.binary(min_size=4, max_size=200), st.integers(0, 2**128 - 1), st.integers(0, 2**128 - 1))
def test_computed_checksum_is_rfc4443s(data: bytes, s: int, d: int) -> None:
    src, dst = str(ipaddress.IPv6Address(s)), str(ipaddress.IPv6Address(d))
    w = ndp.MessageWriter(ndp.RouterSolicitation(), [ndp.UnknownOption(253, data)])
    msg = w.finish(src, dst)
    assert struct.unpack("!H", msg[2:4])[0] == rfc4443_checksum(src, dst, msg)
    assert ndp.verify_checksum(src, dst, msg)


def writer_messages() -> list[tuple[str, str, bytes, dict[str, str]]]:
    """(src, dst, message, what tshark must read) for messages using every option class."""
    ll, ll2 = "fe80::ff:fe00:1", "fe80::ff:fe00:2"
    out: list[tuple[str, str, bytes, dict[str, str]]] = []
    ra = ndp.MessageWriter(ndp.RouterAdvertisement(managed=True, preference="high", router_lifetime=1800))
    ra.push(ndp.SourceLinkLayerAddress("02:00:00:00:00:01")).push(ndp.Mtu(1480))
    ra.push(ndp.PrefixInformation("2001:db8:1::/64", 86400, 14400, dhcpv6_pd=True))
    ra.push(ndp.RouteInformation("2001:db8:f00::/48", "low", 3600))
    ra.push_rdnss(["2001:db8:1::53", "2001:db8:1::54"], 600).push_dnssl(["example.com", "lab.example.org"], 600)
    ra.push(ndp.Pref64("64:ff9b::/96", 1800)).push(ndp.CaptivePortal("https://portal.example/login"))
    ra.push(ndp.RaFlagsExtension(bytes(6))).push(ndp.AdvertisementInterval(100000))
    ra.push(ndp.HomeAgentInformation(10, 1800)).push(ndp.UnknownOption(253, bytes.fromhex("aabbccddeeff")))
    out.append((ll, "ff02::1", ra.finish(ll, "ff02::1"), {
        "icmpv6.type": "134", "icmpv6.opt.type": "1,5,3,24,25,31,38,37,26,7,8,253",
        "icmpv6.opt.prefix.flag": "0xd0", "icmpv6.opt.mtu": "1480",
        "icmpv6.opt.rdnss": "2001:db8:1::53,2001:db8:1::54", "icmpv6.opt.dnssl": "example.com,lab.example.org",
        "icmpv6.opt.home_agent_preference": "10", "icmpv6.opt.home_agent_lifetime": "1800",
        "icmpv6.opt.captive_portal": "https://portal.example/login", "icmpv6.opt.pref64.prefix": "64:ff9b::",
    }))
    dad = ndp.MessageWriter(ndp.NeighborSolicitation("2001:db8::1")).push(ndp.Nonce(bytes([1, 2, 3, 4, 5, 6])))
    out.append(("::", "ff02::1:ff00:1", dad.finish("::", "ff02::1:ff00:1"), {
        "icmpv6.type": "135", "icmpv6.opt.type": "14", "icmpv6.opt.nonce": "010203040506",
        "icmpv6.nd.ns.target_address": "2001:db8::1",
    }))
    na = ndp.MessageWriter(ndp.NeighborAdvertisement(ll, solicited=True, override=True))
    na.push(ndp.TargetLinkLayerAddress("02:00:00:00:00:01"))
    out.append((ll, ll2, na.finish(ll, ll2), {
        "icmpv6.type": "136", "icmpv6.opt.type": "2", "icmpv6.nd.na.flag": "0x60000000",
        "icmpv6.opt.target_linkaddr": "02:00:00:00:00:01", "icmpv6.nd.na.target_address": ll,
    }))
    redirected = ipv6_packet("2001:db8::7", "2001:db8:2::9", struct.pack("!HHHH", 5353, 53, 8, 0), next_header=17, hop_limit=63)
    rd = ndp.MessageWriter(ndp.Redirect(ll2, "2001:db8:2::9"), [ndp.TargetLinkLayerAddress("02:00:00:00:00:02")])
    rd.push(ndp.RedirectedHeader(redirected))
    out.append((ll, "2001:db8::7", rd.finish(ll, "2001:db8::7"), {
        "icmpv6.type": "137", "icmpv6.opt.type": "2,4", "icmpv6.nd.rd.target_address": ll2,
        # tshark dissects the redirected packet: its IPv6 and UDP headers follow the outer ones.
        "ipv6.dst": "2001:db8::7,2001:db8:2::9", "ipv6.hlim": "255,63", "udp.srcport": "5353", "udp.dstport": "53",
    }))
    return out


def test_every_written_message_decodes_in_tshark(tmp_path: Path) -> None:
    need("test_every_written_message_decodes_in_tshark", tools=["tshark"])
    messages = writer_messages()
    # Checksums as the core's modes write them: a chosen bad one, and zero for a raw socket.
    rs = ndp.MessageWriter(ndp.RouterSolicitation(), [ndp.SourceLinkLayerAddress("02:00:00:00:00:01")])
    bad = rs.finish(checksum=0xDEAD)
    zero = rs.finish()
    packets = [ipv6_packet(s, d, m) for s, d, m, _ in messages]
    packets += [ipv6_packet("fe80::1", "ff02::2", bad), ipv6_packet("fe80::1", "ff02::2", zero)]
    pcap = tmp_path / "writer.pcap"
    write_pcap(pcap, packets, LINKTYPE_RAW)
    fields = sorted({f for *_, want in messages for f in want} | {"icmpv6.checksum", "icmpv6.checksum.status", "_ws.malformed"})
    rows = tshark_fields(pcap, fields)
    assert len(rows) == len(packets)
    for (src, dst, msg, want), row in zip(messages, rows):
        assert row["_ws.malformed"] == "", (want, row)
        assert row["icmpv6.checksum.status"] == "1", row  # Good
        assert int(row["icmpv6.checksum"], 16) == struct.unpack("!H", msg[2:4])[0]
        for field, value in want.items():
            assert row[field] == value, (field, row)
    assert (rows[-2]["icmpv6.checksum"], rows[-2]["icmpv6.checksum.status"]) == ("0xdead", "0")  # Bad
    assert rows[-1]["icmpv6.checksum"] == "0x0000"
    assert rfc4443_checksum("fe80::1", "ff02::2", zero) != 0  # so tshark must call 0 wrong
    assert rows[-1]["icmpv6.checksum.status"] == "0"


def test_writer_refusals() -> None:
    w = ndp.MessageWriter(ndp.RouterAdvertisement())
    assert len(w) == 16
    refusals: list[tuple[Callable[[], object], str]] = [
        (lambda: w.push_rdnss([]), "1 to 127 servers, not 0"),
        (lambda: w.push_rdnss(["2001:db8::53"] * 128), "not 128"),
        (lambda: w.push_dnssl(["bad..name"]), "cannot be encoded"),
        (lambda: w.push_dnssl(["a" * 64 + ".example"]), "cannot be encoded"),
        # RFC 8106 §5.2: "one or more domain names".
        (lambda: w.push_dnssl([]), "one or more domain names"),
    ]
    for push, message in refusals:
        with pytest.raises(ipv6kit.Error, match=message):
            push()
    assert len(w) == 16 and w.finish() == ndp.RouterAdvertisement().to_bytes()  # nothing kept
    # The 65535-byte IPv6 payload limit, counted by the core as options are pushed.
    big = ndp.UnknownOption(200, bytes(2030))
    with pytest.raises(ipv6kit.Error, match="exceeds the IPv6 payload limit"):
        for _ in range(40):
            w.push(big)
    assert len(w) == 16 + 32 * 2032 and len(w.finish()) == len(w)
    with pytest.raises(ipv6kit.Error, match="2040"):
        ndp.UnknownOption(200, bytes(2039))
    with pytest.raises(ipv6kit.Error, match="2040"):
        ndp.Nonce(bytes(2039))
    with pytest.raises(ipv6kit.Error, match="src and dst go together"):
        w.finish(src="fe80::1")
    with pytest.raises(ipv6kit.Error, match="not both"):
        w.finish("fe80::1", "ff02::1", checksum=1)
    with pytest.raises(ipv6kit.Error, match=r"^checksum=65536: does not fit in 16 bits"):
        w.finish(checksum=0x10000)
    with pytest.raises(TypeError, match="message"):
        ndp.MessageWriter(ndp.Mtu(1500))  # type: ignore[arg-type]
    # At most 256 options, what ndp.parse accepts: the 257th push is refused, the rest finishes.
    many = ndp.MessageWriter(ndp.RouterSolicitation())
    for i in range(256):
        many.push(ndp.Mtu(1280 + i))
    with pytest.raises(ipv6kit.Error, match="more than 256 options"):
        many.push(ndp.Mtu(1))
    assert len(ndp.parse(many.finish()).options) == 256
    with pytest.raises(TypeError, match="option objects"):
        w.push(b"\x01\x01")  # type: ignore[arg-type]


def test_option_constructors_round_trip() -> None:
    opts: list[ndp.Option] = [
        ndp.Nonce(bytes(range(6))),
        ndp.Nonce(bytes(range(14))),
        ndp.HomeAgentInformation(65535, 0),
        ndp.RedirectedHeader(bytes(range(48))),
        ndp.UnknownOption(253, b"\x01\x02\x03\x04\x05\x06"),
        ndp.PrefixInformation("2001:db8::/64", dhcpv6_pd=True, on_link=False),
    ]
    msg = ndp.RouterAdvertisement(options=opts)
    back = ndp.parse(msg.to_bytes())
    assert back.options == opts
    nonce, nonce14, hai, red, unknown, pio = back.options
    assert isinstance(nonce, ndp.Nonce) and nonce.nonce == bytes(range(6))
    assert isinstance(nonce14, ndp.Nonce) and nonce14.nonce == bytes(range(14))
    assert isinstance(hai, ndp.HomeAgentInformation) and (hai.preference, hai.lifetime) == (65535, 0)
    assert isinstance(red, ndp.RedirectedHeader) and red.packet == bytes(range(48))
    assert isinstance(unknown, ndp.UnknownOption) and (unknown.type, unknown.data) == (253, b"\x01\x02\x03\x04\x05\x06")
    assert isinstance(pio, ndp.PrefixInformation) and pio.dhcpv6_pd and not pio.on_link and pio.autonomous
    # RFC 9762 §4: P is the fourth flag bit (0x10) of the PIO's flags byte; RFC 4861: L 0x80, A 0x40.
    assert pio.to_bytes()[3] == 0x50
    assert not ndp.PrefixInformation("2001:db8::/64").dhcpv6_pd
    # Padding: a nonce of 4 bytes fills an 8-byte option with zeros; a parsed one shows them.
    short = ndp.Nonce(b"\xaa\xbb\xcc\xdd")
    assert short.to_bytes() == b"\x0e\x01\xaa\xbb\xcc\xdd\x00\x00"
    with pytest.raises(ipv6kit.Error, match=r"^preference=65536: does not fit in 16 bits"):
        ndp.HomeAgentInformation(65536, 0)
    with pytest.raises(ipv6kit.Error):
        ndp.Nonce("zz")


# --- parse_ipv6: an IPv6 packet without Ethernet. ---


def test_parse_ipv6_of_the_seed_captures(ra_frame: bytes) -> None:
    src, dst, hop_limit = addresses(ra_frame)
    ra = ndp.parse_ipv6(ra_frame[14:])
    assert isinstance(ra, ndp.RouterAdvertisement) and ra == ndp.parse_frame(ra_frame)
    assert (str(ra.src), str(ra.dst), ra.hop_limit) == (src, dst, hop_limit) and ra.validate() == []
    assert ra.to_bytes() == ra_frame[54:]
    ns_frame = pcap_frames(VECTORS / "tcpdump-ns-nonce.pcap")[0]
    ns = ndp.parse_ipv6(ns_frame[14:])  # 86-byte frame: no link padding here
    assert isinstance(ns, ndp.NeighborSolicitation) and str(ns.dst) == "ff02::1:ffe1:f"


def test_parse_ipv6_agrees_with_tshark(tmp_path: Path, ra_frame: bytes) -> None:
    need("test_parse_ipv6_agrees_with_tshark", tools=["tshark"])
    ll = "fe80::ff:fe00:1"
    ns = ndp.build_neighbor_solicitation(ll, "2001:db8::1", "02:00:00:00:00:01").data
    hop_by_hop = bytes([60, 0, 1, 4, 0, 0, 0, 0])  # next: Destination Options; PadN
    dest_opts = bytes([58, 0, 1, 4, 0, 0, 0, 0])  # next: ICMPv6; PadN
    routing = bytes([58, 0, 0, 0, 0, 0, 0, 0])  # type 0, segments left 0
    packets = [
        ra_frame[14:],
        ipv6_packet(ll, "ff02::1:ff00:1", ns, traffic_class=0xB8, flow_label=0x12345),
        ipv6_packet(ll, "ff02::1:ff00:1", hop_by_hop + dest_opts + ns, next_header=0, trailer=bytes(6)),
        ipv6_packet(ll, "ff02::1:ff00:1", routing + ns, next_header=43, hop_limit=254),
    ]
    pcap = tmp_path / "ipv6.pcap"
    write_pcap(pcap, packets, LINKTYPE_RAW)
    rows = tshark_fields(pcap, ["ipv6.src", "ipv6.dst", "ipv6.hlim", "icmpv6.type", "icmpv6.checksum", "_ws.malformed"])
    assert len(rows) == len(packets)
    for packet, row in zip(packets, rows):
        msg = ndp.parse_ipv6(packet)
        assert row["_ws.malformed"] == ""
        assert (str(msg.src), str(msg.dst), str(msg.hop_limit)) == (row["ipv6.src"], row["ipv6.dst"], row["ipv6.hlim"])
        assert (str(msg.type), f"0x{msg.checksum:04x}") == (row["icmpv6.type"], row["icmpv6.checksum"])
    assert ndp.parse_ipv6(packets[2]).to_bytes() == ns


def test_parse_ipv6_refusals() -> None:
    ns = ndp.build_neighbor_solicitation("fe80::1", "2001:db8::1", "02:00:00:00:00:01").data
    good = ipv6_packet("fe80::1", "ff02::1:ff00:1", ns)
    for bad, message in [
        (good[:39], "IPv6 header cut short"),
        (bytes([0x45]) + good[1:], "IP version is not 6"),
        (good[:-1], "shorter than Payload Length"),
        (ipv6_packet("fe80::1", "ff02::1", b"\0" * 8, next_header=17), "not ICMPv6"),
        (ipv6_packet("fe80::1", "ff02::1", bytes([58, 3, 0, 0]), next_header=0), "extension header cut short"),
        (ipv6_packet("fe80::1", "ff02::1", bytes([128, 0, 0, 0, 0, 0, 0, 0])), "not a Neighbor Discovery"),
    ]:
        with pytest.raises(ipv6kit.Error, match=message):
            ndp.parse_ipv6(bad)


@given(st.binary(max_size=120))
def test_any_bytes_parse_or_raise(data: bytes) -> None:
    try:
        ndp.parse_ipv6(data)
    except ipv6kit.Error:
        pass


# --- emit_ipv6 / emit_ethernet: any ICMPv6 bytes framed by the core. ---


def test_emit_ipv6_is_rfc8200s_header() -> None:
    msg = ndp.MessageWriter(ndp.RouterSolicitation()).finish("fe80::1", "ff02::2")
    assert ndp.emit_ipv6(msg, "fe80::1", "ff02::2") == ipv6_packet("fe80::1", "ff02::2", msg)
    assert ndp.emit_ipv6(msg, "fe80::1", "ff02::2", hop_limit=64) == ipv6_packet("fe80::1", "ff02::2", msg, hop_limit=64)
    with pytest.raises(ipv6kit.Error, match="destination MAC"):
        ndp.emit_ethernet(msg, "fe80::1", "fe80::2", "02:00:00:00:00:01")  # unicast: no multicast mapping
    with pytest.raises(ipv6kit.Error, match=r"^hop_limit=256: does not fit in 8 bits"):
        ndp.emit_ipv6(msg, "fe80::1", "ff02::2", hop_limit=256)


def test_emitted_frames_decode_in_tshark(tmp_path: Path) -> None:
    need("test_emitted_frames_decode_in_tshark", tools=["tshark"])
    messages = writer_messages()
    frames = [
        ndp.emit_ethernet(m, s, d, "02:00:00:00:00:01", None if ipaddress.IPv6Address(d).is_multicast else "02:00:00:00:00:02")
        for s, d, m, _ in messages
    ]
    pcap = tmp_path / "frames.pcap"
    write_pcap(pcap, frames, LINKTYPE_ETHERNET)
    rows = tshark_fields(pcap, ["eth.dst", "eth.src", "eth.type", "ipv6.src", "ipv6.dst", "ipv6.hlim",
                                "icmpv6.checksum.status", "_ws.malformed"])
    assert len(rows) == len(frames)
    for (src, dst, msg, _), frame, row in zip(messages, frames, rows):
        # RFC 2464 §7: 33:33 and the last 32 bits of a multicast destination.
        d = ipaddress.IPv6Address(dst)
        mac = "33:33:" + ":".join(f"{b:02x}" for b in d.packed[12:]) if d.is_multicast else "02:00:00:00:00:02"
        assert (row["eth.dst"], row["eth.src"], row["eth.type"]) == (mac, "02:00:00:00:00:01", "0x86dd")
        outer = [row[f].split(",")[0] for f in ("ipv6.src", "ipv6.dst", "ipv6.hlim")]  # then the Redirect's inner packet
        assert outer == [src, dst, "255"]
        assert row["icmpv6.checksum.status"] == "1" and row["_ws.malformed"] == ""
        back = ndp.parse_frame(frame)
        assert back == ndp.parse(msg) and (str(back.src), str(back.dst)) == (src, dst)
