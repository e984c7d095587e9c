"""`ecomintent export`: GGUF files for CPUs (llama.cpp) and a GPTQ 4-bit directory for GPUs."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

DEFAULT_FORMATS = "gguf-f16,gguf-q8_0,gguf-q5_k_m,gguf-q4_k_m,gguf-q4_0,gptq-4bit"


def register(app) -> None:
    from ecomintent.cli import user_errors

    @app.command()
    @user_errors
    def export(
        model: Annotated[
            str, typer.Option(help="Merged model directory from `ecomintent train` (has ecomintent.json).")
        ] = "runs/default/model/merged",
        formats: Annotated[
            str,
            typer.Option(
                help="Comma-separated: gguf-f16, gguf-q8_0, gguf-q5_k_m, gguf-q4_k_m, gguf-q4_0, gptq-4bit (or all)."
            ),
        ] = DEFAULT_FORMATS,
        out: Annotated[
            str | None, typer.Option(help="Output directory; default: the run's export/ beside model/.")
        ] = None,
        data: Annotated[
            str | None,
            typer.Option(
                help="Dataset directory (verification, GPTQ calibration); default: the training one."
            ),
        ] = None,
        verify_samples: Annotated[
            int, typer.Option(help="Validation queries each artifact is checked on (0: skip the check).")
        ] = 260,
        min_agreement: Annotated[
            float, typer.Option(help="Least label agreement with the merged model an artifact must reach.")
        ] = 0.98,
        group_size: Annotated[
            int, typer.Option(help="GPTQ group size (halved until it divides every layer width; -1: none).")
        ] = 128,
        desc_act: Annotated[bool, typer.Option(help="GPTQ activation-order quantisation.")] = False,
        calib_samples: Annotated[int, typer.Option(help="GPTQ calibration rows from the train split.")] = 256,
        threads: Annotated[
            int | None,
            typer.Option(help="llama.cpp threads (quantisation, verification); default: the idle cores."),
        ] = None,
        force: Annotated[bool, typer.Option(help="Replace artifacts already in --out.")] = False,
    ) -> None:
        """Export the merged model to GGUF (F16 and llama.cpp quantisations) and GPTQ 4-bit, verified."""
        from rich.table import Table

        from ecomintent.cli import console, err_console
        from ecomintent.export import ExportFailed
        from ecomintent.export import export as run_export

        model_dir = Path(model)
        if out is None:
            if model_dir.name == "merged" and model_dir.parent.name == "model":
                out_dir = model_dir.parent.parent / "export"
            else:
                from ecomintent.errors import UserError

                raise UserError("pass --out DIR (where the exported files go)")
        else:
            out_dir = Path(out)

        def progress(desc: str, done: int | None = None, total: int | None = None) -> None:
            err_console.print(f"[dim]export:[/] {desc}", highlight=False)

        failed = None
        try:
            manifest = run_export(
                model_dir,
                formats,
                out_dir,
                data=data,
                verify_samples=verify_samples,
                min_agreement=min_agreement,
                group_size=group_size,
                desc_act=desc_act,
                calib_samples=calib_samples,
                force=force,
                threads=threads,
                progress=progress,
            )
        except ExportFailed as e:
            manifest, failed = e.manifest, e
        table = Table(title=f"export of {model_dir} -> {out_dir}")
        for col in ("format", "MB", "seconds", "agreement", "accuracy", "status"):
            table.add_column(col, justify="left" if col in ("format", "status") else "right")
        for fmt, a in manifest["artifacts"].items():
            pct = lambda v: "-" if v is None else f"{v:.1%}"  # noqa: E731
            status = a["status"] if a["status"] != "failed" else f"failed ({a['path']})"
            table.add_row(
                fmt,
                f"{a['bytes'] / 1e6:.1f}",
                f"{a['export_seconds']:.1f}",
                pct(a.get("agreement")),
                pct(a.get("accuracy")),
                status,
            )
        console.print(table)
        ref = manifest["verification"]
        if ref["samples"]:
            console.print(
                f"merged model accuracy on the same {ref['samples']} validation queries: {ref['reference_accuracy']:.1%}"
            )
        console.print(f"manifest: {out_dir / 'export_manifest.json'}")
        if failed is not None:
            raise failed
