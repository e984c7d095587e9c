"""transformers backend: exact label scoring and greedy answers, with the fixed prompt cached.

Both modes start the same way. The part of the prompt before the query (system prompt and template
header: `head`) is run once; its key/value cache is copied into every batch. A batch of queries is
then laid out as `[head][padding][query ... answer prefix]` and run with explicit attention masks and
position ids computed from the tokens' real positions, so the padding in the middle changes nothing:
each query sees exactly the tokens it would see alone (sliding-window layers included).

`score`: the labels' answer tokens, each cut where it is told apart from every other label
(base.distinct_prefixes), form a trie (base.LabelTrie). One more pass runs the trie's nodes for every
query with a tree mask (a node attends to the prompt, its ancestors and itself), so labels that share
first tokens share that work. A label's score is the sum of its tokens' log probabilities; a softmax
over the labels gives the confidence.

`generate`: greedy decoding from the end of the prompt until the end of the turn or a `}`.
"""

from __future__ import annotations

import contextlib
import math
import time
from pathlib import Path

import torch

from ..errors import UserError
from ..prompt import ANSWER_PREFIX, PromptFormat
from .base import (
    ArtifactInfo,
    LabelTrie,
    Prediction,
    decide,
    distinct_prefixes,
    generated_prediction,
    keep_scored,
    prepare_text,
    prune_first_round,
    prune_next_round,
    softmax,
)
from .kv import Masks, cache_kwarg, cache_tensors, expand_cache, new_cache, right_aligned

LOGITS_BUDGET = 256 * 2**20  # bytes of float32 logits per trie pass (rows are split to stay under it)


