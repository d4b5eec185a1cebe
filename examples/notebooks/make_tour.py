"""Writes tour.ipynb (outputs cleared). Edit the cells here, then run: python make_tour.py"""

import pathlib

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

cells = [
    new_markdown_cell(
        "# A tour of ipv6kit in Python\n\n"
        "The seed's scenarios, with standard `ipaddress` objects in and out. Install with "
        "`pip install ./ipv6kit-py` from the repository root."
    ),
    new_code_cell("import ipaddress\n\nimport ipv6kit\n\nipv6kit.__version__"),
    new_markdown_cell(
        "## The MAC behind a host's address\n\n"
        "A host-discovery tool listed these addresses with the MACs from the neighbour table. An "
        "address formed by modified EUI-64 carries its MAC (with the universal/local bit inverted and "
        "`ff:fe` in the middle); `mac_from_iid` gives it back, or `None` when there is none."
    ),
    new_code_cell(
        "seen = {\n"
        '    "2001:470:db8:101:203:93ff:fe67:4362": "00:03:93:67:43:62",\n'
        '    "2001:470:db8:101:211:24ff:fece:f1a": "00:11:24:ce:0f:1a",\n'
        '    "fe80::ba27:ebff:fe89:bc51": "b8:27:eb:89:bc:51",\n'
        '    "2001:470:db8:101:6a1:51ff:fea0:9339": "04:a1:51:a0:93:38",\n'
        '    "2001:470:db8:101::9c5": None,\n'
        '    "2001:470:db8:101:b41f:18a3:a97c:4a0c": None,\n'
        "}\n"
        "for address, table_mac in seen.items():\n"
        "    inside = ipv6kit.mac_from_iid(address)\n"
        '    note = "" if inside == table_mac else "  <- the neighbour table says " + str(table_mac)\n'
        '    print(f"{address:40} {inside}{note}")'
    ),
    new_markdown_cell(
        "The fourth host answers for an address formed from another of its MACs: the table and the IID "
        "disagree, and both are shown rather than one \"fixed\". The last two have no MAC inside.\n\n"
        "And the other way: which addresses a MAC takes, and which multicast group (and Ethernet "
        "destination) a Neighbor Solicitation for them goes to."
    ),
    new_code_cell(
        'mac = "B8-27-EB-89-BC-51"  # any notation\n'
        "lla = ipv6kit.link_local(mac)\n"
        'gua = ipv6kit.slaac(ipaddress.IPv6Network("2001:db8:ebbd:2080::/64"), mac)\n'
        "group = ipv6kit.solicited_node(gua)\n"
        "lla, gua, group, ipv6kit.multicast_mac(group)"
    ),
    new_markdown_cell(
        "Batch forms take any iterable and run the loop in Rust: a whole neighbour table at once."
    ),
    new_code_cell(
        "import random\n\n"
        "rng = random.Random(6)\n"
        'macs = [":".join(f"{rng.getrandbits(8):02x}" for _ in range(6)) for _ in range(100_000)]\n'
        'addresses = ipv6kit.slaac_many("2001:db8:ebbd:2080::/64", macs)\n'
        "groups = ipv6kit.solicited_nodes(addresses)\n"
        "addresses[:2], groups[:2], len(set(groups))"
    ),
    new_markdown_cell(
        "Wrong values raise `ipv6kit.Error` (a `ValueError`) with the library's message naming the bad "
        "part; wrong types raise `TypeError`."
    ),
    new_code_cell(
        'for bad in ["2001:db8::/48", "2001:db8::/64"]:\n'
        "    try:\n"
        '        print(ipv6kit.slaac(bad, "00:11:22:33:44:55"))\n'
        "    except ipv6kit.Error as e:\n"
        '        print("Error:", e)\n'
        "try:\n"
        '    ipv6kit.link_local("00:11:22:33:44:5g")\n'
        "except ValueError as e:\n"
        '    print("Error:", e)'
    ),
]

nb = new_notebook(cells=cells)
nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
nb.metadata["language_info"] = {"name": "python"}
out = pathlib.Path(__file__).with_name("tour.ipynb")
nbformat.write(nb, str(out))
print("wrote", out)
