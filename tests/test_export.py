"""`ecomintent export`: GGUF conversion against transformers, quantisation, GPTQ, manifest, bad input."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from ecomintent.errors import UserError

MANIFEST_KEYS = {"stage", "model", "model_sha256", "base", "labels", "prompt_version", "dataset"}
MANIFEST_KEYS |= {"verification", "versions", "artifacts", "ok"}
ARTIFACT_KEYS = {"format", "path", "bytes", "sha256", "export_seconds", "agreement", "accuracy", "status"}
ARTIFACT_KEYS |= {"verify_samples", "verify_seconds"}
GGUF_KEYS = {"tensor_types", "architecture", "tokenizer", "token_agreement"}
GPTQ_KEYS = {"bits", "group_size", "group_size_requested", "group_size_note", "desc_act", "calibration_rows"}
VERSION_KEYS = {"gguf", "llama_cpp_python", "gptqmodel", "transformers", "converter", "quantizer"}


def leftovers(directory):
    """Temporary or partial files an export could leave behind."""
    return sorted(p.name for p in directory.rglob("*") if ".tmp" in p.name or ".source-" in p.name)


@pytest.fixture(scope="module")
def dataset_dir(small_dataset):
    return small_dataset[0]


def sharpened(model_dir, dst):
    """A copy whose attention is peaked (q/k x 8; random init attends almost uniformly), so a wrong
    rotary layout of q/k in the GGUF shows in the logits."""
    from safetensors.torch import load_file, save_file

    shutil.copytree(model_dir, dst)
    weights = load_file(dst / "model.safetensors")
    for name in weights:
        if name.endswith(("q_proj.weight", "k_proj.weight")):
            weights[name] = weights[name] * 8
    save_file(weights, dst / "model.safetensors", metadata={"format": "pt"})
    return dst


@pytest.mark.parametrize("arch", ["llama", "gemma3"])
def test_f16_gguf_logits_match_transformers(tiny_classifiers, tmp_path, arch):
    import llama_cpp
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from ecomintent.backends.base import GGUF_LABELS, GGUF_PROMPT_VERSION, ArtifactInfo
    from ecomintent.export.gguf import convert_f16, llama_logs, read_metadata

    src = sharpened(tiny_classifiers[arch], tmp_path / "src")
    out = tmp_path / "model-f16.gguf"
    facts = convert_f16(src, out)
    assert facts["architecture"] == arch and facts["chat_template"]
    assert leftovers(tmp_path) == []

    meta = read_metadata(out)
    info = ArtifactInfo.from_dir(src)
    assert meta["general.architecture"] == arch
    assert meta[GGUF_LABELS] == info.labels
    assert meta[GGUF_PROMPT_VERSION] == info.prompt_version
    assert meta["tokenizer.ggml.model"] == "gpt2" and meta["tokenizer.ggml.pre"] == "gpt-2"
    assert meta["tokenizer.chat_template"]
    assert meta["ecomintent.add_bos"] is False and meta["tokenizer.ggml.add_bos_token"] is False

    tok = AutoTokenizer.from_pretrained(src)
    text = "Wo ist meine Bestellung 12345? where is my order, gdje je narudžba!!"
    ids = [tok.bos_token_id] + tok(text, add_special_tokens=False)["input_ids"]
    assert len(ids) > 20  # longer than the tiny Gemma 3's sliding window (16): the window matters
    model = AutoModelForCausalLM.from_pretrained(src, dtype=torch.float32)
    with torch.no_grad():
        ref = model(torch.tensor([ids])).logits[0].numpy()
    with llama_logs():
        llm = llama_cpp.Llama(str(out), n_ctx=128, logits_all=True, verbose=False, n_threads=1)
    try:
        # The GGUF's own tokenizer reproduces the HF one (special tokens parsed)
        assert llm.tokenize(text.encode(), add_bos=False, special=True) == ids[1:]
        llm.eval(ids)
        got = np.array(llm.scores[: len(ids)])
    finally:
        llm.close()
    assert np.abs(got - ref).max() < 5e-3, np.abs(got - ref).max()  # F16 weights (wrong q/k layout: > 0.1)
    assert (got.argmax(-1) == ref.argmax(-1)).all()


LLAMA3_TEMPLATE = (
    "{{ bos_token }}{% for m in messages %}<|start_header_id|>{{ m['role'] }}<|end_header_id|>\n\n"
    "{{ m['content'] }}<|eot_id|>{% endfor %}"
    "{% if add_generation_prompt %}<|start_header_id|>assistant<|end_header_id|>\n\n{% endif %}"
)


def tiny_llama3(directory, corpus):
    """A tiny Llama 3.x look-alike: Llama 3's regex pre-tokenizer ("llama-bpe"), llama3 rope
    scaling (a rope_freqs tensor in GGUF), tied embeddings, BOS written by the chat template."""
    import torch
    from tokenizers import Regex, Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import AutoModelForCausalLM, LlamaConfig, PreTrainedTokenizerFast

    from ecomintent.export.gguf import _LLAMA3_REGEX

    specials = [
        "<|begin_of_text|>",
        "<|end_of_text|>",
        "<|start_header_id|>",
        "<|end_header_id|>",
        "<|eot_id|>",
    ]
    tok = Tokenizer(models.BPE(ignore_merges=True))
    tok.pre_tokenizer = pre_tokenizers.Sequence(
        [
            pre_tokenizers.Split(Regex(_LLAMA3_REGEX), behavior="isolated", invert=False),
            pre_tokenizers.ByteLevel(add_prefix_space=False, use_regex=False),
        ]
    )
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=700, special_tokens=specials, initial_alphabet=pre_tokenizers.ByteLevel.alphabet()
    )
    tok.train_from_iterator(corpus, trainer)
    fast = PreTrainedTokenizerFast(tokenizer_object=tok, bos_token=specials[0], eos_token="<|eot_id|>")
    fast.chat_template = LLAMA3_TEMPLATE
    rope = {"rope_type": "llama3", "rope_theta": 500000.0, "factor": 32.0, "low_freq_factor": 1.0}
    rope |= {"high_freq_factor": 4.0, "original_max_position_embeddings": 64}  # all three frequency bands
    cfg = LlamaConfig(
        vocab_size=len(fast), hidden_size=64, intermediate_size=128, num_hidden_layers=2, num_attention_heads=4,
        num_key_value_heads=2, max_position_embeddings=2048, rope_parameters=rope, tie_word_embeddings=True,
        bos_token_id=fast.bos_token_id, eos_token_id=fast.eos_token_id,
    )  # fmt: skip
    torch.manual_seed(0)
    model = AutoModelForCausalLM.from_config(cfg)
    with torch.no_grad():  # peaked attention, so that rope and the q/k layout show in the logits
        for layer in model.model.layers:
            layer.self_attn.q_proj.weight.mul_(8)
            layer.self_attn.k_proj.weight.mul_(8)
    model.save_pretrained(directory)
    fast.save_pretrained(directory)
    return directory


def test_llama3_style_model_converts(small_dataset, tmp_path):
    import llama_cpp
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from ecomintent.backends.base import ArtifactInfo
    from ecomintent.data import read_split
    from ecomintent.export.gguf import convert_f16, llama_logs, read_metadata
    from ecomintent.prompt import PROMPT_VERSION, SYSTEM, PromptFormat

    corpus = [r["text"] for r in read_split(small_dataset[0], "train")]
    src = tiny_llama3(tmp_path / "l3", corpus)
    info = ArtifactInfo(
        ["order_status", "refund_request"], PROMPT_VERSION, SYSTEM, base="meta-llama/Llama-3.2-1B"
    )
    (src / "ecomintent.json").write_text(json.dumps(info.to_dict()))
    out = tmp_path / "l3.gguf"
    convert_f16(src, out)
    meta = read_metadata(out)
    assert meta["tokenizer.ggml.pre"] == "llama-bpe"
    assert "output.weight" not in read_tensor_names(out) and "rope_freqs.weight" in read_tensor_names(out)

    tok = AutoTokenizer.from_pretrained(src)
    fmt = PromptFormat.for_tokenizer(tok)
    text = fmt.prompt_text("Wo ist meine Bestellung 12345?? where's my order, 1999 €") + '{"intent": "'
    ids = fmt.encode(text)
    assert ids[0] == tok.bos_token_id and len(ids) > 40
    model = AutoModelForCausalLM.from_pretrained(src, dtype=torch.float32)
    with torch.no_grad():
        ref = model(torch.tensor([ids])).logits[0].numpy()
    with llama_logs():
        llm = llama_cpp.Llama(str(out), n_ctx=256, logits_all=True, verbose=False, n_threads=1)
    try:
        assert llm.tokenize(text.encode(), add_bos=False, special=True) == ids
        llm.eval(ids)
        got = np.array(llm.scores[: len(ids)])
    finally:
        llm.close()
    assert np.abs(got - ref).max() < 5e-3, np.abs(got - ref).max()


def read_tensor_names(path):
    import gguf

    return {t.name for t in gguf.GGUFReader(str(path)).tensors}


def test_quantise_manifest_and_cli(trained_classifiers, dataset_dir, tmp_path):
    from typer.testing import CliRunner

    from ecomintent.cli import app
    from ecomintent.export.gguf import read_metadata

    out = tmp_path / "export"
    args = [
        "export",
        "--model",
        str(trained_classifiers["llama"]),
        "--out",
        str(out),
        "--data",
        str(dataset_dir),
    ]
    # The model is a trained tiny classifier (conftest.trained_classifiers): its answers have margins
    # that 8-bit noise must not flip. 4-bit may flip one near-tie of 26 (it did in 2026-11 runs).
    args += ["--formats", "gguf-q8_0,gguf-q4_k_m", "--verify-samples", "26", "--min-agreement", "0.9"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    listing = sorted(p.name for p in out.iterdir() if not p.name.startswith("."))
    assert listing == ["export_manifest.json", "model-q4_k_m.gguf", "model-q8_0.gguf"]
    assert leftovers(out) == []  # the F16 source was temporary

    m = json.loads((out / "export_manifest.json").read_text())
    assert set(m) >= MANIFEST_KEYS and m["ok"] is True
    assert set(m["versions"]) >= VERSION_KEYS and m["versions"]["gguf"]
    assert m["verification"]["samples"] == 26 and m["verification"]["reference_accuracy"] is not None
    assert set(m["artifacts"]) == {"gguf-q8_0", "gguf-q4_k_m"}
    for fmt, a in m["artifacts"].items():
        assert set(a) >= ARTIFACT_KEYS | GGUF_KEYS, fmt
        assert a["status"] == "ok" and a["agreement"] >= 0.9 and a["verify_samples"] == 26
        assert a["bytes"] == (out / a["path"]).stat().st_size > 0 and len(a["sha256"]) == 64
        assert a["token_agreement"] == 1.0
    assert m["artifacts"]["gguf-q8_0"]["agreement"] == 1.0
    assert set(m["artifacts"]["gguf-q8_0"]["tensor_types"]) == {"Q8_0", "F32"}
    # hidden 64 is not a multiple of 256: llama.cpp fell back per tensor, and the manifest says so
    q4 = m["artifacts"]["gguf-q4_k_m"]
    assert q4["k_quant_fallbacks"] > 0 and q4["fallback_notes"]
    meta = read_metadata(out / "model-q4_k_m.gguf")
    assert meta["general.file_type"] == 15  # LLAMA_FTYPE_MOSTLY_Q4_K_M
    # our keys survive quantisation
    assert meta["ecomintent.labels"] == m_labels(trained_classifiers["llama"])

    # a second export into the same directory without --force is refused, with one error line
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2 and "--force" in result.output
    # with --force it replaces them, reusing the merged model's answers from the first export
    result = CliRunner().invoke(app, [*args, "--force"])
    assert result.exit_code == 0, result.output
    again = json.loads((out / "export_manifest.json").read_text())
    assert again["verification"]["reference_cached"] is True
    assert again["artifacts"]["gguf-q8_0"]["sha256"] == m["artifacts"]["gguf-q8_0"]["sha256"]  # deterministic


def test_gptq_export_loads_back(trained_classifiers, dataset_dir, tmp_path):
    import torch

    from ecomintent.export import export

    out = tmp_path / "export"
    m = export(  # a trained tiny classifier: 4-bit GPTQ keeps its answers (26 of 26 in 2026-11 runs)
        trained_classifiers["gemma3"], "gptq-4bit", out, data=dataset_dir, verify_samples=26, calib_samples=32,
        min_agreement=0.9,
    )  # fmt: skip
    a = m["artifacts"]["gptq-4bit"]
    assert set(a) >= ARTIFACT_KEYS | GPTQ_KEYS and a["status"] == "ok" and a["agreement"] >= 0.9
    assert a["group_size_requested"] == 128 and a["group_size"] == 64  # tiny widths 64/128
    assert a["bits"] == 4 and a["desc_act"] is False and a["calibration_rows"] == 32
    gdir = out / "gptq"
    for name in (
        "ecomintent.json",
        "tokenizer.json",
        "tokenizer_config.json",
        "config.json",
        "quantize_config.json",
    ):
        assert (gdir / name).is_file(), name
    assert json.loads((gdir / "ecomintent.json").read_text())["labels"] == m_labels(
        trained_classifiers["gemma3"]
    )
    assert leftovers(out) == []

    from gptqmodel import GPTQModel

    model = GPTQModel.load(str(gdir), device="cpu")
    with torch.no_grad():
        logits = model.model(torch.tensor([[1, 5, 9, 12]])).logits
    assert torch.isfinite(logits).all()


def m_labels(model_dir):
    return json.loads((model_dir / "ecomintent.json").read_text())["labels"]


def test_group_size_choice():
    from types import SimpleNamespace

    from ecomintent.export.gptq import choose_group_size

    smollm2 = SimpleNamespace(hidden_size=576, num_attention_heads=9, head_dim=64, intermediate_size=1536)
    gemma3 = SimpleNamespace(hidden_size=640, num_attention_heads=4, head_dim=256, intermediate_size=2048)
    assert choose_group_size(smollm2, 128)[0] == 64
    assert choose_group_size(gemma3, 128)[0] == 128
    assert choose_group_size(smollm2, -1)[0] == -1
    with pytest.raises(UserError):
        choose_group_size(smollm2, 100)


def test_failed_verification_is_moved_aside(tiny_classifiers, dataset_dir, tmp_path, monkeypatch):
    from ecomintent.export import ExportFailed, export, verify

    def wrong(path, model_dir, labels, texts, threads=None):
        return {"predictions": ["complaint"] * len(texts), "token_agreement": 1.0}

    monkeypatch.setattr(verify, "gguf_predict", wrong)
    monkeypatch.setattr(verify, "hf_predict", lambda model_dir, labels, texts: ["order_status"] * len(texts))
    out = tmp_path / "export"
    with pytest.raises(ExportFailed, match="agreement") as e:
        export(tiny_classifiers["llama"], "gguf-q4_0", out, data=dataset_dir, verify_samples=26)
    assert not (out / "model-q4_0.gguf").exists()  # nothing bad where a good file is expected
    assert (out / "rejected" / "model-q4_0.gguf").is_file()
    m = json.loads((out / "export_manifest.json").read_text())
    assert m["ok"] is False and m["artifacts"]["gguf-q4_0"]["status"] == "failed"
    assert m["artifacts"]["gguf-q4_0"]["path"] == "rejected/model-q4_0.gguf"
    assert e.value.manifest == m


def test_bad_inputs_leave_nothing(tiny_classifiers, dataset_dir, tmp_path, monkeypatch):
    import errno
    from types import SimpleNamespace

    import gguf

    from ecomintent.export import export, parse_formats

    src = tiny_classifiers["llama"]

    # no ecomintent.json (the label list)
    bare = tmp_path / "bare"
    shutil.copytree(src, bare)
    (bare / "ecomintent.json").unlink()
    with pytest.raises(UserError, match="ecomintent.json"):
        export(bare, "gguf-f16", tmp_path / "o1", data=dataset_dir)
    assert not (tmp_path / "o1").exists()

    # an architecture the converter does not know
    other = tmp_path / "other"
    shutil.copytree(src, other)
    cfg = json.loads((other / "config.json").read_text())
    cfg["architectures"] = ["MistralForCausalLM"]
    (other / "config.json").write_text(json.dumps(cfg))
    with pytest.raises(UserError, match="LlamaForCausalLM.*Gemma3ForCausalLM"):
        export(other, "gguf-q8_0", tmp_path / "o2", data=dataset_dir)
    assert not (tmp_path / "o2").exists()

    # no tokenizer files
    notok = tmp_path / "notok"
    shutil.copytree(src, notok)
    (notok / "tokenizer.json").unlink()
    with pytest.raises(UserError, match="tokenizer"):
        export(notok, "gguf-f16", tmp_path / "o3", data=dataset_dir)

    # an --out that cannot be created (a file in the way)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(UserError, match="cannot create"):
        export(src, "gguf-f16", blocker / "out", data=dataset_dir)

    # not enough free space: refused before writing
    monkeypatch.setattr(shutil, "disk_usage", lambda p: SimpleNamespace(total=10**9, used=10**9, free=1000))
    with pytest.raises(UserError, match="free"):
        export(src, "gguf-f16", tmp_path / "o4", data=dataset_dir, verify_samples=0)
    assert list((tmp_path / "o4").iterdir()) == []
    monkeypatch.undo()

    # the disk fills up while writing: a clear error and no partial file
    def full(self, *a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(gguf.GGUFWriter, "write_tensors_to_file", full)
    with pytest.raises(UserError, match="disk full"):
        export(src, "gguf-f16,gguf-q8_0", tmp_path / "o5", data=dataset_dir, verify_samples=0)
    assert list((tmp_path / "o5").iterdir()) == []

    with pytest.raises(UserError, match="unknown --formats"):
        parse_formats("gguf-q3_k")
    assert parse_formats("gptq-4bit, gguf-f16") == ["gguf-f16", "gptq-4bit"]


def test_dataset_found_from_train_manifest(tiny_classifiers, dataset_dir, tmp_path):
    from ecomintent.export import find_dataset

    run = tmp_path / "run"
    merged = run / "model" / "merged"
    shutil.copytree(tiny_classifiers["llama"], merged)
    (run / "model" / "train_manifest.json").write_text(json.dumps({"settings": {"data": str(dataset_dir)}}))
    assert find_dataset(merged, None) == dataset_dir
    (run / "model" / "train_manifest.json").write_text(json.dumps({"settings": {"data": "nowhere/dataset"}}))
    assert find_dataset(merged, None) is None
    with pytest.raises(UserError, match="--data"):
        find_dataset(merged, tmp_path / "missing")
