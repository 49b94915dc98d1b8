"""PLOVER events from Arabic triggers: candidates, parties, status, mode, agreements, grouping."""
from __future__ import annotations

from rasid.doc import Doc, Event
from rasid.events.candidates import CandidateFinder
from rasid.events.context import build_index
from rasid.events.grouping import group_candidates, to_event


def extract_events(doc: Doc) -> list[Event]:
    index = build_index(doc)
    candidates = CandidateFinder(doc, index).find()
    return [to_event(group, doc) for group in group_candidates(candidates, doc)]
