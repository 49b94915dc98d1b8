"""Sources of articles for ``rasid ingest``: files, folders, JSON (Lines) with a field map,
gzip, RSS/Atom feeds (file or URL), HTML pages and WARC archives.

Every source yields ``SourceItem``s: an article (with the URL it came from, if
any) or an error that names the bad input; one bad input never stops the rest.
"""
from __future__ import annotations

import gzip
import io
import json
import re
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

import feedparser
import lxml.html
import trafilatura
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from rasid.doc import Article
from rasid.errors import InputError
from rasid.readers import TEXT_FIELDS, article_from_object, items_from_bytes, json_objects
from rasid.text.decode import decode_bytes

FEED_SUFFIXES = (".rss", ".atom", ".xml")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSON_SUFFIXES = (".json", ".jsonl", ".ndjson")
WARC_SUFFIXES = (".warc", ".warc.gz")
URL_FETCH_TIMEOUT_S = 30
URL_MAX_BYTES = 50_000_000
BLOCK_TAG_RE = re.compile(r"<(?:/p|br\s*/?|/div|/h[1-6]|/li|/tr)\s*>", re.IGNORECASE)
BLANK_LINES_RE = re.compile(r"\n\s*\n+")
WARC_MANDATORY = ("WARC-Record-ID", "WARC-Date", "Content-Length", "WARC-Target-URI")
# A feed whose declared encoding or content type is off is still read; any other problem skips it.
BENIGN_FEED_PROBLEMS = (feedparser.CharacterEncodingOverride, feedparser.NonXMLContentType)


@dataclass
class SourceItem:
    name: str
    article: Article | None = None
    url: str | None = None
    error: InputError | None = None


@dataclass(frozen=True)
class FieldMap:
    """Which JSON fields hold an article's parts (None: the usual names)."""

    text: str | None = None
    title: str | None = None
    published: str | None = None
    source: str | None = None
    url: str | None = None

    def apply(self, obj: Any) -> tuple[Any, str | None]:
        """The object with its fields renamed to the readers' names, and its URL."""
        if not isinstance(obj, dict):
            return obj, None
        mapped = dict(obj)
        for ours, theirs in (("text", self.text), ("title", self.title), ("published", self.published),
                             ("source", self.source)):
            if theirs is not None:
                for name in TEXT_FIELDS if ours == "text" else (ours,):
                    mapped.pop(name, None)
                if theirs in obj:
                    mapped[ours] = obj[theirs]
        url = obj.get(self.url) if self.url else obj.get("url", obj.get("link"))
        return mapped, url if isinstance(url, str) else None


def _object_item(obj: Any, name: str, fields: FieldMap) -> SourceItem:
    mapped, url = fields.apply(obj)
    try:
        return SourceItem(name, article_from_object(mapped, name), url=url)
    except InputError as exc:
        return SourceItem(name, error=exc)


def json_items(text: str, name: str, lines: bool, fields: FieldMap) -> Iterator[SourceItem]:
    for item_name, obj in json_objects(text, name, lines):
        if isinstance(obj, InputError):
            yield SourceItem(item_name, error=obj)
        else:
            yield _object_item(obj, item_name, fields)


def html_fragment_text(html: str) -> str:
    """Readable text of an HTML fragment (a feed entry's content): blocks become paragraphs."""
    if "<" not in html:
        return html.strip()
    try:
        root = lxml.html.fragment_fromstring(BLOCK_TAG_RE.sub(lambda m: m.group(0) + "\n\n", html),
                                             create_parent="div")
    except (lxml.etree.ParserError, ValueError):
        return ""
    return BLANK_LINES_RE.sub("\n\n", root.text_content()).strip()


def _iso(parsed: time.struct_time | None) -> str | None:
    return time.strftime("%Y-%m-%dT%H:%M:%S", parsed) if parsed else None


def feed_items(data: bytes, name: str) -> Iterator[SourceItem]:
    feed = feedparser.parse(data)
    if feed.bozo and not isinstance(feed.get("bozo_exception"), BENIGN_FEED_PROBLEMS):
        reason = getattr(feed, "bozo_exception", None) or "not an RSS or Atom feed"
        yield SourceItem(name, error=InputError(name, f"malformed feed: {reason}"))
        return
    if not feed.entries:
        yield SourceItem(name, error=InputError(name, "feed has no entries"))
        return
    outlet = feed.feed.get("title")
    for number, entry in enumerate(feed.entries, start=1):
        entry_name = f"{name}#{entry.get('link') or number}"
        content = entry.get("content") or []
        html = content[0].get("value", "") if content else entry.get("summary", "")
        obj = {"text": html_fragment_text(html or ""), "title": entry.get("title"),
               "published": _iso(entry.get("published_parsed") or entry.get("updated_parsed")),
               "source": outlet, "url": entry.get("link")}
        yield _object_item(obj, entry_name, FieldMap())


def html_item(data: bytes | str, name: str, url: str | None = None, date: str | None = None) -> SourceItem:
    """The main text of an HTML page (trafilatura), with its title and date."""
    try:
        extracted = trafilatura.extract(data, output_format="json", with_metadata=True, url=url)
    except (ValueError, TypeError, lxml.etree.LxmlError) as exc:
        return SourceItem(name, error=InputError(name, f"malformed HTML: {exc}"))
    if not extracted:
        return SourceItem(name, error=InputError(name, "no main text found in the HTML page"))
    page = json.loads(extracted)
    obj = {"text": (page.get("text") or "").strip(), "title": page.get("title"),
           "published": page.get("date") or date, "source": page.get("sitename") or page.get("hostname"),
           "url": url or page.get("url")}
    return _object_item(obj, name, FieldMap())


