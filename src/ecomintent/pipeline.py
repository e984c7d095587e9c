"""`ecomintent run`: the stages end to end into runs/NAME/, resumable by manifest hash.

Every stage declares its settings, the files it reads and the paths it writes. Its key is the
sha256 of its settings and of its inputs' contents; `run_manifest.json` records each stage's key,
input hashes, settings, wall time and status. A re-run skips a stage whose key is unchanged and
whose outputs exist, and re-does every stage whose settings or inputs changed (a re-trained model
changes the export's inputs, and so on downstream). `force` re-does the named stages regardless.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import UserError
from .fileio import dump_json, sha256_file

MANIFEST = "run_manifest.json"


@dataclass
class Stage:
    name: str
    settings: dict  # JSON-serialisable: what the stage was asked to do
    inputs: Callable[[], list[Path]]  # files/directories whose contents the stage reads (resolved late)
    outputs: list[Path]  # what must exist for the stage to count as done
    run: Callable[[], dict]  # does the work; returns a short JSON-serialisable summary
    describe: str = ""  # one line for the progress display


@dataclass
class StageResult:
    name: str
    status: str  # "done", "skipped" (up to date) or "failed"
    wall_s: float
    summary: dict = field(default_factory=dict)
    error: str | None = None


def hash_path(p: Path) -> str:
    """Content hash of a file, or of every file under a directory (relative names included).

    Temporary and checkpoint folders are ignored; large files are hashed once per (path, size,
    mtime) within a process.
    """
    if not p.exists():
        return "missing"
    if p.is_file():
        return _file_hash(p)
    h = hashlib.sha256()
    for f in sorted(x for x in p.rglob("*") if x.is_file()):
        rel = f.relative_to(p).as_posix()
        if rel.startswith(".") or "/." in rel or rel.startswith("checkpoints/"):
            continue
        h.update(rel.encode() + b"\0" + _file_hash(f).encode() + b"\n")
    return h.hexdigest()


_HASHES: dict[tuple, str] = {}


def _file_hash(f: Path) -> str:
    st = f.stat()
    key = (str(f.resolve()), st.st_size, st.st_mtime_ns)
    if key not in _HASHES:
        _HASHES[key] = sha256_file(f)
    return _HASHES[key]


def stage_key(settings: dict, input_hashes: dict[str, str]) -> str:
    blob = json.dumps({"settings": settings, "inputs": input_hashes}, sort_keys=True, default=str)
    return hashlib.sha256(blob.encode()).hexdigest()


def load_manifest(root: Path) -> dict:
    f = root / MANIFEST
    if not f.is_file():
        return {"stages": {}}
    try:
        m = json.loads(f.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        return {"stages": {}}  # unreadable: every stage re-runs, which is always safe
    m.setdefault("stages", {})
    return m


def save_manifest(root: Path, manifest: dict) -> None:
    tmp = root / f".{MANIFEST}.tmp"
    dump_json(manifest, tmp)
    os.replace(tmp, root / MANIFEST)


def run_stages(
    root: Path,
    stages: list[Stage],
    force: set[str] | frozenset[str] = frozenset(),
    on_start: Callable[[Stage, int, int], None] | None = None,
    on_end: Callable[[StageResult], None] | None = None,
) -> list[StageResult]:
    """Run the stages in order, skipping those that are up to date. Stops at the first failure
    (later stages depend on it); the manifest records what happened either way."""
    names = [s.name for s in stages]
    unknown = sorted(set(force) - set(names) - {"all"})
    if unknown:
        raise UserError(f"--force {', '.join(unknown)}: no such stage; the stages are {', '.join(names)}")
    root.mkdir(parents=True, exist_ok=True)
    manifest = load_manifest(root)
    results: list[StageResult] = []
    for i, stage in enumerate(stages):
        inputs = {_rel(p, root): hash_path(p) for p in stage.inputs()}
        key = stage_key(stage.settings, inputs)
        prev = manifest["stages"].get(stage.name, {})
        up_to_date = (
            prev.get("status") == "done"
            and prev.get("key") == key
            and all(p.exists() for p in stage.outputs)
            and stage.name not in force
            and "all" not in force
        )
        if up_to_date:
            r = StageResult(stage.name, "skipped", 0.0, prev.get("summary", {}))
            results.append(r)
            if on_end:
                on_end(r)
            continue
        if on_start:
            on_start(stage, i, len(stages))
        t0 = time.time()
        entry = {"status": "running", "key": key, "inputs": inputs, "settings": stage.settings}
        manifest["stages"][stage.name] = entry
        save_manifest(root, manifest)
        try:
            summary = stage.run() or {}
        except BaseException as e:
            wall = round(time.time() - t0, 1)
            entry.update(status="failed", wall_s=wall, error=str(e)[:2000])
            save_manifest(root, manifest)
            r = StageResult(stage.name, "failed", wall, {}, str(e))
            results.append(r)
            if on_end:
                on_end(r)
            raise
        wall = round(time.time() - t0, 1)
        entry.update(status="done", wall_s=wall, summary=summary, finished=time.strftime("%Y-%m-%dT%H:%M:%S"))
        save_manifest(root, manifest)
        r = StageResult(stage.name, "done", wall, summary)
        results.append(r)
        if on_end:
            on_end(r)
    return results


def _rel(p: Path, root: Path) -> str:
    try:
        return p.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(p)
