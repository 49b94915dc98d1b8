"""The state a role and a person serve.

A role's country comes from its own words: a title that names its state
("خادم الحرمين الشريفين"), a country name or nationality adjective inside it
("الرئيس المصري"، "وزير خارجية روسيا"، "وزير الاتصالات بجمهورية العراق") that is
not the object of a locative preposition ("السفير الكويتي [في العراق]"، "لدى
إيطاليا"), or the organization it names. A person without one takes the side
named before it in the sentence ("من الجانب العراقي، فلان ...").
"""
from __future__ import annotations

import bisect
from collections import Counter
from functools import lru_cache

from rasid.doc import Doc, Entity
from rasid.lang import load_list, load_table
from rasid.lang.geo import country_adjectives
from rasid.lang.matcher import PhraseMatcher
from rasid.persons.context import PersonContext
from rasid.persons.lexicon import bare_word, occupation_words
from rasid.persons.titles import TitleSpan, title_prepositions
from rasid.text.normalize import normalize_str

DESTINATION_CLITIC = "ل"
NAME_QUOTES = "\"«“'"
ASIDE_OPENERS = "(«“\"'"
ASIDE_CLOSERS = ")»”\"'"
POSSESSOR_WINDOW = 8  # tokens back to the state a possessive title refers to
MIN_HOME_MENTIONS = 2  # an unmarked state mentioned once is no home
MIN_HOME_SHARE = 1 / 3  # ... nor one mentioned far less than the most mentioned state
HOME_TITLE_WEIGHT = 2  # a title of one state (خادم الحرمين الشريفين) counts as mentions of it


@lru_cache(maxsize=1)
def side_words() -> frozenset[str]:
    return frozenset(normalize_str(w) for w in load_list("person_side_words.txt"))


@lru_cache(maxsize=1)
def home_references() -> frozenset[str]:
    """One-word names a report gives its own state ("المملكة"، "السلطنة"), see country_references.tsv."""
    return frozenset(normalize_str(phrase) for phrase, _codes, mode in load_table("country_references.tsv", 3)
                     if mode == "one" and " " not in phrase)


@lru_cache(maxsize=1)
def ruling_houses() -> dict[tuple[str, ...], str]:
    """Normalized family names of ruling houses ("آل ثاني") -> their state, see person_ruling_houses.tsv."""
    return {tuple(normalize_str(name).split()): code
            for code, names in load_table("person_ruling_houses.tsv", 2) for name in names.split("|")}


def ruling_house_country(name: str) -> str | None:
    """The state of a name that ends with a ruling house's family name ("خالد بن خليفة آل ثاني" -> QA)."""
    words = tuple(normalize_str(name).split())
    if len(words) < 3:  # a given name before the house: "آل ثاني" alone names the family
        return None
    return ruling_houses().get(words[-2:])


def holds_office(person: Entity) -> bool:
    """Some role of the person is an office (وزير، سفير، رئيس ...), not only an occupation."""
    words = occupation_words()
    return any(role.title.split() and bare_word(role.title.split()[0]) not in words for role in person.roles)


@lru_cache(maxsize=1)
def international_matcher() -> PhraseMatcher[str]:
    return PhraseMatcher((phrase, phrase) for phrase in load_list("international_bodies.txt"))


def international(ctx: PersonContext, title: TitleSpan) -> bool:
    """The title is an office of an international body: its holder serves no single state."""
    matcher = international_matcher()
    return any(matcher.match_at(ctx.tokens, k) is not None for k in range(title.first, title.last))


@lru_cache(maxsize=1)
def title_org_heads() -> dict[str, str]:
    return {normalize_str(t): normalize_str(o) for t, o in load_table("title_org_heads.tsv", 2)}


def title_country(ctx: PersonContext, title: TitleSpan) -> str | None:
    """The state the title itself names, or None. A title with a possessive pronoun
    ("أعلنت روسيا زيارة وزير خارجيتها") names the state mentioned just before it."""
    code = title.head.country or _country_in_span(ctx, title.first, title.last) \
        or _city_country_in_span(ctx, title.first, title.last)
    if code is None and any(ctx.tokens[k].word_suffixes for k in range(title.first, title.last)):
        code = _country_before(ctx, title.first, POSSESSOR_WINDOW)
    return code


def _country_before(ctx: PersonContext, position: int, window: int) -> str | None:
    k = position - 1
    while k >= 0 and position - k <= window and ctx.same_sentence(position, k):
        if ctx.country_at[k]:
            return ctx.country_at[k]
        k -= 1
    return None



