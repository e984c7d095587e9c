import random

import pytest

from ecomintent.synth.grammar import (
    Segment,
    Slot,
    TemplateError,
    compile_template,
    count_variants,
    expand,
    join_segments,
)


def expand_text(template: str, seed: int) -> str:
    nodes: list = []
    expand(compile_template(template), random.Random(seed), nodes)
    return join_segments([Segment(n) if isinstance(n, str) else Segment(n.name, n.name) for n in nodes])[0]


def test_alternatives_and_optionals_reach_every_variant():
    t = "(hi|hello) [there ]friend[!]"
    seen = {expand_text(t, s) for s in range(200)}
    assert seen == {
        "hi there friend",
        "hi there friend!",
        "hi friend",
        "hi friend!",
        "hello there friend",
        "hello there friend!",
        "hello friend",
        "hello friend!",
    }
    assert count_variants(compile_template(t)) == 8


def test_nesting_and_slots_with_forms():
    seq = compile_template("[bitte (schnell|sofort) ]{product:acc} in {color}")
    nodes: list = []
    expand(seq, random.Random(0), nodes)
    slots = [n for n in nodes if isinstance(n, Slot)]
    assert slots == [Slot("product", "acc"), Slot("color", "base")]


@pytest.mark.parametrize("bad", ["(a|b", "[x", "a)b", "x]", "{bad slot}", "{Product}", "a}b", "{x"])
def test_malformed_templates_are_rejected(bad):
    with pytest.raises(TemplateError):
        compile_template(bad)


def test_join_collapses_space_and_spans_are_exact():
    segs = [Segment("  where is  "), Segment(" #1002 ", "order_id", "#1002"), Segment("  ?  ")]
    text, ents = join_segments(segs)
    assert text == "where is #1002 ?"
    assert ents == [{"type": "order_id", "value": "#1002", "start": 9, "end": 14}]
    assert text[9:14] == "#1002"


def test_empty_optional_leaves_no_double_space():
    texts = {expand_text("a [b ]c", s) for s in range(50)}
    assert texts == {"a b c", "a c"}
