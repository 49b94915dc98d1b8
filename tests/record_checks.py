"""Reusable checks of an output record: the JSON schema and the span invariant.

    from tests.record_checks import assert_record_valid
    assert_record_valid(process(article))

Every span must slice its own text out of ``record["text"]``: mentions and
triggers carry their text; roles, evidence, statements, statement cues and
metadata carry offsets that must lie inside the text and not be empty.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any, Iterator

import jsonschema


@lru_cache(maxsize=1)
def record_validator() -> jsonschema.protocols.Validator:
    schema = json.loads(resources.files("rasid.schema").joinpath("record.schema.json").read_text("utf-8"))
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


def schema_errors(record: dict[str, Any]) -> list[str]:
    return [
        f"{'/'.join(map(str, error.absolute_path)) or '<record>'}: {error.message}"
        for error in record_validator().iter_errors(record)
    ]


def _spans_with_text(record: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    for entity in record["entities"]:
        for k, mention in enumerate(entity["mentions"]):
            yield f"entity {entity['id']} mention {k}", mention
    for event in record["events"]:
        yield f"event {event['id']} trigger", event["trigger"]


def _offset_spans(record: dict[str, Any]) -> Iterator[tuple[str, int, int]]:
    for entity in record["entities"]:
        for k, role in enumerate(entity.get("roles", [])):
            yield f"entity {entity['id']} role {k} ({role['title']})", role["start"], role["end"]
    for event in record["events"]:
        for k, evidence in enumerate(event["evidence"]):
            yield f"event {event['id']} evidence {k}", evidence["start"], evidence["end"]
        date = event.get("date") or {}
        if "start" in date and "stop" in date:
            yield f"event {event['id']} date", date["start"], date["stop"]
    for k, statement in enumerate(record["statements"]):
        yield f"statement {k}", statement["start"], statement["end"]
        if "cue_start" in statement:
            yield f"statement {k} cue", statement["cue_start"], statement["cue_end"]
    for k, meta in enumerate(record.get("metadata", [])):
        yield f"metadata {k} ({meta['kind']})", meta["start"], meta["end"]


def span_errors(record: dict[str, Any]) -> list[str]:
    """Every span that does not slice its text out of ``record['text']``."""
    text = record["text"]
    errors = []
    for where, span in _spans_with_text(record):
        start, end = span["start"], span["end"]
        if not 0 <= start < end <= len(text):
            errors.append(f"{where}: [{start}, {end}) is empty or outside the text of length {len(text)}")
        elif text[start:end] != span["text"]:
            errors.append(f"{where}: text[{start}:{end}] is {text[start:end]!r}, the span says {span['text']!r}")
    for where, start, end in _offset_spans(record):
        if not 0 <= start < end <= len(text):
            errors.append(f"{where}: [{start}, {end}) is empty or outside the text of length {len(text)}")
    for k, statement in enumerate(record["statements"]):
        if "cue_start" in statement and text[statement["cue_start"]:statement["cue_end"]] != statement["cue"]:
            errors.append(f"statement {k}: cue offsets slice "
                          f"{text[statement['cue_start']:statement['cue_end']]!r}, not {statement['cue']!r}")
    return errors


def reference_errors(record: dict[str, Any]) -> list[str]:
    """Entity ids that events, roles and statements point to must exist."""
    ids = {e["id"] for e in record["entities"]}
    errors = [f"duplicate entity id {i}" for i in ids if [e["id"] for e in record["entities"]].count(i) > 1]
    for event in record["events"]:
        errors += [f"event {event['id']}: unknown participant {p['entity']}"
                   for p in event["participants"] if p["entity"] not in ids]
    for entity in record["entities"]:
        errors += [f"entity {entity['id']}: role organization {r['organization']} is unknown"
                   for r in entity.get("roles", []) if r["organization"] is not None and r["organization"] not in ids]
    errors += [f"statement {k}: unknown speaker {s['speaker']}"
               for k, s in enumerate(record["statements"]) if s["speaker"] not in ids]
    return errors


def assert_record_valid(record: dict[str, Any]) -> None:
    """The record validates against record.schema.json, every span slices the text, every id resolves."""
    errors = schema_errors(record)
    if not errors:  # span and reference checks assume the shape the schema guarantees
        errors = span_errors(record) + reference_errors(record)
    assert not errors, f"record {record.get('id')} ({record.get('file')}) is invalid:\n  " + "\n  ".join(errors)
