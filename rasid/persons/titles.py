"""The extent of a title phrase: a head and its complement, as written.

From the head, a state machine reads the complement word by word. ``open``
means the last word is an indefinite noun in construct that expects a genitive
("رئيس [مجلس] [إدارة] الهيئة"); a closed title goes on only with adjectives,
modifiers, prepositional complements ("للتنمية"، "بجمهورية العراق") and
conjoined portfolios ("وتكنولوجيا المعلومات"). A title ends at a name, a verb,
a particle, punctuation, an honorific or a new title head.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rasid.lang import load_list, load_table
from rasid.persons.context import PersonContext
from rasid.persons.lexicon import TitleHead, bare_word, title_modifiers
from rasid.text.normalize import normalize_str

MAX_TITLE_TOKENS = 18
PRONOUN_ENDINGS = ("ه", "ها", "هم")
NISBA_ENDINGS = ("ي", "يه", "يين", "يون", "يات")  # normalized: ة is ه
FEMININE_NISBA = "يه"
CONSTRUCT_HONORIFICS = ("style", "style_title", "nobility")


@dataclass(frozen=True)
class TitleSpan:
    first: int
    last: int  # exclusive
    start: int
    end: int
    head: TitleHead
    complement: bool  # something follows the head phrase
    conjoined: bool  # opens with و: a new item of a list

    @property
    def definite(self) -> bool:
        return self.head.phrase.startswith("ال")


@lru_cache(maxsize=1)
def title_prepositions() -> frozenset[str]:
    return frozenset(normalize_str(w) for w in load_list("title_prepositions.txt"))


@lru_cache(maxsize=1)
def governed_prepositions() -> dict[str, frozenset[str]]:
    """Head (bare) -> the prepositions it governs: المشرف [على] ..."""
    governed: dict[str, set[str]] = {}
    for head, preposition in load_table("title_governed_prepositions.tsv", 2):
        governed.setdefault(bare_word(head), set()).add(normalize_str(preposition))
    return {head: frozenset(prepositions) for head, prepositions in governed.items()}


def read_title(ctx: PersonContext, i: int) -> TitleSpan | None:
    """The title that starts at token ``i``, or None (no head there, or an indefinite head with nothing after it)."""
    match = ctx.title(i)
    if match is None:
        return None
    head = match.payload
    j = match.last
    open_ = head.kind != "complete" and not ctx.definite(j - 1)
    complement = False
    unclosed: int | None = None  # where a prepositional phrase opened by an indefinite noun began
    governed = governed_prepositions().get(ctx.tokens[i].bare, frozenset())
    while j < len(ctx.tokens) and j - i < MAX_TITLE_TOKENS and ctx.same_sentence(i, j):
        step = _step(ctx, j, open_, not complement, governed)
        if step is None:
            break
        width, open_ = step
        if unclosed is None and (_opens_indefinite_phrase(ctx, j) or ctx.tokens[j].norm in governed):
            unclosed = j
            if any(_closes_phrase(ctx, k) for k in range(j + 1, j + width)):
                unclosed = None  # لرئيس الجمهورية: a head phrase closed in one step
        elif unclosed is not None and any(_closes_phrase(ctx, k) for k in range(j, j + width)):
            unclosed = None
        j += width
        complement = True
    if unclosed is not None and unclosed > match.last:
        j = unclosed  # "وزير الدفاع [بتأمين طائرات]": a phrase that names nothing is no part of the title
    tokens = ctx.tokens
    if not ctx.definite(i) and head.kind not in ("complete",) and not _has_modifier(ctx, i, match.last):
        if not complement or not _names_something(ctx, match.last, j):
            return None  # "لؤي أمين من ..."، "الباجي قايد السبسي": an indefinite head with no naming complement
    return TitleSpan(i, j, tokens[i].stem_start, tokens[j - 1].end, head, complement, ctx.conjunction(i))


def _opens_indefinite_phrase(ctx: PersonContext, j: int) -> bool:
    """بتأمين، لشؤون، بوزارة: ب or ل on an indefinite noun, no place or body by itself."""
    return ctx.preposition(j) in ("ل", "ب") and not ctx.definite(j) and not ctx.place_at[j] \
        and ctx.org_at[j] is None


def _closes_phrase(ctx: PersonContext, k: int) -> bool:
    """A definite word, a place, a body or an unknown word (a place Rasid does not know: برجال [ألمع])
    ends the construct (لشؤون [المناطق]، بمنطقة [تبوك]); a common noun does not (بتأمين [طائرات])."""
    return ctx.definite(k) or bool(ctx.place_at[k]) or ctx.org_at[k] is not None \
        or not ctx.is_common(k) and not ctx.in_title_vocabulary(k)


def _names_something(ctx: PersonContext, first: int, last: int) -> bool:
    """The complement has a word of titles, a place or a body (not only unknown words)."""
    return any(ctx.in_title_vocabulary(k) or ctx.place_at[k] or ctx.org_at[k] is not None or ctx.definite(k)
               and ctx.is_common(k) for k in range(first, last))


def _has_modifier(ctx: PersonContext, first: int, last: int) -> bool:
    return last - first > 1


def _step(ctx: PersonContext, j: int, open_: bool, head_only: bool,
          governed: frozenset[str]) -> tuple[int, bool] | None:
    """How many tokens at ``j`` continue the title, and whether it is then open; None ends it."""
    if not ctx.is_word(j):
        return None
    token = ctx.tokens[j]
    if governed and not open_ and token.norm in governed and not ctx.proclitic(j):
        return _governed_object(ctx, j)
    if ctx.place_at[j] and ctx.place_at[j - 1] and not ctx.proclitic(j) and _same_place(ctx, j - 1, j):
        return 1, False  # the rest of a place's name: جمهورية [مصر العربية]
    if not ctx.proclitic(j) and token.stem in title_prepositions() or token.norm in title_prepositions():
        return None if open_ else _prepositional(ctx, j)
    if ctx.is_stop(j) or ctx.is_verb(j) or ctx.particle(j) is not None:
        return None
    honorific = ctx.honorific(j)
    if honorific is not None and (honorific.payload.kind != "style_title" or ctx.title(honorific.last) is not None):
        return _honorific_in_construct(ctx, j, open_ or ctx.preposition(j) == "ل")
    if head_only and ctx.definite(j) and token.bare in title_modifiers():
        return 1, False  # الوزير [المفوض]: an agreeing modifier, not a new title
    head = ctx.title(j)
    if head is not None and head.payload.kind != "occupation":
        if ctx.conjunction(j):
            return None
        if open_ or ctx.preposition(j):  # نائب [وزير]، النائب الثاني [لرئيس] ...
            return head.last - j, head.payload.kind != "complete" and not ctx.definite(head.last - 1)
        return None  # a new title of the same person
    if ctx.conjunction(j):
        if ctx.country_at[j - 1] and not ctx.place_at[j]:
            return None  # "وزير الخارجية المصري [والوفد المرافق]": a state closes the title
        return _conjoined(ctx, j)
    if ctx.org_at[j] is not None and (open_ or ctx.preposition(j) in ("ل", "ب")) and _org_run(ctx, j) > 1:
        return _org_run(ctx, j), False  # "المتحدث الرسمي [لمركز الملك سلمان للإغاثة]": a body's whole name
    if ctx.preposition(j) in ("ل", "ب"):
        if ctx.in_title_vocabulary(j) or ctx.place_at[j] or ctx.org_at[j] is not None \
                or ctx.definite(j) and (not ctx.is_common(j) or not _person_follows(ctx, j + 1)):
            return 1, not ctx.definite(j) and not ctx.place_at[j]
        return None
    if ctx.preposition(j):
        return None
    if open_:
        if ctx.definite(j):
            return 1, False
        return 1, ctx.in_title_vocabulary(j) and not ctx.place_at[j] and not token.word_suffixes
    if ctx.definite(j):
        return _definite_after_closed(ctx, j, head_only)
    if token.bare in title_modifiers():
        return 1, False
    return None


def _org_run(ctx: PersonContext, j: int) -> int:
    """The number of tokens from ``j`` inside the organization mention that starts there (0: none starts)."""
    org = ctx.org_at[j]
    if org is None or j > 0 and ctx.org_at[j - 1] is org:
        return 0
    k = j + 1
    while k < len(ctx.tokens) and ctx.org_at[k] is org and ctx.same_sentence(j, k) and not _leaves_a_body(ctx, k):
        k += 1
    return k - j


def _leaves_a_body(ctx: PersonContext, k: int) -> bool:
    """A word an organization's span took too far: a conjoined name, title or possessed noun
    ("هيئة السياحة [ويوسف] الوهيب"، "الحرس الوطني [واتصاله]"), or a bare common noun in apposition
    ("نادي تشيلسي [بطل] الدوري"); a person's name may be an eponym's (مركز الملك سلمان)."""
    if ctx.conjunction(k) and (ctx.is_first_name(k) or ctx.tokens[k].word_suffixes or ctx.title(k) is not None):
        return True
    return not ctx.definite(k) and not ctx.proclitic(k) and ctx.is_common(k) and not ctx.in_title_vocabulary(k) \
        and not ctx.place_at[k]


def _person_follows(ctx: PersonContext, k: int) -> bool:
    """A person's honorific, title or name at ``k`` ("رئيس المخابرات [للقاء] الملك سلمان")."""
    if not ctx.is_word(k):
        return False
    return ctx.honorific(k) is not None or ctx.title(k) is not None or ctx.is_first_name(k) or ctx.ner_person[k]


