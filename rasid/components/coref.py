"""The coref component: short forms, spelling variants, title references and honorific
pronouns resolved to PERSON entities (rasid/persons/coref.py); then the state of each person
that the article leaves implicit (rasid/persons/countries.py)."""
from __future__ import annotations

from rasid.components import component
from rasid.doc import Doc
from rasid.persons.context import PersonContext
from rasid.persons.coref import resolve
from rasid.persons.countries import assign_home_country


@component("coref")
def resolve_persons(doc: Doc, settings) -> Doc:
    ctx = doc.extra.get("person_context")
    if not isinstance(ctx, PersonContext):
        ctx = PersonContext.build(doc)
    resolve(doc, ctx, doc.extra.get("person_title_refs", []))
    assign_home_country(doc)
    doc.extra.pop("person_context", None)
    return doc
