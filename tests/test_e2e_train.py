"""End to end on the real packaged SmolLM2-135M: a few LoRA steps from the generated dataset."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ecomintent.cli import app
from ecomintent.config import DataConfig
from ecomintent.data import build_dataset
from ecomintent.models import PACKAGED, resolve_base


@pytest.mark.slow
def test_packaged_smollm2_trains_through_the_cli(tmp_path):
    data = tmp_path / "ds"
    build_dataset(DataConfig(out=str(data), per_cell=3, languages=["en", "de"], seed=3))
    out = tmp_path / "model"
    r = CliRunner().invoke(
        app,
        ["train", "--data", str(data), "--out", str(out), "--base", "smollm2-135m", "--max-steps", "2",
         "--batch-size", "4", "--max-train-samples", "8", "--config", "configs/cpu-default.yaml"],
    )  # fmt: skip
    assert r.exit_code == 0, r.output
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
