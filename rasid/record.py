"""Serialization: a processed Doc to the output record of EXTRACTION.md (the contract)."""
from __future__ import annotations

from typing import Any

from rasid import __version__
from rasid.doc import Doc, Entity, Event, Mention


def _span(m: Mention) -> dict[str, Any]:
    return {"start": m.start, "end": m.end, "text": m.text}


def assign_ids(doc: Doc) -> None:
    """Entity and event ids are stable within a record: ordered by first offset."""
    type_order = {"PERSON": 0, "ORG": 1, "COUNTRY": 2, "LOCATION": 3}
    entities = sorted(doc.entities, key=lambda e: (e.first_offset, type_order.get(e.type, 9), e.name))
    for number, entity in enumerate(entities, start=1):
        entity.id = f"e{number}"
    doc.entities = entities
    events = sorted(doc.events, key=lambda v: (v.trigger.start, v.type))
    for number, event in enumerate(events, start=1):
        event.id = f"v{number}"
    doc.events = events


def _entity(entity: Entity) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": entity.id,
        "type": entity.type,
        "name": entity.name,
        "honorific": entity.honorific,
        "country": entity.country,
        "aliases": list(entity.aliases),
        "mentions": [_span(m) for m in sorted(entity.mentions, key=lambda m: m.start)],
    }
    if entity.type == "PERSON":
        record["roles"] = [
            {
                "title": role.title,
                "organization": role.organization.id if role.organization else None,
                "country": role.country,
                "start": role.start,
                "end": role.end,
            }
            for role in entity.roles
        ]
    return record


def _event(event: Event) -> dict[str, Any]:
    return {
        "id": event.id,
        "type": event.type,
        "mode": event.mode,
        "status": event.status,
        "countries": list(event.countries),
        "participants": [{"entity": p.entity.id, "role": p.role} for p in event.participants],
        "agreement": dict(event.agreement) if event.agreement else None,
        "sectors": list(event.sectors),
        "date": event.date,
        "location": event.location,
        "trigger": _span(event.trigger),
        "evidence": [{"start": s, "end": e} for s, e in event.evidence],
    }


def to_record(doc: Doc) -> dict[str, Any]:
    assign_ids(doc)
    article = doc.article
    return {
        "id": article.id,
        "title": article.title,
        "published": doc.published,
        "source": article.source,
        "file": article.file,
        "text": doc.text,
        "entities": [_entity(e) for e in doc.entities],
        "events": [_event(v) for v in doc.events],
        "statements": [
            {"speaker": s.speaker.id, "cue": s.cue.text, "cue_start": s.cue.start, "cue_end": s.cue.end,
             "start": s.start, "end": s.end}
            for s in sorted(doc.statements, key=lambda s: s.start)
        ],
        "sectors": list(doc.sectors),
        "metadata": [{"kind": k, "start": s, "end": e} for k, s, e in doc.metadata],
        "rasid_version": __version__,
    }
