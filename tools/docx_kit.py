"""Small python-docx helpers for tools/build_templates.py: styles, borders, fields, tables."""

from __future__ import annotations

from typing import Optional

from docx.document import Document as DocumentObject
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.styles.style import ParagraphStyle
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

ALIGN = {"c": WD_ALIGN_PARAGRAPH.CENTER, "l": WD_ALIGN_PARAGRAPH.LEFT,
         "r": WD_ALIGN_PARAGRAPH.RIGHT, "j": WD_ALIGN_PARAGRAPH.JUSTIFY}


def add_style(doc: DocumentObject, name: str, *, size: Optional[float] = None, bold: bool = False,
              italic: bool = False, underline: bool = False, align: str = "c",
              indent: bool = False, before: float = 0, after: float = 0,
              keep_next: bool = False) -> ParagraphStyle:
    """A paragraph style based on Normal; ``indent`` keeps Normal's first-line indent."""
    style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = doc.styles["Normal"]
    style.quick_style = True
    font = style.font
    if size:
        font.size = Pt(size)
    font.bold, font.italic, font.underline = bold or None, italic or None, underline or None
    fmt = style.paragraph_format
    fmt.alignment = ALIGN[align]
    if not indent:
        fmt.first_line_indent = Cm(0)
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    fmt.keep_with_next = keep_next or None
    return style


def border(style: ParagraphStyle, sides: tuple[str, ...], size: int = 6, space: int = 1) -> None:
    """A single solid line on the given sides of every paragraph in ``style``."""
    ppr = style.element.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    for side in sides:
        line = OxmlElement(f"w:{side}")
        line.set(qn("w:val"), "single")
        line.set(qn("w:sz"), str(size))
        line.set(qn("w:space"), str(space))
        line.set(qn("w:color"), "auto")
        bdr.append(line)
    _insert_ppr_child(ppr, bdr)


def indents(style: ParagraphStyle, left_cm: float, right_cm: float) -> None:
    style.paragraph_format.left_indent = Cm(left_cm)
    style.paragraph_format.right_indent = Cm(right_cm)


def page_break_before(style: ParagraphStyle) -> None:
    style.paragraph_format.page_break_before = True


def _insert_ppr_child(ppr: OxmlElement, child: OxmlElement) -> None:
    # pBdr must precede spacing/ind/jc in CT_PPr's sequence or Word rejects the file.
    for tag in ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc"):
        found = ppr.find(qn(tag))
        if found is not None:
            found.addprevious(child)
            return
    ppr.append(child)


def page_field(paragraph: Paragraph) -> None:
    """A PAGE field (complex form, which Word and LibreOffice both update)."""
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"),
                       ("end", None)):
        run = paragraph.add_run()
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == " PAGE ":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        else:
            run.text = text or ""


def plain_table(doc: DocumentObject, widths_cm: list[float], rows: int = 1,
                grid: bool = False) -> Table:
    """A fixed-width table; without ``grid`` it has no borders at all."""
    table = doc.add_table(rows=rows, cols=len(widths_cm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tblpr = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tblpr.append(layout)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        line = OxmlElement(f"w:{side}")
        line.set(qn("w:val"), "single" if grid else "nil")
        if grid:
            line.set(qn("w:sz"), "4")
            line.set(qn("w:space"), "0")
            line.set(qn("w:color"), "auto")
        borders.append(line)
    tblpr.append(borders)
    for row in table.rows:
        # A row never splits across pages: a signature, "Nơi nhận" and an index line stay whole.
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for cell, width in zip(row.cells, widths_cm, strict=False):
            cell.width = Cm(width)
    for column, width in zip(table.columns, widths_cm, strict=False):
        column.width = Cm(width)
    return table


def cell_lines(cell: _Cell, lines: list[tuple[str, str]]) -> None:
    """Fill a table cell with (style, text) paragraphs, reusing its first empty paragraph."""
    first = True
    for style, text in lines:
        paragraph = cell.paragraphs[0] if first else cell.add_paragraph()
        first = False
        paragraph.style = style
        if text:
            paragraph.add_run(text)