class HFScorer:
    """Scores every label for every query (`score`) or writes the answer (`generate`)."""

    def __init__(
        self, model, tokenizer, labels: list[str], fmt: PromptFormat | None = None, prefix_cache=True
    ):
        self.model = model
        self.tok = tokenizer
        self.labels = list(labels)
        self.fmt = fmt or PromptFormat.for_tokenizer(tokenizer)
        self.label_ids = [self.fmt.label_ids(label) for label in self.labels]  # whole answers
        self.trie = LabelTrie(distinct_prefixes(self.label_ids))  # what score mode scores
        self.head = self.fmt.head_ids() if prefix_cache else []
        pad = tokenizer.pad_token_id
        self.pad_id = pad if pad is not None else (tokenizer.eos_token_id or 0)
        self.masks = Masks(model.config)
        self._cache_kw = cache_kwarg(model)
        self._head_kv: list[tuple[torch.Tensor, torch.Tensor]] | None = None
        self._head_key = None
        # Label steps as index tensors: node (-1: the prompt's last position) and token, per label.
        depth = max(len(s) for s in self.trie.steps)
        n = len(self.labels)
        self._step_node = torch.full((n, depth), -1, dtype=torch.long)
        self._step_tok = torch.zeros((n, depth), dtype=torch.long)
        self._step_mask = torch.zeros((n, depth), dtype=torch.bool)
        for k, steps in enumerate(self.trie.steps):
            for d, (node, t) in enumerate(steps):
                self._step_node[k, d], self._step_tok[k, d], self._step_mask[k, d] = node, t, True
        t = len(self.trie)
        anc = torch.zeros((t, t), dtype=torch.bool)
        for j in range(t):
            anc[j, self.trie.ancestors_or_self(j)] = True
        self._anc = anc
        self._trie_tokens = torch.tensor(self.trie.tokens, dtype=torch.long)
        self._trie_depth = torch.tensor(self.trie.depth, dtype=torch.long)
        self.stop_ids = self._stop_ids()

    # -- plumbing ----------------------------------------------------------------------------------

    @property
    def device(self) -> torch.device:
        return next(self.model.parameters()).device

    @property
    def dtype(self) -> torch.dtype:
        for p in self.model.parameters():
            if p.dtype.is_floating_point:
                return p.dtype
        return torch.float32

    def _stop_ids(self) -> set[int]:
        stop = set()
        end = self.fmt.end_ids()
        if end:
            stop.add(end[0])
        eos = self.tok.eos_token_id
        if eos is not None:
            stop.add(int(eos))
        gen = getattr(self.model, "generation_config", None)
        ids = getattr(gen, "eos_token_id", None) if gen is not None else None
        if isinstance(ids, int):
            stop.add(ids)
        elif ids:
            stop.update(int(i) for i in ids)
        return stop

    def _masks(self, allowed):
        return self.masks.build(allowed, self.dtype, self.device)

    def _allowed(self, qpos, kpos, kvalid, extra=None, qvalid=None):
        return self.masks.allowed(qpos, kpos, kvalid, extra, qvalid)

    def _forward(self, ids, masks, pos, cache, logits_to_keep=0):
        kw = {self._cache_kw: cache}
        with self._sdpa_guard():
            return self.model(
                input_ids=ids.to(self.device),
                attention_mask=masks,
                position_ids=pos.to(self.device),
                use_cache=True,
                logits_to_keep=logits_to_keep,
                **kw,
            ).logits

    def _sdpa_guard(self):
        """In fp32 on CUDA, PyTorch's memory-efficient SDPA kernel gave wrong scores with these masks
        (measured on an H200, torch 2.11: up to 0.5 nats on a sliding-window model; the math kernel
        and eager attention were exact): use the math kernel there."""
        if self.masks.attn_impl == "sdpa" and self.dtype == torch.float32 and self.device.type == "cuda":
            from torch.nn.attention import SDPBackend, sdpa_kernel

            return sdpa_kernel([SDPBackend.MATH])
        return contextlib.nullcontext()

    def _head_cache(self, b: int):
        """A cache holding the head's keys/values for b rows (computed once, then copied)."""
        key = (self.device, self.dtype)
        if self._head_kv is None or self._head_key != key:
            h = len(self.head)
            ids = torch.tensor([self.head])
            pos = torch.arange(h)[None]
            cache = new_cache()
            masks = self._masks(self._allowed(pos, pos, torch.ones((1, h), dtype=torch.bool)))
            self._forward(ids, masks, pos, cache, logits_to_keep=1)
            self._head_kv = [(k.detach(), v.detach()) for k, v in cache_tensors(cache)]
            self._head_key = key
        return expand_cache(self._head_kv, b)

    def _groups(self, seqs: list[list[int]], batch_size: int):
        """(row indices, head length) batches: rows that start with the head share its cache; rows
        sorted by length so that a batch holds little padding."""
        h = len(self.head)
        with_head = [i for i, s in enumerate(seqs) if h and len(s) > h and s[:h] == self.head]
        without = sorted(set(range(len(seqs))) - set(with_head))
        out = []
        for rows, hl in ((with_head, h), (without, 0)):
            rows = sorted(rows, key=lambda i: len(seqs[i]))
            for i in range(0, len(rows), max(1, batch_size)):
                out.append((rows[i : i + batch_size], hl))
        return out

    def _prompt_pass(self, seqs: list[list[int]], h: int):
        """Run the prompts after the head; return the cache, cell positions/validity, the real
        prompt lengths and the last position's logits (b, vocab)."""
        b = len(seqs)
        ids, valid, qpos = right_aligned([s[h:] for s in seqs], h, self.pad_id)
        kpos, kvalid, (full, sliding) = self.masks.after_head(h, valid, qpos)
        cache = self._head_cache(b) if h else new_cache()
        logits = self._forward(ids, self._masks((full, sliding)), qpos, cache, logits_to_keep=1)
        lens = torch.tensor([len(s) for s in seqs])
        return cache, kpos, kvalid, lens, logits[:, -1].float()

    # -- score -------------------------------------------------------------------------------------

    @torch.no_grad()
    def score(self, texts: list[str], batch_size: int = 16) -> torch.Tensor:
        """Log-probability of every label for every text: a (len(texts), len(labels)) tensor."""
        return self.score_ids([self.fmt.prompt_ids(prepare_text(t)[0]) for t in texts], batch_size)

    @torch.no_grad()
    def score_ids(self, prompts: list[list[int]], batch_size: int = 16, prune: float = 0.0) -> torch.Tensor:
        """(len(prompts), len(labels)) label log-probabilities. prune = 0: every label, exactly.
        prune > 0: only the first-token groups that can matter (base.prune_first_round); skipped
        labels get -inf, the best label is exact and the softmax is within `prune` of the exact one."""
        out = torch.empty(len(prompts), len(self.labels))
        seqs = [list(p) for p in prompts]
        for rows, h in self._groups(seqs, batch_size):
            out[rows] = self._score_batch([seqs[r] for r in rows], h, prune)
        return out

    def _score_batch(self, seqs: list[list[int]], h: int, prune: float = 0.0) -> torch.Tensor:
        cache, kpos, kvalid, lens, root = self._prompt_pass(seqs, h)
        b, n = len(seqs), len(self.labels)
        vocab = root.shape[-1]
        root_lp = (root - torch.logsumexp(root, dim=-1, keepdim=True)).cpu()
        # Root steps (first tokens) come from the prompt pass; the trie passes add the rest.
        is_root = self._step_node < 0
        lp = torch.zeros((b, n, self._step_tok.shape[1]))
        lp[:, is_root] = root_lp[:, self._step_tok[is_root]]
        scores = torch.full((b, n), float("-inf"))
        if not len(self.trie):
            return (lp * self._step_mask).sum(-1)
        tensors = cache_tensors(cache)  # the prompts' keys/values, kept apart from the trie passes
        firsts = list(self.trie.groups)
        order, mass, todo, scored = [], [], [], [set() for _ in range(b)]
        for r in range(b):
            order.append(sorted(firsts, key=lambda g: -float(root_lp[r, g])))
            mass.append({g: math.exp(float(root_lp[r, g])) for g in firsts})
            todo.append(prune_first_round(order[r], mass[r], prune))
        while any(todo):
            rows = [r for r in range(b) if todo[r]]
            for chunk, nodes in self._node_chunks(rows, todo, vocab):
                idx = torch.tensor(chunk)
                c = new_cache([(k[idx], v[idx]) for k, v in tensors])
                lp[idx] += self._trie_pass(c, kpos[idx], kvalid[idx], lens[idx], nodes)
            for r in rows:
                done = [k for g in todo[r] for k in self.trie.groups[g]]
                scores[r, done] = (lp[r, done] * self._step_mask[done]).sum(-1)
                scored[r].update(todo[r])
            for r in range(b):
                rest = [g for g in order[r] if g not in scored[r]]
                if not rest or prune <= 0:
                    todo[r] = []
                    continue
                finite = scores[r][torch.isfinite(scores[r])]
                z = float(finite.exp().sum())
                best = math.exp(float(finite.max())) if len(finite) else 0.0
                todo[r] = prune_next_round(rest, mass[r], prune, z, best)
        return scores

    def _node_chunks(self, rows: list[int], todo: list[list[int]], vocab: int):
        """(rows, nodes) chunks for the trie passes of one round: rows sorted by how many nodes their
        groups need, each chunk padded to its own widest row and within LOGITS_BUDGET; nodes is None
        where every row of the chunk needs the whole trie."""
        t = len(self.trie)
        need = {r: sorted(i for g in todo[r] for i in self.trie.group_nodes[g]) for r in rows}
        order = sorted((r for r in rows if need[r]), key=lambda r: len(need[r]))  # root-only: no pass
        i = 0
        while i < len(order):
            j = i + 1  # widest row last (sorted): the chunk's width is its last row's
            while j < len(order) and (j + 1 - i) * len(need[order[j]]) * vocab * 4 <= LOGITS_BUDGET:
                j += 1
            chunk = order[i:j]
            m = len(need[chunk[-1]])
            if len(need[chunk[0]]) == t:  # every row needs every node
                yield chunk, None
            else:
                nodes = torch.full((len(chunk), m), -1, dtype=torch.long)
                for k, r in enumerate(chunk):
                    nodes[k, : len(need[r])] = torch.tensor(need[r])
                yield chunk, nodes
            i = j

    def _trie_pass(self, cache, kpos, kvalid, lens, nodes: torch.Tensor | None = None) -> torch.Tensor:
        """Trie nodes for every row: all of them, or `nodes` (rows, m) node indices per row (-1 pads).
        Returns (rows, labels, depth) log-probs of the non-root steps (0 where a node was not run)."""
        b, t = len(lens), len(self.trie)
        if nodes is None:
            nodes = torch.arange(t).expand(b, t)
        m = nodes.shape[1]
        real = nodes >= 0
        nz = nodes.clamp(min=0)
        ids = torch.where(real, self._trie_tokens[nz], self.pad_id)
        qpos = lens[:, None] + self._trie_depth[nz]
        p = kpos.shape[1]
        kpos = torch.cat([kpos, qpos], dim=1)
        kvalid = torch.cat([kvalid, real], dim=1)
        anc = self._anc[nz[:, :, None], nz[:, None, :]]  # (b, m, m): a node attends to its ancestors
        extra = torch.cat([torch.ones((b, m, p), dtype=torch.bool), anc], -1)
        full, sliding = self._allowed(qpos, kpos, kvalid, extra, qvalid=real)  # padding nodes: self only
        logits = self._forward(ids, self._masks((full, sliding)), qpos, cache).float()
        lse = torch.logsumexp(logits, dim=-1)  # (b, m)
        # Where each trie node sits in its row (column m: not run).
        col = torch.full((b, t + 1), m, dtype=torch.long)
        col.scatter_(1, torch.where(real, nodes, t), torch.arange(m).expand(b, m).contiguous())
        col = col[:, :t]
        node = self._step_node.clamp(min=0)
        at = col[:, node]  # (b, labels, depth)
        ran = (at < m) & (self._step_node >= 0)
        at = at.clamp(max=m - 1).to(logits.device)
        rows = torch.arange(b, device=logits.device)[:, None, None]
        picked = logits[rows, at, self._step_tok.to(logits.device)] - lse[rows, at]
        return picked.cpu() * ran

    def predict(
        self, texts: list[str], batch_size: int = 16, prune: float = 0.0
    ) -> tuple[list[str], torch.Tensor]:
        """The best label per text and the softmax-over-labels probabilities (see score_ids: prune)."""
        scores = self.score_ids([self.fmt.prompt_ids(prepare_text(t)[0]) for t in texts], batch_size, prune)
        probs = torch.softmax(scores, dim=-1)
        return [self.labels[i] for i in scores.argmax(-1).tolist()], probs

    # -- generate ----------------------------------------------------------------------------------

    def max_new_tokens(self) -> int:
        return max(map(len, self.label_ids)) + 4

    @torch.no_grad()
    def generate(
        self, texts: list[str], batch_size: int = 16, max_new_tokens: int | None = None
    ) -> list[str]:
        """The model's greedy answer for every text, up to the end of the turn or the first `}`."""
        return self.generate_ids(
            [self.fmt.prompt_ids(prepare_text(t)[0]) for t in texts], batch_size, max_new_tokens
        )

    @torch.no_grad()
    def generate_ids(self, prompts: list[list[int]], batch_size: int = 16, max_new_tokens: int | None = None):
        out: list[str] = [""] * len(prompts)
        limit = max_new_tokens or self.max_new_tokens()
        for rows, h in self._groups([list(p) for p in prompts], batch_size):
            for r, text in zip(
                rows, self._generate_batch([list(prompts[r]) for r in rows], h, limit), strict=True
            ):
                out[r] = text
        return out

    def _generate_batch(self, seqs: list[list[int]], h: int, limit: int) -> list[str]:
        cache, kpos, kvalid, lens, logits = self._prompt_pass(seqs, h)
        b = len(seqs)
        done = [False] * b
        gen: list[list[int]] = [[] for _ in range(b)]
        for step in range(limit):
            nxt = logits.argmax(-1).tolist()
            for r in range(b):
                if done[r]:
                    continue
                if nxt[r] in self.stop_ids:
                    done[r] = True
                    continue
                gen[r].append(nxt[r])
                if "}" in self.tok.decode(gen[r], skip_special_tokens=True):
                    done[r] = True
            if all(done) or step == limit - 1:
                break
            ids = torch.tensor([[t if not d else self.pad_id] for t, d in zip(nxt, done, strict=True)])
            qpos = (lens + step)[:, None]
            kpos = torch.cat([kpos, qpos], dim=1)
            kvalid = torch.cat([kvalid, torch.ones((b, 1), dtype=torch.bool)], dim=1)
            masks = self._masks(self._allowed(qpos, kpos, kvalid))
            logits = self._forward(ids, masks, qpos, cache, logits_to_keep=1)[:, -1].float()
        # The prompt ends with the answer's fixed opening: the whole JSON answer is it + what was written.
        return [ANSWER_PREFIX + self.tok.decode(g, skip_special_tokens=True) for g in gen]


