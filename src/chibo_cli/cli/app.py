"""The typer application and its root options; command modules add their commands to ``app``."""

import os

import typer
from typer._click.core import Context
from typer.core import TyperGroup, TyperOption

from .. import __version__
from ..base.i18n import _


class Group(TyperGroup):
    """A command group whose --help, when not given, is plainly False.

    typer leaves an absent help flag at None and coerces None through pydantic, so without this
    every subcommand's --help first imports pydantic (~100 ms, 2.3× 'import typer').
    """

    def get_help_option(self, ctx: Context) -> TyperOption | None:
        option = super().get_help_option(ctx)
        if option is not None and option.default is None:
            option.default = False
        return option


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
) -> None:
    if traceback:
        os.environ["CHIBO_TRACEBACK"] = "1"
