"""llama.cpp backend (llama-cpp-python's low-level API): the fast classification path.

One llama.cpp context holds a unified key/value cache with one sequence per label plus sequence 0:

* sequence 0 keeps the last prompt evaluated. A new prompt reuses its longest common token prefix
  with it (the system prompt and template header, at least) and only the positions after it are
  removed and recomputed (`llama_memory_seq_rm`), so the fixed part of the prompt is paid once;
* `score`: after the prompt (which ends with the answer's fixed opening), the prompt's cells are
  shared into one sequence per label (`llama_memory_seq_cp`: bookkeeping only in a unified cache)
  and the labels' trie (base.LabelTrie) is decoded in one batch: a node is one token that belongs to
  the sequences of every label passing through it, at position prompt length + depth, so it attends
  to the prompt and its ancestors only. A label's tokens are cut where they tell it apart from every
  other label (base.distinct_prefixes: 8 nodes for the default taxonomy on Gemma 3, not 92). Every
  node outputs logits; a label's score is the sum of its tokens' log probabilities, exactly what an
  independent pass per label gives. A group of labels told apart by their first token needs no node
  at all: the prompt's last position scores them. With `prune` > 0, only the first-token groups that
  matter are decoded: the argmax stays exact, and every confidence is within `prune` of the exact
  one (a group's labels can carry no more mass than their shared first token);
* `generate`: greedy decoding in sequence 0 until the end of the turn or a `}`.

The prompt is rendered by prompt.PromptFormat over a small tokenizer adapter (the GGUF's chat
template, rendered by transformers' own Jinja renderer, and llama.cpp's tokenizer), so it is
token-for-token the prompt the model was trained on.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import math
import mmap
import os
import struct
import threading
import time
from pathlib import Path

import numpy as np

from ..errors import UserError
from ..prompt import ANSWER_PREFIX, PromptFormat
from .base import (
    GGUF_ADD_BOS,
    GGUF_BASE,
    GGUF_DESCRIPTIONS,
    GGUF_LABELS,
    GGUF_OOS_LABEL,
    GGUF_PROMPT_VERSION,
    GGUF_SYSTEM_PROMPT,
    GGUF_THRESHOLD,
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

# llama.cpp's CPU flash attention switches kernels at 64 rows per micro-batch (an f16 "one chunk"
# kernel below, a tiled f32 one from 64 up), and the two give log-probabilities that differ by up to
# ~1 nat in the tails. Every decode here stays under that size, so a score never depends on how the
# work was batched: cached prompt or not, trie or one pass per label, short query or long.
UBATCH = 48

# --- GGUF metadata ---------------------------------------------------------------------------------

_SCALARS = {
    0: "<B",
    1: "<b",
    2: "<H",
    3: "<h",
    4: "<I",
    5: "<i",
    6: "<f",
    7: "<?",
    10: "<Q",
    11: "<q",
    12: "<d",
}
_STRING, _ARRAY = 8, 9


def read_gguf_metadata(path: str | Path, arrays_for: tuple[str, ...] = ("ecomintent.",)) -> dict:
    """The key/value metadata of a GGUF file (header only; arrays kept only for keys starting with
    one of `arrays_for`). Raises UserError when the file is not a readable GGUF."""
    path = Path(path)
    try:
        with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as m:
            return _parse_header(m, arrays_for)
    except (OSError, ValueError, struct.error, UnicodeDecodeError, IndexError) as e:
        raise UserError(
            f"{path} is not a classifier artifact: not a readable GGUF file ({type(e).__name__}: {e}); "
            "export a trained model with `ecomintent export`"
        ) from None


def _parse_header(m, arrays_for) -> dict:
    if m[:4] != b"GGUF":
        raise ValueError("no GGUF magic number")
    (version,) = struct.unpack_from("<I", m, 4)
    if version not in (2, 3):
        raise ValueError(f"GGUF version {version} is not supported")
    _, n_kv = struct.unpack_from("<QQ", m, 8)
    off = 24
    out: dict = {}

    def read_str(off):
        (n,) = struct.unpack_from("<Q", m, off)
        if off + 8 + n > len(m):
            raise ValueError("truncated string")
        return m[off + 8 : off + 8 + n].decode("utf-8", errors="replace"), off + 8 + n

    def read_val(t, off, keep):
        if t in _SCALARS:
            fmt = _SCALARS[t]
            return struct.unpack_from(fmt, m, off)[0], off + struct.calcsize(fmt)
        if t == _STRING:
            return read_str(off)
        if t == _ARRAY:
            at, n = struct.unpack_from("<IQ", m, off)
            off += 12
            if at in _SCALARS and not keep:
                return None, off + n * struct.calcsize(_SCALARS[at])
            vals = []
            for _ in range(n):
                v, off = read_val(at, off, keep)
                if keep:
                    vals.append(v)
            return (vals if keep else None), off
        raise ValueError(f"unknown GGUF value type {t}")

    for _ in range(n_kv):
        key, off = read_str(off)
        (t,) = struct.unpack_from("<I", m, off)
        off += 4
        keep = t != _ARRAY or key.startswith(arrays_for)
        val, off = read_val(t, off, keep)
        if keep:
            out[key] = val
    return out


def info_from_metadata(md: dict, where: str) -> ArtifactInfo:
    """ArtifactInfo from a GGUF's `ecomintent.*` metadata keys."""
    labels = md.get(GGUF_LABELS)
    if isinstance(labels, str):  # tolerate a JSON-encoded list
        try:
            labels = json.loads(labels)
        except json.JSONDecodeError:
            labels = None
    if not labels:
        raise UserError(
            f"{where} is not a classifier artifact: its metadata has no {GGUF_LABELS} (a base-model GGUF has "
            "no label list); export a trained model with `ecomintent export`"
        )
    desc = md.get(GGUF_DESCRIPTIONS) or "{}"
    try:
        descriptions = json.loads(desc) if isinstance(desc, str) else dict(desc)
    except (json.JSONDecodeError, TypeError, ValueError):
        descriptions = {}
    return ArtifactInfo.from_dict(
        {
            "labels": labels,
            "prompt_version": md.get(GGUF_PROMPT_VERSION, ""),
            "system_prompt": md.get(GGUF_SYSTEM_PROMPT, ""),
            "out_of_scope_label": md.get(GGUF_OOS_LABEL) or None,
            "base": md.get(GGUF_BASE),
            "oos_threshold": md.get(GGUF_THRESHOLD),
            "descriptions": descriptions,
        },
        where,
    )


