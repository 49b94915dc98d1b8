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

import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from rasid.components import component
from rasid.components.countries import CountryHit, is_definite, written_name
from rasid.doc import Doc, Entity
from rasid.lang import load_list
from rasid.lang.matcher import phrase_key
from rasid.lang.orgs import (
    ARTICLE, Head, KnownOrg, adjective_words, common_words, first_names, organization_name_words, title_words, eponym_words, generic_modifiers, head_matcher, head_stems, indefinite_heads,
    international_markers, news_words, not_names,
    known_org_matcher, outlet_heads, part_of_matcher, purpose_words, relay_cues, stop_words,
)
from rasid.text.normalize import normalize_str
from rasid.text.tokenize import Token

FEMININE = "ه"  # ta marbuta, normalized
NISBA = "ي"
ACRONYM_OPEN = {"«": "»", "(": ")", '"': '"', "“": "”", "'": "'"}
MAX_ACRONYM_TOKENS = 2
MAX_NAME_TOKENS = 9
MAX_QUOTED_NAME = 3
MIN_PROPER_NAME = 3
HOME_REFERENCE_WEIGHT = 3
HOME_DATELINE_WEIGHT = 10  # "اتحاد مجالس الدول الأعضاء في منظمة التعاون الإسلامي" has 8
MAX_CONSTRUCT_CHAIN = 3  # indefinite words between an indefinite head and the definite word ending it
MAX_EPONYM_NAME = 4
MIN_UNSPLIT_GENITIVE = 4  # ل or و + a stem of three letters or more
NISBA_ENDINGS = ("ي", "يه", "يين", "يون", "يات")  # normalized: ية -> يه
UNSPLIT_CLITICS = "ولبف"
IMPERFECT_PREFIX = "ي"  # يختاران، يقوم: a verb ends a construct chain (nouns in ي- are rare there)  # words of a person's name in "مجمع الملك فهد ..."


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


