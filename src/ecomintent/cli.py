"""The `ecomintent` command line: one sub-command per stage. Thin: parse, call, print."""

from __future__ import annotations

import functools
import sys
from pathlib import Path
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
    paraphrase_with: Annotated[
        str | None,
        typer.Option(
            metavar="URL",
            help="Base URL of an OpenAI-compatible chat endpoint (OpenAI, vLLM, Ollama, llama.cpp server) "
            "that rewrites a sample of the train/val queries; off when not given.",
        ),
    ] = None,
    paraphrase_model: Annotated[str, typer.Option(help="Model name for --paraphrase-with.")] = "gpt-4.1",
    paraphrase_key_env: Annotated[
        str,
        typer.Option(
            help="Environment variable holding the endpoint's API key; '' for a server without one."
        ),
    ] = "OPENAI_API_KEY",
    paraphrase_share: Annotated[
        float, typer.Option(help="Share of the train + val queries to paraphrase (0-1].")
    ] = 0.1,
    paraphrase_concurrency: Annotated[int, typer.Option(help="Paraphrase requests in flight at once.")] = 4,
    paraphrase_cache: Annotated[
        str, typer.Option(help="Directory caching the endpoint's responses (one JSON file each).")
    ] = "~/.cache/ecomintent/paraphrase",
) -> None:
    """Generate labelled multilingual shopper queries, split train/val/test, with a dataset card."""
    from .config import DataConfig
    from .data import build_dataset

    codes = [c.strip() for c in languages.split(",") if c.strip()] if languages else None
    cfg = DataConfig(
        out=out,
        taxonomy=taxonomy,
        languages=codes,
        per_cell=per_cell,
        seed=seed,
        noise=noise,
        paraphrase_with=paraphrase_with,
        paraphrase_model=paraphrase_model,
        paraphrase_key_env=paraphrase_key_env,
        paraphrase_share=paraphrase_share,
        paraphrase_concurrency=paraphrase_concurrency,
        paraphrase_cache=paraphrase_cache,
    )
    with progress_bar() as bar:
        task = bar.add_task("generating", total=None)
        stats = build_dataset(cfg, force=force, progress=lambda k, n: bar.update(task, completed=k, total=n))
    s = stats["splits"]
    console.print(
        f"wrote [bold]{stats['total']}[/] queries to {out}: {len(stats['labels'])} labels x "
        f"{len(stats['languages'])} languages; train {s['train']}, val {s['val']}, test {s['test']}"
    )
    if "paraphrase" in stats:
        p = stats["paraphrase"]
        rejected = ", ".join(f"{k} {v}" for k, v in p["rejected"].items()) or "none"
        console.print(
            f"paraphrased {p['accepted']} of {p['requested']} sampled rows with {p['model']} "
            f"(rejected: {rejected}; cache hits {p['cache_hits']}, tokens {p['prompt_tokens']} prompt + "
            f"{p['completion_tokens']} completion)"
        )


@app.command()
@user_errors
def train(
    data: Annotated[str | None, typer.Option(help="Dataset directory from `ecomintent data`.")] = None,
    base: Annotated[
        str | None, typer.Option(help="smollm2-135m, gemma3-270m, an HF id or a local model directory.")
    ] = None,
    method: Annotated[str | None, typer.Option(help="lora or qlora (4-bit NF4 base).")] = None,
    out: Annotated[
        str | None, typer.Option(help="Output directory: adapter/, merged/, checkpoints/.")
    ] = None,
    config: Annotated[
        str | None, typer.Option(help="YAML recipe (e.g. configs/cpu-default.yaml); options given here win.")
    ] = None,
    max_steps: Annotated[int | None, typer.Option(help="Stop after this many optimiser steps.")] = None,
    epochs: Annotated[float | None, typer.Option(help="Passes over the training split.")] = None,
    batch_size: Annotated[int | None, typer.Option(help="Per-device batch size.")] = None,
    grad_accum: Annotated[int | None, typer.Option(help="Gradient accumulation steps.")] = None,
    learning_rate: Annotated[float | None, typer.Option(help="Peak learning rate.")] = None,
    lora_r: Annotated[int | None, typer.Option(help="LoRA rank.")] = None,
    max_train_samples: Annotated[int | None, typer.Option(help="Subsample the training split.")] = None,
    seed: Annotated[int | None, typer.Option(help="Random seed.")] = None,
    device: Annotated[str | None, typer.Option(help="auto, cpu or cuda.")] = None,
    resume: Annotated[
        bool, typer.Option(help="Continue from the last checkpoint in OUT/checkpoints.")
    ] = False,
) -> None:
    """Fine-tune a causal LM with LoRA or QLoRA into an intent recogniser."""
    from .config import load_yaml_config
    from .train import TrainConfig, TrainingInterrupted
    from .train import train as run_train

    given = dict(
        data=data, base=base, method=method, out=out, max_steps=max_steps, epochs=epochs, batch_size=batch_size,
        grad_accum=grad_accum, learning_rate=learning_rate, lora_r=lora_r, max_train_samples=max_train_samples,
        seed=seed, device=device,
    )  # fmt: skip
    if config:
        cfg = load_yaml_config(TrainConfig, config, section="train", **given)
    else:
        cfg = TrainConfig(**{k: v for k, v in given.items() if v is not None})
    try:
        m = run_train(cfg, resume=resume)
    except TrainingInterrupted as e:
        err_console.print(f"[yellow]{e}[/]")
        raise typer.Exit(130) from None
    console.print(
        f"trained {m['steps']} steps in {m['wall_seconds']:.0f} s: validation accuracy {m['val_accuracy']:.2%} "
        f"({m['val_rows']} queries), peak RSS {m['peak_rss_mb']:.0f} MB; merged model in {m['outputs']['merged']}"
    )


