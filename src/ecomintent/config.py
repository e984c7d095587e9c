"""Each stage's settings, in one dataclass per stage. The CLI, YAML recipes and the Python API fill them."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import yaml

from .errors import UserError


@dataclass
class DataConfig:
    """Settings of `ecomintent data`: the synthetic dataset."""

    out: str = "runs/default/dataset"  # output directory, written atomically
    taxonomy: str | None = None  # taxonomy YAML; None = the built-in one
    languages: list[str] | None = None  # language codes; None = the taxonomy's languages
    per_cell: int = 60  # examples per intent x language (train + val + test)
    seed: int = 7  # same seed, same bytes
    noise: float = 0.4  # share of rows that get one to three kinds of user noise
    val_frac: float = 0.10  # share of each cell in the validation split (training templates)
    test_frac: float = 0.15  # share of each cell in the test split (held-out templates and slot values)
    test_template_frac: float = 0.2  # share of each cell's templates held out for the test split
    # Optional paraphrase mode: an OpenAI-compatible chat endpoint rewrites a sample of train/val rows.
    paraphrase_with: str | None = None  # base URL, e.g. http://127.0.0.1:8080/v1; None = off
    paraphrase_model: str = "gpt-4.1"  # model name the endpoint knows
    paraphrase_key_env: str | None = "OPENAI_API_KEY"  # env variable holding the key; None = no key
    paraphrase_share: float = 0.1  # share of the train + val rows to rewrite
    paraphrase_concurrency: int = 4  # requests in flight at once
    paraphrase_cache: str = "~/.cache/ecomintent/paraphrase"  # one JSON file per response

    def __post_init__(self) -> None:
        if not isinstance(self.per_cell, int) or self.per_cell < 3:
            raise UserError(
                f"--per-cell is {self.per_cell}; it must be at least 3 (one row each for train, val and test)"
            )
        if not 0.0 <= self.noise <= 1.0:
            raise UserError(f"--noise is {self.noise}; give a share between 0 and 1")
        for name in ("val_frac", "test_frac", "test_template_frac"):
            v = getattr(self, name)
            if not 0.0 < v < 0.5:
                raise UserError(f"{name} is {v}; give a share between 0 and 0.5")
        self._check_paraphrase()

    def _check_paraphrase(self) -> None:
        if isinstance(self.paraphrase_with, str):
            self.paraphrase_with = self.paraphrase_with.strip() or None
        if self.paraphrase_with is not None and not re.match(r"https?://[^/\s]+", str(self.paraphrase_with)):
            raise UserError(
                f"--paraphrase-with is {self.paraphrase_with!r}; give the base URL of an OpenAI-compatible "
                "endpoint, e.g. http://127.0.0.1:8080/v1 or https://api.openai.com/v1"
            )
        if not isinstance(self.paraphrase_model, str) or not self.paraphrase_model.strip():
            raise UserError(
                "--paraphrase-model is empty; give the model name the endpoint serves, e.g. gpt-4.1"
            )
        if isinstance(self.paraphrase_key_env, str):
            self.paraphrase_key_env = self.paraphrase_key_env.strip() or None
        if self.paraphrase_key_env is not None and not re.fullmatch(
            r"[A-Za-z_][A-Za-z0-9_]*", str(self.paraphrase_key_env)
        ):
            raise UserError(
                f"--paraphrase-key-env is {self.paraphrase_key_env!r}; give the NAME of the environment "
                "variable that holds the key (e.g. OPENAI_API_KEY), not the key itself, or '' for none"
            )
        if not 0.0 < self.paraphrase_share <= 1.0:
            raise UserError(
                f"--paraphrase-share is {self.paraphrase_share}; give a share above 0 and at most 1"
            )
        if not isinstance(self.paraphrase_concurrency, int) or not 1 <= self.paraphrase_concurrency <= 64:
            raise UserError(f"--paraphrase-concurrency is {self.paraphrase_concurrency}; give 1 to 64")
        if not isinstance(self.paraphrase_cache, str) or not self.paraphrase_cache.strip():
            raise UserError("--paraphrase-cache is empty; give a directory for cached responses")

    def to_dict(self) -> dict:
        return asdict(self)


def load_yaml_config(cls, path: str | Path, section: str | None = None, **overrides):
    """Build a stage's dataclass from a YAML recipe (optionally one section of it), then apply overrides."""
    p = Path(path)
    if not p.is_file():
        raise UserError(f"config file {p} does not exist; check the path")
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as e:
        raise UserError(f"{p}: YAML syntax error: {e}") from None
    if section is not None:
        data = data.get(section, {}) or {}
    if not isinstance(data, dict):
        raise UserError(f"{p}: expected a mapping of settings")
    known = {f.name for f in fields(cls)}
    unknown = set(data) - known
    if unknown:
        raise UserError(f"{p}: unknown setting(s) {sorted(unknown)}; known: {sorted(known)}")
    data.update({k: v for k, v in overrides.items() if v is not None})
    return cls(**data)
