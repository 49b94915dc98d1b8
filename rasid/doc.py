"""The document model: one verbatim text that every pipeline stage annotates.

Nothing here rewrites ``Doc.text``. Every annotation holds character offsets
into it, and ``doc.text[start:end]`` is always the annotated words.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import Any

from rasid.text.normalize import normalize_str
from rasid.text.tokenize import Token

WHITESPACE_RE = re.compile(r"\s+")


def article_id(text: str) -> str:
    """A deterministic id: the hash of the normalized text (whitespace collapsed)."""
    canonical = WHITESPACE_RE.sub(" ", normalize_str(text)).strip()
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


@dataclass
class Article:
    text: str
    title: str | None = None
    published: str | None = None  # ISO date or datetime
    source: str | None = None
    file: str | None = None  # where it was read from, when it came from a file
    id: str = ""

    def __post_init__(self) -> None:
        if not self.id:
            self.id = article_id(self.text)


@dataclass
class Mention:
    start: int
    end: int
    text: str


@dataclass
class Sentence:
    index: int
    start: int  # character offsets
    end: int
    first_token: int
    last_token: int  # exclusive


@dataclass
class Role:
    title: str
    start: int
    end: int
    organization: "Entity | None" = None
    country: str | None = None


@dataclass(eq=False)
class Entity:
    type: str  # PERSON | ORG | COUNTRY | LOCATION
    name: str
    mentions: list[Mention] = field(default_factory=list)
    honorific: str | None = None
    country: str | None = None
    roles: list[Role] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    source: str = "rules"  # which component found it
    id: str = ""

    @property
    def first_offset(self) -> int:
        return min((m.start for m in self.mentions), default=0)

    def add_mention(self, mention: Mention) -> None:
        if all((m.start, m.end) != (mention.start, mention.end) for m in self.mentions):
            self.mentions.append(mention)


@dataclass
class Participant:
    entity: Entity
    role: str  # actor | recipient | participant


@dataclass(eq=False)
class Event:
    type: str
    trigger: Mention
    status: str = "occurred"
    mode: str | None = None
    countries: list[str] = field(default_factory=list)
    participants: list[Participant] = field(default_factory=list)
    agreement: dict[str, str] | None = None
    sectors: list[str] = field(default_factory=list)
    date: dict[str, Any] | None = None
    location: str | None = None
    evidence: list[tuple[int, int]] = field(default_factory=list)
    id: str = ""


@dataclass(eq=False)
class Statement:
    speaker: Entity
    cue: Mention
    start: int
    end: int


@dataclass
class Doc:
    article: Article
    tokens: list[Token] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    metadata: list[tuple[str, int, int]] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)
    published: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return self.article.text

    def mention(self, start: int, end: int) -> Mention:
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span [{start}, {end}) is outside the text of length {len(self.text)}")
        return Mention(start, end, self.text[start:end])

    def story_tokens(self) -> list[Token]:
        """Tokens that are story text, not datelines, bylines, trailers or hashtags."""
        return [t for t in self.tokens if t.meta is None]

    def sentence_tokens(self, sentence: Sentence) -> list[Token]:
        return self.tokens[sentence.first_token:sentence.last_token]

    def entities_of(self, kind: str) -> list[Entity]:
        return [e for e in self.entities if e.type == kind]
