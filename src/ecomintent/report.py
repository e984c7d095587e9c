"""The report: bench (and eval) results as report.md, report.json and PNG plots.

`write_report(run_dir)` is what the pipeline calls: it reads `runs/NAME/bench/bench.json` and any
`runs/NAME/eval/*/eval.json` and writes `runs/NAME/report.md`, `runs/NAME/report.json` and
`runs/NAME/plots/*.png`. `ecomintent bench` calls it too, into `runs/NAME/bench/`.

report.md sections: Summary, Machine, Method, Results (one table per device), Failed and skipped,
Against the paper, Recommendation, Plots, Evaluation (when eval results exist).
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

from .errors import UserError

# The reference paper's published figures (Llama 3.2 1B QLoRA intent classifier), beside ours.
PAPER = {
    "model": "Llama 3.2 1B Instruct, QLoRA fine-tuned",
    "gpu": "NVIDIA T4 (16 GB)",
    "cpu": "a CPU (model as published in the paper)",
    "claims": [
        {
            "key": "gptq_vram",
            "claim": "GPTQ 4-bit vs FP16: GPU memory",
            "paper": "-41% VRAM",
            "paper_value": 41.0,
            "hardware": "gpu",
        },
        {
            "key": "gptq_speed",
            "claim": "GPTQ 4-bit vs FP16: speed",
            "paper": "82% slower",
            "paper_value": -82.0,
            "hardware": "gpu",
        },
        {
            "key": "gguf_speed",
            "claim": "GGUF vs FP16 on a CPU: throughput",
            "paper": "up to 18x",
            "paper_value": 18.0,
            "hardware": "cpu",
        },
        {
            "key": "gguf_ram",
            "claim": "GGUF vs FP16 on a CPU: RAM",
            "paper": ">90% less RAM",
            "paper_value": 90.0,
            "hardware": "cpu",
        },
    ],
}
SECTIONS = (
    "## Summary",
    "## Machine",
    "## Method",
    "## Results",
    "## Failed and skipped",
    "## Against the paper",
    "## Recommendation",
    "## Plots",
)
PLOTS = ("accuracy_vs_throughput.png", "memory_vs_throughput.png", "latency.png")
ENSEMBLE_SUFFIX = "+tfidf"  # an artifact scored with the TF-IDF ensemble: eval/q4_k_m+tfidf-score
EXTRA_SEP = "@"  # an evaluation on a recipe's extra data (eval: extra_data): eval/q4_k_m-score@freeform
ACCURACY_TOLERANCE = 0.01  # a format within this of the device's best accuracy counts as "as accurate"


# ---------------------------------------------------------------------------------------------
# analysis


def _ok(results: list[dict], device: str | None = None) -> list[dict]:
    return [
        r
        for r in results
        if r.get("status") == "ok"
        and r.get("qps")
        and r.get("accuracy") is not None
        and (device is None or r.get("device") == device)
    ]


def memory_mb(r: dict) -> float | None:
    return r.get("peak_vram_mb") if r.get("device") == "cuda" else r.get("peak_rss_mb")


def pareto_front(results: list[dict]) -> list[dict]:
    """Results not dominated in (accuracy, qps): nothing else is at least as good in both and better in one."""
    pts = _ok(results)
    front = []
    for r in pts:
        dominated = any(
            o is not r
            and o["accuracy"] >= r["accuracy"]
            and o["qps"] >= r["qps"]
            and (o["accuracy"] > r["accuracy"] or o["qps"] > r["qps"])
            for o in pts
        )
        if not dominated:
            front.append(r)
    return sorted(front, key=lambda r: r["qps"])


def eval_name(artifact: str, mode: str) -> str:
    """The eval stage's directory name for an artifact (a bench format, or the run's name for it) and
    a mode: `gguf-q8_0` or `q8_0`, score: `q8_0-score`. The run's eval stage names its directories
    with it, and the report finds them by it."""
    return f"{artifact.removeprefix('gguf-')}-{mode}"


def ensembles(evals: list[dict]) -> list[dict]:
    """Each artifact the eval stage also scored with the TF-IDF ensemble, next to its score alone:
    {"artifact", "accuracy", "alone", "n", "p50_ms", "alone_p50_ms"} (None where not measured)."""
    by_name = {e["name"]: e["metrics"] for e in evals}
    out = []
    for name, m in by_name.items():
        if not name.endswith(f"{ENSEMBLE_SUFFIX}-score"):
            continue
        artifact = name.removesuffix(f"{ENSEMBLE_SUFFIX}-score")
        alone = by_name.get(eval_name(artifact, "score")) or {}
        out.append(
            {
                "artifact": artifact,
                "accuracy": m.get("accuracy"),
                "alone": alone.get("accuracy"),
                "n": m.get("n"),
                "p50_ms": m.get("latency_ms_p50"),
                "alone_p50_ms": alone.get("latency_ms_p50"),
            }
        )
    return out


def attach_eval_accuracy(results: list[dict], evals: list[dict]) -> None:
    """Give each bench result whose artifact and mode the eval stage measured on more queries that
    accuracy, as `eval_accuracy`, `eval_macro_f1`, `eval_n` and `eval_name`. The bench times a
    small sample (26 queries in the default recipe, fewer where a slow format is cut short); the
    eval's 208 tell formats apart that the bench's sample cannot."""
    by_name = {e["name"]: e["metrics"] for e in evals}
    for r in results:
        name = eval_name(str(r.get("format")), str(r.get("mode")))
        m = by_name.get(name)
        if not m or not isinstance(m.get("accuracy"), (int, float)):
            continue
        n = int(m.get("n") or 0)
        if n > (r.get("n_queries") or 0):
            r["eval_accuracy"], r["eval_macro_f1"], r["eval_n"] = m["accuracy"], m.get("macro_f1"), n
            r["eval_name"] = name


def _eval_backed(r: dict) -> dict:
    """The result with the eval stage's accuracy and sample size in place of the bench's, where it
    has them (`attach_eval_accuracy`)."""
    if r.get("eval_accuracy") is None:
        return r
    return r | {"accuracy": r["eval_accuracy"], "n_queries": r["eval_n"], "accuracy_from": "eval"}


def ranked(results: list[dict], device: str) -> list[dict]:
    """The results a device's frontier and recommendation are drawn from: those the eval stage
    measured (with its accuracy and sample size), where there are any; otherwise every measured one."""
    pool = _ok(results, device)
    backed = [_eval_backed(r) for r in pool if r.get("eval_accuracy") is not None]
    return backed or pool


def recommend(results: list[dict], device: str, baseline: dict | None = None) -> dict | None:
    """The format to deploy on a device: on the Pareto frontier, within tolerance of the best
    accuracy there, the fastest (ties: the least memory). `baseline`: bench.json's block (names
    the reference the ratios are against). Accuracy is the eval stage's where it measured the
    format (`ranked`)."""
    ref = ((baseline or {}).get(device) or {}).get("baseline") or {}
    baseline_name = "HF BF16" if str(ref.get("id", "")).startswith("hf-bf16") else "HF FP16"
    front = pareto_front(ranked(results, device))
    if not front:
        return None
    best_acc = max(r["accuracy"] for r in front)
    n = min((r.get("n_queries") or 0) for r in front) or 1
    tol = max(ACCURACY_TOLERANCE, 2 / n)
    near = [r for r in front if r["accuracy"] >= best_acc - tol]
    pick = max(near, key=lambda r: (r["qps"], -(memory_mb(r) or 0)))
    lean = min(near, key=lambda r: memory_mb(r) or float("inf"))
    source = "the eval stage's" if pick.get("accuracy_from") == "eval" else "the bench's"
    why = (
        f"on the accuracy/throughput Pareto frontier; accuracy {pick['accuracy']:.1%} ({source}, "
        f"best on the frontier {best_acc:.1%}, tolerance {tol:.1%} at n={n}) at {pick['qps']:.1f} queries/s"
    )
    if pick.get("speedup_vs_baseline") is not None:
        why += f", {pick['speedup_vs_baseline']:.1f}x the {baseline_name} generate baseline"
    mem = memory_mb(pick)
    if mem is not None:
        why += f", {mem:.0f} MB {'VRAM' if device == 'cuda' else 'peak RSS'}"
        red = pick.get("memory_reduction_vs_baseline")
        if red is not None:
            why += f" ({abs(red):.0f}% {'less' if red >= 0 else 'more'} than the baseline)"
    out = {"device": device, "id": pick["id"], "format": pick["format"], "mode": pick["mode"], "why": why}
    if lean is not pick and memory_mb(lean) is not None:
        out["leaner"] = {
            "id": lean["id"],
            "why": f"least memory among the as-accurate frontier points: {memory_mb(lean):.0f} MB at "
            f"{lean['qps']:.1f} queries/s",
        }
    return out


def paper_comparison(results: list[dict], machine: dict) -> list[dict]:
    """Our measured ratios beside the paper's published ones."""
    ok = _ok(results)
    gpu = [r for r in ok if r["device"] == "cuda"]
    cpu = [r for r in ok if r["device"] == "cpu"]

    def pick_gptq():
        gptq = [r for r in gpu if r["format"] == "gptq-4bit" and r.get("speedup_vs_baseline") is not None]
        return next((r for r in gptq if r["mode"] == "generate"), gptq[0] if gptq else None)

    ours_hw = {
        "gpu": machine.get("gpu") or "no CUDA GPU in this run",
        "cpu": f"{machine.get('cpu')} ({machine.get('cores')} cores)",
    }
    rows = []
    for c in PAPER["claims"]:
        row = {
            "claim": c["claim"],
            "paper": c["paper"],
            "paper_hardware": PAPER[c["hardware"]],
            "ours": None,
            "ours_value": None,
            "ours_config": None,
            "ours_hardware": ours_hw[c["hardware"]],
        }
        if c["key"] in ("gptq_vram", "gptq_speed"):
            r = pick_gptq()
            if r is None:
                row["ours"] = "not measured (no GPTQ result on CUDA with a baseline)"
            elif c["key"] == "gptq_vram":
                v = r.get("memory_reduction_vs_baseline")
                row |= {"ours": _pct_less(v, "VRAM"), "ours_value": v, "ours_config": r["id"]}
            else:
                s = r["speedup_vs_baseline"]
                lat = _latency_change(r, results)
                text = (
                    f"{s:.2f}x throughput ({(1 - s) * 100:.0f}% slower)" if s < 1 else f"{s:.2f}x throughput"
                )
                if lat is not None:
                    text += f"; p50 latency {lat:+.0f}%"
                row |= {"ours": text, "ours_value": (s - 1) * 100, "ours_config": r["id"]}
        else:
            gg = [r for r in cpu if r["format"].startswith("gguf-")]
            if c["key"] == "gguf_speed":
                gg = [r for r in gg if r.get("speedup_vs_baseline") is not None]
                if gg:
                    r = max(gg, key=lambda r: r["speedup_vs_baseline"])
                    row |= {
                        "ours": f"up to {r['speedup_vs_baseline']:.1f}x",
                        "ours_value": r["speedup_vs_baseline"],
                        "ours_config": r["id"],
                    }
            else:
                gg = [r for r in gg if r.get("memory_reduction_vs_baseline") is not None]
                if gg:
                    r = max(gg, key=lambda r: r["memory_reduction_vs_baseline"])
                    v = r["memory_reduction_vs_baseline"]
                    row |= {"ours": _pct_less(v, "RAM (peak RSS)"), "ours_value": v, "ours_config": r["id"]}
            if row["ours"] is None:
                row["ours"] = "not measured (no GGUF result on the CPU with a baseline)"
        rows.append(row)
    return rows


