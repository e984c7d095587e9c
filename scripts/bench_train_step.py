"""Time one training step of a recipe's model under variants of its settings, in one process.

    python scripts/bench_train_step.py --data runs/default/dataset --base gemma3-270m \
        --variants '[{}, {"share_head": false}, {"lora_layers": 9}]' --out runs/bench/train_step.json

Each variant overrides TrainConfig fields (and `share_head`: false runs the prompt's fixed head once per
row instead of once per batch, as training did before); a step is the training loss on the answer positions
(`train.answer_loss`), backward and an AdamW update, under bf16 autocast where the CPU has it.
Prints the median step time over `--steps` steps (after one warm-up) and the time per query, and
writes them as JSON. Compare variants measured in one run: this machine is shared and noisy.
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
    args = ap.parse_args()

    import torch

    from ecomintent.prompt import PromptFormat
    from ecomintent.train import (
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
    results = []
    for v in json.loads(args.variants):
        v = dict(v)
        share = v.pop("share_head", True)
        cfg = TrainConfig(**{**base.__dict__, **v})
        bf16 = use_bf16(cfg, "cpu")
        tok, model, _ = load_base(cfg, "cpu", bf16)
        fmt = PromptFormat.for_tokenizer(tok)
        model = build_peft(cfg, model)
        bs = cfg.batch_size
        ds = _Examples(fmt, stratified_subset(rows, bs * (args.steps + 1), cfg.seed))
        collate = _collate(tok.pad_token_id, fmt.head_ids() if share else None)
        opt = torch.optim.AdamW([p for p in model.parameters() if p.requires_grad], lr=cfg.learning_rate)
        times = []
        for s in range(args.steps + 1):
            batch = collate([ds[i] for i in range(s * bs, (s + 1) * bs)])
            t = time.perf_counter()
            with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
                loss, _ = answer_loss(model, batch)
            loss.backward()
            opt.step()
            opt.zero_grad()
            if s:  # the first step warms up
                times.append(time.perf_counter() - t)
        step = statistics.median(times)
        r = {
            "variant": {**v, "share_head": share},
            "batch_size": bs,
            "step_s": round(step, 3),
            "ms_per_query": round(1000 * step / bs, 1),
        }
        print(json.dumps(r), flush=True)
        results.append(r)
        del model, opt
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"base": args.base, "bf16": bf16, "results": results}, indent=2) + "\n")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
