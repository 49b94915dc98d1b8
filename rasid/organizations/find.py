"""Finding organization names in one left-to-right pass: well-known bodies, heads with their
complements, and the NER tagger's ORG spans the rules missed."""
from __future__ import annotations

from functools import lru_cache

from rasid.components.countries import CountryHit, is_definite
from rasid.doc import Doc
from rasid.lang import load_list
from rasid.lang.matcher import phrase_key
from rasid.lang.orgs import (
    ARTICLE, Head, KnownOrg, chair_heads, first_names, generic_modifiers, head_matcher, head_stems, indefinite_heads,
    international_markers, known_org_matcher, not_names, part_of_matcher, person_opening_words, relay_cues,
)
from rasid.organizations.complement import Reader
from rasid.organizations.spans import (
    FEMININE, MIN_UNSPLIT_GENITIVE, OrgSpan, bare_stem, is_word, looks_adjective, proclitics, unsplit_clitic,
)
from rasid.text.tokenize import Token

UNSPLIT_CLITICS = "ولبف"
NUMBER = "number"  # the token kind of a number in digits


@lru_cache(maxsize=1)
def opening_stems() -> frozenset[str]:
    """Stems a well-known body, a part-of phrase or an organization head begins with."""
    return known_org_matcher().first_stems() | part_of_matcher().first_stems() | head_matcher().first_stems()


def find_spans(tokens: list[Token], hits: list[CountryHit]) -> list[OrgSpan]:
    reader = Reader(tokens, hits)
    known = known_org_matcher()
    heads = head_matcher()
    part_of = part_of_matcher()
    openings = opening_stems()
    spans: list[OrgSpan] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if not is_word(token) or not (token.stem in openings or may_hide_clitic(token)):
            i += 1
            continue
        state_name = reader.hit_at.get(i)
        if state_name is not None and state_name.kind == "name" and state_name.last - i > 1:
            i = state_name.last  # الاتحاد الروسي, المملكة المتحدة: a state, not a body
            continue
        match = known.match_at(tokens, i)
        if match is not None and _known_goes_on(reader, match.last) and heads.can_start(token):
            match = None  # مجلس الأمن الوطني is not مجلس الأمن: read it by its head
        if match is not None:
            span = OrgSpan(i, match.last, None, True, known=match.payload)
            span.last = _country_adjectives_after(reader, span, match.last)
            spans.append(span)
            i = span.last
            continue
        part = part_of.match_at(tokens, i)
        if part is not None:
            i = part.last  # "مجلس إدارة الهيئة": the body is the one named after; "مجلس الإدارة" none
            continue
        match = heads.match_at(tokens, i)
        head, head_end, clitic = (match.payload, match.last, "") if match is not None else (None, i + 1, "")
        if head is None:
            head, clitic = head_under_clitic(tokens[i])
        if head is None:
            i += 1
            continue
        span = _head_span(reader, i, head_end, head)
        if span is not None:
            span.clitic = clitic
            spans.append(span)
            i = max(span.last, i + 1)
        else:
            i = head_end
    return spans


def _known_goes_on(reader: Reader, j: int) -> bool:
    """A well-known name followed by an adjective of its own (not a nationality) names another body."""
    if j >= len(reader.tokens) or j in reader.hit_at:
        return False
    token = reader.tokens[j]
    return is_word(token) and not proclitics(token) and is_definite(token) and looks_adjective(token) \
        and token.stem not in international_markers()


def may_hide_clitic(token: Token) -> bool:
    return not token.word_prefixes and len(token.norm) >= MIN_UNSPLIT_GENITIVE and token.norm[0] in UNSPLIT_CLITICS


def head_under_clitic(token: Token) -> tuple[Head | None, str]:
    """لوزارة, ومركز, برئاسة: a clitic the tokenizer left on a head it takes for a whole word."""
    if not may_hide_clitic(token):
        return None, ""
    head = indefinite_heads().get(token.norm[1:])
    return (head, token.norm[0]) if head is not None else (None, "")


def _country_adjectives_after(reader: Reader, span: OrgSpan, j: int) -> int:
    """حركة الشباب الصومالية, شركة أرامكو السعودية: a national adjective right after a known body
    belongs to its name (السعودية is also the state's name: one definite word of either kind)."""
    hit = reader.hit_at.get(j)
    while hit is not None and hit.state and hit.kind in ("adjective", "name") and hit.last - hit.first == 1 \
            and not proclitics(reader.tokens[j]) and is_definite(reader.tokens[j]):
        span.countries.append(hit.code)
        j = hit.last
        hit = reader.hit_at.get(j)
    return j


