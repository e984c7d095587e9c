import json
import signal

import pytest
import torch
from transformers import AutoModelForCausalLM, AutoTokenizer, TrainerCallback

from ecomintent.backends.hf import HFScorer
from ecomintent.errors import UserError
from ecomintent.prompt import PROMPT_VERSION
from ecomintent.train import TrainConfig, TrainingInterrupted, train

# Golden value: the training loss of the tiny Llama after 4 LoRA steps on seed 7 (recorded from a run
# of this code; a change to the prompt, the data or the loop shows up here).
GOLDEN_LORA_LOSS = 6.3894


def cfg_for(tiny_models, small_dataset, tmp_path, arch="llama", **kw):
    base = dict(
        data=str(small_dataset[0]),
        out=str(tmp_path / "model"),
        base=str(tiny_models[arch]),
        method="lora",
        max_steps=4,
        eval_every=2,
        eval_samples=16,
        batch_size=8,
        max_train_samples=64,
        learning_rate=1e-3,
        lora_r=4,
        lora_alpha=8,
        bf16="no",
        threads=2,
    )
    base.update(kw)
    return TrainConfig(**base)


@pytest.mark.parametrize("arch", ["llama", "gemma3"])
def test_lora_trains_and_merges_exactly(tiny_models, small_dataset, tmp_path, arch):
    cfg = cfg_for(tiny_models, small_dataset, tmp_path, arch)
    m = train(cfg)
    out = tmp_path / "model"
    assert m["steps"] == 4 and 0 <= m["val_accuracy"] <= 1 and m["train_loss"] > 0
    for key in (
        "base_sha256",
        "dataset_sha256",
        "settings",
        "wall_seconds",
        "peak_rss_mb",
        "best_eval_label_accuracy",
    ):
        assert m[key] is not None, key
    assert json.loads((out / "train_manifest.json").read_text()) == m
    info = json.loads((out / "merged" / "ecomintent.json").read_text())
    assert info["labels"][-1] == "out_of_scope" and info["prompt_version"] == PROMPT_VERSION
    assert (out / "adapter" / "adapter_config.json").is_file()
    lines = [json.loads(x) for x in (out / "metrics.jsonl").read_text().splitlines()]
    assert any("eval_label_accuracy" in x for x in lines) and any("loss" in x for x in lines)

    # The merged model predicts what base + adapter predicts.
    from peft import PeftModel

    tok = AutoTokenizer.from_pretrained(out / "merged")
    labels = info["labels"]
    merged = AutoModelForCausalLM.from_pretrained(out / "merged").eval()
    base = AutoModelForCausalLM.from_pretrained(tiny_models[arch])
    adapted = PeftModel.from_pretrained(base, out / "adapter").eval()
    texts = ["wo ist mein paket", "refund please", "zła kurtka", "what's the weather"]
    a = HFScorer(merged, tok, labels).score(texts)
    b = HFScorer(adapted, tok, labels).score(texts)
    assert torch.equal(a.argmax(-1), b.argmax(-1))
    assert torch.allclose(a, b, atol=1e-3)


@pytest.mark.parametrize("arch", ["llama", "gemma3"])
def test_keep_layers_trains_and_saves_a_shallower_model(tiny_models, small_dataset, tmp_path, arch):
    """keep_layers cuts the base to its first layers: the merged model has that many layers in its
    weights and its config, reloads as such, and predicts what the cut base + adapter predicts."""
    from peft import PeftModel

    from ecomintent.train import keep_first_layers

    cfg = cfg_for(tiny_models, small_dataset, tmp_path, arch, keep_layers=1)
    m = train(cfg)
    assert m["settings"]["keep_layers"] == 1
    out = tmp_path / "model"
    config = json.loads((out / "merged" / "config.json").read_text())
    assert config["num_hidden_layers"] == 1
    if "layer_types" in config:
        assert len(config["layer_types"]) == 1
    merged = AutoModelForCausalLM.from_pretrained(out / "merged").eval()
    assert len(merged.get_decoder().layers) == 1
    assert not any(".layers.1." in k for k in merged.state_dict())

    base = AutoModelForCausalLM.from_pretrained(tiny_models[arch])
    tok = AutoTokenizer.from_pretrained(out / "merged")
    labels = json.loads((out / "merged" / "ecomintent.json").read_text())["labels"]
    texts = ["wo ist mein paket", "refund please", "zła kurtka"]
    full_logits = HFScorer(base.eval(), tok, labels).score(texts)
    keep_first_layers(base, 1)
    adapted = PeftModel.from_pretrained(base, out / "adapter").eval()
    a = HFScorer(merged, tok, labels).score(texts)
    b = HFScorer(adapted, tok, labels).score(texts)
    assert torch.allclose(a, b, atol=1e-3)
    assert not torch.allclose(a, full_logits, atol=1e-3)  # the cut model is another model

    with pytest.raises(UserError, match="has 2 layers"):
        train(cfg_for(tiny_models, small_dataset, tmp_path / "x", arch, keep_layers=3))
    with pytest.raises(UserError, match="keep_layers"):
        cfg_for(tiny_models, small_dataset, tmp_path, arch, keep_layers=0)


