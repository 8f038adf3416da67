"""The Jinja environment every template renders in: sandboxed, escaped, strict."""

from __future__ import annotations

from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment


def jinja_env() -> SandboxedEnvironment:
    """Templates may come from anyone's ``templates/`` folder: no attribute tricks, every value
    XML-escaped (a ``&`` in a name would otherwise corrupt the file), unknown names are errors."""
    return SandboxedEnvironment(autoescape=True, undefined=StrictUndefined,
                                keep_trailing_newline=True)
