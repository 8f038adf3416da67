"""The typer application and its root options; command modules add their commands to ``app``."""

import os
from enum import Enum
from typing import Optional

import typer

from .. import __version__
from ..base.i18n import _

app = typer.Typer(
    name="chibo",
    help=_("Records, checks and Word documents for a party cell (chi bộ)."),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # plain click help: rendering it with rich imports ~200 ms of modules, 2.4× 'import typer'
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Language(str, Enum):
    vi = "vi"
    en = "en"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"chibo {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Optional[bool] = typer.Option(None, "--version", callback=_version, is_eager=True,
                                           help=_("Show the version and exit.")),
    traceback: bool = typer.Option(False, "--traceback",
                                   help=_("Show the full traceback of an internal error.")),
    lang: Optional[Language] = typer.Option(
        None, "--lang", help=_("Language of this run: vi or en (else CHIBO_LANG, then the "
                               "system's language, then Vietnamese).")),
) -> None:
    # --lang took effect before the command line was parsed (cli.run), so that the help pages
    # are in that language too; here it is only declared and checked.
    if traceback:
        os.environ["CHIBO_TRACEBACK"] = "1"
