"""The ``checks`` command: list every rule check with its code, name, severity and tier."""

from typing import Optional

import typer

from ..base.i18n import _
from .app import app

# The values of Severity and Tier, translated in the list (tests/test_i18n.py keeps them in step).
WORDS = ("error", "warning", "info", "default", "strict", "opt-in")


@app.command("checks")
def checks_command(
    codes: Optional[list[str]] = typer.Argument(
        None, help=_("Show the full description of these checks (codes, prefixes or names).")),
) -> None:
    """List the checks chibo runs, or describe some of them in full."""
    import inspect
    import textwrap

    from ..base.errors import ChiboError
    from ..rules.checks import UnknownCheck, registry, selected

    specs = registry()
    if codes:
        try:
            chosen = selected(specs, codes, strict=False)
        except UnknownCheck as exc:
            raise ChiboError(_("no check is called {names}", names=", ".join(exc.names)),
                             _("'chibo checks' lists every check")) from None
        for spec in chosen:
            # The summary is translated; the examples below it stay English, as in docs/checks.md.
            body = inspect.cleandoc(spec.doc).split("\n")[1:]
            typer.echo(f"{spec.code} {spec.name} ({_(spec.severity.value)}, {_(spec.tier.value)})")
            typer.echo(textwrap.indent("\n".join([_(spec.summary), *body]), "    ") + "\n")
        return
    width = max(len(spec.name) for spec in specs.values())
    for spec in specs.values():
        typer.echo(f"{spec.code}  {spec.name:<{width}}  {_(spec.severity.value):<7}  "
                   f"{_(spec.tier.value):<8}  {_(spec.summary)}")
