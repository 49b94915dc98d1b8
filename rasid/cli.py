"""The ``rasid`` command: a thin shell over the library.

Exit codes: 0 all inputs processed, 1 some input failed, 2 usage error.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click
from pydantic import ValidationError

from rasid import __version__
from rasid.errors import RasidError


def _settings(**overrides: Any):
    from rasid.settings import Settings

    try:
        return Settings(**{k: v for k, v in overrides.items() if v is not None})
    except ValidationError as exc:
        first = exc.errors()[0]
        raise click.UsageError(f"bad setting {'.'.join(map(str, first['loc']))}: {first['msg']}") from exc


def report(message: str) -> None:
    click.echo(f"rasid: {message}", err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "--version", prog_name="rasid")
def main() -> None:
    """Rasid (راصد) reads Arabic news and records who met whom, in which office,
    what was agreed, offered or refused, with every fact traced to its words."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "text"]), default=None,
              help="json: one record (indented) for one article, JSON Lines for several (default); "
                   "jsonl: always JSON Lines; text: a readable summary.")
@click.option("--debug", is_flag=True, help="Show the traceback of an internal error instead of one line.")
def extract(paths: tuple[str, ...], fmt: str | None, debug: bool) -> None:
    """Extract records from PATHS: files, folders (recursive) or - for stdin.

    A text file is one article; .json holds an article object (or a list),
    .jsonl one per line, with the fields text (or content), title, published,
    source. Bad inputs are reported one line each on stderr and the rest go on.
    """
    from rasid.pipeline import process
    from rasid.readers import read_inputs
    from rasid.summary import summarize

    settings = _settings()
    failed = 0
    writer = RecordWriter(fmt, summarize)
    try:
        for item in read_inputs(list(paths)):
            record = _record_or_report(item, lambda article: process(article, settings), debug)
            if record is None:
                failed += 1
            else:
                writer.write(record)
        writer.close()
    except BrokenPipeError:  # the reader went away (| head): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    except KeyboardInterrupt:
        report("interrupted")
        sys.exit(130)
    sys.exit(1 if failed else 0)


def _record_or_report(item, process, debug: bool) -> dict[str, Any] | None:
    """The record of one input, or None after reporting in one line why there is none."""
    if item.error is not None:
        report(str(item.error))
        return None
    try:
        return process(item.article)
    except RasidError as exc:
        report(str(exc))
    except Exception as exc:  # an internal error: reported as one line, the run goes on
        if debug:
            raise
        report(f"{item.source}: internal error: {type(exc).__name__}: {exc}")
    return None


class RecordWriter:
    """Streams records: text summaries, or JSON Lines; a lone record in json mode is indented.

    In json mode the first record is held back until a second one shows that
    the output is JSON Lines.
    """

    def __init__(self, fmt: str | None, summarize):
        self.fmt = fmt or "json"
        self.summarize = summarize
        self.held: dict[str, Any] | None = None
        self.count = 0

    def write(self, record: dict[str, Any]) -> None:
        self.count += 1
        if self.fmt == "text":
            click.echo(self.summarize(record) + "\n")
        elif self.fmt == "json" and self.count == 1:
            self.held = record
        else:
            if self.held is not None:
                click.echo(json.dumps(self.held, ensure_ascii=False))
                self.held = None
            click.echo(json.dumps(record, ensure_ascii=False))

    def close(self) -> None:
        if self.held is not None:
            click.echo(json.dumps(self.held, ensure_ascii=False, indent=2))


@main.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False))
@click.argument("article_dirs", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON (with per-document counts).")
@click.option("--per-doc", is_flag=True, help="Also print F1 per field for each document.")
def evaluate_command(gold_dir: str, article_dirs: tuple[str, ...], as_json: bool, per_doc: bool) -> None:
    """Score extraction against GOLD_DIR: precision, recall and F1 per field.

    Each gold file names its article in its "file" field; the article is looked
    up by file name under ARTICLE_DIRS. Matching rules: names after Arabic
    normalization, leniently (a short form matches the full name), one-to-one;
    see docs/EVALUATION.md.
    """
    from pathlib import Path

    from rasid.evaluation.runner import evaluate, format_table

    result = evaluate(Path(gold_dir), [Path(p) for p in article_dirs], _settings())
    for error in result.errors:
        report(error)
    if as_json:
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_table(result, per_doc))
    sys.exit(1 if result.errors else 0)


