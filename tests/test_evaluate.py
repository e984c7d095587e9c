"""Metrics against hand-computed values, threshold calibration, and `ecomintent eval` end to end
(on the TF-IDF baseline: fast and real)."""

from __future__ import annotations

import json

import pytest

from ecomintent.backends.base import Prediction, apply_threshold, decide
from ecomintent.errors import UserError
from ecomintent.evaluate import (
    calibrate_threshold,
    compute_metrics,
    expected_calibration_error,
    macro_f1,
    thresholded,
)

GOLD = ["a", "a", "b", "b", "c", "oos"]
PRED = ["a", "b", "b", "b", "oos", "oos"]


def test_metrics_match_hand_computed_values():
    m = compute_metrics(
        GOLD,
        PRED,
        labels=["a", "b", "c", "oos"],
        confidences=[0.9, 0.6, 0.8, 0.7, 0.3, 0.95],
        languages=["en", "de", "en", "de", "en", "de"],
        valid=[True, True, True, False, True, True],
        oos_label="oos",
    )
    assert m["n"] == 6
    assert m["accuracy"] == pytest.approx(4 / 6)
    pi = m["per_intent"]
    assert (pi["a"]["precision"], pi["a"]["recall"], pi["a"]["f1"], pi["a"]["support"]) == pytest.approx(
        (1, 0.5, 2 / 3, 2)
    )
    assert (pi["b"]["precision"], pi["b"]["recall"], pi["b"]["f1"]) == pytest.approx((2 / 3, 1, 0.8))
    assert (pi["c"]["precision"], pi["c"]["recall"], pi["c"]["f1"], pi["c"]["support"]) == (0, 0, 0, 1)
    assert pi["oos"]["f1"] == pytest.approx(2 / 3)
    assert m["macro_f1"] == pytest.approx((2 / 3 + 0.8 + 0 + 2 / 3) / 4)
    assert m["confusion"] == {
        "labels": ["a", "b", "c", "oos"],
        "matrix": [[1, 1, 0, 0], [0, 2, 0, 0], [0, 0, 0, 1], [0, 0, 0, 1]],
    }
    assert m["per_language"] == {
        "de": {"accuracy": pytest.approx(2 / 3), "n": 3},
        "en": {"accuracy": pytest.approx(2 / 3), "n": 3},
    }
    assert m["invalid"] == {"count": 1, "rate": pytest.approx(1 / 6)}
    o = m["out_of_scope"]
    assert (o["precision"], o["recall"], o["support"], o["predicted"]) == (0.5, 1.0, 1, 2)
    # every confidence in its own bin: the mean of |correct - confidence|
    assert m["ece"] == pytest.approx((0.1 + 0.6 + 0.2 + 0.3 + 0.3 + 0.05) / 6)


def test_macro_f1_matches_scikit_learn():
    from sklearn.metrics import accuracy_score, f1_score

    assert macro_f1(GOLD, PRED) == pytest.approx(f1_score(GOLD, PRED, average="macro"))
    assert compute_metrics(GOLD, PRED)["accuracy"] == pytest.approx(accuracy_score(GOLD, PRED))


def test_ece_bins_are_shared_and_edges_are_right():
    ece, bins = expected_calibration_error([0.61, 0.65], [True, False])  # both in (9/15, 10/15]
    assert ece == pytest.approx(abs(0.5 - 0.63))
    assert [b["count"] for b in bins].count(2) == 1
    assert expected_calibration_error([1.0, 0.0], [True, False])[0] == pytest.approx(0.0)
    ece, bins = expected_calibration_error([2 / 15], [True])  # on an edge: the lower bin (1/15, 2/15]
    assert bins[1]["count"] == 1 and ece == pytest.approx(1 - 2 / 15)


def test_unknown_predicted_labels_are_kept_in_the_confusion_matrix():
    m = compute_metrics(["a"], ["zzz"], labels=["a"])
    assert m["confusion"]["labels"] == ["a", "zzz"]


def test_calibrate_threshold_maximises_accuracy():
    conf = [0.9, 0.4, 0.8, 0.3, 0.7]
    top = ["a", "b", "a", "c", "b"]
    gold = ["a", "oos", "a", "oos", "b"]
    r = calibrate_threshold(conf, top, gold, "oos")
    assert r["baseline"] == pytest.approx(3 / 5)
    assert r["threshold"] == pytest.approx(0.7)
    assert r["value"] == pytest.approx(1.0)
    assert thresholded(top, conf, 0.7, "oos") == ["a", "oos", "a", "oos", "b"]
    # nothing to gain: no threshold
    assert calibrate_threshold([0.9, 0.2], ["a", "b"], ["a", "b"], "oos")["threshold"] is None
    r = calibrate_threshold(conf, top, gold, "oos", metric="macro_f1")
    assert r["metric"] == "macro_f1" and r["threshold"] == pytest.approx(0.7)


