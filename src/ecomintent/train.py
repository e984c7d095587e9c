"""The `train` stage: LoRA / QLoRA fine-tuning of a causal LM into an intent recogniser.

Reads a dataset directory (train.jsonl, val.jsonl, taxonomy.yaml), fine-tunes with the HF Trainer
(loss only on the answer tokens of prompt.py's format), evaluates label accuracy on the validation
split while training (early stopping on it), and writes:

    OUT/checkpoints/      Trainer checkpoints (resume with --resume; Ctrl-C leaves one)
    OUT/adapter/          the PEFT adapter
    OUT/merged/           base + adapter merged: HF safetensors, tokenizer, ecomintent.json (labels)
    OUT/metrics.jsonl     every logged metric
    OUT/train_manifest.json
"""

from __future__ import annotations

import gc
import json
import os
import resource
import signal
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from . import OUT_OF_SCOPE, __version__
from .errors import UserError
from .fileio import atomic_dir, dump_json, sha256_file
from .prompt import PROMPT_VERSION, SYSTEM, PromptFormat, clean_query

LORA_TARGETS = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]
ARTIFACT_INFO = "ecomintent.json"


@dataclass
class TrainConfig:
    """Settings of `ecomintent train`; YAML recipes in configs/ fill the same fields."""

    data: str = "runs/default/dataset"  # dataset directory written by `ecomintent data`
    out: str = "runs/default/model"  # output directory
    base: str = "smollm2-135m"  # packaged model name, HF id or local directory
    method: str = "lora"  # "lora" (fp32/bf16 weights) or "qlora" (4-bit NF4 base, double quantisation)
    lora_r: int = 16  # LoRA rank
    lora_alpha: int = 32  # LoRA scaling numerator (scale = alpha / r)
    lora_dropout: float = 0.05
    lora_targets: list[str] = field(default_factory=lambda: list(LORA_TARGETS))  # module names to adapt
    lora_layers: int | None = None  # adapt only the top N layers (faster backward on a CPU); None = all
    keep_layers: int | None = None  # keep only the base's first N decoder layers (faster); None = all
    learning_rate: float = 5e-4
    epochs: float = 1.0  # passes over the (possibly subsampled) training split
    max_steps: int = -1  # > 0 overrides epochs
    batch_size: int = 16
    grad_accum: int = 1  # effective batch = batch_size x grad_accum (x GPUs)
    warmup_ratio: float = 0.05
    max_train_samples: int | None = None  # subsample the training split (stratified by shuffling)
    eval_every: int = 50  # steps between validation evaluations (and checkpoints)
    eval_samples: int = 208  # validation queries scored for label accuracy during training
    final_eval_samples: int | None = None  # validation queries for the final accuracy; None = the whole split
    patience: int = 3  # early stopping: evaluations without improvement
    seed: int = 7
    bf16: str = "auto"  # "auto": bf16 on a GPU that supports it and on CPUs with AVX512-BF16; "yes"/"no"
    device: str = "auto"  # "auto", "cpu" or "cuda"
    threads: int | None = None  # torch CPU threads; None = all cores
    loss_vocab: str = "full"  # "data": the training softmax over the data's own tokens alone (LossVocab)

    def __post_init__(self) -> None:
        if self.method not in ("lora", "qlora"):
            raise UserError(f"--method is {self.method!r}; use lora or qlora")
        if self.keep_layers is not None and int(self.keep_layers) < 1:
            raise UserError(
                f"keep_layers is {self.keep_layers}; it must be at least 1 (or unset: all layers)"
            )
        for name in ("lora_r", "lora_alpha", "batch_size", "grad_accum", "eval_every", "eval_samples"):
            if int(getattr(self, name)) < 1:
                raise UserError(f"{name} is {getattr(self, name)}; it must be at least 1")
        if not 0 < self.learning_rate < 1:
            raise UserError(f"learning_rate {self.learning_rate} is out of range; try 2e-4")
        if self.bf16 not in ("auto", "yes", "no"):
            raise UserError("bf16 must be auto, yes or no")
        if self.device not in ("auto", "cpu", "cuda"):
            raise UserError("device must be auto, cpu or cuda")
        if self.loss_vocab not in ("full", "data"):
            raise UserError(f"loss_vocab is {self.loss_vocab!r}; use full or data")