def _same_place(ctx: PersonContext, a: int, b: int) -> bool:
    return ctx.country_at[a] == ctx.country_at[b] and ctx.city_country_at[a] == ctx.city_country_at[b]


def _prepositional(ctx: PersonContext, j: int) -> tuple[int, bool] | None:
    """في العراق، لدى إيطاليا، باسم الرئاسة: the preposition and its object."""
    token = ctx.tokens[j]
    if token.word_suffixes or token.norm in title_prepositions() and token.norm.endswith(PRONOUN_ENDINGS):
        return 1, False  # "الناطق باسمه": the object is a pronoun
    k = j + 1
    if not ctx.is_word(k) or not ctx.same_sentence(j, k) or ctx.proclitic(k):
        return None
    if ctx.place_at[k] or ctx.org_at[k] is not None:
        return 2, False
    if ctx.in_title_vocabulary(k) and ctx.title(k) is None and ctx.definite(k):
        return 2, False
    return None


def _governed_object(ctx: PersonContext, j: int) -> tuple[int, bool] | None:
    """المشرف العام [على] المستشفى: the head's own preposition, open for its object (a word must follow)."""
    k = j + 1
    if not ctx.is_word(k) or not ctx.same_sentence(j, k) or ctx.is_stop(k) or ctx.is_verb(k):
        return None
    return 1, True