def _pct_less(v: float | None, what: str) -> str:
    if v is None:
        return "n/a"
    return f"-{v:.0f}% {what}" if v >= 0 else f"+{-v:.0f}% {what}"


def _latency_change(r: dict, results: list[dict]) -> float | None:
    base = next(
        (
            b
            for b in results
            if b.get("status") == "ok"
            and b["device"] == r["device"]
            and b["format"] == "hf-fp16"
            and b["mode"] == "generate"
        ),
        None,
    )
    if not base or not base.get("latency_ms_p50") or not r.get("latency_ms_p50"):
        return None
    return (r["latency_ms_p50"] / base["latency_ms_p50"] - 1) * 100


# ---------------------------------------------------------------------------------------------
# plots


def _short(r: dict) -> str:
    return f"{r['format']} {r['mode']}" + (" (gpu)" if r["device"] == "cuda" else "")


def write_plots(results: list[dict], out_dir: Path) -> list[str]:
    """The three PNGs; returns their file names (relative to out_dir)."""
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    out_dir.mkdir(parents=True, exist_ok=True)
    # the eval stage's accuracy where it measured the format (its sample is larger), hollow markers
    # for the bench's own small-sample accuracy
    ok = [_eval_backed(r) for r in _ok(results)]
    backed = any(r.get("eval_accuracy") is not None for r in ok)
    colors = {"cpu": "tab:blue", "cuda": "tab:green"}
    markers = {"score": "o", "generate": "s"}
    written = []

    # accuracy vs throughput, Pareto frontier per device
    fig, ax = plt.subplots(figsize=(8, 5.5))
    for r in ok:
        color = colors.get(r["device"], "gray")
        hollow = backed and r.get("eval_accuracy") is None
        ax.scatter(
            r["qps"],
            r["accuracy"] * 100,
            c="none" if hollow else color,
            edgecolors=color,
            marker=markers.get(r["mode"], "x"),
        )
    _labels(ax, ok, lambda r: (r["qps"], r["accuracy"] * 100))
    for device in sorted({r["device"] for r in ok}):
        front = pareto_front(ranked(results, device))
        if front:
            xs = [r["qps"] for r in front]
            ys = [r["accuracy"] * 100 for r in front]
            ax.step(
                xs,
                ys,
                where="post",
                color=colors.get(device, "gray"),
                alpha=0.6,
                label=f"Pareto frontier ({device})",
            )
            ax.scatter(xs, ys, s=140, facecolors="none", edgecolors=colors.get(device, "gray"))
    ylabel = (
        "accuracy (%; filled: eval stage, hollow: bench sample)"
        if backed
        else "accuracy on the test sample (%)"
    )
    _finish(ax, "throughput (queries/s, best concurrency, log)", ylabel, ok)
    if ok:
        accs = [r["accuracy"] * 100 for r in ok]
        ax.set_ylim(max(0.0, min(accs) - 5), min(100.0, max(accs) + 5) if max(accs) + 5 > min(accs) else 5)
    ax.set_title("Accuracy vs throughput (circle = score, square = generate)")
    fig.tight_layout()
    fig.savefig(out_dir / PLOTS[0], dpi=110)
    plt.close(fig)
    written.append(PLOTS[0])

    # memory vs throughput
    fig, ax = plt.subplots(figsize=(8, 5.5))
    pts = [r for r in ok if memory_mb(r)]
    for r in pts:
        ax.scatter(
            memory_mb(r), r["qps"], c=colors.get(r["device"], "gray"), marker=markers.get(r["mode"], "x")
        )
    _labels(ax, pts, lambda r: (memory_mb(r), r["qps"]))
    if pts:
        ax.set_xscale("log")
        ax.set_yscale("log")
    ax.set_xlabel("peak memory (MB; RSS on the CPU, VRAM on CUDA; log)")
    ax.set_ylabel("throughput (queries/s, log)")
    ax.set_title("Memory vs throughput")
    ax.grid(True, which="both", alpha=0.3)
    fig.tight_layout()
    fig.savefig(out_dir / PLOTS[1], dpi=110)
    plt.close(fig)
    written.append(PLOTS[1])

    # latency distributions (single stream)
    lat = [r for r in ok if r.get("latency_samples_ms")]
    fig, ax = plt.subplots(figsize=(8, max(2.5, 0.4 * len(lat) + 1.5)))
    if lat:
        data, names = [r["latency_samples_ms"] for r in lat], [_short(r) for r in lat]
        try:
            ax.boxplot(data, orientation="horizontal", tick_labels=names, whis=(5, 95))
        except TypeError:  # matplotlib < 3.10
            ax.boxplot(data, vert=False, labels=names, whis=(5, 95))
        ax.set_xscale("log")
    else:
        ax.text(0.5, 0.5, "no successful configuration", ha="center", va="center", transform=ax.transAxes)
    ax.set_xlabel("latency per query, single stream (ms, log; whiskers p5-p95)")
    ax.set_title("Latency distributions")
    ax.grid(True, axis="x", which="both", alpha=0.3)
    fig.tight_layout()
    fig.savefig(out_dir / PLOTS[2], dpi=110)
    plt.close(fig)
    written.append(PLOTS[2])
    return written


