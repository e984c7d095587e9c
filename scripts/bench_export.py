"""Benchmark `ecomintent export`: conversion, quantisation and GPTQ times, agreement per artifact.

.venv/bin/python scripts/bench_export.py --model runs/default/model/merged --out runs/bench/export \
    [--data runs/default/dataset] [--formats all] [--verify-samples 260] [--json runs/bench/export.json]

Targets (SmolLM2-135M on a CPU): F16 conversion < 30 s, each quantisation < 10 s, GPTQ < 3 min;
agreement with the merged model >= 99% for Q8_0 and Q5_K_M, >= 98% for Q4_K_M and GPTQ.
Times are wall-clock on this machine, whatever else it is running: record the load with them.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

TIME_TARGETS = {"f16_conversion": 30.0, "quantisation": 10.0, "gptq": 180.0}
AGREEMENT_TARGETS = {"gguf-q8_0": 0.99, "gguf-q5_k_m": 0.99, "gguf-q4_k_m": 0.98, "gptq-4bit": 0.98}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", required=True, help="merged model directory (with ecomintent.json)")
    ap.add_argument("--out", required=True, help="export directory (replaced files)")
    ap.add_argument(
        "--data", default=None, help="dataset directory; default: the one train_manifest.json names"
    )
    ap.add_argument("--formats", default="all")
    ap.add_argument("--verify-samples", type=int, default=260)
    ap.add_argument("--calib-samples", type=int, default=256)
    ap.add_argument("--group-size", type=int, default=128)
    ap.add_argument("--json", default=None, help="result file; default: OUT/bench_export.json")
    args = ap.parse_args()

    from ecomintent.errors import UserError
    from ecomintent.export import ExportFailed, export

    def progress(desc, done=None, total=None):
        print(f"[{time.strftime('%H:%M:%S')}] {desc}", file=sys.stderr, flush=True)

    load_before = os.getloadavg()
    t0 = time.perf_counter()
    error = None
    try:
        manifest = export(
            args.model,
            args.formats,
            args.out,
            data=args.data,
            verify_samples=args.verify_samples,
            calib_samples=args.calib_samples,
            group_size=args.group_size,
            force=True,
            progress=progress,
        )
    except ExportFailed as e:
        manifest, error = e.manifest, str(e)
    except UserError as e:
        print(f"error: {e}", file=sys.stderr)
        raise SystemExit(2) from None
    wall = time.perf_counter() - t0

    arts = manifest["artifacts"]
    times = {}
    checks = {}
    for fmt, a in arts.items():
        if fmt.startswith("gguf-") and fmt != "gguf-f16":
            times[f"{fmt}_quantisation"] = a["export_seconds"]
            checks[f"{fmt} quantisation < {TIME_TARGETS['quantisation']:.0f} s"] = (
                a["export_seconds"] < TIME_TARGETS["quantisation"]
            )
            f16 = a.get("f16_conversion_seconds")
        elif fmt == "gguf-f16":
            f16 = a["export_seconds"]
        else:
            times["gptq"] = a["export_seconds"]
            checks[f"gptq < {TIME_TARGETS['gptq']:.0f} s"] = a["export_seconds"] < TIME_TARGETS["gptq"]
        if fmt.startswith("gguf-"):
            times["f16_conversion"] = f16
        if fmt in AGREEMENT_TARGETS and a.get("agreement") is not None:
            checks[f"{fmt} agreement >= {AGREEMENT_TARGETS[fmt]:.0%}"] = (
                a["agreement"] >= AGREEMENT_TARGETS[fmt]
            )
    if "f16_conversion" in times:
        checks[f"f16 conversion < {TIME_TARGETS['f16_conversion']:.0f} s"] = (
            times["f16_conversion"] < TIME_TARGETS["f16_conversion"]
        )
    result = {
        "model": args.model,
        "base": manifest.get("base"),
        "times_seconds": times,
        "verification": {
            "samples": manifest["verification"]["samples"],
            "merged_accuracy": manifest["verification"]["reference_accuracy"],
            "merged_seconds": manifest["verification"]["reference_seconds"],
        },
        "artifacts": {
            fmt: {
                "mb": round(a["bytes"] / 1e6, 1),
                "agreement": a.get("agreement"),
                "accuracy": a.get("accuracy"),
                "verify_seconds": a.get("verify_seconds"),
                "status": a["status"],
                **({"tensor_types": a["tensor_types"]} if "tensor_types" in a else {}),
                **({"k_quant_fallbacks": a["k_quant_fallbacks"]} if "k_quant_fallbacks" in a else {}),
                **({"group_size": a["group_size"]} if "group_size" in a else {}),
            }
            for fmt, a in arts.items()
        },
        "targets_met": checks,
        "all_targets_met": all(checks.values()),
        "export_error": error,
        "wall_seconds": round(wall, 1),
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "cpus": os.cpu_count(),
        "cpu": platform.processor() or platform.machine(),
        "versions": manifest["versions"],
    }
    text = json.dumps(result, indent=2)
    print(text)
    target = Path(args.json) if args.json else Path(args.out) / "bench_export.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text + "\n")


if __name__ == "__main__":
    main()
