"""Charts as PNG images for the Word report (matplotlib, imported only when a report needs it)."""

from __future__ import annotations

import io
from typing import Any

from .tables import Table

DPI = 150


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")  # no display: render to memory only
    import matplotlib.pyplot as plt

    return plt


def months_chart(table: Table, title: str) -> bytes:
    """Attendance per month (``tables.month_totals``) as bars, in per cent."""
    plt = _pyplot()
    labels = [str(r[0]) for r in table.rows]
    values = [float(r[3] or 0) * 100 for r in table.rows]
    figure, axes = plt.subplots(figsize=(7.0, 3.2))
    bars = axes.bar(labels, values, color="#b22222")
    axes.bar_label(bars, labels=[f"{v:.0f}" for v in values], fontsize=7)
    axes.set_ylim(0, 105)
    axes.set_ylabel("%")
    axes.set_title(title, fontsize=11)
    axes.tick_params(axis="x", labelrotation=60, labelsize=7)
    return _png(plt, figure)


def ranking_chart(table: Table, title: str) -> bytes:
    """Cells ranked by attendance (``tables.ranking``), best at the top."""
    plt = _pyplot()
    names = [str(r[0]) for r in table.rows][::-1]
    values = [float(r[1] or 0) * 100 for r in table.rows][::-1]
    height = max(2.5, 0.22 * len(names) + 1.2)
    figure, axes = plt.subplots(figsize=(7.0, height))
    axes.barh(names, values, color="#b22222")
    axes.set_xlim(0, 100)
    axes.set_xlabel("%")
    axes.set_title(title, fontsize=11)
    axes.tick_params(axis="y", labelsize=6 if len(names) > 30 else 8)
    return _png(plt, figure)


def _png(plt: Any, figure: Any) -> bytes:
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=DPI)
    plt.close(figure)
    return buffer.getvalue()
