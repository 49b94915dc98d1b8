"""Hand-built documents for the event, date, sector and statement tests.

The text layer runs for real; entities are placed by hand at the words given,
so these tests do not depend on the entity extractors.
"""
from __future__ import annotations

import re

from rasid.components.text import text_layer
from rasid.doc import Article, Doc, Entity, Role


def make_doc(text: str, entities: list[tuple[str, str, str, str | None]] = (), published: str | None = None,
             title: str | None = None) -> Doc:
    """``entities``: (type, name, surface, country); every occurrence of ``surface`` that ends a word is
    a mention (العراق in والعراق, not in العراقي); an entity whose surface is absent is left out."""
    doc = text_layer(Doc(article=Article(text=text, published=published, title=title)), None)
    for kind, name, surface, country in entities:
        entity = Entity(type=kind, name=name, country=country)
        for match in re.finditer(re.escape(surface) + r"(?![\w\u064B-\u0652])", text):
            entity.add_mention(doc.mention(match.start(), match.end()))
        if entity.mentions:
            doc.entities.append(entity)
    return doc


def add_role(doc: Doc, person: str, title: str) -> None:
    entity = next(e for e in doc.entities if e.name == person)
    start = doc.text.index(title)
    entity.roles.append(Role(title, start, start + len(title)))
