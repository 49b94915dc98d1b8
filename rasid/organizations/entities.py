"""From name spans to ORG entities: names as written, acronyms, outlets left out, a country for
each body, one entity for the several forms of one body, anaphoric heads as mentions."""
from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass

from rasid.components.countries import CountryHit, written_name
from rasid.doc import Doc, Entity
from rasid.lang.orgs import head_stems, news_words, outlet_heads, relay_cues, stop_words
from rasid.organizations.complement import ACRONYM_OPEN
from rasid.organizations.find import news_agencies
from rasid.organizations.spans import (
    OrgSpan, bare_stem, locative_prepositions, proclitics, side_words, unsplit_clitic,
)
from rasid.text.normalize import normalize_str
from rasid.text.tokenize import Token

MAX_ACRONYM_TOKENS = 2
HOME_REFERENCE_WEIGHT = 3  # a bare "المملكة" or "السلطنة" names the reporter's home
HOME_DATELINE_WEIGHT = 10  # the dateline's state, when the story names it too


def _acronym_after(doc: Doc, span: OrgSpan) -> None:
    """«إيتيدا» or (الأياتا) right after a name is its alias."""
    tokens = doc.tokens
    j = span.last
    if j >= len(tokens) or tokens[j].text not in ACRONYM_OPEN:
        return
    closing = ACRONYM_OPEN[tokens[j].text]
    k = j + 1
    while k < len(tokens) and k - j <= MAX_ACRONYM_TOKENS + 1 and tokens[k].text != closing:
        if tokens[k].kind not in ("word", "latin") or bare_stem(tokens[k].stem) in head_stems() \
                or tokens[k].stem in stop_words():
            return  # (مدير هيئة ...) is a title, not an acronym
        k += 1
    if k < len(tokens) and tokens[k].text == closing and k > j + 1:
        start, end = tokens[j + 1].start, tokens[k - 1].end
        span.aliases.append(doc.text[start:end])
        span.alias_spans.append((start, end))


def _is_relayed_outlet(tokens: list[Token], span: OrgSpan) -> bool:
    first = tokens[span.first]
    if span.head is None or not _is_outlet(tokens, span):
        return False
    if "ل" in proclitics(first) + span.clitic:
        return True
    previous = tokens[span.first - 1] if span.first > 0 else None
    return previous is not None and (previous.stem in relay_cues() or previous.norm in relay_cues())


def _is_outlet(tokens: list[Token], span: OrgSpan) -> bool:
    """صحيفة، قناة ...; an agency only when its name says news (وكالة الأنباء، not وكالة الفضاء)."""
    if bare_stem(normalize_str(span.head or "")) in outlet_heads():
        return True
    words = tokens[span.first:span.last]
    return any(t.stem in news_words() or bare_stem(t.stem) in news_words() for t in words) \
        or " ".join(t.stem for t in words[1:]) in news_agencies()  # وكالة فرانس برس


def _name_of(doc: Doc, span: OrgSpan) -> tuple[int, int, str]:
    """Character span and name as written, without leading clitics (للمركز -> المركز)."""
    first = doc.tokens[span.first]
    start = first.stem_start if first.kind == "word" else first.start
    if span.clitic:
        start = _after_first_letter(first)
    end = doc.tokens[span.last - 1].end
    return start, end, written_name(doc, first, start, end)


def _after_first_letter(token: Token) -> int:
    """The offset after a token's first letter and the marks on it."""
    position = 1
    while position < len(token.text) and unicodedata.combining(token.text[position]):
        position += 1
    return token.start + position


def _side_country(doc: Doc, hits: list[CountryHit], span: OrgSpan) -> str | None:
    """حضر من الجانب العراقي ... : the bodies listed after belong to that side."""
    sentence = doc.tokens[span.first].sentence
    sides = side_words()
    for hit in reversed(hits):
        if hit.first >= span.first or not hit.state:
            continue
        if doc.tokens[hit.first].sentence != sentence:
            break
        if hit.first > 0 and doc.tokens[hit.first - 1].stem in sides:
            return hit.code
    return None


def _home_country(tokens: list[Token], hits: list[CountryHit]) -> str | None:
    """The state the article reports from: the most mentioned one, less its mentions as a place
    (بالعراق، في العراق), since a reporter qualifies foreign bodies by where they are and leaves
    the home ones bare ("وزير الاتصالات" vs "وزير الاتصالات بجمهورية العراق"). A bare reference
    ("المملكة", "السلطنة") is how a reporter names home, so it weighs more, also as a place ("إلى المملكة")."""
    counts: Counter[str] = Counter()
    for hit in hits:
        if hit.state and not hit.dateline:
            if _is_locative(tokens, hit) and hit.kind != "reference":  # "إلى المملكة" still names home
                counts[hit.code] -= 1
            else:
                counts[hit.code] += HOME_REFERENCE_WEIGHT if hit.kind == "reference" else 1
    for hit in hits:
        if hit.dateline and hit.code in counts:  # where the story is filed, when the story names it too
            counts[hit.code] += HOME_DATELINE_WEIGHT
    if counts:
        return max(counts, key=lambda code: counts[code])
    places = Counter(h.code for h in hits if h.place)  # local news: the state of its cities
    return places.most_common(1)[0][0] if places else None


