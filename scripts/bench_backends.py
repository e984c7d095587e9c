#!/usr/bin/env python
"""Single-stream speed and accuracy of the inference paths, in one run on one machine.

    python scripts/bench_backends.py --model runs/default/model/merged \
        --gguf runs/default/export/model-q4_k_m.gguf --data runs/default/dataset --n 200

Rows: gguf score (exact; and pruned), gguf generate, hf fp32 score, hf fp32 generate, hf fp16
generate, hf bf16 generate (the hf backend: prefix-cached), and transformers' stock `generate()` in
FP16 on the whole prompt (the paper's baseline, against which the speed-ups are given). Each query is
classified alone (batch of one), after two warm-up queries. Also measured: the raw llama.cpp
prompt-evaluation time of the same query tokens (the whole prompt and the answer prefix from an
empty cache, one logit row: the floor the score path is compared with), accuracy on the sample, and
agreement with the same runtime's generate answers and with the HF FP16 generate baseline.

Prints a table and writes JSON (--out). Without --gguf the packaged SmolLM2 GGUF is used with the
merged model's label list (speed only: its answers are a base model's).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from ecomintent.backends import load_classifier  # noqa: E402
from ecomintent.backends.base import ArtifactInfo, prepare_text  # noqa: E402
from ecomintent.data import read_split  # noqa: E402
from ecomintent.prompt import ANSWER_PREFIX  # noqa: E402

CONFIGS = {
    # name: (runtime, load_classifier kwargs)
    "gguf-score": ("gguf", {"mode": "score"}),
    "gguf-score-pruned": ("gguf", {"mode": "score", "prune": 1e-3}),
    "gguf-generate": ("gguf", {"mode": "generate"}),
    "hf-fp32-score": ("hf", {"mode": "score", "dtype": "fp32"}),
    "hf-fp32-generate": ("hf", {"mode": "generate", "dtype": "fp32"}),
    "hf-fp16-generate": ("hf", {"mode": "generate", "dtype": "fp16"}),
    "hf-bf16-generate": ("hf", {"mode": "generate", "dtype": "bf16"}),
    "hf-fp16-generate-stock": ("stock", {"dtype": "fp16"}),
}
BASELINE = "hf-fp16-generate-stock"  # the paper's baseline: transformers' generate() in FP16 on the CPU


class StockGenerate:
    """transformers' own `generate()` on the whole prompt for every query (no prefix cache, greedy,
    stopping at the end of the turn or a `}`): the plain baseline the fast paths are measured against."""

    mode = "generate"

    def __init__(self, model_dir: str, dtype: str = "fp16", threads: int | None = None, info=None, **_):
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer

        from ecomintent.backends.hf import DTYPES
        from ecomintent.prompt import PromptFormat

        self.info = info or ArtifactInfo.from_dir(model_dir)
        self.tok = AutoTokenizer.from_pretrained(model_dir)
        self.model = AutoModelForCausalLM.from_pretrained(model_dir, dtype=DTYPES[dtype]).eval()
        self.fmt = PromptFormat.for_tokenizer(self.tok)
        end = self.fmt.end_ids()
        self.stop = sorted({t for t in (self.tok.eos_token_id, *(end[:1])) if t is not None})
        self.max_new = max(len(self.fmt.label_ids(x)) for x in self.info.labels) + 4
        self.torch = torch

    def classify(self, texts, top_k=3):
        from ecomintent.backends.base import generated_prediction

        out = []
        for text in texts:
            q, cut = prepare_text(text)
            t0 = time.perf_counter()
            ids = self.torch.tensor([self.fmt.prompt_ids(q)])
            with self.torch.no_grad():
                gen = self.model.generate(
                    input_ids=ids, attention_mask=self.torch.ones_like(ids), max_new_tokens=self.max_new,
                    do_sample=False, eos_token_id=self.stop, pad_token_id=self.stop[0], stop_strings=["}"],
                    tokenizer=self.tok,
                )  # fmt: skip
            raw = ANSWER_PREFIX + self.tok.decode(gen[0, ids.shape[1] :], skip_special_tokens=True)
            out.append(generated_prediction(self.info, raw, (time.perf_counter() - t0) * 1000, cut))
        return out

    def close(self):
        pass


def sample_rows(data: str, n: int, seed: int) -> list[dict]:
    rows = read_split(data, "test")
    random.Random(seed).shuffle(rows)
    return rows[:n]


def pct(xs: list[float], q: float) -> float:
    s = sorted(xs)
    k = (len(s) - 1) * q
    lo = int(k)
    hi = min(lo + 1, len(s) - 1)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def run_config(name, artifact, kw, texts, gold, threads, info, limit_s):
    t0 = time.perf_counter()
    load_kw = dict(kw)
    if CONFIGS[name][0] == "hf":
        load_kw["batch_size"] = 1
    if CONFIGS[name][0] == "stock":
        clf = StockGenerate(artifact, threads=threads, info=info, **load_kw)
    else:
        clf = load_classifier(artifact, threads=threads, info=info, **load_kw)
    load_s = time.perf_counter() - t0
    for t in texts[:2]:  # warm-up
        clf.classify([t])
    lat, preds = [], []
    start = time.perf_counter()
    for t in texts:
        q0 = time.perf_counter()
        preds.append(clf.classify([t])[0])
        lat.append((time.perf_counter() - q0) * 1000)
        if limit_s and time.perf_counter() - start > limit_s:
            break
    wall = time.perf_counter() - start
    n = len(preds)
    res = {
        "config": name,
        "n": n,
        "load_seconds": round(load_s, 2),
        "queries_per_second": round(n / wall, 3),
        "latency_ms_p50": round(pct(lat, 0.5), 2),
        "latency_ms_p95": round(pct(lat, 0.95), 2),
        "latency_ms_mean": round(statistics.fmean(lat), 2),
        "accuracy": round(sum(p.intent == g for p, g in zip(preds, gold, strict=False)) / n, 4),
        "invalid_rate": round(sum(not p.valid for p in preds) / n, 4),
        "predictions": [p.intent for p in preds],
    }
    if getattr(clf, "last_stats", None) is not None and CONFIGS[name][0] == "gguf":
        res["last_stats"] = clf.last_stats
    return clf, res


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", required=True, help="merged HF classifier directory")
    ap.add_argument("--gguf", help="GGUF export of it (default: the packaged SmolLM2 GGUF, speed only)")
    ap.add_argument("--data", required=True, help="dataset directory (its test split is sampled)")
    ap.add_argument("--n", type=int, default=200, help="queries per configuration")
    ap.add_argument("--threads", type=int, default=os.cpu_count(), help="CPU threads for every runtime")
    ap.add_argument(
        "--configs", default=",".join(CONFIGS), help="comma-separated subset of: " + ", ".join(CONFIGS)
    )
    ap.add_argument(
        "--limit-seconds", type=float, default=0, help="stop a configuration after this long (0: off)"
    )
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", default="runs/bench_backends.json")
    args = ap.parse_args(argv)

    import torch

    torch.set_num_threads(args.threads)
    info = ArtifactInfo.from_dir(args.model)
    gguf = args.gguf
    gguf_info = None
    if not gguf:
        from ecomintent.models import packaged_gguf

        gguf, gguf_info = str(packaged_gguf("smollm2-135m")), info
        print(
            f"no --gguf: timing the packaged {Path(gguf).name} with the model's labels (its accuracy is meaningless)"
        )
    rows = sample_rows(args.data, args.n, args.seed)
    texts, gold = [r["text"] for r in rows], [r["intent"] for r in rows]
    names = [c.strip() for c in args.configs.split(",") if c.strip()]
    unknown = [c for c in names if c not in CONFIGS]
    if unknown:
        ap.error(f"unknown configs {unknown}; choose from {list(CONFIGS)}")

    results: dict[str, dict] = {}
    floor = None
    for name in names:
        runtime, kw = CONFIGS[name]
        artifact = gguf if runtime == "gguf" else args.model
        print(f"{name}: {len(texts)} queries ...", flush=True)
        try:
            clf, res = run_config(name, artifact, dict(kw), texts, gold, args.threads,
                                  gguf_info if runtime == "gguf" else None, args.limit_seconds)  # fmt: skip
        except Exception as e:  # one broken configuration must not lose the others
            results[name] = {"config": name, "error": f"{type(e).__name__}: {e}"}
            print(f"  failed: {results[name]['error']}")
            continue
        if runtime == "gguf" and floor is None:
            evals = [clf.prompt_eval_ms(t, repeat=2) for t in texts[: res["n"]]]
            floor = {
                "prompt_eval_ms_p50": round(pct(evals, 0.5), 2),
                "prompt_eval_ms_mean": round(statistics.fmean(evals), 2),
                "prompt_tokens_mean": round(
                    statistics.fmean(len(clf.fmt.prompt_ids(prepare_text(t)[0])) for t in texts),
                    1,
                ),
                "label_trie_nodes": len(clf.trie),
            }
        clf.close()
        results[name] = res
        print(
            f"  {res['queries_per_second']} q/s, p50 {res['latency_ms_p50']} ms, accuracy {res['accuracy']:.2%}"
        )

    # agreement with generate answers
    def agree(a, b):
        pa, pb = results.get(a, {}).get("predictions"), results.get(b, {}).get("predictions")
        if not pa or not pb:
            return None
        n = min(len(pa), len(pb))
        return round(sum(x == y for x, y in zip(pa[:n], pb[:n], strict=True)) / n, 4)

    base_qps = results.get(BASELINE, {}).get("queries_per_second")
    for name, r in results.items():
        if "error" in r:
            continue
        runtime = CONFIGS[name][0]
        own_gen = {"gguf": "gguf-generate", "hf": "hf-fp32-generate"}.get(runtime, name)
        r["agreement_with_own_generate"] = agree(name, own_gen) if name != own_gen else 1.0
        r["agreement_with_baseline"] = agree(name, BASELINE)
        r["speedup_vs_baseline"] = round(r["queries_per_second"] / base_qps, 2) if base_qps else None
        if runtime == "gguf" and floor and name.startswith("gguf-score"):
            r["latency_vs_prompt_eval_floor"] = round(r["latency_ms_p50"] / floor["prompt_eval_ms_p50"], 2)

    header = f"{'config':22} {'q/s':>9} {'p50 ms':>9} {'p95 ms':>9} {'accuracy':>9} {'invalid':>8} {'agree gen':>9} {'agree base':>10} {'x base':>8}"
    print("\n" + header + "\n" + "-" * len(header))
    for name, r in results.items():
        if "error" in r:
            print(f"{name:22} failed: {r['error']}")
            continue
        print(
            f"{name:22} {r['queries_per_second']:9.2f} {r['latency_ms_p50']:9.1f} {r['latency_ms_p95']:9.1f} "
            f"{r['accuracy']:9.2%} {r['invalid_rate']:8.2%} {r['agreement_with_own_generate'] or 0:9.2%} "
            f"{(r['agreement_with_baseline'] or 0):10.2%} {r['speedup_vs_baseline'] or 0:8.1f}"
        )
    if floor:
        print(f"\nllama.cpp prompt evaluation of the same tokens (floor): p50 {floor['prompt_eval_ms_p50']} ms "
              f"({floor['prompt_tokens_mean']} tokens on average; label trie {floor['label_trie_nodes']} nodes)")  # fmt: skip
        for name in ("gguf-score", "gguf-score-pruned"):
            if name in results and "latency_vs_prompt_eval_floor" in results[name]:
                print(
                    f"{name}: p50 latency = {results[name]['latency_vs_prompt_eval_floor']} x the floor (target <= 1.5)"
                )
    if "gguf-score" in results and results["gguf-score"].get("speedup_vs_baseline"):
        print(
            f"gguf score vs HF FP16 generate: {results['gguf-score']['speedup_vs_baseline']}x (target >= 30)"
        )

    out = {
        "model": args.model,
        "gguf": gguf,
        "gguf_is_base_model": gguf_info is not None,
        "data": args.data,
        "n": len(texts),
        "threads": args.threads,
        "machine": {
            "platform": platform.platform(),
            "processor": platform.processor(),
            "cpu_count": os.cpu_count(),
            "python": platform.python_version(),
        },  # fmt: skip
        "prompt_eval_floor": floor,
        "results": {k: {kk: vv for kk, vv in v.items() if kk != "predictions"} for k, v in results.items()},
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(out, indent=2) + "\n")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
