"""HF safetensors -> GGUF F16, and F16 -> quantised GGUF with llama.cpp.

Why a converter of our own
--------------------------
The conversion must come with `pip install`: no compiler, no download and no llama.cpp checkout at
export time. The candidates were:

  * llama.cpp's `convert_hf_to_gguf.py`: PyPI's `gguf` does not ship it, and the llama-cpp-python
    wheel leaves it out (only its sdist vendors it). Extracting it from the sdist would tie every
    install to a source download of the exact pinned version, and the script imports the `gguf` of
    its own tree, which need not match the `gguf` on PyPI that we pin.
  * PyPI's `convert-hf-to-gguf`: ships a top-level `gguf` package that clashes with PyPI's `gguf`
    (which transformers needs to read GGUF files).
  * A focused converter on PyPI `gguf`'s own building blocks (chosen). We support exactly two
    architectures (llama: SmolLM2 and Llama 3.x; gemma3 text: Gemma 3), so the model-specific part
    is small; the tensor names (`gguf.get_tensor_name_map`), key names, value types and the file
    writer (`gguf.GGUFWriter`) come from `gguf` itself, the same code llama.cpp's script uses. The
    output is checked against transformers in the tests (logits of tiny Llama and Gemma 3 models)
    and against the merged model on every export (label agreement).

What llama.cpp expects of an HF checkpoint, and where we do it:
  * llama: q_proj/k_proj rows are permuted from HF's rotary layout (halves) to GGUF's interleaved
    pairs (`_permute_qk`); Llama 3 "llama3" rope scaling becomes a `rope_freqs` tensor.
  * gemma3: HF's RMSNorm multiplies by (1 + weight), llama.cpp by weight, so 1 is added to every
    norm weight; llama.cpp scales the embeddings by sqrt(hidden) itself; it fixes the sliding-window
    pattern (5 local : 1 global), the local rope base (10000) and the attention scale
    (1/sqrt(head_dim)): a config that differs is refused, except a `query_pre_attn_scalar` that
    differs from head_dim, which is folded exactly into the q_norm weights.
  * tied embeddings: no `output.weight` (llama.cpp then reuses `token_embd.weight`).
  * tokenizer: a model fine-tuned from a packaged base (ecomintent.json `base`) takes the
    `tokenizer.ggml.*` metadata of the packaged GGUF, which llama.cpp already accepted, once its
    tokens are checked identical to the merged model's; any other model gets it from
    tokenizer.json (byte-level BPE -> "gpt2" with the pre-tokenizer recognised from its regex;
    SentencePiece-style BPE -> "llama" with scores and token types).
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import math
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..backends.base import (
    GGUF_ADD_BOS,
    GGUF_BASE,
    GGUF_DESCRIPTIONS,
    GGUF_LABELS,
    GGUF_OOS_LABEL,
    GGUF_PROMPT_VERSION,
    GGUF_SYSTEM_PROMPT,
    GGUF_THRESHOLD,
    ArtifactInfo,
)
from ..errors import UserError
from ..prompt import tokenizer_adds_bos

# HF `architectures[0]` -> GGUF architecture name
SUPPORTED_ARCHITECTURES = {"LlamaForCausalLM": "llama", "Gemma3ForCausalLM": "gemma3"}

# --formats name -> (file name, llama_ftype name); F16 is written by the converter itself.
GGUF_FORMATS = {
    "gguf-f16": ("model-f16.gguf", "MOSTLY_F16"),
    "gguf-q8_0": ("model-q8_0.gguf", "MOSTLY_Q8_0"),
    "gguf-q5_k_m": ("model-q5_k_m.gguf", "MOSTLY_Q5_K_M"),
    "gguf-q4_k_m": ("model-q4_k_m.gguf", "MOSTLY_Q4_K_M"),
    "gguf-q4_0": ("model-q4_0.gguf", "MOSTLY_Q4_0"),
}

# tokenizer.json pre-tokenizer regexes that llama.cpp knows by name (`tokenizer.ggml.pre`)
_LLAMA3_REGEX = (
    r"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|"
    r"\s+(?!\S)|\s+"
)
# llama.cpp's gemma3 graph: every 6th layer global, the others local (sliding window)
_GEMMA3_SWA_PERIOD = 6
_GEMMA3_LOCAL_ROPE_BASE = 10000.0


class ExportError(UserError):
    """An export step failed; the message says which and what to do."""


@dataclass
class Checkpoint:
    """A merged HF directory, checked to be convertible."""

    path: Path
    config: object  # transformers PretrainedConfig
    arch: str  # GGUF architecture name
    files: dict[str, Path]  # tensor name -> safetensors file


def load_checkpoint(model_dir: str | Path) -> Checkpoint:
    """Read config.json and the safetensors index; refuse what llama.cpp cannot run as we convert it."""
    from transformers import AutoConfig

    d = Path(model_dir)
    cfg_file = d / "config.json"
    if not cfg_file.is_file():
        raise UserError(f"{d} has no config.json; point --model at a merged model directory (model/merged)")
    raw = json.loads(cfg_file.read_text(encoding="utf-8"))
    archs = raw.get("architectures") or []
    name = archs[0] if archs else raw.get("model_type", "?")
    if name not in SUPPORTED_ARCHITECTURES:
        raise UserError(
            f"{d}: architecture {name!r} cannot be exported to GGUF; supported: "
            + ", ".join(f"{k} ({v})" for k, v in SUPPORTED_ARCHITECTURES.items())
        )
    try:
        config = AutoConfig.from_pretrained(str(d))
    except (OSError, ValueError) as e:
        raise UserError(f"cannot read {cfg_file}: {e}") from None
    return Checkpoint(d, config, SUPPORTED_ARCHITECTURES[name], _tensor_files(d))


def _tensor_files(d: Path) -> dict[str, Path]:
    from safetensors import safe_open

    index = d / "model.safetensors.index.json"
    if index.is_file():
        weight_map = json.loads(index.read_text(encoding="utf-8"))["weight_map"]
        files = {k: d / v for k, v in weight_map.items()}
    elif (d / "model.safetensors").is_file():
        with safe_open(str(d / "model.safetensors"), framework="pt") as f:
            files = dict.fromkeys(f.keys(), d / "model.safetensors")
    else:
        raise UserError(f"{d} has no model.safetensors; re-run `ecomintent train` (it writes safetensors)")
    missing = sorted({str(p.name) for p in files.values() if not p.is_file()})
    if missing:
        raise UserError(f"{d} is incomplete: missing {', '.join(missing)}")
    return files


# --------------------------------------------------------------------------------------------
# Hyper-parameters
# --------------------------------------------------------------------------------------------


def _rope(cfg, layer_type: str | None = None) -> dict:
    """The rope parameters (transformers 5 `rope_parameters`, or the older rope_theta/rope_scaling)."""
    rp = getattr(cfg, "rope_parameters", None) or {}
    if layer_type is not None and isinstance(rp.get(layer_type), dict):
        rp = rp[layer_type]
    elif layer_type is None and rp and all(isinstance(v, dict) for v in rp.values()):
        rp = rp.get("full_attention") or next(iter(rp.values()))
    out = dict(rp)
    if "rope_theta" not in out:
        out["rope_theta"] = getattr(cfg, "rope_theta", 10000.0)
    scaling = getattr(cfg, "rope_scaling", None)
    if not out.get("rope_type") and isinstance(scaling, dict):
        out.update(scaling)
        out["rope_type"] = scaling.get("rope_type", scaling.get("type"))
    out["rope_type"] = out.get("rope_type") or "default"
    return out


def _head_dim(cfg) -> int:
    return getattr(cfg, "head_dim", None) or cfg.hidden_size // cfg.num_attention_heads


def _write_hparams(w, ck: Checkpoint) -> dict:
    """Architecture keys; returns what the tensor pass needs (extra tensors, scale folds)."""
    import gguf

    cfg = ck.config
    hd = _head_dim(cfg)
    n_kv = getattr(cfg, "num_key_value_heads", None) or cfg.num_attention_heads
    w.add_context_length(int(cfg.max_position_embeddings))
    w.add_embedding_length(int(cfg.hidden_size))
    w.add_block_count(int(cfg.num_hidden_layers))
    w.add_feed_forward_length(int(cfg.intermediate_size))
    w.add_head_count(int(cfg.num_attention_heads))
    w.add_head_count_kv(int(n_kv))
    w.add_layer_norm_rms_eps(float(cfg.rms_norm_eps))
    w.add_key_length(int(hd))
    w.add_value_length(int(hd))
    extra: dict = {"rope_freqs": None, "q_norm_scale": 1.0}
    rope = _rope(cfg)
    w.add_rope_freq_base(float(rope["rope_theta"]))
    rtype = rope["rope_type"]
    if rtype == "linear":
        w.add_rope_scaling_type(gguf.RopeScalingType.LINEAR)
        w.add_rope_scaling_factor(float(rope["factor"]))
    elif rtype == "llama3" and ck.arch == "llama":
        extra["rope_freqs"] = _llama3_rope_factors(rope, hd)
    elif rtype != "default":
        raise UserError(f"{ck.path}: rope scaling {rtype!r} is not supported by the GGUF export")

    if ck.arch == "llama":
        w.add_rope_dimension_count(int(hd))
        w.add_vocab_size(int(cfg.vocab_size))
        act = getattr(cfg, "hidden_act", "silu")
        if act != "silu":
            raise UserError(f"{ck.path}: llama with hidden_act {act!r}; llama.cpp's llama graph uses silu")
    else:
        _check_gemma3(ck)
        window = getattr(cfg, "sliding_window", None)
        if window:
            w.add_sliding_window(int(window))
        cap = getattr(cfg, "final_logit_softcapping", None)
        if cap:
            w.add_final_logit_softcapping(float(cap))
        # llama.cpp scales q by 1/sqrt(head_dim) (1/sqrt(hidden/heads) for its 62-layer "27B" type);
        # transformers by query_pre_attn_scalar^-0.5. q_norm comes right before: fold the ratio in.
        qpas = getattr(cfg, "query_pre_attn_scalar", None) or hd
        llama_cpp_scale = 1 / math.sqrt(
            cfg.hidden_size / cfg.num_attention_heads if cfg.num_hidden_layers == 62 else hd
        )
        extra["q_norm_scale"] = (1 / math.sqrt(qpas)) / llama_cpp_scale
    return extra


def _check_gemma3(ck: Checkpoint) -> None:
    cfg = ck.config
    why = None
    if getattr(cfg, "attn_logit_softcapping", None):
        why = "attention logit soft-capping (removed in Gemma 3; llama.cpp's gemma3 has none)"
    types = getattr(cfg, "layer_types", None)
    if types:
        want = [
            "sliding_attention" if i % _GEMMA3_SWA_PERIOD < _GEMMA3_SWA_PERIOD - 1 else "full_attention"
            for i in range(cfg.num_hidden_layers)
        ]
        if list(types) != want:
            why = "a layer pattern other than 5 sliding-window layers : 1 global layer"
    local = _rope(cfg, "sliding_attention")
    has_local = "sliding_attention" in (getattr(cfg, "rope_parameters", None) or {})
    if has_local and (
        local["rope_type"] != "default" or float(local["rope_theta"]) != _GEMMA3_LOCAL_ROPE_BASE
    ):
        why = f"local-attention rope {local} (llama.cpp fixes it to default, base 10000)"
    act = getattr(cfg, "hidden_activation", None) or getattr(cfg, "hidden_act", "gelu_pytorch_tanh")
    if act not in ("gelu_pytorch_tanh", "gelu_new"):
        why = f"activation {act!r} (llama.cpp's gemma3 uses tanh-approximated GELU)"
    if why:
        raise UserError(f"{ck.path}: this Gemma 3 variant has {why}; it cannot be exported to GGUF as is")


def _llama3_rope_factors(rope: dict, head_dim: int) -> list[float]:
    """Per-frequency divisors for Llama 3's rope scaling (llama.cpp reads them as `rope_freqs`)."""
    base = float(rope["rope_theta"])
    factor = float(rope.get("factor", 8.0))
    low = float(rope.get("low_freq_factor", 1.0))
    high = float(rope.get("high_freq_factor", 4.0))
    old_ctx = float(rope.get("original_max_position_embeddings", 8192))
    out = []
    for i in range(0, head_dim, 2):
        wavelen = 2 * math.pi * base ** (i / head_dim)
        if wavelen < old_ctx / high:
            out.append(1.0)
        elif wavelen > old_ctx / low:
            out.append(factor)
        else:
            smooth = (old_ctx / wavelen - low) / (high - low)
            out.append(1.0 / ((1 - smooth) / factor + smooth))
    return out


