"""`ecomintent serve` (the HTTP intent service) and `ecomintent classify` (a file, in batches)."""

from __future__ import annotations

import importlib.util
import os
from typing import Annotated

import typer

from ..backends.base import DEFAULT_PRUNE
from ..cli import console, err_console, user_errors
from ..errors import UserError
from ..options import DtypeOption, EnsembleOption, EnsembleWeightOption, PruneOption


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)
    app.command("classify")(classify)


@user_errors
def serve(
    model: Annotated[str, typer.Option(help="Classifier artifact: a GGUF file or a model directory.")],
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    threads: Annotated[
        int | None, typer.Option(help="CPU threads for the model; default: the runtime's.")
    ] = None,
    backend: Annotated[
        str | None, typer.Option(help="hf, gptq, gguf, openai or tfidf; default: from the artifact.")
    ] = None,
    mode: Annotated[str, typer.Option(help="score (rank every label) or generate.")] = "score",
    prune: PruneOption = DEFAULT_PRUNE,
    device: Annotated[str, typer.Option(help="cpu or cuda (hf/gptq backends).")] = "cpu",
    dtype: DtypeOption = None,
    ensemble: EnsembleOption = None,
    ensemble_weight: EnsembleWeightOption = 1.0,
    max_batch: Annotated[int, typer.Option(help="Most texts in one model batch.")] = 32,
    max_wait_ms: Annotated[
        float, typer.Option(help="How long a text may wait for its batch to fill, in milliseconds.")
    ] = 5.0,
    max_texts: Annotated[int, typer.Option(help="Most texts in one request (more: 422).")] = 64,
    max_chars: Annotated[int, typer.Option(help="Most characters in one text (more: 422).")] = 512,
    max_body_bytes: Annotated[int, typer.Option(help="Largest request body (larger: 413).")] = 1 << 20,
    timeout: Annotated[float, typer.Option(help="Seconds before a request is answered 504.")] = 30.0,
    max_queue: Annotated[int, typer.Option(help="Most texts waiting for the model (more: 503).")] = 4096,
    api_key_env: Annotated[
        str | None,
        typer.Option(
            metavar="VAR",
            help="Require an API key on /v1, read from this environment variable "
            "(clients send 'X-API-Key: KEY' or 'Authorization: Bearer KEY').",
        ),
    ] = None,
    log_queries: Annotated[
        bool, typer.Option(help="Log every query's text and intent (off: never).")
    ] = False,
    access_log: Annotated[bool, typer.Option(help="Log one line per request (method, path, status).")] = True,
) -> None:
    """Serve the classifier over HTTP: POST /v1/intent, a playground page at /, metrics at /metrics."""
    import logging

    from ..classify import load_for_classify
    from ..serve import ServeSettings, bind_socket, create_app, run_server

    missing = [m for m in ("fastapi", "uvicorn", "prometheus_client") if importlib.util.find_spec(m) is None]
    if missing:
        raise UserError(f"serving needs {', '.join(missing)}: pip install 'ecomintent[serve]'")
    api_key = None
    if api_key_env:
        api_key = os.environ.get(api_key_env)
        if not api_key or not api_key.strip():
            raise UserError(f"--api-key-env {api_key_env}: that environment variable is not set or empty")
    settings = ServeSettings(
        max_batch=max_batch,
        max_wait_ms=max_wait_ms,
        max_texts=max_texts,
        max_chars=max_chars,
        max_body_bytes=max_body_bytes,
        request_timeout_s=timeout,
        max_queue=max_queue,
        api_key=api_key,
        log_queries=log_queries,
    )
    settings.check()
    if not 0 <= port <= 65535:
        raise UserError(f"--port must be 0 to 65535, not {port}")
    if threads is not None and threads < 1:
        raise UserError(f"--threads must be at least 1, not {threads}")
    sock = bind_socket(host, port)  # a busy port fails now, not after the model has loaded
    try:
        with err_console.status(f"loading {model}"):
            clf = load_for_classify(
                model, backend, mode, device, threads, prune, dtype, ensemble, ensemble_weight
            )
        app = create_app(clf, settings)
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)s:     %(message)s"))
        logger = logging.getLogger("ecomintent")
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)
        bound_port = sock.getsockname()[1]
        shown = f"[{host}]" if ":" in host else host
        err_console.print(
            f"serving [bold]{clf.name}[/] ({len(clf.info.labels)} intents) on http://{shown}:{bound_port} "
            f"- playground /, API docs /docs, metrics /metrics"
            + ("; API key required on /v1" if api_key else ""),
            highlight=False,
        )
        run_server(app, sock, settings, access_log=access_log)
    finally:
        sock.close()