@main.command()
@click.option("--corpora", type=click.Path(path_type=Path), default=None,
              help="NER corpora folder (default: $RASID_NER_CORPORA or ../shared/corpora/ner).")
@click.option("--output", type=click.Path(path_type=Path), default=None,
              help="Model file to write (default: the bundled rasid/models/ner-crf.crfsuite); the neural "
                   "tagger goes beside it (<stem>.cnn.npz).")
@click.option("--c1", type=float, default=None, help="L1 regularization (default: the recipe's).")
@click.option("--c2", type=float, default=None, help="L2 regularization (default: the recipe's).")
@click.option("--max-iterations", type=int, default=None, help="L-BFGS iterations (default: the recipe's).")
@click.option("--derive-lexicons", is_flag=True,
              help="First rebuild the gazetteer lists (rasid/lang/data/ner_*_names.txt, and the tagger's "
                   "table rasid/models/ner-gazetteer.tsv) and the word "
                   "clusters (rasid/models/ner-clusters.tsv, from ../shared/corpora/news/saudinewsnet), "
                   "and the cue table as --derive-cues does.")
@click.option("--derive-cues", is_flag=True,
              help="First freeze the rule lexicons' cue words (titles, honorifics...) into "
                   "rasid/models/ner-cues.tsv, the table the tagger's features read.")
@click.option("--other-domain/--news-only", default=True, show_default=True,
              help="Also train on WikiFANE Gold, AQMAR train+dev and the Wojood sample's train+val as a second "
                   "domain (the CRF: domain-augmented features; the neural tagger: an output layer of their "
                   "own), as the bundled model; --news-only: ANERcorp's TRAIN part alone.")
@click.option("--neural/--no-neural", default=True, show_default=True,
              help="Also train the neural tagger decoded with the CRF and write it beside the model "
                   "(<stem>.cnn.npz; needs torch and gensim: pip install 'rasid[train]'), as the bundled "
                   "model; --no-neural: the CRF alone.")
@click.option("--neural-seeds", default=None,
              help="Comma-separated seeds, one network each, averaged (default: the recipe's).")
@click.option("--neural-channels", type=int, default=None, help="Convolution channels (default: the recipe's).")
@click.option("--neural-recurrent", type=int, default=None,
              help="Units per direction of the network's bidirectional LSTM; 0: dilated convolutions instead "
                   "(default: the recipe's).")
@click.option("--neural-weight", type=float, default=None,
              help="Weight of the neural scores beside the CRF's, stored in the model (default: the recipe's).")
@click.option("--word-vectors", type=click.Path(path_type=Path), default=None,
              help="Cache file of the word vectors: reused when it holds vectors of the same parameters, "
                   "else written there (default: trained every run).")