def read_dataset(cfg: TrainConfig):
    """Train and val rows and the taxonomy's labels, with clear errors for every broken input."""
    from .data import read_split
    from .taxonomy import load_taxonomy

    d = Path(cfg.data)
    if not d.is_dir():
        raise UserError(f"dataset directory {d} does not exist; create one with `ecomintent data --out {d}`")
    tax_file = d / "taxonomy.yaml"
    taxonomy = load_taxonomy(tax_file if tax_file.is_file() else None)
    labels = taxonomy.labels
    splits = {}
    for split in ("train", "val"):
        rows = read_split(d, split)
        if not rows:
            raise UserError(f"{d / (split + '.jsonl')} is empty; regenerate the dataset with more --per-cell")
        for n, r in enumerate(rows, 1):
            if (
                not isinstance(r, dict)
                or not isinstance(r.get("text"), str)
                or not isinstance(r.get("intent"), str)
            ):
                raise UserError(
                    f"{d / (split + '.jsonl')}:{n}: each row needs a 'text' and an 'intent' string column"
                )
        unknown = sorted({r["intent"] for r in rows} - set(labels))
        if unknown:
            raise UserError(
                f"{split} split has labels missing from the taxonomy: {', '.join(unknown[:10])}; "
                f"add them to {tax_file} or regenerate the dataset"
            )
        splits[split] = rows
    return splits["train"], splits["val"], taxonomy


def pick_device(cfg: TrainConfig) -> str:
    import torch

    if cfg.device == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if cfg.device == "cuda" and not torch.cuda.is_available():
        raise UserError("--device cuda was asked for but no CUDA GPU is visible; use --device cpu")
    return cfg.device


def use_bf16(cfg: TrainConfig, device: str) -> bool:
    if cfg.bf16 != "auto":
        return cfg.bf16 == "yes"
    return native_bf16(device)


def native_bf16(device: str = "cpu") -> bool:
    """Whether the device computes in bf16 natively (a CUDA GPU that supports it, a CPU with
    AVX512-BF16 or AMX): there bf16 is the fast precision."""
    if device.startswith("cuda"):
        import torch

        return torch.cuda.is_bf16_supported()
    try:
        flags = Path("/proc/cpuinfo").read_text()
    except OSError:
        return False
    return "avx512_bf16" in flags or "amx_bf16" in flags


def stratified_subset(rows: list[dict], n: int, seed: int) -> list[dict]:
    """n rows spread evenly over intent x language cells (deterministic)."""
    import random

    if n >= len(rows):
        return list(rows)
    cells: dict[tuple, list[dict]] = {}
    for r in rows:
        cells.setdefault((r["intent"], r.get("language", "")), []).append(r)
    rng = random.Random(seed)
    for v in cells.values():
        rng.shuffle(v)
    out: list[dict] = []
    k = 0
    while len(out) < n:
        for v in cells.values():
            if k < len(v) and len(out) < n:
                out.append(v[k])
        k += 1
    return out


def load_base(cfg: TrainConfig, device: str, bf16: bool, for_training: bool = True):
    """Load the tokenizer and base model (4-bit NF4 for QLoRA), refusing one that cannot fit."""
    import torch
    from transformers import AutoConfig, AutoModelForCausalLM, AutoTokenizer

    from .models import check_fits, resolve_base

    path = resolve_base(cfg.base)
    try:
        config = AutoConfig.from_pretrained(path)
    except OSError as e:
        raise UserError(f"cannot load the base model {cfg.base!r}: {e}") from None
    qlora = cfg.method == "qlora" and for_training
    bytes_per_param = 0.6 if qlora else (2 if bf16 and device == "cuda" else 4)
    check_fits(config, bytes_per_param, train=for_training, device=device)
    tok = AutoTokenizer.from_pretrained(path)
    if tok.pad_token_id is None:
        tok.pad_token = tok.eos_token
    dtype = torch.bfloat16 if (bf16 and device == "cuda") else torch.float32
    kwargs: dict = {"dtype": dtype}
    if qlora:
        from transformers import BitsAndBytesConfig

        kwargs["quantization_config"] = BitsAndBytesConfig(
            load_in_4bit=True,
            bnb_4bit_quant_type="nf4",
            bnb_4bit_use_double_quant=True,
            bnb_4bit_compute_dtype=torch.bfloat16 if device == "cuda" and bf16 else torch.float32,
        )
        kwargs["device_map"] = {"": 0} if device == "cuda" else {"": "cpu"}
    model = AutoModelForCausalLM.from_pretrained(path, **kwargs)
    if cfg.keep_layers:
        keep_first_layers(model, cfg.keep_layers)
    if not qlora:
        model.to(device)
    if for_training and frozen_in_bf16(cfg, device, bf16):
        frozen_linears_to_bf16(model)
    return tok, model, path


