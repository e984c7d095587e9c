"""Batch classification of a file: JSONL, CSV or Parquet in, the same rows plus the model's answer out.

Streaming in constant memory: rows are read, classified and written in chunks of `batch_size`,
with at most 2 x `workers` chunks in flight. With `workers` > 1, each worker process loads the
model once; the output keeps the input's order.

Each output row is the input row plus three fields: `intent`, `confidence` and `alternatives`
(the top-k labels with their probabilities, best first; a JSON string in CSV). When the input
already has a column of one of those names (a labelled test set has `intent`), the three are
named `predicted_intent`, `predicted_confidence`, `predicted_alternatives` instead.

Bad rows (an invalid JSON line, a missing or non-string or empty text, a CSV row with the wrong
number of fields, a null in Parquet) are reported by line (JSONL, CSV: the line where the row
starts) or row number (Parquet). With `on_bad_row="skip"` they go, as read, to
`<output>.rejected.jsonl` and the run goes on; with "fail" the run stops at the first one, before
the model is loaded. Nothing is lost: every row is either in the output or in the rejected file.
Outputs are written to a temporary file beside them and renamed when complete.
"""

from __future__ import annotations

import contextlib
import csv
import functools
import io
import json
import os
import shutil
import sys
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .backends.base import DEFAULT_PRUNE
from .errors import UserError
from .fileio import check_parent

FORMATS = ("jsonl", "csv", "parquet")
EXTENSIONS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}
PRED_FIELDS = ("intent", "confidence", "alternatives")
PARQUET_ROWS_PER_GROUP = 8192
SCHEMA_SCAN_ROWS = 8192


@dataclass
class ClassifyOptions:
    model: str
    input: str  # a path, or "-" for standard input
    output: str | None = None  # None: standard output (jsonl or csv)
    format: str | None = None  # output format; default: from --output's extension, else the input's
    input_format: str | None = None  # default: from the input's extension; jsonl for "-"
    text_column: str = "text"
    workers: int = 1
    batch_size: int = 32
    on_bad_row: str = "skip"  # or "fail"
    top_k: int = 3
    rejected: str | None = None  # default: <output stem>.rejected.jsonl beside the output
    backend: str | None = None
    mode: str = "score"
    device: str = "cpu"
    threads: int | None = None
    prune: float = DEFAULT_PRUNE  # score mode: skip label groups that cannot win (0: score all)
    dtype: str | None = None  # hf backend: fp32, bf16, fp16 or nf4
    ensemble: str | None = None  # a TF-IDF artifact to combine with (backends.ensemble)
    ensemble_weight: float = 1.0


@dataclass
class Row:
    line: int
    record: dict
    text: str


@dataclass
class Bad:
    line: int
    error: str
    input: object  # the line as read (JSONL), the fields (CSV) or the record (Parquet)


@dataclass
class Summary:
    rows: int = 0
    classified: int = 0
    rejected: int = 0
    output: str = "-"
    rejected_file: str | None = None
    seconds: float = 0.0
    prediction_fields: tuple[str, ...] = PRED_FIELDS
    first_rejects: list[str] = field(default_factory=list)

    @property
    def rows_per_s(self) -> float:
        return self.classified / self.seconds if self.seconds > 0 else 0.0


def _format_of(path: str | None, given: str | None, what: str) -> str | None:
    if given:
        if given not in FORMATS:
            raise UserError(f"unknown {what} format {given!r}; use one of {', '.join(FORMATS)}")
        return given
    if path is None or path == "-":
        return None
    fmt = EXTENSIONS.get(Path(path).suffix.lower())
    if fmt is None:
        flag = "--input-format" if what == "input" else "--format"
        raise UserError(
            f"cannot tell the format of {path} from its extension; pass {flag} ({'|'.join(FORMATS)})"
        )
    return fmt


# --- readers: each yields Row or Bad in file order ------------------------------------------------


class _Counting(io.RawIOBase):
    """A binary stream counting the bytes read from it (progress for text readers)."""

    def __init__(self, raw):
        self.raw = raw
        self.count = 0

    def readable(self):
        return True

    def readinto(self, b):
        n = self.raw.readinto(b)
        self.count += n or 0
        return n


