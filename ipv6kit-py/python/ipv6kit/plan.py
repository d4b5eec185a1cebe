"""Address plans: read (text, TOML, JSON), check against the RFCs and RIPE-690, find free
space, and report as text, JSON, HTML or an SVG map.

>>> from ipv6kit import plan
>>> report = plan.check("2001:db8:ebbd::/48 house\\n2001:db8:ebbd:9900::/56 DMZ\\n")
>>> report.ok
True
"""

from ipv6kit._ipv6kit import plan as _native

Diagnostic = _native.Diagnostic
PlanMap = _native.PlanMap
Renumbered = _native.Renumbered
Report = _native.Report
Sizing = _native.Sizing
check = _native.check
range_to_prefixes = _native.range_to_prefixes

__all__ = ["Diagnostic", "PlanMap", "Renumbered", "Report", "Sizing", "check", "range_to_prefixes"]