def keep_first_layers(model, n: int) -> None:
    """Cut the decoder to its first `n` layers, in place (the config follows, so the model saves,
    reloads and converts as an n-layer model). The final norm and the output projection stay."""
    decoder = model.get_decoder() if hasattr(model, "get_decoder") else None
    layers = getattr(decoder, "layers", None)
    if layers is None:
        raise UserError(
            f"keep_layers: cannot find the decoder layers of {type(model).__name__}; unset keep_layers"
        )
    total = len(layers)
    if n > total:
        raise UserError(f"keep_layers is {n} but the base model has {total} layers; use at most {total}")
    if n == total:
        return
    decoder.layers = layers[:n]
    for config in {id(c): c for c in (model.config, getattr(decoder, "config", model.config))}.values():
        config.num_hidden_layers = n
        if isinstance(getattr(config, "layer_types", None), list):
            config.layer_types = config.layer_types[:n]


def frozen_in_bf16(cfg: TrainConfig, device: str, bf16: bool) -> bool:
    """Whether training holds the frozen weights in bf16 (`frozen_linears_to_bf16`): LoRA under bf16
    autocast on a CPU. The adapter is then merged into the fp32 base, not into those weights."""
    return cfg.method == "lora" and bf16 and device == "cpu"


def frozen_linears_to_bf16(model) -> int:
    """Store the linear layers' weights in bf16 (the output projection excepted); returns how many.

    Under bf16 autocast a CPU casts every frozen fp32 weight to bf16 again on every forward pass
    (about a tenth of a training step for Gemma 3 270M); LoRA trains on the bf16 copy the autocast
    would have made anyway, so the step computes the same. The embedding and the norms stay fp32;
    the adapter is merged into the fp32 base (`_merge_full_precision`)."""
    import torch

    head = model.get_output_embeddings()
    n = 0
    for m in model.modules():
        if isinstance(m, torch.nn.Linear) and m is not head and m.weight.dtype == torch.float32:
            m.to(torch.bfloat16)
            n += 1
    if isinstance(head, torch.nn.Linear) and head.weight.dtype == torch.float32:
        # The output projection gets a bf16 copy of its own (untied from the fp32 embedding: +2 bytes
        # a parameter, Gemma 3 270M: 336 MB); its cast was the largest single cost of a step.
        head.weight = torch.nn.Parameter(head.weight.detach().to(torch.bfloat16), requires_grad=False)
        n += 1
    return n


def build_peft(cfg: TrainConfig, model):
    from peft import LoraConfig, get_peft_model, prepare_model_for_kbit_training

    if cfg.method == "qlora":
        kept = _frozen_embeddings(model)
        model = prepare_model_for_kbit_training(model, use_gradient_checkpointing=False)
        # It upcasts every weight that is not 4-bit to fp32, for the norms' sake; the frozen
        # embedding (and an untied output projection) too. Gemma 3 270M's embedding is 63% of its
        # parameters: 671 MB in fp32 against 336 MB as loaded in bf16 on a GPU, more than the 4-bit
        # decoder. A lookup needs no fp32, and autocast computes the projection in bf16 anyway.
        for m, dtype in kept:
            m.to(dtype)
    n_layers = model.config.num_hidden_layers
    layers = None
    if cfg.lora_layers:
        layers = list(range(max(0, n_layers - cfg.lora_layers), n_layers))
    present = {name.rsplit(".", 1)[-1] for name, _ in model.named_modules()}
    targets = [t for t in cfg.lora_targets if t in present]
    if not targets:
        raise UserError(f"none of the LoRA targets {cfg.lora_targets} exist in this model; set lora_targets")
    lora = LoraConfig(
        r=cfg.lora_r,
        lora_alpha=cfg.lora_alpha,
        lora_dropout=cfg.lora_dropout,
        target_modules=targets,
        layers_to_transform=layers,
        task_type="CAUSAL_LM",
    )
    return get_peft_model(model, lora)


