"""Inference backends: one classifier interface over every runtime."""
