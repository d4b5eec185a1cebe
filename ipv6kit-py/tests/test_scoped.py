"""ipv6kit.scoped against its referees: the kernel and libc through ``socket`` (interface
indexes, ``getaddrinfo``, ``getnameinfo``, ``connect``, a datagram over a veth pair in a network
namespace), RFC 6874's example and ``urllib.parse`` for the URL forms."""

from __future__ import annotations

import json
import os
import random
import socket
import subprocess
import sys
import urllib.parse
from collections.abc import Callable
from ipaddress import IPv6Address
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import ipv6kit
from ipv6kit import scoped

from _referees import need, run, unavailable

LO = "lo"


def lo_index() -> int:
    try:
        return socket.if_nametoindex(LO)
    except OSError:
        unavailable("scoped (lo)", "no loopback interface named lo (not Linux)")


def gai(host: str, port: int) -> tuple[str, int, int, int]:
    """libc's sockaddr for ``host`` (``getaddrinfo``, numeric host)."""
    info = socket.getaddrinfo(host, port, socket.AF_INET6, socket.SOCK_DGRAM, 0, socket.AI_NUMERICHOST)
    addr = info[0][4]
    assert len(addr) == 4
    return (str(addr[0]), int(addr[1]), int(addr[2]), int(addr[3]))


# --- The real loopback interface: its index from the kernel (socket.if_nametoindex). ---


def test_lo_resolves_to_the_kernel_index() -> None:
    index = lo_index()
    assert scoped.resolve_zone(LO) == index
    assert scoped.resolve_zone(str(index)) == index and scoped.resolve_zone(index) == index
    assert scoped.resolve("fe80::1%lo") == IPv6Address(f"fe80::1%{index}")
    assert scoped.resolve(IPv6Address("ff02::1%lo")).scope_id == str(index)


@pytest.mark.parametrize("text", ["fe80::1%lo", "fe80::ba27:ebff:fe89:bc51%lo", "ff02::1%lo", "ff01::2%lo", "ff12::1%lo"])
def test_sockaddr_of_lo_is_what_getaddrinfo_gives(text: str) -> None:
    lo_index()
    for port in (0, 443, 65535):
        want = gai(text, port)
        assert scoped.sockaddr(text, port) == want
        assert scoped.sockaddr(IPv6Address(text), port) == want
        assert scoped.ScopedSocketAddress(text, port).sockaddr() == want


def test_socket_text_form_is_what_getnameinfo_prints() -> None:
    index = lo_index()
    host, serv = socket.getnameinfo(("fe80::1", 22, 0, index), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV)
    assert host == "fe80::1%lo"  # glibc names the zone
    s = scoped.ScopedSocketAddress.from_sockaddr(("fe80::1", 22, 0, index))
    assert (s.address, s.port, s.zone) == (IPv6Address(f"fe80::1%{index}"), 22, str(index))
    named = scoped.ScopedSocketAddress(host, int(serv))
    assert str(named) == f"[{host}]:{serv}" and named.zone == "lo"
    assert scoped.ScopedSocketAddress.parse(str(named)) == named
    assert named.sockaddr() == gai(host, 22)
    assert hash(named) == hash(scoped.ScopedSocketAddress.parse("[fe80::1%lo]:22"))
    assert named != scoped.ScopedSocketAddress("fe80::1%lo", 23) and named != s
    assert repr(named) == "ScopedSocketAddress('fe80::1%lo', 22)"


fe80_10 = st.integers(min_value=0, max_value=(1 << 118) - 1).map(lambda low: IPv6Address((0xFE80 << 112) | low))
link_multicast = st.tuples(st.integers(0, 15), st.sampled_from([1, 2]), st.integers(0, (1 << 112) - 1)).map(
    lambda t: IPv6Address((0xFF << 120) | (t[0] << 116) | (t[1] << 112) | t[2])
)