def _frozen_embeddings(model) -> list:
    """The input embedding and an untied output projection, with the dtype each was loaded in, where
    that is a 16-bit one (bf16/fp16 weights on a GPU)."""
    import torch

    out = []
    for m in (model.get_input_embeddings(), model.get_output_embeddings()):
        if (
            m is not None
            and m.weight.dtype in (torch.bfloat16, torch.float16)
            and all(m is not k for k, _ in out)
        ):
            out.append((m, m.weight.dtype))
    return out


class _Examples:
    """Tokenised rows as a torch-style dataset of dicts."""

    def __init__(self, fmt: PromptFormat, rows: list[dict], by_length: bool = False):
        self.items = []
        for r in rows:
            ids, labels = fmt.training_example(clean_query(r["text"])[0], r["intent"])
            self.items.append({"input_ids": ids, "labels": labels})
        if by_length:  # evaluation: batches of similar lengths pad less (the metrics ignore order)
            self.items.sort(key=lambda x: len(x["input_ids"]))

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, i: int) -> dict:
        return self.items[i]


def _collate(pad_id: int, head: list[int] | None = None):
    """Right-align a batch so that every answer ends in the last column, and keep labels only for
    the last K columns (K = the longest answer in the batch).

    The model then computes logits for those K positions alone (`logits_to_keep`): the vocabulary
    projection is most of a small model's cost (Gemma 3 270M: 168M of its 268M parameters), and
    the prompt positions carry no loss anyway.

    `head`: the prompt's fixed head (`PromptFormat.head_ids`). When every row of the batch starts
    with it, it is cut off the rows and passed once as `head_ids`: answer_loss runs it once for the
    batch instead of once per row (about a third of a row's tokens with the default prompt).
    """
    import torch

    from .backends.kv import right_aligned

    head = list(head or [])

    def collate(batch: list[dict]) -> dict:
        h = len(head)
        if not h or any(len(b["input_ids"]) <= h or b["input_ids"][:h] != head for b in batch):
            h = 0
        ids, valid, pos = right_aligned([b["input_ids"][h:] for b in batch], h, pad_id)
        labels, _, _ = right_aligned([b["labels"][h:] for b in batch], h, -100)
        k = max(sum(1 for t in b["labels"] if t != -100) for b in batch)
        labels = labels[:, labels.shape[1] - k :]
        # "shift_labels": the labels are already aligned with their logits; the Trainer counts the
        # loss tokens of a (gradient-accumulated) batch from it as is.
        out = {
            "input_ids": ids,
            "attention_mask": valid.long(),
            "position_ids": pos,
            "labels": labels,
            "shift_labels": labels,
        }
        if h:  # one row per batch row, so that a data-parallel split keeps it with every shard
            out["head_ids"] = torch.tensor([head] * len(batch), dtype=torch.long)
        return out

    return collate


class LossVocab:
    """The output tokens a training loss is computed over (`loss_vocab: data`): every token of the
    training prompts and answers, a few percent of a multilingual vocabulary (Gemma 3: 13k of 262k).

    The vocabulary projection of the answer positions is a large part of a small model's training
    step on a CPU; over these rows it costs almost nothing. The answer tokens are all inside, so the
    loss still separates every label from every other. But tokens outside are never pushed down, and
    a model trained on this loss alone wrote invented labels in generate mode (`{"intent":
    "registration"}`, `out_OF_scope`: neither "registration" without a leading space nor "_OF" is a
    token of the data). So `full_rows` rows of each batch, drawn at random, are scored against the
    whole vocabulary as usual. Evaluation always projects onto the whole vocabulary.
    """

    def __init__(self, token_ids, vocab_size: int, full_rows: int = 2):
        import torch

        self.full_rows = full_rows  # rows of a batch (drawn at random) scored against the whole vocabulary
        self.ids = torch.as_tensor(sorted(set(token_ids)), dtype=torch.long)
        self.index = torch.full((vocab_size,), -100, dtype=torch.long)  # token id -> column
        self.index[self.ids] = torch.arange(len(self.ids))

    @classmethod
    def for_examples(cls, model, items: list[dict], extra_ids=()) -> LossVocab:
        """The tokens of tokenised rows (`_Examples.items`) and `extra_ids`, for `model`'s vocabulary."""
        used = [t for x in items for t in x["input_ids"]]
        return cls([*used, *extra_ids], model.get_output_embeddings().weight.shape[0])

    def __len__(self) -> int:
        return len(self.ids)

    def logits(self, model, hidden, restrict: bool = True):
        """Logits over these tokens alone (`restrict`; else over the whole vocabulary) for hidden
        states (..., H): the model's own output projection (and final soft-capping, where it has
        one), restricted to their rows."""
        import torch

        from .backends.kv import base_model, text_config

        base = base_model(model)
        head = base.get_output_embeddings()
        weight, bias = head.weight, getattr(head, "bias", None)
        if restrict:
            ids = self.ids.to(hidden.device)
            weight, bias = weight[ids], (bias[ids] if bias is not None else None)
        out = torch.nn.functional.linear(hidden, weight, bias)
        cap = getattr(text_config(base.config), "final_logit_softcapping", None)
        return torch.tanh(out / cap) * cap if cap else out

    def targets(self, labels):
        """Labels (token ids, -100 ignored) as columns of these logits."""
        import torch

        cols = self.index.to(labels.device)[labels.clamp(min=0)]
        return torch.where(labels == -100, labels, cols)


