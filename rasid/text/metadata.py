"""Metadata inside the story text: datelines, bylines, trailers and hashtags.

Such tokens get ``token.meta`` set and are not story text for the extractors.
``mark_metadata`` returns the metadata spans as (kind, start, end) in original offsets.

A dateline or byline is a *credit head* at the start of one of the first lines:
short segments (a place, a date, an author, an outlet) separated by dashes,
slashes, colons, commas or parentheses, one of which names a news agency or
outlet or a credit word ("متابعات"), or which opens with a byline cue ("كتب:").
The segments may make the whole line ("الرياض - واس", "عين اليوم – جدة") or
open the story's first line ("سبق- الرياض: تمكّنت ..."). A segment is short: its
words other than dates count, so "موسكو 26 شوال 1436 هـ الموافق 11 أغسطس 2015 م واس"
is a place, a date and an agency. Segments before the agency that name no place
and hold no date are the author: a byline ("لجين الأحمدي – عين اليوم").

A trailer is a line that opens with a trailer marker ("مواضيع متعلقة", "// انتهى //")
once the story has begun: it and everything after it is site furniture. Before the
first story line a marker ("Next Previous" before the dateline) marks only itself.
A tag list after the last sentence ("... فاريتي. سمات جريمة دي كابريو") is a trailer too.
The words of all these rules are data: news_agencies.txt, byline_cues.txt,
trailer_markers.txt, months.tsv, dateline_date_words.txt.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rasid.lang import LanguageDataError, load_list, load_table
from rasid.text.normalize import normalize_str
from rasid.text.tokenize import Token

HEADER_LINES = 4  # credit heads are looked for in the first lines only
AGENCY_MAX_WORDS = 4
STORY_LINE_MIN_WORDS = 6  # a line of the story proper, after which a trailer marker ends the story
SEGMENT_MAX_WORDS = 4  # words of a credit segment, dates not counted
HEAD_MAX_SEGMENTS = 6
WHOLE_LINE_MAX_WORDS = 9  # a line that is all credit segments is short
BYLINE_MAX_TOKENS = 8
TRAILER_MAX_WORDS = 20
SEPARATORS = frozenset("-–—ـ/:()،,|")
HEAD_END_SEPARATORS = frozenset("-–—ـ/:()|")  # what may close a segment of a head that the story follows
DASHES = frozenset("-–—ـ/")
CREDIT_ONLY_LINE_MAX_WORDS = 6  # "حامد القرشي – مكة المكرمة": author and place, no agency
CREDIT_ONLY_SEGMENT_MAX_WORDS = 3
SENTENCE_END = frozenset(".!?؟")
WHOLE_LINE_PREFIX = "="
TAG_LABEL_PREFIX = "+"
CLOSERS = frozenset("\"'»”’)]")


def _phrases(name: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(normalize_str(p).replace(".", " ").lower().split()) for p in load_list(name))


@lru_cache(maxsize=1)
def agencies() -> frozenset[tuple[str, ...]]:
    """Agencies, outlets and credit words, as normalized word tuples."""
    return frozenset(_phrases("news_agencies.txt"))


@lru_cache(maxsize=1)
def byline_cues() -> frozenset[str]:
    return frozenset(p[0] for p in _phrases("byline_cues.txt"))


@dataclass(frozen=True)
class TrailerMarker:
    words: tuple[str, ...]
    whole_line: bool = False  # the marker must be all the words of its line ("// انتهى //")
    tag_label: bool = False  # labels a tag list that may follow the last sentence on its line


@lru_cache(maxsize=1)
def _all_trailer_markers() -> tuple[TrailerMarker, ...]:
    markers = []
    for entry in load_list("trailer_markers.txt"):
        words = tuple(normalize_str(entry.lstrip(WHOLE_LINE_PREFIX + TAG_LABEL_PREFIX)).lower().split())
        markers.append(TrailerMarker(words, entry.startswith(WHOLE_LINE_PREFIX), entry.startswith(TAG_LABEL_PREFIX)))
    return tuple(markers)


def trailer_markers() -> tuple[TrailerMarker, ...]:
    """Markers that open a line: everything from that line on is a trailer."""
    return tuple(m for m in _all_trailer_markers() if not m.tag_label)


@lru_cache(maxsize=1)
def tag_labels() -> tuple[tuple[str, ...], ...]:
    return tuple(m.words for m in _all_trailer_markers() if m.tag_label)


def _tag_list_start(line: list[Token]) -> int | None:
    """Index of a tag-list label that follows the last sentence of the text, or None.

    The label comes after sentence-final punctuation (or opens the line), and no sentence
    ends after it: "... لمجلة “فاريتي”. سمات جريمة دي كابريو سفاح قتل ممثل".
    """
    for i in range(len(line) - 1, -1, -1):
        if line[i].text in SENTENCE_END:
            return None
        if line[i].kind not in ("word", "latin"):
            continue
        words = tuple(_word_key(t) for t in line[i:i + 3] if t.kind in ("word", "latin"))
        if not any(words[:len(label)] == label for label in tag_labels()):
            continue
        before = line[i - 1] if i else None
        if before is None or before.text in SENTENCE_END or before.text in CLOSERS:
            return i
    return None


@lru_cache(maxsize=1)
def date_words() -> frozenset[str]:
    """Month names, era letters and "الموافق": the words of a dateline's date."""
    words = {normalize_str(w) for w in load_list("dateline_date_words.txt")}
    return frozenset(words | month_words())


