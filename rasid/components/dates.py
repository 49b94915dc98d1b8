"""The dates component: the ISO publication date and the date expressions of the story.

The publication date comes from the article's metadata or, failing that, from
an absolute date in the dateline. Date expressions go to ``doc.extra["dates"]``
as dicts (value, end, granularity, start, stop, sentence, relation to the
publication date) for the events component.
"""
from __future__ import annotations

from rasid.components import component
from rasid.dates.expressions import find_dates
from rasid.dates.published import parse_published
from rasid.doc import Doc

DATELINE = "dateline"


@component("dates")
def dates(doc: Doc, settings) -> Doc:
    published = parse_published(doc.article.published)
    if published is None:
        dateline = [t for t in doc.tokens if t.meta == DATELINE]
        absolute = [d for d in find_dates(dateline, None) if d.granularity == "day"]
        published = absolute[0].value if absolute else None
    # the record's published is an ISO date or null, never an unparsed string
    doc.published = published.isoformat() if published is not None else None
    story = [t for t in doc.tokens if t.meta is None]
    doc.extra["dates"] = [d.as_dict(published) for d in find_dates(story, published)]
    return doc
