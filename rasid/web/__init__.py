"""The web UI: server-rendered pages (Jinja2, right-to-left Arabic, no script) over the same
library and read-only store as the REST API. ``mount_web(app)`` adds them to the API's app."""
from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

STATIC_DIR = Path(__file__).parent / "static"


def mount_web(app: FastAPI) -> None:
    """The pages at /, /articles, /entities, /people, /organizations, /pairs, /network, /export
    and their stylesheet at /static; the app's ``state.backend`` gives the store."""
    from rasid.web.routes import router

    app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="rasid-static")
