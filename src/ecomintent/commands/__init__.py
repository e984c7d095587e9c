"""Sub-commands that live in their own modules: each module here has `register(app)`.

cli.py calls `register_all(app)`; a module adds its command(s) with `@app.command()` and uses
`ecomintent.cli.user_errors` / `progress_bar` / `console` for the shared behaviour.
"""

from __future__ import annotations

import importlib
import pkgutil


def register_all(app) -> None:
    for mod in sorted(m.name for m in pkgutil.iter_modules(__path__)):
        importlib.import_module(f"{__name__}.{mod}").register(app)
