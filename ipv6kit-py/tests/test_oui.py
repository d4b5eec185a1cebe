"""ipv6kit.oui against its referee: the IEEE CSV files of Debian's ieee-data, read with Python's
``csv`` module (RFC 4180), the longest match computed here from that reading."""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

import pytest

import ipv6kit
from ipv6kit import oui

from _referees import unavailable

IEEE = Path("/usr/share/ieee-data")
HEADER = "Registry,Assignment,Organization Name,Organization Address\r\n"
BITS = {"MA-L": 24, "MA-M": 28, "MA-S": 36, "IAB": 36}


def csv_records(text: str) -> list[tuple[str, int, int, str]]:
    """(registry, bits, prefix, organization) of every record, by Python's csv module."""
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0][:2] == ["Registry", "Assignment"]
    out = []
    for row in rows[1:]:
        if not any(field.strip() for field in row):
            continue
        registry, assignment, organization = row[0].strip(), row[1].strip(), row[2].strip()
        assert len(assignment) * 4 == BITS[registry], row
        out.append((registry, BITS[registry], int(assignment, 16), organization))
    return out


@pytest.fixture(scope="module")
def ieee() -> dict[tuple[int, int], tuple[str, str]]:
    """(bits, prefix) -> (registry, organization) over Debian's files, in the order the core
    reads them (a later record for the same block replaces an earlier one)."""
    if not (IEEE / "oui.csv").exists():
        unavailable("test_oui", f"{IEEE}/oui.csv is missing: install Debian's ieee-data")
    table: dict[tuple[int, int], tuple[str, str]] = {}
    for name in oui.DEBIAN_FILES:
        path = IEEE / name
        if path.exists():
            for registry, bits, prefix, org in csv_records(path.read_text(encoding="utf-8")):
                table[(bits, prefix)] = (registry, org)
    return table


@pytest.fixture(scope="module")
def db(ieee: dict[tuple[int, int], tuple[str, str]]) -> oui.OuiDb:
    return oui.load()


def mac_text(value: int) -> str:
    return ":".join(f"{(value >> (8 * k)) & 0xFF:02x}" for k in range(5, -1, -1))


def test_the_database_is_the_csv_files(db: oui.OuiDb, ieee: dict[tuple[int, int], tuple[str, str]]) -> None:
    assert oui.DEBIAN_DIR == str(IEEE) and oui.DEBIAN_FILES == ("oui.csv", "mam.csv", "oui36.csv", "iab.csv")
    assert len(db) == len(ieee) > 30_000
    listed = [(a.bits, a.prefix, a.registry, a.organization) for a in db]
    assert listed == [(bits, prefix, reg, org) for (bits, prefix), (reg, org) in sorted(ieee.items())]
    assert len(oui.load(IEEE)) == len(db)


def test_lookup_is_the_longest_match(db: oui.OuiDb, ieee: dict[tuple[int, int], tuple[str, str]]) -> None:
    rng = random.Random(20220827)
    blocks = list(ieee)
    macs = [rng.getrandbits(48) for _ in range(2000)]
    # MACs inside registered blocks, of every length (nested MA-S in MA-M in MA-L included).
    for bits, prefix in rng.sample(blocks, 3000):
        macs.append((prefix << (48 - bits)) | rng.getrandbits(48 - bits))
    for m in macs:
        want = next(
            (ieee[(bits, m >> (48 - bits))] for bits in (36, 28, 24) if (bits, m >> (48 - bits)) in ieee),
            None,
        )
        got = db.lookup(mac_text(m))
        assert (None if got is None else (got.registry, got.organization)) == want, mac_text(m)
        if got is not None:
            assert got.contains(mac_text(m)) and got.prefix == m >> (48 - got.bits)
            assert ipv6kit.vendor(mac_text(m)) == got.organization


