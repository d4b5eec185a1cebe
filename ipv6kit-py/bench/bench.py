#!/usr/bin/env python3
"""ipv6kit-py benchmark (not a test): batch calls against pure-Python ipaddress, and
ndp.parse against scapy's dissector.

    python ipv6kit-py/bench/bench.py [--n 1000000] [--repeat 3] [--skip-ndp]

Needs ipv6kit installed in the running interpreter; scapy (pip install scapy) for the NDP
part, which is skipped without it. Prints Markdown tables (best of --repeat runs; each run
includes freeing its result, as timeit does, for both sides).
Targets from issue 8: batch solicited-node and SLAAC >= 20x pure Python; ndp.parse of the
176-byte RA >= 50x scapy.

Every batch row compares ipv6kit with a pure-Python reference that reads the same input and
produces the same output form, written the way a script would with ipaddress; the results
are checked equal before anything is timed. The references do not check for multicast input
(ipv6kit.solicited_nodes refuses it): the check would slow them down, so the ratios shown are
the conservative ones.
"""

from __future__ import annotations

import argparse
import gc
import pathlib
import random
import struct
import time
from ipaddress import IPv6Address, IPv6Network
from typing import Any, Callable

import ipv6kit
from ipv6kit import ndp

ROOT = pathlib.Path(__file__).resolve().parents[2]
RA_PCAP = ROOT / "ipv6kit" / "tests" / "data" / "ndp" / "tcpdump-icmpv6-ra.pcap"

SN_BASE = int(IPv6Address("ff02::1:ff00:0"))
LOW24 = 0xFFFFFF
FORMS = ("address", "str", "int", "packed")


def best(f: Callable[[], Any], repeat: int, number: int = 1) -> float:
    """Best wall time of `repeat` runs of `number` calls, in seconds per call."""
    times = []
    for _ in range(repeat):
        gc.collect()
        t = time.perf_counter()
        for _ in range(number):
            f()
        times.append((time.perf_counter() - t) / number)
    return min(times)


# Pure-Python references, written the way a script would with ipaddress: one per input and
# output form, each the direct idiom for that form (IPv6Address(x), str(IPv6Address(x)), the
# int itself, int.to_bytes joined).


# Solicited-node groups (RFC 4291 2.7.1): ff02::1:ff00:0/104 + the low 24 bits.
def sn_from_str(addrs: list[str], form: str) -> Any:
    if form == "address":
        return [IPv6Address(SN_BASE | int(IPv6Address(a)) & LOW24) for a in addrs]
    if form == "str":
        return [str(IPv6Address(SN_BASE | int(IPv6Address(a)) & LOW24)) for a in addrs]
    if form == "int":
        return [SN_BASE | int(IPv6Address(a)) & LOW24 for a in addrs]
    return b"".join([(SN_BASE | int(IPv6Address(a)) & LOW24).to_bytes(16, "big") for a in addrs])


def sn_from_obj(addrs: list[IPv6Address], form: str) -> Any:
    if form == "address":
        return [IPv6Address(SN_BASE | int(a) & LOW24) for a in addrs]
    if form == "str":
        return [str(IPv6Address(SN_BASE | int(a) & LOW24)) for a in addrs]
    if form == "int":
        return [SN_BASE | int(a) & LOW24 for a in addrs]
    return b"".join([(SN_BASE | int(a) & LOW24).to_bytes(16, "big") for a in addrs])


def sn_from_packed(data: bytes, form: str) -> Any:
    # struct.iter_unpack reads the 16-byte records as two 64-bit halves: the fastest way from
    # the standard library (faster than int.from_bytes on slices); only the low half matters.
    if form == "address":
        return [IPv6Address(SN_BASE | lo & LOW24) for _, lo in struct.iter_unpack(">QQ", data)]
    if form == "str":
        return [str(IPv6Address(SN_BASE | lo & LOW24)) for _, lo in struct.iter_unpack(">QQ", data)]
    if form == "int":
        return [SN_BASE | lo & LOW24 for _, lo in struct.iter_unpack(">QQ", data)]
    return b"".join([(SN_BASE | lo & LOW24).to_bytes(16, "big") for _, lo in struct.iter_unpack(">QQ", data)])