def _labels(ax, pts: list[dict], xy) -> None:
    """Name every point; points at nearly the same height get staggered labels with a leader line."""
    offsets = [(4, 3 + 11 * i) for i in range(6)]
    by_row: dict[float, int] = {}
    for r in sorted(pts, key=lambda r: xy(r)[0]):
        x, y = xy(r)
        row = round(y, 1) if abs(y) < 1e6 else y
        k = by_row.get(row, 0)
        by_row[row] = k + 1
        ax.annotate(
            _short(r),
            (x, y),
            fontsize=7,
            xytext=offsets[k % len(offsets)],
            textcoords="offset points",
            arrowprops={"arrowstyle": "-", "lw": 0.4, "color": "0.5"} if k else None,
        )


def _finish(ax, xlabel, ylabel, pts):
    if pts:
        ax.set_xscale("log")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.grid(True, which="both", alpha=0.3)
    handles, _ = ax.get_legend_handles_labels()
    if handles:
        ax.legend(fontsize=8, loc="best")


# ---------------------------------------------------------------------------------------------
# markdown


def _pct(v) -> str:
    """A share (0-1) as a percentage with one decimal; "-" where it is not a number."""
    return _f(v * 100, ".1f", "%") if isinstance(v, (int, float)) else "-"


def _f(x, spec: str = ".1f", suffix: str = "") -> str:
    if x is None:
        return "-"
    try:
        return f"{x:{spec}}{suffix}"
    except (TypeError, ValueError):
        return str(x)


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(str(c).replace("|", "/") for c in row) + " |" for row in rows]
    return out


