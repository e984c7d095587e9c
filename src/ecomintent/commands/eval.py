"""`ecomintent eval`: measure a classifier artifact on a dataset split or your own labelled file;
`ecomintent tfidf`: train the TF-IDF baseline.

Python API: `evaluate_artifact(model, data, ...) -> dict` (what eval.json holds) and
`load_eval_rows(...)` (JSONL/CSV/dataset-directory reading with column names and a label map).
"""

from __future__ import annotations

import csv
import io
import json
import os
import platform
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from .. import __version__
from ..backends.base import DEFAULT_PRUNE
from ..errors import UserError
from ..options import DtypeOption, EnsembleOption, EnsembleWeightOption, PruneOption

SPLITS = ("train", "val", "test")


# --- reading labelled data ------------------------------------------------------------------------


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise UserError(f"cannot read {path}: {e.strerror}") from None
    return data.decode("utf-8-sig", errors="replace")  # invalid bytes become U+FFFD, never a crash


def _read_records(path: Path) -> list[dict]:
    text = _read_text(path)
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv"):
        sample = text[:4096]
        delim = "\t" if suffix == ".tsv" else ","
        if suffix == ".csv":
            try:
                delim = csv.Sniffer().sniff(sample, delimiters=",;\t").delimiter
            except csv.Error:
                delim = ","
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delim)
        return [dict(r) for r in reader]
    stripped = text.lstrip()
    if suffix == ".json" and stripped.startswith("["):
        try:
            rows = json.loads(stripped)
        except json.JSONDecodeError as e:
            raise UserError(f"{path} is not valid JSON ({e.msg} at line {e.lineno}); fix the file") from None
        if not all(isinstance(r, dict) for r in rows):
            raise UserError(f"{path}: a JSON array of objects is expected")
        return rows
    rows = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise UserError(
                f"{path}:{n}: not valid JSON ({e.msg}); one JSON object per line is expected"
            ) from None
        if not isinstance(obj, dict):
            raise UserError(f"{path}:{n}: a JSON object is expected, not {type(obj).__name__}")
        rows.append(obj)
    return rows


def load_label_map(path: str | Path | None) -> dict[str, str]:
    """A JSON or YAML mapping of your labels to the model's labels."""
    if not path:
        return {}
    import yaml

    p = Path(path)
    try:
        d = yaml.safe_load(_read_text(p))
    except yaml.YAMLError as e:
        raise UserError(
            f'{p} is neither valid JSON nor YAML ({e}); write a mapping like {{"shop_label": "order_status"}}'
        ) from None
    if not isinstance(d, dict) or not all(
        isinstance(k, (str, int)) and isinstance(v, str) for k, v in d.items()
    ):
        raise UserError(f'{p} must map labels to labels, e.g. {{"shipping_question": "delivery_options"}}')
    return {str(k).strip(): v.strip() for k, v in d.items()}