@lru_cache(maxsize=1)
def locative_prepositions() -> frozenset[str]:
    return frozenset(normalize_str(w) for w in load_list("locative_prepositions.txt"))


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

    def next_is_name_word(self, j: int, sentence: int, country: bool = True) -> bool:
        """The token at j goes on a construct: a definite word or (with ``country``) a state."""
        if j >= len(self.tokens):
            return False
        t = self.tokens[j]
        if not _is_word(t) or t.sentence != sentence or t.stem in self.stop or t.norm in self.stop:
            return False
        if _proclitics(t):
            return False
        if j in self.hit_at:
            return country and self.hit_at[j].state
        return is_definite(t)

    def complement(self, span: OrgSpan, head_end: int) -> int:
        """Read the complement after the head; returns the end of the name (exclusive)."""
        tokens = self.tokens
        sentence = tokens[span.first].sentence
        # A definite head takes no genitive: only adjectives follow it (الهيئة القومية, not الوزارة العديد).
        state = ComplementState(definite_seen=span.definite, last_good=head_end, in_genitive=span.definite,
                                head_end=head_end, proper_end=head_end)
        j = self._eponym(span, head_end)
        if j == head_end:
            j = self._quoted_name(span, head_end)
        state.last_good = j
        state.definite_seen = state.definite_seen or j > head_end  # a person's or quoted name completes it
        state.named_construct = j > head_end
        state.in_genitive = state.in_genitive or j > head_end
        while j < len(tokens) and j - span.first < MAX_NAME_TOKENS:
            t = tokens[j]
            if not _is_word(t) or t.sentence != sentence \
                    or (j not in self.hit_at and (t.stem in self.stop or t.norm in self.stop)):
                break
            step = self._step(span, state, j, head_end, sentence)
            if step is None:
                break
            j = step
        if not state.definite_seen and state.proper_end > head_end:
            # شركة لوكهيد مارتن, جامعة كورنيل: a foreign proper name. After a common noun (إدارة،
            # مجموعة) it must be a known organization word: "إدارة ترامب" is no body.
            span.proper = span.head_kind == "strong" or any(
                t.norm in organization_name_words() for t in tokens[head_end:state.proper_end])
            if span.proper:
                state.last_good = state.proper_end
        return state.last_good

    def _quoted_name(self, span: OrgSpan, head_end: int) -> int:
        """جامعة «نبراسكا»: a name in quotes right after an indefinite head."""
        tokens = self.tokens
        if span.definite or head_end >= len(tokens) or tokens[head_end].text not in ACRONYM_OPEN:
            return head_end
        closing = ACRONYM_OPEN[tokens[head_end].text]
        k = head_end + 1
        while k < len(tokens) and k - head_end <= MAX_QUOTED_NAME and tokens[k].kind in ("word", "latin"):
            k += 1
        if k > head_end + 1 and k < len(tokens) and tokens[k].text == closing:
            span.proper = True
            return k + 1
        return head_end

    def _eponym(self, span: OrgSpan, head_end: int) -> int:
        """مجمع الملك فهد ...: an indefinite head named after a person takes the person's name."""
        tokens = self.tokens
        if span.definite or head_end >= len(tokens) or tokens[head_end].stem not in eponym_words() \
                or _proclitics(tokens[head_end]):
            return head_end
        j = head_end + 1
        while j < len(tokens) and j - head_end <= MAX_EPONYM_NAME and _is_word(tokens[j]) \
                and not _proclitics(tokens[j]) and not is_definite(tokens[j]) and j not in self.hit_at \
                and tokens[j].stem not in self.stop:
            j += 1
        return j if j > head_end + 1 else head_end

    def _step(self, span: OrgSpan, state: "ComplementState", j: int, head_end: int, sentence: int) -> int | None:
        """Take the token at j into the complement: the next index, or None to stop."""
        t = self.tokens[j]
        pro = _proclitics(t)
        hit = self.hit_at.get(j)
        if hit is not None:
            return self._country_step(span, state, hit, pro)
        bare = _bare(t.stem)
        if "و" in pro and "ل" in pro:
            return None  # وللتيار: "and for ...", a new phrase
        if state.after_nationality and not ("ل" in pro or t.stem in generic_modifiers()):
            return None  # a national adjective ends a name but for a genitive or a modifier
        if "و" in pro or _unsplit_clitic(t, "و"):
            if t.stem in self.heads or bare in self.heads or state.last_good == head_end or state.after_country:
                return None  # a second body ("الوزارة والهيئة"), a head with no complement yet, or
                # another party after a state ("شركة شيفرون العربية السعودية والجانب الكويتي")
            if is_definite(t):
                state.last_good = j + 1
                return j + 1
            # وتكنولوجيا المعلومات goes on; وسفير سورية, ووزير الدفاع are another person's title
            if bare in title_words() or not self.next_is_name_word(j + 1, sentence, country=False):
                return None
            state.genitive_open = True
            return j + 1
        if "ب" in pro or "ك" in pro:
            return None
        if "ل" in pro:
            return self._genitive_step(span, state, t, j, bare, sentence)
        if is_definite(t):
            if state.in_genitive and not state.genitive_open and not _looks_adjective(t):
                return None  # للاستعداد لطوارئ الحاسب والشبكات | الخطوات: a new noun phrase
            state.closed_by_adjective = state.in_genitive and not state.genitive_open and state.after_genitive
            if not state.definite_seen or state.genitive_open:
                state.in_genitive = not span.definite or state.in_genitive  # وزارة النقل: the construct closes
            state.genitive_open = False
            state.definite_seen = True
            state.last_good = j + 1
            return j + 1
        if _unsplit_clitic(t, "ل") and t.norm[1:] in self.heads:
            span.before_body = True
            return None
        if _unsplit_clitic(t, "ل") and self.next_is_name_word(j + 1, sentence):
            if _bare(t.norm[1:]) in self.purpose or self._genitive_not_here(span, state, j):
                return None
            state.after_nationality = state.after_country = False
            state.in_genitive = state.genitive_open = state.after_genitive = True
            return j + 1  # لقصور الثقافة: ل before a word the lexicons do not know stays unsplit
        if state.definite_seen or j - head_end >= MAX_CONSTRUCT_CHAIN or t.norm.startswith(IMPERFECT_PREFIX) \
                or (j == head_end and t.norm in first_names()):
            return None  # an indefinite word after a definite name, a verb, a person ("برئاسة خالد")
        if state.proper_end == j and self.is_proper(t, first=j == head_end):
            state.proper_end = j + 1
        return j + 1  # a construct chain after an indefinite head: it must reach a definite word

    def is_proper(self, token: Token, first: bool) -> bool:
        """A name that is no common word (كورنيل، ميتسوبيشي), no indefinite feminine adjective
        agreeing with its head (لجنة متخصصة) and no listed adjective (محكمة عليا); the first word
        no person's first name ("برئاسة خالد ...": chaired by a person)."""
        norm = token.norm
        if norm.endswith(NISBA) and norm not in organization_name_words():
            return False  # مركز إقليمي: an indefinite nisba adjective
        return not token.prefixes and len(norm) >= MIN_PROPER_NAME and not norm.endswith(FEMININE) \
            and norm not in common_words() and norm not in self.heads and ARTICLE + norm not in adjective_words() \
            and not (first and norm in first_names())

    def _genitive_not_here(self, span: OrgSpan, state: "ComplementState", j: int) -> bool:
        """Where a ل- genitive cannot go on a name: right after a bare definite head ("الهيئة
        للشؤون الإدارية" is the body and a title's field), inside an unfinished construct chain
        ("شركة خاسرة مصنعة للألعاب", "مجمع للحوار"), after an indefinite head's construct unless
        a name closed it ("مجمع الملك فهد لطباعة", "مؤسسة مكة للطباعة" but not "وزارة المياه
        للإسراع"), or after a genitive already closed by an adjective
        ("للعلوم الأمنية للارتقاء")."""
        head_end = state.head_end
        if span.definite and state.last_good == head_end:
            return True
        if not state.definite_seen:
            return True  # an indefinite head needs its construct first ("مجمع للحوار" names nothing)
        if not span.definite and not state.after_genitive and not state.named_construct:
            return True  # وزارة المياه والكهرباء | للإسراع: a purpose or a title's field, unless named
        return state.closed_by_adjective

    def _country_step(self, span: OrgSpan, state: "ComplementState", hit: CountryHit, pro: str) -> int | None:
        if pro or not (hit.state or hit.kind in ("capital", "city")):
            if "ب" in pro:
                span.country_after = hit.code
            return None
        if hit.kind == "adjective" and not is_definite(self.tokens[hit.first]):
            return None  # شركة مصرية: a description, not a name
        if hit.kind in ("name", "adjective", "group", "reference"):
            span.countries.extend(hit.codes or (hit.code,))
        else:
            span.places.append(hit.code)
        state.after_nationality = hit.kind == "adjective"
        state.after_country = True
        state.named_construct = state.named_construct or hit.kind != "adjective"
        state.definite_seen = True
        state.last_good = hit.last
        return hit.last

    def _genitive_step(self, span: OrgSpan, state: "ComplementState", t: Token, j: int, bare: str,
                       sentence: int) -> int | None:
        if bare in self.purpose or self._genitive_not_here(span, state, j):
            return None
        if is_definite(t):
            if bare in self.heads and not self.next_is_name_word(j + 1, sentence):
                return None  # "للوزارة": of the ministry named before
            state.definite_seen = state.in_genitive = state.after_genitive = True
            state.genitive_open = state.after_nationality = state.after_country = False
            state.last_good = j + 1
            return j + 1
        if bare in self.heads:
            span.before_body = True
            return None  # "الإدارة المركزية لصندوق ...": another body
        if self.next_is_name_word(j + 1, sentence):
            state.after_nationality = state.after_country = False
            state.in_genitive = state.genitive_open = state.after_genitive = True
            return j + 1
        return None


