"""End to end on the real packaged SmolLM2-135M: a few LoRA steps from the generated dataset."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ecomintent.cli import app
from ecomintent.config import DataConfig
from ecomintent.data import build_dataset
from ecomintent.models import PACKAGED, resolve_base


def train_two_steps(data, out, base: str) -> None:
    """`ecomintent train` with the CPU recipe, cut to two steps of four queries."""
    r = CliRunner().invoke(
        app,
        ["train", "--data", str(data), "--out", str(out), "--base", base, "--max-steps", "2",
         "--batch-size", "4", "--max-train-samples", "8", "--config", "configs/cpu-default.yaml"],
    )  # fmt: skip
    assert r.exit_code == 0, r.output


@pytest.mark.slow
def test_packaged_smollm2_trains_through_the_cli(tmp_path):
    data = tmp_path / "ds"
    build_dataset(DataConfig(out=str(data), per_cell=3, languages=["en", "de"], seed=3))
    out = tmp_path / "model"
    train_two_steps(data, out, "smollm2-135m")
    m = json.loads((out / "train_manifest.json").read_text())
    assert m["steps"] == 2 and m["val_rows"] == 52 and m["base_sha256"]
    info = json.loads((out / "merged" / "ecomintent.json").read_text())
    assert info["base"] == "smollm2-135m" and len(info["labels"]) == 26
    # The cached base directory is verified against its manifest on every use.
    base = resolve_base("smollm2-135m")
    info = json.loads((Path(base) / "ecomintent_base.json").read_text())
    assert info["gguf"] == PACKAGED["smollm2-135m"].gguf and len(info["weights_sha256"]) == 64


def test_unknown_packaged_or_hub_model_names_the_choices():
    from ecomintent.errors import UserError

    with pytest.raises(UserError, match="smollm2-135m"):
        resolve_base("llama-tiny")


@pytest.mark.slow
def test_packaged_gemma3_default_trains_exports_and_classifies(tmp_path):
    """The offline default base end to end: train, export a GGUF, classify with llama.cpp, with the
    <bos> token Gemma 3 expects in every prompt (training, HF and GGUF alike)."""
    from transformers import AutoTokenizer

    from ecomintent.backends import load_classifier
    from ecomintent.export import export
    from ecomintent.prompt import PromptFormat

    data = tmp_path / "ds"
    build_dataset(DataConfig(out=str(data), per_cell=3, languages=["en", "pl"], seed=5))
    out = tmp_path / "model"
    train_two_steps(data, out, "gemma3-270m")
    merged = out / "merged"
    tok = AutoTokenizer.from_pretrained(merged)
    ids = PromptFormat.for_tokenizer(tok).prompt_ids("wo ist meine bestellung")
    assert ids[0] == tok.bos_token_id and ids.count(tok.bos_token_id) == 1
    m = export(merged, "gguf-f16", tmp_path / "export", data=data, verify_samples=26, min_agreement=0.0)
    a = m["artifacts"]["gguf-f16"]
    assert a["token_agreement"] == 1.0 and a["agreement"] >= 0.95, a
    clf = load_classifier(tmp_path / "export" / "model-f16.gguf")
    try:
        assert clf.fmt.prompt_ids("wo ist meine bestellung") == ids
        (p,) = clf.classify(["gdzie jest moja paczka?"])
        assert p.intent in json.loads((merged / "ecomintent.json").read_text())["labels"]
        assert 0 < p.confidence <= 1
    finally:
        clf.close()