@app.command()
@user_errors
def run(
    config: Annotated[
        str, typer.Option(help="YAML recipe with data:, train:, export:, eval: and bench: sections.")
    ] = "configs/cpu-default.yaml",
    name: Annotated[str, typer.Option(help="Run name: everything goes to runs/NAME/.")] = "default",
    runs_dir: Annotated[str, typer.Option(help="Where runs live.")] = "runs",
    force: Annotated[
        list[str] | None,
        typer.Option(help="Re-do this stage even if it is up to date (repeatable; 'all' for every stage)."),
    ] = None,
) -> None:
    """The whole pipeline: data, train, export, eval, bench, report into runs/NAME/ (resumable)."""
    import time

    from .pipeline import build_run_stages, run_stages
    from .train import TrainingInterrupted

    root = Path(runs_dir) / name
    stages = build_run_stages(config, root)
    t0 = time.time()

    def on_start(stage, i, n):
        console.print(f"[bold]{stage.name}[/] ({i + 1}/{n}): {stage.describe} ...")

    def on_end(r):
        if r.status == "skipped":
            console.print(f"[bold]{r.name}[/]: up to date, skipped")
        elif r.status == "done":
            console.print(f"[bold]{r.name}[/]: done in {r.wall_s:.0f} s {_short_summary(r.summary)}")
        else:
            err_console.print(f"[bold red]{r.name}[/]: failed after {r.wall_s:.0f} s")

    try:
        results = run_stages(root, stages, force=set(force or []), on_start=on_start, on_end=on_end)
    except TrainingInterrupted as e:
        err_console.print(f"[yellow]{e}[/]; rerun the same command to continue from the last finished stage")
        raise typer.Exit(130) from None
    _print_run_summary(root)
    took = time.time() - t0
    console.print(
        f"{sum(r.status == 'done' for r in results)} stage(s) run, "
        f"{sum(r.status == 'skipped' for r in results)} up to date, in {took / 60:.1f} min; "
        f"report: {root / 'report.md'}"
    )


def _short_summary(summary: dict) -> str:
    parts = [f"{k}={v}" for k, v in summary.items() if isinstance(v, (int, float, str)) and k != "report"]
    return f"({', '.join(parts)})" if parts else ""


def _print_run_summary(root: Path) -> None:
    """The terminal summary: artifact, accuracy, queries/s, memory, speed-up (from report.json)."""
    import json

    f = root / "report.json"
    if not f.is_file():
        return
    report = json.loads(f.read_text(encoding="utf-8"))
    rows = [r for r in report.get("results", []) if r.get("status", "ok") == "ok"]
    if not rows:
        return
    table = Table(title=f"runs/{root.name}: every artifact on this machine")
    for col in ("artifact", "mode", "device", "accuracy", "n", "queries/s", "peak RSS MB", "speed-up"):
        table.add_column(col)

    def f2(x, spec):
        return format(x, spec) if isinstance(x, (int, float)) else "-"

    for r in rows:
        # the eval stage's accuracy where it measured the format (more queries than the bench's sample)
        evaluated = r.get("eval_accuracy") is not None
        acc, n = (
            (r["eval_accuracy"], r.get("eval_n")) if evaluated else (r.get("accuracy"), r.get("n_queries"))
        )
        table.add_row(
            str(r.get("format") or r.get("artifact")), str(r.get("mode")), str(r.get("device")),
            f2(acc, ".3f"), f"{n}" + ("" if evaluated else "*") if n else "-", f2(r.get("qps"), ".1f"),
            f2(r.get("peak_rss_mb"), ".0f"),
            f2(r.get("speedup_vs_baseline"), ".1f") + ("x" if r.get("speedup_vs_baseline") else ""),
        )  # fmt: skip
    console.print(table)
    if any(r.get("eval_accuracy") is None for r in rows):
        console.print("n*: accuracy on the bench's timing sample only; the others are the eval stage's.")


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


from .commands import register_all  # noqa: E402  (after the shared helpers they import)

register_all(app)


if __name__ == "__main__":
    sys.exit(main())
