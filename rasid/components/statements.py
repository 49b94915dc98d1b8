"""The statements component: who said what, from reporting cues (reporting_cues.tsv).

- A reporting verb (أكد، قال، أشار ...) takes as speaker the first person or
  organization named after it in its sentence (Arabic verb-subject order),
  skipping an addressee (قال لوكالة ...). With its subject omitted (وأضاف أن ...،
  وقال في تصريح ...، وأكد أهمية ...) the speaker is the previous one: statements
  that refer back. An unnamed subject (الجانبان، مسؤول، a bare title), a state
  (أعلنت روسيا) or a news outlet gives no speaker; a verb governed by أن
  (رفض أن يقول) reports nothing.
- A participle (مؤكدا، مشيرا إلى ...) continues the statement of its sentence's
  speaker, or of the sentence's subject.
- "According to" cues (وفقا لبيان صادر عن ...) take the body named after them.
- A relay (نقلت وكالة ... عن الوزير) gives the statement to whoever follows عن;
  the outlet that only relays is no speaker.
The content runs from the speaker (or the cue) to the next cue of the sentence
or the sentence end.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rasid.components import component
from rasid.doc import Doc, Entity, Statement
from rasid.events.context import PARTY_TYPES, DocIndex, EntityMention, build_index
from rasid.lang import LanguageDataError, load_list, load_table
from rasid.lang.matcher import Match, PhraseMatcher, phrase_key
from rasid.events.lexicon import object_prepositions
from rasid.persons.lexicon import common_words, first_names
from rasid.text.normalize import normalize_str

CUE_KINDS = ("verb", "participle", "source", "relay")
SPEAKER_REACH = 8  # tokens after a cue where its speaker is looked for
RELAY_REACH = 10  # tokens after a relay cue where its عن is looked for
ADDRESSEE_PREFIX = PURPOSE_PREFIX = "ل"  # قال لوكالة ...: the outlet is spoken to, not speaking
FROM = "عن"
ARTICLE = "ال"
OUTLET_WORDS = 4
TITLE_GAP = 3  # characters between a speaker's name and the title that follows it  # the longest outlet name beginning looked for after a cue
SUBJUNCTIVE = frozenset({"ان"})  # أن, normalized
TITLE_KINDS = ("office", "complete", "counterpart")
STRAIGHT_QUOTE = '"'
OPENING_QUOTES = "«“"
CLOSING_QUOTES = "»”"
QUOTES = "\"'«»“”"
LEADING_JUNK = " \t\n،,:؛;-–—\"'«»“”"


@dataclass(frozen=True)
class Cue:
    kind: str


@lru_cache(maxsize=1)
def cue_matcher() -> PhraseMatcher[Cue]:
    matcher: PhraseMatcher[Cue] = PhraseMatcher()
    for cell, kind in load_table("reporting_cues.tsv", 2):
        if kind not in CUE_KINDS:
            raise LanguageDataError(f"reporting_cues.tsv: unknown kind {kind!r}")
        for phrase in filter(None, (p.strip() for p in cell.split("|"))):
            matcher.add(phrase, Cue(kind))
    return matcher


def _stems(name: str) -> frozenset[str]:
    words: set[str] = set()
    for word in load_list(name):
        words.update(phrase_key(word) or (word,))
    return frozenset(words)


@lru_cache(maxsize=1)
def openers() -> frozenset[str]:
    return _stems("statement_openers.txt")


@lru_cache(maxsize=1)
def content_starts() -> frozenset[str]:
    return _stems("statement_content_starts.txt")


@lru_cache(maxsize=1)
def unnamed_subjects() -> frozenset[str]:
    """Subjects that name no speaker (statement_unnamed_subjects.txt) and news outlets' heads."""
    return _stems("statement_unnamed_subjects.txt") | _outlet_heads() | frozenset(ARTICLE + w for w in _outlet_heads())


