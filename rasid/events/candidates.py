"""Finding event candidates: trigger matches in story text, their parties,
status, mode, instrument and date (rasid.events.candidate, rasid.events.readings)."""
from __future__ import annotations

from typing import Any, Iterable

from rasid.doc import Doc
from rasid.events.candidate import JOINT_TYPES, Candidate
from rasid.events.context import DocIndex
from rasid.events.lexicon import instrument_matcher, mode_matcher, status_matcher, trigger_matcher
from rasid.events.parties import find_parties
from rasid.events.readings import (
    agrees_with_an_opinion, arrival_of_a_conveyance, has_unnamed_subject, is_counted_noun, is_possessed_masdar,
    is_prayer, names_a_sum, names_an_offer, offers_absorb_cooperation, receives_no_guest, signing_without_instrument,
    tokens_in_names, without_invited_visits,
)
from rasid.lang.matcher import Match, PhraseMatcher
from rasid.text.normalize import normalize_str

FUTURE_PREFIX = "س"
STATUS_WINDOW = 6  # tokens either side of a trigger where status markers count
NEAR_WINDOW = 3  # a marker this close to a noun trigger is its own; farther ones yield to the verb before it
NEGATION_WINDOW = 3
MODE_WINDOW = 12
INSTRUMENT_AFTER = 12
INSTRUMENT_BEFORE = 6
# Types whose present tense announces a future interaction (يلتقي، يوقع، يزور); for the
# others the present tense reports an ongoing stance (يدين، يطالب) that has occurred.
FUTURE_BY_PRESENT = frozenset({"CONSULT", "AGREE", "COOPERATE", "AID"})
DATE_REACH = 80  # characters between a trigger and a date that belongs to it
PARTICIPLE_INSTRUMENT = 3  # a participle (الموقعة) follows its instrument this closely


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


def find_in_sentences(matcher: PhraseMatcher, doc: Doc, sentences: Iterable[int]) -> dict[int, list[Match]]:
    """Matches of a lexicon in some sentences only, grouped by sentence (token indices are the doc's)."""
    found: dict[int, list[Match]] = {}
    for number in sorted(sentences):
        sentence = doc.sentences[number]
        matches = matcher.find(doc.tokens, first=sentence.first_token, last=sentence.last_token)
        if matches:
            found[number] = matches
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
        in_names = tokens_in_names(self.index)
        for match in trigger_matcher().find(self.doc.tokens):
            sentence = self.doc.tokens[match.first].sentence
            if sentence not in self.index.story_sentences or match.first in in_names:
                continue
            candidate = Candidate(match.payload, match.first, match.last, match.start, match.end, sentence)
            candidate.proclitic = self.doc.tokens[match.first].proclitic
            candidate.definite = self.doc.tokens[match.first].has_article
            candidate.parties = find_parties(self.index, candidate.sentence, candidate.first, candidate.last,
                                             candidate.is_verb, candidate.type in JOINT_TYPES)
            candidate.unnamed_subject = has_unnamed_subject(self.doc, candidate)
            if candidate.entry.weak and (candidate.actor is None or arrival_of_a_conveyance(self.doc, candidate)):
                continue
            if is_prayer(self.doc, candidate) or is_counted_noun(self.doc, candidate) \
                    or receives_no_guest(self.doc, candidate):
                continue
            if candidate.entry.offer and not names_an_offer(self.doc, candidate):
                continue
            if candidate.entry.money and not names_a_sum(self.doc, candidate):
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
                      if not signing_without_instrument(c) and not agrees_with_an_opinion(self.doc, c)
                      and not is_possessed_masdar(self.doc, c)]
        candidates = without_invited_visits(candidates)
        return offers_absorb_cooperation(candidates)

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
        elif any(p.form == FUTURE_PREFIX for p in tokens[c.first].word_prefixes):
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
            any(p.form == FUTURE_PREFIX for p in t.word_prefixes) for t in self.doc.tokens[lo:c.first]
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
