"""The HTTP intent service: a FastAPI app around one loaded classifier, and its micro-batcher.

    POST /v1/intent    {"text": "..."} or {"texts": [...]}, optional "top_k" (default 3)
    GET  /v1/intents   the artifact's labels with their descriptions
    GET  /healthz      the process is alive          GET /readyz   the model is loaded and serving
    GET  /metrics      Prometheus text format        GET /         the playground page
    GET  /openapi.json the OpenAPI document          GET /docs     its Swagger UI

One worker thread owns the classifier (a llama.cpp context is not thread-safe): requests put their
texts on a queue, and the worker takes what is waiting, up to `max_batch` texts, waiting at most
`max_wait_ms` after the oldest for more to arrive, and runs them as one model batch. Under load the
batches fill up, so throughput grows with the number of clients.

Limits, each answered with a JSON error `{"error": {"code", "message", "limit"?}}`:
  - more than `max_texts` texts, or a text longer than `max_chars` characters: 422 (rejected, never
    truncated, so a client knows exactly what was classified); malformed JSON or wrong types: 422
  - a body over `max_body_bytes`: 413; no answer within `request_timeout_s`: 504
  - more than `max_queue` texts waiting: 503 (with Retry-After); a missing or wrong API key: 401
Query texts are never logged unless `log_queries` is set.
"""

import asyncio
import contextlib
import dataclasses
import hmac
import json
import logging
import queue
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from importlib import resources
from typing import Annotated, Any, Literal

from .backends.base import Classifier, Prediction
from .prompt import MAX_QUERY_CHARS

log = logging.getLogger("ecomintent.serve")

MAX_TOP_K = 100


@dataclass
class ServeSettings:
    max_batch: int = 32  # texts per model batch
    max_wait_ms: float = 5.0  # how long the oldest waiting text may wait for a batch to fill
    max_texts: int = 64  # texts per request
    max_chars: int = MAX_QUERY_CHARS  # characters per text (longer: 422)
    max_body_bytes: int = 1 << 20  # request body (larger: 413)
    request_timeout_s: float = 30.0  # a request not answered by then gets 504
    max_queue: int = 4096  # texts waiting for the model (more: 503)
    api_key: str | None = None  # when set, every /v1 request must carry it
    log_queries: bool = False  # log each query's text and intent
    default_top_k: int = 3

    def check(self) -> None:
        from .errors import UserError

        for name, low in (
            ("max_batch", 1),
            ("max_texts", 1),
            ("max_chars", 1),
            ("max_body_bytes", 64),
            ("max_queue", 1),
            ("default_top_k", 1),
        ):
            if getattr(self, name) < low:
                flag = "--" + name.replace("_", "-")
                raise UserError(f"{flag} must be at least {low}, not {getattr(self, name)}")
        if self.max_wait_ms < 0:
            raise UserError(f"--max-wait-ms must be 0 or more, not {self.max_wait_ms}")
        if self.request_timeout_s <= 0:
            raise UserError(f"--timeout must be more than 0 seconds, not {self.request_timeout_s}")
        if self.api_key is not None and not self.api_key.strip():
            raise UserError("the API key is empty; set the variable named by --api-key-env to a secret")


# --- the micro-batcher ---------------------------------------------------------------------------


class Overloaded(Exception):
    pass


class ShuttingDown(Exception):
    pass


@dataclass
class _Job:
    texts: list[str]
    top_k: int
    loop: asyncio.AbstractEventLoop
    future: asyncio.Future
    enqueued: float = field(default_factory=time.monotonic)
    results: list[Prediction | None] = field(default_factory=list)
    remaining: int = 0
    cancelled: bool = False  # set by the request when it gave up (timeout, client gone)

    def __post_init__(self):
        self.results = [None] * len(self.texts)
        self.remaining = len(self.texts)

    def _resolve(self, fn, value) -> None:
        def apply():
            if not self.future.done():
                fn(value)

        with contextlib.suppress(RuntimeError):  # the loop is closed: nobody is waiting any more
            self.loop.call_soon_threadsafe(apply)

    def set_result(self) -> None:
        self._resolve(self.future.set_result, self.results)

    def set_exception(self, exc: BaseException) -> None:
        self._resolve(self.future.set_exception, exc)


