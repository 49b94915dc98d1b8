#!/usr/bin/env python3
"""Throughput of the whole pipeline on one core over SaudiNewsNet articles.

Usage: .venv/bin/python benchmarks/bench_pipeline.py [-n 2000] [--corpus ../shared/corpora/news/saudinewsnet]
       [--ner-model PATH]  (a CRF model file, with its neural tagger when <stem>.cnn.npz lies beside it;
                            default: the settings' model, RASID_NER_MODEL or the bundled one)

Prints articles/s, tokens/s and peak memory (max RSS of this process), each
rate in wall-clock time and in CPU time of this process (``time.process_time``:
what one core spends, whatever else the machine runs), the load average, and
the CPU ms per article of each component. The articles are read and decoded
before the clocks start; the clocks cover ``process(article, settings)``
(analysis and record building) for each one, after one article has loaded the
lexicons and the model.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import resource
import sys
import time
from pathlib import Path

from rasid.errors import RasidError
from rasid.doc import Doc
from rasid.pipeline import analyze, check_article, default_settings, pipeline_for
from rasid.readers import article_from_object
from rasid.record import to_record

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "news" / "saudinewsnet"


def load_articles(corpus: Path, limit: int) -> list:
    articles = []
    for day in sorted(corpus.glob("*.json.gz")):
        with gzip.open(day, "rt", encoding="utf-8") as handle:
            for number, obj in enumerate(json.load(handle)):
                try:
                    articles.append(article_from_object(obj, f"{day.name}[{number}]"))
                except RasidError:
                    continue
                if len(articles) >= limit:
                    return articles
    return articles


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=2000, help="number of articles (default 2000)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--ner-model", type=Path, default=None, help="NER model file (default: the settings')")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"bench_pipeline: corpus folder {args.corpus} not found", file=sys.stderr)
        return 2
    articles = load_articles(args.corpus, args.n)
    settings = default_settings()
    if args.ner_model is not None:
        settings = settings.model_copy(update={"ner_model": str(args.ner_model)})
    analyze(articles[0], settings)  # load lexicons and the model before timing
    load_before = os.getloadavg()
    tokens = entities = events = failed = 0
    components = pipeline_for(settings).components
    spent = {name: 0.0 for name, _ in components}
    spent["record"] = 0.0
    clock = time.process_time
    start, cpu_start = time.perf_counter(), clock()
    for article in articles:
        try:
            check_article(article, settings)
        except RasidError:
            failed += 1
            continue
        doc = Doc(article=article, published=article.published)
        for name, fn in components:
            t0 = clock()
            doc = fn(doc, settings)
            spent[name] += clock() - t0
        t0 = clock()
        to_record(doc)
        spent["record"] += clock() - t0
        tokens += len(doc.tokens)
        entities += len(doc.entities)
        events += len(doc.events)
    elapsed, cpu = time.perf_counter() - start, clock() - cpu_start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}")
    print(f"components: {', '.join(settings.components)}")
    print(f"NER model: {settings.ner_model or 'bundled'}")
    print(f"articles: {len(articles)} ({failed} refused), tokens: {tokens:,}, "
          f"entities: {entities:,}, events: {events:,}")
    print(f"load average (1 min) before, after: {load_before[0]:.2f}, {os.getloadavg()[0]:.2f}")
    print(f"time: {elapsed:.2f} s wall, {cpu:.2f} s CPU")
    print(f"articles/s: {len(articles) / elapsed:.1f} wall, {len(articles) / cpu:.1f} CPU")
    print(f"tokens/s: {tokens / elapsed:,.0f} wall, {tokens / cpu:,.0f} CPU")
    print(f"peak memory (max RSS): {peak_mb:.0f} MB")
    done = max(len(articles) - failed, 1)
    print("CPU ms per article by component: " + ", ".join(
        f"{name} {1000 * seconds / done:.2f}" for name, seconds in spent.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
