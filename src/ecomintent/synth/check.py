"""Check a language module and show sample queries: `python -m ecomintent.synth.check CODE [--n 3]`."""

from __future__ import annotations

import argparse
import random
import sys

from ..taxonomy import load_taxonomy
from . import languages as langs
from .generator import LanguagePack
from .grammar import count_variants, join_segments


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("code", choices=sorted(langs.LANGUAGES))
    ap.add_argument("--n", type=int, default=3, help="samples per label")
    ap.add_argument("--noise", action="store_true", help="apply noise to the samples")
    ap.add_argument("--label", default=None, help="only this label")
    args = ap.parse_args(argv)
    labels = load_taxonomy().labels
    mod = langs.load(args.code)
    problems = langs.validate_module(mod, labels)
    for p in problems:
        print("PROBLEM:", p)
    if problems:
        print(f"{len(problems)} problem(s)")
    pack = LanguagePack(mod)
    rng = random.Random(1)
    for label in labels:
        if args.label and label != args.label:
            continue
        tpls = pack.templates(label, [])
        if not tpls:
            continue
        variety = sum(count_variants(t.seq) for t in tpls)
        print(f"\n== {label}: {len(tpls)} templates, {variety} structures before slots")
        for _ in range(args.n):
            t = rng.choice(tpls)
            segs = pack.render(t.seq, rng, rng.choice(("train", "test")))
            ops = pack.noiser.apply(segs, rng, label) if args.noise else []
            text, _ = join_segments(segs)
            print(f"  {text}" + (f"   [{', '.join(ops)}]" if ops else ""))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
