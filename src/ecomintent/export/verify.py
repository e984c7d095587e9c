"""Check an exported artifact against the merged model: label agreement and accuracy on held-out queries.

The merged model is scored with `backends.hf.HFScorer` (exact label scoring, float32). A GGUF is
scored here with llama.cpp through llama-cpp-python's C API, the same way:

  * the prompt is the merged model's `PromptFormat` rendering (its chat template), tokenised by the
    GGUF's own tokenizer with special tokens parsed, BOS added exactly as `PromptFormat.prompt_ids`
    adds it (the GGUF's `add_bos_token` says whether);
  * every label's continuation (`answer_continuation(label)` + the end-of-turn text) is scored as
    the sum of its tokens' log-probabilities after prompt + ANSWER_PREFIX.

For speed the prompt is decoded once into sequence 0 (the system part, identical across queries,
stays cached between queries), and label continuations are decoded in extra sequences that share
its cells (unified KV cache), all in one batch as a trie: a token shared by several labels' prefixes
is decoded once, tagged with all their sequences. Verification needs only the best label, and a
score (a sum of log-probabilities <= 0) is bounded by its first token's log-probability, so
`predict_one` completes the label with the best first token and then only the labels whose bound
beats it: exact, and for a trained model usually one label's few tokens per query.
"""

from __future__ import annotations

import os
import random
from pathlib import Path

import numpy as np

from ..errors import UserError
from ..prompt import ANSWER_PREFIX, PromptFormat, answer_continuation, clean_query


def stratified_sample(rows: list[dict], n: int, seed: int = 7) -> list[dict]:
    """Up to n rows spread evenly over intent x language cells (deterministic); all rows if n >= len."""
    if n <= 0:
        return []
    if n >= len(rows):
        return list(rows)
    cells: dict[tuple, list[dict]] = {}
    for r in rows:
        cells.setdefault((r.get("intent"), r.get("language", "")), []).append(r)
    rng = random.Random(seed)
    for key in sorted(cells, key=str):
        rng.shuffle(cells[key])
    order = [cells[k] for k in sorted(cells, key=str)]
    out: list[dict] = []
    k = 0
    while len(out) < n:
        for v in order:
            if k < len(v) and len(out) < n:
                out.append(v[k])
        k += 1
    return out


def default_threads() -> int:
    """Cores not already busy: llama.cpp's threads wait for each other at every operation, so on a
    loaded machine fewer threads finish sooner than one per core."""
    cores = os.cpu_count() or 1
    try:
        busy = int(os.getloadavg()[0])
    except OSError:
        busy = 0
    return max(1, min(cores, cores - busy))


