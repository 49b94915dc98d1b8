"""The pieces of an organization name being read: the span and word tests on tokens."""
from __future__ import annotations

from dataclasses import dataclass, field

from rasid.lang.wordsets import normalized_words
from rasid.lang.orgs import ARTICLE, KnownOrg, adjective_words, generic_modifiers, international_markers
from rasid.text.tokenize import Token

FEMININE = "ه"  # ta marbuta, normalized
NISBA = "ي"
NISBA_ENDINGS = ("ي", "يه", "يين", "يون", "يات")  # normalized: ية -> يه
MIN_UNSPLIT_GENITIVE = 4  # ل or و + a stem of three letters or more


@dataclass
class OrgSpan:
    first: int
    last: int  # exclusive token index
    head: str | None  # bare head key; None for a well-known body
    definite: bool
    countries: list[str] = field(default_factory=list)
    international: bool = False
    known: KnownOrg | None = None
    anaphor: bool = False  # a bare definite head: a mention of an earlier body
    country_after: str | None = None
    places: list[str] = field(default_factory=list)  # states of cities named in it (محكمة لندن)
    clitic: str = ""  # a proclitic the tokenizer left on the head word (لوزارة)
    before_body: bool = False  # the name stops at "ل + another head": a part of that body
    proper: bool = False  # the complement is a proper name (جامعة كورنيل)
    head_kind: str = "strong"
    aliases: list[str] = field(default_factory=list)
    alias_spans: list[tuple[int, int]] = field(default_factory=list)  # character spans


def locative_prepositions() -> frozenset[str]:
    return normalized_words("locative_prepositions.txt")


def side_words() -> frozenset[str]:
    return normalized_words("country_side_words.txt")


def bare_stem(stem: str) -> str:
    return stem[len(ARTICLE):] if stem.startswith(ARTICLE) and len(stem) > len(ARTICLE) + 1 else stem


def proclitics(token: Token) -> str:
    return token.proclitic


def is_word(token: Token) -> bool:
    return token.kind == "word" and token.meta is None


def unsplit_clitic(token: Token, clitic: str) -> bool:
    """وتكنولوجيا, لقصور: a clitic the tokenizer left on a word the lexicons do not know
    (with a stem of four letters or more after و, which begins many words: وجار، وطن)."""
    shortest = MIN_UNSPLIT_GENITIVE + (1 if clitic == "و" else 0)
    return not token.word_prefixes and token.norm.startswith(clitic) and len(token.norm) >= shortest


def looks_adjective(token: Token) -> bool:
    """A nisba (القومي، الرقمية), or a listed adjective (العليا، المتحدة) or modifier."""
    stem = token.stem
    return stem.endswith(NISBA_ENDINGS) or stem in adjective_words() or stem in generic_modifiers() \
        or stem in international_markers()
