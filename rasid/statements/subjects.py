"""Who a reporting cue's subject is: a named speaker after it, an addressee, an
unnamed or unrecognized subject, an omitted one, or the source of a relay."""
from __future__ import annotations

from rasid.doc import Doc
from rasid.events.context import PARTY_TYPES, EntityMention
from rasid.events.lexicon import object_prepositions
from rasid.lang.matcher import Match
from rasid.statements.agreement import agrees
from rasid.statements.lexicon import (
    has_word, is_opener, names_someone, starts_with_outlet, content_starts, speaker_search_stops, title_heads,
    unnamed_subjects,
)

SPEAKER_REACH = 8  # tokens after a cue where its speaker is looked for
TITLED_SPEAKER_REACH = 30  # tokens after a cue within which a person named after its titles is the speaker
RELAY_REACH = 10  # tokens after a relay cue where its عن is looked for
ADDRESSEE_PREFIX = "ل"  # قال لوكالة ...: the outlet is spoken to, not speaking
FROM = "عن"
OUTLET_WORDS = 4  # the longest outlet name beginning looked for after a cue
SUBJUNCTIVE = frozenset({"ان"})  # أن, normalized
QUOTES = "\"'«»“”"


def _is_addressee(doc: Doc, m: EntityMention) -> bool:
    """قال لوكالة ...، قال لـ"السومرية نيوز": the preposition ل before the name, as a clitic or a word."""
    token = doc.tokens[m.first]
    if any(p.form == ADDRESSEE_PREFIX for p in token.word_prefixes):
        return True
    if m.mention.start > token.start and doc.text[token.start:m.mention.start].endswith(ADDRESSEE_PREFIX):
        return True
    before = doc.tokens[m.first - 1] if m.first > 0 else None
    return before is not None and before.norm.rstrip("ـ") == ADDRESSEE_PREFIX


def governed(doc: Doc, m: EntityMention) -> bool:
    """A name after a preposition (تقول منى من جامعة ...، قال لوكالة ...) is not the speaker."""
    return _is_addressee(doc, m) or any(p.form in object_prepositions() for p in doc.tokens[m.first].word_prefixes) \
        or (m.first > 0 and doc.tokens[m.first - 1].norm in object_prepositions())


def speaker_after(doc: Doc, mentions: list[EntityMention], after: int, reach: int,
                   governed_ok: bool = False, titled: bool = False, gender: str | None = None,
                   relatives_end: bool = False) -> EntityMention | None:
    """The first person or body named after a cue, before what was said begins. An organization
    directly followed by a person is part of that person's title (الناطق باسم الرئاسة السفير علاء يوسف);
    ``titled``: a person named after a longer chain of titles that begins within the reach counts too;
    ``gender``: the cue's, which the speaker agrees with (أعلنت الشرطة ... مارك ليبرت: not him);
    ``relatives_end``: the source after حسب/وفقا ل is never a party in a relative clause
    on it ("حسب اللوائح التي تنص عليها أنظمة الهيئة"; a verb's subject may be: "وتشير البيانات التي
    أعلنتها المؤسسة")."""
    stop = after + reach
    stops = speaker_search_stops() if relatives_end else content_starts()
    for i in range(after, min(stop, len(doc.tokens))):
        if has_word(doc.tokens[i], stops):
            stop = i
            break
    named = [m for m in mentions if after <= m.first < stop and m.entity.type in PARTY_TYPES
             and (governed_ok or not governed(doc, m)) and agrees(m.entity, gender)]
    persons = [m for m in named if m.entity.type == "PERSON"]
    if persons:
        return persons[0]
    person = _titled_person(doc, mentions, after, stop) if titled else None
    person = person if person is not None and agrees(person.entity, gender) else None
    return person or (named[0] if named else None)


def _titled_person(doc: Doc, mentions: list[EntityMention], after: int, stop: int) -> EntityMention | None:
    """A person named after a chain of titles that begins within the reach ("وأوضح مدير عام الهيئة
    ... أمين عام مجلس ... المهندس محمد العمرة قائلا"): the first person after the cue in its sentence,
    with a title of its own starting before ``stop``, and no content opening before the name."""
    stop = min(stop, len(doc.tokens))
    if stop <= after:
        return None
    sentence = doc.tokens[after].sentence
    window_start, window_end = doc.tokens[after].start, doc.tokens[stop - 1].end
    person = next((m for m in mentions if m.first >= stop and m.entity.type == "PERSON"), None)
    if person is None or person.first - after > TITLED_SPEAKER_REACH or doc.tokens[person.first].sentence != sentence:
        return None
    if not any(window_start <= role.start < window_end and role.end <= person.mention.start
               for role in person.entity.roles):
        return None
    if any(has_word(doc.tokens[i], content_starts()) for i in range(stop, person.first)):
        return None
    return person


def next_word(doc: Doc, cue: Match, sentence_end: int):
    return next((t for t in doc.tokens[cue.last:sentence_end] if t.kind != "punct"), None)


def refers_back(doc: Doc, cue: Match, sentence_end: int) -> bool:
    """The subject is omitted: an opener follows the cue, or the cue ends the sentence."""
    for token in doc.tokens[cue.last:sentence_end]:
        if token.kind == "punct":
            if token.text in QUOTES:
                continue  # ذكرت "وكالة ...": the subject is quoted, not omitted
            return True
        return is_opener(token)
    return True


def unnamed_subject(doc: Doc, cue: Match, sentence_end: int) -> bool:
    token = next_word(doc, cue, sentence_end)
    if token is None:
        return False
    following = [t.stem if i == 0 else t.norm for i, t in enumerate(doc.tokens[token.i:token.i + OUTLET_WORDS])]
    return _as_listed(token, unnamed_subjects()) or starts_with_outlet(following)


def _as_listed(token, words: frozenset[str]) -> bool:
    """The word in the form the list gives it: "متحدث" (a spokesman, unnamed) is listed, "المتحدث" is not
    (the spokesman, named after his title: أوضح المتحدث الرسمي باسم المركز رأفت الصباغ)."""
    return token.stem in words or token.norm in words or token.text in words


def unrecognized_subject(doc: Doc, cue: Match, sentence_end: int) -> bool:
    """A bare title (وأكد وزير الخارجية) or a name no entity stands for: a subject we cannot point to."""
    token = next_word(doc, cue, sentence_end)
    return token is not None and (has_word(token, title_heads()) or names_someone(token))


def subjunctive(doc: Doc, cue: Match) -> bool:
    """أن يقول: a verb governed by أن is no report of its own (رفض أن يقول ...)."""
    return cue.first > 0 and doc.tokens[cue.first - 1].norm in SUBJUNCTIVE


def country_subject(mentions: list[EntityMention], cue: Match) -> bool:
    """أعلنت روسيا ...: a state speaks, and a state is no person or organization."""
    return any(m.first == cue.last and m.entity.type == "COUNTRY" for m in mentions)


def relay_source(doc: Doc, mentions: list[EntityMention], cue: Match, sentence_end: int) -> EntityMention | None:
    for i in range(cue.last, min(cue.last + RELAY_REACH, sentence_end)):
        if doc.tokens[i].norm == FROM:
            if i + 1 < sentence_end and has_word(doc.tokens[i + 1], unnamed_subjects()):
                return None  # نقلت ... عن مسؤول في الوفد: an unnamed source
            return speaker_after(doc, mentions, i + 1, SPEAKER_REACH, governed_ok=True)
    return None
