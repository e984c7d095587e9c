"""GPTQ 4-bit checkpoints: the transformers path (hf.py) with a quantised loader.

A GPTQ directory has the merged directory's shape (config.json with a `quantization_config` of
`quant_method: gptq`, or a `quantize_config.json`, the weights, the tokenizer and ecomintent.json).
transformers loads it through gptqmodel (or optimum + auto-gptq); scoring and generation are then
exactly the hf backend's.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from ..errors import UserError


def is_gptq_dir(path: str | Path) -> bool:
    p = Path(path)
    if (p / "quantize_config.json").is_file():
        return True
    cfg = p / "config.json"
    if not cfg.is_file():
        return False
    try:
        q = json.loads(cfg.read_text(encoding="utf-8")).get("quantization_config") or {}
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, AttributeError):
        return False
    return isinstance(q, dict) and str(q.get("quant_method", "")).lower() == "gptq"


def _model_type(path) -> str:
    try:
        return str(json.loads((Path(path) / "config.json").read_text(encoding="utf-8")).get("model_type", ""))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, AttributeError):
        return ""


def load_gptq(
    artifact, mode="score", device="cpu", dtype=None, threads=None, threshold=None, info=None, **kw
):
    from .hf import load_hf, resolve_device

    if not any(importlib.util.find_spec(m) for m in ("gptqmodel", "auto_gptq")):
        raise UserError(
            f"{artifact} is a GPTQ checkpoint; loading it needs gptqmodel: pip install gptqmodel "
            "(CUDA machines; or pip install 'ecomintent[gpu]' with optimum + auto-gptq), or evaluate the "
            "merged fp16 model or a GGUF export instead"
        )
    device = resolve_device(device)
    import torch

    kw.setdefault("device_map", {"": device})
    if dtype is None:  # fp16 kernels where the model allows it; Gemma's activations overflow fp16
        dtype = "bf16" if _model_type(artifact).startswith("gemma") else "fp16"
    kw.setdefault("model_dtype", torch.float16 if dtype in ("fp16", "float16") else torch.bfloat16)
    return load_hf(artifact, mode=mode, device=device, dtype=None, threads=threads, threshold=threshold,
                   info=info, backend="gptq", **kw)  # fmt: skip
