"""pytest configuration: hypothesis profile for the test command."""

from hypothesis import settings

settings.register_profile("ipv6kit", max_examples=300, deadline=None)
settings.load_profile("ipv6kit")
