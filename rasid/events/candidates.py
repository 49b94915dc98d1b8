"""Event candidates: one per trigger match in story text, with its local attributes.

A candidate is one mention of an interaction; grouping (rasid.events.grouping)
merges the candidates that tell the same interaction into one event.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from rasid.doc import Doc, Entity
from rasid.events.context import DocIndex
from rasid.events.lexicon import (
    TriggerEntry, instrument_matcher, mode_matcher, money_words, offer_objects, opinion_markers, status_matcher,
    trigger_matcher,
)
from rasid.events.parties import Parties, find_parties
from rasid.lang.matcher import Match, PhraseMatcher
from rasid.text.normalize import normalize_str

FUTURE_PREFIX = "س"
PURPOSE_PREFIX = "ل"
STATUS_WINDOW = 6  # tokens either side of a trigger where status markers count
NEAR_WINDOW = 3  # a marker this close to a noun trigger is its own; farther ones yield to the verb before it
NEGATION_WINDOW = 3
MODE_WINDOW = 12
INSTRUMENT_AFTER = 12
INSTRUMENT_BEFORE = 6
# Types whose present tense announces a future interaction (يلتقي، يوقع، يزور); for the
# others the present tense reports an ongoing stance (يدين، يطالب) that has occurred.
FUTURE_BY_PRESENT = frozenset({"CONSULT", "AGREE", "COOPERATE", "AID"})
VERB_FORMS = frozenset({"past", "present"})
OFFER_TYPE, JOINT_TYPE = "AID", "COOPERATE"
JOINT_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})  # acts of both sides; the others have one actor
MASDAR_PRONE = frozenset({"REJECT", "ACCUSE"})  # verbs whose verbal noun is written alike (رفض، إدانة)
MASDAR_PREPOSITIONS = frozenset({"ل", "ب"})  # clitic prepositions after a possessed verbal noun
OFFER_REACH = 8  # tokens after a readiness (استعداد) where what it offers is named
DATE_REACH = 80  # characters between a trigger and a date that belongs to it
INVITATION_REACH = 8  # tokens after a request within which a visit is what it invites to
PARTICIPLE_INSTRUMENT = 3  # a participle (الموقعة) follows its instrument this closely


@dataclass
class Candidate:
    entry: TriggerEntry
    first: int  # token indices, last exclusive
    last: int
    start: int  # character offsets of the trigger
    end: int
    sentence: int
    status: str = "occurred"
    status_source: str = "default"  # hint | negation | tense | marker | inherited | date | default
    mode: str | None = None
    mode_explicit: bool = False
    instrument: str | None = None
    parties: Parties = field(default_factory=Parties)
    date: dict[str, Any] | None = None
    date_key: str | None = None  # the date expression as written, normalized
    proclitic: str = ""  # the clitics before the trigger's first word (و، ل ...)
    definite: bool = False  # the trigger's first word has the article: للمباحثات is "of the talks", no purpose
    unnamed_subject: bool = False  # a verb whose subject is named but is no entity (ثمن الضيف البلجيكي)

    @property
    def type(self) -> str:
        return self.entry.type

    @property
    def is_verb(self) -> bool:
        return self.entry.form in VERB_FORMS

    @property
    def actor(self) -> Entity | None:
        return self.parties.actor

    @property
    def purpose(self) -> bool:
        """لبحث، ليصل، للقاء: the aim of another act, not an act of its own."""
        return self.entry.form != "participle" and PURPOSE_PREFIX in self.proclitic and not self.definite



def _nearest(matches: list[Match], first: int, last: int, before: int, after: int,
             overlap: bool = False) -> tuple[Match, int] | None:
    """The match closest to tokens [first, last) within the window, with its distance.

    A match overlapping the trigger counts (at distance 0) only when ``overlap`` is set.
    """
    best: tuple[Match, int] | None = None
    for match in matches:
        if match.last <= first:
            distance = first - match.last
            if distance > before:
                continue
        elif match.first >= last:
            distance = match.first - last
            if distance > after:
                continue
        elif overlap:
            distance = 0
        else:
            continue
        if best is None or distance < best[1]:
            best = (match, distance)
    return best


def _date_key(date: dict[str, Any], text: str) -> str | None:
    """What tells two dates apart: the resolved value, or for an unresolved relative date its wording
    when it is distinctive (فبراير الماضي، السبت الماضي); اليوم or أمس is too vague to set events apart."""
    if date.get("value"):
        return date["value"]
    if date.get("anchor") == "day_offset":
        return None
    return normalize_str(text[date["start"]:date["stop"]])


def _without_invited_visits(candidates: list[Candidate]) -> list[Candidate]:
    """A visit or meeting a request invites to (وجه الدعوة ... لإجراء زيارة) is the request's content,
    not an interaction of its own."""
    kept: list[Candidate] = []
    for c in candidates:
        request = next((r for r in reversed(kept) if r.sentence == c.sentence), None)
        if c.type == "CONSULT" and not c.is_verb and request is not None and request.type == "REQUEST" \
                and c.first - request.last <= INVITATION_REACH:
            continue
        kept.append(c)
    return kept


def _signing_without_instrument(c: Candidate) -> bool:
    """A signing with no instrument named near it is no agreement (وقع كتابا ذهبيا)."""
    return c.type == "AGREE" and c.entry.agreement == "signed" and c.instrument is None


def _offers_absorb_cooperation(candidates: list[Candidate]) -> list[Candidate]:
    """Joint projects proposed in a sentence that offers aid are part of that offer
    (أبدى استعداد الوزارة لتنفيذ مشروعات مشتركة)."""
    offering = {c.sentence for c in candidates if c.type == OFFER_TYPE}
    return [c for c in candidates
            if not (c.type == JOINT_TYPE and c.status == "proposed" and c.sentence in offering)]


def find_in_sentences(matcher: PhraseMatcher, doc: Doc, sentences: Iterable[int]) -> dict[int, list[Match]]:
    """Matches of a lexicon in some sentences only, grouped by sentence (token indices are the doc's)."""
    found: dict[int, list[Match]] = {}
    tokens = doc.tokens
    for number in sorted(sentences):
        sentence = doc.sentences[number]
        i = sentence.first_token
        while i < sentence.last_token:
            match = matcher.match_at(tokens, i) if tokens[i].meta is None else None
            if match is None:
                i += 1
                continue
            found.setdefault(number, []).append(match)
            i = match.last
    return found


class CandidateFinder:
    """Finds the candidates of one document. The cue lexicons are matched once, and only in the
    sentences that have a trigger."""

    def __init__(self, doc: Doc, index: DocIndex):
        self.doc = doc
        self.index = index
        self.status_marks: dict[int, list[Match]] = {}
        self.mode_marks: dict[int, list[Match]] = {}
        self.instrument_marks: dict[int, list[Match]] = {}
        self.dates_by_sentence: dict[int, list[dict[str, Any]]] = {}
        for date in doc.extra.get("dates", []):
            self.dates_by_sentence.setdefault(date["sentence"], []).append(date)

    def find(self) -> list[Candidate]:
        candidates: list[Candidate] = []
        in_names = self._tokens_in_names()
        for match in trigger_matcher().find(self.doc.tokens):
            sentence = self.doc.tokens[match.first].sentence
            if sentence not in self.index.story_sentences or match.first in in_names:
                continue
            candidate = Candidate(match.payload, match.first, match.last, match.start, match.end, sentence)
            candidate.proclitic = self.doc.tokens[match.first].proclitic
            candidate.definite = self.doc.tokens[match.first].has_article
            candidate.unnamed_subject = self._unnamed_subject(candidate)
            candidate.parties = find_parties(self.index, candidate.sentence, candidate.first, candidate.last,
                                             candidate.is_verb, candidate.type in JOINT_TYPES)
            if candidate.entry.weak and candidate.actor is None:
                continue
            if candidate.entry.offer and not self._names_an_offer(candidate):
                continue
            if candidate.entry.money and not self._names_a_sum(candidate):
                continue
            candidates.append(candidate)
        sentences = {c.sentence for c in candidates}
        self.status_marks = find_in_sentences(status_matcher(), self.doc, sentences)
        self.mode_marks = find_in_sentences(mode_matcher(), self.doc, sentences)
        self.instrument_marks = find_in_sentences(instrument_matcher(), self.doc, sentences)
        self._assign_dates(candidates)
        previous_in_sentence: dict[int, Candidate] = {}
        for candidate in candidates:
            sentence = candidate.sentence
            self._set_status(candidate, previous_in_sentence.get(sentence))
            self._set_mode(candidate)
            self._set_instrument(candidate)
            previous_in_sentence[sentence] = candidate
        candidates = [c for c in candidates
                      if not _signing_without_instrument(c) and not self._agreeing_with_an_opinion(c)
                      and not self._possessed_masdar(c)]
        candidates = _without_invited_visits(candidates)
        return _offers_absorb_cooperation(candidates)

    def _tokens_in_names(self) -> set[int]:
        """Tokens inside an organization's name (مركز الملك سلمان للإغاثة): a name is no event."""
        inside: set[int] = set()
        for mentions in self.index.by_sentence.values():
            for m in mentions:
                if m.entity.type == "ORG":
                    inside.update(range(m.first, m.last))
        return inside

    def _unnamed_subject(self, c: Candidate) -> bool:
        """A verb with no entity for its actor but a definite noun right after it: a subject that
        the text names (الضيف البلجيكي) and Rasid cannot point to."""
        if not c.is_verb or c.parties.actor is not None or c.last >= len(self.doc.tokens):
            return False
        following = self.doc.tokens[c.last]
        return following.kind == "word" and following.has_article and not following.proclitic

    def _names_a_sum(self, c: Candidate) -> bool:
        """أرسلت الحكومة 100 مليون دولار: a transfer is aid when a sum of money (a number, then a
        money word) follows it."""
        end = min(c.last + OFFER_REACH, self.doc.sentences[c.sentence].last_token)
        tokens = self.doc.tokens[c.last:end]
        words = money_words()
        return any(t.kind == "number" and any(u.norm in words for u in tokens[k + 1:k + 3])
                   for k, t in enumerate(tokens))

    def _names_an_offer(self, c: Candidate) -> bool:
        """استعداد الهيئة لنقل الخبرات: a readiness is an offer of aid when what it offers follows."""
        objects = offer_objects()
        end = min(c.last + OFFER_REACH, self.doc.sentences[c.sentence].last_token)
        return any(t.stem in objects or t.bare in objects for t in self.doc.tokens[c.last:end])

    def _possessed_masdar(self, c: Candidate) -> bool:
        """رفضه للتدخلات، إدانتهما بقتل: a verbal noun with a possessor, followed by its preposition,
        tells a stance or a fact, not an act of rejecting or accusing."""
        if c.type not in MASDAR_PRONE or not c.is_verb or c.last >= len(self.doc.tokens):
            return False
        following = self.doc.tokens[c.last]
        return bool(self.doc.tokens[c.last - 1].suffixes) and any(
            p.form in MASDAR_PREPOSITIONS for p in following.prefixes)

    def _agreeing_with_an_opinion(self, c: Candidate) -> bool:
        """اتفقنا أن السبيل ...: sharing a view, not reaching an agreement."""
        if c.type != "AGREE" or c.entry.agreement != "agreed" or c.last >= len(self.doc.tokens):
            return False
        return self.doc.tokens[c.last].norm in opinion_markers()

    def _assign_dates(self, candidates: list[Candidate]) -> None:
        """Each date expression belongs to the nearest trigger of its sentence, if it is near enough."""
        by_sentence: dict[int, list[Candidate]] = {}
        for c in candidates:
            by_sentence.setdefault(c.sentence, []).append(c)
        for sentence, dates in self.dates_by_sentence.items():
            in_sentence = by_sentence.get(sentence)
            if not in_sentence:
                continue
            for date in dates:
                def gap(c: Candidate) -> int:
                    return min(abs(date["start"] - c.end), abs(c.start - date["stop"]))
                nearest = min(in_sentence, key=gap)
                if nearest.date is None and gap(nearest) <= DATE_REACH:
                    nearest.date = date
                    nearest.date_key = _date_key(date, self.doc.text)

    # -- status ---------------------------------------------------------------------------
    def _set_status(self, c: Candidate, previous: Candidate | None) -> None:
        tokens = self.doc.tokens
        marks = self.status_marks.get(c.sentence, [])
        negation = [m for m in marks if m.payload == "negated"]
        near_negation = _nearest(negation, c.first, c.last, NEGATION_WINDOW, 0)
        if near_negation is not None:
            c.status, c.status_source = "negated", "negation"
        elif c.entry.status:
            c.status, c.status_source = c.entry.status, "hint"
        elif any(p.form == FUTURE_PREFIX for p in tokens[c.first].prefixes):
            c.status, c.status_source = "planned", "tense"
        elif c.entry.form == "past":
            c.status, c.status_source = "occurred", "tense"
        elif c.entry.form == "present":
            planned = c.type in FUTURE_BY_PRESENT
            c.status, c.status_source = ("planned" if planned else "occurred"), "tense"
        else:
            self._status_of_noun(c, previous, [m for m in marks if m.payload != "negated"])

    def _status_of_noun(self, c: Candidate, previous: Candidate | None, marks: list[Match]) -> None:
        nearest = _nearest(marks, c.first, c.last, STATUS_WINDOW, STATUS_WINDOW)
        future_verb = self._future_verb_before(c)
        if future_verb:
            c.status, c.status_source = "planned", "tense"
        elif nearest is not None and nearest[1] <= NEAR_WINDOW:
            c.status, c.status_source = nearest[0].payload, "marker"
        elif previous is not None and previous.status != "negated":
            c.status, c.status_source = previous.status, "inherited"
        elif nearest is not None:
            c.status, c.status_source = nearest[0].payload, "marker"
        elif c.date is not None and c.date.get("relation") in ("past", "future"):
            c.status = "occurred" if c.date["relation"] == "past" else "planned"
            c.status_source = "date"

    def _future_verb_before(self, c: Candidate) -> bool:
        """A verb with the future prefix just before a noun trigger: سيجريان مباحثات."""
        lo = max(self.doc.sentences[c.sentence].first_token, c.first - NEAR_WINDOW)
        return any(
            any(p.form == FUTURE_PREFIX for p in t.prefixes) for t in self.doc.tokens[lo:c.first]
        )

    # -- mode and instrument --------------------------------------------------------------
    def _set_mode(self, c: Candidate) -> None:
        if c.type != "CONSULT":
            return
        cues = self.mode_marks.get(c.sentence, [])
        # a letter or cable is the interaction itself; near another trigger it is a second interaction
        explicit = [m for m in cues if m.payload not in ("in_person", "written")]
        written = _nearest([m for m in cues if m.payload == "written"], c.first, c.last, 1, 1, overlap=True)
        if written is not None:
            explicit.append(written[0])
        nearest = _nearest(explicit, c.first, c.last, MODE_WINDOW, MODE_WINDOW, overlap=True)
        if c.entry.mode and c.entry.mode != "in_person":
            c.mode, c.mode_explicit = c.entry.mode, True
        elif nearest is not None:
            c.mode, c.mode_explicit = nearest[0].payload, True
        else:
            c.mode = c.entry.mode or "in_person"
            c.mode_explicit = c.entry.mode is not None

    def _set_instrument(self, c: Candidate) -> None:
        if c.type != "AGREE":
            return
        if c.entry.instrument:
            c.instrument = c.entry.instrument
            return
        marks = self.instrument_marks.get(c.sentence, [])
        if c.entry.form == "participle":  # الاتفاقية الموقعة: the participle qualifies the instrument before it
            before = _nearest(marks, c.first, c.last, PARTICIPLE_INSTRUMENT, 0)
            c.instrument = before[0].payload if before else None
            return
        after = [m for m in marks if m.first >= c.last and m.first - c.last <= INSTRUMENT_AFTER]
        if after:
            c.instrument = min(after, key=lambda m: m.first).payload
            return
        before = _nearest(marks, c.first, c.last, INSTRUMENT_BEFORE, 0)
        if before is not None:
            c.instrument = before[0].payload
