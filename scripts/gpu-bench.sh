#!/usr/bin/env bash
# The GPU half of `ecomintent bench`: HF FP16 vs GPTQ 4-bit vs bitsandbytes 4-bit (NF4) on one CUDA
# GPU: peak VRAM, load time, throughput and latency at several concurrencies (batch sizes), prefill
# and decode tokens/s, in the two workloads of the classifier:
#   generate  the paper's: prompt + a greedy answer of --new-tokens tokens (fixed length)
#   score     ecomintent's: one forward over the prompt, the cache repeated once per label, one forward
#             over every label's continuation (--labels x --label-tokens)
# Ratios (speed-up, VRAM reduction) against FP16 in the same workload, architecture and concurrency,
# beside the paper's (GPTQ on a T4: -41% VRAM, 82% slower).
#
# Needs python3 with torch (CUDA) and transformers; nothing else, no network. Speed and VRAM do not
# depend on weight values, so without a trained artifact (a run's model/merged is too big to carry)
# it builds randomly initialised models of the SmolLM2-135M and Llama-3.2-1B architectures from
# built-in configs. bitsandbytes / gptqmodel are used when importable and skipped with a note when not;
# a directory of carried packages can be put on the path with GPU_BENCH_SITE (see --pack-bnb).
#
#   OUT=/tmp/out scripts/gpu-bench.sh                      # both architectures, ~7 minutes at most
#   OUT=/tmp/out scripts/gpu-bench.sh --arch smollm2-135m --concurrency 1,8
#   OUT=/tmp/out scripts/gpu-bench.sh --model runs/NAME/model/merged --gptq runs/NAME/gptq
#   scripts/gpu-bench.sh --pack-bnb shared/gpu-site        # here: copy bitsandbytes (CUDA 13 libs only, ~6 MB)
#   GPU_BENCH_SITE=shared/gpu-site OUT=... scripts/gpu-bench.sh   # there: use it
#   GPU_BENCH_ALLOW_CPU=1 OUT=/tmp/o scripts/gpu-bench.sh --arch tiny   # smoke test without a GPU
#
# Writes $OUT/gpu_bench.json (every measurement, ratios, machine), $OUT/gpu_bench.md (tables) and
# $OUT/logs/*.log. Total wall time is capped by GPU_BENCH_BUDGET_S (default 420 s); a variant that
# does not fit is listed as skipped with the reason.
set -euo pipefail

PY="${PYTHON:-python3}"

if [[ "${1:-}" == "--pack-bnb" ]]; then
  dest="${2:?usage: scripts/gpu-bench.sh --pack-bnb DIR}"
  src="$("$PY" -c 'import bitsandbytes, os; print(os.path.dirname(bitsandbytes.__file__))' 2>/dev/null | tail -1)"
  [[ -d "$src" ]] || { echo "bitsandbytes is not installed for $PY" >&2; exit 2; }
  mkdir -p "$dest"
  rm -rf "$dest/bitsandbytes"
  cp -r "$src" "$dest/bitsandbytes"
  find "$dest/bitsandbytes" -name '*.so' ! -name '*cuda13*' ! -name '*cpu*' -delete
  find "$dest/bitsandbytes" -name '__pycache__' -type d -prune -exec rm -rf {} +
  du -sh "$dest/bitsandbytes"
  exit 0
fi

OUT="${OUT:?set OUT to the directory for the results}"
BUDGET_S="${GPU_BENCH_BUDGET_S:-420}"
mkdir -p "$OUT/logs"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/gpu-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
if [[ -n "${GPU_BENCH_SITE:-}" ]]; then
  export PYTHONPATH="$(cd "$GPU_BENCH_SITE" && pwd)${PYTHONPATH:+:$PYTHONPATH}"
fi
export TOKENIZERS_PARALLELISM=false HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1

cat > "$WORK/gpu_bench.py" <<'PYEOF'
"""gpu-bench worker and driver (written out by scripts/gpu-bench.sh)."""
import argparse
import inspect
import json
import os
import platform
import statistics
import subprocess
import sys
import time
import traceback

