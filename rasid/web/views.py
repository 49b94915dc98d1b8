"""What the templates show, shaped from records and query results (no database access here)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

SAFE_URL_SCHEMES = ("http", "https")


def safe_url(url: str | None) -> str | None:
    """The URL when it is an http(s) address, else None (no javascript:, data: ... links)."""
    if not url or not isinstance(url, str):
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in SAFE_URL_SCHEMES and parts.netloc else None


@dataclass
class EntityView:
    local_id: str
    type: str
    name: str
    honorific: str | None
    country: str | None
    registry: int | None  # registry entity id
    first_anchor: str | None  # the anchor of its first highlighted mention
    mentions: int
    aliases: list[str]
    titles: list[dict[str, Any]] = field(default_factory=list)  # {title, country, organization, anchor}


@dataclass
class EventView:
    local_id: str
    type: str
    mode: str | None
    status: str | None
    countries: list[str]
    participants: list[dict[str, Any]]  # {name, role, registry, anchor}
    agreement: dict[str, Any] | None
    sectors: list[str]
    date: Any
    location: Any
    trigger_anchor: str | None
    trigger_text: str | None
    evidence_anchors: list[str]
    story_event: int | None


def _text_of(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("value", value.get("text", value.get("name")))
    return value if isinstance(value, str) else None


def article_view(record: dict[str, Any], entity_links: dict[str, int], event_links: dict[str, int],
                 anchors: set[str]) -> dict[str, Any]:
    """The side panel of an article: entities by type, events, statements, each fact with the
    anchor of its words in the text (None when the record gives no valid span)."""
    def anchor(name: str) -> str | None:
        return name if name in anchors else None

    by_id: dict[str, EntityView] = {}
    for entity in record.get("entities") or []:
        eid = str(entity.get("id"))
        view = EntityView(eid, entity.get("type", ""), entity.get("name") or "", entity.get("honorific"),
                          entity.get("country"), entity_links.get(eid), anchor(f"m-{eid}-0"),
                          len(entity.get("mentions") or []), list(entity.get("aliases") or []))
        for i, role in enumerate(entity.get("roles") or []):
            organization = role.get("organization")
            view.titles.append({"title": role.get("title") or "", "country": role.get("country"),
                                "organization": organization, "anchor": anchor(f"r-{eid}-{i}")})
        by_id[eid] = view
    for view in by_id.values():
        for title in view.titles:
            org = by_id.get(title["organization"]) if isinstance(title["organization"], str) else None
            title["organization"] = org
    event_views = []
    for event in record.get("events") or []:
        vid = str(event.get("id"))
        participants = []
        for participant in event.get("participants") or []:
            known = by_id.get(str(participant.get("entity")))
            participants.append({"name": known.name if known else str(participant.get("entity")),
                                 "role": participant.get("role") or "", "registry": known.registry if known else None,
                                 "anchor": known.first_anchor if known else None,
                                 "type": known.type if known else None})
        trigger = event.get("trigger") or {}
        event_views.append(EventView(
            vid, event.get("type", ""), event.get("mode"), event.get("status"), list(event.get("countries") or []),
            participants, event.get("agreement"), list(event.get("sectors") or []), _text_of(event.get("date")),
            _text_of(event.get("location")), anchor(f"t-{vid}"), trigger.get("text"),
            [a for i in range(len(event.get("evidence") or [])) if (a := anchor(f"ev-{vid}-{i}"))],
            event_links.get(vid)))
    statements = []
    for i, statement in enumerate(record.get("statements") or []):
        speaker = by_id.get(str(statement.get("speaker")))
        statements.append({"speaker": speaker, "cue": statement.get("cue") or "", "anchor": anchor(f"s-{i}")})
    grouped: dict[str, list[EntityView]] = {"PERSON": [], "ORG": [], "COUNTRY": [], "LOCATION": []}
    for view in by_id.values():
        grouped.setdefault(view.type, []).append(view)
    return {"entities": grouped, "events": event_views, "statements": statements}


def event_row(event: dict[str, Any]) -> dict[str, Any]:
    """A story event of rasid.search.events.describe as one flat export row."""
    agreement = event.get("agreement") or {}
    return {
        "event": event["id"], "day": event.get("day"), "type": event["type"], "mode": event.get("mode"),
        "status": event.get("status"), "countries": list(event.get("countries") or []),
        "participants": [p["name"] for p in event.get("participants") or []],
        "participant_ids": [p["entity"] for p in event.get("participants") or []],
        "instrument": agreement.get("instrument"), "agreement_status": agreement.get("status"),
        "sectors": list(event.get("sectors") or []), "date": event.get("date"), "location": event.get("location"),
        "articles": list(event.get("articles") or []),
    }


def timeline(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events grouped by month (YYYY-MM, '' when undated), in the order given."""
    groups: list[dict[str, Any]] = []
    for event in events:
        month = (event.get("day") or "")[:7]
        if not groups or groups[-1]["month"] != month:
            groups.append({"month": month, "events": []})
        groups[-1]["events"].append(event)
    return groups