@given(addr=st.one_of(fe80_10, link_multicast), index=st.integers(1, 2**31 - 1), port=st.integers(0, 65535))
def test_sockaddr_with_an_index_zone_agrees_with_getaddrinfo(addr: IPv6Address, index: int, port: int) -> None:
    text = f"{addr}%{index}"
    want = gai(text, port)
    assert scoped.sockaddr(text, port, resolve=False) == want
    assert scoped.sockaddr(text, port) == want  # an index resolves to itself
    assert scoped.ScopedSocketAddress.from_sockaddr(want) == scoped.ScopedSocketAddress(text, port)


# --- A veth pair in a network namespace we create: ipv6kit runs inside it (ip netns exec
# mounts the namespace's /sys), the kernel referees by if_nametoindex, ip -j link, bind,
# sendto/recvfrom over the link-local addresses, and connect's EINVAL for a missing zone. ---

NETNS_SCRIPT = r"""
import errno, json, socket, sys
from ipv6kit import scoped
a, b, lla, llb, addrs = json.loads(sys.argv[1])
out = {"ours": [scoped.resolve_zone(a), scoped.resolve_zone(b)],
       "kernel": [socket.if_nametoindex(a), socket.if_nametoindex(b)],
       "sockaddr": scoped.sockaddr(f"{lla}%{a}", 0),
       "gai": socket.getaddrinfo(f"{lla}%{a}", 0, socket.AF_INET6, socket.SOCK_DGRAM)[0][4]}
rx = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
rx.bind(scoped.sockaddr(f"{lla}%{a}", 0))
tx = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
tx.bind(scoped.ScopedSocketAddress(f"{llb}%{b}", 0).sockaddr())
port = rx.getsockname()[1]
tx.sendto(b"ipv6kit", scoped.ScopedSocketAddress.parse(f"[{lla}%{a}]:{port}").sockaddr())
rx.settimeout(5)
data, peer = rx.recvfrom(64)
out["received"] = [data.decode(), list(peer), str(scoped.ScopedSocketAddress.from_sockaddr(peer).address)]
verdicts = []
for text in addrs:
    s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    try:
        s.connect((text, 9, 0, 0))
        verdicts.append(False)
    except OSError as e:
        verdicts.append(e.errno == errno.EINVAL)
    s.close()
out["needs_zone"] = verdicts
print(json.dumps(out))
"""


