"""The extent of a personal name, read forward from its first word or backward from a title.

A name is a run of name words: given names, family names (with or without the
article: الجبير، العساف), foreign names, joined by particles (بن، أبو، عبد، آل).
It ends at punctuation, a conjunction or preposition clitic (a new item), a
particle word, a verb, an honorific, a title head, a place or a common word.
"""
from __future__ import annotations

from dataclasses import dataclass

from rasid.persons.context import PersonContext
from rasid.persons.lexicon import god_compounds, regnal_ordinals, title_head_words
from rasid.persons.titles import read_title

MAX_NAME_WORDS = 6  # not counting the particles
PRESENT_PREFIXES = ("ي", "ت", "س")
FUTURE_PREFIXES = ("سي", "ست", "سن")
GOD = "الله"
FEMININE_NISBA = "يه"  # normalized ية
PARTICIPLE_PREFIX, ACCUSATIVE_ENDING, MIN_PARTICIPLE = "م", "ا", 5  # مخاطبا، مستعرضا


@dataclass(frozen=True)
class NameSpan:
    first: int
    last: int  # exclusive
    start: int
    end: int
    words: int


def _span(ctx: PersonContext, first: int, last: int, words: int) -> NameSpan:
    if last - first >= 3 and ctx.definite(first) and not ctx.ner_person[first] and not ctx.is_first_name(first) \
            and not ctx.definite(first + 1) and ctx.is_first_name(first + 1):
        first, words = first + 1, words - 1  # "[المدرسية] حمد الشنيبر": a name does not open with an adjective
    return NameSpan(first, last, ctx.name_start(first), ctx.tokens[last - 1].end, words)


def ends_name(ctx: PersonContext, j: int, second: bool = False) -> bool:
    """Token ``j`` cannot be a (non-first) word of a name. ``second``: right after a given name,
    where a common word may be a family name (ناصر جودة، عباس كامل)."""
    if ctx.is_stop(j) or ctx.is_verb(j) or ctx.honorific(j) is not None:
        return True
    if (ctx.tokens[j].word_suffixes or _pronoun_ending(ctx, j)) and not ctx.ner_person[j]:
        return True  # فخره، نظيره، يرحمهما: a word with a pronoun
    if ctx.place_at[j] and not ctx.is_first_name(j):
        return True  # a place the tagger took for a name (إيطاليا، بيونغ يانغ)
    if ctx.org_at[j] is not None:
        return not ctx.ner_person[j]
    if ctx.title(j) is not None and read_title(ctx, j) is not None:
        return True
    if ctx.definite(j):
        if ctx.ner_person[j]:
            return False
        return ctx.in_title_vocabulary(j) or (ctx.is_common(j) and not second)
    if ctx.is_first_name(j):
        return False
    if ctx.ner_person[j]:
        return ctx.is_common(j) and not second  # the tagger does not outweigh a common word
    if len(ctx.tokens[j].stem) >= 5 and ctx.tokens[j].stem.endswith(FEMININE_NISBA):
        return True  # "روتانا خليجية": an indefinite adjective
    if second and ctx.tokens[j].bare in title_head_words():
        return False  # "الباجي قايد السبسي": a head word with no title after it is a name
    return ctx.in_title_vocabulary(j) or ctx.is_accusative(j) or (ctx.is_common(j) and not second)