def _unsplit_clitic(token: Token, clitic: str) -> bool:
    """وتكنولوجيا, لقصور: a clitic the tokenizer left on a word the lexicons do not know
    (with a stem of four letters or more after و, which begins many words: وجار، وطن)."""
    shortest = MIN_UNSPLIT_GENITIVE + (1 if clitic == "و" else 0)
    return not token.prefixes and token.norm.startswith(clitic) and len(token.norm) >= shortest


def _looks_adjective(token: Token) -> bool:
    """A nisba (القومي، الرقمية), or a listed adjective (العليا، المتحدة) or modifier."""
    stem = token.stem
    return stem.endswith(NISBA_ENDINGS) or stem in adjective_words() or stem in generic_modifiers() or stem in international_markers()


@dataclass
class ComplementState:
    definite_seen: bool
    last_good: int
    after_nationality: bool = False
    in_genitive: bool = False  # a ل- genitive was taken: only adjectives may follow
    genitive_open: bool = False  # ل + an indefinite noun: its own genitive may follow once
    head_end: int = 0
    after_genitive: bool = False  # a ل- genitive is part of the name
    proper_end: int = -1  # the end of a run of proper-name words right after an indefinite head
    named_construct: bool = False  # a person's name, a place or a state closed the construct
    after_country: bool = False  # a state, a place or a nationality is part of the name
    closed_by_adjective: bool = False  # ... and an adjective closed it: no further ل- genitive


def _find_spans(tokens: list[Token], hits: list[CountryHit]) -> list[OrgSpan]:
    reader = Reader(tokens, hits)
    known = known_org_matcher()
    heads = head_matcher()
    part_of = part_of_matcher()
    spans: list[OrgSpan] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if not _is_word(token) or not (known.can_start(token) or part_of.can_start(token)
                                       or heads.can_start(token) or _may_hide_clitic(token)):
            i += 1
            continue
        state_name = reader.hit_at.get(i)
        if state_name is not None and state_name.kind == "name" and state_name.last - i > 1:
            i = state_name.last  # الاتحاد الروسي, المملكة المتحدة: a state, not a body
            continue
        match = known.match_at(tokens, i)
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
            head, clitic = _head_under_clitic(tokens[i])
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


def _may_hide_clitic(token: Token) -> bool:
    return not token.prefixes and len(token.norm) >= MIN_UNSPLIT_GENITIVE and token.norm[0] in UNSPLIT_CLITICS