class JsonlReader:
    def __init__(self, path: Path, text_column: str):
        self.path, self.col = path, text_column

    def events(self) -> Iterator[Row | Bad]:
        with open(self.path, "rb") as f:
            for n, raw in enumerate(f, 1):
                try:
                    s = raw.decode("utf-8")
                except UnicodeDecodeError as e:
                    yield Bad(n, f"not UTF-8 ({e.reason} at byte {e.start})", raw.decode("utf-8", "replace"))
                    continue
                if not s.strip():
                    continue
                try:
                    obj = json.loads(s)
                except json.JSONDecodeError as e:
                    yield Bad(n, f"invalid JSON ({e.msg} at column {e.colno})", s.rstrip("\r\n"))
                    continue
                bad = _check(obj, self.col)
                if bad:
                    yield Bad(n, bad, s.rstrip("\r\n"))
                else:
                    yield Row(n, obj, obj[self.col])

    def scan_columns(self, want_schema: bool):
        """The union of the valid rows' keys (first-seen order) and, for Parquet output, their schema."""
        keys: dict[str, None] = {}
        schema, chunk = None, []
        for ev in self.events():
            if isinstance(ev, Row):
                keys.update(dict.fromkeys(ev.record))
                if want_schema:
                    chunk.append(ev.record)
                    if len(chunk) >= SCHEMA_SCAN_ROWS:
                        schema = _unify(schema, chunk, self.path)
                        chunk = []
        if want_schema and chunk:
            schema = _unify(schema, chunk, self.path)
        return list(keys), schema


def _check(obj, col: str) -> str | None:
    if not isinstance(obj, dict):
        return f"not a JSON object but {_json_type(obj)}"
    if col not in obj:
        return f"no {col!r} field"
    v = obj[col]
    if not isinstance(v, str):
        return f"{col!r} is {_json_type(v)}, not a string"
    if not v.strip():
        return f"{col!r} is empty"
    return None


def _json_type(v) -> str:
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(v), "a number"
    )


def _unify(schema, rows: list[dict], path: Path):
    import pyarrow as pa

    try:
        keys = list(dict.fromkeys(k for r in rows for k in r))  # from_pylist would see the first row's only
        s = pa.Table.from_pydict({k: [r.get(k) for r in rows] for k in keys}).schema
        return s if schema is None else pa.unify_schemas([schema, s], promote_options="permissive")
    except (pa.ArrowInvalid, pa.ArrowTypeError) as e:
        raise UserError(
            f"{path}: the rows' fields have mixed types, which Parquet cannot hold ({e}); use --format jsonl"
        ) from None


class CsvReader:
    def __init__(self, path: Path, text_column: str):
        self.path, self.col = path, text_column
        self.header: list[str] = []

    @contextlib.contextmanager
    def _open(self):
        with open(self.path, "rb") as raw:
            text = io.TextIOWrapper(io.BufferedReader(_Counting(raw)), encoding="utf-8-sig", newline="")
            try:
                yield csv.reader(text)
            except UnicodeDecodeError as e:
                raise UserError(f"{self.path} is not UTF-8 text ({e.reason}); convert it to UTF-8") from None

    def read_header(self) -> list[str]:
        with self._open() as rd:
            self._header(rd)
        return self.header

    def _header(self, rd) -> None:
        try:
            self.header = next(rd)
        except StopIteration:
            raise UserError(f"{self.path} is empty; a CSV input needs a header row") from None
        except csv.Error as e:
            raise UserError(f"{self.path}: the header row is not valid CSV ({e})") from None
        if len(set(self.header)) != len(self.header):
            dup = sorted({h for h in self.header if self.header.count(h) > 1})
            raise UserError(f"{self.path}: the header repeats column names {dup}; rename them")
        if self.col not in self.header:
            raise UserError(
                f"{self.path} has no column {self.col!r} (columns: {', '.join(self.header)}); "
                "pass --text-column NAME"
            )

    def events(self) -> Iterator[Row | Bad]:
        with self._open() as rd:
            self._header(rd)
            idx = self.header.index(self.col)
            width = len(self.header)
            while True:
                start = rd.line_num + 1
                try:
                    fields = next(rd)
                except StopIteration:
                    return
                except csv.Error as e:
                    yield Bad(start, f"malformed CSV ({e})", None)
                    continue
                if not fields:
                    continue  # a blank line
                if len(fields) != width:
                    yield Bad(start, f"{len(fields)} fields where the header has {width}", fields)
                elif not fields[idx].strip():
                    yield Bad(start, f"{self.col!r} is empty", fields)
                else:
                    yield Row(start, dict(zip(self.header, fields, strict=True)), fields[idx])


