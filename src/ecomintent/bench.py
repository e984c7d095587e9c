"""The `bench` stage: every artifact of a run x backend x mode x device, measured the same way.

A run directory holds up to these artifacts (whichever stages ran):

    model/merged/          HF safetensors  -> hf-fp32, hf-fp16, hf-bf16 and hf-bnb4 (bitsandbytes NF4 on load)
    gguf/model-*.gguf      llama.cpp files -> gguf-f16, gguf-q8_0, gguf-q5_k_m, gguf-q4_k_m, gguf-q4_0
    gptq/                  GPTQ 4-bit dir  -> gptq-4bit  (`ecomintent export`'s export/*.gguf, export/gptq too)
    tfidf/                 TF-IDF baseline (or trained here from dataset/ when the backend can)

Each configuration (format x mode x device) runs in its own subprocess
(`python -m ecomintent.bench _worker --config JSON --out FILE`), so its peak RSS / VRAM is its own
and a crash, OOM or import error fails that configuration only. In the worker:

  1. load (timed); model size: the loaded weights' bytes for torch models, the files on disk otherwise;
  2. warm-up: one single query twice, one batch;
  3. single stream (concurrency 1): every query alone, `repeats` times -> latency p50/p95/p99 per
     query and the predictions that give accuracy and macro-F1 on the fixed test sample;
  4. concurrency c > 1: the same queries passed to `classify` in batches of c (one call per batch;
     concurrency here is the batch size, not threads), `repeats` times -> queries/s, median and
     min-max over the repeats;
  5. energy over steps 3-4 where RAPL (CPU package) or NVML (GPU) is readable;
  6. generate mode: prefill and decode tokens/s from the backend's own model object (a timed
     forward over the prompt, then a timed greedy continuation of fixed length);
  7. peak RSS (ru_maxrss of the worker) and peak VRAM (torch.cuda.max_memory_allocated).

The test sample is a fixed, intent-balanced sample of the test split (seed 0) in round-robin
order over intents, so that any prefix of it is balanced too: a slow configuration that must cut
the number of queries to fit its time share measures on a prefix of the same sample (`n_queries`
says how many).

Ratios are computed inside one run against the paper's baseline, HF FP16 in generate mode on the
same device (speed-up = qps ratio; memory reduction in percent of peak RSS on the CPU and of peak
VRAM on CUDA; size reduction in percent), and against HF FP32 generate on the same device
(`*_vs_fp32`). `qps` is the best median throughput over the measured concurrencies
(`qps_concurrency` says which).
"""

from __future__ import annotations

import contextlib
import fnmatch
import importlib.util
import json
import math
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

from .backends.base import DEFAULT_PRUNE
from .errors import UserError

DEFAULT_N = 200
DEFAULT_REPEATS = 3
DEFAULT_CONCURRENCY = (1, 8, 32)
DEFAULT_TIME_BUDGET_S = 480.0
SAMPLE_SEED = 0
MIN_CONFIG_S = 20.0  # a configuration is skipped when less than this is left of the budget
REPORT_MARGIN_S = 10.0  # kept back from the budget for writing the report
TEARDOWN_S = 15.0  # a worker's time after its hard deadline: the token-rate probe, peak memory, exit
MIN_QUERIES = 8  # a configuration measures at least this many queries, however slow
PROBE_QUERIES = 4  # generate mode: prompts timed for prefill / decode tokens/s
PROBE_NEW_TOKENS = 16  # decode tokens per probe prompt
LATENCY_SAMPLES_KEPT = 2000

EXPORT_DIRS = ("gguf", "export", "")  # where a run's GGUF files (and gptq/) may be, first wins
GGUF_QUANTS = ("f16", "q8_0", "q5_k_m", "q4_k_m", "q4_0")
HF_DTYPES = ("fp32", "fp16", "bf16")
# (format, mode) pairs measured by default; everything else only with --configs.
DEFAULT_SUBSET = {
    "cpu": {
        ("hf-fp16", "generate"),
        ("hf-fp32", "generate"),
        ("gguf-q4_k_m", "generate"),
        *(
            (f, "score")
            for f in ("hf-fp32", "hf-fp16", "hf-bf16", "hf-bnb4", "gptq-4bit", "tfidf")
            + tuple(f"gguf-{q}" for q in GGUF_QUANTS)
        ),
    },
    "cuda": {
        ("hf-fp16", "generate"),
        ("hf-fp32", "generate"),
        ("gptq-4bit", "generate"),
        ("hf-bnb4", "generate"),
        *((f, "score") for f in ("hf-fp32", "hf-fp16", "hf-bf16", "hf-bnb4", "gptq-4bit")),
    },
}
BASELINE = ("hf-fp16", "generate")  # the paper's baseline, on each device
BASELINE_STAND_IN = ("hf-bf16", "generate")  # measured and used instead where FP16's answers are invalid
MIN_VALID = 0.5  # a reference must answer at least this share of queries with a valid label
FP32_REFERENCE = ("hf-fp32", "generate")
# Running order: the references first (so that ratios exist even when the budget runs out), then
# the formats a user is most likely to deploy.
PRIORITY = [
    ("hf-fp16", "generate"),
    ("hf-fp32", "generate"),
    ("gguf-q4_k_m", "score"),
    ("gguf-q4_k_m", "generate"),
    ("hf-fp32", "score"),
    ("tfidf", "score"),
    ("gptq-4bit", "score"),
    ("gptq-4bit", "generate"),
    ("hf-bnb4", "score"),
    ("hf-bnb4", "generate"),
    ("gguf-q8_0", "score"),
    ("gguf-q5_k_m", "score"),
    ("gguf-q4_0", "score"),
    ("hf-bf16", "score"),
    ("hf-fp16", "score"),
    ("gguf-f16", "score"),
]
# Relative share of the time budget (generate is slower per query than score).
WEIGHT = {"generate": 1.5, "score": 1.0}


@dataclass
class BenchConfig:
    format: str  # hf-fp32 | hf-fp16 | hf-bf16 | hf-bnb4 | gguf-<quant> | gptq-4bit | tfidf
    mode: str  # score | generate
    device: str  # cpu | cuda
    artifact: str  # path relative to the run directory (or absolute)
    backend: str  # the load_classifier backend: hf | gguf | gptq | tfidf
    dtype: str | None = None  # load_classifier dtype (fp32/fp16/bf16/nf4) where it applies
    default: bool = True  # part of the default subset
    unavailable: str | None = None  # why it cannot run on this machine (-> skipped)

    @property
    def id(self) -> str:
        return f"{self.format}:{self.mode}:{self.device}"

    @property
    def weight(self) -> float:
        return 0.5 if self.backend == "tfidf" else WEIGHT.get(self.mode, 1.0)


