"""Document symbols such as ``01-NQ/CB`` stay on one line: their hyphen becomes Word's
non-breaking hyphen (``w:noBreakHyphen``), which Word and LibreOffice both honour.

Applied to every rendered document, the cell's own templates included, so no template has to
know about it.
"""

from __future__ import annotations

import re
from copy import deepcopy
from typing import Any, Iterator

from docx.document import Document as DocumentObject
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

# digits, a hyphen, a type symbol and a slash: 01-NQ/CB, 105-KL/ĐU, 03-QĐ/CB
SYMBOL_HYPHEN = re.compile(r"(?<=\d)-(?=[A-ZĐ][A-Za-zĐ]{0,4}/)")
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def keep_symbols_whole(document: DocumentObject) -> None:
    """Every hyphen of a document symbol, in the body, headers and footers, made non-breaking."""
    for part in _parts(document):
        for text in list(part.iter(qn("w:t"))):
            if text.text and SYMBOL_HYPHEN.search(text.text):
                _split(text)


def _parts(document: DocumentObject) -> Iterator[Any]:
    yield document.element.body
    for section in document.sections:
        for story in (section.header, section.first_page_header, section.even_page_header,
                      section.footer, section.first_page_footer, section.even_page_footer):
            if not story.is_linked_to_previous:
                yield story._element


def _split(text: Any) -> None:
    """``<w:t>Số 01-NQ/CB</w:t>`` → ``<w:t>Số 01</w:t><w:noBreakHyphen/><w:t>NQ/CB</w:t>``."""
    pieces = SYMBOL_HYPHEN.split(text.text)
    anchor = text
    for index, piece in enumerate(pieces):
        if index:
            hyphen = OxmlElement("w:noBreakHyphen")
            anchor.addnext(hyphen)
            anchor = hyphen
            node = deepcopy(text)
            anchor.addnext(node)
            anchor = node
        else:
            node = text
        node.text = piece
        node.set(_XML_SPACE, "preserve")