def train(corpora, output, c1, c2, max_iterations, derive_lexicons, derive_cues, other_domain, neural,
          neural_seeds, neural_channels, neural_recurrent, neural_weight, word_vectors) -> None:
    """Train the NER model from the corpora (with no option: the bundled model, byte for byte); deterministic.

    The bundled model is the CRF trained with the second domain plus one neural network, decoded together
    (see rasid/models/MODEL_CARD.md); `--news-only --no-neural` trains the CRF of ANERcorp alone.
    """
    from dataclasses import replace

    from rasid.ner.corpus import CorpusError
    from rasid.ner.model import ModelError, TrainingParams, bundled_model_path, neural_model_path
    from rasid.ner.neural_training import NeuralParams, require_training_packages
    from rasid.ner.training import default_corpora, train_model, train_neural_model
    from rasid.ner.training import derive_cues as freeze_cues, derive_lexicons as derive

    overrides = {"c1": c1, "c2": c2, "max_iterations": max_iterations}
    params = replace(TrainingParams(), **{k: v for k, v in overrides.items() if v is not None})
    neural_overrides = {"seeds": tuple(int(s) for s in neural_seeds.split(",")) if neural_seeds else None,
                        "hidden": neural_channels, "recurrent": neural_recurrent, "weight": neural_weight}
    neural_params = replace(NeuralParams(), **{k: v for k, v in neural_overrides.items() if v is not None})
    output = output or bundled_model_path()
    try:
        if neural:
            require_training_packages()  # fail before the CRF is trained
        if derive_lexicons:
            click.echo(derive(corpora or default_corpora()))
        elif derive_cues:
            click.echo(freeze_cues())
        result = train_model(corpora or default_corpora(), output, params, other_domain)
        other = (f" and {result.other_sentences:,} sentences, {result.other_tokens:,} tokens (other domain)"
                 if other_domain else "")
        click.echo(f"trained on {result.sentences:,} sentences, {result.tokens:,} tokens{other}; {params.as_dict()}")
        click.echo(f"wrote {result.path} ({result.size:,} bytes, sha256 {result.sha256})")
        click.echo(f"wrote {result.folded} (its decoder's tables, sha256 {result.folded_sha256})")
        if not neural:
            if neural_model_path(output).exists():
                click.echo(f"left {neural_model_path(output)} (neural tagger) as it was")
            return
        made = train_neural_model(corpora or default_corpora(), neural_model_path(output), neural_params,
                                  word_vectors, other_domain)
    except (CorpusError, ModelError) as exc:
        report(str(exc))
        sys.exit(1)
    click.echo(f"neural tagger: {made.networks} network(s), {made.attributes:,} attribute rows, "
               f"{made.vector_words:,} word vectors; {neural_params.as_dict()}")
    click.echo(f"wrote {made.path} ({made.size:,} bytes, sha256 {made.sha256})")