class ParquetReader:
    def __init__(self, path: Path, text_column: str, chunk_rows: int):
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.path, self.col, self.chunk = path, text_column, chunk_rows
        try:
            self.file = pq.ParquetFile(path)
        except (pa.ArrowInvalid, OSError) as e:
            raise UserError(f"{path} is not a readable Parquet file ({e})") from None
        self.schema = self.file.schema_arrow
        if text_column not in self.schema.names:
            raise UserError(
                f"{path} has no column {text_column!r} (columns: {', '.join(self.schema.names)}); "
                "pass --text-column NAME"
            )
        t = self.schema.field(text_column).type
        if not (pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_null(t)):
            raise UserError(f"{path}: column {text_column!r} holds {t}, not text; pass --text-column NAME")

    @property
    def num_rows(self) -> int:
        return self.file.metadata.num_rows

    def events(self, columns: list[str] | None = None) -> Iterator[Row | Bad]:
        n = 0
        for batch in self.file.iter_batches(batch_size=self.chunk, columns=columns):
            for rec in batch.to_pylist():
                n += 1
                v = rec.get(self.col)
                if v is None:
                    yield Bad(n, f"{self.col!r} is null", rec)
                elif not v.strip():
                    yield Bad(n, f"{self.col!r} is empty", rec)
                else:
                    yield Row(n, rec, v)


# --- writers -------------------------------------------------------------------------------------


def _alt_list(pred: dict) -> list[dict]:
    return [{"intent": a["intent"], "confidence": a["confidence"]} for a in pred["alternatives"]]


class JsonlWriter:
    def __init__(self, stream, names):
        self.f, self.names = stream, names

    def write(self, rows: list[tuple[dict, dict]]) -> None:
        ni, nc, na = self.names
        for rec, p in rows:
            out = {**rec, ni: p["intent"], nc: p["confidence"], na: _alt_list(p)}
            self.f.write(json.dumps(out, ensure_ascii=False) + "\n")

    def close(self) -> None:
        self.f.flush()


class CsvWriter:
    def __init__(self, stream, columns: list[str], names):
        self.f, self.columns, self.names = stream, columns, names
        self.w = csv.writer(stream)
        self.w.writerow([*columns, *names])

    @staticmethod
    def _cell(v) -> str:
        if v is None:
            return ""
        return v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, default=str)

    def write(self, rows: list[tuple[dict, dict]]) -> None:
        for rec, p in rows:
            self.w.writerow(
                [self._cell(rec.get(c)) for c in self.columns]
                + [p["intent"], repr(p["confidence"]), json.dumps(_alt_list(p), ensure_ascii=False)]
            )

    def close(self) -> None:
        self.f.flush()


class ParquetWriter:
    def __init__(self, path: str, schema, names):
        import pyarrow as pa
        import pyarrow.parquet as pq

        alt = pa.list_(pa.struct([("intent", pa.string()), ("confidence", pa.float64())]))
        ni, nc, na = names
        self.names = names
        self.schema = schema.append(pa.field(ni, pa.string())).append(pa.field(nc, pa.float64()))
        self.schema = self.schema.append(pa.field(na, alt))
        self.w = pq.ParquetWriter(path, self.schema)
        self.buf: list[dict] = []

    def write(self, rows: list[tuple[dict, dict]]) -> None:
        ni, nc, na = self.names
        self.buf.extend({**rec, ni: p["intent"], nc: p["confidence"], na: _alt_list(p)} for rec, p in rows)
        if len(self.buf) >= PARQUET_ROWS_PER_GROUP:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if self.buf:
            try:
                self.w.write_table(pa.Table.from_pylist(self.buf, schema=self.schema))
            except (pa.ArrowInvalid, pa.ArrowTypeError) as e:
                raise UserError(f"a row does not fit the Parquet schema ({e}); use --format jsonl") from None
            self.buf = []

    def close(self) -> None:
        self._flush()
        self.w.close()