# --------------------------------------------------------------------------------------------
# Tokenizer
# --------------------------------------------------------------------------------------------


@dataclass
class Vocab:
    fields: list[tuple]  # (key, value, GGUFValueType, sub type or None)
    n_tokens: int
    source: str  # where it came from, for the manifest


def read_kv(path: str | Path, prefix: str = "") -> dict[str, tuple]:
    """The metadata of a GGUF whose key starts with `prefix`: key -> (value, type, array item type).

    gguf.GGUFReader maps every array element separately (seconds for a 250k-token vocabulary);
    this reads the header once, sequentially, with numpy for numeric arrays.
    """
    return _parse_gguf(path, prefix)[0]


def read_tensor_types(path: str | Path) -> dict[str, tuple[str, tuple[int, ...]]]:
    """Tensor name -> (GGML type name, shape as GGUF lists it), from the header alone."""
    return _parse_gguf(path, "\0", tensors=True)[1]


def _parse_gguf(path: str | Path, prefix: str, tensors: bool = False) -> tuple[dict, dict]:
    import mmap
    import struct

    import gguf
    import numpy as np

    T = gguf.GGUFValueType
    scalar = {T.UINT8: "<B", T.INT8: "<b", T.UINT16: "<H", T.INT16: "<h", T.UINT32: "<I", T.INT32: "<i",
              T.FLOAT32: "<f", T.BOOL: "<?", T.UINT64: "<Q", T.INT64: "<q", T.FLOAT64: "<d"}  # fmt: skip
    numpy = {T.UINT8: "<u1", T.INT8: "<i1", T.UINT16: "<u2", T.INT16: "<i2", T.UINT32: "<u4", T.INT32: "<i4",
             T.FLOAT32: "<f4", T.BOOL: "?", T.UINT64: "<u8", T.INT64: "<i8", T.FLOAT64: "<f8"}  # fmt: skip
    with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as buf:
        if buf[:4] != b"GGUF" or struct.unpack_from("<I", buf, 4)[0] < 2:
            raise UserError(f"{path} is not a GGUF v2/v3 file")
        n_tensors, n_kv = struct.unpack_from("<QQ", buf, 8)
        pos = 24

        def u32() -> int:
            nonlocal pos
            pos += 4
            return struct.unpack_from("<I", buf, pos - 4)[0]

        def u64() -> int:
            nonlocal pos
            pos += 8
            return struct.unpack_from("<Q", buf, pos - 8)[0]

        def string() -> str:
            nonlocal pos
            n = u64()
            pos += n
            return buf[pos - n : pos].decode("utf-8", errors="replace")

        kv = {}
        for _ in range(n_kv):
            key = string()
            vtype = T(u32())
            if vtype == T.ARRAY:
                sub = T(u32())
                n = u64()
                if sub in numpy:
                    arr = np.frombuffer(buf, dtype=numpy[sub], count=n, offset=pos)
                    pos += arr.nbytes
                    item = arr.tolist()
                    del arr  # release the view before the map closes
                elif sub == T.STRING:
                    item = [string() for _ in range(n)]
                else:
                    raise UserError(f"{path}: nested arrays in metadata key {key} are not supported")
                if key.startswith(prefix):
                    kv[key] = (item, T.ARRAY, sub)
            elif vtype == T.STRING:
                item = string()
                if key.startswith(prefix):
                    kv[key] = (item, vtype, None)
            else:
                size = struct.calcsize(scalar[vtype])
                item = struct.unpack_from(scalar[vtype], buf, pos)[0]
                pos += size
                if key.startswith(prefix):
                    kv[key] = (item, vtype, None)
        info = {}
        if tensors:
            for _ in range(n_tensors):
                name = string()
                shape = tuple(u64() for _ in range(u32()))
                info[name] = (gguf.GGMLQuantizationType(u32()).name, shape)
                u64()  # data offset
    return kv, info