class MicroBatcher:
    """One thread owns the classifier; concurrent requests are merged into bounded model batches."""

    def __init__(
        self, classifier: Classifier, max_batch: int, max_wait_ms: float, max_queue: int, on_batch=None
    ):
        self.classifier = classifier
        self.max_batch = max_batch
        self.max_wait = max_wait_ms / 1000.0
        self.max_queue = max_queue
        self.on_batch = on_batch  # callback(batch_size, seconds, predictions)
        self._queue: queue.Queue[_Job | None] = queue.Queue()
        self._pending: deque[tuple[_Job, int]] = deque()  # the worker's own: (job, index of text)
        self._waiting = 0  # texts queued or pending, not yet classified
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._closing = False
        self.batches = 0

    @property
    def depth(self) -> int:
        return self._waiting

    def start(self) -> None:
        if self._thread is None:
            self._closing = False
            self._thread = threading.Thread(target=self._run, name="ecomintent-batcher", daemon=True)
            self._thread.start()

    def stop(self, timeout: float | None = None) -> None:
        """Finish every queued text, then end the worker thread."""
        self._closing = True
        if self._thread is not None:
            self._queue.put(None)
            self._thread.join(timeout)
            self._thread = None
        while True:  # a request that slipped in after the worker ended: tell it
            try:
                job = self._queue.get_nowait()
            except queue.Empty:
                break
            if job is not None:
                job.set_exception(ShuttingDown())

    async def classify(self, texts: list[str], top_k: int) -> list[Prediction]:
        if self._closing:
            raise ShuttingDown()
        with self._lock:
            if self._waiting + len(texts) > self.max_queue:
                raise Overloaded()
            self._waiting += len(texts)
        loop = asyncio.get_running_loop()
        job = _Job(list(texts), top_k, loop, loop.create_future())
        self._queue.put(job)
        try:
            return await asyncio.shield(job.future)
        except BaseException:
            job.cancelled = True  # timeout or disconnect: its texts not yet in a batch are dropped
            raise

    # -- worker thread --

    def _take(self, block: bool, timeout: float | None = None) -> bool:
        """Move one job from the queue to the pending texts; False when none came or on stop."""
        try:
            job = self._queue.get(block, timeout)
        except queue.Empty:
            return False
        if job is None:
            self._closing = True
            return False
        self._pending.extend((job, i) for i in range(len(job.texts)))
        return True

    def _run(self) -> None:
        stop_seen = False
        while True:
            if not self._pending:
                if stop_seen and self._queue.empty():
                    return
                if not self._take(block=True):
                    stop_seen = stop_seen or self._closing
                    continue
            # Everything already queued joins at once; then wait for more until the oldest has
            # waited max_wait (texts that queued while the model was busy do not wait again).
            while len(self._pending) < self.max_batch and self._take(block=False):
                pass
            deadline = self._pending[0][0].enqueued + self.max_wait
            while len(self._pending) < self.max_batch and not self._closing:
                left = deadline - time.monotonic()
                if left <= 0 or not self._take(block=True, timeout=left):
                    break
            stop_seen = stop_seen or self._closing
            batch: list[tuple[_Job, int]] = []
            while self._pending and len(batch) < self.max_batch:
                job, i = self._pending.popleft()
                if job.cancelled:
                    self._done(1)
                    continue
                batch.append((job, i))
            if batch:
                self._classify(batch)

    def _done(self, n: int) -> None:
        with self._lock:
            self._waiting -= n

    def _classify(self, batch: list[tuple[_Job, int]]) -> None:
        texts = [job.texts[i] for job, i in batch]
        top_k = max(job.top_k for job, _ in batch)
        t0 = time.perf_counter()
        try:
            preds = self.classifier.classify(texts, top_k=top_k)
            if len(preds) != len(texts):
                raise RuntimeError(f"the classifier answered {len(preds)} predictions for {len(texts)} texts")
        except Exception as e:
            log.exception("the model failed on a batch of %d texts", len(texts))
            failed = {id(job): job for job, _ in batch if not job.cancelled}
            for job in failed.values():
                job.cancelled = True  # its other texts still queued are dropped
                job.set_exception(e)
            self._done(len(batch))
            return
        seconds = time.perf_counter() - t0
        self.batches += 1
        self._done(len(batch))
        for (job, i), p in zip(batch, preds, strict=True):
            if len(p.alternatives) > job.top_k:
                p = dataclasses.replace(p, alternatives=p.alternatives[: job.top_k])
            job.results[i] = p
            job.remaining -= 1
            if job.remaining == 0:
                job.set_result()
        if self.on_batch is not None:
            try:
                self.on_batch(len(batch), seconds, preds)
            except Exception:  # metrics must never break serving
                log.exception("batch callback failed")


