import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

from ecomintent.backends.hf import HFScorer
from ecomintent.taxonomy import load_taxonomy

TEXTS = ["wo ist mein paket #1234?", "refund", "Chcę zwrócić kurtkę, bo jest za mała i nie pasuje", "hi 😊"]


def brute_force(model, fmt, text, labels):
    """Each label scored by its own full forward pass, no cache, no padding, over its answer tokens
    up to where they tell it apart from every other label."""
    out = []
    whole = [fmt.label_ids(label) for label in labels]
    for k in range(len(labels)):
        prompt = fmt.prompt_ids(text)
        cont = [
            t
            for d, t in enumerate(whole[k])
            if any(o[:d] == whole[k][:d] for j, o in enumerate(whole) if j != k)
        ]
        ids = torch.tensor([prompt + cont])
        with torch.no_grad():
            logp = torch.log_softmax(model(input_ids=ids).logits[0].float(), -1)
        out.append(sum(logp[len(prompt) - 1 + j, t].item() for j, t in enumerate(cont)))
    return out


def test_cached_batched_scoring_equals_brute_force(tiny_models):
    labels = load_taxonomy().labels
    for arch, path in tiny_models.items():
        tok = AutoTokenizer.from_pretrained(path)
        model = AutoModelForCausalLM.from_pretrained(path).eval()
        scorer = HFScorer(model, tok, labels)
        batched = scorer.score(TEXTS, batch_size=3)  # uneven batches: left padding is exercised
        for i, text in enumerate(TEXTS):
            expected = torch.tensor(brute_force(model, scorer.fmt, text, labels))
            assert torch.allclose(batched[i], expected, atol=2e-4), (arch, text)


def test_chunked_scoring_equals_one_pass(tiny_models, monkeypatch):
    import ecomintent.backends.hf as hf

    tok = AutoTokenizer.from_pretrained(tiny_models["llama"])
    model = AutoModelForCausalLM.from_pretrained(tiny_models["llama"]).eval()
    labels = load_taxonomy().labels
    whole = HFScorer(model, tok, labels).score(TEXTS)
    monkeypatch.setattr(hf, "LOGITS_BUDGET", 1)  # one query per continuation pass
    chunked = HFScorer(model, tok, labels).score(TEXTS)
    assert torch.allclose(whole, chunked, atol=1e-5)


def test_predict_gives_labels_and_probabilities(tiny_models):
    tok = AutoTokenizer.from_pretrained(tiny_models["gemma3"])
    model = AutoModelForCausalLM.from_pretrained(tiny_models["gemma3"]).eval()
    labels = load_taxonomy().labels
    pred, probs = HFScorer(model, tok, labels).predict(TEXTS)
    assert all(p in labels for p in pred)
    assert torch.allclose(probs.sum(-1), torch.ones(len(TEXTS)), atol=1e-5)


def test_pruned_scoring_keeps_the_answer_and_the_scored_labels_exact(tiny_models):
    """Pruned trie passes (per-row node subsets, padded) give the exact scores of the labels they
    score, the exact best label, and a confidence within the tolerance."""
    labels = load_taxonomy().labels
    for arch, path in tiny_models.items():
        tok = AutoTokenizer.from_pretrained(path)
        model = AutoModelForCausalLM.from_pretrained(path).eval()
        scorer = HFScorer(model, tok, labels)
        prompts = [scorer.fmt.prompt_ids(t) for t in TEXTS]
        exact = scorer.score_ids(prompts, batch_size=3)
        for tol in (0.05, 0.5):
            pruned = scorer.score_ids(prompts, batch_size=3, prune=tol)
            for i in range(len(TEXTS)):
                kept = torch.isfinite(pruned[i])
                assert int(pruned[i].argmax()) == int(exact[i].argmax()), (arch, tol, i)
                assert torch.allclose(pruned[i][kept], exact[i][kept], atol=2e-4), (arch, tol, i)
                p_exact = torch.softmax(exact[i].double(), -1).max()
                p_kept = torch.softmax(pruned[i][kept].double(), -1).max()
                assert p_kept - p_exact <= tol + 1e-9


def test_prune_rounds_stop_when_the_rest_cannot_matter():
    from ecomintent.backends.base import prune_first_round, prune_next_round

    mass = {"a": 0.6, "b": 0.3, "c": 0.05, "d": 0.04, "e": 0.01}
    order = ["a", "b", "c", "d", "e"]
    assert prune_first_round(order, mass, 0.0) == order
    # After a and b (0.9 taken) the rest holds 0.10 > 0.1 * 0.9; after c (0.95) it holds 0.05 <= 0.095.
    assert prune_first_round(order, mass, 0.1) == ["a", "b", "c"]
    assert prune_first_round(order, mass, 0.5) == ["a", "b"]
    # The scored labels hold z = 0.5 and the best has p = 0.4: d (0.04) and e (0.01) cannot beat it,
    # and 0.05 <= 0.2 * 0.5, so nothing more is needed; with a tighter tolerance d is scored.
    assert prune_next_round(["d", "e"], mass, 0.2, z=0.5, best=0.4) == []
    assert prune_next_round(["d", "e"], mass, 0.05, z=0.5, best=0.4) == ["d"]
    # A group whose mass could beat the best label is always scored.
    assert prune_next_round(["d", "e"], mass, 0.9, z=0.5, best=0.02) == ["d"]