@main.command("ner-eval")
@click.option("--model", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Model file (default: the bundled one).")
@click.option("--corpora", type=click.Path(path_type=Path), default=None,
              help="NER corpora folder (default: $RASID_NER_CORPORA or ../shared/corpora/ner).")
def ner_eval(model, corpora) -> None:
    """Score the NER model on the ANERcorp test split and AQMAR test (exact-span entity F1)."""
    from rasid.ner.corpus import CorpusError
    from rasid.ner.training import ALL_LABELS, ENTITY_LABELS, default_corpora, evaluate

    try:
        scores = evaluate(model, corpora or default_corpora())
    except CorpusError as exc:
        report(str(exc))
        sys.exit(1)
    for name, result in scores.items():
        click.echo(f"== {name}\n{result.table(ALL_LABELS)}")
        click.echo(f"micro F1 over {'/'.join(ENTITY_LABELS)}: {result.micro(ENTITY_LABELS).f1:.4f}\n")


# --- knowledge base: ingest, reprocess, search, entities, serve (rasid/store, ingest, registry, search, api)

def _open_store(db: str, readonly: bool = False):
    from rasid.store import StoreError, open_store

    try:
        return open_store(db, readonly=readonly)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


db_option = click.option("--db", default=None, help="SQLite file or postgresql:// URL (default: RASID_DB or rasid.db).")


@main.command("ingest")
@click.argument("sources", nargs=-1, required=True)
@db_option
@click.option("--workers", type=click.IntRange(0, 64), default=None, help="Extraction processes (default 2; 0: inline).")
@click.option("--text-field", default=None, help="JSON field holding the article text.")
@click.option("--title-field", default=None, help="JSON field holding the title.")
@click.option("--date-field", default=None, help="JSON field holding the publication date.")
@click.option("--source-field", default=None, help="JSON field holding the outlet.")
@click.option("--url-field", default=None, help="JSON field holding the URL.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when on a terminal).")
def ingest_command(sources, db, workers, text_field, title_field, date_field, source_field, url_field, progress):
    """Store articles from SOURCES in the knowledge base: files, folders (recursive), JSON / JSON Lines
    (.gz too), RSS/Atom feeds (file or URL), HTML pages and WARC archives.

    An article already stored is skipped; a near-duplicate joins the story of its original.
    Bad inputs are reported one line each and skipped."""
    from rasid.ingest.run import ingest
    from rasid.ingest.sources import FieldMap

    settings = _settings(db=db, ingest_workers=workers)
    store = _open_store(settings.db)
    fields = FieldMap(text_field, title_field, date_field, source_field, url_field)
    summary = ingest(list(sources), store, settings, fields, report=report, progress=progress)
    store.close()
    report(summary.as_line())
    sys.exit(1 if summary.failed else 0)


@main.command("reprocess")
@db_option
@click.option("--all", "everything", is_flag=True, help="Every article, not only those from another version.")
@click.option("--workers", type=click.IntRange(0, 64), default=None, help="Extraction processes (default 2).")
@click.option("--progress/--no-progress", default=None)
def reprocess_command(db, everything, workers, progress):
    """Extract stored articles again after an upgrade (corrections to entities are kept)."""
    from rasid.ingest.run import reprocess

    settings = _settings(db=db, ingest_workers=workers)
    store = _open_store(settings.db)
    summary = reprocess(store, settings, everything, report=report, progress=progress)
    store.close()
    report(f"{summary.added} reprocessed, {summary.failed} failed")
    sys.exit(1 if summary.failed else 0)


@main.command("search")
@click.argument("query", required=False)
@db_option
@click.option("--person", multiple=True, help="Registry id or name (repeat: all must appear).")
@click.option("--org", "organization", multiple=True, help="Registry id or name of an organization.")
@click.option("--country", multiple=True, help="ISO code (repeat for a country pair).")
@click.option("--type", "types", multiple=True, help="Event type (PLOVER), any of.")
@click.option("--sector", multiple=True, help="Sector id, any of.")
@click.option("--since", default=None, help="From this day (YYYY-MM-DD).")
@click.option("--until", default=None, help="Up to this day (YYYY-MM-DD).")
@click.option("--events", "list_events_", is_flag=True, help="List story events instead of articles.")
@click.option("--limit", type=int, default=20)
@click.option("--offset", type=int, default=0)
@click.option("--json", "as_json", is_flag=True, help="Print the page as JSON.")
def search_command(query, db, person, organization, country, types, sector, since, until, list_events_,
                   limit, offset, as_json):
    """Search the knowledge base: full text (insensitive to hamza, ya/alef maqsura, ta marbuta,
    diacritics and tatweel) and filters."""
    from rasid.search.articles import search_articles
    from rasid.search.events import list_events
    from rasid.search.filters import BadQuery, Filters, Paging

    settings = _settings(db=db)
    store = _open_store(settings.db, readonly=True)
    try:
        filters = Filters.make(person, organization, country, types, sector, since, until)
        paging = Paging.make(limit, offset)
        with store.engine.connect() as connection:
            page = (list_events(connection, filters, paging) if list_events_
                    else search_articles(connection, query, filters, paging))
    except BadQuery as exc:
        raise click.UsageError(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(page, ensure_ascii=False, indent=2))
        return
    click.echo(f"{page['total']} {'events' if list_events_ else 'articles'}")
    for item in page["items"]:
        if list_events_:
            names = ", ".join(p["name"] for p in item["participants"])
            click.echo(f"{item['day'] or '-':10}  {item['type']:10} {'-'.join(item['countries']):10} {names}")
        else:
            click.echo(f"{(item['published'] or '-')[:10]:10}  {item['id']}  {item['title'] or ''}")
            click.echo(f"            {item['snippet']}")


@main.group("entities")
def entities_group():
    """The entity registry: list, show, and fix mistakes (merge, split)."""


@entities_group.command("list")
@db_option
@click.option("--type", "entity_type", type=click.Choice(["PERSON", "ORG", "COUNTRY", "LOCATION"]), default=None)
@click.option("--name", default=None, help="Entities known by this name or alias.")
@click.option("--limit", type=click.IntRange(1, 100), default=20)
@click.option("--offset", type=click.IntRange(0), default=0)
def entities_list(db, entity_type, name, limit, offset):
    from rasid.registry.queries import list_entities
    from rasid.search.filters import Paging

    store = _open_store(_settings(db=db).db, readonly=True)
    with store.engine.connect() as connection:
        page = list_entities(connection, Paging.make(limit, offset), entity_type, name)
    click.echo(f"{page['total']} entities")
    for item in page["items"]:
        click.echo(f"{item['id']:>7}  {item['type']:8} {item['country'] or '--'}  {item['article_count']:>6}  "
                   f"{item['name']}")


@entities_group.command("show")
@click.argument("entity_id", type=int)
@db_option
def entities_show(entity_id, db):
    """An entity's page as JSON: names, counts, title history."""
    from rasid.registry.queries import entity_page

    store = _open_store(_settings(db=db).db, readonly=True)
    with store.engine.connect() as connection:
        page = entity_page(connection, entity_id)
    if page is None:
        raise click.ClickException(f"no entity {entity_id}")
    click.echo(json.dumps(page, ensure_ascii=False, indent=2))


@entities_group.command("merge")
@click.argument("into", type=int)
@click.argument("other", type=int)
@db_option
def entities_merge(into, other, db):
    """Merge entity OTHER into entity INTO (recorded: a reprocess keeps it)."""
    from rasid.registry.corrections import merge
    from rasid.registry.resolve import RegistryError

    store = _open_store(_settings(db=db).db)
    try:
        with store.engine.begin() as connection:
            survivor = merge(connection, into, other)
    except RegistryError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"merged {other} into {survivor}")