# --- metrics -------------------------------------------------------------------------------------

ENDPOINTS = ("/v1/intent", "/v1/intents", "/healthz", "/readyz", "/metrics", "/", "/openapi.json", "/docs")


class Metrics:
    def __init__(self, model_name: str, mode: str):
        from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

        self.registry = r = CollectorRegistry()
        self.requests = Counter(
            "ecomintent_requests", "HTTP requests answered.", ["endpoint", "method", "status"], registry=r
        )
        self.errors = Counter(
            "ecomintent_request_errors", "HTTP requests answered with a 4xx or 5xx status.",
            ["endpoint", "status", "code"], registry=r,
        )  # fmt: skip
        self.latency = Histogram(
            "ecomintent_request_latency_seconds", "Wall time from request to response.", ["endpoint"],
            buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
            registry=r,
        )  # fmt: skip
        self.texts = Counter("ecomintent_texts", "Texts classified.", registry=r)
        self.predictions = Counter(
            "ecomintent_predictions", "Predictions per intent.", ["intent"], registry=r
        )
        self.batch_size = Histogram(
            "ecomintent_batch_size", "Texts per model batch.",
            buckets=(1, 2, 4, 8, 16, 32, 64, 128, 256), registry=r,
        )  # fmt: skip
        self.batch_seconds = Histogram(
            "ecomintent_batch_seconds", "Model time per batch.",
            buckets=(0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10), registry=r,
        )  # fmt: skip
        self.queue_depth = Gauge("ecomintent_queue_depth", "Texts waiting for the model.", registry=r)
        self.info = Gauge("ecomintent_model_info", "The loaded model.", ["model", "mode"], registry=r)
        self.info.labels(model=model_name, mode=mode).set(1)

    def on_batch(self, size: int, seconds: float, preds: list[Prediction]) -> None:
        self.batch_size.observe(size)
        self.batch_seconds.observe(seconds)
        self.texts.inc(size)
        for p in preds:
            self.predictions.labels(intent=p.intent).inc()

    def render(self) -> bytes:
        from prometheus_client import generate_latest

        return generate_latest(self.registry)


# --- the ASGI guard: auth, body size, metrics ----------------------------------------------------


def _error_body(status: int, code: str, message: str, **extra) -> bytes:
    return json.dumps({"error": {"code": code, "message": message, **extra}}, ensure_ascii=False).encode()


