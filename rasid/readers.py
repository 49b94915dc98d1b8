"""Reading articles from paths and stdin: one Article or one InputError per input.

Text files are one article each (the first short line is its title); ``.json``
holds one article object or a list of them, ``.jsonl`` one object a line, with
the fields ``text`` (or ``content``/``body``), ``title``, ``published`` (or
``date``/``date_extracted``), ``source``. Standard input is text, or JSON / JSON
Lines when it starts with "{" or "[".
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Iterable, Iterator

from rasid.doc import Article
from rasid.errors import InputError
from rasid.text.decode import decode_bytes

TEXT_FIELDS = ("text", "content", "body")
DATE_FIELDS = ("published", "date", "date_extracted")
TITLE_MAX_CHARS = 200
STDIN = "<stdin>"
JSON_SUFFIXES = (".json", ".jsonl", ".ndjson")
ARTICLE_SUFFIXES = frozenset((".txt", ".text", "") + JSON_SUFFIXES)


@dataclass
class Item:
    """What one input yielded: an article, or the error that stopped it."""

    source: str
    article: Article | None = None
    error: InputError | None = None


def article_from_text(text: str, source: str) -> Article:
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    title = first if len(first) <= TITLE_MAX_CHARS else None
    return Article(text=text, title=title, file=source)


def article_from_object(obj: Any, source: str) -> Article:
    if not isinstance(obj, dict):
        raise InputError(source, f"expected a JSON object, got {type(obj).__name__}")
    text = next((obj[f] for f in TEXT_FIELDS if isinstance(obj.get(f), str)), None)
    if text is None or not text.strip():
        raise InputError(source, f"no article text in any of the fields {list(TEXT_FIELDS)}")
    title = obj.get("title")
    if isinstance(title, str) and title.strip() and not text.lstrip().startswith(title.strip()):
        text = f"{title.strip()}\n\n{text}"
    published = next((str(obj[f]) for f in DATE_FIELDS if obj.get(f)), None)
    return Article(
        text=text.replace("\r\n", "\n").replace("\r", "\n"), title=title if isinstance(title, str) else None,
        published=published, source=obj.get("source") if isinstance(obj.get("source"), str) else None,
        file=source,
    )


def json_objects(text: str, source: str, lines: bool) -> Iterator[tuple[str, Any]]:
    """(name, object) per JSON object of a .json (object or list) or JSON Lines text;
    an unparsable line or file yields (name, InputError) instead."""
    if lines:
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            name = f"{source}:{number}"
            try:
                yield name, json.loads(line)
            except json.JSONDecodeError as exc:
                yield name, InputError(name, f"invalid JSON: {exc.msg} at column {exc.colno}")
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield source, InputError(source, f"invalid JSON: {exc.msg} at line {exc.lineno}")
        return
    objects = data if isinstance(data, list) else [data]
    for number, obj in enumerate(objects):
        yield (source if len(objects) == 1 else f"{source}[{number}]"), obj


def _json_items(text: str, source: str, lines: bool) -> Iterator[Item]:
    return items_from_objects(json_objects(text, source, lines))


def items_from_objects(objects: Iterable[tuple[str, Any]]) -> Iterator[Item]:
    """An Item per (name, object or InputError) of ``json_objects``."""
    for name, obj in objects:
        if isinstance(obj, InputError):
            yield Item(name, error=obj)
            continue
        try:
            yield Item(name, article_from_object(obj, name))
        except InputError as exc:
            yield Item(name, error=exc)


def items_from_bytes(data: bytes, source: str) -> Iterator[Item]:
    try:
        text = decode_bytes(data, source)
    except InputError as exc:
        yield Item(source, error=exc)
        return
    suffix = Path(source).suffix.lower()
    if suffix in JSON_SUFFIXES:
        yield from _json_items(text, source, lines=suffix != ".json")
    elif source == STDIN and (layout := _json_layout(text)):
        yield from _json_items(text, source, lines=layout == "jsonl")
    else:
        yield Item(source, article_from_text(text, source))


def _json_layout(text: str) -> str | None:
    """Standard input has no file name: "json" when it is one JSON document, "jsonl" when its
    first line is one, None for text (an article may well open with "[")."""
    if text.lstrip()[:1] not in ("{", "["):
        return None
    for layout, candidate in (("json", text), ("jsonl", text.lstrip().split("\n", 1)[0])):
        try:
            json.loads(candidate)
        except json.JSONDecodeError:
            continue
        return layout
    return None


def _files_under(folder: Path) -> list[Path]:
    """The article files of a folder, recursively: text and JSON files, hidden ones left out.

    A folder of articles often holds other files (an index.tsv, a README.md): only
    the suffixes in ARTICLE_SUFFIXES are read, and a file without a suffix.
    """
    return sorted(
        p for p in folder.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in p.relative_to(folder).parts)
        and p.suffix.lower() in ARTICLE_SUFFIXES
    )


def read_inputs(paths: list[str], stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Every article of every path ('-' is stdin), in order; folders recursively."""
    for raw in paths:
        if raw == "-":
            stream = stdin or sys.stdin.buffer
            yield from items_from_bytes(stream.read(), STDIN)
            continue
        path = Path(raw)
        if path.is_dir():
            files = _files_under(path)
            if not files:
                yield Item(raw, error=InputError(raw, "folder holds no article files (.txt, .json, .jsonl)"))
            for file in files:
                yield from _read_file(file)
        elif path.exists():
            yield from _read_file(path)
        else:
            yield Item(raw, error=InputError(raw, "no such file or folder"))


def _read_file(path: Path) -> Iterator[Item]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Item(str(path), error=InputError(str(path), f"cannot read: {exc.strerror}"))
        return
    yield from items_from_bytes(data, str(path))
