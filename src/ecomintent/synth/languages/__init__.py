"""One module per language, each written natively: slot values, local formats and templates.

A language module defines CODE, KEYBOARD, SLOTS, price(), date(), order_id(), quantity(), ABBREVIATIONS,
ENGLISH_SWAPS and TEMPLATES (label -> list of templates in the grammar of `ecomintent.synth.grammar`).
`validate_module` states the contract precisely; `python -m ecomintent.synth.check CODE` runs it.
"""

from __future__ import annotations

import importlib
import random
from functools import cache
from types import ModuleType

from ..grammar import TemplateError, compile_template, iter_slots

# Language code -> English name. Only codes with a module here can be generated.
LANGUAGES: dict[str, str] = {
    "en": "English",
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "pl": "Polish",
    "hr": "Croatian",
}

LIST_SLOTS = ("product", "brand", "color", "size", "city", "payment_method", "coupon")
FUNC_SLOTS = ("price", "date", "order_id", "quantity")
KEYBOARDS = ("qwerty", "qwertz", "azerty")
MIN_TEMPLATES = 2  # a cell needs at least one training and one held-out test template


@cache
def load(code: str) -> ModuleType:
    """Import a language module by its code."""
    if code not in LANGUAGES:
        raise KeyError(code)
    return importlib.import_module(f"{__name__}.{code}")


def validate_module(mod: ModuleType, labels: list[str] | None = None, min_templates: int = 12) -> list[str]:
    """Every way a language module breaks the contract, as readable lines (empty: it is valid)."""
    problems: list[str] = []
    code = getattr(mod, "CODE", None)
    if code not in LANGUAGES:
        problems.append(f"CODE is {code!r}; expected one of {sorted(LANGUAGES)}")
    if getattr(mod, "KEYBOARD", None) not in KEYBOARDS:
        problems.append(f"KEYBOARD must be one of {KEYBOARDS}")
    slots = getattr(mod, "SLOTS", None)
    forms: dict[str, set[str]] = {}
    if not isinstance(slots, dict):
        problems.append("SLOTS must be a dict")
        slots = {}
    for name in LIST_SLOTS:
        values = slots.get(name)
        if not isinstance(values, list) or len(values) < 12:
            problems.append(f"SLOTS[{name!r}] needs a list of at least 12 values")
            continue
        keys = None
        seen = set()
        for v in values:
            if isinstance(v, str):
                vk = {"base"}
                base = v
            elif isinstance(v, dict) and isinstance(v.get("base"), str):
                vk = set(v)
                base = v["base"]
                if not all(isinstance(x, str) and x.strip() for x in v.values()):
                    problems.append(f"SLOTS[{name!r}] value {v!r} has an empty or non-text form")
            else:
                problems.append(f"SLOTS[{name!r}] value {v!r} must be a str or a dict with a 'base' form")
                continue
            if base in seen:
                problems.append(f"SLOTS[{name!r}] repeats {base!r}")
            seen.add(base)
            if keys is None:
                keys = vk
            elif vk != keys and not (vk == {"base"} or keys == {"base"}):
                problems.append(f"SLOTS[{name!r}] value {v!r} has forms {sorted(vk)}, others {sorted(keys)}")
            if keys == {"base"} and vk != {"base"}:
                keys = vk
        # Plain strings in a list of dicts only offer "base".
        if any(isinstance(v, str) for v in values) and keys and keys != {"base"}:
            problems.append(
                f"SLOTS[{name!r}] mixes plain strings with dicts of forms; give every value all forms"
            )
        forms[name] = keys or {"base"}
    rng = random.Random(0)
    for name in FUNC_SLOTS:
        fn = getattr(mod, name, None)
        if not callable(fn):
            problems.append(f"function {name}(rng) is missing")
            continue
        for _ in range(20):
            v = fn(rng)
            if not isinstance(v, str) or not v.strip() or v != v.strip():
                problems.append(
                    f"{name}(rng) returned {v!r}; it must return non-empty text without outer spaces"
                )
                break
        forms[name] = {"base"}
    abbrev = getattr(mod, "ABBREVIATIONS", None)
    if not isinstance(abbrev, dict) or not all(
        isinstance(k, str)
        and k == k.lower()
        and isinstance(v, list)
        and v
        and all(isinstance(x, str) for x in v)
        for k, v in abbrev.items()
    ):
        problems.append("ABBREVIATIONS must map lower-case words to non-empty lists of shortenings")
    swaps = getattr(mod, "ENGLISH_SWAPS", None)
    if not isinstance(swaps, dict):
        problems.append("ENGLISH_SWAPS must be a dict (local product word -> English word)")
    else:
        bases = {v if isinstance(v, str) else v.get("base") for v in slots.get("product", []) or []}
        for k in swaps:
            if k not in bases:
                problems.append(f"ENGLISH_SWAPS key {k!r} is not a base value of SLOTS['product']")
    templates = getattr(mod, "TEMPLATES", None)
    if not isinstance(templates, dict):
        problems.append("TEMPLATES must be a dict of label -> list of templates")
        return problems
    if labels is not None:
        for label in labels:
            if label not in templates:
                problems.append(f"TEMPLATES has no {label!r}")
        for label in templates:
            if label not in labels:
                problems.append(f"TEMPLATES has {label!r}, which is not a label of the taxonomy")
    for label, items in templates.items():
        if not isinstance(items, list) or len(items) < min_templates:
            problems.append(
                f"TEMPLATES[{label!r}] has {len(items) if isinstance(items, list) else 0} templates; needs >= {min_templates}"
            )
            continue
        if len(set(items)) != len(items):
            problems.append(f"TEMPLATES[{label!r}] repeats a template")
        for t in items:
            problems.extend(f"TEMPLATES[{label!r}]: {p}" for p in check_template(t, forms))
    return problems


def check_template(template: str, forms: dict[str, set[str]]) -> list[str]:
    """Problems with one template given the slot forms a language offers."""
    try:
        seq = compile_template(template)
    except TemplateError as e:
        return [str(e)]
    out = []
    for slot in iter_slots(seq):
        if slot.name not in forms:
            out.append(f"unknown slot {{{slot.name}}} in {template!r}; slots: {sorted(forms)}")
        elif slot.form not in forms[slot.name]:
            out.append(
                f"slot {{{slot.name}:{slot.form}}} in {template!r}: no form {slot.form!r} (has {sorted(forms[slot.name])})"
            )
    return out


def slot_forms(mod: ModuleType) -> dict[str, set[str]]:
    """The forms each slot of a language offers."""
    forms: dict[str, set[str]] = {name: {"base"} for name in FUNC_SLOTS}
    for name in LIST_SLOTS:
        values = mod.SLOTS.get(name) or []
        forms[name] = set(values[0]) if values and isinstance(values[0], dict) else {"base"}
    return forms