def _results_table(results: list[dict], device: str, concurrency: list[int]) -> list[str]:
    mem_name = "peak VRAM MB" if device == "cuda" else "peak RSS MB"
    header = [
        "format",
        "backend",
        "mode",
        "n",
        "accuracy",
        "macro-F1",
        "eval accuracy (n)",
        "q/s (best @c)",
        *[f"q/s @{c}" for c in concurrency],
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "load s",
        "size MB",
        mem_name,
        "RSS after load MB",
        "valid answers",
        "prefill tok/s",
        "decode tok/s",
        "J/1k q",
        "speed-up vs FP16 gen",
        "memory -% vs FP16 gen",
        "size -% vs FP16 gen",
        "speed-up vs FP32 gen",
        "memory -% vs FP32 gen",
    ]
    rows = []
    for r in results:
        if r.get("device") != device or r.get("status") != "ok":
            continue
        tp = r.get("throughput") or {}

        def q(c, tp=tp):
            t = tp.get(str(c))
            return f"{t['qps']:.2f} ({t['min']:.2f}-{t['max']:.2f})" if t else "-"

        rows.append(
            [
                f"**{r['format']}**",
                r["backend"],
                r["mode"],
                r.get("n_queries", "-"),
                _f(r.get("accuracy") and r["accuracy"] * 100, ".1f", "%"),
                _f(r.get("macro_f1") and r["macro_f1"] * 100, ".1f", "%"),
                f"{r['eval_accuracy'] * 100:.1f}% ({r.get('eval_n')})"
                if r.get("eval_accuracy") is not None
                else "-",
                f"{r['qps']:.2f} @{r.get('qps_concurrency', '-')}",
                *[q(c) for c in concurrency],
                _f(r.get("latency_ms_p50")),
                _f(r.get("latency_ms_p95")),
                _f(r.get("latency_ms_p99")),
                _f(r.get("load_s"), ".2f"),
                _f(r.get("size_mb"), ".0f" if (r.get("size_mb") or 0) >= 10 else ".2f"),
                _f(memory_mb(r), ".0f"),
                _f(r.get("rss_after_load_mb"), ".0f"),
                _f(r.get("valid_rate") * 100, ".0f", "%")
                if r["mode"] == "generate" and r.get("valid_rate") is not None
                else "-",
                _f(r.get("prefill_tok_s"), ".0f"),
                _f(r.get("decode_tok_s"), ".0f"),
                _f(r.get("energy_j_per_1k"), ".0f"),
                _f(r.get("speedup_vs_baseline"), ".2f", "x"),
                _f(r.get("memory_reduction_vs_baseline"), ".0f", "%"),
                _f(r.get("size_reduction_vs_baseline"), ".0f", "%"),
                _f(r.get("speedup_vs_fp32"), ".2f", "x"),
                _f(r.get("memory_reduction_vs_fp32"), ".0f", "%"),
            ]
        )
    return _table(header, rows) if rows else ["(no successful configuration on this device)"]


