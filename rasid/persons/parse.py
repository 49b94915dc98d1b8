"""A document read as a sequence of honorific, title and name segments."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rasid.persons.context import PersonContext
from rasid.lang.vocabulary import is_known_word
from rasid.persons.lexicon import (
    ambiguous_first_names, bare_word, first_names, given_names_also_words, named_after_heads, named_after_idioms, role_head_words,
    tagger_name_words,
)
from rasid.persons.names import NameSpan, looks_like_verb, read_name, read_name_backward
from rasid.persons.titles import TitleSpan, read_title, title_prepositions

PLURAL_PRONOUNS = ("هم", "هما", "كم", "هن")
RANK = "rank"  # honorifics.tsv kind of military and police ranks
NISBA = "ي"  # the ending of a family name of origin (الترابي), normalized (ى too)
OPENING_QUOTES = frozenset({'"', "«", "“"})
SEPARATORS = frozenset({",", "،", "-", "–", "—"})  # may stand between a name and its title


@dataclass
class Segment:
    kind: str  # honorific | title | name | thing (a name of a place or an award: no person)
    first: int
    last: int  # exclusive
    start: int
    end: int
    value: Any  # Honorific | TitleSpan | NameSpan
    tagger_only: bool = False  # a name found only by the NER tagger


def _honorific_segment(ctx: PersonContext, i: int) -> Segment | None:
    match = ctx.honorific(i)
    if match is None:
        return None
    if match.payload.kind == "style_title" and ctx.title(match.last) is None:
        return None  # "دولة الإمارات": a state, not "His Excellency"
    if match.payload.kind == RANK and _after_role_noun(ctx, i):
        return None  # "لاعب الفريق"، "قائد اللواء": the team, the brigade, not a rank
    last = match.last + _abbreviation_dot(ctx, match.last)
    return Segment("honorific", i, last, ctx.tokens[i].stem_start, ctx.tokens[last - 1].end, match.payload)


def _abbreviation_dot(ctx: PersonContext, k: int) -> int:
    """"د. علي"، "م. سعد": the dot of an abbreviated honorific (one letter) belongs to it."""
    tokens = ctx.tokens
    if k < len(tokens) and tokens[k].text == "." and tokens[k].start == tokens[k - 1].end \
            and len(tokens[k - 1].text) == 1 and ctx.same_sentence(k - 1, k):
        return 1
    return 0


def _after_role_noun(ctx: PersonContext, i: int) -> bool:
    """Token ``i`` is the genitive of an indefinite office or occupation noun before it."""
    k = i - 1
    return k >= 0 and ctx.is_word(k) and ctx.same_sentence(i, k) and not ctx.definite(k) \
        and not ctx.proclitic(k) and bare_word(ctx.tokens[k].stem) in role_head_words()


def _title_segment(title: TitleSpan) -> Segment:
    return Segment("title", title.first, title.last, title.start, title.end, title)


def _name_segment(name: NameSpan) -> Segment:
    return Segment("name", name.first, name.last, name.start, name.end, name)


def _mister_name(ctx: PersonContext, honorific: Segment) -> NameSpan | None:
    """"السيد عزوز نائب رئيس ...": Mr. with one word, then a title or the end: السيد is a given name."""
    after = honorific.last
    if not ctx.is_word(after) or ctx.definite(after) or ctx.is_stop(after) or ctx.title(after) is not None:
        return None
    name = read_name(ctx, after, cued=True)
    if name is None or name.last - name.first != 1:
        return None
    following = name.last
    title_follows = ctx.is_word(following) and read_title(ctx, following) is not None
    if not title_follows:
        return None
    return NameSpan(honorific.first, name.last, ctx.name_start(honorific.first), name.end, 2)


def _adjacent(ctx: PersonContext, end: int, start: int) -> bool:
    """Only separators between token ``end - 1`` and token ``start``."""
    return all(ctx.tokens[k].text in SEPARATORS for k in range(end, start))


def _skip_separators(ctx: PersonContext, i: int) -> int:
    while i < len(ctx.tokens) and ctx.tokens[i].text in SEPARATORS and ctx.same_sentence(i - 1, i):
        i += 1
    return i


def parse(ctx: PersonContext) -> list[Segment]:
    segments: list[Segment] = []
    i = 0
    for opening in ctx.segment_openings():
        if opening < i:
            continue
        i = opening
        segment = _segment_at(ctx, i, segments)
        if segment is None:
            i += 1
            continue
        if segment.kind == "title" and not segment.value.conjoined and not ctx.preposition(segment.first) \
                and not _honorific_follows(ctx, segment):
            if _add_name_before(ctx, segment, segments):
                _learn_surname(ctx, segments[-1])
        segments.append(segment)
        i = segment.last
        if segment.kind == "thing":
            continue
        if segment.kind in ("honorific", "title"):
            cue_end = _skip_separators(ctx, i) if segment.kind == "title" else i
            name = _cued_name(ctx, cue_end, segment, separated=cue_end > i)
            if name is not None:
                segments.append(_name_segment(name))
                i = name.last
        _learn_surname(ctx, segments[-1])
    return segments


def _honorific_follows(ctx: PersonContext, title: Segment) -> bool:
    """"إنفاذا لتوجيهات خادم الحرمين الشريفين الملك سلمان": a title followed by an honorific and its
    name is that person's; the words before it name no one."""
    after = _skip_separators(ctx, title.last)
    return after < len(ctx.tokens) and ctx.same_sentence(title.first, after) and ctx.honorific(after) is not None


