"""The Rasid REST API. Reads are open (and answer a JSON response directly, encoded by orjson:
the pages are plain JSON already, FastAPI's encoder would walk them again); writes (ingest,
merge, split) need the settings' token as ``Authorization: Bearer <token>``. OpenAPI at /docs.
Every list is paginated (``limit``, ``offset``) and answers ``{items, total, limit, offset}``."""
from __future__ import annotations

import secrets
import threading
from contextlib import asynccontextmanager
from typing import Annotated, Any

import orjson
from fastapi import Depends, FastAPI, Header, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse as StarletteJSONResponse
from pydantic import BaseModel, Field

from rasid import __version__
from rasid.doc import Article
from rasid.ingest.provenance import model_version
from rasid.ingest.run import ingest_items
from rasid.ingest.sources import SourceItem
from rasid.ingest.writer import Writer
from rasid.registry import corrections
from rasid.registry.queries import ENTITY_TYPES, entity_articles, entity_page, list_entities
from rasid.registry.resolve import RegistryError
from rasid.search.articles import search_articles
from rasid.search.events import list_events
from rasid.search.filters import BadQuery, Filters, Paging
from rasid.settings import Settings
from rasid.store import Store, open_store
from rasid.store.articles import get_record
from rasid.store.stats import store_stats
from rasid.web import mount_web

ARTICLE_ID = Path(pattern=r"^[0-9a-f]{16,32}$", description="the article id (hash of its normalized text)")
Limit = Annotated[int, Query(ge=1, le=100, description="items per page")]
Offset = Annotated[int, Query(ge=0, description="items to skip")]
Many = Annotated[list[str], Query()]


class JSONResponse(StarletteJSONResponse):
    """JSON encoded by orjson: compact UTF-8 like Starlette's, several times faster on large pages."""

    def render(self, content: Any) -> bytes:
        return orjson.dumps(content, option=orjson.OPT_NON_STR_KEYS)  # row keys are str subclasses


class NewArticle(BaseModel):
    text: str = Field(min_length=1)
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None


class IngestRequest(BaseModel):
    articles: list[NewArticle] = Field(min_length=1, max_length=1000)


class MergeRequest(BaseModel):
    into: int
    other: int


class SplitRequest(BaseModel):
    articles: list[str] = Field(min_length=1)
    name: str | None = None


