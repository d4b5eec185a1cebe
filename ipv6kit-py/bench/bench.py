#!/usr/bin/env python3
"""ipv6kit-py benchmark (not a test): batch calls against pure-Python ipaddress, and
ndp.parse against scapy's dissector.

    python ipv6kit-py/bench/bench.py [--n 1000000] [--repeat 3]

Needs ipv6kit installed in the running interpreter; scapy (pip install scapy) for the NDP
part, which is skipped without it. Prints a Markdown table (best of --repeat runs).
Targets from issue 8: batch solicited-node and SLAAC >= 20x pure Python; ndp.parse of the
176-byte RA >= 50x scapy.
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


# Pure-Python references, written the way a script would with ipaddress.
def py_solicited_nodes(addrs: list[str]) -> list[IPv6Address]:
    return [IPv6Address(SN_BASE | (int(IPv6Address(a)) & 0xFFFFFF)) for a in addrs]


def py_solicited_nodes_obj(addrs: list[IPv6Address]) -> list[IPv6Address]:
    return [IPv6Address(SN_BASE | (int(a) & 0xFFFFFF)) for a in addrs]


def py_slaac_many(prefix: str, macs: list[str]) -> list[IPv6Address]:
    net = IPv6Network(prefix)
    if net.prefixlen != 64:
        raise ValueError("not a /64")
    base = int(net.network_address)
    out = []
    for mac in macs:
        b = bytes.fromhex(mac.replace(":", "").replace("-", ""))
        if len(b) != 6:
            raise ValueError(mac)
        iid = bytes((b[0] ^ 2, b[1], b[2], 0xFF, 0xFE, b[3], b[4], b[5]))
        out.append(IPv6Address(base | int.from_bytes(iid, "big")))
    return out


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
    args = ap.parse_args()
    n, repeat = args.n, args.repeat

    rng = random.Random(2464)
    prefixes = [rng.getrandbits(64) << 64 for _ in range(64)]
    ints = [rng.choice(prefixes) | rng.getrandbits(64) for _ in range(n)]
    strs = [str(IPv6Address(i)) for i in ints]
    objs = [IPv6Address(i) for i in ints]
    macs = [":".join(f"{rng.getrandbits(8):02x}" for _ in range(6)) for _ in range(n)]
    prefix = "2001:db8:ebbd:2080::/64"

    # Same results first.
    k = min(n, 10_000)
    assert ipv6kit.solicited_nodes(strs[:k]) == py_solicited_nodes(strs[:k])
    assert ipv6kit.slaac_many(prefix, macs[:k]) == py_slaac_many(prefix, macs[:k])

    rows: list[tuple[str, float, float]] = []
    rows.append(
        (
            f"solicited-node, {n:,} str addresses",
            best(lambda: py_solicited_nodes(strs), repeat),
            best(lambda: ipv6kit.solicited_nodes(strs), repeat),
        )
    )
    rows.append(
        (
            f"solicited-node, {n:,} IPv6Address objects",
            best(lambda: py_solicited_nodes_obj(objs), repeat),
            best(lambda: ipv6kit.solicited_nodes(objs), repeat),
        )
    )
    rows.append(
        (
            f"SLAAC (EUI-64), {n:,} MAC strings",
            best(lambda: py_slaac_many(prefix, macs), repeat),
            best(lambda: ipv6kit.slaac_many(prefix, macs), repeat),
        )
    )

    print(f"## ipv6kit-py batch calls (n = {n:,}, best of {repeat})\n")
    print("| workload | pure Python ipaddress | ipv6kit | speed-up |")
    print("|---|---:|---:|---:|")
    for name, ref, ours in rows:
        print(f"| {name} | {ref * 1e3:.0f} ms | {ours * 1e3:.0f} ms | {ref / ours:.1f}x |")

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
