"""Who takes part in an event: persons, organizations and states of its sentence.

States named as the topic of the talks (الأوضاع في سوريا، الأزمة الليبية) are
left out: after a topic marker, a run of country mentions is topical. So are
venues (في روما) and an envoy's post (سفير ... لدى إيطاليا): they give the
event's location, not a party.
The actor of a verb trigger is the first person or organization after it
(Arabic verb-subject order) or, failing that, before it; the parties named after it
are looked for from the end of that actor's titles (its object comes after them); the actor of a noun
trigger is the subject of its sentence: the first person (or organization)
before it, or else the possessor named right after it (استعداد الهيئة ...).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from rasid.doc import Entity
from rasid.events.context import PARTY_TYPES, DocIndex, EntityMention, after_title
from rasid.events.lexicon import is_topic_marker, object_prepositions, venue_markers

TOPIC_REACH = 6  # tokens after a topic marker whose country mentions are topical
TOPIC_LIST_REACH = 3
VENUE_REACH = 2  # tokens after في / لدى where a place is the venue, not a party  # tokens after a topical country within which the next one continues the list
VERB_SUBJECT_REACH = 8  # tokens after a verb trigger where its subject is looked for
SUBJECT_BEFORE_REACH = 1  # tokens between a subject named before its verb and the verb
PARTY_REACH_BEFORE = 20  # tokens around the trigger where its parties are named (a long sentence
PARTY_REACH_AFTER = 25  # may tell of other acts further away)
GENITIVE_REACH = 1  # tokens after a noun trigger where its possessor (the actor) starts
COUNTERPART_REACH = 10  # tokens after a trigger where the person or body met is looked for
PLACE_TYPES = ("COUNTRY", "LOCATION")


@dataclass
class Parties:
    actor: Entity | None = None
    participants: list[Entity] = field(default_factory=list)
    counterparts: list[Entity] = field(default_factory=list)  # named right after the trigger, not its subject
    countries: list[str] = field(default_factory=list)
    location: str | None = None


def _topical_mentions(index: DocIndex, sentence: int, mentions: list[EntityMention]) -> tuple[set[int], set[int]]:
    """Positions in ``mentions`` of the places that name a topic, and of those that name a venue."""
    sent = index.doc.sentences[sentence]
    topic_until = venue_until = -1
    topical: set[int] = set()
    venues: set[int] = set()
    venue_words = venue_markers()
    by_first: dict[int, list[int]] = {}
    for number, m in enumerate(mentions):
        by_first.setdefault(m.first, []).append(number)
    for i in range(sent.first_token, sent.last_token):
        token = index.doc.tokens[i]
        if is_topic_marker(token):
            topic_until = i + TOPIC_REACH
        elif token.norm in venue_words:
            venue_until = i + VENUE_REACH
        for number in by_first.get(i, ()):
            m = mentions[number]
            if m.entity.type in PLACE_TYPES and i <= topic_until:
                topical.add(number)
                topic_until = max(topic_until, m.last + TOPIC_LIST_REACH)
            elif m.entity.type in PLACE_TYPES and i <= venue_until:
                venues.add(number)
                venue_until = max(venue_until, m.last + VENUE_REACH)
            elif m.entity.type == "PERSON":
                topic_until = venue_until = -1
    return topical, venues


def _governed(index: DocIndex, m: EntityMention) -> bool:
    """A name after a preposition (مع نظيره، بالعيسائي) is an object or a place, not a subject."""
    tokens = index.doc.tokens
    words = object_prepositions()
    if any(p.form in words for p in tokens[m.first].word_prefixes):
        return True
    return m.first > 0 and tokens[m.first - 1].norm in words


def _described_end(index: DocIndex, mentions: list[EntityMention], actor: Entity | None, last: int) -> int:
    """Where the actor named after a verb ends with its titles ("استقبل الأمير X ولي العهد ... وزير
    الداخلية"), so that the reach for the other parties starts there; ``last`` when it is not there."""
    m = next((m for m in mentions if m.entity is actor and last <= m.first <= last + VERB_SUBJECT_REACH), None)
    if m is None:
        return last
    end = after_title(m)
    tokens = index.doc.tokens
    k = m.last
    while k < len(tokens) and tokens[k].end <= end:
        k += 1
    return k


def _actor(index: DocIndex, mentions: list[EntityMention], first: int, last: int, is_verb: bool) -> Entity | None:
    parties = [m for m in mentions if m.entity.type in PARTY_TYPES]
    if is_verb:
        # a name right before the verb is its subject (ترامب يلغي ...); else the first one after it
        adjacent = [m for m in parties if first - SUBJECT_BEFORE_REACH <= m.last <= first]
        if adjacent:
            return adjacent[-1].entity
        after = [m for m in parties if last <= m.first <= last + VERB_SUBJECT_REACH and not _governed(index, m)]
        if after:
            return after[0].entity
    before = [m for m in parties if m.last <= first and not _governed(index, m)]
    persons = [m for m in before if m.entity.type == "PERSON"]
    if persons:
        return persons[0].entity
    if before:
        return before[0].entity
    # a noun whose possessor is named right after it: استعداد الهيئة القومية للبريد
    genitive = [m for m in parties if last <= m.first <= last + GENITIVE_REACH]
    return genitive[0].entity if genitive and not is_verb else None


def find_parties(index: DocIndex, sentence: int, first: int, last: int, is_verb: bool, joint: bool) -> Parties:
    """``joint``: an act of both sides (talks, agreements), whose venue is no party; the place named
    in a one-sided act (دعا الحكومة في بوروندي) is often its target and counts."""
    mentions = index.mentions_in(sentence)
    topical, venues = _topical_mentions(index, sentence, mentions)
    if not joint:
        venues = set()
    parties = Parties(actor=_actor(index, mentions, first, last, is_verb))
    parties.counterparts = [
        m.entity for m in mentions
        if m.entity.type in PARTY_TYPES and last <= m.first <= last + COUNTERPART_REACH
        and m.entity is not parties.actor
    ]
    seen: set[int] = set()
    if parties.actor is not None:  # the actor takes part, wherever the sentence names it
        seen.add(id(parties.actor))
        parties.participants.append(parties.actor)
        if parties.actor.country:
            parties.countries.append(parties.actor.country)
    lo = first - PARTY_REACH_BEFORE
    hi = (_described_end(index, mentions, parties.actor, last) if is_verb else last) + PARTY_REACH_AFTER
    for number, m in enumerate(mentions):
        entity = m.entity
        if number in topical or m.last < lo or m.first > hi:
            continue
        if number in venues:
            parties.location = parties.location or entity.name
            continue
        if entity.type in PARTY_TYPES and id(entity) not in seen:
            seen.add(id(entity))
            parties.participants.append(entity)
        if entity.type == "LOCATION" and parties.location is None:
            parties.location = entity.name
        code = entity.country
        if code and code not in parties.countries:
            parties.countries.append(code)
    return parties