def _warc_problem(record) -> str | None:
    """Why a read WARC record cannot be trusted (truncated, corrupt, no target), or None."""
    missing = [h for h in WARC_MANDATORY if not record.rec_headers.get_header(h)]
    if missing:
        return f"malformed WARC record: no {', '.join(missing)}"
    declared = record.rec_headers.get_header("WARC-Block-Digest")
    if declared and record.digest_checker.passed is not True:
        return "malformed WARC record: truncated or corrupt (block digest does not match)"
    return None


def warc_items(stream: io.BufferedIOBase, name: str) -> Iterator[SourceItem]:
    """HTML responses (and resources) of a WARC archive, one article each; a truncated or
    corrupt record is reported by name and skipped."""
    archive = ArchiveIterator(stream, check_digests=True)
    try:
        for number, record in enumerate(archive, start=1):
            if record.rec_type not in ("response", "resource"):
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            record_name = f"{name}#{url or number}"
            payload = record.content_stream().read()
            problem = _warc_problem(record)
            if problem:
                yield SourceItem(record_name, error=InputError(record_name, problem))
                continue
            headers = record.http_headers if record.rec_type == "response" else record.rec_headers
            content_type = (headers.get_header("Content-Type") if headers else "") or ""
            if "html" not in content_type.lower():
                continue
            date = (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
            yield html_item(payload, record_name, url=url, date=date)
    except ArchiveLoadFailed as exc:
        yield SourceItem(name, error=InputError(name, f"malformed WARC archive: {exc}"))


def items_from_data(data: bytes, name: str, fields: FieldMap) -> Iterator[SourceItem]:
    """Dispatch on the name's suffix (a .gz is opened and its inner name used)."""
    lower = name.lower()
    if lower.endswith(WARC_SUFFIXES):
        yield from warc_items(io.BytesIO(data), name)
        return
    if lower.endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            yield SourceItem(name, error=InputError(name, f"bad gzip data: {exc}"))
            return
        inner = name[:-3]
        for item in items_from_data(data, inner, fields):  # names keep the .gz: x.json.gz[3]
            yield SourceItem(name + item.name[len(inner):], item.article, item.url, item.error)
        return
    if lower.endswith(FEED_SUFFIXES):
        yield from feed_items(data, name)
    elif lower.endswith(HTML_SUFFIXES):
        yield html_item(data, name)
    elif lower.endswith(JSON_SUFFIXES):
        try:
            text = decode_bytes(data, name)
        except InputError as exc:
            yield SourceItem(name, error=exc)
            return
        yield from json_items(text, name, lines=not lower.endswith(".json"), fields=fields)
    else:
        for item in items_from_bytes(data, name):
            yield SourceItem(item.source, item.article, error=item.error)


def fetch_url(url: str) -> tuple[bytes, str]:
    """The body and content type at ``url``."""
    request = urllib.request.Request(url, headers={"User-Agent": "rasid-ingest"})
    with urllib.request.urlopen(request, timeout=URL_FETCH_TIMEOUT_S) as response:
        return response.read(URL_MAX_BYTES), response.headers.get("Content-Type", "")


def looks_like_feed(data: bytes, content_type: str) -> bool:
    if any(kind in content_type for kind in ("rss", "atom", "xml")):
        return True
    head = data[:2048].lstrip().lower()
    return head.startswith(b"<?xml") or head.startswith(b"<rss") or head.startswith(b"<feed")


def url_items(url: str, fetch: Callable[[str], tuple[bytes, str]] = fetch_url) -> Iterator[SourceItem]:
    try:
        data, content_type = fetch(url)
    except (OSError, ValueError) as exc:
        yield SourceItem(url, error=InputError(url, f"cannot fetch: {exc}"))
        return
    if looks_like_feed(data, content_type.lower()):
        yield from feed_items(data, url)
    else:
        yield html_item(data, url, url=url)


def _files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*")
                  if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts))


def file_items(path: Path, fields: FieldMap) -> Iterator[SourceItem]:
    name = str(path)
    if name.lower().endswith(WARC_SUFFIXES):  # streamed: archives can be large
        try:
            with path.open("rb") as stream:
                yield from warc_items(stream, name)
        except OSError as exc:
            yield SourceItem(name, error=InputError(name, f"cannot read: {exc.strerror}"))
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield SourceItem(name, error=InputError(name, f"cannot read: {exc.strerror}"))
        return
    yield from items_from_data(data, name, fields)


def iter_sources(sources: list[str], fields: FieldMap = FieldMap(),
                 fetch: Callable[[str], tuple[bytes, str]] = fetch_url) -> Iterator[SourceItem]:
    """Every article of every source, in order; folders recursively."""
    for source in sources:
        if source.startswith(("http://", "https://")):
            yield from url_items(source, fetch)
            continue
        path = Path(source)
        if path.is_dir():
            files = _files_under(path)
            if not files:
                yield SourceItem(source, error=InputError(source, "folder holds no files"))
            for file in files:
                yield from file_items(file, fields)
        elif path.is_file():
            yield from file_items(path, fields)
        else:
            yield SourceItem(source, error=InputError(source, "no such file or folder"))
