"""Every language module: its contract, and that what it generates reads as that language."""

import random
import re

import pytest

from ecomintent.synth import languages as langs
from ecomintent.synth.generator import LanguagePack
from ecomintent.synth.grammar import join_segments
from ecomintent.taxonomy import load_taxonomy

# Very common function words; generated queries of a language should be full of their own
# and nearly free of other languages' (English is allowed everywhere only via code-switching).
FUNCTION_WORDS = {
    "en": {
        "the",
        "my",
        "i",
        "is",
        "you",
        "to",
        "a",
        "it",
        "do",
        "can",
        "for",
        "of",
        "and",
        "me",
        "your",
        "with",
        "what",
        "how",
        "where",
    },
    "de": {
        "ich",
        "die",
        "der",
        "das",
        "ist",
        "mein",
        "meine",
        "sie",
        "ein",
        "eine",
        "nicht",
        "und",
        "wie",
        "wo",
        "ihr",
        "bitte",
        "kann",
        "mit",
        "für",
        "zu",
    },
    "fr": {
        "je",
        "le",
        "la",
        "les",
        "mon",
        "ma",
        "mes",
        "est",
        "vous",
        "un",
        "une",
        "pas",
        "et",
        "pour",
        "de",
        "comment",
        "où",
        "il",
        "votre",
        "des",
    },
    "es": {
        "el",
        "la",
        "mi",
        "es",
        "un",
        "una",
        "no",
        "y",
        "para",
        "de",
        "que",
        "cómo",
        "dónde",
        "los",
        "por",
        "me",
        "su",
        "con",
        "lo",
        "quiero",
    },
    "it": {
        "il",
        "la",
        "mio",
        "mia",
        "è",
        "un",
        "una",
        "non",
        "e",
        "per",
        "di",
        "che",
        "come",
        "dove",
        "lo",
        "mi",
        "vorrei",
        "con",
        "del",
        "ho",
    },
    "pt": {
        "o",
        "a",
        "meu",
        "minha",
        "é",
        "um",
        "uma",
        "não",
        "e",
        "para",
        "de",
        "que",
        "como",
        "onde",
        "os",
        "do",
        "da",
        "com",
        "eu",
        "quero",
    },
    "pl": {
        "jest",
        "nie",
        "i",
        "w",
        "na",
        "z",
        "do",
        "moje",
        "moja",
        "mój",
        "czy",
        "jak",
        "gdzie",
        "się",
        "to",
        "mam",
        "mi",
        "o",
        "co",
        "proszę",
    },
    "hr": {
        "je",
        "nije",
        "i",
        "u",
        "na",
        "za",
        "moja",
        "moj",
        "moju",
        "li",
        "kako",
        "gdje",
        "se",
        "da",
        "ne",
        "mi",
        "sam",
        "što",
        "mogu",
        "molim",
    },
}
DIACRITICS = {
    "de": "äöüß",
    "fr": "éèêàçùô",
    "es": "ñáéíóú¿¡",
    "it": "àèéìòù",
    "pt": "ãõçáéíóúâê",
    "pl": "ąćęłńóśźż",
    "hr": "čćđšž",
}
LABELS = load_taxonomy().labels


def sample(code: str, n_per_label: int = 30) -> dict[str, list[str]]:
    pack = LanguagePack(langs.load(code))
    rng = random.Random(5)
    out = {}
    for label in LABELS:
        tpls = pack.templates(label, [])
        out[label] = [
            join_segments(pack.render(rng.choice(tpls).seq, rng, "train"))[0] for _ in range(n_per_label)
        ]
    return out


@pytest.mark.parametrize("code", list(langs.LANGUAGES))
def test_module_meets_the_contract(code):
    assert langs.validate_module(langs.load(code), LABELS) == []


@pytest.mark.parametrize("code", list(langs.LANGUAGES))
def test_generated_text_is_in_that_language(code):
    texts = [t for items in sample(code).values() for t in items]
    words = [set(re.findall(r"\w+", t.lower())) for t in texts]
    own = sum(1 for w in words if w & FUNCTION_WORDS[code]) / len(words)
    assert own > 0.5, own
    for other, fw in FUNCTION_WORDS.items():
        if other in (code, "en"):
            continue
        # Words shared between the two lists (e.g. "de", "la") do not count as foreign.
        foreign = fw - FUNCTION_WORDS[code]
        share = sum(1 for w in words if len(w & foreign) >= 2) / len(words)
        assert share < 0.1, (other, share)
    if code in DIACRITICS:
        assert sum(1 for t in texts if set(t) & set(DIACRITICS[code])) / len(texts) > 0.15


@pytest.mark.parametrize("code", list(langs.LANGUAGES))
def test_local_formats_and_variety(code):
    mod = langs.load(code)
    rng = random.Random(0)
    for fn in (mod.price, mod.date, mod.order_id, mod.quantity):
        values = {fn(rng) for _ in range(200)}
        assert len(values) >= 10, fn.__name__
    assert any(re.search(r"\d", mod.price(rng)) for _ in range(20))
    texts = sample(code)
    for label, items in texts.items():
        assert len(set(items)) >= 15, (label, items[:5])