class HFClassifier:
    """The Classifier over a transformers model (merged fine-tune, or a GPTQ checkpoint)."""

    def __init__(
        self,
        model,
        tokenizer,
        info: ArtifactInfo,
        mode: str = "score",
        name: str = "model",
        threshold: float | None = None,
        batch_size: int = 16,
        prefix_cache: bool = True,
        backend: str = "hf",
        prune: float = 0.0,
    ):
        self.info = info
        self.prune = float(prune or 0.0)
        self.mode = mode
        self.name = name
        self.backend = backend
        self.threshold = threshold if threshold is not None else info.oos_threshold
        self.batch_size = batch_size
        self.scorer = HFScorer(model, tokenizer, info.labels, prefix_cache=prefix_cache)

    def classify(self, texts: list[str], top_k: int = 3) -> list[Prediction]:
        if not texts:
            return []
        prepared = [prepare_text(t) for t in texts]
        prompts = [self.scorer.fmt.prompt_ids(q) for q, _ in prepared]
        t0 = time.perf_counter()
        out = []
        if self.mode == "generate":
            raws = self.scorer.generate_ids(prompts, self.batch_size)
            ms = (time.perf_counter() - t0) * 1000 / len(texts)
            for raw, (_, trunc) in zip(raws, prepared, strict=True):
                out.append(generated_prediction(self.info, raw, ms, trunc))
            return out
        # base.softmax: a non-finite score (a model that overflowed) gets probability 0, not NaN.
        scores = self.scorer.score_ids(prompts, self.batch_size, self.prune).double().tolist()
        probs = [softmax(row) for row in scores]
        ms = (time.perf_counter() - t0) * 1000 / len(texts)
        for p, row, (_, trunc) in zip(probs, scores, prepared, strict=True):
            intent, conf, alts = decide(
                self.info.labels, p, top_k, self.threshold, self.info.out_of_scope_label
            )
            if self.prune > 0:
                alts = keep_scored(alts, self.info.labels, row)
            out.append(Prediction(intent, conf, alts, ms, truncated=trunc))
        return out

    def close(self) -> None:
        self.scorer = None  # type: ignore[assignment]