ARCHS = {
    # HuggingFaceTB/SmolLM2-135M-Instruct
    "smollm2-135m": dict(
        vocab_size=49152, hidden_size=576, intermediate_size=1536, num_hidden_layers=30,
        num_attention_heads=9, num_key_value_heads=3, max_position_embeddings=8192,
        rms_norm_eps=1e-5, tie_word_embeddings=True, rope_theta=100000.0,
    ),
    # meta-llama/Llama-3.2-1B-Instruct (rope scaling left at the default: no effect on speed at 100 tokens)
    "llama-3.2-1b": dict(
        vocab_size=128256, hidden_size=2048, intermediate_size=8192, num_hidden_layers=16,
        num_attention_heads=32, num_key_value_heads=8, head_dim=64, max_position_embeddings=131072,
        rms_norm_eps=1e-5, tie_word_embeddings=True, rope_theta=500000.0,
    ),
    # a smoke-test size
    "tiny": dict(
        vocab_size=1024, hidden_size=64, intermediate_size=128, num_hidden_layers=2,
        num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=512,
        tie_word_embeddings=True,
    ),
}
PAPER = {"gptq_vram_reduction_pct": 41.0, "gptq_slower_pct": 82.0, "hardware": "NVIDIA T4 (16 GB)",
         "model": "Llama 3.2 1B Instruct QLoRA"}


def has(mod):
    import importlib.util
    try:
        return importlib.util.find_spec(mod) is not None
    except (ImportError, ValueError):
        return False


def versions():
    from importlib import metadata
    out = {}
    for d in ("torch", "transformers", "accelerate", "bitsandbytes", "gptqmodel", "optimum", "nvidia-ml-py"):
        try:
            out[d] = metadata.version(d)
        except metadata.PackageNotFoundError:
            out[d] = None
    if out["bitsandbytes"] is None and has("bitsandbytes"):
        out["bitsandbytes"] = "on PYTHONPATH"
    return out


# ------------------------------------------------------------------------------------ worker

def build(arch, variant, a, device):
    """(model, note, load_s): a trained artifact when given, else random weights of the architecture."""
    import torch
    from transformers import AutoModelForCausalLM, LlamaConfig

    t0 = time.perf_counter()
    if variant == "gptq":
        src = a.gptq
        if not src:
            raise RuntimeError("no GPTQ checkpoint (--gptq DIR) and quantising here is off (--quantize-gptq)")
        model = AutoModelForCausalLM.from_pretrained(src, device_map=device, dtype=torch.float16)
        return model, f"GPTQ checkpoint {src}", time.perf_counter() - t0
    dtype = {"fp16": torch.float16, "bf16": torch.bfloat16, "fp32": torch.float32, "bnb4": torch.float16}[variant]
    if variant == "bnb4":
        from transformers import BitsAndBytesConfig

        q = BitsAndBytesConfig(load_in_4bit=True, bnb_4bit_quant_type="nf4", bnb_4bit_use_double_quant=True,
                               bnb_4bit_compute_dtype=torch.float16)
        src = a.model or os.path.join(a.work, f"{arch}-fp16")
        if not os.path.isdir(src):
            raise RuntimeError(f"no FP16 checkpoint at {src} to quantise (the fp16 variant writes it)")
        model = AutoModelForCausalLM.from_pretrained(src, quantization_config=q, device_map=device, dtype=dtype)
        return model, f"bitsandbytes NF4 (double quant, fp16 compute) of {'the trained model' if a.model else 'the random fp16 model'}", time.perf_counter() - t0
    if a.model:
        model = AutoModelForCausalLM.from_pretrained(a.model, dtype=dtype).to(device)
        note = f"trained artifact {a.model}"
    else:
        torch.manual_seed(0)
        cfg = LlamaConfig(**ARCHS[arch])
        with torch.device(device):
            model = AutoModelForCausalLM.from_config(cfg, dtype=dtype)
        note = f"random weights, {arch} architecture"
        if variant == "fp16" and a.save_fp16:  # the checkpoint bnb4 (and --quantize-gptq) start from
            d = os.path.join(a.work, f"{arch}-fp16")
            model.save_pretrained(d)
            stub_tokenizer().save_pretrained(d)  # loaders (gptqmodel) want one; ids are fed directly
    model.eval()
    return model, note, time.perf_counter() - t0


