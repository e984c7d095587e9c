"""A large API model as the baseline: any OpenAI-compatible Chat Completions endpoint.

It gets the same system prompt and query as the fine-tuned models and answers in the same JSON
(`{"intent": "<label>"}`), parsed with prompt.parse_answer. An untuned API model cannot know the
labels, so by default (`describe_labels=True`) the system prompt also lists every label with its
taxonomy description. Answers that do not name a known label (or requests that failed) are counted
invalid. Requests go through llm_client.ChatClient: disk cache, bounded concurrency, retries.
"""

from __future__ import annotations

import json
import re
import time

from ..prompt import SYSTEM, parse_answer
from .base import ArtifactInfo, Prediction, fallback_label, prepare_text

_FENCE = re.compile(r"```(?:json)?\s*(.*?)```", re.S)
_OBJECT = re.compile(r"\{.*?\}", re.S)


def label_list_prompt(info: ArtifactInfo) -> str:
    lines = [
        'Answer with exactly one JSON object, {"intent": "<label>"}, where <label> is one of these labels:'
    ]
    for label in info.labels:
        desc = info.descriptions.get(label, "")
        lines.append(f"- {label}: {desc}" if desc else f"- {label}")
    if info.out_of_scope_label:
        lines.append(f"Use {info.out_of_scope_label} for messages that match none of the others.")
    return "\n".join(lines)


def extract_label(text: str | None, labels: list[str]) -> str | None:
    """The label an API model answered: its first JSON object (code fences allowed), or a bare label."""
    if not text:
        return None
    t = text.strip()
    m = _FENCE.search(t)
    if m:
        t = m.group(1).strip()
    for obj in _OBJECT.findall(t):
        label = parse_answer(obj, labels)
        if label is not None:
            return label
        try:  # {"intent":"x"} with other spacing, or extra keys
            d = json.loads(obj)
        except json.JSONDecodeError:
            continue
        if isinstance(d, dict) and d.get("intent") in labels:
            return d["intent"]
    bare = t.strip().strip("\"'`.").strip()
    return bare if bare in labels else parse_answer(t, labels)


class OpenAIClassifier:
    backend = "openai"
    mode = "generate"

    def __init__(
        self,
        model: str,
        base_url: str,
        info: ArtifactInfo,
        api_key_env: str | None = "OPENAI_API_KEY",
        describe_labels: bool = True,
        cache_dir: str | None = "~/.cache/ecomintent/api",
        concurrency: int = 4,
        max_tokens: int = 32,
        threshold: float | None = None,
        client=None,
    ):
        from ..llm_client import ChatClient

        self.info = info
        self.name = model
        self.threshold = threshold  # answers carry no probabilities: unused
        self.describe_labels = describe_labels
        self.max_tokens = max_tokens
        self.client = client or ChatClient(
            base_url=base_url,
            model=model,
            api_key_env=api_key_env or None,
            cache_dir=cache_dir,
            concurrency=concurrency,
            url_option="--base-url",
            model_option="--model",
            key_option="--api-key-env",
        )
        self.system = info.system_prompt or SYSTEM
        if describe_labels:
            self.system = f"{self.system}\n{label_list_prompt(info)}"

    def messages(self, query: str) -> list[dict]:
        return [{"role": "system", "content": self.system}, {"role": "user", "content": query}]

    def classify(self, texts: list[str], top_k: int = 3) -> list[Prediction]:
        if not texts:
            return []
        prepared = [prepare_text(t) for t in texts]
        t0 = time.perf_counter()
        results = self.client.complete_many(
            [self.messages(q) for q, _ in prepared], temperature=0, max_tokens=self.max_tokens
        )
        ms = (time.perf_counter() - t0) * 1000 / len(texts)
        out = []
        for res, (_, trunc) in zip(results, prepared, strict=True):
            raw = res.text if res.text is not None else ""
            label = extract_label(res.text, self.info.labels)
            if label is None:
                fb = fallback_label(self.info)
                out.append(Prediction(fb, 0.0, [(fb, 0.0)], ms, raw=raw, valid=False, truncated=trunc))
            else:
                out.append(Prediction(label, 1.0, [(label, 1.0)], ms, raw=raw, valid=True, truncated=trunc))
        return out

    def close(self) -> None:
        pass
