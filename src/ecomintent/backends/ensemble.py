"""A fine-tuned model and the TF-IDF reference as one classifier (`--ensemble DIR`).

The two err differently: the model reads meaning and tolerates unseen phrasings, TF-IDF holds on to
words and character n-grams the model's small vocabulary of examples did not teach it (a language
the base model knows poorly). The ensemble ranks labels by the product of their probabilities,
p_model(label) x p_tfidf(label)^weight, renormalised over the labels (a product of experts: a label
wins when neither model finds it unlikely). The model scores every label exactly (no pruning), so
every label has a probability to combine; the out-of-scope threshold applies to the combined
confidence.
"""

from __future__ import annotations

import math
import time

from ..errors import UserError
from .base import Classifier, Prediction, decide, softmax

FLOOR = 1e-12  # a probability of 0 (a label a model rules out) counts as this, so the other can still vote


class EnsembleClassifier:
    def __init__(self, model: Classifier, reference: Classifier, weight: float = 1.0,
                 threshold: float | None = None) -> None:  # fmt: skip
        if model.mode != "score":
            raise UserError("--ensemble combines label probabilities: use --mode score")
        if not 0 <= weight <= 100:
            raise UserError(f"--ensemble-weight is {weight}; use a weight between 0 and 100 (1: equal say)")
        missing = sorted(set(model.info.labels) - set(reference.info.labels))
        if missing:
            raise UserError(
                f"the ensemble's reference does not know the labels {', '.join(missing[:5])}; "
                "train it on the same dataset (`ecomintent tfidf --data DIR`)"
            )
        self.model, self.reference, self.weight = model, reference, float(weight)
        self.info = model.info
        self.mode = "score"
        self.name = f"{model.name}+{reference.name}"
        self.threshold = threshold

    def classify(self, texts: list[str], top_k: int = 3) -> list[Prediction]:
        labels = self.info.labels
        n = len(labels)
        t0 = time.perf_counter()
        a = self.model.classify(texts, top_k=n)
        b = self.reference.classify(texts, top_k=len(self.reference.info.labels))
        out = []
        for pa, pb in zip(a, b, strict=True):
            da, db = dict(pa.alternatives), dict(pb.alternatives)
            scores = [
                math.log(max(da.get(lab, 0.0), FLOOR)) + self.weight * math.log(max(db.get(lab, 0.0), FLOOR))
                for lab in labels
            ]
            intent, conf, alts = decide(
                labels, softmax(scores), top_k, self.threshold, self.info.out_of_scope_label
            )
            out.append(Prediction(intent=intent, confidence=conf, alternatives=alts, truncated=pa.truncated))
        per = (time.perf_counter() - t0) * 1000 / max(1, len(texts))
        for p in out:
            p.latency_ms = per
        return out

    def close(self) -> None:
        for c in (self.model, self.reference):
            close = getattr(c, "close", None)
            if close:
                close()
