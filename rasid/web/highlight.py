"""An article's text as HTML with its spans marked: entity mentions, titles, event triggers and
evidence, statements. Every character of the text is escaped; spans only add ``<mark>`` elements.

Each line of the text is a paragraph. Spans are cut at paragraph ends, and a span that crosses
another (starts inside it, ends after it) is cut where the other ends, so the marks nest. Every
mark carries its own range (``data-s``, ``data-e``): its text is exactly ``text[s:e]``. The first
piece of a span carries the span's anchor id, which the side panel links to.
"""
from __future__ import annotations

import heapq
import re
from dataclasses import dataclass
from typing import Any, Iterator

from markupsafe import Markup, escape

from rasid.store.fulltext import ARTICLE, CONJUNCTIONS, PREPOSITIONS
from rasid.text.normalize import normalize

# Outer before inner when two spans start at the same place and have the same length.
KIND_ORDER = {"statement": 0, "evidence": 1, "role": 2, "trigger": 3, "mention": 4}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # statement | evidence | role | trigger | mention
    anchor: str  # the id of the span's first piece
    css: str  # extra classes (the entity type of a mention)
    label: str  # tooltip

    def sort_key(self) -> tuple[int, int, int]:
        return (self.start, -self.end, KIND_ORDER[self.kind])


def _valid(text: str, start: Any, end: Any) -> bool:
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)


def record_spans(record: dict[str, Any]) -> list[Span]:
    """The record's spans that fall inside its text (others are ignored, never trusted)."""
    text = record.get("text") or ""
    spans: list[Span] = []

    def add(start, end, kind, anchor, css="", label=""):
        if _valid(text, start, end):
            spans.append(Span(start, end, kind, anchor, css, label))

    for entity in record.get("entities") or []:
        eid, etype = str(entity.get("id")), str(entity.get("type", "")).lower()
        for i, mention in enumerate(entity.get("mentions") or []):
            add(mention.get("start"), mention.get("end"), "mention", f"m-{eid}-{i}", etype, entity.get("name") or "")
        for i, role in enumerate(entity.get("roles") or []):
            add(role.get("start"), role.get("end"), "role", f"r-{eid}-{i}", "", role.get("title") or "")
    for event in record.get("events") or []:
        vid = str(event.get("id"))
        trigger = event.get("trigger") or {}
        add(trigger.get("start"), trigger.get("end"), "trigger", f"t-{vid}", "", event.get("type") or "")
        for i, evidence in enumerate(event.get("evidence") or []):
            add(evidence.get("start"), evidence.get("end"), "evidence", f"ev-{vid}-{i}", "", event.get("type") or "")
    for i, statement in enumerate(record.get("statements") or []):
        add(statement.get("start"), statement.get("end"), "statement", f"s-{i}", "", statement.get("cue") or "")
    return spans


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-empty line."""
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            yield start, end
        start = end + 1


@dataclass(frozen=True)
class Piece:
    start: int
    end: int
    span: Span

    @property
    def first(self) -> bool:
        return self.start == self.span.start


def _piece_key(piece: Piece) -> tuple[int, int, int]:
    return (piece.start, -piece.end, KIND_ORDER[piece.span.kind])


def _open_tag(piece: Piece) -> str:
    span = piece.span
    classes = f"hl {span.kind}" + (f" {span.css}" if span.css else "")
    anchor = f' id="{escape(span.anchor)}"' if piece.first else ""
    title = f' title="{escape(span.label)}"' if span.label else ""
    return (f'<mark class="{escape(classes)}"{anchor} data-s="{piece.start}" data-e="{piece.end}"'
            f' data-anchor="{escape(span.anchor)}"{title}>')


def nest(text: str, start: int, end: int, pieces: list[Piece]) -> str:
    """HTML of text[start:end] with the pieces (all inside it) marked, crossing pieces cut."""
    heap = [(_piece_key(p), n, p) for n, p in enumerate(pieces)]
    heapq.heapify(heap)
    counter = len(heap)
    out: list[str] = []
    stack: list[Piece] = []
    position = start
    while heap or stack:
        next_start = heap[0][2].start if heap else end
        if stack and stack[-1].end <= next_start:
            top = stack.pop()
            out.append(str(escape(text[position:top.end])) + "</mark>")
            position = top.end
            continue
        _, _, piece = heapq.heappop(heap)
        out.append(str(escape(text[position:piece.start])))
        position = piece.start
        if stack and piece.end > stack[-1].end:  # crosses the open mark: cut it where that one ends
            cut = stack[-1].end
            rest = Piece(cut, piece.end, piece.span)
            counter += 1
            heapq.heappush(heap, (_piece_key(rest), counter, rest))
            piece = Piece(piece.start, cut, piece.span)
        stack.append(piece)
        out.append(_open_tag(piece))
    out.append(str(escape(text[position:end])))
    return "".join(out)


def highlighted_paragraphs(record: dict[str, Any]) -> list[Markup]:
    """One HTML fragment per paragraph of the record's text, spans marked."""
    text = record.get("text") or ""
    spans = sorted(record_spans(record), key=Span.sort_key)
    fragments = []
    for p_start, p_end in paragraphs(text):
        pieces = [Piece(max(s.start, p_start), min(s.end, p_end), s) for s in spans
                  if s.start < p_end and s.end > p_start]
        pieces = [p for p in pieces if p.start < p.end]
        fragments.append(Markup(nest(text, p_start, p_end, pieces)))
    return fragments


CONJUNCTION_PREFIX = f"[{CONJUNCTIONS}]?"  # the proclitics the full-text index strips (rasid.store.fulltext)
PREPOSITION_PREFIX = f"[{PREPOSITIONS}]?"


def _word_pattern(words: list[str]) -> re.Pattern | None:
    """A pattern over normalized, lowercased text that finds each query word as a whole word,
    also behind proclitics (و، ف، ب، ل، ك; للـ for الـ): group 1 is the word itself."""
    forms = []
    for word in sorted(set(words), key=len, reverse=True):
        forms.append(re.escape(word))
        if word.startswith(ARTICLE) and len(word) > len(ARTICLE) + 1:
            forms.append("ل" + re.escape(word[len(ARTICLE):]))  # للوزير: the article's alef is dropped
    if not forms:
        return None
    return re.compile(rf"(?<!\w){CONJUNCTION_PREFIX}{PREPOSITION_PREFIX}({'|'.join(forms)})(?!\w)")


def marked_words(text: str, words: list[str]) -> Markup:
    """``text`` escaped, with each occurrence of the (normalized) query words in ``<mark>``."""
    pattern = _word_pattern(words)
    if pattern is None or not text:
        return Markup(escape(text))
    folded = normalize(text)
    out, position = [], 0
    for match in pattern.finditer(folded.text.lower()):
        start, end = folded.original_span(match.start(1), match.end(1))
        if start < position:
            continue
        out.append(str(escape(text[position:start])))
        out.append(f'<mark class="q">{escape(text[start:end])}</mark>')
        position = end
    out.append(str(escape(text[position:])))
    return Markup("".join(out))
