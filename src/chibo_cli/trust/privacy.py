"""Personal data (citizen ids, party card numbers) is masked in every output unless revealed."""

from __future__ import annotations

from typing import Optional

VISIBLE_TAIL = 3


def mask(value: Optional[str], reveal: bool = False) -> str:
    """``001170009876`` → ``•••••••••876``; empty stays empty; ``reveal`` shows it whole."""
    if not value:
        return ""
    if reveal:
        return value
    tail = value[-VISIBLE_TAIL:] if len(value) > 2 * VISIBLE_TAIL else ""
    return "•" * (len(value) - len(tail)) + tail