@lru_cache(maxsize=1)
def month_words() -> frozenset[str]:
    words = set()
    for name, _calendar, _number in load_table("months.tsv", 3):
        words.update(normalize_str(name).split())
    return frozenset(words)


@lru_cache(maxsize=1)
def place_names() -> frozenset[tuple[str, ...]]:
    """City and country names (places.tsv, country_names.tsv, CLDR), to tell a place from an author."""
    names: set[str] = set()
    for table, columns, field in (("places.tsv", 3, 2), ("country_names.tsv", 2, 1)):
        try:
            rows = load_table(table, columns)
        except LanguageDataError:
            continue  # optional: without it a credit segment is a place only when it holds a date
        for row in rows:
            names.update(row[field].split("|"))
    from babel import Locale

    names.update(Locale("ar").territories.values())
    return frozenset(tuple(normalize_str(n).split()) for n in names if n)


def _word_key(token: Token) -> str:
    return token.norm.lower()


def _lines(tokens: list[Token]) -> list[list[Token]]:
    lines: list[list[Token]] = []
    for token in tokens:
        if token.newline_before or not lines:
            lines.append([])
        lines[-1].append(token)
    return lines


def _words(line: list[Token]) -> list[str]:
    return [_word_key(t) for t in line if t.kind in ("word", "latin")]


def _is_date_token(token: Token) -> bool:
    return token.kind == "number" or token.norm in date_words()


@dataclass
class Segment:
    first: int  # token indexes in the line
    last: int  # exclusive, before the separators
    end: int  # exclusive, after the separators that follow
    words: tuple[str, ...]  # non-date words
    has_date: bool

    @property
    def key(self) -> tuple[str, ...]:
        return tuple(w for w in self.words if w != ".")


def _acronym_dot(line: list[Token], i: int) -> bool:
    """A dot glued after a single letter: part of an acronym (أ.ش.أ, د.ب.أ)."""
    return line[i].text == "." and i > 0 and len(line[i - 1].norm) == 1 and line[i - 1].end == line[i].start


def _segments(line: list[Token]) -> list[Segment]:
    """Short segments at the start of a line; stops at the first long one."""
    segments: list[Segment] = []
    i = 0
    while i < len(line) and len(segments) < HEAD_MAX_SEGMENTS:
        first = i
        words: list[str] = []
        has_date = False
        while i < len(line) and line[i].text not in SEPARATORS \
                and (line[i].text not in SENTENCE_END or _acronym_dot(line, i)):
            if _is_date_token(line[i]):
                has_date = True
            elif line[i].kind in ("word", "latin"):
                words.append(_word_key(line[i]))
            elif not _acronym_dot(line, i):
                return segments
            i += 1
            if len(words) > SEGMENT_MAX_WORDS:
                return segments
        last = i
        while i < len(line) and line[i].text in SEPARATORS:
            i += 1
        if last == first:
            if segments:
                segments[-1].end = i
                continue
            return segments
        segments.append(Segment(first, last, i, tuple(words), has_date))
        if i < len(line) and line[i].text in SENTENCE_END:
            break
    return segments


