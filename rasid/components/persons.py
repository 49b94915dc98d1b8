"""The persons component: PERSON entities with honorifics, roles (titles linked to bodies and states) and countries.

See rasid/persons/ for the rules. Title phrases that no name took are kept in
``doc.extra["person_title_refs"]`` for the coref component.
"""
from __future__ import annotations

from rasid.components import component
from rasid.doc import Doc, Entity, Role
from rasid.persons.assemble import PersonFind, assemble
from rasid.persons.context import PersonContext
from rasid.persons.coref import add_role
from rasid.persons.countries import (
    HOME_TITLE_WEIGHT,
    explicit_organization_country, international, marks_country, ministry_country, nationality_before,
    nationality_aside, organization_in, ruling_house_country, side_country, title_country,
)
from rasid.persons.parse import parse
from rasid.text.normalize import normalize_str


@component("persons")
def find_persons(doc: Doc, settings) -> Doc:
    ctx = PersonContext.build(doc)
    finds, title_refs = assemble(ctx, parse(ctx))
    organizations = doc.entities_of("ORG")
    persons: dict[str, Entity] = {}
    for find in finds:
        entity = _entity(ctx, find, organizations)
        key = " ".join(normalize_str(entity.name).split())
        existing = persons.get(key)
        if existing is None:
            persons[key] = entity
        else:
            _merge(existing, entity)
    doc.entities.extend(persons.values())
    doc.extra["person_title_refs"] = [segment.value for segment in title_refs]
    doc.extra["person_context"] = ctx
    return doc


def _entity(ctx: PersonContext, find: PersonFind, organizations: list[Entity]) -> Entity:
    """The person of one name: its honorifics, roles, and the state it serves.

    The state comes from a title that names it, else from a ruling house its family name names
    ("آل ثاني"), else from a nationality adjective right before it ("البلجيكي دافيد جوفان") or in
    quotes right after it ("علي حسن عيسى «يمني»"), or the side named before it in the sentence ("من الجانب العراقي"),
    else from the body its title names or leads.
    """
    doc = ctx.doc
    name = find.name
    source = "ner" if name.tagger_only and not find.titles and not find.honorifics else "persons"
    entity = Entity(type="PERSON", name=doc.text[name.start:name.end], source=source)
    entity.add_mention(doc.mention(name.start, name.end))
    if find.honorifics:
        first = find.honorifics[0]
        if _elided_article(ctx, first.first, first.start):  # "للمهندس": the honorific as the lexicon writes it
            entity.honorific = " ".join(h.value.phrase for h in find.honorifics)
        else:
            entity.honorific = doc.text[first.start:find.honorifics[-1].end]
    opening = min([name.first] + [t.first for t in find.titles] + [h.first for h in find.honorifics])
    side = ruling_house_country(entity.name) or nationality_before(ctx, opening) \
        or nationality_aside(ctx, name.last) or side_country(ctx, opening)
    implied_countries: list[str | None] = []
    for segment in find.titles:
        title = segment.value
        if title.head.kind == "counterpart":
            counterpart = title_country(ctx, title)
            entity.country = entity.country or counterpart
            if counterpart:
                ctx.doc.extra.setdefault("person_marked_countries", set()).add(counterpart)
            continue
        organization = organization_in(ctx, title.first, title.last)
        stated = title_country(ctx, title)
        marked, self_named = marks_country(ctx, title)
        if marked:
            ctx.doc.extra.setdefault("person_marked_countries", set()).add(marked)
        elif self_named:
            ctx.doc.extra.setdefault("person_self_named_countries", set()).add(self_named)
        elif stated:
            ctx.doc.extra.setdefault("person_home_hints", []).extend([stated] * HOME_TITLE_WEIGHT)
        implied = explicit_organization_country(ctx, organization) or ministry_country(ctx, title, organizations)
        country = stated or side or implied or (organization.country if organization else None)
        if not _elided_article(ctx, title.first, title.start):
            add_role(entity, Role(doc.text[title.start:title.end], title.start, title.end, organization, country))
        entity.country = entity.country or stated
        implied_countries.append(implied)
    entity.country = entity.country or side or next((c for c in implied_countries if c), None)
    if entity.country is None and any(international(ctx, t.value) for t in find.titles):
        ctx.doc.extra.setdefault("person_international", set()).add(entity)

    return entity


def _elided_article(ctx: PersonContext, first: int, start: int) -> bool:
    """"للرئيس": the article is elided after ل, so the word is not written as such."""
    return ctx.definite(first) and not normalize_str(ctx.doc.text[start:start + 2]) == "ال"


def _merge(target: Entity, other: Entity) -> None:
    for mention in other.mentions:
        target.add_mention(mention)
    for role in other.roles:
        add_role(target, role)
    target.country = target.country or other.country
    target.honorific = target.honorific or other.honorific
