"""The articles of one input file, from its bytes: the readers of ``rasid extract`` and ``rasid ingest``.

Text, .json and .jsonl files go through rasid.readers (as in ``rasid extract``),
WARC archives through rasid.ingest.sources (as in ``rasid ingest``); a .gz file
is opened and read by its inner name. Each item is an article or the one-line
error of the input that could not become one.
"""
from __future__ import annotations

import gzip
import io
import re
from typing import Iterator

from rasid.errors import InputError
from rasid.ingest.sources import WARC_SUFFIXES, warc_items
from rasid.readers import ARTICLE_SUFFIXES, Item, items_from_bytes

LOCAL_SCHEMES = ("file://", "file:")


def _article_file_pattern() -> str:
    """The names of article files (rasid.readers' suffixes, gzipped or not; WARC archives), as a regex
    that Java (Spark's rlike) and Python read alike."""
    suffixes = "|".join(re.escape(s) for s in sorted(ARTICLE_SUFFIXES) if s)
    warc = "|".join(re.escape(s) for s in WARC_SUFFIXES)
    return rf"(?i)((?:{suffixes})(?:\.gz)?|{warc}|(?:^|/)[^/.]+)$"


ARTICLE_FILE_PATTERN = _article_file_pattern()
ARTICLE_FILE_RE = re.compile(ARTICLE_FILE_PATTERN)


def local_name(path: str) -> str:
    """A path as ``rasid extract`` names it: a local file without its file: scheme."""
    for scheme in LOCAL_SCHEMES:
        if path.startswith(scheme):
            rest = path[len(scheme):]
            return rest if rest.startswith("/") else f"/{rest}"
    return path


def is_article_file(name: str) -> bool:
    """Whether a file of an input folder holds articles, by its name."""
    return ARTICLE_FILE_RE.search(name) is not None


def items_from_file(data: bytes, name: str) -> Iterator[Item]:
    """Every article of one file's bytes, in order; one bad item never stops the rest."""
    lower = name.lower()
    if lower.endswith(WARC_SUFFIXES):
        for item in warc_items(io.BytesIO(data), name):
            yield Item(item.name, item.article, item.error)
        return
    if lower.endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            yield Item(name, error=InputError(name, f"bad gzip data: {exc}"))
            return
        inner = name[:-3]
        for item in items_from_bytes(data, inner):
            yield _renamed(item, inner, name)
        return
    yield from items_from_bytes(data, name)


def _renamed(item: Item, inner: str, outer: str) -> Item:
    """An item of a .gz file named after the file itself (x.json.gz[3], not x.json[3])."""
    name = outer + item.source[len(inner):]
    if item.article is not None:
        item.article.file = name
        return Item(name, item.article)
    error = item.error
    assert error is not None
    return Item(name, error=type(error)(name, error.reason))