def test_zone_resolution_inside_a_network_namespace() -> None:
    need("test_zone_resolution_inside_a_network_namespace", root=True, tools=["ip"])
    ns = f"ipkpy-{os.getpid()}"
    a, b = f"ipk{os.getpid() % 100000}a", f"ipk{os.getpid() % 100000}b"
    # Link-locals from fixed MACs (modified EUI-64, RFC 4291 App. A): ipv6kit computes them.
    lla, llb = str(ipv6kit.link_local("02:00:00:00:00:01")), str(ipv6kit.link_local("02:00:00:00:00:02"))
    # Addresses for the kernel's "needs a scope ID" rule; IPv4-mapped ones take the IPv4 path.
    seed = int(os.environ.get("IPV6KIT_SEED", "6874"))
    print(f"IPV6KIT_SEED={seed}")
    rng = random.Random(seed)
    addrs = ["fe80::1", "febf::1", "fec0::1", "ff01::1", "ff02::1", "ff12::1", "ff32::1", "ff05::1", "ff0e::1",
             "ff00::1", "ff03::1", "::1", "::", "2001:db8::1", "fd00::1"]
    for _ in range(300):
        kind = rng.randrange(4)
        if kind == 0:
            v = (0xFE80 << 112) | rng.getrandbits(118)  # fe80::/10
        elif kind == 1:
            v = (0xFF << 120) | rng.getrandbits(120)  # multicast, every flag and scope
        else:
            v = rng.getrandbits(128)
        if IPv6Address(v).ipv4_mapped is None:
            addrs.append(str(IPv6Address(v)))
    run(["ip", "netns", "add", ns])
    try:
        for key in ("net.ipv6.conf.default.accept_dad", "net.ipv6.conf.all.accept_dad"):
            run(["ip", "netns", "exec", ns, "sysctl", "-qw", f"{key}=0"])
        run(["ip", "-n", ns, "link", "set", "lo", "up"])
        run(["ip", "-n", ns, "link", "add", a, "address", "02:00:00:00:00:01", "type", "veth",
             "peer", "name", b, "address", "02:00:00:00:00:02"])
        run(["ip", "-n", ns, "link", "set", a, "up"])
        run(["ip", "-n", ns, "link", "set", b, "up"])
        for dev, ll in ((a, lla), (b, llb)):
            for _ in range(100):
                if f"{ll}/64" in run(["ip", "-n", ns, "-6", "addr", "show", "dev", dev, "scope", "link"]):
                    break
                subprocess.run(["sleep", "0.1"], check=True)
            else:
                pytest.fail(f"{dev} never got {ll}")
        kernel = [json.loads(run(["ip", "-n", ns, "-j", "link", "show", "dev", d]))[0]["ifindex"] for d in (a, b)]
        out = json.loads(
            run(["ip", "netns", "exec", ns, sys.executable, "-c", NETNS_SCRIPT, json.dumps([a, b, lla, llb, addrs])])
        )
    finally:
        subprocess.run(["ip", "netns", "del", ns], capture_output=True)
    assert out["ours"] == out["kernel"] == kernel
    assert out["sockaddr"] == out["gai"] == [lla, 0, 0, kernel[0]]
    data, peer, peer_addr = out["received"]
    assert data == "ipv6kit" and peer[0] == llb and peer[3] in kernel
    assert peer_addr == f"{llb}%{peer[3]}"
    assert out["needs_zone"] == [scoped.accepts_zone(x) for x in addrs]
    # Outside the namespace the interface does not exist: the core reads this /sys.
    with pytest.raises(ipv6kit.Error, match=f"no interface named {a}"):
        scoped.resolve_zone(a)


def test_resolve_zone_reads_a_sys_class_net_tree(tmp_path: Path) -> None:
    (tmp_path / "vb0").mkdir()
    (tmp_path / "vb0" / "ifindex").write_text("17\n")
    assert scoped.resolve_zone("vb0", tmp_path) == 17 and scoped.resolve_zone("vb0", str(tmp_path)) == 17
    with pytest.raises(ipv6kit.Error, match="no interface named nope0"):
        scoped.resolve_zone("nope0", tmp_path)


# --- URL forms: RFC 6874 §2's example, and urllib.parse for the URL around it. ---


def test_rfc6874_example() -> None:
    # RFC 6874 §2: "http://[fe80::a%25en1]" is fe80::a on zone en1.
    url = urllib.parse.urlsplit("http://[fe80::a%25en1]:8080/path")
    assert ipv6kit.parse_scoped(f"[{url.hostname}]") == IPv6Address("fe80::a%en1")
    s = scoped.ScopedSocketAddress.from_url_authority(url.netloc)
    assert (s.address, s.port) == (IPv6Address("fe80::a%en1"), url.port)
    assert s.url_authority() == url.netloc
    assert scoped.url_host("fe80::a%en1") == "[fe80::a%25en1]"
    # The bare % of browsers is refused: "%en" would be a percent-encoding.
    with pytest.raises(ipv6kit.Error, match="%25"):
        scoped.ScopedSocketAddress.from_url_authority("[fe80::a%en1]:8080")


zone_names = st.text(
    alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~@+!$&'()*,;="),
    min_size=1,
    max_size=15,
).filter(lambda z: not z.isdigit() and z not in (".", ".."))


