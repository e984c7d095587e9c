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
import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, runtime_checkable

from ..errors import UserError
from ..prompt import clean_query

INFO_FILE = "ecomintent.json"  # beside the weights of a merged/GPTQ/TF-IDF directory

# GGUF metadata keys (written by export, read by the gguf backend, serve and classify)
GGUF_LABELS = "ecomintent.labels"  # array of strings, in score order
GGUF_PROMPT_VERSION = "ecomintent.prompt_version"  # string, prompt.PROMPT_VERSION
GGUF_SYSTEM_PROMPT = "ecomintent.system_prompt"  # string, prompt.SYSTEM at training time
GGUF_OOS_LABEL = "ecomintent.out_of_scope_label"  # string ("" when the taxonomy has none)
GGUF_BASE = "ecomintent.base"  # string: the base model it was fine-tuned from
GGUF_THRESHOLD = "ecomintent.oos_threshold"  # float32, optional: calibrated confidence threshold
GGUF_DESCRIPTIONS = "ecomintent.descriptions"  # string: JSON object label -> description
# Optional: whether prompt.PromptFormat put a BOS token in front of prompts whose template does not
# write one (the tokenizer's `add_bos_token` at training time). Absent: false, as for the packaged bases.
GGUF_ADD_BOS = "ecomintent.add_bos"  # bool

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
    def from_dict(cls, d: dict, where: str = "the artifact") -> ArtifactInfo:
        labels = d.get("labels")
        if not isinstance(labels, list) or not labels or not all(isinstance(x, str) and x for x in labels):
            raise UserError(f"{where} has no label list; re-run `ecomintent train`")
        if len(set(labels)) != len(labels):
            raise UserError(f"{where} lists a label twice; re-run `ecomintent train`")
        oos = d.get("out_of_scope_label") or None
        if oos is not None and oos not in labels:
            raise UserError(
                f"{where}: out_of_scope_label {oos!r} is not one of its labels; re-run the export"
            )
        thr = d.get("oos_threshold")
        return cls(
            labels=list(labels),
            prompt_version=str(d.get("prompt_version", "")),
            system_prompt=str(d.get("system_prompt", "")),
            out_of_scope_label=oos,
            base=d.get("base"),
            oos_threshold=float(thr) if thr is not None else None,
            descriptions=dict(d.get("descriptions") or {}),
        )

    def to_dict(self) -> dict:
        return {
            "format": "ecomintent-classifier",
            "prompt_version": self.prompt_version,
            "system_prompt": self.system_prompt,
            "labels": list(self.labels),
            "out_of_scope_label": self.out_of_scope_label,
            "base": self.base,
            "oos_threshold": self.oos_threshold,
            "descriptions": dict(self.descriptions),
        }

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
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            raise UserError(f"{f} is not valid JSON ({e}); re-run the stage that wrote it") from None
        if not isinstance(d, dict):
            raise UserError(f"{f} is not a JSON object; re-run the stage that wrote it")
        return cls.from_dict(d, str(f))


@runtime_checkable
class Classifier(Protocol):
    """classify(texts) -> one Prediction per text, in order. Never raises on odd text."""

    info: ArtifactInfo
    name: str  # a short name of the loaded artifact, e.g. "model-q4_k_m.gguf"
    mode: str

    def classify(self, texts: list[str], top_k: int = 3) -> list[Prediction]: ...

    def close(self) -> None: ...


# --- helpers every backend shares -----------------------------------------------------------------


def prepare_text(text) -> tuple[str, bool]:
    """Any input (str, bytes with invalid UTF-8, None, a number) -> (clean query, truncated)."""
    if text is None:
        text = ""
    elif isinstance(text, (bytes, bytearray, memoryview)):
        text = bytes(text).decode("utf-8", errors="replace")
    elif not isinstance(text, str):
        text = str(text)
    return clean_query(text)


def softmax(scores: Sequence[float]) -> list[float]:
    """Softmax of log-scores; -inf entries get probability 0 (all -inf: uniform)."""
    ok = [math.isfinite(s) for s in scores]
    if not any(ok):
        return [1.0 / len(scores)] * len(scores) if scores else []
    m = max(s for s, good in zip(scores, ok, strict=True) if good)
    e = [math.exp(s - m) if good else 0.0 for s, good in zip(scores, ok, strict=True)]
    z = sum(e)
    return [x / z for x in e]


