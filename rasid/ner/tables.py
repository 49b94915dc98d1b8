"""Word -> labels tables frozen beside the model (lexicon cues, gazetteer): one format for both.

A line is ``word<TAB>label,label...``; lines starting with ``#`` are comments.
"""
from __future__ import annotations

from pathlib import Path

LABEL_SEPARATOR = ","


class LabelTableError(ValueError):
    """A frozen word -> labels table is malformed."""


def read_word_labels(path: Path) -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        word, tab, labels = line.partition("\t")
        if not tab or not word or not labels:
            raise LabelTableError(f"{path}:{number}: expected 'word<TAB>label{LABEL_SEPARATOR}label...'")
        table[word] = tuple(labels.split(LABEL_SEPARATOR))
    return table


def write_word_labels(table: dict[str, tuple[str, ...]], header: str, path: Path) -> None:
    lines = [f"{word}\t{LABEL_SEPARATOR.join(labels)}" for word, labels in sorted(table.items())]
    path.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