def _eval_section(evals: list[dict]) -> list[str]:
    lines = ["## Evaluation", ""]
    if not evals:
        return []
    keys = ["accuracy", "macro_f1", "n", "valid_rate", "oos_f1", "latency_ms_p50"]
    present = [k for k in keys if any(isinstance(e["metrics"].get(k), (int, float)) for e in evals)]
    rows = []
    for e in evals:
        m = e["metrics"]
        rows.append(
            [e["name"]]
            + [
                _pct(m.get(k))
                if k in ("accuracy", "macro_f1", "valid_rate", "oos_f1")
                else _f(m.get(k), ".1f" if isinstance(m.get(k), float) else "")
                for k in present
            ]
        )
    lines += _table(["eval", *present], rows)
    lines += ["", "Full figures (per language, per intent, confusion) in each `eval/NAME/eval.json`.", ""]
    return lines


def render_markdown(report: dict) -> str:
    bench = report.get("bench") or {}
    results = report.get("results") or []
    settings = bench.get("settings") or {}
    machine = report.get("machine") or {}
    devices = sorted({r["device"] for r in results}) or ["cpu"]
    conc = list(settings.get("concurrency") or [1, 8, 32])
    ok = [r for r in results if r.get("status") == "ok"]
    bad = [r for r in results if r.get("status") != "ok"]
    L = [f"# ecomintent report: {report.get('run_name', '')}", ""]
    L += [f"Written {report['created']} from `{report.get('source', 'bench/bench.json')}`.", ""]

    L += ["## Summary", ""]
    if results:
        L.append(
            f"{len(ok)} of {len(results)} configurations measured, {len(bad)} failed or skipped, "
            f"in {_f(bench.get('wall_s'), '.0f')} s (budget {_f(settings.get('time_budget_s'), '.0f')} s)."
        )
        for d, rec in (report.get("recommendation") or {}).items():
            if rec:
                L.append(f"- **{d}**: deploy **{rec['format']}** ({rec['mode']} mode).")
    else:
        L.append("No bench results (run `ecomintent bench --run RUN`).")
    L += _most_accurate_line(report)
    L.append("")

    L += ["## Machine", ""]
    libs = ", ".join(f"{k} {v}" for k, v in (machine.get("libraries") or {}).items() if v)
    L += [
        f"- CPU: {machine.get('cpu', '-')}, {machine.get('cores', '-')} cores"
        + (f" ({', '.join(machine['cpu_features'])})" if machine.get("cpu_features") else ""),
        f"- RAM: {_f(machine.get('ram_gb'))} GB",
        f"- GPU: {machine.get('gpu') or 'none'}"
        + (f", {machine.get('gpu_memory_gb')} GB, CUDA {machine.get('cuda')}" if machine.get("gpu") else ""),
        f"- OS: {machine.get('os', '-')}; Python {machine.get('python', '-')}",
        f"- Libraries: {libs or '-'}",
        "- Energy: "
        + (
            "; ".join(f"{d}: {v}" for d, v in machine["energy"].items())
            if isinstance(machine.get("energy"), dict)
            else str(machine.get("energy") or "-")
        ),
        "",
    ]

    L += ["## Method", ""]
    L += [
        f"- Test sample: {settings.get('sample_size', '-')} queries of the run's test split, "
        f"intent-balanced, fixed seed {settings.get('sample_seed', '-')}, round-robin over intents; a slow "
        "configuration may measure a prefix of it (column n), which stays balanced. `eval accuracy (n)`: "
        "the eval stage's accuracy for the same artifact and mode, on its larger sample; the Pareto frontier "
        "and the recommendation use it where there is one (and then only the formats it measured).",
        "- Every configuration runs in its own subprocess: load, warm-up, then "
        f"{settings.get('repeats', '-')} repeats; figures are medians with the min-max over repeats in brackets.",
        f"- Concurrency {', '.join(map(str, conc))}: {settings.get('concurrency_means', 'batch size per classify() call')}. "
        "Latency percentiles are per query in the single stream (concurrency 1). `q/s (best @c)` is the "
        "best median throughput over the concurrency levels and is what the speed-ups compare.",
        "- Memory: peak RSS of the worker process (includes the Python runtime and libraries it imported, and "
        "any transient copy while loading, e.g. FP16 converted from an FP32 checkpoint; `RSS after load` is the "
        "resident set once loaded) on the CPU; peak `torch.cuda.max_memory_allocated` on CUDA. `valid answers`: "
        "generate mode's share of answers that parsed to a label. Size: the loaded weights' bytes for HF models "
        "(so FP16 is half of FP32 whatever the checkpoint's dtype), the files on disk otherwise.",
        "- Baseline (the paper's): HF FP16 in generate mode on the same device. Ratios: speed-up = q/s ratio; "
        "memory and size reductions in percent. `vs FP32 gen`: the same against HF FP32 generate.",
        "- Prefill / decode tokens/s (generate mode): a timed forward over the prompt, then a greedy "
        "continuation of fixed length on the backend's own model object.",
        f"- Time budget {_f(settings.get('time_budget_s'), '.0f')} s for the whole run; a configuration that "
        "would start past it is listed as skipped with the reason.",
        f"- CPU threads per configuration: {settings.get('threads', '-')} ({settings.get('threads_why', '-')}).",
        "",
    ]
    cores = machine.get("cores") or 1
    if (settings.get("load_average_start") or 0) >= 0.5:  # other work when the bench started
        L += [
            f"**The machine was busy**: load average {settings.get('load_average_start')} at the start and "
            f"{settings.get('load_average_end')} at the end on {cores} cores (part of it the bench itself). "
            "Absolute timings are lower and noisier than on an idle machine; ratios inside the run are "
            "less affected, but rerun on an idle machine before quoting numbers.",
            "",
        ]
    base = report.get("baseline") or {}
    for d in devices:
        b = (base.get(d) or {}).get("baseline") or {}
        if b and not b.get("measured"):
            L += [f"Baseline on {d} not measured ({b.get('why_missing')}); its ratios are empty.", ""]
        elif b.get("stand_in"):
            L += [f"Baseline on {d}: `{b['id']}`. {b['stand_in']}.", ""]

    L += ["## Results", ""]
    for d in devices:
        L += [f"### {d.upper() if d == 'cpu' else 'CUDA'}", ""]
        L += _results_table(results, d, conc)
        L.append("")
        notes = [
            (r["format"], r["mode"], n)
            for r in results
            if r.get("device") == d
            for n in (r.get("notes") or [])
        ]
        if notes:
            L += [f"- {f} {m}: {n}" for f, m, n in notes] + [""]

    L += ["## Failed and skipped", ""]
    if bad:
        L += _table(
            ["configuration", "status", "why"],
            [
                [r["id"], r["status"], (r.get("error") or r.get("reason") or "-").splitlines()[0][:300]]
                for r in bad
            ],
        )
    else:
        L.append("None.")
    L.append("")

    L += ["## Against the paper", ""]
    L.append(
        f"The paper: {PAPER['model']}. Ours: the model of this run. Ratios are each against HF FP16 on the same "
        "hardware (HF BF16 where it stands in for an FP16 that gave no valid answers; see Method)."
    )
    L.append("")
    L += _table(
        ["claim", "paper", "paper hardware", "ours", "our configuration", "our hardware"],
        [
            [
                c["claim"],
                c["paper"],
                c["paper_hardware"],
                c["ours"],
                c.get("ours_config") or "-",
                c["ours_hardware"],
            ]
            for c in report.get("paper_comparison") or []
        ],
    )
    L.append("")

    L += ["## Recommendation", ""]
    for d in devices:
        rec = (report.get("recommendation") or {}).get(d)
        if rec:
            line = f"- **{d}**: deploy **{rec['format']}** in {rec['mode']} mode: {rec['why']}."
            if rec.get("leaner"):
                line += f" Tight on memory: {rec['leaner']['id']} ({rec['leaner']['why']})."
            L.append(line)
        else:
            L.append(f"- **{d}**: no successful configuration to recommend.")
    for e in report.get("ensemble") or []:
        alone = f" against {_f(e['alone'] * 100, '.1f', '%')} alone" if e.get("alone") is not None else ""
        speed = (
            f", p50 {_f(e['p50_ms'], '.0f')} ms against {_f(e['alone_p50_ms'], '.0f')} ms"
            if e.get("p50_ms") is not None and e.get("alone_p50_ms") is not None
            else ""
        )
        L.append(
            f"- **With the TF-IDF ensemble**, {e['artifact']} answers {_f((e.get('accuracy') or 0) * 100, '.1f', '%')} "
            f"of the eval stage's {e.get('n') or '-'} queries{alone}{speed}: add `--ensemble {report.get('run', 'RUN')}/tfidf` "
            "to `ecomintent classify` or `serve`."
        )
    front = report.get("pareto") or {}
    for d, ids in front.items():
        L.append(f"- Pareto frontier ({d}, accuracy vs q/s): {', '.join(ids) or '-'}")
    L.append("")

    L += ["## Plots", ""]
    if report.get("plots_note"):
        L += [report["plots_note"], ""]
    for p in report.get("plots") or []:
        L += [f"![{p}]({report.get('plots_dir', 'plots')}/{p})", ""]

    L += _eval_section(report.get("eval") or [])
    for dname, evals in (report.get("extra_eval") or {}).items():
        L += _extra_section(dname, evals)
    return "\n".join(L).rstrip() + "\n"