def info_from_gguf(path: str | Path) -> ArtifactInfo:
    return info_from_metadata(read_gguf_metadata(path), str(path))


# --- tokenizer adapter -----------------------------------------------------------------------------


class LlamaCppTokenizer:
    """The slice of a transformers tokenizer that prompt.PromptFormat uses, over a llama.cpp vocab."""

    def __init__(self, vocab, metadata: dict):
        from llama_cpp import llama_cpp as L

        self._L = L
        self.vocab = vocab
        self.chat_template = metadata.get("tokenizer.chat_template") or None
        bos, eos = L.llama_vocab_bos(vocab), L.llama_vocab_eos(vocab)
        self.bos_token_id = bos if bos >= 0 else None
        self.eos_token_id = eos if eos >= 0 else None
        self.bos_token = self.piece(bos, special=True).decode("utf-8", "replace") if bos >= 0 else None
        self.eos_token = self.piece(eos, special=True).decode("utf-8", "replace") if eos >= 0 else None
        self._tokenizer_adds_bos = bool(L.llama_vocab_get_add_bos(vocab))
        # What PromptFormat reads: transformers tokenizers of the packaged bases report False here.
        self.add_bos_token = bool(metadata.get(GGUF_ADD_BOS, False))

    def piece(self, token: int, special: bool = False) -> bytes:
        buf = ctypes.create_string_buffer(64)
        n = self._L.llama_token_to_piece(self.vocab, token, buf, len(buf), 0, special)
        if n < 0:
            buf = ctypes.create_string_buffer(-n)
            n = self._L.llama_token_to_piece(self.vocab, token, buf, len(buf), 0, special)
        return buf.raw[: max(n, 0)]

    def tokenize(self, text: str, add_special: bool = False) -> list[int]:
        data = text.encode("utf-8")
        cap = len(data) + 16
        buf = (self._L.llama_token * cap)()
        n = self._L.llama_tokenize(self.vocab, data, len(data), buf, cap, add_special, True)
        if n < 0:
            cap = -n
            buf = (self._L.llama_token * cap)()
            n = self._L.llama_tokenize(self.vocab, data, len(data), buf, cap, add_special, True)
        return list(buf[:n])

    def __call__(self, text: str, add_special_tokens: bool = True) -> dict:
        return {"input_ids": self.tokenize(text, add_special_tokens and self._tokenizer_adds_bos)}

    @property
    def special_tokens_map(self) -> dict:
        return {
            k: v for k, v in (("bos_token", self.bos_token), ("eos_token", self.eos_token)) if v is not None
        }

    def apply_chat_template(self, messages, tokenize: bool = False, add_generation_prompt: bool = False):
        from transformers.utils.chat_template_utils import render_jinja_template

        rendered, _ = render_jinja_template(
            conversations=[messages],
            chat_template=self.chat_template,
            add_generation_prompt=add_generation_prompt,
            **self.special_tokens_map,
        )
        text = rendered[0]
        return self.tokenize(text) if tokenize else text

    def decode(self, ids: list[int]) -> str:
        return b"".join(self.piece(t) for t in ids).decode("utf-8", errors="replace")