def load_eval_rows(
    data: str | Path,
    split: str = "test",
    text_column: str = "text",
    label_column: str = "intent",
    language_column: str | None = "language",
    label_map: str | Path | dict | None = None,
    labels: list[str] | None = None,
    limit: int | None = None,
) -> list[dict]:
    """Rows {text, intent, language, id} from a dataset directory (its SPLIT.jsonl) or a JSONL, JSON or
    CSV file, with your column names and labels mapped onto the model's; unknown labels are an error
    that lists them and says how to map them."""
    p = Path(data).expanduser()
    if p.is_dir():
        if split not in SPLITS:
            raise UserError(f"unknown split {split!r}; use one of {', '.join(SPLITS)}")
        f = p / f"{split}.jsonl"
        if not f.is_file():
            raise UserError(
                f"{f} does not exist; point --data at a dataset directory from `ecomintent data` or a file"
            )
        p = f
    elif not p.is_file():
        raise UserError(f"{p} does not exist; give a dataset directory, or a .jsonl/.json/.csv file")
    records = _read_records(p)
    if not records:
        raise UserError(f"{p} holds no rows")
    cols = set().union(*(r.keys() for r in records))
    for col, opt in ((text_column, "--text-column"), (label_column, "--label-column")):
        if col not in cols:
            raise UserError(
                f"{p} has no column {col!r}; its columns are: {', '.join(sorted(map(str, cols)))}; pass {opt} NAME"
            )
    mapping = label_map if isinstance(label_map, dict) else load_label_map(label_map)
    rows = []
    for i, r in enumerate(records):
        raw = r.get(label_column)
        if raw is None or str(raw).strip() == "":
            raise UserError(
                f"{p}: row {i + 1} has no label in column {label_column!r}; label it or remove it"
            )
        label = str(raw).strip()
        label = mapping.get(label, label)
        text = r.get(text_column)
        lang = r.get(language_column) if language_column else None
        rows.append({
            "id": r.get("id", i),
            "text": "" if text is None else str(text) if not isinstance(text, str) else text,
            "intent": label,
            "language": str(lang) if lang not in (None, "") else None,
        })  # fmt: skip
    if labels is not None:
        if mapping:
            bad_targets = sorted(set(mapping.values()) - set(labels))
            if bad_targets:
                raise UserError(
                    f"the label map sends labels to {', '.join(map(repr, bad_targets))}, which the model does not "
                    f"have; its labels are: {', '.join(labels)}"
                )
        unknown = Counter(r["intent"] for r in rows if r["intent"] not in labels)
        if unknown:
            listed = ", ".join(f"{k!r} ({v})" for k, v in unknown.most_common(20))
            more = f" and {len(unknown) - 20} more" if len(unknown) > 20 else ""
            example = next(iter(unknown))
            raise UserError(
                f"{sum(unknown.values())} rows of {p} have labels the model does not know: {listed}{more}. Map them "
                f'onto the model\'s labels with --label-map FILE (JSON or YAML, e.g. {{"{example}": "{labels[0]}"}}); '
                f"the model's labels are: {', '.join(labels)}"
            )
    if limit is not None and limit > 0:
        rows = rows[:limit]
    return rows


# --- running ----------------------------------------------------------------------------------------


def _predict(clf, texts: list[str], batch_size: int, progress: Callable[[int, int], None] | None):
    preds = []
    t0 = time.perf_counter()
    for i in range(0, len(texts), max(1, batch_size)):
        preds.extend(clf.classify(texts[i : i + batch_size], top_k=3))
        if progress:
            progress(len(preds), len(texts))
    return preds, time.perf_counter() - t0