def _vocab_from_packaged(base: str, tok) -> Vocab | None:
    """tokenizer.ggml.* of the packaged base's GGUF, when its tokens are exactly the merged model's."""
    from ..models import PACKAGED, packaged_gguf

    if base not in PACKAGED:
        return None
    try:
        path = packaged_gguf(base)
    except UserError:
        return None  # package not installed here: build the vocabulary from tokenizer.json
    kv = read_kv(path, "tokenizer.ggml.")
    tokens = kv["tokenizer.ggml.tokens"][0]
    if len(tokens) != len(tok):
        return None
    # SentencePiece vocabularies spell a space "\u2581" in HF and, for some added tokens, " " in GGUF.
    hf = tok.convert_ids_to_tokens(list(range(len(tokens))))
    if any(
        a != b and a.replace(" ", "\u2581") != b.replace(" ", "\u2581")
        for a, b in zip(tokens, hf, strict=True)
    ):
        return None
    fields = [(key, *v) for key, v in kv.items()]
    return Vocab(fields, len(tokens), f"packaged:{base}:{path.name}")


def _special_ids(tok) -> list[tuple]:
    import gguf

    t = gguf.GGUFValueType.UINT32
    out = []
    for key, value in (
        (gguf.Keys.Tokenizer.BOS_ID, tok.bos_token_id),
        (gguf.Keys.Tokenizer.EOS_ID, tok.eos_token_id),
        (gguf.Keys.Tokenizer.UNK_ID, tok.unk_token_id),
        (gguf.Keys.Tokenizer.PAD_ID, tok.pad_token_id),
    ):
        if value is not None:
            out.append((key, int(value), t, None))
    return out


