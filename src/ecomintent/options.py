"""Command-line options shared by several commands (eval, bench, serve, classify).

Their own module, so that a command module (`ecomintent.commands.*`) or the Python API importing one
does not import `ecomintent.cli`, which registers every command module when it loads.
"""

from __future__ import annotations

from typing import Annotated

import typer

PruneOption = Annotated[
    float,
    typer.Option(
        help="Score mode (hf, gptq, gguf): skip label groups that cannot win; the answer stays exact, "
        "the confidence within this tolerance (0: score every label)."
    ),
]
DtypeOption = Annotated[
    str | None,
    typer.Option(help="hf backend: fp32, bf16 (fast on CPUs with AVX512-BF16), fp16 or nf4."),
]
EnsembleOption = Annotated[
    str | None,
    typer.Option(
        help="Combine with this TF-IDF artifact (`ecomintent tfidf`): score mode, every label exact."
    ),
]
EnsembleWeightOption = Annotated[
    float, typer.Option(help="The TF-IDF reference's say in --ensemble (1: equal to the model's).")
]