def _is_locative(tokens: list[Token], hit: CountryHit) -> bool:
    token = tokens[hit.first]
    if "ب" in token.proclitic:
        return True
    return hit.first > 0 and tokens[hit.first - 1].stem in locative_prepositions()


def _country(doc: Doc, hits: list[CountryHit], span: OrgSpan, home: str | None) -> tuple[str | None, bool]:
    """The body's state, and whether the article says it (False: the home-country fallback)."""
    distinct = list(dict.fromkeys(span.countries))
    if len(distinct) == 1:
        return distinct[0], True
    if len(distinct) > 1:
        return None, True  # a bilateral body
    if span.known is not None:
        return span.known.country, True
    if span.international:
        return None, True
    if span.places:
        return span.places[0], True  # محكمة لندن العليا
    told = span.country_after or _side_country(doc, hits, span)
    return (told, True) if told else (home, False)


@dataclass(frozen=True)
class NameForm:
    """One written form of a body's name, for deciding whether two forms are one body."""

    key: tuple[str, ...]
    country: str | None
    explicit: bool  # the article gives the country (not the home-country fallback)
    words: frozenset[str]  # bare stems
    canonical: str | None = None  # the well-known body it names

    def same_body(self, other: "NameForm", aliases: list[tuple[str, ...]]) -> bool:
        """The same name or alias; or, in one state, one name's words within the other's
        ("هيئة قصور الثقافة المصرية" and "الهيئة العامة لقصور الثقافة المصرية"). A bare name
        and the same name with a foreign nationality stay apart: a reporter leaves the home
        bodies bare ("وزارة الخارجية" and "وزارة الخارجية الإيطالية")."""
        if self.key == other.key or self.key in aliases or (self.canonical and self.canonical == other.canonical):
            return True
        if self.country != other.country:
            return False
        shorter, longer = sorted((self.words, other.words), key=len)
        return len(shorter) >= 2 and shorter <= longer


def _bare_word(token: Token) -> str:
    if unsplit_clitic(token, "ل") or unsplit_clitic(token, "و"):
        return bare_stem(token.norm[1:])
    return bare_stem(token.stem)


def _name_form(doc: Doc, span: OrgSpan, name: str, country: str | None, explicit: bool) -> NameForm:
    tokens = doc.tokens[span.first:span.last]
    words = frozenset(_bare_word(t) for t in tokens if t.kind == "word")
    return NameForm(_key(name), country, explicit, words, span.known.canonical if span.known else None)


def _key(name: str) -> tuple[str, ...]:
    words = normalize_str(name).split()
    return tuple(words)


def build_organizations(doc: Doc, spans: list[OrgSpan], hits: list[CountryHit]) -> list[Entity]:
    home = _home_country(doc.tokens, hits)
    entities: list[Entity] = []
    forms: dict[int, NameForm] = {}  # entity id -> the form it was first named by
    by_head: dict[str, Entity] = {}
    for span in spans:
        if _is_relayed_outlet(doc.tokens, span):
            continue
        start, end, name = _name_of(doc, span)
        mention = doc.mention(start, end)
        if span.anaphor:
            antecedent = by_head.get(span.head or "")
            if antecedent is not None:
                antecedent.add_mention(mention)
                if normalize_str(name) not in {normalize_str(a) for a in antecedent.aliases}:
                    antecedent.aliases.append(name)
            continue
        _acronym_after(doc, span)
        form = _name_form(doc, span, name, *_country(doc, hits, span, home))
        entity = next((e for e in entities if form.same_body(forms[id(e)], [_key(a) for a in e.aliases])), None)
        if entity is not None and not forms[id(entity)].explicit and form.explicit:
            entity.country = form.country
            forms[id(entity)] = form
        if entity is None:
            entity = Entity("ORG", name, country=form.country, source="organizations")
            forms[id(entity)] = form
            if span.known is not None and normalize_str(span.known.canonical) != normalize_str(name):
                entity.aliases.append(span.known.canonical)
            entities.append(entity)
        elif form.key != _key(entity.name) and name not in entity.aliases:
            entity.aliases.append(name)
        entity.add_mention(mention)
        for alias, (a_start, a_end) in zip(span.aliases, span.alias_spans):
            if alias not in entity.aliases:
                entity.aliases.append(alias)
            entity.add_mention(doc.mention(a_start, a_end))
        if span.head:
            by_head[span.head] = entity
    _alias_mentions(doc, entities)
    return entities


def _alias_mentions(doc: Doc, entities: list[Entity]) -> None:
    """A one-word alias (an acronym) used again later is another mention of its body."""
    single = {normalize_str(a): e for e in entities for a in e.aliases if len(a.split()) == 1}
    if not single:
        return
    for token in doc.tokens:
        if token.kind == "word" and token.meta is None:
            entity = single.get(token.stem) or single.get(token.norm)
            if entity is not None:
                entity.add_mention(doc.mention(token.stem_start, token.end))
