"""transformers backend: exact label scoring with a shared prompt cache.

`score` mode: one forward pass over prompt + the forced answer prefix for a batch of queries, then
the key/value cache is repeated once per label and every label's continuation (label, closing
quote, end of turn) is scored in one more pass. A label's score is the sum of its tokens' log
probabilities; a softmax over the labels gives the confidence.
"""

from __future__ import annotations

import copy

import torch

from ..prompt import PromptFormat, clean_query

LOGITS_BUDGET = 256 * 2**20  # bytes of float32 logits per continuation pass


class HFScorer:
    def __init__(self, model, tokenizer, labels: list[str], fmt: PromptFormat | None = None):
        self.model = model
        self.tok = tokenizer
        self.labels = list(labels)
        self.fmt = fmt or PromptFormat.for_tokenizer(tokenizer)
        self.label_ids = [self.fmt.label_ids(label) for label in self.labels]
        self.prefix = self.fmt.prefix_ids()
        pad = tokenizer.pad_token_id
        self.pad_id = pad if pad is not None else (tokenizer.eos_token_id or 0)

    @torch.no_grad()
    def score(self, texts: list[str], batch_size: int = 16) -> torch.Tensor:
        """Log-probability of every label for every text: a (len(texts), len(labels)) tensor."""
        out = []
        for i in range(0, len(texts), batch_size):
            out.append(self._score_batch(texts[i : i + batch_size]))
        return torch.cat(out) if out else torch.empty(0, len(self.labels))

    def _score_batch(self, texts: list[str]) -> torch.Tensor:
        model = self.model
        device = next(model.parameters()).device
        seqs = [self.fmt.prompt_ids(clean_query(t)[0]) + self.prefix for t in texts]
        width = max(map(len, seqs))
        b, n_labels = len(seqs), len(self.labels)
        ids = torch.full((b, width), self.pad_id, dtype=torch.long)
        mask = torch.zeros((b, width), dtype=torch.long)
        for r, s in enumerate(seqs):  # left padding: every prompt ends at the same column
            ids[r, width - len(s) :] = torch.tensor(s)
            mask[r, width - len(s) :] = 1
        ids, mask = ids.to(device), mask.to(device)
        pos = (mask.cumsum(-1) - 1).clamp(min=0)
        first = model(input_ids=ids, attention_mask=mask, position_ids=pos, use_cache=True)
        first_logp = torch.log_softmax(first.logits[:, -1].float(), dim=-1)  # (b, vocab)
        cache = first.cache

        # Continuations: every label's tokens after every prompt, right-padded, in chunks of
        # queries so that the (rows x width x vocab) logits stay within a memory budget.
        lens = torch.tensor([len(x) for x in self.label_ids])
        cwidth = int(lens.max())
        cont = torch.full((n_labels, cwidth), self.pad_id, dtype=torch.long)
        for k, x in enumerate(self.label_ids):
            cont[k, : len(x)] = torch.tensor(x)
        cont = cont.to(device)
        cont_mask = (torch.arange(cwidth)[None, :] < lens[:, None]).long().to(device)
        vocab = first.logits.shape[-1]
        per_chunk = max(1, int(LOGITS_BUDGET // (4 * vocab * cwidth * n_labels)))
        totals = []
        for q0 in range(0, b, per_chunk):
            rows = torch.arange(q0, min(b, q0 + per_chunk), device=device)
            q = len(rows)
            c = copy.deepcopy(cache) if q < b else cache
            if q < b:
                c.batch_select_indices(rows)
            c.batch_repeat_interleave(n_labels)
            qmask = mask[rows]
            full_mask = torch.cat([qmask.repeat_interleave(n_labels, 0), cont_mask.repeat(q, 1)], dim=1)
            start = qmask.sum(-1).repeat_interleave(n_labels)[:, None]
            cpos = start + torch.arange(cwidth, device=device)[None, :]
            ids_q = cont.repeat(q, 1)
            out = model(input_ids=ids_q, attention_mask=full_mask, position_ids=cpos, cache=c, use_cache=True)
            logits = out.logits.float()
            # Token j+1 of a continuation is predicted at position j; token 0 by the prompt's last position.
            nxt = ids_q[:, 1:]
            picked = logits[:, :-1].gather(-1, nxt[..., None])[..., 0] - torch.logsumexp(
                logits[:, :-1], dim=-1
            )
            step = (picked * cont_mask.repeat(q, 1)[:, 1:]).sum(-1)
            tok0 = first_logp[rows].repeat_interleave(n_labels, 0).gather(-1, ids_q[:, :1])[:, 0]
            totals.append((tok0 + step).view(q, n_labels))
            del out, logits
        return torch.cat(totals).cpu()

    def predict(self, texts: list[str], batch_size: int = 16) -> tuple[list[str], torch.Tensor]:
        """The best label per text and the softmax-over-labels probabilities."""
        scores = self.score(texts, batch_size)
        probs = torch.softmax(scores, dim=-1)
        return [self.labels[i] for i in scores.argmax(-1).tolist()], probs
