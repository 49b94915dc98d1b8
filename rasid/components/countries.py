"""States (COUNTRY) and places (LOCATION).

One pass of the geographic lexicon over the tokens finds state names and long
forms, nationality adjectives (so also "الجانب العراقي"), capitals and cities,
and bare references ("المملكة", "السلطنة"). Then a few context rules decide:
a capital used as a government (موسكو ترحب) also mentions its state; a
definite adjective right after a name is a family name (محمد المصري); an
ambiguous word counts only when the state is named otherwise too; "عمان" is
Amman or Oman by the article's other mentions.

The hits are kept in ``doc.extra["country_hits"]`` for the organizations step.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rasid.components import component
from rasid.doc import Doc, Entity
from rasid.lang.geo import CountryWord, ambiguous_country_words, cldr_country_names, country_matcher, false_friends
from rasid.lang.matcher import Match
from rasid.lang import load_list
from rasid.lang.wordsets import normalized_words
from rasid.text.normalize import normalize_str
from rasid.text.tokenize import Token

NAME_CONTINUATIONS = frozenset({"بن", "ابن", "بنت", "ابو", "ال"})  # a name goes on: تركي بن ...
AMMAN_OMAN = "عمان"  # the capital of Jordan and the short name of Oman, alike once normalized
ARTICLE = "ال"
HAMZA_ALEFS = "أإآ"
CLAUSE_MARKS = frozenset(".،,:؛;!?؟")
PRONOUN_ENDINGS = ("ه", "ها", "هم", "هما")  # نظيره المصري: a noun with a pronoun, not a name (ة is not ه)


@dataclass
class CountryHit:
    """One lexicon hit, decided."""

    first: int
    last: int
    start: int
    end: int
    code: str
    kind: str  # name | adjective | capital | city | reference | group
    state: bool  # mentions the state (COUNTRY)
    place: bool  # names a place (LOCATION)
    dateline: bool = False
    codes: tuple[str, ...] = ()  # group: every state the word names


def surface_ambiguous() -> frozenset[str]:
    return frozenset(load_list("country_surface_ambiguous.txt"))


def metonym_cues() -> frozenset[str]:
    return normalized_words("metonym_cues.txt")


def location_prepositions() -> frozenset[str]:
    return normalized_words("location_prepositions.txt")


def is_definite(token: Token) -> bool:
    """The token carries the article (known words keep it inside their stem).

    The article is never written with a hamza: ألقى، إلى، آلية begin with alef-lam but are no
    definite words.
    """
    if not (token.stem.startswith(ARTICLE) and len(token.stem) > len(ARTICLE) + 1):
        return False
    offset = token.stem_start - token.start
    return not (0 <= offset < len(token.text) and token.text[offset] in HAMZA_ALEFS)


def _previous_word(tokens: list[Token], i: int) -> Token | None:
    return tokens[i - 1] if i > 0 and tokens[i - 1].sentence == tokens[i].sentence else None


def _is_family_name(tokens: list[Token], match: Match[CountryWord]) -> bool:
    """محمد المصري, الأمير تركي: a nisba that is part of a person's name."""
    word = match.payload
    following = tokens[match.last] if match.last < len(tokens) else None
    if following is not None and following.stem in NAME_CONTINUATIONS:
        return True
    previous = _previous_word(tokens, match.first)
    if previous is None or previous.kind != "word":
        return False
    if word.masculine_singular_definite:
        # An agreeing adjective follows a definite noun; after a bare name it is a family name.
        return not is_definite(previous) and not previous.word_prefixes and not previous.word_suffixes \
            and not previous.text.endswith(PRONOUN_ENDINGS) \
            and previous.stem not in location_prepositions() and len(previous.stem) > 2
    if not word.feminine_or_plural and not is_definite(tokens[match.first]):
        # An indefinite adjective follows an indefinite noun; after a definite word it is a first name,
        # after an unambiguous given name a family name ("الرئيس الأفغاني أشرف غاني").
        return is_definite(previous) or _plain_given_name(previous)
    return False


def _plain_given_name(token: Token) -> bool:
    """A common given name that is neither a common word, a stop word nor a title (أشرف; not أمير، طالب،
    سلطان, nor آنا written like the pronoun أنا)."""
    return not token.word_prefixes and token.stem in _plain_given_names()


@lru_cache(maxsize=1)
def _plain_given_names() -> frozenset[str]:
    from rasid.persons.lexicon import ambiguous_first_names, bare_word, stop_words, title_head_words
    names = frozenset(normalize_str(w) for w in load_list("person_first_names_common.txt"))
    names -= ambiguous_first_names() | stop_words()[1]
    return frozenset(n for n in names if bare_word(n) not in title_head_words())


