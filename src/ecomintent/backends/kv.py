"""Rows that share a cached prompt head: key/value caches and attention masks by real position.

The part of the prompt before the query (`head`) is the same for every query. It is run once, its
key/value cache is copied (expanded) to every row of a batch, and the rows' own tokens follow it,
right-aligned: `[head][padding][query ...]`. The masks below are computed from the tokens' real
positions, so the padding in the middle changes nothing: each row sees exactly the tokens it would
see alone, sliding-window layers included. Inference (backends.hf) and training (train.answer_loss)
both lay batches out this way.
"""

from __future__ import annotations

import inspect

import torch


def text_config(config):
    return config.get_text_config() if hasattr(config, "get_text_config") else config


def attention_layout(config) -> tuple[list[str] | None, int | None]:
    """(layer types needing a mask each, or None for one mask; sliding window or None)."""
    cfg = text_config(config)
    window = getattr(cfg, "sliding_window", None)
    types = getattr(cfg, "layer_types", None)
    if types and "sliding_attention" in types:
        return sorted(set(types)), window
    if window and getattr(cfg, "use_sliding_window", True) and (not types or "full_attention" not in types):
        return None, window  # every layer slides (e.g. Mistral)
    return None, None


def base_model(model):
    """The transformers model under a PEFT wrapper (the model itself when unwrapped)."""
    return model.get_base_model() if hasattr(model, "get_base_model") else model


def cache_kwarg(model) -> str:
    """The name under which the model's forward takes its key/value cache."""
    base = base_model(model)
    inner = getattr(base, "model", base)
    params = inspect.signature(inner.forward).parameters
    return "cache" if "cache" in params else "past_key_values"


def new_cache(tensors=None):
    """A plain DynamicCache (no sliding-window cropping: the masks do the windowing), optionally
    holding (keys, values) per layer."""
    from transformers import DynamicCache

    cache = DynamicCache()
    for i, (k, v) in enumerate(tensors or []):
        cache.update(k, v, i)
    return cache


def cache_tensors(cache) -> list[tuple[torch.Tensor, torch.Tensor]]:
    if hasattr(cache, "layers"):
        return [(layer.keys, layer.values) for layer in cache.layers]
    return [(cache.key_cache[i], cache.value_cache[i]) for i in range(len(cache.key_cache))]


def expand_cache(tensors: list[tuple[torch.Tensor, torch.Tensor]], b: int):
    """A new cache holding one row's (keys, values) per layer repeated b times (a view: no copy, and
    gradients flow back to the one row)."""
    return new_cache([(k.expand(b, -1, -1, -1), v.expand(b, -1, -1, -1)) for k, v in tensors])


def right_aligned(suffixes: list[list[int]], h: int, pad_id: int):
    """Token ids (b, w) of rows that follow an h-token head, right-aligned (every row ends in the last
    column), with their validity (b, w) and real positions (b, w; h + index within the row)."""
    b, w = len(suffixes), max(map(len, suffixes))
    ids = torch.full((b, w), pad_id, dtype=torch.long)
    valid = torch.zeros((b, w), dtype=torch.bool)
    qpos = torch.full((b, w), h, dtype=torch.long)
    for r, s in enumerate(suffixes):
        n = len(s)
        if n:
            ids[r, w - n :] = torch.as_tensor(s)
            valid[r, w - n :] = True
            qpos[r, w - n :] = h + torch.arange(n)
    return ids, valid, qpos


class Masks:
    """Builds one model's attention masks from positions and validity."""

    def __init__(self, config):
        self.kinds, self.window = attention_layout(config)
        self.attn_impl = getattr(text_config(config), "_attn_implementation", None) or getattr(
            config, "_attn_implementation", "eager"
        )

    def allowed(self, qpos, kpos, kvalid, extra=None, qvalid=None):
        """(full, sliding) boolean (b, q, k): causal by real position, valid keys only (and `extra`).
        Query rows that are not `qvalid` (padding) attend to themselves only, taken to be the last q
        key columns: a fully masked row would make NaNs."""
        allowed = kvalid[:, None, :] & (kpos[:, None, :] <= qpos[:, :, None])
        if extra is not None:
            allowed = allowed & extra
        sliding = allowed
        if self.window:
            sliding = allowed & ((qpos[:, :, None] - kpos[:, None, :]) < self.window)
        if qvalid is not None and not bool(qvalid.all()):
            b, q, k = allowed.shape
            dev = allowed.device
            self_only = torch.zeros((b, q, k), dtype=torch.bool, device=dev)
            self_only[:, torch.arange(q, device=dev), k - q + torch.arange(q, device=dev)] = True
            pad = ~qvalid[:, :, None].to(dev)
            allowed = torch.where(pad, self_only, allowed)
            sliding = torch.where(pad, self_only, sliding)
        return allowed, sliding

    def build(self, allowed, dtype: torch.dtype, device):
        """Masks (b, 1, q, k) from `allowed` (full, sliding), per layer type where the model wants it:
        boolean for SDPA (as transformers makes them; an additive float mask breaks PyTorch's
        memory-efficient CUDA kernel in fp32), additive float for eager attention."""
        fill = torch.finfo(dtype).min
        boolean = self.attn_impl == "sdpa"

        def as_mask(a):
            if boolean:
                return a.to(device)[:, None]
            m = torch.zeros(a.shape, dtype=dtype, device=device)
            return m.masked_fill_(~a.to(device), fill)[:, None]

        full, sliding = allowed
        if self.kinds is None:
            return as_mask(sliding if self.window else full)
        return {k: as_mask(sliding if k == "sliding_attention" else full) for k in self.kinds}

    def after_head(self, h: int, valid, qpos):
        """Keys' positions and validity (b, h + w) and the (full, sliding) masks of right-aligned rows
        (`right_aligned`) that follow an h-token head."""
        b = valid.shape[0]
        dev = qpos.device
        kpos = torch.cat([torch.arange(h, device=dev).expand(b, h), qpos], dim=1)
        kvalid = torch.cat([torch.ones((b, h), dtype=torch.bool, device=dev), valid], dim=1)
        return kpos, kvalid, self.allowed(qpos, kpos, kvalid, qvalid=valid)