def answer_loss(model, inputs: dict, num_items_in_batch=None, vocab: LossVocab | None = None):
    """Cross-entropy on the answer tokens only, from logits computed for the answer positions only.

    labels (B, K) are the last K tokens; the logit predicting token t sits at position t-1, so the
    model keeps K+1 positions and the last one (after the final token) is dropped.
    `vocab`: compute the softmax over those output tokens alone (training only; see LossVocab).
    """
    import torch

    labels = inputs["labels"]
    k = labels.shape[1]
    if vocab is not None:
        hidden = _answer_hidden(model, inputs, k + 1)[:, :-1]
        # `full_rows` rows drawn at random are scored against the whole vocabulary, the others
        # against `vocab` alone (LossVocab says why).
        full = torch.zeros(labels.shape[0], dtype=torch.bool, device=labels.device)
        full[torch.randperm(labels.shape[0], device=labels.device)[: vocab.full_rows]] = True
        total = hidden.new_zeros((), dtype=torch.float32)
        if full.any():
            whole = vocab.logits(model, hidden[full], restrict=False).float()
            total = total + _summed_cross_entropy(whole, labels[full])
        logits = vocab.logits(model, hidden[~full]).float()
        total = total + _summed_cross_entropy(logits, vocab.targets(labels[~full]))
    else:
        if "head_ids" in inputs:
            logits = _logits_after_head(model, inputs, k + 1)
        else:
            logits = model(
                input_ids=inputs["input_ids"],
                attention_mask=inputs["attention_mask"],
                position_ids=inputs["position_ids"],
                logits_to_keep=k + 1,
            ).logits
        logits = logits[:, :-1].float()
        total = _summed_cross_entropy(logits, labels)
    n = num_items_in_batch if num_items_in_batch is not None else (labels != -100).sum()
    return total / n, logits


def _summed_cross_entropy(logits, labels):
    """Cross-entropy of logits (..., V) against labels (...), summed over the labels that are not -100."""
    import torch

    return torch.nn.functional.cross_entropy(
        logits.reshape(-1, logits.shape[-1]), labels.reshape(-1), ignore_index=-100, reduction="sum"
    )


def _logits_after_head(model, inputs: dict, keep: int):
    """The last `keep` positions' logits of rows that follow a shared head (see _after_head)."""
    return _after_head(model, inputs, keep, model)


def _answer_hidden(model, inputs: dict, keep: int):
    """The last `keep` positions' final hidden states (the decoder's output, before the vocabulary
    projection), with or without a shared head."""
    decoder = _decoder(model)
    if decoder is None:
        raise UserError("loss_vocab: data needs a model whose decoder can be run alone; use loss_vocab: full")
    if "head_ids" in inputs:
        return _after_head(model, inputs, keep, decoder)
    hidden = decoder(
        input_ids=inputs["input_ids"],
        attention_mask=inputs["attention_mask"],
        position_ids=inputs["position_ids"],
    ).last_hidden_state
    return hidden[:, -keep:]


def _decoder(model):
    from .backends.kv import base_model

    base = base_model(model)
    return base.get_decoder() if hasattr(base, "get_decoder") else None