def read_name(ctx: PersonContext, i: int, cued: bool) -> NameSpan | None:
    """The name that starts at ``i``. ``cued``: right after an honorific or a title, so the
    first word is a name even when it is also a common word (الدكتور مساعد ...)."""
    if not ctx.is_word(i) or ctx.is_stop(i) or _adverbial_participle(ctx, i) or len(ctx.tokens[i].stem) < 2:
        return None  # a single letter: a preposition written apart ("المدير التنفيذي لـ "نوكيا"")
    if ctx.is_verb(i) and not (cued and ctx.is_first_name(i) and _name_word_at(ctx, i + 1)):
        return None  # "الرئيس أشرف على الحفل" (supervised); but "الرئيس الأفغاني أشرف غاني"
    if not cued and ends_name(ctx, i) and ctx.particle(i) != "prefix":
        return None
    if ctx.org_at[i] is not None and not ctx.ner_person[i]:
        return None  # مجمع الملك فهد: a name inside an organization's name
    if _glued_preposition(ctx, i) or (ctx.is_common(i) and ctx.tokens[i].stem[:1] in "بلك"):
        return None
    if ctx.particle(i) == "link":
        return None
    j, words, bound, family = i, 0, False, False
    while j < len(ctx.tokens) and ctx.same_sentence(i, j):
        if j > i and ctx.is_hyphen_join(j) and not ctx.is_common(j + 1) and not ctx.is_stop(j + 1):
            j += 2
            continue
        if not ctx.is_word(j):
            break
        if j > i and not bound and (ctx.conjunction(j) or ctx.preposition(j)):
            break
        if j == i + 1 and ctx.tokens[j].bare in regnal_ordinals() and ctx.particle(j + 1) == "link":
            j += 1  # عبدالله الثاني بن الحسين
            continue
        particle = ctx.particle(j)
        if particle is not None and ctx.is_word(j + 1) and ctx.same_sentence(j, j + 1) \
                and not ctx.is_stop(j + 1) and _takes_whole_word(ctx, particle, j + 1):
            if particle == "link" and j == i:
                break
            j, bound = j + 1, True
            continue
        second = cued and j == i + 1 and (ctx.is_first_name(i) or not ctx.is_common(i) and not looks_like_verb(ctx, i)
                                          and (not ctx.definite(i) or _family_name_follows(ctx, j + 1)))
        if not bound and j > i and ends_name(ctx, j, second=second):
            break
        if not bound and j > i and (ctx.glued_name_conjunction(j) or _glued_preposition(ctx, j)):
            break
        if not bound and j > i and ctx.tokens[j].stem.startswith("و") and not ctx.is_first_name(j):
            break  # "تعازي ومواساة"، "اللحام ولاريجاني": a conjunction the tokenizer left on a word
        if not bound and j > i and not cued and looks_like_verb(ctx, j, trust_tagger=False):
            break  # "ميركل تلتقى ترامب": a present verb between two names
        if not bound and j > i and _past_tagger_end(ctx, i, j):
            break  # "طفله نبيل [مكث]"، "السيسي [انفتح]": the tagger's name ended, and no name word follows
        if not bound and j > i and _future_verb(ctx, j):
            break  # "الجبير سيجتمع"
        if not bound and j > i and ctx.tokens[j].stem == GOD and ctx.tokens[j - 1].stem not in god_compounds():
            break  # "حفظه الله"; الله is a name word only in compounds (عبد الله، عوض الله)
        if not bound and family and not ctx.definite(j) and particle is None:
            break  # after a family name with the article only another one goes on (الخالد الحمد الصباح)
        words += 1
        if words > MAX_NAME_WORDS:
            break
        family = family or (j > i and ctx.definite(j) and ctx.tokens[j].stem != GOD)  # الله: no family name
        bound = False
        j += 1
    if j == i or words == 0 and j - i < 2:
        return None
    last = j
    while last > i + 1 and ctx.particle(last - 1) is not None:
        last -= 1  # a dangling particle
    return _span(ctx, i, last, max(words, 1))


def read_name_backward(ctx: PersonContext, end: int) -> NameSpan | None:
    """The name that ends right before token ``end`` (the "NAME TITLE" order: عمرو طلعت وزير ...)."""
    k, words, first = end - 1, 0, end
    while k >= 0 and ctx.is_word(k) and ctx.same_sentence(end - 1, k):
        if ctx.particle(k - 1) is not None and ctx.is_word(k - 1) and ctx.same_sentence(k, k - 1) \
                and not ctx.proclitic(k):
            first, k = k - 1, k - 2
            words += 1
            if ctx.conjunction(first) or ctx.preposition(first):
                break
            continue
        if ctx.preposition(k) or ctx.particle(k) is not None:
            break
        second = k - 1 >= 0 and ctx.is_first_name(k - 1) and k == end - 1
        if ends_name(ctx, k, second) and not (ctx.is_first_name(k) and not ctx.is_stop(k) and not ctx.is_verb(k)):
            break
        if ctx.tokens[k].stem.startswith("ي") and looks_like_verb(ctx, k):
            break  # "السيسي [يصطحب] رئيس المخابرات"
        first, words = k, words + 1
        if ctx.conjunction(k) or words >= MAX_NAME_WORDS - 1:
            break
        k -= 1
    if words == 0:
        return None
    if words >= 3 and looks_like_verb(ctx, first):
        first, words = first + 1, words - 1
    if words < 2 and not ctx.ner_person[first]:
        return None
    if not any(ctx.is_first_name(x) or ctx.ner_person[x] or not ctx.is_common(x) for x in range(first, end)):
        return None
    return _span(ctx, first, end, words)


