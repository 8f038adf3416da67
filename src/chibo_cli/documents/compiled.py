"""Templates prepared once per process: a batch of 77 books compiles its template once.

docxtpl, for every document, cleans the template's XML with a dozen regular expressions and
compiles the result with Jinja (together 28 % of a batch of books). Both depend on the template's
text only, so the results are kept, keyed by that text: a changed template is a new key, and an
edited copy in a cell's ``templates/`` folder is a different text from the built-in one.
"""

from __future__ import annotations

from collections import OrderedDict
from functools import lru_cache
from typing import Any, Optional

from docxtpl import DocxTemplate
from jinja2 import Template
from jinja2.sandbox import SandboxedEnvironment

from .env import jinja_env

KEPT = 32  # template parts (bodies, headers, footers) kept; a batch uses a handful


class _Kept(OrderedDict[str, Any]):
    """A small least-recently-used map."""

    def remember(self, key: str, value: Any) -> Any:
        self[key] = value
        if len(self) > KEPT:
            self.popitem(last=False)
        return value

    def recall(self, key: str) -> Any:
        found = self.get(key)
        if found is not None:
            self.move_to_end(key)
        return found


_PATCHED = _Kept()


class CompiledOnce(SandboxedEnvironment):
    """The sandboxed environment of ``env.jinja_env``, compiling each distinct text once."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self._compiled = _Kept()

    def from_string(self, source: Any, globals: Optional[Any] = None,  # noqa: A002 - jinja's
                    template_class: Optional[type[Template]] = None) -> Template:
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        found: Optional[Template] = self._compiled.recall(source)
        if found is None:
            found = self._compiled.remember(source, super().from_string(source))
        return found


@lru_cache(maxsize=1)
def document_env() -> CompiledOnce:
    """The one environment documents are rendered in (same settings as ``env.jinja_env``)."""
    base = jinja_env()
    return CompiledOnce(autoescape=base.autoescape, undefined=base.undefined,
                        keep_trailing_newline=base.keep_trailing_newline, loader=base.loader)


class Prepared(DocxTemplate):  # type: ignore[misc]
    """A DocxTemplate whose XML clean-up is done once per distinct text."""

    def patch_xml(self, src_xml: str) -> str:
        found: Optional[str] = _PATCHED.recall(src_xml)
        if found is None:
            found = _PATCHED.remember(src_xml, super().patch_xml(src_xml))
        return found
