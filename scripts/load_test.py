#!/usr/bin/env python3
"""Load-test a running `ecomintent serve` on this machine: N concurrent clients for T seconds.

    .venv/bin/python scripts/load_test.py --url http://127.0.0.1:8000 --clients 1,32,64 --seconds 30 \
        --out runs/load.json

Each phase runs its clients (asyncio tasks, one keep-alive connection each) against POST /v1/intent
with multilingual shopper queries, for --seconds (and at most --max-requests), and reports queries/s,
latency p50/p90/p99, errors, and the server's RSS at its start and end (the server is found from the
port in /proc, or given with --pid). Bounded: every phase stops by itself; only loopback targets.
Exit status 1 when any request failed.

Or let it start the server itself (on a free loopback port, stopped with SIGTERM at the end):
    --spawn-model FILE_OR_DIR     `ecomintent serve --model FILE_OR_DIR` (a real classifier artifact)
    --spawn-base-gguf FILE        a base GGUF without ecomintent metadata, with the default taxonomy's
                                  labels (e.g. the packaged SmolLM2: tests/conftest.py smollm2_gguf())
with --server-threads, --max-batch and --max-wait-ms passed on.
"""

from __future__ import annotations

import argparse
import asyncio
import ipaddress
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

try:
    import httpx2 as httpx
except ImportError:  # pragma: no cover - the older package name
    import httpx

QUERIES = [
    "where is my order #100234?",
    "do you have waterproof hiking boots in size 44?",
    "my card was declined at checkout",
    "Ich möchte meine Bestellung stornieren",
    "wann kommt mein Paket an?",
    "comment retourner ces chaussures ?",
    "est-ce que je peux payer en plusieurs fois ?",
    "¿puedo pagar con PayPal?",
    "quiero cambiar la dirección de entrega",
    "quanto costa la spedizione in Italia?",
    "il codice sconto non funziona",
    "o vestido azul está disponível no tamanho M?",
    "quero devolver este produto",
    "mój kod rabatowy nie działa",
    "gdzie jest moja paczka?",
    "želim promijeniti adresu dostave",
    "imate li ove tenisice u broju 42?",
    "what's the weather like tomorrow?",
]


def rss_mb(pid: int | None) -> float | None:
    if pid is None:
        return None
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def pid_listening_on(port: int) -> int | None:
    """The process holding a listening TCP socket on `port`, from /proc (Linux)."""
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            f = line.split()
            if len(f) > 9 and f[3] == "0A" and int(f[1].rsplit(":", 1)[1], 16) == port:
                inodes.add(f"socket:[{f[9]}]")
    if not inodes:
        return None
    for d in Path("/proc").iterdir():
        if not d.name.isdigit():
            continue
        try:
            for fd in (d / "fd").iterdir():
                if os.readlink(fd) in inodes:
                    return int(d.name)
        except OSError:
            continue
    return None