def _pre_tokenizer_name(pre: dict | None) -> str:
    """llama.cpp's name for a byte-level BPE pre-tokenizer (tokenizer.json `pre_tokenizer`)."""
    if not pre:
        raise UserError("tokenizer.json has no pre-tokenizer; byte-level BPE needs one for GGUF")
    parts = pre["pretokenizers"] if pre.get("type") == "Sequence" else [pre]
    kinds = [p.get("type") for p in parts]
    if kinds == ["ByteLevel"] and parts[0].get("use_regex", True):
        return "gpt-2"
    if kinds == ["Digits", "ByteLevel"] and parts[0].get("individual_digits"):
        return "smollm"
    if kinds == ["Split", "ByteLevel"] and (parts[0].get("pattern") or {}).get("Regex") == _LLAMA3_REGEX:
        return "llama-bpe"
    raise UserError(
        f"tokenizer.json's pre-tokenizer {kinds} is not one llama.cpp knows by name (supported: GPT-2, "
        "SmolLM, Llama 3 byte-level BPE; SentencePiece-style BPE)"
    )


def _vocab_from_tokenizer_json(model_dir: Path, tok, n_rows: int) -> Vocab:
    import gguf

    tj_file = model_dir / "tokenizer.json"
    if not tj_file.is_file():
        raise UserError(
            f"{model_dir} has no tokenizer.json; copy the tokenizer files of the base model there"
        )
    tj = json.loads(tj_file.read_text(encoding="utf-8"))
    model = tj.get("model") or {}
    if model.get("type") != "BPE":
        raise UserError(
            f"{tj_file}: tokenizer model {model.get('type')!r}; GGUF export supports BPE tokenizers"
        )
    n = max(n_rows, len(tok))
    tokens = [f"[PAD{i}]" for i in range(n)]
    types = [gguf.TokenType.UNUSED] * n
    for text, i in model["vocab"].items():
        tokens[i], types[i] = text, gguf.TokenType.NORMAL
    for added in tj.get("added_tokens", []):
        i = added["id"]
        tokens[i] = added["content"]
        types[i] = gguf.TokenType.CONTROL if added.get("special") else gguf.TokenType.USER_DEFINED
    K, V = gguf.Keys.Tokenizer, gguf.GGUFValueType
    byte_level = "ByteLevel" in json.dumps(tj.get("pre_tokenizer")) or "ByteLevel" in json.dumps(
        tj.get("decoder")
    )
    if byte_level:
        merges = [m if isinstance(m, str) else " ".join(m) for m in model.get("merges", [])]
        fields = [
            (K.MODEL, "gpt2", V.STRING, None),
            (K.PRE, _pre_tokenizer_name(tj.get("pre_tokenizer")), V.STRING, None),
            (K.LIST, tokens, V.ARRAY, V.STRING),
            (K.TOKEN_TYPE, [int(t) for t in types], V.ARRAY, V.INT32),
            (K.MERGES, merges, V.ARRAY, V.STRING),
        ]
        kind = "gpt2"
    elif model.get("byte_fallback"):
        # SentencePiece-style BPE (Gemma): pieces in score order, so score = -id; bytes <0xNN>.
        scores = []
        for i, t in enumerate(tokens):
            if types[i] == gguf.TokenType.NORMAL and len(t) == 6 and t.startswith("<0x") and t.endswith(">"):
                types[i] = gguf.TokenType.BYTE
            if types[i] == gguf.TokenType.NORMAL:
                scores.append(-float(i))
            else:
                scores.append(0.0 if types[i] == gguf.TokenType.BYTE else -1000.0)
        norm = json.dumps(tj.get("normalizer"))
        fields = [
            (K.MODEL, "llama", V.STRING, None),
            (K.PRE, "default", V.STRING, None),
            (K.LIST, tokens, V.ARRAY, V.STRING),
            (K.SCORES, scores, V.ARRAY, V.FLOAT32),
            (K.TOKEN_TYPE, [int(t) for t in types], V.ARRAY, V.INT32),
            (K.ADD_PREFIX, '"Prepend"' in norm, V.BOOL, None),
        ]
        kind = "llama"
    else:
        raise UserError(f"{tj_file}: a BPE tokenizer that is neither byte-level nor byte-fallback")
    return Vocab(fields + _special_ids(tok), n, f"tokenizer.json:{kind}")


