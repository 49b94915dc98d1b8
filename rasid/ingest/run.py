"""Ingest and reprocess runs: extraction in a pool of worker processes, ONE writer.

The main process reads the sources, skips articles already stored (their id is
the hash of their normalized text), sends the rest to the workers, and writes
what comes back. A bounded window keeps the sources from being read far ahead
of the writer.
"""
from __future__ import annotations

import itertools
import multiprocessing
import threading
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

import sqlalchemy as sa
from tqdm import tqdm

from rasid.batch.parquet import is_batch_output, read_records
from rasid.doc import Article
from rasid.errors import RasidError
from rasid.ingest.provenance import model_version, rasid_version
from rasid.ingest.sources import FieldMap, SourceItem, iter_sources
from rasid.ingest.stories import signature
from rasid.ingest.writer import Extracted, Writer
from rasid.settings import Settings
from rasid.store import Store
from rasid.store.articles import iter_stored, stored_ids

WINDOW_PER_WORKER = 64
CHUNKSIZE = 4

Reporter = Callable[[str], None]


@dataclass
class Summary:
    added: int = 0
    duplicates: int = 0  # added, and linked to the story of a near-identical stored article
    present: int = 0  # already stored: nothing added
    failed: int = 0
    failures: list[str] = field(default_factory=list)

    def as_line(self) -> str:
        return (f"{self.added} added, {self.duplicates} near-duplicates linked to a story, "
                f"{self.present} already stored, {self.failed} failed")


_worker_settings: Settings | None = None


def _init_worker(settings: Settings) -> None:
    global _worker_settings
    _worker_settings = settings


def extract(job: tuple[str, Article, str | None]) -> Extracted:
    """Worker side: the record and the near-duplicate signature of one article."""
    from rasid.pipeline import process

    name, article, url = job
    try:
        record = process(article, _worker_settings)
    except RasidError as exc:
        return Extracted(name, article.id, url, error=str(exc))
    except Exception as exc:  # an internal error in one article must not stop the run
        return Extracted(name, article.id, url, error=f"{name}: internal error: {type(exc).__name__}: {exc}")
    return Extracted(name, article.id, url, record=record, signature=signature(article.text))


def _bounded(jobs: Iterable, window: threading.Semaphore) -> Iterator:
    for job in jobs:
        window.acquire()
        yield job


def extracted(jobs: Iterable[tuple[str, Article, str | None]], settings: Settings) -> Iterator[Extracted]:
    """Records in input order, from ``settings.ingest_workers`` processes (0: in this process)."""
    workers = settings.ingest_workers
    if workers == 0:
        _init_worker(settings)
        yield from (extract(job) for job in jobs)
        return
    window = threading.Semaphore(WINDOW_PER_WORKER * workers)
    context = multiprocessing.get_context("fork")
    with context.Pool(workers, initializer=_init_worker, initargs=(settings,)) as pool:
        for result in pool.imap(extract, _bounded(jobs, window), chunksize=CHUNKSIZE):
            window.release()
            yield result


def _new_jobs(items: Iterable[SourceItem], known: set[str], summary: Summary, report: Reporter):
    for item in items:
        if item.error is not None:
            _fail(summary, report, str(item.error))
            continue
        if item.article.id in known:
            summary.present += 1
            continue
        known.add(item.article.id)
        yield item.name, item.article, item.url


def _fail(summary: Summary, report: Reporter, message: str) -> None:
    summary.failed += 1
    summary.failures.append(message)
    report(message)


def ingest(sources: list[str], store: Store, settings: Settings, fields: FieldMap = FieldMap(),
           report: Reporter = print, progress: bool | None = None) -> Summary:
    """Store every new article of ``sources``; bad inputs are reported by name and skipped.
    A `rasid batch` output (Parquet) is stored as it is: its records are not extracted again."""
    batch_outputs = [source for source in sources if is_batch_output(source)]
    items = iter_sources([source for source in sources if source not in batch_outputs], fields)
    return ingest_items(items, store, settings, report, progress, records=batch_records(batch_outputs))


def batch_records(outputs: list[str]) -> Iterator[Extracted]:
    """The records of `rasid batch` outputs (read by rasid.batch.parquet), ready to store."""
    for output in outputs:
        for record in read_records(output):  # pyarrow (the batch extra) is imported there, when needed
            yield Extracted(record.get("file") or record["id"], record["id"], record=record,
                            signature=signature(record["text"]))


def ingest_items(items: Iterable[SourceItem], store: Store, settings: Settings, report: Reporter = print,
                 progress: bool | None = None, writer: Writer | None = None,
                 records: Iterable[Extracted] = ()) -> Summary:
    """Store every new article of ``items`` (articles or errors, see rasid.ingest.sources), then the
    already extracted ``records``.

    A long-lived ``writer`` (the API's) is used and left open; otherwise one is made and closed."""
    summary = Summary()
    own_writer = writer is None
    if writer is None:
        writer = Writer(store, model_version(settings), settings.near_duplicate_threshold)
    try:
        known = stored_ids(writer.connection)
        writer.connection.commit()
        jobs = _new_jobs(items, known, summary, report)
        bar = tqdm(unit=" articles", disable=None if progress is None else not progress)
        for result in itertools.chain(extracted(jobs, settings), records):
            bar.update(1)
            if result.error is not None:
                _fail(summary, report, result.error)
                continue
            outcome = _write(writer, result, summary, report)
            if outcome == "added":
                summary.added += 1
            elif outcome == "duplicate":
                summary.added += 1
                summary.duplicates += 1
            elif outcome == "present":
                summary.present += 1
        bar.close()
    finally:
        if own_writer:
            writer.close()
        else:
            writer.commit()
    return summary


def _write(writer: Writer, result: Extracted, summary: Summary, report: Reporter) -> str | None:
    try:
        return writer.add(result)
    except (RasidError, ValueError, KeyError, TypeError, sa.exc.IntegrityError, sa.exc.DataError,
            sa.exc.ProgrammingError) as exc:
        _fail(summary, report, f"{result.source}: cannot store the record: {type(exc).__name__}: {exc}")
        return None


def reprocess(store: Store, settings: Settings, everything: bool = False, report: Reporter = print,
              progress: bool | None = None) -> Summary:
    """Extract stored articles again: those made by another Rasid or model version, or all."""
    summary = Summary()
    version = model_version(settings)
    writer = Writer(store, version, settings.near_duplicate_threshold)
    outdated = None if everything else (rasid_version(), version)
    try:
        with store.engine.connect() as reader:
            stored = list(iter_stored(reader, outdated))
        jobs = ((article.file or article.id, article, None) for article in stored)
        for result in tqdm(extracted(jobs, settings), total=len(stored), unit=" articles",
                           disable=None if progress is None else not progress):
            if result.error is not None:
                _fail(summary, report, result.error)
                continue
            writer.replace(result.record)
            summary.added += 1
    finally:
        writer.close()
    return summary