BASE_SERVER = """
import sys
from ecomintent.backends.base import ArtifactInfo
from ecomintent.backends.gguf import GGUFClassifier
from ecomintent.prompt import PROMPT_VERSION, SYSTEM
from ecomintent.serve import ServeSettings, bind_socket, create_app, run_server
from ecomintent.taxonomy import load_taxonomy

path, port, threads, max_batch, max_wait = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5])
tax = load_taxonomy()
info = ArtifactInfo(labels=tax.labels, prompt_version=PROMPT_VERSION, system_prompt=SYSTEM,
                    out_of_scope_label="out_of_scope" if "out_of_scope" in tax.labels else None,
                    descriptions={i.name: i.description for i in tax.intents})
settings = ServeSettings(max_batch=max_batch, max_wait_ms=max_wait)
sock = bind_socket("127.0.0.1", port)
clf = GGUFClassifier(path, info=info, threads=threads or None)
run_server(create_app(clf, settings), sock, settings, access_log=False, log_level="warning")
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def spawn(args) -> tuple[subprocess.Popen, str]:
    port = free_port()
    if args.spawn_model:
        exe = Path(sys.executable).parent / "ecomintent"
        cmd = [str(exe), "serve", "--model", args.spawn_model, "--port", str(port), "--no-access-log",
               "--max-batch", str(args.max_batch), "--max-wait-ms", str(args.max_wait_ms)]  # fmt: skip
        if args.server_threads:
            cmd += ["--threads", str(args.server_threads)]
        if args.server_dtype:
            cmd += ["--dtype", args.server_dtype]
    else:
        cmd = [sys.executable, "-c", BASE_SERVER, args.spawn_base_gguf, str(port), str(args.server_threads or 0),
               str(args.max_batch), str(args.max_wait_ms)]  # fmt: skip
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"load_test: the server exited with {proc.returncode}")
        try:
            if httpx.get(url + "/readyz", timeout=2).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    proc.kill()
    sys.exit("load_test: the server did not become ready in 300 s")


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    k = min(len(s) - 1, max(0, round(q / 100 * (len(s) - 1))))
    return s[k]


async def phase(
    url: str, clients: int, seconds: float, max_requests: int, texts: int, timeout: float, headers
):
    latencies: list[float] = []
    errors: dict[str, int] = {}
    sent = 0
    deadline = time.monotonic() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def client(i: int, http) -> None:
        nonlocal sent
        k = i
        while time.monotonic() < deadline and sent < max_requests:
            sent += 1
            batch = [QUERIES[(k + j) % len(QUERIES)] for j in range(texts)]
            k += texts
            body = {"text": batch[0]} if texts == 1 else {"texts": batch}
            t0 = time.perf_counter()
            try:
                r = await http.post("/v1/intent", json=body, headers=headers)
                if r.status_code != 200:
                    key = f"http {r.status_code}"
                    errors[key] = errors.get(key, 0) + 1
                    continue
                if len(r.json()["results"]) != texts:
                    errors["wrong answer"] = errors.get("wrong answer", 0) + 1
                    continue
            except httpx.HTTPError as e:
                key = type(e).__name__
                errors[key] = errors.get(key, 0) + 1
                continue
            latencies.append(time.perf_counter() - t0)

    async with httpx.AsyncClient(base_url=url, timeout=timeout, limits=limits) as http:
        t0 = time.monotonic()
        await asyncio.gather(*(client(i, http) for i in range(clients)))
        wall = time.monotonic() - t0
    ok = len(latencies)
    return {
        "clients": clients,
        "texts_per_request": texts,
        "seconds": round(wall, 2),
        "requests": ok + sum(errors.values()),
        "ok": ok,
        "errors": sum(errors.values()),
        "error_kinds": errors,
        "requests_per_s": round(ok / wall, 2),
        "queries_per_s": round(ok * texts / wall, 2),
        "latency_ms": {
            "p50": round(1000 * percentile(latencies, 50), 1),
            "p90": round(1000 * percentile(latencies, 90), 1),
            "p99": round(1000 * percentile(latencies, 99), 1),
            "max": round(1000 * max(latencies), 1) if latencies else None,
            "mean": round(1000 * statistics.fmean(latencies), 1) if latencies else None,
        },
    }


async def drained(url: str, limit_s: float = 300) -> None:
    """Wait until the server's queue is empty (requests that timed out may still hold the model)."""
    deadline = time.monotonic() + limit_s
    async with httpx.AsyncClient(base_url=url, timeout=10) as http:
        while time.monotonic() < deadline:
            try:
                text = (await http.get("/metrics")).text
            except httpx.HTTPError:
                return
            depth = [ln for ln in text.splitlines() if ln.startswith("ecomintent_queue_depth ")]
            if not depth or float(depth[0].split()[1]) == 0:
                return
            await asyncio.sleep(0.5)


def check_loopback(url: str) -> None:
    host = urlparse(url).hostname or ""
    try:
        addrs = {ai[4][0] for ai in socket.getaddrinfo(host, None)}
    except socket.gaierror:
        sys.exit(f"load_test: cannot resolve {host}")
    if not all(ipaddress.ip_address(a.split("%")[0]).is_loopback for a in addrs):
        sys.exit(f"load_test: {host} is not a loopback address; this script only loads this machine")