def _is_government_use(tokens: list[Token], match: Match[CountryWord]) -> bool:
    """موسكو ترحب, أعلنت واشنطن, إن بكين: a capital acting, at a clause start or after a verb;
    not في موسكو, بموسكو, منطقة الرياض, ولي عهد أبوظبي (a place)."""
    first = tokens[match.first]
    if any(p.form in ("ب", "ل", "ك") for p in first.word_prefixes):
        return False
    previous = _previous_word(tokens, match.first)
    if previous is None or first.newline_before or previous.text in CLAUSE_MARKS:
        return True
    if previous.kind != "word":
        return False  # «الرياض» is a newspaper, "- الرياض" a signature
    return previous.stem in metonym_cues() or _past_feminine_verb(previous)


def _past_feminine_verb(token: Token) -> bool:
    """أعلنت، رحبت: a past verb, feminine (states and capitals are feminine), not a plural in -ات."""
    norm = token.norm
    return not token.word_prefixes and len(norm) >= 4 and norm.endswith("ت") and not norm.endswith("ات") \
        and not is_definite(token)


def _inside_false_friend(match: Match[CountryWord], spans: list[Match[bool]]) -> bool:
    return any(s.first <= match.first and match.last <= s.last for s in spans)


def _hit(tokens: list[Token], match: Match[CountryWord], dateline: bool) -> CountryHit | None:
    word = match.payload
    kind = word.kind
    if kind in ("name", "capital", "city") and tokens[match.last - 1].word_suffixes:
        return None  # قطره، قطرها: "its diameter"; a state takes no possessive pronoun
    if kind == "adjective" and _is_family_name(tokens, match):
        return None
    if kind == "name" and match.last - match.first == 1 and tokens[match.first].stem == AMMAN_OMAN:
        kind = "amman_or_oman"
    place = kind in ("capital", "city", "amman_or_oman")
    state = kind in ("name", "adjective", "reference", "group", "amman_or_oman")
    if kind == "capital" and not dateline:
        state = _is_government_use(tokens, match)
    if dateline:
        state = False
        place = place or kind == "name"
    codes = word.candidates if kind == "group" else (word.code,)
    return CountryHit(match.first, match.last, match.start, match.end, word.code, kind, state, place, dateline,
                      codes)


def find_country_hits(tokens: list[Token]) -> list[CountryHit]:
    matches = [m for m in country_matcher().find(tokens, skip_meta=False)
               if tokens[m.first].meta in (None, "dateline")]  # story text and datelines
    friends = false_friends().find(tokens) if matches else []
    hits = []
    for match in matches:
        if friends and _inside_false_friend(match, friends):
            continue
        hit = _hit(tokens, match, tokens[match.first].meta == "dateline")
        if hit is not None:
            hits.append(hit)
    return _resolve(tokens, hits)


def _resolve(tokens: list[Token], hits: list[CountryHit]) -> list[CountryHit]:
    """Context rules that need the whole article: ambiguity, Amman/Oman, bare references."""
    ambiguous = ambiguous_country_words()
    confirmed = {h.code for h in hits if h.state and h.kind in ("name", "adjective")
                 and tuple(t.stem for t in tokens[h.first:h.last]) not in ambiguous
                 and " ".join(t.text for t in tokens[h.first:h.last]) not in surface_ambiguous()}
    kept = []
    surface = surface_ambiguous()
    for hit in hits:
        stems = tuple(t.stem for t in tokens[hit.first:hit.last])
        written = " ".join(t.text for t in tokens[hit.first:hit.last])
        if (stems in ambiguous or written in surface) and hit.code not in confirmed:
            continue
        if hit.kind == "amman_or_oman":
            _decide_amman_or_oman(tokens, hit, confirmed)
        kept.append(hit)
    for hit in kept:
        if hit.kind == "reference":
            hit.code = _reference_code(tokens, hit, kept)
            hit.codes = (hit.code,)
    return kept


def _decide_amman_or_oman(tokens: list[Token], hit: CountryHit, confirmed: set[str]) -> None:
    oman, jordan = "OM" in confirmed, "JO" in confirmed
    located = _previous_is_preposition(tokens, hit.first)
    if jordan and (located or not oman):
        hit.code, hit.kind, hit.state, hit.place = "JO", "capital", False, True
    else:
        hit.code, hit.kind, hit.state, hit.place = "OM", "name", True, False


def _previous_is_preposition(tokens: list[Token], i: int) -> bool:
    token = tokens[i]
    if any(p.form == "ب" for p in token.word_prefixes):
        return True
    previous = _previous_word(tokens, i)
    return previous is not None and previous.stem in location_prepositions()


