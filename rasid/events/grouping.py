"""One event per interaction: candidates that tell the same interaction are merged.

A candidate joins an earlier event of its type when nothing sets it apart:
the same status, no date of its own that differs, and either the same
sentence, an anaphoric trigger (الاجتماع، اللقاء، خلال الزيارة), or no
state outside the event's states and, from two sentences on, no new
counterpart (the person or body met, visited or talked with, named right
after the trigger). An offer of aid
joins only an event with the same actor: each body's offer is its own event.
Events that end with fewer than two states take them from the nearest event
told close to them that contains theirs (the interaction the sentence belongs
to). Events of one state alone (not with an international body) are domestic,
out of scope, and dropped; so are events whose named parties are all private (clubs and
teams, players and artists: a football team's trip abroad).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rasid.doc import Doc, Entity, Event, Participant
from rasid.events.candidate import JOINT_TYPES, Candidate
from rasid.events.lexicon import private_org_heads, topic_shift_matcher
from rasid.persons.countries import holds_office
from rasid.text.normalize import normalize_str

ACTOR_GROUPED = frozenset({"AID"})  # one event per acting body
SHARE_DISTANCE = 2  # sentences within which an event lends its states to one that lacks them
WRITTEN = "written"
COUNTERPART_DISTANCE = 2  # sentences after an event from which a new counterpart means a new interaction
DEFAULT_INSTRUMENT = "other"
DATE_FIELDS = ("value", "end", "granularity", "start", "stop")  # the record's date object


@dataclass
class Group:
    candidates: list[Candidate] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    participants: list[Entity] = field(default_factory=list)

    @property
    def head(self) -> Candidate:
        return self.candidates[0]

    @property
    def last(self) -> Candidate:
        return self.candidates[-1]

    @property
    def type(self) -> str:
        return self.head.type

    @property
    def status(self) -> str:
        return self.head.status

    @property
    def date(self) -> dict[str, Any] | None:
        return next((c.date for c in self.candidates if c.date and c.date.get("value")), None)

    @property
    def date_key(self) -> str | None:
        return next((c.date_key for c in self.candidates if c.date_key), None)

    @property
    def instrument(self) -> str | None:
        return next((c.instrument for c in self.candidates if c.instrument), None)

    def add(self, c: Candidate, anaphoric: bool = False) -> None:
        """Add a mention; one that only refers back adds its participants, not its states."""
        self.candidates.append(c)
        for code in () if anaphoric and self.countries else c.parties.countries:
            if code not in self.countries:
                self.countries.append(code)
        for entity in c.parties.participants:
            if all(entity is not p for p in self.participants):
                self.participants.append(entity)


def is_anaphoric(c: Candidate, doc: Doc) -> bool:
    """A definite or possessed noun trigger refers back to an interaction already told."""
    if c.is_verb:
        return False
    return any(t.has_article or t.word_suffixes for t in doc.tokens[c.first:c.last])


def _dates_differ(c: Candidate, g: Group) -> bool:
    """A candidate with a date of its own tells another interaction than an event without it."""
    return c.date_key is not None and c.date_key != g.date_key


def _modes_differ(c: Candidate, g: Group) -> bool:
    """A letter and a meeting are two interactions, even when one sentence tells both."""
    if c.type != "CONSULT":
        return False
    written = c.mode_explicit and c.mode == WRITTEN
    return written != any(x.mode_explicit and x.mode == WRITTEN for x in g.candidates)


def _joins(c: Candidate, g: Group, doc: Doc) -> bool:
    if c.type in ACTOR_GROUPED:
        if c.actor is not None and g.head.actor is not None:
            return c.actor is g.head.actor
        return c.sentence == g.last.sentence
    if c.type not in JOINT_TYPES and c.actor is not None and g.head.actor is not None \
            and c.actor is not g.head.actor and (c.is_verb or c.sentence != g.last.sentence):
        return False  # praise, requests, accusations ... by different actors are different acts
    if c.type not in JOINT_TYPES and c.unnamed_subject and c.sentence != g.last.sentence:
        return False  # ثمن الضيف البلجيكي ...: someone we cannot name acts anew
    if c.status != g.status or _dates_differ(c, g) or _modes_differ(c, g):
        return False
    if c.instrument and g.instrument and c.instrument != g.instrument:
        return False
    if c.sentence == g.last.sentence:
        actor, head_actor = c.actor, g.last.actor
        return not (c.is_verb and actor is not None and head_actor is not None and actor is not head_actor)
    if c.entry.agreement != g.head.entry.agreement:
        return False  # agreeing on a deal and signing one are two acts, told apart across sentences
    if is_anaphoric(c, doc):
        return True
    if any(code not in g.countries for code in c.parties.countries):
        return False
    if c.entry.weak or c.sentence - g.last.sentence < COUNTERPART_DISTANCE:
        return True
    return all(any(p is q for q in g.participants) for p in c.parties.counterparts)


def group_candidates(candidates: list[Candidate], doc: Doc) -> list[Group]:
    groups: list[Group] = []
    for c in candidates:
        if c.status == "negated":
            continue
        joinable = [g for g in reversed(groups) if g.type == c.type and _joins(c, g, doc)]
        if c.purpose:  # لبحث، ليصل: the aim of another act joins it or is nothing
            joinable = [g for g in joinable if g.last.sentence == c.sentence]
            if not joinable:
                continue
        # an undated mention refers back to an undated event before a dated one (the earlier meeting)
        target = next((g for g in joinable if g.date_key == c.date_key), joinable[0] if joinable else None)
        if target is None:
            target = Group()
            groups.append(target)
        target.add(c, anaphoric=bool(target.candidates) and is_anaphoric(c, doc))
    _share_countries(groups, _topic_segments(doc))
    return [g for g in groups if _between_states(g) and not _private(g)]


def _topic_segments(doc: Doc) -> list[int]:
    """For each sentence, the number of topic shifts ("من جهة أخرى") at or before its start."""
    matcher = topic_shift_matcher()
    shifts = [False] * len(doc.sentences)
    seen: set[int] = set()
    for k, token in enumerate(doc.tokens):
        if token.kind == "word" and token.meta is None and token.sentence not in seen:
            seen.add(token.sentence)
            if 0 <= token.sentence < len(shifts) and matcher.match_at(doc.tokens, k) is not None:
                shifts[token.sentence] = True
    segments, count = [], 0
    for shift in shifts:
        count += shift
        segments.append(count)
    return segments


def _between_states(g: Group) -> bool:
    """In scope: an interaction of two states or more, or of one state with an international body."""
    if len(g.countries) >= 2:
        return True
    return bool(g.countries) and any(p.type == "ORG" and p.country is None for p in g.participants)


def _private(g: Group) -> bool:
    """Every named party acts for no state: a club or team, a person whose roles are occupations only
    (اللاعب، الفنان; a person with no role at all is left in, as its title may have been missed)."""
    return bool(g.participants) and all(_private_party(p) for p in g.participants)


def _private_party(entity: Entity) -> bool:
    if entity.type == "PERSON":
        return bool(entity.roles) and not entity.honorific and not holds_office(entity)
    if entity.type == "ORG":
        words = normalize_str(entity.name).split()
        return bool(words) and words[0].removeprefix("ال") in private_org_heads()
    return False


def _distance(a: Group, b: Group) -> int:
    return min(abs(x.sentence - y.sentence) for x in a.candidates for y in b.candidates)


def _share_countries(groups: list[Group], segments: list[int]) -> None:
    """An event with fewer than two states takes those of the nearest event told close to it
    that contains them (an offer made during the talks is between the talks' states), not across
    a topic shift ("من جهة أخرى")."""
    for number, g in enumerate(groups):
        if len(g.countries) >= 2:
            continue
        topics = {segments[c.sentence] for c in g.candidates if 0 <= c.sentence < len(segments)}
        donors = [other for k, other in enumerate(groups) if k != number and len(other.countries) >= 2
                  and all(code in other.countries for code in g.countries)
                  and _distance(g, other) <= SHARE_DISTANCE
                  and any(segments[c.sentence] in topics for c in other.candidates if 0 <= c.sentence < len(segments))]
        if donors:
            g.countries = list(min(donors, key=lambda other: _distance(g, other)).countries)


def to_event(g: Group, doc: Doc) -> Event:
    head = g.head
    event = Event(type=g.type, trigger=doc.mention(head.start, head.end), status=g.status)
    if g.type == "CONSULT":
        explicit = next((c.mode for c in g.candidates if c.mode_explicit and c.mode != "in_person"), None)
        event.mode = explicit or head.mode
    event.countries = list(g.countries)
    actor = next((c.actor for c in g.candidates if c.actor is not None), None)
    event.participants = [
        Participant(entity, "actor" if entity is actor else "participant") for entity in g.participants
    ]
    if g.type == "AGREE":
        event.agreement = {"instrument": g.instrument or DEFAULT_INSTRUMENT, "status": _agreement_status(g)}
    event.date = {key: g.date[key] for key in DATE_FIELDS if key in g.date} if g.date else None
    event.location = next((c.parties.location for c in g.candidates if c.parties.location), None)
    sentences = sorted({c.sentence for c in g.candidates})
    event.evidence = [(doc.sentences[s].start, doc.sentences[s].end) for s in sentences]
    return event


def _agreement_status(g: Group) -> str:
    if g.status == "proposed":
        return "proposed"
    return g.head.entry.agreement or "agreed"
