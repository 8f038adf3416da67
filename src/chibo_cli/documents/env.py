"""The Jinja environment every template renders in: sandboxed, escaped, strict."""

from __future__ import annotations

from typing import Any, NoReturn

from jinja2 import BaseLoader, Environment, StrictUndefined
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from ..base.i18n import _


class _NoOtherFiles(BaseLoader):
    """``{% include %}``, ``{% import %}`` and ``{% extends %}`` would read files: refuse them."""

    def get_source(self, environment: Environment, template: str) -> NoReturn:
        raise SecurityError(_("templates may not include, import or extend other files "
                              "('{name}')", name=template))

    def load(self, environment: Environment, name: str,
             globals: Any = None) -> NoReturn:  # noqa: A002 - jinja's signature
        self.get_source(environment, name)


def jinja_env() -> SandboxedEnvironment:
    """Templates may come from anyone's ``templates/`` folder: no attribute tricks, every value
    XML-escaped (a ``&`` in a name would otherwise corrupt the file), unknown names are errors."""
    return SandboxedEnvironment(autoescape=True, undefined=StrictUndefined,
                                keep_trailing_newline=True, loader=_NoOtherFiles())