def test_decide_and_apply_threshold():
    labels = ["a", "b", "oos"]
    intent, conf, alts = decide(labels, [0.5, 0.3, 0.2], top_k=2, threshold=0.6, oos_label="oos")
    assert (intent, conf) == ("oos", 0.2) and alts == [("a", 0.5), ("b", 0.3)]
    assert decide(labels, [0.5, 0.3, 0.2], threshold=None, oos_label="oos")[0] == "a"
    assert decide(labels, [0.5, 0.3, 0.2], threshold=0.6, oos_label=None)[0] == "a"  # no OOS label: off
    p = Prediction("a", 0.5, [("a", 0.5), ("b", 0.3), ("oos", 0.2)])
    assert apply_threshold(p, 0.6, "oos").intent == "oos"
    assert apply_threshold(p, 0.4, "oos").intent == "a"
    gen = Prediction("a", 1.0, [("a", 1.0)], raw='{"intent": "a"}')
    assert apply_threshold(gen, 0.99, "oos") is gen  # generate mode: untouched


# --- evaluate_artifact / `ecomintent eval` on the TF-IDF baseline ------------------------------------


@pytest.fixture(scope="module")
def tfidf_model(tmp_path_factory, small_dataset):
    from ecomintent.backends.tfidf import train

    out = tmp_path_factory.mktemp("tfidf_eval") / "tfidf"
    train(small_dataset[0], out)
    return out


def test_evaluate_artifact_writes_every_output(tfidf_model, small_dataset, tmp_path):
    from ecomintent.commands.eval import evaluate_artifact

    out = tmp_path / "eval"
    r = evaluate_artifact(tfidf_model, small_dataset[0], out=out, calibrate_on=small_dataset[0], limit=300)
    for f in ("eval.json", "summary.md", "confusion.csv", "confusion.png", "predictions.jsonl"):
        assert (out / f).is_file() and (out / f).stat().st_size > 0, f
    saved = json.loads((out / "eval.json").read_text())
    assert saved["metrics"]["accuracy"] == pytest.approx(r["metrics"]["accuracy"])
    assert saved["backend"] == "tfidf" and saved["mode"] == "score" and saved["data"]["rows"] == 300
    assert saved["threshold"]["source"] == "calibrated"
    assert saved["threshold"]["calibration"]["value"] >= saved["threshold"]["calibration"]["baseline"]
    assert set(saved["metrics"]["per_language"]) == set(small_dataset[2]["languages"])
    assert 0.5 < r["metrics"]["accuracy"] <= 1.0
    assert (
        r["timing"]["queries_per_second"] > 0
        and r["timing"]["latency_ms_p95"] >= r["timing"]["latency_ms_p50"]
    )
    assert (out / "confusion.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    rows = (out / "confusion.csv").read_text().splitlines()
    assert (
        rows[0].startswith("gold\\predicted,")
        and len(rows) == len(saved["metrics"]["confusion"]["labels"]) + 1
    )
    assert "| accuracy |" in (out / "summary.md").read_text()


def test_bring_your_own_csv_with_label_map_and_bad_bytes(tfidf_model, tmp_path):
    from ecomintent.commands.eval import evaluate_artifact

    data = tmp_path / "shop.csv"
    data.write_bytes(
        b"message;label\nwhere is my parcel?;where_is_it\nI want my money back;money_back\n"
        + b"caf\xc3 \xff\xfe broken bytes;where_is_it\n"
    )
    lm = tmp_path / "map.yaml"
    lm.write_text("where_is_it: order_status\nmoney_back: refund_request\n")
    r = evaluate_artifact(tfidf_model, data, text_column="message", label_column="label", label_map=lm)
    assert r["metrics"]["n"] == 3
    assert r["data"]["label_map"] == str(lm)

    with pytest.raises(UserError) as e:  # unmapped labels: listed, with the fix
        evaluate_artifact(tfidf_model, data, text_column="message", label_column="label")
    assert "'where_is_it' (2)" in str(e.value) and "--label-map" in str(e.value)
    with pytest.raises(UserError, match="has no column 'text'"):
        evaluate_artifact(tfidf_model, data)
    bad = tmp_path / "bad.json"
    bad.write_text('{"where_is_it": "no_such_label"}')
    with pytest.raises(UserError, match="does not have"):
        evaluate_artifact(tfidf_model, data, text_column="message", label_column="label", label_map=bad)


def test_eval_command_line(tfidf_model, small_dataset, tmp_path):
    from typer.testing import CliRunner

    from ecomintent.cli import app

    runner = CliRunner()
    out = tmp_path / "ev"
    res = runner.invoke(app, ["eval", "--model", str(tfidf_model), "--data", str(small_dataset[0]), "--limit", "50",
                              "--out", str(out), "--batch-size", "8"])  # fmt: skip
    assert res.exit_code == 0, res.output
    assert "accuracy" in res.output and (out / "eval.json").is_file()
    res = runner.invoke(app, ["eval", "--model", str(tmp_path / "nope"), "--data", str(small_dataset[0])])
    assert res.exit_code == 2 and "does not exist" in res.output
    jl = tmp_path / "x.jsonl"
    jl.write_text('{"text": "hello", "intent": "greeting_smalltalk_xyz"}\n')
    res = runner.invoke(app, ["eval", "--model", str(tfidf_model), "--data", str(jl)])
    assert res.exit_code == 2 and "--label-map" in res.output