def explicit_organization_country(ctx: PersonContext, organization: Entity | None) -> str | None:
    """The country of an organization whose own name says it ("وزارة الخارجية المصرية")."""
    if organization is None or not organization.country:
        return None
    for mention in organization.mentions:
        if any(ctx.country_at[k] == organization.country for k in ctx.token_range(mention.start, mention.end)):
            return organization.country
    return None


def assign_home_country(doc: Doc) -> None:
    """Officials whose state the article leaves implicit serve the article's home state: the most
    mentioned state that no title marks explicitly (the home side goes unmarked: "وزير الخارجية"),
    else one that titles name only as a report names its own state ("مندوب المملكة"), or, when
    every state is marked, the one named first. Only holders of an office take it (not "اللاعب")."""
    international = doc.extra.get("person_international", set())
    persons = [p for p in doc.entities_of("PERSON")
               if p.country is None and p.roles and p not in international and holds_office(p)]
    if not persons:
        return
    counts: Counter[str] = Counter()
    for entity in doc.entities_of("COUNTRY"):
        if entity.country:
            counts[entity.country] += len(entity.mentions)
    if not counts:  # local news that names no state: the state of its cities ("مستشفى تيماء"، "بمنطقة تبوك")
        places = Counter(e.country for e in doc.entities_of("LOCATION") if e.country for _m in e.mentions)
        if places:
            home = places.most_common(1)[0][0]
            for person in persons:
                person.country = home
        return
    counts.update(doc.extra.get("person_home_hints", ()))
    marked = set(doc.extra.get("person_marked_countries", ()))
    self_named = set(doc.extra.get("person_self_named_countries", ())) - marked
    top = max(counts, key=lambda code: counts[code])
    floor = max(MIN_HOME_MENTIONS, counts[top] * MIN_HOME_SHARE)
    unmarked = [code for code in counts if code not in marked and code not in self_named and counts[code] >= floor]
    self_named = [code for code in self_named if counts[code] >= floor]
    if unmarked or self_named:  # an unmarked state, else one marked only as a report names its own ("المملكة")
        home = max(_named_as_home(doc, unmarked) or unmarked or self_named, key=lambda code: counts[code])
    else:  # every state is marked somewhere: the report's own state is the one it names first
        home = min((m.start, e.country) for e in doc.entities_of("COUNTRY") if e.country for m in e.mentions)[1]
    for person in persons:
        person.country = home


def _named_as_home(doc: Doc, candidates: list[str]) -> list[str]:
    """The candidates the story names as a reporter names home ("المملكة"، "السلطنة" bare, in the story
    text): "التقى وزير الخارجية ... موقف المملكة تجاه سوريا" serves the kingdom, not Syria."""
    referenced = {hit.code for hit in doc.extra.get("country_hits", ())
                  if hit.state and hit.kind == "reference" and not doc.tokens[hit.first].meta}
    return [code for code in candidates if code in referenced]


def _country_in_span(ctx: PersonContext, first: int, last: int, state_titles: bool = True,
                     references: frozenset[str] = frozenset()) -> str | None:
    """The first state named in the span and not as a place of office; ``state_titles``: a title of
    one state inside it counts ("سفير خادم الحرمين الشريفين"); words in ``references`` do not count."""
    k = first
    while k < last:
        head = ctx.title(k) if k > first else None
        if head is not None and head.payload.country:
            if state_titles:
                return head.payload.country
            k = head.last
            continue
        code = ctx.country_at[k]
        if not code or ctx.tokens[k].stem in references:
            k += 1
            continue
        end = k
        while end < last and ctx.country_at[end] == code:
            end += 1
        if not _locative(ctx, first, k):
            return code
        k = end
    return None


def marks_country(ctx: PersonContext, title: TitleSpan) -> tuple[str | None, str | None]:
    """(the state a title marks by name or adjective, the state it names only as a report names its
    own: "مندوب المملكة"، "سفارة السلطنة"); not by a city or a title of its own."""
    if title.head.country:
        return None, None
    marked = _country_in_span(ctx, title.first, title.last, state_titles=False, references=home_references())
    if marked:
        return marked, None
    return None, _country_in_span(ctx, title.first, title.last, state_titles=False)


def _city_country_in_span(ctx: PersonContext, first: int, last: int) -> str | None:
    """"حاكم دبي"، "ولي عهد أبوظبي": a city the office governs names its state."""
    for k in range(first, last):
        if ctx.city_country_at[k] and not _locative(ctx, first, k):
            return ctx.city_country_at[k]
    return None


