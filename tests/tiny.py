"""Tiny random causal LMs and tokenizers built in the test, so unit tests need no download."""

from __future__ import annotations

from pathlib import Path

CHATML = (
    "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
)
GEMMA_TEMPLATE = (
    "{{ bos_token }}{% for m in messages %}{% if m['role'] == 'system' %}{{ m['content'] }}\n"
    "{% else %}<start_of_turn>{{ 'model' if m['role'] == 'assistant' else m['role'] }}\n"
    "{{ m['content'] }}<end_of_turn>\n{% endif %}{% endfor %}"
    "{% if add_generation_prompt %}<start_of_turn>model\n{% endif %}"
)


def make_tokenizer(corpus: list[str], arch: str):
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    specials = ["<pad>", "<bos>", "<eos>", "<|im_start|>", "<|im_end|>", "<start_of_turn>", "<end_of_turn>"]
    tok = Tokenizer(models.BPE(unk_token=None))
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=600, special_tokens=specials, initial_alphabet=pre_tokenizers.ByteLevel.alphabet()
    )
    tok.train_from_iterator(corpus, trainer)
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok,
        pad_token="<pad>",
        bos_token="<bos>",
        eos_token="<eos>",
    )
    fast.chat_template = CHATML if arch == "llama" else GEMMA_TEMPLATE
    return fast


def make_tiny_model(directory: Path, corpus: list[str], arch: str = "llama", seed: int = 0) -> Path:
    """Write a tiny random model (2 layers, hidden 64) with its tokenizer to `directory`."""
    import torch
    from transformers import AutoModelForCausalLM

    tok = make_tokenizer(corpus, arch)
    torch.manual_seed(seed)
    if arch == "llama":
        from transformers import LlamaConfig

        cfg = LlamaConfig(
            vocab_size=len(tok),
            hidden_size=64,
            intermediate_size=128,
            num_hidden_layers=2,
            num_attention_heads=4,
            num_key_value_heads=2,
            max_position_embeddings=512,
            pad_token_id=tok.pad_token_id,
            bos_token_id=tok.bos_token_id,
            eos_token_id=tok.eos_token_id,
        )
    else:
        from transformers import Gemma3TextConfig

        cfg = Gemma3TextConfig(
            vocab_size=len(tok),
            hidden_size=64,
            intermediate_size=128,
            num_hidden_layers=2,
            num_attention_heads=4,
            num_key_value_heads=1,
            head_dim=16,
            max_position_embeddings=512,
            sliding_window=16,
            pad_token_id=tok.pad_token_id,
            bos_token_id=tok.bos_token_id,
            eos_token_id=tok.eos_token_id,
        )
    model = AutoModelForCausalLM.from_config(cfg)
    directory.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(directory)
    tok.save_pretrained(directory)
    return directory


def make_tiny_classifier(directory: Path, corpus: list[str], labels: list[str], arch: str = "llama") -> Path:
    """A tiny random model directory that is also a classifier artifact (has ecomintent.json).

    Untrained: its predictions are arbitrary but deterministic, which is what backend tests need.
    """
    import json

    from ecomintent.prompt import PROMPT_VERSION, SYSTEM

    make_tiny_model(directory, corpus, arch)
    info = {
        "format": "ecomintent-classifier",
        "prompt_version": PROMPT_VERSION,
        "system_prompt": SYSTEM,
        "labels": list(labels),
        "out_of_scope_label": "out_of_scope" if "out_of_scope" in labels else None,
        "base": f"tiny-{arch}",
    }
    (directory / "ecomintent.json").write_text(json.dumps(info, indent=2), encoding="utf-8")
    return directory


def train_tiny_classifier(
    src: Path, dst: Path, rows: list[dict], steps: int = 1000, lr: float = 3e-3, seed: int = 0
) -> Path:
    """A copy of the tiny classifier `src` fine-tuned (all weights) on `rows` for a few steps with the
    training loss of `ecomintent train`.

    An untrained model rates many labels almost alike, so quantisation noise flips its near-ties; this
    one answers with real margins, and an export that changes its answers is a broken export.
    """
    import shutil

    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from ecomintent.prompt import PromptFormat
    from ecomintent.train import _collate, _Examples, answer_loss

    shutil.copytree(src, dst)
    tok = AutoTokenizer.from_pretrained(dst)
    model = AutoModelForCausalLM.from_pretrained(dst)
    fmt = PromptFormat.for_tokenizer(tok)
    items = _Examples(fmt, rows).items
    collate = _collate(tok.pad_token_id, fmt.head_ids())
    torch.manual_seed(seed)
    bs = 16
    order = torch.randperm(len(items) * (1 + steps * bs // len(items))) % len(items)  # enough epochs
    opt = torch.optim.AdamW(model.parameters(), lr=lr)
    model.train()
    for s in range(steps):
        batch = collate([items[int(i)] for i in order[s * bs : (s + 1) * bs]])
        loss, _ = answer_loss(model, batch)
        loss.backward()
        opt.step()
        opt.zero_grad()
    model.eval()
    model.save_pretrained(dst)
    return dst