class RejectWriter:
    """`*.rejected.jsonl`: one JSON object per bad row, opened on the first one, renamed at the end."""

    def __init__(self, path: Path, unit: str):
        self.path, self.unit = path, unit
        self.f = None
        self.tmp: Path | None = None
        self.count = 0
        self.first: list[str] = []  # the first few, for the summary

    def add(self, bad: Bad) -> None:
        if len(self.first) < 5:
            self.first.append(f"{self.unit} {bad.line}: {bad.error}")
        if self.f is None:
            self.tmp = _temp_beside(self.path)
            self.f = open(self.tmp, "w", encoding="utf-8")  # noqa: SIM115 - closed in finish()/abort()
        rec = {self.unit: bad.line, "error": bad.error, "input": bad.input}
        self.f.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
        self.count += 1

    def finish(self) -> None:
        if self.f is not None:
            self.f.close()
            os.replace(self.tmp, self.path)
        else:
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()  # a stale one from an earlier run of the same output would mislead

    def abort(self) -> None:
        if self.f is not None:
            self.f.close()
            with contextlib.suppress(FileNotFoundError):
                self.tmp.unlink()


def _temp_beside(path: Path) -> Path:
    check_parent(path, "--output")
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.tmp-", dir=path.parent)
    os.close(fd)
    os.chmod(name, 0o644)
    return Path(name)


# --- the model, in this process or in workers -----------------------------------------------------


def load_for_classify(
    model: str,
    backend: str | None,
    mode: str,
    device: str,
    threads: int | None,
    prune: float = DEFAULT_PRUNE,
    dtype: str | None = None,
    ensemble: str | None = None,
    ensemble_weight: float = 1.0,
):
    """Load a classifier or raise one clear UserError (module level: picklable for worker processes).
    prune: score mode skips the label groups that cannot win; the answer stays exact and the
    confidence within `prune` of the exact one (0: score every label). ensemble: a TF-IDF artifact
    to combine the model with (backends.ensemble)."""
    from .backends import load_classifier
    from .backends.base import Classifier

    if not Path(model).exists():
        raise UserError(f"{model} does not exist; point --model at a GGUF file or a model directory")
    try:
        kw = {"prune": prune} if prune and mode == "score" else {}
        if dtype:
            kw["dtype"] = dtype
        if ensemble:
            kw.update(ensemble=ensemble, ensemble_weight=ensemble_weight)
        clf = load_classifier(model, backend=backend, mode=mode, device=device, threads=threads, **kw)
    except UserError:
        raise
    except Exception as e:  # a truncated or foreign file: the runtime's own error, on one line
        msg = " ".join(str(e).split()) or type(e).__name__
        raise UserError(f"{model} could not be loaded as a classifier: {msg}") from None
    if not isinstance(clf, Classifier):
        raise UserError(f"{model} did not load as a classifier")
    return clf


_WORKER: dict = {}


def _worker_init(loader: Callable) -> None:
    try:
        _WORKER["clf"] = loader()
    except Exception as e:
        _WORKER["error"] = str(e) if isinstance(e, UserError) else f"{type(e).__name__}: {e}"


def _worker_classify(texts: list[str], top_k: int) -> list[dict]:
    if "error" in _WORKER:
        raise UserError(_WORKER["error"])
    return [p.to_dict() for p in _WORKER["clf"].classify(texts, top_k=top_k)]


