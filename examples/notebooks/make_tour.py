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
        "Whose devices are these? The IEEE registries (Debian's `ieee-data`) name the vendor of each MAC."
    ),
    new_code_cell(
        "for address in seen:\n"
        "    mac = ipv6kit.mac_from_iid(address)\n"
        "    if mac:\n"
        "        try:\n"
        "            print(f\"{mac}  {ipv6kit.vendor(mac)}\")\n"
        "        except ipv6kit.Error as e:  # no ieee-data on this machine\n"
        "            print(f\"{mac}  ({e})\")"
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
        "What kind of identifier does an address have? The classification is deterministic (the union of "
        "ipv6calc's and addr6's taxonomies); `describe` says everything at once."
    ),
    new_code_cell(
        "for a in [\"fe80::ba27:ebff:fe89:bc51\", \"2001:470:db8:101::9c5\", \"2001:db8::443\",\n"
        "          \"2001:470:db8:101:b41f:18a3:a97c:4a0c\", \"64:ff9b::c000:221\"]:\n"
        "    print(f\"{a:40} {ipv6kit.classify(a)}\")\n"
        "print()\n"
        "print(ipv6kit.describe(\"fe80::ba27:ebff:fe89:bc51\"))"
    ),
    new_markdown_cell(
        "The playful identifiers of the seed, both ways: 8 bytes of text (ipv6board) and a colour (the IPv6 "
        "Christmas tree)."
    ),
    new_code_cell(
        "board = ipv6kit.text_address(\"2001:6b0:1001:105::/64\", \"Awesome!\")\n"
        "tree = ipv6kit.colour_address(\"2a05:9b81:2020::/48\", \"#AABBCC\")\n"
        "board, ipv6kit.iid_text(board), tree, ipv6kit.iid_colour(tree), ipv6kit.reverse_name(\"2001:db8:ebbd::/48\")"
    ),
    new_markdown_cell(
        "## Free's 6rd delegation\n\n"
        "Free (France) runs 6rd with the prefix 2a01:e30::/28 and IPv4MaskLen 0: the customer's whole IPv4 "
        "address goes into bits 28-60, leaving a /60. Subnet 0 carries the tunnel, the other 15 /64s are for "
        "the home. The DHCPv4 option 212 (here as busybox udhcpc prints it) says the same."
    ),
    new_code_cell(
        "from ipv6kit import sixrd\n\n"
        "option = sixrd.parse_option_212(\"0 28 2a01:e30:: 192.88.99.201\")\n"
        "ce = ipaddress.IPv4Address(\"82.10.11.12\")\n"
        "delegated = option.delegated_prefix(ce)\n"
        "print(option, \"->\", option.prefix, \"m =\", option.ipv4_mask_len, \"relays\", option.border_relays)\n"
        "print(\"delegated:\", delegated, \" tunnel:\", option.tunnel_address(ce))\n"
        "print(\"IPv4 back:\", sixrd.extract_ipv4(option.tunnel_address(ce), option.prefix))\n"
        "subnets = list(delegated.subnets(new_prefix=64))\n"
        "print(\"home /64s:\", len(subnets[1:]), subnets[1], \"...\", subnets[-1])\n"
        "print(\"on the wire:\", option.to_bytes().hex())"
    ),
    new_markdown_cell(
        "## The house plan and its map\n\n"
        "The plan written in the seed's post. 990a::/64 lies inside 9908::/62, inside 9900::/56: the tree "
        "comes from containment. The report renders as HTML; `report.map` is the SVG map."
    ),
    new_code_cell(
        "from ipv6kit import plan\n\n"
        "HOUSE = \"\"\"\\\n"
        "::/0 the Internet\n"
        "2001:db8:ebbd::/48 my house network\n"
        "2001:db8:ebbd:9900::/56 my DMZ network\n"
        "2001:db8:ebbd:9908::/62 the LAN ports of R2 (unused, DHCPv6-PD allocates them)\n"
        "2001:db8:ebbd:990a::/64 the LAN ports of R1 (out in NAT-land)\n"
        "\"\"\"\n"
        "report = plan.check(HOUSE)\n"
        "report"
    ),
    new_code_cell("report.map"),
    new_code_cell(
        "for d in report.diagnostics:\n"
        "    print(d.code, d.severity, \"line\", d.line, \"-\", d.message)\n"
        "report.free(\"2001:db8:ebbd:9900::/56\")"
    ),
    new_markdown_cell(
        "## A captured Router Advertisement\n\n"
        "Frame 1 of tcpdump's `icmpv6-ra.pcap`: 230 bytes of Ethernet carrying a 176-byte RA. `parse_frame` "
        "gives a typed message with its IPv6 context, so `validate()` can check RFC 4861's rules."
    ),
    new_code_cell(
        "import pathlib\n"
        "import struct\n\n"
        "from ipv6kit import ndp\n\n"
        "pcap = pathlib.Path(\"../../ipv6kit/tests/data/ndp/tcpdump-icmpv6-ra.pcap\").read_bytes()\n"
        "endian = \"<\" if pcap[:4] == b\"\\xd4\\xc3\\xb2\\xa1\" else \">\"\n"
        "(length,) = struct.unpack(endian + \"I\", pcap[32:36])\n"
        "frame = pcap[40 : 40 + length]\n"
        "ra = ndp.parse_frame(frame)\n"
        "print(type(ra).__name__, \"from\", ra.src, \"to\", ra.dst, \"hop limit\", ra.hop_limit, \"violations:\", ra.validate())\n"
        "ra.options"
    ),
    new_code_cell(
        "pio = ra.options[0]\n"
        "print(pio.prefix, pio.on_link, pio.autonomous, pio.valid_lifetime)\n"
        "print(ra)\n"
        "assert ra.to_bytes() == frame[54:]  # byte for byte"
    ),
    new_markdown_cell("And the other way: build a DAD Neighbor Solicitation, then read it back."),
    new_code_cell(
        "target = ipv6kit.link_local(\"b8:27:eb:89:bc:51\")\n"
        "ns = ndp.NeighborSolicitation(target)\n"
        "wire = ns.to_bytes(src=\"::\", dst=ipv6kit.solicited_node(target))\n"
        "back = ndp.parse(wire, src=\"::\", dst=ipv6kit.solicited_node(target), hop_limit=255)\n"
        "back, back == ns, back.validate()"
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