def test_lora_loss_matches_recorded_value(tiny_models, small_dataset, tmp_path):
    m = train(cfg_for(tiny_models, small_dataset, tmp_path))
    assert GOLDEN_LORA_LOSS is not None, m["train_loss"]
    assert m["train_loss"] == pytest.approx(GOLDEN_LORA_LOSS, abs=2e-3)


def test_qlora_trains_on_cpu(tiny_models, small_dataset, tmp_path):
    m = train(cfg_for(tiny_models, small_dataset, tmp_path, method="qlora", max_steps=2))
    assert m["steps"] == 2 and m["settings"]["method"] == "qlora"
    merged = AutoModelForCausalLM.from_pretrained(tmp_path / "model" / "merged")
    assert getattr(merged.config, "quantization_config", None) is None  # merged in full precision


def test_qlora_keeps_a_16bit_embedding_in_16_bits(tiny_models, tmp_path, arch="llama"):
    # As on a GPU: 4-bit linears, the rest loaded in bf16. peft's preparation upcasts the norms to
    # fp32, and the frozen embedding (the largest weight of a small model) goes back to bf16. (The
    # tiny Gemma 3's widths are below bitsandbytes' CPU block size, so the tiny Llama stands in.)
    from transformers import BitsAndBytesConfig

    from ecomintent.train import build_peft

    q = BitsAndBytesConfig(
        load_in_4bit=True, bnb_4bit_quant_type="nf4", bnb_4bit_compute_dtype=torch.bfloat16
    )
    model = AutoModelForCausalLM.from_pretrained(
        tiny_models[arch], dtype=torch.bfloat16, quantization_config=q, device_map={"": "cpu"}
    )
    cfg = cfg_for(tiny_models, (tmp_path, None), tmp_path, arch, method="qlora")
    peft_model = build_peft(cfg, model)
    emb = peft_model.get_input_embeddings()
    assert emb.weight.dtype == torch.bfloat16 and not emb.weight.requires_grad
    norms = [p for n, p in peft_model.named_parameters() if "norm" in n]
    assert norms and all(p.dtype == torch.float32 for p in norms)
    ids = torch.tensor([[5, 6, 7, 8]])
    with torch.autocast("cpu", dtype=torch.bfloat16):
        loss = peft_model(input_ids=ids, labels=ids).loss
    loss.backward()
    grads = [p.grad for n, p in peft_model.named_parameters() if "lora_" in n]
    assert grads and all(g is not None and torch.isfinite(g).all() for g in grads)


def test_resume_continues_from_the_checkpoint(tiny_models, small_dataset, tmp_path):
    train(cfg_for(tiny_models, small_dataset, tmp_path, max_steps=2))
    with pytest.raises(UserError, match="--resume"):
        train(cfg_for(tiny_models, small_dataset, tmp_path, max_steps=4))
    m = train(cfg_for(tiny_models, small_dataset, tmp_path, max_steps=4), resume=True)
    assert m["resumed_from_step"] == 2 and m["steps"] == 4


