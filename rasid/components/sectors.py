"""The sectors component: the taxonomy of EXTRACTION.md section 6 from cue phrases (sector_cues.tsv).

An event's sectors come from the cues in its evidence sentences; the
article's are the union of its events' sectors and of the sectors the story
names repeatedly. Cues inside a person's title (وزير المالية in a list of
attendees) say who someone is, not what the interaction is about, and do not count.
"""
from __future__ import annotations

import json
from collections import Counter
from functools import lru_cache
from importlib import resources
from typing import Iterable

from rasid.components import component
from rasid.doc import Doc
from rasid.lang import LanguageDataError, load_list, load_table
from rasid.lang.matcher import Match, PhraseMatcher
from rasid.events.context import build_index

ARTICLE = "ال"
MIN_ARTICLE_WORD = 4  # a word this long that starts with ال carries the article
EXACT = "exact"  # third column of sector_cues.tsv: match only as written
ARTICLE_MIN_HITS = 2  # cues of a sector, outside any event, that make it an article sector
SCHEMA_PACKAGE = "rasid.schema"  # the record schema's sector enum is the taxonomy


def article_variants(phrase: str) -> list[str]:
    """The phrase as written and without its articles (الأمن السيبراني → أمن سيبراني); a single bare
    word also with the article (نفط → النفط)."""
    words = phrase.split()
    stripped = [w[len(ARTICLE):] if w.startswith(ARTICLE) and len(w) >= MIN_ARTICLE_WORD else w for w in words]
    variants = [phrase, " ".join(stripped)]
    if len(words) == 1 and not words[0].startswith(ARTICLE):
        variants.append(ARTICLE + words[0])
    return list(dict.fromkeys(variants))


@lru_cache(maxsize=1)
def sector_ids() -> frozenset[str]:
    schema = json.loads(resources.files(SCHEMA_PACKAGE).joinpath("record.schema.json").read_text("utf-8"))
    return frozenset(schema["$defs"]["sector"]["enum"])


@lru_cache(maxsize=1)
def sector_matcher() -> PhraseMatcher[str | None]:
    """Cue phrases to their sector; phrases of sector_non_cues.txt to None (they hide a cue inside them)."""
    matcher: PhraseMatcher[str | None] = PhraseMatcher()
    known = sector_ids()
    for phrase, sector, flag in load_table("sector_cues.tsv", 3):
        if sector not in known:
            raise LanguageDataError(f"sector_cues.tsv: unknown sector {sector!r} for {phrase!r}")
        if flag not in ("", EXACT):
            raise LanguageDataError(f"sector_cues.tsv: unknown flag {flag!r} for {phrase!r}")
        for variant in [phrase] if flag == EXACT else article_variants(phrase):
            matcher.add(variant, sector)
    for phrase in load_list("sector_non_cues.txt"):
        matcher.add(phrase, None)
    return matcher


def _title_spans(doc: Doc) -> list[tuple[int, int]]:
    return [(r.start, r.end) for e in doc.entities if e.type == "PERSON" for r in e.roles]


def _inside(match: Match, spans: list[tuple[int, int]]) -> bool:
    return any(s <= match.start and match.end <= e for s, e in spans)


def _ordered(sectors: Iterable[str], order: list[str]) -> list[str]:
    """Sectors in the order the story first names them."""
    return sorted(sectors, key=lambda s: order.index(s) if s in order else len(order))


@component("sectors")
def sectors(doc: Doc, settings) -> Doc:
    index = build_index(doc)
    titles = _title_spans(doc)
    by_sentence: dict[int, list[str]] = {}
    counts: Counter[str] = Counter()
    order: list[str] = []
    for match in sector_matcher().find(doc.tokens):
        sentence = doc.tokens[match.first].sentence
        if match.payload is None or sentence not in index.story_sentences or _inside(match, titles):
            continue
        by_sentence.setdefault(sentence, []).append(match.payload)
        counts[match.payload] += 1
        if match.payload not in order:
            order.append(match.payload)
    starts = {s.start: s.index for s in doc.sentences}
    article: set[str] = set()
    for event in doc.events:
        found: set[str] = set()
        for start, _end in event.evidence:
            found.update(by_sentence.get(starts.get(start, -1), ()))
        event.sectors = _ordered(found, order)
        article.update(found)
    article.update(s for s, n in counts.items() if n >= ARTICLE_MIN_HITS)
    doc.sectors = _ordered(article, order)
    return doc
