"""Document-level consistency: a name tagged once is tagged again where the tagger missed it.

After the CRF has tagged every sequence of a document, the words of each
PERS/LOC/ORG span it found (and, for a person named by two or more words, the
last word alone: the family name that later mentions use) are looked for in
the stretches it tagged O; an occurrence there, also behind a conjunction or
preposition letter glued to its first word (وبوش), gets the span's type.
A one-word name is never spread to a function word (a preposition, particle, pronoun or time word
of ``person_stop_words.txt``, compared normalized): normalization makes the preposition على the
given name علي, and the last word of "محمد علي" would otherwise tag every على of the document.
A linear pass: candidate names are indexed by their first word.
"""
from __future__ import annotations

from typing import Sequence

from rasid.lang.wordsets import normalized_words
from rasid.ner.features import CLITIC_LETTERS, clitic_stripped
from rasid.ner.scoring import chunks

PROPAGATED_LABELS = frozenset({"PERS", "LOC", "ORG"})
MAX_NAME_WORDS = 4
FUNCTION_WORDS_FILE = "person_stop_words.txt"  # words that are never a one-word name by themselves


def document_names(sequences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]]) -> dict[tuple[str, ...], str]:
    """Word tuple -> the type the tagger gave it most often in the document (ties: first seen)."""
    votes: dict[tuple[str, ...], dict[str, int]] = {}
    for words, labels in zip(sequences, tags):
        for chunk in chunks(labels):
            if chunk.label not in PROPAGATED_LABELS or chunk.last - chunk.first > MAX_NAME_WORDS:
                continue
            _vote(votes, tuple(words[chunk.first:chunk.last]), chunk.label)
            if chunk.label == "PERS" and chunk.last - chunk.first >= 2:
                _vote(votes, (words[chunk.last - 1],), "PERS")
    return {name: max(counts, key=counts.__getitem__) for name, counts in votes.items()}  # max: the first best


def _vote(votes: dict[tuple[str, ...], dict[str, int]], name: tuple[str, ...], label: str) -> None:
    counts = votes.get(name)
    if counts is None:
        votes[name] = {label: 1}
    else:
        counts[label] = counts.get(label, 0) + 1


def _forms(word: str) -> tuple[str, ...]:
    stripped = clitic_stripped(word)
    return (word,) if stripped is None else (word, stripped)


def _match(words: Sequence[str], labels: Sequence[str], i: int,
           by_first: dict[str, list[tuple[str, ...]]]) -> tuple[int, tuple[str, ...]] | None:
    """The longest known name starting at word i over O-tagged words only: (length, name)."""
    best = None
    for first in _forms(words[i]):
        for name in by_first.get(first, ()):
            size = len(name)
            end = i + size
            if end > len(words) or (best and size <= best[0]):
                continue
            if tuple(words[i + 1:end]) != name[1:] or any(label != "O" for label in labels[i:end]):
                continue
            if end < len(labels) and labels[end].startswith("I-"):
                continue
            best = (size, name)
    return best


def propagate(sequences: Sequence[Sequence[str]], tags: Sequence[Sequence[str]]) -> list[list[str]]:
    """The tags of a document's sequences with its names tagged wherever they recur untagged."""
    stop = normalized_words(FUNCTION_WORDS_FILE)
    names = {name: label for name, label in document_names(sequences, tags).items()
             if len(name) > 1 or name[0] not in stop}
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for name in names:
        by_first.setdefault(name[0], []).append(name)
    # the words a name may start at: its first word, also behind a clitic letter (``_forms``)
    starters = set(by_first) | {letter + first for first in by_first for letter in CLITIC_LETTERS}
    out = []
    for words, labels in zip(sequences, tags):
        labels = list(labels)
        if starters.isdisjoint(words):
            out.append(labels)
            continue
        i = 0
        while i < len(words):
            found = _match(words, labels, i, by_first) if labels[i] == "O" and words[i] in starters else None
            if found is None:
                i += 1
                continue
            size, name = found
            label = names[name]
            labels[i:i + size] = [f"B-{label}"] + [f"I-{label}"] * (size - 1)
            i += size
        out.append(labels)
    return out