def _name_word_at(ctx: PersonContext, k: int) -> bool:
    """A word that may go on a name: no particle, preposition, verb or common word."""
    return ctx.is_word(k) and ctx.same_sentence(k - 1, k) and not ctx.is_stop(k) and not ctx.proclitic(k) \
        and not ctx.is_verb(k) and (ctx.is_first_name(k) or ctx.ner_person[k] or not ctx.is_common(k))


def _pronoun_ending(ctx: PersonContext, j: int) -> bool:
    stem = ctx.tokens[j].stem
    return len(stem) >= 5 and stem.endswith(("هما", "هم", "كم", "ها")) and not ctx.is_first_name(j)


def _family_name_follows(ctx: PersonContext, k: int) -> bool:
    """"الباجي قايد [السبسي]": a definite family name closes the name after a common middle word."""
    return ctx.is_word(k) and ctx.definite(k) and not ctx.proclitic(k) and not ctx.is_common(k) \
        and not ctx.in_title_vocabulary(k) and not ctx.place_at[k]


def _adverbial_participle(ctx: PersonContext, i: int) -> bool:
    """"الفنان [مخاطبا] الجمهور": an indefinite accusative participle (مـ...ـا) tells how, it names no one."""
    stem = ctx.tokens[i].stem
    return len(stem) >= MIN_PARTICIPLE and stem[0] == PARTICIPLE_PREFIX and stem[-1] == ACCUSATIVE_ENDING \
        and not ctx.is_first_name(i) and not ctx.ner_person[i]


def _past_tagger_end(ctx: PersonContext, i: int, j: int) -> bool:
    """Token ``j`` follows the end of the tagger's person span that holds the name's first word, that
    span ends on a known given name or surname, and ``j`` is neither nor a family name with the article."""
    if j not in ctx.ner_person_end or not ctx.ner_person[i] or ctx.ner_person[j]:
        return False
    known = ctx.known_surnames
    return (ctx.is_first_name(j - 1) or ctx.tokens[j - 1].stem in known) and not ctx.is_first_name(j) \
        and not ctx.definite(j) and ctx.particle(j) is None and ctx.tokens[j].stem not in known


def _future_verb(ctx: PersonContext, j: int) -> bool:
    stem = ctx.tokens[j].stem
    return stem.startswith(FUTURE_PREFIXES) and len(stem) >= 5 and not ctx.is_first_name(j) \
        and not ctx.ner_person[j]


def _glued_preposition(ctx: PersonContext, j: int) -> bool:
    """للحل، بالعراق left whole by the tokenizer: a preposition with the article, not a name."""
    stem = ctx.tokens[j].stem
    return stem.startswith(("لل", "بال", "كال")) and not ctx.ner_person[j] and not ctx.is_first_name(j)


def looks_like_verb(ctx: PersonContext, i: int, trust_tagger: bool = True) -> bool:
    """A present-tense verb before a name (يلتقي ...): a prefix letter, not a known given name."""
    token = ctx.tokens[i]
    return token.stem.startswith(PRESENT_PREFIXES) and len(token.stem) >= 4 and not ctx.is_first_name(i) \
        and not (trust_tagger and ctx.ner_person[i]) and not ctx.tokens[i].stem in ctx.known_surnames


def _takes_whole_word(ctx: PersonContext, particle: str, k: int) -> bool:
    """The word after a particle is a name word: without a proclitic, or, after a prefix (آل، أبو، عبد),
    also with one the tokenizer split off a name it did not know ("آل فريان" read as ف+ريان);
    not a conjunction's و ("بن محمد وعلي")."""
    proclitic = ctx.proclitic(k)
    return not proclitic or particle == "prefix" and "و" not in proclitic
