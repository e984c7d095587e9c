"""The OpenAI-compatible chat client against a real local server (llama-cpp-python + SmolLM2-135M)."""

import json

import pytest

from ecomintent.errors import UserError
from ecomintent.llm_client import ChatClient, cache_key, redact_url

KEY_ENV = "ECOMINTENT_TEST_CLIENT_KEY"


def convo(text):
    return [{"role": "user", "content": text}]


def test_cache_key_depends_on_content_not_url():
    a = cache_key("m", convo("hi"), {"temperature": 0.0, "max_tokens": 8})
    assert a == cache_key("m", convo("hi"), {"max_tokens": 8, "temperature": 0.0})
    assert a != cache_key("m2", convo("hi"), {"temperature": 0.0, "max_tokens": 8})
    assert a != cache_key("m", convo("hi!"), {"temperature": 0.0, "max_tokens": 8})
    assert a != cache_key("m", convo("hi"), {"temperature": 0.5, "max_tokens": 8})


def test_redact_url_drops_credentials_and_query():
    assert redact_url("https://user:pw@api.example.com:8443/v1?key=sk-1") == "https://api.example.com:8443/v1"
    assert redact_url("http://127.0.0.1:8080/v1") == "http://127.0.0.1:8080/v1"


def test_missing_key_env_names_the_variable(monkeypatch, tmp_path):
    monkeypatch.delenv(KEY_ENV, raising=False)
    with pytest.raises(UserError, match=f"{KEY_ENV} .* is not set; export {KEY_ENV}="):
        ChatClient("http://127.0.0.1:9/v1", "m", KEY_ENV, tmp_path)


def test_batch_concurrency_usage_and_cache(llama_server, tmp_path, monkeypatch):
    monkeypatch.setenv(KEY_ENV, llama_server.api_key)
    cache = tmp_path / "cache"
    params = {"temperature": 0.0, "max_tokens": 12, "seed": 1}
    batch = [convo("Say hello."), convo("Name a colour."), convo("Say hello."), convo("Count to three.")]
    client = ChatClient(llama_server.base_url, llama_server.model, KEY_ENV, cache, concurrency=2)
    seen = []
    results = client.complete_many(batch, progress=lambda k, n: seen.append((k, n)), **params)
    assert len(results) == 4 and all(r.error is None and isinstance(r.text, str) for r in results)
    assert results[0] is results[2]  # identical requests in one batch are sent once
    assert client.usage.requests == 3 and client.usage.cache_hits == 0 and client.usage.errors == 0
    assert client.usage.prompt_tokens > 0 and client.usage.completion_tokens > 0
    assert seen[-1] == (4, 4)
    files = sorted(p for p in cache.rglob("*") if p.is_file())
    assert len(files) == 3 and all(p.suffix == ".json" and not p.name.startswith(".") for p in files)
    assert all(json.loads(p.read_text(encoding="utf-8"))["params"] == params for p in files)

    # Another client on another spelling of the URL: every answer comes from the cache.
    other_url = llama_server.base_url.replace("127.0.0.1", "localhost")
    again = ChatClient(other_url, llama_server.model, KEY_ENV, cache, concurrency=2)
    cached = again.complete_many(batch, **params)
    assert [r.text for r in cached] == [r.text for r in results] and all(r.cached for r in cached)
    assert again.usage.cache_hits == 4 and again.usage.requests == 0 and again.usage.prompt_tokens == 0


def test_bad_request_is_a_per_item_error(llama_server, tmp_path, monkeypatch):
    monkeypatch.setenv(KEY_ENV, llama_server.api_key)
    client = ChatClient(llama_server.base_url, llama_server.model, KEY_ENV, tmp_path, max_retries=0)
    too_long = convo("word " * 6000)  # beyond the server's 2048-token context
    res = client.complete_many([too_long], max_tokens=4)[0]
    assert res.text is None and res.error and client.usage.errors == 1
    assert not any(p.is_file() for p in tmp_path.rglob("*"))  # failures are not cached