class _Guard:
    """Pure ASGI middleware, outermost: API key (before anything reads the body), body size, metrics."""

    def __init__(self, app, state: "_State"):
        self.app = app
        self.state = state

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        st = self.state
        path = scope.get("path", "")
        endpoint = path if path in ENDPOINTS else "other"
        t0 = time.perf_counter()
        status = {"code": 500, "error": ""}

        async def send_tracking(message):
            if message["type"] == "http.response.start":
                status["code"] = message["status"]
                for k, v in message.get("headers", []):
                    if k == b"x-error-code":
                        status["error"] = v.decode()
            await send(message)

        try:
            headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
            if st.settings.api_key and path.startswith("/v1") and not self._authorised(headers):
                return await self._reply(
                    send_tracking, 401, "unauthorized",
                    "missing or wrong API key: send it as 'X-API-Key: KEY' or 'Authorization: Bearer KEY'",
                    extra_headers=[(b"www-authenticate", b'Bearer realm="ecomintent"')],
                )  # fmt: skip
            if scope.get("method") in ("POST", "PUT", "PATCH"):
                body = await self._read_body(receive, headers)
                if body is None:
                    limit = st.settings.max_body_bytes
                    return await self._reply(
                        send_tracking, 413, "body_too_large",
                        f"the request body is larger than the limit of {limit} bytes", limit=limit,
                    )  # fmt: skip
                receive = _replay(body, receive)
            await self.app(scope, receive, send_tracking)
        finally:
            m = st.metrics
            code = status["code"]
            m.requests.labels(endpoint=endpoint, method=scope.get("method", ""), status=str(code)).inc()
            if code >= 400:
                m.errors.labels(endpoint=endpoint, status=str(code), code=status["error"] or "http").inc()
            m.latency.labels(endpoint=endpoint).observe(time.perf_counter() - t0)

    def _authorised(self, headers: dict[str, str]) -> bool:
        key = self.state.settings.api_key or ""
        given = headers.get("x-api-key")
        if given is None:
            auth = headers.get("authorization", "")
            scheme, _, token = auth.partition(" ")
            given = token.strip() if scheme.lower() == "bearer" else None
        return given is not None and hmac.compare_digest(given.encode(), key.encode())

    async def _read_body(self, receive, headers: dict[str, str]) -> bytes | None:
        """The whole body, or None when it is over the limit (then drained, up to a point)."""
        limit = self.state.settings.max_body_bytes
        declared = headers.get("content-length")
        if declared is not None and declared.strip().isdigit() and int(declared) > limit:
            if int(declared) <= 16 * limit:  # drain a moderate body so that the client reads the 413
                await self._drain(receive, 16 * limit)
            return None
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                if message.get("more_body", False):
                    await self._drain(receive, 16 * limit - size)
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        return b"".join(chunks)

    @staticmethod
    async def _drain(receive, budget: int) -> None:
        while budget > 0:
            message = await receive()
            if message["type"] != "http.request":
                return
            budget -= len(message.get("body", b""))
            if not message.get("more_body", False):
                return

    @staticmethod
    async def _reply(send, status: int, code: str, message: str, extra_headers=(), **extra) -> None:
        body = _error_body(status, code, message, **extra)
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                    (b"x-error-code", code.encode()),
                    *extra_headers,
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


def _replay(body: bytes, receive):
    sent = False

    async def replay():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


# --- the app -------------------------------------------------------------------------------------


@dataclass
class _State:
    classifier: Classifier
    settings: ServeSettings
    batcher: MicroBatcher
    metrics: Metrics
    ready: bool = False


def playground_html() -> str:
    return resources.files("ecomintent").joinpath("static/playground.html").read_text(encoding="utf-8")


