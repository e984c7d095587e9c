import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

from ecomintent.backends.hf import HFScorer
from ecomintent.taxonomy import load_taxonomy

TEXTS = ["wo ist mein paket #1234?", "refund", "Chcę zwrócić kurtkę, bo jest za mała i nie pasuje", "hi 😊"]


def brute_force(model, fmt, text, labels):
    """Each label scored by its own full forward pass, no cache, no padding."""
    out = []
    for label in labels:
        prompt = fmt.prompt_ids(text) + fmt.prefix_ids()
        cont = fmt.label_ids(label)
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
