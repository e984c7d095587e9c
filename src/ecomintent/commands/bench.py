"""`ecomintent bench` (every artifact x backend x mode x device) and `ecomintent report`."""

from __future__ import annotations

from typing import Annotated

import typer

from ..backends.base import DEFAULT_PRUNE
from ..options import PruneOption


def _ints(text: str, option: str) -> tuple[int, ...]:
    from ..errors import UserError

    try:
        vals = tuple(int(x) for x in text.split(",") if x.strip())
    except ValueError:
        raise UserError(f"{option} takes comma-separated integers, e.g. 1,8,32; got {text!r}") from None
    if not vals or min(vals) < 1:
        raise UserError(f"{option} takes positive integers, e.g. 1,8,32; got {text!r}")
    return vals


def register(app: typer.Typer) -> None:
    from ..cli import console, progress_bar, user_errors

    @app.command()
    @user_errors
    def bench(
        run: Annotated[str, typer.Option(help="Run directory (runs/NAME) holding the artifacts.")],
        configs: Annotated[
            str | None,
            typer.Option(
                help="Comma-separated patterns over FORMAT:MODE:DEVICE ids (e.g. 'gguf-*,hf-fp16:generate'); "
                "'all' = every available configuration; default: a subset that fits the budget."
            ),
        ] = None,
        n: Annotated[int, typer.Option(help="Test queries in the fixed, intent-balanced sample.")] = 200,
        repeats: Annotated[int, typer.Option(help="Timed repeats per measurement (medians reported).")] = 3,
        concurrency: Annotated[
            str, typer.Option(help="Batch sizes per classify() call to measure throughput at.")
        ] = "1,8,32",
        device: Annotated[
            str, typer.Option(help="cpu, cuda or auto (CPU always, CUDA when present).")
        ] = "auto",
        time_budget_s: Annotated[
            float, typer.Option(help="Wall-clock budget; configurations past it are skipped with a reason.")
        ] = 480.0,
        threads: Annotated[
            int | None,
            typer.Option(help="CPU threads per configuration; default: the idle cores (all when idle)."),
        ] = None,
        prune: PruneOption = DEFAULT_PRUNE,
        list_configs: Annotated[
            bool, typer.Option("--list", help="Only list the configurations the run allows.")
        ] = False,
    ) -> None:
        """Measure speed, memory, size and accuracy of every artifact of a run; write RUN/bench/."""
        from pathlib import Path

        from rich.table import Table

        from ..bench import BenchSettings, discover, resolve_devices, run_bench, write_bench

        patterns = [p.strip() for p in configs.split(",") if p.strip()] if configs else None
        if list_configs:
            table = Table(title=f"configurations of {run}")
            for col in ("id", "default", "available"):
                table.add_column(col)
            for c in discover(Path(run), resolve_devices(device)):
                table.add_row(c.id, "yes" if c.default else "", c.unavailable or "yes")
            console.print(table)
            return
        settings = BenchSettings(
            n=n,
            repeats=repeats,
            concurrency=_ints(concurrency, "--concurrency"),
            device=device,
            time_budget_s=time_budget_s,
            configs=patterns,
            threads=threads,
            prune=prune,
        )
        with progress_bar() as bar:
            task = bar.add_task("bench", total=None)

            def progress(i: int, total: int, name: str) -> None:
                bar.update(task, completed=i, total=total, description=f"bench {name}")

            result = run_bench(run, settings, progress=progress)
        out = write_bench(run, result)
        console.print(summary_table(result))
        for line in failures(result):
            console.print(line, highlight=False, soft_wrap=True)
        ok = sum(r["status"] == "ok" for r in result["results"])
        console.print(
            f"measured {ok} of {len(result['results'])} configurations in {result['wall_s']:.0f} s; "
            f"{out}/report.md, bench.json, report.json and plots/"
        )

    @app.command()
    @user_errors
    def report(
        run: Annotated[str, typer.Option(help="Run directory (runs/NAME).")],
    ) -> None:
        """Write RUN/report.md, report.json and plots/ from RUN/bench/bench.json and RUN/eval/*/eval.json."""
        from pathlib import Path

        from ..report import write_report

        rep = write_report(run)
        console.print(
            f"wrote {Path(run) / 'report.md'} ({len(rep['results'])} bench results, {len(rep['eval'])} evals)"
        )
        for d, rec in (rep.get("recommendation") or {}).items():
            if rec:
                console.print(f"{d}: deploy [bold]{rec['format']}[/] ({rec['mode']}): {rec['why']}")


def summary_table(result: dict):
    """Successful configurations as a table (failed and skipped ones: `failures`)."""
    from rich import box
    from rich.table import Table

    t = Table(
        title="acc %, p50 ms, mem/size MB; x = q/s and -% = memory vs HF FP16 generate (same device)",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    t.add_column("configuration", no_wrap=True)
    for col in ("n", "acc", "q/s", "p50", "mem", "size", "x", "-%"):
        t.add_column(col, justify="right", no_wrap=True)

    def f(x, spec=".1f"):
        return "-" if x is None else format(x, spec)

    for r in result["results"]:
        if r["status"] != "ok":
            continue
        mem = r["peak_vram_mb"] if r["device"] == "cuda" else r["peak_rss_mb"]
        t.add_row(
            r["id"],
            str(r.get("n_queries", "-")),
            f(r["accuracy"] * 100),
            f(r["qps"], ".2f" if r["qps"] < 100 else ".0f"),
            f(r["latency_ms_p50"], ".0f"),
            f(mem, ".0f"),
            f(r["size_mb"], ".0f"),
            f(r["speedup_vs_baseline"], ".2f" if (r["speedup_vs_baseline"] or 0) < 100 else ".0f"),
            f(r["memory_reduction_vs_baseline"], ".0f"),
        )
    return t


def failures(result: dict) -> list[str]:
    out = []
    for r in result["results"]:
        if r["status"] != "ok":
            why = (r.get("error") or r.get("reason") or "").strip().splitlines()
            out.append(f"[red]{r['status']}[/] {r['id']}: {why[0][:200] if why else ''}")
    return out
