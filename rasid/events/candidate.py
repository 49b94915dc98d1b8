"""One event candidate: a trigger match in story text with its local attributes.

A candidate is one mention of an interaction; grouping (rasid.events.grouping)
merges the candidates that tell the same interaction into one event.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rasid.doc import Entity
from rasid.events.lexicon import TriggerEntry
from rasid.events.parties import Parties

PURPOSE_PREFIX = "ل"
VERB_FORMS = frozenset({"past", "present"})
JOINT_TYPES = frozenset({"CONSULT", "AGREE", "COOPERATE"})  # acts of both sides; the others have one actor


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
