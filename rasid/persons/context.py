"""One document indexed for the person rules: token classes and the spans other components found."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from rasid.doc import Doc, Entity
from rasid.lang.matcher import Match
from rasid.lang.vocabulary import is_known_word
from rasid.persons import lexicon
from rasid.persons.lexicon import Honorific, TitleHead
from rasid.text.tokenize import Token

ARTICLE = "ال"
HAMZA_ALEFS = "أإآ"
GLUED_STOP_CLITICS = ("و", "ف", "ب", "ل", "ك")
GLUED_CLITICS = ("وب", "ول", "و", "ب", "ل", "لل")
HYPHENS = "-‐‑–"
PERSON_LABEL = "PERS"


@dataclass
class PersonContext:
    doc: Doc
    tokens: list[Token]
    country_at: list[str | None]
    place_at: list[bool]
    org_at: list[Entity | None]
    ner_person: list[bool]
    ner_person_start: set[int]
    _written: dict[int, str]
    words: list[bool] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    _openings: list[int] | None = None
    _proclitics: dict[int, str] = field(default_factory=dict)
    city_country_at: list[str | None] = field(default_factory=list)  # the state of a city named there
    side_markers: list[tuple[int, str]] | None = None  # "الجانب العراقي": (token, state), see countries.py
    _first_names: dict[int, bool] = field(default_factory=dict)
    _honorifics: dict[int, Match[Honorific] | None] = field(default_factory=dict)
    _titles: dict[int, Match[TitleHead] | None] = field(default_factory=dict)
    _glued_cache: dict[int, tuple[str, str, bool] | None] = field(default_factory=dict)
    known_surnames: frozenset[str] = frozenset()
    ner_person_end: set[int] = field(default_factory=set)  # the token right after a tagger's PERS span

    @classmethod
    def build(cls, doc: Doc) -> "PersonContext":
        tokens = doc.tokens
        n = len(tokens)
        starts = [t.start for t in tokens]
        country_at: list[str | None] = [None] * n
        place_at = [False] * n
        org_at: list[Entity | None] = [None] * n
        city_country_at: list[str | None] = [None] * n
        for entity in doc.entities:
            for mention in entity.mentions:
                for i in _token_range(starts, tokens, mention.start, mention.end):
                    if entity.type == "COUNTRY":
                        country_at[i] = entity.country or country_at[i]
                        place_at[i] = True
                    elif entity.type == "LOCATION":
                        place_at[i] = True
                        city_country_at[i] = entity.country or city_country_at[i]
                    elif entity.type == "ORG" and org_at[i] is None:
                        org_at[i] = entity
        ner_person = [False] * n
        ner_start: set[int] = set()
        ner_end: set[int] = set()
        for first, last in _ner_person_spans(doc):
            if 0 <= first < last <= n:
                ner_start.add(first)
                ner_end.add(last)
                for i in range(first, last):
                    ner_person[i] = True
        words = [t.kind == "word" and t.meta is None for t in tokens]
        return cls(doc, tokens, country_at, place_at, org_at, ner_person, ner_start, {}, words, starts,
                   city_country_at=city_country_at, ner_person_end=ner_end)

    def token_range(self, start: int, end: int) -> range:
        """The tokens that overlap the characters [start, end)."""
        return _token_range(self._starts, self.tokens, start, end)

    # --- lexicon look-ups, cached per position
    def honorific(self, i: int) -> Match[Honorific] | None:
        if i not in self._honorifics:
            self._honorifics[i] = lexicon.honorific_matcher().match_at(self.tokens, i) if self.is_word(i) else None
        return self._honorifics[i]

    def title(self, i: int) -> Match[TitleHead] | None:
        if i not in self._titles:
            self._titles[i] = lexicon.title_matcher().match_at(self.tokens, i) if self.is_word(i) else None
        return self._titles[i]

    # --- token classes
    def is_word(self, i: int) -> bool:
        return 0 <= i < len(self.words) and self.words[i]

    def segment_openings(self) -> list[int]:
        """The tokens where an honorific, a title or a name may start (a cheap test before the rules)."""
        if self._openings is not None:
            return self._openings
        starts = lexicon.segment_start_words()
        self._openings = [
            t.i for t in self.tokens
            if self.words[t.i] and (t.stem in starts or t.norm in starts or t.i in self.ner_person_start
                                    or t.stem[:1] == "و" and self.glued_name_conjunction(t.i))
        ]
        return self._openings

    def is_stop(self, i: int) -> bool:
        token = self.tokens[i]
        written, normalized = lexicon.stop_words()
        form = self._written.get(i)
        if form is None:
            form = self._written[i] = lexicon.written_form(self.doc.text[token.stem_start:token.stem_end])
        if form in written:
            return True
        if any(ch in HAMZA_ALEFS for ch in form):
            return False  # written with a hamza that no stop word has: "ألان" is not "الآن"
        if token.stem in normalized and token.stem not in lexicon.first_names():
            return True
        return token.stem[:1] in GLUED_STOP_CLITICS and token.stem[1:] in normalized  # وذلك، بكل left whole

    def glued_name_conjunction(self, i: int) -> bool:
        """"ويحيى" left whole by the tokenizer: the conjunction و on a given name."""
        token = self.tokens[i]
        return token.stem.startswith("و") and not self.proclitic(i) and token.stem not in lexicon.first_names() \
            and token.stem[1:] in lexicon.first_names() and self.doc.text[token.start] == "و"

    def name_start(self, i: int) -> int:
        token = self.tokens[i]
        if self.glued_name_conjunction(i) or self._glued_tagger_clitic(i):
            return token.start + 1
        return token.stem_start

    def _glued_tagger_clitic(self, i: int) -> bool:
        """"لهايلي مريام": the tagger's name opens with a clitic the tokenizer left on an unknown word
        (a known word, such as the name word باربرا, is whole)."""
        token = self.tokens[i]
        return i in self.ner_person_start and token.stem[:1] in GLUED_STOP_CLITICS and len(token.stem) >= 5 \
            and not self.is_first_name(i) and token.stem == token.norm and self.doc.text[token.start] in "ولبك" \
            and not is_known_word(token.stem)

    def is_verb(self, i: int) -> bool:
        return self.tokens[i].stem in lexicon.context_verbs()

    def is_first_name(self, i: int) -> bool:
        known = self._first_names.get(i)
        if known is None:
            known = self.tokens[i].stem in lexicon.first_names() or self.glued_name_conjunction(i)
            self._first_names[i] = known
        return known

    def in_title_vocabulary(self, i: int) -> bool:
        return self.word_bare(i) in lexicon.title_vocabulary()

    def is_common(self, i: int) -> bool:
        """A frequent word that is not a name (not a given name either)."""
        token = self.tokens[i]
        common = lexicon.common_words()
        if self.is_first_name(i):
            return False
        stem = token.stem
        if stem.startswith(ARTICLE) and self.doc.text[token.stem_start] in HAMZA_ALEFS:
            return False  # "ألان"، "إلهام": a name spelt like an article word (الآن، الإلهام)
        if stem in common or token.bare in common or self.word_bare(i) in common:
            return True
        if self.is_accusative(i):
            return True
        return stem[:1] in GLUED_STOP_CLITICS and (stem[1:] in common or stem[1:3] == ARTICLE and stem[3:] in common)

    def is_accusative(self, i: int) -> bool:
        """حظرا، رئيسا: the indefinite accusative of a common noun (no name takes it)."""
        stem = self.tokens[i].stem
        return stem.endswith("ا") and (stem[:-1] in lexicon.common_words() or stem[:-1] in lexicon.first_names())

    def word_bare(self, i: int) -> str:
        """The bare stem, with a clitic the tokenizer left on a known word removed (وتكنولوجيا، لطوارئ)."""
        glued = self._glued(i)
        return glued[1] if glued else self.tokens[i].bare

    def _glued(self, i: int) -> tuple[str, str, bool] | None:
        """(clitics, bare rest, rest has the article) when the token is clitics + a title word, unsplit."""
        if i in self._glued_cache:
            return self._glued_cache[i]
        token = self._glued_cache_token(i)
        result = None
        if token is not None:
            for clitics in GLUED_CLITICS:
                if not token.bare.startswith(clitics) or len(token.bare) - len(clitics) < 3:
                    continue
                rest = token.bare[len(clitics):]
                definite = rest.startswith(ARTICLE) and len(rest) > 4
                bare_rest = rest[2:] if definite else rest
                if bare_rest in lexicon.title_vocabulary():
                    result = (clitics, bare_rest, definite)
                    break
        self._glued_cache[i] = result
        return result

    def _glued_cache_token(self, i: int) -> Token | None:
        token = self.tokens[i]
        if token.kind != "word" or self.proclitic(i) or token.bare in lexicon.title_vocabulary():
            return None
        return token

    def particle(self, i: int) -> str | None:
        kind = lexicon.particles().get(self.tokens[i].stem) if self.is_word(i) else None
        if kind is not None and self._hamza_not_in_particle(i):
            return None  # "فإن" is no "فان" (van): a hamza the particle does not have
        return kind

    def _hamza_not_in_particle(self, i: int) -> bool:
        form = self._written.get(i)
        if form is None:
            token = self.tokens[i]
            form = self._written[i] = lexicon.written_form(self.doc.text[token.stem_start:token.stem_end])
        return any(ch in HAMZA_ALEFS for ch in form) and form not in lexicon.particle_written_forms()

    def definite(self, i: int) -> bool:
        glued = self._glued(i)
        if glued:
            return glued[2]
        token = self.tokens[i]
        # the article is never written with a hamza: "ألان" is a name, not ال + ان
        return token.has_article and self.doc.text[token.stem_start] not in HAMZA_ALEFS

    def proclitic(self, i: int) -> str:
        cached = self._proclitics.get(i)
        if cached is None:
            cached = self._proclitics[i] = self.tokens[i].proclitic
        return cached

    def conjunction(self, i: int) -> bool:
        glued = self._glued(i)
        return (glued[0] if glued else self.proclitic(i))[:1] in ("و", "ف")

    def preposition(self, i: int) -> str:
        """The prepositional proclitic (ب ل ك) right before the stem, or ''."""
        glued = self._glued(i)
        proclitic = glued[0] if glued else self.proclitic(i)
        return proclitic[-1] if proclitic and proclitic[-1] in "بلك" else ""

    def is_hyphen_join(self, i: int) -> bool:
        """A hyphen glued to the words on both sides: كيونج-وها."""
        tokens = self.tokens
        return (tokens[i].text in HYPHENS and 0 < i < len(tokens) - 1
                and not tokens[i].space_before and not tokens[i + 1].space_before
                and tokens[i + 1].kind == "word")

    def same_sentence(self, i: int, j: int) -> bool:
        return 0 <= j < len(self.tokens) and self.tokens[i].sentence == self.tokens[j].sentence


def _token_range(starts: list[int], tokens: list[Token], start: int, end: int) -> range:
    first = bisect.bisect_right(starts, start) - 1
    if first < 0 or tokens[first].end <= start:
        first += 1
    last = bisect.bisect_left(starts, end)
    return range(max(first, 0), last)


def _ner_person_spans(doc: Doc) -> list[tuple[int, int]]:
    """(first, last) token ranges of the NER tagger's PERS spans; anything malformed is left out."""
    spans = doc.extra.get("ner")
    if not isinstance(spans, list):
        return []
    found = []
    for span in spans:
        if isinstance(span, dict) and span.get("label") == PERSON_LABEL \
                and isinstance(span.get("first"), int) and isinstance(span.get("last"), int):
            found.append((span["first"], span["last"]))
    return found
