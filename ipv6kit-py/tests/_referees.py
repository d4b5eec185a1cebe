"""Referee plumbing shared by the tests: loud skips, root and tools, pcap files, tshark.

The rule of the project's referee tests (ipv6kit/tests/referee/netlab.rs): a test whose referee
is missing (root for network namespaces, a tool, a data package) skips loudly, with a warning
in pytest's summary, and fails instead when ``IPV6KIT_REQUIRE_REFEREES`` is set (``.ci/run``).
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

import pytest

REQUIRE = "IPV6KIT_REQUIRE_REFEREES"


def required() -> bool:
    """True when a missing referee is a failure."""
    return os.environ.get(REQUIRE, "") not in ("", "0")


def unavailable(test: str, why: str) -> NoReturn:
    """Skips ``test`` loudly, or fails it under ``IPV6KIT_REQUIRE_REFEREES``."""
    if required():
        pytest.fail(f"referee test {test} cannot run: {why} ({REQUIRE} is set, so this is a failure)")
    warnings.warn(f"*** SKIPPED referee test {test}: {why} (set {REQUIRE}=1 to make this fail) ***", stacklevel=2)
    pytest.skip(f"referee unavailable: {why}")


def need(test: str, *, root: bool = False, tools: Sequence[str] = ()) -> None:
    """Checks that ``test`` can run: root (when asked) and every tool on the PATH."""
    if root and os.geteuid() != 0:
        unavailable(test, "needs root for network namespaces")
    for tool in tools:
        if shutil.which(tool) is None:
            unavailable(test, f"`{tool}` is not installed (the test command installs it)")


def run(argv: Sequence[str], *, stdin: str | None = None) -> str:
    """Runs a command; its standard output, or an assertion error with its standard error."""
    out = subprocess.run(list(argv), input=stdin, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, f"{argv} failed ({out.returncode}): {out.stderr}"
    return out.stdout


LINKTYPE_ETHERNET = 1
LINKTYPE_RAW = 101


def write_pcap(path: Path, packets: Sequence[bytes], linktype: int) -> None:
    """A classic little-endian pcap file of ``packets``."""
    out = [struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, linktype)]
    for i, p in enumerate(packets):
        out.append(struct.pack("<IIII", i, 0, len(p), len(p)) + p)
    path.write_bytes(b"".join(out))


def tshark_fields(path: Path, fields: Sequence[str]) -> list[dict[str, str]]:
    """What tshark reads in each packet of a pcap file: ``field -> value`` (several
    occurrences joined by ``,``; a missing field is ``""``)."""
    argv = ["tshark", "-r", str(path), "-T", "fields", "-E", "separator=/t", "-E", "occurrence=a", "-E", "aggregator=,"]
    for f in fields:
        argv += ["-e", f]
    rows = []
    for line in run(argv).splitlines():
        values = line.split("\t")
        rows.append(dict(zip(fields, values + [""] * (len(fields) - len(values)))))
    return rows
