"""The stage runner behind `ecomintent run`: skip what is up to date, redo what changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ecomintent.errors import UserError
from ecomintent.pipeline import MANIFEST, Stage, run_stages


def _stages(root, calls, settings_b=None, fail_b=False):
    src = root / "input.txt"
    a_out, b_out = root / "a.txt", root / "b.txt"

    def run_a():
        calls.append("a")
        a_out.write_text(src.read_text().upper())
        return {"chars": len(src.read_text())}

    def run_b():
        calls.append("b")
        if fail_b:
            raise RuntimeError("b broke")
        b_out.write_text(a_out.read_text() + "!")
        return {}

    return [
        Stage("a", {"upper": True}, lambda: [src], [a_out], run_a),
        Stage("b", settings_b or {"suffix": "!"}, lambda: [a_out], [b_out], run_b),
    ]


def test_second_run_skips_everything_and_changes_propagate(tmp_path):
    (tmp_path / "input.txt").write_text("hello")
    calls: list[str] = []
    res = run_stages(tmp_path, _stages(tmp_path, calls))
    assert [r.status for r in res] == ["done", "done"] and calls == ["a", "b"]
    assert (tmp_path / "b.txt").read_text() == "HELLO!"
    m = json.loads((tmp_path / MANIFEST).read_text())
    assert set(m["stages"]) == {"a", "b"}
    assert (
        m["stages"]["a"]["summary"] == {"chars": 5} and m["stages"]["a"]["inputs"]["input.txt"] != "missing"
    )
    assert all("wall_s" in s and s["status"] == "done" for s in m["stages"].values())

    calls.clear()
    res = run_stages(tmp_path, _stages(tmp_path, calls))
    assert [r.status for r in res] == ["skipped", "skipped"] and calls == []

    # a changed setting re-does only that stage
    res = run_stages(tmp_path, _stages(tmp_path, calls, settings_b={"suffix": "?"}))
    assert [r.status for r in res] == ["skipped", "done"] and calls == ["b"]

    # a changed input re-does the stage and, as its output changes, the next one too
    calls.clear()
    (tmp_path / "input.txt").write_text("bye")
    res = run_stages(tmp_path, _stages(tmp_path, calls, settings_b={"suffix": "?"}))
    assert calls == ["a", "b"] and (tmp_path / "b.txt").read_text() == "BYE!"


def test_force_and_missing_output(tmp_path):
    (tmp_path / "input.txt").write_text("x")
    calls: list[str] = []
    run_stages(tmp_path, _stages(tmp_path, calls))
    calls.clear()
    run_stages(tmp_path, _stages(tmp_path, calls), force={"b"})
    assert calls == ["b"]
    calls.clear()
    (tmp_path / "a.txt").unlink()  # a deleted output makes its stage run again
    run_stages(tmp_path, _stages(tmp_path, calls))
    assert calls[0] == "a"
    with pytest.raises(UserError, match="no such stage"):
        run_stages(tmp_path, _stages(tmp_path, calls), force={"trian"})


def test_failure_is_recorded_and_rerun(tmp_path):
    (tmp_path / "input.txt").write_text("x")
    calls: list[str] = []
    with pytest.raises(RuntimeError, match="b broke"):
        run_stages(tmp_path, _stages(tmp_path, calls, fail_b=True))
    m = json.loads((tmp_path / MANIFEST).read_text())
    assert m["stages"]["a"]["status"] == "done" and m["stages"]["b"]["status"] == "failed"
    assert "b broke" in m["stages"]["b"]["error"]
    calls.clear()
    res = run_stages(tmp_path, _stages(tmp_path, calls))
    assert [r.status for r in res] == ["skipped", "done"] and calls == ["b"]


def test_the_default_recipe_builds_and_measures_the_freeform_benchmark(tmp_path, monkeypatch):
    """The shipped recipe parses into the run's stages, and its eval stage reads the free-form
    benchmark: 3 queries per intent x language cell of the default taxonomy, all labels known."""
    import collections

    from ecomintent.pipeline import build_run_stages
    from ecomintent.taxonomy import load_taxonomy

    root = Path(__file__).resolve().parents[1]
    monkeypatch.chdir(root)  # the recipe's paths are from the project's root, where `make run` runs
    stages = {s.name: s for s in build_run_stages(root / "configs" / "cpu-default.yaml", tmp_path / "run")}
    assert list(stages) == ["data", "train", "export", "tfidf", "eval", "bench", "report"]
    bench = Path("benchmarks/freeform.jsonl")
    assert bench in stages["eval"].inputs()
    rows = [json.loads(line) for line in bench.read_text(encoding="utf-8").splitlines()]
    tax = load_taxonomy(None)
    cells = collections.Counter((r["intent"], r["language"]) for r in rows)
    assert set(cells) == {(i, lang) for i in tax.labels for lang in tax.languages}
    assert set(cells.values()) == {3}
    assert len({r["text"] for r in rows}) == len(rows) and all(r["text"].strip() for r in rows)


def test_extra_data_with_other_columns_is_renamed_mapped_and_checked(tmp_path):
    from ecomintent.pipeline import _extra_source

    f = tmp_path / "shop.csv"
    f.write_text(
        "query,label,lang\nwo ist mein paket,wo_paket,de\nstorno bitte,cancel_order,de\n", encoding="utf-8"
    )
    labels = ["order_status", "cancel_order"]
    plain = tmp_path / "plain.jsonl"
    assert _extra_source("plain", {"file": plain}, labels, tmp_path) == plain  # used as it is
    spec = {"file": f, "text_column": "query", "label_column": "label", "language_column": "lang"}
    with pytest.raises(UserError, match=r"extra_data shop: .*'wo_paket'.*label_map: FILE"):
        _extra_source("shop", spec, labels, tmp_path)
    m = tmp_path / "map.yaml"
    m.write_text("wo_paket: order_status\n", encoding="utf-8")
    out = _extra_source("shop", {**spec, "label_map": m}, labels, tmp_path)
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert out == tmp_path / "shop.jsonl"
    assert [(r["text"], r["intent"], r["language"]) for r in rows] == [
        ("wo ist mein paket", "order_status", "de"),
        ("storno bitte", "cancel_order", "de"),
    ]
