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
              help="Model file to write (default: the bundled rasid/models/ner-crf.crfsuite).")
@click.option("--c1", type=float, default=None, help="L1 regularization (default: the recipe's).")
@click.option("--c2", type=float, default=None, help="L2 regularization (default: the recipe's).")
@click.option("--max-iterations", type=int, default=None, help="L-BFGS iterations (default: the recipe's).")
def train(corpora, output, c1, c2, max_iterations) -> None:
    """Train the NER model (CRF) from the corpora; deterministic."""
    from dataclasses import replace

    from rasid.ner.corpus import CorpusError
    from rasid.ner.model import TrainingParams, bundled_model_path
    from rasid.ner.training import default_corpora, train_model

    overrides = {"c1": c1, "c2": c2, "max_iterations": max_iterations}
    params = replace(TrainingParams(), **{k: v for k, v in overrides.items() if v is not None})
    try:
        result = train_model(corpora or default_corpora(), output or bundled_model_path(), params)
    except CorpusError as exc:
        report(str(exc))
        sys.exit(1)
    click.echo(f"trained on {result.sentences:,} sentences, {result.tokens:,} tokens; {params.as_dict()}")
    click.echo(f"wrote {result.path} ({result.size:,} bytes, sha256 {result.sha256})")


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