def _most_accurate_line(report: dict) -> list[str]:
    """The Summary's line for the most accurate ensemble, where one beats its model alone: with its
    accuracy on each extra data file too (the ensemble, the model alone, TF-IDF)."""
    ens = [e for e in report.get("ensemble") or [] if isinstance(e.get("accuracy"), (int, float))]
    if not ens:
        return []
    e = max(ens, key=lambda x: x["accuracy"])
    if e.get("alone") is not None and e["accuracy"] <= e["alone"]:
        return []
    line = (
        f"- **Most accurate**: {e['artifact']} with the TF-IDF ensemble, {_pct(e['accuracy'])} of the eval "
        f"stage's {e.get('n') or '-'} queries ({_pct(e.get('alone'))} alone)"
    )
    for dname, evals in (report.get("extra_eval") or {}).items():
        acc = {x["name"].rsplit(EXTRA_SEP, 1)[0]: x["metrics"].get("accuracy") for x in evals}
        both = acc.get(eval_name(f"{e['artifact']}{ENSEMBLE_SUFFIX}", "score"))
        if both is not None:
            line += (
                f"; on {dname} {_pct(both)} ({_pct(acc.get(eval_name(e['artifact'], 'score')))} alone, "
                f"TF-IDF {_pct(acc.get(eval_name('tfidf', 'score')))})"
            )
    return [line + f": add `--ensemble {report.get('run', 'RUN')}/tfidf` to `classify` or `serve`."]


