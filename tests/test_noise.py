import random
import re

import pytest

from ecomintent.config import DataConfig
from ecomintent.synth import languages as langs
from ecomintent.synth.generator import LanguagePack, generate
from ecomintent.synth.grammar import Segment, join_segments
from ecomintent.synth.noise import NEIGHBOURS, Noiser, has_diacritics, strip_diacritics
from ecomintent.taxonomy import load_taxonomy


def test_strip_diacritics_covers_every_language():
    assert strip_diacritics("Żółć łódź ćma") == "Zolc lodz cma"
    assert strip_diacritics("Đurđevac čćšž") == "Durdevac ccsz"
    assert strip_diacritics("Größe Straße") == "Grosse Strasse"
    assert strip_diacritics("été où ça àè ñ ã õ ê") == "ete ou ca ae n a o e"
    assert not has_diacritics("plain ascii") and has_diacritics("café")


def test_keyboard_neighbours_follow_the_layout():
    assert set("qsz") <= set(NEIGHBOURS["azerty"]["a"])  # AZERTY: a sits left of z, above q
    assert "t" in NEIGHBOURS["qwertz"]["z"] and "y" not in NEIGHBOURS["qwertz"]["u"]
    assert "t" in NEIGHBOURS["qwerty"]["y"]


def _levenshtein(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def test_typo_is_small_and_keeps_spans_exact():
    noiser = Noiser(langs.load("de"))
    rng = random.Random(3)
    for _ in range(300):
        segs = [Segment("Wo ist meine Bestellung "), Segment("#100234", "order_id", "#100234"), Segment("?")]
        before, _ = join_segments([Segment(s.text, s.slot, s.base) for s in segs])
        noiser._typo(segs, rng, "order_status")
        after, ents = join_segments(segs)
        assert 1 <= _levenshtein(before, after) <= 4
        for e in ents:
            assert after[e["start"] : e["end"]] == e["value"]


def _cells(noise: float, languages=None):
    cfg = DataConfig(out="unused", per_cell=10, seed=11, noise=noise, languages=languages)
    return [r for rows in generate(cfg, load_taxonomy()).values() for r in rows]


def test_noise_zero_means_clean_rows():
    rows = _cells(0.0, ["en", "pl"])
    assert rows and not any(r["noise"] for r in rows)


@pytest.mark.parametrize("rate", [0.2, 0.6])
def test_noise_rate_is_controlled(rate):
    rows = _cells(rate)
    share = sum(1 for r in rows if r["noise"]) / len(rows)
    assert abs(share - rate) < 0.05, share


def test_every_noise_kind_occurs_and_does_what_it_says():
    rows = _cells(1.0)
    seen = {op for r in rows for op in r["noise"]}
    assert seen == {
        "lowercase",
        "no_punct",
        "typo",
        "no_diacritics",
        "abbreviation",
        "emoji",
        "code_switch",
        "extra_punct",
    }
    for r in rows:
        t = r["text"]
        if "lowercase" in r["noise"]:
            assert t == t.lower()
        if "no_diacritics" in r["noise"]:
            assert not has_diacritics(t)
        if "emoji" in r["noise"]:
            assert re.search(r"[\U0001F300-\U0001FAFF\u2600-\u27BF\u2B50\u2753]", t), t
        if "no_punct" in r["noise"]:
            # Punctuation may remain only inside slot values (prices, dates, order numbers).
            outside = "".join(
                c for i, c in enumerate(t) if not any(e["start"] <= i < e["end"] for e in r["entities"])
            )
            assert not re.search(r"[.,!?;:¿¡]", outside), t
        for e in r["entities"]:
            assert t[e["start"] : e["end"]] == e["value"]


def test_code_switch_puts_english_product_words_in():
    pack = LanguagePack(langs.load("de"))
    rows = [r for r in _cells(1.0, ["de"]) if "code_switch" in r["noise"]]
    english = {w.lower() for w in pack.mod.ENGLISH_SWAPS.values()}
    assert rows
    for r in rows:
        products = [e["value"].lower() for e in r["entities"] if e["type"] == "product"]
        assert products  # the switched word is still an entity
        if r["noise"] == ["code_switch"]:
            assert any(word in p for p in products for word in english), r
    assert any(r["noise"] == ["code_switch"] for r in rows)