def _pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    s = sorted(values)
    k = (len(s) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def evaluate_artifact(
    model: str | Path,
    data: str | Path,
    backend: str | None = None,
    mode: str = "score",
    split: str = "test",
    text_column: str = "text",
    label_column: str = "intent",
    language_column: str | None = "language",
    label_map: str | Path | dict | None = None,
    limit: int | None = None,
    out: str | Path | None = None,
    calibrate_on: str | Path | None = None,
    calibrate_metric: str = "accuracy",
    threshold: float | None = None,
    device: str = "cpu",
    dtype: str | None = None,
    threads: int | None = None,
    batch_size: int = 16,
    classifier=None,
    progress: Callable[[str, int, int], None] | None = None,
    **load_kw,
) -> dict:
    """Evaluate one artifact; write eval.json, summary.md, confusion.csv/.png, predictions.jsonl to
    `out` when given; return what eval.json holds.

    The out-of-scope threshold: `threshold` when given, else the one calibrated on `calibrate_on`
    (a dataset directory's val split, or a file; `limit` applies to it too), else the artifact's own
    (None: off).
    """
    from ..backends import load_classifier
    from ..backends.base import apply_threshold
    from ..evaluate import calibrate_threshold, compute_metrics

    clf = classifier or load_classifier(model, backend=backend, mode=mode, device=device, dtype=dtype,
                                        threads=threads, **load_kw)  # fmt: skip
    info = clf.info
    artifact_threshold = getattr(clf, "threshold", None)
    if hasattr(clf, "threshold"):
        clf.threshold = None  # raw predictions; thresholds are applied below
    oos = info.out_of_scope_label
    rows = load_eval_rows(
        data, split, text_column, label_column, language_column, label_map, info.labels, limit
    )
    texts = [r["text"] for r in rows]
    gold = [r["intent"] for r in rows]
    tick = (lambda k, n: progress("evaluating", k, n)) if progress else None
    preds, wall = _predict(clf, texts, batch_size, tick)
    scored = clf.mode == "score"

    calibration = None
    thr, source = None, "off"
    if threshold is not None:
        thr, source = float(threshold), "given"
    elif calibrate_on is not None and scored and oos:
        val = load_eval_rows(
            calibrate_on, "val", text_column, label_column, language_column, label_map, info.labels, limit
        )
        vtick = (lambda k, n: progress("calibrating", k, n)) if progress else None
        vpreds, _ = _predict(clf, [r["text"] for r in val], batch_size, vtick)
        calibration = calibrate_threshold(
            [p.alternatives[0][1] for p in vpreds],
            [p.alternatives[0][0] for p in vpreds],
            [r["intent"] for r in val],
            oos,
            metric=calibrate_metric,
        )
        calibration["rows"] = len(val)
        calibration["data"] = str(calibrate_on)
        thr, source = calibration["threshold"], "calibrated"
    elif artifact_threshold is not None:
        thr, source = artifact_threshold, "artifact"
    if hasattr(clf, "threshold"):
        clf.threshold = artifact_threshold
    final = [apply_threshold(p, thr, oos) for p in preds] if scored else preds

    languages = [r["language"] for r in rows] if any(r["language"] for r in rows) else None
    metrics = compute_metrics(
        gold,
        [p.intent for p in final],
        labels=info.labels,
        languages=languages,
        valid=[p.valid for p in final],
        oos_label=oos if oos in set(gold) | {p.intent for p in final} else None,
    )
    if scored:
        from ..evaluate import expected_calibration_error

        top = [p.alternatives[0] if p.alternatives else (p.intent, p.confidence) for p in preds]
        ece, bins = expected_calibration_error(
            [c for _, c in top], [t == g for (t, _), g in zip(top, gold, strict=True)]
        )
        metrics["ece"], metrics["calibration_bins"] = ece, bins
        raw = compute_metrics(gold, [t for t, _ in top])
        metrics["without_threshold"] = {"accuracy": raw["accuracy"], "macro_f1": raw["macro_f1"]}
    lat = [p.latency_ms for p in preds]
    result = {
        "artifact": str(model),
        "name": getattr(clf, "name", str(model)),
        "backend": getattr(clf, "backend", backend),
        "mode": clf.mode,
        "base": info.base,
        "data": {
            "path": str(data),
            "split": split if Path(str(data)).is_dir() else None,
            "rows": len(rows),
            "label_map": str(label_map) if label_map and not isinstance(label_map, dict) else None,
        },
        "threshold": {"value": thr, "source": source, "calibration": calibration},
        "metrics": metrics,
        "timing": {
            "wall_seconds": round(wall, 3),
            "queries_per_second": round(len(rows) / wall, 3) if wall > 0 else None,
            "latency_ms_p50": round(_pct(lat, 0.5), 3),
            "latency_ms_p95": round(_pct(lat, 0.95), 3),
            "latency_ms_mean": round(statistics.fmean(lat), 3) if lat else None,
            "batch_size": batch_size,
            "note": "latency is a query's share of its batch's wall time (batch_size 1: single-stream)",
        },
        "environment": {
            "device": device,
            "dtype": dtype,
            "threads": threads,
            "cpu_count": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            "ecomintent": __version__,
        },
    }
    if out is not None:
        write_outputs(Path(out), result, rows, final)
    return result


# --- outputs ------------------------------------------------------------------------------------------


def _atomic_write(path: Path, write: Callable[[Path], None]) -> None:
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_outputs(out: Path, result: dict, rows: list[dict], preds) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise UserError(f"cannot create {out}: {e.strerror}; choose another --out") from None
    conf = result["metrics"]["confusion"]

    def text(s: str):
        return lambda p: p.write_text(s, encoding="utf-8")

    _atomic_write(out / "eval.json", text(json.dumps(result, ensure_ascii=False, indent=2) + "\n"))
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["gold\\predicted", *conf["labels"]])
    for label, row in zip(conf["labels"], conf["matrix"], strict=True):
        w.writerow([label, *row])
    _atomic_write(out / "confusion.csv", text(buf.getvalue()))
    lines = []
    for r, p in zip(rows, preds, strict=True):
        lines.append(json.dumps({
            "id": r["id"], "text": r["text"], "gold": r["intent"], "language": r["language"],
            "intent": p.intent, "confidence": round(float(p.confidence), 6), "valid": p.valid,
            "truncated": p.truncated, "alternatives": [[a, round(float(c), 6)] for a, c in p.alternatives],
            "raw": p.raw,
        }, ensure_ascii=False))  # fmt: skip
    _atomic_write(out / "predictions.jsonl", text("\n".join(lines) + "\n"))
    _atomic_write(out / "summary.md", text(summary_markdown(result)))
    _atomic_write(out / "confusion.png", lambda p: plot_confusion(conf["labels"], conf["matrix"], p, result))