@given(addr=st.one_of(fe80_10, link_multicast), zone=zone_names, port=st.integers(0, 65535))
def test_url_forms_percent_encode_as_urllib_does(addr: IPv6Address, zone: str, port: int) -> None:
    text = f"{addr}%{zone}"
    encoded = urllib.parse.quote(zone, safe="")  # RFC 3986 unreserved stay, the rest %XX
    assert scoped.url_host(text) == f"[{addr}%25{encoded}]"
    assert ipv6kit.parse_scoped(scoped.url_host(text)) == IPv6Address(text)
    s = scoped.ScopedSocketAddress(text, port)
    assert s.url_authority() == f"[{addr}%25{encoded}]:{port}"
    assert scoped.ScopedSocketAddress.from_url_authority(s.url_authority()) == s
    assert scoped.ScopedSocketAddress.parse(str(s)) == s and str(s) == f"[{addr}%{zone}]:{port}"


# --- Refusals: typed errors naming the bad part. ---


def test_refusals() -> None:
    cases: list[tuple[Callable[[], object], str]] = [
        (lambda: scoped.sockaddr("2001:db8::1%eth0"), "takes no zone"),  # a global address
        (lambda: scoped.sockaddr("fe80::1"), "no zone"),
        (lambda: scoped.sockaddr(IPv6Address("fe80::1")), "no zone"),
        (lambda: scoped.sockaddr("fe80::1%eth0", resolve=False), "resolve it to an index"),
        (lambda: scoped.resolve_zone(0), "0 means no zone"),
        (lambda: scoped.resolve_zone("0"), "0 means no zone"),
        (lambda: scoped.resolve_zone(2**32), "1 to 4294967295"),
        (lambda: scoped.resolve_zone(2**200), "1 to 4294967295"),
        (lambda: scoped.resolve_zone(-1), "1 to 4294967295"),
        (lambda: scoped.resolve_zone("eth0/1"), "'/'"),
        (lambda: scoped.resolve_zone("a-very-long-interface"), "at most 15"),
        (lambda: scoped.ScopedSocketAddress.parse("[fe80::1%eth0]"), "bad port"),
        (lambda: scoped.ScopedSocketAddress.parse("[fe80::1%eth0]:65536"), "bad port"),
        (lambda: scoped.ScopedSocketAddress.from_url_authority("[fe80::1%25e%zz]:1"), "percent-encoding"),
        (lambda: scoped.ScopedSocketAddress.from_sockaddr(("fe80::1", 22, 0, 0)), "no zone"),
        (lambda: scoped.ScopedSocketAddress.from_sockaddr(("2001:db8::1", 22, 0, 3)), "takes no zone"),
        (lambda: scoped.url_host("::1%lo"), "takes no zone"),
    ]
    for call, message in cases:
        with pytest.raises(ipv6kit.Error, match=message):
            call()
    assert scoped.MAX_ZONE_NAME_LEN == 15  # IFNAMSIZ - 1 on Linux
    with pytest.raises(TypeError):
        scoped.resolve_zone(1.5)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        scoped.resolve_zone(True)  # a bool is not an interface index
    with pytest.raises(TypeError):
        scoped.sockaddr(b"fe80::1%lo")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        scoped.ScopedSocketAddress.from_sockaddr(("fe80::1", 22))  # type: ignore[arg-type]
    with pytest.raises(ipv6kit.Error, match=r"^port=65536: does not fit in 16 bits \(0 to 0xffff\)$"):
        scoped.sockaddr("fe80::1%3", 65536)


@given(st.text(max_size=40))
def test_any_text_is_a_value_or_an_error(text: str) -> None:
    for call in (scoped.ScopedSocketAddress.parse, scoped.ScopedSocketAddress.from_url_authority, scoped.url_host):
        try:
            call(text)
        except ipv6kit.Error:
            pass


def test_accepts_zone_by_the_rfc4007_scopes() -> None:
    # RFC 4291 §2.4/§2.7: fe80::/10 is link-local; multicast scope 1 interface-local, 2 link-local.
    assert all(scoped.accepts_zone(a) for a in ["fe80::1", "febf:ffff::1", "ff01::1", "ff02::1", "ff32::1"])
    assert not any(scoped.accepts_zone(a) for a in ["fec0::1", "ff05::1", "ff0e::1", "::1", "2001:db8::1"])
