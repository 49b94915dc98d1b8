"""Arabic labels for the codes of the record (event types, modes, statuses, sectors ...), read from
rasid/web/data/labels.json, and Arabic country names from CLDR (babel)."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from babel import Locale

UI_LOCALE = "ar"


@lru_cache(maxsize=1)
def labels() -> dict[str, dict[str, str]]:
    return json.loads(resources.files("rasid.web").joinpath("data/labels.json").read_text("utf-8"))


def label(kind: str, code: str | None) -> str:
    """The Arabic label of a code; the code itself when it has none, '' for None."""
    if code is None:
        return ""
    return labels()[kind].get(code, code)


@lru_cache(maxsize=1)
def _territories() -> dict[str, str]:
    return dict(Locale.parse(UI_LOCALE).territories)


def country_name(code: str | None) -> str:
    if not code:
        return ""
    return _territories().get(code.upper(), code)


def agreement_steps() -> list[str]:
    return list(labels()["agreement_steps"])
