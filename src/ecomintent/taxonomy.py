"""The intent taxonomy: labels, descriptions, seed examples, languages; loading and validation.

Validation reports every problem at once, each with the file, the line and the fix.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from . import OUT_OF_SCOPE
from .errors import UserError

LABEL_RE = re.compile(r"^[a-z][a-z0-9_]{1,47}$")
DEFAULT_NAME = "default.yaml"


class TaxonomyError(UserError):
    """A taxonomy file that does not validate; `problems` holds one line per problem."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("the taxonomy is not valid:\n  " + "\n  ".join(problems))


@dataclass
class Intent:
    name: str
    description: str
    examples: list[str] = field(default_factory=list)
    templates: dict[str, list[str]] = field(default_factory=dict)  # language -> extra generator templates
    line: int = 0


@dataclass
class Taxonomy:
    name: str
    languages: list[str]
    intents: list[Intent]
    source: str  # the YAML text it was read from
    path: str = "<default>"

    @property
    def labels(self) -> list[str]:
        return [i.name for i in self.intents]

    def get(self, name: str) -> Intent:
        for i in self.intents:
            if i.name == name:
                return i
        raise KeyError(name)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.source.encode("utf-8")).hexdigest()


def default_path() -> Path:
    return Path(str(resources.files("ecomintent") / "taxonomy" / DEFAULT_NAME))


def load_taxonomy(path: str | Path | None = None) -> Taxonomy:
    """Read and validate a taxonomy file (the built-in one when `path` is None)."""
    p = Path(path) if path is not None else default_path()
    if not p.exists():
        raise UserError(
            f"taxonomy file {p} does not exist; check the path or omit --taxonomy for the built-in one"
        )
    if p.is_dir():
        raise UserError(f"{p} is a directory; pass a taxonomy YAML file")
    try:
        text = p.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise UserError(f"{p} is not UTF-8 text; save the taxonomy as UTF-8 YAML") from None
    return parse_taxonomy(text, str(p) if path is not None else "<default>")


def parse_taxonomy(text: str, where: str = "<taxonomy>") -> Taxonomy:
    """Parse and validate taxonomy YAML; raise TaxonomyError listing every problem."""
    from .synth import languages as langs

    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        problem = getattr(e, "problem", None) or str(e)
        raise TaxonomyError(
            [f"{where}{line}: YAML syntax error: {problem}; fix the indentation or quoting there"]
        ) from None

    problems: list[str] = []

    def at(node) -> str:
        return f"{where}:{node.start_mark.line + 1}" if node is not None else where

    if not isinstance(data, dict) or not isinstance(root, yaml.MappingNode):
        raise TaxonomyError(
            [f"{where}: the file must be a mapping with 'name', 'languages' and 'intents' keys"]
        )
    nodes = {k.value: v for k, v in root.value}

    languages = data.get("languages", list(langs.LANGUAGES))
    lang_node = nodes.get("languages")
    if not isinstance(languages, list) or not languages:
        problems.append(f"{at(lang_node)}: 'languages' must be a non-empty list of codes, e.g. [en, de]")
        languages = []
    else:
        for k, code in enumerate(languages):
            node = lang_node.value[k] if isinstance(lang_node, yaml.SequenceNode) else lang_node
            if code not in langs.LANGUAGES:
                problems.append(
                    f"{at(node)}: unknown language {code!r}; use one of {', '.join(langs.LANGUAGES)}"
                )
        if len(set(map(str, languages))) != len(languages):
            problems.append(f"{at(lang_node)}: 'languages' lists a code twice; list each once")

    intents_data = data.get("intents")
    intents_node = nodes.get("intents")
    if not isinstance(intents_data, list) or not isinstance(intents_node, yaml.SequenceNode):
        raise TaxonomyError(
            problems + [f"{at(intents_node) if intents_node else where}: 'intents' must be a list of intents"]
        )

    intents: list[Intent] = []
    first_line: dict[str, int] = {}
    for item, node in zip(intents_data, intents_node.value, strict=True):
        loc = at(node)
        if not isinstance(item, dict):
            problems.append(f"{loc}: each intent must be a mapping with 'name' and 'description'")
            continue
        unknown = set(item) - {"name", "description", "examples", "templates"}
        if unknown:
            problems.append(
                f"{loc}: unknown key(s) {sorted(unknown)}; allowed: name, description, examples, templates"
            )
        name = item.get("name")
        if not isinstance(name, str) or not LABEL_RE.match(name):
            problems.append(
                f"{loc}: intent name {name!r} is not a safe label; use 2-48 characters of a-z, 0-9 and _, starting with a letter"
            )
            name = str(name)
        line = node.start_mark.line + 1
        if name in first_line:
            problems.append(
                f"{loc}: intent {name!r} is defined twice (first at line {first_line[name]}); rename or remove one"
            )
        else:
            first_line[name] = line
        desc = item.get("description")
        if not isinstance(desc, str) or not desc.strip():
            problems.append(
                f"{loc}: intent {name!r} has an empty description; add one line saying what shoppers want"
            )
            desc = ""
        examples = item.get("examples", [])
        if not isinstance(examples, list) or not all(isinstance(x, str) and x.strip() for x in examples):
            problems.append(f"{loc}: 'examples' of {name!r} must be a list of non-empty texts")
            examples = []
        templates = item.get("templates", {}) or {}
        if not isinstance(templates, dict):
            problems.append(f"{loc}: 'templates' of {name!r} must map language codes to lists of templates")
            templates = {}
        for code, items in templates.items():
            if code not in langs.LANGUAGES:
                problems.append(
                    f"{loc}: templates of {name!r} use unknown language {code!r}; use one of {', '.join(langs.LANGUAGES)}"
                )
                continue
            if not isinstance(items, list) or not all(isinstance(t, str) and t.strip() for t in items):
                problems.append(f"{loc}: templates.{code} of {name!r} must be a list of non-empty texts")
                continue
            forms = langs.slot_forms(langs.load(code))
            for t in items:
                problems.extend(
                    f"{loc}: templates.{code} of {name!r}: {p}" for p in langs.check_template(t, forms)
                )
        intents.append(Intent(name, desc.strip(), [x.strip() for x in examples], dict(templates), line))

    if OUT_OF_SCOPE not in first_line:
        problems.append(
            f"{where}: no '{OUT_OF_SCOPE}' intent; add one for queries that are not about shopping here"
        )
    if len(intents) < 2:
        problems.append(f"{where}: a taxonomy needs at least two intents; add more")
    name = data.get("name", Path(where).stem)
    if problems:
        raise TaxonomyError(problems)
    return Taxonomy(str(name), [str(c) for c in languages], intents, text, where)
