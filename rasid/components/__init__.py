"""Pipeline components: small named functions ``(doc, settings) -> doc``.

Each module registers its components with ``@component("name")``; the
default pipeline is ``DEFAULT_COMPONENTS`` in that order.
"""
from __future__ import annotations

import pkgutil
from importlib import import_module
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from rasid.doc import Doc
    from rasid.settings import Settings

ComponentFn = Callable[["Doc", "Settings"], "Doc"]

_REGISTRY: dict[str, ComponentFn] = {}

# The order of the default pipeline. Each name is registered by a module of
# this package (found by discovery); a name whose module is absent is left out.
PIPELINE_ORDER: tuple[str, ...] = (
    "text",          # tokens, clitics, sentences, metadata marks
    "countries",     # states by name, long form, adjective, side, capital; locations
    "ner",           # the trained CRF tagger: candidate PERS/LOC/ORG spans
    "organizations", # organizations by head words and complements, acronyms
    "locations",     # places the NER tagger found that the lexicons did not
    "persons",       # persons with honorifics, titles and roles
    "coref",         # short forms and title references resolved to entities
    "dates",         # publication date and event date expressions
    "events",        # PLOVER events with mode, status, parties, agreements
    "sectors",       # sector cues per event and for the article
    "statements",    # attributed statements
)


def component(name: str) -> Callable[[ComponentFn], ComponentFn]:
    def register(fn: ComponentFn) -> ComponentFn:
        if name in _REGISTRY and _REGISTRY[name] is not fn:
            raise ValueError(f"component {name!r} is registered twice")
        _REGISTRY[name] = fn
        fn.component_name = name  # type: ignore[attr-defined]
        return fn

    return register


def registered() -> dict[str, ComponentFn]:
    """All components, importing every module of this package once."""
    for module in pkgutil.iter_modules(__path__):
        import_module(f"{__name__}.{module.name}")
    return dict(_REGISTRY)


def default_components() -> tuple[str, ...]:
    available = registered()
    return tuple(name for name in PIPELINE_ORDER if name in available)