def test_assignment_attributes(db: oui.OuiDb) -> None:
    pi = db.lookup("B8-27-EB-89-BC-51")
    assert pi is not None and pi.registry == "MA-L" and pi.bits == 24 and pi.prefix == 0xB827EB
    assert pi.first == "b8:27:eb:00:00:00" and "Raspberry Pi" in pi.organization
    assert str(pi) == f"MA-L b8:27:eb/24 {pi.organization}"
    assert pi.contains("b8:27:eb:ff:ff:ff") and not pi.contains("b8:27:ec:00:00:00")
    assert pi == db.lookup("b8:27:eb:00:00:01") and hash(pi) == hash(db.lookup("b8:27:eb:00:00:01"))
    assert repr(pi).startswith("<ipv6kit.oui.Assignment MA-L b8:27:eb/24")
    with pytest.raises(ipv6kit.Error):
        db.lookup("b8:27:eb")
    with pytest.raises(TypeError):
        db.lookup(0xB827EB895C51)  # type: ignore[arg-type]


TRICKY = (
    HEADER
    + 'MA-L,F4BD9E,"Cisco Systems, Inc",80 West Tasman Drive San Jose CA US 94568 \r\n'
    + 'MA-L,C404D8,Aviva Links Inc.,"160 E Tasman Dr\r\nSTE 102 SAN JOSE CA US 95134 "\r\n'
    + 'MA-M,E05A9F9,"Gemalto ""Document Readers""",3300 Acorn Street Williamsburg VA US 23188 \r\n'
    + 'MA-S,70B3D5F2F,TELEPLATFORMS,"Polbina st., 3/1 Moscow  RU 109388 "\r\n'
    + "\r\n"
    + "IAB,0050C2123,Some IAB Holder,\r\n"
)


def test_csv_quoting_as_python_csv_reads_it(tmp_path: Path) -> None:
    want = csv_records(TRICKY)
    got = [(a.registry, a.bits, a.prefix, a.organization) for a in oui.parse_csv(TRICKY)]
    assert got == want
    db = oui.OuiDb()
    assert len(db) == 0 and list(db) == [] and db.lookup("f4:bd:9e:00:00:01") is None
    assert db.add_csv(TRICKY) == len(want)
    path = tmp_path / "more.csv"
    path.write_text(HEADER + "MA-L,F4BD9E,Renamed,\r\n")
    assert db.add_file(path) == 1 and db.add_file(str(path)) == 1
    assert len(db) == len(want)  # the same block replaced, not added
    hit = db.lookup("f4:bd:9e:12:34:56")
    assert hit is not None and hit.organization == "Renamed"
    assert repr(db) == f"<ipv6kit.oui.OuiDb: {len(want)} assignments>"


def test_bad_files_are_refused_whole() -> None:
    db = oui.OuiDb()
    db.add_csv(HEADER + "MA-L,B827EB,Raspberry Pi Foundation,\r\n")
    for bad, message in [
        ("", "empty"),
        ("Vendor,Prefix\r\n", "expected the header"),
        (HEADER + "MA-L,B827E,Short,\r\n", "line 2: MA-L assignment has 5 hex digits, 6 expected"),
        (HEADER + "MA-L,00000G,X,\r\n", "non-hex"),
        (HEADER + "MA-X,000000,X,\r\n", "unknown registry"),
        (HEADER + 'MA-L,000000,"never closed\r\n', "never closed"),
        (HEADER + "MA-L,000001,Fine,\r\nMA-L,0000\r\n", "line 3"),
    ]:
        with pytest.raises(ipv6kit.Error, match=message):
            db.add_csv(bad)
        with pytest.raises(ipv6kit.Error, match=message):
            oui.parse_csv(bad)
    assert len(db) == 1 and db.lookup("00:00:01:00:00:00") is None  # nothing of a bad text kept
    with pytest.raises(ipv6kit.Error, match="cannot read"):
        oui.load("/nonexistent/ieee-data")
