"""The `ecomintent` command line: one sub-command per stage. Thin: parse, call, print."""

from __future__ import annotations

import functools
import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table

from .errors import UserError

app = typer.Typer(
    help="Turn a small open-weight LM into a fast multilingual e-commerce intent recogniser.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
taxonomy_app = typer.Typer(help="Show or validate an intent taxonomy.", no_args_is_help=True)
app.add_typer(taxonomy_app, name="taxonomy")

console = Console()
err_console = Console(stderr=True)


def user_errors(fn):
    """Turn a UserError into one clear message and exit code 2, instead of a stack trace."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except UserError as e:
            err_console.print(f"[bold red]error:[/] {e}", highlight=False, markup=True, soft_wrap=True)
            raise typer.Exit(2) from None
        except KeyboardInterrupt:
            err_console.print("[yellow]interrupted[/]; nothing half-written was left behind")
            raise typer.Exit(130) from None

    return wrapper


def progress_bar() -> Progress:
    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("eta"),
        TimeRemainingColumn(),
        console=err_console,
        transient=True,
    )


@app.command()
@user_errors
def data(
    out: Annotated[str, typer.Option(help="Output directory (written atomically).")] = "runs/default/dataset",
    taxonomy: Annotated[
        str | None, typer.Option(help="Taxonomy YAML file; default: the built-in one.")
    ] = None,
    languages: Annotated[
        str | None,
        typer.Option(help="Comma-separated language codes, e.g. en,de,hr; default: the taxonomy's."),
    ] = None,
    per_cell: Annotated[int, typer.Option(help="Queries per intent x language (train+val+test).")] = 60,
    seed: Annotated[int, typer.Option(help="Random seed; the same seed gives byte-identical files.")] = 7,
    noise: Annotated[float, typer.Option(help="Share of queries that get typing noise (0-1).")] = 0.4,
    force: Annotated[bool, typer.Option(help="Replace --out if it already exists.")] = False,
) -> None:
    """Generate labelled multilingual shopper queries, split train/val/test, with a dataset card."""
    from .config import DataConfig
    from .data import build_dataset

    codes = [c.strip() for c in languages.split(",") if c.strip()] if languages else None
    cfg = DataConfig(out=out, taxonomy=taxonomy, languages=codes, per_cell=per_cell, seed=seed, noise=noise)
    with progress_bar() as bar:
        task = bar.add_task("generating", total=None)
        stats = build_dataset(cfg, force=force, progress=lambda k, n: bar.update(task, completed=k, total=n))
    s = stats["splits"]
    console.print(
        f"wrote [bold]{stats['total']}[/] queries to {out}: {len(stats['labels'])} labels x "
        f"{len(stats['languages'])} languages; train {s['train']}, val {s['val']}, test {s['test']}"
    )


@taxonomy_app.command("show")
@user_errors
def taxonomy_show(
    file: Annotated[str | None, typer.Argument(help="Taxonomy YAML; default: the built-in one.")] = None,
) -> None:
    """Print the intents, their descriptions and the languages."""
    from .taxonomy import load_taxonomy

    tax = load_taxonomy(file)
    table = Table(
        title=f"taxonomy {tax.name}: {len(tax.intents)} labels; languages {', '.join(tax.languages)}"
    )
    table.add_column("label", style="bold")
    table.add_column("description")
    table.add_column("example")
    for i in tax.intents:
        table.add_row(i.name, i.description, i.examples[0] if i.examples else "")
    console.print(table)


@taxonomy_app.command("validate")
@user_errors
def taxonomy_validate(file: Annotated[str, typer.Argument(help="Taxonomy YAML file to check.")]) -> None:
    """Check a taxonomy file; every problem is reported with its line and the fix."""
    from .taxonomy import load_taxonomy

    tax = load_taxonomy(file)
    console.print(f"{file}: valid; {len(tax.intents)} labels, languages {', '.join(tax.languages)}")


def main() -> None:
    app()


if __name__ == "__main__":
    sys.exit(main())
