"""Time one training step of a recipe's model under variants of its settings, in one process.

    python scripts/bench_train_step.py --data runs/default/dataset --base gemma3-270m \
        --variants '[{}, {"share_head": false}, {"lora_layers": 9}]' --out runs/bench/train_step.json

    python scripts/bench_train_step.py --device cuda --base DIR --variants '[{"method": "qlora"}, {}]' \
        --profile 3 --out OUT/train_step.json

Each variant overrides TrainConfig fields (and `share_head`: false runs the prompt's fixed head once per
row instead of once per batch, as training did before); a step is the training loss on the answer positions
(`train.answer_loss`), backward and an AdamW update, under bf16 autocast where the CPU has it.
Prints the median step time over `--steps` steps (after one warm-up) and the time per query, and
writes them as JSON. Compare variants measured in one run: this machine is shared and noisy.
On CUDA each timed step ends with a synchronisation, and `--profile N` adds the torch profiler's
table of the N steps after the timed ones (the ops that take the time, CPU and GPU side).
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default="runs/default/dataset")
    ap.add_argument("--base", default="gemma3-270m")
    ap.add_argument("--variants", default="[{}]", help="JSON list of TrainConfig overrides")
    ap.add_argument("--steps", type=int, default=5)
    ap.add_argument("--out", default="runs/bench/train_step.json")
    ap.add_argument("--device", default="cpu", choices=["cpu", "cuda"])
    ap.add_argument("--profile", type=int, default=0, help="profile this many steps after the timed ones")
    args = ap.parse_args()
    dev = args.device

    import torch

    from ecomintent.prompt import PromptFormat
    from ecomintent.train import (
        LossVocab,
        TrainConfig,
        _collate,
        _Examples,
        answer_loss,
        build_peft,
        load_base,
        read_dataset,
        stratified_subset,
        use_bf16,
    )

    base = TrainConfig(data=args.data, out="runs/bench/train-step", base=args.base, lora_dropout=0.0)
    rows, _, _ = read_dataset(base)

    def measure(v: dict) -> dict:
        v = dict(v)
        share = v.pop("share_head", True)
        cfg = TrainConfig(**{**base.__dict__, **v})
        bf16 = use_bf16(cfg, dev)
        tok, model, _ = load_base(cfg, dev, bf16)
        fmt = PromptFormat.for_tokenizer(tok)
        model = build_peft(cfg, model)
        bs = cfg.batch_size
        n = args.steps + 1 + args.profile
        ds = _Examples(fmt, stratified_subset(rows, bs * n, cfg.seed))
        collate = _collate(tok.pad_token_id, fmt.head_ids() if share else None)
        vocab = None
        if cfg.loss_vocab == "data":  # the tokens of the measured rows (train: of the training rows)
            vocab = LossVocab.for_examples(model, ds.items)
        opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=cfg.learning_rate)
        sync = torch.cuda.synchronize if dev == "cuda" else (lambda: None)

        def step(s: int) -> None:
            batch = collate([ds[i % len(ds)] for i in range(s * bs, (s + 1) * bs)])
            batch = {k: x.to(dev) if hasattr(x, "to") else x for k, x in batch.items()}
            with torch.autocast(dev, dtype=torch.bfloat16, enabled=bf16):
                loss, _ = answer_loss(model, batch, vocab=vocab)
            loss.backward()
            opt.step()
            opt.zero_grad()
            sync()

        if dev == "cuda":
            torch.cuda.reset_peak_memory_stats()
        times = []
        for s in range(args.steps + 1):
            t = time.perf_counter()
            step(s)
            if s:  # the first step warms up
                times.append(time.perf_counter() - t)
        step_s = statistics.median(times)
        r = {
            "variant": {**v, "share_head": share},
            "bf16": bf16,
            "batch_size": bs,
            "step_s": round(step_s, 4),
            "ms_per_query": round(1000 * step_s / bs, 2),
        }
        if dev == "cuda":
            r["peak_vram_mb"] = round(torch.cuda.max_memory_allocated() / 2**20, 1)
        if args.profile:
            from torch.profiler import ProfilerActivity, profile

            acts = [ProfilerActivity.CPU] + ([ProfilerActivity.CUDA] if dev == "cuda" else [])
            with profile(activities=acts) as prof:
                for s in range(args.steps + 1, n):
                    step(s)
            key = "self_cuda_time_total" if dev == "cuda" else "self_cpu_time_total"
            r["profile"] = prof.key_averages().table(sort_by=key, row_limit=25)
            r["profile_cpu"] = prof.key_averages().table(sort_by="self_cpu_time_total", row_limit=15)
        return r

    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    results = []
    for v in json.loads(args.variants):
        r = measure(v)
        print(json.dumps({k: x for k, x in r.items() if not k.startswith("profile")}), flush=True)
        for k in ("profile", "profile_cpu"):
            if k in r:
                print(r[k], flush=True)
        results.append(r)
        # rewritten after every variant: a run cut short keeps the variants it measured
        out.write_text(json.dumps({"base": args.base, "device": dev, "results": results}, indent=2) + "\n")
        if dev == "cuda":
            torch.cuda.empty_cache()
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