def test_ctrl_c_leaves_a_checkpoint_to_resume_from(tiny_models, small_dataset, tmp_path):
    class CtrlC(TrainerCallback):
        def on_step_begin(self, args, state, control, **kw):
            if state.global_step == 2:  # during step 3, as a user's Ctrl-C would come
                signal.raise_signal(signal.SIGINT)

    cfg = cfg_for(tiny_models, small_dataset, tmp_path, max_steps=6, eval_every=4)
    with pytest.raises(TrainingInterrupted) as e:
        train(cfg, callbacks=[CtrlC()])
    assert e.value.step == 3
    out = tmp_path / "model"
    assert (out / "checkpoints" / "checkpoint-3").is_dir()
    assert not (out / "merged").exists() and not (out / "train_manifest.json").exists()
    m = train(cfg, resume=True)
    assert m["resumed_from_step"] == 3 and m["steps"] == 6


def write_rows(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def test_bad_datasets_are_clear_errors(tiny_models, small_dataset, tmp_path):
    import shutil

    src = small_dataset[0]
    bad = tmp_path / "bad"
    shutil.copytree(src, bad)
    write_rows(bad / "train.jsonl", [{"text": "hi", "intent": "teleport_me"}])
    with pytest.raises(UserError, match="labels missing from the taxonomy: teleport_me"):
        train(cfg_for(tiny_models, small_dataset, tmp_path, data=str(bad)))
    write_rows(bad / "train.jsonl", [{"query": "hi", "label": "order_status"}])
    with pytest.raises(UserError, match="needs a 'text' and an 'intent'"):
        train(cfg_for(tiny_models, small_dataset, tmp_path, data=str(bad)))
    (bad / "val.jsonl").write_text("")
    write_rows(bad / "train.jsonl", [{"text": "hi", "intent": "order_status"}])
    with pytest.raises(UserError, match="val.jsonl is empty"):
        train(cfg_for(tiny_models, small_dataset, tmp_path, data=str(bad)))
    with pytest.raises(UserError, match="does not exist"):
        train(cfg_for(tiny_models, small_dataset, tmp_path, data=str(tmp_path / "nowhere")))


def test_bad_base_models_and_outputs(tiny_models, small_dataset, tmp_path, monkeypatch):
    with pytest.raises(UserError, match="unknown base model 'gpt5'"):
        train(cfg_for(tiny_models, small_dataset, tmp_path, base="gpt5"))
    with pytest.raises(UserError, match="does not exist"):
        train(cfg_for(tiny_models, small_dataset, tmp_path, base="./no/such/model"))
    import ecomintent.models as models

    monkeypatch.setattr(models, "available_memory", lambda: 10_000_000)
    with pytest.raises(UserError, match="GB of RAM but"):
        train(cfg_for(tiny_models, small_dataset, tmp_path))
    monkeypatch.undo()
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(UserError, match="choose another --out"):
        train(cfg_for(tiny_models, small_dataset, tmp_path, out=str(blocker / "m")))
    with pytest.raises(UserError, match="--method"):
        cfg_for(tiny_models, small_dataset, tmp_path, method="full")


@pytest.mark.parametrize("arch", ["llama", "gemma3"])
def test_shared_head_gives_the_loss_and_gradients_of_whole_rows(tiny_models, arch):
    """Training runs the prompt's fixed head once per batch; loss and LoRA gradients must equal those
    of running every row whole (the tiny Gemma 3 slides a 16-token window over longer rows)."""
    from peft import LoraConfig, get_peft_model

    from ecomintent.prompt import PromptFormat
    from ecomintent.train import _collate, _Examples, answer_loss

    torch.manual_seed(0)
    tok = AutoTokenizer.from_pretrained(tiny_models[arch])
    model = AutoModelForCausalLM.from_pretrained(tiny_models[arch]).eval()
    lora = LoraConfig(
        r=4, lora_alpha=8, target_modules=["q_proj", "v_proj", "down_proj"], init_lora_weights=False
    )
    model = get_peft_model(model, lora)
    fmt = PromptFormat.for_tokenizer(tok)
    rows = [
        {"text": "wo ist mein paket", "intent": "order_status"},
        {"text": "refund", "intent": "refund_request"},
        {
            "text": "Chcę zwrócić kurtkę, bo jest za mała i nie pasuje, a paragon zgubiłam " * 2,
            "intent": "return_item",
        },
        {"text": "what's the weather like in Zagreb tomorrow?", "intent": "out_of_scope"},
    ]
    items = _Examples(fmt, rows).items
    head = fmt.head_ids()
    assert len(head) > 3
    shared = _collate(tok.pad_token_id, head)(items)
    whole = _collate(tok.pad_token_id)(items)
    assert "head_ids" in shared and "head_ids" not in whole
    assert shared["input_ids"].shape[1] == whole["input_ids"].shape[1] - len(head)
    assert whole["input_ids"].shape[1] > 2 * 16  # longer than the sliding window
    results = []
    for batch in (shared, whole):
        model.zero_grad()
        loss, _ = answer_loss(model, batch)
        loss.backward()
        grads = {n: p.grad.clone() for n, p in model.named_parameters() if p.requires_grad}
        results.append((loss.item(), grads))
    (l1, g1), (l2, g2) = results
    assert l1 == pytest.approx(l2, rel=1e-5)
    assert g1.keys() == g2.keys() and len(g1) > 0
    for name in g1:
        assert torch.allclose(g1[name], g2[name], rtol=1e-4, atol=1e-6), name
    # A batch with a row that does not start with the head is laid out whole.
    odd = _collate(tok.pad_token_id, head)(items[:1] + [{"input_ids": [5, 6, 7], "labels": [-100, 6, 7]}])
    assert "head_ids" not in odd and odd["input_ids"].shape[1] == len(items[0]["input_ids"])


def loss_by_hand(logits, labels, vocab) -> float:
    """Mean cross-entropy of the answer tokens (labels != -100) against the columns of `logits` that
    are `vocab`'s tokens."""
    col_of = {int(t): i for i, t in enumerate(vocab.ids)}
    losses = []
    for r in range(labels.shape[0]):
        for i in range(labels.shape[1]):
            t = int(labels[r, i])
            if t != -100:
                assert t in col_of  # every answer token is in the subset
                row = logits[r, i, vocab.ids]
                losses.append(torch.nn.functional.cross_entropy(row[None], torch.tensor([col_of[t]])).item())
    return sum(losses) / len(losses)


@pytest.mark.parametrize("arch", ["llama", "gemma3"])
def test_loss_vocab_is_the_softmax_over_its_tokens(tiny_models, arch):
    """loss_vocab: data computes the answer loss over some output tokens alone, in all rows but
    `full_rows`: with every token, or with every row in full, it is the full loss (and gradients);
    with a subset it is the cross-entropy of the full logits' columns of those tokens, with or without
    the shared head."""
    from peft import LoraConfig, get_peft_model

    from ecomintent.prompt import PromptFormat
    from ecomintent.train import LossVocab, _collate, _Examples, answer_loss

    torch.manual_seed(0)
    tok = AutoTokenizer.from_pretrained(tiny_models[arch])
    model = AutoModelForCausalLM.from_pretrained(tiny_models[arch]).eval()
    lora = LoraConfig(r=4, lora_alpha=8, target_modules=["q_proj", "v_proj"], init_lora_weights=False)
    model = get_peft_model(model, lora)
    fmt = PromptFormat.for_tokenizer(tok)
    rows = [
        {"text": "wo ist mein paket", "intent": "order_status"},
        {"text": "zwrot pieniędzy za buty", "intent": "refund_request"},
        {"text": "what's the weather like in Zagreb tomorrow?", "intent": "out_of_scope"},
    ]
    items = _Examples(fmt, rows).items
    n_vocab = model.get_output_embeddings().weight.shape[0]
    used = [t for x in items for t in x["input_ids"]]
    subset = LossVocab(used, n_vocab, full_rows=0)
    assert 0 < len(subset) < n_vocab
    every = LossVocab(range(n_vocab), n_vocab, full_rows=0)
    all_rows_in_full = LossVocab(used, n_vocab, full_rows=len(items))

    def loss_and_grads(batch, vocab):
        model.zero_grad()
        loss, _ = answer_loss(model, batch, vocab=vocab)
        loss.backward()
        return loss.item(), {n: p.grad.clone() for n, p in model.named_parameters() if p.requires_grad}

    for head in (fmt.head_ids(), None):
        batch = _collate(tok.pad_token_id, head)(items)
        assert ("head_ids" in batch) == (head is not None)
        full, g_full = loss_and_grads(batch, None)
        for same in (every, all_rows_in_full):  # every token, or every row against the whole vocabulary
            loss, grads = loss_and_grads(batch, same)
            assert loss == pytest.approx(full, rel=1e-5)
            for name in g_full:
                assert torch.allclose(grads[name], g_full[name], rtol=1e-4, atol=1e-6), name
        # By hand, from the full logits of whole rows (the shared head changes nothing): the answer
        # tokens against the subset's columns.
        whole = _collate(tok.pad_token_id)(items)
        labels = whole["labels"]
        with torch.no_grad():
            logits = model(
                input_ids=whole["input_ids"],
                position_ids=whole["position_ids"],
                attention_mask=whole["attention_mask"],
            ).logits[:, -labels.shape[1] - 1 : -1]
            got, _ = answer_loss(model, batch, vocab=subset)
            one_in_full, _ = answer_loss(model, batch, vocab=LossVocab(used, n_vocab, full_rows=1))
        assert got.item() == pytest.approx(loss_by_hand(logits, labels, subset), rel=1e-4)
        # a softmax over fewer tokens, in every row or in all rows but one
        assert got.item() < one_in_full.item() < full


def test_loss_vocab_data_trains_and_evaluates_over_the_whole_vocabulary(tiny_models, small_dataset, tmp_path):
    cfg = cfg_for(tiny_models, small_dataset, tmp_path, loss_vocab="data")
    m = train(cfg)
    merged = AutoModelForCausalLM.from_pretrained(m["outputs"]["merged"])
    n_vocab = merged.get_output_embeddings().weight.shape[0]
    assert 0 < m["loss_vocab_tokens"] < n_vocab
    assert m["steps"] == 4 and 0 <= m["val_accuracy"] <= 1
    evals = [json.loads(line) for line in (tmp_path / "model" / "metrics.jsonl").read_text().splitlines()]
    assert any("eval_label_accuracy" in e for e in evals)
    with pytest.raises(UserError, match="loss_vocab"):
        cfg_for(tiny_models, small_dataset, tmp_path, loss_vocab="labels")


def test_bf16_on_cpu_trains_on_bf16_weights_and_merges_in_fp32(tiny_models, small_dataset, tmp_path):
    """bf16 on a CPU keeps the frozen linear weights in bf16 (no cast per step) and merges the adapter
    into the fp32 base: the merged model is fp32 and predicts what fp32 base + adapter predicts."""
    from peft import PeftModel

    from ecomintent.train import frozen_linears_to_bf16

    model = AutoModelForCausalLM.from_pretrained(tiny_models["gemma3"])
    n = frozen_linears_to_bf16(model)
    assert n == 2 * 7 + 1  # q, k, v, o, gate, up, down in each of 2 layers, and the output projection
    assert model.get_output_embeddings().weight.dtype == torch.bfloat16
    assert model.get_input_embeddings().weight.dtype == torch.float32

    m = train(cfg_for(tiny_models, small_dataset, tmp_path, "gemma3", bf16="yes", max_steps=2))
    assert m["bf16"] is True and m["steps"] == 2
    out = tmp_path / "model"
    merged = AutoModelForCausalLM.from_pretrained(out / "merged").eval()
    assert all(p.dtype == torch.float32 for p in merged.parameters())
    base = AutoModelForCausalLM.from_pretrained(tiny_models["gemma3"])
    adapted = PeftModel.from_pretrained(base, out / "adapter").eval()
    tok = AutoTokenizer.from_pretrained(out / "merged")
    labels = json.loads((out / "merged" / "ecomintent.json").read_text())["labels"]
    texts = ["wo ist mein paket", "refund please", "zła kurtka"]
    a = HFScorer(merged, tok, labels).score(texts)
    b = HFScorer(adapted, tok, labels).score(texts)
    assert torch.allclose(a, b, atol=1e-4)
