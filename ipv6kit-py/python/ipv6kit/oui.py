"""The IEEE registries of MAC address blocks (MA-L/OUI, MA-M, MA-S, IAB), from the CSV files of
Debian's ``ieee-data``: which organisation holds a MAC, and the whole database to count and
iterate. :func:`ipv6kit.vendor` is the one-call lookup.

>>> from ipv6kit import oui
>>> db = oui.OuiDb()
>>> db.add_csv("Registry,Assignment,Organization Name,Organization Address\\n"
...            "MA-L,B827EB,Raspberry Pi Foundation,Cambridge GB\\n"
...            "MA-S,70B3D5F2F,TELEPLATFORMS,Moscow RU\\n")
2
>>> [str(a) for a in db]
['MA-L b8:27:eb/24 Raspberry Pi Foundation', 'MA-S 70:b3:d5:f2:f0/36 TELEPLATFORMS']
"""

from ipv6kit._ipv6kit import oui as _native

DEBIAN_DIR: str = _native.DEBIAN_DIR
DEBIAN_FILES: tuple[str, ...] = _native.DEBIAN_FILES
Assignment = _native.Assignment
OuiDb = _native.OuiDb
load = _native.load
parse_csv = _native.parse_csv

__all__ = ["DEBIAN_DIR", "DEBIAN_FILES", "Assignment", "OuiDb", "load", "parse_csv"]