def plot_confusion(
    labels: list[str], matrix: list[list[int]], path: Path, result: dict | None = None
) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    n = len(labels)
    norm = [[c / max(1, sum(row)) for c in row] for row in matrix]
    size = max(5.0, 0.38 * n + 2.5)
    fig, ax = plt.subplots(figsize=(size + 1, size))
    im = ax.imshow(norm, cmap="Blues", vmin=0, vmax=1)
    ax.set_xticks(range(n), labels=labels, rotation=90, fontsize=7)
    ax.set_yticks(range(n), labels=labels, fontsize=7)
    ax.set_xlabel("predicted")
    ax.set_ylabel("gold")
    for i in range(n):
        for j in range(n):
            if matrix[i][j]:
                ax.text(j, i, str(matrix[i][j]), ha="center", va="center", fontsize=6,
                        color="white" if norm[i][j] > 0.5 else "black")  # fmt: skip
    if result:
        m = result["metrics"]
        ax.set_title(f"{result['name']} ({result['backend']}, {result['mode']}): accuracy {m['accuracy']:.1%}, "
                     f"macro-F1 {m['macro_f1']:.3f}", fontsize=9)  # fmt: skip
    fig.colorbar(im, ax=ax, fraction=0.046, pad=0.04, label="share of the gold row")
    fig.tight_layout()
    fig.savefig(path, format="png", dpi=110)
    plt.close(fig)