@lru_cache(maxsize=1)
def outlet_names() -> tuple[tuple[str, ...], ...]:
    """Outlets' names and name beginnings, as normalized word tuples (news_agencies.txt and
    statement_outlet_prefixes.txt)."""
    names = {tuple(normalize_str(n).split()) for n in load_list("news_agencies.txt")}
    names.update(tuple(normalize_str(n).split()) for n in load_list("statement_outlet_prefixes.txt"))
    return tuple(sorted(n for n in names if n))


def _starts_with_outlet(words: list[str]) -> bool:
    return any(tuple(words[:len(name)]) == name for name in outlet_names())


@lru_cache(maxsize=1)
def title_heads() -> frozenset[str]:
    """Heads of titles (title_heads.tsv): a bare title with no entity for it names no speaker."""
    words: set[str] = set()
    for phrase, kind, _country in load_table("title_heads.tsv", 3):
        key = phrase_key(phrase)
        if kind in TITLE_KINDS and len(key) == 1:
            words.update((key[0], ARTICLE + key[0]))
    return frozenset(words)


@lru_cache(maxsize=1)
def name_words() -> frozenset[str]:
    """Words of persons' names: first names and the NER gazetteer's person words (ner_person_names.txt),
    less the common words."""
    words = first_names() | frozenset(normalize_str(w) for w in load_list("ner_person_names.txt"))
    return words - common_words()


def _names_someone(token) -> bool:
    """A name word right after the cue: someone Rasid did not recognize as a person."""
    return token.kind == "word" and (token.norm in name_words() or token.stem in name_words())


@lru_cache(maxsize=1)
def _outlet_heads() -> frozenset[str]:
    return _stems("org_outlet_heads.txt")


def is_outlet(entity: Entity) -> bool:
    """A news outlet (وكالة الأنباء ...، قناة ...) reports or relays; it is no speaker."""
    words = normalize_str(entity.name).split()
    if not words:
        return False
    first = words[0][len(ARTICLE):] if words[0].startswith(ARTICLE) else words[0]
    return first in _outlet_heads() or _starts_with_outlet(words)


def _in(token, words: frozenset[str]) -> bool:
    return token.stem in words or token.bare in words or token.norm in words or token.text in words


def _is_addressee(doc: Doc, m: EntityMention) -> bool:
    """قال لوكالة ...، قال لـ"السومرية نيوز": the preposition ل before the name, as a clitic or a word."""
    token = doc.tokens[m.first]
    if any(p.form == ADDRESSEE_PREFIX for p in token.prefixes):
        return True
    if m.mention.start > token.start and doc.text[token.start:m.mention.start].endswith(ADDRESSEE_PREFIX):
        return True
    before = doc.tokens[m.first - 1] if m.first > 0 else None
    return before is not None and before.norm.rstrip("ـ") == ADDRESSEE_PREFIX


def _after_title(m: EntityMention) -> int:
    """Where what was said starts: after the speaker's name and the title right after it
    (أكد عمرو طلعت وزير الاتصالات ... على ...)."""
    end = m.mention.end
    for role in m.entity.roles:
        if end <= role.start <= end + TITLE_GAP:
            end = max(end, role.end)
    return end


def _governed(doc: Doc, m: EntityMention) -> bool:
    """A name after a preposition (تقول منى من جامعة ...، قال لوكالة ...) is not the speaker."""
    return _is_addressee(doc, m) or any(p.form in object_prepositions() for p in doc.tokens[m.first].prefixes) \
        or (m.first > 0 and doc.tokens[m.first - 1].norm in object_prepositions())


def _speaker_after(doc: Doc, mentions: list[EntityMention], after: int, reach: int,
                   governed_ok: bool = False) -> EntityMention | None:
    """The first person or body named after a cue, before what was said begins. An organization
    directly followed by a person is part of that person's title (الناطق باسم الرئاسة السفير علاء يوسف)."""
    stop = after + reach
    for i in range(after, min(stop, len(doc.tokens))):
        if _in(doc.tokens[i], content_starts()):
            stop = i
            break
    named = [m for m in mentions if after <= m.first < stop and m.entity.type in PARTY_TYPES
             and (governed_ok or not _governed(doc, m))]
    if not named:
        return None
    persons = [m for m in named if m.entity.type == "PERSON"]
    return persons[0] if persons else named[0]