def _head_span(reader: Reader, i: int, head_end: int, head: Head) -> OrgSpan | None:
    tokens = reader.tokens
    if tokens[head_end - 1].word_suffixes:
        return None  # شركته، وزارتها: a possessed noun is no name
    definite = is_definite(tokens[i]) or head.definite and tokens[i].stem.startswith(ARTICLE)
    span = OrgSpan(i, head_end, head.key, definite, head_kind=head.kind)
    if head.kind == "ellipsis":
        hit = reader.hit_at.get(head_end)
        if not definite or hit is None or hit.kind != "adjective" or proclitics(tokens[head_end]) \
                or not is_definite(tokens[head_end]) or not tokens[head_end].norm.endswith(FEMININE):
            return None  # "وزير الخارجية الإيطالي" is a title; "الخارجية الإيطالية" the ministry
        span.countries.append(hit.code)
        span.last = hit.last
        return span
    if not definite and head.key in chair_heads() and _opens_person(tokens, head_end):
        return None  # برئاسة وزير الخارجية، برئاسة الأمير ...: who chairs, no body
    if not definite and i > 0 and tokens[i - 1].kind == NUMBER and not tokens[i].word_prefixes:
        return None  # "90 مستشفى حكوميا"، "260 شركة طيران": a counted noun, no name
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
    if head.kind == "medium" and not _naming_complement(tokens[head_end:end], span):
        return None
    if head.kind in ("medium", "weak") and span.before_body:
        return None  # "الإدارة المركزية لصندوق التنمية الثقافية": a department of the body named next
    stems = tuple(t.stem for t in tokens[i:end])
    if any(stems[:n] in not_names() for n in range(2, len(stems) + 1)):
        return None
    span.last = end
    span.international = any(w in international_markers() for w in words)
    span.known = _known_complement(tokens, head_end, end)
    return span


def _known_complement(tokens: list[Token], head_end: int, end: int) -> KnownOrg | None:
    """"نادي تشيلسي الإنجليزي"، "شركة أرامكو": a head before the name of a well-known body of a state (and
    only adjectives after it) names that body; not "أرامكو السعودية للتكرير", another one."""
    match = known_org_matcher().match_at(tokens, head_end)
    if match is None or match.last > end or match.payload.country is None:
        return None  # a body listed without a state keeps what the article says of it (شركة مايكروسوفت الأمريكية)
    if not all(looks_adjective(t) and is_definite(t) and not proclitics(t) for t in tokens[match.last:end]):
        return None
    return match.payload


def _opens_person(tokens: list[Token], k: int) -> bool:
    """A title, an honorific or a given name at ``k``, or a noun with a possessive pronoun (رئيسها)."""
    if k >= len(tokens) or not is_word(tokens[k]):
        return False
    token = tokens[k]
    return bool(token.word_suffixes) or token.stem in person_opening_words() \
        or token.bare in person_opening_words() or token.stem in first_names()


def _naming_complement(complement: list[Token], span: OrgSpan) -> bool:
    """الجهاز القومي, الإدارة العامة للمرور, أمانة الطائف: an adjective, a genitive with ل, a state,
    a place or a proper name."""
    if not span.definite:
        complement = complement[1:]  # after an indefinite head the first word is its genitive (مكتب السيسي)
    return bool(span.countries) or bool(span.places) or span.proper or any(
        looks_adjective(t) or "ل" in proclitics(t) or unsplit_clitic(t, "ل") for t in complement)


def _strong_complement(complement: list[Token], span: OrgSpan) -> bool:
    """A common noun (شبكة، حركة، مكتب) names a body only with a state, or as an international
    body with its field: "الشبكة الأوروبية للأعمال"."""
    if span.countries or span.proper:
        return True
    return bool(complement) and complement[0].stem in international_markers() \
        and any("ل" in proclitics(t) for t in complement[1:])


def ner_spans(doc: Doc, spans: list[OrgSpan], hits: list[CountryHit]) -> list[OrgSpan]:
    """ORG spans of the NER tagger that the rules did not find: "سرايا الأشتر", "جامعة كورنيل".

    Kept when they do not overlap a found name or a state, are not a news agency or a relayed
    outlet, and begin with a head noun.
    """
    taken = [False] * len(doc.tokens)
    for span in spans:
        for i in range(span.first, span.last):
            taken[i] = True
    for hit in hits:
        for i in range(hit.first, min(hit.last, len(taken))):
            taken[i] = True
    found = []
    for candidate in doc.extra.get("ner") or ():
        first, last = candidate.get("first"), candidate.get("last")
        if candidate.get("label") != "ORG" or not isinstance(first, int) or not isinstance(last, int) \
                or not 0 <= first < last <= len(doc.tokens):
            continue
        tokens = doc.tokens[first:last]
        if any(taken[first:last]) or any(not is_word(t) for t in tokens) or _is_agency(doc, first, last):
            continue
        if bare_stem(tokens[0].stem) not in head_stems() and tokens[0].stem not in head_stems():
            continue  # the tagger finds the proper name after a head ("جامعة كورنيل"); alone it is noisy
        found.append(OrgSpan(first, last, None, is_definite(tokens[0])))
    return found


def _is_agency(doc: Doc, first: int, last: int) -> bool:
    name = " ".join(t.stem for t in doc.tokens[first:last])
    previous = doc.tokens[first - 1] if first > 0 else None
    relayed = previous is not None and (previous.stem in relay_cues() or previous.norm in relay_cues())
    return relayed or name in news_agencies()


@lru_cache(maxsize=1)
def news_agencies() -> frozenset[str]:
    return frozenset(" ".join(phrase_key(name)) for name in load_list("news_agencies.txt"))
