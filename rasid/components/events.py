"""The events component: PLOVER events with mode, status, parties and agreements (rasid.events)."""
from __future__ import annotations

from rasid.components import component
from rasid.doc import Doc
from rasid.events import extract_events


@component("events")
def events(doc: Doc, settings) -> Doc:
    doc.events = extract_events(doc)
    return doc