DTYPES = {
    "fp32": torch.float32,
    "float32": torch.float32,
    "fp16": torch.float16,
    "float16": torch.float16,
    "half": torch.float16,
    "bf16": torch.bfloat16,
    "bfloat16": torch.bfloat16,
}


def resolve_device(device: str | None) -> str:
    device = (device or "cpu").strip()
    if device == "auto":
        return "cuda" if torch.cuda.is_available() else "cpu"
    if device.startswith("cuda") and not torch.cuda.is_available():
        raise UserError(f"device {device!r} asked for, but no CUDA GPU is visible; use --device cpu")
    if device != "cpu" and not device.startswith("cuda"):
        raise UserError(f"unknown device {device!r}; use cpu, cuda, cuda:N or auto")
    return device


def load_hf(
    artifact: str | Path,
    mode: str = "score",
    device: str = "cpu",
    dtype: str | None = None,
    threads: int | None = None,
    threshold: float | None = None,
    info: ArtifactInfo | None = None,
    batch_size: int = 16,
    prefix_cache: bool = True,
    backend: str = "hf",
    prune: float = 0.0,
    **model_kw,
) -> HFClassifier:
    """Load a merged HF classifier directory (safetensors + tokenizer + ecomintent.json)."""
    from transformers import AutoModelForCausalLM, AutoTokenizer

    path = Path(artifact)
    if not (path / "config.json").is_file():
        raise UserError(
            f"{path} is not a classifier artifact: it has no config.json; point --model at the merged "
            "directory written by `ecomintent train` (runs/NAME/model/merged)"
        )
    info = info or ArtifactInfo.from_dir(path)
    device = resolve_device(device)
    if threads:
        torch.set_num_threads(int(threads))
    kw = dict(model_kw)
    if "model_dtype" in kw:  # the GPTQ loader's compute dtype for from_pretrained
        kw["dtype"] = kw.pop("model_dtype")
    if dtype == "nf4":
        from transformers import BitsAndBytesConfig

        compute = torch.bfloat16 if device.startswith("cuda") else torch.float32
        kw["quantization_config"] = BitsAndBytesConfig(
            load_in_4bit=True, bnb_4bit_quant_type="nf4", bnb_4bit_compute_dtype=compute
        )
        kw["device_map"] = {"": device}
        kw["dtype"] = compute
    elif backend != "gptq":
        if dtype is None:
            torch_dtype = torch.float32
            if device.startswith("cuda"):
                torch_dtype = torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
        elif dtype in DTYPES:
            torch_dtype = DTYPES[dtype]
        else:
            raise UserError(f"unknown dtype {dtype!r}; use fp32, fp16, bf16 or nf4")
        kw["dtype"] = torch_dtype
    try:
        tok = AutoTokenizer.from_pretrained(str(path))
        model = AutoModelForCausalLM.from_pretrained(str(path), **kw)
    except (OSError, ValueError, KeyError) as e:
        msg = str(e).splitlines()[0] if str(e) else type(e).__name__
        raise UserError(
            f"{path} is not a classifier artifact: its weights or tokenizer do not load ({msg}); "
            "re-run `ecomintent train` or the export that wrote it"
        ) from None
    if "device_map" not in kw:
        model = model.to(device)
    model.eval()
    return HFClassifier(
        model,
        tok,
        info,
        mode=mode,
        name=path.name if path.name not in ("merged", "") else f"{path.parent.name}/{path.name}",
        threshold=threshold,
        batch_size=batch_size,
        prefix_cache=prefix_cache,
        backend=backend,
        prune=prune,
    )