def _after_head(model, inputs: dict, keep: int, run):
    """Rows that follow a shared head: the head runs once (with gradients), its keys/values are
    expanded to every row, the rows follow with masks by real position (backends.kv), exactly as if
    each row had been run whole. `run` is the model (returns the last `keep` positions' logits) or
    its decoder (returns those positions' hidden states)."""
    import torch

    from .backends.kv import Masks, cache_kwarg, cache_tensors, expand_cache, new_cache

    head = inputs["head_ids"][:1]
    ids, valid, pos = inputs["input_ids"], inputs["attention_mask"].bool(), inputs["position_ids"]
    h, dev = head.shape[1], ids.device
    dtype = next((p.dtype for p in model.parameters() if p.dtype.is_floating_point), torch.float32)
    masks, kw = Masks(model.config), cache_kwarg(model)
    hpos = torch.arange(h, device=dev)[None]
    every = torch.ones((1, h), dtype=torch.bool, device=dev)
    cache = new_cache()
    # The decoder alone: the head needs no logits (and a 1-token vocabulary projection costs more
    # than the head itself on a CPU: torch copies the transposed 262k-row matrix for it).
    decoder = _decoder(model)
    (decoder or model)(
        input_ids=head,
        attention_mask=masks.build(masks.allowed(hpos, hpos, every), dtype, dev),
        position_ids=hpos,
        use_cache=True,
        **({} if decoder is not None else {"logits_to_keep": 1}),
        **{kw: cache},
    )
    _, _, allowed = masks.after_head(h, valid, pos)
    out = run(
        input_ids=ids,
        attention_mask=masks.build(allowed, dtype, dev),
        position_ids=pos,
        use_cache=True,
        **({"logits_to_keep": keep} if run is model else {}),
        **{kw: expand_cache(cache_tensors(cache), ids.shape[0])},
    )
    return out.logits if run is model else out.last_hidden_state[:, -keep:]


