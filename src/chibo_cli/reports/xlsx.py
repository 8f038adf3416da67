"""The report as an Excel workbook (openpyxl): one sheet per view, frozen headers, number
formats, and Excel's own charts (attendance per month; cells ranked) that the office can edit."""

from __future__ import annotations

import io
from typing import Any

from ..base.i18n import _
from .tables import Table, month_totals, ranking, views
from .ward import Report

MAX_WIDTH = 40


def workbook_bytes(report: Report) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for table in views(report):
        _sheet(book, table)
    _chart_sheet(book, month_totals(report), _line_chart)
    _chart_sheet(book, ranking(report), _bar_chart)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _sheet(book: Any, table: Table) -> Any:
    from openpyxl.styles import Font

    sheet = book.create_sheet(table.name)
    sheet.append(table.headers)
    for row in table.rows:
        sheet.append(row)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "B2"
    for index in table.percent:
        for (cell,) in sheet.iter_rows(min_row=2, min_col=index + 1, max_col=index + 1):
            cell.number_format = "0.0%"
    for index, header in enumerate(table.headers, start=1):
        longest = max([len(str(header))] + [len(str(r[index - 1] or "")) for r in table.rows
                                            if len(r) >= index])
        sheet.column_dimensions[sheet.cell(1, index).column_letter].width = min(
            longest + 2, MAX_WIDTH)
    return sheet


def _chart_sheet(book: Any, table: Table, chart: Any) -> None:
    sheet = _sheet(book, table)
    if table.rows:
        sheet.add_chart(chart(sheet, table), f"{sheet.cell(1, len(table.headers) + 2).coordinate}")


def _line_chart(sheet: Any, table: Table) -> Any:
    from openpyxl.chart import LineChart

    chart = _share_chart(LineChart(), sheet, table, column=4)
    chart.y_axis.title = _("attendance")
    chart.width, chart.height = 22, 11
    return chart


def _bar_chart(sheet: Any, table: Table) -> Any:
    from openpyxl.chart import BarChart

    chart = _share_chart(BarChart(), sheet, table, column=2)
    chart.type = "bar"  # horizontal bars: long cell names stay readable
    chart.x_axis.scaling.orientation = "maxMin"  # best first, at the top
    chart.width, chart.height = 22, max(8, 0.5 * len(table.rows) + 3)
    return chart


def _share_chart(chart: Any, sheet: Any, table: Table, column: int) -> Any:
    """``chart`` of the shares (0–100 %) in ``column`` of the sheet, one per row, labelled by the
    first column: the sheet's own cells, so the chart follows the office's edits."""
    from openpyxl.chart import Reference

    chart.title = table.title
    chart.y_axis.number_format = "0%"
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = 1
    last = len(table.rows) + 1
    chart.add_data(Reference(sheet, min_col=column, min_row=1, max_row=last),
                   titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=1, min_row=2, max_row=last))
    return chart
