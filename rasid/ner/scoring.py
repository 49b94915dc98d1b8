"""Exact-span entity-level scoring, as conlleval counts it.

A chunk starts at ``B-X``, or at ``I-X`` after ``O`` or after a tag of
another type (conlleval's lenient reading of IOB); it runs over the
following ``I-X``. A predicted chunk is correct only when its type and both
boundaries equal a gold chunk's.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Iterable, NamedTuple, Sequence

OUTSIDE = "O"


class Chunk(NamedTuple):
    """A named tuple: immutable, and built for every name found in a fraction of a frozen dataclass's time."""

    label: str
    first: int  # token index
    last: int  # exclusive


def chunks(tags: Sequence[str]) -> list[Chunk]:
    found: list[Chunk] = []
    label: str | None = None
    first = 0
    for i, tag in enumerate(tags):
        if tag == OUTSIDE:  # most tags: close the open chunk, if any
            if label is not None:
                found.append(Chunk(label, first, i))
                label = None
            continue
        prefix, _, kind = tag.partition("-")
        continues = prefix == "I" and kind == label
        if label is not None and not continues:
            found.append(Chunk(label, first, i))
            label = None
        if prefix in ("B", "I") and not continues:
            label, first = kind, i
        elif prefix not in ("B", "I"):
            raise ValueError(f"bad IOB tag {tag!r} at position {i}")
    if label is not None:
        found.append(Chunk(label, first, len(tags)))
    return found


@dataclass(frozen=True)
class Counts:
    correct: int
    predicted: int
    gold: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Score:
    by_label: dict[str, Counts]

    def micro(self, labels: Iterable[str] | None = None) -> Counts:
        chosen = [self.by_label[x] for x in (labels or self.by_label) if x in self.by_label]
        return Counts(sum(c.correct for c in chosen), sum(c.predicted for c in chosen),
                      sum(c.gold for c in chosen))

    def table(self, labels: Iterable[str] | None = None) -> str:
        rows = [f"{'type':<8}{'P':>8}{'R':>8}{'F1':>8}{'gold':>8}{'pred':>8}"]
        names = sorted(self.by_label) if labels is None else list(labels)
        for name in names:
            rows.append(_row(name, self.by_label.get(name, Counts(0, 0, 0))))
        rows.append(_row("micro", self.micro(names)))
        return "\n".join(rows)


def _row(name: str, c: Counts) -> str:
    return f"{name:<8}{c.precision:>8.4f}{c.recall:>8.4f}{c.f1:>8.4f}{c.gold:>8}{c.predicted:>8}"


def score(gold: Iterable[Sequence[str]], predicted: Iterable[Sequence[str]]) -> Score:
    """Score tag sequences pairwise (same lengths), pooling counts over all of them."""
    correct: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    for number, (gold_tags, pred_tags) in enumerate(zip(gold, predicted, strict=True)):
        if len(gold_tags) != len(pred_tags):
            raise ValueError(f"sequence {number}: {len(gold_tags)} gold tags but {len(pred_tags)} predicted")
        gold_chunks = set(chunks(gold_tags))
        pred_chunks = set(chunks(pred_tags))
        n_gold.update(c.label for c in gold_chunks)
        n_pred.update(c.label for c in pred_chunks)
        correct.update(c.label for c in gold_chunks & pred_chunks)
    labels = set(n_gold) | set(n_pred)
    return Score({x: Counts(correct[x], n_pred[x], n_gold[x]) for x in sorted(labels)})
