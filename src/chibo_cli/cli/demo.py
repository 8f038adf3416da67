"""``chibo demo generate``: write a committee folder of realistic made-up cells."""

from pathlib import Path

import typer

from ..base.i18n import _
from .app import Group, app

demo_app = typer.Typer(cls=Group, help=_("Made-up data for trying chibo out and for benchmarks."),
                       no_args_is_help=True)
app.add_typer(demo_app, name="demo")


@demo_app.command()
def generate(
    folder: Path = typer.Argument(..., help=_("Folder to create (a committee folder).")),
    cells: int = typer.Option(77, "--cells", min=1, max=10_000, help=_("Number of cells.")),
    years: int = typer.Option(5, "--years", min=1, max=30, help=_("Number of years.")),
    seed: int = typer.Option(0, "--seed", help=_("Random seed: the same seed, the same files.")),
    start_year: int = typer.Option(2021, "--start-year", min=2011, max=2045,
                                   help=_("First year of records.")),
    force: bool = typer.Option(
        False, "--force", help=_("Replace a folder an earlier 'chibo demo generate' wrote.")),
) -> None:
    """Write a committee folder of cells with members, meetings, resolutions and plans.

    A few rule violations are planted on purpose; planted.json lists them, and 'chibo validate'
    on the folder reports exactly those.
    """
    from ..demo.generate import Options
    from ..demo.generate import generate as write

    plants = write(folder, Options(cells, years, seed, start_year), force)
    typer.echo(_("wrote {cells} cell(s) × {years} year(s) to {folder}; {count} planted violations "
                 "listed in {manifest}", cells=cells, years=years, folder=folder,
                 count=len(plants), manifest=folder / "planted.json"))
