"""The noise real users type, applied to generated segments at a controlled rate.

A noisy row gets one to three operations, each chosen among those that change something in that row:
keyboard-adjacent typos, lost diacritics, all-lowercase, no punctuation, emoji, chat abbreviations,
English product words in other languages (code-switching) and repeated punctuation. Operations work
on segments, so entity spans stay exact when a slot value itself is altered.
"""

from __future__ import annotations

import random
import re
import unicodedata
from types import ModuleType

from .grammar import Segment

_ROWS = {
    "qwerty": ["1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"],
    "qwertz": ["1234567890", "qwertzuiop", "asdfghjkl", "yxcvbnm"],
    "azerty": ["1234567890", "azertyuiop", "qsdfghjklm", "wxcvbn"],
}


def _neighbours(rows: list[str]) -> dict[str, str]:
    """Each key's physical neighbours: same row left/right and the keys above and below."""
    out: dict[str, str] = {}
    for r, row in enumerate(rows):
        for c, ch in enumerate(row):
            near = [row[c + d] for d in (-1, 1) if 0 <= c + d < len(row)]
            for rr in (r - 1, r + 1):
                if 0 <= rr < len(rows):
                    near += [rows[rr][cc] for cc in (c - 1, c, c + 1) if 0 <= cc < len(rows[rr])]
            out[ch] = "".join(dict.fromkeys(near))
    return out


NEIGHBOURS = {name: _neighbours(rows) for name, rows in _ROWS.items()}

