"""Organizations (ORG): well-known bodies, and head nouns with their complements.

A name is found two ways in one left-to-right pass over the tokens:
- a well-known body from ``org_known.tsv`` (الأمم المتحدة، أوبك، البيت الأبيض);
- a head noun (وزارة، الهيئة، مركز ...) followed by its complement, read by
  ``complement_end``: definite nouns and adjectives, لل- and ل- genitives and
  و- coordination go on; prepositions, verbs and other indefinite words after a
  definite one, punctuation, persons' honorifics, "التابعة", a country after
  ب/في (that is where the body is) stop.
A bare definite head ("الوزارة") is another mention of the latest body with that
head. An acronym in «» or () right after a name is its alias. Outlets that only
relay the story ("ذكرت وكالة ...") are left out. Each body gets the country of a
national adjective or country inside its name, else of a country phrase right
after it, else of the "من الجانب X" phrase of its sentence, else of the article's
most mentioned state; international bodies get none.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from rasid.components import component
from rasid.components.countries import CountryHit, is_definite
from rasid.doc import Doc, Entity
from rasid.lang import load_list
from rasid.lang.orgs import (
    ARTICLE, Head, KnownOrg, generic_modifiers, head_matcher, head_stems, international_markers,
    known_org_matcher, outlet_heads, part_of_matcher, purpose_words, relay_cues, stop_words,
)
from rasid.text.normalize import normalize_str
from rasid.text.tokenize import Token

ACRONYM_OPEN = {"«": "»", "(": ")", '"': '"', "“": "”", "'": "'"}
MAX_ACRONYM_TOKENS = 3


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
    aliases: list[str] = field(default_factory=list)
    alias_spans: list[tuple[int, int]] = field(default_factory=list)  # character spans


@lru_cache(maxsize=1)
def side_words() -> frozenset[str]:
    return frozenset(normalize_str(w) for w in load_list("country_side_words.txt"))


def _bare(stem: str) -> str:
    return stem[len(ARTICLE):] if stem.startswith(ARTICLE) and len(stem) > len(ARTICLE) + 1 else stem


def _proclitics(token: Token) -> str:
    return token.proclitic


def _is_word(token: Token) -> bool:
    return token.kind == "word" and token.meta is None


class Reader:
    """The tokens of one article with the country hits, read for organization names."""

    def __init__(self, tokens: list[Token], hits: list[CountryHit]):
        self.tokens = tokens
        self.hit_at: dict[int, CountryHit] = {h.first: h for h in hits if not h.dateline}
        self.stop = stop_words()
        self.purpose = purpose_words()
        self.heads = head_stems()

    def next_is_name_word(self, j: int, sentence: int) -> bool:
        """The token at j goes on a construct: a definite word, a country, not a stop word."""
        if j >= len(self.tokens):
            return False
        t = self.tokens[j]
        if not _is_word(t) or t.sentence != sentence or t.stem in self.stop or t.norm in self.stop:
            return False
        if _proclitics(t):
            return False
        return is_definite(t) or (j in self.hit_at and self.hit_at[j].state)

    def complement(self, span: OrgSpan, head_end: int) -> int:
        """Read the complement after the head; returns the end of the name (exclusive)."""
        tokens = self.tokens
        sentence = tokens[span.first].sentence
        definite_seen = span.definite
        last_good = head_end
        j = head_end
        while j < len(tokens):
            t = tokens[j]
            if not _is_word(t) or t.sentence != sentence or t.stem in self.stop or t.norm in self.stop:
                break
            pro = _proclitics(t)
            hit = self.hit_at.get(j)
            if hit is not None:
                if pro or not (hit.state or hit.kind in ("capital", "city")):
                    if "ب" in pro:
                        span.country_after = hit.code
                    break
                if hit.kind == "adjective" and not is_definite(t):
                    break  # شركة مصرية: a description, not a name
                span.countries.extend(hit.codes or (hit.code,))
                j = last_good = hit.last
                definite_seen = True
                continue
            bare = _bare(t.stem)
            if "و" in pro:
                if t.stem in self.heads or bare in self.heads:
                    break  # a second body: "الوزارة والهيئة"
                if is_definite(t):
                    j += 1
                    last_good = j
                    continue
                if self.next_is_name_word(j + 1, sentence):
                    j += 1
                    continue
                break
            if "ب" in pro or "ك" in pro:
                break
            if "ل" in pro:
                if bare in self.purpose:
                    break
                if is_definite(t):
                    if bare in self.heads and not self.next_is_name_word(j + 1, sentence):
                        break  # "للوزارة": of the ministry named before
                    j += 1
                    last_good = j
                    definite_seen = True
                    continue
                if bare in self.heads:
                    break  # "الإدارة المركزية لصندوق ...": another body
                if self.next_is_name_word(j + 1, sentence):
                    j += 1
                    continue
                break
            if is_definite(t):
                j += 1
                last_good = j
                definite_seen = True
                continue
            if definite_seen:
                break  # an indefinite word after a definite name: a person, a verb, a new phrase
            j += 1  # a construct chain after an indefinite head: it must reach a definite word
            if j - head_end > 4:
                break
        return last_good


def _find_spans(tokens: list[Token], hits: list[CountryHit]) -> list[OrgSpan]:
    reader = Reader(tokens, hits)
    known = known_org_matcher()
    heads = head_matcher()
    part_of = part_of_matcher()
    spans: list[OrgSpan] = []
    i = 0
    while i < len(tokens):
        if not _is_word(tokens[i]):
            i += 1
            continue
        match = known.match_at(tokens, i)
        if match is not None:
            span = OrgSpan(i, match.last, None, True, known=match.payload)
            span.last = _country_adjectives_after(reader, span, match.last)
            spans.append(span)
            i = span.last
            continue
        part = part_of.match_at(tokens, i)
        if part is not None and part.last < len(tokens) and heads.match_at(tokens, part.last) is not None:
            i = part.last  # "مجلس إدارة الهيئة": the body is the one named after
            continue
        head = heads.match_at(tokens, i)
        if head is None:
            i += 1
            continue
        span = _head_span(reader, i, head.last, head.payload)
        if span is not None:
            spans.append(span)
            i = max(span.last, i + 1)
        else:
            i = head.last
    return spans


def _country_adjectives_after(reader: Reader, span: OrgSpan, j: int) -> int:
    """حركة الشباب الصومالية: a national adjective right after a known body belongs to its name."""
    hit = reader.hit_at.get(j)
    while hit is not None and hit.kind == "adjective" and not _proclitics(reader.tokens[j]) \
            and is_definite(reader.tokens[j]):
        span.countries.append(hit.code)
        j = hit.last
        hit = reader.hit_at.get(j)
    return j


def _head_span(reader: Reader, i: int, head_end: int, head: Head) -> OrgSpan | None:
    tokens = reader.tokens
    definite = is_definite(tokens[i]) or head.definite and tokens[i].stem.startswith(ARTICLE)
    span = OrgSpan(i, head_end, head.key, definite)
    if head.kind == "ellipsis":
        hit = reader.hit_at.get(head_end)
        if not definite or hit is None or hit.kind != "adjective" or _proclitics(tokens[head_end]) \
                or not is_definite(tokens[head_end]):
            return None
        span.countries.append(hit.code)
        span.last = hit.last
        return span
    end = reader.complement(span, head_end)
    words = [t.stem for t in tokens[head_end:end]]
    content = [w for w in words if w not in generic_modifiers()]
    if not content:
        if definite and end == head_end:
            span.anaphor = True
            return span
        return None
    if head.kind == "weak" and not _strong_complement(tokens[head_end:end], span):
        return None
    span.last = end
    span.international = any(w in international_markers() for w in words)
    return span


def _strong_complement(complement: list[Token], span: OrgSpan) -> bool:
    """A common noun names a body only with a country, a genitive with ل, or a proper name."""
    return bool(span.countries) or any("ل" in _proclitics(t) for t in complement)


def _acronym_after(doc: Doc, span: OrgSpan) -> None:
    """«إيتيدا» or (الأياتا) right after a name is its alias."""
    tokens = doc.tokens
    j = span.last
    if j >= len(tokens) or tokens[j].text not in ACRONYM_OPEN:
        return
    closing = ACRONYM_OPEN[tokens[j].text]
    k = j + 1
    while k < len(tokens) and k - j <= MAX_ACRONYM_TOKENS + 1 and tokens[k].text != closing:
        if tokens[k].kind not in ("word", "latin"):
            return
        k += 1
    if k < len(tokens) and tokens[k].text == closing and k > j + 1:
        start, end = tokens[j + 1].start, tokens[k - 1].end
        span.aliases.append(doc.text[start:end])
        span.alias_spans.append((start, end))


def _is_relayed_outlet(tokens: list[Token], span: OrgSpan) -> bool:
    first = tokens[span.first]
    if span.head is None or _bare(normalize_str(span.head)) not in outlet_heads():
        return False
    if "ل" in _proclitics(first):
        return True
    previous = tokens[span.first - 1] if span.first > 0 else None
    return previous is not None and (previous.stem in relay_cues() or previous.norm in relay_cues())


def _name_of(doc: Doc, span: OrgSpan) -> tuple[int, int, str]:
    """Character span and name as written, without leading clitics (للمركز -> المركز)."""
    first = doc.tokens[span.first]
    start = first.stem_start if first.kind == "word" else first.start
    end = doc.tokens[span.last - 1].end
    text = doc.text[start:end]
    article = [p for p in first.prefixes if p.form == ARTICLE]
    if article and article[0].end - article[0].start == 1:  # ل+ال written لل: the article lost its alef
        return start, end, ARTICLE + doc.text[article[0].end:end]
    return start, end, text


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


def _dominant_country(hits: list[CountryHit]) -> str | None:
    counts = Counter(h.code for h in hits if h.state and not h.dateline)
    return counts.most_common(1)[0][0] if counts else None


def _country(doc: Doc, hits: list[CountryHit], span: OrgSpan, dominant: str | None) -> str | None:
    distinct = list(dict.fromkeys(span.countries))
    if len(distinct) == 1:
        return distinct[0]
    if len(distinct) > 1:
        return None  # a bilateral body
    if span.known is not None:
        return span.known.country
    if span.international:
        return None
    return span.country_after or _side_country(doc, hits, span) or dominant


def _key(name: str) -> tuple[str, ...]:
    words = normalize_str(name).split()
    return tuple(words)


def _same_body(entity: Entity, key: tuple[str, ...], country: str | None) -> bool:
    known = [_key(entity.name)] + [_key(a) for a in entity.aliases]
    if key in known:
        return True
    if entity.country and country and entity.country != country:
        return False
    own = _key(entity.name)
    shorter, longer = (key, own) if len(key) <= len(own) else (own, key)
    return len(shorter) >= 2 and longer[:len(shorter)] == shorter and entity.country == country


def build_organizations(doc: Doc, spans: list[OrgSpan], hits: list[CountryHit]) -> list[Entity]:
    dominant = _dominant_country(hits)
    entities: list[Entity] = []
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
                if normalize_str(mention.text) not in {normalize_str(a) for a in antecedent.aliases}:
                    antecedent.aliases.append(mention.text)
            continue
        _acronym_after(doc, span)
        country = _country(doc, hits, span, dominant)
        key = _key(name)
        entity = next((e for e in entities if _same_body(e, key, country)), None)
        if entity is None:
            entity = Entity("ORG", name, country=country, source="organizations")
            if span.known is not None and normalize_str(span.known.canonical) != normalize_str(name):
                entity.aliases.append(span.known.canonical)
            entities.append(entity)
        elif key != _key(entity.name) and name not in entity.aliases:
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


@component("organizations")
def organizations(doc: Doc, settings) -> Doc:
    hits: list[CountryHit] = doc.extra.get("country_hits", [])
    spans = _find_spans(doc.tokens, hits)
    doc.entities.extend(build_organizations(doc, spans, hits))
    return doc
