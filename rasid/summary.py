"""A readable summary of a record: persons with titles and countries, organizations, events."""
from __future__ import annotations

from typing import Any


def _entity_names(record: dict[str, Any]) -> dict[str, str]:
    return {e["id"]: e["name"] for e in record["entities"]}


def _person_line(person: dict[str, Any]) -> str:
    parts = [person["name"]]
    if person.get("honorific"):
        parts.insert(0, f"({person['honorific']})")
    titles = "؛ ".join(dict.fromkeys(r["title"] for r in person.get("roles", [])))
    line = " ".join(parts)
    if titles:
        line += f" — {titles}"
    if person.get("country"):
        line += f" [{person['country']}]"
    return line


def _event_line(event: dict[str, Any], names: dict[str, str]) -> str:
    head = " ".join(x for x in (event["type"], event["mode"], event["status"]) if x)
    countries = "–".join(event["countries"])
    line = f"{head} {countries}".rstrip()
    who = "، ".join(names[p["entity"]] for p in event["participants"] if p["entity"] in names)
    if who:
        line += f" | {who}"
    if event.get("agreement"):
        line += f" | agreement: {event['agreement']['instrument']} ({event['agreement']['status']})"
    if event["sectors"]:
        line += f" | {', '.join(event['sectors'])}"
    line += f" | «{event['trigger']['text']}»"
    return line


def _header_lines(record: dict[str, Any]) -> list[str]:
    """Publication and the credits found in the text (dateline, byline), one line each."""
    lines = []
    if record.get("published") or record.get("source"):
        lines.append("published: " + " ".join(x for x in (record.get("published"), record.get("source")) if x))
    for kind in ("dateline", "byline"):
        spans = [m for m in record.get("metadata", []) if m["kind"] == kind]
        if spans:
            lines.append(f"{kind}: " + " | ".join(record["text"][m["start"]:m["end"]] for m in spans))
    return lines


def summarize(record: dict[str, Any]) -> str:
    names = _entity_names(record)
    by_type: dict[str, list[dict[str, Any]]] = {}
    for entity in record["entities"]:
        by_type.setdefault(entity["type"], []).append(entity)
    lines = [f"== {record.get('file') or record['id']}  [{record['id']}]"]
    if record.get("title"):
        lines.append(f"title: {record['title']}")
    lines.extend(_header_lines(record))
    sections = (
        ("Persons", [_person_line(p) for p in by_type.get("PERSON", [])]),
        ("Organizations", [
            o["name"] + (f" [{o['country']}]" if o.get("country") else "") for o in by_type.get("ORG", [])
        ]),
        ("Countries", [f"{c['country']} {c['name']}" for c in by_type.get("COUNTRY", [])]),
        ("Locations", [loc["name"] for loc in by_type.get("LOCATION", [])]),
        ("Events", [_event_line(e, names) for e in record["events"]]),
        ("Statements", [
            f"{names.get(s['speaker'], '?')} {s['cue']}: {record['text'][s['start']:s['end']][:80]}"
            for s in record["statements"]
        ]),
    )
    for heading, items in sections:
        lines.append(f"{heading} ({len(items)}):")
        lines.extend(f"  - {item}" for item in items)
    agreements = [e["agreement"] for e in record["events"] if e.get("agreement")]
    if agreements:
        lines.append("Agreements: " + ", ".join(f"{a['instrument']} ({a['status']})" for a in agreements))
    lines.append("Sectors: " + (", ".join(record["sectors"]) or "-"))
    return "\n".join(lines)