def _agency_in(segment: Segment) -> bool:
    """The segment is an agency or outlet, or ends with one (the WAS form "place date واس")."""
    key = segment.key
    if not key:
        return False
    if key[0] in byline_cues():
        return True
    return any(key[len(key) - n:] in agencies() for n in range(1, len(key) + 1))


def _is_place(segment: Segment) -> bool:
    """A date, a known place, or a single unknown word (authors are named with two or more)."""
    return segment.has_date or segment.key in place_names() or len(segment.key) == 1


def _head_segments(line: list[Token], segments: list[Segment], agency: int, first_line: bool) -> list[Segment]:
    """The segments that form the credit head, or [] when there is none."""
    if segments[-1].end >= len(line) and len(_words(line)) <= WHOLE_LINE_MAX_WORDS \
            and all(len(s.key) <= CREDIT_ONLY_SEGMENT_MAX_WORDS for s in segments[agency + 1:]):
        return segments  # the whole line is the credit
    if not first_line:
        return []
    # The story goes on after the head: the head ends at a separator, after the agency or a place.
    head = segments[: agency + 1]
    for segment in segments[agency + 1:]:
        closers = {t.text for t in line[segment.last:segment.end]}
        if not closers & HEAD_END_SEPARATORS or segment.end >= len(line) or not _is_place(segment):
            break
        head.append(segment)
    if head[-1].end == head[-1].last or head[-1].end >= len(line):
        return []
    return head


def _credit_only_line(line: list[Token], segments: list[Segment]) -> list[tuple[str, int, int]]:
    """A short line of an author and a place joined by dashes, with no agency: "أحمد البشيري – الباحة"."""
    if len(segments) < 2 or segments[-1].end < len(line) or len(_words(line)) > CREDIT_ONLY_LINE_MAX_WORDS:
        return []
    for segment in segments:
        if len(segment.key) > CREDIT_ONLY_SEGMENT_MAX_WORDS or segment.has_date:
            return []
    for segment in segments[:-1]:
        if not {t.text for t in line[segment.last:segment.end]} <= DASHES:
            return []
    if _is_place(segments[0]):
        return [("dateline", 0, len(line))]
    return [("byline", 0, segments[0].end), ("dateline", segments[1].first, len(line))]


def _agency_prefix(line: list[Token], i: int) -> int:
    """Index after an agency or outlet name that starts at line[i], or 0."""
    words: list[str] = []
    ends: list[int] = []
    j = i
    while j < len(line) and len(words) < AGENCY_MAX_WORDS:
        if line[j].kind in ("word", "latin"):
            words.append(_word_key(line[j]))
            ends.append(j + 1)
        elif not _acronym_dot(line, j):
            break
        j += 1
    for n in range(len(words), 0, -1):
        if tuple(words[:n]) in agencies():
            return ends[n - 1]
    return 0


def _author_then_outlet(line: list[Token], segments: list[Segment]) -> list[tuple[str, int, int]]:
    """"رغد عشميل – عين اليوم بعد انقطاع ...": an author, a dash, the outlet, and the story at once."""
    if len(segments) != 1 or len(segments[0].key) > CREDIT_ONLY_SEGMENT_MAX_WORDS or segments[0].has_date:
        return []
    author = segments[0]
    if not {t.text for t in line[author.last:author.end]} <= DASHES:
        return []
    end = _agency_prefix(line, author.end)
    if not end or end >= len(line):
        return []
    kind = "dateline" if _is_place(author) else "byline"
    return [(kind, 0, author.end), ("dateline", author.end, end)]