def _honorific_in_construct(ctx: PersonContext, j: int, genitive_expected: bool) -> tuple[int, bool] | None:
    """مستشار [جلالة الملك]، مدير مكتب [معالي الوزير]، لدولة رئيس ...: an honorific inside a title."""
    honorific = ctx.honorific(j)
    if not genitive_expected or honorific is None or honorific.payload.kind not in CONSTRUCT_HONORIFICS:
        return None
    k = honorific.last
    head = ctx.title(k)
    if head is None:
        return None
    return head.last - j, head.payload.kind != "complete" and not ctx.definite(head.last - 1)


def _conjoined(ctx: PersonContext, j: int) -> tuple[int, bool] | None:
    """وتكنولوجيا المعلومات، والتحول الرقمي، ومالطا: a conjoined portfolio or place."""
    if ctx.is_first_name(j) and not ctx.in_title_vocabulary(j):
        return None
    if ctx.definite(j):
        if ctx.in_title_vocabulary(j) or ctx.org_at[j] is not None or ctx.place_at[j]:
            return 1, False
        if ctx.is_common(j) or ctx.ner_person[j] or ctx.tokens[j].stem in ctx.known_surnames:
            return None
        return 1, False  # والمشغلين، والميكنة: one more portfolio
    if ctx.place_at[j]:
        return 1, False
    if ctx.in_title_vocabulary(j):
        return 1, True
    return None


def _definite_after_closed(ctx: PersonContext, j: int, head_only: bool) -> tuple[int, bool] | None:
    """An adjective or a portfolio goes on; a common word or a name ends the title.

    After a bare head a definite unknown word is a surname ("الرئيس السيسي"); after a
    complement a nisba is an adjective ("للإبداع التكنولوجي") unless a name goes on after it
    ("رئيس الجمهورية الباجي قايد السبسي") or it is the surname of a person named elsewhere.
    """
    if ctx.place_at[j - 1] and not ctx.place_at[j]:
        # after a place only its adjectives go on: "بالقاهرة [الهيئة ...]" is the next phrase
        return (1, False) if ctx.country_at[j] or ctx.tokens[j].bare in title_modifiers() else None
    if ctx.in_title_vocabulary(j) or ctx.place_at[j] or ctx.country_at[j] or ctx.org_at[j] is not None:
        return 1, False
    if ctx.ner_person[j] or ctx.tokens[j].stem in ctx.known_surnames or head_only:
        return None
    if not ctx.tokens[j].bare.endswith(NISBA_ENDINGS) or ctx.is_common(j) and not _agreeing_adjective(ctx, j):
        return None  # "... الرقمي [التوجه] الاستراتيجي": a noun that is no adjective starts the next phrase
    following = j + 1
    if ctx.is_word(following) and ctx.same_sentence(j, following) and _name_like(ctx, following):
        return None
    return 1, False


def _agreeing_adjective(ctx: PersonContext, j: int) -> bool:
    """"مدير عام الشؤون [الصحية]": a feminine nisba right after a definite noun agrees with it,
    however common the word."""
    return ctx.tokens[j].bare.endswith(FEMININE_NISBA) and not ctx.proclitic(j) and ctx.definite(j - 1) \
        and not ctx.place_at[j - 1]


def _name_like(ctx: PersonContext, i: int) -> bool:
    return not ctx.definite(i) and not ctx.proclitic(i) and not ctx.is_stop(i) and not ctx.is_verb(i) \
        and not ctx.is_common(i) and not ctx.in_title_vocabulary(i)
