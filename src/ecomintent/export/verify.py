"""Check an exported artifact against the merged model: label agreement and accuracy on held-out queries.

The merged model is scored with `backends.hf.HFScorer` (exact label scoring, float32); a GGUF with
the serving backend itself, `backends.gguf.GGUFClassifier` (llama.cpp, exact best label), so what is
verified is what `ecomintent serve` and `classify` will answer. Its prompt tokens are compared with
the HF tokenizer's as well: a converter that lost a tokenizer detail shows up here first.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

from ..backends.base import DEFAULT_PRUNE
from ..errors import UserError
from ..prompt import PromptFormat, clean_query


def stratified_sample(rows: list[dict], n: int, seed: int = 7) -> list[dict]:
    """Up to n rows spread evenly over intent x language cells (deterministic); all rows if n >= len."""
    if n <= 0:
        return []
    if n >= len(rows):
        return list(rows)
    cells: dict[tuple, list[dict]] = {}
    for r in rows:
        cells.setdefault((r.get("intent"), r.get("language", "")), []).append(r)
    rng = random.Random(seed)
    for key in sorted(cells, key=str):
        rng.shuffle(cells[key])
    order = [cells[k] for k in sorted(cells, key=str)]
    out: list[dict] = []
    k = 0
    while len(out) < n:
        for v in order:
            if k < len(v) and len(out) < n:
                out.append(v[k])
        k += 1
    return out


def default_threads() -> int:
    """Cores not already busy: llama.cpp's threads wait for each other at every operation, so on a
    loaded machine fewer threads finish sooner than one per core."""
    cores = os.cpu_count() or 1
    try:
        busy = int(os.getloadavg()[0])
    except OSError:
        busy = 0
    return max(1, min(cores, cores - busy))


def hf_predict(model_dir: str | Path, labels: list[str], texts: list[str], batch_size: int = 16) -> list[str]:
    """The merged (or GPTQ) HF model's best label per text, with HFScorer."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from ..backends.hf import HFScorer

    tok = AutoTokenizer.from_pretrained(str(model_dir))
    if tok.pad_token_id is None:
        tok.pad_token = tok.eos_token
    if (Path(model_dir) / "quantize_config.json").is_file() or _is_gptq(model_dir):
        from .gptq import _import_gptqmodel, stdout_to_stderr

        with stdout_to_stderr():
            _import_gptqmodel()  # transformers loads GPTQ checkpoints through it
            device = "cuda" if torch.cuda.is_available() else "cpu"
            model = AutoModelForCausalLM.from_pretrained(str(model_dir), device_map=device)
    else:
        model = AutoModelForCausalLM.from_pretrained(str(model_dir), dtype=torch.float32)
    model.eval()
    try:
        # prune: the best label stays exact (agreement is about the best label only)
        preds, _ = HFScorer(model, tok, labels).predict(texts, batch_size=batch_size, prune=DEFAULT_PRUNE)
    finally:
        del model
    return preds


def _is_gptq(model_dir: str | Path) -> bool:
    import json

    cfg = Path(model_dir) / "config.json"
    try:
        q = json.loads(cfg.read_text(encoding="utf-8")).get("quantization_config") or {}
    except (OSError, ValueError):
        return False
    return str(q.get("quant_method", "")).lower() == "gptq"


def gguf_predict(
    path: str | Path, model_dir: str | Path, labels: list[str], texts: list[str], threads: int | None = None
) -> dict:
    """GGUF predictions (the serving backend, best label exact) plus how often its prompt tokens
    equal the HF tokenizer's."""
    from transformers import AutoTokenizer

    from ..backends.gguf import GGUFClassifier

    tok = AutoTokenizer.from_pretrained(str(model_dir))
    fmt = PromptFormat.for_tokenizer(tok)
    threads = threads or default_threads()
    clf = GGUFClassifier(path, threads=threads, prune=DEFAULT_PRUNE, threshold=0.0)
    try:
        if list(clf.info.labels) != list(labels):
            raise UserError(f"{path} carries other labels than {model_dir}; re-run the export")
        queries = [clean_query(t)[0] for t in texts]
        same = sum(clf.fmt.prompt_ids(q) == fmt.prompt_ids(q) for q in queries)
        preds = [p.intent for p in clf.classify(texts, top_k=1)]
    finally:
        clf.close()
    return {
        "predictions": preds,
        "token_agreement": round(same / len(texts), 4) if texts else None,
        "verify_threads": threads,
    }


def compare(preds: list[str], reference: list[str], gold: list[str]) -> dict:
    n = len(preds)
    if n == 0:
        return {"samples": 0, "agreement": None, "accuracy": None}
    return {
        "samples": n,
        "agreement": round(sum(a == b for a, b in zip(preds, reference, strict=True)) / n, 4),
        "accuracy": round(sum(a == b for a, b in zip(preds, gold, strict=True)) / n, 4),
    }
