"""The articles of one input file, from its bytes: the readers of ``rasid extract`` and ``rasid ingest``.

Text, .json and .jsonl files go through rasid.readers (as in ``rasid extract``),
WARC archives through rasid.ingest.sources (as in ``rasid ingest``); a .gz file
is opened and read by its inner name. Each item is an article or the one-line
error of the input that could not become one. A JSON or JSON Lines file can be read
in slices (``start`` .. ``end``, fractions of its text): each slice parses the file but builds
only its own articles (``balance.slice_range``); an error of the whole file is the first slice's.
"""
from __future__ import annotations

import gzip
import io
import re
from pathlib import PurePosixPath
from typing import Any, Iterator

from rasid.batch.balance import slice_range
from rasid.errors import InputError
from rasid.ingest.sources import WARC_SUFFIXES, warc_items
from rasid.readers import (ARTICLE_SUFFIXES, JSON_SUFFIXES, Item, items_from_bytes, items_from_objects,
                           json_objects)
from rasid.text.decode import decode_bytes

def _article_file_pattern() -> str:
    """The names of article files (rasid.readers' suffixes, gzipped or not; WARC archives), as a regex
    that Java (Spark's rlike) and Python read alike."""
    suffixes = "|".join(re.escape(s) for s in sorted(ARTICLE_SUFFIXES) if s)
    warc = "|".join(re.escape(s) for s in WARC_SUFFIXES)
    return rf"(?i)((?:{suffixes})(?:\.gz)?|{warc}|(?:^|/)[^/.]+)$"


ARTICLE_FILE_PATTERN = _article_file_pattern()
ARTICLE_FILE_RE = re.compile(ARTICLE_FILE_PATTERN)


def is_article_file(name: str) -> bool:
    """Whether a file of an input folder holds articles, by its name."""
    return ARTICLE_FILE_RE.search(name) is not None


def is_splittable(name: str) -> bool:
    """Whether a file's articles can be read in parts: JSON and JSON Lines, gzipped or not."""
    lower = name.lower()
    return PurePosixPath(lower[:-3] if lower.endswith(".gz") else lower).suffix in JSON_SUFFIXES


def items_from_file(data: bytes, name: str, start: float = 0.0, end: float = 1.0) -> Iterator[Item]:
    """Every article of one file's bytes (or of its slice ``start`` .. ``end``), in order;
    one bad item never stops the rest."""
    lower = name.lower()
    if lower.endswith(WARC_SUFFIXES):
        if start == 0.0:  # never cut
            for item in warc_items(io.BytesIO(data), name):
                yield Item(item.name, item.article, item.error)
        return
    if lower.endswith(".gz"):
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError) as exc:
            if start == 0.0:
                yield Item(name, error=InputError(name, f"bad gzip data: {exc}"))
            return
        inner = name[:-3]
        for item in _items_of_slice(data, inner, start, end):
            yield _renamed(item, inner, name)
        return
    yield from _items_of_slice(data, name, start, end)


def _items_of_slice(data: bytes, name: str, start: float, end: float) -> Iterator[Item]:
    if (start == 0.0 and end == 1.0) or not is_splittable(name):
        if start == 0.0:
            yield from items_from_bytes(data, name)
        return
    try:
        text = decode_bytes(data, name)
    except InputError as exc:
        if start == 0.0:
            yield Item(name, error=exc)
        return
    objects = list(json_objects(text, name, lines=PurePosixPath(name.lower()).suffix != ".json"))
    first, last = slice_range([_text_size(obj) for _, obj in objects], start, end)
    yield from items_from_objects(objects[first:last])


def _text_size(obj: Any) -> int:
    """An object's weight for slicing: the length of its string fields (at least 1)."""
    if not isinstance(obj, dict):
        return 1
    return 1 + sum(len(value) for value in obj.values() if isinstance(value, str))


def _renamed(item: Item, inner: str, outer: str) -> Item:
    """An item of a .gz file named after the file itself (x.json.gz[3], not x.json[3])."""
    name = outer + item.source[len(inner):]
    if item.article is not None:
        item.article.file = name
        return Item(name, item.article)
    error = item.error
    assert error is not None
    return Item(name, error=type(error)(name, error.reason))
