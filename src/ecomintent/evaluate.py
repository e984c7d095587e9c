"""Classification metrics: predictions in, numbers out (no model, no files).

Conventions (the same as scikit-learn's defaults, computed here without it):
- macro-F1 averages the per-label F1 over the labels that occur in the gold or the predicted labels;
- a label never predicted has precision 0, one never in the gold has recall 0, and F1 is 0 when
  precision + recall is 0;
- expected calibration error (ECE): confidences in `n_bins` equal-width bins over [0, 1] (bin b holds
  (b/n, (b+1)/n], the first one also 0), ECE = sum over bins of (bin size / N) * |accuracy - mean
  confidence|.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence

ECE_BINS = 15


def _div(a: float, b: float) -> float:
    return a / b if b else 0.0


def per_label_prf(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> dict[str, dict]:
    """precision, recall, f1 and support of every label in `labels`."""
    tp: Counter = Counter()
    n_pred: Counter = Counter(pred)
    n_gold: Counter = Counter(gold)
    for g, p in zip(gold, pred, strict=True):
        if g == p:
            tp[g] += 1
    out = {}
    for label in labels:
        p = _div(tp[label], n_pred[label])
        r = _div(tp[label], n_gold[label])
        out[label] = {
            "precision": p,
            "recall": r,
            "f1": _div(2 * p * r, p + r),
            "support": n_gold[label],
            "predicted": n_pred[label],
        }
    return out


def macro_f1(gold: Sequence[str], pred: Sequence[str]) -> float:
    present = sorted(set(gold) | set(pred))
    prf = per_label_prf(gold, pred, present)
    return _div(sum(v["f1"] for v in prf.values()), len(present))


def accuracy(gold: Sequence[str], pred: Sequence[str]) -> float:
    return _div(sum(g == p for g, p in zip(gold, pred, strict=True)), len(gold))


def confusion_matrix(gold: Sequence[str], pred: Sequence[str], labels: Sequence[str]) -> list[list[int]]:
    """matrix[i][j] = how many rows of gold label i were predicted as label j (in `labels` order)."""
    index = {label: i for i, label in enumerate(labels)}
    m = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, pred, strict=True):
        m[index[g]][index[p]] += 1
    return m


def expected_calibration_error(
    confidences: Sequence[float], correct: Sequence[bool], n_bins: int = ECE_BINS
) -> tuple[float, list[dict]]:
    """(ECE, per-bin rows {lo, hi, count, accuracy, confidence})."""
    bins: list[list[tuple[float, bool]]] = [[] for _ in range(n_bins)]
    for c, ok in zip(confidences, correct, strict=True):
        c = min(max(float(c), 0.0), 1.0)
        b = max(0, min(n_bins - 1, math.ceil(round(c * n_bins, 9)) - 1))  # bin (b/n, (b+1)/n]
        bins[b].append((c, bool(ok)))
    n = len(confidences)
    ece, rows = 0.0, []
    for b, items in enumerate(bins):
        if not items:
            rows.append(
                {"lo": b / n_bins, "hi": (b + 1) / n_bins, "count": 0, "accuracy": None, "confidence": None}
            )
            continue
        acc = sum(ok for _, ok in items) / len(items)
        conf = sum(c for c, _ in items) / len(items)
        ece += len(items) / n * abs(acc - conf)
        rows.append(
            {
                "lo": b / n_bins,
                "hi": (b + 1) / n_bins,
                "count": len(items),
                "accuracy": acc,
                "confidence": conf,
            }
        )
    return ece, rows


def compute_metrics(
    gold: Sequence[str],
    pred: Sequence[str],
    labels: Sequence[str] | None = None,
    confidences: Sequence[float] | None = None,
    languages: Sequence[str] | None = None,
    valid: Sequence[bool] | None = None,
    oos_label: str | None = None,
    n_bins: int = ECE_BINS,
) -> dict:
    """Every metric of one evaluation run. `labels` fixes the confusion matrix's order (default: the
    labels seen, sorted); `valid` flags generate-mode answers that parsed to a known label."""
    gold, pred = list(gold), list(pred)
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold labels but {len(pred)} predictions")
    n = len(gold)
    seen = sorted(set(gold) | set(pred))
    order = list(labels) if labels is not None else seen
    order += [x for x in seen if x not in order]  # never drop a label that occurs
    out: dict = {
        "n": n,
        "accuracy": accuracy(gold, pred),
        "macro_f1": macro_f1(gold, pred),
        "per_intent": per_label_prf(gold, pred, order),
        "confusion": {"labels": order, "matrix": confusion_matrix(gold, pred, order)},
    }
    if languages is not None:
        by: dict[str, list[bool]] = defaultdict(list)
        for g, p, lang in zip(gold, pred, languages, strict=True):
            by[lang or "?"].append(g == p)
        out["per_language"] = {
            k: {"accuracy": _div(sum(v), len(v)), "n": len(v)} for k, v in sorted(by.items())
        }
    if valid is not None:
        bad = sum(not v for v in valid)
        out["invalid"] = {"count": bad, "rate": _div(bad, n)}
    if oos_label is not None:
        tp = sum(g == oos_label and p == oos_label for g, p in zip(gold, pred, strict=True))
        n_pred = sum(p == oos_label for p in pred)
        n_gold = sum(g == oos_label for g in gold)
        pr, rc = _div(tp, n_pred), _div(tp, n_gold)
        out["out_of_scope"] = {
            "label": oos_label,
            "precision": pr,
            "recall": rc,
            "f1": _div(2 * pr * rc, pr + rc),
            "support": n_gold,
            "predicted": n_pred,
        }
    if confidences is not None:
        ece, rows = expected_calibration_error(
            confidences, [g == p for g, p in zip(gold, pred, strict=True)], n_bins
        )
        out["ece"] = ece
        out["calibration_bins"] = rows
    return out


def thresholded(
    top: Sequence[str], confidences: Sequence[float], threshold: float | None, oos_label: str
) -> list[str]:
    """The predictions under an out-of-scope threshold: top label, or oos_label when less confident."""
    if threshold is None:
        return list(top)
    return [oos_label if c < threshold else t for t, c in zip(top, confidences, strict=True)]


def calibrate_threshold(
    confidences: Sequence[float],
    top: Sequence[str],
    gold: Sequence[str],
    oos_label: str,
    metric: str = "accuracy",
    max_candidates: int = 400,
) -> dict:
    """The out-of-scope threshold that maximises `metric` ("accuracy" or "macro_f1") on a validation
    split: a top label whose confidence is under the threshold is answered as `oos_label`.

    Returns {threshold (None: better off), metric, value, baseline (no threshold), candidates}.
    Ties go to the lowest threshold (the fewest queries turned away).
    """
    if metric not in ("accuracy", "macro_f1"):
        raise ValueError(f"metric must be accuracy or macro_f1, not {metric!r}")
    score = accuracy if metric == "accuracy" else macro_f1
    base = score(gold, list(top))
    cands = sorted(set(float(c) for c in confidences))
    if len(cands) > max_candidates:  # quantiles of the confidences
        step = (len(cands) - 1) / (max_candidates - 1)
        cands = sorted({cands[round(i * step)] for i in range(max_candidates)})
    best_t, best = None, base
    for t in cands:
        v = score(gold, thresholded(top, confidences, t, oos_label))
        if v > best + 1e-12:
            best_t, best = t, v
    return {"threshold": best_t, "metric": metric, "value": best, "baseline": base, "candidates": len(cands)}