def _learn_surname(ctx: PersonContext, segment: Segment) -> None:
    """The last word of a full name: later, alone after a title, it is that person ("الوزير الجبير")."""
    if segment.kind == "name" and segment.last - segment.first >= 2:
        ctx.known_surnames = ctx.known_surnames | {ctx.tokens[segment.last - 1].stem}


def _segment_at(ctx: PersonContext, i: int, segments: list[Segment]) -> Segment | None:
    honorific = _honorific_segment(ctx, i)
    title = read_title(ctx, i) if ctx.title(i) is not None else None
    if honorific is not None and title is not None:
        if title.complement and title.last > honorific.last:
            return _title_segment(title)
        title = None
    head = i - 1 if i > 1 and ctx.tokens[i - 1].text in OPENING_QUOTES else i  # ملتقى "نور الهدى"
    named_thing = head > 0 and ctx.same_sentence(i, head - 1) and ctx.is_word(head - 1) \
        and not ctx.definite(head - 1) and ctx.tokens[head - 1].bare in named_after_heads()
    if honorific is not None and named_thing:
        return _skip_named_thing(ctx, honorific)  # "طريق الملك عبدالله": the name of a thing
    if honorific is not None:
        if honorific.value.kind == "mister":
            name = _mister_name(ctx, honorific)
            if name is not None:
                return _name_segment(name)
        return honorific
    if title is not None:
        return _title_segment(title)
    if i in ctx.ner_person_start and ctx.tokens[i].stem in ctx.known_surnames and not ctx.is_first_name(i):
        token = ctx.tokens[i]  # "سلم السيسي رسالة": a known surname stands alone
        segment = _name_segment(NameSpan(i, i + 1, ctx.name_start(i), token.end, 1))
        segment.tagger_only = True
        return segment
    if ctx.is_first_name(i) or ctx.particle(i) == "prefix" or i in ctx.ner_person_start:
        name = read_name(ctx, i, cued=False)
        if name is not None and named_thing and title is None and not _idiom_before(ctx, i):
            return Segment("thing", name.first, name.last, name.start, name.end, None)  # "حي سلطان غازي"
        if name is not None and (ctx.ner_person[i] or name.words >= 2 and _plausible_uncued(ctx, name)):
            segment = _name_segment(name)
            segment.tagger_only = not (ctx.is_first_name(i) or ctx.particle(i) == "prefix")
            if segment.tagger_only and all(len(t.stem) <= 2 for t in ctx.tokens[name.first:name.last]):
                return None  # "بي بي سي": letters read aloud, an acronym
            return segment
    return None


def _plausible_uncued(ctx: PersonContext, name: NameSpan) -> bool:
    """A name with no honorific or title around it: a given name that is also a common word
    ("تيسير نفاذ"، "آمال إعفاء") needs a given name or a family name after it."""
    first = ctx.tokens[name.first]
    if first.stem not in ambiguous_first_names():
        return True
    second = name.first + 1
    if second >= name.last:
        return False
    if ctx.particle(name.first) is not None or ctx.particle(second) is not None:
        return True
    if ctx.is_first_name(second) or ctx.ner_person[second]:
        return True
    return first.stem not in given_names_also_words() and ctx.definite(second) and not ctx.is_common(second) \
        and _name_like(ctx, second)


def _name_like(ctx: PersonContext, i: int) -> bool:
    """A definite word that may be a family name: a name word of the gazetteer, a given name with the
    article (الحسن), or a nisba (الترابي); not a noun like المتبرع in "ضرورة سلامة المتبرع"."""
    token = ctx.tokens[i]
    bare = bare_word(token.stem)
    return token.stem in tagger_name_words() or bare in first_names() or bare.endswith(NISBA) \
        or token.stem in ctx.known_surnames


def _idiom_before(ctx: PersonContext, i: int) -> bool:
    """The head before ``i`` ends an idiom that names no thing ("عن طريق"، "بطولة")."""
    idioms = named_after_idioms()
    one = (ctx.tokens[i - 1].bare,)
    return one in idioms or i > 1 and (ctx.tokens[i - 2].bare,) + one in idioms