@dataclass
class BenchSettings:
    n: int = DEFAULT_N
    repeats: int = DEFAULT_REPEATS
    concurrency: tuple[int, ...] = DEFAULT_CONCURRENCY
    device: str = "auto"  # auto | cpu | cuda
    time_budget_s: float = DEFAULT_TIME_BUDGET_S
    configs: list[str] | None = None  # glob patterns over config ids; None = the default subset
    threads: int | None = None  # CPU threads per worker; None = all cores
    seed: int = SAMPLE_SEED
    loader: str | None = None  # "module:function" replacing backends.load_classifier (tests)
    prune: float = DEFAULT_PRUNE  # score mode (hf, gptq, gguf): skip label groups that cannot win


# ---------------------------------------------------------------------------------------------
# discovery


def _has(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def cuda_available() -> bool:
    try:
        import torch

        return bool(torch.cuda.is_available())
    except Exception:
        return False


def resolve_devices(device: str) -> list[str]:
    if device not in ("auto", "cpu", "cuda"):
        raise UserError(f"--device must be auto, cpu or cuda, not {device!r}")
    has_cuda = cuda_available() if device in ("auto", "cuda") else False
    if device == "cuda" and not has_cuda:
        raise UserError("--device cuda: no CUDA GPU is visible to torch; use --device cpu or auto")
    return ["cpu", "cuda"] if has_cuda else ["cpu"]


def _tfidf_trainer():
    """The tfidf backend's trainer (`backends.tfidf.train(data_dir, out_dir)`), if importable."""
    try:
        from .backends.tfidf import train
    except ImportError:
        return None
    return train


def discover(run_dir: str | Path, devices: list[str]) -> list[BenchConfig]:
    """Every configuration the run directory's artifacts allow, on the given devices."""
    run = Path(run_dir)
    found: list[tuple[str, str, str, str | None]] = []  # (format, artifact, backend, dtype)
    merged = run / "model" / "merged"
    if (merged / "ecomintent.json").is_file():
        for dt in HF_DTYPES:
            found.append((f"hf-{dt}", "model/merged", "hf", dt))
        found.append(("hf-bnb4", "model/merged", "hf", "nf4"))
    seen: set[str] = set()
    for sub in EXPORT_DIRS:  # the export stage's directory, or gguf/ + gptq/ beside model/
        gdir = run / sub if sub else run
        if not gdir.is_dir():
            continue
        listed = _manifest_files(gdir)
        for f in sorted(gdir.glob("*.gguf")):
            if listed is not None and f.name not in listed:
                continue  # left by an export of another model: not this run's artifact
            stem = f.stem.lower()
            quant = stem.split("model-", 1)[1] if stem.startswith("model-") else stem
            if f"gguf-{quant}" not in seen:
                seen.add(f"gguf-{quant}")
                found.append((f"gguf-{quant}", f"{sub}/{f.name}" if sub else f.name, "gguf", None))
        q = gdir / "gptq"
        ours = listed is None or q.name in listed  # else a GPTQ directory of another model
        if ours and "gptq-4bit" not in seen and q.is_dir() and any(q.iterdir()):
            seen.add("gptq-4bit")
            found.append(("gptq-4bit", f"{sub}/gptq" if sub else "gptq", "gptq", None))
    if (run / "tfidf").is_dir():
        found.append(("tfidf", "tfidf", "tfidf", None))
    elif (run / "dataset" / "train.jsonl").is_file():
        found.append(("tfidf", "<train>", "tfidf", None))

    out: list[BenchConfig] = []
    for device in devices:
        for fmt, art, backend, dtype in found:
            if backend == "gguf" and device != "cpu":
                continue  # llama.cpp runs here on the CPU build; GPU offload is not measured
            if backend == "tfidf" and device != "cpu":
                continue
            modes = ("score",) if backend == "tfidf" else ("score", "generate")
            for mode in modes:
                c = BenchConfig(fmt, mode, device, art, backend, dtype)
                c.default = (fmt, mode) in DEFAULT_SUBSET[device]
                c.unavailable = _unavailable(c)
                out.append(c)
    rank = {k: i for i, k in enumerate(PRIORITY)}
    out.sort(key=lambda c: (c.device != "cpu", rank.get((c.format, c.mode), len(rank)), c.format, c.mode))
    return out


def _manifest_files(gdir: Path) -> set[str] | None:
    """The file names an export manifest in `gdir` lists (None: no readable manifest there)."""
    try:
        doc = json.loads((gdir / "export_manifest.json").read_text(encoding="utf-8"))
        return {Path(str(a.get("path", ""))).name for a in (doc.get("artifacts") or {}).values()}
    except (OSError, ValueError, AttributeError):
        return None


def _unavailable(c: BenchConfig) -> str | None:
    if c.backend == "gguf" and not _has("llama_cpp"):
        return "llama-cpp-python is not installed"
    if c.format == "hf-bnb4" and not _has("bitsandbytes"):
        return "bitsandbytes is not installed"
    if c.backend == "gptq" and not (_has("gptqmodel") or _has("auto_gptq")):
        return "no GPTQ kernel package (gptqmodel) is installed; pip install gptqmodel (CUDA)"
    if c.backend == "tfidf" and not _has("sklearn"):
        return "scikit-learn is not installed"
    if c.backend == "tfidf" and c.artifact == "<train>" and _tfidf_trainer() is None:
        return "no tfidf/ artifact in the run and the tfidf backend offers no trainer"
    return None


def select(configs: list[BenchConfig], patterns: list[str] | None) -> list[BenchConfig]:
    """The default subset, or the configurations whose id (format:mode:device) matches a pattern.

    A pattern without ':' matches the format alone (`gguf-*` = every GGUF file, both modes);
    `all` selects everything; `default` the default subset.
    """
    if not patterns:
        return [c for c in configs if c.default]
    chosen = []
    for c in configs:
        for p in patterns:
            p = p.strip()
            if (
                p == "all"
                or (p == "default" and c.default)
                or fnmatch.fnmatch(c.id, p)
                or (":" not in p and fnmatch.fnmatch(c.format, p))
                or (p.count(":") == 1 and fnmatch.fnmatch(f"{c.format}:{c.mode}", p))
            ):
                chosen.append(c)
                break
    if not chosen:
        ids = ", ".join(c.id for c in configs) or "none"
        raise UserError(f"--configs {','.join(patterns)} matches no configuration; available: {ids}")
    return chosen


# ---------------------------------------------------------------------------------------------
# the fixed test sample


def fixed_sample(rows: list[dict], n: int, seed: int = SAMPLE_SEED) -> list[dict]:
    """n rows, intent-balanced, in round-robin order over intents (every prefix stays balanced).

    Within an intent the languages alternate. Deterministic: independent of the file's row order.
    """
    rng = random.Random(seed)
    queues: list[list[dict]] = []
    by_intent: dict[str, list[dict]] = {}
    for r in rows:
        by_intent.setdefault(r["intent"], []).append(r)
    for intent in sorted(by_intent):
        by_lang: dict[str, list[dict]] = {}
        for r in sorted(by_intent[intent], key=lambda r: (str(r.get("id", "")), r["text"])):
            by_lang.setdefault(str(r.get("language", "")), []).append(r)
        langs = sorted(by_lang)
        rng.shuffle(langs)
        for v in by_lang.values():
            rng.shuffle(v)
        depth = max(len(v) for v in by_lang.values())
        queues.append([by_lang[lang][k] for k in range(depth) for lang in langs if k < len(by_lang[lang])])
    rng.shuffle(queues)
    out: list[dict] = []
    k = 0
    while len(out) < n and any(k < len(q) for q in queues):
        for q in queues:
            if k < len(q) and len(out) < n:
                out.append(q[k])
        k += 1
    return out


# ---------------------------------------------------------------------------------------------
# machine


def _read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError:
        return ""


def _version(dist: str) -> str | None:
    from importlib import metadata

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def machine_info(devices: list[str]) -> dict:
    cpu = next(
        (
            ln.split(":", 1)[1].strip()
            for ln in _read("/proc/cpuinfo").splitlines()
            if ln.startswith("model name")
        ),
        platform.processor() or platform.machine(),
    )
    mem_kb = next(
        (int(ln.split()[1]) for ln in _read("/proc/meminfo").splitlines() if ln.startswith("MemTotal:")), 0
    )
    flags = _read("/proc/cpuinfo")
    info = {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gb": round(mem_kb / 2**20, 1) if mem_kb else None,
        "cpu_features": [
            f for f in ("avx2", "avx512f", "avx512_bf16", "amx_bf16", "avx512_vnni") if f in flags
        ],
        "os": platform.platform(),
        "python": platform.python_version(),
        "gpu": None,
        "gpu_memory_gb": None,
        "cuda": None,
        "libraries": {
            d: _version(d)
            for d in (
                "ecomintent",
                "torch",
                "transformers",
                "llama_cpp_python",
                "bitsandbytes",
                "gptqmodel",
                "optimum",
                "scikit-learn",
                "numpy",
            )
        },
        "energy": {d: energy_source(d)[1] for d in devices},
    }
    if "cuda" in devices:
        try:
            import torch

            p = torch.cuda.get_device_properties(0)
            info.update(gpu=p.name, gpu_memory_gb=round(p.total_memory / 2**30, 1), cuda=torch.version.cuda)
        except Exception as e:  # pragma: no cover - GPU only
            info["gpu"] = f"unknown ({e})"
    return info


# ---------------------------------------------------------------------------------------------
# energy

RAPL = Path("/sys/class/powercap/intel-rapl:0/energy_uj")


def energy_source(device: str) -> tuple[str | None, str]:
    """(source, note): "rapl" / "nvml" / None with why."""
    if device == "cuda":
        try:
            import pynvml

            pynvml.nvmlInit()
            h = pynvml.nvmlDeviceGetHandleByIndex(0)
            pynvml.nvmlDeviceGetTotalEnergyConsumption(h)
            return "nvml", "NVML total energy of GPU 0 (whole board)"
        except Exception as e:
            return None, f"NVML energy not readable ({type(e).__name__}: {e}); pip install nvidia-ml-py"
    try:
        int(RAPL.read_text())
        return "rapl", f"RAPL package energy ({RAPL}); includes everything else running on the package"
    except (OSError, ValueError) as e:
        return None, f"RAPL not readable here ({RAPL}: {getattr(e, 'strerror', None) or e})"


class EnergyMeter:
    def __init__(self, device: str):
        self.source, self.note = energy_source(device)
        self._start: float | None = None

    def _read_j(self) -> float | None:
        try:
            if self.source == "rapl":
                return int(RAPL.read_text()) / 1e6
            if self.source == "nvml":
                import pynvml

                h = pynvml.nvmlDeviceGetHandleByIndex(0)
                return pynvml.nvmlDeviceGetTotalEnergyConsumption(h) / 1e3
        except Exception:
            return None
        return None

    def start(self) -> None:
        self._start = self._read_j()

    def stop(self) -> float | None:
        end = self._read_j()
        if self._start is None or end is None:
            return None
        d = end - self._start
        if d < 0 and self.source == "rapl":  # counter wrapped
            try:
                d += int(Path(str(RAPL).replace("energy_uj", "max_energy_range_uj")).read_text()) / 1e6
            except (OSError, ValueError):
                return None
        return d


# ---------------------------------------------------------------------------------------------
# the worker (runs in its own process)


def peak_rss_mb() -> float:
    """This process's peak resident set: VmHWM where Linux gives it.

    Not getrusage's ru_maxrss: Linux carries it over fork + exec, so a child spawned by a large
    parent would report at least the parent's size.
    """
    for ln in _read("/proc/self/status").splitlines():
        if ln.startswith("VmHWM:"):
            return int(ln.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def current_rss_mb() -> float:
    for ln in _read("/proc/self/status").splitlines():
        if ln.startswith("VmRSS:"):
            return int(ln.split()[1]) / 1024
    return peak_rss_mb()


def percentile(xs: list[float], q: float) -> float | None:
    if not xs:
        return None
    s = sorted(xs)
    k = (len(s) - 1) * q / 100
    lo, hi = math.floor(k), math.ceil(k)
    return s[lo] + (s[hi] - s[lo]) * (k - lo)


def macro_f1(gold: list[str], pred: list[str]) -> float:
    """Macro-F1 as `ecomintent evaluate` computes it (scikit-learn's definition, zero_division=0)."""
    from .evaluate import macro_f1 as f1

    return f1(gold, pred)


def disk_size_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 2**20
    if path.is_dir():
        skip = {".md", ".txt", ".yaml", ".json"}
        return sum(f.stat().st_size for f in path.rglob("*") if f.is_file() and f.suffix not in skip) / 2**20
    return 0.0


def _find(obj, pred, depth: int = 3, _seen=None):
    """The first attribute (searching `depth` levels of instance attributes) for which pred holds."""
    seen = _seen if _seen is not None else set()
    if id(obj) in seen:
        return None
    seen.add(id(obj))
    if pred(obj):
        return obj
    if depth <= 0:
        return None
    try:
        items = list(vars(obj).values())
    except TypeError:
        return None
    for v in items:
        if isinstance(v, (str, bytes, int, float, bool, type(None))):
            continue
        r = _find(v, pred, depth - 1, seen)
        if r is not None:
            return r
    return None


def _torch_module(clf):
    torch = sys.modules.get("torch")
    if torch is None:
        return None
    return _find(clf, lambda o: isinstance(o, torch.nn.Module), depth=3)


def _hf_tokenizer(clf):
    tf = sys.modules.get("transformers")
    if tf is None:
        return None
    return _find(clf, lambda o: isinstance(o, tf.PreTrainedTokenizerBase), depth=3)


def load(cfg: dict, info=None):
    """Load one configuration's classifier through the shared backend loader.

    cfg["loader"] or $ECOMINTENT_BENCH_LOADER ("module:function", the signature of load_classifier)
    replaces the loader; tests use it.
    """
    spec = cfg.get("loader") or os.environ.get("ECOMINTENT_BENCH_LOADER")
    if spec:
        import importlib

        mod, _, fn = spec.partition(":")
        load_classifier = getattr(importlib.import_module(mod), fn)
    else:
        from .backends import load_classifier

    kw = dict(
        backend=cfg["backend"],
        mode=cfg["mode"],
        device=cfg["device"],
        threads=cfg.get("threads"),
    )
    if cfg.get("dtype"):
        kw["dtype"] = cfg["dtype"]
    if cfg.get("prune") and cfg["mode"] == "score":  # load_classifier ignores it where nothing prunes
        kw["prune"] = cfg["prune"]
    if info is not None:
        kw["info"] = info
    return load_classifier(cfg["artifact_path"], **kw)


def _weights_mb(clf, cfg: dict) -> tuple[float, str]:
    path = Path(cfg["artifact_path"])
    if cfg["backend"] == "hf":
        m = _torch_module(clf)
        if m is not None:
            n = sum(p.numel() * p.element_size() for p in m.parameters())
            n += sum(b.numel() * b.element_size() for b in m.buffers())
            return n / 2**20, "loaded weights (parameters + buffers, bytes in memory)"
    return disk_size_mb(path), "files on disk"


def _token_rates(clf, texts: list[str], cfg: dict) -> dict:
    """Prefill and decode tokens/s of the backend's own model object (generate mode).

    The prompt is evaluated from an empty cache (no prefix reuse), so prefill is the raw rate.
    """
    from .prompt import clean_query

    out: dict = {"prefill_tok_s": None, "decode_tok_s": None, "token_rate_note": None}
    texts = texts[:PROBE_QUERIES] or ["where is my order"]
    if all(hasattr(clf, a) for a in ("_eval_prompt", "_decode", "_reset", "fmt")):  # the gguf backend
        pre_t = pre_n = dec_t = dec_n = 0.0
        try:
            for t in texts:
                ids = clf.fmt.prompt_ids(clean_query(t)[0])
                clf._reset()
                t0 = time.perf_counter()
                clf._eval_prompt(ids)
                pre_t += time.perf_counter() - t0
                pre_n += len(ids)
                t0 = time.perf_counter()
                for j in range(PROBE_NEW_TOKENS):
                    clf._decode([(ids[-1], len(ids) + j, [0], True)])
                dec_t += time.perf_counter() - t0
                dec_n += PROBE_NEW_TOKENS
        finally:
            clf._reset()
        out.update(prefill_tok_s=pre_n / pre_t, decode_tok_s=dec_n / dec_t)
        out["token_rate_note"] = (
            f"llama.cpp: {len(texts)} prompts decoded from an empty cache, then {PROBE_NEW_TOKENS} "
            "single-token decode steps each"
        )
        return out
    model, tok = _torch_module(clf), _hf_tokenizer(clf)
    if model is not None and tok is not None and hasattr(model, "generate"):
        import torch

        from .prompt import PromptFormat

        fmt = PromptFormat.for_tokenizer(tok)
        dev = next(model.parameters()).device
        sync = torch.cuda.synchronize if dev.type == "cuda" else (lambda: None)
        pre_t = pre_n = dec_t = dec_n = 0.0
        with torch.no_grad():
            for t in texts:
                ids = torch.tensor([fmt.prompt_ids(clean_query(t)[0])], device=dev)
                sync()
                t0 = time.perf_counter()
                model(input_ids=ids, use_cache=True)
                sync()
                t_pre = time.perf_counter() - t0
                t0 = time.perf_counter()
                model.generate(
                    input_ids=ids,
                    attention_mask=torch.ones_like(ids),
                    max_new_tokens=PROBE_NEW_TOKENS,
                    min_new_tokens=PROBE_NEW_TOKENS,
                    do_sample=False,
                    pad_token_id=tok.pad_token_id if tok.pad_token_id is not None else tok.eos_token_id,
                )
                sync()
                t_gen = time.perf_counter() - t0
                pre_t += t_pre
                pre_n += ids.shape[1]
                dec_t += max(t_gen - t_pre, 1e-9)
                dec_n += PROBE_NEW_TOKENS
        out.update(prefill_tok_s=pre_n / pre_t, decode_tok_s=dec_n / dec_t)
        out["token_rate_note"] = (
            f"torch: forward over {PROBE_QUERIES} prompts (batch 1); decode = greedy generate of "
            f"{PROBE_NEW_TOKENS} tokens minus the prefill time"
        )
        return out
    out["token_rate_note"] = "the backend exposes no model object to time tokens on"
    return out


class _Clock:
    def __init__(self, deadline: float, hard: float | None = None):
        self.deadline = deadline  # what the plan aims at
        self.hard = hard if hard is not None else deadline  # where every loop stops

    def left(self) -> float:
        return self.deadline - time.time()


def _timed(fn, *a):
    t0 = time.perf_counter()
    r = fn(*a)
    return r, time.perf_counter() - t0


def measure(clf, cfg: dict, rows: list[dict], clock: _Clock, sync=lambda: None, res=None, save=None) -> dict:
    """Steps 2-6 of the module docstring on a loaded classifier; returns the result fields.

    Planning aims at `clock.deadline`; every loop also stops at `clock.hard` (keeping what it
    measured), so that a configuration slower than its warm-up suggested ends with a (smaller)
    result instead of being killed.
    """
    texts = [r["text"] for r in rows]
    gold = [r["intent"] for r in rows]
    n = len(texts)
    concurrency = sorted({int(c) for c in cfg["concurrency"]})
    repeats = max(1, int(cfg["repeats"]))
    res = res if res is not None else {}
    res["notes"] = []
    save = save or (lambda phase: None)

    def past_hard() -> bool:
        return time.time() > clock.hard

    # warm-up; estimates of the cost of one query alone and of one query in a batch
    _, res["first_query_ms"] = _timed(clf.classify, texts[:1])
    res["first_query_ms"] *= 1000
    save("warm-up")
    _, t1 = _timed(clf.classify, texts[1:2] or texts[:1])
    res["warmup_query_ms"] = t1 * 1000
    save("warm-up (batch)")
    big = [c for c in concurrency if c > 1]
    tb = t1
    if big and not past_hard():
        wb = min(max(big), 4, n)
        _, tw = _timed(clf.classify, texts[:wb])
        tb = tw / wb
        res["warmup_batch_ms_per_query"] = tb * 1000
    per_query = t1 + sum(min(t1, tb) for _ in big)  # one query through every concurrency level
    save("single stream")

    # fit queries and repeats into this configuration's share of the budget
    avail = max(clock.left() - (5.0 if cfg["mode"] == "generate" else 1.0), 0.0)
    n_eff = min(n, int(avail / (repeats * per_query)) if per_query > 0 else n)
    reps = repeats
    if n_eff < min(n, 3 * MIN_QUERIES) and repeats > 1:
        reps = 1
        n_eff = min(n, int(avail / per_query) if per_query > 0 else n)
    n_eff = max(n_eff, min(n, MIN_QUERIES))
    if n_eff < n or reps < repeats:
        res["notes"].append(
            f"cut to {n_eff} of {n} queries x {reps} of {repeats} repeats to fit its time share "
            f"(~{per_query * 1000:.0f} ms per query over all concurrency levels)"
        )

    meter = EnergyMeter(cfg["device"])
    meter.start()
    done_queries = 0
    # concurrency 1: single stream; its first pass gives the predictions
    lat_runs: list[list[float]] = []
    preds: list = []
    qps: dict[str, dict] = {}
    runs1 = []
    for r in range(reps):
        if r > 0 and (clock.left() < n_eff * t1 or past_hard()):
            res["notes"].append(f"single stream: {r} of {reps} repeats (time share spent)")
            break
        lats, got = [], []
        t_all = time.perf_counter()
        for q in texts[:n_eff]:
            if got and past_hard():
                break
            t0 = time.perf_counter()
            p = clf.classify([q])
            sync()
            lats.append((time.perf_counter() - t0) * 1000)
            got.append(p[0])
        runs1.append(len(got) / (time.perf_counter() - t_all))
        done_queries += len(got)
        lat_runs.append(lats)
        if r == 0:
            preds = got
            if len(got) < n_eff:
                res["notes"].append(
                    f"single stream stopped at the hard limit after {len(got)} of {n_eff} queries"
                )
                n_eff = len(got)
    texts, gold = texts[:n_eff], gold[:n_eff]
    if 1 in concurrency:
        qps["1"] = _spread(runs1)
    save(f"concurrency {big[0]}" if big else "results")
    # concurrency c > 1: batches of c queries per classify() call
    batch_preds = None
    for c in big:
        m = min(max(n_eff, c), n)
        if m > n_eff and clock.left() < m * tb * reps:
            m = n_eff  # a smaller batch than c rather than no figure
        batch_texts = [r["text"] for r in rows[:m]]
        runs = []
        for r in range(reps):
            if runs and (clock.left() < m * tb or past_hard()):
                res["notes"].append(f"concurrency {c}: {r} of {reps} repeats (time share spent)")
                break
            if not runs and past_hard():
                res["notes"].append(f"concurrency {c}: not measured (time share spent)")
                break
            t0 = time.perf_counter()
            got = []
            for i in range(0, m, c):
                if got and past_hard():
                    break
                got.extend(clf.classify(batch_texts[i : i + c]))
            sync()
            runs.append(len(got) / (time.perf_counter() - t0))
            done_queries += len(got)
            if batch_preds is None and len(got) >= n_eff:
                batch_preds = got[:n_eff]
        if runs:
            qps[str(c)] = _spread(runs) | {"batch": min(c, m), "queries": m}
        save(f"concurrency {c}")
    joules = meter.stop()

    pred = [p.intent for p in preds]
    res["n_queries"] = n_eff
    res["repeats"] = len(lat_runs)
    res["accuracy"] = sum(p == g for p, g in zip(pred, gold, strict=True)) / n_eff
    res["macro_f1"] = macro_f1(gold, pred)
    res["valid_rate"] = sum(bool(p.valid) for p in preds) / n_eff
    if batch_preds is not None:
        res["batch_agreement"] = sum(
            a.intent == b.intent for a, b in zip(preds, batch_preds, strict=True)
        ) / len(batch_preds)
    lat = [x for run in lat_runs for x in run]
    for q in (50, 95, 99):
        res[f"latency_ms_p{q}"] = percentile(lat, q)
    res["latency_ms_mean"] = statistics.fmean(lat)
    p50s = [percentile(run, 50) for run in lat_runs]
    res["latency_ms_p50_range"] = [min(p50s), max(p50s)]
    res["latency_samples_ms"] = [round(x, 3) for x in lat_runs[0][:LATENCY_SAMPLES_KEPT]]
    res["throughput"] = qps
    best = max(qps.items(), key=lambda kv: kv[1]["qps"])
    res["qps"], res["qps_concurrency"] = best[1]["qps"], int(best[0])
    res["qps_range"] = [best[1]["min"], best[1]["max"]]
    res["energy_source"] = meter.source
    res["energy_note"] = meter.note
    res["energy_j_per_1k"] = joules / done_queries * 1000 if joules is not None and done_queries else None
    save("token rates")
    if cfg["mode"] == "generate":
        k = PROBE_QUERIES if clock.left() > 4 * per_query else 1
        try:
            res.update(_token_rates(clf, texts[:k], cfg))
        except Exception as e:
            res.update(prefill_tok_s=None, decode_tok_s=None, token_rate_note=f"probe failed: {e!r}")
    else:
        res.update(prefill_tok_s=None, decode_tok_s=None, token_rate_note="score mode: no decoding")
    return res


def _spread(runs: list[float]) -> dict:
    return {"qps": statistics.median(runs), "min": min(runs), "max": max(runs), "runs": runs}


def run_worker(cfg: dict) -> dict:
    """Everything measured about one configuration, in this process."""
    t_start = time.time()
    clock = _Clock(cfg.get("deadline") or (t_start + 600), cfg.get("hard_deadline"))
    res: dict = {"status": "failed"}
    res["rss_before_load_mb"] = current_rss_mb()
    rows = [json.loads(ln) for ln in Path(cfg["sample_path"]).read_text(encoding="utf-8").splitlines() if ln]
    cuda = cfg["device"] == "cuda"
    sync = lambda: None  # noqa: E731
    if cuda:
        import torch

        torch.cuda.reset_peak_memory_stats()
        sync = torch.cuda.synchronize
    partial = cfg.get("partial_path")

    def save(phase: str) -> None:
        """What is known so far, for the parent to report if this process must be killed."""
        if partial:
            res["phase"] = phase
            res["peak_rss_mb"] = peak_rss_mb()
            tmp = f"{partial}.tmp"
            Path(tmp).write_text(json.dumps(res), encoding="utf-8")
            os.replace(tmp, partial)

    save("load")
    t0 = time.perf_counter()
    clf = load(cfg)
    sync()
    res["load_s"] = time.perf_counter() - t0
    res["rss_after_load_mb"] = current_rss_mb()
    res["size_mb"], res["size_basis"] = _weights_mb(clf, cfg)
    res["file_size_mb"] = disk_size_mb(Path(cfg["artifact_path"]))
    save("warm-up")
    try:
        res.update(measure(clf, cfg, rows, clock, sync, res=res, save=save))
    finally:
        res["peak_rss_mb"] = peak_rss_mb()
        if cuda:
            import torch

            res["peak_vram_mb"] = torch.cuda.max_memory_allocated() / 2**20
            res["peak_vram_reserved_mb"] = torch.cuda.max_memory_reserved() / 2**20
        else:
            res["peak_vram_mb"] = None
        with contextlib.suppress(Exception):
            clf.close()
    res["status"] = "ok"
    res.pop("phase", None)
    res["worker_s"] = time.time() - t_start
    return res


def _worker_main(argv: list[str]) -> int:
    import argparse

    ap = argparse.ArgumentParser(prog="python -m ecomintent.bench _worker")
    ap.add_argument("--config", required=True, help="JSON of the configuration")
    ap.add_argument("--out", required=True, help="where to write the result JSON")
    a = ap.parse_args(argv)
    cfg = json.loads(a.config)
    try:
        if cfg.get("threads") and cfg["device"] == "cpu" and cfg["backend"] in ("hf", "gptq"):
            import torch

            torch.set_num_threads(int(cfg["threads"]))
        res = run_worker(cfg)
    except BaseException as e:  # reported, never raised: one configuration failing sinks nothing
        res = {
            "status": "failed",
            "error": f"{type(e).__name__}: {e}".strip()[:2000],
            "traceback": traceback.format_exc()[-4000:],
            "peak_rss_mb": peak_rss_mb(),
        }
    Path(a.out).write_text(json.dumps(res), encoding="utf-8")
    return 0


# ---------------------------------------------------------------------------------------------
# the orchestrator


def spawn_worker(cfg: dict, timeout: float, log_path: Path) -> dict:
    """Run one configuration in a fresh interpreter; a crash or timeout becomes a failed result."""
    out = log_path.with_suffix(".json")
    partial = log_path.with_suffix(".partial.json")
    cfg = cfg | {"partial_path": str(partial)}
    cmd = [
        sys.executable,
        "-m",
        "ecomintent.bench",
        "_worker",
        "--config",
        json.dumps(cfg),
        "--out",
        str(out),
    ]
    env = dict(os.environ, PYTHONUNBUFFERED="1", TOKENIZERS_PARALLELISM="false")
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, env=env)
        try:
            rc = proc.wait(timeout=max(timeout, 1.0))
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            known = {}
            with contextlib.suppress(OSError, json.JSONDecodeError):
                known = json.loads(partial.read_text(encoding="utf-8"))
            phase = known.pop("phase", None)
            slow = ""
            if known.get("first_query_ms"):
                slow = f"; one query took {known['first_query_ms'] / 1000:.1f} s"
            return known | {
                "status": "failed",
                "error": f"timed out after {timeout:.0f} s (the time budget) in phase {phase or 'start-up'}"
                f"{slow}; killed",
                "log_tail": _tail(log_path),
            }
    if out.is_file():
        try:
            return json.loads(out.read_text(encoding="utf-8"))
        except json.JSONDecodeError:
            pass
    why = f"killed by signal {-rc}" if rc < 0 else f"exited with status {rc}"
    if rc in (-9, 137):
        why += " (out of memory?)"
    return {"status": "failed", "error": f"worker {why} without a result", "log_tail": _tail(log_path)}


def _tail(path: Path, n: int = 3000) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")[-n:]
    except OSError:
        return ""


Runner = Callable[[dict, float, Path], dict]


def run_bench(
    run_dir: str | Path,
    settings: BenchSettings | None = None,
    runner: Runner | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    work_dir: str | Path | None = None,
) -> dict:
    """Measure the selected configurations of a run directory; return bench.json's content.

    `runner(cfg, timeout_s, log_path) -> result` runs one configuration (default: a subprocess).
    Nothing is written into the run directory here; see `write_bench`.
    """
    s = settings or BenchSettings()
    if s.n < 1 or s.repeats < 1:
        raise UserError("--n and --repeats must be at least 1")
    if not s.concurrency or min(s.concurrency) < 1:
        raise UserError("--concurrency needs positive integers, e.g. 1,8,32")
    run = Path(run_dir)
    if not run.is_dir():
        raise UserError(f"{run} is not a run directory; run `ecomintent run --name NAME` first")
    t_begin = time.time()
    deadline = t_begin + s.time_budget_s - REPORT_MARGIN_S
    load_start = _loadavg()
    threads, threads_why = (s.threads, "--threads") if s.threads else auto_threads(load_start)
    runner = runner or spawn_worker
    devices = resolve_devices(s.device)
    all_configs = discover(run, devices)
    if not all_configs:
        raise UserError(
            f"{run} holds no artifact to benchmark (model/merged, gguf/*.gguf, gptq/, export/, tfidf/ or "
            "dataset/); "
            "run `ecomintent train` / `ecomintent export` first"
        )
    chosen = select(all_configs, s.configs)
    test_rows = _test_rows(run)
    sample = fixed_sample(test_rows, s.n, s.seed)
    if not sample:
        raise UserError(f"{run}/dataset/test.jsonl is empty; regenerate the dataset")

    tmp_ctx = tempfile.TemporaryDirectory(prefix="ecomintent-bench-") if work_dir is None else None
    work = Path(tmp_ctx.name if tmp_ctx else work_dir)
    work.mkdir(parents=True, exist_ok=True)
    try:
        sample_path = work / "sample.jsonl"
        sample_path.write_text(
            "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in sample), encoding="utf-8"
        )
        tfidf_dir = None
        results: list[dict] = []
        pending = [c for c in chosen if not c.unavailable]
        for i, c in enumerate(chosen):
            base = _result_base(c, run)
            if progress:
                progress(i, len(chosen), c.id)
            if c.unavailable:
                results.append(base | {"status": "skipped", "reason": c.unavailable})
                continue
            left = deadline - time.time()
            weights = sum(p.weight for p in pending)
            share = left * c.weight / weights if weights else left
            pending.remove(c)
            if left < MIN_CONFIG_S:
                results.append(
                    base
                    | {
                        "status": "skipped",
                        "reason": f"time budget ({s.time_budget_s:.0f} s) spent before it started",
                    }
                )
                continue
            path = str(run / c.artifact) if not Path(c.artifact).is_absolute() else c.artifact
            if c.backend == "tfidf" and c.artifact == "<train>":
                try:
                    if tfidf_dir is None:
                        tfidf_dir = _train_tfidf(run, work / "tfidf")
                    path = str(tfidf_dir)
                    base["artifact"] = "tfidf (trained by bench from dataset/train.jsonl)"
                except Exception as e:
                    results.append(
                        base | {"status": "failed", "error": f"training tfidf: {type(e).__name__}: {e}"}
                    )
                    continue
            cfg = asdict(c) | {
                "artifact_path": path,
                "sample_path": str(sample_path),
                "concurrency": list(s.concurrency),
                "repeats": s.repeats,
                "threads": threads if c.device == "cpu" else None,
                "deadline": time.time() + share,
                "hard_deadline": time.time() + min(left - TEARDOWN_S, 1.5 * share + 10),
                "loader": s.loader,
                "prune": s.prune,
            }
            # the worker stops itself at hard_deadline; this is for one that hangs (or loads forever)
            timeout = min(left, cfg["hard_deadline"] - time.time() + 60)
            t0 = time.time()
            try:
                r = runner(cfg, timeout, work / f"{i:02d}-{c.format}-{c.mode}-{c.device}.log")
            except Exception as e:  # a runner that raises is one failed configuration
                r = {"status": "failed", "error": f"{type(e).__name__}: {e}"}
            results.append(base | r | {"wall_s": round(time.time() - t0, 2)})
            stand_in = _baseline_stand_in(results[-1], all_configs, chosen)
            if stand_in is not None:  # the paper's FP16 baseline gave no valid answers: add bf16
                chosen.insert(i + 1, stand_in)
                pending.append(stand_in)
        if progress:
            progress(len(chosen), len(chosen), "done")
        logs = {p.name: _tail(p, 20000) for p in sorted(work.glob("*.log"))}
    finally:
        if tmp_ctx is not None:
            tmp_ctx.cleanup()

    baseline = add_ratios(results)
    return {
        "stage": "bench",
        "run": str(run),
        "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "wall_s": round(time.time() - t_begin, 1),
        "settings": {
            "n": s.n,
            "sample_size": len(sample),
            "repeats": s.repeats,
            "concurrency": list(s.concurrency),
            "concurrency_means": "queries passed to one classify() call (batch size), not threads",
            "device": s.device,
            "time_budget_s": s.time_budget_s,
            "configs": s.configs or ["default"],
            "threads": threads,
            "threads_why": threads_why,
            "load_average_start": load_start,
            "load_average_end": _loadavg(),
            "sample_seed": s.seed,
            "sample": "intent-balanced sample of dataset/test.jsonl in round-robin order over intents",
        },
        "machine": machine_info(devices),
        "baseline": baseline,
        "available": [{"id": c.id, "default": c.default, "unavailable": c.unavailable} for c in all_configs],
        "results": results,
        "logs": logs,
    }


def _loadavg() -> float | None:
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return None


def auto_threads(load: float | None) -> tuple[int, str]:
    """CPU threads per configuration: every core on an idle machine, the idle ones on a busy one.

    On a busy machine more threads than idle cores is far slower than fewer (measured here: torch
    with 2 threads on 2 busy cores was 25x slower per query than with 1), and llama.cpp likewise.
    """
    cores = os.cpu_count() or 1
    if load is None or load < 0.5:
        return cores, f"all {cores} cores (machine idle)"
    t = max(1, min(cores, round(cores - load)))
    return t, f"{t} of {cores} cores: the load average was {load:.1f} before the bench started (other work)"


def _test_rows(run: Path) -> list[dict]:
    from .data import read_split

    ds = run / "dataset"
    if not (ds / "test.jsonl").is_file():
        raise UserError(
            f"{ds}/test.jsonl does not exist; bench measures accuracy on the run's test split "
            f"(generate it with `ecomintent data --out {ds}`)"
        )
    return read_split(ds, "test")


def _train_tfidf(run: Path, out: Path) -> Path:
    """Train the TF-IDF baseline from the run's dataset, in a subprocess (keeps this one small)."""
    code = "import sys; from ecomintent.backends.tfidf import train; train(sys.argv[1], sys.argv[2])"
    p = subprocess.run(
        [sys.executable, "-c", code, str(run / "dataset"), str(out)],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
    )
    if p.returncode != 0:
        raise RuntimeError(
            (p.stderr or p.stdout).strip().splitlines()[-1] if (p.stderr or p.stdout) else "failed"
        )
    return out


def _result_base(c: BenchConfig, run: Path) -> dict:
    return {
        "id": c.id,
        "format": c.format,
        "artifact": c.artifact,
        "backend": "hf" if c.format == "hf-bnb4" else c.backend,
        "dtype": c.dtype,
        "mode": c.mode,
        "device": c.device,
        "default": c.default,
        "status": None,
    }


RESULT_FIELDS = (
    "accuracy",
    "macro_f1",
    "qps",
    "latency_ms_p50",
    "latency_ms_p95",
    "latency_ms_p99",
    "peak_rss_mb",
    "peak_vram_mb",
    "size_mb",
    "speedup_vs_baseline",
    "memory_reduction_vs_baseline",
    "size_reduction_vs_baseline",
    "speedup_vs_fp32",
    "memory_reduction_vs_fp32",
    "size_reduction_vs_fp32",
)


def memory_mb(r: dict) -> float | None:
    """The memory that matters on the result's device: peak VRAM on CUDA, peak RSS on the CPU."""
    return r.get("peak_vram_mb") if r.get("device") == "cuda" else r.get("peak_rss_mb")


def _reduction(x, ref) -> float | None:
    if x is None or not ref:
        return None
    return (1 - x / ref) * 100


def _usable(r: dict | None) -> bool:
    """A result that can serve as a reference: it ran and most of its answers were valid labels."""
    return bool(r) and r["status"] == "ok" and (r.get("valid_rate") is None or r["valid_rate"] >= MIN_VALID)


def _baseline_stand_in(result: dict, all_configs: list, chosen: list):
    """HF BF16 generate on the same device, when `result` is the paper's FP16 baseline and it gave
    no usable answers (Gemma's activations overflow fp16 on a CPU) and bf16 is not chosen yet."""
    if (result["format"], result["mode"]) != BASELINE or result["status"] != "ok" or _usable(result):
        return None
    fmt, mode = BASELINE_STAND_IN
    if any((c.format, c.mode, c.device) == (fmt, mode, result["device"]) for c in chosen):
        return None
    return next(
        (
            c
            for c in all_configs
            if (c.format, c.mode, c.device) == (fmt, mode, result["device"]) and not c.unavailable
        ),
        None,
    )


def add_ratios(results: list[dict]) -> dict:
    """Fill every result's ratios against HF FP16 generate (and HF FP32 generate) on its device.

    Returns the `baseline` block: per device, which result is the reference and its figures.
    """
    for r in results:
        for k in RESULT_FIELDS:
            r.setdefault(k, None)
    baseline: dict = {
        "definition": "HF FP16 in generate mode on the same device (the paper's baseline); "
        "fp32 reference: HF FP32 in generate mode on the same device",
        "memory": "peak RSS on the CPU, peak VRAM (torch max_memory_allocated) on CUDA",
    }
    for device in sorted({r["device"] for r in results}):
        refs = {}
        for key, (fmt, mode) in (("baseline", BASELINE), ("fp32", FP32_REFERENCE)):
            ref = next(
                (
                    r
                    for r in results
                    if r["device"] == device
                    and r["format"] == fmt
                    and r["mode"] == mode
                    and r["status"] == "ok"
                ),
                None,
            )
            note = None
            if ref is not None and key == "baseline" and not _usable(ref):
                alt = next(
                    (
                        r
                        for r in results
                        if r["device"] == device
                        and (r["format"], r["mode"]) == BASELINE_STAND_IN
                        and _usable(r)
                    ),
                    None,
                )
                if alt is not None:  # else the unusable FP16 stays: its ratios are still computed
                    note = (
                        f"HF FP16 gave {ref.get('valid_rate') or 0:.0%} valid answers here (most likely its "
                        "activations overflow fp16): HF BF16, the 16-bit format that works, stands in"
                    )
                    ref, (fmt, mode) = alt, BASELINE_STAND_IN
            refs[key] = ref
            entry = {"id": f"{fmt}:{mode}:{device}", "measured": ref is not None}
            if note:
                entry["stand_in"] = note
            if ref is not None:
                entry |= {"qps": ref["qps"], "memory_mb": memory_mb(ref), "size_mb": ref["size_mb"]}
            else:
                miss = next(
                    (
                        r
                        for r in results
                        if r["device"] == device and r["format"] == fmt and r["mode"] == mode
                    ),
                    None,
                )
                entry["why_missing"] = (
                    (miss.get("error") or miss.get("reason") or miss["status"])
                    if miss
                    else "not selected (--configs)"
                )
            baseline.setdefault(device, {})[key] = entry
        for r in results:
            if r["device"] != device or r["status"] != "ok":
                continue
            for key, suffix in (("baseline", "baseline"), ("fp32", "fp32")):
                ref = refs[key]
                if ref is None:
                    continue
                r[f"speedup_vs_{suffix}"] = r["qps"] / ref["qps"] if ref.get("qps") else None
                r[f"memory_reduction_vs_{suffix}"] = _reduction(memory_mb(r), memory_mb(ref))
                r[f"size_reduction_vs_{suffix}"] = _reduction(r.get("size_mb"), ref.get("size_mb"))
    return baseline


def write_bench(run_dir: str | Path, bench: dict) -> Path:
    """bench/bench.json, report.json, report.md and plots, replacing an earlier bench/ whole."""
    from .fileio import atomic_dir, dump_json
    from .report import write_report

    out = Path(run_dir) / "bench"
    with atomic_dir(out, force=True) as tmp:
        logs = bench.get("logs") or {}
        if logs:
            (tmp / "logs").mkdir()
            for name, text in logs.items():
                (tmp / "logs" / name).write_text(text, encoding="utf-8")
        dump_json({k: v for k, v in bench.items() if k != "logs"}, tmp / "bench.json")
        write_report(
            run_dir, out_dir=tmp, bench={k: v for k, v in bench.items() if k != "logs"}, eval_results=[]
        )
    return out


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "_worker":
        return _worker_main(argv[1:])
    print("usage: python -m ecomintent.bench _worker --config JSON --out FILE  (or: ecomintent bench)")
    return 2


if __name__ == "__main__":
    sys.exit(main())
