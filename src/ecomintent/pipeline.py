"""`ecomintent run`: the stages end to end into runs/NAME/, resumable by manifest hash.

Every stage declares its settings, the files it reads and the paths it writes. Its key is the
sha256 of its settings and of its inputs' contents; `run_manifest.json` records each stage's key,
input hashes, settings, wall time and status. A re-run skips a stage whose key is unchanged and
whose outputs exist, and re-does every stage whose settings or inputs changed (a re-trained model
changes the export's inputs, and so on downstream). `force` re-does the named stages regardless.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .backends.base import DEFAULT_PRUNE
from .errors import UserError
from .fileio import dump_json, sha256_file

MANIFEST = "run_manifest.json"


@dataclass
class Stage:
    name: str
    settings: dict  # JSON-serialisable: what the stage was asked to do
    inputs: Callable[[], list[Path]]  # files/directories whose contents the stage reads (resolved late)
    outputs: list[Path]  # what must exist for the stage to count as done
    run: Callable[[], dict]  # does the work; returns a short JSON-serialisable summary
    describe: str = ""  # one line for the progress display


@dataclass
class StageResult:
    name: str
    status: str  # "done", "skipped" (up to date) or "failed"
    wall_s: float
    summary: dict = field(default_factory=dict)
    error: str | None = None


def hash_path(p: Path) -> str:
    """Content hash of a file, or of every file under a directory (relative names included).

    Temporary and checkpoint folders are ignored; large files are hashed once per (path, size,
    mtime) within a process.
    """
    if not p.exists():
        return "missing"
    if p.is_file():
        return _file_hash(p)
    h = hashlib.sha256()
    for f in sorted(x for x in p.rglob("*") if x.is_file()):
        rel = f.relative_to(p).as_posix()
        if rel.startswith(".") or "/." in rel or rel.startswith("checkpoints/"):
            continue
        h.update(rel.encode() + b"\0" + _file_hash(f).encode() + b"\n")
    return h.hexdigest()


_HASHES: dict[tuple, str] = {}


def _file_hash(f: Path) -> str:
    st = f.stat()
    key = (str(f.resolve()), st.st_size, st.st_mtime_ns)
    if key not in _HASHES:
        _HASHES[key] = sha256_file(f)
    return _HASHES[key]


def stage_key(settings: dict, input_hashes: dict[str, str]) -> str:
    blob = json.dumps({"settings": settings, "inputs": input_hashes}, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


def load_manifest(root: Path) -> dict:
    f = root / MANIFEST
    if not f.is_file():
        return {"stages": {}}
    try:
        m = json.loads(f.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return {"stages": {}}  # unreadable: every stage re-runs, which is always safe
    m.setdefault("stages", {})
    return m


def save_manifest(root: Path, manifest: dict) -> None:
    tmp = root / f".{MANIFEST}.tmp"
    dump_json(manifest, tmp)
    os.replace(tmp, root / MANIFEST)


def run_stages(
    root: Path,
    stages: list[Stage],
    force: set[str] | frozenset[str] = frozenset(),
    on_start: Callable[[Stage, int, int], None] | None = None,
    on_end: Callable[[StageResult], None] | None = None,
) -> list[StageResult]:
    """Run the stages in order, skipping those that are up to date. Stops at the first failure
    (later stages depend on it); the manifest records what happened either way."""
    names = [s.name for s in stages]
    unknown = sorted(set(force) - set(names) - {"all"})
    if unknown:
        raise UserError(f"--force {', '.join(unknown)}: no such stage; the stages are {', '.join(names)}")
    root.mkdir(parents=True, exist_ok=True)
    manifest = load_manifest(root)
    results: list[StageResult] = []
    for i, stage in enumerate(stages):
        inputs = {_rel(p, root): hash_path(p) for p in stage.inputs()}
        key = stage_key(stage.settings, inputs)
        prev = manifest["stages"].get(stage.name, {})
        up_to_date = (
            prev.get("status") == "done"
            and prev.get("key") == key
            and all(p.exists() for p in stage.outputs)
            and stage.name not in force
            and "all" not in force
        )
        if up_to_date:
            r = StageResult(stage.name, "skipped", 0.0, prev.get("summary", {}))
            results.append(r)
            if on_end:
                on_end(r)
            continue
        if on_start:
            on_start(stage, i, len(stages))
        t0 = time.time()
        entry = {"status": "running", "key": key, "inputs": inputs, "settings": stage.settings}
        manifest["stages"][stage.name] = entry
        save_manifest(root, manifest)
        try:
            summary = stage.run() or {}
        except BaseException as e:
            wall = round(time.time() - t0, 1)
            entry.update(status="failed", wall_s=wall, error=str(e)[:2000])
            save_manifest(root, manifest)
            r = StageResult(stage.name, "failed", wall, {}, str(e))
            results.append(r)
            if on_end:
                on_end(r)
            raise
        wall = round(time.time() - t0, 1)
        entry.update(status="done", wall_s=wall, summary=summary, finished=time.strftime("%Y-%m-%dT%H:%M:%S"))
        save_manifest(root, manifest)
        r = StageResult(stage.name, "done", wall, summary)
        results.append(r)
        if on_end:
            on_end(r)
    return results


def _rel(p: Path, root: Path) -> str:
    try:
        return p.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(p)


# ---------------------------------------------------------------------------------------------
# the stages of `ecomintent run`


@dataclass
class ExportSettings:
    """The `export:` section of a recipe."""

    formats: list[str] = field(
        default_factory=lambda: [
            "gguf-f16",
            "gguf-q8_0",
            "gguf-q5_k_m",
            "gguf-q4_k_m",
            "gguf-q4_0",
            "gptq-4bit",
        ]
    )
    verify_samples: int = 260  # validation queries each artifact is checked on (agreement with merged)
    min_agreement: float = 0.98
    group_size: int = 128  # GPTQ group size (adjusted where the width does not divide)
    calib_samples: int = 256  # GPTQ calibration prompts


@dataclass
class EvalSettings:
    """The `eval:` section of a recipe."""

    split: str = "test"  # the template-disjoint split
    limit: int | None = 520  # stratified sample of the split (None = all of it)
    generate_for: list[str] = field(default_factory=lambda: ["hf", "gguf-q4_k_m"])  # also in generate mode
    tfidf: bool = True  # the classical reference, trained on the same train split
    ensemble_for: list[str] = field(default_factory=list)  # also scored with the TF-IDF ensemble: [q4_k_m]
    # More labelled queries to measure on, NAME: FILE (JSONL/JSON/CSV with text, intent and language
    # columns; a relative path is from where `ecomintent run` runs), or NAME: {file: FILE, text_column:,
    # label_column:, language_column: ('' for none), label_map: FILE} for other columns and labels:
    # `extra_for`'s artifacts, the TF-IDF reference and their ensembles, in score mode, into
    # eval/ARTIFACT-score@NAME.
    extra_data: dict[str, str | dict] = field(default_factory=dict)
    extra_for: list[str] = field(default_factory=list)
    calibrate: bool = True  # calibrate each artifact's out-of-scope threshold on `limit` validation queries
    prune: float = DEFAULT_PRUNE  # score mode: skip label groups that cannot win (answers exact)
    hf_dtype: str = "fp32"  # the merged model's precision: fp32, bf16, or auto (bf16 where native)


@dataclass
class BenchRunSettings:
    """The `bench:` section of a recipe (see `ecomintent bench --help`)."""

    n: int = 104
    repeats: int = 2
    concurrency: list[int] = field(default_factory=lambda: [1, 8, 32])
    time_budget_s: float = 420.0
    configs: list[str] | None = None
    threads: int | None = None  # CPU threads per configuration; None: every core


def _section(cls, recipe: dict, name: str):
    raw = recipe.get(name) or {}
    if not isinstance(raw, dict):
        raise UserError(f"the recipe's {name}: section must be a mapping of settings")
    known = set(cls.__dataclass_fields__)
    bad = sorted(set(raw) - known)
    if bad:
        raise UserError(f"unknown {name}: setting(s) {', '.join(bad)}; known: {', '.join(sorted(known))}")
    return cls(**raw)


def build_run_stages(config: str | Path, root: Path) -> list[Stage]:
    """The pipeline data -> train -> export -> tfidf -> eval -> bench -> report for one recipe."""
    import yaml

    from .config import DataConfig, load_yaml_config
    from .train import TrainConfig

    try:
        recipe = yaml.safe_load(Path(config).read_text(encoding="utf-8")) or {}
    except OSError as e:
        raise UserError(f"cannot read the recipe {config}: {e.strerror}") from None
    except yaml.YAMLError as e:
        raise UserError(f"{config} is not valid YAML: {e}") from None
    ds, model = root / "dataset", root / "model"
    merged = model / "merged"
    data_cfg = load_yaml_config(DataConfig, config, section="data", out=str(ds))
    train_cfg = load_yaml_config(TrainConfig, config, section="train", data=str(ds), out=str(model))
    exp = _section(ExportSettings, recipe, "export")
    ev = _section(EvalSettings, recipe, "eval")
    bn = _section(BenchRunSettings, recipe, "bench")
    if ev.hf_dtype not in ("fp32", "bf16", "fp16", "auto"):
        raise UserError(f"eval: hf_dtype {ev.hf_dtype!r} is not one of fp32, bf16, fp16, auto; fix {config}")
    if ev.ensemble_for and not ev.tfidf:
        raise UserError(f"eval: ensemble_for needs the TF-IDF reference; set eval: tfidf: true in {config}")
    extra = _extra_data(ev, config)
    # Export verification and the bench use every core unless the recipe says otherwise: the load
    # average they would read is this run's own earlier stages, not other work.
    run_threads = bn.threads or os.cpu_count() or 1
    splits = [ds / f"{s}.jsonl" for s in ("train", "val", "test")]
    gguf_files = [
        root / "export" / f"model-{f.removeprefix('gguf-')}.gguf"
        for f in exp.formats
        if f.startswith("gguf-")
    ]
    gptq_dir = root / "export" / "gptq"
    taxonomy = [Path(data_cfg.taxonomy)] if getattr(data_cfg, "taxonomy", None) else []

    def do_data() -> dict:
        from .data import build_dataset

        stats = build_dataset(data_cfg, force=True)
        return {"queries": stats["total"]}

    def do_train() -> dict:
        import shutil

        from .train import train

        if model.exists():
            shutil.rmtree(model)  # settings or data changed: an old checkpoint must not be resumed
        m = train(train_cfg)
        return {k: m.get(k) for k in ("steps", "val_accuracy", "wall_seconds", "peak_rss_mb", "peak_vram_mb")}

    def do_export() -> dict:
        from .export import export

        m = export(
            merged,
            exp.formats,
            root / "export",
            data=ds,
            verify_samples=exp.verify_samples,
            min_agreement=exp.min_agreement,
            group_size=exp.group_size,
            calib_samples=exp.calib_samples,
            force=True,
            threads=run_threads,
        )
        return {"artifacts": len(m.get("artifacts", []))}

    def artifacts() -> list[tuple[str, Path, str]]:
        """(name, path, backend) of every classifier this run has."""
        out = [(f"hf-{hf_dtype()}", merged, "hf")]
        out += [(f.stem.removeprefix("model-"), f, "gguf") for f in gguf_files]
        if "gptq-4bit" in exp.formats:
            out.append(("gptq-4bit", gptq_dir, "gptq"))
        if ev.tfidf:
            out.append(("tfidf", root / "tfidf", "tfidf"))
        return out

    def hf_dtype() -> str:
        if ev.hf_dtype == "auto":
            from .train import native_bf16

            return "bf16" if native_bf16() else "fp32"
        return ev.hf_dtype

    def do_tfidf() -> dict:
        from .backends.tfidf import train as train_tfidf

        train_tfidf(ds, root / "tfidf")
        return {}

    def do_eval() -> dict:
        from .commands.eval import evaluate_artifact
        from .report import ENSEMBLE_SUFFIX, EXTRA_SEP, eval_name

        def listed(names: list[str], name: str, backend: str) -> bool:
            return name in names or (backend == "hf" and "hf" in names)

        rows = []
        with atomic_eval_dir(root / "eval") as tmp:
            if extra:
                from .taxonomy import load_taxonomy

                labels = load_taxonomy(ds / "taxonomy.yaml").labels
                sources = {d: _extra_source(d, spec, labels, tmp) for d, spec in extra.items()}
            for name, path, backend in artifacts():
                # (the eval's artifact name, mode, options, extra data name or None): on the split,
                # then on each extra data file: score, generate (the split only), the ensemble
                score = {"prune": ev.prune} if backend != "tfidf" else {}
                ensemble = backend != "tfidf" and listed(ev.ensemble_for, name, backend)
                on_extra = backend == "tfidf" or listed(ev.extra_for, name, backend)
                runs = []
                for dname in [None, *(extra if on_extra else [])]:
                    runs.append((name, "score", score, dname))
                    if dname is None and listed(ev.generate_for, name, backend):
                        runs.append((name, "generate", {}, None))
                    if ensemble:
                        runs.append(
                            (f"{name}{ENSEMBLE_SUFFIX}", "score", {"ensemble": root / "tfidf"}, dname)
                        )
                for label, mode, kw, dname in runs:
                    res = evaluate_artifact(
                        path,
                        backend=backend,
                        mode=mode,
                        data=sources[dname] if dname else ds,
                        split=ev.split,
                        limit=None if dname else ev.limit,
                        out=tmp / (eval_name(label, mode) + (f"{EXTRA_SEP}{dname}" if dname else "")),
                        calibrate_on=ds / "val.jsonl" if ev.calibrate else None,
                        **kw,
                        **({"dtype": hf_dtype()} if backend == "hf" else {}),
                    )
                    acc = (res.get("metrics") or {}).get("accuracy")
                    rows.append(
                        {
                            "artifact": label,
                            "mode": mode,
                            "accuracy": acc,
                            **({"data": dname} if dname else {}),
                        }
                    )
        return {"evaluated": rows}

    def do_bench() -> dict:
        from .bench import BenchSettings, run_bench, write_bench

        b = run_bench(
            root,
            BenchSettings(
                n=bn.n,
                repeats=bn.repeats,
                concurrency=tuple(bn.concurrency),
                time_budget_s=bn.time_budget_s,
                configs=bn.configs,
                threads=run_threads,
            ),
        )
        write_bench(root, b)
        return {"configurations": len(b.get("results", []))}

    def do_report() -> dict:
        from .report import write_report

        write_report(root)
        return {"report": str(root / "report.md")}

    exported = [*gguf_files, *([gptq_dir] if "gptq-4bit" in exp.formats else [])]
    arts = lambda: [p for _, p, _ in artifacts()]  # noqa: E731
    return [
        Stage("data", asdict_safe(data_cfg), lambda: taxonomy, splits, do_data, "synthetic queries"),
        Stage(
            "train",
            asdict_safe(train_cfg),
            lambda: splits[:2],
            [merged / "ecomintent.json"],
            do_train,
            "LoRA fine-tuning",
        ),  # fmt: skip
        Stage("export", asdict_safe(exp), lambda: [merged], exported, do_export, "GGUF + GPTQ"),
        Stage(
            "tfidf",
            {"enabled": ev.tfidf},
            lambda: splits[:2],
            [root / "tfidf"] if ev.tfidf else [],
            do_tfidf,
            "TF-IDF reference",
        ),  # fmt: skip
        Stage(
            "eval",
            asdict_safe(ev),
            lambda: [
                *arts(),
                splits[1],
                splits[2],
                *(p for x in extra.values() for k, p in x.items() if k in ("file", "label_map")),
            ],
            [root / "eval"],
            do_eval,
            "accuracy of every artifact",
        ),  # fmt: skip
        Stage("bench", asdict_safe(bn), arts, [root / "bench" / "bench.json"], do_bench, "speed and memory"),
        Stage(
            "report",
            {},
            lambda: [root / "bench" / "bench.json", root / "eval"],
            [root / "report.md", root / "report.json"],
            do_report,
            "report",
        ),  # fmt: skip
    ]


EXTRA_KEYS = ("file", "text_column", "label_column", "language_column", "label_map")


def _extra_data(ev: EvalSettings, config) -> dict[str, dict]:
    """eval: extra_data as NAME -> {"file": Path, and the column and label-map options given}, every
    name usable in a directory name and every file there."""
    import re

    if not isinstance(ev.extra_data, dict):
        raise UserError(
            f"eval: extra_data must map names to files (freeform: benchmarks/freeform.jsonl); fix {config}"
        )
    out = {}
    for name, spec in ev.extra_data.items():
        if not re.fullmatch(r"[A-Za-z0-9_.-]+", str(name)):
            raise UserError(
                f"eval: extra_data name {name!r}: use letters, digits, '_', '-' or '.'; fix {config}"
            )
        spec = {"file": spec} if isinstance(spec, (str, Path)) else spec
        if not isinstance(spec, dict) or not spec.get("file"):
            raise UserError(
                f"eval: extra_data {name}: give a file, or a mapping with file: and any of "
                f"{', '.join(EXTRA_KEYS[1:])}; fix {config}"
            )
        bad = sorted(set(spec) - set(EXTRA_KEYS))
        if bad:
            raise UserError(
                f"eval: extra_data {name}: unknown setting(s) {', '.join(map(str, bad))}; known: "
                f"{', '.join(EXTRA_KEYS)}; fix {config}"
            )
        spec = dict(spec)
        for key in ("file", "label_map"):
            if not spec.get(key):
                continue
            p = Path(str(spec[key])).expanduser()
            if not p.is_file():
                raise UserError(
                    f"eval: extra_data {name}: {p} is not a file (a relative path is from {Path.cwd()}); "
                    f"run from the project's root or give an absolute path in {config}"
                )
            spec[key] = p
        out[str(name)] = spec
    return out


def _extra_source(name: str, spec: dict, labels: list[str], tmp: Path) -> Path:
    """The file the eval stage measures for an extra data entry: the user's own where it has the usual
    columns and labels, else its rows with the columns renamed and the labels mapped, written into
    the eval directory as NAME.jsonl (checked against the taxonomy's labels first)."""
    from .commands.eval import load_eval_rows

    if set(spec) == {"file"}:
        return spec["file"]
    try:
        rows = load_eval_rows(
            spec["file"],
            text_column=spec.get("text_column") or "text",
            label_column=spec.get("label_column") or "intent",
            language_column=spec.get("language_column", "language") or None,
            label_map=spec.get("label_map"),
            labels=labels,
        )
    except UserError as e:
        raise UserError(f"eval: extra_data {name}: {e} (in a recipe: label_map: FILE in the entry)") from None
    out = tmp / f"{name}.jsonl"
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return out


def asdict_safe(obj) -> dict:
    from dataclasses import asdict

    return json.loads(json.dumps(asdict(obj), default=str))


def atomic_eval_dir(path: Path):
    from .fileio import atomic_dir

    return atomic_dir(path, force=True)
