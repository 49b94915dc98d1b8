"""The statements of one sentence, cue by cue, and the cues left out inside quotations."""
from __future__ import annotations

import re

from rasid.doc import Doc, Entity, Statement
from rasid.events.context import PARTY_TYPES, DocIndex, after_title
from rasid.lang.matcher import Match
from rasid.persons.countries import bare_adjectives
from rasid.statements.agreement import agrees
from rasid.statements.lexicon import is_outlet, pronoun_honorifics
from rasid.statements.subjects import (
    SPEAKER_REACH, country_subject, governed, next_word, refers_back, relay_source,
    speaker_after, subjunctive, unnamed_subject, unrecognized_subject,
)
from rasid.text.normalize import normalize_str

STRAIGHT_QUOTE = '"'
OPENING_QUOTES = "«“"
CLOSING_QUOTES = "»”"
LEADING_JUNK = " \t\n،,:؛;-–—\"'«»“”"
ASIDE = re.compile(r"\s*[«(“\"']\s*(\w+)\s*[»)”\"']")  # "علي حسن عيسى «يمني» ...": a one-word aside


class SentenceStatements:
    def __init__(self, doc: Doc, index: DocIndex, sentence: int, previous: Entity | None,
                 last_person: Entity | None, protagonist: Entity | None = None):
        self.doc = doc
        self.sentence = doc.sentences[sentence]
        self.mentions = index.mentions_in(sentence)
        self.previous = previous  # the speaker of the sentence before, if it had one
        self.last_person = last_person  # the last person named before this sentence
        self.protagonist = protagonist  # the first person the report names, while no one has spoken yet
        self.found: list[tuple[Entity | None, Match, int]] = []  # speaker (None: unnamed), cue, content start

    def subject(self, before: int, gender: str | None = None) -> Entity | None:
        """The sentence's subject: the first person or body it names before ``before``, not governed
        by a preposition, that agrees with ``gender``."""
        parties = [m for m in self.mentions if m.last <= before and m.entity.type in PARTY_TYPES
                   and not governed(self.doc, m) and agrees(m.entity, gender)]
        return parties[0].entity if parties else None

    def add(self, cue: Match) -> None:
        end = self.sentence.last_token
        speaker: Entity | None = None
        content = cue.end
        unnamed = False
        if cue.payload.kind == "verb":
            if subjunctive(self.doc, cue):
                return
            named = None
            omitted = refers_back(self.doc, cue, end)
            unnamed = not omitted and (unnamed_subject(self.doc, cue, end) or country_subject(self.mentions, cue))
            if not omitted and not unnamed:
                named = speaker_after(self.doc, self.mentions, cue.last, SPEAKER_REACH, titled=True,
                                      gender=cue.payload.gender)
                unnamed = named is None and unrecognized_subject(self.doc, cue, end)
            if named is not None:
                speaker, content = named.entity, _after_nationality_aside(self.doc.text, after_title(named))
            elif not unnamed:  # the subject is omitted: وأكد أهمية ...
                speaker = self.antecedent(cue.first, self._omitted_fallback(cue), cue.payload.gender)
        elif cue.payload.kind == "participle":
            speaker = self.antecedent(cue.first, None, cue.payload.gender)
        elif cue.payload.kind == "source":
            named = speaker_after(self.doc, self.mentions, cue.last, SPEAKER_REACH, relatives_end=True)
            if named is not None:
                speaker, content = named.entity, named.mention.end
        else:
            named = relay_source(self.doc, self.mentions, cue, end)
            if named is not None:
                speaker, content = named.entity, named.mention.end
            unnamed = named is None  # an outlet reports: what follows in the sentence is not someone's
        if speaker is not None and is_outlet(speaker):
            speaker, unnamed = None, True
        if speaker is not None or unnamed:
            self.found.append((speaker, cue, content))

    def antecedent(self, before: int, fallback: Entity | None, gender: str | None = None) -> Entity | None:
        """Who an omitted subject is: this sentence's speaker or subject, the speaker of the
        sentence before, or the fallback (the last person named, for a verb); the first of them
        that agrees with the cue's gender (وقالت ... after a man named: not him)."""
        if self.found and (self.found[-1][0] is None or agrees(self.found[-1][0], gender)):
            return self.found[-1][0]
        candidates = (self.subject(before, gender), self.previous, fallback)
        return next((c for c in candidates if c is not None and agrees(c, gender)), None)

    def _omitted_fallback(self, cue: Match) -> Entity | None:
        """The last person named; but "وقال سموه" before anyone has spoken is the report's protagonist
        ("رفع الأمير فهد ... التهاني لخادم الحرمين وولي العهد ... وقال سموه")."""
        following = next_word(self.doc, cue, self.sentence.last_token)
        if self.protagonist is not None and following is not None and following.norm in pronoun_honorifics():
            return self.protagonist
        return self.last_person

    def first_person_named(self) -> Entity | None:
        return next((m.entity for m in self.mentions if m.entity.type == "PERSON"), None)

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


def _after_nationality_aside(text: str, position: int) -> int:
    """The speaker's nationality in quotes or brackets after the name is not what was said."""
    aside = ASIDE.match(text, position)
    if aside is not None and normalize_str(aside.group(1)) in bare_adjectives():
        return aside.end()
    return position


def outside_quotes(doc: Doc, sentence: int, cues: list[Match]) -> list[Match]:
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
