"""Inference backends: one classifier interface over every runtime.

    clf = load_classifier("runs/default/model/merged")            # hf, score mode
    clf = load_classifier("model-q4_k_m.gguf", threads=4)          # gguf (llama.cpp)
    clf = load_classifier("gpt-4.1", backend="openai", base_url="https://api.openai.com/v1")
    clf.classify(["wo ist mein paket?"])  # -> [Prediction(intent="order_status", confidence=0.98, ...)]

The backend is inferred from the artifact when not given: a `.gguf` file -> gguf; a directory with
`quantize_config.json` or a GPTQ `quantization_config` -> gptq; with `tfidf.joblib` -> tfidf; with
`config.json` -> hf. `openai` takes a model name and `base_url`.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import UserError
from .base import BACKENDS, MODES, ArtifactInfo, Classifier, Prediction

__all__ = ["ArtifactInfo", "Classifier", "Prediction", "infer_backend", "load_classifier"]

_FIX = (
    "point --model at the merged directory written by `ecomintent train` (runs/NAME/model/merged), a .gguf "
    "file or GPTQ directory from `ecomintent export`, or a directory from `ecomintent tfidf`"
)


def infer_backend(artifact: str | Path) -> str:
    """The backend an artifact path needs (UserError when it is none of the known kinds)."""
    from .gptq import is_gptq_dir
    from .tfidf import MODEL_FILE

    p = Path(artifact).expanduser()
    if not p.exists():
        raise UserError(f"{p} does not exist; {_FIX}")
    if p.is_file():
        with open(p, "rb") as f:
            magic = f.read(4)
        if magic == b"GGUF":
            return "gguf"
        what = "an empty or truncated GGUF file" if p.suffix.lower() == ".gguf" else "a file that is not GGUF"
        raise UserError(f"{p} is not a classifier artifact: {what}; {_FIX}")
    if (p / "config.json").is_file():
        try:
            json.loads((p / "config.json").read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            raise UserError(
                f"{p} is not a classifier artifact: its config.json is not valid JSON ({e}); {_FIX}"
            ) from None
    if is_gptq_dir(p):
        return "gptq"
    if (p / MODEL_FILE).is_file():
        return "tfidf"
    if (p / "config.json").is_file():
        return "hf"
    ggufs = sorted(p.glob("*.gguf"))
    if len(ggufs) == 1:
        return "gguf"
    raise UserError(
        f"{p} is not a classifier artifact: it holds no config.json, {MODEL_FILE} or single .gguf file; {_FIX}"
    )


def load_classifier(
    artifact: str | Path,
    backend: str | None = None,
    mode: str = "score",
    device: str = "cpu",
    dtype: str | None = None,
    threads: int | None = None,
    threshold: float | None = None,
    info: ArtifactInfo | None = None,
    **kw,
) -> Classifier:
    """Load a classifier artifact with the given (or inferred) backend.

    mode: "score" (rank every label exactly: confidences) or "generate" (parse the model's answer).
    threshold: out-of-scope confidence threshold (default: the artifact's calibrated one; None: off).
    info: the label list and prompt facts, overriding what the artifact carries.
    Backend options in **kw: hf/gptq: batch_size, prefix_cache, prune; gguf: n_ctx, n_batch, prune,
    prefix_cache, verbose; openai: base_url (required), api_key_env, describe_labels, cache_dir,
    concurrency, max_tokens, taxonomy (a YAML path for the labels when `info` is not given).
    ensemble: a TF-IDF artifact directory to combine with (score mode; backends.ensemble), with
    ensemble_weight (default 1.0: equal say).
    """
    if mode not in MODES:
        raise UserError(f"unknown mode {mode!r}; use one of {', '.join(MODES)}")
    ensemble = kw.pop("ensemble", None)
    weight = kw.pop("ensemble_weight", 1.0)
    if ensemble:
        from .ensemble import EnsembleClassifier

        if mode != "score":
            raise UserError("--ensemble combines label probabilities: use --mode score")
        kw.pop("prune", None)  # every label needs its exact probability to combine
        model = load_classifier(artifact, backend, mode, device, dtype, threads, None, info, **kw)
        reference = load_classifier(ensemble, "tfidf", "score")
        return EnsembleClassifier(model, reference, weight, threshold)
    if backend is None:
        backend = "openai" if kw.get("base_url") else infer_backend(artifact)
    if backend not in BACKENDS:
        raise UserError(f"unknown backend {backend!r}; use one of {', '.join(BACKENDS)}")
    if backend in ("tfidf", "openai"):
        kw.pop("prune", None)  # they rank every label in one step: nothing to prune
    if backend == "hf":
        from .hf import load_hf

        return load_hf(artifact, mode, device, dtype, threads, threshold, info, **kw)
    if backend == "gptq":
        from .gptq import load_gptq

        return load_gptq(artifact, mode, device, dtype, threads, threshold, info, **kw)
    if backend == "gguf":
        from .gguf import GGUFClassifier

        path = Path(artifact).expanduser()
        if path.is_dir():
            ggufs = sorted(path.glob("*.gguf"))
            if len(ggufs) != 1:
                raise UserError(f"{path} holds {len(ggufs)} .gguf files; point --model at one of them")
            path = ggufs[0]
        return GGUFClassifier(
            path, info=info, mode=mode, threads=threads, threshold=threshold, device=device, **kw
        )
    if backend == "tfidf":
        from .tfidf import TfidfClassifier

        if mode != "score":
            raise UserError("the tfidf backend has no generate mode; use --mode score")
        return TfidfClassifier(artifact, info=info, threshold=threshold)
    # openai
    from .openai_api import OpenAIClassifier

    base_url = kw.pop("base_url", None)
    if not base_url:
        raise UserError(
            "the openai backend needs the endpoint's URL: --base-url (e.g. https://api.openai.com/v1 or "
            "http://127.0.0.1:8080/v1) and the model name as --model"
        )
    taxonomy = kw.pop("taxonomy", None)
    if info is None:
        p = Path(str(artifact)).expanduser()
        if taxonomy is None and p.is_dir() and (p / "ecomintent.json").is_file():
            info = ArtifactInfo.from_dir(p)
        else:
            from ..prompt import PROMPT_VERSION, SYSTEM
            from ..taxonomy import load_taxonomy

            tax = load_taxonomy(taxonomy)
            info = ArtifactInfo(
                labels=list(tax.labels),
                prompt_version=PROMPT_VERSION,
                system_prompt=SYSTEM,
                out_of_scope_label="out_of_scope" if "out_of_scope" in tax.labels else None,
                base=str(artifact),
                descriptions={i.name: i.description for i in tax.intents},
            )
    return OpenAIClassifier(str(artifact), base_url, info, threshold=threshold, **kw)
