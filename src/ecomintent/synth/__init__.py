"""Synthetic multilingual shopper-query generation."""
