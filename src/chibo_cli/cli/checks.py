"""The ``checks`` command: list every rule check with its code, name, severity and tier."""

from typing import Optional

import typer

from ..base.i18n import _
from .app import app

# The values of Severity, of Tier and of a problem code's stage, said in the user's language
# (tests/test_vietnamese.py keeps them in step).
WORDS = ("error", "warning", "info", "default", "strict", "opt-in", "load", "lint")


def _word(text: str) -> str:
    return _(text) if text in WORDS else text


@app.command("checks")
def checks_command(
    codes: Optional[list[str]] = typer.Argument(
        None, help=_("Show the full description of these checks (codes, prefixes or names).")),
) -> None:
    """List the checks chibo runs, or describe some of them in full."""
    import inspect
    import textwrap

    from ..base.codes import BY_CODE, PROBLEM_CODES, ProblemCode
    from ..base.errors import ChiboError
    from ..rules.checks import CheckSpec, UnknownCheck, registry, selected

    specs = registry()
    if codes:
        known = [c.upper() for c in codes if c.upper() in BY_CODE]
        rest = [c for c in codes if c.upper() not in BY_CODE]
        try:
            chosen = selected(specs, rest, strict=False) if rest else []
        except UnknownCheck as exc:
            raise ChiboError(_("no check is called {names}", names=", ".join(exc.names)),
                             _("'chibo checks' lists every check")) from None
        entries: list[tuple[ProblemCode | CheckSpec, str]] = [(BY_CODE[c], "load") for c in known]
        entries += [(spec, spec.tier.value) for spec in chosen]
        for entry, tier in entries:
            # The summary is translated; the examples below it stay English, as in docs/checks.md.
            body = inspect.cleandoc(entry.doc).split("\n")[1:]
            typer.echo(f"{entry.code} {entry.name} ({_word(entry.severity.value)}, "
                       f"{_word(tier)})")
            typer.echo(textwrap.indent("\n".join([_(entry.summary), *body]), "    ") + "\n")
        return
    rows = [(p.code, p.name, p.severity.value, p.stage, p.summary) for p in PROBLEM_CODES]
    rows += [(s.code, s.name, s.severity.value, s.tier.value, s.summary) for s in specs.values()]
    width = max(len(row[1]) for row in rows)
    # the severity and tier columns as wide as their words in this language
    level = max(len(_word(row[2])) for row in rows)
    stage = max(len(_word(row[3])) for row in rows)
    for code, name, severity, tier, summary in rows:
        typer.echo(f"{code}  {name:<{width}}  {_word(severity):<{level}}  "
                   f"{_word(tier):<{stage}}  {_(summary)}")