def answer_accuracy(eval_pred) -> dict:
    """Share of validation rows whose whole answer is the argmax at every position under teacher
    forcing: exactly the rows that greedy generation gets right. Cheap: it reuses the loss pass.
    Predictions and labels are aligned (both cover the answer positions; -100 marks the rest)."""
    import numpy as np

    pred, gold = eval_pred.predictions, eval_pred.label_ids
    w = min(pred.shape[1], gold.shape[1])
    pred, gold = pred[:, -w:], gold[:, -w:]
    mask = gold != -100
    ok = np.where(mask, pred == gold, True).all(axis=1) & mask.any(axis=1)
    return {"label_accuracy": float(ok.mean())}


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def train(cfg: TrainConfig, resume: bool = False, callbacks: list | None = None) -> dict:
    """Run the whole stage; return the manifest. `callbacks`: extra TrainerCallbacks."""
    import torch
    from transformers import EarlyStoppingCallback, Trainer, TrainerCallback, TrainingArguments, set_seed

    t_start = time.time()
    train_rows, val_rows, taxonomy = read_dataset(cfg)
    out = Path(cfg.out)
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / ".write-test"
        probe.write_text("")
        probe.unlink()
    except OSError as e:
        raise UserError(f"cannot write to {out}: {e.strerror}; choose another --out") from None
    ckpt_dir = out / "checkpoints"
    if not resume and ckpt_dir.exists() and any(ckpt_dir.glob("checkpoint-*")):
        raise UserError(
            f"{ckpt_dir} holds checkpoints of an earlier run; pass --resume to continue it or use another --out"
        )
    if resume and not any(ckpt_dir.glob("checkpoint-*")):
        raise UserError(f"--resume: no checkpoint in {ckpt_dir}; start without --resume")

    if cfg.threads:
        torch.set_num_threads(cfg.threads)
    set_seed(cfg.seed)
    device = pick_device(cfg)
    bf16 = use_bf16(cfg, device)
    tok, model, base_path = load_base(cfg, device, bf16)
    fmt = PromptFormat.for_tokenizer(tok)
    model = build_peft(cfg, model)
    labels = taxonomy.labels

    if cfg.max_train_samples:
        train_rows = stratified_subset(train_rows, cfg.max_train_samples, cfg.seed)
    eval_rows = stratified_subset(val_rows, cfg.eval_samples, cfg.seed)
    train_ds, eval_ds = _Examples(fmt, train_rows), _Examples(fmt, eval_rows, by_length=True)
    vocab = None
    if cfg.loss_vocab == "data":
        answers = [t for label in labels for t in fmt.label_ids(label)]
        vocab = LossVocab.for_examples(model, train_ds.items, answers)

    metrics_path = out / "metrics.jsonl"
    interrupted = {"flag": False}

    class Hooks(TrainerCallback):
        def on_log(self, args, state, control, logs=None, **kw):
            with open(metrics_path, "a", encoding="utf-8") as f:
                f.write(
                    json.dumps(
                        {
                            "step": state.global_step,
                            "epoch": state.epoch,
                            "time": round(time.time() - t_start, 1),
                            **(logs or {}),
                        }
                    )
                    + "\n"
                )

        def on_step_end(self, args, state, control, **kw):
            if interrupted["flag"]:
                control.should_save = True
                control.should_training_stop = True
            return control

    report = ["tensorboard"] if _has("tensorboard") else []
    args = TrainingArguments(
        output_dir=str(ckpt_dir),
        per_device_train_batch_size=cfg.batch_size,
        per_device_eval_batch_size=max(cfg.batch_size, 32),  # no backward pass: larger batches fit
        gradient_accumulation_steps=cfg.grad_accum,
        learning_rate=cfg.learning_rate,
        num_train_epochs=cfg.epochs,
        max_steps=cfg.max_steps,
        warmup_steps=cfg.warmup_ratio,
        lr_scheduler_type="cosine",
        logging_steps=max(1, min(10, cfg.eval_every)),
        eval_strategy="steps",
        eval_steps=cfg.eval_every,
        save_strategy="steps",
        save_steps=cfg.eval_every,
        save_total_limit=2,
        load_best_model_at_end=True,
        metric_for_best_model="eval_label_accuracy",
        greater_is_better=True,
        seed=cfg.seed,
        data_seed=cfg.seed,
        bf16=bf16,
        use_cpu=device == "cpu",
        report_to=report,
        dataloader_num_workers=0,
        train_sampling_strategy="group_by_length",  # less padding: batches of similar lengths
        remove_unused_columns=False,
        disable_tqdm=False,
    )

    class AnswerTrainer(Trainer):
        def compute_loss(self, model, inputs, return_outputs=False, num_items_in_batch=None):
            # The Trainer's mixed precision wraps the model's forward alone; answer_loss also runs
            # the decoder directly (the shared head), so the autocast covers the whole loss here.
            # The restricted softmax trains; evaluation measures over the whole vocabulary.
            restrict = vocab if model.training else None
            with torch.autocast(device, dtype=torch.bfloat16, enabled=bf16):
                loss, logits = answer_loss(model, inputs, num_items_in_batch, vocab=restrict)
            return (loss, {"loss": loss, "logits": logits}) if return_outputs else loss

    trainer = AnswerTrainer(
        model=model,
        args=args,
        train_dataset=train_ds,
        eval_dataset=eval_ds,
        data_collator=_collate(tok.pad_token_id, fmt.head_ids()),
        compute_metrics=answer_accuracy,
        preprocess_logits_for_metrics=lambda logits, labels: logits.argmax(-1),
        callbacks=[Hooks(), EarlyStoppingCallback(early_stopping_patience=cfg.patience), *(callbacks or [])],
    )

    def on_sigint(signum, frame):
        if interrupted["flag"]:
            raise KeyboardInterrupt
        interrupted["flag"] = True

    resumed_from = None
    if resume:
        resumed_from = max(int(p.name.split("-")[1]) for p in ckpt_dir.glob("checkpoint-*"))
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    vram = {}
    if device == "cuda":  # the weights' footprint, then the peak of the training loop alone
        vram["model_vram_mb"] = round(torch.cuda.memory_allocated() / 2**20, 1)
        torch.cuda.reset_peak_memory_stats()
    old = signal.signal(signal.SIGINT, on_sigint)
    try:
        result = trainer.train(resume_from_checkpoint=True if resume else None)
        if device == "cuda":
            vram["train_peak_vram_mb"] = round(torch.cuda.max_memory_allocated() / 2**20, 1)
    finally:
        signal.signal(signal.SIGINT, old)
    if interrupted["flag"]:
        raise TrainingInterrupted(trainer.state.global_step, ckpt_dir)

    # The Trainer restored the best checkpoint's adapter; measure it on the validation split (all of
    # it, or a stratified `final_eval_samples`): greedy-answer accuracy from one teacher-forced pass
    # per query; `ecomintent eval` does the rest.
    if cfg.final_eval_samples:
        val_rows = stratified_subset(val_rows, cfg.final_eval_samples, cfg.seed)
    final = trainer.evaluate(_Examples(fmt, val_rows, by_length=True), metric_key_prefix="val")
    val_acc = final["val_label_accuracy"]
    adapter_dir = _atomic_save(out / "adapter", lambda d: trainer.model.save_pretrained(d))
    if cfg.method == "lora" and not frozen_in_bf16(cfg, device, bf16):
        merged = trainer.model.merge_and_unload()
    else:  # weights held in 4 bits or bf16 (frozen_linears_to_bf16): merge into the fp32 base
        trainer.model = trainer.model_wrapped = model = None
        gc.collect()
        merged = _merge_full_precision(cfg, adapter_dir, device)
    info = {
        "format": "ecomintent-classifier",
        "prompt_version": PROMPT_VERSION,
        "system_prompt": SYSTEM,
        "labels": labels,
        "out_of_scope_label": OUT_OF_SCOPE if OUT_OF_SCOPE in labels else None,
        "taxonomy": taxonomy.name,
        "descriptions": {i.name: i.description for i in taxonomy.intents},
        "base": cfg.base,
    }

    def save_merged(d: Path) -> None:
        merged.save_pretrained(d, safe_serialization=True)
        tok.save_pretrained(d)
        dump_json(info, d / ARTIFACT_INFO)
        (d / "taxonomy.yaml").write_text(taxonomy.source, encoding="utf-8")

    merged_dir = _atomic_save(out / "merged", save_merged)
    best = trainer.state.best_metric
    manifest = {
        "stage": "train",
        "ecomintent_version": __version__,
        "settings": asdict(cfg),
        "base_path": str(base_path),
        "base_sha256": _weights_sha(Path(base_path)),
        "dataset_sha256": {s: sha256_file(Path(cfg.data) / f"{s}.jsonl") for s in ("train", "val")},
        "device": device,
        "bf16": bf16,
        "train_samples": len(train_ds),
        "steps": trainer.state.global_step,
        "resumed_from_step": resumed_from,
        "best_eval_label_accuracy": best,
        "val_accuracy": round(val_acc, 4),
        "val_rows": len(val_rows),
        "train_loss": round(result.training_loss, 4),
        "train_seconds": round(result.metrics.get("train_runtime", 0.0), 2),
        "step_seconds": round(
            result.metrics.get("train_runtime", 0.0) / max(1, trainer.state.global_step), 4
        ),
        "wall_seconds": round(time.time() - t_start, 1),
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "peak_vram_mb": round(torch.cuda.max_memory_allocated() / 2**20, 1) if device == "cuda" else None,
        **vram,
        "trainable_params": trainable,
        "loss_vocab_tokens": len(vocab) if vocab is not None else None,
        "outputs": {"adapter": str(adapter_dir), "merged": str(merged_dir)},
    }
    tmp = out / ".train_manifest.json.tmp"
    dump_json(manifest, tmp)
    os.replace(tmp, out / "train_manifest.json")
    return manifest


class TrainingInterrupted(Exception):
    def __init__(self, step: int, ckpt_dir: Path):
        self.step, self.ckpt_dir = step, ckpt_dir
        super().__init__(f"interrupted at step {step}; checkpoint in {ckpt_dir}; continue with --resume")


def _merge_full_precision(cfg: TrainConfig, adapter_dir: Path, device: str):
    """Merge the adapter into the base loaded in full precision, not into the 4-bit (QLoRA) or bf16
    weights it was trained on."""
    from peft import PeftModel

    full = TrainConfig(**{**asdict(cfg), "method": "lora"})
    _, base, _ = load_base(full, "cpu", False, for_training=False)
    return PeftModel.from_pretrained(base, str(adapter_dir)).merge_and_unload()


def _atomic_save(target: Path, write) -> Path:
    """Write a directory through `write(tmp)` and put it in place only when complete."""
    with atomic_dir(target, force=True) as tmp:
        write(tmp)
    return target


def _weights_sha(path: Path) -> str | None:
    f = path / "model.safetensors"
    return sha256_file(f) if f.is_file() else None


def _has(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None