def _extra_section(dname: str, evals: list[dict]) -> list[str]:
    """One table per extra data file of the recipe (eval: extra_data)."""

    rows = []
    for e in evals:
        m = e["metrics"]
        worst = e.get("worst_language")
        rows.append(
            [
                e["name"].rsplit(EXTRA_SEP, 1)[0],
                _pct(m.get("accuracy")),
                _pct(m.get("macro_f1")),
                f"{worst[0]} {_pct(worst[1])}" if worst else "-",
                _f(m.get("n"), ""),
            ]
        )
    source = next((e.get("data") for e in evals if e.get("data")), None)
    return [
        f"## On {dname}",
        "",
        f"Labelled queries from outside the generated dataset ({f'`{source}`, ' if source else ''}the recipe's "
        "`eval: extra_data`), the same artifacts in score mode:",
        "",
        *_table(["eval", "accuracy", "macro_f1", "worst language", "n"], rows),
        "",
    ]


def split_extra(evals: list[dict]) -> tuple[list[dict], dict[str, list[dict]]]:
    """The eval stage's own evaluations, and those on each extra data file (NAME-MODE@DATA), by DATA."""
    main, extra = [], {}
    for e in evals:
        if EXTRA_SEP in e["name"]:
            extra.setdefault(e["name"].rsplit(EXTRA_SEP, 1)[1], []).append(e)
        else:
            main.append(e)
    return main, extra


