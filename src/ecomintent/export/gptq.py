"""GPTQ 4-bit export with gptqmodel: a HF directory that transformers (+optimum) and gptqmodel load.

Runs on the CPU (gptqmodel's CPU path; GPTQMODEL_CPU_WORKERS is set to the core count, at most 2
per the project's small-machine default, when unset) or on CUDA when one is visible. Calibration
rows are the training split's queries in the exact training format (prompt + answer), spread over
intent x language. The group size must divide every quantised layer's input width; a requested
size that does not (SmolLM2's hidden 576 is not a multiple of 128) is halved until it does, and
the choice is recorded.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
from pathlib import Path

from ..errors import UserError
from ..fileio import atomic_dir

# Files of the merged directory that travel into the GPTQ directory unchanged.
CARRIED = (
    "ecomintent.json",
    "taxonomy.yaml",
    "tokenizer.json",
    "tokenizer_config.json",
    "special_tokens_map.json",
    "tokenizer.model",
    "chat_template.jinja",
    "added_tokens.json",
)


@contextlib.contextmanager
def stdout_to_stderr():
    """gptqmodel's banner and progress bars go to stdout; keep stdout for results (tables, JSON).

    Redirects both sys.stdout and file descriptor 1 (its logger holds the stream it found at import).
    """
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    saved = None
    with contextlib.suppress(OSError, ValueError, AttributeError):
        fd = sys.__stdout__.fileno()
        saved = os.dup(fd)
        os.dup2(sys.__stderr__.fileno(), fd)
    old = sys.stdout
    sys.stdout = sys.stderr
    try:
        yield
    finally:
        for stream in (sys.stdout, old, sys.__stdout__):
            with contextlib.suppress(Exception):
                stream.flush()
        sys.stdout = old
        if saved is not None:
            os.dup2(saved, sys.__stdout__.fileno())
            os.close(saved)


def in_widths(config) -> dict[str, int]:
    """Input widths of the linear layers GPTQ quantises (q/k/v/gate/up, o, down)."""
    hd = getattr(config, "head_dim", None) or config.hidden_size // config.num_attention_heads
    return {
        "hidden_size": int(config.hidden_size),
        "attention_width": int(config.num_attention_heads * hd),
        "intermediate_size": int(config.intermediate_size),
    }


def choose_group_size(config, requested: int) -> tuple[int, str]:
    """The largest of requested, requested/2, ... (>= 16) that divides every input width; -1 if none."""
    if requested == -1:
        return -1, "per-channel (group size -1) as requested"
    if requested < 16 or requested & (requested - 1):
        raise UserError(
            f"--group-size {requested}: use a power of two >= 16 (e.g. 128), or -1 for per-channel"
        )
    widths = in_widths(config)
    g = requested
    while g >= 16:
        if all(w % g == 0 for w in widths.values()):
            if g == requested:
                return g, f"{g} divides every input width"
            bad = ", ".join(f"{k} {w}" for k, w in widths.items() if w % requested)
            return g, f"{requested} does not divide {bad}; using {g}"
        g //= 2
    return -1, f"no power of two >= 16 divides {widths}; using per-channel quantisation"


def calibration_ids(model_dir: str | Path, rows: list[dict], labels: list[str]) -> list[list[int]]:
    """Token ids of training rows in the training format: prompt + forced prefix + answer."""
    from transformers import AutoTokenizer

    from ..prompt import PromptFormat, clean_query

    tok = AutoTokenizer.from_pretrained(str(model_dir))
    fmt = PromptFormat.for_tokenizer(tok)
    known = set(labels)
    out = []
    for r in rows:
        if r.get("intent") in known:
            out.append(fmt.prompt_ids(clean_query(r["text"])[0]) + fmt.label_ids(r["intent"]))
    return out


def _import_gptqmodel():
    """gptqmodel, with its CPU worker pool sized for this machine (it reads the variable on import)."""
    cores = os.cpu_count() or 1
    os.environ.setdefault("GPTQMODEL_CPU_WORKERS", str(max(1, min(2, cores))))
    try:
        import torch
        from gptqmodel import GPTQModel, QuantizeConfig
    except ImportError as e:
        raise UserError(f"GPTQ export needs gptqmodel ({e}); pip install 'gptqmodel==7.6.0'") from None
    return GPTQModel, QuantizeConfig, torch


def export_gptq(
    model_dir: str | Path,
    out_dir: str | Path,
    calibration: list[list[int]],
    group_size: int = 128,
    desc_act: bool = False,
    bits: int = 4,
    batch_size: int = 8,
) -> dict:
    """Quantise the merged model to GPTQ and write it (atomically) to out_dir; return manifest facts."""
    if not calibration:
        raise UserError("GPTQ needs calibration rows; the dataset's train split has none for these labels")
    from transformers import AutoConfig

    model_dir = Path(model_dir)
    config = AutoConfig.from_pretrained(str(model_dir))
    g, why = choose_group_size(config, group_size)
    with stdout_to_stderr():
        GPTQModel, QuantizeConfig, torch = _import_gptqmodel()
        device = "cuda:0" if torch.cuda.is_available() else "cpu"
        qc = QuantizeConfig(bits=bits, group_size=g, desc_act=desc_act)
        try:
            model = GPTQModel.load(str(model_dir), qc, device=device)
        except (ValueError, TypeError, KeyError, NotImplementedError) as e:
            raise UserError(f"gptqmodel cannot load {model_dir} for quantisation: {e}") from None
        data = [{"input_ids": ids, "attention_mask": [1] * len(ids)} for ids in calibration]
        model.quantize(data, batch_size=batch_size)
        out_dir = Path(out_dir)
        with atomic_dir(out_dir, force=True) as tmp:
            model.save(str(tmp))
            for name in CARRIED:
                if (model_dir / name).is_file():
                    shutil.copy2(model_dir / name, tmp / name)
        del model
    return {
        "bits": bits,
        "group_size": g,
        "group_size_requested": group_size,
        "group_size_note": why,
        "desc_act": desc_act,
        "calibration_rows": len(calibration),
        "device": device,
    }
