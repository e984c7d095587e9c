"""Benchmark the generator: how long 100,000 queries take on one core. Prints and writes JSON.

.venv/bin/python scripts/bench_data.py [--queries 100000] [--json runs/bench/data.json]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from pathlib import Path

from ecomintent.config import DataConfig
from ecomintent.data import build_dataset
from ecomintent.taxonomy import load_taxonomy


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--queries", type=int, default=100_000)
    ap.add_argument("--json", default="runs/bench/data.json")
    ap.add_argument("--out", default="runs/bench/dataset-100k")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the target says
    tax = load_taxonomy()
    cells = len(tax.labels) * len(tax.languages)
    per_cell = -(-args.queries // cells)
    cfg = DataConfig(out=args.out, per_cell=per_cell, seed=7)
    t0 = time.perf_counter()
    stats = build_dataset(cfg, force=True)
    seconds = time.perf_counter() - t0
    result = {
        "queries": stats["total"],
        "per_cell": per_cell,
        "seconds": round(seconds, 2),
        "queries_per_second": round(stats["total"] / seconds),
        "target_seconds": 30,
        "meets_target": seconds < 30 * stats["total"] / args.queries,
        "cpu": platform.processor() or platform.machine(),
        "python": platform.python_version(),
    }
    print(json.dumps(result, indent=2))
    Path(args.json).parent.mkdir(parents=True, exist_ok=True)
    Path(args.json).write_text(json.dumps(result, indent=2) + "\n")


if __name__ == "__main__":
    main()