class _InProcess:
    """The executor interface for --workers 1: classify at once, in this process."""

    def __init__(self, loader: Callable):
        self.clf = loader()

    def submit(self, fn, texts, top_k):
        from concurrent.futures import Future

        fut: Future = Future()
        try:
            fut.set_result([p.to_dict() for p in self.clf.classify(texts, top_k=top_k)])
        except Exception as e:
            fut.set_exception(e)
        return fut

    def shutdown(self, wait=True, cancel_futures=False):
        self.clf.close()


# --- the run -------------------------------------------------------------------------------------


def classify_file(
    opts: ClassifyOptions,
    loader: Callable | None = None,
    progress: Callable[[int, int | None], None] | None = None,
) -> Summary:
    """Classify every row of opts.input into opts.output (see the module doc). `loader()` returns a
    Classifier (picklable for workers > 1); default: load opts.model with the options' backend."""
    if opts.on_bad_row not in ("skip", "fail"):
        raise UserError(f"--on-bad-row must be skip or fail, not {opts.on_bad_row!r}")
    if opts.workers < 1 or opts.batch_size < 1 or opts.top_k < 1:
        raise UserError("--workers, --batch-size and --top-k must be at least 1")
    in_fmt = _format_of(opts.input, opts.input_format, "input") or "jsonl"
    out_fmt = _format_of(opts.output, opts.format, "output") or in_fmt
    if opts.output is None and out_fmt == "parquet":
        raise UserError("Parquet cannot go to standard output; pass --output FILE.parquet")
    spool = None
    if opts.input == "-":
        spool = _spool_stdin()
        src, shown = spool, "<stdin>"
    else:
        src = Path(opts.input)
        shown = opts.input
        if not src.is_file():
            raise UserError(f"{src} does not exist or is not a file; check --input")
    if opts.output is not None and src.exists() and Path(opts.output).resolve() == src.resolve():
        raise UserError("--output is the input file; choose another --output")
    try:
        return _run(opts, src, shown, in_fmt, out_fmt, loader, progress)
    finally:
        if spool is not None:
            spool.unlink(missing_ok=True)


def _spool_stdin() -> Path:
    """Standard input, copied to a temporary file: it is read twice (check, then classify)."""
    fd, name = tempfile.mkstemp(prefix="ecomintent-stdin-")
    with os.fdopen(fd, "wb") as f:
        shutil.copyfileobj(sys.stdin.buffer, f, 1 << 20)
    return Path(name)


