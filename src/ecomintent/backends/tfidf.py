"""TF-IDF + logistic regression: the classical baseline every model has to beat.

Word 1-2-grams and character 2-5-grams within word boundaries (`char_wb`: robust to typos, and to
scripts and languages without spaces), sublinear TF, then multinomial logistic regression. Trained on
the train split of a dataset directory; saved as a directory with `tfidf.joblib` (the fitted
scikit-learn pipeline; joblib is pickle: load only directories you made) and `ecomintent.json`.
"""

from __future__ import annotations

import time
from pathlib import Path

from ..errors import UserError
from ..fileio import atomic_dir, dump_json
from .base import INFO_FILE, ArtifactInfo, Prediction, decide, prepare_text

MODEL_FILE = "tfidf.joblib"


def build_pipeline(c: float = 10.0, seed: int = 0):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline

    features = FeatureUnion(
        [
            ("word", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, lowercase=True)),
            (
                "char",
                TfidfVectorizer(
                    analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, lowercase=True, min_df=2
                ),
            ),
        ]
    )
    return Pipeline(
        [("features", features), ("clf", LogisticRegression(C=c, max_iter=3000, random_state=seed))]
    )


def _dataset_labels(data_dir: Path, seen: list[str]) -> tuple[list[str], dict[str, str]]:
    """The taxonomy's label order and descriptions when the dataset carries its taxonomy."""
    tax = data_dir / "taxonomy.yaml"
    if tax.is_file():
        from ..taxonomy import load_taxonomy

        t = load_taxonomy(tax)
        labels = list(t.labels) + sorted(set(seen) - set(t.labels))
        return labels, {i.name: i.description for i in t.intents}
    return sorted(set(seen)), {}


def train(
    data_dir: str | Path, out_dir: str | Path, c: float = 10.0, seed: int = 0, force: bool = True
) -> dict:
    """Fit the TF-IDF classifier on DATA/train.jsonl, measure it on DATA/val.jsonl, write OUT."""
    import joblib

    from .. import OUT_OF_SCOPE
    from ..data import read_split
    from ..prompt import PROMPT_VERSION

    data_dir, out_dir = Path(data_dir), Path(out_dir)
    rows = read_split(data_dir, "train")
    if not rows:
        raise UserError(f"{data_dir}/train.jsonl has no rows; generate a dataset with `ecomintent data`")
    texts = [prepare_text(r.get("text"))[0] for r in rows]
    gold = [str(r["intent"]) for r in rows]
    if len(set(gold)) < 2:
        raise UserError(f"{data_dir}/train.jsonl has fewer than two intents; a classifier needs at least two")
    t0 = time.perf_counter()
    model = build_pipeline(c, seed).fit(texts, gold)
    fit_s = time.perf_counter() - t0
    labels, descriptions = _dataset_labels(data_dir, gold)
    metrics = {"train_rows": len(rows), "fit_seconds": round(fit_s, 2)}
    if (data_dir / "val.jsonl").is_file():
        val = read_split(data_dir, "val")
        if val:
            pred = model.predict([prepare_text(r.get("text"))[0] for r in val])
            metrics["val_accuracy"] = round(
                sum(p == r["intent"] for p, r in zip(pred, val, strict=True)) / len(val), 4
            )
            metrics["val_rows"] = len(val)
    info = ArtifactInfo(
        labels=labels,
        prompt_version=PROMPT_VERSION,
        system_prompt="",
        out_of_scope_label=OUT_OF_SCOPE if OUT_OF_SCOPE in labels else None,
        base="tfidf",
        descriptions=descriptions,
    )
    with atomic_dir(out_dir, force=force) as tmp:
        joblib.dump(model, tmp / MODEL_FILE, compress=3)
        dump_json(info.to_dict() | {"backend": "tfidf", "metrics": metrics}, tmp / INFO_FILE)
    return {"out": str(out_dir), "labels": len(labels), **metrics}


class TfidfClassifier:
    backend = "tfidf"

    def __init__(
        self, directory: str | Path, info: ArtifactInfo | None = None, threshold: float | None = None
    ):
        import joblib

        d = Path(directory)
        f = d / MODEL_FILE
        if not f.is_file():
            raise UserError(
                f"{d} is not a classifier artifact: it has no {MODEL_FILE}; train one with `ecomintent tfidf`"
            )
        self.info = info or ArtifactInfo.from_dir(d)
        try:
            self.model = joblib.load(f)
            classes = [str(x) for x in self.model.classes_]
        except Exception as e:  # a broken or foreign pickle
            raise UserError(
                f"{d} is not a classifier artifact: {MODEL_FILE} does not load ({type(e).__name__}: {e}); "
                "train it again with `ecomintent tfidf`"
            ) from None
        unknown = sorted(set(classes) - set(self.info.labels))
        if unknown:
            raise UserError(
                f"{d}: the model predicts labels missing from {INFO_FILE}: {unknown}; train it again"
            )
        self._cols = [self.info.labels.index(c) for c in classes]
        self.mode = "score"
        self.name = d.name
        self.threshold = threshold if threshold is not None else self.info.oos_threshold

    def classify(self, texts: list[str], top_k: int = 3) -> list[Prediction]:
        if not texts:
            return []
        prepared = [prepare_text(t) for t in texts]
        t0 = time.perf_counter()
        proba = self.model.predict_proba([q for q, _ in prepared])
        ms = (time.perf_counter() - t0) * 1000 / len(texts)
        out = []
        n = len(self.info.labels)
        for row, (_, trunc) in zip(proba, prepared, strict=True):
            probs = [0.0] * n
            for col, p in zip(self._cols, row, strict=True):
                probs[col] = float(p)
            intent, conf, alts = decide(
                self.info.labels, probs, top_k, self.threshold, self.info.out_of_scope_label
            )
            out.append(Prediction(intent, conf, alts, ms, truncated=trunc))
        return out

    def close(self) -> None:
        self.model = None
