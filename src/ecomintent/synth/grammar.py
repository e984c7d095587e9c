"""The template grammar: compile once, expand many times.

A template is text with four constructs:

    {slot} / {slot:form}   a slot value (its "base" form, or a named grammatical form)
    (a|b|c)                one alternative, chosen uniformly
    [x]                    optional, included half of the time
    plain text             copied; runs of white space collapse to one space

Constructs nest. Expansion yields *segments* (literal text or a filled slot), so entity spans can be
computed exactly after the noise step has rewritten some segments.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

_SLOT_RE = re.compile(r"^([a-z_]+)(?::([a-z_]+))?$")


class TemplateError(ValueError):
    """A template that does not parse; the message shows where."""


@dataclass(frozen=True)
class Slot:
    name: str
    form: str = "base"


# Compiled node shapes (plain tuples and strings keep expansion fast):
#   str                       literal text
#   Slot                      a slot
#   ("alt", (seq, seq, ...))  choose one sequence
#   ("opt", seq)              optional sequence
# A sequence is a tuple of nodes.


def compile_template(template: str) -> tuple:
    """Parse a template into a node sequence; raise TemplateError naming the position of a fault."""
    seq, pos = _parse_seq(template, 0, stop="")
    if pos != len(template):
        raise TemplateError(f"unexpected {template[pos]!r} at position {pos} in {template!r}")
    return seq


def _parse_seq(t: str, pos: int, stop: str) -> tuple[tuple, int]:
    nodes: list = []
    buf: list[str] = []

    def flush() -> None:
        if buf:
            nodes.append("".join(buf))
            buf.clear()

    while pos < len(t):
        c = t[pos]
        if c in stop:
            break
        if c in ")]|":
            raise TemplateError(f"unexpected {c!r} at position {pos} in {t!r}")
        if c == "{":
            end = t.find("}", pos)
            if end < 0:
                raise TemplateError(f"unclosed '{{' at position {pos} in {t!r}")
            m = _SLOT_RE.match(t[pos + 1 : end])
            if not m:
                raise TemplateError(f"bad slot {t[pos : end + 1]!r} at position {pos} in {t!r}")
            flush()
            nodes.append(Slot(m.group(1), m.group(2) or "base"))
            pos = end + 1
        elif c == "}":
            raise TemplateError(f"unexpected '}}' at position {pos} in {t!r}")
        elif c == "(":
            flush()
            alts = []
            pos += 1
            while True:
                seq, pos = _parse_seq(t, pos, stop="|)")
                alts.append(seq)
                if pos >= len(t):
                    raise TemplateError(f"unclosed '(' in {t!r}")
                if t[pos] == ")":
                    pos += 1
                    break
                pos += 1  # '|'
            nodes.append(("alt", tuple(alts)))
        elif c == "[":
            flush()
            seq, pos = _parse_seq(t, pos + 1, stop="]")
            if pos >= len(t):
                raise TemplateError(f"unclosed '[' in {t!r}")
            nodes.append(("opt", seq))
            pos += 1
        else:
            buf.append(c)
            pos += 1
    flush()
    return tuple(nodes), pos


def iter_slots(seq: tuple):
    """Every Slot in a compiled sequence, in order."""
    for node in seq:
        if isinstance(node, Slot):
            yield node
        elif isinstance(node, tuple):
            if node[0] == "alt":
                for alt in node[1]:
                    yield from iter_slots(alt)
            else:
                yield from iter_slots(node[1])


def expand(seq: tuple, rng: random.Random, out: list) -> None:
    """Append the chosen nodes of `seq` to `out`: literal strings and Slot objects, in order."""
    for node in seq:
        if isinstance(node, str | Slot):
            out.append(node)
        elif node[0] == "alt":
            alts = node[1]
            expand(alts[rng.randrange(len(alts))], rng, out)
        elif rng.random() < 0.5:
            expand(node[1], rng, out)


def count_variants(seq: tuple) -> int:
    """How many distinct slot-free surface structures a template has (an upper bound on its variety)."""
    n = 1
    for node in seq:
        if isinstance(node, tuple):
            if node[0] == "alt":
                n *= sum(count_variants(a) for a in node[1])
            else:
                n *= count_variants(node[1]) + 1
    return n


@dataclass
class Segment:
    """A piece of a generated query: literal text, or a slot's surface value."""

    text: str
    slot: str | None = None  # entity type for slot segments
    base: str | None = None  # the slot value's base form (for code-switching)


_WS = re.compile(r"\s+")


def join_segments(segments: list[Segment]) -> tuple[str, list[dict]]:
    """Join segments into the final text, collapsing white space, and return entity spans.

    Each span is {"type", "value", "start", "end"} with text[start:end] == value.
    """
    parts: list[str] = []
    length = 0
    last_space = True  # at the start, leading space is dropped
    entities: list[dict] = []
    for seg in segments:
        if seg.slot is None:
            s = _WS.sub(" ", seg.text)
            if last_space and s.startswith(" "):
                s = s[1:]
            if not s:
                continue
            parts.append(s)
            length += len(s)
            last_space = s.endswith(" ")
        else:
            value = seg.text.strip()
            if not value:
                continue
            entities.append({"type": seg.slot, "value": value, "start": length, "end": length + len(value)})
            parts.append(value)
            length += len(value)
            last_space = False
    text = "".join(parts).rstrip()
    return text, entities