def _locative(ctx: PersonContext, first: int, k: int) -> bool:
    """The country at ``k`` is where the office sits, not whom it serves: في العراق، لدى إيطاليا، للمملكة."""
    if ctx.preposition(k) == DESTINATION_CLITIC:
        return True
    previous = k - 1
    return previous >= first and not ctx.proclitic(previous) and ctx.tokens[previous].stem in title_prepositions()


@lru_cache(maxsize=1)
def definite_adjectives() -> frozenset[str]:
    """One-word nationality adjectives with the article (المصري، النمساوية), normalized."""
    return frozenset(normalize_str(form) for form, _code, definite, _masculine in country_adjectives()
                     if definite and " " not in form)


def nationality_before(ctx: PersonContext, first: int) -> str | None:
    """"النمساوي دومينيك ثييم"، "البلجيكي دافيد جوفان": a nationality adjective right before the name
    (or before the quotation mark that opens it)."""
    k = first - 1
    while k > 0 and ctx.tokens[k].text in NAME_QUOTES:
        k -= 1
    if k < 0 or not ctx.is_word(k) or not ctx.same_sentence(first, k) or not ctx.country_at[k]:
        return None
    if ctx.tokens[k].stem not in definite_adjectives() or _describes_word_before(ctx, k - 1):
        return None
    return ctx.country_at[k]


@lru_cache(maxsize=1)
def bare_adjectives() -> frozenset[str]:
    """One-word nationality adjectives without the article (يمني، سعودية), normalized."""
    return frozenset(normalize_str(form) for form, _code, definite, _masculine in country_adjectives()
                     if not definite and " " not in form)


def nationality_aside(ctx: PersonContext, last: int) -> str | None:
    """"وطالب علي حسن عيسى «يمني» بإيجاد آلية": a bare nationality adjective in quotes or brackets right
    after the name (``last``: the token after it), as local news tells a resident's nationality."""
    k = last + 1
    if k + 1 >= len(ctx.tokens) or ctx.tokens[last].text not in ASIDE_OPENERS \
            or ctx.tokens[k + 1].text not in ASIDE_CLOSERS or not ctx.same_sentence(last, k + 1):
        return None
    if not ctx.country_at[k] or ctx.tokens[k].stem not in bare_adjectives():
        return None
    return ctx.country_at[k]


def _describes_word_before(ctx: PersonContext, k: int) -> bool:
    """The adjective closes the phrase before it: a title ("[وزير الخارجية] المصري فيسنا ..."), a body or a name."""
    return ctx.is_word(k) and (ctx.in_title_vocabulary(k) or ctx.title(k) is not None
                               or ctx.org_at[k] is not None or ctx.ner_person[k])


def side_country(ctx: PersonContext, position: int) -> str | None:
    """The nearest "الجانب العراقي" (a side word with a country adjective) before ``position`` in its sentence."""
    markers = _side_markers(ctx)
    index = bisect.bisect_left(markers, (position,)) - 1
    if index < 0:
        return None
    k, code = markers[index]
    return code if ctx.same_sentence(position, k) else None


def _side_markers(ctx: PersonContext) -> list[tuple[int, str]]:
    """(token, state) of every side word followed by a state's adjective, in text order (one pass)."""
    if ctx.side_markers is None:
        words = side_words()
        ctx.side_markers = [
            (k, ctx.country_at[k]) for k in range(1, len(ctx.tokens))
            if ctx.country_at[k] and ctx.tokens[k - 1].stem in words
        ]
    return ctx.side_markers


def organization_in(ctx: PersonContext, first: int, last: int) -> Entity | None:
    for k in range(first, last):
        if ctx.org_at[k] is not None:
            return ctx.org_at[k]
    return None


def ministry_country(ctx: PersonContext, title: TitleSpan, organizations: list[Entity]) -> str | None:
    """"(نائب) وزير الاتصالات ..." serves the state of "وزارة الاتصالات ..." when the article names that body."""
    tokens = ctx.tokens
    heads = title_org_heads()
    for h in range(title.first, title.last):
        org_head = heads.get(tokens[h].bare)
        if org_head is None:
            continue
        words = [t.norm for t in tokens[h + 1:title.last] if t.kind == "word"]
        for org in organizations:
            key = normalize_str(org.name).split()
            if not org.country or len(key) < 2 or key[0].removeprefix("ال") != org_head:
                continue
            if words[:len(key) - 1] == key[1:]:
                return org.country
        return None
    return None