def _run(opts, src: Path, shown: str, in_fmt, out_fmt, loader, progress) -> Summary:
    t0 = time.monotonic()
    chunk_rows = max(opts.batch_size, 1024)
    unit = "row" if in_fmt == "parquet" else "line"
    # 1. Check the rows (stop at the first bad one with --on-bad-row fail, before the model loads),
    #    count them for the progress bar, and learn the columns the output needs.
    schema = None
    if in_fmt == "jsonl":
        reader = JsonlReader(src, opts.text_column)
        columns, schema = reader.scan_columns(want_schema=out_fmt == "parquet")
        if out_fmt == "parquet" and schema is None:
            import pyarrow as pa

            schema = pa.schema([])
    elif in_fmt == "csv":
        reader = CsvReader(src, opts.text_column)
        columns = reader.read_header()
        if out_fmt == "parquet":
            import pyarrow as pa

            schema = pa.schema([pa.field(c, pa.string()) for c in columns])
    else:
        reader = ParquetReader(src, opts.text_column, chunk_rows)
        columns = list(reader.schema.names)
        schema = reader.schema
    total, n_bad = 0, 0
    scan = reader.events(columns=[opts.text_column]) if in_fmt == "parquet" else reader.events()
    for ev in scan:
        total += 1
        if isinstance(ev, Bad):
            n_bad += 1
            if opts.on_bad_row == "fail":
                raise UserError(f"{shown}:{ev.line}: {ev.error}; fix the row or pass --on-bad-row skip")
    names = tuple(f"predicted_{n}" for n in PRED_FIELDS) if set(PRED_FIELDS) & set(columns) else PRED_FIELDS
    if progress:
        progress(0, total)

    # 2. Outputs: temporary files beside their final names.
    out_path = Path(opts.output) if opts.output else None
    if opts.rejected:
        rej_path = Path(opts.rejected)
    elif out_path is not None:
        rej_path = out_path.with_name(out_path.name.rsplit(".", 1)[0] + ".rejected.jsonl")
    elif shown != "<stdin>":
        rej_path = src.with_name(src.name.rsplit(".", 1)[0] + ".rejected.jsonl")
    else:
        rej_path = Path("ecomintent.rejected.jsonl")
    summary = Summary(rows=total, output=str(out_path) if out_path else "-", prediction_fields=names)
    tmp = _temp_beside(out_path) if out_path else None
    rejects = RejectWriter(rej_path, unit)
    stream = None
    ok = False
    try:
        if out_fmt == "parquet":
            writer = ParquetWriter(str(tmp), schema, names)
        else:
            if tmp is not None:
                stream = open(tmp, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed below
            out = stream or sys.stdout
            writer = JsonlWriter(out, names) if out_fmt == "jsonl" else CsvWriter(out, columns, names)
        _classify_stream(opts, reader, writer, rejects, summary, loader, progress, total)
        writer.close()
        ok = True
    finally:
        if stream is not None:
            stream.close()
        if ok:
            if tmp is not None:
                os.replace(tmp, out_path)
            rejects.finish()
        else:
            if tmp is not None:
                tmp.unlink(missing_ok=True)
            rejects.abort()
    summary.rejected = rejects.count
    summary.first_rejects = rejects.first
    summary.rejected_file = str(rej_path) if rejects.count else None
    summary.seconds = time.monotonic() - t0
    return summary


def _classify_stream(opts, reader, writer, rejects, summary, loader, progress, total) -> None:
    if loader is None:
        threads = opts.threads
        if threads is None and opts.workers > 1:
            threads = max(1, (os.cpu_count() or 1) // opts.workers)
        loader = functools.partial(
            load_for_classify,
            opts.model,
            opts.backend,
            opts.mode,
            opts.device,
            threads,
            opts.prune,
            opts.dtype,
            opts.ensemble,
            opts.ensemble_weight,
        )
    if opts.workers == 1:
        pool = _InProcess(loader)
    else:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        pool = ProcessPoolExecutor(
            max_workers=opts.workers,
            mp_context=mp.get_context("spawn"),  # fork would copy the parent's threads and locks
            initializer=_worker_init,
            initargs=(loader,),
        )
    window: deque = deque()  # (events, future) in input order
    done = 0

    def drain_one() -> None:
        nonlocal done
        events, fut = window.popleft()
        try:
            preds = fut.result() if fut is not None else []
        except UserError:
            raise
        except Exception as e:
            from concurrent.futures.process import BrokenProcessPool

            if isinstance(e, BrokenProcessPool):
                raise UserError("a worker process died (out of memory?); try fewer --workers") from None
            raise
        it = iter(preds)
        rows = []
        for ev in events:
            if isinstance(ev, Bad):
                rejects.add(ev)
            else:
                rows.append((ev.record, next(it)))
        writer.write(rows)
        summary.classified += len(rows)
        done += len(events)
        if progress:
            progress(done, total)

    def submit(events: list) -> None:
        texts = [ev.text for ev in events if isinstance(ev, Row)]
        fut = pool.submit(_worker_classify, texts, opts.top_k) if texts else None
        window.append((events, fut))
        while len(window) > 2 * opts.workers:
            drain_one()

    try:
        events: list = []
        n_rows = 0
        for ev in reader.events():
            events.append(ev)
            if isinstance(ev, Row):
                n_rows += 1
                if n_rows == opts.batch_size:
                    submit(events)
                    events, n_rows = [], 0
            elif opts.on_bad_row == "fail":  # the file changed since it was checked
                raise UserError(f"line {ev.line}: {ev.error}; fix the row or pass --on-bad-row skip")
        if events:
            submit(events)
        while window:
            drain_one()
    finally:
        for _, fut in window:
            if fut is not None:
                fut.cancel()
        pool.shutdown(wait=True, cancel_futures=True)
