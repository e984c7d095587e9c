import json

from typer.testing import CliRunner

from ecomintent.cli import app

runner = CliRunner()


def test_every_command_has_help():
    for args in (
        ["--help"],
        ["data", "--help"],
        ["taxonomy", "--help"],
        ["taxonomy", "show", "--help"],
        ["taxonomy", "validate", "--help"],
    ):
        r = runner.invoke(app, args)
        assert r.exit_code == 0 and "Usage" in r.output, args


def test_data_writes_a_dataset(tmp_path):
    out = tmp_path / "ds"
    r = runner.invoke(
        app, ["data", "--out", str(out), "--per-cell", "4", "--languages", "en,hr", "--seed", "3"]
    )
    assert r.exit_code == 0, r.output
    assert "wrote" in r.output
    stats = json.loads((out / "stats.json").read_text(encoding="utf-8"))
    assert stats["languages"] == ["en", "hr"]


def test_user_mistakes_are_one_clear_line(tmp_path):
    for args, needle in (
        (["data", "--out", str(tmp_path / "a"), "--per-cell", "0"], "--per-cell"),
        (["data", "--out", str(tmp_path / "b"), "--languages", "en,klingon"], "unknown language"),
        (
            ["data", "--out", str(tmp_path / "c"), "--taxonomy", str(tmp_path / "missing.yaml")],
            "does not exist",
        ),
    ):
        r = runner.invoke(app, args)
        assert r.exit_code == 2, (args, r.output)
        assert needle in r.output and "Traceback" not in r.output
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_taxonomy_show_and_validate(tmp_path):
    r = runner.invoke(app, ["taxonomy", "show"])
    assert r.exit_code == 0 and "refund_status" in r.output and "out_of_scope" in r.output
    bad = tmp_path / "bad.yaml"
    bad.write_text("languages: [en]\nintents:\n  - name: x-y\n    description: ''\n", encoding="utf-8")
    r = runner.invoke(app, ["taxonomy", "validate", str(bad)])
    assert r.exit_code == 2
    assert f"{bad}:3:" in r.output and "safe label" in r.output and "empty description" in r.output
    from ecomintent.taxonomy import default_path

    r = runner.invoke(app, ["taxonomy", "validate", str(default_path())])
    assert r.exit_code == 0 and "valid" in r.output


