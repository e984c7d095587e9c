"""Shared fixtures: a small default dataset generated once per test session."""

from __future__ import annotations

import pytest

from ecomintent.config import DataConfig
from ecomintent.data import build_dataset


@pytest.fixture(scope="session")
def small_dataset(tmp_path_factory):
    """The built-in taxonomy, all languages, 20 queries per cell, seed 7."""
    out = tmp_path_factory.mktemp("ds") / "dataset"
    cfg = DataConfig(out=str(out), per_cell=20, seed=7)
    stats = build_dataset(cfg)
    return out, cfg, stats
