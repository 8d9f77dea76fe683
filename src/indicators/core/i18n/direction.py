"""Which way is better for an indicator (`direction.*`, on the Methodology page)."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "direction.up": ("càng cao càng tốt", "higher"),
    "direction.down": ("càng thấp càng tốt", "lower"),
}
