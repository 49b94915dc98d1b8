"""Run the pipeline over the articles of a gold directory and score it."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rasid.errors import InputError, RasidError
from rasid.evaluation.scoring import FIELDS, Counts, gold_view, score_document
from rasid.readers import items_from_bytes
from rasid.settings import Settings


@dataclass
class Evaluation:
    totals: dict[str, Counts] = field(default_factory=lambda: {f: Counts() for f in FIELDS})
    documents: dict[str, dict[str, Counts]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "documents": len(self.documents),
            "fields": {f: c.as_dict() for f, c in self.totals.items()},
            "per_document": {
                name: {f: c.as_dict() for f, c in counts.items()} for name, counts in self.documents.items()
            },
            "errors": self.errors,
        }


def _index_articles(article_dirs: list[Path]) -> dict[str, Path]:
    index: dict[str, Path] = {}
    for folder in article_dirs:
        if folder.is_file():
            index.setdefault(folder.name, folder)
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                index.setdefault(path.name, path)
    return index


def load_gold(path: Path) -> dict[str, Any]:
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(str(path), f"unreadable gold file: {exc}") from exc
    if not isinstance(gold, dict) or not isinstance(gold.get("file"), str):
        raise InputError(str(path), 'gold file has no "file" field')
    return gold


def evaluate(gold_dir: Path, article_dirs: list[Path], settings: Settings) -> Evaluation:
    from rasid.pipeline import process

    result = Evaluation()
    articles = _index_articles(article_dirs)
    gold_files = sorted(gold_dir.glob("*.json"))
    if not gold_files:
        result.errors.append(f"{gold_dir}: no gold files (*.json)")
    for gold_path in gold_files:
        try:
            gold = load_gold(gold_path)
            article_path = articles.get(gold["file"])
            if article_path is None:
                raise InputError(str(gold_path), f"article {gold['file']!r} not found in the article folders")
            items = list(items_from_bytes(article_path.read_bytes(), str(article_path)))
            if items[0].error:
                raise items[0].error
            record = process(items[0].article, settings)
        except RasidError as exc:
            result.errors.append(str(exc))
            continue
        counts = score_document(gold_view(record), gold)
        result.documents[gold["file"]] = counts
        for name, c in counts.items():
            result.totals[name] += c
    return result


def format_table(evaluation: Evaluation, per_document: bool = False) -> str:
    lines = [f"{'field':<20}{'P':>8}{'R':>8}{'F1':>8}{'tp':>6}{'pred':>6}{'gold':>6}"]
    for name in FIELDS:
        c = evaluation.totals[name]
        lines.append(f"{name:<20}{c.precision:>8.3f}{c.recall:>8.3f}{c.f1:>8.3f}{c.tp:>6}{c.predicted:>6}{c.gold:>6}")
    lines.append(f"documents: {len(evaluation.documents)}")
    if per_document:
        lines.append("")
        lines.append("F1 per document: " + "  ".join(f"{name}" for name in FIELDS))
        for doc, counts in evaluation.documents.items():
            lines.append(f"{doc:<40}" + " ".join(f"{counts[f].f1:.2f}" for f in FIELDS))
    return "\n".join(lines)
