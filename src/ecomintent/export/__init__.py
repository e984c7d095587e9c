"""The `export` stage: merged HF model -> GGUF (F16 and llama.cpp quantisations) and GPTQ 4-bit.

    OUT/model-f16.gguf, model-q8_0.gguf, model-q5_k_m.gguf, model-q4_k_m.gguf, model-q4_0.gguf
    OUT/gptq/                 GPTQ HF directory (+ ecomintent.json, tokenizer)
    OUT/export_manifest.json  per artifact: size, sha256, time, agreement/accuracy, tensor types...
    OUT/rejected/             artifacts that failed verification (never where a good one belongs)
    OUT/.reference_predictions.json   the merged model's answers on the verification queries (reused)

Every artifact is written to a temporary name beside its target and renamed when complete, then
verified: a stratified sample of the validation split is classified by it and by the merged model
(float32, HFScorer); label agreement under `min_agreement` marks it failed, moves it to rejected/
and makes `export` raise ExportFailed (after writing the manifest).

GGUF conversion is our own (see export/gguf.py for why), quantisation is llama.cpp's
(`llama_model_quantize` through llama-cpp-python), GPTQ is gptqmodel's.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path

from .. import __version__
from ..backends.base import ArtifactInfo
from ..errors import UserError
from ..fileio import dump_json, sha256_file
from .gguf import GGUF_FORMATS

GPTQ_FORMAT = "gptq-4bit"
FORMATS = (*GGUF_FORMATS, GPTQ_FORMAT)
MANIFEST = "export_manifest.json"
REJECTED = "rejected"
REFERENCE_CACHE = ".reference_predictions.json"  # the merged model's answers, reused by later exports
TOKENIZER_FILES = ("tokenizer.json", "tokenizer.model")

# rough bytes per parameter of each artifact, for the free-space check
_BYTES_PER_PARAM = {
    "gguf-f16": 2.0,
    "gguf-q8_0": 1.07,
    "gguf-q5_k_m": 0.72,
    "gguf-q4_k_m": 0.62,
    "gguf-q4_0": 0.58,
    GPTQ_FORMAT: 1.0,
}

Progress = Callable[[str, int | None, int | None], None]


class ExportFailed(UserError):
    """At least one artifact failed verification; `manifest` is what was written."""

    def __init__(self, message: str, manifest: dict):
        super().__init__(message)
        self.manifest = manifest


def parse_formats(spec: str | list[str] | tuple[str, ...]) -> list[str]:
    """'gguf-q8_0,gptq-4bit' -> ['gguf-q8_0', 'gptq-4bit'] in FORMATS order, refusing unknown names."""
    items = spec.split(",") if isinstance(spec, str) else list(spec)
    names = {s.strip().lower() for s in items if s and s.strip()}
    if "all" in names:
        names = set(FORMATS)
    unknown = sorted(names - set(FORMATS))
    if unknown or not names:
        raise UserError(
            f"unknown --formats {', '.join(unknown) or '(none)'}; choose from {', '.join(FORMATS)} (or all)"
        )
    return [f for f in FORMATS if f in names]


def artifact_name(fmt: str) -> str:
    return "gptq" if fmt == GPTQ_FORMAT else GGUF_FORMATS[fmt][0]


def find_dataset(model_dir: Path, data: str | Path | None) -> Path | None:
    """--data, else the dataset recorded in train_manifest.json beside the merged directory."""
    if data:
        d = Path(data).expanduser()
        if not d.is_dir():
            raise UserError(f"--data {d} does not exist; pass the dataset directory the model was trained on")
        return d
    manifest = model_dir.parent / "train_manifest.json"
    if not manifest.is_file():
        return None
    try:
        recorded = json.loads(manifest.read_text(encoding="utf-8"))["settings"]["data"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    p = Path(recorded).expanduser()
    candidates = [p] if p.is_absolute() else [p, *(a / p for a in manifest.resolve().parents)]
    return next((c for c in candidates if (c / "val.jsonl").is_file()), None)


def _versions() -> dict:
    out = {"ecomintent": __version__}
    for key, dist in (
        ("gguf", "gguf"),
        ("llama_cpp_python", "llama_cpp_python"),
        ("gptqmodel", "gptqmodel"),
        ("optimum", "optimum"),
        ("transformers", "transformers"),
        ("torch", "torch"),
    ):
        try:
            out[key] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[key] = None
    out["converter"] = f"ecomintent.export.gguf on gguf {out['gguf']}"
    out["quantizer"] = f"llama.cpp llama_model_quantize via llama-cpp-python {out['llama_cpp_python']}"
    return out


def _prepare_out(out: Path, targets: list[str], force: bool) -> None:
    if out.exists() and not out.is_dir():
        raise UserError(f"{out} exists and is not a directory; choose another --out")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise UserError(f"cannot create {out}: {e.strerror}; choose another --out") from None
    try:
        with tempfile.NamedTemporaryFile(dir=out, prefix=".write-test-"):
            pass
    except OSError as e:
        raise UserError(
            f"{out} is not writable ({e.strerror}); choose another --out or fix its permissions"
        ) from None
    present = [t for t in targets if (out / t).exists()]
    if present and not force:
        raise UserError(f"{out} already has {', '.join(present)}; pass --force to replace them")


def _check_space(model_dir: Path, out: Path, formats: list[str]) -> None:
    from .gguf import load_checkpoint

    try:
        ck = load_checkpoint(model_dir)
    except UserError:
        return  # architectures only GPTQ handles: no estimate
    src = sum(f.stat().st_size for f in set(ck.files.values()))
    dtype = str(getattr(ck.config, "dtype", None) or getattr(ck.config, "torch_dtype", "float32"))
    params = src / (2 if ("16" in dtype) else 4)
    per = [_BYTES_PER_PARAM[f] for f in formats]
    if any(f.startswith("gguf-") for f in formats) and "gguf-f16" not in formats:
        per.append(_BYTES_PER_PARAM["gguf-f16"])  # the temporary F16 source of the quantisations
    need = params * sum(per) * 1.05
    free = shutil.disk_usage(out).free
    if need > free:
        raise UserError(
            f"exporting {', '.join(formats)} needs about {need / 1e9:.1f} GB in {out} but {free / 1e9:.1f} GB "
            "is free; free space, export fewer --formats or choose another --out"
        )


def _dir_bytes(d: Path) -> int:
    return sum(f.stat().st_size for f in d.rglob("*") if f.is_file())


def _weights_sha(d: Path) -> dict:
    return {f.name: sha256_file(f) for f in sorted(d.glob("*.safetensors"))}


def _reject(out: Path, entry: dict) -> None:
    """Move a failed artifact out of the way (OUT/rejected/), so nothing picks it up by its usual name."""
    src = out / entry["path"]
    dst_dir = out / REJECTED
    dst_dir.mkdir(exist_ok=True)
    dst = dst_dir / src.name
    if dst.is_dir():
        shutil.rmtree(dst)
    elif dst.exists():
        dst.unlink()
    os.replace(src, dst)
    entry["path"] = f"{REJECTED}/{src.name}"


def export(
    model_dir: str | Path,
    formats: str | list[str],
    out: str | Path,
    *,
    data: str | Path | None = None,
    verify_samples: int = 260,
    min_agreement: float = 0.98,
    group_size: int = 128,
    desc_act: bool = False,
    calib_samples: int = 256,
    force: bool = False,
    threads: int | None = None,
    seed: int = 7,
    progress: Progress | None = None,
) -> dict:
    """Export a merged model to the given formats in `out`; return the manifest (also written there).

    Raises UserError for bad input (before anything is written) and ExportFailed when an artifact's
    label agreement with the merged model is under `min_agreement`.
    """
    from ..data import read_split
    from .verify import compare, gguf_predict, hf_predict, stratified_sample

    say = progress or (lambda desc, done=None, total=None: None)
    model_dir = Path(model_dir).expanduser()
    out = Path(out).expanduser()
    fmts = parse_formats(formats)
    if not 0 <= min_agreement <= 1:
        raise UserError(f"--min-agreement {min_agreement} must be between 0 and 1 (e.g. 0.98)")
    if not model_dir.is_dir():
        raise UserError(
            f"--model {model_dir} does not exist; point it at model/merged from `ecomintent train`"
        )
    info = ArtifactInfo.from_dir(model_dir)
    if not any((model_dir / f).is_file() for f in TOKENIZER_FILES):
        raise UserError(
            f"{model_dir} has no tokenizer files ({' or '.join(TOKENIZER_FILES)}); copy the tokenizer of "
            "the base model there or re-run `ecomintent train`"
        )
    if any(f.startswith("gguf-") for f in fmts):
        from .gguf import load_checkpoint

        load_checkpoint(model_dir)  # unsupported architecture / missing weights: refuse now
    _prepare_out(out, [artifact_name(f) for f in fmts], force)
    _check_space(model_dir, out, fmts)

    dataset = find_dataset(model_dir, data)
    need_data = verify_samples > 0 or GPTQ_FORMAT in fmts
    if need_data and dataset is None:
        raise UserError(
            f"no dataset found for verification/calibration ({model_dir.parent / 'train_manifest.json'} "
            "names none that exists); pass --data DIR (the dataset the model was trained on)"
            + (", or --verify-samples 0 to skip verification" if GPTQ_FORMAT not in fmts else "")
        )
    labels = info.labels
    rows: list[dict] = []
    if verify_samples > 0:
        val = [r for r in read_split(dataset, "val") if r.get("intent") in set(labels)]
        rows = stratified_sample(val, verify_samples, seed)
        if not rows:
            raise UserError(
                f"{dataset}/val.jsonl has no rows with this model's labels; pass the right --data"
            )
    texts = [r["text"] for r in rows]
    gold = [r["intent"] for r in rows]

    manifest = {
        "stage": "export",
        "model": str(model_dir),
        "model_sha256": _weights_sha(model_dir),
        "base": info.base,
        "labels": len(labels),
        "prompt_version": info.prompt_version,
        "dataset": str(dataset) if dataset else None,
        "verification": {
            "split": "val",
            "samples": len(rows),
            "min_agreement": min_agreement,
            "reference": "merged model, float32, transformers (HFScorer)",
            "reference_accuracy": None,
            "reference_seconds": None,
        },
        "versions": _versions(),
        "artifacts": {},
        "ok": True,
    }
    reference: list[str] = []
    if rows:
        key = {"model_sha256": manifest["model_sha256"], "labels": labels, "texts": texts}
        reference = _cached_reference(out, key)
        manifest["verification"]["reference_cached"] = reference is not None
        if reference is None:
            say(f"scoring {len(rows)} validation queries with the merged model", None, None)
            t0 = time.perf_counter()
            reference = hf_predict(model_dir, labels, texts)
            manifest["verification"]["reference_seconds"] = round(time.perf_counter() - t0, 2)
            _write_json(out / REFERENCE_CACHE, {**key, "predictions": reference})
        manifest["verification"]["reference_accuracy"] = compare(reference, reference, gold)["accuracy"]

    def verified(entry: dict, predict: Callable[[], dict]) -> dict:
        if not rows:
            entry.update(status="unverified", agreement=None, accuracy=None, verify_samples=0)
            return entry
        say(f"verifying {entry['path']} on {len(rows)} queries", None, None)
        t0 = time.perf_counter()
        got = predict()
        entry.update(compare(got.pop("predictions"), reference, gold))
        entry["verify_samples"] = entry.pop("samples")
        entry["verify_seconds"] = round(time.perf_counter() - t0, 2)
        entry.update(got)
        entry["status"] = "ok" if entry["agreement"] >= min_agreement else "failed"
        stale = out / REJECTED / Path(entry["path"]).name
        if entry["status"] == "failed":
            _reject(out, entry)
        elif stale.exists():  # an earlier export of this format failed; this one passed
            shutil.rmtree(stale) if stale.is_dir() else stale.unlink()
        return entry

    artifacts = manifest["artifacts"]
    step, n_steps = 0, len(fmts)
    gguf_fmts = [f for f in fmts if f.startswith("gguf-")]
    if gguf_fmts:
        from .gguf import convert_f16, quantize, tensor_types

        # Write every GGUF first (the quantisations read the F16), then verify each.
        keep_f16 = "gguf-f16" in gguf_fmts
        src = out / (GGUF_FORMATS["gguf-f16"][0] if keep_f16 else f".model-f16.source-{os.getpid()}.gguf")
        written: list[dict] = []
        try:
            say("converting to GGUF F16", step, n_steps)
            t0 = time.perf_counter()
            facts = convert_f16(model_dir, src, info)
            f16_seconds = round(time.perf_counter() - t0, 2)
            for fmt in gguf_fmts:
                entry: dict = {"format": fmt, "path": GGUF_FORMATS[fmt][0]}
                if fmt == "gguf-f16":
                    entry["export_seconds"] = f16_seconds
                else:
                    say(f"quantising to {fmt[5:].upper()}", step, n_steps)
                    t0 = time.perf_counter()
                    entry.update(quantize(src, out / entry["path"], fmt, threads))
                    entry["export_seconds"] = round(time.perf_counter() - t0, 2)
                    entry["source"] = "model-f16.gguf"
                    entry["f16_conversion_seconds"] = f16_seconds
                written.append(entry)
                step += 1
        finally:
            if not keep_f16:
                src.unlink(missing_ok=True)
        for entry in written:
            path = out / entry["path"]
            entry.update(
                bytes=path.stat().st_size,
                sha256=sha256_file(path),
                architecture=facts["architecture"],
                tokenizer=facts["tokenizer"],
                **tensor_types(path, entry["format"]),
            )
            artifacts[entry["format"]] = verified(
                entry, lambda p=path: gguf_predict(p, model_dir, labels, texts, threads)
            )

    if GPTQ_FORMAT in fmts:
        from .gptq import calibration_ids, export_gptq

        say("quantising to GPTQ 4-bit (calibration)", step, n_steps)
        train_rows = read_split(dataset, "train")
        calib = calibration_ids(model_dir, stratified_sample(train_rows, calib_samples, seed), labels)
        gdir = out / "gptq"
        t0 = time.perf_counter()
        facts = export_gptq(model_dir, gdir, calib, group_size=group_size, desc_act=desc_act)
        entry = {
            "format": GPTQ_FORMAT,
            "path": "gptq",
            "bytes": _dir_bytes(gdir),
            "sha256": _weights_sha(gdir),
            "export_seconds": round(time.perf_counter() - t0, 2),
            **facts,
        }
        artifacts[GPTQ_FORMAT] = verified(entry, lambda: {"predictions": hf_predict(gdir, labels, texts)})
        step += 1

    _merge_previous(out, manifest)
    manifest["ok"] = all(a.get("status") != "failed" for a in manifest["artifacts"].values())
    _write_json(out / MANIFEST, manifest)
    failed = [f for f, a in artifacts.items() if a["status"] == "failed"]
    if failed:
        detail = "; ".join(
            f"{f}: agreement {artifacts[f]['agreement']:.2%} < {min_agreement:.0%}" for f in failed
        )
        raise ExportFailed(
            f"verification failed ({detail}); moved to {out / REJECTED}, see {out / MANIFEST}. "
            "Use a higher-precision format, or for GPTQ a smaller --group-size / --desc-act",
            manifest,
        )
    return manifest


def _write_json(path: Path, obj) -> None:
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        dump_json(obj, tmp)
        os.replace(tmp, path)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise UserError(f"cannot write {path}: {e.strerror}") from None


def _cached_reference(out: Path, key: dict) -> list[str] | None:
    """The merged model's predictions from an earlier export of the same model on the same queries."""
    try:
        cached = json.loads((out / REFERENCE_CACHE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if any(cached.get(k) != v for k, v in key.items()):
        return None
    preds = cached.get("predictions")
    return preds if isinstance(preds, list) and len(preds) == len(key["texts"]) else None


def _merge_previous(out: Path, manifest: dict) -> None:
    """Keep the entries of earlier exports of the same model whose files are still there."""
    path = out / MANIFEST
    if not path.is_file():
        return
    try:
        old = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    if old.get("model_sha256") != manifest["model_sha256"]:
        return
    for fmt, entry in (old.get("artifacts") or {}).items():
        if fmt not in manifest["artifacts"] and (out / entry.get("path", "\0")).exists():
            manifest["artifacts"][fmt] = entry
