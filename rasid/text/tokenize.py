"""Tokenization with clitic segmentation for matching.

A token keeps its verbatim span. For matching it also carries its normalized
form and a segmentation into proclitics (و ف ب ل ك س, the article ال/لل),
a stem and enclitics (ه ها هم هما كم نا ي), each with offsets into the text.

Segmentation is lexicon-aware so that names that merely begin or end with
clitic letters stay whole (عمرو، وليد، بلال، كريم): the article (with a
conjunction or preposition before it) is split off whenever the rest is long
enough, but a bare conjunction, preposition or pronoun suffix only when what
remains is a known word (or, if four letters or more, known with the article)
and the whole token is not. Structural guards come on top: the future س only
before an imperfect verb, a bare ك only before a long known word, no ه pronoun
where the text writes ة, no "my" ي after a plain stem (nisba: مصري، دولي).
Spans keep a word's diacritics; لل and للـ with an elided article keep offsets
that slice the letters actually written (``Token.written_stem`` restores them).
Web and e-mail addresses are single ``url`` tokens.
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass
from typing import Callable, Iterable, NamedTuple

from rasid.text.normalize import NormalizedText, normalize

ARABIC_LETTERS = "\u0621-\u063A\u0641-\u064A\u0640\u064B-\u065F\u0670-\u06D3\u06D5-\u06EF\u06FA-\u06FF"
# Joiners and direction marks inside a word belong to it; at its edges they are left out of the token.
INSIDE_WORD_MARKS = "\u200C\u200D\u200E\u200F"
URL_CHAR = r"[^\s<>\"«»،؛]"
URL_LAST_CHAR = r"[^\s<>\"«»،؛.,;:!?؟)\]]"
WEB_ADDRESS = (
    rf"(?:https?://|www\.){URL_CHAR}*{URL_LAST_CHAR}"
    r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
    rf"|(?:[A-Za-z0-9-]+\.)+(?:com|net|org|gov|edu|info|int|[a-z]{{2}})\b(?:/{URL_CHAR}*{URL_LAST_CHAR})?"
)
TOKEN_RE = re.compile(
    rf"(?P<url>{WEB_ADDRESS})"
    rf"|(?P<hashtag>#[\w{ARABIC_LETTERS}{INSIDE_WORD_MARKS}]+)"
    rf"|(?P<number>\d+(?:[.,\u066B\u066C/]\d+)*)"
    rf"|(?P<word>[{ARABIC_LETTERS}](?:[{ARABIC_LETTERS}{INSIDE_WORD_MARKS}]*[{ARABIC_LETTERS}])?)"
    r"|(?P<latin>[^\W\d_]+(?:['’\-][^\W\d_]+)*)"
    r"|(?P<punct>\S)"
)

CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ك", "ل")
FUTURE = "س"
IMPERFECT_PREFIXES = ("ي", "ت", "ن", "ا")  # the future prefix only comes before an imperfect verb
ARTICLE = "ال"
TA_MARBUTA = "ة"
TATWEEL = "\u0640"
ENCLITICS = ("هما", "هم", "هن", "ها", "كم", "نا", "ه", "ي")
# A final ي after a plain stem is far more often the nisba adjective (مصري، دولي، غربي) than
# "my": it is split only after a feminine noun (وزارتي -> وزارة + ي).
FIRST_PERSON = "ي"
MIN_STEM = 2
MIN_STEM_BY_ARTICLE_FORM = 4
# A bare ك (no article) is rare before a noun and many words begin with it (كبير، كريم، كامل).
BARE_KAF_MIN_REST = 4


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
    kind: str  # word | latin | number | punct | hashtag | url (web or e-mail address)
    norm: str
    stem: str = ""  # normalized, proclitics and enclitics removed, article kept
    bare: str = ""  # stem without the article
    stem_start: int = 0
    stem_end: int = 0
    # Clitics with offsets relative to the token's start (shared by every token of the same
    # surface word); ``prefixes`` and ``suffixes`` give them with offsets into the text.
    word_prefixes: tuple[Part, ...] = ()
    word_suffixes: tuple[Part, ...] = ()
    sentence: int = 0
    meta: str | None = None  # dateline | byline | trailer | hashtag when not story text
    space_before: bool = True
    newline_before: bool = False

    @property
    def prefixes(self) -> tuple[Part, ...]:
        return _shift(self.word_prefixes, self.start) if self.word_prefixes else ()

    @property
    def suffixes(self) -> tuple[Part, ...]:
        return _shift(self.word_suffixes, self.start) if self.word_suffixes else ()

    @property
    def has_article(self) -> bool:
        return self.stem.startswith(ARTICLE) and self.bare != self.stem

    @property
    def proclitic(self) -> str:
        return "".join(p.form for p in self.word_prefixes if p.form != ARTICLE)

    @property
    def written_stem(self) -> str:
        """The stem as it is written standing alone: verbatim, with an elided article restored
        (للبريد -> البريد, للجنة -> اللجنة), so a name can be given without its clitics."""
        verbatim = self.text[self.stem_start - self.start:self.stem_end - self.start]
        article = next((p for p in self.word_prefixes if p.form == ARTICLE), None)
        if article is None:
            return verbatim
        written = self.text[article.start:article.end]
        missing = len(ARTICLE) - len(normalize(written).text)
        return ARTICLE[:missing] + verbatim


KnownWord = Callable[[str], bool]


def _never_known(_word: str) -> bool:
    return False


class Segmentation(NamedTuple):
    """Proclitics (the article included), stem and enclitic of one normalized word.

    ``widths[k]`` is the number of normalized characters of the word that
    ``prefix[k]`` occupies: 1 for the article of للبريد (its alef is not
    written), 0 for the article of للجنة (alef and lam both elided).
    A named tuple: immutable, and built for every new word in a fraction of a frozen dataclass's time.
    """

    prefix: tuple[str, ...]
    suffix: str
    stem: str
    widths: tuple[int, ...] = ()

    def after(self, clitic: str) -> "Segmentation":
        return Segmentation((clitic,) + self.prefix, self.suffix, self.stem, (len(clitic),) + self.widths)


def _whole(norm: str) -> Segmentation:
    return Segmentation((), "", norm)


def _strip_suffix(word: str, known: KnownWord, ta_marbuta: bool) -> tuple[str, str] | None:
    """(stem, enclitic) when the word without an enclitic is a known word.

    ``ta_marbuta``: the word is written with a final ة, which normalizes to ه but is no pronoun.
    """
    for suffix in ENCLITICS:
        if len(word) - len(suffix) < MIN_STEM + 1 or not word.endswith(suffix):
            continue
        if ta_marbuta and suffix.endswith("ه"):
            continue
        base = word[: -len(suffix)]
        if known(base) and suffix != FIRST_PERSON:
            return base, suffix
        if base.endswith("ت") and known(base[:-1] + "ه"):  # وزارته -> وزارة
            return base[:-1] + "ه", suffix
    return None


def _known_noun(word: str, known: KnownWord) -> bool:
    """Known as it is, or known with the article (lexicons hold الشؤون; the text has لشؤون).

    The article form is weaker evidence, so the word must be longer: واصل is no و + (ال)أصل.
    """
    return known(word) or (len(word) >= MIN_STEM_BY_ARTICLE_FORM and known(ARTICLE + word))


def _known_stem(word: str, known: KnownWord, ta_marbuta: bool) -> tuple[str, str] | None:
    if _known_noun(word, known):
        return word, ""
    return _strip_suffix(word, known, ta_marbuta)


def _bare_proclitic_fits(body: str) -> bool:
    """Whether body[0] may be a preposition or future prefix attached to an article-less word."""
    rest = body[1:]
    if len(rest) < MIN_STEM + 1:
        return False
    if body[0] == FUTURE:
        return rest[0] in IMPERFECT_PREFIXES
    if body[0] == "ك":
        return len(rest) >= BARE_KAF_MIN_REST
    return body[0] in PREPOSITIONS


def _article_after_lam(body: str, known: KnownWord) -> Segmentation:
    """ل + ال written لل: للبريد = ل + البريد, للجنة = ل + اللجنة."""
    rest = body[2:]
    if not (known(rest) or known(ARTICLE + rest)) and (known("ل" + rest) or known(ARTICLE + "ل" + rest)):
        return Segmentation(("ل", ARTICLE), "", ARTICLE + "ل" + rest, (1, 0))
    return Segmentation(("ل", ARTICLE), "", ARTICLE + rest, (1, 1))


def _article_split(body: str, known: KnownWord) -> Segmentation | None:
    """The article, with a preposition before it: structural, whatever the lexicon knows."""
    if body.startswith("لل") and len(body) >= MIN_STEM + 3:
        return _article_after_lam(body, known)
    if body[0] in PREPOSITIONS and body[1:].startswith(ARTICLE) and len(body) > MIN_STEM + 3:
        return Segmentation((body[0], ARTICLE), "", body[1:], (1, 2))
    if body.startswith(ARTICLE) and len(body) >= MIN_STEM + 2:
        return Segmentation((ARTICLE,), "", body, (2,))
    return None


def _lexical_split(body: str, known: KnownWord, ta_marbuta: bool) -> Segmentation | None:
    """A bare preposition, future prefix or enclitic, only around a known word.

    The future prefix comes before a verb, never a noun in ة; a bare ك takes no enclitic
    after it (كرامتهن is no ك + رامة + هن).
    """
    if _bare_proclitic_fits(body) and not (body[0] == FUTURE and ta_marbuta):
        if body[0] == "ك":
            found = (body[1:], "") if known(body[1:]) else None
        else:
            found = _known_stem(body[1:], known, ta_marbuta)
        if found:
            return Segmentation((body[0],), found[1], found[0], (1,))
    found = _strip_suffix(body, known, ta_marbuta)
    if found:
        return Segmentation((), found[1], found[0])
    return None


def segment(norm: str, known: KnownWord = _never_known, ta_marbuta: bool = False) -> Segmentation:
    """Split a normalized Arabic word into proclitics, stem and enclitic.

    The article (and a conjunction or preposition before it) is split whenever
    the rest is long enough; a bare conjunction, preposition, future prefix or
    enclitic only when what remains is a known word and the whole token is not.
    """
    if len(norm) <= MIN_STEM:
        return _whole(norm)
    conjunction = norm[0] in CONJUNCTIONS and len(norm) > MIN_STEM + 1
    found = _article_split(norm, known)
    if found is None and conjunction:
        inner = _article_split(norm[1:], known)
        found = inner.after(norm[0]) if inner else None
    if found:
        return found
    if known(norm):
        return _whole(norm)
    if conjunction:
        body = norm[1:]
        if _known_noun(body, known):
            return Segmentation((norm[0],), "", body, (1,))
        found = _lexical_split(body, known, ta_marbuta)
        if found:
            return found.after(norm[0])
    return _lexical_split(norm, known, ta_marbuta) or _whole(norm)


def segment_without_lexicon(norm: str) -> Segmentation:
    """``segment(norm)`` with no known word: only the article (and a conjunction or preposition before
    it) is ever split, so only that part of ``segment`` runs (the NER features' segmentation)."""
    if len(norm) <= MIN_STEM:
        return _whole(norm)
    found = _article_split(norm, _never_known)
    if found is None and norm[0] in CONJUNCTIONS and len(norm) > MIN_STEM + 1:
        inner = _article_split(norm[1:], _never_known)
        found = inner.after(norm[0]) if inner else None
    return found or _whole(norm)


@dataclass(slots=True)
class WordForm:
    """The analysis of one surface word, offsets relative to the word; cached per surface form.
    Only ``analyze_word`` builds one and nothing changes it; not frozen, not a named tuple: a frozen
    dataclass is slow to build, a named tuple's fields slow to read (tokenize reads ten a token)."""

    text: str
    kind: str
    norm: str
    stem: str
    bare: str
    stem_start: int
    stem_end: int
    prefixes: tuple[Part, ...] = ()
    suffixes: tuple[Part, ...] = ()


def analyze_word(surface: str, kind: str, known: KnownWord) -> WordForm | None:
    """Normalize and segment one token's surface; None for a run of invisible marks only."""
    normalized = normalize(surface)
    if not normalized.text:
        if surface.strip(TATWEEL):
            return None
        # A lone tatweel stands for a dash ("سلوى المدني ـ عين اليوم"): punctuation, kept verbatim.
        return WordForm(surface, "punct", surface, surface, surface, 0, len(surface))
    if kind != "word":
        return WordForm(surface, kind, normalized.text, normalized.text, normalized.text, 0, len(surface))
    ta_marbuta = surface[normalized.offsets[-2]] == TA_MARBUTA
    return _segmented(surface, normalized, segment(normalized.text, known, ta_marbuta))


def _segmented(surface: str, normalized: NormalizedText, seg: Segmentation) -> WordForm:
    offsets, ends = normalized.offsets, normalized.ends
    norm_pos = 0
    parts: list[Part] = []
    article_start = None
    for form, width in zip(seg.prefix, seg.widths):
        start = offsets[norm_pos]
        end = ends[norm_pos + width - 1] if width else start
        if form == ARTICLE:
            article_start = start
        parts.append(Part(form, start, end))
        norm_pos += width
    stem_norm_end = len(normalized.text) - len(seg.suffix)
    suffixes = (Part(seg.suffix, offsets[stem_norm_end], len(surface)),) if seg.suffix else ()
    return WordForm(
        text=surface, kind="word", norm=normalized.text, stem=seg.stem,
        bare=seg.stem[len(ARTICLE):] if article_start is not None else seg.stem,
        stem_start=article_start if article_start is not None else offsets[norm_pos],
        stem_end=ends[stem_norm_end - 1], prefixes=tuple(parts), suffixes=suffixes,
    )


WORD_CACHE_SIZE = 200_000


class WordForms(dict):
    """``analyze_word`` for one ``known`` test, cached by (surface, kind); emptied when full.

    A plain dict: a hit is one lookup, and its keys (tuples of strings) are not left for the
    garbage collector to walk, as the keys of ``lru_cache`` (which hold ``known``) would be."""

    def __init__(self, known: KnownWord):
        super().__init__()
        self.known = known

    def __missing__(self, key: tuple[str, str]) -> WordForm | None:
        if len(self) >= WORD_CACHE_SIZE:
            self.clear()
        form = self[key] = analyze_word(key[0], key[1], self.known)
        return form


@lru_cache(maxsize=8)
def word_forms(known: KnownWord) -> WordForms:
    return WordForms(known)


def _shift(parts: tuple[Part, ...], by: int) -> tuple[Part, ...]:
    return tuple([Part(p.form, p.start + by, p.end + by) for p in parts])


def tokenize(text: str, known: KnownWord = _never_known) -> list[Token]:
    tokens: list[Token] = []
    append = tokens.append
    previous_end = 0
    forms = word_forms(known)
    for match in TOKEN_RE.finditer(text):
        start, end = match.span()
        form = forms[match.group(), match.lastgroup or "punct"]
        if form is None:
            continue
        append(Token(
            len(tokens), start, end, form.text, form.kind, form.norm, form.stem, form.bare,
            form.stem_start + start, form.stem_end + start, form.prefixes,
            form.suffixes, 0, None, previous_end < start or start == 0,
            previous_end < start and text.find("\n", previous_end, start) >= 0,
        ))
        previous_end = end
    return tokens


def known_from(words: Iterable[str]) -> KnownWord:
    vocabulary = frozenset(words)
    return vocabulary.__contains__
