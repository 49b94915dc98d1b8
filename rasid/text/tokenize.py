"""Tokenization with clitic segmentation for matching.

A token keeps its verbatim span. For matching it also carries its normalized
form and a segmentation into proclitics (و ف ب ل ك س, the article ال/لل),
a stem and enclitics (ه ها هم هما كم نا ي), each with offsets into the text.

Segmentation is lexicon-aware so that names that merely begin or end with
clitic letters stay whole (عمرو، وليد، بلال، كريم): the article is split off
whenever the rest is long enough, but a bare conjunction, preposition or
pronoun suffix only when what remains is a known word and the whole token is not.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable, Iterable

from rasid.text.normalize import normalize

ARABIC_LETTERS = (
    "\u0621-\u063A\u0641-\u064A\u0640\u064B-\u065F\u0670-\u06D3\u06D5-\u06EF\u06FA-\u06FF"
    "\u200C\u200D\u200E\u200F"
)
TOKEN_RE = re.compile(
    rf"(?P<hashtag>#[\w{ARABIC_LETTERS}]+)"
    rf"|(?P<number>\d+(?:[.,\u066B\u066C/]\d+)*)"
    rf"|(?P<word>[{ARABIC_LETTERS}]+)"
    r"|(?P<latin>[^\W\d_]+(?:['’\-][^\W\d_]+)*)"
    r"|(?P<punct>\S)"
)

CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ك", "ل")
FUTURE = "س"
ARTICLE = "ال"
ENCLITICS = ("هما", "كما", "هم", "هن", "ها", "كم", "نا", "ه", "ي", "ك")
MIN_STEM = 2


@dataclass(slots=True)
class Part:
    """A clitic or stem: its normalized form and its offsets in the original text."""

    form: str
    start: int
    end: int


@dataclass(slots=True)
class Token:
    i: int
    start: int
    end: int
    text: str
    kind: str  # word | latin | number | punct | hashtag
    norm: str
    stem: str = ""  # normalized, proclitics and enclitics removed, article kept
    bare: str = ""  # stem without the article
    stem_start: int = 0
    stem_end: int = 0
    prefixes: tuple[Part, ...] = ()
    suffixes: tuple[Part, ...] = ()
    sentence: int = 0
    meta: str | None = None  # dateline | byline | trailer | hashtag when not story text
    space_before: bool = True
    newline_before: bool = False
    extra: dict = field(default_factory=dict)

    @property
    def has_article(self) -> bool:
        return self.stem.startswith(ARTICLE) and self.bare != self.stem

    @property
    def proclitic(self) -> str:
        return "".join(p.form for p in self.prefixes if p.form != ARTICLE)


KnownWord = Callable[[str], bool]


def _never_known(_word: str) -> bool:
    return False


@dataclass(frozen=True, slots=True)
class Segmentation:
    """Lengths in normalized characters: proclitics (with the article), article, enclitic."""

    prefix: tuple[str, ...]
    suffix: str
    stem: str


def _strip_suffix(stem: str, known: KnownWord) -> tuple[str, str]:
    for suffix in ENCLITICS:
        if len(stem) - len(suffix) < MIN_STEM + 1 or not stem.endswith(suffix):
            continue
        base = stem[: -len(suffix)]
        candidates = [base]
        if base.endswith("ت"):  # وزارته -> وزارة
            candidates.append(base[:-1] + "ه")
        for candidate in candidates:
            if known(candidate) or (candidate.startswith(ARTICLE) and known(candidate[2:])):
                return candidate, suffix
    return stem, ""


def segment(norm: str, known: KnownWord = _never_known) -> Segmentation:
    """Split a normalized Arabic word into proclitics, stem and enclitic."""
    if known(norm) or len(norm) <= MIN_STEM:
        return Segmentation((), "", norm)
    prefixes: list[str] = []
    rest = norm
    if rest[0] in CONJUNCTIONS and len(rest) > MIN_STEM + 1:
        prefixes.append(rest[0])
        rest = rest[1:]
    if rest.startswith("لل") and len(rest) >= MIN_STEM + 3:
        # ل + ال with the alef elided: للبريد = ل + البريد
        prefixes.append("ل")
        stem = ARTICLE + rest[2:]
        return Segmentation(tuple(prefixes) + (ARTICLE,), "", stem)
    if rest[0] in PREPOSITIONS and rest[1:].startswith(ARTICLE) and len(rest) > MIN_STEM + 3:
        prefixes.append(rest[0])
        rest = rest[1:]
    if rest.startswith(ARTICLE) and len(rest) >= MIN_STEM + 2:
        return Segmentation(tuple(prefixes) + (ARTICLE,), "", rest)
    # No article: split a bare clitic only when the remainder is a known word.
    if prefixes and not known(rest) and not _known_after_prefix(rest, known):
        stem, suffix = _strip_suffix(rest, known)
        if known(stem):
            return Segmentation(tuple(prefixes), suffix, stem)
        prefixes, rest = [], norm
    if rest[0] in PREPOSITIONS + (FUTURE,) and known(rest[1:]):
        return Segmentation(tuple(prefixes) + (rest[0],), "", rest[1:])
    if prefixes and not known(rest) and _known_after_prefix(rest, known):
        return Segmentation(tuple(prefixes) + (rest[0],), "", rest[1:])
    stem, suffix = _strip_suffix(rest, known)
    if not prefixes and not suffix:
        return Segmentation((), "", norm)
    return Segmentation(tuple(prefixes), suffix, stem)


def _known_after_prefix(rest: str, known: KnownWord) -> bool:
    return rest[0] in PREPOSITIONS + (FUTURE,) and len(rest) > MIN_STEM + 1 and known(rest[1:])


def _apply_segmentation(token: Token, offsets: tuple[int, ...], known: KnownWord) -> None:
    seg = segment(token.norm, known)
    norm_pos = 0
    parts: list[Part] = []
    for form in seg.prefix:
        length = len(form)
        if form == ARTICLE and parts and parts[-1].form == "ل" and token.norm[norm_pos:norm_pos + 1] == "ل" \
                and token.norm[norm_pos:norm_pos + 2] != ARTICLE:
            length = 1  # the ل of لل stands for the article
        start = token.start + offsets[norm_pos]
        end = token.start + offsets[norm_pos + length - 1] + 1
        parts.append(Part(form, start, end))
        norm_pos += length
    stem_norm_end = len(token.norm) - len(seg.suffix)
    suffixes: tuple[Part, ...] = ()
    if seg.suffix:
        suffixes = (Part(seg.suffix, token.start + offsets[stem_norm_end], token.end),)
    article = [p for p in parts if p.form == ARTICLE]
    token.prefixes = tuple(parts)
    token.stem = seg.stem
    token.bare = seg.stem[2:] if article else seg.stem
    stem_start_norm = norm_pos - (len(ARTICLE) if article else 0)
    if article:
        token.stem_start = article[0].start
    else:
        token.stem_start = token.start + offsets[stem_start_norm] if stem_start_norm < len(token.norm) else token.end
    token.stem_end = token.start + offsets[stem_norm_end - 1] + 1 if stem_norm_end > 0 else token.start


def tokenize(text: str, known: KnownWord = _never_known) -> list[Token]:
    tokens: list[Token] = []
    previous_end = 0
    for match in TOKEN_RE.finditer(text):
        kind = match.lastgroup or "punct"
        start, end = match.span()
        surface = match.group()
        normalized = normalize(surface)
        if not normalized.text:  # a run of invisible marks only
            continue
        gap = text[previous_end:start]
        token = Token(
            i=len(tokens), start=start, end=end, text=surface, kind=kind, norm=normalized.text,
            space_before=bool(gap) or start == 0, newline_before="\n" in gap,
        )
        if kind == "word":
            _apply_segmentation(token, normalized.offsets, known)
        else:
            token.stem = token.bare = normalized.text
            token.stem_start, token.stem_end = start, end
        tokens.append(token)
        previous_end = end
    return tokens


def known_from(words: Iterable[str]) -> KnownWord:
    vocabulary = frozenset(words)
    return vocabulary.__contains__