def create_app(classifier: Classifier, settings: ServeSettings | None = None):
    """The FastAPI app serving `classifier`; the batcher starts and stops with the app's lifespan,
    and the classifier is closed at shutdown once every queued text has its answer."""
    from fastapi import FastAPI, Request
    from fastapi.exceptions import RequestValidationError
    from fastapi.responses import HTMLResponse, JSONResponse, Response
    from pydantic import BaseModel, BeforeValidator, ConfigDict, Discriminator, Field, StringConstraints, Tag
    from starlette.exceptions import HTTPException as StarletteHTTPException

    settings = settings or ServeSettings()
    settings.check()
    info = classifier.info
    name = getattr(classifier, "name", "model")
    metrics = Metrics(name, getattr(classifier, "mode", "score"))
    batcher = MicroBatcher(
        classifier, settings.max_batch, settings.max_wait_ms, settings.max_queue, on_batch=metrics.on_batch
    )
    state = _State(classifier, settings, batcher, metrics)
    n_labels = len(info.labels)

    # -- schemas (built here: the limits are this server's) --

    Text = Annotated[
        str,
        StringConstraints(min_length=1, max_length=settings.max_chars),
        Field(description=f"One query, 1 to {settings.max_chars} characters."),
    ]
    TopK = Annotated[
        int,
        Field(
            ge=1,
            le=max(1, min(n_labels, MAX_TOP_K)),
            description="How many alternatives (best first) to return per text.",
        ),
        BeforeValidator(_integral),  # JSON Schema's integer includes 2.0
    ]

    class SingleRequest(BaseModel):
        model_config = ConfigDict(
            extra="forbid", strict=True, json_schema_extra={"examples": [{"text": "where is my order?"}]}
        )
        text: Text
        top_k: TopK = settings.default_top_k

    class BatchRequest(BaseModel):
        model_config = ConfigDict(
            extra="forbid",
            strict=True,
            json_schema_extra={"examples": [{"texts": ["wo ist meine bestellung?", "je veux annuler"]}]},
        )
        texts: list[Text] = Field(
            min_length=1,
            max_length=settings.max_texts,
            description=f"1 to {settings.max_texts} queries, answered in order.",
        )
        top_k: TopK = settings.default_top_k

    def _which(v: Any) -> str:
        return "batch" if isinstance(v, dict) and "texts" in v else "single"

    IntentRequest = Annotated[
        Annotated[SingleRequest, Tag("single")] | Annotated[BatchRequest, Tag("batch")],
        Discriminator(_which),
    ]

    class Alternative(BaseModel):
        intent: str
        confidence: float

    class IntentResult(BaseModel):
        intent: str = Field(description="A label of the model (or its out-of-scope label).")
        confidence: float = Field(description="Probability of `intent` over the labels.")
        alternatives: list[Alternative] = Field(description="The top-k labels, best first.")
        latency_ms: float = Field(description="This text's share of its model batch's time.")
        valid: bool = Field(description="generate mode: whether the answer parsed to a label.")
        truncated: bool = Field(description="Whether the model saw a shortened text.")

    class IntentResponse(BaseModel):
        model: str = Field(description="The name of the loaded model artifact.")
        results: list[IntentResult] = Field(description="One per text, in request order.")

    class ErrorDetail(BaseModel):
        code: str
        message: str
        limit: int | float | None = None

    class ErrorResponse(BaseModel):
        error: ErrorDetail

    class Label(BaseModel):
        intent: str
        description: str

    class IntentsResponse(BaseModel):
        model: str
        labels: list[Label]
        out_of_scope_label: str | None
        prompt_version: str

    class Health(BaseModel):
        status: Literal["ok", "ready", "not_ready"]
        model: str | None = None

    def error(status: int, code: str, message: str, headers: dict | None = None, **extra) -> JSONResponse:
        return JSONResponse(
            {"error": {"code": code, "message": message, **extra}},
            status_code=status,
            headers={"x-error-code": code, **(headers or {})},
        )

    @contextlib.asynccontextmanager
    async def lifespan(app):
        batcher.start()
        state.ready = True
        log.info("serving %s: %d labels, mode %s", name, n_labels, getattr(classifier, "mode", "score"))
        try:
            yield
        finally:
            state.ready = False
            await asyncio.to_thread(batcher.stop)
            try:
                classifier.close()
            except Exception:
                log.exception("closing the classifier failed")
            log.info("stopped")

    app = FastAPI(
        title="ecomintent",
        summary="Multilingual e-commerce intent recognition.",
        description=(
            "Classify shopper queries into the intents of the loaded model. "
            f"Limits: {settings.max_texts} texts per request, {settings.max_chars} characters per text "
            f"(longer: 422, never truncated), {settings.max_body_bytes} bytes per body (413), "
            f"{settings.request_timeout_s:g} s per request (504)."
            + (
                " Every /v1 request needs the API key (X-API-Key or Authorization: Bearer)."
                if settings.api_key
                else ""
            )
        ),
        version=_version(),
        lifespan=lifespan,
    )
    app.state.ecomintent = state
    app.add_middleware(_Guard, state=state)

    if settings.api_key:
        from fastapi.openapi.utils import get_openapi

        def openapi():
            if app.openapi_schema is None:
                schema = get_openapi(
                    title=app.title,
                    version=app.version,
                    summary=app.summary,
                    description=app.description,
                    routes=app.routes,
                )
                schema.setdefault("components", {})["securitySchemes"] = {
                    "apiKey": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
                    "bearer": {"type": "http", "scheme": "bearer"},
                }
                for path, ops in schema.get("paths", {}).items():
                    if path.startswith("/v1"):
                        for op in ops.values():
                            op["security"] = [{"apiKey": []}, {"bearer": []}]
                app.openapi_schema = schema
            return app.openapi_schema

        app.openapi = openapi

    # -- errors: one JSON shape everywhere --

    def _validation_message(exc: RequestValidationError) -> tuple[str, str, int | None]:
        errs = exc.errors()
        if not errs:
            return "invalid_request", "the request is not valid", None
        e = errs[0]
        loc = [p for p in e.get("loc", ()) if p not in ("body", "single", "batch")]
        where = "".join(
            f"[{p}]" if isinstance(p, int) else (f".{p}" if i else str(p)) for i, p in enumerate(loc)
        )
        kind = e.get("type", "")
        if kind == "json_invalid":
            return (
                "invalid_json",
                "the body is not valid JSON: " + str(e.get("ctx", {}).get("error", e["msg"])),
                None,
            )
        if kind == "string_too_long":
            return (
                "text_too_long",
                f"{where} has more than {settings.max_chars} characters, the limit per text; "
                "shorten it (texts are never truncated)",
                settings.max_chars,
            )
        if kind == "too_long" and loc == ["texts"]:
            return (
                "too_many_texts",
                f"more than {settings.max_texts} texts in one request, the limit; split the batch",
                settings.max_texts,
            )
        if kind == "missing" and loc == ["text"]:
            return "invalid_request", 'the body needs "text" (a string) or "texts" (a list of strings)', None
        if kind == "missing" and not loc:
            return "invalid_request", 'the body is empty; send {"text": ...} or {"texts": [...]}', None
        if kind in ("model_type", "model_attributes_type", "dict_type") and not loc:
            return "invalid_request", 'the body must be a JSON object with "text" or "texts"', None
        if kind == "extra_forbidden":
            return "invalid_request", f"unknown field {where!r}; allowed: text or texts, and top_k", None
        return "invalid_request", f"{where or 'body'}: {e.get('msg', 'invalid')}", None

    @app.exception_handler(RequestValidationError)
    async def _on_validation(request: Request, exc: RequestValidationError):
        code, message, limit = _validation_message(exc)
        ctype = request.headers.get("content-type", "")
        if code == "invalid_request" and request.method == "POST" and "json" not in ctype.lower():
            message = f"send the body as JSON with 'Content-Type: application/json', not {ctype!r}"
        extra = {"limit": limit} if limit is not None else {}
        return error(422, code, message, **extra)

    @app.exception_handler(StarletteHTTPException)
    async def _on_http(request: Request, exc: StarletteHTTPException):
        if exc.status_code == 400:  # FastAPI could not parse the body (e.g. not UTF-8): malformed
            return error(422, "invalid_json", f"the body is not valid JSON in UTF-8 ({exc.detail})")
        codes = {404: "not_found", 405: "method_not_allowed"}
        return error(
            exc.status_code, codes.get(exc.status_code, "http_error"), str(exc.detail), headers=exc.headers
        )

    @app.exception_handler(Exception)
    async def _on_crash(request: Request, exc: Exception):
        log.exception("unhandled error on %s", request.url.path)
        return error(500, "internal", "internal server error; see the server log")

    err_responses = {
        401: {"model": ErrorResponse, "description": "Missing or wrong API key."},
        413: {"model": ErrorResponse, "description": "The body is over the size limit."},
        422: {"model": ErrorResponse, "description": "Malformed JSON, wrong types, or over a limit."},
        500: {"model": ErrorResponse, "description": "The model failed."},
        503: {"model": ErrorResponse, "description": "Overloaded or shutting down; retry later."},
        504: {"model": ErrorResponse, "description": "No answer within the request timeout."},
    }

    # -- routes --

    @app.post(
        "/v1/intent",
        response_model=IntentResponse,
        responses=err_responses,
        summary="Classify one text or a batch of texts",
    )
    async def intent(body: IntentRequest) -> Any:
        texts = [body.text] if isinstance(body, SingleRequest) else list(body.texts)
        texts = [_valid_unicode(t) for t in texts]
        if not state.ready:
            return error(
                503, "not_ready", "the server is starting or shutting down; retry", {"Retry-After": "1"}
            )
        t0 = time.perf_counter()
        try:
            preds = await asyncio.wait_for(batcher.classify(texts, body.top_k), settings.request_timeout_s)
        except (asyncio.TimeoutError, TimeoutError):
            return error(
                504, "timeout",
                f"no answer within {settings.request_timeout_s:g} s, the request timeout; retry or send fewer texts",
                limit=settings.request_timeout_s,
            )  # fmt: skip
        except Overloaded:
            return error(
                503, "overloaded", f"more than {settings.max_queue} texts are waiting for the model; retry",
                {"Retry-After": "1"}, limit=settings.max_queue,
            )  # fmt: skip
        except ShuttingDown:
            return error(503, "shutting_down", "the server is shutting down; retry", {"Retry-After": "1"})
        except Exception as e:
            return error(
                500, "model_error", f"the model failed on this batch ({type(e).__name__}); see the server log"
            )
        finally:
            metrics.queue_depth.set(batcher.depth)
        if settings.log_queries:
            for t, p in zip(texts, preds, strict=True):
                log.info("query %s -> %s %.3f", json.dumps(t, ensure_ascii=False), p.intent, p.confidence)
        else:
            log.debug("%d texts in %.1f ms", len(texts), 1000 * (time.perf_counter() - t0))
        return {"model": name, "results": [p.to_dict() for p in preds]}

    @app.get("/v1/intents", response_model=IntentsResponse, responses={401: err_responses[401]})
    async def intents() -> Any:
        """The model's labels, in score order, with their descriptions."""
        return {
            "model": name,
            "labels": [{"intent": lb, "description": info.descriptions.get(lb, "")} for lb in info.labels],
            "out_of_scope_label": info.out_of_scope_label,
            "prompt_version": info.prompt_version,
        }

    @app.get("/healthz", response_model=Health)
    async def healthz() -> Any:
        """The process is alive."""
        return {"status": "ok"}

    @app.get(
        "/readyz", response_model=Health, responses={503: {"model": Health, "description": "Not ready."}}
    )
    async def readyz() -> Any:
        """The model is loaded and requests are being served."""
        if state.ready:
            return {"status": "ready", "model": name}
        return JSONResponse({"status": "not_ready", "model": name}, status_code=503)

    @app.get(
        "/metrics",
        response_class=Response,
        responses={200: {"content": {"text/plain": {}}, "description": "Prometheus text format."}},
    )
    async def prometheus_metrics() -> Response:
        """Requests, errors, latency, batch sizes and predictions per intent, in Prometheus text format."""
        from prometheus_client import CONTENT_TYPE_LATEST

        metrics.queue_depth.set(batcher.depth)
        return Response(metrics.render(), media_type=CONTENT_TYPE_LATEST)

    page = playground_html()

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def playground() -> HTMLResponse:
        return HTMLResponse(page)

    return app


