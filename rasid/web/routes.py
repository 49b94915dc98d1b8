"""The web pages: thin handlers that read the form, call the library (rasid.search, rasid.registry,
rasid.web.queries) on the read-only store and render a template. No SQL here."""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from time import perf_counter, thread_time
from typing import Any, Callable

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from sqlalchemy.engine import Connection

from rasid import __version__
from rasid.registry.queries import entity_articles, entity_page, list_entities
from rasid.search.articles import search_articles
from rasid.search.events import list_events
from rasid.search.filters import BadQuery, Filters, Paging
from rasid.store.articles import get_article, get_record
from rasid.store.fulltext import query_words
from rasid.web import queries
from rasid.web.export import ExportError, export
from rasid.web.graph import HEIGHT, WIDTH, layout
from rasid.web.highlight import highlighted_paragraphs, marked_words, record_spans
from rasid.web.labels import agreement_steps, country_name, label, labels
from rasid.web.params import PAGE_SIZE, Form, parse_pair
from rasid.web.views import article_view, event_row, safe_url, timeline

ARTICLE_ID_RE = re.compile(r"^[0-9a-f]{16,32}$")
EXPORT_MAX_ROWS = 10_000
ENTITY_EVENTS_PAGE = 50
ENTITY_TYPES_LISTED = {"PERSON": "people", "ORG": "organizations"}
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'none'; object-src 'none'; base-uri 'none'; "
                           "form-action 'self'; frame-ancestors 'none'; img-src 'self'; style-src 'self'")

router = APIRouter(include_in_schema=False)
templates = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True,
                        undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
templates.globals.update(label=label, country_name=country_name, agreement_steps=agreement_steps,
                         labels=labels, safe_url=safe_url, version=__version__, page_size=PAGE_SIZE)


class NotFound(LookupError):
    """A page for something the store does not have."""


Built = tuple[str, dict[str, Any]] | Response


def show(request: Request, build: Callable[[Connection], Built]) -> Response:
    """Run ``build`` on a read-only connection and render what it returns; a bad parameter
    or a missing thing is a page too (422, 404). Server time goes out as Server-Timing: ``app``
    is the elapsed time, ``cpu`` the CPU time of the thread that built the page (the same work
    on a machine nobody else is using)."""
    started, cpu_started = perf_counter(), thread_time()
    status = 200
    try:
        with request.app.state.backend.reader.engine.connect() as connection:
            built = build(connection)
    except (BadQuery, ExportError) as exc:
        built, status = ("error.html", {"title": "طلب غير صالح", "message": str(exc)}), 422
    except NotFound as exc:
        built, status = ("error.html", {"title": "غير موجود", "message": str(exc)}), 404
    if isinstance(built, Response):
        return built
    name, context = built
    html = templates.get_template(name).render(path=request.url.path, **context)
    elapsed_ms, cpu_ms = (perf_counter() - started) * 1000, (thread_time() - cpu_started) * 1000
    return HTMLResponse(html, status_code=status, headers={
        "Server-Timing": f"app;dur={elapsed_ms:.1f}, cpu;dur={cpu_ms:.1f}", "Content-Security-Policy": CONTENT_SECURITY_POLICY,
        "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin"})


def _export_response(rows: list[dict[str, Any]], fmt: str, name: str, columns: list[str] | None = None) -> Response:
    content, media_type = export(rows, fmt, columns)
    return Response(content, media_type=media_type, headers={
        "Content-Disposition": f'attachment; filename="rasid-{name}.{fmt}"', "X-Rasid-Rows": str(len(rows)),
        "X-Rasid-Truncated": "1" if len(rows) >= EXPORT_MAX_ROWS else "0", "X-Content-Type-Options": "nosniff"})


def _entity_number(value: str) -> int:
    if not value.isdigit() or len(value) > 12:
        raise BadQuery(f"entity: a registry id (a number), not {value[:20]!r}")
    return int(value)


# --- search

@router.get("/", response_class=HTMLResponse)
def search_page(request: Request) -> Response:
    def build(connection: Connection) -> Built:
        form = Form.read(request.query_params)
        filters = form.filters()
        results = search_articles(connection, form.q, filters, Paging(PAGE_SIZE, form.offset))
        words = query_words(form.q)
        for item in results["items"]:
            item["snippet_html"] = marked_words(item["snippet"], words)
            item["link"] = safe_url(item["url"])
        return "search.html", {
            "form": form, "results": results, "facets": queries.search_facets(connection, form.q, filters, results["total"]),
            "countries": queries.known_countries(connection),
            "person_names": queries.entity_names_of(connection, form.person),
            "org_names": queries.entity_names_of(connection, form.org),
        }
    return show(request, build)


