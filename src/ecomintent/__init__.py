"""ecomintent: a small open-weight language model as a multilingual e-commerce intent recogniser."""

__version__ = "0.1.0"

OUT_OF_SCOPE = "out_of_scope"