# ---------------------------------------------------------------------------------------------
# entry points


def read_evals(run_dir: str | Path) -> list[dict]:
    """Every runs/NAME/eval/*/eval.json, as {"name", "path", "metrics"} (metrics: top-level numbers)."""
    out = []
    for f in sorted(Path(run_dir).glob("eval/*/eval.json")):
        try:
            d = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError):
            continue
        m = d.get("metrics") if isinstance(d.get("metrics"), dict) else d
        timing = d.get("timing") if isinstance(d.get("timing"), dict) else {}
        merged = {**{k: timing.get(k) for k in ("latency_ms_p50", "queries_per_second")}, **m}
        metrics = {k: v for k, v in merged.items() if isinstance(v, (int, float)) and not isinstance(v, bool)}
        entry = {"name": f.parent.name, "path": str(f), "metrics": metrics}
        langs = {
            k: v["accuracy"]
            for k, v in (m.get("per_language") or {}).items()
            if isinstance(v, dict) and isinstance(v.get("accuracy"), (int, float))
        }
        if langs:  # the weakest language: (code, accuracy)
            entry["worst_language"] = min(langs.items(), key=lambda kv: kv[1])
        source = d.get("data")
        source = source.get("path") if isinstance(source, dict) else source
        if isinstance(source, str):
            entry["data"] = source
        out.append(entry)
    return out


def build_report(bench: dict | None, eval_results: list[dict], run_dir: str | Path) -> dict:
    results = [dict(r) for r in (bench or {}).get("results") or []]
    eval_results, extra = split_extra(eval_results)
    attach_eval_accuracy(results, eval_results)
    machine = (bench or {}).get("machine") or {}
    devices = sorted({r["device"] for r in results})
    return {
        "stage": "report",
        "run": str(run_dir),
        "run_name": Path(run_dir).name,
        "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "machine": machine,
        "settings": (bench or {}).get("settings"),
        "baseline": (bench or {}).get("baseline"),
        "results": results,
        "pareto": {d: [r["id"] for r in pareto_front(ranked(results, d))] for d in devices},
        "recommendation": {d: recommend(results, d, (bench or {}).get("baseline")) for d in devices},
        "paper": PAPER,
        "paper_comparison": paper_comparison(results, machine) if results else [],
        "eval": eval_results,
        "ensemble": ensembles(eval_results),
        "extra_eval": extra,
    }


def write_report(
    run_dir: str | Path,
    out_dir: str | Path | None = None,
    bench: dict | None = None,
    eval_results: list[dict] | None = None,
) -> dict:
    """Write report.md, report.json and plots/ into out_dir (default: the run directory).

    bench: bench.json's content (default: read from run_dir/bench/bench.json); eval_results: as
    `read_evals` returns (default: read from run_dir/eval/*/eval.json). Returns the report dict.
    """
    run = Path(run_dir)
    out = Path(out_dir) if out_dir is not None else run
    source = "bench/bench.json"
    if bench is None:
        f = run / "bench" / "bench.json"
        if f.is_file():
            try:
                bench = json.loads(f.read_text(encoding="utf-8"))
            except json.JSONDecodeError as e:
                raise UserError(
                    f"{f} is not valid JSON ({e}); rerun `ecomintent bench --run {run}`"
                ) from None
    if eval_results is None:
        eval_results = read_evals(run)
    if bench is None and not eval_results:
        raise UserError(
            f"{run} has neither bench/bench.json nor eval/*/eval.json; run `ecomintent bench --run {run}` first"
        )
    report = build_report(bench, eval_results, run)
    report["source"] = source
    out.mkdir(parents=True, exist_ok=True)
    report["plots_dir"] = "plots"
    report["plots"] = []
    if report["results"]:
        try:
            report["plots"] = write_plots(report["results"], out / "plots")
        except ImportError as e:
            report["plots_note"] = f"no plots: {e} (pip install matplotlib)"
    md = render_markdown(report | {"bench": bench or {}})
    slim = report | {
        "results": [{k: v for k, v in r.items() if k != "latency_samples_ms"} for r in report["results"]]
    }
    _write_text(out / "report.json", json.dumps(slim, ensure_ascii=False, indent=2) + "\n")
    _write_text(out / "report.md", md)
    return report


def _write_text(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
