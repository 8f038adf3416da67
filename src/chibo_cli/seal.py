"""The digital stamp across pages: a hash chain over agreed meetings and adopted resolutions.

Interface used by the renderers; the seal log itself is built in this module.
"""

from __future__ import annotations

from .loader import Cell


def short_seals(cell: Cell) -> dict[str, str]:
    """Record id → short seal (first hex digits of its sealed hash), for records already sealed."""
    return {}
