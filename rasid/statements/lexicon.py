"""The statement lexicons: reporting cues, openers, unnamed subjects, outlets and name words."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rasid.doc import Entity
from rasid.lang import LanguageDataError, load_list, load_table
from rasid.lang.matcher import PhraseMatcher, phrase_key
from rasid.statements.agreement import cue_gender
from rasid.persons.lexicon import common_words, first_names, tagger_name_words
from rasid.text.normalize import normalize_str

CUE_KINDS = ("verb", "participle", "source", "relay")
GENDERED_KINDS = ("verb", "participle")
ALIF_MAQSURA, FINAL_YA = "ى", "ي"
HAMZA_ABOVE, HAMZA_BELOW = "أ", "إ"
ARTICLE = "ال"
TITLE_KINDS = ("office", "complete", "counterpart")


@dataclass(frozen=True)
class Cue:
    kind: str
    gender: str | None = None  # of a verb or participle whose other-gender form is a cue too (قالت/قال)
    final_maqsura: bool = False  # written with a final ى (رأى): the same word with ي is a noun (رأي)
    hamza_above: bool = False  # opens with أ (أبان): the same letters with إ are another word (إبان = during)


@lru_cache(maxsize=1)
def cue_matcher() -> PhraseMatcher[Cue]:
    matcher: PhraseMatcher[Cue] = PhraseMatcher()
    rows = load_table("reporting_cues.tsv", 2)
    phrases = [(p.strip(), kind) for cell, kind in rows for p in cell.split("|") if p.strip()]
    for kind in {kind for _cell, kind in rows} - set(CUE_KINDS):
        raise LanguageDataError(f"reporting_cues.tsv: unknown kind {kind!r}")
    forms = frozenset(p.split()[0] for p, kind in phrases if kind in GENDERED_KINDS)
    for phrase, kind in phrases:
        gender = cue_gender(phrase.split()[0], forms) if kind in GENDERED_KINDS else None
        matcher.add(phrase, Cue(kind, gender, phrase.endswith(ALIF_MAQSURA), phrase.startswith(HAMZA_ABOVE)))
    return matcher


def _stems(name: str) -> frozenset[str]:
    words: set[str] = set()
    for word in load_list(name):
        words.update(phrase_key(word) or (word,))
    return frozenset(words)


@lru_cache(maxsize=1)
def pronoun_honorifics() -> frozenset[str]:
    """Honorifics with "his/her" that stand for a person named before (سموه، معاليه), honorifics.tsv."""
    return frozenset(normalize_str(w) for w, kind in load_table("honorifics.tsv", 2) if kind == "pronoun")


@lru_cache(maxsize=1)
def openers() -> frozenset[str]:
    return _stems("statement_openers.txt")


@lru_cache(maxsize=1)
def maqsura_openers() -> frozenset[str]:
    """Openers written with a final ى (على، إلى), normalized: written with ي they are names (علي)."""
    return frozenset(normalize_str(w) for w in load_list("statement_openers.txt") if w.endswith(ALIF_MAQSURA))


def is_opener(token) -> bool:
    """"وأكد على أهمية": the subject is omitted; but "أبان علي الناصر": a name, as written."""
    if not has_word(token, openers()):
        return False
    return not (token.written_stem.endswith(FINAL_YA) and token.stem in maqsura_openers())


@lru_cache(maxsize=1)
def content_starts() -> frozenset[str]:
    return _stems("statement_content_starts.txt")


@lru_cache(maxsize=1)
def speaker_search_stops() -> frozenset[str]:
    """Where the search for a source's speaker ends: what was said begins, or a relative clause."""
    return content_starts() | _stems("statement_speaker_stops.txt")


@lru_cache(maxsize=1)
def unnamed_subjects() -> frozenset[str]:
    """Subjects that name no speaker (statement_unnamed_subjects.txt) and news outlets' heads."""
    return _stems("statement_unnamed_subjects.txt") | _outlet_heads() | frozenset(ARTICLE + w for w in _outlet_heads())


@lru_cache(maxsize=1)
def outlet_names() -> tuple[tuple[str, ...], ...]:
    """Outlets' names and name beginnings, as normalized word tuples (news_agencies.txt and
    statement_outlet_prefixes.txt)."""
    names = {tuple(normalize_str(n).split()) for n in load_list("news_agencies.txt")}
    names.update(tuple(normalize_str(n).split()) for n in load_list("statement_outlet_prefixes.txt"))
    return tuple(sorted(n for n in names if n))


@lru_cache(maxsize=1)
def _outlet_lengths() -> tuple[frozenset[tuple[str, ...]], tuple[int, ...]]:
    names = outlet_names()
    return frozenset(names), tuple(sorted({len(name) for name in names}))


def starts_with_outlet(words: list[str]) -> bool:
    names, lengths = _outlet_lengths()
    return any(tuple(words[:length]) in names for length in lengths)


@lru_cache(maxsize=1)
def title_heads() -> frozenset[str]:
    """Heads of titles (title_heads.tsv): a bare title with no entity for it names no speaker."""
    words: set[str] = set()
    for phrase, kind, _country in load_table("title_heads.tsv", 3):
        key = phrase_key(phrase)
        if kind in TITLE_KINDS and len(key) == 1:
            words.update((key[0], ARTICLE + key[0]))
    return frozenset(words)


@lru_cache(maxsize=1)
def name_words() -> frozenset[str]:
    """Words of persons' names: first names and the NER gazetteer's person words (ner_person_names.txt),
    less the common words."""
    return (first_names() | tagger_name_words()) - common_words()


def names_someone(token) -> bool:
    """A name word right after the cue: someone Rasid did not recognize as a person."""
    return token.kind == "word" and (token.norm in name_words() or token.stem in name_words())


@lru_cache(maxsize=1)
def _outlet_heads() -> frozenset[str]:
    return _stems("org_outlet_heads.txt")


def is_outlet(entity: Entity) -> bool:
    """A news outlet (وكالة الأنباء ...، قناة ...) reports or relays; it is no speaker."""
    words = normalize_str(entity.name).split()
    if not words:
        return False
    first = words[0][len(ARTICLE):] if words[0].startswith(ARTICLE) else words[0]
    return first in _outlet_heads() or starts_with_outlet(words)


def written_as_cue(token, cue: Cue) -> bool:
    """"رأى" is the verb, "رأي" (opinion) the noun; "أبان" explained, "إبان" during: normalized alike,
    told apart as written (a missing hamza is no evidence either way)."""
    written = token.written_stem
    return not (cue.final_maqsura and written.endswith(FINAL_YA)) \
        and not (cue.hamza_above and written.startswith(HAMZA_BELOW))


def has_word(token, words: frozenset[str]) -> bool:
    return token.stem in words or token.bare in words or token.norm in words or token.text in words
