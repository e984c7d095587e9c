"""GPU check of the fine-tuning stage: QLoRA vs LoRA on CUDA, step time and peak VRAM.

Run through scripts/gpu-train-check.sh on a CUDA machine. For each base model and method it trains
`--steps` steps with the default recipe's batch size in its own process (so the VRAM peak is its
own) and writes one JSON with step time, peak VRAM, trainable parameters and validation accuracy.

Base models: the packaged Gemma 3 270M (the CPU default) and SmolLM2-135M when they can be
materialised on that machine; otherwise randomly initialised models of the same architectures with
their real tokenizers (`--arch-root`: a folder holding `gemma3-270m/` and `smollm2-135m/`, each with
config.json + tokenizer files; a `tokenizer.json.xz` is unpacked). Step time and VRAM do not depend
on the weights' values; the accuracy of a randomly initialised model does, and is reported as such.
The paper's Llama 3.2 1B architecture is measured the same way (random init, SmolLM2 tokenizer ids,
Llama 3.2's 128k vocabulary).

The JSON is rewritten after every run, so a run cut short by `--budget-s` or a timeout still leaves
the runs it finished.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

LLAMA32_1B = {  # Llama 3.2 1B's published architecture
    "architectures": ["LlamaForCausalLM"],
    "model_type": "llama",
    "hidden_size": 2048,
    "intermediate_size": 8192,
    "num_hidden_layers": 16,
    "num_attention_heads": 32,
    "num_key_value_heads": 8,
    "head_dim": 64,
    "vocab_size": 128256,
    "max_position_embeddings": 131072,
    "rms_norm_eps": 1e-5,
    "rope_parameters": {"rope_theta": 500000.0, "rope_type": "default"},
    "tie_word_embeddings": True,
    "hidden_act": "silu",
}


def build_random(arch_dir: Path, out: Path, overrides: dict | None) -> Path:
    """A randomly initialised model from arch_dir's config (+ overrides), with arch_dir's tokenizer."""
    import lzma
    import shutil

    import torch
    from transformers import AutoConfig, AutoModelForCausalLM, AutoTokenizer

    packed = arch_dir / "tokenizer.json.xz"
    if packed.is_file() and not (arch_dir / "tokenizer.json").is_file():
        unpacked = out.parent / f"{arch_dir.name}-arch"
        shutil.copytree(arch_dir, unpacked, dirs_exist_ok=True)
        (unpacked / "tokenizer.json").write_bytes(lzma.decompress(packed.read_bytes()))
        arch_dir = unpacked
    cfg = AutoConfig.from_pretrained(arch_dir)
    for k, v in (overrides or {}).items():
        setattr(cfg, k, v)
    torch.manual_seed(0)
    model = AutoModelForCausalLM.from_config(cfg, dtype=torch.float32)
    out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(out)
    AutoTokenizer.from_pretrained(arch_dir).save_pretrained(out)
    for f in ("chat_template.jinja",):
        if (arch_dir / f).is_file():
            shutil.copy(arch_dir / f, out / f)
    return out


def one_run(
    base: str, method: str, data: str, out: str, steps: int, batch: int, device: str, timeout: float
) -> dict:
    """Train in a child process; return its manifest (or the error)."""
    code = (
        "import json,sys;from ecomintent.train import TrainConfig,train;"
        f"m=train(TrainConfig(data={data!r},out={out!r},base={base!r},method={method!r},device={device!r},"
        f"max_steps={steps},batch_size={batch},learning_rate=1e-3,eval_every={steps},eval_samples=208,final_eval_samples=208,"
        "patience=5,seed=7));print('MANIFEST'+json.dumps(m))"
    )
    t = time.time()
    try:
        p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {
            "status": "failed",
            "process_wall_s": round(time.time() - t, 1),
            "error": f"timed out ({timeout:.0f} s)",
        }
    wall = time.time() - t
    for line in p.stdout.splitlines():
        if line.startswith("MANIFEST"):
            m = json.loads(line[len("MANIFEST") :])
            return {
                "status": "ok",
                "process_wall_s": round(wall, 1),
                **{
                    k: m.get(k)
                    for k in (
                        "steps",
                        "step_seconds",
                        "train_seconds",
                        "peak_vram_mb",
                        "model_vram_mb",
                        "train_peak_vram_mb",
                        "trainable_params",
                        "val_accuracy",
                        "train_loss",
                        "bf16",
                    )
                },
            }
    return {"status": "failed", "process_wall_s": round(wall, 1), "error": (p.stderr or p.stdout)[-3000:]}


PACKAGED = {  # name (also its architecture folder under --arch-root) -> what a random stand-in is
    "gemma3-270m": "random init, Gemma 3 270M architecture and tokenizer",
    "smollm2-135m": "random init, SmolLM2-135M architecture and tokenizer",
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.environ.get("OUT", "runs/gpu-train-check"))
    ap.add_argument("--steps", type=int, default=200)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--arch-root", default=".gpu", help="folders of config + tokenizer for random init")
    ap.add_argument("--work", default="/tmp/ecomintent-gpu")
    ap.add_argument("--device", default="cuda")
    ap.add_argument("--bases", default="gemma3-270m,llama3.2-1b,smollm2-135m")
    ap.add_argument("--methods", default="qlora,lora")
    ap.add_argument(
        "--budget-s", type=float, default=float("inf"), help="start no run after this many seconds"
    )
    ap.add_argument("--run-timeout-s", type=float, default=600, help="stop a run that takes longer")
    args = ap.parse_args()
    t_start = time.time()

    import torch

    from ecomintent.config import DataConfig
    from ecomintent.data import build_dataset

    out, work = Path(args.out), Path(args.work)
    out.mkdir(parents=True, exist_ok=True)
    work.mkdir(parents=True, exist_ok=True)
    data = work / "dataset"
    if not data.exists():
        build_dataset(DataConfig(out=str(data), per_cell=20, seed=7))

    wanted = [b for b in args.bases.split(",") if b]
    bases: dict[str, tuple[str, str]] = {}
    for name in wanted:
        if name in PACKAGED:
            try:
                if os.environ.get("GPU_CHECK_RANDOM_INIT"):
                    raise RuntimeError("GPU_CHECK_RANDOM_INIT is set")
                from ecomintent.models import resolve_base

                bases[name] = (str(resolve_base(name)), "packaged weights")
            except Exception as e:  # noqa: BLE001 - the packaged model is absent on a bare GPU machine
                print(f"packaged {name} unavailable here ({e}); using a random init of its architecture")
                arch = Path(args.arch_root) / name
                bases[name] = (str(build_random(arch, work / f"{name}-random", None)), PACKAGED[name])
        elif name == "llama3.2-1b":
            bases[name] = (
                str(build_random(Path(args.arch_root) / "smollm2-135m", work / "llama1b-random", LLAMA32_1B)),
                "random init, Llama 3.2 1B architecture (SmolLM2 tokenizer ids)",
            )
        else:
            raise SystemExit(f"unknown base {name!r}; one of {', '.join([*PACKAGED, 'llama3.2-1b'])}")

    report = {
        "gpu": torch.cuda.get_device_name(0) if torch.cuda.is_available() else None,
        "torch": torch.__version__,
        "steps": args.steps,
        "batch_size": args.batch,
        "results": [],
        "comparison": {},
    }
    results = report["results"]

    def write() -> None:
        tmp = out / "gpu_train_check.json.tmp"
        tmp.write_text(json.dumps(report, indent=2) + "\n")
        tmp.replace(out / "gpu_train_check.json")

    for name, (path, weights) in bases.items():
        for method in [m for m in args.methods.split(",") if m]:
            left = args.budget_s - (time.time() - t_start)
            if left < 30:
                results.append({"base": name, "method": method, "status": "skipped", "reason": "time budget"})
                continue
            print(f"== {name} {method}", flush=True)
            r = one_run(
                path,
                method,
                str(data),
                str(work / f"{name}-{method}"),
                args.steps,
                args.batch,
                args.device,
                timeout=args.run_timeout_s,
            )
            r.update(base=name, weights=weights, method=method)
            print(json.dumps(r)[:600], flush=True)
            results.append(r)
            write()
    for name in bases:
        q = next((r for r in results if r["base"] == name and r["method"] == "qlora"), None)
        lo = next((r for r in results if r["base"] == name and r["method"] == "lora"), None)
        if q and lo and q.get("train_peak_vram_mb") and lo.get("train_peak_vram_mb"):
            qv, lv = q["train_peak_vram_mb"], lo["train_peak_vram_mb"]
            qw, lw = q["model_vram_mb"], lo["model_vram_mb"]
            report["comparison"][name] = {
                "weights_vram_reduction_pct": round(100 * (1 - qw / lw), 1),
                "train_peak_vram_reduction_pct": round(100 * (1 - qv / lv), 1),
                "qlora_step_over_lora": round(q["step_seconds"] / lo["step_seconds"], 2),
            }
            print(
                f"{name}: weights {qw:.0f} MB QLoRA vs {lw:.0f} MB LoRA ({100 * (1 - qw / lw):.0f}% less); "
                f"training-loop peak {qv:.0f} vs {lv:.0f} MB ({100 * (1 - qv / lv):.0f}% less); "
                f"step {q['step_seconds']:.3f} s vs {lo['step_seconds']:.3f} s"
            )
    report["wall_s"] = round(time.time() - t_start, 1)
    write()
    print(f"wrote {out / 'gpu_train_check.json'}")


if __name__ == "__main__":
    main()
