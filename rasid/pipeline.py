"""The pipeline and ``process(article, options)``: the one function every shell calls.

``process`` is pure and picklable: an article and settings in, a record out.

Garbage collection: the lexicons, tries and the NER model, loaded by the first
article a pipeline analyses, are hundreds of thousands of long-lived objects
that every full collection would walk again. After that first article the
pipeline moves them out of the collector's reach (``gc.freeze``) and raises the
generation-0 threshold: an article allocates tens of thousands of objects that
reference counting frees, and collecting every 700 allocations mostly walked
live tokens. This is the one place the process's collector is tuned.
"""
from __future__ import annotations

import gc
import re
from functools import lru_cache
from typing import Any

from rasid.components import ComponentFn, registered
from rasid.doc import Article, Doc
from rasid.errors import InputTooLarge, NotArabic
from rasid.settings import Settings

ARABIC_LETTERS_RE = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FF]+")
LETTERS_RE = re.compile(r"[^\W\d_]+")
GC_GENERATION0_THRESHOLD = 10_000


class Pipeline:
    def __init__(self, settings: Settings):
        self.settings = settings
        available = registered()
        self.components: list[tuple[str, ComponentFn]] = [
            (name, available[name]) for name in settings.components
        ]
        self.collector_tuned = False

    @property
    def names(self) -> list[str]:
        return [name for name, _ in self.components]

    def __call__(self, article: Article) -> Doc:
        check_article(article, self.settings)
        doc = Doc(article=article, published=article.published)
        for _name, fn in self.components:
            doc = fn(doc, self.settings)
        if not self.collector_tuned:
            tune_collector()
            self.collector_tuned = True
        return doc


def tune_collector() -> None:
    """Freeze what is loaded (lexicons, models) out of collections; collect generation 0 less often."""
    gc.freeze()
    first, second, third = gc.get_threshold()
    gc.set_threshold(max(first, GC_GENERATION0_THRESHOLD), second, third)


def check_article(article: Article, settings: Settings) -> None:
    source = article.file or article.id
    if len(article.text) > settings.max_article_chars:
        raise InputTooLarge(
            source,
            f"article of {len(article.text):,} characters is over the limit of "
            f"{settings.max_article_chars:,} (RASID_MAX_ARTICLE_CHARS)",
        )
    letters = _count_characters(LETTERS_RE, article.text)
    arabic = _count_characters(ARABIC_LETTERS_RE, article.text)
    if letters == 0 or arabic / letters < settings.min_arabic_share:
        raise NotArabic(source, f"no Arabic text ({arabic} Arabic letters of {letters})")


def _count_characters(runs: re.Pattern[str], text: str) -> int:
    """Characters in the runs a pattern matches (whole runs: far fewer matches than characters)."""
    return sum(len(run) for run in runs.findall(text))


@lru_cache(maxsize=8)
def pipeline_for(settings: Settings) -> Pipeline:
    return Pipeline(settings)


def analyze(article: Article, options: Settings | None = None) -> Doc:
    return pipeline_for(options or default_settings())(article)


def process(article: Article, options: Settings | None = None) -> dict[str, Any]:
    """Article in, record (the output contract of EXTRACTION.md) out."""
    from rasid.record import to_record

    return to_record(analyze(article, options))


@lru_cache(maxsize=1)
def default_settings() -> Settings:
    return Settings()
