"""The typer application and its root options; command modules add their commands to ``app``."""

import os
from enum import Enum
from typing import Any, Optional

import typer
from typer._click.core import Context
from typer.core import TyperGroup, TyperOption

from .. import __version__
from ..base.i18n import _


class _AbsentStaysNone(TyperOption):
    """An option that, when not given, is None without asking typer's coercion (which maps None
    to None anyway, after building a pydantic adapter for the option's type)."""

    def process_value(self, ctx: Context, value: Any) -> Any:
        if value is not None or self.required or self.multiple or self.nargs != 1:
            return super().process_value(ctx, value)
        return self.callback(ctx, self, None) if self.callback is not None else None


class Group(TyperGroup):
    """A command group whose own options, when not given, cost nothing.

    A group's options are processed before any subcommand, even for its --help. typer leaves an
    absent --help flag or an absent ``Optional`` option at None and coerces that None through
    pydantic, so without this every subcommand's --help first imports pydantic (~100 ms, 2.3×
    'import typer').
    """

    def get_help_option(self, ctx: Context) -> TyperOption | None:
        option = super().get_help_option(ctx)
        if option is not None and option.default is None:
            option.default = False
        return option

    def get_params(self, ctx: Context) -> list[Any]:
        params = super().get_params(ctx)
        for param in params:
            if type(param) is TyperOption:
                param.__class__ = _AbsentStaysNone  # same fields, one method more
        return params


app = typer.Typer(
    name="chibo",
    cls=Group,
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
    # a plain bool: typer coerces an Optional[bool] through pydantic, whose import (~100 ms)
    # would then precede every subcommand's --help
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
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