def build_vocab(ck: Checkpoint, info: ArtifactInfo, tok) -> Vocab:
    import gguf

    n_rows = int(ck.config.vocab_size)
    vocab = (_vocab_from_packaged(info.base, tok) if info.base else None) or _vocab_from_tokenizer_json(
        ck.path, tok, n_rows
    )
    if vocab.n_tokens != n_rows:
        raise UserError(
            f"{ck.path}: the tokenizer has {vocab.n_tokens} tokens but the embedding {n_rows} rows; "
            "resize the embeddings to the tokenizer before exporting"
        )
    # BOS as the prompt format adds it (prompt.PromptFormat.prompt_ids), not as the base GGUF said.
    add_bos = tokenizer_adds_bos(tok)
    keep = [f for f in vocab.fields if f[0] not in (gguf.Keys.Tokenizer.ADD_BOS, gguf.Keys.Tokenizer.ADD_EOS)]
    keep.append((gguf.Keys.Tokenizer.ADD_BOS, add_bos, gguf.GGUFValueType.BOOL, None))
    keep.append((gguf.Keys.Tokenizer.ADD_EOS, False, gguf.GGUFValueType.BOOL, None))
    vocab.fields = keep
    return vocab


# --------------------------------------------------------------------------------------------
# Tensors
# --------------------------------------------------------------------------------------------