def stub_tokenizer():
    """A small byte-level BPE tokenizer (ids < 300): only so that checkpoint loaders find one."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.BPE(unk_token=None))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    tok.train_from_iterator(["where is my order", "refund please"], trainers.BpeTrainer(
        vocab_size=300, special_tokens=["<pad>", "<eos>"], initial_alphabet=pre_tokenizers.ByteLevel.alphabet()))
    return PreTrainedTokenizerFast(tokenizer_object=tok, pad_token="<pad>", eos_token="<eos>")


def quantize_gptq(arch, a, device):
    """Optional: GPTQ 4-bit of the random fp16 model with gptqmodel (random calibration tokens)."""
    from gptqmodel import GPTQModel, QuantizeConfig
    import torch

    src = os.path.join(a.work, f"{arch}-fp16")
    dst = os.path.join(a.work, f"{arch}-gptq")
    g = torch.Generator().manual_seed(0)
    vocab = ARCHS[arch]["vocab_size"]
    calib = [{"input_ids": torch.randint(0, vocab, (1, a.prompt_tokens), generator=g)[0].tolist()} for _ in range(64)]
    m = GPTQModel.load(src, QuantizeConfig(bits=4, group_size=128))
    m.quantize(calib)
    m.save(dst)
    return dst


def cache_of(out):
    return getattr(out, "past_key_values", None) or getattr(out, "cache", None)


def forward_kw(model):
    params = inspect.signature(model.forward).parameters
    return "past_key_values" if "past_key_values" in params else "cache"


def run_worker(a):
    import torch

    device = "cuda" if torch.cuda.is_available() else "cpu"
    cuda = device == "cuda"
    sync = torch.cuda.synchronize if cuda else (lambda: None)
    deadline = time.time() + a.share_s
    res = {"arch": a.arch, "variant": a.variant, "device": device, "status": "failed", "notes": []}
    if cuda:
        torch.cuda.reset_peak_memory_stats()
        res["gpu"] = torch.cuda.get_device_name(0)
    energy = None
    try:
        import pynvml
        pynvml.nvmlInit()
        h = pynvml.nvmlDeviceGetHandleByIndex(0)
        energy = lambda: pynvml.nvmlDeviceGetTotalEnergyConsumption(h) / 1e3  # noqa: E731  J
        energy()
    except Exception as e:
        energy = None
        res["energy_note"] = f"NVML energy not readable ({type(e).__name__})"
    if a.variant == "gptq" and not a.gptq and a.quantize_gptq and has("gptqmodel"):
        a.gptq = quantize_gptq(a.arch, a, device)
    model, note, load_s = build(a.arch, a.variant, a, device)
    sync()
    res.update(source=note, load_s=load_s)
    res["weights_mb"] = model.get_memory_footprint() / 2**20
    res["vram_after_load_mb"] = torch.cuda.memory_allocated() / 2**20 if cuda else None
    vocab = model.config.vocab_size
    g = torch.Generator().manual_seed(1)
    L, K, NL, LT = a.prompt_tokens, a.new_tokens, a.labels, a.label_tokens
    kw = forward_kw(model)
    pad = model.config.eos_token_id if isinstance(model.config.eos_token_id, int) else 0

    def gen(ids):
        return model.generate(input_ids=ids, attention_mask=torch.ones_like(ids), max_new_tokens=K,
                              min_new_tokens=K, do_sample=False, pad_token_id=pad)

    def score(ids, conts):
        out = model(input_ids=ids, use_cache=True)
        c = cache_of(out)
        c.batch_repeat_interleave(NL)
        b = ids.shape[0]
        mask = torch.ones((b * NL, L + LT), dtype=torch.long, device=ids.device)
        pos = (L + torch.arange(LT, device=ids.device))[None, :].expand(b * NL, LT)
        model(input_ids=conts.repeat(b, 1), attention_mask=mask, position_ids=pos, use_cache=True, **{kw: c})

    res["workloads"] = {}
    with torch.inference_mode():
        for mode in a.modes:
            per_c = {}
            for conc in a.concurrency:
                if time.time() > deadline - 5:
                    res["notes"].append(f"{mode} @{conc}: skipped (time share spent)")
                    continue
                ids = torch.randint(0, vocab, (conc, L), generator=g).to(device)
                conts = torch.randint(0, vocab, (NL, LT), generator=g).to(device)
                fn = (lambda ids=ids: gen(ids)) if mode == "generate" else (lambda ids=ids, conts=conts: score(ids, conts))
                try:
                    fn()  # warm-up
                    sync()
                    if cuda:
                        torch.cuda.reset_peak_memory_stats()
                    e0 = energy() if energy else None
                    times = []
                    for _ in range(a.repeats):
                        if times and time.time() > deadline - 5:
                            res["notes"].append(f"{mode} @{conc}: {len(times)} of {a.repeats} repeats (time)")
                            break
                        t0 = time.perf_counter()
                        fn()
                        sync()
                        times.append(time.perf_counter() - t0)
                    e1 = energy() if energy else None
                    qps = [conc / t for t in times]
                    entry = {
                        "qps": statistics.median(qps), "qps_min": min(qps), "qps_max": max(qps),
                        "batch_ms": statistics.median(times) * 1000, "repeats": len(times),
                        "peak_vram_mb": torch.cuda.max_memory_allocated() / 2**20 if cuda else None,
                        "energy_j_per_1k": (e1 - e0) / (conc * len(times)) * 1000 if energy else None,
                    }
                    if mode == "generate":
                        sync()
                        t0 = time.perf_counter()
                        model(input_ids=ids, use_cache=True)
                        sync()
                        t_pre = time.perf_counter() - t0
                        entry["prefill_tok_s"] = conc * L / t_pre
                        entry["decode_tok_s"] = conc * K / max(statistics.median(times) - t_pre, 1e-9)
                    per_c[str(conc)] = entry
                except torch.cuda.OutOfMemoryError as e:
                    per_c[str(conc)] = {"error": f"out of memory: {str(e)[:200]}"}
                    torch.cuda.empty_cache()
                except Exception as e:
                    per_c[str(conc)] = {"error": f"{type(e).__name__}: {str(e)[:300]}"}
            res["workloads"][mode] = per_c
    res["peak_vram_mb"] = torch.cuda.max_memory_allocated() / 2**20 if cuda else None
    # VmHWM, not ru_maxrss (which Linux carries over from the parent across fork + exec)
    res["peak_rss_mb"] = next((int(ln.split()[1]) / 1024 for ln in open("/proc/self/status")
                               if ln.startswith("VmHWM:")), None)
    res["status"] = "ok"
    return res


# ------------------------------------------------------------------------------------ driver

def ratios(results):
    """Every measurement against fp16 in the same arch, workload and concurrency."""
    base = {(r["arch"], m, c): e for r in results if r["variant"] == "fp16" and r["status"] == "ok"
            for m, per in r.get("workloads", {}).items() for c, e in per.items() if "qps" in e}
    for r in results:
        if r["status"] != "ok":
            continue
        for m, per in r["workloads"].items():
            for c, e in per.items():
                b = base.get((r["arch"], m, c))
                if b and "qps" in e:
                    e["speedup_vs_fp16"] = e["qps"] / b["qps"]
                    e["slower_pct_vs_fp16"] = (1 - e["qps"] / b["qps"]) * 100
                    e["latency_change_pct_vs_fp16"] = (e["batch_ms"] / b["batch_ms"] - 1) * 100
                    if e.get("peak_vram_mb") and b.get("peak_vram_mb"):
                        e["vram_reduction_pct_vs_fp16"] = (1 - e["peak_vram_mb"] / b["peak_vram_mb"]) * 100


def markdown(doc):
    L = ["# gpu-bench", "", f"GPU: {doc['machine'].get('gpu')}; torch {doc['machine']['libraries'].get('torch')}, "
         f"transformers {doc['machine']['libraries'].get('transformers')}; wall {doc['wall_s']:.0f} s.", "",
         f"Prompt {doc['settings']['prompt_tokens']} tokens; generate: {doc['settings']['new_tokens']} new tokens "
         f"(greedy, fixed length); score: {doc['settings']['labels']} labels x {doc['settings']['label_tokens']} tokens. "
         "Concurrency = batch size. Ratios vs FP16, same architecture, workload and concurrency.", "",
         "| arch | variant | workload | conc | q/s (min-max) | batch ms | peak VRAM MB | VRAM -% vs FP16 | x FP16 | prefill tok/s | decode tok/s | J/1k q |",
         "|---|---|---|---|---|---|---|---|---|---|---|---|"]
    f = lambda x, s=".1f": "-" if x is None else format(x, s)  # noqa: E731
    for r in doc["results"]:
        if r["status"] != "ok":
            L.append(f"| {r['arch']} | {r['variant']} | - | - | {r['status']}: {str(r.get('error') or r.get('reason'))[:120]} | | | | | | | |")
            continue
        for m, per in r["workloads"].items():
            for c, e in per.items():
                if "error" in e:
                    L.append(f"| {r['arch']} | {r['variant']} | {m} | {c} | failed: {e['error'][:100]} | | | | | | | |")
                    continue
                L.append(f"| {r['arch']} | {r['variant']} | {m} | {c} | {e['qps']:.1f} ({e['qps_min']:.1f}-{e['qps_max']:.1f}) | "
                         f"{e['batch_ms']:.1f} | {f(e.get('peak_vram_mb'), '.0f')} | {f(e.get('vram_reduction_pct_vs_fp16'), '.0f')} | "
                         f"{f(e.get('speedup_vs_fp16'), '.2f')} | {f(e.get('prefill_tok_s'), '.0f')} | {f(e.get('decode_tok_s'), '.0f')} | "
                         f"{f(e.get('energy_j_per_1k'), '.0f')} |")
    L += ["", f"Paper ({PAPER['hardware']}, {PAPER['model']}): GPTQ 4-bit -{PAPER['gptq_vram_reduction_pct']:.0f}% VRAM, "
          f"{PAPER['gptq_slower_pct']:.0f}% slower than FP16.", ""]
    for n in doc.get("notes", []):
        L.append(f"- {n}")
    return "\n".join(L) + "\n"


def driver(a):
    t_start = time.time()
    budget_end = t_start + a.budget_s - 15
    try:
        import torch
        cuda = torch.cuda.is_available()
        gpu = torch.cuda.get_device_name(0) if cuda else None
        cuda_ver = torch.version.cuda
    except Exception as e:
        print(f"torch is not usable: {e}", file=sys.stderr)
        return 2
    if not cuda and not os.environ.get("GPU_BENCH_ALLOW_CPU"):
        print("no CUDA GPU visible to torch (GPU_BENCH_ALLOW_CPU=1 runs the smoke test on the CPU)", file=sys.stderr)
        return 2
    notes = []
    if not cuda:
        notes.append("CPU smoke test (GPU_BENCH_ALLOW_CPU): numbers mean nothing")
    plan = []
    for arch in a.arch:
        for v in a.variants:
            reason = None
            if v == "bnb4" and not has("bitsandbytes"):
                reason = "bitsandbytes not importable (carry it: scripts/gpu-bench.sh --pack-bnb DIR; GPU_BENCH_SITE=DIR)"
            if v == "gptq" and not a.gptq and not (a.quantize_gptq and has("gptqmodel")):
                reason = ("no GPTQ checkpoint given (--gptq DIR) and gptqmodel not importable to quantise one"
                          if not has("gptqmodel") else "no GPTQ checkpoint given (--gptq DIR; or --quantize-gptq)")
            if v == "gptq" and a.gptq and not (has("gptqmodel") or has("auto_gptq")):
                reason = "gptqmodel not importable: transformers cannot load GPTQ weights without it (and optimum)"
            plan.append((arch, v, reason))
    results = []
    runnable = [p for p in plan if p[2] is None]
    weight = {"tiny": 0.2, "smollm2-135m": 1.0, "llama-3.2-1b": 1.6}
    for arch, v, reason in plan:
        if reason:
            results.append({"arch": arch, "variant": v, "status": "skipped", "reason": reason})
            continue
        left = budget_end - time.time()
        wsum = sum(weight.get(p[0], 1.0) for p in runnable)
        share = left * weight.get(arch, 1.0) / wsum
        runnable.remove((arch, v, None))
        if left < 20:
            results.append({"arch": arch, "variant": v, "status": "skipped", "reason": f"time budget ({a.budget_s:.0f} s) spent"})
            continue
        out = os.path.join(a.work, f"{arch}-{v}.json")
        log = os.path.join(a.out, "logs", f"{arch}-{v}.log")
        cmd = [sys.executable, __file__, "--worker", "--arch", arch, "--variants", v, "--share-s", str(share),
               "--out-file", out] + a.passthrough
        if v == "fp16" and any(p[0] == arch and p[1] in ("bnb4", "gptq") for p in runnable):
            cmd.append("--save-fp16")
        t0 = time.time()
        with open(log, "wb") as lf:
            p = subprocess.Popen(cmd, stdout=lf, stderr=subprocess.STDOUT)
            try:
                rc = p.wait(timeout=min(left, share * 1.5 + 30))
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
                rc = None
        if os.path.isfile(out):
            r = json.load(open(out))
        else:
            tail = open(log, errors="replace").read()[-1500:]
            r = {"arch": arch, "variant": v, "status": "failed",
                 "error": "timed out (killed)" if rc is None else f"worker exited {rc}", "log_tail": tail}
        r["wall_s"] = time.time() - t0
        results.append(r)
        print(f"{arch} {v}: {r['status']} in {r['wall_s']:.0f} s {r.get('error') or ''}", flush=True)
    ratios(results)
    doc = {
        "stage": "gpu-bench",
        "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "wall_s": time.time() - t_start,
        "machine": {"gpu": gpu, "cuda": cuda_ver, "cpu": platform.processor(), "cores": os.cpu_count(),
                    "python": platform.python_version(), "libraries": versions()},
        "settings": {k: getattr(a, k) for k in ("arch", "variants", "modes", "concurrency", "repeats", "prompt_tokens",
                                                "new_tokens", "labels", "label_tokens", "budget_s", "model", "gptq")},
        "paper": PAPER,
        "notes": notes,
        "results": results,
    }
    json.dump(doc, open(os.path.join(a.out, "gpu_bench.json"), "w"), indent=2)
    open(os.path.join(a.out, "gpu_bench.md"), "w").write(markdown(doc))
    print(markdown(doc))
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--arch", default="smollm2-135m,llama-3.2-1b")
    ap.add_argument("--variants", default="fp16,gptq,bnb4", help="fp16, bf16, fp32, bnb4, gptq")
    ap.add_argument("--modes", default="generate,score")
    ap.add_argument("--concurrency", default="1,8,32")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--prompt-tokens", type=int, default=64)
    ap.add_argument("--new-tokens", type=int, default=10)
    ap.add_argument("--labels", type=int, default=26)
    ap.add_argument("--label-tokens", type=int, default=6)
    ap.add_argument("--model", default=None, help="a trained merged HF dir (instead of random weights)")
    ap.add_argument("--gptq", default=None, help="a GPTQ 4-bit checkpoint dir")
    ap.add_argument("--quantize-gptq", action="store_true", help="quantise the random fp16 model with gptqmodel")
    ap.add_argument("--budget-s", type=float, default=float(os.environ.get("GPU_BENCH_BUDGET_S", 420)))
    ap.add_argument("--out", default=os.environ.get("OUT"))
    ap.add_argument("--work", default=os.environ.get("GPU_BENCH_WORK", "/tmp"))
    ap.add_argument("--worker", action="store_true")
    ap.add_argument("--share-s", type=float, default=120)
    ap.add_argument("--out-file")
    ap.add_argument("--save-fp16", action="store_true")
    a = ap.parse_args()
    raw = sys.argv[1:]
    a.passthrough = [x for i, x in enumerate(raw) if not (x in ("--arch", "--variants") or (i and raw[i - 1] in ("--arch", "--variants")))]
    a.arch = [x for x in a.arch.split(",") if x]
    a.variants = [x for x in a.variants.split(",") if x]
    order = ["fp16", "fp32", "bf16", "gptq", "bnb4"]  # fp16 first: it writes the checkpoint the others load
    bad = [v for v in a.variants if v not in order]
    if bad:
        print(f"unknown --variants {','.join(bad)}; from {','.join(order)}", file=sys.stderr)
        return 2
    a.variants.sort(key=order.index)
    a.modes = [x for x in a.modes.split(",") if x]
    a.concurrency = [int(x) for x in a.concurrency.split(",") if x]
    if a.worker:
        a.arch, a.variant = a.arch[0], a.variants[0]
        try:
            r = run_worker(a)
        except BaseException as e:
            r = {"arch": a.arch, "variant": a.variant, "status": "failed", "error": f"{type(e).__name__}: {e}"[:1000],
                 "traceback": traceback.format_exc()[-3000:]}
        json.dump(r, open(a.out_file, "w"))
        return 0
    for x in a.arch:
        if x not in ARCHS:
            print(f"unknown --arch {x}; one of {', '.join(ARCHS)}", file=sys.stderr)
            return 2
    if a.model and len(a.arch) > 1:
        a.arch = a.arch[:1]
    return driver(a)


if __name__ == "__main__":
    sys.exit(main())
PYEOF

# the worker needs fp16 before bnb4 (it quantises the fp16 checkpoint on load)
timeout --kill-after=10 "$((BUDGET_S + 20))" "$PY" "$WORK/gpu_bench.py" --out "$OUT" --work "$WORK" --budget-s "$BUDGET_S" "$@"
