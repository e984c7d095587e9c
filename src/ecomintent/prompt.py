"""THE prompt and answer format, shared by training and every inference backend.

A query becomes a chat turn (the model's own chat template where it has one, a plain two-line
format otherwise) and the model answers in compact JSON:

    {"intent": "order_status"}

The answer's fixed opening `{"intent": "` is part of the prompt (`prompt_ids` ends with it): every
mode and backend feeds it, and the model writes, and is trained on, only what varies, the label's
continuation `order_status"}` and the end-of-turn token. `score` mode scores those continuations,
`generate` mode writes one and parses it. Training no longer spends its vocabulary projections on
four tokens it would always predict the same way. Keep it short: every prompt token is paid on
every query. A change here is a change to the model: bump PROMPT_VERSION.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field

PROMPT_VERSION = "2"  # 2: the answer's opening is fed, not learned (version 1 models take the same input)
SYSTEM = "Classify the shop customer's message. Answer in JSON."
ANSWER_PREFIX = '{"intent": "'
HEAD_PROBES = ("a", "b x", "1?")  # queries whose common token prefix is the fixed head of the prompt
MAX_QUERY_CHARS = 512  # longer queries are truncated (head kept) and flagged

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\ufeff]")
_WS = re.compile(r"\s+")


def clean_query(text: str, max_chars: int = MAX_QUERY_CHARS) -> tuple[str, bool]:
    """Normalise a raw query for the model: NFC, no control characters, single spaces, at most
    `max_chars` characters. Returns (clean text, whether it was truncated)."""
    if not isinstance(text, str):
        text = str(text)
    t = unicodedata.normalize("NFC", text)
    t = _WS.sub(" ", _CONTROL.sub(" ", t)).strip()
    truncated = len(t) > max_chars
    if truncated:
        t = t[:max_chars].rstrip()
    return t, truncated


def answer_continuation(label: str) -> str:
    """What follows ANSWER_PREFIX for a label (the closing quote marks where the label ends)."""
    return f'{label}"}}'


def parse_answer(generated: str, labels: list[str]) -> str | None:
    """The label in a generated answer, or None when it is not valid JSON naming a known label."""
    text = generated.strip()
    if not text.startswith("{"):
        text = ANSWER_PREFIX + text if not text.startswith('"intent"') else "{" + text
    end = text.find("}")
    if end < 0:
        return None
    try:
        obj = json.loads(text[: end + 1])
    except json.JSONDecodeError:
        return None
    label = obj.get("intent") if isinstance(obj, dict) else None
    return label if label in labels else None


def tokenizer_adds_bos(tokenizer) -> bool:
    """Whether the tokenizer puts its BOS token before a text by default: its `add_bos_token` flag,
    or what it does (transformers' GGUF-loaded Gemma 3 tokenizer adds <bos> but reports False)."""
    bos = getattr(tokenizer, "bos_token_id", None)
    if bos is None:
        return False
    if getattr(tokenizer, "add_bos_token", False):
        return True
    try:
        ids = tokenizer("a")["input_ids"]
    except Exception:  # noqa: BLE001 - a tokenizer that cannot say: no BOS
        return False
    return bool(ids) and ids[0] == bos


@dataclass
class PromptFormat:
    """How one tokenizer renders the prompt; built once per model."""

    tokenizer: object
    use_chat_template: bool
    end_text: str  # what closes the assistant turn, e.g. "<|im_end|>"
    adds_bos: bool = field(init=False)  # whether prompt_ids starts with the BOS token (asked once)

    def __post_init__(self) -> None:
        self.adds_bos = tokenizer_adds_bos(self.tokenizer)

    @classmethod
    def for_tokenizer(cls, tokenizer) -> PromptFormat:
        template = getattr(tokenizer, "chat_template", None)
        if template:
            marker = "\x01ANSWER\x01"
            rendered = tokenizer.apply_chat_template(
                _messages("q") + [{"role": "assistant", "content": marker}], tokenize=False
            )
            after = rendered.split(marker, 1)[1] if marker in rendered else ""
            end_text = after.strip() or (tokenizer.eos_token or "")
            # Keep only the first special marker (e.g. "<|im_end|>" of "<|im_end|>\n").
            m = re.match(r"<[^>]+>", end_text)
            end_text = m.group(0) if m else end_text
            return cls(tokenizer, True, end_text)
        return cls(tokenizer, False, tokenizer.eos_token or "\n")

    def prompt_text(self, query: str) -> str:
        """The full prompt for a (clean) query, up to where the answer starts."""
        if self.use_chat_template:
            return self.tokenizer.apply_chat_template(
                _messages(query), tokenize=False, add_generation_prompt=True
            )
        return f"{SYSTEM}\nMessage: {query}\nAnswer: "

    def encode(self, text: str) -> list[int]:
        return self.tokenizer(text, add_special_tokens=False)["input_ids"]

    def prompt_ids(self, query: str) -> list[int]:
        """The model's input for a (clean) query: the rendered prompt, then the answer's fixed opening
        (ANSWER_PREFIX). What follows is the label's continuation (`label_ids`)."""
        ids = self.encode(self.prompt_text(query))
        bos = getattr(self.tokenizer, "bos_token_id", None)
        # Templates that do not write the BOS token get it here, as the tokenizer itself adds it.
        if self.adds_bos and (not ids or ids[0] != bos):
            ids = [bos] + ids
        return ids + self.prefix_ids()

    def head_ids(self) -> list[int]:
        """The token ids every prompt starts with, whatever the query (the longest common prefix of a
        few probes): the part whose keys/values can be computed once and shared."""
        probes = [self.prompt_ids(q) for q in HEAD_PROBES]
        n = 0
        while all(len(p) > n for p in probes) and len({p[n] for p in probes}) == 1:
            n += 1
        return probes[0][:n]

    def prefix_ids(self) -> list[int]:
        return self.encode(ANSWER_PREFIX)

    def end_ids(self) -> list[int]:
        return self.encode(self.end_text) if self.end_text else []

    def label_ids(self, label: str) -> list[int]:
        """Token ids of a label's continuation after the prefix, including the end of turn."""
        return self.encode(answer_continuation(label)) + self.end_ids()

    def training_example(self, query: str, label: str) -> tuple[list[int], list[int]]:
        """(input_ids, labels) for one training row: loss only on the label's continuation."""
        p = self.prompt_ids(query)
        a = self.label_ids(label)
        return p + a, [-100] * len(p) + a


def _messages(query: str) -> list[dict]:
    return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": query}]