def _permute_qk(t, n_head: int):
    """HF rotary layout (first half / second half of each head) -> GGUF's interleaved pairs."""
    shape = t.shape
    return t.reshape(n_head, 2, shape[0] // n_head // 2, *shape[1:]).swapaxes(1, 2).reshape(shape)


def _tensors(ck: Checkpoint, extra: dict):
    """(gguf name, float32 numpy array) for every tensor of the GGUF, in file order."""
    import gguf
    import numpy as np
    import torch
    from safetensors import safe_open

    cfg = ck.config
    arch = gguf.MODEL_ARCH.LLAMA if ck.arch == "llama" else gguf.MODEL_ARCH.GEMMA3
    names = gguf.get_tensor_name_map(arch, int(cfg.num_hidden_layers))
    tied = bool(getattr(cfg, "tie_word_embeddings", False))
    n_head = int(cfg.num_attention_heads)
    n_kv = int(getattr(cfg, "num_key_value_heads", None) or n_head)
    by_file: dict[Path, list[str]] = {}
    for name, f in ck.files.items():
        by_file.setdefault(f, []).append(name)
    if extra.get("rope_freqs") is not None:
        yield (
            gguf.TENSOR_NAMES[gguf.MODEL_TENSOR.ROPE_FREQS] + ".weight",
            np.asarray(extra["rope_freqs"], dtype=np.float32),
        )
    seen_output = False
    for file, tensor_names in by_file.items():
        with safe_open(str(file), framework="pt") as f:
            for name in sorted(tensor_names):
                if name.endswith("rotary_emb.inv_freq"):
                    continue
                if name == "lm_head.weight" and tied:
                    continue
                new = names.get_name(name, try_suffixes=(".weight", ".bias"))
                if new is None:
                    raise UserError(
                        f"{ck.path}: tensor {name!r} has no GGUF counterpart; is this a {ck.arch}?"
                    )
                t = f.get_tensor(name).to(torch.float32)
                if ck.arch == "llama":
                    if name.endswith(("q_proj.weight", "q_proj.bias")):
                        t = _permute_qk(t, n_head)
                    elif name.endswith(("k_proj.weight", "k_proj.bias")):
                        t = _permute_qk(t, n_kv)
                else:
                    if name.endswith("norm.weight"):
                        t = t + 1.0  # Gemma3RMSNorm: x * (1 + w)
                    if name.endswith("q_norm.weight") and extra["q_norm_scale"] != 1.0:
                        t = t * extra["q_norm_scale"]
                seen_output |= new.startswith("output.")
                yield new, t.numpy()
    if not tied and not seen_output:
        raise UserError(f"{ck.path}: tie_word_embeddings is false but there is no lm_head.weight")


# --------------------------------------------------------------------------------------------
# Conversion and quantisation
# --------------------------------------------------------------------------------------------


def temp_path(final: Path) -> Path:
    """A temp file beside `final` (same file system, so os.replace is atomic)."""
    return final.with_name(f".{final.name}.tmp-{os.getpid()}")


@contextlib.contextmanager
def replace_on_success(final: Path):
    """Yield a temp path; on success it becomes `final`, on any failure it is removed."""
    tmp = temp_path(final)
    try:
        yield tmp
        os.replace(tmp, final)
    except OSError as e:
        tmp.unlink(missing_ok=True)
        raise _os_error(e, final) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _os_error(e: OSError, target: Path) -> UserError:
    import errno

    if e.errno == errno.ENOSPC:
        return UserError(f"disk full while writing {target}; free space or choose another --out")
    if e.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return UserError(f"cannot write {target}: {e.strerror}; choose another --out")
    return UserError(f"cannot write {target}: {e}")


def convert_f16(model_dir: str | Path, out: str | Path, info: ArtifactInfo | None = None) -> dict:
    """Write the merged model as an F16 GGUF (1-D tensors F32) at `out`, atomically.

    Returns facts for the manifest: architecture, tokenizer source, tensor count.
    """
    import gguf
    import numpy as np
    from transformers import AutoTokenizer

    ck = load_checkpoint(model_dir)
    info = info or ArtifactInfo.from_dir(model_dir)
    try:
        tok = AutoTokenizer.from_pretrained(str(ck.path))
    except (OSError, ValueError, TypeError) as e:
        raise UserError(
            f"cannot load the tokenizer of {ck.path} ({e}); copy the base model's tokenizer files"
        ) from None
    vocab = build_vocab(ck, info, tok)
    out = Path(out)
    with replace_on_success(out) as tmp:
        w = gguf.GGUFWriter(str(tmp), ck.arch)
        w.add_type(gguf.GGUFType.MODEL)
        w.add_name(f"ecomintent {info.base or ck.path.name}")
        w.add_file_type(gguf.LlamaFileType.MOSTLY_F16)
        w.add_quantization_version(gguf.GGML_QUANT_VERSION)
        extra = _write_hparams(w, ck)
        for key, value, vtype, sub in vocab.fields:
            w.add_key_value(key, value, vtype, sub_type=sub)
        template = getattr(tok, "chat_template", None)
        if isinstance(template, str) and template:
            w.add_chat_template(template)
        _write_info(w, info)
        # Whether PromptFormat.prompt_ids puts BOS before prompts (backends/gguf.py reads it).
        w.add_bool(GGUF_ADD_BOS, tokenizer_adds_bos(tok))
        n = 0
        for name, arr in _tensors(ck, extra):
            # Matrices in F16, vectors (norms, rope factors) in F32, as llama.cpp's converter does.
            w.add_tensor(name, arr.astype(np.float16 if arr.ndim >= 2 else np.float32))
            n += 1
        w.write_header_to_file()
        w.write_kv_data_to_file()
        w.write_tensors_to_file()
        w.close()
    return {
        "architecture": ck.arch,
        "tokenizer": vocab.source,
        "tensors": n,
        "chat_template": bool(template),
    }


def _write_info(w, info: ArtifactInfo) -> None:
    import gguf

    w.add_array(GGUF_LABELS, list(info.labels))
    w.add_string(GGUF_PROMPT_VERSION, info.prompt_version)
    w.add_string(GGUF_SYSTEM_PROMPT, info.system_prompt)
    w.add_string(GGUF_OOS_LABEL, info.out_of_scope_label or "")
    w.add_string(GGUF_BASE, info.base or "")
    w.add_string(GGUF_DESCRIPTIONS, json.dumps(info.descriptions, ensure_ascii=False, sort_keys=True))
    if info.oos_threshold is not None:
        w.add_key_value(GGUF_THRESHOLD, float(info.oos_threshold), gguf.GGUFValueType.FLOAT32)


@contextlib.contextmanager
def llama_logs(lines: list[str] | None = None):
    """Route llama.cpp's log to `lines` (or nowhere) for the duration, then restore llama-cpp-python's."""
    import llama_cpp

    @llama_cpp.llama_log_callback
    def collect(level, text, user_data):
        if lines is not None:
            lines.append(text.decode("utf-8", errors="replace"))

    llama_cpp.llama_log_set(collect, ctypes.c_void_p(0))
    try:
        yield lines
    finally:
        try:
            from llama_cpp import _logger

            llama_cpp.llama_log_set(_logger.llama_log_callback, ctypes.c_void_p(0))
        except ImportError:  # pragma: no cover - older layout
            llama_cpp.llama_log_set(ctypes.cast(None, llama_cpp.llama_log_callback), ctypes.c_void_p(0))


def quantize(src: str | Path, out: str | Path, fmt: str, threads: int | None = None) -> dict:
    """Quantise an F16 GGUF to `fmt` (a GGUF_FORMATS key) with llama.cpp, atomically.

    Returns the per-tensor fallbacks llama.cpp reported (e.g. a width that is not a multiple of
    256 cannot be a k-quant: llama.cpp picks another type for that tensor).
    """
    import llama_cpp

    ftype = getattr(llama_cpp, f"LLAMA_FTYPE_{GGUF_FORMATS[fmt][1]}")
    params = llama_cpp.llama_model_quantize_default_params()
    params.ftype = ftype
    params.nthread = threads or os.cpu_count() or 1
    out = Path(out)
    lines: list[str] = []
    with replace_on_success(out) as tmp, llama_logs(lines):
        rc = llama_cpp.llama_model_quantize(str(src).encode(), str(tmp).encode(), ctypes.byref(params))
        if rc != 0:
            tail = "".join(lines).strip().splitlines()[-3:]
            raise ExportError(
                f"llama.cpp could not quantise {Path(src).name} to {fmt} (code {rc}): {' | '.join(tail)}"
            )
    text = "".join(lines)
    notes = sorted({ln.split(": ", 1)[-1].strip() for ln in text.splitlines() if "fallback" in ln})
    return {"fallback_notes": notes}


_K_TYPES = {"Q2_K", "Q3_K", "Q4_K", "Q5_K", "Q6_K", "Q8_K"}


def tensor_types(path: str | Path, fmt: str) -> dict:
    """Count of tensor types in a GGUF; for k-quant formats also the matrices stored in another
    type (llama.cpp's per-tensor fallback, e.g. for widths that are not multiples of 256)."""
    tensors = read_tensor_types(path)
    counts = Counter(t for t, _ in tensors.values())
    out: dict = {"tensor_types": dict(sorted(counts.items()))}
    if "_k_" in fmt:
        fallen = [f"{n}:{t}" for n, (t, shape) in tensors.items() if len(shape) >= 2 and t not in _K_TYPES]
        out["k_quant_fallbacks"] = len(fallen)
        out["k_quant_fallback_tensors"] = fallen[:40]
    return out


def read_metadata(path: str | Path) -> dict:
    """The GGUF's metadata as plain values (for tests and inspection)."""
    return {k: v for k, (v, _, _) in read_kv(path).items()}
