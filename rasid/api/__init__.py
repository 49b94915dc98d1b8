"""The REST API (FastAPI): route handlers call library functions; no SQL here."""