def test_run_end_to_end_writes_the_layout_then_skips_every_stage(tmp_path, tiny_models):
    recipe = tmp_path / "recipe.yaml"
    shop = tmp_path / "shop.jsonl"  # a shop's own labelled queries (eval: extra_data)
    shop_rows = [
        {"text": "where is my parcel 5512", "intent": "order_status", "language": "en"},
        {"text": "cancel order 77 please", "intent": "cancel_order", "language": "en"},
        {"text": "wo bleibt mein paket", "intent": "order_status", "language": "de"},
    ]
    shop.write_text("".join(json.dumps(r) + "\n" for r in shop_rows), encoding="utf-8")
    # the same queries with the shop's own columns and labels, mapped in the recipe
    (tmp_path / "shop.csv").write_text(
        "query,label\nwhere is my parcel 5512,where_is_it\ncancel order 77 please,cancel_order\n"
        "wo bleibt mein paket,where_is_it\n",
        encoding="utf-8",
    )
    (tmp_path / "map.yaml").write_text("where_is_it: order_status\n", encoding="utf-8")
    shop_csv = (
        f"{{file: {tmp_path / 'shop.csv'}, text_column: query, label_column: label, language_column: '', "
        f"label_map: {tmp_path / 'map.yaml'}}}"
    )
    recipe.write_text(
        "data:\n  per_cell: 3\n  languages: [en]\n  seed: 1\n"
        f"train:\n  base: {tiny_models['llama']}\n  max_steps: 2\n  batch_size: 4\n  eval_every: 2\n"
        "  eval_samples: 8\n  bf16: 'no'\n  lora_r: 4\n"
        "export:\n  formats: [gguf-q8_0, gptq-4bit]\n  verify_samples: 26\n  min_agreement: 0.0\n"
        "  calib_samples: 16\n"
        "eval:\n  limit: 26\n  generate_for: [hf, q8_0]\n  ensemble_for: [q8_0]\n"
        f"  extra_data: {{shop: {shop}, shopcsv: {shop_csv}}}\n  extra_for: [q8_0]\n"
        "bench:\n  n: 8\n  repeats: 1\n  concurrency: [1, 4]\n  time_budget_s: 240\n",
        encoding="utf-8",
    )
    args = ["run", "--config", str(recipe), "--name", "t", "--runs-dir", str(tmp_path / "runs")]
    r = runner.invoke(app, args)
    assert r.exit_code == 0, r.output
    root = tmp_path / "runs" / "t"
    for rel in (
        "dataset/train.jsonl", "dataset/test.jsonl", "model/adapter", "model/merged/ecomintent.json",
        "export/model-q8_0.gguf", "export/gptq/ecomintent.json", "export/export_manifest.json", "eval", "bench/bench.json", "report.md", "report.json",
        "run_manifest.json",
    ):  # fmt: skip
        assert (root / rel).exists(), rel
    evals = sorted(p.name for p in (root / "eval").iterdir())
    assert {
        "hf-fp32-score",
        "hf-fp32-generate",
        "q8_0-score",
        "q8_0-generate",
        "gptq-4bit-score",
        "tfidf-score",
        "q8_0+tfidf-score",
        "q8_0-score@shop",
        "q8_0+tfidf-score@shop",
        "tfidf-score@shop",
    } <= set(evals)
    assert not {"hf-fp32-score@shop", "gptq-4bit-score@shop", "q8_0-generate@shop"} & set(evals)
    on_shop = json.loads((root / "eval" / "q8_0-score@shop" / "eval.json").read_text())["metrics"]
    assert on_shop["n"] == 3 and set(on_shop["per_language"]) == {"en", "de"}
    on_csv = json.loads((root / "eval" / "q8_0-score@shopcsv" / "eval.json").read_text())["metrics"]
    assert on_csv["n"] == 3 and on_csv["accuracy"] == on_shop["accuracy"]  # the same queries, mapped labels
    measured = [json.loads(line) for line in (root / "eval" / "shopcsv.jsonl").read_text().splitlines()]
    assert [(r["text"], r["intent"]) for r in measured] == [(r["text"], r["intent"]) for r in shop_rows]
    report = (root / "report.md").read_text()
    for section in ("Pareto", "paper", "ecommend"):
        assert section in report, section
    ens = json.loads((root / "report.json").read_text())["ensemble"]
    alone = json.loads((root / "eval" / "q8_0-score" / "eval.json").read_text())["metrics"]["accuracy"]
    with_tfidf = json.loads((root / "eval" / "q8_0+tfidf-score" / "eval.json").read_text())["metrics"]
    assert ens == [
        {
            "artifact": "q8_0",
            "accuracy": with_tfidf["accuracy"],
            "alone": alone,
            "n": 26,
            "p50_ms": ens[0]["p50_ms"],
            "alone_p50_ms": ens[0]["alone_p50_ms"],
        }
    ]
    assert ens[0]["p50_ms"] > 0 and ens[0]["alone_p50_ms"] > 0
    assert "With the TF-IDF ensemble" in report and "--ensemble" in report
    extra = json.loads((root / "report.json").read_text())["extra_eval"]
    assert sorted(e["name"] for e in extra["shop"]) == [
        "q8_0+tfidf-score@shop",
        "q8_0-score@shop",
        "tfidf-score@shop",
    ]
    worst = min(on_shop["per_language"].items(), key=lambda kv: kv[1]["accuracy"])
    q8_on_shop = next(e for e in extra["shop"] if e["name"] == "q8_0-score@shop")
    assert q8_on_shop["worst_language"] == [worst[0], worst[1]["accuracy"]]
    assert "## On shop" in report and str(shop) in report
    assert "q8_0-score@shop" not in [
        e["name"] for e in json.loads((root / "report.json").read_text())["eval"]
    ]
    m = json.loads((root / "run_manifest.json").read_text())
    stages = ["data", "train", "export", "tfidf", "eval", "bench", "report"]
    assert list(m["stages"]) == stages
    assert all(m["stages"][s]["status"] == "done" and m["stages"][s]["wall_s"] >= 0 for s in stages)
    assert all(m["stages"][s]["key"] and "settings" in m["stages"][s] for s in stages)

    r = runner.invoke(app, args)
    assert r.exit_code == 0, r.output
    assert " ".join(r.output.split()).count("up to date, skipped") == len(stages)

    r = runner.invoke(app, [*args, "--force", "report"])
    assert r.exit_code == 0 and " ".join(r.output.split()).count("up to date, skipped") == len(stages) - 1


def test_run_with_a_bad_recipe_is_one_clear_line(tmp_path):
    recipe = tmp_path / "recipe.yaml"
    cases = [  # (the recipe, what the one line must say)
        ("train:\n  learning_rat: 0.1\n", "unknown setting(s) ['learning_rat']"),
        ("eval:\n  hf_dtype: fp8\n", "hf_dtype 'fp8'"),
        ("eval:\n  tfidf: false\n  ensemble_for: [q4_k_m]\n", "ensemble_for needs the TF-IDF reference"),
        (
            "eval:\n  extra_data: {shop: no/such/file.csv}\n",
            "extra_data shop: no/such/file.csv is not a file",
        ),
        (
            "eval:\n  extra_data: {shop: {file: recipe.yaml, label_colum: x}}\n",
            "extra_data shop: unknown setting(s) label_colum",
        ),
        (
            f"eval:\n  extra_data: {{shop: {{file: {recipe}, label_map: no-map.yaml}}}}\n",
            "no-map.yaml is not a file",
        ),
        ("eval:\n  extra_data: {'my shop': recipe.yaml}\n", "extra_data name 'my shop'"),
    ]
    for text, says in cases:
        recipe.write_text(text, encoding="utf-8")
        r = runner.invoke(app, ["run", "--config", str(recipe), "--runs-dir", str(tmp_path / "runs")])
        out = " ".join(r.output.split())
        assert r.exit_code == 2 and says in out and "Traceback" not in out, (text, out)
    assert not (tmp_path / "runs" / "default").exists()  # refused before any stage ran


def test_the_eval_api_imports_on_its_own():
    """`ecomintent.commands.eval` (evaluate_artifact, load_eval_rows: the run's eval stage and the
    Python API) imports first in a fresh interpreter, without the CLI registering it half-loaded."""
    import subprocess
    import sys

    code = "from ecomintent.commands.eval import evaluate_artifact, load_eval_rows; import ecomintent.cli"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr[-2000:]
