"""Ingest: sources -> Articles -> records (a pool of workers) -> the store (one writer)."""
