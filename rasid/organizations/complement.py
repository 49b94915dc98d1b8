"""Where an organization name ends: the complement after its head, read word by word.

Definite nouns and adjectives, لل- and ل- genitives and و- coordination go on;
prepositions, verbs and other indefinite words after a definite one, punctuation,
persons' honorifics and titles, "التابعة", a state after ب/في (where the body is) stop.
"""
from __future__ import annotations

from dataclasses import dataclass

from rasid.components.countries import CountryHit, is_definite
from rasid.lang.orgs import (
    ARTICLE, adjective_words, common_words, eponym_words, field_words, first_names, generic_modifiers,
    head_stems, organization_name_words, purpose_words, stop_words, title_words,
)
from rasid.organizations.spans import (
    FEMININE, NISBA, OrgSpan, bare_stem, is_word, looks_adjective, proclitics, unsplit_clitic,
)
from rasid.text.tokenize import Token

ACRONYM_OPEN = {"«": "»", "(": ")", '"': '"', "“": "”", "'": "'"}
MAX_NAME_TOKENS = 9  # "اتحاد مجالس الدول الأعضاء في منظمة التعاون الإسلامي" has 8
MAX_QUOTED_NAME = 3
MIN_PROPER_NAME = 3
MAX_CONSTRUCT_CHAIN = 3  # indefinite words between an indefinite head and the definite word ending it
MAX_EPONYM_NAME = 4  # words of a person's name in "مجمع الملك فهد ..."
IMPERFECT_PREFIX = "ي"  # يختاران، يقوم: a verb ends a construct chain (nouns in ي- are rare there)


class Reader:
    """The tokens of one article with the country hits, read for organization names."""

    def __init__(self, tokens: list[Token], hits: list[CountryHit]):
        self.tokens = tokens
        self.hit_at: dict[int, CountryHit] = {h.first: h for h in hits if not h.dateline}
        self.stop = stop_words()
        self.purpose = purpose_words()
        self.field = field_words()
        self.purpose_or_field = self.purpose | self.field
        self.heads = head_stems()

    def next_is_name_word(self, j: int, sentence: int, country: bool = True) -> bool:
        """The token at j goes on a construct: a definite word or (with ``country``) a state."""
        if j >= len(self.tokens):
            return False
        t = self.tokens[j]
        if not is_word(t) or t.sentence != sentence or t.stem in self.stop or t.norm in self.stop:
            return False
        if proclitics(t):
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
            if not is_word(t) or t.sentence != sentence \
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
                or proclitics(tokens[head_end]):
            return head_end
        j = head_end + 1
        sentence = tokens[head_end].sentence
        while j < len(tokens) and j - head_end <= MAX_EPONYM_NAME and is_word(tokens[j]) \
                and tokens[j].sentence == sentence and not proclitics(tokens[j]) and not is_definite(tokens[j]) \
                and j not in self.hit_at and tokens[j].stem not in self.stop:
            j += 1
        return j if j > head_end + 1 else head_end

    def _step(self, span: OrgSpan, state: "ComplementState", j: int, head_end: int, sentence: int) -> int | None:
        """Take the token at j into the complement: the next index, or None to stop."""
        t = self.tokens[j]
        pro = proclitics(t)
        hit = self.hit_at.get(j)
        if hit is not None:
            return self._country_step(span, state, hit, pro)
        bare = bare_stem(t.stem)
        if "و" in pro and "ل" in pro:
            return None  # وللتيار: "and for ...", a new phrase
        if state.after_nationality and not ("ل" in pro or t.stem in generic_modifiers()):
            return None  # a national adjective ends a name but for a genitive or a modifier
        if "و" in pro or unsplit_clitic(t, "و"):
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
            if state.in_genitive and not state.genitive_open and not looks_adjective(t):
                return None  # للاستعداد لطوارئ الحاسب والشبكات | الخطوات: a new noun phrase
            state.closed_by_adjective = state.in_genitive and not state.genitive_open and state.after_genitive
            if not state.definite_seen or state.genitive_open:
                state.in_genitive = not span.definite or state.in_genitive  # وزارة النقل: the construct closes
            state.genitive_open = False
            state.definite_seen = True
            state.last_good = j + 1
            return j + 1
        if unsplit_clitic(t, "ل") and t.norm[1:] in self.heads:
            span.before_body = True
            return None
        if unsplit_clitic(t, "ل") and self.next_is_name_word(j + 1, sentence):
            if bare_stem(t.norm[1:]) in self.purpose_or_field or self._genitive_not_here(span, state, j):
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
        return not token.word_prefixes and len(norm) >= MIN_PROPER_NAME and not norm.endswith(FEMININE) \
            and norm not in common_words() and norm not in self.heads and ARTICLE + norm not in adjective_words() \
            and not (first and norm in first_names())

    def _in_title(self, span: OrgSpan) -> bool:
        """The body is named in a person's title ("مساعد رئيس [الديوان الملكي] للشؤون التنفيذية"):
        a field after it is the title's."""
        return span.first > 0 and bare_stem(self.tokens[span.first - 1].norm) in title_words()

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
        if bare in self.purpose or bare in self.field and (not is_definite(t) or self._in_title(span)) \
                or self._genitive_not_here(span, state, j):
            return None  # للتعاون، لشؤون المناطق: a purpose or a title's field; للشؤون الصحية goes on
        if is_definite(t):
            if bare in self.heads and not self.next_is_name_word(j + 1, sentence):
                return None  # "للوزارة": of the ministry named before
            if bare in self.heads and span.head_kind != "strong":
                span.before_body = True
                return None  # "الشبكة العامة للشركة السعودية للكهرباء": a part of the body named next
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
