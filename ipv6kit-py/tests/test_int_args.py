"""One error for an int out of range across the whole Python API: ``ipv6kit.Error`` (a
``ValueError``) whose message names the argument and the values it takes, never pyo3's
``OverflowError``; anything but an int stays a ``TypeError``.

The table walks every int parameter the stubs declare (``int`` anywhere in a parameter's
annotation, tuples' items included); ``test_the_table_covers_every_int_parameter`` keeps it
complete as the API grows. The widths are the wire's and the implementations' (RFC 4861 §4 for
the ND fields, Linux's ``u8 dad_count``, ...), not read back from ipv6kit."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import pytest

import ipv6kit
from ipv6kit import ndp, plan, scoped, sixrd, stable, temporary

RS = ndp.RouterSolicitation().to_bytes()
SIXRD, CE = "2a01:e30::/28", "82.10.11.12"


class Case(NamedTuple):
    """One int parameter: where the stubs declare it, a call giving it ``v``, the largest value
    its type holds, the name the message gives it and the message expected for a value ``v``
    beyond that; ``optional`` when ``None`` means "not given"."""

    stub: tuple[str, str, str]  # (module, qualified name, parameter) as in the .pyi files
    call: Callable[[Any], object]
    max: int
    name: str
    message: Callable[[int], str]  # the regex of the whole message for a bad ``v``
    optional: bool = False


def fits(name: str, bits: int) -> Callable[[int], str]:
    """A field of ``bits`` bits: ``name=v: does not fit in N bits (0 to 0x...)``."""
    return lambda v: rf"^{re.escape(name)}={v}: does not fit in {bits} bits \(0 to {2**bits - 1:#x}\)$"


def core(name: str, values: str) -> Callable[[int], str]:
    """A value the core judges (its own message for one the type holds): ``name=v: out of range (...)``."""
    return lambda v: rf"^{re.escape(name)}={v}: out of range \({re.escape(values)}\)$"


def field(
    stub: tuple[str, str, str], call: Callable[[Any], object], bits: int, name: str = "", optional: bool = False
) -> Case:
    """A fixed-width field: every value of ``bits`` bits taken, the rest refused with :func:`fits`."""
    name = name or stub[2]
    return Case(stub, call, 2**bits - 1, name, fits(name, bits), optional)


def judged(stub: tuple[str, str, str], call: Callable[[Any], object], values: str) -> Case:
    """A byte the core judges (a prefix length, IPv4MaskLen): beyond a byte refused with :func:`core`."""
    return Case(stub, call, 255, stub[2], core(stub[2], values))


NDP, TMP = "ipv6kit.ndp", "ipv6kit.temporary"
SCHED = temporary.TempSchedule(0, 0, 0, 0)

CASES: list[Case] = [
    # ipv6kit
    Case(("ipv6kit", "colour_address", "colour"), lambda v: ipv6kit.colour_address("2001:db8::/48", (0, v, 0)),
         255, "colour", lambda v: rf"^colour: green is {v}, not 0–255$"),
    judged(("ipv6kit", "extract_embedded_ipv4", "prefix_len"), lambda v: ipv6kit.extract_embedded_ipv4("64:ff9b::1", v),
           "32, 40, 48, 56, 64 or 96"),
    # ipv6kit.ndp options (RFC 4861 §4.6, RFC 6275 §7.3-7.4, RFC 4191 §2.3, RFC 8106 §5, RFC 8781 §4)
    field((NDP, "PrefixInformation.__new__", "valid_lifetime"), lambda v: ndp.PrefixInformation("2001:db8::/64", valid_lifetime=v), 32),
    field((NDP, "PrefixInformation.__new__", "preferred_lifetime"), lambda v: ndp.PrefixInformation("2001:db8::/64", preferred_lifetime=v), 32),
    field((NDP, "Mtu.__new__", "mtu"), lambda v: ndp.Mtu(v), 32),
    field((NDP, "AdvertisementInterval.__new__", "interval_ms"), lambda v: ndp.AdvertisementInterval(v), 32),
    field((NDP, "HomeAgentInformation.__new__", "preference"), lambda v: ndp.HomeAgentInformation(v, 0), 16),
    field((NDP, "HomeAgentInformation.__new__", "lifetime"), lambda v: ndp.HomeAgentInformation(0, v), 16),
    field((NDP, "RouteInformation.__new__", "route_lifetime"), lambda v: ndp.RouteInformation("::/0", route_lifetime=v), 32),
    field((NDP, "RecursiveDnsServer.__new__", "lifetime"), lambda v: ndp.RecursiveDnsServer(["2001:db8::53"], v), 32),
    field((NDP, "DnsSearchList.__new__", "lifetime"), lambda v: ndp.DnsSearchList(["example.com"], v), 32),
    field((NDP, "Pref64.__new__", "lifetime"), lambda v: ndp.Pref64("64:ff9b::/96", v), 16),
    field((NDP, "UnknownOption.__new__", "type"), lambda v: ndp.UnknownOption(v, b""), 8),
    # ipv6kit.ndp messages (RFC 4861 §4.1-4.5)
    field((NDP, "_MessageBase.validate", "hop_limit"),
          lambda v: ndp.RouterSolicitation().validate("fe80::1", "ff02::2", v), 8, optional=True),
    field((NDP, "RouterSolicitation.__new__", "reserved"), lambda v: ndp.RouterSolicitation(reserved=v), 32),
    field((NDP, "RouterAdvertisement.__new__", "cur_hop_limit"), lambda v: ndp.RouterAdvertisement(cur_hop_limit=v), 8),
    field((NDP, "RouterAdvertisement.__new__", "router_lifetime"), lambda v: ndp.RouterAdvertisement(router_lifetime=v), 16),
    field((NDP, "RouterAdvertisement.__new__", "reachable_time"), lambda v: ndp.RouterAdvertisement(reachable_time=v), 32),
    field((NDP, "RouterAdvertisement.__new__", "retrans_timer"), lambda v: ndp.RouterAdvertisement(retrans_timer=v), 32),
    field((NDP, "RouterAdvertisement.__new__", "flags"), lambda v: ndp.RouterAdvertisement(flags=v), 8, optional=True),
    field((NDP, "RouterAdvertisement.__new__", "reserved"), lambda v: ndp.RouterAdvertisement(reserved=v), 2, optional=True),
    field((NDP, "NeighborSolicitation.__new__", "reserved"), lambda v: ndp.NeighborSolicitation("fe80::1", reserved=v), 32),
    field((NDP, "NeighborAdvertisement.__new__", "reserved"), lambda v: ndp.NeighborAdvertisement("fe80::1", reserved=v), 29),
    field((NDP, "Redirect.__new__", "reserved"), lambda v: ndp.Redirect("fe80::1", "2001:db8::1", reserved=v), 32),
    field((NDP, "parse", "hop_limit"), lambda v: ndp.parse(RS, hop_limit=v), 8, optional=True),
    field((NDP, "emit_ipv6", "hop_limit"), lambda v: ndp.emit_ipv6(RS, "fe80::1", "ff02::2", hop_limit=v), 8),
    field((NDP, "emit_ethernet", "hop_limit"),
          lambda v: ndp.emit_ethernet(RS, "fe80::1", "ff02::2", "02:00:00:00:00:01", hop_limit=v), 8),
    field((NDP, "MessageWriter.push_rdnss", "lifetime"),
          lambda v: ndp.MessageWriter(ndp.RouterAdvertisement()).push_rdnss(["2001:db8::53"], v), 32),
    field((NDP, "MessageWriter.push_dnssl", "lifetime"),
          lambda v: ndp.MessageWriter(ndp.RouterAdvertisement()).push_dnssl(["example.com"], v), 32),
    field((NDP, "MessageWriter.finish", "checksum"),
          lambda v: ndp.MessageWriter(ndp.RouterSolicitation()).finish(checksum=v), 16, optional=True),
    # ipv6kit.ndp.build_router_advertisement: the same fields, and the ints inside its pairs
    field((NDP, "build_router_advertisement", "cur_hop_limit"), lambda v: ndp.build_router_advertisement("fe80::1", cur_hop_limit=v), 8),
    field((NDP, "build_router_advertisement", "router_lifetime"), lambda v: ndp.build_router_advertisement("fe80::1", router_lifetime=v), 16),
    field((NDP, "build_router_advertisement", "reachable_time"), lambda v: ndp.build_router_advertisement("fe80::1", reachable_time=v), 32),
    field((NDP, "build_router_advertisement", "retrans_timer"), lambda v: ndp.build_router_advertisement("fe80::1", retrans_timer=v), 32),
    field((NDP, "build_router_advertisement", "mtu"), lambda v: ndp.build_router_advertisement("fe80::1", mtu=v), 32, optional=True),
    field((NDP, "build_router_advertisement", "dns_servers"),
          lambda v: ndp.build_router_advertisement("fe80::1", dns_servers=[(1, ["2001:db8::53"]), (v, ["2001:db8::53"])]), 32,
          "dns_servers[1] lifetime"),
    field((NDP, "build_router_advertisement", "search_lists"),
          lambda v: ndp.build_router_advertisement("fe80::1", search_lists=[(v, ["example.com"])]), 32, "search_lists[0] lifetime"),
    field((NDP, "build_router_advertisement", "pref64"),
          lambda v: ndp.build_router_advertisement("fe80::1", pref64=[("64:ff9b::/96", v)]), 16, "pref64[0] lifetime"),
    field((NDP, "build_router_advertisement", "link_mtu"), lambda v: ndp.build_router_advertisement("fe80::1", link_mtu=v), 64),
    # ipv6kit.plan
    judged(("ipv6kit.plan", "Report.next_free", "length"),
           lambda v: plan.check("2001:db8::/48\n").next_free("2001:db8::/48", v), "0 to 128"),
    field(("ipv6kit.plan", "ula_prefix_rfc4193", "ntp_time"), lambda v: plan.ula_prefix_rfc4193(v, "02:11:22:ff:fe:33:44:55"), 64),
    # ipv6kit.scoped (the zone's own message predates IntArg: it also refuses 0)
    Case(("ipv6kit.scoped", "resolve_zone", "zone"), lambda v: scoped.resolve_zone(v), 2**32 - 1, "zone",
         lambda v: rf"^zone {v}: an interface index is 1 to 4294967295$"),
    field(("ipv6kit.scoped", "sockaddr", "port"), lambda v: scoped.sockaddr("fe80::1%3", v, resolve=False), 16),
    field(("ipv6kit.scoped", "ScopedSocketAddress.__new__", "port"), lambda v: scoped.ScopedSocketAddress("fe80::1%3", v), 16),
    field(("ipv6kit.scoped", "ScopedSocketAddress.from_sockaddr", "sockaddr"),
          lambda v: scoped.ScopedSocketAddress.from_sockaddr(("fe80::1", v, 0, 3)), 16, "sockaddr port"),
    field(("ipv6kit.scoped", "ScopedSocketAddress.from_sockaddr", "sockaddr"),
          lambda v: scoped.ScopedSocketAddress.from_sockaddr(("fe80::1", 22, v, 3)), 32, "sockaddr flowinfo"),
    field(("ipv6kit.scoped", "ScopedSocketAddress.from_sockaddr", "sockaddr"),
          lambda v: scoped.ScopedSocketAddress.from_sockaddr(("fe80::1", 22, 0, v)), 32, "sockaddr scope_id"),
    # ipv6kit.sixrd: IPv4MaskLen is a byte on the wire (RFC 5969 §7.1.1); the core refuses over 32
    judged(("ipv6kit.sixrd", "SixrdDomain.for_ce", "ipv4_mask_len"), lambda v: sixrd.SixrdDomain.for_ce(SIXRD, v, CE), "0 to 32"),
    judged(("ipv6kit.sixrd", "SixrdOption.__new__", "ipv4_mask_len"), lambda v: sixrd.SixrdOption(SIXRD, v), "0 to 32"),
    judged(("ipv6kit.sixrd", "delegated_prefix", "ipv4_mask_len"), lambda v: sixrd.delegated_prefix(SIXRD, CE, v), "0 to 32"),
    judged(("ipv6kit.sixrd", "tunnel_address", "ipv4_mask_len"), lambda v: sixrd.tunnel_address(SIXRD, CE, v), "0 to 32"),
    judged(("ipv6kit.sixrd", "extract_ipv4", "ipv4_mask_len"),
           lambda v: sixrd.extract_ipv4("2a01:e35:20a0:b0c0::1", SIXRD, v, "82.0.0.0"), "0 to 32"),
    # ipv6kit.stable: the counters as wide as the implementations keep them
    field(("ipv6kit.stable", "linux", "dad_count"), lambda v: stable.linux("::1", "2001:db8::/64", dad_count=v), 8),
    field(("ipv6kit.stable", "linux", "idgen_retries"), lambda v: stable.linux("::1", "2001:db8::/64", idgen_retries=v), 32),
    field(("ipv6kit.stable", "network_manager", "dad_counter"),
          lambda v: stable.network_manager(b"key", "2001:db8::/64", "eth0", "uuid", dad_counter=v), 32),
    field(("ipv6kit.stable", "systemd_address_one", "dad_counter"),
          lambda v: stable.systemd_address_one(bytes(16), "2001:db8::", "eth0", "02:00:00:00:00:01", dad_counter=v), 8),
    field(("ipv6kit.stable", "rfc7217", "dad_counter"), lambda v: stable.rfc7217("2001:db8::/64", "eth0", "", bytes(16), dad_counter=v), 8),
    # ipv6kit.temporary: times in u64, lifetimes and parameters in u32
    field((TMP, "TempSchedule.__new__", "created_at"), lambda v: temporary.TempSchedule(v, 0, 0, 0), 64),
    field((TMP, "TempSchedule.__new__", "preferred_until"), lambda v: temporary.TempSchedule(0, v, 0, 0), 64),
    field((TMP, "TempSchedule.__new__", "valid_until"), lambda v: temporary.TempSchedule(0, 0, v, 0), 64),
    field((TMP, "TempSchedule.__new__", "regenerate_at"), lambda v: temporary.TempSchedule(0, 0, 0, v), 64),
    field((TMP, "TempAddrConfig.__new__", "temp_valid_lifetime"), lambda v: temporary.TempAddrConfig(temp_valid_lifetime=v), 32),
    field((TMP, "TempAddrConfig.__new__", "temp_preferred_lifetime"), lambda v: temporary.TempAddrConfig(temp_preferred_lifetime=v), 32),
    field((TMP, "TempAddrConfig.__new__", "temp_idgen_retries"), lambda v: temporary.TempAddrConfig(temp_idgen_retries=v), 32),
    field((TMP, "TempAddrConfig.__new__", "dup_addr_detect_transmits"),
          lambda v: temporary.TempAddrConfig(dup_addr_detect_transmits=v), 32),
    field((TMP, "TempAddrConfig.__new__", "retrans_timer_ms"), lambda v: temporary.TempAddrConfig(retrans_timer_ms=v), 32),
]
# The four times of ``schedule`` and ``refresh``, as module functions and as methods: ``now`` a
# u64, the lifetimes u32 (a Preferred/Valid Lifetime field, RFC 4861 §4.6.2).
TIMES = (("now", 64), ("prefix_valid", 32), ("prefix_preferred", 32), ("desync_factor", 32))
TIME_CALLS: dict[str, Callable[[list[Any]], object]] = {
    "schedule": lambda a: temporary.schedule(*a),
    "refresh": lambda a: temporary.refresh(SCHED, *a),
    "TempAddrConfig.schedule": lambda a: temporary.TempAddrConfig().schedule(*a),
    "TempAddrConfig.refresh": lambda a: temporary.TempAddrConfig().refresh(SCHED, *a),
}


def time_case(qual: str, run: Callable[[list[Any]], object], i: int) -> Case:
    """The case of time ``i`` of ``qual``, the other three 0."""
    name, bits = TIMES[i]
    return field((TMP, qual, name), lambda v: run([v if j == i else 0 for j in range(4)]), bits)


CASES += [time_case(qual, run, i) for qual, run in TIME_CALLS.items() for i in range(len(TIMES))]

# Int parameters left out, and why.
EXEMPT = {
    ("ipv6kit", "_format_address", "bits"),  # private, for the tests: any int a u128 holds
}


def int_parameters(module: str, body: list[ast.stmt], prefix: str = "") -> set[tuple[str, str, str]]:
    """The parameters in a stub's ``body`` whose annotation mentions ``int``, classes' included."""
    found: set[tuple[str, str, str]] = set()
    for node in body:
        if isinstance(node, ast.ClassDef):
            found |= int_parameters(module, node.body, f"{prefix}{node.name}.")
        elif isinstance(node, ast.FunctionDef):
            a = node.args
            for p in a.posonlyargs + a.args + a.kwonlyargs:
                if p.annotation is not None and any(isinstance(n, ast.Name) and n.id == "int" for n in ast.walk(p.annotation)):
                    found.add((module, f"{prefix}{node.name}", p.arg))
    return found


def stub_int_parameters() -> set[tuple[str, str, str]]:
    """Every int parameter of the installed stubs."""
    found: set[tuple[str, str, str]] = set()
    for stub in sorted(Path(ipv6kit.__file__).parent.glob("*.pyi")):
        module = "ipv6kit" if stub.stem in ("_ipv6kit", "__init__") else f"ipv6kit.{stub.stem}"
        found |= int_parameters(module, ast.parse(stub.read_text()).body)
    return found


def test_the_table_covers_every_int_parameter() -> None:
    declared = stub_int_parameters()
    assert len(declared) > 70  # the stubs were found and read
    tested = {c.stub for c in CASES}
    assert declared - EXEMPT - tested == set(), "int parameters with no case"
    assert tested - declared == set(), "cases for no declared parameter"


def case_id(case: Case) -> str:
    return f"{case.stub[1]}:{case.name}"


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_out_of_range_ints_are_ipv6kit_errors_naming_the_argument(case: Case) -> None:
    for bad in (-1, case.max + 1, 2**64, -(2**64), 2**200, -(2**200)):
        with pytest.raises(ipv6kit.Error) as info:
            case.call(bad)
        assert isinstance(info.value, ValueError) and not isinstance(info.value, OverflowError)
        assert re.match(case.message(bad), str(info.value)), (bad, str(info.value))
    # The largest value of the type passes the range check (the core may still refuse it for
    # its own reasons, with its own message).
    try:
        case.call(case.max)
    except ipv6kit.Error as e:
        assert not re.match(case.message(case.max), str(e)), str(e)


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_non_ints_are_type_errors(case: Case) -> None:
    # Not "1": a zone may be a str (an interface name or index). None is "not given" where optional.
    for wrong in [1.0, b"\x01", [1]] + ([] if case.optional else [None]):
        with pytest.raises(TypeError):
            case.call(wrong)
    if case.optional:
        try:
            case.call(None)
        except ipv6kit.Error:
            pass  # None was taken as "not given" (validate then needs a hop limit from parse)
