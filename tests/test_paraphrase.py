"""Paraphrase mode, end to end against a real OpenAI-compatible server (llama-cpp-python + SmolLM2-135M).

The tiny model paraphrases poorly; these tests check the mechanics (sampling, validation, labels, entity
spans, cache, determinism, errors), not the quality of the rewrites.
"""

import json
import socket
from collections import Counter
from dataclasses import replace

import pytest
from typer.testing import CliRunner

from ecomintent.cli import app
from ecomintent.config import DataConfig
from ecomintent.data import build_dataset, read_split
from ecomintent.errors import UserError
from ecomintent.llm_client import ChatClient, Result
from ecomintent.synth import langcheck
from ecomintent.synth.generator import normalise
from ecomintent.synth.paraphrase import (
    PARA_SUFFIX,
    check_output,
    clean_output,
    paraphrase_dataset,
    pick_rows,
    relocate_entities,
)

KEY_ENV = "ECOMINTENT_TEST_PARAPHRASE_KEY"
SPLITS = ("train", "val", "test")
FILES = [f"{s}.jsonl" for s in SPLITS] + ["stats.json", "README.md", "manifest.json", "taxonomy.yaml"]
ROW_KEYS = ["id", "text", "intent", "language", "entities", "template_id", "split", "noise"]


# --- language check -------------------------------------------------------------------------------

SAMPLES = {
    "en": "Where is my order? I want to know when it will arrive.",
    "de": "Wo ist meine Bestellung? Ich möchte wissen, wann sie ankommt.",
    "fr": "Où est ma commande ? Je voudrais savoir quand elle arrive.",
    "es": "¿Dónde está mi pedido? Quiero saber cuándo llega.",
    "it": "Dov'è il mio ordine? Vorrei sapere quando arriva.",
    "pt": "Onde está o meu pedido? Gostaria de saber quando chega.",
    "pl": "Gdzie jest moje zamówienie? Chciałbym wiedzieć, kiedy dotrze.",
    "hr": "Gdje je moja narudžba? Želim znati kada će stići.",
}


@pytest.mark.parametrize("code", sorted(SAMPLES))
def test_langcheck_detects_each_language(code):
    assert langcheck.detect(SAMPLES[code]) == code
    assert langcheck.matches(SAMPLES[code], code)


def test_langcheck_rejects_a_text_in_another_language():
    assert not langcheck.matches(SAMPLES["en"], "de")
    assert not langcheck.matches(SAMPLES["de"], "en")
    assert not langcheck.matches(SAMPLES["pl"], "hr")
    assert not langcheck.matches(SAMPLES["es"], "it")


def test_langcheck_accepts_what_is_too_short_to_tell():
    for text in ("Nike Air Max 42", "BR74145716", "iPhone 15 schwarz", ""):
        assert langcheck.detect(text) is None
        assert all(langcheck.matches(text, code) for code in SAMPLES)


def test_langcheck_accepts_the_generated_queries(small_dataset):
    out, _, _ = small_dataset
    ok, total = Counter(), Counter()
    for split in SPLITS:
        for r in read_split(out, split):
            total[r["language"]] += 1
            ok[r["language"]] += langcheck.matches(r["text"], r["language"])
    for code, n in total.items():
        assert ok[code] / n >= 0.97, (code, ok[code], n)


# --- validation pieces ----------------------------------------------------------------------------


def test_clean_output_strips_quotes_and_prefixes():
    assert clean_output('"Where is my parcel?"') == "Where is my parcel?"
    assert clean_output("Rewritten message: where's my parcel") == "where's my parcel"
    assert clean_output("Here is the rewritten message:\n\n“Wo bleibt mein Paket?”\n(Note: informal)") == (
        "Wo bleibt mein Paket?"
    )
    assert clean_output("**Paraphrase:** Où est mon colis ?") == "Où est mon colis ?"
    assert clean_output("  \n  ") == ""


def test_relocate_entities_keeps_only_verbatim_values_with_new_spans():
    entities = [
        {"type": "brand", "value": "Nike", "start": 10, "end": 14},
        {"type": "size", "value": "42", "start": 20, "end": 22},
        {"type": "color", "value": "rot", "start": 30, "end": 33},
    ]
    text = "Habt ihr die Nike Schuhe in 420 oder 42?"
    out = relocate_entities(entities, text)
    assert [e["type"] for e in out] == ["brand", "size"]  # "rot" is gone; "42" is not the one inside "420"
    for e in out:
        assert text[e["start"] : e["end"]] == e["value"]
    assert list(out[0]) == ["type", "value", "start", "end"]


