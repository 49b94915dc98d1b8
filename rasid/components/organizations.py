"""The organizations component (ORG); the reading is in ``rasid.organizations``."""
from __future__ import annotations

from rasid.components import component
from rasid.components.countries import CountryHit
from rasid.doc import Doc
from rasid.organizations.entities import build_organizations
from rasid.organizations.find import find_spans, ner_spans


@component("organizations")
def organizations(doc: Doc, settings) -> Doc:
    hits: list[CountryHit] = doc.extra.get("country_hits", [])
    spans = find_spans(doc.tokens, hits)
    spans = sorted(spans + ner_spans(doc, spans, hits), key=lambda span: span.first)
    doc.entities.extend(build_organizations(doc, spans, hits))
    return doc