def _reference_code(tokens: list[Token], hit: CountryHit, hits: list[CountryHit]) -> str:
    """The reporter's own state: the first candidate the article names otherwise."""
    candidates = _reference_candidates(tokens, hit)
    named = {h.code for h in hits if h.state and h.kind in ("name", "adjective")}
    return next((code for code in candidates if code in named), candidates[0])


def _reference_candidates(tokens: list[Token], hit: CountryHit) -> tuple[str, ...]:
    match = country_matcher().match_at(tokens, hit.first)
    return match.payload.candidates if match is not None and match.payload.candidates else (hit.code,)


def written_name(doc: Doc, first: Token, start: int, end: int) -> str:
    """The name in a span as written, with the article whole: "للناصرية" -> "الناصرية"."""
    article = [p for p in first.prefixes if p.form == ARTICLE]
    if article and article[0].end - article[0].start == 1 and article[0].start == start:
        return ARTICLE + doc.text[article[0].end:end]  # ل+ال written لل: the article lost its alef
    return doc.text[start:end]


def build_entities(doc: Doc, hits: list[CountryHit]) -> list[Entity]:
    countries: dict[str, Entity] = {}
    places: dict[str, Entity] = {}
    named: set[str] = set()
    for hit in hits:
        mention = doc.mention(hit.start, hit.end)
        written = written_name(doc, doc.tokens[hit.first], hit.start, hit.end)
        for code in hit.codes if hit.state else ():
            entity = countries.get(code)
            if entity is None:
                entity = countries[code] = Entity("COUNTRY", written, country=code, source="countries")
            if hit.kind == "name" and code not in named:
                entity.name = written
                named.add(code)
            entity.add_mention(mention)
        if hit.place:
            key = normalize_str(written)
            entity = places.get(key)
            if entity is None:
                entity = places[key] = Entity("LOCATION", written, country=hit.code, source="countries")
            entity.add_mention(mention)
    for code, entity in countries.items():
        if code not in named and code in cldr_country_names():
            entity.name = cldr_country_names()[code]
    return list(countries.values()) + list(places.values())


@component("countries")
def countries(doc: Doc, settings) -> Doc:
    hits = find_country_hits(doc.tokens)
    doc.extra["country_hits"] = hits
    doc.entities.extend(build_entities(doc, hits))
    return doc


def _covered_tokens(doc: Doc) -> list[bool]:
    """Tokens inside a mention of an entity found so far."""
    index = {t.start: t.i for t in doc.tokens}
    stem_index = {t.stem_start: t.i for t in doc.tokens}
    covered = [False] * len(doc.tokens)
    for entity in doc.entities:
        for mention in entity.mentions:
            i = index.get(mention.start, stem_index.get(mention.start))
            while i is not None and i < len(doc.tokens) and doc.tokens[i].start < mention.end:
                covered[i] = True
                i += 1
    return covered


def _ner_place(doc: Doc, first: int, last: int) -> bool:
    """A tagged place that reads as one: after "في", "إلى" or ب-, or two words with the article
    (الضفة الغربية); a lone definite word is too often a family name (البنان)."""
    token = doc.tokens[first]
    if (is_definite(token) and last - first > 1) or "ب" in token.proclitic:
        return True
    previous = _previous_word(doc.tokens, first)
    return previous is not None and previous.stem in location_prepositions()


@component("locations")
def locations(doc: Doc, settings) -> Doc:
    """Places the NER tagger found (LOC) that the lexicons did not: سيناء، الضفة الغربية."""
    candidates = [c for c in doc.extra.get("ner") or () if c.get("label") == "LOC"]
    if not candidates:
        return doc
    covered = _covered_tokens(doc)
    places = {normalize_str(e.name): e for e in doc.entities_of("LOCATION")}
    for candidate in candidates:
        first, last = candidate.get("first"), candidate.get("last")
        if not isinstance(first, int) or not isinstance(last, int) or not 0 <= first < last <= len(doc.tokens):
            continue
        tokens = doc.tokens[first:last]
        if any(covered[first:last]) or any(t.kind != "word" or t.meta is not None for t in tokens) \
                or not _ner_place(doc, first, last):
            continue
        start = tokens[0].stem_start
        name = written_name(doc, tokens[0], start, tokens[-1].end)
        entity = places.get(normalize_str(name))
        if entity is None:
            entity = places[normalize_str(name)] = Entity("LOCATION", name, source="ner")
            doc.entities.append(entity)
        entity.add_mention(doc.mention(start, tokens[-1].end))
    return doc

