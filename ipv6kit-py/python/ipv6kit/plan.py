"""Address plans: read (text, TOML, JSON), check against the RFCs and RIPE-690, find free
space, and report as text, JSON, HTML or an SVG map.

>>> from ipv6kit import plan
>>> report = plan.check("2001:db8:ebbd::/48 house\\n2001:db8:ebbd:9900::/56 DMZ\\n")
>>> report.ok
True
"""

from ipv6kit._ipv6kit import plan as _native

Diagnostic = _native.Diagnostic
Plan = _native.Plan
PlanMap = _native.PlanMap
Renumbered = _native.Renumbered
Report = _native.Report
Sizing = _native.Sizing
check = _native.check
is_low_entropy_ula = _native.is_low_entropy_ula
range_to_prefixes = _native.range_to_prefixes
ula_prefix = _native.ula_prefix
ula_prefix_rfc4193 = _native.ula_prefix_rfc4193

__all__ = [
    "Diagnostic",
    "Plan",
    "PlanMap",
    "Renumbered",
    "Report",
    "Sizing",
    "check",
    "is_low_entropy_ula",
    "range_to_prefixes",
    "ula_prefix",
    "ula_prefix_rfc4193",
]
