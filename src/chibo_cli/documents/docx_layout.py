"""The Party's page layout applied to a document from the rulebook's numbers (never from code).

Runs after rendering, so a committee that changes ``layout.*`` in its rules gets the new page,
margins, font and sizes from every template, built-in or its own.
"""

from __future__ import annotations

from typing import Any

from docx.document import Document as DocumentObject
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from ..records.rulebook import Rulebook

FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")
_THEME_SLOTS = ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme")
LANGUAGE = "vi-VN"
TITLE_STYLE = "Chibo Title"
PARTY_STYLE = "Chibo Party"
PAGE_STYLES = ("Header", "Footer")


def apply_layout(document: DocumentObject, rules: Rulebook) -> None:
    """Page size, margins, font in all four slots, language and sizes from ``rules``."""
    _page(document, rules)
    font = str(rules["layout.font"])
    styles_root = document.styles.element
    _defaults(styles_root, font)
    for rfonts in styles_root.iter(qn("w:rFonts")):
        _set_font(rfonts, font)
    normal = document.styles["Normal"]
    _ensure_rfonts(normal.element.get_or_add_rPr(), font)
    normal.font.size = Pt(float(rules["layout.body_pt"]))
    normal.paragraph_format.first_line_indent = Cm(float(rules["layout.first_line_indent_cm"]))
    _no_indent(document, PAGE_STYLES)
    _size(document, TITLE_STYLE, rules["layout.title_pt"])
    _size(document, PARTY_STYLE, rules["layout.party_name_pt"])
    _complete_run_fonts(document)


def _page(document: DocumentObject, rules: Rulebook) -> None:
    width, height = rules["layout.page_mm"]
    margins: dict[str, Any] = rules["layout.margins_mm"]
    for section in document.sections:
        # A wide table (the member list) is laid out across the page: the same sheet, turned.
        across = section.orientation == WD_ORIENT.LANDSCAPE
        wide, high = (max(width, height), min(width, height)) if across else (width, height)
        section.page_width, section.page_height = Mm(float(wide)), Mm(float(high))
        section.top_margin = Mm(float(margins["top"]))
        section.bottom_margin = Mm(float(margins["bottom"]))
        section.left_margin = Mm(float(margins["left"]))
        section.right_margin = Mm(float(margins["right"]))


def _defaults(styles_root: Any, font: str) -> None:
    defaults = styles_root.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles_root.insert(0, defaults)
    rpr_default = _child(defaults, "w:rPrDefault", first=True)
    rpr = _child(rpr_default, "w:rPr", first=True)
    _ensure_rfonts(rpr, font)
    lang = _child(rpr, "w:lang")
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)


def _child(parent: Any, tag: str, first: bool = False) -> Any:
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        if first:
            parent.insert(0, found)
        else:
            parent.append(found)
    return found


def _ensure_rfonts(rpr: Any, font: str) -> None:
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)  # rFonts comes first in CT_RPr's sequence
    _set_font(rfonts, font)


def _set_font(rfonts: Any, font: str) -> None:
    # A theme attribute wins over the explicit name in Word, so it must go.
    for attr in _THEME_SLOTS:
        rfonts.attrib.pop(qn(attr), None)
    for slot in FONT_SLOTS:
        rfonts.set(qn(slot), font)


def _no_indent(document: DocumentObject, style_names: tuple[str, ...]) -> None:
    """Header and footer styles inherit Normal's first-line indent, which pushes a centred page
    number off centre by half the indent."""
    for name in style_names:
        try:
            style = document.styles[name]
        except KeyError:
            continue
        style.paragraph_format.first_line_indent = Cm(0)


def _size(document: DocumentObject, style_name: str, points: Any) -> None:
    try:
        style = document.styles[style_name]
    except KeyError:
        return  # a cell's own template may do without this style
    style.font.size = Pt(float(points))


def _complete_run_fonts(document: DocumentObject) -> None:
    """A font picked on a selection in Word sets two slots; Vietnamese letters then fall back
    to another font. Fill the empty slots with the chosen font rather than overriding it."""
    for rfonts in document.element.body.iter(qn("w:rFonts")):
        chosen = rfonts.get(qn("w:ascii")) or rfonts.get(qn("w:hAnsi"))
        if not chosen:
            continue
        for attr in _THEME_SLOTS:
            rfonts.attrib.pop(qn(attr), None)
        for slot in FONT_SLOTS:
            if not rfonts.get(qn(slot)):
                rfonts.set(qn(slot), chosen)