def _skip_named_thing(ctx: PersonContext, honorific: Segment) -> Segment:
    """The honorific and the name after it, as one segment that makes no person."""
    name = read_name(ctx, honorific.last, cued=True)
    last = name.last if name is not None else honorific.last
    return Segment("thing", honorific.first, last, honorific.start, ctx.tokens[last - 1].end, None)


def _cued_name(ctx: PersonContext, i: int, cue: Segment, separated: bool) -> NameSpan | None:
    if not ctx.is_word(i) or not ctx.same_sentence(cue.first, i):
        return None
    if ctx.honorific(i) is not None:
        return None
    if ctx.title(i) is not None and read_title(ctx, i) is not None:
        return None  # "سعادة مساعد وكيل الحرس الوطني": a title (a particle ends one: "مساعد بن محمد")
    if ctx.conjunction(i) or ctx.preposition(i):
        return None
    if cue.kind == "title" and ctx.tokens[i].norm in title_prepositions():
        return None  # "المتحدث [باسم] الوزارة": the preposition of the title, not the given name باسم
    if ctx.org_at[i] is not None and not ctx.ner_person[i]:
        return None
    token = ctx.tokens[i]
    if (token.word_suffixes or token.stem.endswith(PLURAL_PRONOUNS)) and not ctx.ner_person[i]:
        return None  # "حفظهم الله": a verb or noun with a pronoun
    if token.stem.startswith("و") and not ctx.is_first_name(i) and not ctx.ner_person[i]:
        return None  # "وتبادلا": a conjunction the tokenizer left on a word
    if token.stem in ctx.known_surnames and not ctx.is_first_name(i):
        end = i + 1  # "الرئيس بوتين تحيات": a surname known from the full name stands alone
        return NameSpan(i, end, ctx.name_start(i), token.end, 1) if _single_word_name(ctx, i) else None
    name = read_name(ctx, i, cued=True)
    if name is None:
        return None
    if not (ctx.is_first_name(i) or ctx.ner_person[i] or not ctx.is_common(i)):
        return None  # "الرئيس أطراف الحديث": a name starts with a name word
    if cue.kind == "honorific" and ctx.is_common(cue.first) and not (ctx.is_first_name(i) or ctx.ner_person[i]):
        return None  # "للحاج الحجز": an honorific that is also a common noun needs a given name after it
    if name.words == 1 and (separated or not (_single_word_name(ctx, name.first) or _family_particle(ctx, name))):
        return None
    if ctx.definite(i) and name.words > 1 and ctx.definite(i + 1) and not ctx.is_first_name(i + 1) \
            and not ctx.ner_person[i]:
        return None  # "العضو الديمقراطي الوحيد": adjectives, not a name
    if name.words == 1 and ctx.definite(i) and not ctx.ner_person[i] \
            and not (_bare_title(cue) and ctx.tokens[i].stem in ctx.known_surnames):
        return None  # "الفريق الإعدادي"، "اللاعب الأجنبي": one word with the article is a name only
        # as the known surname of a person, right after a bare title ("الرئيس السيسي")
    return name


def _family_particle(ctx: PersonContext, name: NameSpan) -> bool:
    """"السفير آل الشيخ"، "الرئيس أبو مازن": a prefix particle and its word name a person by family."""
    return ctx.particle(name.first) == "prefix" and name.last - name.first == 2


def _bare_title(cue: Segment) -> bool:
    return cue.kind == "title" and not cue.value.complement


def _single_word_name(ctx: PersonContext, i: int) -> bool:
    """"الرئيس دوتيرتي"، "الرئيس السيسي": one unknown word or a known given name after a title."""
    if ctx.ner_person[i] or ctx.is_first_name(i):
        return True
    if looks_like_verb(ctx, i):
        return False
    token = ctx.tokens[i]
    if is_known_word(token.stem) and token.stem not in tagger_name_words() and token.stem not in ctx.known_surnames:
        return False  # "المفتي رسالة": a word some lexicon knows, and no name word
    return not ctx.is_common(i) and not ctx.in_title_vocabulary(i) and not token.word_suffixes


def _add_name_before(ctx: PersonContext, title: Segment, segments: list[Segment]) -> bool:
    """NAME TITLE: a name right before a title (maybe with a comma) that no segment took."""
    end = title.first
    while end > 0 and ctx.tokens[end - 1].text in SEPARATORS:
        end -= 1
    if end <= 0 or not ctx.same_sentence(title.first, end - 1):
        return False
    if segments and segments[-1].last > end - 1:
        return False
    name = read_name_backward(ctx, end)
    if name is None:
        return False
    if segments and segments[-1].last > name.first:
        return False
    segments.append(_name_segment(name))
    return True