def _next_word(doc: Doc, cue: Match, sentence_end: int):
    return next((t for t in doc.tokens[cue.last:sentence_end] if t.kind != "punct"), None)


def _refers_back(doc: Doc, cue: Match, sentence_end: int) -> bool:
    """The subject is omitted: an opener follows the cue, or the cue ends the sentence."""
    for token in doc.tokens[cue.last:sentence_end]:
        if token.kind == "punct":
            if token.text in QUOTES:
                continue  # ذكرت "وكالة ...": the subject is quoted, not omitted
            return True
        return _in(token, openers())
    return True


def _unnamed_subject(doc: Doc, cue: Match, sentence_end: int) -> bool:
    token = _next_word(doc, cue, sentence_end)
    if token is None:
        return False
    following = [t.stem if i == 0 else t.norm for i, t in enumerate(doc.tokens[token.i:token.i + OUTLET_WORDS])]
    return _in(token, unnamed_subjects()) or _starts_with_outlet(following)


def _unrecognized_subject(doc: Doc, cue: Match, sentence_end: int) -> bool:
    """A bare title (وأكد وزير الخارجية) or a name no entity stands for: a subject we cannot point to."""
    token = _next_word(doc, cue, sentence_end)
    return token is not None and (_in(token, title_heads()) or _names_someone(token))


def _subjunctive(doc: Doc, cue: Match) -> bool:
    """أن يقول: a verb governed by أن is no report of its own (رفض أن يقول ...)."""
    return cue.first > 0 and doc.tokens[cue.first - 1].norm in SUBJUNCTIVE


def _country_subject(mentions: list[EntityMention], cue: Match) -> bool:
    """أعلنت روسيا ...: a state speaks, and a state is no person or organization."""
    return any(m.first == cue.last and m.entity.type == "COUNTRY" for m in mentions)


def _relay_source(doc: Doc, mentions: list[EntityMention], cue: Match, sentence_end: int) -> EntityMention | None:
    for i in range(cue.last, min(cue.last + RELAY_REACH, sentence_end)):
        if doc.tokens[i].norm == FROM:
            if i + 1 < sentence_end and _in(doc.tokens[i + 1], unnamed_subjects()):
                return None  # نقلت ... عن مسؤول في الوفد: an unnamed source
            return _speaker_after(doc, mentions, i + 1, SPEAKER_REACH, governed_ok=True)
    return None


