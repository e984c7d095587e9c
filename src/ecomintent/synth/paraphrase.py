"""Optional paraphrase mode: a chat model rewrites a sample of the generated train and val queries.

A deterministic sample (`paraphrase_share` of the train + val rows, drawn with a seeded RNG; the
template-disjoint test split is never touched) is sent to an OpenAI-compatible endpoint, which is asked
to rewrite each shopper message in the same language, keeping its meaning and intent, the way a real
shopper would type it. Each answer is cleaned (quotes, "Rewritten message:" prefixes) and checked:
not empty, 0.3x to 3x the original length and at most 300 characters, in the row's language
(`langcheck`), and not a normalised duplicate of any other row. An accepted answer replaces the row's
text; its `template_id` gets the suffix `+para`, its `entities` keep only the values that still occur
verbatim (with new offsets) and its `noise` becomes [] (the generator's noise no longer describes the
text). A rejected answer leaves the row as it was and is counted by reason.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Callable

from ..config import DataConfig
from ..llm_client import ChatClient, Result
from ..taxonomy import Taxonomy
from . import langcheck
from . import languages as langs
from .generator import normalise

PARA_SUFFIX = "+para"
REWRITTEN_SPLITS = ("train", "val")
MAX_CHARS = 300
MIN_RATIO, MAX_RATIO = 0.3, 3.0
MAX_TOKENS = 160
TEMPERATURE = 0.7
REASONS = ("error", "truncated", "empty", "too_short", "too_long", "language", "unchanged", "duplicate")

SYSTEM_PROMPT = (
    "You rewrite messages that customers type into an online shop's chat or search box.\n"
    "Rewrite the customer's message in {language}: the same language, never translate it. Keep its "
    "meaning and what the customer wants ({intent}: {description}). Write it the way a real shopper would "
    "type it: reword, reorder, shorten or lengthen it, change the tone or formality, but keep product "
    "names, brands, order numbers, prices, dates, sizes and other details exactly as written. Do not "
    "answer the message. Return only the rewritten message, on one line, without quotes or comments."
)


def make_client(cfg: DataConfig) -> ChatClient:
    """The chat client the data settings describe (raises UserError for a missing API key)."""
    return ChatClient(
        base_url=cfg.paraphrase_with,
        model=cfg.paraphrase_model,
        api_key_env=cfg.paraphrase_key_env,
        cache_dir=cfg.paraphrase_cache,
        concurrency=cfg.paraphrase_concurrency,
        url_option="--paraphrase-with",
        model_option="--paraphrase-model",
        key_option="--paraphrase-key-env",
    )


def pick_rows(data: dict[str, list[dict]], share: float, seed: int) -> list[tuple[str, int]]:
    """The (split, index) of the rows to rewrite: a seeded sample of `share` of the train and val rows."""
    candidates = [(split, i) for split in REWRITTEN_SPLITS for i in range(len(data.get(split, [])))]
    k = min(len(candidates), round(share * len(candidates)))
    picked = random.Random(f"{seed}:paraphrase").sample(range(len(candidates)), k)
    return [candidates[j] for j in sorted(picked)]


def build_messages(row: dict, descriptions: dict[str, str]) -> list[dict]:
    system = SYSTEM_PROMPT.format(
        language=langs.LANGUAGES.get(row["language"], row["language"]),
        intent=row["intent"],
        description=descriptions.get(row["intent"], row["intent"].replace("_", " ")).strip().rstrip("."),
    )
    return [{"role": "system", "content": system}, {"role": "user", "content": row["text"]}]


_QUOTES = "\"'`*\u201c\u201d\u201e\u00ab\u00bb\u2018\u2019\u201a\u2039\u203a "
_PREFIX = re.compile(
    r"^(?:(?:sure|okay|ok|certainly)\b[^:\n]{0,40}[:!.,]\s*)?"
    r"(?:(?:here(?:'s|\u2019s| is)\b[^:\n]{0,60}:)|"
    r"(?:(?:the\s+)?(?:rewritten|paraphrased?|rewrite|reworded|new|output|answer|result|customer|shopper)"
    r"(?:\s+(?:message|query|version|text))?\s*:))\s*",
    re.IGNORECASE,
)
_WS = re.compile(r"\s+")


def _first_line(text: str) -> tuple[str, bool]:
    """The first meaningful line, cleaned, and whether more text follows it (so it is complete)."""
    lines = text.replace("\r", "\n").split("\n")
    for n, line in enumerate(lines):
        line = line.strip().strip(_QUOTES)
        line = _PREFIX.sub("", line, count=1).strip().strip(_QUOTES).strip()
        if line:
            return _WS.sub(" ", line), n < len(lines) - 1
    return "", False


def clean_output(text: str) -> str:
    """The rewritten message alone: the first meaningful line, without quotes or a 'Rewritten:' prefix."""
    return _first_line(text)[0]


def check_output(result: Result, row: dict, cleaned: str, seen: set[str]) -> str | None:
    """Why the rewrite is rejected (one of REASONS), or None when it is accepted."""
    if result.error is not None or result.text is None:
        return "error"
    if result.finish_reason == "length" and not _first_line(result.text)[1]:
        return "truncated"  # cut off by max_tokens inside the line we would keep
    key = normalise(cleaned)
    if not cleaned or not key:
        return "empty"
    n, n0 = len(cleaned), len(row["text"])
    if n < MIN_RATIO * n0:
        return "too_short"
    if n > MAX_RATIO * n0 or n > MAX_CHARS:
        return "too_long"
    if not langcheck.matches(cleaned, row["language"]):
        return "language"
    if key == normalise(row["text"]):
        return "unchanged"
    if key in seen:
        return "duplicate"
    return None


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def relocate_entities(entities: list[dict], text: str) -> list[dict]:
    """The entities whose value still occurs verbatim in `text` (as a whole token), with new offsets."""
    taken: list[tuple[int, int]] = []
    out: list[dict] = []
    for e in entities:
        value = e["value"]
        pos = text.find(value) if value else -1
        while pos != -1:
            end = pos + len(value)
            clear = not any(pos < b and a < end for a, b in taken)
            left_ok = pos == 0 or not (_is_word_char(value[0]) and _is_word_char(text[pos - 1]))
            right_ok = end == len(text) or not (_is_word_char(value[-1]) and _is_word_char(text[end]))
            if clear and left_ok and right_ok:
                break
            pos = text.find(value, pos + 1)
        if pos == -1:
            continue
        taken.append((pos, pos + len(value)))
        out.append({**e, "start": pos, "end": pos + len(value)})
    out.sort(key=lambda e: (e["start"], e["end"]))
    return out


def paraphrase_dataset(
    data: dict[str, list[dict]],
    cfg: DataConfig,
    taxonomy: Taxonomy | None = None,
    client: ChatClient | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[dict[str, list[dict]], dict]:
    """Rewrite a sample of the train and val rows; return (new data, stats). `data` is not modified."""
    client = client or make_client(cfg)
    descriptions = {i.name: i.description for i in taxonomy.intents} if taxonomy else {}
    picked = pick_rows(data, cfg.paraphrase_share, cfg.seed)
    conversations = [build_messages(data[s][i], descriptions) for s, i in picked]
    params = {"temperature": TEMPERATURE, "max_tokens": MAX_TOKENS, "seed": cfg.seed}
    results = client.complete_many(conversations, progress=progress, **params)

    out = {split: list(rows) for split, rows in data.items()}
    seen = {normalise(r["text"]) for rows in data.values() for r in rows}
    rejected: Counter[str] = Counter()
    accepted_by_language: Counter[str] = Counter()
    entities_kept = entities_dropped = 0
    for (split, i), res in zip(picked, results, strict=True):
        row = data[split][i]
        cleaned = clean_output(res.text or "")
        reason = check_output(res, row, cleaned, seen)
        if reason is not None:
            rejected[reason] += 1
            continue
        seen.add(normalise(cleaned))
        entities = relocate_entities(row["entities"], cleaned)
        entities_kept += len(entities)
        entities_dropped += len(row["entities"]) - len(entities)
        accepted_by_language[row["language"]] += 1
        out[split][i] = {
            **row,
            "text": cleaned,
            "entities": entities,
            "template_id": row["template_id"] + PARA_SUFFIX,
            "noise": [],
        }
    requested = len(picked)
    stats = {
        "model": cfg.paraphrase_model,
        "share": cfg.paraphrase_share,
        "splits": list(REWRITTEN_SPLITS),
        "requested": requested,
        "accepted": requested - sum(rejected.values()),
        "rejected": {r: rejected[r] for r in REASONS if rejected[r]},
        "accepted_by_language": dict(sorted(accepted_by_language.items())),
        "entities_kept": entities_kept,
        "entities_dropped": entities_dropped,
        "cache_hits": sum(1 for r in results if r.cached),
        "live_requests": sum(1 for r in results if not r.cached),
        "prompt_tokens": sum(r.prompt_tokens for r in results if not r.cached),
        "completion_tokens": sum(r.completion_tokens for r in results if not r.cached),
    }
    return out, stats