class GGUFLabelScorer:
    """Exact label scoring of a GGUF classifier with llama.cpp (CPU)."""

    def __init__(
        self,
        path: str | Path,
        labels: list[str],
        fmt: PromptFormat,
        n_threads: int | None = None,
        max_prompt_tokens: int = 2048,
    ):
        import llama_cpp as lc

        from .gguf import llama_logs

        self.lc = lc
        self.labels = list(labels)
        self.fmt = fmt
        lc.llama_backend_init()
        with llama_logs():
            mparams = lc.llama_model_default_params()
            self.model = lc.llama_model_load_from_file(str(path).encode(), mparams)
        if not self.model:
            raise UserError(f"llama.cpp cannot load {path}; the file is damaged or not a model GGUF")
        self.ctx = None
        self.batch = None
        try:
            self._setup(n_threads, max_prompt_tokens)
        except BaseException:
            self.close()
            raise

    def _setup(self, n_threads: int | None, max_prompt_tokens: int) -> None:
        lc = self.lc
        self.vocab = lc.llama_model_get_vocab(self.model)
        self.n_vocab = lc.llama_vocab_n_tokens(self.vocab)
        self.add_bos = bool(lc.llama_vocab_get_add_bos(self.vocab))
        self.bos = lc.llama_vocab_bos(self.vocab)
        self.prefix = self.tokenize(ANSWER_PREFIX)
        end = self.tokenize(self.fmt.end_text) if self.fmt.end_text else []
        self.label_ids = [self.tokenize(answer_continuation(label)) + end for label in self.labels]
        # Labels go in groups of at most (max sequences - 1): sequence 0 holds the prompt.
        per_group = max(1, min(len(self.labels), lc.llama_max_parallel_sequences() - 1, 63))
        self.groups = [
            list(range(i, min(len(self.labels), i + per_group)))
            for i in range(0, len(self.labels), per_group)
        ]
        widest = max(len(self._trie(g)[0]) for g in self.groups)
        self.n_batch = max(512, widest)
        self.max_prompt = max_prompt_tokens
        cp = lc.llama_context_default_params()
        cp.n_ctx = int(np.ceil((max_prompt_tokens + widest + 16) / 256) * 256)
        cp.n_batch = cp.n_ubatch = self.n_batch
        cp.n_seq_max = per_group + 1
        # Trie nodes output logits, several per sequence: the defaults allow one output per sequence.
        cp.n_outputs_max = cp.n_outputs_max_per_seq = self.n_batch
        cp.kv_unified = True  # copied prompts share cells instead of being copied
        cp.swa_full = True  # sliding-window layers keep every cell, so partial removal is exact
        threads = n_threads or default_threads()
        cp.n_threads = cp.n_threads_batch = threads
        from .gguf import llama_logs

        with llama_logs():
            self.ctx = lc.llama_init_from_model(self.model, cp)
        if not self.ctx:
            raise UserError("llama.cpp could not create a context for verification (out of memory?)")
        self.mem = lc.llama_get_memory(self.ctx)
        self.batch = lc.llama_batch_init(self.n_batch, 0, per_group + 1)
        self.cached: list[int] = []  # tokens now in sequence 0

    def _trie(self, group: list[int]):
        """Nodes to decode for a group of labels: (token, depth, parent node, label indices through it).

        Only tokens followed by another token need decoding (their logits score the next token).
        Returns (nodes, paths): paths[k] = node index of each label token except the last.
        """
        nodes: list[tuple[int, int, int, list[int]]] = []
        index: dict[tuple, int] = {}
        paths = {}
        for k in group:
            ids = self.label_ids[k]
            path = []
            parent = -1
            for depth, t in enumerate(ids[:-1]):
                key = (parent, t)
                if key not in index:
                    index[key] = len(nodes)
                    nodes.append((t, depth, parent, []))
                node = index[key]
                nodes[node][3].append(k)
                path.append(node)
                parent = node
            paths[k] = path
        return nodes, paths

    def tokenize(self, text: str, special: bool = True) -> list[int]:
        data = text.encode("utf-8")
        n_max = len(data) + 16
        buf = (self.lc.llama_token * n_max)()
        n = self.lc.llama_tokenize(self.vocab, data, len(data), buf, n_max, False, special)
        if n < 0:
            n_max = -n
            buf = (self.lc.llama_token * n_max)()
            n = self.lc.llama_tokenize(self.vocab, data, len(data), buf, n_max, False, special)
        return list(buf[:n])

    def prompt_ids(self, query: str) -> list[int]:
        ids = self.tokenize(self.fmt.prompt_text(clean_query(query)[0]))
        if self.add_bos and self.bos >= 0 and (not ids or ids[0] != self.bos):
            ids = [self.bos] + ids
        return ids

    def _decode(self, items: list[tuple[int, int, list[int], bool]]) -> None:
        b = self.batch
        for i, (tok, pos, seqs, logits) in enumerate(items):
            b.token[i] = tok
            b.pos[i] = pos
            b.n_seq_id[i] = len(seqs)
            for j, s in enumerate(seqs):
                b.seq_id[i][j] = s
            b.logits[i] = 1 if logits else 0
        b.n_tokens = len(items)
        rc = self.lc.llama_decode(self.ctx, b)
        if rc != 0:
            raise RuntimeError(f"llama_decode failed with {rc}")

    def _logprobs(self, i: int) -> np.ndarray:
        ptr = self.lc.llama_get_logits_ith(self.ctx, i)
        x = np.ctypeslib.as_array(ptr, shape=(self.n_vocab,)).astype(np.float64)
        m = x.max()
        return x - (m + np.log(np.exp(x - m).sum()))

    def _prompt(self, query: str) -> tuple[int, np.ndarray]:
        """Decode prompt + ANSWER_PREFIX into sequence 0 (reusing the cached common prefix).

        Returns (its length, log-probabilities of the next token)."""
        ids = self.prompt_ids(query) + self.prefix
        if len(ids) > self.max_prompt:
            raise UserError(f"a verification prompt has {len(ids)} tokens, over {self.max_prompt}")
        keep = 0
        for a, b in zip(self.cached, ids, strict=False):
            if a != b:
                break
            keep += 1
        keep = min(keep, len(ids) - 1)  # at least one token is decoded, for its logits
        self.lc.llama_memory_seq_rm(self.mem, 0, keep, -1)
        self.cached = []
        for start in range(keep, len(ids), self.n_batch):
            chunk = ids[start : start + self.n_batch]
            last = start + len(chunk) == len(ids)
            self._decode([(t, start + j, [0], last and j == len(chunk) - 1) for j, t in enumerate(chunk)])
        self.cached = list(ids)
        return len(ids), self._logprobs(len(chunk) - 1)  # the last token of the last chunk

    def _complete(self, n: int, first: np.ndarray, labels: list[int]) -> dict[int, float]:
        """Exact scores of some labels: their continuations decoded after the prompt, as a trie."""
        lc = self.lc
        out: dict[int, float] = {}
        size = len(self.groups[0])
        for g0 in range(0, len(labels), size):
            group = labels[g0 : g0 + size]
            nodes, paths = self._trie(group)
            seq_of = {k: s + 1 for s, k in enumerate(group)}
            for s in seq_of.values():
                lc.llama_memory_seq_cp(self.mem, 0, s, -1, -1)
            node_lp = {}
            if nodes:
                self._decode([(t, n + depth, [seq_of[k] for k in ks], True) for t, depth, _, ks in nodes])
                node_lp = {i: self._logprobs(i) for i in range(len(nodes))}
            for k in group:
                toks = self.label_ids[k]
                total = first[toks[0]]
                for node, nxt in zip(paths[k], toks[1:], strict=True):
                    total += node_lp[node][nxt]
                out[k] = float(total)
            for s in seq_of.values():
                lc.llama_memory_seq_rm(self.mem, s, -1, -1)
        return out

    def score_one(self, query: str) -> np.ndarray:
        """Log-probability of every label for one query (every continuation decoded)."""
        n, first = self._prompt(query)
        scores = self._complete(n, first, list(range(len(self.labels))))
        return np.array([scores[k] for k in range(len(self.labels))])

    def predict_one(self, query: str) -> int:
        """The best label's index, exactly, decoding only what can still change the answer.

        A label's score is a sum of log-probabilities (each <= 0), so its first token's
        log-probability bounds it from above: complete the label with the best first token, then
        only the labels whose bound beats that score (usually none for a trained model).
        """
        n, first = self._prompt(query)
        bound = np.array([first[ids[0]] for ids in self.label_ids])
        top = int(np.argmax(bound))
        best = self._complete(n, first, [top])[top]
        rest = [k for k in np.argsort(-bound).tolist() if k != top and bound[k] > best]
        if not rest:
            return top
        scores = self._complete(n, first, rest)
        challenger = max(scores, key=scores.get)
        return challenger if scores[challenger] > best else top

    def predict(self, texts: list[str], progress=None) -> list[str]:
        out = []
        for i, t in enumerate(texts):
            out.append(self.labels[self.predict_one(t)])
            if progress:
                progress(i + 1, len(texts))
        return out

    def close(self) -> None:
        from .gguf import llama_logs

        lc = self.lc
        with llama_logs():
            if self.batch is not None:
                lc.llama_batch_free(self.batch)
                self.batch = None
            if self.ctx:
                lc.llama_free(self.ctx)
                self.ctx = None
            if self.model:
                lc.llama_model_free(self.model)
                self.model = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def hf_predict(model_dir: str | Path, labels: list[str], texts: list[str], batch_size: int = 16) -> list[str]:
    """The merged (or GPTQ) HF model's best label per text, with HFScorer."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from ..backends.hf import HFScorer

    tok = AutoTokenizer.from_pretrained(str(model_dir))
    if tok.pad_token_id is None:
        tok.pad_token = tok.eos_token
    if (Path(model_dir) / "quantize_config.json").is_file() or _is_gptq(model_dir):
        from .gptq import _import_gptqmodel, stdout_to_stderr

        with stdout_to_stderr():
            _import_gptqmodel()  # transformers loads GPTQ checkpoints through it
            device = "cuda" if torch.cuda.is_available() else "cpu"
            model = AutoModelForCausalLM.from_pretrained(str(model_dir), device_map=device)
    else:
        model = AutoModelForCausalLM.from_pretrained(str(model_dir), dtype=torch.float32)
    model.eval()
    try:
        preds, _ = HFScorer(model, tok, labels).predict(texts, batch_size=batch_size)
    finally:
        del model
    return preds


def _is_gptq(model_dir: str | Path) -> bool:
    import json

    cfg = Path(model_dir) / "config.json"
    try:
        q = json.loads(cfg.read_text(encoding="utf-8")).get("quantization_config") or {}
    except (OSError, ValueError):
        return False
    return str(q.get("quant_method", "")).lower() == "gptq"


def gguf_predict(
    path: str | Path, model_dir: str | Path, labels: list[str], texts: list[str], threads: int | None = None
) -> dict:
    """GGUF predictions plus how often its prompt tokens equal the HF tokenizer's."""
    from transformers import AutoTokenizer

    tok = AutoTokenizer.from_pretrained(str(model_dir))
    fmt = PromptFormat.for_tokenizer(tok)
    threads = threads or default_threads()
    with GGUFLabelScorer(path, labels, fmt, n_threads=threads) as scorer:
        same = sum(scorer.prompt_ids(t) == fmt.prompt_ids(clean_query(t)[0]) for t in texts)
        preds = scorer.predict(texts)
    return {
        "predictions": preds,
        "token_agreement": round(same / len(texts), 4) if texts else None,
        "verify_threads": threads,
    }


def compare(preds: list[str], reference: list[str], gold: list[str]) -> dict:
    n = len(preds)
    if n == 0:
        return {"samples": 0, "agreement": None, "accuracy": None}
    return {
        "samples": n,
        "agreement": round(sum(a == b for a, b in zip(preds, reference, strict=True)) / n, 4),
        "accuracy": round(sum(a == b for a, b in zip(preds, gold, strict=True)) / n, 4),
    }