def summary_markdown(result: dict) -> str:
    m, t, thr = result["metrics"], result["timing"], result["threshold"]
    lines = [
        f"# Evaluation: {result['name']}",
        "",
        f"Artifact `{result['artifact']}`, backend `{result['backend']}`, mode `{result['mode']}`; "
        f"data `{result['data']['path']}`"
        + (f" ({result['data']['split']} split)" if result["data"]["split"] else "")
        + f", {m['n']} queries.",
        "",
        "| metric | value |",
        "|---|---:|",
        f"| accuracy | {m['accuracy']:.2%} |",
        f"| macro-F1 | {m['macro_f1']:.4f} |",
    ]
    if "without_threshold" in m:
        lines.append(f"| accuracy without the OOS threshold | {m['without_threshold']['accuracy']:.2%} |")
    if "invalid" in m:
        lines.append(f"| invalid outputs | {m['invalid']['count']} ({m['invalid']['rate']:.2%}) |")
    if "ece" in m:
        lines.append(f"| expected calibration error (15 bins) | {m['ece']:.4f} |")
    if "out_of_scope" in m:
        o = m["out_of_scope"]
        lines.append(f"| out-of-scope precision / recall | {o['precision']:.2%} / {o['recall']:.2%} |")
    val = thr["value"]
    lines.append(f"| OOS threshold | {'off' if val is None else f'{val:.4f}'} ({thr['source']}) |")
    lines += [
        f"| queries / second | {t['queries_per_second']} |",
        f"| latency p50 / p95 (ms) | {t['latency_ms_p50']} / {t['latency_ms_p95']} |",
        "",
    ]
    if m.get("per_language"):
        lines += ["## Accuracy per language", "", "| language | accuracy | n |", "|---|---:|---:|"]
        for lang, v in m["per_language"].items():
            lines.append(f"| {lang} | {v['accuracy']:.2%} | {v['n']} |")
        lines.append("")
    lines += [
        "## Per intent",
        "",
        "| intent | precision | recall | F1 | support |",
        "|---|---:|---:|---:|---:|",
    ]
    for label, v in m["per_intent"].items():
        if v["support"] or v["predicted"]:
            lines.append(
                f"| {label} | {v['precision']:.3f} | {v['recall']:.3f} | {v['f1']:.3f} | {v['support']} |"
            )
    conf = m["confusion"]
    pairs = [
        (conf["matrix"][i][j], a, b)
        for i, a in enumerate(conf["labels"])
        for j, b in enumerate(conf["labels"])
        if i != j and conf["matrix"][i][j]
    ]
    if pairs:
        lines += ["", "## Most frequent confusions", "", "| gold | predicted | count |", "|---|---|---:|"]
        for c, a, b in sorted(pairs, reverse=True)[:10]:
            lines.append(f"| {a} | {b} | {c} |")
    lines.append("")
    return "\n".join(lines)


# --- commands -----------------------------------------------------------------------------------------