@user_errors
def classify(
    model: Annotated[str, typer.Option(help="Classifier artifact: a GGUF file or a model directory.")],
    input: Annotated[str, typer.Option("--input", "-i", help="JSONL, CSV or Parquet file; '-' for stdin.")],
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="Output file (written atomically); default: stdout.")
    ] = None,
    format: Annotated[
        str | None,
        typer.Option(help="Output format jsonl|csv|parquet; default: --output's extension or the input's."),
    ] = None,
    input_format: Annotated[
        str | None,
        typer.Option(help="Input format jsonl|csv|parquet; default: the extension (stdin: jsonl)."),
    ] = None,
    text_column: Annotated[str, typer.Option(help="The column (field) holding the query text.")] = "text",
    workers: Annotated[int, typer.Option(help="Worker processes, each loading the model once.")] = 1,
    batch_size: Annotated[int, typer.Option(help="Texts per model batch.")] = 32,
    top_k: Annotated[int, typer.Option(help="Alternatives per row, best first.")] = 3,
    on_bad_row: Annotated[
        str,
        typer.Option(help="skip: report bad rows in *.rejected.jsonl and go on; fail: stop at the first."),
    ] = "skip",
    rejected: Annotated[
        str | None, typer.Option(help="Where skipped rows go; default: OUTPUT-stem.rejected.jsonl.")
    ] = None,
    backend: Annotated[str | None, typer.Option(help="Backend; default: from the artifact.")] = None,
    mode: Annotated[str, typer.Option(help="score or generate.")] = "score",
    prune: PruneOption = DEFAULT_PRUNE,
    device: Annotated[str, typer.Option(help="cpu or cuda (hf/gptq backends).")] = "cpu",
    dtype: DtypeOption = None,
    ensemble: EnsembleOption = None,
    ensemble_weight: EnsembleWeightOption = 1.0,
    threads: Annotated[
        int | None, typer.Option(help="CPU threads per worker; default: the cores shared among workers.")
    ] = None,
) -> None:
    """Classify every row of a file; the output has the input's columns plus intent, confidence, alternatives."""
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from ..classify import ClassifyOptions, classify_file

    opts = ClassifyOptions(
        model=model, input=input, output=output, format=format, input_format=input_format,
        text_column=text_column, workers=workers, batch_size=batch_size, on_bad_row=on_bad_row,
        top_k=top_k, rejected=rejected, backend=backend, mode=mode, device=device, threads=threads,
        prune=prune, dtype=dtype, ensemble=ensemble, ensemble_weight=ensemble_weight,
    )  # fmt: skip
    bar = Progress(
        TextColumn("classifying"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("rows"),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        TextColumn("eta"),
        TimeRemainingColumn(),
        console=err_console,
        transient=True,
    )
    with bar:
        task = bar.add_task("classifying", total=None, rate="")

        def progress(done: int, total: int | None) -> None:
            t = bar.tasks[0]
            rate = done / t.elapsed if t.elapsed else 0.0
            bar.update(task, completed=done, total=total, rate=f"{rate:,.0f}/s" if done else "")

        s = classify_file(opts, progress=progress)
    out = err_console if s.output == "-" else console
    names = ", ".join(s.prediction_fields)
    out.print(
        f"classified {s.classified} of {s.rows} rows in {s.seconds:.1f} s ({s.rows_per_s:,.1f} rows/s) "
        f"into {s.output} (added {names})",
        highlight=False,
    )
    if s.rejected:
        err_console.print(
            f"[yellow]skipped {s.rejected} bad rows[/], written as read to {s.rejected_file}: "
            + "; ".join(s.first_rejects)
            + ("; ..." if s.rejected > len(s.first_rejects) else ""),
            highlight=False,
        )
