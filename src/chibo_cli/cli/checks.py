"""The ``checks`` command: list every rule check with its code, name, severity and tier."""

from typing import Optional

import typer

from ..base.i18n import _
from .app import app


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
            typer.echo(f"{spec.code} {spec.name} ({spec.severity.value}, {spec.tier.value})")
            typer.echo(textwrap.indent("\n".join([_(spec.summary), *body]), "    ") + "\n")
        return
    width = max(len(spec.name) for spec in specs.values())
    for spec in specs.values():
        typer.echo(f"{spec.code}  {spec.name:<{width}}  {spec.severity.value:<7}  "
                   f"{spec.tier.value:<7}  {_(spec.summary)}")