def decide(
    labels: list[str],
    probs: Sequence[float],
    top_k: int = 3,
    threshold: float | None = None,
    oos_label: str | None = None,
) -> tuple[str, float, list[tuple[str, float]]]:
    """(intent, confidence, alternatives) from probabilities over the labels.

    The alternatives are the model's top-k, best first, before any threshold. With a threshold and an
    out-of-scope label, a top confidence under the threshold answers the out-of-scope label (its
    confidence: its own probability).
    """
    order = sorted(range(len(labels)), key=lambda i: (-probs[i], i))
    k = max(1, int(top_k)) if top_k is not None else 1
    alternatives = [(labels[i], float(probs[i])) for i in order[:k]]
    best = order[0]
    intent, conf = labels[best], float(probs[best])
    if threshold is not None and oos_label is not None and conf < threshold and intent != oos_label:
        intent, conf = oos_label, float(probs[labels.index(oos_label)])
    return intent, conf, alternatives


def apply_threshold(pred: Prediction, threshold: float | None, oos_label: str | None) -> Prediction:
    """A prediction re-decided under another threshold, from its alternatives (the model's top-k).

    Used to calibrate and evaluate a threshold without running the model again. Generate-mode
    predictions (confidence 1.0 or 0.0) are returned as they are.
    """
    if threshold is None or oos_label is None or not pred.alternatives or pred.raw is not None:
        return pred
    top, conf = pred.alternatives[0]
    intent, confidence = top, conf
    if conf < threshold and top != oos_label:
        intent = oos_label
        confidence = next((p for a, p in pred.alternatives if a == oos_label), 0.0)
    return Prediction(
        intent=intent,
        confidence=confidence,
        alternatives=list(pred.alternatives),
        latency_ms=pred.latency_ms,
        raw=pred.raw,
        valid=pred.valid,
        truncated=pred.truncated,
    )


def fallback_label(info: ArtifactInfo) -> str:
    """What an invalid generated answer counts as: the out-of-scope label, else the first label."""
    return info.out_of_scope_label or info.labels[0]


def generated_prediction(info: ArtifactInfo, raw: str, latency_ms: float, truncated: bool) -> Prediction:
    """A generate-mode prediction from the model's text: valid (confidence 1) or counted invalid."""
    from ..prompt import parse_answer

    label = parse_answer(raw, info.labels)
    if label is None:
        fb = fallback_label(info)
        return Prediction(fb, 0.0, [(fb, 0.0)], latency_ms, raw=raw, valid=False, truncated=truncated)
    return Prediction(label, 1.0, [(label, 1.0)], latency_ms, raw=raw, valid=True, truncated=truncated)


def distinct_prefixes(sequences: list[list[int]]) -> list[list[int]]:
    """Each label's answer tokens up to the first one that no other label has at that place: what
    `score` mode scores.

    Once the answer has told a label apart from every other, the rest of it is that label's own
    spelling and end (`_status"}<eos>`), which the fine-tuned model writes with a probability near 1
    and which no other label competes for. Scoring it would cost one vocabulary projection per
    token (Gemma 3's is 262k rows) and change no ranking, so a label's score is log P(the answer
    starts with its distinct prefix). With the default taxonomy and Gemma 3's tokenizer, 20 of the
    26 labels are told apart by their first token, and the trie shrinks from 92 nodes to 8.
    A sequence that is a prefix of another is kept whole."""
    seqs = [list(map(int, s)) for s in sequences]
    out = []
    for k, s in enumerate(seqs):
        others = [o for j, o in enumerate(seqs) if j != k]
        d = 1
        while d < len(s) and any(o[:d] == s[:d] for o in others):
            d += 1
        out.append(s[:d])
    return out