def _valid_unicode(t: str) -> str:
    """A lone surrogate (JSON allows "\\ud800") cannot be encoded for the model: replace it."""
    try:
        t.encode("utf-8")
        return t
    except UnicodeEncodeError:
        return t.encode("utf-8", "replace").decode("utf-8")


def _integral(v):
    """2.0 is the integer 2 (as in JSON Schema); 2.5, "2" and true stay errors."""
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("ecomintent")
    except Exception:
        return "0"


# --- running it ----------------------------------------------------------------------------------


def bind_socket(host: str, port: int):
    """Bind the listening socket before the model loads, so that a busy port fails at once."""
    import socket

    from .errors import UserError

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto IPPROTO_TCP, not 0: asyncio sets TCP_NODELAY on accepted connections only then (without
    # it, a response's header and body writes wait on the client's delayed ACK: +40 ms per request)
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as e:
        sock.close()
        raise UserError(
            f"cannot listen on {host}:{port} ({e.strerror}); choose another --port or --host"
        ) from None
    sock.set_inheritable(True)
    return sock


def run_server(app, sock, settings: ServeSettings, access_log: bool = True, log_level: str = "info") -> None:
    """uvicorn on a bound socket; SIGINT/SIGTERM stop it gracefully (in-flight requests finish)."""
    import uvicorn

    server_cls = _server_class()
    config = uvicorn.Config(
        app,
        log_level=log_level,
        access_log=access_log,
        lifespan="on",
        timeout_graceful_shutdown=int(settings.request_timeout_s) + 5,
        server_header=False,
    )
    server_cls(config).run(sockets=[sock])


def _server_class():
    import signal

    import uvicorn

    class Server(uvicorn.Server):
        """uvicorn's Server, except that a graceful stop on SIGTERM/SIGINT exits 0 (uvicorn re-raises
        the signal after shutting down, so the process would end 'killed by SIGTERM')."""

        @contextlib.contextmanager
        def capture_signals(self):
            if threading.current_thread() is not threading.main_thread():
                yield
                return
            sigs = (signal.SIGINT, signal.SIGTERM)
            original = {sig: signal.signal(sig, self.handle_exit) for sig in sigs}
            try:
                yield
            finally:
                for sig, handler in original.items():
                    signal.signal(sig, handler)

    return Server
