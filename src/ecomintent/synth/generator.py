"""The dataset generator: taxonomy + language modules -> labelled, split, noisy shopper queries.

For every intent x language cell:
  * the cell's templates are shuffled and about a fifth are held out: the test split uses only those,
    train and val only the rest (template-disjoint test);
  * every list slot (products, brands, colours, ...) has about a fifth of its values held out for the
    test split too, chosen by a stable hash of the value;
  * rows are expanded from templates round-robin, noise is applied to a share of them, and a row whose
    normalised text was already produced anywhere in the dataset is discarded (no duplicates across splits).
Everything draws from random generators seeded by (seed, language, intent): same seed, same bytes.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import ModuleType

from .. import OUT_OF_SCOPE
from ..config import DataConfig
from ..errors import UserError
from ..taxonomy import Taxonomy
from . import languages as langs
from .grammar import Segment, Slot, compile_template, expand, join_segments
from .noise import Noiser, strip_diacritics

SPLITS = ("train", "val", "test")
HOLDOUT_BUCKETS = 5  # one value in five of every slot list is kept for the test split


@dataclass
class Template:
    id: str
    text: str
    seq: tuple


class LanguagePack:
    """A language module prepared for fast generation: slot pools per split, compiled templates, noiser."""

    def __init__(self, mod: ModuleType):
        self.mod = mod
        self.code: str = mod.CODE
        self.noiser = Noiser(mod)
        self.funcs: dict[str, Callable[[random.Random], str]] = {n: getattr(mod, n) for n in langs.FUNC_SLOTS}
        self.pools: dict[str, dict[str, list]] = {"train": {}, "test": {}}
        for name in langs.LIST_SLOTS:
            values = list(mod.SLOTS[name])
            test = [v for v in values if _bucket(self.code, name, _base(v)) == 0]
            train = [v for v in values if _bucket(self.code, name, _base(v)) != 0]
            if not test:  # tiny lists: still hold one value out
                test = [train.pop()]
            if not train:
                train = [test.pop()]
            self.pools["train"][name] = train
            self.pools["test"][name] = test

    def templates(self, intent: str, extra: list[str]) -> list[Template]:
        built_in = self.mod.TEMPLATES.get(intent, [])
        out = [
            Template(f"{self.code}.{intent}.{i:03d}", t, compile_template(t)) for i, t in enumerate(built_in)
        ]
        out += [
            Template(f"{self.code}.{intent}.u{i:03d}", t, compile_template(t)) for i, t in enumerate(extra)
        ]
        return out

    def render(self, seq: tuple, rng: random.Random, pool: str) -> list[Segment]:
        """Expand a template and fill its slots from the given pool ("train" or "test")."""
        nodes: list = []
        expand(seq, rng, nodes)
        segs: list[Segment] = []
        pools = self.pools[pool]
        for node in nodes:
            if isinstance(node, Slot):
                if node.name in pools:
                    values = pools[node.name]
                    v = values[rng.randrange(len(values))]
                    if isinstance(v, str):
                        segs.append(Segment(v, node.name, v))
                    else:
                        segs.append(Segment(v[node.form], node.name, v["base"]))
                else:
                    value = self.funcs[node.name](rng)
                    segs.append(Segment(value, node.name, value))
            else:
                segs.append(Segment(node))
        return segs


def _base(v) -> str:
    return v if isinstance(v, str) else v["base"]


def _bucket(code: str, slot: str, value: str) -> int:
    return hashlib.sha1(f"{code}|{slot}|{value}".encode()).digest()[0] % HOLDOUT_BUCKETS


_NON_WORD = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    """The key for duplicate detection: lower case, no diacritics, no punctuation or emoji, single spaces."""
    return _NON_WORD.sub(" ", strip_diacritics(unicodedata.normalize("NFKC", text)).lower()).strip()


def split_counts(cfg: DataConfig) -> dict[str, int]:
    n_test = max(1, round(cfg.per_cell * cfg.test_frac))
    n_val = max(1, round(cfg.per_cell * cfg.val_frac))
    return {"train": cfg.per_cell - n_test - n_val, "val": n_val, "test": n_test}


def resolve_languages(cfg: DataConfig, taxonomy: Taxonomy) -> list[str]:
    codes = cfg.languages or taxonomy.languages
    unknown = [c for c in codes if c not in langs.LANGUAGES]
    if unknown:
        raise UserError(
            f"unknown language code(s) {', '.join(map(repr, unknown))}; use some of {', '.join(langs.LANGUAGES)}"
        )
    if len(set(codes)) != len(codes):
        raise UserError("--languages lists a code twice; list each once")
    return list(codes)


def plan_cells(cfg: DataConfig, taxonomy: Taxonomy) -> list[tuple[LanguagePack, str, list[Template]]]:
    """Every (language, intent) cell with its templates; a cell without enough templates is an error."""
    codes = resolve_languages(cfg, taxonomy)
    cells = []
    missing = []
    for code in codes:
        pack = LanguagePack(langs.load(code))
        for intent in taxonomy.intents:
            tpls = pack.templates(intent.name, intent.templates.get(code, []))
            if len(tpls) < langs.MIN_TEMPLATES:
                missing.append((intent, code, len(tpls)))
            cells.append((pack, intent.name, tpls))
    if missing:
        lines = [
            f"intent {i.name!r} (line {i.line}) has {n} template(s) in {code!r}"
            for i, code, n in missing[:10]
        ]
        more = f"\n  ... and {len(missing) - 10} more" if len(missing) > 10 else ""
        raise UserError(
            "some intents cannot be generated:\n  "
            + "\n  ".join(lines)
            + more
            + f"\nfix: add at least {langs.MIN_TEMPLATES} templates per language under the intent's 'templates:' "
            "in the taxonomy, or drop those languages with --languages"
        )
    return cells


def generate_cell(
    pack: LanguagePack,
    intent: str,
    templates: list[Template],
    counts: dict[str, int],
    cfg: DataConfig,
    seen: set[str],
) -> list[dict]:
    """Generate one cell's rows for all splits; `seen` holds normalised texts already used anywhere."""
    rng = random.Random(f"{cfg.seed}:{pack.code}:{intent}")
    order = list(templates)
    rng.shuffle(order)
    n_test_tpl = max(1, round(len(order) * cfg.test_template_frac))
    by_split = {"test": order[:n_test_tpl], "train": order[n_test_tpl:], "val": order[n_test_tpl:]}
    rows: list[dict] = []
    for split in SPLITS:
        tpls = by_split[split]
        pool = "test" if split == "test" else "train"
        want = counts[split]
        made = 0
        tries = 0
        start = rng.randrange(len(tpls))
        limit = 40 * want + 200
        while made < want:
            if tries >= limit:
                raise UserError(
                    f"only {made} distinct {split} queries could be made for {intent!r} in {pack.code!r} "
                    f"(wanted {want}); add templates or alternatives for that intent, or lower --per-cell"
                )
            t = tpls[(start + tries) % len(tpls)]
            tries += 1
            segs = pack.render(t.seq, rng, pool)
            ops = pack.noiser.apply(segs, rng, intent) if rng.random() < cfg.noise else []
            text, entities = join_segments(segs)
            key = normalise(text)
            if not key or key in seen:
                continue
            seen.add(key)
            made += 1
            rows.append(
                {
                    "id": f"{pack.code}-{intent}-{len(rows):04d}",
                    "text": text,
                    "intent": intent,
                    "language": pack.code,
                    "entities": entities,
                    "template_id": t.id,
                    "split": split,
                    "noise": ops,
                }
            )
    return rows