class LabelTrie:
    """The labels' answer token sequences as a prefix tree, for exact scoring with shared work.

    A label's log-probability is the sum over its tokens t_d of log p(t_d | prompt, t_<d). Token 0 is
    predicted by the prompt's last position (the root); token d > 0 by the node of the prefix t_<=d-1.
    `nodes` are the prefixes that predict something (every prefix but a full sequence that no other
    sequence extends), in depth-first order, so a node's parent always comes before it.
    """

    def __init__(self, sequences: list[list[int]]):
        if not sequences or any(len(s) == 0 for s in sequences):
            raise ValueError("every label needs at least one answer token")
        self.sequences = [list(map(int, s)) for s in sequences]
        index: dict[tuple[int, ...], int] = {}
        self.nodes: list[tuple[int, ...]] = []
        self.parent: list[int] = []  # -1: the root (the prompt)
        self.depth: list[int] = []  # 0 for a label's first token
        self.members: list[list[int]] = []  # the labels whose sequence passes through the node
        # Depth-first by first appearance, so that labels sharing a prefix sit together.
        for k, seq in enumerate(self.sequences):
            for d in range(1, len(seq)):
                prefix = tuple(seq[:d])
                if prefix not in index:
                    index[prefix] = len(self.nodes)
                    self.nodes.append(prefix)
                    self.parent.append(index[prefix[:-1]] if d > 1 else -1)
                    self.depth.append(d - 1)
                    self.members.append([])
                self.members[index[prefix]].append(k)
        order = sorted(range(len(self.nodes)), key=lambda i: self.nodes[i])  # lexicographic = DFS
        remap = {old: new for new, old in enumerate(order)}
        self.nodes = [self.nodes[i] for i in order]
        self.parent = [remap[self.parent[i]] if self.parent[i] >= 0 else -1 for i in order]
        self.depth = [self.depth[i] for i in order]
        self.members = [self.members[i] for i in order]
        self.index = {p: i for i, p in enumerate(self.nodes)}
        self.tokens = [p[-1] for p in self.nodes]
        # steps[k] = [(node or -1 for the root, token)] for label k
        self.steps = [
            [(self.index[tuple(seq[:d])] if d else -1, seq[d]) for d in range(len(seq))]
            for seq in self.sequences
        ]
        # First-token groups: labels that share their first token share all work below it.
        groups: dict[int, list[int]] = {}
        for k, seq in enumerate(self.sequences):
            groups.setdefault(seq[0], []).append(k)
        self.groups = groups
        self.group_nodes = {t: [i for i, p in enumerate(self.nodes) if p[0] == t] for t in groups}

    def __len__(self) -> int:
        return len(self.nodes)

    def ancestors_or_self(self, i: int) -> list[int]:
        out = []
        while i >= 0:
            out.append(i)
            i = self.parent[i]
        return out[::-1]


# -- pruned scoring: which first-token groups to score ---------------------------------------------
# A label's probability is at most its first token's (the rest of its tokens multiply in factors
# <= 1), so a first-token group carries at most that token's mass. Both local backends score the
# likeliest groups first and stop once the unscored groups cannot matter: the best label is exact and
# the softmax over the scored labels is within `prune` of the exact one.


def keep_scored(alternatives: list, labels: list[str], scores: Sequence[float]) -> list:
    """The alternatives whose label was scored (pruned labels have score -inf and hold less than
    the pruning tolerance of the mass: they are not offered as alternatives)."""
    return [(a, p) for a, p in alternatives if math.isfinite(scores[labels.index(a)])]


DEFAULT_PRUNE = 0.01  # what serve, classify, eval and bench use unless told otherwise (answers exact)


def prune_first_round(groups: list, mass: dict, prune: float) -> list:
    """The likeliest groups (`groups` sorted by mass, descending) until the rest holds at most
    `prune` times the mass taken; every group when prune <= 0."""
    if prune <= 0:
        return list(groups)
    todo, covered = [], 0.0
    tail = [0.0] * (len(groups) + 1)
    for i in range(len(groups) - 1, -1, -1):
        tail[i] = tail[i + 1] + mass[groups[i]]
    for i, g in enumerate(groups):
        if todo and tail[i] <= prune * covered:
            break
        todo.append(g)
        covered += mass[g]
    return todo


def prune_next_round(rest: list, mass: dict, prune: float, z: float, best: float) -> list:
    """After scoring: the unscored groups (`rest`, descending mass) still to score so that they
    can change neither the answer (a group's mass below the best label's probability `best`) nor
    the confidence (their mass at most `prune` times `z`, the scored labels' total)."""
    if prune <= 0:
        return list(rest)
    todo, left = [], sum(mass[g] for g in rest)
    for g in rest:
        if left <= prune * z and mass[g] < best:
            break
        todo.append(g)
        left -= mass[g]
    return todo