def test_check_output_reasons():
    row = {"text": "Where is my order BR123456? I want to know when it arrives.", "language": "en"}
    seen = {normalise("Where is my package?")}

    def reason(text, **kw):
        res = Result(text=text, finish_reason=kw.get("finish", "stop"), error=kw.get("error"))
        return check_output(res, row, clean_output(text), seen)

    assert reason("When will my order BR123456 arrive? I am waiting for it.") is None
    assert reason("", error="500: boom") == "error"
    assert reason("When will my order", finish="length") == "truncated"
    assert reason("When will my order BR123456 arrive? I am waiting.\n\nNote: I", finish="length") is None
    assert reason("...") == "empty"
    assert reason("Order?") == "too_short"
    assert reason("Where is my order? " * 12) == "too_long"
    assert reason("Wo ist meine Bestellung BR123456? Ich möchte wissen, wann sie ankommt.") == "language"
    assert reason("where is my order BR123456 - I want to know when it arrives!!") == "unchanged"
    assert reason("Where is my package?") == "duplicate"


def test_pick_rows_is_seeded_and_never_touches_test():
    data = {s: [{"id": f"{s}{i}"} for i in range(n)] for s, n in (("train", 70), ("val", 10), ("test", 20))}
    a = pick_rows(data, 0.25, seed=3)
    assert a == pick_rows(data, 0.25, seed=3) != pick_rows(data, 0.25, seed=4)
    assert len(a) == 20 and {s for s, _ in a} <= {"train", "val"}
    assert len(pick_rows(data, 1.0, seed=3)) == 80


def test_config_checks_the_paraphrase_settings():
    with pytest.raises(UserError, match="--paraphrase-with"):
        DataConfig(paraphrase_with="localhost:8080")
    with pytest.raises(UserError, match="NAME of the environment variable"):
        DataConfig(paraphrase_with="http://127.0.0.1:1/v1", paraphrase_key_env="sk-abc123 secret")
    with pytest.raises(UserError, match="--paraphrase-share"):
        DataConfig(paraphrase_share=0)
    with pytest.raises(UserError, match="--paraphrase-concurrency"):
        DataConfig(paraphrase_concurrency=0)
    assert DataConfig(paraphrase_key_env="").paraphrase_key_env is None


# --- errors a user can make -------------------------------------------------------------------------


def test_missing_api_key_env_is_one_clear_error(tmp_path, monkeypatch):
    monkeypatch.delenv(KEY_ENV, raising=False)
    r = CliRunner().invoke(
        app,
        ["data", "--out", str(tmp_path / "ds"), "--per-cell", "3", "--languages", "en",
         "--paraphrase-with", "http://127.0.0.1:9/v1", "--paraphrase-key-env", KEY_ENV,
         "--paraphrase-cache", str(tmp_path / "cache")],
    )  # fmt: skip
    assert r.exit_code == 2, r.output
    assert KEY_ENV in r.output and "Traceback" not in r.output
    assert not (tmp_path / "ds").exists()


def test_unreachable_server_is_one_clear_error(tmp_path):
    with socket.socket() as s:  # bound but not listening: connections to it are refused
        s.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{s.getsockname()[1]}/v1"
        client = ChatClient(url, "any", None, tmp_path / "cache", max_retries=1, timeout=5)
        with pytest.raises(UserError, match="cannot reach the chat endpoint") as e:
            client.complete_many([[{"role": "user", "content": "hi"}]] * 3, max_tokens=8)
        assert url in str(e.value) and "start the server" in str(e.value)
        cfg = DataConfig(out=str(tmp_path / "ds"), languages=["en"], per_cell=3, paraphrase_with=url)
        data = {"train": [{"text": "where is my order", "language": "en", "intent": "order_status"}]}
        with pytest.raises(UserError, match="cannot reach"):
            paraphrase_dataset(data, replace(cfg, paraphrase_share=1.0), client=client)


# --- end to end against the real server ------------------------------------------------------------


@pytest.fixture(scope="module")
def runs(llama_server, tmp_path_factory):
    """Four datasets from one seed: without paraphrasing, cold cache, warm cache, warm cache again."""
    base = tmp_path_factory.mktemp("para")
    cfg = DataConfig(
        out=str(base / "plain"),
        languages=["en", "de"],
        per_cell=3,
        seed=5,
        paraphrase_model=llama_server.model,
        paraphrase_key_env=KEY_ENV,
        paraphrase_share=0.1,
        paraphrase_concurrency=2,
        paraphrase_cache=str(base / "cache"),
    )
    out = {"plain": build_dataset(cfg), "base": base, "cfg": cfg}
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(KEY_ENV, llama_server.api_key)
        para = replace(cfg, paraphrase_with=llama_server.base_url)
        for name in ("cold", "warm", "warm2"):
            out[name] = build_dataset(replace(para, out=str(base / name)))
        out["para_cfg"] = para
    return out