class Backend:
    """The read-only store for every request, and the one writer behind a lock."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self.reader: Store = open_store(settings.db, readonly=True)
        self.write_lock = threading.Lock()
        self._writer: Store | None = None
        self._ingest_writer: Writer | None = None

    def writer(self) -> Store:
        if self._writer is None:
            self._writer = open_store(self.settings.db)
        return self._writer

    def ingest_writer(self) -> Writer:
        """One long-lived writer for API ingests: its near-duplicate index is loaded once."""
        if self._ingest_writer is None:
            self._ingest_writer = Writer(self.writer(), model_version(self.settings),
                                         self.settings.near_duplicate_threshold)
        return self._ingest_writer

    def close(self) -> None:
        self.reader.close()
        if self._ingest_writer is not None:
            self._ingest_writer.close()
            self._ingest_writer = None
        if self._writer is not None:
            self._writer.close()
            self._writer = None


def create_app(settings: Settings) -> FastAPI:
    backend = Backend(settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        backend.close()

    app = FastAPI(title="Rasid (راصد)", version=__version__, lifespan=lifespan,
                  description="Arabic news as structured records: articles, entities, events, search.")
    app.state.backend = backend
    mount_web(app)  # the web UI (rasid/web) over the same store

    @app.exception_handler(BadQuery)
    def bad_query(_request: Request, exc: BadQuery) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=422)

    @app.exception_handler(RegistryError)
    def registry_error(_request: Request, exc: RegistryError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=409)

    def require_token(authorization: Annotated[str | None, Header()] = None) -> None:
        expected = settings.api_token
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not expected or not given or not secrets.compare_digest(given.encode(), expected.encode()):
            raise HTTPException(401, "a write needs the API token: Authorization: Bearer <token>",
                                headers={"WWW-Authenticate": "Bearer"})

    def read(fn, *args):
        with backend.reader.engine.connect() as connection:
            return fn(connection, *args)

    @app.get("/api/articles/{article_id}", summary="One article's record, exactly as the output contract")
    def article(article_id: Annotated[str, ARTICLE_ID]) -> JSONResponse:
        record = read(get_record, article_id)
        if record is None:
            raise HTTPException(404, f"no article {article_id}")
        return JSONResponse(record)

    @app.get("/api/entities", summary="Entities by number of articles")
    def entities(limit: Limit = 20, offset: Offset = 0, type: str | None = None, name: str | None = None,
                 country: str | None = None) -> JSONResponse:
        if type is not None and type.upper() not in ENTITY_TYPES:
            raise BadQuery(f"type: one of {list(ENTITY_TYPES)}")
        return JSONResponse(read(list_entities, Paging.make(limit, offset), type and type.upper(), name,
                                 country and Filters.make(countries=[country]).countries[0]))

    @app.get("/api/entities/{entity_id}", summary="An entity, its title history and its events")
    def entity(entity_id: int, limit: Limit = 20, offset: Offset = 0) -> JSONResponse:
        paging = Paging.make(limit, offset)

        def page_with_events(connection) -> dict[str, Any] | None:
            page = entity_page(connection, entity_id)
            if page is not None:
                page["events"] = list_events(connection, Filters(), paging, page["id"])
            return page

        page = read(page_with_events)
        if page is None:
            raise HTTPException(404, f"no entity {entity_id}")
        return JSONResponse(page)

    @app.get("/api/entities/{entity_id}/articles", summary="The articles that mention an entity")
    def entity_article_list(entity_id: int, limit: Limit = 20, offset: Offset = 0) -> JSONResponse:
        page = read(entity_page, entity_id)
        if page is None:
            raise HTTPException(404, f"no entity {entity_id}")
        return JSONResponse(read(entity_articles, page["id"], Paging.make(limit, offset)))

    @app.get("/api/events", summary="Story events, filtered (two countries make a pair)")
    def events(country: Many = [], type: Many = [], sector: Many = [], person: Many = [],
               organization: Many = [], since: str | None = None, until: str | None = None,
               limit: Limit = 20, offset: Offset = 0) -> JSONResponse:
        filters = Filters.make(person, organization, country, type, sector, since, until)
        return JSONResponse(read(list_events, filters, Paging.make(limit, offset)))

    @app.get("/api/search", summary="Full-text search (Arabic-normalized) with filters")
    def search(q: Annotated[str | None, Query(max_length=500)] = None, country: Many = [], type: Many = [],
               sector: Many = [], person: Many = [], organization: Many = [], since: str | None = None,
               until: str | None = None, limit: Limit = 20, offset: Offset = 0) -> JSONResponse:
        filters = Filters.make(person, organization, country, type, sector, since, until)
        return JSONResponse(read(search_articles, q, filters, Paging.make(limit, offset)))

    @app.get("/api/stats", summary="Counts over the store")
    def stats() -> JSONResponse:
        return JSONResponse(read(store_stats))

    @app.post("/api/articles", summary="Ingest articles (token)", dependencies=[Depends(require_token)])
    def add_articles(request: IngestRequest) -> dict[str, Any]:
        items = [SourceItem(a.url or f"api[{n}]", Article(text=a.text, title=a.title, published=a.published,
                                                          source=a.source, file=a.url), url=a.url)
                 for n, a in enumerate(request.articles)]
        api_settings = settings.model_copy(update={"ingest_workers": 0})
        with backend.write_lock:
            summary = ingest_items(items, backend.writer(), api_settings, report=lambda _m: None,
                                   progress=False, writer=backend.ingest_writer())
        return {"ids": [item.article.id for item in items], "added": summary.added,
                "duplicates": summary.duplicates, "present": summary.present, "failed": summary.failures}

    @app.post("/api/entities/merge", summary="Merge entity `other` into `into` (token)",
              dependencies=[Depends(require_token)])
    def merge(request: MergeRequest) -> dict[str, Any]:
        with backend.write_lock, backend.writer().engine.begin() as connection:
            survivor = corrections.merge(connection, request.into, request.other)
        return {"id": survivor}

    @app.post("/api/entities/{entity_id}/split", summary="Split articles off an entity (token)",
              dependencies=[Depends(require_token)])
    def split(entity_id: int, request: SplitRequest) -> dict[str, Any]:
        with backend.write_lock, backend.writer().engine.begin() as connection:
            new = corrections.split(connection, entity_id, request.articles, request.name)
        return {"id": new}

    return app


def app_from_environment() -> FastAPI:
    """The app for ``uvicorn --factory``: settings from RASID_* variables (RASID_DB, RASID_API_TOKEN)."""
    return create_app(Settings())