def register(app) -> None:
    from ..cli import console, progress_bar, user_errors

    @app.command("eval")
    @user_errors
    def eval_command(
        model: Annotated[
            str,
            typer.Option(help="Artifact: merged dir, .gguf file, GPTQ dir, tfidf dir, or an API model name."),
        ],
        data: Annotated[
            str, typer.Option(help="Dataset directory from `ecomintent data`, or a JSONL/JSON/CSV file.")
        ],
        backend: Annotated[
            str | None, typer.Option(help="hf, gptq, gguf, openai or tfidf; default: from the artifact.")
        ] = None,
        mode: Annotated[
            str, typer.Option(help="score (exact label ranking) or generate (parse the answer).")
        ] = "score",
        split: Annotated[str, typer.Option(help="Split of a dataset directory.")] = "test",
        text_column: Annotated[str, typer.Option(help="Column holding the query text.")] = "text",
        label_column: Annotated[str, typer.Option(help="Column holding the gold label.")] = "intent",
        language_column: Annotated[
            str, typer.Option(help="Column holding the language code ('' for none).")
        ] = "language",
        label_map: Annotated[
            str | None, typer.Option(help="JSON or YAML file mapping your labels to the model's.")
        ] = None,
        limit: Annotated[int | None, typer.Option(help="Evaluate only the first N rows.")] = None,
        out: Annotated[
            str | None,
            typer.Option(help="Write eval.json, summary.md, confusion.csv/.png, predictions.jsonl here."),
        ] = None,
        calibrate_on: Annotated[
            str | None,
            typer.Option(help="Pick the out-of-scope threshold on this data (a dataset dir: its val split)."),
        ] = None,
        calibrate_metric: Annotated[
            str, typer.Option(help="accuracy or macro_f1, for --calibrate-on.")
        ] = "accuracy",
        threshold: Annotated[
            float | None, typer.Option(help="Out-of-scope confidence threshold (overrides the artifact's).")
        ] = None,
        device: Annotated[str, typer.Option(help="cpu, cuda or auto (hf/gptq).")] = "cpu",
        dtype: DtypeOption = None,
        threads: Annotated[int | None, typer.Option(help="CPU threads.")] = None,
        batch_size: Annotated[
            int, typer.Option(help="Queries per classify() call (1: single-stream latency).")
        ] = 16,
        prune: PruneOption = DEFAULT_PRUNE,
        ensemble: EnsembleOption = None,
        ensemble_weight: EnsembleWeightOption = 1.0,
        base_url: Annotated[
            str | None, typer.Option(help="openai: the endpoint, e.g. https://api.openai.com/v1.")
        ] = None,
        api_key_env: Annotated[
            str, typer.Option(help="openai: environment variable holding the key ('' for none).")
        ] = "OPENAI_API_KEY",
        describe_labels: Annotated[
            bool, typer.Option(help="openai: list the labels and their descriptions in the prompt.")
        ] = True,
    ) -> None:
        """Evaluate a classifier: accuracy, macro-F1, per language and intent, confusions, calibration, speed."""
        kw: dict = {}
        if base_url:
            kw.update(base_url=base_url, api_key_env=api_key_env or None, describe_labels=describe_labels)
            backend = backend or "openai"
        if prune:
            kw["prune"] = prune
        if ensemble:
            kw.update(ensemble=ensemble, ensemble_weight=ensemble_weight)
        with progress_bar() as bar:
            task = bar.add_task("loading", total=None)

            def tick(what: str, k: int, n: int) -> None:
                bar.update(task, description=what, completed=k, total=n)

            r = evaluate_artifact(
                model, data, backend=backend, mode=mode, split=split, text_column=text_column,
                label_column=label_column, language_column=language_column or None, label_map=label_map,
                limit=limit, out=out, calibrate_on=calibrate_on, calibrate_metric=calibrate_metric,
                threshold=threshold, device=device, dtype=dtype, threads=threads, batch_size=batch_size,
                progress=tick, **kw,
            )  # fmt: skip
        m, t = r["metrics"], r["timing"]
        extra = ""
        if "invalid" in m and m["invalid"]["count"]:
            extra += f", invalid outputs {m['invalid']['rate']:.1%}"
        if "ece" in m:
            extra += f", ECE {m['ece']:.3f}"
        console.print(
            f"{r['name']} ({r['backend']}, {r['mode']}) on {m['n']} queries: accuracy [bold]{m['accuracy']:.2%}[/], "
            f"macro-F1 {m['macro_f1']:.4f}{extra}; {t['queries_per_second']} queries/s, latency p50 "
            f"{t['latency_ms_p50']:.1f} ms, p95 {t['latency_ms_p95']:.1f} ms"
        )
        if r["threshold"]["value"] is not None:
            console.print(
                f"out-of-scope threshold {r['threshold']['value']:.4f} ({r['threshold']['source']})"
            )
        if m.get("per_language"):
            console.print(
                "per language: " + ", ".join(f"{k} {v['accuracy']:.1%}" for k, v in m["per_language"].items())
            )
        if out:
            console.print(
                f"wrote eval.json, summary.md, confusion.csv, confusion.png, predictions.jsonl to {out}"
            )

    @app.command("tfidf")
    @user_errors
    def tfidf_command(
        data: Annotated[
            str, typer.Option(help="Dataset directory from `ecomintent data` (train split; val measured).")
        ] = "runs/default/dataset",
        out: Annotated[
            str, typer.Option(help="Output directory: tfidf.joblib + ecomintent.json.")
        ] = "runs/default/tfidf",
        c: Annotated[
            float, typer.Option(help="Inverse regularisation strength of the logistic regression.")
        ] = 10.0,
        force: Annotated[bool, typer.Option(help="Replace --out if it exists.")] = False,
    ) -> None:
        """Train the TF-IDF + logistic regression baseline (word 1-2-grams, character 2-5-grams)."""
        from ..backends.tfidf import train

        r = train(data, out, c=c, force=force)
        val = f", validation accuracy {r['val_accuracy']:.2%}" if "val_accuracy" in r else ""
        console.print(
            f"trained TF-IDF on {r['train_rows']} queries in {r['fit_seconds']} s{val}; wrote {out}"
        )