def test_paraphrase_keeps_labels_and_leaves_test_alone(runs):
    base = runs["base"]
    accepted = 0
    for split in SPLITS:
        plain = read_split(base / "plain", split)
        para = read_split(base / "cold", split)
        assert [r["id"] for r in para] == [r["id"] for r in plain]
        for p, q in zip(plain, para, strict=True):
            assert list(q) == ROW_KEYS
            assert (q["intent"], q["language"], q["split"]) == (p["intent"], p["language"], p["split"])
            if split == "test":
                assert q == p
            elif q["template_id"].endswith(PARA_SUFFIX):
                accepted += 1
                assert q["template_id"] == p["template_id"] + PARA_SUFFIX
                assert q["text"] != p["text"] and q["noise"] == []
                assert langcheck.matches(q["text"], q["language"])
                assert 0.3 * len(p["text"]) <= len(q["text"]) <= min(3 * len(p["text"]), 300)
                for e in q["entities"]:
                    assert q["text"][e["start"] : e["end"]] == e["value"]
                    assert e["value"] in {x["value"] for x in p["entities"]}
            else:
                assert q == p
    stats = runs["cold"]["paraphrase"]
    n_trainval = runs["plain"]["splits"]["train"] + runs["plain"]["splits"]["val"]
    assert stats["requested"] == round(0.1 * n_trainval)
    assert stats["accepted"] == accepted >= 1
    assert stats["accepted"] + sum(stats["rejected"].values()) == stats["requested"]
    assert stats["live_requests"] == stats["requested"] and stats["cache_hits"] == 0
    assert stats["prompt_tokens"] > 0 and stats["completion_tokens"] > 0
    keys = [normalise(r["text"]) for s in SPLITS for r in read_split(base / "cold", s)]
    assert len(keys) == len(set(keys))


def test_cache_serves_the_second_run_byte_identically(runs):
    base, cold, warm = runs["base"], runs["cold"]["paraphrase"], runs["warm"]["paraphrase"]
    files = [p for p in (base / "cache").rglob("*") if p.is_file()]
    assert len(files) == cold["requested"] and all(p.suffix == ".json" for p in files)
    entry = json.loads(files[0].read_text(encoding="utf-8"))
    assert entry["model"] == "smollm2" and isinstance(entry["text"], str)
    assert warm["cache_hits"] == warm["requested"] == cold["requested"]
    assert warm["live_requests"] == warm["prompt_tokens"] == 0
    assert {k: v for k, v in warm.items() if k not in ("cache_hits", "live_requests", "prompt_tokens", "completion_tokens")} == {
        k: v for k, v in cold.items() if k not in ("cache_hits", "live_requests", "prompt_tokens", "completion_tokens")
    }  # fmt: skip
    for name in ("train.jsonl", "val.jsonl", "test.jsonl"):
        assert (base / "cold" / name).read_bytes() == (base / "warm" / name).read_bytes(), name
    for name in FILES:  # two warm runs: every file byte-identical
        assert (base / "warm" / name).read_bytes() == (base / "warm2" / name).read_bytes(), name


def test_stats_card_and_manifest(runs, llama_server):
    d = runs["base"] / "cold"
    stats = json.loads((d / "stats.json").read_text(encoding="utf-8"))
    assert stats["paraphrase"]["model"] == "smollm2"
    assert "## Paraphrased rows" in (d / "README.md").read_text(encoding="utf-8")
    manifest = json.loads((d / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["settings"]["paraphrase_with"] == llama_server.base_url
    assert manifest["settings"]["paraphrase_key_env"] == KEY_ENV
    for p in d.iterdir():
        assert llama_server.api_key not in p.read_text(encoding="utf-8"), p.name
    assert "## Paraphrased rows" not in (runs["base"] / "plain" / "README.md").read_text(encoding="utf-8")


def test_cli_paraphrase_with_a_warm_cache(runs, llama_server, monkeypatch):
    base, cfg = runs["base"], runs["para_cfg"]
    monkeypatch.setenv(KEY_ENV, llama_server.api_key)
    out = base / "cli"
    r = CliRunner().invoke(
        app,
        ["data", "--out", str(out), "--per-cell", "3", "--languages", "en,de", "--seed", "5",
         "--paraphrase-with", llama_server.base_url, "--paraphrase-model", llama_server.model,
         "--paraphrase-key-env", KEY_ENV, "--paraphrase-share", "0.1",
         "--paraphrase-concurrency", "2", "--paraphrase-cache", cfg.paraphrase_cache],
    )  # fmt: skip
    assert r.exit_code == 0, r.output
    assert "paraphrased" in r.output and f"cache hits {runs['cold']['paraphrase']['requested']}" in r.output
    for name in FILES:
        assert (out / name).read_bytes() == (base / "warm" / name).read_bytes(), name


def test_wrong_api_key_is_one_clear_error(llama_server, tmp_path, monkeypatch):
    monkeypatch.setenv(KEY_ENV, "not-the-key")
    client = ChatClient(llama_server.base_url, llama_server.model, KEY_ENV, tmp_path, max_retries=0)
    with pytest.raises(UserError, match=f"refused the request.*{KEY_ENV}"):
        client.complete([{"role": "user", "content": "hello"}], max_tokens=4)
