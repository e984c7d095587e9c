import json
from collections import Counter

import pytest

from ecomintent.config import DataConfig
from ecomintent.data import build_dataset, read_split
from ecomintent.errors import UserError
from ecomintent.synth import languages as langs
from ecomintent.synth.generator import LanguagePack, normalise, split_counts
from ecomintent.taxonomy import load_taxonomy

FILES = [
    "train.jsonl",
    "val.jsonl",
    "test.jsonl",
    "stats.json",
    "README.md",
    "manifest.json",
    "taxonomy.yaml",
]


def all_rows(out):
    return {s: read_split(out, s) for s in ("train", "val", "test")}


def test_same_seed_gives_byte_identical_files(small_dataset, tmp_path):
    out, cfg, _ = small_dataset
    again = tmp_path / "again"
    build_dataset(DataConfig(out=str(again), per_cell=cfg.per_cell, seed=cfg.seed))
    for name in FILES:
        assert (out / name).read_bytes() == (again / name).read_bytes(), name


def test_other_seed_gives_other_queries(small_dataset, tmp_path):
    out, cfg, _ = small_dataset
    other = tmp_path / "other"
    build_dataset(DataConfig(out=str(other), per_cell=cfg.per_cell, seed=cfg.seed + 1))
    assert (out / "train.jsonl").read_bytes() != (other / "train.jsonl").read_bytes()


def test_every_cell_is_filled_and_stratified(small_dataset):
    out, cfg, stats = small_dataset
    tax = load_taxonomy()
    want = split_counts(cfg)
    rows = all_rows(out)
    assert len(stats["labels"]) >= 25 and len(stats["languages"]) >= 8
    for split, items in rows.items():
        cells = Counter((r["intent"], r["language"]) for r in items)
        assert set(cells) == {(i, lang) for i in tax.labels for lang in tax.languages}
        assert set(cells.values()) == {want[split]}, split
        assert all(r["split"] == split for r in items)