class _SentenceStatements:
    def __init__(self, doc: Doc, index: DocIndex, sentence: int, previous: Entity | None,
                 last_person: Entity | None):
        self.doc = doc
        self.sentence = doc.sentences[sentence]
        self.mentions = index.mentions_in(sentence)
        self.previous = previous  # the speaker of the sentence before, if it had one
        self.last_person = last_person  # the last person named before this sentence
        self.found: list[tuple[Entity | None, Match, int]] = []  # speaker (None: unnamed), cue, content start

    def subject(self, before: int) -> Entity | None:
        """The sentence's subject: the first person or body it names before ``before``, not governed
        by a preposition."""
        parties = [m for m in self.mentions if m.last <= before and m.entity.type in PARTY_TYPES
                   and not _governed(self.doc, m)]
        return parties[0].entity if parties else None

    def add(self, cue: Match) -> None:
        end = self.sentence.last_token
        speaker: Entity | None = None
        content = cue.end
        unnamed = False
        if cue.payload.kind == "verb":
            if _subjunctive(self.doc, cue):
                return
            named = None
            omitted = _refers_back(self.doc, cue, end)
            unnamed = not omitted and (_unnamed_subject(self.doc, cue, end) or _country_subject(self.mentions, cue))
            if not omitted and not unnamed:
                named = _speaker_after(self.doc, self.mentions, cue.last, SPEAKER_REACH)
                unnamed = named is None and _unrecognized_subject(self.doc, cue, end)
            if named is not None:
                speaker, content = named.entity, _after_title(named)
            elif not unnamed:  # the subject is omitted: وأكد أهمية ...
                speaker = self.antecedent(cue.first, self.last_person)
        elif cue.payload.kind == "participle":
            speaker = self.antecedent(cue.first, None)
        elif cue.payload.kind == "source":
            named = _speaker_after(self.doc, self.mentions, cue.last, SPEAKER_REACH)
            if named is not None:
                speaker, content = named.entity, named.mention.end
        else:
            named = _relay_source(self.doc, self.mentions, cue, end)
            if named is not None:
                speaker, content = named.entity, named.mention.end
            unnamed = named is None  # an outlet reports: what follows in the sentence is not someone's
        if speaker is not None and is_outlet(speaker):
            speaker, unnamed = None, True
        if speaker is not None or unnamed:
            self.found.append((speaker, cue, content))

    def antecedent(self, before: int, fallback: Entity | None) -> Entity | None:
        """Who an omitted subject is: this sentence's speaker or subject, the speaker of the
        sentence before, or the fallback (the last person named, for a verb)."""
        if self.found:
            return self.found[-1][0]
        return self.subject(before) or self.previous or fallback

    def last_speaker(self) -> Entity | None:
        return self.found[-1][0] if self.found else None

    def last_person_named(self) -> Entity | None:
        persons = [m.entity for m in self.mentions if m.entity.type == "PERSON"]
        return persons[-1] if persons else self.last_person

    def statements(self, cues: list[Match]) -> list[Statement]:
        result = []
        text = self.doc.text
        cue_starts = sorted(c.start for c in cues)
        for speaker, cue, content in self.found:
            if speaker is None:
                continue
            stop = next((s for s in cue_starts if s >= content), self.sentence.end)
            start = content
            while start < stop and text[start] in LEADING_JUNK:
                start += 1
            if start >= stop:
                continue
            result.append(Statement(speaker, self.doc.mention(cue.start, cue.end), start, stop))
        return result


def _outside_quotes(doc: Doc, sentence: int, cues: list[Match]) -> list[Match]:
    """A cue inside quoted words («... أوضحت ...») is part of what someone said, not a new statement."""
    if not cues:
        return cues
    inside_at: dict[int, bool] = {}
    straight = False
    depth = 0
    sent = doc.sentences[sentence]
    for i in range(sent.first_token, sent.last_token):
        text = doc.tokens[i].text
        if text == STRAIGHT_QUOTE:
            straight = not straight
        elif text in OPENING_QUOTES:
            depth += 1
        elif text in CLOSING_QUOTES:
            depth = max(0, depth - 1)
        inside_at[i] = straight or depth > 0
    return [c for c in cues if not inside_at.get(c.first, False)]


@component("statements")
def statements(doc: Doc, settings) -> Doc:
    index = build_index(doc)
    by_sentence: dict[int, list[Match]] = {}
    for match in cue_matcher().find(doc.tokens):
        if PURPOSE_PREFIX in doc.tokens[match.first].proclitic:
            continue  # لنقل الخبرات، ليؤكد: a purpose, not a report
        by_sentence.setdefault(doc.tokens[match.first].sentence, []).append(match)
    previous: Entity | None = None
    last_person: Entity | None = None
    found: list[Statement] = []
    for sentence in sorted(index.story_sentences):
        cues = _outside_quotes(doc, sentence, by_sentence.get(sentence, []))
        current = _SentenceStatements(doc, index, sentence, previous, last_person)
        for cue in cues:
            current.add(cue)
        found.extend(current.statements(cues))
        previous = current.last_speaker()
        last_person = current.last_person_named()
    doc.statements = found
    return doc
