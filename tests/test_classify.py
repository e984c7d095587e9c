"""`ecomintent classify`: every file format, bad rows, order across worker processes, atomic output."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ecomintent.classify import ClassifyOptions, classify_file
from ecomintent.cli import app
from ecomintent.errors import UserError

from .test_serve import FakeClassifier, expected_intent


def fake_loader():
    """Module level, so that worker processes can unpickle it."""
    return FakeClassifier()


def run(tmp_path: Path, inp: Path, out: Path | None, **kw):
    calls = []
    loader = kw.pop("loader", fake_loader)
    opts = ClassifyOptions(model="fake", input=str(inp), output=str(out) if out else None, **kw)
    s = classify_file(opts, loader=loader, progress=lambda d, t: calls.append((d, t)))
    return s, calls


def read_jsonl(p: Path) -> list:
    return [json.loads(line) for line in p.read_text(encoding="utf-8").splitlines()]


def no_temp_files(d: Path) -> bool:
    return not [p for p in d.iterdir() if ".tmp-" in p.name]


JSONL_LINES = [
    '{"id": 1, "text": "where is my order?", "lang": "en"}',
    '{"id": 2, "text": "Ich möchte stornieren"}',
    "{not json",  # line 3
    "",  # a blank line: not a row
    '{"id": 4, "query": "no text field"}',  # line 5
    '{"id": 5, "text": 42}',  # line 6
    '{"id": 6, "text": "   "}',  # line 7
    '["an", "array"]',  # line 8
    '{"id": 7, "text": "comment retourner ces chaussures", "meta": {"a": [1, 2]}}',
]


def test_jsonl_keeps_columns_and_order_and_reports_bad_rows(tmp_path):
    inp = tmp_path / "queries.jsonl"
    inp.write_text("\n".join(JSONL_LINES) + "\n", encoding="utf-8")
    out = tmp_path / "out" / "pred.jsonl"
    s, calls = run(tmp_path, inp, out, batch_size=2)
    rows = read_jsonl(out)
    assert [r["id"] for r in rows] == [1, 2, 7]
    assert rows[0]["lang"] == "en" and rows[2]["meta"] == {"a": [1, 2]}
    for r in rows:
        assert r["intent"] == expected_intent(r["text"]) and r["confidence"] == 0.75
        assert r["alternatives"][0] == {"intent": r["intent"], "confidence": 0.75}
        assert len(r["alternatives"]) == 3
    rejected = read_jsonl(tmp_path / "out" / "pred.rejected.jsonl")
    assert [(r["line"], r["error"].split(" (")[0]) for r in rejected] == [
        (3, "invalid JSON"),
        (5, "no 'text' field"),
        (6, "'text' is a number, not a string"),
        (7, "'text' is empty"),
        (8, "not a JSON object but an array"),
    ]
    assert rejected[0]["input"] == "{not json"  # as read: nothing lost
    assert s.rows == 8 and s.classified == 3 and s.rejected == 5
    assert s.rejected_file == str(tmp_path / "out" / "pred.rejected.jsonl")
    assert calls[-1] == (8, 8)
    assert no_temp_files(out.parent)


def test_on_bad_row_fail_stops_before_writing(tmp_path):
    inp = tmp_path / "q.jsonl"
    inp.write_text("\n".join(JSONL_LINES) + "\n", encoding="utf-8")
    out = tmp_path / "pred.jsonl"
    loaded = []
    with pytest.raises(UserError, match=r"q.jsonl:3: invalid JSON .*--on-bad-row skip"):
        run(tmp_path, inp, out, on_bad_row="fail", loader=lambda: loaded.append(1) or FakeClassifier())
    assert not loaded  # the model was not even loaded
    assert sorted(p.name for p in tmp_path.iterdir()) == ["q.jsonl"]


def test_a_labelled_input_gets_predicted_columns(tmp_path):
    inp = tmp_path / "test.jsonl"
    inp.write_text(
        '{"text": "where is my order", "intent": "order_status"}\n{"text": "cancel it", "intent": "x"}\n'
    )
    out = tmp_path / "p.jsonl"
    s, _ = run(tmp_path, inp, out)
    rows = read_jsonl(out)
    assert s.prediction_fields == ("predicted_intent", "predicted_confidence", "predicted_alternatives")
    assert rows[1]["intent"] == "x" and rows[1]["predicted_intent"] == "cancel_order"


def test_csv_with_a_malformed_row(tmp_path):
    inp = tmp_path / "q.csv"
    inp.write_text(
        "id,text,note\n"
        '1,where is my order?,"multi\nline note"\n'  # lines 2-3
        "2,too,many,fields\n"  # line 4
        "3,,empty text\n"  # line 5
        '4,"please cancel, now",ok\n'  # line 6
        "5,short\n",  # line 7: too few
        encoding="utf-8",
    )
    out = tmp_path / "p.csv"
    s, _ = run(tmp_path, inp, out)
    with open(out, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["id", "text", "note", "intent", "confidence", "alternatives"]
    assert [r["id"] for r in rows] == ["1", "4"]
    assert rows[0]["note"] == "multi\nline note"
    assert rows[1]["intent"] == "cancel_order" and float(rows[1]["confidence"]) == 0.75
    assert json.loads(rows[1]["alternatives"])[0]["intent"] == "cancel_order"
    rejected = read_jsonl(tmp_path / "p.rejected.jsonl")
    assert [r["line"] for r in rejected] == [4, 5, 7]
    assert rejected[0]["input"] == ["2", "too", "many", "fields"]
    assert "4 fields where the header has 3" in rejected[0]["error"]
    assert s.rows == 5 and s.classified == 2 and s.rejected == 3


def test_csv_without_the_text_column_is_one_clear_error(tmp_path):
    inp = tmp_path / "q.csv"
    inp.write_text("id,query\n1,hello\n")
    with pytest.raises(UserError, match="no column 'text' .*--text-column"):
        run(tmp_path, inp, tmp_path / "p.csv")
    s, _ = run(tmp_path, inp, tmp_path / "p.csv", text_column="query")
    assert s.classified == 1


def test_parquet_in_and_out_keeps_the_schema(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    inp = tmp_path / "q.parquet"
    table = pa.table(
        {
            "id": pa.array([1, 2, 3, 4], pa.int32()),
            "text": ["where is my order", None, "retourner", "podemos pagar"],
            "score": [0.5, 1.5, 2.5, 3.5],
        }
    )
    pq.write_table(table, inp, row_group_size=2)
    out = tmp_path / "p.parquet"
    s, calls = run(tmp_path, inp, out, batch_size=1)
    t = pq.read_table(out)
    assert t.schema.field("id").type == pa.int32()
    assert t.schema.field("alternatives").type == pa.list_(
        pa.struct([("intent", pa.string()), ("confidence", pa.float64())])
    )
    rows = t.to_pylist()
    assert [r["id"] for r in rows] == [1, 3, 4]
    assert [r["intent"] for r in rows] == ["order_status", "return_item", "payment_methods"]
    rejected = read_jsonl(tmp_path / "p.rejected.jsonl")
    assert rejected == [{"row": 2, "error": "'text' is null", "input": {"id": 2, "text": None, "score": 1.5}}]
    assert calls[-1] == (4, 4) and s.rejected == 1


def test_jsonl_to_parquet_and_csv_to_jsonl(tmp_path):
    import pyarrow.parquet as pq

    inp = tmp_path / "q.jsonl"
    inp.write_text(
        '{"text": "order 1", "n": 1}\n{"text": "order 2", "n": 2.5, "extra": "late key"}\n{"text": "x", "n": null}\n'
    )
    s, _ = run(tmp_path, inp, tmp_path / "p.parquet")
    rows = pq.read_table(tmp_path / "p.parquet").to_pylist()
    assert [r["n"] for r in rows] == [1.0, 2.5, None]
    assert [r["extra"] for r in rows] == [None, "late key", None]
    # csv output from jsonl: the union of the keys is the header
    s, _ = run(tmp_path, inp, tmp_path / "p2.csv")
    with open(tmp_path / "p2.csv", newline="") as f:
        assert next(csv.reader(f)) == ["text", "n", "extra", "intent", "confidence", "alternatives"]
    csv_in = tmp_path / "c.csv"
    csv_in.write_text("text\nwhere is my order\n")
    run(tmp_path, csv_in, tmp_path / "c.out", format="jsonl")
    assert read_jsonl(tmp_path / "c.out")[0]["intent"] == "order_status"


def test_workers_keep_the_order(tmp_path):
    inp = tmp_path / "q.jsonl"
    texts = [f"query {i} about my order" if i % 3 else f"query {i} cancel" for i in range(300)]
    with open(inp, "w") as f:
        for i, t in enumerate(texts):
            f.write(json.dumps({"i": i, "text": t}) + "\n")
            if i == 150:
                f.write("{broken\n")
    s, _ = run(tmp_path, inp, tmp_path / "p.jsonl", workers=2, batch_size=7)
    rows = read_jsonl(tmp_path / "p.jsonl")
    assert [r["i"] for r in rows] == list(range(300))
    assert [r["intent"] for r in rows] == [expected_intent(t) for t in texts]
    assert s.rejected == 1 and read_jsonl(tmp_path / "p.rejected.jsonl")[0]["line"] == 152


def test_streaming_uses_constant_memory(tmp_path):
    import tracemalloc

    inp = tmp_path / "big.jsonl"
    with open(inp, "w") as f:
        for i in range(15_000):
            f.write(json.dumps({"i": i, "text": f"where is my order number {i}?", "pad": "x" * 400}) + "\n")

    def forgetful_fake():  # the fake records its batches; not here
        from collections import deque

        f = FakeClassifier()
        f.batches = deque(maxlen=1)
        return f

    tracemalloc.start()
    try:
        s, _ = run(tmp_path, inp, tmp_path / "p.jsonl", batch_size=64, loader=forgetful_fake)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert s.classified == 15_000
    assert inp.stat().st_size > 6e6 and peak < 1e6, peak  # a tiny fraction of the file


def test_output_is_not_the_input_and_formats_are_checked(tmp_path):
    inp = tmp_path / "q.jsonl"
    inp.write_text('{"text": "a"}\n')
    with pytest.raises(UserError, match="--output is the input"):
        run(tmp_path, inp, inp)
    with pytest.raises(UserError, match="--format"):
        run(tmp_path, inp, tmp_path / "out.xlsx")
    with pytest.raises(UserError, match="does not exist"):
        run(tmp_path, tmp_path / "missing.jsonl", tmp_path / "o.jsonl")


runner = CliRunner()


def test_cli_classify_on_the_tiny_model(tiny_classifiers, tmp_path):
    """The real loader on the tiny HF artifact: a file with a bad row, then standard input."""
    model = str(tiny_classifiers["llama"])
    inp = tmp_path / "q.jsonl"
    inp.write_text('{"text": "wo ist meine bestellung"}\n{"txt": "oops"}\n{"text": "je veux annuler"}\n')
    out = tmp_path / "p.csv"
    r = runner.invoke(app, ["classify", "--model", model, "--input", str(inp), "--output", str(out),
                            "--workers", "2"])  # fmt: skip
    assert r.exit_code == 0, r.output
    assert "classified 2 of 3 rows" in r.output and "skipped 1 bad rows" in r.output and "line 2" in r.output
    with open(out, newline="") as f:
        rows = list(csv.DictReader(f))
    labels = json.loads((Path(model) / "ecomintent.json").read_text())["labels"]
    assert len(rows) == 2 and all(x["intent"] in labels for x in rows)
    r = runner.invoke(
        app,
        [
            "classify",
            "--model",
            model,
            "--input",
            "-",
            "--threads",
            "1",
            "--rejected",
            str(tmp_path / "rej.jsonl"),
        ],
        input='{"text": "hello"}\n',
    )
    assert r.exit_code == 0, r.output
    line = next(ln for ln in r.stdout.splitlines() if ln.startswith("{"))
    assert json.loads(line)["intent"] in labels
    r = runner.invoke(app, ["classify", "--model", model, "--input", str(inp), "--on-bad-row", "fail"])
    assert r.exit_code == 2 and "q.jsonl:2: no 'text' field" in r.output


def test_cli_classify_with_the_tfidf_ensemble(tiny_classifiers, small_dataset, tmp_path):
    """`classify --ensemble DIR` answers what the ensemble classifier answers; a generate-mode
    ensemble is one clear error."""
    from ecomintent.backends import load_classifier
    from ecomintent.backends.tfidf import train

    model = str(tiny_classifiers["llama"])
    ref = tmp_path / "tfidf"
    train(small_dataset[0], ref)
    texts = ["wo ist meine bestellung", "je veux annuler", "refund please", "zła kurtka"]
    inp = tmp_path / "q.jsonl"
    inp.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts))
    out = tmp_path / "p.jsonl"
    r = runner.invoke(app, ["classify", "--model", model, "--input", str(inp), "--output", str(out),
                            "--ensemble", str(ref), "--ensemble-weight", "0.5"])  # fmt: skip
    assert r.exit_code == 0, r.output
    got = [json.loads(x) for x in out.read_text().splitlines()]
    want = load_classifier(model, ensemble=str(ref), ensemble_weight=0.5).classify(texts)
    assert [g["intent"] for g in got] == [w.intent for w in want]
    assert [round(g["confidence"], 4) for g in got] == [round(w.confidence, 4) for w in want]
    r = runner.invoke(app, ["classify", "--model", model, "--input", str(inp), "--mode", "generate",
                            "--ensemble", str(ref)])  # fmt: skip
    assert r.exit_code == 2 and "use --mode score" in r.output


def test_cli_classify_broken_model_is_one_line(tmp_path):
    inp = tmp_path / "q.jsonl"
    inp.write_text('{"text": "a"}\n')
    bad = tmp_path / "m.gguf"
    bad.write_bytes(b"GGUF\x03\x00\x00\x00garbage")
    r = runner.invoke(
        app, ["classify", "--model", str(bad), "--input", str(inp), "-o", str(tmp_path / "o.jsonl")]
    )
    assert r.exit_code == 2 and "error:" in r.output and "m.gguf" in r.output and "Traceback" not in r.output
    assert not (tmp_path / "o.jsonl").exists() and no_temp_files(tmp_path)


def test_loader_passes_dtype_and_pruning_to_the_hf_backend(tiny_classifiers):
    import torch

    from ecomintent.classify import load_for_classify

    model = str(tiny_classifiers["llama"])
    clf = load_for_classify(model, None, "score", "cpu", 1, 0.05, "bf16")
    assert clf.scorer.dtype == torch.bfloat16 and clf.prune == 0.05
    exact = load_for_classify(model, None, "score", "cpu", 1, 0.0, None)
    assert exact.scorer.dtype == torch.float32 and exact.prune == 0.0
    texts = ["wo ist meine bestellung", "je veux annuler"]
    a, b = clf.classify(texts), exact.classify(texts)
    labels = set(exact.info.labels)
    assert all(p.intent in labels for p in a + b)
    with pytest.raises(UserError, match="unknown dtype"):
        load_for_classify(model, None, "score", "cpu", 1, 0.0, "int3")
