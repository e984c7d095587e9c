"""A small client for any OpenAI-compatible Chat Completions endpoint (OpenAI, vLLM, Ollama, llama.cpp).

Built on the official `openai` package, whose own retry (exponential backoff with jitter, honouring
Retry-After) handles connection errors, timeouts, 408/409/429 and 5xx answers. On top of it:

* bounded concurrency (a thread pool of `concurrency` workers) for a batch of conversations;
* an on-disk cache: one JSON file per response, keyed by the sha256 of (model, messages, params), not of
  the URL, so the same request to another server hosting the same model is served from the cache; files
  are written to a temporary name and renamed, so a crash never leaves half a file;
* usage counting: live requests, cache hits, prompt and completion tokens, failed requests;
* mistakes a user can fix (a missing API key, an unreachable server, a wrong model name or key) end in
  one `UserError` whose message names the fix, instead of a stack trace per request.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from .errors import UserError

CACHE_VERSION = 1
NO_KEY = "sk-no-key-required"  # the openai package insists on some key; local servers ignore it

Messages = list[dict]


@dataclass
class Result:
    """One completion: its text, or the error that made it fail (then text is None)."""

    text: str | None
    finish_reason: str | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached: bool = False
    error: str | None = None


@dataclass
class Usage:
    requests: int = 0  # live requests answered by the server (successfully or with an error)
    cache_hits: int = 0
    prompt_tokens: int = 0  # tokens of live requests only: what this run cost
    completion_tokens: int = 0
    errors: int = 0

    def to_dict(self) -> dict:
        return asdict(self)


def redact_url(url: str) -> str:
    """The URL without user:password@ and without a query string (where some services put keys)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "<invalid URL>"
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def cache_key(model: str, messages: Sequence[dict], params: dict) -> str:
    """sha256 of the request's content: model, messages and sampling params (not the URL)."""
    blob = json.dumps(
        {"v": CACHE_VERSION, "model": model, "messages": list(messages), "params": params},
        sort_keys=True,
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


class _Fatal(Exception):
    """A failure that no other request would escape (server down, bad key, wrong model): stop the batch."""


class ChatClient:
    """Chat Completions against `base_url` with one model, a disk cache and bounded concurrency.

    `api_key_env` names the environment variable holding the key (None: the server needs none).
    `url_option`, `model_option` and `key_option` name where the user set those, for error messages.
    """

    def __init__(
        self,
        base_url: str,
        model: str,
        api_key_env: str | None,
        cache_dir: str | Path | None,
        concurrency: int = 4,
        max_retries: int = 4,
        timeout: float = 60,
        url_option: str = "base_url",
        model_option: str = "model",
        key_option: str = "api_key_env",
    ):
        from openai import OpenAI

        if concurrency < 1:
            raise UserError(f"concurrency is {concurrency}; give at least 1")
        self.base_url = base_url
        self.model = model
        self.api_key_env = api_key_env
        self.concurrency = concurrency
        self.url_option, self.model_option, self.key_option = url_option, model_option, key_option
        key = NO_KEY
        if api_key_env:
            key = os.environ.get(api_key_env, "").strip()
            if not key:
                raise UserError(
                    f"the environment variable {api_key_env} holding the API key for {redact_url(base_url)} "
                    f"is not set; export {api_key_env}=<your key>, name another variable with {key_option}, "
                    f"or pass {key_option} '' for a local server that needs no key"
                )
        self.cache_dir = Path(cache_dir).expanduser() if cache_dir else None
        if self.cache_dir is not None:
            try:
                self.cache_dir.mkdir(parents=True, exist_ok=True)
            except OSError as e:
                raise UserError(f"cannot create the cache directory {self.cache_dir}: {e.strerror}") from None
        self._client = OpenAI(base_url=base_url, api_key=key, max_retries=max_retries, timeout=timeout)
        self.usage = Usage()
        self._lock = threading.Lock()

    # -- cache --------------------------------------------------------------------------------------

    def _cache_path(self, key: str) -> Path | None:
        return None if self.cache_dir is None else self.cache_dir / key[:2] / f"{key}.json"

    def _cache_get(self, key: str) -> Result | None:
        path = self._cache_path(key)
        if path is None or not path.is_file():
            return None
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
            text = entry["text"]
            if not isinstance(text, str):
                return None
        except (OSError, ValueError, KeyError, TypeError):
            return None  # unreadable: ask again and overwrite it
        usage = entry.get("usage") or {}
        return Result(
            text=text,
            finish_reason=entry.get("finish_reason"),
            prompt_tokens=int(usage.get("prompt_tokens") or 0),
            completion_tokens=int(usage.get("completion_tokens") or 0),
            cached=True,
        )

    def _cache_put(self, key: str, messages: Sequence[dict], params: dict, result: Result) -> None:
        path = self._cache_path(key)
        if path is None:
            return
        entry = {
            "v": CACHE_VERSION,
            "model": self.model,
            "params": params,
            "messages": list(messages),
            "text": result.text,
            "finish_reason": result.finish_reason,
            "usage": {"prompt_tokens": result.prompt_tokens, "completion_tokens": result.completion_tokens},
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{key[:16]}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(entry, f, ensure_ascii=False, indent=1)
                f.write("\n")
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    # -- requests -----------------------------------------------------------------------------------

    def _request(self, messages: Sequence[dict], params: dict) -> Result:
        """One live request (the openai package retries transient failures); raise _Fatal or return."""
        import openai

        where = redact_url(self.base_url)
        try:
            resp = self._client.chat.completions.create(model=self.model, messages=list(messages), **params)
        except openai.APITimeoutError:
            raise _Fatal(
                f"{where} did not answer in time (after retries); check that the server at {self.url_option} "
                "is up and not overloaded, or lower the concurrency"
            ) from None
        except openai.APIConnectionError as e:
            cause = e.__cause__ or e
            raise _Fatal(
                f"cannot reach the chat endpoint {where} ({type(cause).__name__}: {cause}); start the "
                f"server, or fix the URL given by {self.url_option} (e.g. http://127.0.0.1:8080/v1)"
            ) from None
        except (openai.AuthenticationError, openai.PermissionDeniedError) as e:
            fix = (
                f"check the key in ${self.api_key_env}"
                if self.api_key_env
                else f"this server needs a key: name its environment variable with {self.key_option}"
            )
            raise _Fatal(f"{where} refused the request ({e.status_code}): {_short(e)}; {fix}") from None
        except openai.NotFoundError as e:
            raise _Fatal(
                f"{where} answered 404 for model {self.model!r}: {_short(e)}; check the model name "
                f"({self.model_option}) and that {self.url_option} ends with the API prefix, e.g. /v1"
            ) from None
        except openai.RateLimitError as e:
            raise _Fatal(
                f"{where} is still rate-limiting after retries: {_short(e)}; lower the concurrency, "
                "check the account's quota, or try again later"
            ) from None
        except openai.APIStatusError as e:  # 400, 422, 5xx after retries: this request only
            return Result(text=None, error=f"{e.status_code}: {_short(e)}")
        except openai.APIError as e:  # e.g. a response body that is not valid JSON
            return Result(text=None, error=f"{type(e).__name__}: {_short(e)}")
        if not getattr(resp, "choices", None):
            return Result(text=None, error="the response has no choices")
        choice = resp.choices[0]
        usage = getattr(resp, "usage", None)
        return Result(
            text=(choice.message.content if choice.message else None) or "",
            finish_reason=choice.finish_reason,
            prompt_tokens=int(getattr(usage, "prompt_tokens", 0) or 0),
            completion_tokens=int(getattr(usage, "completion_tokens", 0) or 0),
        )

    def complete(self, messages: Messages, **params) -> Result:
        """One conversation -> one Result (from the cache when it was asked before)."""
        return self.complete_many([messages], **params)[0]

    def complete_many(
        self,
        conversations: Sequence[Messages],
        progress: Callable[[int, int], None] | None = None,
        **params,
    ) -> list[Result]:
        """Complete every conversation, in order; params (temperature, max_tokens, seed, ...) go to the API.

        Cached answers are returned without a request. The first uncached request runs alone, so a
        server that is down or a wrong key fails fast; the rest run `concurrency` at a time. A failure
        no request can escape raises UserError; a failure of one request gives a Result with `error`.
        """
        total = len(conversations)
        results: list[Result | None] = [None] * total
        keys = [cache_key(self.model, msgs, params) for msgs in conversations]
        todo: dict[str, list[int]] = {}  # key -> indices; identical requests are sent once
        for i, key in enumerate(keys):
            if key in todo:
                todo[key].append(i)
                continue
            hit = self._cache_get(key)
            if hit is not None:
                results[i] = hit
                with self._lock:
                    self.usage.cache_hits += 1
            else:
                todo[key] = [i]
        done = total - sum(len(v) for v in todo.values())
        if progress:
            progress(done, total)
        stop = threading.Event()
        progress_lock = threading.Lock()

        def run(key: str) -> None:
            nonlocal done
            if stop.is_set():
                return
            idx = todo[key]
            try:
                res = self._request(conversations[idx[0]], params)
            except _Fatal:
                stop.set()
                raise
            with self._lock:
                self.usage.requests += 1
                self.usage.prompt_tokens += res.prompt_tokens
                self.usage.completion_tokens += res.completion_tokens
                self.usage.errors += res.error is not None
            if res.error is None:
                self._cache_put(key, conversations[idx[0]], params, res)
            for i in idx:
                results[i] = res
            with progress_lock:
                done += len(idx)
                if progress:
                    progress(done, total)

        pending = list(todo)
        try:
            if pending:
                run(pending[0])
            if len(pending) > 1:
                with ThreadPoolExecutor(max_workers=self.concurrency, thread_name_prefix="chat") as pool:
                    futures = [pool.submit(run, key) for key in pending[1:]]
                    try:
                        for f in futures:
                            f.result()
                    except BaseException:
                        stop.set()
                        for f in futures:
                            f.cancel()
                        raise
        except _Fatal as e:
            raise UserError(str(e)) from None
        return [r if r is not None else Result(text=None, error="not run") for r in results]


_WS = re.compile(r"\s+")


def _short(e: Exception, limit: int = 200) -> str:
    """The server's error message, on one line and not too long."""
    msg = getattr(e, "message", None) or str(e)
    body = getattr(e, "body", None)
    if isinstance(body, dict):
        inner = body.get("error", body.get("detail", body))
        if isinstance(inner, dict) and isinstance(inner.get("message"), str):
            msg = inner["message"]
        elif isinstance(inner, str):
            msg = inner
    msg = _WS.sub(" ", str(msg)).strip()
    return msg if len(msg) <= limit else msg[: limit - 3] + "..."