# --- an article

@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> Response:
    def build(connection: Connection) -> Built:
        if not ARTICLE_ID_RE.match(article_id):
            raise NotFound("لا مقال بهذا المعرف")
        record = get_record(connection, article_id)
        if record is None:
            raise NotFound("لا مقال بهذا المعرف في المخزن")
        row = get_article(connection, article_id)
        entity_links, event_links = queries.article_links(connection, article_id)
        anchors = {span.anchor for span in record_spans(record)}
        return "article.html", {
            "record": record, "row": row, "link": safe_url(row.url), "paragraphs": highlighted_paragraphs(record),
            "panel": article_view(record, entity_links, event_links, anchors),
            "copies": queries.story_copies(connection, article_id, row.story_id),
        }
    return show(request, build)


# --- persons and organizations

@router.get("/entities/{num}", response_class=HTMLResponse)
def entity_page_view(request: Request, num: int) -> Response:
    def build(connection: Connection) -> Built:
        form = Form.read(request.query_params)
        page = entity_page(connection, num)
        if page is None:
            raise NotFound("لا كيان بهذا المعرف")
        if page["id"] != num:
            return RedirectResponse(f"/entities/{page['id']}", status_code=307)
        if page["type"] == "COUNTRY" and page["country"]:
            return RedirectResponse(f"/pairs?country={page['country']}", status_code=307)
        offset = (form.page - 1) * ENTITY_EVENTS_PAGE
        found = list_events(connection, Filters(), Paging(ENTITY_EVENTS_PAGE, offset), page["id"])
        return "entity.html", {
            "form": form, "entity": page, "events": found, "timeline": timeline(found["items"]),
            "months": queries.entity_event_months(connection, page["id"]),
            "met": queries.people_met(connection, page["id"]),
            "members": queries.organization_people(connection, page["id"]) if page["type"] == "ORG" else [],
            "articles": entity_articles(connection, page["id"], Paging(PAGE_SIZE, 0)),
            "events_page_size": ENTITY_EVENTS_PAGE,
            "latest_title_day": max((t["last_seen"] for t in page.get("titles", []) if t["last_seen"]), default=None),
        }
    return show(request, build)


@router.get("/people", response_class=HTMLResponse)
@router.get("/organizations", response_class=HTMLResponse)
def entity_list_page(request: Request) -> Response:
    entity_type = "ORG" if request.url.path.startswith("/organizations") else "PERSON"

    def build(connection: Connection) -> Built:
        form = Form.read(request.query_params, extra=("name",))
        country = form.filters().countries[0] if form.country else None
        paging = Paging(PAGE_SIZE * 2, (form.page - 1) * PAGE_SIZE * 2)
        name = form.extra["name"] or None
        found = queries.kept_until_the_store_changes(  # every entity counted: kept while the store is unchanged
            connection, ("entities", entity_type, name, country, paging),
            lambda: list_entities(connection, paging, entity_type, name, country))
        return "entities.html", {"form": form, "entity_type": entity_type, "found": found,
                                 "countries": queries.known_countries(connection), "size": PAGE_SIZE * 2}
    return show(request, build)


# --- countries and country pairs

@router.get("/pairs", response_class=HTMLResponse)
def pairs_page(request: Request) -> Response:
    def build(connection: Connection) -> Built:
        form = Form.read(request.query_params)
        codes = form.filters().countries
        if len(codes) == 2 and codes[0] != codes[1]:
            a, b = sorted(codes)
            return RedirectResponse(f"/pairs/{a}-{b}", status_code=303)
        code = codes[0] if codes else None
        return "pairs.html", {"form": form, "code": code, "pairs": queries.country_partners(connection, code),
                              "countries": queries.known_countries(connection)}
    return show(request, build)


