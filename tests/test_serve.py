"""The HTTP intent service, started for real on a free loopback port.

Most tests serve a small deterministic fake classifier (uvicorn in a thread, so the test can see
what the model was asked); the CLI tests start `ecomintent serve` in a subprocess on the tiny HF
classifier artifact, and on broken model files.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace

import httpx2 as httpx
import pytest

from ecomintent.backends.base import ArtifactInfo, Prediction
from ecomintent.serve import ServeSettings, bind_socket, create_app

from .conftest import free_port, smollm2_gguf

LABELS = [
    "order_status",
    "cancel_order",
    "return_item",
    "payment_methods",
    "delivery_options",
    "out_of_scope",
]
KEYWORDS = {
    "order": "order_status",
    "bestellung": "order_status",
    "cancel": "cancel_order",
    "stornieren": "cancel_order",
    "return": "return_item",
    "retourner": "return_item",
    "pay": "payment_methods",
    "pagar": "payment_methods",
    "delivery": "delivery_options",
    "spedizione": "delivery_options",
}


def expected_intent(text: str) -> str:
    t = text.lower()
    for k, label in KEYWORDS.items():
        if k in t:
            return label
    return LABELS[int(hashlib.sha256(text.encode()).hexdigest(), 16) % len(LABELS)]


class FakeClassifier:
    """Deterministic: the intent follows keywords (else a hash of the text). Records every batch."""

    mode = "score"

    def __init__(self, delay: float = 0.0, fail_on: str | None = None):
        self.info = ArtifactInfo(
            labels=list(LABELS),
            prompt_version="1",
            system_prompt="",
            out_of_scope_label="out_of_scope",
            descriptions={lb: f"about {lb.replace('_', ' ')}" for lb in LABELS},
        )
        self.name = "fake-q4.gguf"
        self.delay = delay
        self.fail_on = fail_on
        self.batches: list[list[str]] = []
        self.threads: set[int] = set()
        self.started = threading.Event()  # set when a batch starts (for in-flight tests)
        self.closed = False

    def classify(self, texts: list[str], top_k: int = 3) -> list[Prediction]:
        self.threads.add(threading.get_ident())
        self.batches.append(list(texts))
        self.started.set()
        if self.delay:
            time.sleep(self.delay)
        if self.fail_on is not None and self.fail_on in texts:
            raise RuntimeError("the fake model broke")
        out = []
        for t in texts:
            top = expected_intent(t)
            rest = [lb for lb in LABELS if lb != top]
            probs = [(top, 0.75)] + [(lb, 0.25 / len(rest)) for lb in rest]
            out.append(Prediction(top, 0.75, probs[:top_k], latency_ms=1.0))
        return out

    def close(self) -> None:
        self.closed = True


@contextlib.contextmanager
def running(app, graceful_s: int = 10):
    """uvicorn serving `app` in a thread on a free loopback port; stopped (gracefully) at exit."""
    import uvicorn

    sock = bind_socket("127.0.0.1", 0)
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        app, lifespan="on", log_level="warning", access_log=False, timeout_graceful_shutdown=graceful_s
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.02)
    try:
        yield SimpleNamespace(url=f"http://127.0.0.1:{port}", server=server, thread=thread, port=port)
    finally:
        server.should_exit = True
        thread.join(30)
        sock.close()


@pytest.fixture
def fake():
    return FakeClassifier()


@pytest.fixture
def served(fake):
    settings = ServeSettings(max_texts=8, max_chars=100, max_body_bytes=4096, max_batch=4, max_wait_ms=20)
    with running(create_app(fake, settings)) as srv, httpx.Client(base_url=srv.url, timeout=30) as client:
        srv.client = client
        srv.fake = fake
        yield srv


def err(r) -> dict:
    body = r.json()
    assert set(body) == {"error"}, body
    return body["error"]


# --- answers ---------------------------------------------------------------------------------------


def test_single_text(served):
    r = served.client.post("/v1/intent", json={"text": "where is my order?"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["model"] == "fake-q4.gguf"
    [res] = body["results"]
    assert res["intent"] == "order_status" and res["confidence"] == 0.75
    assert [a["intent"] for a in res["alternatives"]][0] == "order_status"
    assert len(res["alternatives"]) == 3  # the default top_k
    assert res["truncated"] is False and res["valid"] is True


def test_batch_in_order_with_top_k(served):
    texts = ["please cancel it", "wo ist meine Bestellung", "comment retourner", "zzz 1", "podemos pagar?"]
    r = served.client.post("/v1/intent", json={"texts": texts, "top_k": 1})
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert [x["intent"] for x in results] == [expected_intent(t) for t in texts]
    assert all(len(x["alternatives"]) == 1 for x in results)
    # max_batch 4: five texts of one request go to the model as 4 + 1
    assert max(len(b) for b in served.fake.batches) <= 4


def test_labels_health_ready_openapi_and_page(served):
    c = served.client
    d = c.get("/v1/intents").json()
    assert [x["intent"] for x in d["labels"]] == LABELS
    assert d["labels"][0]["description"] == "about order status"
    assert d["out_of_scope_label"] == "out_of_scope" and d["model"] == "fake-q4.gguf"
    assert c.get("/healthz").json()["status"] == "ok"
    assert c.get("/readyz").json() == {"status": "ready", "model": "fake-q4.gguf"}
    doc = c.get("/openapi.json").json()
    assert {"/v1/intent", "/v1/intents", "/healthz", "/readyz", "/metrics"} <= set(doc["paths"])
    post = doc["paths"]["/v1/intent"]["post"]
    assert {"401", "413", "422", "504"} <= set(post["responses"])
    page = c.get("/")
    assert page.status_code == 200 and "ecomintent playground" in page.text
    assert page.headers["content-type"].startswith("text/html")


def test_concurrent_requests_share_model_batches_on_one_thread():
    fake = FakeClassifier(delay=0.05)
    settings = ServeSettings(max_batch=8, max_wait_ms=30)
    with running(create_app(fake, settings)) as srv:

        def one(i):
            with httpx.Client(base_url=srv.url, timeout=30) as c:
                return c.post("/v1/intent", json={"text": f"order number {i}"})

        with ThreadPoolExecutor(24) as pool:
            responses = list(pool.map(one, range(24)))
    assert all(r.status_code == 200 for r in responses)
    assert all(r.json()["results"][0]["intent"] == "order_status" for r in responses)
    sizes = [len(b) for b in fake.batches]
    assert sum(sizes) == 24 and max(sizes) <= 8
    assert max(sizes) > 1 and len(sizes) < 24, sizes  # requests were merged
    assert len(fake.threads) == 1  # one thread owns the model
    assert fake.closed  # closed at shutdown


# --- limits and errors -----------------------------------------------------------------------------


def test_limits_are_422_naming_the_limit(served):
    c = served.client
    r = c.post("/v1/intent", json={"texts": ["a"] * 9})
    assert r.status_code == 422 and err(r)["code"] == "too_many_texts" and err(r)["limit"] == 8
    assert "8" in err(r)["message"]
    r = c.post("/v1/intent", json={"text": "x" * 101})
    assert r.status_code == 422 and err(r)["code"] == "text_too_long" and err(r)["limit"] == 100
    r = c.post("/v1/intent", json={"texts": ["ok", "y" * 101]})
    assert r.status_code == 422 and err(r)["code"] == "text_too_long" and "texts[1]" in err(r)["message"]
    assert c.post("/v1/intent", json={"text": "é" * 100}).status_code == 200  # characters, not bytes
    assert c.post("/v1/intent", json={"texts": ["a"] * 8}).status_code == 200


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"text": 5},
        {"text": None},
        {"text": ""},
        {"texts": []},
        {"texts": "one string"},
        {"texts": ["ok", 3]},
        {"text": "a", "texts": ["b"]},
        {"text": "a", "top_k": "3"},
        {"text": "a", "top_k": 0},
        {"text": "a", "top_k": 99},
        {"text": "a", "top_k": True},
        {"text": "a", "colour": "red"},
        [{"text": "a"}],
        "where is my order",
        None,
    ],
)
def test_wrong_shapes_and_types_are_422(served, body):
    r = served.client.post("/v1/intent", json=body)
    assert r.status_code == 422, r.text
    e = err(r)
    assert e["code"] == "invalid_request" and e["message"]


def test_malformed_json_is_422(served):
    c = served.client
    for raw in (b"{not json", b'{"text": "a"', b"\xff\xfe", b""):
        r = c.post("/v1/intent", content=raw, headers={"content-type": "application/json"})
        assert r.status_code == 422, (raw, r.text)
        assert err(r)["code"] in ("invalid_json", "invalid_request")


def test_body_over_the_limit_is_413(served):
    c = served.client
    big = json.dumps({"text": "a" * 5000})
    r = c.post("/v1/intent", content=big, headers={"content-type": "application/json"})
    assert r.status_code == 413 and err(r)["code"] == "body_too_large" and err(r)["limit"] == 4096

    def chunked():  # no Content-Length: counted while read
        for _ in range(10):
            yield b"x" * 1000

    r = c.post("/v1/intent", content=chunked(), headers={"content-type": "application/json"})
    assert r.status_code == 413 and err(r)["code"] == "body_too_large"
    r = c.post("/v1/intent", content=iter([b"y" * 5000]), headers={"content-type": "application/json"})
    assert r.status_code == 413 and err(r)["code"] == "body_too_large"
    assert c.post("/v1/intent", json={"text": "still serving"}).status_code == 200


def test_unknown_path_and_method_are_json(served):
    r = served.client.get("/v2/nothing")
    assert r.status_code == 404 and err(r)["code"] == "not_found"
    r = served.client.get("/v1/intent")
    assert r.status_code == 405 and err(r)["code"] == "method_not_allowed"


def test_timeout_is_504_and_the_server_recovers():
    fake = FakeClassifier(delay=2.0)
    with (
        running(create_app(fake, ServeSettings(request_timeout_s=0.2))) as srv,
        httpx.Client(base_url=srv.url, timeout=30) as c,
    ):
        t0 = time.monotonic()
        r = c.post("/v1/intent", json={"text": "slow order"})
        assert r.status_code == 504 and err(r)["code"] == "timeout" and err(r)["limit"] == 0.2
        assert time.monotonic() - t0 < 1.5  # answered before the model finished
        fake.delay = 0.0
        time.sleep(2.0)  # the slow batch finishes
        r = c.post("/v1/intent", json={"text": "fast order"})
        assert r.status_code == 200 and r.json()["results"][0]["intent"] == "order_status"


def test_model_failure_is_500_and_only_hits_its_batch():
    fake = FakeClassifier(fail_on="boom")
    with running(create_app(fake, ServeSettings())) as srv, httpx.Client(base_url=srv.url, timeout=30) as c:
        r = c.post("/v1/intent", json={"texts": ["order", "boom"]})
        assert r.status_code == 500 and err(r)["code"] == "model_error"
        assert c.post("/v1/intent", json={"text": "order"}).status_code == 200


def test_overload_is_503():
    fake = FakeClassifier(delay=1.0)
    with running(create_app(fake, ServeSettings(max_queue=3, max_batch=1, max_wait_ms=0))) as srv:

        def one(i):
            with httpx.Client(base_url=srv.url, timeout=30) as c:
                return c.post("/v1/intent", json={"texts": ["order a", "order b"]})

        with ThreadPoolExecutor(4) as pool:
            codes = sorted(r.status_code for r in pool.map(one, range(4)))
    assert codes.count(200) >= 1 and 503 in codes, codes


# --- auth ------------------------------------------------------------------------------------------


def test_api_key_required_on_v1_when_set(fake):
    with (
        running(create_app(fake, ServeSettings(api_key="s3cret-key"))) as srv,
        httpx.Client(base_url=srv.url, timeout=30) as c,
    ):
        r = c.post("/v1/intent", json={"text": "order"})
        assert r.status_code == 401 and err(r)["code"] == "unauthorized"
        assert r.headers["www-authenticate"].startswith("Bearer")
        assert c.get("/v1/intents").status_code == 401
        assert c.post("/v1/intent", json={"text": "o"}, headers={"X-API-Key": "wrong"}).status_code == 401
        bad = {"Authorization": "Basic s3cret-key"}
        assert c.post("/v1/intent", json={"text": "o"}, headers=bad).status_code == 401
        # checked before the body is read: a malformed body without the key is 401, not 422
        r = c.post("/v1/intent", content=b"{oops", headers={"content-type": "application/json"})
        assert r.status_code == 401
        ok = c.post("/v1/intent", json={"text": "order"}, headers={"X-API-Key": "s3cret-key"})
        assert ok.status_code == 200
        ok = c.post("/v1/intent", json={"text": "order"}, headers={"Authorization": "Bearer s3cret-key"})
        assert ok.status_code == 200
        assert c.get("/v1/intents", headers={"X-API-Key": "s3cret-key"}).status_code == 200
        # health, metrics, the page and the OpenAPI document stay open
        for path in ("/healthz", "/readyz", "/metrics", "/", "/openapi.json"):
            assert c.get(path).status_code == 200, path
        doc = c.get("/openapi.json").json()
        assert "apiKey" in doc["components"]["securitySchemes"]


def test_no_api_key_when_not_set(served):
    r = served.client.post("/v1/intent", json={"text": "order"}, headers={"X-API-Key": "anything"})
    assert r.status_code == 200


# --- metrics, logs ---------------------------------------------------------------------------------


def metric(text: str, name: str, **labels) -> float:
    from prometheus_client.parser import text_string_to_metric_families

    total = 0.0
    for fam in text_string_to_metric_families(text):
        for s in fam.samples:
            if s.name == name and all(s.labels.get(k) == v for k, v in labels.items()):
                total += s.value
    return total


def test_metrics_count_requests_errors_latency_and_intents(served):
    c = served.client
    for _ in range(3):
        c.post("/v1/intent", json={"text": "where is my order"})
    c.post("/v1/intent", json={"texts": ["cancel please", "order?"]})
    c.post("/v1/intent", json={"text": 1})
    c.post("/v1/intent", content=b"x" * 5000, headers={"content-type": "application/json"})
    r = c.get("/metrics")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/plain")
    m = r.text
    assert metric(m, "ecomintent_requests_total", endpoint="/v1/intent", status="200") == 4
    assert metric(m, "ecomintent_requests_total", endpoint="/v1/intent", status="422") == 1
    assert metric(m, "ecomintent_request_errors_total", status="422", code="invalid_request") == 1
    assert metric(m, "ecomintent_request_errors_total", status="413", code="body_too_large") == 1
    assert metric(m, "ecomintent_request_latency_seconds_count", endpoint="/v1/intent") == 6
    assert metric(m, "ecomintent_request_latency_seconds_bucket", endpoint="/v1/intent", le="+Inf") == 6
    assert metric(m, "ecomintent_predictions_total", intent="order_status") == 4
    assert metric(m, "ecomintent_predictions_total", intent="cancel_order") == 1
    assert metric(m, "ecomintent_texts_total") == 5
    assert metric(m, "ecomintent_batch_size_count") >= 1
    assert metric(m, "ecomintent_model_info", model="fake-q4.gguf") == 1


def test_queries_are_logged_only_when_asked(caplog):
    secret = "my card 4111 was declined at checkout"
    for log_queries in (False, True):
        caplog.clear()
        with (
            caplog.at_level(logging.DEBUG, logger="ecomintent"),
            running(create_app(FakeClassifier(), ServeSettings(log_queries=log_queries))) as srv,
            httpx.Client(base_url=srv.url, timeout=30) as c,
        ):
            assert c.post("/v1/intent", json={"text": secret}).status_code == 200
            c.post("/v1/intent", json={"text": secret * 10})  # a 422 does not echo it either
        assert (secret in caplog.text) is log_queries, caplog.text


# --- shutdown --------------------------------------------------------------------------------------


def test_graceful_shutdown_finishes_the_request_in_flight():
    fake = FakeClassifier(delay=1.0)
    with running(create_app(fake, ServeSettings())) as srv:
        with ThreadPoolExecutor(1) as pool:
            fut = pool.submit(
                lambda: httpx.post(f"{srv.url}/v1/intent", json={"text": "please cancel it"}, timeout=30)
            )
            assert fake.started.wait(10)
            srv.server.should_exit = True  # what SIGTERM does
            r = fut.result(30)
        srv.thread.join(30)
        assert not srv.thread.is_alive()
    assert r.status_code == 200 and r.json()["results"][0]["intent"] == "cancel_order"
    assert fake.closed
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{srv.url}/healthz", timeout=2)


# --- fuzzing from the OpenAPI document -------------------------------------------------------------


@pytest.mark.parametrize("api_key", [None, "fuzz-key"])
def test_schemathesis_fuzz_from_the_openapi_document_finds_nothing(api_key, tmp_path):
    """schemathesis' every check on every operation, positive and negative cases: no 5xx, documented
    status codes and content types, responses matching their schemas, schema-valid bodies accepted,
    invalid ones rejected, and (with a key) auth enforced. A fixed seed keeps CI repeatable."""
    import shutil

    exe = Path(sys.executable).parent / "schemathesis"
    exe = str(exe) if exe.exists() else shutil.which("schemathesis")
    assert exe, "pip install schemathesis (the dev extra)"
    settings = ServeSettings(max_texts=16, max_chars=200, api_key=api_key)
    with running(create_app(FakeClassifier(), settings)) as srv:
        cmd = [exe, "run", f"{srv.url}/openapi.json", "--checks", "all", "--max-examples", "60",
               "--seed", "7", "--no-color"]  # fmt: skip
        if api_key:
            cmd += ["-H", f"X-API-Key: {api_key}"]
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=300, cwd=tmp_path)  # its cache dir
    assert r.returncode == 0, r.stdout[-6000:] + r.stderr[-2000:]
    assert "No issues found" in r.stdout


# --- the command line, in a subprocess -------------------------------------------------------------


CLI = "import sys; from ecomintent.cli import main; sys.argv[0] = 'ecomintent'; main()"


def ecomintent(*args, env=None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", CLI, *args],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, **(env or {})},
        **kw,
    )


def one_error_line(r: subprocess.CompletedProcess) -> str:
    assert r.returncode != 0, r.stdout + r.stderr
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert "Traceback" not in r.stderr, r.stderr
    errors = [ln for ln in lines if ln.startswith("error:")]
    assert len(errors) == 1, r.stderr
    return errors[0]


def test_broken_model_files_stop_start_up_with_one_line(tmp_path):
    port = str(free_port())
    missing = one_error_line(ecomintent("serve", "--model", str(tmp_path / "nope.gguf"), "--port", port))
    assert "nope.gguf" in missing and "does not exist" in missing
    garbage = tmp_path / "model.gguf"
    garbage.write_bytes(b"GGUF" + os.urandom(2000))  # a truncated / corrupt GGUF
    assert "model.gguf" in one_error_line(ecomintent("serve", "--model", str(garbage), "--port", port))
    with open(smollm2_gguf(), "rb") as f:  # a real GGUF cut short, and without ecomintent metadata
        (tmp_path / "cut.gguf").write_bytes(f.read(8 << 20))
    assert "cut.gguf" in one_error_line(
        ecomintent("serve", "--model", str(tmp_path / "cut.gguf"), "--port", port)
    )
    empty = tmp_path / "notamodel"
    empty.mkdir()
    (empty / "README.txt").write_text("hello")
    assert "notamodel" in one_error_line(ecomintent("serve", "--model", str(empty), "--port", port))


def test_settings_mistakes_are_one_line(tmp_path):
    r = ecomintent("serve", "--model", str(tmp_path), "--api-key-env", "ECOMINTENT_TEST_NO_SUCH_VAR")
    assert "ECOMINTENT_TEST_NO_SUCH_VAR" in one_error_line(r)
    assert "--max-batch" in one_error_line(ecomintent("serve", "--model", str(tmp_path), "--max-batch", "0"))
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = str(busy.getsockname()[1])
        assert port in one_error_line(ecomintent("serve", "--model", str(tmp_path), "--port", port))


def wait_ready(url: str, proc: subprocess.Popen, seconds: float = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"the server exited with {proc.returncode}:\n{proc.stderr.read()}")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                return
        time.sleep(0.2)
    raise AssertionError("the server did not become ready")


def test_cli_serves_the_tiny_model_and_sigterm_lets_the_request_finish(tiny_classifiers, tmp_path):
    """The real loader on the tiny HF artifact, with an API key; SIGTERM while a request waits."""
    model: Path = tiny_classifiers["llama"]
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "ECOMINTENT_TEST_KEY": "k-123"}
    proc = subprocess.Popen(
        [sys.executable, "-c", CLI, "serve", "--model", str(model), "--port", str(port),
         "--threads", "1", "--max-wait-ms", "3000", "--api-key-env", "ECOMINTENT_TEST_KEY"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    try:
        wait_ready(url, proc)
        h = {"X-API-Key": "k-123"}
        labels = [x["intent"] for x in httpx.get(f"{url}/v1/intents", headers=h, timeout=10).json()["labels"]]
        assert "order_status" in labels
        assert httpx.post(f"{url}/v1/intent", json={"text": "hi"}, timeout=10).status_code == 401
        with ThreadPoolExecutor(1) as pool:
            t0 = time.monotonic()
            fut = pool.submit(
                httpx.post, f"{url}/v1/intent", json={"texts": ["wo ist meine bestellung", "x"]}, headers=h,
                timeout=60,
            )  # fmt: skip
            deadline = time.monotonic() + 30
            while "ecomintent_queue_depth 2.0" not in httpx.get(f"{url}/metrics", timeout=10).text:
                assert time.monotonic() < deadline, "the request never reached the batcher"
                time.sleep(0.05)
            proc.send_signal(signal.SIGTERM)  # while the request waits up to 3 s for its batch to fill
            r = fut.result(60)
        assert r.status_code == 200, r.text
        assert time.monotonic() - t0 >= 2.5  # it was in flight when SIGTERM came
        results = r.json()["results"]
        assert len(results) == 2 and all(x["intent"] in labels for x in results)
        assert proc.wait(60) == 0
        assert "k-123" not in proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
