"""Writing artifacts so that a failure never leaves a half-written one: temp first, then rename."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import UserError


def sha256_file(path: str | Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(chunk):
            h.update(block)
    return h.hexdigest()


def dump_json(obj, path: str | Path) -> None:
    """Write JSON deterministically (fixed key order as given, UTF-8, trailing newline)."""
    Path(path).write_text(json.dumps(obj, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def check_parent(out: Path, option: str = "--out") -> None:
    """Create `out`'s parent directory and make sure it is writable, naming `option` in the fix."""
    parent = out.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise UserError(f"cannot create {parent}: {e.strerror}; choose another {option}") from None
    if not os.access(parent, os.W_OK):
        raise UserError(f"{parent} is not writable; choose another {option} or fix its permissions")


@contextlib.contextmanager
def atomic_dir(out: str | Path, force: bool = False) -> Iterator[Path]:
    """Yield a temporary directory beside `out`; on success it replaces `out`, on failure it vanishes.

    An existing non-empty `out` is only replaced with force=True, and then only once the new one is complete.
    """
    out = Path(out)
    if out.exists() and not out.is_dir():
        raise UserError(f"{out} exists and is not a directory; choose another --out")
    if out.exists() and any(out.iterdir()) and not force:
        raise UserError(
            f"{out} already exists and is not empty; pass --force to replace it or choose another --out"
        )
    check_parent(out)
    tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.tmp-", dir=out.parent))
    tmp.chmod(0o755)  # mkdtemp makes it private; the result is an ordinary directory
    try:
        yield tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    old = None
    if out.exists():
        old = out.parent / f".{out.name}.old-{os.getpid()}"
        os.replace(out, old)
    os.replace(tmp, out)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