@router.get("/pairs/{pair}", response_class=HTMLResponse)
def pair_page(request: Request, pair: str) -> Response:
    def build(connection: Connection) -> Built:
        a, b = parse_pair(pair)
        if pair != f"{a}-{b}":
            return RedirectResponse(f"/pairs/{a}-{b}?{request.url.query}", status_code=307)
        form = Form.read(request.query_params).with_countries(())
        filters = queries.pair_filters(a, b, form.filters())
        found = list_events(connection, filters, Paging(ENTITY_EVENTS_PAGE, (form.page - 1) * ENTITY_EVENTS_PAGE))
        return "pair.html", {
            "form": form, "a": a, "b": b, "overview": queries.pair_overview(connection, a, b, form.filters()),
            "events": found, "timeline": timeline(found["items"]), "events_page_size": ENTITY_EVENTS_PAGE,
            "export_query": form.query(country=[a, b]),
        }
    return show(request, build)


# --- the network

def _network_form(request: Request) -> Form:
    form = Form.read(request.query_params, extra=("kind",))
    if form.extra["kind"] not in queries.NETWORK_KINDS:
        form.extra["kind"] = "persons"
    if not request.query_params:  # a first visit: who met whom, in meetings
        form = replace(form, type=queries.MEETING_TYPES)
    return form


def _named(graph: dict[str, Any]) -> dict[str, Any]:
    """Countries are named in Arabic (CLDR); persons keep their registry name."""
    for node in graph["nodes"]:
        if graph["kind"] == "countries":
            node["name"] = country_name(node["country"])
    return graph


@router.get("/network", response_class=HTMLResponse)
def network_page(request: Request) -> Response:
    def build(connection: Connection) -> Built:
        form = _network_form(request)
        graph = _named(queries.network(connection, form.extra["kind"], form.filters()))
        nodes, edges = layout(graph["nodes"], graph["edges"])
        return "network.html", {"form": form, "graph": graph, "nodes": nodes, "edges": edges,
                                "names": {node["id"]: node["name"] for node in graph["nodes"]},
                                "width": WIDTH, "height": HEIGHT, "countries": queries.known_countries(connection)}
    return show(request, build)


# --- exports: the same parameters as the page, every row (up to EXPORT_MAX_ROWS)

ARTICLE_COLUMNS = ["id", "title", "published", "source", "url", "story", "score"]
EVENT_COLUMNS = ["event", "day", "type", "mode", "status", "countries", "participants", "participant_ids",
                 "instrument", "agreement_status", "sectors", "date", "location", "articles"]


@router.get("/export/articles.{fmt}")
def export_articles(request: Request, fmt: str) -> Response:
    def build(connection: Connection) -> Built:
        form = Form.read(request.query_params)
        rows = queries.found_articles(connection, form.q, form.filters(), EXPORT_MAX_ROWS)
        return _export_response(rows, fmt, "articles", ARTICLE_COLUMNS)
    return show(request, build)


@router.get("/export/events.{fmt}")
def export_events(request: Request, fmt: str) -> Response:
    def build(connection: Connection) -> Built:
        form = Form.read(request.query_params, extra=("entity",))
        entity = _entity_number(form.extra["entity"]) if form.extra["entity"] else None
        found = list_events(connection, form.filters(), Paging(EXPORT_MAX_ROWS, 0), entity)
        return _export_response([event_row(e) for e in found["items"]], fmt, "events", EVENT_COLUMNS)
    return show(request, build)


@router.get("/export/network.{fmt}")
def export_network(request: Request, fmt: str) -> Response:
    def build(connection: Connection) -> Built:
        form = _network_form(request)
        graph = _named(queries.network(connection, form.extra["kind"], form.filters()))
        names = {node["id"]: node["name"] for node in graph["nodes"]}
        rows = [{"a": e["a"], "a_name": names.get(e["a"]), "b": e["b"], "b_name": names.get(e["b"]),
                 "events": e["weight"]} for e in graph["edges"]]
        return _export_response(rows, fmt, f"network-{form.extra['kind']}", ["a", "a_name", "b", "b_name", "events"])
    return show(request, build)


@router.get("/export/people-met.{fmt}")
def export_people_met(request: Request, fmt: str) -> Response:
    def build(connection: Connection) -> Built:
        form = Form.read(request.query_params, extra=("entity",))
        rows = queries.people_met(connection, _entity_number(form.extra["entity"]), limit=EXPORT_MAX_ROWS)
        return _export_response(rows, fmt, "people-met", ["id", "name", "country", "events", "first", "last"])
    return show(request, build)
