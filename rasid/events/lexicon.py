"""The event lexicons (rasid/lang/data), loaded once into phrase matchers.

Rows list their surface forms separated by ``|``; every form is a phrase of
the matcher, compared on token stems (clitics split off).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from rasid.lang import LanguageDataError, load_list, load_table
from rasid.lang.matcher import PhraseMatcher
from rasid.lang.vocabulary import is_known_word
from rasid.text.normalize import normalize_str
from rasid.text.tokenize import Token, tokenize

FORMS_SEPARATOR = "|"
TRIGGER_FORMS = ("past", "present", "noun", "participle")
STATUSES = ("planned", "proposed", "occurred", "negated")
MODES = ("in_person", "virtual", "phone", "written")
INSTRUMENTS = ("mou", "agreement", "protocol", "executive_program", "joint_statement", "contract", "other")
AGREEMENT_STATUSES = ("proposed", "agreed", "signed", "ratified")
FLAGS = ("weak", "offer", "money")  # hints without a value
EVENT_TYPES = (
    "CONSULT", "AGREE", "COOPERATE", "AID", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN",
    "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "CONCEDE", "RETREAT",
)


@dataclass(frozen=True)
class TriggerEntry:
    """One row of event_triggers.tsv: the type, the grammatical form and the hints."""

    type: str
    form: str
    mode: str | None = None
    status: str | None = None
    agreement: str | None = None
    instrument: str | None = None
    weak: bool = False
    offer: bool = False
    money: bool = False
    phrase: str = field(default="", compare=False)


def forms(cell: str) -> list[str]:
    return [f.strip() for f in cell.split(FORMS_SEPARATOR) if f.strip()]


def _check(value: str, allowed: tuple[str, ...], what: str, name: str) -> str:
    if value not in allowed:
        raise LanguageDataError(f"{name}: unknown {what} {value!r}; expected one of {allowed}")
    return value


def _trigger_entry(event_type: str, form: str, hints: str, phrase: str) -> TriggerEntry:
    name = "event_triggers.tsv"
    values: dict[str, str] = {}
    flags: set[str] = set()
    for hint in filter(None, (h.strip() for h in hints.split(","))):
        if hint in FLAGS:
            flags.add(hint)
            continue
        key, _, value = hint.partition("=")
        if key not in ("mode", "status", "agreement", "instrument"):
            raise LanguageDataError(f"{name}: unknown hint {hint!r}")
        values[key] = value
    if "mode" in values:
        _check(values["mode"], MODES, "mode", name)
    if "status" in values:
        _check(values["status"], STATUSES, "status", name)
    if "agreement" in values:
        _check(values["agreement"], AGREEMENT_STATUSES, "agreement status", name)
    if "instrument" in values:
        _check(values["instrument"], INSTRUMENTS, "instrument", name)
    return TriggerEntry(
        type=_check(event_type, EVENT_TYPES, "event type", name),
        form=_check(form, TRIGGER_FORMS, "trigger form", name),
        mode=values.get("mode"), status=values.get("status"), agreement=values.get("agreement"),
        instrument=values.get("instrument"),
        weak="weak" in flags, offer="offer" in flags, money="money" in flags, phrase=phrase,
    )


@lru_cache(maxsize=1)
def trigger_matcher() -> PhraseMatcher[TriggerEntry]:
    matcher: PhraseMatcher[TriggerEntry] = PhraseMatcher()
    for cell, event_type, form, hints in load_table("event_triggers.tsv", 4):
        for phrase in forms(cell):
            matcher.add(phrase, _trigger_entry(event_type, form, hints, phrase))
    return matcher


def _table_matcher(name: str, allowed: tuple[str, ...], what: str) -> PhraseMatcher[str]:
    matcher: PhraseMatcher[str] = PhraseMatcher()
    for cell, value in load_table(name, 2):
        _check(value, allowed, what, name)
        for phrase in forms(cell):
            matcher.add(phrase, value)
    return matcher


@lru_cache(maxsize=1)
def status_matcher() -> PhraseMatcher[str]:
    return _table_matcher("event_status_markers.tsv", STATUSES, "status")


@lru_cache(maxsize=1)
def mode_matcher() -> PhraseMatcher[str]:
    return _table_matcher("event_mode_cues.tsv", MODES, "mode")


@lru_cache(maxsize=1)
def instrument_matcher() -> PhraseMatcher[str]:
    return _table_matcher("agreement_instruments.tsv", INSTRUMENTS, "instrument")


@lru_cache(maxsize=1)
def topic_markers() -> dict[str, tuple[str, ...]]:
    """The words that open an event's topic (event_topic_markers.txt): stem -> the proclitics that
    one of its entries requires ('' when the bare word is a marker)."""
    markers: dict[str, set[str]] = {}
    for word in load_list("event_topic_markers.txt"):
        for token in tokenize(word, is_known_word):
            markers.setdefault(token.stem, set()).add(token.proclitic)
    return {stem: tuple(sorted(required)) for stem, required in markers.items()}


@lru_cache(maxsize=None)
def normalized_words(name: str) -> frozenset[str]:
    """A word list, normalized: event_venue_markers.txt (words before a venue or an envoy's post),
    event_object_prepositions.txt (before a name that is no subject), agreement_opinion_markers.txt
    (after an "agree" verb that then shares a view), aid_money_words.txt (a sum of money)."""
    return frozenset(normalize_str(word) for word in load_list(name))


@lru_cache(maxsize=1)
def offer_objects() -> frozenset[str]:
    """Stems of what an offer of aid names after it (aid_offer_objects.txt)."""
    return frozenset(t.stem for word in load_list("aid_offer_objects.txt") for t in tokenize(word, is_known_word))


def money_words() -> frozenset[str]:
    return normalized_words("aid_money_words.txt")


def venue_markers() -> frozenset[str]:
    return normalized_words("event_venue_markers.txt")


def object_prepositions() -> frozenset[str]:
    return normalized_words("event_object_prepositions.txt")


def locative_prepositions() -> frozenset[str]:
    return normalized_words("locative_prepositions.txt")


def prayer_objects() -> frozenset[str]:
    """Words after a verb of asking that make it a prayer (event_prayer_objects.txt: الله، المولى)."""
    return normalized_words("event_prayer_objects.txt")


def non_guests() -> frozenset[str]:
    """Objects of receiving that are no guests (event_non_guests.txt: طلبات، مراجعين) and conveyances."""
    return normalized_words("event_non_guests.txt") | conveyances()


def conveyances() -> frozenset[str]:
    """Conveyances and cargo (event_conveyances.txt): an arrival of one is a delivery, not a visit."""
    return normalized_words("event_conveyances.txt")


def opinion_markers() -> frozenset[str]:
    return normalized_words("agreement_opinion_markers.txt")


def is_topic_marker(token: Token) -> bool:
    required = topic_markers().get(token.stem)
    return required is not None and any(r in token.proclitic for r in required)


@lru_cache(maxsize=1)
def private_org_heads() -> frozenset[str]:
    """Heads of bodies that act for no state (نادي، فريق، منتخب), normalized, without the article."""
    return frozenset(normalize_str(w) for w in load_list("event_private_org_heads.txt"))


@lru_cache(maxsize=1)
def topic_shift_matcher() -> PhraseMatcher[str]:
    """The phrases that open a sentence on another matter (event_topic_shifts.txt)."""
    return PhraseMatcher((phrase, phrase) for phrase in load_list("event_topic_shifts.txt"))