def credit_head(line: list[Token], first_line: bool, after_title: bool = True) -> list[tuple[str, int, int]]:
    """Byline and dateline spans (kind, first token, last token + 1) opening this line, or [].

    ``first_line``: the line may go on with story text after the head.
    ``after_title``: the line is not the first of the text (a title may look like a credit).
    """
    segments = _segments(line)
    agency = next((k for k, s in enumerate(segments) if _agency_in(s)), None)
    if agency is None:
        if first_line and after_title:
            inline = _author_then_outlet(line, segments)
            if inline:
                return inline
        return _credit_only_line(line, segments) if after_title else []
    head = _head_segments(line, segments, agency, first_line)
    if not head:
        return []
    spans: list[tuple[str, int, int]] = []
    before = head[:agency]
    if before:
        kind = "dateline" if any(_is_place(s) for s in before) else "byline"
        spans.append((kind, before[0].first, before[-1].end))
    credited = head[agency:]
    kind = "byline" if credited[0].key[0] in byline_cues() else "dateline"
    if spans and spans[-1][0] == kind:
        spans[-1] = (kind, spans[-1][1], credited[-1].end)
    else:
        spans.append((kind, credited[0].first, credited[-1].end))
    return spans


@lru_cache(maxsize=1)
def _trailer_first_words() -> frozenset[str]:
    return frozenset(marker.words[0] for marker in trailer_markers() if marker.words)


def _first_word(line: list[Token]) -> str | None:
    for token in line:
        if token.kind in ("word", "latin"):
            return _word_key(token)
    return None


def _trailer_at(words: list[str]) -> bool:
    for marker in trailer_markers():
        if tuple(words[: len(marker.words)]) != marker.words:
            continue
        if marker.whole_line and len(words) != len(marker.words):
            continue
        return len(words) <= TRAILER_MAX_WORDS
    return False


def _leading_furniture(line: list[Token]) -> int:
    """Tokens of a trailer marker that opens a line before the story has begun
    ("Next Previous عين اليوم – واس", or "Next Previous" alone): furniture, not a trailer."""
    if _first_word(line) not in _trailer_first_words():
        return 0
    words = _words(line)
    for marker in trailer_markers():
        n = len(marker.words)
        if tuple(words[:n]) != marker.words or (marker.whole_line and len(words) != n):
            continue
        seen = 0
        for index, token in enumerate(line):
            if token.kind in ("word", "latin"):
                seen += 1
                if seen == n:
                    return len(line) if len(words) == n else index + 1
    return 0


def _mark(tokens: list[Token], kind: str, spans: list[tuple[str, int, int]]) -> None:
    for token in tokens:
        token.meta = kind
    if tokens:
        spans.append((kind, tokens[0].start, tokens[-1].end))


def _simple_byline(line: list[Token]) -> bool:
    """"كتب: الوطن", "بقلم - فلان" as a line of its own."""
    return 1 < len(line) <= BYLINE_MAX_TOKENS and _first_word(line) in byline_cues() \
        and line[1].text in ":-–"


def _is_story_line(line: list[Token]) -> bool:
    return sum(1 for t in line if t.meta is None and t.kind in ("word", "latin")) >= STORY_LINE_MIN_WORDS


def mark_metadata(tokens: list[Token]) -> list[tuple[str, int, int]]:
    spans: list[tuple[str, int, int]] = []
    lines = _lines(tokens)
    story_started = False  # a trailer ends a story: before the first story line a marker is furniture
    for number, line in enumerate(lines):
        skip = 0 if story_started else _leading_furniture(line)
        if skip:
            _mark(line[:skip], "trailer", spans)
            line = line[skip:]
        elif story_started and _first_word(line) in _trailer_first_words() and _trailer_at(_words(line)):
            _mark([t for later in lines[number:] for t in later], "trailer", spans)
            break
        if _simple_byline(line):
            _mark(line, "byline", spans)
        elif number < HEADER_LINES:
            for kind, first, last in credit_head(line, first_line=number <= 1, after_title=number > 0):
                _mark(line[first:last], kind, spans)
        story_started = story_started or (number > 0 and _is_story_line(line))
    if story_started and lines and lines[-1][-1].meta is None:
        start = _tag_list_start(lines[-1])
        if start is not None:
            _mark(lines[-1][start:], "trailer", spans)
    for token in tokens:
        if token.kind == "hashtag":
            _mark([token], "hashtag", spans)
    return sorted(spans, key=lambda s: s[1])