def generate(
    cfg: DataConfig, taxonomy: Taxonomy, progress: Callable[[int, int], None] | None = None
) -> dict[str, list[dict]]:
    """Generate the whole dataset in memory: split name -> rows (shuffled deterministically)."""
    cells = plan_cells(cfg, taxonomy)
    counts = split_counts(cfg)
    seen: set[str] = set()
    out: dict[str, list[dict]] = {s: [] for s in SPLITS}
    for k, (pack, intent, tpls) in enumerate(cells):
        for row in generate_cell(pack, intent, tpls, counts, cfg, seen):
            out[row["split"]].append(row)
        if progress:
            progress(k + 1, len(cells))
    for split in SPLITS:
        random.Random(f"{cfg.seed}:shuffle:{split}").shuffle(out[split])
    return out


def iter_jsonl(rows: list[dict]) -> Iterator[str]:
    for r in rows:
        yield json.dumps(r, ensure_ascii=False) + "\n"


def compute_stats(data: dict[str, list[dict]], taxonomy: Taxonomy, cfg: DataConfig) -> dict:
    """Counts per split x intent x language, templates, noise and length figures for the dataset card."""
    languages = resolve_languages(cfg, taxonomy)
    per_cell: dict[str, dict[str, dict[str, int]]] = {}
    for split, rows in data.items():
        c = Counter((r["intent"], r["language"]) for r in rows)
        per_cell[split] = {i: {lang: c[(i, lang)] for lang in languages} for i in taxonomy.labels}
    all_rows = [r for rows in data.values() for r in rows]
    noisy = sum(1 for r in all_rows if r["noise"])
    ops = Counter(op for r in all_rows for op in r["noise"])
    tpl = {split: len({r["template_id"] for r in rows}) for split, rows in data.items()}
    by_lang_len = {
        lang: round(
            sum(len(r["text"]) for r in all_rows if r["language"] == lang)
            / max(1, sum(r["language"] == lang for r in all_rows)),
            1,
        )
        for lang in languages
    }
    return {
        "total": len(all_rows),
        "splits": {s: len(rows) for s, rows in data.items()},
        "labels": taxonomy.labels,
        "languages": languages,
        "out_of_scope_label": OUT_OF_SCOPE,
        "templates_used": tpl,
        "noisy_share": round(noisy / max(1, len(all_rows)), 4),
        "noise_ops": dict(sorted(ops.items())),
        "with_entities_share": round(sum(1 for r in all_rows if r["entities"]) / max(1, len(all_rows)), 4),
        "mean_chars_by_language": by_lang_len,
        "per_cell": per_cell,
    }
