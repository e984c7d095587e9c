"""GPU check of the fine-tuning stage: QLoRA vs LoRA on CUDA, step time and peak VRAM.

Run through scripts/gpu-train-check.sh on a CUDA machine. For each base model and method it trains
`--steps` steps with the default recipe's batch size in its own process (so the VRAM peak is its
own) and writes one JSON with step time, peak VRAM, trainable parameters and validation accuracy.

Base models: the packaged SmolLM2-135M when it can be materialised on that machine; otherwise a
randomly initialised model of the same architecture with its real tokenizer (`--arch-dir`: a folder
with config.json + tokenizer files). Step time and VRAM do not depend on the weights' values; the
accuracy of a randomly initialised model does, and is reported as such. The paper's Llama 3.2 1B
architecture is measured the same way (random init, SmolLM2 tokenizer ids, Llama 3.2's 128k vocab).
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
    import shutil

    import torch
    from transformers import AutoConfig, AutoModelForCausalLM, AutoTokenizer

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


def one_run(base: str, method: str, data: str, out: str, steps: int, batch: int, device: str) -> dict:
    """Train in a child process; return its manifest (or the error)."""
    code = (
        "import json,sys;from ecomintent.train import TrainConfig,train;"
        f"m=train(TrainConfig(data={data!r},out={out!r},base={base!r},method={method!r},device={device!r},"
        f"max_steps={steps},batch_size={batch},learning_rate=1e-3,eval_every={steps},eval_samples=208,"
        "patience=5,seed=7));print('MANIFEST'+json.dumps(m))"
    )
    t = time.time()
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.environ.get("OUT", "runs/gpu-train-check"))
    ap.add_argument("--steps", type=int, default=200)
    ap.add_argument("--batch", type=int, default=16)
    ap.add_argument("--arch-dir", default=".gpu/smollm2-135m", help="config + tokenizer for random init")
    ap.add_argument("--work", default="/tmp/ecomintent-gpu")
    ap.add_argument("--device", default="cuda")
    ap.add_argument("--bases", default="smollm2-135m,llama3.2-1b")
    args = ap.parse_args()

    import torch

    from ecomintent.config import DataConfig
    from ecomintent.data import build_dataset

    out, work = Path(args.out), Path(args.work)
    out.mkdir(parents=True, exist_ok=True)
    work.mkdir(parents=True, exist_ok=True)
    data = work / "dataset"
    if not data.exists():
        build_dataset(DataConfig(out=str(data), per_cell=20, seed=7))

    bases: dict[str, tuple[str, str]] = {}
    if "smollm2-135m" in args.bases:
        try:
            if os.environ.get("GPU_CHECK_RANDOM_INIT"):
                raise RuntimeError("GPU_CHECK_RANDOM_INIT is set")
            from ecomintent.models import resolve_base

            bases["smollm2-135m"] = (str(resolve_base("smollm2-135m")), "packaged weights")
        except Exception as e:  # noqa: BLE001 - the packaged model is absent on a bare GPU machine
            print(f"packaged smollm2-135m unavailable here ({e}); using a random init of its architecture")
            bases["smollm2-135m"] = (
                str(build_random(Path(args.arch_dir), work / "smollm2-random", None)),
                "random init, SmolLM2-135M architecture and tokenizer",
            )
    if "llama3.2-1b" in args.bases:
        bases["llama3.2-1b"] = (
            str(build_random(Path(args.arch_dir), work / "llama1b-random", LLAMA32_1B)),
            "random init, Llama 3.2 1B architecture (SmolLM2 tokenizer ids)",
        )

    results = []
    for name, (path, weights) in bases.items():
        for method in ("qlora", "lora"):
            print(f"== {name} {method}", flush=True)
            r = one_run(
                path, method, str(data), str(work / f"{name}-{method}"), args.steps, args.batch, args.device
            )
            r.update(base=name, weights=weights, method=method)
            print(json.dumps(r)[:600], flush=True)
            results.append(r)
    for name in bases:
        q = next((r for r in results if r["base"] == name and r["method"] == "qlora"), None)
        lo = next((r for r in results if r["base"] == name and r["method"] == "lora"), None)
        if q and lo and q.get("train_peak_vram_mb") and lo.get("train_peak_vram_mb"):
            qv, lv = q["train_peak_vram_mb"], lo["train_peak_vram_mb"]
            print(
                f"{name}: training-loop peak VRAM QLoRA {qv:.0f} MB vs LoRA {lv:.0f} MB "
                f"({100 * (1 - qv / lv):.0f}% less); weights {q['model_vram_mb']:.0f} vs {lo['model_vram_mb']:.0f} MB; step "
                f"{q['step_seconds']:.3f} s vs {lo['step_seconds']:.3f} s"
            )
    report = {
        "gpu": torch.cuda.get_device_name(0) if torch.cuda.is_available() else None,
        "torch": torch.__version__,
        "steps": args.steps,
        "batch_size": args.batch,
        "results": results,
    }
    (out / "gpu_train_check.json").write_text(json.dumps(report, indent=2) + "\n")
    print(f"wrote {out / 'gpu_train_check.json'}")


if __name__ == "__main__":
    main()
