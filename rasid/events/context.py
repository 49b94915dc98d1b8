"""A per-document index for the event, sector and statement extractors.

Built once per document in linear passes: the token where each entity
mention starts and ends, the mentions of each sentence in text order, and
which sentences are story text (not the title repeated, not metadata).
"""
from __future__ import annotations

import weakref
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from rasid.doc import Doc, Entity, Mention
from rasid.text.normalize import normalize_str

PARTY_TYPES = ("PERSON", "ORG")
TITLE_GAP = 3  # characters between a name and the title that follows it
TITLE_SLACK = 2  # a sentence this many times longer than the normalized title is not the title


@dataclass(frozen=True)
class EntityMention:
    entity: Entity
    mention: Mention
    first: int  # token indices, last exclusive
    last: int


def after_title(m: EntityMention) -> int:
    """The character offset after a name and the titles right after it (أكد عمرو طلعت وزير الاتصالات ...)."""
    end = m.mention.end
    for role in sorted(m.entity.roles, key=lambda r: r.start):
        if end <= role.start <= end + TITLE_GAP:
            end = max(end, role.end)
    return end


@dataclass
class DocIndex:
    """Cached on its doc (``doc.extra``), it refers back to it weakly: no reference cycle, so a
    processed doc is freed at once rather than left to the cyclic garbage collector."""

    doc_ref: weakref.ref[Doc]
    token_starts: list[int]
    token_ends: list[int]
    by_sentence: dict[int, list[EntityMention]] = field(default_factory=dict)
    story_sentences: frozenset[int] = frozenset()

    @property
    def doc(self) -> Doc:
        return self.doc_ref()

    def mentions_in(self, sentence: int) -> list[EntityMention]:
        return self.by_sentence.get(sentence, [])


def _title_key(text: str) -> str:
    return " ".join(normalize_str(text).split())


def story_sentences(doc: Doc) -> frozenset[int]:
    """Sentences with story text: not metadata, and not the title (nor its repeats)."""
    title = _title_key(doc.article.title or "")
    keep = set()
    for sentence in doc.sentences:
        tokens = doc.sentence_tokens(sentence)
        if not tokens or all(t.meta is not None for t in tokens):
            continue
        if title and len(title) <= sentence.end - sentence.start <= TITLE_SLACK * len(title) \
                and _title_key(doc.text[sentence.start:sentence.end]) == title:
            continue
        keep.add(sentence.index)
    return frozenset(keep)


def build_index(doc: Doc) -> DocIndex:
    cached = doc.extra.get("event_index")
    if isinstance(cached, DocIndex) and cached.doc is doc:
        return cached
    starts = [t.start for t in doc.tokens]
    ends = [t.end for t in doc.tokens]
    index = DocIndex(weakref.ref(doc), starts, ends, story_sentences=story_sentences(doc))
    for entity in doc.entities:
        for mention in entity.mentions:
            first = bisect_right(starts, mention.start) - 1
            last = bisect_left(ends, mention.end) + 1
            if first < 0 or first >= len(doc.tokens) or doc.tokens[first].meta is not None:
                continue  # outside the text, or in a dateline, byline or trailer
            last = min(max(last, first + 1), len(doc.tokens))
            sentence = doc.tokens[first].sentence
            index.by_sentence.setdefault(sentence, []).append(EntityMention(entity, mention, first, last))
    for mentions in index.by_sentence.values():
        mentions.sort(key=lambda m: (m.first, -m.last))
    doc.extra["event_index"] = index
    return index