async def main_async(args) -> dict:
    url = args.url.rstrip("/")
    check_loopback(url)
    port = urlparse(url).port or 80
    pid = args.pid or pid_listening_on(port)
    headers = {}
    if args.api_key_env:
        headers["X-API-Key"] = os.environ.get(args.api_key_env, "")
    async with httpx.AsyncClient(base_url=url, timeout=10) as http:
        ready = await http.get("/readyz")
        if ready.status_code != 200:
            sys.exit(f"load_test: {url}/readyz answered {ready.status_code}; is the server up?")
        model = ready.json().get("model")
    counts = [int(c) for c in str(args.clients).split(",") if c.strip()]
    if any(c < 1 or c > 1024 for c in counts):
        sys.exit("load_test: --clients must be 1 to 1024")
    rss_start = rss_mb(pid)
    peak = rss_start or 0.0
    stop = asyncio.Event()

    async def sample():
        nonlocal peak
        while not stop.is_set():
            r = rss_mb(pid)
            if r:
                peak = max(peak, r)
            await asyncio.sleep(0.5)

    sampler = asyncio.create_task(sample())
    if args.warmup > 0:  # one client: caches warm, and no backlog left for the first phase
        await phase(url, 1, args.warmup, args.max_requests, args.texts, args.timeout, headers)
    rss_after_warmup = rss_mb(pid)
    phases = []
    for c in counts:
        await drained(url)
        r0 = rss_mb(pid)
        p = await phase(url, c, args.seconds, args.max_requests, args.texts, args.timeout, headers)
        p["rss_mb_start"], p["rss_mb_end"] = r0, rss_mb(pid)
        phases.append(p)
        lat = p["latency_ms"]
        print(
            f"{c:4d} clients: {p['queries_per_s']:8.1f} queries/s  p50 {lat['p50']:7.1f} ms  "
            f"p99 {lat['p99']:7.1f} ms  errors {p['errors']}"
            + (f"  rss {p['rss_mb_start']:.0f} -> {p['rss_mb_end']:.0f} MB" if p["rss_mb_start"] else ""),
            flush=True,
        )
    stop.set()
    await sampler
    rss_end = rss_mb(pid)
    report = {
        "url": url,
        "model": model,
        "server_pid": pid,
        "seconds_per_phase": args.seconds,
        "warmup_s": args.warmup,
        "phases": phases,
        "rss_mb": {
            "start": rss_start,
            "after_warmup": rss_after_warmup,
            "end": rss_end,
            "peak": peak or None,
            "growth_pct_after_warmup": round(100 * (rss_end - rss_after_warmup) / rss_after_warmup, 2)
            if rss_end and rss_after_warmup
            else None,
        },
        "machine": {"cpus": os.cpu_count()},
    }
    by_clients = {p["clients"]: p["queries_per_s"] for p in phases}
    if 1 in by_clients and by_clients[1] > 0:
        report["speedup_vs_1_client"] = {c: round(q / by_clients[1], 2) for c, q in by_clients.items()}
        print(
            "speedup vs 1 client: "
            + ", ".join(f"{c}: {s}x" for c, s in report["speedup_vs_1_client"].items())
        )
    if rss_end and rss_after_warmup:
        g = report["rss_mb"]["growth_pct_after_warmup"]
        print(
            f"server RSS: {rss_start:.0f} MB at start, {rss_after_warmup:.0f} after warm-up, {rss_end:.0f} at end ({g:+.1f}%)"
        )
    return report


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--url", default="http://127.0.0.1:8000", help="the server (loopback only)")
    ap.add_argument("--clients", default="32", help="concurrent clients; a comma list runs one phase each")
    ap.add_argument("--seconds", type=float, default=30.0, help="length of each phase")
    ap.add_argument("--warmup", type=float, default=3.0, help="seconds of load before measuring")
    ap.add_argument("--texts", type=int, default=1, help="texts per request")
    ap.add_argument("--max-requests", type=int, default=1_000_000, help="upper bound per phase")
    ap.add_argument("--timeout", type=float, default=60.0, help="client timeout per request, seconds")
    ap.add_argument("--pid", type=int, help="server process id (default: found from the port)")
    ap.add_argument("--api-key-env", help="environment variable holding the API key, if the server needs one")
    ap.add_argument("--out", help="write the JSON report here")
    spawn_group = ap.add_mutually_exclusive_group()
    spawn_group.add_argument(
        "--spawn-model", metavar="PATH", help="start `ecomintent serve --model PATH` first"
    )
    spawn_group.add_argument("--spawn-base-gguf", metavar="PATH", help="start a server on a base GGUF first")
    ap.add_argument("--server-threads", type=int, help="--threads for the spawned server")
    ap.add_argument("--server-dtype", help="--dtype for the spawned server (hf model directories)")
    ap.add_argument("--max-batch", type=int, default=32, help="--max-batch for the spawned server")
    ap.add_argument("--max-wait-ms", type=float, default=5.0, help="--max-wait-ms for the spawned server")
    args = ap.parse_args()
    if args.seconds <= 0 or args.seconds > 3600:
        sys.exit("load_test: --seconds must be in (0, 3600]")
    proc = None
    if args.spawn_model or args.spawn_base_gguf:
        proc, args.url = spawn(args)
        args.pid = proc.pid
    try:
        report = asyncio.run(main_async(args))
    finally:
        if proc is not None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    if proc is not None:
        report["spawned"] = {
            "model": args.spawn_model or args.spawn_base_gguf,
            "threads": args.server_threads,
            "max_batch": args.max_batch,
            "max_wait_ms": args.max_wait_ms,
            "exit_code": proc.returncode,
        }
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(json.dumps(report, indent=2) + "\n")
        print(f"wrote {args.out}")
    return 1 if any(p["errors"] for p in report["phases"]) else 0


if __name__ == "__main__":
    sys.exit(main())