def _head_under_clitic(token: Token) -> tuple[Head | None, str]:
    """لوزارة, ومركز, برئاسة: a clitic the tokenizer left on a head it takes for a whole word."""
    if not _may_hide_clitic(token):
        return None, ""
    head = indefinite_heads().get(token.norm[1:])
    return (head, token.norm[0]) if head is not None else (None, "")


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
    if tokens[head_end - 1].suffixes:
        return None  # شركته، وزارتها: a possessed noun is no name
    definite = is_definite(tokens[i]) or head.definite and tokens[i].stem.startswith(ARTICLE)
    span = OrgSpan(i, head_end, head.key, definite, head_kind=head.kind)
    if head.kind == "ellipsis":
        hit = reader.hit_at.get(head_end)
        if not definite or hit is None or hit.kind != "adjective" or _proclitics(tokens[head_end]) \
                or not is_definite(tokens[head_end]) or not tokens[head_end].norm.endswith(FEMININE):
            return None  # "وزير الخارجية الإيطالي" is a title; "الخارجية الإيطالية" the ministry
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
    if head.kind == "medium" and not _naming_complement(tokens[head_end:end], span):
        return None
    if head.kind in ("medium", "weak") and span.before_body:
        return None  # "الإدارة المركزية لصندوق التنمية الثقافية": a department of the body named next
    stems = tuple(t.stem for t in tokens[i:end])
    if any(stems[:n] in not_names() for n in range(2, len(stems) + 1)):
        return None
    span.last = end
    span.international = any(w in international_markers() for w in words)
    return span


def _naming_complement(complement: list[Token], span: OrgSpan) -> bool:
    """الجهاز القومي, الإدارة العامة للمرور, أمانة الطائف: an adjective, a genitive with ل, a state,
    a place or a proper name."""
    if not span.definite:
        complement = complement[1:]  # after an indefinite head the first word is its genitive (مكتب السيسي)
    return bool(span.countries) or bool(span.places) or span.proper or any(_looks_adjective(t) or "ل" in _proclitics(t) or _unsplit_clitic(t, "ل")
                                       for t in complement)


def _strong_complement(complement: list[Token], span: OrgSpan) -> bool:
    """A common noun (شبكة، حركة، مكتب) names a body only with a state, or as an international
    body with its field: "الشبكة الأوروبية للأعمال"."""
    if span.countries or span.proper:
        return True
    return bool(complement) and complement[0].stem in international_markers() \
        and any("ل" in _proclitics(t) for t in complement[1:])


def _acronym_after(doc: Doc, span: OrgSpan) -> None:
    """«إيتيدا» or (الأياتا) right after a name is its alias."""
    tokens = doc.tokens
    j = span.last
    if j >= len(tokens) or tokens[j].text not in ACRONYM_OPEN:
        return
    closing = ACRONYM_OPEN[tokens[j].text]
    k = j + 1
    while k < len(tokens) and k - j <= MAX_ACRONYM_TOKENS + 1 and tokens[k].text != closing:
        if tokens[k].kind not in ("word", "latin") or _bare(tokens[k].stem) in head_stems() \
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
    if "ل" in _proclitics(first) + span.clitic:
        return True
    previous = tokens[span.first - 1] if span.first > 0 else None
    return previous is not None and (previous.stem in relay_cues() or previous.norm in relay_cues())


def _is_outlet(tokens: list[Token], span: OrgSpan) -> bool:
    """صحيفة، قناة ...; an agency only when its name says news (وكالة الأنباء، not وكالة الفضاء)."""
    if _bare(normalize_str(span.head or "")) in outlet_heads():
        return True
    words = tokens[span.first:span.last]
    return any(t.stem in news_words() or _bare(t.stem) in news_words() for t in words) \
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
    ("المملكة", "السلطنة") is how a reporter names home, so it weighs more."""
    counts: Counter[str] = Counter()
    for hit in hits:
        if hit.state and not hit.dateline:
            counts[hit.code] += -1 if _is_locative(tokens, hit) else HOME_REFERENCE_WEIGHT if hit.kind == "reference" else 1
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
    if _unsplit_clitic(token, "ل") or _unsplit_clitic(token, "و"):
        return _bare(token.norm[1:])
    return _bare(token.stem)


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
        if any(taken[first:last]) or any(not _is_word(t) for t in tokens) or _is_agency(doc, first, last):
            continue
        if _bare(tokens[0].stem) not in head_stems() and tokens[0].stem not in head_stems():
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


@component("organizations")
def organizations(doc: Doc, settings) -> Doc:
    hits: list[CountryHit] = doc.extra.get("country_hits", [])
    spans = _find_spans(doc.tokens, hits)
    spans = sorted(spans + ner_spans(doc, spans, hits), key=lambda span: span.first)
    doc.entities.extend(build_organizations(doc, spans, hits))
    return doc
