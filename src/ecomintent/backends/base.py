"""The one interface every runtime implements, and what an artifact must carry to be a classifier.

A classifier artifact is either
  - a merged HF directory (safetensors + tokenizer + `ecomintent.json`), or a GPTQ directory of the
    same shape, or
  - one GGUF file whose metadata holds the same facts under the `ecomintent.*` keys below, or
  - a TF-IDF pickle directory (`tfidf.joblib` + `ecomintent.json`).

Backends: hf, gptq, gguf, openai, tfidf. Modes: `score` (rank every label's token sequence after the
forced JSON prefix) and `generate` (greedy JSON answer, parsed). Every prediction names a label of
the artifact's taxonomy; `out_of_scope` is returned when the top label's confidence falls under the
calibrated threshold.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from ..errors import UserError

INFO_FILE = "ecomintent.json"  # beside the weights of a merged/GPTQ/TF-IDF directory

# GGUF metadata keys (written by export, read by the gguf backend, serve and classify)
GGUF_LABELS = "ecomintent.labels"  # array of strings, in score order
GGUF_PROMPT_VERSION = "ecomintent.prompt_version"  # string, prompt.PROMPT_VERSION
GGUF_SYSTEM_PROMPT = "ecomintent.system_prompt"  # string, prompt.SYSTEM at training time
GGUF_OOS_LABEL = "ecomintent.out_of_scope_label"  # string ("" when the taxonomy has none)
GGUF_BASE = "ecomintent.base"  # string: the base model it was fine-tuned from
GGUF_THRESHOLD = "ecomintent.oos_threshold"  # float32, optional: calibrated confidence threshold
GGUF_DESCRIPTIONS = "ecomintent.descriptions"  # string: JSON object label -> description

MODES = ("score", "generate")
BACKENDS = ("hf", "gptq", "gguf", "openai", "tfidf")


@dataclass
class Prediction:
    intent: str  # always a label of the artifact (or its out_of_scope label)
    confidence: float  # probability of `intent` under a softmax over the labels (generate: 1.0 / 0.0)
    alternatives: list[tuple[str, float]] = field(default_factory=list)  # top-k (label, prob), best first
    latency_ms: float = 0.0  # this query's share of the batch's wall time
    raw: str | None = None  # generate mode: the model's text; None in score mode
    valid: bool = True  # generate mode: False when the answer did not parse to a known label
    truncated: bool = False  # the query was cut to prompt.MAX_QUERY_CHARS

    def to_dict(self) -> dict:
        return {
            "intent": self.intent,
            "confidence": round(float(self.confidence), 6),
            "alternatives": [{"intent": a, "confidence": round(float(p), 6)} for a, p in self.alternatives],
            "latency_ms": round(self.latency_ms, 3),
            "valid": self.valid,
            "truncated": self.truncated,
        }


@dataclass
class ArtifactInfo:
    """What makes weights a classifier: the label list and the prompt they were trained with."""

    labels: list[str]
    prompt_version: str
    system_prompt: str
    out_of_scope_label: str | None = None
    base: str | None = None
    oos_threshold: float | None = None
    descriptions: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_dir(cls, path: str | Path) -> ArtifactInfo:
        f = Path(path) / INFO_FILE
        if not f.is_file():
            raise UserError(
                f"{path} has no {INFO_FILE} (the label list); point --model at a directory written by "
                "`ecomintent train` (model/merged) or `ecomintent export`"
            )
        try:
            d = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as e:
            raise UserError(f"{f} is not valid JSON ({e}); re-run the stage that wrote it") from None
        if not isinstance(d.get("labels"), list) or not d["labels"]:
            raise UserError(f"{f} has no label list; re-run `ecomintent train`")
        return cls(
            labels=list(d["labels"]),
            prompt_version=str(d.get("prompt_version", "")),
            system_prompt=str(d.get("system_prompt", "")),
            out_of_scope_label=d.get("out_of_scope_label"),
            base=d.get("base"),
            oos_threshold=d.get("oos_threshold"),
            descriptions=dict(d.get("descriptions") or {}),
        )


@runtime_checkable
class Classifier(Protocol):
    """classify(texts) -> one Prediction per text, in order. Never raises on odd text."""

    info: ArtifactInfo
    name: str  # a short name of the loaded artifact, e.g. "model-q4_k_m.gguf"
    mode: str

    def classify(self, texts: list[str], top_k: int = 3) -> list[Prediction]: ...

    def close(self) -> None: ...
