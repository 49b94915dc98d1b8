"""The publication date of an article, from its metadata, as an ISO date."""
from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

ISO_DATE_RE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def parse_published(value: str | None) -> date | None:
    """ISO (2015-08-08, 2017-04-11T18:23:00+01:00, 2015-08-08 06:22:43) or RFC 2822 (Sun, 13 May 2018 ...)."""
    if not value or not value.strip():
        return None
    match = ISO_DATE_RE.match(value)
    if match:
        try:
            return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            return None
    try:
        parsed: datetime = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.date()