@entities_group.command("split")
@click.argument("entity_id", type=int)
@click.option("--article", "article_ids", multiple=True, required=True,
              help="An article whose mentions go to the new entity (repeat).")
@click.option("--name", default=None, help="Name of the new entity.")
@db_option
def entities_split(entity_id, article_ids, name, db):
    """Move ENTITY_ID's mentions in the given articles to a new entity (recorded: a reprocess keeps it)."""
    from rasid.registry.corrections import split
    from rasid.registry.resolve import RegistryError

    store = _open_store(_settings(db=db).db)
    try:
        with store.engine.begin() as connection:
            new = split(connection, entity_id, list(article_ids), name)
    except RegistryError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(f"split into new entity {new}")


@main.command("serve")
@db_option
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=8000, show_default=True)
@click.option("--workers", type=click.IntRange(1, 16), default=1, show_default=True)
@click.option("--token", default=None, help="API token for writes (default: RASID_API_TOKEN).")
def serve_command(db, host, port, workers, token):
    """Serve the REST API (OpenAPI at /docs) over the knowledge base."""
    import os

    import uvicorn

    settings = _settings(db=db, api_token=token)
    _open_store(settings.db, readonly=True).close()  # fail now, with one line, if it is not a store
    os.environ["RASID_DB"] = settings.db
    if settings.api_token:
        os.environ["RASID_API_TOKEN"] = settings.api_token
    uvicorn.run("rasid.api.app:app_from_environment", factory=True, host=host, port=port, workers=workers,
                log_level="warning")


# --- batch extraction on Apache Spark (rasid/batch)

@main.command("batch")
@click.argument("inputs", nargs=-1, required=True)
@click.argument("output")
@click.option("--dead-letter", default=None, help="Folder of the dead letters (default: OUTPUT/_dead_letter).")
@click.option("--master", default=None, help="Spark master: local[*], local[2], spark://host:7077, yarn "
                                              "(default: RASID_SPARK_MASTER or local[*]).")
@click.option("--partitions", type=click.IntRange(1), default=None,
              help="That many extraction tasks of equal size (by input bytes) (default: "
                   "RASID_SPARK_PARTITIONS, or tasks that shrink as the work runs out).")
def batch_command(inputs, output, dead_letter, master, partitions):
    """Extract records from the articles under INPUTS (files or folders, recursive; local paths or
    hdfs://, s3://, gs:// URIs) on Apache Spark, into Parquet at OUTPUT partitioned by publication month and
    source. Text, .json, .jsonl (.gz too) and WARC inputs.

    Bad inputs never fail the job: each goes to the dead-letter folder (JSON Lines: source, reason).
    A run replaces the partitions it writes: re-running a month replaces it, never duplicates it.
    Read the records back with rasid.batch.parquet.read_records(OUTPUT)."""
    try:
        from rasid.batch.job import run_batch, spark_session
    except ImportError as exc:
        report(f"rasid batch needs the batch extra: pip install 'rasid[batch]' ({exc})")
        sys.exit(2)
    settings = _settings(spark_master=master, spark_partitions=partitions)
    spark = spark_session(settings)
    report(f"Spark {spark.version} on {settings.spark_master}; UI: {spark.sparkContext.uiWebUrl or 'disabled'}")
    try:
        result = run_batch(list(inputs), output, settings, spark, dead_letter=dead_letter)
    except RasidError as exc:
        report(str(exc))
        sys.exit(1)
    finally:
        spark.stop()
    report(result.as_line())