def test_rows_have_the_documented_fields(small_dataset):
    out, _, _ = small_dataset
    first = json.loads((out / "train.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert list(first) == ["id", "text", "intent", "language", "entities", "template_id", "split", "noise"]
    ids = [r["id"] for rows in all_rows(out).values() for r in rows]
    assert len(ids) == len(set(ids))


def test_test_split_is_template_disjoint(small_dataset):
    rows = all_rows(small_dataset[0])
    train_t = {r["template_id"] for r in rows["train"]} | {r["template_id"] for r in rows["val"]}
    test_t = {r["template_id"] for r in rows["test"]}
    assert test_t and not (train_t & test_t)


def test_no_normalised_duplicates_anywhere(small_dataset):
    rows = all_rows(small_dataset[0])
    keys = [normalise(r["text"]) for items in rows.values() for r in items]
    assert len(keys) == len(set(keys))


def test_test_split_uses_held_out_slot_values(small_dataset):
    rows = all_rows(small_dataset[0])
    for code in langs.LANGUAGES:
        pack = LanguagePack(langs.load(code))
        for split, pool in (("test", "test"), ("train", "train")):
            allowed = {
                name: {
                    v if isinstance(v, str) else form
                    for v in pack.pools[pool][name]
                    for form in ([v] if isinstance(v, str) else v.values())
                }
                for name in langs.LIST_SLOTS
            }
            for r in rows[split]:
                if r["language"] != code or r["noise"]:
                    continue
                for e in r["entities"]:
                    if e["type"] in allowed:
                        assert e["value"] in allowed[e["type"]], (split, r["text"], e)


def test_entity_spans_are_exact(small_dataset):
    n = 0
    for items in all_rows(small_dataset[0]).values():
        for r in items:
            for e in r["entities"]:
                assert r["text"][e["start"] : e["end"]] == e["value"]
                n += 1
    assert n > 1000


def test_stats_and_card_agree_with_files(small_dataset):
    out, _, stats = small_dataset
    on_disk = json.loads((out / "stats.json").read_text(encoding="utf-8"))
    assert on_disk["total"] == sum(len(v) for v in all_rows(out).values())
    card = (out / "README.md").read_text(encoding="utf-8")
    assert str(stats["total"]) in card and "template-disjoint" in card
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert set(manifest["files"]) == set(FILES) - {"manifest.json"}


@pytest.mark.parametrize("per_cell", [0, 2, -5])
def test_per_cell_too_small(per_cell):
    with pytest.raises(UserError, match="--per-cell"):
        DataConfig(per_cell=per_cell)


def test_unknown_language(tmp_path):
    with pytest.raises(UserError, match="unknown language code.*'xx'"):
        build_dataset(DataConfig(out=str(tmp_path / "d"), per_cell=3, languages=["en", "xx"]))
    assert not (tmp_path / "d").exists()


def test_unwritable_output(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(UserError, match="choose another --out"):
        build_dataset(DataConfig(out=str(blocker / "d"), per_cell=3, languages=["en"]))


def test_intent_without_templates_names_the_fix(tmp_path):
    tax = tmp_path / "t.yaml"
    tax.write_text(
        "languages: [en, de]\nintents:\n"
        "  - name: gift_cards\n    description: Gift cards.\n"
        "    templates:\n      en: ['I want a gift card', '(buy|get) a [digital ]gift card']\n"
        "  - name: out_of_scope\n    description: Not shopping.\n",
        encoding="utf-8",
    )
    with pytest.raises(UserError) as e:
        build_dataset(DataConfig(out=str(tmp_path / "d"), per_cell=3, taxonomy=str(tax)))
    msg = str(e.value)
    assert "'gift_cards' (line 3) has 0 template(s) in 'de'" in msg and "--languages" in msg
    # The same taxonomy works for English alone, using its own templates.
    build_dataset(DataConfig(out=str(tmp_path / "d"), per_cell=3, taxonomy=str(tax), languages=["en"]))
    rows = read_split(tmp_path / "d", "train")
    assert {r["intent"] for r in rows} == {"gift_cards", "out_of_scope"}
    assert {r["template_id"].split(".")[2][0] for r in rows if r["intent"] == "gift_cards"} == {"u"}


def test_exhausted_templates_are_reported_not_looped(tmp_path):
    tax = tmp_path / "t.yaml"
    tax.write_text(
        "languages: [en]\nintents:\n"
        "  - name: gift_cards\n    description: Gift cards.\n    templates:\n      en: ['gift card', 'voucher']\n"
        "  - name: out_of_scope\n    description: Not shopping.\n",
        encoding="utf-8",
    )
    with pytest.raises(UserError, match="distinct .* queries could be made for 'gift_cards'"):
        build_dataset(DataConfig(out=str(tmp_path / "d"), per_cell=50, taxonomy=str(tax), noise=0.0))
    assert not (tmp_path / "d").exists()


def test_failure_leaves_nothing_half_written(tmp_path, monkeypatch):
    import ecomintent.data as data_mod

    def boom(*a, **k):
        raise RuntimeError("disk full")

    monkeypatch.setattr(data_mod, "dataset_card", boom)
    with pytest.raises(RuntimeError):
        build_dataset(DataConfig(out=str(tmp_path / "d"), per_cell=3, languages=["en"]))
    assert list(tmp_path.iterdir()) == []


def test_existing_output_needs_force(tmp_path):
    out = tmp_path / "d"
    build_dataset(DataConfig(out=str(out), per_cell=3, languages=["en"]))
    with pytest.raises(UserError, match="--force"):
        build_dataset(DataConfig(out=str(out), per_cell=3, languages=["de"]))
    build_dataset(DataConfig(out=str(out), per_cell=3, languages=["de"]), force=True)
    assert {r["language"] for r in read_split(out, "train")} == {"de"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d"]


def test_hf_datasets_reads_the_splits(small_dataset):
    from datasets import load_dataset

    out = small_dataset[0]
    ds = load_dataset("json", data_files={s: str(out / f"{s}.jsonl") for s in ("train", "val", "test")})
    assert ds["train"].num_rows == small_dataset[2]["splits"]["train"]
    assert set(ds["test"].column_names) >= {
        "id",
        "text",
        "intent",
        "language",
        "entities",
        "template_id",
        "split",
    }