# Letters that NFD decomposition does not strip.
_PLAIN = str.maketrans(
    {"ł": "l", "Ł": "L", "ß": "ss", "đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "œ": "oe", "æ": "ae"}
)


def strip_diacritics(s: str) -> str:
    d = unicodedata.normalize("NFD", s.translate(_PLAIN))
    return unicodedata.normalize("NFC", "".join(c for c in d if not unicodedata.combining(c)))


def has_diacritics(s: str) -> bool:
    return strip_diacritics(s) != s


_PUNCT = re.compile(r"[.,!?;:¿¡«»„“”\"…]")
EMOJI = {
    "complaint": "😡😤🤬👎😠😒",
    "product_feedback": "😍👍⭐❤🙂🔥",
    "out_of_scope": "😂🤔😊🙃😎",
}
EMOJI_DEFAULT = "🙏😊🤔😅👀❓🙂"

# Operation -> relative weight among a noisy row's applicable operations.
WEIGHTS = {
    "lowercase": 3.0,
    "no_punct": 3.0,
    "typo": 3.0,
    "no_diacritics": 2.0,
    "abbreviation": 1.5,
    "emoji": 1.0,
    "code_switch": 1.0,
    "extra_punct": 0.5,
}


class Noiser:
    """Applies noise for one language."""

    def __init__(self, mod: ModuleType):
        self.neigh = NEIGHBOURS[mod.KEYBOARD]
        self.swaps: dict[str, str] = dict(mod.ENGLISH_SWAPS)
        abbrev = {k: v for k, v in mod.ABBREVIATIONS.items() if v}
        self.abbrev = abbrev
        if abbrev:
            alt = "|".join(re.escape(k) for k in sorted(abbrev, key=len, reverse=True))
            self.abbrev_re = re.compile(rf"(?<!\w)({alt})(?!\w)", re.IGNORECASE)
        else:
            self.abbrev_re = None

    def applicable(self, segs: list[Segment]) -> list[str]:
        text = "".join(s.text for s in segs)
        ops = []
        if text != text.lower():
            ops.append("lowercase")
        if any(s.slot is None and _PUNCT.search(s.text) for s in segs):
            ops.append("no_punct")
        if any(c.isalpha() for c in text):
            ops.append("typo")
        if has_diacritics(text):
            ops.append("no_diacritics")
        if self.abbrev_re and any(s.slot is None and self.abbrev_re.search(s.text) for s in segs):
            ops.append("abbreviation")
        ops.append("emoji")
        if any(s.slot == "product" and s.base in self.swaps for s in segs):
            ops.append("code_switch")
        if text.rstrip()[-1:] in ("?", "!"):
            ops.append("extra_punct")
        return ops

    def apply(self, segs: list[Segment], rng: random.Random, intent: str) -> list[str]:
        """Apply one to three applicable operations in place; return their names in order."""
        ops = self.applicable(segs)
        r = rng.random()
        k = 1 if r < 0.6 else 2 if r < 0.9 else 3
        chosen: list[str] = []
        for _ in range(min(k, len(ops))):
            w = [WEIGHTS[o] for o in ops]
            op = rng.choices(ops, weights=w)[0]
            ops.remove(op)
            chosen.append(op)
            for other in _EXCLUSIVE.get(op, ()):
                if other in ops:
                    ops.remove(other)
        # A fixed order keeps results sensible (swap words before typing them wrong).
        chosen.sort(key=_ORDER.index)
        for op in chosen:
            getattr(self, "_" + op)(segs, rng, intent)
        return chosen

    def _lowercase(self, segs, rng, intent):
        for s in segs:
            s.text = s.text.lower()

    def _no_punct(self, segs, rng, intent):
        for s in segs:
            if s.slot is None:
                s.text = _PUNCT.sub("", s.text)

    def _no_diacritics(self, segs, rng, intent):
        for s in segs:
            s.text = strip_diacritics(s.text)

    def _code_switch(self, segs, rng, intent):
        for s in segs:
            if s.slot == "product" and s.base in self.swaps:
                # Keep the inflected form's article or preposition ("la montre" -> "la smartwatch").
                eng = self.swaps[s.base]
                s.text = s.text.replace(s.base, eng, 1) if s.base in s.text else eng

    def _abbreviation(self, segs, rng, intent):
        def sub(m: re.Match) -> str:
            if rng.random() < 0.75:
                return rng.choice(self.abbrev[m.group(1).lower()])
            return m.group(0)

        for s in segs:
            if s.slot is None:
                s.text = self.abbrev_re.sub(sub, s.text)

    def _emoji(self, segs, rng, intent):
        e = rng.choice(EMOJI.get(intent, EMOJI_DEFAULT))
        if rng.random() < 0.2:
            segs.insert(0, Segment(e + " "))
        else:
            segs.append(Segment((" " if rng.random() < 0.7 else "") + e * rng.choice((1, 1, 1, 2, 3))))

    def _extra_punct(self, segs, rng, intent):
        for s in reversed(segs):
            stripped = s.text.rstrip()
            if stripped:
                if stripped[-1] in "?!":
                    s.text = stripped + stripped[-1] * rng.choice((1, 2, 3))
                return

    def _typo(self, segs, rng, intent):
        before = [s.text for s in segs]
        for _ in range(rng.choice((1, 1, 1, 2))):
            self._one_typo(segs, rng)
        if [s.text for s in segs] == before:  # two typos can cancel out; a typo must show
            s = rng.choice([s for s in segs if any(c.isalpha() for c in s.text)])
            i = rng.choice([i for i, c in enumerate(s.text) if c.isalpha()])
            s.text = s.text[:i] + s.text[i] + s.text[i:]

    def _one_typo(self, segs, rng):
        weights = [sum(c.isalpha() for c in s.text) for s in segs]
        if not any(weights):
            return
        s = rng.choices(segs, weights=weights)[0]
        idx = [i for i, c in enumerate(s.text) if c.isalpha()]
        i = rng.choice(idx)
        t, c = s.text, s.text[i]
        kind = rng.random()
        near = self.neigh.get(c.lower())
        if kind < 0.5 and near:
            n = rng.choice(near)
            s.text = t[:i] + (n.upper() if c.isupper() else n) + t[i + 1 :]
        elif kind < 0.7 and len(idx) > 1:
            s.text = t[:i] + t[i + 1 :]
        elif kind < 0.9 and i + 1 < len(t) and t[i + 1].isalpha() and t[i + 1] != c:
            s.text = t[:i] + t[i + 1] + c + t[i + 2 :]
        else:
            s.text = t[:i] + c + t[i:]


# Order of application: replace words first, then mangle characters, then decorate.
_ORDER = [
    "code_switch",
    "abbreviation",
    "typo",
    "no_diacritics",
    "lowercase",
    "no_punct",
    "extra_punct",
    "emoji",
]


_EXCLUSIVE = {"no_punct": ("extra_punct",), "extra_punct": ("no_punct",)}