# Two references that do without ipaddress, exploiting the solicited-node groups' fixed shape:
# shown beside the table, because they change the picture for their rows.
def sn_text_by_hand(addrs: list[IPv6Address]) -> list[str]:
    """Groups as text formatted by hand: always ff02::1:ffXX:YYYY (RFC 5952: the last group
    without leading zeros), so str(IPv6Address(...)) is not needed."""
    return [f"ff02::1:ff{i >> 16 & 0xFF:02x}:{i & 0xFFFF:x}" for i in map(int, addrs)]


SN_HEAD = IPv6Address("ff02::1:ff00:0").packed[:13]


def sn_packed_by_slices(data: bytes) -> bytes:
    """Packed groups from packed addresses without a loop over addresses: the 13-byte head
    repeated, then the low 3 bytes of every record copied with extended-slice assignments."""
    out = bytearray((SN_HEAD + bytes(3)) * (len(data) // 16))
    for k in (13, 14, 15):
        out[k::16] = data[k::16]
    return bytes(out)


# SLAAC (RFC 4862 5.5.3, RFC 4291 appendix A): the /64 + the MAC's modified EUI-64.
def slaac_base(prefix: str) -> int:
    net = IPv6Network(prefix)
    if net.prefixlen != 64:
        raise ValueError(f"{prefix} is not a /64")
    return int(net.network_address)


def eui64(mac48: int) -> int:
    """The modified EUI-64 of a 48-bit MAC: ff:fe in the middle, the U/L bit inverted."""
    return (mac48 >> 24 << 40 | 0xFFFE << 24 | mac48 & 0xFFFFFF) ^ 1 << 57


def slaac_from_str(prefix: str, macs: list[str], form: str) -> Any:
    base = slaac_base(prefix)
    out: list[Any] = []
    for mac in macs:
        b = bytes.fromhex(mac.replace(":", "").replace("-", ""))
        if len(b) != 6:
            raise ValueError(f"{mac!r} is not a MAC")
        m = int.from_bytes(b, "big")
        addr = base | (m >> 24 << 40 | 0xFFFE << 24 | m & 0xFFFFFF) ^ 1 << 57
        if form == "address":
            out.append(IPv6Address(addr))
        elif form == "str":
            out.append(str(IPv6Address(addr)))
        elif form == "int":
            out.append(addr)
        else:
            out.append(addr.to_bytes(16, "big"))
    return b"".join(out) if form == "packed" else out


def slaac_from_packed(prefix: str, data: bytes, form: str) -> Any:
    base = slaac_base(prefix)
    # 6-byte records as a 16-bit and a 32-bit half (struct: faster than int.from_bytes).
    if form == "address":
        return [IPv6Address(base | eui64(hi << 32 | lo)) for hi, lo in struct.iter_unpack(">HI", data)]
    if form == "str":
        return [str(IPv6Address(base | eui64(hi << 32 | lo))) for hi, lo in struct.iter_unpack(">HI", data)]
    if form == "int":
        return [base | eui64(hi << 32 | lo) for hi, lo in struct.iter_unpack(">HI", data)]
    return b"".join([(base | eui64(hi << 32 | lo)).to_bytes(16, "big") for hi, lo in struct.iter_unpack(">HI", data)])


def ra_bytes() -> bytes:
    data = RA_PCAP.read_bytes()
    endian = "<" if data[:4] == b"\xd4\xc3\xb2\xa1" else ">"
    incl = struct.unpack(endian + "I", data[32:36])[0]
    frame = data[40 : 40 + incl]
    return frame[14 + 40 :]  # the ICMPv6 message after Ethernet and IPv6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1_000_000, help="addresses per batch (default 1000000)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best is kept")
    ap.add_argument("--skip-ndp", action="store_true", help="only the batch calls")
    args = ap.parse_args()
    n, repeat = args.n, args.repeat

    rng = random.Random(2464)
    # 64 random /64s (none in ff00::/8: multicast has no solicited-node group), random IIDs.
    prefixes = [p for p in (rng.getrandbits(64) << 64 for _ in range(80)) if p >> 120 != 0xFF][:64]
    ints = [rng.choice(prefixes) | rng.getrandbits(64) for _ in range(n)]
    strs = [str(IPv6Address(i)) for i in ints]
    objs = [IPv6Address(i) for i in ints]
    packed = b"".join(a.packed for a in objs)
    macs = [":".join(f"{rng.getrandbits(8):02x}" for _ in range(6)) for _ in range(n)]
    packed_macs = b"".join(bytes.fromhex(m.replace(":", "")) for m in macs)
    prefix = "2001:db8:ebbd:2080::/64"

    workloads: list[tuple[str, Callable[[str], Any], Callable[[str], Any]]] = [
        (
            f"solicited-node, {n:,} `str`",
            lambda form: sn_from_str(strs, form),
            lambda form: ipv6kit.solicited_nodes(strs, output=form),
        ),
        (
            f"solicited-node, {n:,} `IPv6Address`",
            lambda form: sn_from_obj(objs, form),
            lambda form: ipv6kit.solicited_nodes(objs, output=form),
        ),
        (
            f"solicited-node, {n:,} packed (bytes)",
            lambda form: sn_from_packed(packed, form),
            lambda form: ipv6kit.solicited_nodes(packed, output=form),
        ),
        (
            f"SLAAC, {n:,} MAC `str`",
            lambda form: slaac_from_str(prefix, macs, form),
            lambda form: ipv6kit.slaac_many(prefix, macs, output=form),
        ),
        (
            f"SLAAC, {n:,} packed MACs (bytes)",
            lambda form: slaac_from_packed(prefix, packed_macs, form),
            lambda form: ipv6kit.slaac_many(prefix, packed_macs, output=form),
        ),
    ]

    # Same results first, every workload and form, on a slice of the input (the same code).
    k = min(n, 20_000)
    small: dict[str, Any] = {
        "str": strs[:k],
        "obj": objs[:k],
        "packed": packed[: 16 * k],
        "macs": macs[:k],
        "packed_macs": packed_macs[: 6 * k],
    }
    for form in FORMS:
        want = sn_from_str(small["str"], form)
        assert ipv6kit.solicited_nodes(small["str"], output=form) == want, form
        assert ipv6kit.solicited_nodes(small["obj"], output=form) == want == sn_from_obj(small["obj"], form), form
        assert ipv6kit.solicited_nodes(small["packed"], output=form) == want == sn_from_packed(small["packed"], form), form
        want = slaac_from_str(prefix, small["macs"], form)
        assert ipv6kit.slaac_many(prefix, small["macs"], output=form) == want, form
        assert ipv6kit.slaac_many(prefix, small["packed_macs"], output=form) == want, form
        assert slaac_from_packed(prefix, small["packed_macs"], form) == want, form
    assert sn_text_by_hand(small["obj"]) == sn_from_obj(small["obj"], "str")
    assert sn_packed_by_slices(small["packed"]) == sn_from_packed(small["packed"], "packed")

    rows: list[tuple[str, str, float, float]] = []
    per_item: dict[tuple[str, str], float] = {}
    for name, ref, ours in workloads:
        for form in FORMS:
            r = best(lambda: ref(form), repeat)
            o = best(lambda: ours(form), repeat)
            rows.append((name, form, r, o))
            per_item[(name, form)] = o / n
    by_hand = [
        (
            f"solicited-node, {n:,} `IPv6Address`; reference formats the text by hand",
            "str",
            best(lambda: sn_text_by_hand(objs), repeat),
            per_item[(workloads[1][0], "str")] * n,
        ),
        (
            f"solicited-node, {n:,} packed; reference copies bytes with extended slices",
            "packed",
            best(lambda: sn_packed_by_slices(packed), repeat),
            per_item[(workloads[2][0], "packed")] * n,
        ),
    ]

    print(f"## ipv6kit-py batch calls (n = {n:,}, best of {repeat})\n")
    print("| input | `output=` | pure Python `ipaddress` | ipv6kit | speed-up |")
    print("|---|---|---:|---:|---:|")
    for name, form, ref_t, ours_t in rows:
        print(f"| {name} | `{form}` | {ref_t * 1e3:,.0f} ms | {ours_t * 1e3:,.1f} ms | {ref_t / ours_t:.1f}x |")
    print("\nWithout `ipaddress`, exploiting the groups' fixed shape (same ipv6kit times as above):\n")
    print("| input | `output=` | pure Python | ipv6kit | speed-up |")
    print("|---|---|---:|---:|---:|")
    for name, form, ref_t, ours_t in by_hand:
        print(f"| {name} | `{form}` | {ref_t * 1e3:,.0f} ms | {ours_t * 1e3:,.1f} ms | {ref_t / ours_t:.1f}x |")

    # What the IPv6Address objects cost: ipv6kit's "address" minus its "int" (same input, same
    # ints made), against the pure-Python constructor alone on the same ints.
    ctor = best(lambda: [IPv6Address(i) for i in ints], repeat) / n
    ints_only = best(lambda: [i | 0 for i in ints], repeat) / n
    print("\n## Where the time goes (ns per item)\n")
    print("| | ns |")
    print("|---|---:|")
    for name, _, _ in workloads:
        a, i, p = (per_item[(name, f)] * 1e9 for f in ("address", "int", "packed"))
        print(f"| {name}: ipv6kit `address` − `int` (making the `IPv6Address`) | {a - i:.0f} |")
        print(f"| {name}: ipv6kit `int` − `packed` (making the 128-bit `int`, list slot) | {i - p:.0f} |")
    print(f"| pure Python: `IPv6Address(i)` alone, in a list comprehension | {ctor * 1e9:.0f} |")
    print(f"| pure Python: `i | 0` alone (a new 128-bit int), in a list comprehension | {ints_only * 1e9:.0f} |")

    if args.skip_ndp:
        return

    try:
        from scapy.layers.inet6 import ICMPv6ND_RA
    except ImportError:
        print("\n(scapy not installed: NDP comparison skipped)")
        return

    icmp = ra_bytes()
    assert len(icmp) == 176
    getters: dict[type, list[str]] = {}

    def every_field() -> list[Any]:
        msg = ndp.parse(icmp)
        out = [msg.cur_hop_limit, msg.preference, msg.router_lifetime]  # type: ignore[union-attr]
        for o in msg.options:
            names = getters.get(type(o))
            if names is None:
                names = [a for a, v in vars(type(o)).items() if type(v).__name__ == "getset_descriptor"]
                getters[type(o)] = names
            out.extend(getattr(o, a) for a in names)
        return out

    reps = 20_000
    scapy_t = best(lambda: ICMPv6ND_RA(icmp), repeat, 500)
    parse_t = best(lambda: ndp.parse(icmp), repeat, reps)
    options_t = best(lambda: ndp.parse(icmp).options, repeat, reps)
    fields_t = best(every_field, repeat, reps)
    print("\n## ndp.parse of the 176-byte RA (tcpdump-icmpv6-ra.pcap) vs scapy ICMPv6ND_RA\n")
    print("| workload | scapy | ipv6kit | speed-up |")
    print("|---|---:|---:|---:|")
    for name, t in [
        ("parse (typed message; options decoded on access)", parse_t),
        ("parse + .options (7 typed option objects)", options_t),
        ("parse + .options + every attribute of every option", fields_t),
    ]:
        print(f"| {name} | {scapy_t * 1e6:.1f} µs | {t * 1e6:.2f} µs | {scapy_t / t:.0f}x |")


if __name__ == "__main__":
    main()