# --- the classifier --------------------------------------------------------------------------------


def _lcp(a: list[int], b: list[int]) -> int:
    n = min(len(a), len(b))
    i = 0
    while i < n and a[i] == b[i]:
        i += 1
    return i


class GGUFClassifier:
    """The Classifier over a GGUF file. Not for concurrent use from several threads (a lock
    serialises calls): give each worker its own instance."""

    backend = "gguf"

    def __init__(
        self,
        path: str | Path,
        info: ArtifactInfo | None = None,
        mode: str = "score",
        threads: int | None = None,
        threshold: float | None = None,
        n_ctx: int = 4096,
        n_batch: int = 512,
        prune: float = 0.0,
        prefix_cache: bool = True,
        device: str = "cpu",
        verbose: bool = False,
    ):
        path = Path(path)
        if not path.is_file():
            raise UserError(
                f"{path} does not exist; point --model at a .gguf file written by `ecomintent export`"
            )
        md = read_gguf_metadata(path)
        self.info = info or info_from_metadata(md, str(path))
        self.mode = mode
        self.name = path.name
        self.path = path
        self.threshold = threshold if threshold is not None else self.info.oos_threshold
        self.prune = float(prune or 0.0)
        self.prefix_cache = prefix_cache
        self._lock = threading.Lock()

        import llama_cpp  # noqa: F401  (loads the shared library)
        from llama_cpp import _internals
        from llama_cpp import llama_cpp as L
        from llama_cpp._logger import set_verbose

        set_verbose(verbose)
        self._L = L
        mp = L.llama_model_default_params()
        mp.n_gpu_layers = -1 if str(device).startswith("cuda") else 0
        try:
            self._model = _internals.LlamaModel(path_model=str(path), params=mp, verbose=verbose)
        except ValueError as e:
            raise UserError(
                f"{path} is not a classifier artifact: llama.cpp cannot load it ({e}); re-run the export"
            ) from None
        self.vocab = self._model.vocab
        self.n_vocab = L.llama_vocab_n_tokens(self.vocab)
        self.tok = LlamaCppTokenizer(self.vocab, md)
        self.fmt = PromptFormat.for_tokenizer(self.tok)
        self.label_ids = [self.fmt.label_ids(label) for label in self.info.labels]  # whole answers
        self.trie = LabelTrie(distinct_prefixes(self.label_ids))  # what score mode scores
        self._need: dict[int, set[int]] = {}  # node -> the tokens whose log-probability it gives
        for steps in self.trie.steps:
            for node, t in steps:
                if node >= 0:
                    self._need.setdefault(node, set()).add(t)
        self.threads = int(threads) if threads else max(1, os.cpu_count() or 1)
        self.n_batch = int(n_batch)
        self.n_seq = min(L.llama_max_parallel_sequences(), len(self.info.labels) + 1)
        cp = L.llama_context_default_params()
        cp.n_ctx = int(n_ctx)
        cp.n_batch = self.n_batch
        cp.n_ubatch = min(self.n_batch, UBATCH)
        cp.flash_attn_type = L.LLAMA_FLASH_ATTN_TYPE_ENABLED
        cp.n_seq_max = self.n_seq
        cp.kv_unified = True
        cp.n_threads = cp.n_threads_batch = self.threads
        cp.no_perf = True
        # Every trie node outputs logits, many per sequence: size the output buffer for a full batch
        # of outputs (the defaults size it for one output per sequence).
        cp.n_outputs_max = self.n_batch
        cp.n_outputs_max_per_seq = self.n_batch
        try:
            self._ctx = _internals.LlamaContext(model=self._model, params=cp, verbose=verbose)
        except ValueError as e:
            self._model.close()
            raise UserError(
                f"llama.cpp cannot create a context for {path} ({e}); try a smaller n_ctx"
            ) from None
        self.ctx = self._ctx.ctx
        self.mem = L.llama_get_memory(self.ctx)
        self._batch = L.llama_batch_init(self.n_batch, 0, self.n_seq)
        self._seq0: list[int] = []  # the tokens whose keys/values sequence 0 holds, from position 0
        self.stop_ids = {t for t in (self.tok.eos_token_id, *self.fmt.end_ids()[:1]) if t is not None}
        self.last_stats: dict = {}

    # -- low level ---------------------------------------------------------------------------------

    def _decode(self, items: list[tuple[int, int, list[int], bool]]) -> None:
        """Decode (token, position, sequence ids, wants logits) items as one batch."""
        b = self._batch
        if len(items) > self.n_batch:
            raise ValueError(f"{len(items)} tokens do not fit a batch of {self.n_batch}")
        b.n_tokens = len(items)
        for i, (t, p, seqs, out) in enumerate(items):
            b.token[i] = t
            b.pos[i] = p
            b.n_seq_id[i] = len(seqs)
            for j, s in enumerate(seqs):
                b.seq_id[i][j] = s
            b.logits[i] = out
        rc = self._L.llama_decode(self.ctx, b)
        if rc != 0:
            self._reset()
            raise RuntimeError(f"llama_decode returned {rc} (a batch of {len(items)} tokens)")

    def _reset(self) -> None:
        self._L.llama_memory_clear(self.mem, True)
        self._seq0 = []

    def _logits(self, i: int) -> np.ndarray:
        ptr = self._L.llama_get_logits_ith(self.ctx, i)
        return np.ctypeslib.as_array(ptr, shape=(self.n_vocab,))

    def _eval_prompt(self, ids: list[int]) -> np.ndarray:
        """Bring sequence 0 to `ids` (reusing the cached common prefix); the last position's logits."""
        n = _lcp(ids, self._seq0) if self.prefix_cache else 0
        if n == len(ids):
            n -= 1  # the last token is decoded again for its logits
        if n < len(self._seq0) and not self._L.llama_memory_seq_rm(self.mem, 0, n, -1):
            self._reset()
            n = 0
        self._seq0 = self._seq0[:n]
        todo = ids[n:]
        for c0 in range(0, len(todo), self.n_batch):
            chunk = todo[c0 : c0 + self.n_batch]
            last = c0 + len(chunk) == len(todo)
            self._decode([(t, n + c0 + j, [0], last and j == len(chunk) - 1) for j, t in enumerate(chunk)])
            self._seq0.extend(chunk)
        return self._logits(-1).astype(np.float64)

    def _logsoftmax(self, x: np.ndarray) -> np.ndarray:
        m = x.max(axis=-1, keepdims=True)
        return x - (m + np.log(np.exp(x - m).sum(axis=-1, keepdims=True)))

    # -- score -------------------------------------------------------------------------------------

    def score_ids(self, prompt: list[int], prune: float | None = None) -> np.ndarray:
        """Log-probability of every label after `prompt`.

        prune = 0: every label, exactly. prune > 0: only the first-token groups that can matter, in
        at most two rounds; skipped labels get -inf. The best label is exact (no skipped group has
        the mass to beat it) and the skipped groups together hold at most `prune` times the mass of
        the scored labels, so a softmax over the scored labels is within `prune` of the exact one.
        """
        prune = self.prune if prune is None else prune
        seq = list(prompt)
        root = self._logsoftmax(self._eval_prompt(seq))
        scores = np.full(len(self.info.labels), -np.inf)
        groups = sorted(self.trie.groups, key=lambda t: -root[t])
        mass = {t: math.exp(root[t]) for t in groups}  # a group's labels carry at most this mass
        todo, scored = prune_first_round(groups, mass, prune), set()
        rounds = 0
        while todo:
            self._score_groups(todo, len(seq), root, scores)
            scored.update(todo)
            rounds += 1
            rest = [t for t in groups if t not in scored]
            if not rest or prune <= 0:
                break
            finite = scores[np.isfinite(scores)]
            best = math.exp(float(finite.max())) if finite.size else 0.0
            todo = prune_next_round(rest, mass, prune, float(np.exp(finite).sum()), best)
        self.last_stats = {"rounds": rounds, "labels_scored": int(np.isfinite(scores).sum())}
        return scores

    def _score_groups(self, firsts: list[int], n_prompt: int, root: np.ndarray, scores: np.ndarray) -> None:
        """Exact scores of the labels in the given first-token groups, in as few batches as fit."""
        L, trie = self._L, self.trie
        for t in firsts:  # groups told apart by their first token: the root has their scores
            if not trie.group_nodes[t]:
                for k in trie.groups[t]:
                    scores[k] = root[trie.sequences[k][0]]
        firsts = [t for t in firsts if trie.group_nodes[t]]
        budget = self.n_seq - 1  # sequence ids for labels in one batch
        batches, chunk, used = [], [], 0
        for t in firsts:
            k = len(trie.groups[t])
            if chunk and used + k > budget:
                batches.append(chunk)
                chunk, used = [], 0
            chunk.append(t)
            used += k
        if chunk:
            batches.append(chunk)
        for chunk in batches:
            labels = [k for t in chunk for k in trie.groups[t]]
            nodes = sorted(i for t in chunk for i in trie.group_nodes[t])  # parents before children
            node_lp: dict[int, dict[int, float]] = {}
            sid = {k: 1 + i for i, k in enumerate(labels)}
            for s in sid.values():
                L.llama_memory_seq_cp(self.mem, 0, s, 0, -1)
            try:
                for c0 in range(0, len(nodes), self.n_batch):  # llama.cpp splits it into micro-batches
                    part = nodes[c0 : c0 + self.n_batch]
                    self._decode(
                        [
                            (
                                trie.tokens[i],
                                n_prompt + trie.depth[i],
                                [sid[k] for k in trie.members[i]],
                                True,
                            )
                            for i in part
                        ]
                    )
                    out = np.ctypeslib.as_array(L.llama_get_logits(self.ctx), shape=(len(part), self.n_vocab))
                    m = out.max(axis=1)
                    lse = m + np.log(np.exp(out - m[:, None]).sum(axis=1, dtype=np.float64))
                    for j, i in enumerate(part):
                        node_lp[i] = {t: float(out[j, t]) - float(lse[j]) for t in self._need[i]}
            finally:
                for s in sid.values():
                    L.llama_memory_seq_rm(self.mem, s, -1, -1)
            for k in labels:
                scores[k] = sum(root[t] if node < 0 else node_lp[node][t] for node, t in trie.steps[k])

    # -- classify ----------------------------------------------------------------------------------

    def classify(self, texts: list[str], top_k: int = 3) -> list[Prediction]:
        out = []
        with self._lock:
            for text in texts:
                q, truncated = prepare_text(text)
                t0 = time.perf_counter()
                prompt = self.fmt.prompt_ids(q)
                if self.mode == "generate":
                    raw = self.generate_ids(prompt)
                    ms = (time.perf_counter() - t0) * 1000
                    out.append(generated_prediction(self.info, raw, ms, truncated))
                    continue
                scores = self.score_ids(prompt)
                probs = softmax(scores.tolist())
                ms = (time.perf_counter() - t0) * 1000
                intent, conf, alts = decide(
                    self.info.labels, probs, top_k, self.threshold, self.info.out_of_scope_label
                )
                if self.prune > 0:
                    alts = keep_scored(alts, self.info.labels, scores)
                out.append(Prediction(intent, conf, alts, ms, truncated=truncated))
        return out

    # -- generate ----------------------------------------------------------------------------------

    def max_new_tokens(self) -> int:
        return max(map(len, self.label_ids)) + 4

    def generate_ids(self, prompt: list[int], max_new_tokens: int | None = None) -> str:
        """The greedy answer after `prompt` (which ends with the answer's fixed opening), up to the end of
        the turn or the first `}`: the whole JSON answer."""
        L = self._L
        limit = max_new_tokens or self.max_new_tokens()
        logits = self._eval_prompt(list(prompt))
        gen: list[int] = []
        for step in range(limit):
            t = int(np.argmax(logits))
            if t in self.stop_ids or L.llama_vocab_is_eog(self.vocab, t):
                break
            gen.append(t)
            if "}" in self.tok.decode(gen) or step == limit - 1:
                break
            self._decode([(t, len(self._seq0), [0], True)])
            self._seq0.append(t)
            logits = self._logits(-1)
        return ANSWER_PREFIX + self.tok.decode(gen)  # the prompt ends with the answer's opening

    # -- references for tests and benchmarks -------------------------------------------------------

    def score_reference(self, text: str, labels: list[int] | None = None) -> np.ndarray:
        """Labels (indices; default all) scored by their own full pass each (no cache, no trie), over
        the same tokens as score mode: the slow reference that the fast path must equal."""
        q, _ = prepare_text(text)
        prompt = self.fmt.prompt_ids(q)
        out = []
        with self._lock:
            for k in range(len(self.label_ids)) if labels is None else labels:
                label = self.trie.sequences[k]
                self._reset()
                seq = prompt + label
                rows = []
                for c0 in range(0, len(seq), self.n_batch):
                    chunk = seq[c0 : c0 + self.n_batch]
                    items = [(t, c0 + j, [0], c0 + j >= len(prompt) - 1) for j, t in enumerate(chunk)]
                    self._decode(items)
                    n_out = sum(1 for it in items if it[3])
                    if n_out:
                        ptr = self._L.llama_get_logits(self.ctx)
                        rows.append(
                            np.ctypeslib.as_array(ptr, shape=(n_out, self.n_vocab)).astype(np.float64)
                        )
                lp = self._logsoftmax(np.concatenate(rows))
                out.append(sum(lp[j, t] for j, t in enumerate(label)))
            self._reset()
        return np.array(out)

    def prompt_eval_ms(self, text: str, repeat: int = 1) -> float:
        """Wall time of evaluating the query's whole prompt (it ends with the answer's opening) from an
        empty cache, one logit row out: the floor a scoring path can approach."""
        q, _ = prepare_text(text)
        seq = self.fmt.prompt_ids(q)
        best = math.inf
        with self._lock:
            for _ in range(repeat):
                self._reset()
                t0 = time.perf_counter()
                self._eval_prompt(seq)
                best = min(best, (time.perf_counter() - t0) * 1000)
            self._reset()
        return best

    def close(self) -> None:
        if getattr(self, "_batch", None) is not None:
            self._L.llama_batch_free(self._batch)
            self._batch = None
        if getattr(self, "_ctx", None) is not None:
            self._ctx.close()
            self._ctx = None
        if getattr(self, "_model", None) is not None:
            self._model.close()
            self._model = None

    def __del__(self):
        with contextlib.suppress(Exception):
            self.close()
